"""Clause templates: alternatives, typed values, placeholders, and literal treatment of values."""

from __future__ import annotations

import markdown
import pytest

from generator.catalog import UnknownIdError
from generator.clauses import Filled, Placeholder, build_clause
from generator.errors import UserError
from generator.outputs.markdown import clause_markdown
from generator.outputs.text import clause_text
from tests._generator_support import assert_golden, fixture_catalog, shipped_catalog

GIVEN = ["buyer=Example Trading Ltd.", "amount=12,000.50 EUR", "due_date=2026-12-15"]
HOSTILE = "<b>x</b> {{ 7*7 }}"
SITE_EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def test_values_fill_and_the_rest_are_placeholders() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN)
    assert view.filled == ("buyer", "amount", "due_date")
    assert view.unfilled == ("grace", "rate", "copies")
    first = view.paragraphs[0]
    assert Filled("amount", "EUR 12,000.50") in first and Filled("due_date", "15 December 2026") in first
    placeholders = {p.name: p.text for para in view.paragraphs for p in para if isinstance(p, Placeholder)}
    assert placeholders == {"grace": "[Grace period]", "rate": "[Interest rate; suggested: 8%]",
                            "copies": "[Copies]"}
    assert len(view.paragraphs) == 3


def test_alternative_by_name_and_did_you_mean() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN, alternative="seller-friendly")
    assert view.alternative == "seller-friendly" and "without any deduction" in clause_text(view)
    with pytest.raises(UserError, match="did you mean 'seller-friendly'"):
        build_clause(fixture_catalog(), "pay-by-date", alternative="seller-friendl")
    with pytest.raises(UnknownIdError, match="did you mean 'pay-by-date'"):
        build_clause(fixture_catalog(), "pay-by-dat")


@pytest.mark.parametrize(("assignment", "message"), [
    ("amount", "write NAME=VALUE"),
    ("amunt=5 EUR", "has no variable 'amunt' (did you mean 'amount'?)"),
    ("due_date=15.12.2026", "'due_date' is a date: write the date as YYYY-MM-DD, for example "
                            "--var due_date='2026-12-15'"),
])
def test_bad_assignments(assignment: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        build_clause(fixture_catalog(), "pay-by-date", [assignment])
    assert message in str(caught.value)


def test_a_variable_given_twice_is_refused() -> None:
    with pytest.raises(UserError, match="given twice"):
        build_clause(fixture_catalog(), "pay-by-date", ["copies=2", "copies=3"])


def test_languages_format_values_and_fall_back_to_english_text() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN, language="hu")
    text = clause_text(view)
    assert "12 000,50 EUR" in text and "2026. december 15." in text and "15..," not in text
    assert "Payment by a fixed date" in text


def test_hostile_value_stays_literal_in_markdown_and_text() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", [f"buyer={HOSTILE}"])
    assert HOSTILE in clause_text(view)
    source = clause_markdown(view)
    assert "<b>" not in source and "49" not in source
    html = markdown.markdown(source, extensions=SITE_EXTENSIONS)
    assert "<b>" not in html and "49" not in html
    assert "&lt;b&gt;x&lt;/b&gt; {{ 7*7 }}" in html


def test_golden_clause_markdown_and_text() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN)
    assert_golden("clause-pay-by-date.md", clause_markdown(view))
    assert_golden("clause-pay-by-date.txt", clause_text(view))


def test_every_shipped_clause_renders_every_alternative_unfilled() -> None:
    catalog = shipped_catalog()
    for clause in catalog.clauses.values():
        for alternative in clause.alternatives:
            view = build_clause(catalog, clause.id, alternative=alternative.name)
            assert view.paragraphs, (clause.id, alternative.name)
            assert not view.filled
            clause_markdown(view)


def test_every_shipped_example_value_parses() -> None:
    catalog = shipped_catalog()
    for clause in catalog.clauses.values():
        assignments = [f"{v.name}={v.example}" for v in clause.variables]
        view = build_clause(catalog, clause.id, assignments)
        assert not view.unfilled, clause.id


def test_author_numbering_becomes_paragraphs_without_the_numbers() -> None:
    from generator.clauses import Plain, clause_view
    from generator.models import Clause

    clause = Clause.model_validate({
        "id": "numbered", "title": {"en": "T"}, "purpose": {"en": "P"}, "supports": ["x"],
        "variables": [{"name": "amount", "type": "money", "label": {"en": "Amount"}, "example": "5 EUR"}],
        "alternatives": [{"name": "balanced", "label": {"en": "B"}, "when": {"en": "W"},
                          "text": {"en": "1. {{ amount }} is due\non the date.\n2) Late means late.\n\n"
                                         "A closing note."}},
                         {"name": "seller-friendly", "label": {"en": "S"}, "when": {"en": "W"},
                          "text": {"en": "Pay {{ amount }}."}}],
        "drafting_notes": [{"en": "n"}],
        "jurisdiction_notes": {"cn": {"en": "c"}, "hu": {"en": "h"}, "eu": {"en": "e"}},
    })
    view = clause_view(fixture_catalog(), clause, {})
    texts = ["".join(part.text for part in paragraph) for paragraph in view.paragraphs]
    assert texts == ["[Amount] is due on the date.", "Late means late.", "A closing note."]
    assert isinstance(view.paragraphs[1][0], Plain)
