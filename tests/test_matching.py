"""Matching signals to tactics: which rules fire, why, and the documented ranking."""

from __future__ import annotations

from fractions import Fraction

from generator.matching import PHASE_ORDER, rank_tactics, signal_weights
from generator.models import PHASES, Tactic, Text, Trigger
from tests._generator_support import fixture_catalog, shipped_catalog


def tactic(tactic_id: str, phase: str, *rules: list[str], number: int | None = None) -> Tactic:
    """A minimal tactic for ranking tests (only the fields matching reads are meaningful)."""
    base = fixture_catalog().tactics["check-the-new-buyer"]
    triggers = [Trigger(signals=rule, says=Text(en=f"rule {'+'.join(rule)}")) for rule in rules]
    return base.model_copy(update={"id": tactic_id, "phase": phase, "number": number, "triggers": triggers})


def ids(tactics: dict[str, Tactic], observed: list[str]) -> list[str]:
    return [m.tactic.id for m in rank_tactics(tactics, observed)]


def test_phase_order_lists_every_phase_once_in_the_playbooks_order() -> None:
    assert sorted(PHASE_ORDER) == sorted(PHASES)
    assert tuple(phase.id for phase in shipped_catalog().info.phases) == PHASE_ORDER


def test_a_rule_needs_all_its_signals() -> None:
    tactics = {"a": tactic("a", "visit", ["overdue", "guests-present"])}
    assert ids(tactics, ["overdue"]) == []
    assert ids(tactics, ["guests-present", "overdue"]) == ["a"]


def test_reasons_name_the_matched_rules_and_signals() -> None:
    tactics = {"a": tactic("a", "visit", ["overdue"], ["due-today"], ["partial-payment"])}
    [match] = rank_tactics(tactics, ["due-today", "overdue", "new-customer"])
    assert [rule.trigger.says.en for rule in match.rules] == ["rule overdue", "rule due-today"]
    assert match.covered == ("due-today", "overdue")
    assert match.coverage == 2 and match.rank == 1


def test_coverage_ranks_first() -> None:
    tactics = {"urgent": tactic("urgent", "visit", ["overdue"]),
               "broad": tactic("broad", "before-deal", ["overdue"], ["new-customer"])}
    assert ids(tactics, ["overdue", "new-customer"]) == ["broad", "urgent"]


def test_specificity_breaks_coverage_ties() -> None:
    tactics = {"common": tactic("common", "visit", ["overdue"]),
               "other": tactic("other", "visit", ["overdue"], ["due-today"]),
               "rare": tactic("rare", "before-deal", ["reluctant-to-press"])}
    weights = signal_weights(tactics.values())
    assert weights["overdue"] == Fraction(1, 2) and weights["reluctant-to-press"] == 1
    assert ids(tactics, ["overdue", "reluctant-to-press"])[0] == "rare"


def test_order_of_the_work_then_number_then_id_break_ties() -> None:
    tactics = {"z-deal": tactic("z-deal", "before-deal", ["overdue"], number=1),
               "b-visit": tactic("b-visit", "visit", ["overdue"]),
               "a-visit": tactic("a-visit", "visit", ["overdue"]),
               "n-visit": tactic("n-visit", "visit", ["overdue"], number=9),
               "escalate": tactic("escalate", "escalation", ["overdue"], number=12)}
    assert ids(tactics, ["overdue"]) == ["z-deal", "n-visit", "a-visit", "b-visit", "escalate"]


def test_ranking_ignores_input_order_and_duplicates() -> None:
    tactics = fixture_catalog().tactics
    one = rank_tactics(tactics, ["new-customer", "large-first-order", "no-questions-asked"])
    two = rank_tactics(tactics, ["no-questions-asked", "new-customer", "large-first-order", "new-customer"])
    assert [m.tactic.id for m in one] == [m.tactic.id for m in two]
    assert [m.tactic.id for m in one] == ["check-the-new-buyer", "write-it-down"]


def test_no_signals_no_matches() -> None:
    assert rank_tactics(fixture_catalog().tactics, []) == []
