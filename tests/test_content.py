"""The shipped content meets the playbook's own rules (issue 3): complete tactics, clauses and situations."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from generator.catalog import Catalog, load_catalog
from generator.models import REQUIRED_ALTERNATIVES, Tactic
from generator.templating import placeholders
from tests.conftest import ROOT, SHIPPED_PLAYBOOKS

TWELVE = {
    1: "limit-credit-new-customers", 2: "salesperson-owns-receivable", 3: "collect-with-conviction",
    4: "fix-terms-in-writing", 5: "watch-for-distress", 6: "remind-before-due", 7: "due-date-visit",
    8: "state-purpose-directly", 9: "call-the-stall", 10: "correct-short-payment", 11: "windfall-leave-fast",
    12: "escalate-and-recover",
}
EXTRA_TECHNIQUES = {"keep-your-contact", "go-to-the-director", "hand-over-to-receivables-team"}
CLAUSES = {
    "fixed-payment-date", "no-payment-after-sale", "company-seal-and-signatory", "credit-limit",
    "retention-of-title", "partial-payment-application", "late-payment-interest-and-costs",
    "balance-confirmation", "deterioration-and-acceleration", "dispute-resolution-and-payment-order",
    "salesperson-responsibility-agreement",
}
SIGNALS_REQUIRED = {
    "customer": {"new-customer", "uncertain-customer", "bad-payment-reputation"},
    "deal": {"large-first-order", "no-questions-asked", "credit-or-consignment-requested", "hard-to-sell-product"},
    "contract": {"pay-after-sale-terms", "open-ended-payment-date", "verbal-terms-only", "personal-seal-only",
                 "signer-left-company"},
    "monitoring": {"orders-dropping", "stock-being-dumped", "payments-slipping", "staff-churn",
                   "owner-distracted", "closure-signs"},
    "timing": {"due-date-approaching", "due-today", "overdue", "many-remote-customers"},
    "visit": {"guests-present", "flattery-or-wait-here", "excuses-and-delays", "passed-around"},
    "payment": {"partial-payment", "new-order-while-owing", "large-payment-received", "debtor-has-cash",
                "repeated-refusal", "goods-unsold-at-customer"},
    "mindset": {"reluctant-to-press"},
}


@cache
def catalog() -> Catalog:
    return load_catalog(SHIPPED_PLAYBOOKS)


def tactics() -> list[Tactic]:
    return list(catalog().tactics.values())


# Parametrised by file name, so that a broken entry fails its own tests instead of the collection.
TACTIC_IDS = sorted(path.stem for path in (SHIPPED_PLAYBOOKS / "tactics").glob("*.yml"))


def test_the_twelve_tactics_have_their_ids_and_numbers() -> None:
    numbered = {t.number: t.id for t in tactics() if t.number is not None}
    assert numbered == TWELVE


def test_the_extra_techniques_exist_without_numbers() -> None:
    extras = {t.id for t in tactics() if t.number is None}
    assert extras >= EXTRA_TECHNIQUES


def test_signal_vocabulary_has_every_required_signal_in_its_group() -> None:
    for group, ids in SIGNALS_REQUIRED.items():
        for signal_id in ids:
            assert catalog().signal(signal_id).group == group


@pytest.mark.parametrize("tactic_id", TACTIC_IDS)
def test_tactic_is_complete(tactic_id: str) -> None:
    tactic = catalog().tactic(tactic_id)
    assert len(tactic.talk_tracks) >= 2
    assert tactic.keywords.en
    assert tactic.steps and tactic.red_flags and tactic.donts
    assert any(item.killer for item in tactic.checklist), "at least one killer item"
    if tactic.phase in ("visit", "escalation"):
        assert tactic.guardrails, "tactics at the visit and in escalation must link their guardrails"


@pytest.mark.parametrize("tactic_id", TACTIC_IDS)
def test_tactic_checklist_follows_the_rules(tactic_id: str) -> None:
    tactic = catalog().tactic(tactic_id)
    sizes = Counter(item.pause for item in tactic.checklist)
    assert all(1 <= size <= 9 for size in sizes.values()), sizes
    for pause in sizes:
        killers = [item.killer for item in tactic.checklist if item.pause == pause]
        assert killers == sorted(killers, reverse=True), f"killer items first at {pause}"


@pytest.mark.parametrize("clause_id", sorted(CLAUSES))
def test_clause_is_complete(clause_id: str) -> None:
    clause = catalog().clause(clause_id)
    names = [alternative.name for alternative in clause.alternatives]
    assert set(REQUIRED_ALTERNATIVES) <= set(names)
    notes = clause.jurisdiction_notes
    assert notes.cn.en and notes.hu.en and notes.eu.en
    used = set().union(*(placeholders(a.text.en) for a in clause.alternatives))
    assert used == {variable.name for variable in clause.variables}
    assert any("legal advice" in note.en.lower() for note in clause.drafting_notes)


def test_at_least_fifteen_situations_with_signals() -> None:
    assert len(catalog().situations) >= 15


def _applies(tactic: Tactic, signals: set[str]) -> bool:
    return any(set(trigger.signals) <= signals for trigger in tactic.triggers)


def test_no_orphans() -> None:
    """Every tactic is reached from a situation or another tactic; every clause from a tactic."""
    reached: set[str] = set()
    for situation in catalog().situations.values():
        reached |= {t.id for t in tactics() if _applies(t, set(situation.signals))}
    for tactic in tactics():
        reached |= set(tactic.related_tactics)
    assert {t.id for t in tactics()} - reached == set()
    linked = {clause_id for tactic in tactics() for clause_id in tactic.related_clauses}
    assert set(catalog().clauses) - linked == set()


def test_tactics_and_clauses_link_both_ways() -> None:
    for clause in catalog().clauses.values():
        for tactic_id in clause.supports:
            assert clause.id in catalog().tactic(tactic_id).related_clauses, (clause.id, tactic_id)


def test_no_sentences_shared_with_the_sources() -> None:
    tool = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
    if not tool.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is missing; CI must run with ../shared beside the checkout")
        pytest.skip("../shared/tools/seed_overlap.py is not beside this checkout")
    result = subprocess.run([sys.executable, str(tool), str(ROOT)], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().endswith("no shared runs")


def test_readme_names_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## The two commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make site", "make test"]
    assert Path(ROOT / "Makefile").is_file()


def test_every_entry_has_all_three_languages() -> None:
    from generator.translations import missing_translations

    missing = missing_translations(catalog())
    assert not missing, "\n".join(str(m.problem) for m in missing[:20])


CONTENT = ROOT / "content"
LANGUAGE_SUFFIXES = (".zh-Hant.md", ".hu.md")


def _english_pages() -> list[Path]:
    return sorted(p for p in CONTENT.rglob("*.md")
                  if not p.name.endswith(LANGUAGE_SUFFIXES) and "vendor" not in p.parts)


@pytest.mark.parametrize("page", _english_pages(), ids=lambda p: str(p.relative_to(CONTENT)))
def test_every_content_page_has_all_three_languages(page: Path) -> None:
    for suffix in LANGUAGE_SUFFIXES:
        translated = page.with_name(page.name.removesuffix(".md") + suffix)
        assert translated.is_file(), f"missing {translated.relative_to(ROOT)}"
        assert translated.read_text(encoding="utf-8").strip()
