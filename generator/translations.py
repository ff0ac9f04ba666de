"""Find every text that lacks a translation, with the file, line, field and language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from generator.catalog import Catalog
from generator.errors import Problem
from generator.models import LANGUAGES, Terms, Text
from generator.yamlio import PathKey, format_field

LANGUAGE_NAMES = {"en": "English", "zh-Hant": "Traditional Chinese", "hu": "Hungarian"}


@dataclass(frozen=True)
class MissingTranslation:
    """One text in one entry that has no translation into ``language``."""

    problem: Problem
    language: str


def _walk(value: object, where: PathKey) -> Iterator[tuple[PathKey, Text | Terms]]:
    if isinstance(value, Text | Terms):
        yield where, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _walk(getattr(value, name), (*where, info.alias or name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*where, index))


def _documents(catalog: Catalog) -> Iterator[tuple[str, PathKey, BaseModel]]:
    """Every model in the catalog with the name of the document it came from and its path inside that document.

    Names, not documents: a catalogue read from the cache parses a document again only when a message needs it.
    """
    yield "playbook.yml", (), catalog.info
    vocabularies: dict[str, dict[str, BaseModel]] = {
        "signals": dict(catalog.signals), "guardrails": dict(catalog.guardrails), "sources": dict(catalog.sources)}
    for key, table in vocabularies.items():
        for index, item in enumerate(table.values()):
            yield f"{key}.yml", (key, index), item
    if catalog.plan:
        for index, step in enumerate(catalog.plan):
            yield "plan.yml", ("steps", index), step
    entries: dict[str, dict[str, BaseModel]] = {
        "tactics": dict(catalog.tactics), "clauses": dict(catalog.clauses), "situations": dict(catalog.situations),
        "letters": dict(catalog.letters)}
    for kind, table in entries.items():
        for entry_id in table:
            yield f"{kind}/{entry_id}", (), table[entry_id]


def missing_translations(catalog: Catalog, languages: tuple[str, ...] = LANGUAGES) -> list[MissingTranslation]:
    """Every text in the catalog that lacks one of ``languages``, in file and line order."""
    found: list[MissingTranslation] = []
    for name, start, model in _documents(catalog):
        for where, text in _walk(model, start):
            for language in text.missing():
                if language in languages:
                    document = catalog.documents[name]
                    spot = document.spot(where)
                    problem = Problem(document.shown_path, spot.line, spot.column, format_field((*where, language)),
                                      f"the {LANGUAGE_NAMES[language]} translation is missing")
                    found.append(MissingTranslation(problem, language))
    return sorted(found, key=lambda m: m.problem)


def summary(missing: list[MissingTranslation]) -> str:
    """One line: how many translations are missing, per language."""
    counts = {language: sum(1 for m in missing if m.language == language) for language in LANGUAGES}
    parts = [f"{language}: {count}" for language, count in counts.items() if count]
    return f"{len(missing)} missing translations ({', '.join(parts)}); English is shown in their place"
