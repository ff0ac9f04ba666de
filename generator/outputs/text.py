"""Plain text clauses, for pasting into any editor: no markup, placeholders in square brackets."""

from __future__ import annotations

from collections.abc import Sequence

from generator.clauses import ClauseView, Part
from generator.render import render


def paragraph_text(parts: Sequence[Part]) -> str:
    return "".join(part.text for part in parts)


def clause_text(clause: ClauseView) -> str:
    return render("text", "clause.txt.j2", clause=clause, ui=clause.ui, underline="=" * len(clause.title),
                  paragraphs=[paragraph_text(p) for p in clause.paragraphs], version_line=clause.version_line)
