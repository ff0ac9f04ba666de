"""`playbook plan` and `playbook letter` end to end: files written, formats readable, bad input refused."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar

from generator import plan as plan_module
from generator.cli import main
from tests.conftest import SHIPPED_PLAYBOOKS

INVOICE = ["--customer", "Example Trading Ltd.", "--amount", "12000", "--currency", "EUR", "--due", "2026-12-15"]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "today", lambda: dt.date(2026, 11, 1))


def run(*argv: str) -> int:
    return main([argv[0], "--playbooks", str(SHIPPED_PLAYBOOKS), *argv[1:]])


def test_plan_markdown_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert run("plan", *INVOICE) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.startswith("# Collection plan: Example Trading Ltd.\n")
    assert "## 10 December 2026" in out and "## 29 January 2027" in out


def test_plan_ics_file_imports_with_the_expected_events(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    assert run("plan", *INVOICE, "--signal", "partial-payment", "--format", "ics", "-o", str(target)) == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    dates = sorted(event.decoded("DTSTART") for event in events)
    assert len(events) == 11
    assert dates[0] == dt.date(2026, 12, 10) and dates[-1] == dt.date(2027, 1, 29)
    assert sum(1 for d in dates if d == dt.date(2026, 12, 15)) == 4


def test_plan_pdf_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    assert run("plan", *INVOICE, "--lang", "zh-Hant", "--format", "pdf", "-o", str(target)) == 0
    assert target.read_bytes().startswith(b"%PDF-")


def test_letter_docx_and_text(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    target = tmp_path / "reminder.docx"
    assert run("letter", "payment-reminder", "--lang", "hu", "--var", "amount=12000 EUR",
               "--var", "due_date=2026-12-15", "--format", "docx", "-o", str(target)) == 0
    text = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "12 000,00 EUR" in text and "2026. december 15." in text
    assert run("letter", "final-demand", "--format", "txt", "--var", "final_date=2027-01-24") == 0
    assert "by 24 January 2027" in capsysbinary.readouterr().out.decode("utf-8")


def test_list_letters(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert run("list", "letters") == 0
    assert "final-demand" in capsysbinary.readouterr().out.decode("utf-8")


@pytest.mark.parametrize(("change", "message"), [
    (("--due", "2026-13-01"), "--due '2026-13-01': there is no such day in the calendar; write the due date as "
                              "YYYY-MM-DD, for example --due 2026-12-15"),
    (("--due", "next friday"), "--due 'next friday': the date is not in the form YYYY-MM-DD; write the due date "
                               "as YYYY-MM-DD, for example --due 2026-12-15"),
    (("--due", "2026-10-15"), "--due '2026-10-15': the due date is in the past (today is 2026-11-01); plan an "
                              "invoice that is not yet due"),
    (("--amount", "-500"), "--amount '-500': the amount must be greater than zero"),
    (("--currency", "XYZ"), "--currency 'XYZ': not an ISO 4217 currency code; write a three-letter code such as "
                            "EUR, HUF, CNY or TWD"),
])
def test_bad_input_gets_a_message_and_no_file(change: tuple[str, str], message: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    argv = list(INVOICE)
    argv[argv.index(change[0]) + 1] = change[1]
    target = tmp_path / "plan.ics"
    assert run("plan", *argv, "--format", "ics", "-o", str(target)) == 2
    captured = capsys.readouterr()
    assert captured.err == f"playbook: error: {message}\n"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_bad_letter_value_gets_a_message_and_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "letter.docx"
    assert run("letter", "payment-reminder", "--var", "due_date=2026-02-30", "--format", "docx",
               "-o", str(target)) == 2
    assert "there is no such day in the calendar" in capsys.readouterr().err
    assert not target.exists()


def test_binary_plan_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", type("Out", (), {"buffer": Terminal()})())
    assert run("plan", *INVOICE, "--format", "pdf") == 2
    assert "PDF output is binary" in capsys.readouterr().err
