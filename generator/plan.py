"""A dated collection plan for one invoice: the steps of ``plan.yml`` put on the calendar.

Each step of the plan is dated relative to the invoice's due date (``offset_days``, negative before it); a step
with ``when`` applies only when that signal was observed.  :func:`build_plan` checks the inputs (a positive
amount, an ISO 4217 currency, a real due date that is not in the past), dates every step, and returns a
:class:`PlanView` with the steps in date order, each with its tactic, action, talk track and, where the step
sends a letter, the ``playbook letter`` command that makes it with every known value filled in.

Nothing here reads the clock except :func:`today`, which callers may replace (tests pass ``today=``).
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from generator.catalog import Catalog
from generator.errors import UserError, shown
from generator.i18n import strings, ui
from generator.models import PlanStep
from generator.values import MAX_TEXT, Versioned, format_date, format_money, iso_date, parse_amount, parse_currency


def today() -> dt.date:
    """The local date today (the plan never dates a step before it)."""
    return dt.date.today()


@dataclass(frozen=True)
class PlanItem:
    """One dated action of the plan, with its text resolved for one language."""

    id: str
    date: dt.date
    """The day to act: the planned day, or today where that has passed."""
    planned: dt.date
    """The due date plus the step's offset."""
    offset_days: int
    when: str
    """A short label of the day relative to the due date, such as '5 days before the due date'."""
    date_text: str
    late_note: str | None
    tactic: str
    tactic_name: str
    """The tactic as printed: '6. Remind the customer before the due date'."""
    action: str
    talk: str
    letter: str | None
    letter_title: str | None
    letter_command: str | None

    @property
    def late(self) -> bool:
        return self.date != self.planned


@dataclass(frozen=True)
class PlanView(Versioned):
    """The plan for one invoice, ready to print in one language."""

    language: str
    customer: str
    amount: Decimal
    currency: str
    due: dt.date
    signals: tuple[str, ...]
    """Labels of the signals given."""
    items: tuple[PlanItem, ...]
    version: str
    revised: str
    ui: dict[str, str] = field(repr=False, compare=False)

    @property
    def amount_text(self) -> str:
        return format_money(self.amount, self.currency, self.language)

    @property
    def due_text(self) -> str:
        return format_date(self.due, self.language)

    @property
    def title(self) -> str:
        return ui(self.language, "plan_title", customer=self.customer)

    @property
    def subtitle(self) -> str:
        return ui(self.language, "plan_invoice", amount=self.amount_text, due=self.due_text)


def parse_customer(raw: str) -> str:
    text = raw.strip()
    if not text:
        raise UserError("--customer: the customer's name is empty; write it as it appears on the invoice")
    if "\n" in text or "\r" in text or len(text) > MAX_TEXT:
        raise UserError(f"--customer {shown(raw)!r}: write the name on one line, at most {MAX_TEXT} characters")
    return text


def parse_due(raw: str, on: dt.date) -> dt.date:
    """The due date given with ``--due``: a real date written YYYY-MM-DD, not before ``on`` (today)."""
    try:
        due = iso_date(raw)
    except ValueError as error:
        raise UserError(f"--due {shown(raw)!r}: {error}; write the due date as YYYY-MM-DD, "
                        "for example --due 2026-12-15") from None
    if due < on:
        raise UserError(f"--due {shown(raw)!r}: the due date is in the past (today is {on.isoformat()}); "
                        "plan an invoice that is not yet due")
    return due


def relative_day(offset: int, language: str) -> str:
    """'5 days before the due date', 'on the due date', '7 days after the due date' in ``language``."""
    if offset == 0:
        return ui(language, "plan_on")
    key = "plan_before" if offset < 0 else "plan_after"
    if abs(offset) == 1:
        return ui(language, f"{key}_one")
    return ui(language, key, count=str(abs(offset)))


def _letter_command(catalog: Catalog, step: PlanStep, customer: str, amount: Decimal, currency: str,
                    due: dt.date, language: str) -> str | None:
    if step.letter is None:
        return None
    letter = catalog.letter(step.letter)
    known: dict[str, str] = {"customer": customer, "amount": f"{amount} {currency}", "due_date": due.isoformat()}
    known.update({name: (due + dt.timedelta(days=days)).isoformat() for name, days in step.letter_dates.items()})
    words = ["playbook", "letter", letter.id]
    if language != "en":
        words += ["--lang", language]
    for variable in letter.variables:
        if variable.name in known:
            words += ["--var", f"{variable.name}={known[variable.name]}"]
    return shlex.join(words)


def build_plan(catalog: Catalog, *, customer: str, amount: str, currency: str, due: str,
               signals: Iterable[str] = (), language: str = "en", on: dt.date | None = None) -> PlanView:
    """The dated plan for one invoice.  Inputs are as typed on the command line; bad input raises
    :class:`UserError` naming the option.  ``on`` is today's date (default: :func:`today`)."""
    on = on or today()
    name = parse_customer(customer)
    code = parse_currency(currency)
    value = parse_amount(amount, code)
    due_date = parse_due(due, on)
    given = list(dict.fromkeys(catalog.signal(signal).id for signal in signals))
    if not catalog.plan:
        raise UserError(f"{catalog.root}: this playbooks folder has no plan.yml, so there is nothing to plan")
    items = []
    for step in catalog.plan:
        if step.when is not None and step.when not in given:
            continue
        tactic = catalog.tactic(step.tactic)
        planned = due_date + dt.timedelta(days=step.offset_days)
        date = max(planned, on)
        letter = catalog.letter(step.letter) if step.letter else None
        items.append(PlanItem(
            id=step.id, date=date, planned=planned, offset_days=step.offset_days,
            when=relative_day(step.offset_days, language), date_text=format_date(date, language),
            late_note=ui(language, "plan_late", date=format_date(planned, language)) if date != planned else None,
            tactic=tactic.id,
            tactic_name=(f"{tactic.number}. {tactic.title.get(language)}" if tactic.number is not None
                         else tactic.title.get(language)),
            action=step.action.get(language), talk=step.talk.get(language),
            letter=letter.id if letter else None, letter_title=letter.title.get(language) if letter else None,
            letter_command=_letter_command(catalog, step, name, value, code, due_date, language),
        ))
    items.sort(key=lambda item: item.date)  # stable: steps on one day keep the order of plan.yml
    return PlanView(
        language=language, customer=name, amount=value, currency=code, due=due_date,
        signals=tuple(catalog.signals[signal].label.get(language) for signal in given), items=tuple(items),
        version=catalog.info.version, revised=catalog.info.revised, ui=strings(language))
