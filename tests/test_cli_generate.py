"""The generating commands: advise, checklist, clause, list; errors, atomic -o, binary refusal."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import markdown
import pytest

from generator.atomic import emit, write_atomic
from generator.cli import main
from generator.errors import UserError
from tests._generator_support import FIXTURE

PB = ["--playbooks", str(FIXTURE)]
HOSTILE = "<b>x</b> {{ 7*7 }}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_advise_ranks_with_reasons_then_checklist(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "advise", "--signal", "new-customer", "--signal", "large-first-order",
                         "--signal", "no-questions-asked", *PB)
    assert code == 0 and err == ""
    assert out.index("1. **1\\. Check the new buyer first**") < out.index("2. **4\\. Write the terms down**")
    assert "3 of 3 signals matched" in out
    assert "Why: A very large first order agreed without any questions." in out
    assert out.index("Why:") < out.index("## Get paid in full when you see:")


def test_checklist_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "checklist", "--situation", "new-buyer-big-order", *PB)
    assert code == 0 and out.startswith("# Get paid in full:")
    code, out, _ = run(capsys, "checklist", "--signal", "repeated-refusal", "--format", "html", *PB)
    assert code == 0 and "<!DOCTYPE html>" in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    target = tmp_path / "c.pdf"
    code, _, _ = run(capsys, "checklist", "--situation", "keeps-refusing", "--format", "pdf", "--paper",
                     "letter", "-o", str(target), *PB)
    assert code == 0 and target.read_bytes().startswith(b"%PDF")


def test_paper_only_with_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "checklist", "--situation", "keeps-refusing", "--paper", "a4", *PB)
    assert code == 2 and "--paper applies only to --format pdf" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["checklist", "--situation", "keeps-refusin"], "unknown situation 'keeps-refusin' (did you mean "
                                                    "'keeps-refusing'?); 'playbook list situations' shows them all"),
    (["advise", "--signal", "overdeu"], "unknown signal 'overdeu' (did you mean 'overdue'?); "
                                        "'playbook list signals' shows them all"),
    (["clause", "pay-by-dat"], "unknown clause 'pay-by-dat' (did you mean 'pay-by-date'?); "
                               "'playbook list clauses' shows them all"),
    (["clause", "pay-by-date", "--var", "amount=12000"],
     "--var amount='12000': no currency code found; 'amount' is a money: write an amount and a three-letter "
     "ISO 4217 currency code, for example --var amount='12000 EUR'"),
])
def test_user_errors_are_one_line_without_traceback(capsys: pytest.CaptureFixture[str], argv: list[str],
                                                    message: str) -> None:
    code, out, err = run(capsys, *argv, *PB)
    assert (code, out, err) == (2, "", f"playbook: error: {message}\n")


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "tactics", *PB)
    assert code == 0
    assert out.splitlines() == ["check-the-new-buyer  1. Check the new buyer first",
                                "write-it-down        4. Write the terms down",
                                "many-items           Escalate step by step"]
    for kind in ("signals", "situations", "clauses"):
        assert run(capsys, "list", kind, *PB)[1]


def test_hostile_value_is_literal_in_every_clause_format(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    var = ["--var", f"buyer={HOSTILE}"]
    _, text, _ = run(capsys, "clause", "pay-by-date", *var, "--format", "txt", *PB)
    assert HOSTILE in text
    _, source, _ = run(capsys, "clause", "pay-by-date", *var, *PB)
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "tables"])
    assert "&lt;b&gt;x&lt;/b&gt; {{ 7*7 }}" in html and "<b>" not in html and "49" not in html
    target = tmp_path / "c.docx"
    assert run(capsys, "clause", "pay-by-date", *var, "--format", "docx", "-o", str(target), *PB)[0] == 0
    from docx import Document

    texts = [p.text for p in Document(str(target)).paragraphs]
    assert any(HOSTILE in t for t in texts) and not any("49" in t for t in texts)
    with zipfile.ZipFile(target) as archive:
        assert "&lt;b&gt;x&lt;/b&gt; {{ 7*7 }}" in archive.read("word/document.xml").decode()


def test_write_atomic_replaces_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(os.listdir(tmp_path)) == ["out.md"]


def test_write_atomic_failure_leaves_old_file_and_no_temp(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(UserError, match="nothing was changed"):
        write_atomic(target, b"new content")
    assert target.read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["out.md"]


def test_rendering_failure_never_touches_the_target(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "c.md"
    target.write_text("keep me")
    code, _, _ = run(capsys, "clause", "pay-by-date", "--var", "due_date=nope", "-o", str(target), *PB)
    assert code == 2 and target.read_text() == "keep me"


def test_missing_folder_for_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "clause", "pay-by-date", "-o", str(tmp_path / "no" / "c.md"), *PB)
    assert code == 2 and "does not exist" in err


class FakeTerminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def test_binary_refuses_a_terminal_but_text_is_fine() -> None:
    with pytest.raises(UserError, match="PDF output is binary"):
        emit(b"%PDF", None, binary=True, what="PDF", stdout=FakeTerminal())
    terminal = FakeTerminal()
    emit(b"# text", None, binary=False, what="text", stdout=terminal)
    assert terminal.getvalue() == b"# text"
    piped = io.BytesIO()
    emit(b"%PDF", None, binary=True, what="PDF", stdout=piped)
    assert piped.getvalue() == b"%PDF"


def test_advise_does_not_import_heavy_libraries() -> None:
    import subprocess
    import sys

    code = ("import sys; from generator.cli import main; main(['advise', '--signal', 'overdue', "
            f"'--playbooks', {str(FIXTURE)!r}]); "
            "print('HEAVY', [m for m in ('weasyprint', 'docx') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stdout
