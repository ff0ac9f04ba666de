"""The situation picker in a real browser: the same advice as ``playbook advise``, shared links, phone, print, axe."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Origin

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
PREFIX = {"en": "", "zh-Hant": "zh-Hant/", "hu": "hu/"}
LANGUAGES = list(PREFIX)
# Three situations of the brief: a stalling customer, a short payment, a new shop wanting a big first order.
SITUATIONS = ["third-week-of-excuses", "paid-sixty-percent", "new-shop-wants-a-full-truck"]


def situation_signals(situation: str) -> list[str]:
    """The signals of a shipped situation, as ``playbook advise --situation`` would use them."""
    from tests._generator_support import shipped_catalog

    return list(shipped_catalog().situation(situation).signals)


def _plain(markdown: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown)).strip()


def cli_advice(signals: list[str], lang: str) -> tuple[list[str], list[str]]:
    """The ranked tactic names and the checklist item texts that ``playbook advise`` prints for ``signals``."""
    args = [sys.executable, "-m", "generator.cli", "advise", "--lang", lang]
    for signal in signals:
        args += ["--signal", signal]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    tactics = [_plain(m[1]) for m in re.finditer(r"^\d+\. \*\*(.+?)\*\* \(", result.stdout, re.MULTILINE)]
    items = []
    for line in re.findall(r"^- \[ \] (.+)$", result.stdout, re.MULTILINE):
        text = line.split("<br>")[0]
        bold = re.match(r"\*\*(.+)\*\* \(", text)
        items.append(_plain(bold[1] if bold else text))
    return tactics, items


def open_picker(page: Any, origin: Origin, lang: str, fragment: str = "") -> None:
    page.goto(origin.url(f"{PREFIX[lang]}picker.html{fragment}"))
    page.wait_for_selector(".playbook-picker--ready")


def shown_advice(page: Any) -> tuple[list[str], list[str]]:
    tactics = page.locator(".playbook-picker__tactic-name").all_text_contents()
    items = page.locator(".playbook-picker__item-text").all_text_contents()
    return tactics, items


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_ticking_gives_what_the_cli_advises(page: Any, http_origin: Origin, lang: str, situation: str) -> None:
    signals = situation_signals(situation)
    open_picker(page, http_origin, lang)
    for signal in signals:
        page.check(f"#pick-{signal}")
    tactics, items = shown_advice(page)
    cli_tactics, cli_items = cli_advice(signals, lang)
    assert len(cli_tactics) >= 3
    assert tactics[:3] == cli_tactics[:3]
    assert tactics == cli_tactics
    assert items == cli_items
    assert page.evaluate("location.hash") == "#signals=" + ",".join(
        s for s in page.eval_on_selector_all("input[name=signal]", "els => els.map(e => e.value)") if s in signals)
    assert not page.request_log.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_shared_link_restores_the_ticks(page: Any, origin: Origin, lang: str) -> None:
    signals = situation_signals("third-week-of-excuses")
    open_picker(page, origin, lang, "#signals=" + ",".join(signals))
    checked = page.eval_on_selector_all("input[name=signal]:checked", "els => els.map(e => e.value)")
    assert sorted(checked) == sorted(signals)
    tactics, items = shown_advice(page)
    assert (tactics, items) == cli_advice(signals, lang)
    share = page.get_attribute("#playbook-picker-share", "href")
    assert share is not None and share.endswith("#signals=" + ",".join(checked))
    # a link pasted on the open page is followed too
    page.evaluate("location.hash = '#signals=partial-payment'")
    page.wait_for_function("document.querySelectorAll('input[name=signal]:checked').length === 1")
    assert page.is_checked("#pick-partial-payment")
    assert not page.request_log.errors
    assert all(url.startswith(origin.base) for url in page.request_log.urls)


def test_keyboard_ticks_and_the_status_is_announced(page: Any, http_origin: Origin) -> None:
    open_picker(page, http_origin, "en")
    page.focus("#pick-overdue")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert len(page.eval_on_selector_all("input[name=signal]:checked", "els => els")) == 2
    status = page.locator("#playbook-picker-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "Tactics that apply" in status.text_content()
    assert page.locator("fieldset legend").count() >= 5


def test_clear_removes_the_ticks_and_the_link(page: Any, http_origin: Origin) -> None:
    open_picker(page, http_origin, "en", "#signals=overdue")
    page.click("#playbook-picker-clear")
    assert page.evaluate("location.hash") == ""
    assert page.locator(".playbook-picker__tactic").count() == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fits_a_phone_screen(page: Any, http_origin: Origin, lang: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    open_picker(page, http_origin, lang, "#signals=" + ",".join(situation_signals("new-shop-wants-a-full-truck")))
    assert page.locator(".playbook-picker__tactic").count() > 0
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_print_shows_only_the_results(page: Any, http_origin: Origin) -> None:
    open_picker(page, http_origin, "en", "#signals=partial-payment")
    page.emulate_media(media="print")
    try:
        assert not page.is_visible("#playbook-picker-form")
        assert not page.is_visible(".md-header")
        assert page.is_visible(".playbook-picker__checklist")
        assert page.is_visible(".playbook-picker__tactics")
    finally:
        page.emulate_media(media="screen")


@pytest.mark.skipif(not AXE.exists(), reason="tests/vendor/axe.min.js is not vendored")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_serious_violations(page: Any, http_origin: Origin, lang: str) -> None:
    open_picker(page, http_origin, lang, "#signals=" + ",".join(situation_signals("third-week-of-excuses")))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const found = await axe.run(document.querySelector('.md-content'));
        return found.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)}));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert serious == []
