"""Fill a letter template: the subject, the body paragraphs and the closing, with typed values.

Letters use the same typed variables, ``--var`` parsing and placeholder display as clauses (see
:mod:`generator.clauses`); unlike clause texts, letter paragraphs are not numbered, and only a blank line
starts a new paragraph.  The notes for the sender travel with the view so that every format can print them
apart from the letter itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.catalog import Catalog
from generator.clauses import Filled, Part, Placeholder, fill_paragraphs, parse_assignments
from generator.i18n import strings
from generator.models import Letter
from generator.values import Value, Versioned

Paragraph = tuple[Part, ...]


@dataclass(frozen=True)
class LetterView(Versioned):
    """A letter ready to print in one language."""

    id: str
    language: str
    title: str
    purpose: str
    subject: Paragraph
    paragraphs: tuple[Paragraph, ...]
    closing: tuple[Paragraph, ...]
    """The sign-off, one line a paragraph."""
    notes: tuple[str, ...]
    filled: tuple[str, ...]
    unfilled: tuple[str, ...]
    version: str
    revised: str
    ui: dict[str, str] = field(repr=False, compare=False)

    @property
    def subject_text(self) -> str:
        return "".join(part.text for part in self.subject)


def build_letter(catalog: Catalog, letter_id: str, assignments: Iterable[str] = (),
                 language: str = "en") -> LetterView:
    """The letter ``letter_id`` with ``--var`` style ``assignments`` applied."""
    letter = catalog.letter(letter_id)
    return letter_view(catalog, letter, parse_assignments(letter, assignments), language)


def letter_view(catalog: Catalog, letter: Letter, values: Mapping[str, Value], language: str = "en") -> LetterView:
    """The view of ``letter`` with already parsed ``values`` (unfilled variables become placeholders)."""
    variables = {variable.name: variable for variable in letter.variables}

    def fill(text: str) -> tuple[Paragraph, ...]:
        return fill_paragraphs(text, variables, values, language, numbered=False)

    subject = tuple(part for paragraph in fill(letter.subject.get(language)) for part in paragraph)
    paragraphs = fill(letter.body.get(language))
    closing = fill(letter.closing.get(language))
    used = [part.name for paragraph in ((subject,), paragraphs, closing) for parts in paragraph for part in parts
            if isinstance(part, Filled | Placeholder)]
    used = list(dict.fromkeys(used))
    return LetterView(
        id=letter.id, language=language, title=letter.title.get(language), purpose=letter.purpose.get(language),
        subject=subject, paragraphs=paragraphs, closing=closing,
        notes=tuple(note.get(language) for note in letter.notes),
        filled=tuple(name for name in used if name in values),
        unfilled=tuple(name for name in used if name not in values),
        version=catalog.info.version, revised=catalog.info.revised, ui=strings(language))
