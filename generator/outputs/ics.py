"""The dated plan as an iCalendar file (RFC 5545) with the ``icalendar`` library (imported only here).

One all-day event a step on the step's date; the summary is the customer and the action, the description
holds the talk track, the tactic and, where the step sends a letter, the command that makes it.  The file is
reproducible: each UID is derived from the customer, the due date and the step id (so importing a plan again
updates its events instead of doubling them), and DTSTAMP is SOURCE_DATE_EPOCH or the playbook's revision date.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from generator.outputs.html import creation_time
from generator.plan import PlanItem, PlanView

PRODID = "-//Collections Playbook//plan//EN"
UID_DOMAIN = "collections-playbook.invalid"


def event_uid(customer: str, due: dt.date, step_id: str) -> str:
    """A stable UID for one step of one invoice's plan."""
    digest = hashlib.sha256(f"{customer}\n{due.isoformat()}\n{step_id}".encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _description(plan: PlanView, item: PlanItem) -> str:
    ui = plan.ui
    when = item.late_note or item.when
    lines = [f"{ui['plan_say']}: {item.talk}", "", f"{ui['plan_tactic']}: {item.tactic_name}",
             when[:1].upper() + when[1:]]
    if item.letter_command:
        lines += ["", f"{ui['plan_letter']}: {item.letter_title}", f"{ui['plan_make_letter']}: {item.letter_command}"]
    lines += ["", plan.subtitle]
    return "\n".join(lines)


def plan_ics(plan: PlanView) -> bytes:
    """The plan as an .ics calendar: one all-day VEVENT a step."""
    from icalendar import Calendar, Event

    stamp = creation_time(plan.revised).astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plan.title)
    for item in plan.items:
        event = Event()
        event.add("uid", event_uid(plan.customer, plan.due, item.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", f"{plan.customer}: {item.action}")
        event.add("description", _description(plan, item))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
