"""Accessibility: axe-core finds no serious or critical violations on the main kinds of page, in every language.

axe-core is vendored for the tests only (tests/vendor/axe.min.js, see tests/vendor/README.md) and injected
into each page through Playwright; the site does not ship it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Origin

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
PREFIX = {"en": "", "zh-Hant": "zh-Hant/", "hu": "hu/"}
PAGES = {
    "home": "index.html",
    "tactic": "tactics/call-the-stall.html",
    "situation": "situations/customer-in-a-meeting.html",
    "clause": "clauses/retention-of-title.html",
}
SERIOUS = ("serious", "critical")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations of impact serious or critical on the loaded page (WCAG 2.x A and AA rules)."""
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
               runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
               resultTypes: ['violations'],
           })""")
    return [v for v in result["violations"] if v.get("impact") in SERIOUS]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", list(PREFIX))
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violations(page: Any, http_origin: Origin, kind: str, lang: str) -> None:
    page.goto(http_origin.url(PREFIX[lang] + PAGES[kind]))
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert not violations, describe(violations)
