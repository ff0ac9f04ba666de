"""The situation picker: its embedded data, and its JavaScript giving exactly what the Python ranking gives.

``content/assets/picker.js`` repeats :func:`generator.matching.rank_tactics` and the merging of
:mod:`generator.checklists` on the data of :func:`generator.picker.picker_data`.  Here Node runs that file on
every situation's signals and on random signal sets, in every language, and the result must equal the
Python functions' result field for field.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.catalog import Catalog
from generator.checklists import checklist_for_signals
from generator.matching import rank_tactics, signal_weights
from generator.models import LANGUAGES
from generator.picker import PICKER_PAGE, data_json, picker_data
from generator.site import navigation, pages
from tests._generator_support import fixture_catalog, shipped_catalog

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "content" / "assets" / "picker.js"
NODE = shutil.which("node")

RUNNER = """
const picker = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map((observed) => picker.advise(input.data, observed));
process.stdout.write(JSON.stringify(out));
"""


def expected(catalog: Catalog, observed: list[str], lang: str) -> dict[str, Any]:
    """What ``picker.js`` must return for ``observed``, from the Python functions ``playbook advise`` uses."""
    matches = rank_tactics(catalog.tactics, observed)
    checklist = checklist_for_signals(catalog, observed, lang)
    return {
        "matches": [{"id": m.tactic.id, "rank": m.rank, "covered": list(m.covered),
                     "reasons": [rule.trigger.says.get(lang) for rule in m.rules]} for m in matches],
        "sections": [{
            "id": s.id, "label": s.label, "mode": s.mode, "mode_note": s.mode_note,
            "items": [{"text": i.text, "killer": i.killer, "value": i.value, "tactics": list(i.tactics)}
                      for i in s.items],
            "also_consider": [{"text": i.text, "killer": i.killer, "value": i.value, "tactics": list(i.tactics)}
                              for i in s.also_consider],
        } for s in checklist.sections],
        "tactics": [t.id for t in checklist.tactics],
    }


def run_node(data: dict[str, Any], cases: list[list[str]], tmp_path: Path) -> list[dict[str, Any]]:
    assert NODE is not None
    runner = tmp_path / "run-picker.js"
    runner.write_text(RUNNER, encoding="utf-8")
    result = subprocess.run([NODE, str(runner), str(SCRIPT)], input=json.dumps({"data": data, "cases": cases}),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def signal_cases(catalog: Catalog, count: int, seed: int) -> list[list[str]]:
    """Every situation's signals, every single signal, and ``count`` random sets of two to seven signals."""
    ids = list(catalog.signals)
    chance = random.Random(seed)
    cases = [list(s.signals) for s in catalog.situations.values()]
    cases += [[signal] for signal in ids]
    cases += [chance.sample(ids, chance.randint(2, min(7, len(ids)))) for _ in range(count)]
    cases.append(ids)
    return cases


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_javascript_ranks_and_merges_like_python(lang: str, tmp_path: Path) -> None:
    catalog = shipped_catalog()
    cases = signal_cases(catalog, 300 if lang == "en" else 100, seed=len(lang))
    found = run_node(picker_data(catalog, lang), cases, tmp_path)
    assert len(found) == len(cases)
    for observed, result in zip(cases, found, strict=True):
        assert result == expected(catalog, observed, lang), observed
    # the cases reach deep enough to test the nine-item cap and the "also consider" overflow
    assert any(section["also_consider"] for result in found for section in result["sections"])


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_on_the_fixture_playbook(tmp_path: Path) -> None:
    catalog = fixture_catalog()
    cases = signal_cases(catalog, 100, seed=9)
    found = run_node(picker_data(catalog, "en"), cases, tmp_path)
    assert found == [expected(catalog, observed, "en") for observed in cases]


def test_weights_are_the_python_fractions_over_one_denominator() -> None:
    catalog = shipped_catalog()
    data = picker_data(catalog, "en")
    weights = signal_weights(catalog.tactics.values())
    assert set(data["weights"]) == set(weights)
    for signal, weight in weights.items():
        assert data["weights"][signal] == weight * data["denominator"]


def test_data_is_in_the_page_language() -> None:
    catalog = shipped_catalog()
    data = picker_data(catalog, "zh-Hant")
    tactic = next(t for t in data["tactics"] if t["id"] == "call-the-stall")
    assert tactic["name"] == f"9. {catalog.tactics['call-the-stall'].title.get('zh-Hant')}"
    assert tactic["href"] == "tactics/call-the-stall.html"
    assert data["ui"]["killer"] == "不可跳過"
    assert all(item["key"] == item["key"].casefold() for t in data["tactics"] for item in t["checklist"])


def test_embedded_json_cannot_end_the_script_element() -> None:
    text = str(data_json({"a": "</script><b>&amp;</b>", "b": "\u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><b>&amp;</b>", "b": "\u2028"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_picker_page_in_every_language_with_fieldsets_and_data(lang: str) -> None:
    catalog = shipped_catalog()
    found = {f.path: f for f in pages(catalog, lang, with_downloads=False)}
    path = PICKER_PAGE if lang == "en" else PICKER_PAGE.replace(".md", f".{lang}.md")
    text = found[path].content
    assert isinstance(text, str)
    assert text.count("<fieldset") == len({s.group for s in catalog.signals.values()})
    assert text.count('type="checkbox"') == len(catalog.signals)
    assert 'id="playbook-picker-data"' in text and 'aria-live="polite"' in text
    signals = found["signals.md" if lang == "en" else f"signals.{lang}.md"].content
    assert isinstance(signals, str) and "(picker.md)" in signals
    nav = navigation(catalog, lang, [])
    assert any(isinstance(entry, dict) and "picker.md" in entry.values() for entry in nav)
