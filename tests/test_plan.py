"""The dated collection plan: steps from plan.yml on the calendar, the .ics export, and the catalog checks."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.catalog import load_catalog
from generator.errors import PlaybookError, UserError
from generator.outputs.ics import event_uid, plan_ics
from generator.outputs.markdown import plan_markdown
from generator.plan import build_plan
from tests._generator_support import shipped_catalog
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 1)
DUE = dt.date(2026, 12, 15)
INVOICE = {"customer": "Example Trading Ltd.", "amount": "12000", "currency": "EUR", "due": "2026-12-15"}

# step id -> date, for a due date of 15 December 2026 (offsets from playbooks/plan.yml)
ALWAYS = {
    "send-balance-confirmation": dt.date(2026, 12, 10),
    "call-with-the-time": dt.date(2026, 12, 13),
    "arrive-at-opening": DUE,
    "say-why-you-came": DUE,
    "stay-with-the-payment": DUE,
    "send-payment-reminder": dt.date(2026, 12, 22),
    "call-the-director": dt.date(2026, 12, 29),
    "hand-over-to-receivables": dt.date(2027, 1, 5),
    "send-final-demand": dt.date(2027, 1, 14),
    "file-payment-order": dt.date(2027, 1, 29),
}


def plan(**changes: object):  # type: ignore[no-untyped-def]
    arguments: dict[str, object] = {**INVOICE, "on": TODAY, **changes}
    return build_plan(shipped_catalog(), **arguments)  # type: ignore[arg-type]


def test_steps_are_dated_from_the_due_date_and_sorted() -> None:
    view = plan()
    assert {item.id: item.date for item in view.items} == ALWAYS
    dates = [item.date for item in view.items]
    assert dates == sorted(dates)
    first = view.items[0]
    assert first.tactic == "remind-before-due" and first.tactic_name.startswith("6. ")
    assert first.when == "5 days before the due date"
    assert first.letter == "balance-confirmation-request"
    assert first.letter_command == (
        "playbook letter balance-confirmation-request --var 'customer=Example Trading Ltd.' "
        "--var 'amount=12000 EUR' --var due_date=2026-12-15 --var statement_date=2026-12-10 "
        "--var reply_by=2026-12-13")


def test_partial_payment_signal_adds_the_correction_on_the_due_date() -> None:
    view = plan(signals=["partial-payment"])
    extra = {item.id: item for item in view.items}.keys() - ALWAYS.keys()
    assert extra == {"raise-the-shortfall"}
    item = next(item for item in view.items if item.id == "raise-the-shortfall")
    assert item.date == DUE and item.tactic == "correct-short-payment"
    assert item.letter == "partial-payment-correction"
    assert "--var pay_by=2026-12-22" in (item.letter_command or "")


def test_unknown_signal_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(UserError, match="unknown signal 'partial-paymnt' \\(did you mean 'partial-payment'\\?\\)"):
        plan(signals=["partial-paymnt"])


def test_steps_whose_day_has_passed_move_to_today() -> None:
    view = plan(on=dt.date(2026, 12, 12))
    first = view.items[0]
    assert first.id == "send-balance-confirmation"
    assert first.date == dt.date(2026, 12, 12) and first.planned == dt.date(2026, 12, 10) and first.late
    assert first.late_note == "planned for 10 December 2026, which has passed: do it today"


def test_plan_in_hungarian_and_chinese_formats_dates_and_money() -> None:
    hungarian = plan(language="hu")
    assert hungarian.subtitle == "12 000,00 EUR, fizetési határidő: 2026. december 15."
    assert hungarian.items[0].date_text == "2026. december 10."
    chinese = plan(language="zh-Hant")
    assert chinese.items[0].date_text == "2026年12月10日"
    assert "--lang zh-Hant" in (chinese.items[0].letter_command or "")


def test_markdown_escapes_the_customer_name() -> None:
    text = plan_markdown(plan(customer="<b>ACME</b> *Ltd*"))
    assert "<b>" not in text.split("`")[0] and "&lt;b&gt;ACME&lt;/b&gt; \\*Ltd\\*" in text


def test_ics_parses_and_holds_one_event_per_step_on_its_date() -> None:
    view = plan(signals=["partial-payment"])
    calendar = Calendar.from_ical(plan_ics(view))
    events = calendar.walk("VEVENT")
    assert len(events) == len(ALWAYS) + 1
    by_uid = {str(event["UID"]): event for event in events}
    for step_id, date in {**ALWAYS, "raise-the-shortfall": DUE}.items():
        event = by_uid[event_uid("Example Trading Ltd.", DUE, step_id)]
        assert event.decoded("DTSTART") == date
        assert event.decoded("DTEND") == date + dt.timedelta(days=1)
    reminder = by_uid[event_uid("Example Trading Ltd.", DUE, "send-payment-reminder")]
    assert str(reminder["SUMMARY"]) == ("Example Trading Ltd.: Send the written payment reminder, then call the "
                                        "next day to get a transfer date")
    description = str(reminder["DESCRIPTION"])
    assert description.startswith("What to say: \"I sent you a reminder yesterday")
    assert "Tactic: 12. " in description and "playbook letter payment-reminder" in description


def test_ics_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = plan_ics(plan())
    assert first == plan_ics(plan())
    event = Calendar.from_ical(first).walk("VEVENT")[0]
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(("changes", "message"), [
    ({"due": "15/12/2026"}, "--due '15/12/2026': the date is not in the form YYYY-MM-DD; write the due date as "
                            "YYYY-MM-DD, for example --due 2026-12-15"),
    ({"due": "2026-02-30"}, "--due '2026-02-30': there is no such day in the calendar; write the due date as "
                            "YYYY-MM-DD, for example --due 2026-12-15"),
    ({"due": "2026-10-31"}, "--due '2026-10-31': the due date is in the past (today is 2026-11-01); plan an "
                            "invoice that is not yet due"),
    ({"amount": "-12000"}, "--amount '-12000': the amount must be greater than zero"),
    ({"amount": "0"}, "--amount '0': the amount must be greater than zero"),
    ({"amount": "twelve"}, "--amount 'twelve': not an amount; write a number such as 12000 or 12000.50"),
    ({"amount": "12000.505"}, "--amount '12000.505': EUR has 2 decimal places"),
    ({"currency": "EUX"}, "--currency 'EUX': not an ISO 4217 currency code (did you mean 'EUR'?); write a "
                          "three-letter code such as EUR, HUF, CNY or TWD"),
    ({"customer": "  "}, "--customer: the customer's name is empty; write it as it appears on the invoice"),
])
def test_bad_input_gets_a_clear_message(changes: dict[str, str], message: str) -> None:
    with pytest.raises(UserError) as caught:
        plan(**changes)
    assert str(caught.value) == message


def test_today_is_a_valid_due_date() -> None:
    view = plan(due="2026-11-01")
    assert all(item.date >= TODAY for item in view.items)


# ------------------------------------------------------------------------------------------ catalog checks


def _fixture_with_plan(tmp_path: Path, plan_yml: str) -> Path:
    root = tmp_path / "playbooks"
    shutil.copytree(FIXTURES / "valid", root)
    (root / "plan.yml").write_text(plan_yml, encoding="utf-8")
    return root


def test_a_folder_without_plan_or_letters_loads() -> None:
    catalog = load_catalog(FIXTURES / "valid")
    assert catalog.plan == () and catalog.letters == {}
    with pytest.raises(UserError, match=r"has no plan\.yml"):
        build_plan(catalog, **INVOICE, on=TODAY)  # type: ignore[arg-type]


def test_plan_references_are_checked_with_suggestions(tmp_path: Path) -> None:
    root = _fixture_with_plan(tmp_path, """\
steps:
  - id: remind
    tactic: sample-tactc
    offset_days: -5
    when: due-tday
    letter: reminder
    action:
      en: Remind
    talk:
      en: Say hello
  - id: remind
    tactic: sample-tactic
    offset_days: 3
    letter_dates:
      pay_by: 3
    action:
      en: Remind again
    talk:
      en: Say hello again
""")
    with pytest.raises(PlaybookError) as caught:
        load_catalog(root)
    messages = [f"{p.line}: {p.field}: {p.message}" for p in caught.value.problems]
    assert messages == [
        "3: steps[0].tactic: unknown tactic 'sample-tactc' (did you mean 'sample-tactic'?)",
        "5: steps[0].when: unknown signal 'due-tday' (did you mean 'due-today'?)",
        "6: steps[0].letter: unknown letter 'reminder'",
        "11: steps[1].id: the id 'remind' appears twice in this file; ids must be unique",
        "14: steps[1].letter_dates: letter_dates needs a letter; name the letter under 'letter' or remove them",
    ]


def test_plan_offsets_are_bounded(tmp_path: Path) -> None:
    root = _fixture_with_plan(tmp_path, "steps:\n  - id: x\n    tactic: sample-tactic\n    offset_days: 400\n"
                                        "    action:\n      en: A\n    talk:\n      en: B\n")
    with pytest.raises(PlaybookError) as caught:
        load_catalog(root)
    assert [p.field for p in caught.value.problems] == ["steps[0].offset_days"]
