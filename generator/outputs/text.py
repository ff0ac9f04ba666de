"""Plain text clauses, for pasting into any editor: no markup, placeholders in square brackets."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from generator.clauses import ClauseView, Part
from generator.render import render


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced editor (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def paragraph_text(parts: Sequence[Part]) -> str:
    return "".join(part.text for part in parts)


def clause_text(clause: ClauseView) -> str:
    return render("text", "clause.txt.j2", clause=clause, ui=clause.ui,
                  underline="=" * display_width(clause.title),
                  paragraphs=[paragraph_text(p) for p in clause.paragraphs], version_line=clause.version_line)
