"""Plain text clauses and letters, for pasting into any editor: no markup, placeholders in square brackets."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.clauses import ClauseView, Part
from generator.render import render

if TYPE_CHECKING:
    from generator.letters import LetterView


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced editor (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def paragraph_text(parts: Sequence[Part]) -> str:
    return "".join(part.text for part in parts)


def clause_text(clause: ClauseView) -> str:
    return render("text", "clause.txt.j2", clause=clause, ui=clause.ui,
                  underline="=" * display_width(clause.title),
                  paragraphs=[paragraph_text(p) for p in clause.paragraphs], version_line=clause.version_line)


def letter_text(letter: LetterView) -> str:
    """The letter as plain text (ready for an e-mail), then the notes for the sender below a rule."""
    return render("text", "letter.txt.j2", letter=letter, ui=letter.ui, subject=paragraph_text(letter.subject),
                  paragraphs=[paragraph_text(p) for p in letter.paragraphs],
                  closing=[paragraph_text(p) for p in letter.closing])
