"""Match observed signals to tactics and rank the tactics that apply.

A tactic's trigger rule matches when *every* signal it lists is among the observed signals; a tactic
applies when at least one of its rules matches.  The tactics that apply are ranked by these keys, in order:

1. **Coverage**: how many of the observed signals the tactic's matching rules account for (more first).
   A tactic that explains more of what the salesperson sees fits the situation better.
2. **Specificity**: the sum, over those covered signals, of 1 / (number of tactics whose rules mention the
   signal).  A signal that only one tactic reacts to (``reluctant-to-press``) says more than one that many
   tactics react to (``overdue``), so it weighs more.  Compared on exact fractions, never floats.
3. **Order of the work**: the tactic's phase in the order the work happens, earliest first
   (:data:`PHASE_ORDER`, the order of ``playbook.yml``): before the deal, at the contract, while the goods are
   out (monitoring), before the due date, on the due date, during the visit, after a payment, escalation.
   Two tactics that fit equally well belong to one situation at two moments; the earlier moment is the one the
   salesperson is in (a contract that came back with the wrong stamp is fixed before the reminder that relies
   on it; the reminder before Friday comes before Friday's visit), and the brief lists them in that order.
4. **Number**: the numbered tactics 1-12 in number order, then the extra techniques.
5. **Id**, alphabetically, so the order is total and never depends on file order.

Everything here is pure: the same signals and tactics always give the same ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from generator.models import Phase, Tactic, Trigger

PHASE_ORDER: tuple[Phase, ...] = (
    "before-deal", "contract", "monitoring", "before-due", "due-date", "visit", "after-payment", "escalation",
)
"""Phases in the order the work happens (ranking key 3); a test keeps it equal to ``playbook.yml``."""

RankKey = tuple[int, Fraction, int, int, int, str]


@dataclass(frozen=True)
class RuleMatch:
    """One trigger rule of a tactic that matched, with the observed signals it relied on."""

    trigger: Trigger
    signals: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A tactic that applies to the observed signals, why it applies, and its place in the ranking."""

    rank: int
    tactic: Tactic
    rules: tuple[RuleMatch, ...]
    covered: tuple[str, ...]
    """The observed signals the matching rules account for, in the order they were observed."""
    specificity: Fraction

    @property
    def coverage(self) -> int:
        return len(self.covered)


def signal_weights(tactics: Iterable[Tactic]) -> dict[str, Fraction]:
    """For each signal some rule mentions: 1 / the number of tactics whose rules mention it."""
    counts: dict[str, int] = {}
    for tactic in tactics:
        for signal in {s for trigger in tactic.triggers for s in trigger.signals}:
            counts[signal] = counts.get(signal, 0) + 1
    return {signal: Fraction(1, count) for signal, count in counts.items()}


@dataclass(frozen=True)
class _Index:
    """What ranking needs from a set of tactics, worked out once: the signal weights, and for each signal the
    positions of the tactics whose rules mention it (a tactic can only match through a signal it mentions)."""

    items: tuple[tuple[str, Tactic], ...]
    weights: dict[str, Fraction]
    by_signal: dict[str, tuple[int, ...]]


_last_index: list[_Index] = []


def _index(tactics: Mapping[str, Tactic]) -> _Index:
    """The index of ``tactics``, reused while the same tactics are ranked again (every situation page of a
    build ranks the same catalogue: without it, each ranking would scan every tactic twice)."""
    items = tuple(tactics.items())
    if _last_index and _last_index[0].items == items:
        return _last_index[0]
    by_signal: dict[str, list[int]] = {}
    for position, (_, tactic) in enumerate(items):
        for signal in dict.fromkeys(s for trigger in tactic.triggers for s in trigger.signals):
            by_signal.setdefault(signal, []).append(position)
    index = _Index(items, signal_weights(tactics.values()), {s: tuple(p) for s, p in by_signal.items()})
    _last_index[:] = [index]
    return index


def rank_tactics(tactics: Mapping[str, Tactic], observed: Iterable[str]) -> list[Match]:
    """The tactics whose rules match the ``observed`` signal ids, best first (see the module docstring).

    ``observed`` must already be checked against the signal vocabulary; duplicates are ignored.
    """
    order = list(dict.fromkeys(observed))
    present = set(order)
    index = _index(tactics)
    weights = index.weights
    candidates = sorted({position for signal in present for position in index.by_signal.get(signal, ())})
    found: list[tuple[RankKey, Tactic, tuple[RuleMatch, ...], tuple[str, ...]]] = []
    for tactic_id, tactic in (index.items[position] for position in candidates):
        rules = tuple(RuleMatch(trigger, tuple(s for s in order if s in trigger.signals))
                      for trigger in tactic.triggers if set(trigger.signals) <= present)
        if not rules:
            continue
        covered_set = {s for rule in rules for s in rule.signals}
        covered = tuple(s for s in order if s in covered_set)
        specificity = sum((weights[s] for s in covered), Fraction(0))
        key = (-len(covered), -specificity, PHASE_ORDER.index(tactic.phase),
               int(tactic.number is None), tactic.number or 0, tactic_id)
        found.append((key, tactic, rules, covered))
    found.sort(key=lambda entry: entry[0])
    return [Match(rank=index + 1, tactic=tactic, rules=rules, covered=covered, specificity=-key[1])
            for index, (key, tactic, rules, covered) in enumerate(found)]
