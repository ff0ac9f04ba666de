"""Markdown for the site and the terminal: checklists, clauses and the ``advise`` report."""

from __future__ import annotations

from collections.abc import Sequence

from generator.checklists import Checklist
from generator.clauses import ClauseView, Part, Placeholder
from generator.i18n import strings, ui
from generator.matching import Match
from generator.render import MarkdownMarkup, escape_markdown, render

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
