"""Print-ready PDF checklists: exactly one page, killer items present, fonts embedded, reproducible."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.checklists import Checklist, checklist_for_situation
from generator.outputs.pdf import checklist_pdf
from tests._generator_support import fixture_catalog, shipped_catalog

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def assert_one_page_with_killers(checklist: Checklist, data: bytes, tmp_path: Path) -> None:
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data, tmp_path)
    assert checklist.killer_items
    for item in checklist.killer_items:
        assert " ".join(item.text.split()) in text, item.text


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_fixture_checklist_is_one_page_with_killer_items(paper: str, tmp_path: Path) -> None:
    checklist = checklist_for_situation(fixture_catalog(), "keeps-refusing")
    data = checklist_pdf(checklist, paper)
    assert_one_page_with_killers(checklist, data, tmp_path)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    expected = (595, 842) if paper == "a4" else (612, 792)
    assert (round(float(box.width)), round(float(box.height))) == expected


@needs_poppler
def test_shipped_situation_checklists_fit_one_page(tmp_path: Path) -> None:
    catalog = shipped_catalog()
    for situation_id in catalog.situations:
        checklist = checklist_for_situation(catalog, situation_id)
        assert_one_page_with_killers(checklist, checklist_pdf(checklist), tmp_path)


@needs_poppler
def test_fonts_are_embedded_sans_serif(tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(checklist_pdf(checklist_for_situation(fixture_catalog(), "new-buyer-big-order")))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVu-Sans" in fonts and "Serif" not in fonts


def test_pdf_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    checklist = checklist_for_situation(fixture_catalog(), "new-buyer-big-order")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = checklist_pdf(checklist)
    assert first == checklist_pdf(checklist)
    assert PdfReader(io.BytesIO(first)).metadata["/CreationDate"].startswith("D:20261122")  # type: ignore[index]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert PdfReader(io.BytesIO(checklist_pdf(checklist))).metadata[  # type: ignore[index]
        "/CreationDate"].startswith("D:20231114")
