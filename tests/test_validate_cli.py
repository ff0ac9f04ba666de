"""`playbook validate`: one fixture per kind of invalid input, each asserting the exact message.

Each folder in ``tests/fixtures/invalid/`` holds files laid over a copy of ``tests/fixtures/valid/`` and the
exact output expected from ``playbook validate playbooks`` in ``expected.txt``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import FIXTURES, SHIPPED_PLAYBOOKS

CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def test_every_listed_kind_has_a_case() -> None:
    assert set(CASES) >= {
        "unknown-key", "wrong-type", "missing-required", "unknown-signal", "dangling-clause", "duplicate-id",
        "duplicate-key", "yaml-syntax", "python-tag", "non-utf8", "empty-file", "undeclared-variable",
        "yes-no-as-text",
    }


@pytest.mark.parametrize("case", CASES)
def test_invalid_input_gets_exact_message(case: str, playbooks_copy: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    overlay = FIXTURES / "invalid" / case
    for source in overlay.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = playbooks_copy / source.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    code = main(["validate", "playbooks"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err == (overlay / "expected.txt").read_text(encoding="utf-8")
    assert "Traceback" not in captured.err


def test_valid_fixture_passes(playbooks_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "playbooks"]) == 0
    assert capsys.readouterr().out == "playbooks: ok: 1 tactics, 1 clauses, 1 situations, 3 signals\n"


def test_shipped_playbooks_validate(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(SHIPPED_PLAYBOOKS)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert ": ok: " in captured.out


def test_missing_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("playbook: error: ") and "no such playbooks folder" in err


def test_every_problem_is_reported_in_one_run(playbooks_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tactic = playbooks_copy / "tactics" / "sample-tactic.yml"
    tactic.write_text(tactic.read_text(encoding="utf-8").replace("summary:", "sumary:")
                      .replace("phase: before-deal", "phase: befor-deal"), encoding="utf-8")
    (playbooks_copy / "situations" / "sample-situation.yml").write_text("- a list\n", encoding="utf-8")
    assert main(["validate", "playbooks"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "playbooks/situations/sample-situation.yml:1:1: (file): the top level must be a mapping of keys "
        "(such as 'id: ...'), not a list",
        "playbooks/tactics/sample-tactic.yml:1:1: summary: the required field 'summary' is missing; add it",
        "playbooks/tactics/sample-tactic.yml:5:1: sumary: unknown key 'sumary' (did you mean 'summary'?)",
        "playbooks/tactics/sample-tactic.yml:7:1: phase: 'befor-deal' is not one of: before-deal, contract, "
        "monitoring, before-due, due-date, visit, after-payment, escalation (did you mean 'before-deal'?)",
        "4 problems in the playbooks",
    ]
