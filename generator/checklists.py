"""Merge the checklist items of matched tactics into one checklist, ready for any output format.

The rules (from the checklist design notes in the engineering notes):

* one section per pause point, in the order of the work as listed in ``playbook.yml``, each stating its
  mode (READ-DO or DO-CONFIRM);
* killer items (dangerous to skip) first, then the rest in tactic rank order and the tactics' own order;
* duplicates merged: two items are the same when their English texts are equal after folding case,
  whitespace and punctuation; the merged item is a killer if either was, keeps the first value line, and
  remembers every tactic it came from;
* at most :data:`MAX_ITEMS` items a section; the rest is listed under "also consider" by name, never dropped;
* a title that states the objective, the playbook version and revision date, and the source tactics.

The views hold text already resolved for one language, so templates only loop and print.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.catalog import Catalog
from generator.i18n import strings, ui
from generator.matching import Match, rank_tactics
from generator.models import ChecklistItem, Tactic
from generator.values import Versioned

MAX_ITEMS = 9


@dataclass(frozen=True)
class TacticRef:
    """A tactic a checklist draws on, as it is named in print."""

    id: str
    number: int | None
    title: str

    @property
    def name(self) -> str:
        return f"{self.number}. {self.title}" if self.number is not None else self.title


@dataclass(frozen=True)
class Item:
    """One line of a checklist: an action, whether it is a killer item, the value to write down if any."""

    text: str
    killer: bool
    value: str | None
    tactics: tuple[str, ...]
    """Ids of every tactic the item came from, in rank order."""


@dataclass(frozen=True)
class Section:
    """The items of one pause point."""

    id: str
    label: str
    mode: str
    mode_note: str
    description: str
    items: tuple[Item, ...]
    also_consider: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Checklist(Versioned):
    """A merged checklist for a situation or a set of signals, in one language."""

    language: str
    title: str
    subject: str
    situation: str | None
    signals: tuple[str, ...]
    """Labels of the observed signals."""
    sections: tuple[Section, ...]
    tactics: tuple[TacticRef, ...]
    version: str
    revised: str
    """The revision date as ISO YYYY-MM-DD."""
    ui: dict[str, str] = field(repr=False, compare=False)

    @property
    def killer_items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items if item.killer)


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The form two item texts are compared in: case, whitespace and punctuation folded away.

    Cached: every situation page merges the same tactics' items again, in every language."""
    kept = "".join(" " if unicodedata.category(ch).startswith(("P", "S")) else ch for ch in text.casefold())
    return " ".join(kept.split())


@dataclass
class _Merged:
    first: ChecklistItem
    killer: bool
    value: ChecklistItem | None
    tactics: list[str]


def _merge(matches: Sequence[Match]) -> dict[str, list[_Merged]]:
    """Every item of every matched tactic, merged, grouped by pause point id, in first-seen order."""
    by_pause: dict[str, list[_Merged]] = {}
    seen: dict[tuple[str, str], _Merged] = {}
    for match in matches:
        for item in match.tactic.checklist:
            key = (item.pause, normalise(item.text.en))
            merged = seen.get(key)
            if merged is None:
                merged = _Merged(item, item.killer, item if item.value else None, [])
                seen[key] = merged
                by_pause.setdefault(item.pause, []).append(merged)
            merged.killer = merged.killer or item.killer
            if merged.value is None and item.value is not None:
                merged.value = item
            if match.tactic.id not in merged.tactics:
                merged.tactics.append(match.tactic.id)
    return by_pause


def _item(merged: _Merged, language: str) -> Item:
    value = merged.value.value if merged.value is not None else None
    return Item(text=merged.first.text.get(language), killer=merged.killer,
                value=value.get(language) if value is not None else None, tactics=tuple(merged.tactics))


def build_checklist(catalog: Catalog, matches: Sequence[Match], language: str, *, subject: str,
                    situation: str | None, signals: Iterable[str], title_key: str = "checklist_title",
                    ) -> Checklist:
    """The merged checklist of ``matches`` (ranked, best first) for ``subject``, in ``language``."""
    by_pause = _merge(matches)
    sections: list[Section] = []
    for point in catalog.info.pause_points:
        merged = by_pause.get(point.id)
        if not merged:
            continue
        ordered = [m for m in merged if m.killer] + [m for m in merged if not m.killer]
        items = tuple(_item(m, language) for m in ordered)
        sections.append(Section(
            id=point.id, label=point.label.get(language), mode=point.mode,
            mode_note=ui(language, f"mode_{point.mode}"), description=point.description.get(language),
            items=items[:MAX_ITEMS], also_consider=items[MAX_ITEMS:]))
    used = {tactic_id for section in sections for item in (*section.items, *section.also_consider)
            for tactic_id in item.tactics}
    tactics = tuple(_ref(m.tactic, language) for m in matches if m.tactic.id in used)
    info = catalog.info
    return Checklist(
        language=language, title=ui(language, title_key, subject=subject), subject=subject,
        situation=situation, signals=tuple(catalog.signal(s).label.get(language) for s in signals),
        sections=tuple(sections), tactics=tactics, version=info.version, revised=info.revised, ui=strings(language))


def _ref(tactic: Tactic, language: str) -> TacticRef:
    return TacticRef(tactic.id, tactic.number, tactic.title.get(language))


def check_signals(catalog: Catalog, signals: Iterable[str]) -> list[str]:
    """The signal ids, each checked against the vocabulary (unknown ids raise with a did-you-mean)."""
    return [catalog.signal(signal).id for signal in dict.fromkeys(signals)]


def checklist_for_signals(catalog: Catalog, signals: Iterable[str], language: str = "en") -> Checklist:
    """The checklist for an ad-hoc set of observed signals."""
    observed = check_signals(catalog, signals)
    matches = rank_tactics(catalog.tactics, observed)
    subject = ", ".join(catalog.signal(s).label.get(language) for s in observed)
    return build_checklist(catalog, matches, language, subject=subject, situation=None, signals=observed,
                           title_key="checklist_title_signals")


def checklist_for_situation(catalog: Catalog, situation_id: str, language: str = "en") -> Checklist:
    """The checklist for a named situation (its signals, its title as the subject)."""
    situation = catalog.situation(situation_id)
    matches = rank_tactics(catalog.tactics, situation.signals)
    return build_checklist(catalog, matches, language, subject=situation.title.get(language),
                           situation=situation.id, signals=situation.signals)
