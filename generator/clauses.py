"""Fill a clause template: one alternative wording, typed values, visible placeholders for the rest.

A clause text is split into paragraphs at blank lines; each paragraph is a sequence of parts: plain text,
a filled value, or a placeholder for a variable nobody filled.  A placeholder shows the variable's label
(and its suggested default, if it has one) so it cannot be mistaken for agreed wording.  Values are data:
whatever the user typed, including ``<b>`` or ``{{ ... }}``, is carried as text and escaped by each format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.catalog import Catalog
from generator.diagnostics import did_you_mean
from generator.errors import UserError
from generator.i18n import strings, ui
from generator.models import Clause, Fillable, Variable
from generator.templating import Literal, Slot, segments
from generator.values import BadValueError, Value, Versioned, parse_value

DEFAULT_ALTERNATIVE = "balanced"


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Filled:
    name: str
    text: str


@dataclass(frozen=True)
class Placeholder:
    name: str
    text: str
    """What the placeholder shows, such as ``[Buyer; suggested: 30 days]``."""


Part = Plain | Filled | Placeholder


@dataclass(frozen=True)
class ClauseView(Versioned):
    """A clause ready to print in one language."""

    id: str
    language: str
    title: str
    purpose: str
    alternative: str
    alternative_label: str
    alternative_when: str
    paragraphs: tuple[tuple[Part, ...], ...]
    drafting_notes: tuple[str, ...]
    jurisdiction_notes: tuple[tuple[str, str], ...]
    filled: tuple[str, ...]
    """Names of the variables filled with a given value."""
    unfilled: tuple[str, ...]
    """Names of the variables shown as placeholders."""
    version: str
    revised: str
    ui: dict[str, str] = field(repr=False, compare=False)


def parse_assignments(clause: Fillable, assignments: Iterable[str]) -> dict[str, Value]:
    """Parse ``name=value`` strings from ``--var`` against a clause's or letter's variables; bad input raises."""
    kind = "clause" if isinstance(clause, Clause) else "letter"
    variables = {variable.name: variable for variable in clause.variables}
    values: dict[str, Value] = {}
    for assignment in assignments:
        name, equals, raw = assignment.partition("=")
        name = name.strip()
        if not equals or not name:
            raise UserError(f"--var {assignment!r}: write NAME=VALUE, for example "
                            f"--var {_example(clause)}")
        if name not in variables:
            known = ", ".join(variables) or "none"
            raise UserError(f"--var {name}: the {kind} '{clause.id}' has no variable '{name}'"
                            f"{did_you_mean(name, variables)}; its variables are: {known}")
        if name in values:
            raise UserError(f"--var {name}: given twice; give each variable once")
        values[name] = parse_value(variables[name], raw)
    return values


def _example(clause: Fillable) -> str:
    if not clause.variables:
        return "name=value"
    variable = clause.variables[0]
    return f"{variable.name}='{variable.example}'"


def _placeholder(variable: Variable, language: str) -> Placeholder:
    label = variable.label.get(language)
    if variable.default is None:
        return Placeholder(variable.name, f"[{label}]")
    try:
        suggestion = parse_value(variable, variable.default).display(language)
    except BadValueError:
        suggestion = variable.default
    return Placeholder(variable.name, f"[{label}; {ui(language, 'suggested')}: {suggestion}]")


# A blank line, or a line break before an author's "2." or "3)", starts a new numbered paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*\d{1,2}[.)][ \t])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NUMBER_MARK = re.compile(r"^\d{1,2}[.)][ \t]+")


def fill_paragraphs(text: str, variables: Mapping[str, Variable], values: Mapping[str, Value],
                    language: str, *, numbered: bool = True) -> tuple[tuple[Part, ...], ...]:
    """Split the text into paragraphs of parts at blank lines and, if ``numbered``, before numbered lines.

    Authors may number sub-clauses ("1.", "2.") for readability; in ``numbered`` texts (clauses) the numbers
    are dropped here because every output format numbers the paragraphs itself.  Texts that are not numbered
    (letters) break at blank lines only and keep what the author wrote.  Other single line breaks become
    spaces.
    """
    breaks = _PARAGRAPH_BREAK if numbered else _BLANK_LINE
    paragraphs: list[list[Part]] = [[]]
    for segment in segments(text):
        if isinstance(segment, Slot):
            value = values.get(segment.name)
            paragraphs[-1].append(Filled(segment.name, value.display(language)) if value is not None
                                  else _placeholder(variables[segment.name], language))
            continue
        assert isinstance(segment, Literal)
        for index, piece in enumerate(breaks.split(segment.text)):
            if index:
                paragraphs.append([])
            paragraphs[-1].append(Plain(piece.replace("\n", " ")))
    return tuple(tuple(trimmed) for parts in paragraphs if (trimmed := _trim(_no_double_stop(parts), numbered)))


def _no_double_stop(parts: list[Part]) -> list[Part]:
    """Drop a full stop right after a value that already ends with one (Hungarian dates: '15.')."""
    out: list[Part] = []
    for part in parts:
        if (isinstance(part, Plain) and part.text.startswith(".") and out and isinstance(out[-1], Filled)
                and out[-1].text.endswith(".")):
            part = Plain(part.text[1:])
        out.append(part)
    return out


def _trim(parts: list[Part], numbered: bool = True) -> list[Part]:
    """A paragraph without leading or trailing space (nor author's number) and without empty text parts."""
    if parts and isinstance(parts[0], Plain):
        first = parts[0].text.lstrip()
        parts[0] = Plain(_NUMBER_MARK.sub("", first, count=1) if numbered else first)
    if parts and isinstance(parts[-1], Plain):
        parts[-1] = Plain(parts[-1].text.rstrip())
    return [part for part in parts if not (isinstance(part, Plain) and not part.text)]


def build_clause(catalog: Catalog, clause_id: str, assignments: Iterable[str] = (),
                 alternative: str = DEFAULT_ALTERNATIVE, language: str = "en") -> ClauseView:
    """The clause ``clause_id`` in ``alternative`` wording with ``--var`` style ``assignments`` applied."""
    clause = catalog.clause(clause_id)
    values = parse_assignments(clause, assignments)
    return clause_view(catalog, clause, values, alternative, language)


def clause_view(catalog: Catalog, clause: Clause, values: Mapping[str, Value],
                alternative: str = DEFAULT_ALTERNATIVE, language: str = "en") -> ClauseView:
    """The view of ``clause`` with already parsed ``values`` (unfilled variables become placeholders)."""
    chosen = {alt.name: alt for alt in clause.alternatives}
    if alternative not in chosen:
        raise UserError(f"the clause '{clause.id}' has no alternative '{alternative}'"
                        f"{did_you_mean(alternative, chosen)}; its alternatives are: {', '.join(chosen)}")
    wording = chosen[alternative]
    variables = {variable.name: variable for variable in clause.variables}
    text = wording.text.get(language)
    paragraphs = fill_paragraphs(text, variables, values, language)
    used = [p.name for parts in paragraphs for p in parts if isinstance(p, Filled | Placeholder)]
    used = list(dict.fromkeys(used))
    notes = clause.jurisdiction_notes
    return ClauseView(
        id=clause.id, language=language, title=clause.title.get(language),
        purpose=clause.purpose.get(language),
        alternative=wording.name, alternative_label=wording.label.get(language),
        alternative_when=wording.when.get(language), paragraphs=paragraphs,
        drafting_notes=tuple(note.get(language) for note in clause.drafting_notes),
        jurisdiction_notes=((ui(language, "jurisdiction_cn"), notes.cn.get(language)),
                            (ui(language, "jurisdiction_hu"), notes.hu.get(language)),
                            (ui(language, "jurisdiction_eu"), notes.eu.get(language))),
        filled=tuple(name for name in used if name in values),
        unfilled=tuple(name for name in used if name not in values),
        version=catalog.info.version, revised=catalog.info.revised, ui=strings(language))
