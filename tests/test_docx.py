"""Word clauses read back with python-docx: title, headings, filled values and highlighted placeholders."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from generator.clauses import build_clause
from generator.outputs.docx import clause_docx
from tests._generator_support import fixture_catalog

GIVEN = ["buyer=Example Trading Ltd.", "amount=12000 EUR", "due_date=2026-12-15"]
SHOWN = {"buyer": "Example Trading Ltd.", "amount": "EUR 12,000.00", "due_date": "15 December 2026"}


def read(data: bytes) -> Document:  # type: ignore[valid-type]
    return Document(io.BytesIO(data))


def test_title_headings_values_and_placeholders() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN)
    document = read(clause_docx(view))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == "Payment by a fixed date"
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Purpose", "Clause", "Drafting notes", "Jurisdiction notes"]
    body = "\n".join(p.text for p in paragraphs)
    assert "Fix the day the money is owed" in body
    assert body.index("1.\t") < body.index("2.\t") < body.index("3.\t") < body.index("Fixture note one.")
    highlighted = [run.text for p in paragraphs for run in p.runs
                   if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert document.core_properties.title == "Payment by a fixed date"
    clause = fixture_catalog().clauses["pay-by-date"]
    for variable in clause.variables:
        if variable.name in SHOWN:
            assert SHOWN[variable.name] in body, variable.name
            assert not any(variable.label.en in text for text in highlighted)
        else:
            assert any(text.startswith(f"[{variable.label.en}") for text in highlighted), variable.name


def test_east_asian_font_for_traditional_chinese() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN, language="zh-Hant")
    document = read(clause_docx(view))
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK TC"
    assert "2026年12月15日" in "\n".join(p.text for p in document.paragraphs)


def test_docx_is_reproducible() -> None:
    view = build_clause(fixture_catalog(), "pay-by-date", GIVEN)
    first = clause_docx(view)
    assert first == clause_docx(view)
    assert read(first).core_properties.created.year == 2026
