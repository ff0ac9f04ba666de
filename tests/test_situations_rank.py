"""Each example situation of the source brief (section 5) ranks the first tactic the brief lists first.

The brief lists each situation's tactics in priority order; the shipped situation files carry the signals a
salesperson would report, and the matcher must put the brief's first tactic at the top.
"""

from __future__ import annotations

import pytest

from generator.matching import rank_tactics
from tests._generator_support import shipped_catalog

BRIEF_SITUATIONS: dict[int, tuple[str, str]] = {
    1: ("new-shop-wants-a-full-truck", "limit-credit-new-customers"),
    2: ("pay-as-it-sells", "fix-terms-in-writing"),
    3: ("personal-stamp-only", "fix-terms-in-writing"),
    4: ("customer-cutting-orders", "watch-for-distress"),
    5: ("demolition-notices-nearby", "watch-for-distress"),
    6: ("due-friday-he-left-last-time", "remind-before-due"),
    7: ("customer-in-a-meeting", "due-date-visit"),
    8: ("tea-and-wait-here", "call-the-stall"),
    9: ("third-week-of-excuses", "call-the-stall"),
    10: ("paid-sixty-percent", "correct-short-payment"),
    11: ("slowest-payer-paid-in-full", "windfall-leave-fast"),
    12: ("scared-to-push-biggest-account", "collect-with-conviction"),
    13: ("passed-between-departments", "keep-your-contact"),
    14: ("signer-has-left", "fix-terms-in-writing"),
    15: ("refused-for-months-grab-the-goods", "escalate-and-recover"),
}


def test_every_shipped_situation_is_mapped() -> None:
    assert sorted(situation for situation, _ in BRIEF_SITUATIONS.values()) == sorted(
        shipped_catalog().situations)


@pytest.mark.parametrize("number", sorted(BRIEF_SITUATIONS))
def test_brief_first_tactic_ranks_first(number: int) -> None:
    situation_id, tactic_id = BRIEF_SITUATIONS[number]
    catalog = shipped_catalog()
    ranked = [m.tactic.id for m in rank_tactics(catalog.tactics, catalog.situation(situation_id).signals)]
    assert ranked[0] == tactic_id, f"situation {number} ({situation_id}): {tactic_id} is not first in {ranked}"
