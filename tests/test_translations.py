"""Missing translations are reported with file, line, field and language; clause translations keep placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.cli import main
from generator.translations import missing_translations


def test_every_untranslated_text_is_listed(playbooks_copy: Path) -> None:
    missing = missing_translations(load_catalog(playbooks_copy))
    lines = [str(m.problem) for m in missing]
    assert "playbooks/tactics/sample-tactic.yml:3:1: title.zh-Hant: the Traditional Chinese translation is missing" \
        in lines
    assert "playbooks/signals.yml:6:5: signals[0].description.hu: the Hungarian translation is missing" in lines
    assert "playbooks/tactics/sample-tactic.yml:31:1: keywords.hu: the Hungarian translation is missing" in lines
    assert {m.language for m in missing} == {"zh-Hant", "hu"}


def test_a_translated_text_is_not_listed(playbooks_copy: Path) -> None:
    tactic = playbooks_copy / "tactics" / "sample-tactic.yml"
    tactic.write_text(tactic.read_text(encoding="utf-8").replace(
        "  en: Keep first orders small\n",
        "  en: Keep first orders small\n  zh-Hant: 首批訂單要小\n  hu: Az első rendelés legyen kicsi\n"),
        encoding="utf-8")
    fields = {m.problem.field for m in missing_translations(load_catalog(playbooks_copy))
              if m.problem.path.endswith("sample-tactic.yml")}
    assert "title.zh-Hant" not in fields and "title.hu" not in fields
    assert "summary.hu" in fields


def test_validate_reports_and_optionally_requires_translations(playbooks_copy: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "playbooks", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert err.endswith("English is shown in their place\n") and err.count("\n") == 1
    assert main(["validate", "playbooks", "--require-translations"]) == 1
    assert "title.zh-Hant: the Traditional Chinese translation is missing" in capsys.readouterr().err


def test_clause_translation_must_keep_the_placeholders(playbooks_copy: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    clause = playbooks_copy / "clauses" / "sample-clause.yml"
    clause.write_text(clause.read_text(encoding="utf-8").replace(
        "      en: The buyer's unpaid balance shall not exceed {{ limit }}.\n",
        "      en: The buyer's unpaid balance shall not exceed {{ limit }}.\n"
        "      hu: A vevő tartozása nem haladhatja meg a hitelkeretet.\n"), encoding="utf-8")
    assert main(["validate", "playbooks"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "playbooks/clauses/sample-clause.yml:21:7: alternatives[0].text.hu: the translation must use the same "
        "placeholders as the English text: it lacks {{ limit }}")
