"""Merged checklists: pause-point order, killer items first, duplicates merged, at most nine a section."""

from __future__ import annotations

import pytest

from generator.catalog import UnknownIdError
from generator.checklists import MAX_ITEMS, checklist_for_signals, checklist_for_situation, normalise
from generator.outputs.markdown import checklist_markdown
from tests._generator_support import assert_golden, fixture_catalog


def test_sections_follow_the_pause_point_order_with_their_mode() -> None:
    checklist = checklist_for_situation(fixture_catalog(), "new-buyer-big-order")
    order = [p.id for p in fixture_catalog().info.pause_points]
    ids = [s.id for s in checklist.sections]
    assert ids == sorted(ids, key=order.index)
    assert [(s.id, s.mode) for s in checklist.sections] == [
        ("before-the-deal", "DO-CONFIRM"), ("before-signing", "DO-CONFIRM"), ("before-the-due-date", "READ-DO")]
    assert all(s.mode in s.mode_note for s in checklist.sections)


def test_title_version_revision_and_sources() -> None:
    checklist = checklist_for_situation(fixture_catalog(), "new-buyer-big-order")
    assert checklist.title == "Get paid in full: A new buyer wants a big first order on credit"
    assert checklist.version == "0.1.0" and checklist.revised == "2026-11-22"
    assert checklist.version_line == "Collections Playbook 0.1.0, revised 22 November 2026"
    assert [t.id for t in checklist.tactics] == ["check-the-new-buyer", "write-it-down"]


def test_duplicates_are_merged_and_remember_every_tactic() -> None:
    checklist = checklist_for_situation(fixture_catalog(), "new-buyer-big-order")
    deal = checklist.sections[0]
    assert [i.text for i in deal.items] == ["Ask two colleagues whether they know this buyer",
                                            "Set a credit limit for the first delivery"]
    assert deal.items[0].tactics == ("check-the-new-buyer", "write-it-down")
    signing = checklist.sections[1]
    merged = signing.items[0]
    # one tactic had it as a plain item, the other as a killer with a value line: the merge keeps both facts
    assert merged.killer and merged.value == "Due date written"
    assert merged.tactics == ("check-the-new-buyer", "write-it-down")
    assert normalise("  ASK two colleagues, whether they know this buyer!") == normalise(
        "Ask two colleagues whether they know this buyer")


def test_killer_items_come_first() -> None:
    for section in checklist_for_situation(fixture_catalog(), "new-buyer-big-order").sections:
        flags = [item.killer for item in section.items]
        assert flags == sorted(flags, reverse=True)


def test_overflow_goes_to_also_consider_never_dropped() -> None:
    checklist = checklist_for_situation(fixture_catalog(), "keeps-refusing")
    [section] = checklist.sections
    assert len(section.items) == MAX_ITEMS == 9
    assert [i.text.split()[2] for i in section.items[:2]] == ["07", "11"]
    assert section.items[0].killer and section.items[1].killer
    shown = {i.text for i in section.items} | {i.text for i in section.also_consider}
    assert len(shown) == 12
    assert [i.text.split()[2] for i in section.also_consider] == ["09", "10", "12"]
    markdown = checklist_markdown(checklist)
    assert "**Also consider:** Overflow item 09" in markdown


def test_ad_hoc_signals_and_unknown_ids() -> None:
    checklist = checklist_for_signals(fixture_catalog(), ["verbal-terms-only"])
    assert checklist.title == "Get paid in full when you see: Terms agreed only by word of mouth"
    assert [t.id for t in checklist.tactics] == ["write-it-down"]
    with pytest.raises(UnknownIdError, match="did you mean 'overdue'"):
        checklist_for_signals(fixture_catalog(), ["overdeu"])
    with pytest.raises(UnknownIdError, match="unknown situation"):
        checklist_for_situation(fixture_catalog(), "nope")


def test_no_match_gives_an_empty_checklist_that_says_so() -> None:
    checklist = checklist_for_signals(fixture_catalog(), ["staff-churn"])
    assert checklist.sections == () and checklist.tactics == ()
    assert "No tactic matches these signals" in checklist_markdown(checklist)


def test_golden_checklist_markdown() -> None:
    assert_golden("checklist-new-buyer-big-order.md",
                  checklist_markdown(checklist_for_situation(fixture_catalog(), "new-buyer-big-order")))


def test_golden_overflow_checklist_markdown() -> None:
    assert_golden("checklist-keeps-refusing.md",
                  checklist_markdown(checklist_for_situation(fixture_catalog(), "keeps-refusing")))


def test_every_shipped_situation_builds_a_checklist_within_limits() -> None:
    from tests._generator_support import shipped_catalog

    catalog = shipped_catalog()
    for situation_id in catalog.situations:
        checklist = checklist_for_situation(catalog, situation_id)
        assert checklist.sections, situation_id
        assert all(len(s.items) <= MAX_ITEMS for s in checklist.sections)
