"""The benchmark's synthetic catalogue (bench/synth.py): it validates and has the expected counts."""

from __future__ import annotations

from pathlib import Path

from bench import synth
from generator.catalog import load_catalog
from tests.conftest import SHIPPED_PLAYBOOKS


def test_synthetic_catalogue_validates_with_scaled_counts(tmp_path: Path) -> None:
    shipped = load_catalog(SHIPPED_PLAYBOOKS)
    counts = synth.make(3, tmp_path / "playbooks")
    catalog = load_catalog(tmp_path / "playbooks")
    assert counts == {"tactics": 3 * len(shipped.tactics), "clauses": 3 * len(shipped.clauses),
                      "situations": 3 * len(shipped.situations), "signals": 3 * len(shipped.signals)}
    assert (len(catalog.tactics), len(catalog.clauses), len(catalog.situations), len(catalog.signals)) == (
        counts["tactics"], counts["clauses"], counts["situations"], counts["signals"])
    assert catalog.letters.keys() == shipped.letters.keys()


def test_copies_refer_to_their_own_copy(tmp_path: Path) -> None:
    synth.make(2, tmp_path / "playbooks")
    catalog = load_catalog(tmp_path / "playbooks")
    numbered = [t for t in catalog.tactics.values() if t.number is not None]
    assert sorted(t.id for t in numbered) == sorted(t.id for t in load_catalog(SHIPPED_PLAYBOOKS).tactics.values()
                                                    if t.number is not None)
    for tactic in catalog.tactics.values():
        if not tactic.id.endswith("-x1"):
            continue
        assert tactic.number is None
        assert all(other.endswith("-x1") for other in tactic.related_tactics)
        assert all(clause.endswith("-x1") for clause in tactic.related_clauses)
        assert all(s.endswith("-x1") for trigger in tactic.triggers for s in trigger.signals)
    for situation_id, situation in catalog.situations.items():
        suffix = "-x1" if situation_id.endswith("-x1") else ""
        assert all(s.endswith("-x1") == bool(suffix) for s in situation.signals)


def test_scale_one_is_the_shipped_folder(tmp_path: Path) -> None:
    counts = synth.make(1, tmp_path / "playbooks")
    catalog = load_catalog(tmp_path / "playbooks")
    assert len(catalog.tactics) == counts["tactics"] == len(load_catalog(SHIPPED_PLAYBOOKS).tactics)
