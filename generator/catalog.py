"""Load a playbooks folder into validated models, run the cross-file checks, and offer lookups by id.

Layout of a playbooks folder::

    playbook.yml          name, version, revision date, phases and pause points
    signals.yml           the vocabulary of observable signals
    guardrails.yml        rules of law and ethics (G1-G8)
    sources.yml           the source articles
    tactics/<id>.yml      one tactic or extra technique a file
    clauses/<id>.yml      one contract clause template a file
    situations/<id>.yml   one situation a file
    letters/<id>.yml      one letter template a file (optional)
    plan.yml              the dated steps of a collection plan (optional)

Every problem in the folder is collected and raised at once as a :class:`PlaybookError`.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from generator import __version__, templating
from generator.atomic import write_atomic
from generator.diagnostics import did_you_mean, problems_from
from generator.errors import PlaybookError, Problem, UserError, display_path
from generator.models import (
    LANGUAGES,
    PHASES,
    REQUIRED_ALTERNATIVES,
    Clause,
    Guardrail,
    GuardrailsFile,
    Letter,
    PlanFile,
    PlanStep,
    PlaybookInfo,
    Signal,
    SignalsFile,
    Situation,
    Source,
    SourcesFile,
    Tactic,
    Text,
    Variable,
)
from generator.yamlio import Document, PathKey, load

M = TypeVar("M", bound=BaseModel)

ENTRY_KINDS: dict[str, type[BaseModel]] = {
    "tactics": Tactic, "clauses": Clause, "situations": Situation, "letters": Letter}
VOCABULARY_FILES: dict[str, type[BaseModel]] = {
    "playbook.yml": PlaybookInfo,
    "signals.yml": SignalsFile,
    "guardrails.yml": GuardrailsFile,
    "sources.yml": SourcesFile,
}
OPTIONAL_FILES: dict[str, type[BaseModel]] = {"plan.yml": PlanFile}


class UnknownIdError(UserError):
    """An id given on the command line that the playbooks do not have."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        super().__init__(f"unknown {kind} '{wanted}'{did_you_mean(wanted, known)}; "
                         f"'playbook list {kind}s' shows them all")


class Documents(Mapping[str, Document]):
    """The parsed file behind every part of a catalogue, by name (``signals.yml``, ``tactics/<id>``).

    Only messages need the documents (for the line and column of a field), so a catalogue kept in the cache
    leaves them out: after :func:`load_catalog` reads it back, a document is parsed again the first time it is
    asked for.  The cache is keyed by the bytes of every file, so the file read again is the one validated,
    unless it is edited while the command runs."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._paths = {name: document.path for name, document in documents.items()}
        self._loaded = dict(documents)

    def __getitem__(self, name: str) -> Document:
        document = self._loaded.get(name)
        if document is None:
            document = self._loaded[name] = load(self._paths[name])
        return document

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __getstate__(self) -> dict[str, object]:
        return {"_paths": self._paths, "_loaded": {}}


@dataclass(frozen=True)
class Catalog:
    """A validated playbook: every entry by id, in a stable order, with the document it came from."""

    root: Path
    info: PlaybookInfo
    signals: dict[str, Signal]
    guardrails: dict[str, Guardrail]
    sources: dict[str, Source]
    tactics: dict[str, Tactic]
    clauses: dict[str, Clause]
    situations: dict[str, Situation]
    documents: Documents = field(repr=False, compare=False)
    letters: dict[str, Letter] = field(default_factory=dict)
    plan: tuple[PlanStep, ...] = ()
    """The steps of ``plan.yml`` in file order (empty where the folder has no plan)."""

    def _get(self, kind: str, table: Mapping[str, M], wanted: str) -> M:
        try:
            return table[wanted]
        except KeyError:
            raise UnknownIdError(kind, wanted, table) from None

    def signal(self, wanted: str) -> Signal:
        return self._get("signal", self.signals, wanted)

    def tactic(self, wanted: str) -> Tactic:
        return self._get("tactic", self.tactics, wanted)

    def clause(self, wanted: str) -> Clause:
        return self._get("clause", self.clauses, wanted)

    def situation(self, wanted: str) -> Situation:
        return self._get("situation", self.situations, wanted)

    def guardrail(self, wanted: str) -> Guardrail:
        return self._get("guardrail", self.guardrails, wanted)

    def letter(self, wanted: str) -> Letter:
        return self._get("letter", self.letters, wanted)

    def document(self, kind: str, entry_id: str) -> Document:
        """The loaded file of an entry (``kind`` is 'tactics', 'clauses', 'situations' or 'letters') or
        vocabulary file."""
        return self.documents[f"{kind}/{entry_id}" if entry_id else kind]


class _Collector:
    """Accumulates problems across the whole folder."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[M]) -> tuple[M, Document] | None:
        try:
            document = load(path)
        except PlaybookError as error:
            self.problems.extend(error.problems)
            return None
        if not isinstance(document.data, dict):
            self.problems.append(document.problem(
                (), f"the top level must be a mapping of keys (such as 'id: ...'), not {_kind(document.data)}"))
            return None
        try:
            return model.model_validate(document.data), document
        except ValidationError as error:
            self.problems.extend(problems_from(error, document, model))
            return None


def _kind(value: object) -> str:
    return "a list" if isinstance(value, list) else "a single value"


def _entry_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


NO_CACHE_VARIABLE = "PLAYBOOK_NO_CACHE"
"""Set to 1 to read and validate every file even where a cached catalogue exists."""
CACHE_FOLDER = Path(".cache") / "playbook"
"""Where cached catalogues go, next to the playbooks folder (``<parent of root>/.cache/playbook``)."""


def load_catalog(root: Path) -> Catalog:
    """Load and check the playbooks folder ``root``; raise :class:`PlaybookError` listing every problem.

    A folder that loaded cleanly before is read from a pickle under ``.cache/playbook`` beside the folder,
    keyed by the bytes of every file in it, the folder's path and the generator's code; a changed file or a
    changed generator misses the cache, and an unreadable cache file is ignored.  Problems are never cached:
    a folder with problems is loaded afresh every time.  ``PLAYBOOK_NO_CACHE=1`` turns the cache off."""
    root = Path(root)
    if not root.is_dir():
        raise UserError(f"{display_path(root)}: no such playbooks folder; pass the folder that holds "
                        "playbook.yml, signals.yml, tactics/, clauses/ and situations/")
    if os.environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return load_catalog_uncached(root)
    try:
        cache_file = _cache_file(root)
    except OSError:
        return load_catalog_uncached(root)
    try:
        with cache_file.open("rb") as stream:
            cached = pickle.load(stream)
        if isinstance(cached, Catalog):
            return cached
    except Exception:  # a missing, truncated or stale cache file is simply a miss
        pass
    catalog = load_catalog_uncached(root)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_file, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(cache_file.parent)
    except (OSError, UserError, pickle.PicklingError):  # a read-only folder: no cache, same result
        pass
    return catalog


KEPT_CATALOGUES = 8
"""Cached catalogues kept in a cache folder (the newest; every edit of a playbook file makes a new one)."""


def _prune(folder: Path) -> None:
    def age(path: Path) -> float:
        try:
            return -path.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(folder.glob("catalog-*.pickle"), key=age)[KEPT_CATALOGUES:]:
        old.unlink(missing_ok=True)


@cache
def _code_key() -> bytes:
    """The package version, the Python and pydantic versions, and the bytes of every generator module."""
    import pydantic

    digest = hashlib.sha256(f"{__version__}|{sys.version}|{pydantic.VERSION}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def _cache_file(root: Path) -> Path:
    """The cache file of the folder as it is now (every file's name and bytes go into its name)."""
    digest = hashlib.sha256(_code_key())
    where = root if root.is_absolute() else Path.cwd() / root
    digest.update(str(root).encode() + b"\0" + str(where).encode() + b"\0")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return where.resolve().parent / CACHE_FOLDER / f"catalog-{digest.hexdigest()[:32]}.pickle"


def load_catalog_uncached(root: Path) -> Catalog:
    """:func:`load_catalog` without the cache: parse and validate every file."""
    root = Path(root)
    collector = _Collector()
    documents: dict[str, Document] = {}
    vocabulary: dict[str, BaseModel] = {}
    for name, model in VOCABULARY_FILES.items():
        path = root / name
        if not path.is_file():
            collector.problems.append(Problem(display_path(path), 1, 1, "(file)",
                                              f"{name} is missing; every playbooks folder needs one"))
            continue
        loaded = collector.read(path, model)
        if loaded:
            vocabulary[name], documents[name] = loaded
    for name, model in OPTIONAL_FILES.items():
        if (root / name).is_file():
            loaded = collector.read(root / name, model)
            if loaded:
                vocabulary[name], documents[name] = loaded
    entries: dict[str, dict[str, tuple[BaseModel, Document]]] = {kind: {} for kind in ENTRY_KINDS}
    first_seen: dict[str, Document] = {}
    unreadable: set[str] = set()
    for kind, model in ENTRY_KINDS.items():
        for path in _entry_files(root / kind):
            loaded = collector.read(path, model)
            if not loaded:
                unreadable.add(path.stem)
                continue
            entry, document = loaded
            entry_id: str = getattr(entry, "id")  # noqa: B009 - every entry model has an id
            if path.stem != entry_id:
                collector.problems.append(document.problem(
                    ("id",), f"the id '{entry_id}' does not match the file name '{path.name}'; "
                             f"rename the file to '{entry_id}.yml' or change the id"))
            if entry_id in first_seen:
                other = first_seen[entry_id]
                spot = other.spot(("id",))
                collector.problems.append(document.problem(
                    ("id",), f"the id '{entry_id}' is already used by {other.shown_path}:{spot.line}; "
                             "ids must be unique across tactics, clauses and situations"))
                continue
            first_seen[entry_id] = document
            entries[kind][entry_id] = (entry, document)
            documents[f"{kind}/{entry_id}"] = document
    if collector.problems and not all(name in vocabulary for name in VOCABULARY_FILES):
        raise PlaybookError(collector.problems)
    info = vocabulary.get("playbook.yml")
    signals_file = vocabulary.get("signals.yml")
    guardrails_file = vocabulary.get("guardrails.yml")
    sources_file = vocabulary.get("sources.yml")
    assert isinstance(info, PlaybookInfo) and isinstance(signals_file, SignalsFile)
    assert isinstance(guardrails_file, GuardrailsFile) and isinstance(sources_file, SourcesFile)
    plan_file = vocabulary.get("plan.yml")
    catalog = Catalog(
        root=root,
        info=info,
        signals=_unique(collector, documents["signals.yml"], "signals", signals_file.signals),
        guardrails=_unique(collector, documents["guardrails.yml"], "guardrails", guardrails_file.guardrails),
        sources=_unique(collector, documents["sources.yml"], "sources", sources_file.sources),
        tactics=_ordered_tactics({k: v[0] for k, v in entries["tactics"].items()}),  # type: ignore[misc]
        clauses={k: v[0] for k, v in sorted(entries["clauses"].items())},  # type: ignore[misc]
        situations={k: v[0] for k, v in sorted(entries["situations"].items())},  # type: ignore[misc]
        documents=Documents(documents),
        letters={k: v[0] for k, v in sorted(entries["letters"].items())},  # type: ignore[misc]
        plan=tuple(plan_file.steps) if isinstance(plan_file, PlanFile) else (),
    )
    collector.problems.extend(cross_check(catalog, skip=unreadable))
    if collector.problems:
        raise PlaybookError(collector.problems)
    return catalog


def _unique(collector: _Collector, document: Document, key: str, items: list[M]) -> dict[str, M]:
    out: dict[str, M] = {}
    for index, item in enumerate(items):
        item_id: str = getattr(item, "id")  # noqa: B009
        if item_id in out:
            collector.problems.append(document.problem(
                (key, index, "id"), f"the id '{item_id}' appears twice in this file; ids must be unique"))
        out.setdefault(item_id, item)
    return out


def _ordered_tactics(tactics: dict[str, Tactic]) -> dict[str, Tactic]:
    """The twelve numbered tactics in number order, then the extra techniques by id."""
    return dict(sorted(tactics.items(), key=lambda kv: (kv[1].number is None, kv[1].number or 0, kv[0])))


def cross_check(catalog: Catalog, skip: frozenset[str] | set[str] = frozenset()) -> list[Problem]:
    """Every check that needs more than one entry: references resolve, numbers and names are unique.

    References to the ids in ``skip`` (entries whose own file could not be read) are not reported again.
    """
    problems: list[Problem] = []

    def refer(document: Document, where: PathKey, wanted: str, kind: str, known: Mapping[str, object]) -> None:
        if wanted not in known and wanted not in skip:
            problems.append(document.problem(where, f"unknown {kind} '{wanted}'{did_you_mean(wanted, known)}"))

    info_doc = catalog.documents["playbook.yml"]
    phases = [phase.id for phase in catalog.info.phases]
    if phases != list(PHASES):
        problems.append(info_doc.problem(("phases",), "the phases must be listed once each, in this order: "
                                                      + ", ".join(PHASES)))
    pause_points = {point.id: point for point in catalog.info.pause_points}
    if len(pause_points) != len(catalog.info.pause_points):
        problems.append(info_doc.problem(("pause_points",), "a pause point id appears twice; ids must be unique"))

    numbers: dict[int, str] = {}
    for tactic_id, tactic in catalog.tactics.items():
        doc = catalog.document("tactics", tactic_id)
        if tactic.number is not None:
            if tactic.number in numbers:
                problems.append(doc.problem(("number",), f"the number {tactic.number} is already used by the "
                                                         f"tactic '{numbers[tactic.number]}'"))
            numbers.setdefault(tactic.number, tactic_id)
        for i, trigger in enumerate(tactic.triggers):
            for j, signal in enumerate(trigger.signals):
                refer(doc, ("triggers", i, "signals", j), signal, "signal", catalog.signals)
        for i, item in enumerate(tactic.checklist):
            refer(doc, ("checklist", i, "pause"), item.pause, "pause point", pause_points)
        for i, link in enumerate(tactic.guardrails):
            refer(doc, ("guardrails", i, "guardrail"), link.guardrail, "guardrail", catalog.guardrails)
        for i, clause_id in enumerate(tactic.related_clauses):
            refer(doc, ("related_clauses", i), clause_id, "clause", catalog.clauses)
        for i, other in enumerate(tactic.related_tactics):
            refer(doc, ("related_tactics", i), other, "tactic", catalog.tactics)
            if other == tactic_id:
                problems.append(doc.problem(("related_tactics", i), "a tactic cannot be related to itself"))
        for i, source in enumerate(tactic.sources):
            refer(doc, ("sources", i), source, "source", catalog.sources)

    for clause_id, clause in catalog.clauses.items():
        problems.extend(_check_clause(catalog, clause_id, clause, refer))

    for letter_id, letter in catalog.letters.items():
        problems.extend(_check_letter(catalog, letter_id, letter, refer))
    problems.extend(_check_plan(catalog, refer))

    for situation_id, situation in catalog.situations.items():
        doc = catalog.document("situations", situation_id)
        for i, signal in enumerate(situation.signals):
            refer(doc, ("signals", i), signal, "signal", catalog.signals)
        for i, guardrail in enumerate(situation.guardrails):
            refer(doc, ("guardrails", i), guardrail, "guardrail", catalog.guardrails)
    return problems


_PERCENT_WORDS = re.compile(r"^\s*(%|％|percent|per cent|százalék)", re.IGNORECASE)


def _doubled_units(variables: list[Variable], text: str) -> list[str]:
    """A percent placeholder is shown with its own % sign: flag texts that add another unit after it."""
    percent = {variable.name for variable in variables if variable.type == "percent"}
    parts = templating.segments(text)
    messages = []
    for slot, after in itertools.pairwise(parts):
        if isinstance(slot, templating.Slot) and slot.name in percent and isinstance(after, templating.Literal):
            unit = _PERCENT_WORDS.match(after.text)
            if unit:
                messages.append(f"{{{{ {slot.name} }}}} is a percent and is shown with its % sign; remove the "
                                f"'{unit.group(1)}' after it")
    return messages


Refer = Callable[[Document, PathKey, str, str, Mapping[str, object]], None]


def _check_templates(doc: Document, variables: list[Variable], texts: Iterable[tuple[PathKey, Text]],
                     unused: str) -> list[Problem]:
    """Check template texts against their declared variables: no duplicate or undeclared names, the same
    placeholders in every language as in English, and every variable used somewhere (``unused`` ends the
    message for one that is not)."""
    problems: list[Problem] = []
    declared: dict[str, int] = {}
    for i, variable in enumerate(variables):
        if variable.name in declared:
            problems.append(doc.problem(("variables", i, "name"),
                                        f"the variable '{variable.name}' is declared twice"))
        declared.setdefault(variable.name, i)
    used: set[str] = set()
    for at, text_field in texts:
        english: set[str] | None = None
        for language in LANGUAGES:
            text = text_field.translation(language)
            if text is None:
                continue
            where: PathKey = (*at, language)
            try:
                placeholders = templating.placeholders(text)
            except templating.TemplateSyntaxProblem as error:
                problems.append(doc.problem(where, str(error)))
                continue
            for name in sorted(placeholders - declared.keys()):
                problems.append(doc.problem(where, f"the text uses the undeclared variable '{name}'"
                                                   f"{did_you_mean(name, declared)}; declare it under "
                                                   "'variables' or fix the name"))
            problems.extend(doc.problem(where, message) for message in _doubled_units(variables, text))
            if english is None:
                english = placeholders
            elif placeholders != english and placeholders <= declared.keys():
                lacking, extra = sorted(english - placeholders), sorted(placeholders - english)
                detail = "; ".join(part for part in (
                    f"it lacks {', '.join('{{ ' + n + ' }}' for n in lacking)}" if lacking else "",
                    f"it adds {', '.join('{{ ' + n + ' }}' for n in extra)}" if extra else "") if part)
                problems.append(doc.problem(where, f"the translation must use the same placeholders as the "
                                                   f"English text: {detail}"))
            used |= placeholders
    for name, i in declared.items():
        if name not in used:
            problems.append(doc.problem(("variables", i, "name"),
                                        f"the variable '{name}' is declared but {unused}; "
                                        f"use it as {{{{ {name} }}}} or remove it"))
    return problems


def _check_clause(catalog: Catalog, clause_id: str, clause: Clause, refer: Refer) -> list[Problem]:
    problems: list[Problem] = []
    doc = catalog.document("clauses", clause_id)
    for i, tactic_id in enumerate(clause.supports):
        refer(doc, ("supports", i), tactic_id, "tactic", catalog.tactics)
    names = [alternative.name for alternative in clause.alternatives]
    for required in REQUIRED_ALTERNATIVES:
        if required not in names:
            problems.append(doc.problem(("alternatives",), f"the alternative '{required}' is missing; every "
                                                           f"clause needs {' and '.join(REQUIRED_ALTERNATIVES)}"))
    for i, alternative in enumerate(clause.alternatives):
        if names.index(alternative.name) != i:
            problems.append(doc.problem(("alternatives", i, "name"),
                                        f"the alternative '{alternative.name}' appears twice"))
    texts = [(("alternatives", i, "text"), alternative.text) for i, alternative in enumerate(clause.alternatives)]
    problems.extend(_check_templates(doc, clause.variables, texts, "no alternative uses it"))
    return problems


def _check_letter(catalog: Catalog, letter_id: str, letter: Letter, refer: Refer) -> list[Problem]:
    doc = catalog.document("letters", letter_id)
    for i, tactic_id in enumerate(letter.supports):
        refer(doc, ("supports", i), tactic_id, "tactic", catalog.tactics)
    texts = [(("subject",), letter.subject), (("body",), letter.body), (("closing",), letter.closing)]
    return _check_templates(doc, letter.variables, texts, "the letter does not use it")


def _check_plan(catalog: Catalog, refer: Refer) -> list[Problem]:
    if not catalog.plan:
        return []
    problems: list[Problem] = []
    doc = catalog.documents["plan.yml"]
    seen: set[str] = set()
    for i, step in enumerate(catalog.plan):
        if step.id in seen:
            problems.append(doc.problem(("steps", i, "id"),
                                        f"the id '{step.id}' appears twice in this file; ids must be unique"))
        seen.add(step.id)
        refer(doc, ("steps", i, "tactic"), step.tactic, "tactic", catalog.tactics)
        if step.when is not None:
            refer(doc, ("steps", i, "when"), step.when, "signal", catalog.signals)
        if step.letter is not None:
            refer(doc, ("steps", i, "letter"), step.letter, "letter", catalog.letters)
        letter = catalog.letters.get(step.letter) if step.letter else None
        if step.letter_dates and step.letter is None:
            problems.append(doc.problem(("steps", i, "letter_dates"), "letter_dates needs a letter; name the "
                                                                      "letter under 'letter' or remove them"))
        elif letter is not None:
            dates = {variable.name for variable in letter.variables if variable.type == "date"}
            for name in step.letter_dates:
                if name not in dates:
                    problems.append(doc.problem(
                        ("steps", i, "letter_dates", name),
                        f"the letter '{letter.id}' has no date variable '{name}'{did_you_mean(name, dates)}"))
    return problems
