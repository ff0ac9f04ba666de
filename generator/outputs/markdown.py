"""Markdown for the site and the terminal: checklists, clauses, letters, plans and the ``advise`` report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING

from generator.checklists import Checklist
from generator.clauses import ClauseView, Part, Placeholder
from generator.i18n import strings, ui
from generator.matching import Match
from generator.render import MarkdownMarkup, escape_markdown, render

if TYPE_CHECKING:
    from generator.letters import LetterView
    from generator.plan import PlanItem, PlanView

BLANK = MarkdownMarkup("\\_" * 16)


def checklist_markdown(checklist: Checklist, level: int = 1) -> str:
    """The checklist as Markdown; its title is a heading of ``level`` (sections one level below)."""
    return render("markdown", "checklist.md.j2", checklist=checklist, ui=checklist.ui,
                  h=MarkdownMarkup("#" * level), blank=BLANK)


def paragraph_markdown(parts: Sequence[Part]) -> MarkdownMarkup:
    """One clause paragraph as inline Markdown: placeholders are marked, every text is escaped."""
    out: list[str] = []
    for part in parts:
        text = escape_markdown(part.text)
        out.append(f"<mark>{text}</mark>" if isinstance(part, Placeholder) else text)
    return MarkdownMarkup("".join(out))


def clause_markdown(clause: ClauseView) -> str:
    return render("markdown", "clause.md.j2", clause=clause, ui=clause.ui,
                  paragraphs=[paragraph_markdown(p) for p in clause.paragraphs],
                  version_line=clause.version_line)


def advise_markdown(matches: Sequence[Match], checklist: Checklist, phase_labels: dict[str, str]) -> str:
    """The ranked tactics with the reasons they matched, then the merged checklist."""
    language = checklist.language
    rows = [{
        "rank": match.rank,
        "name": f"{match.tactic.number}. {match.tactic.title.get(language)}" if match.tactic.number
        else match.tactic.title.get(language),
        "phase": phase_labels.get(match.tactic.phase, match.tactic.phase),
        "coverage": ui(language, "coverage", count=str(match.coverage), total=str(len(checklist.signals))),
        "reasons": [rule.trigger.says.get(language) for rule in match.rules],
    } for match in matches]
    return render("markdown", "advise.md.j2", matches=rows, signals=checklist.signals, ui=strings(language),
                  checklist=MarkdownMarkup(checklist_markdown(checklist, level=2)))


def code_span(text: str) -> MarkdownMarkup:
    """``text`` as an inline code span that shows it literally (the fence is longer than any backtick run)."""
    text = " ".join(text.splitlines())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MarkdownMarkup(f"{fence}{pad}{text}{pad}{fence}")


def plan_days(plan: PlanView) -> list[dict[str, object]]:
    """The plan's items grouped by day, for the templates."""
    days: list[dict[str, object]] = []
    for _, group in groupby(plan.items, key=lambda item: item.date):
        items: list[PlanItem] = list(group)
        days.append({"date_text": items[0].date_text, "items": items})
    return days


def plan_markdown(plan: PlanView) -> str:
    """The dated plan as Markdown, one section a day."""
    commands = {item.id: code_span(item.letter_command) for item in plan.items if item.letter_command}
    return render("markdown", "plan.md.j2", plan=plan, ui=plan.ui, days=plan_days(plan), commands=commands)


def letter_markdown(letter: LetterView) -> str:
    """The letter as Markdown: subject, body, closing, then the notes for the sender."""
    return render("markdown", "letter.md.j2", letter=letter, ui=letter.ui,
                  subject=paragraph_markdown(letter.subject),
                  paragraphs=[paragraph_markdown(p) for p in letter.paragraphs],
                  closing=[paragraph_markdown(p) for p in letter.closing])
