"""Injection through the playbook's own text fields: HTML and script, Markdown link tricks and Jinja syntax in
a text field show literally in the site pages, the checklist PDFs and the clause Word files.

(``--var`` values are covered in test_clauses.py and test_cli_generate.py, page escaping in test_site_pages.py.)
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import markdown
import pytest

from generator import site
from generator.catalog import Catalog, load_catalog

HOSTILE = '<script>alert(1)</script> <b>x</b> [x](javascript:alert(1)) {{ 7*7 }} {% if 1 %}y{% endif %}'


def _squash(text: str) -> str:
    return " ".join(text.split())


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def hostile_catalog(playbooks_copy: Path) -> Catalog:
    quoted = json.dumps(HOSTILE)  # a double-quoted YAML scalar
    _replace(playbooks_copy / "tactics" / "sample-tactic.yml", "en: Agree a credit limit", f"en: {quoted}")
    _replace(playbooks_copy / "tactics" / "sample-tactic.yml", "en: Offer a smaller first delivery.",
             f"en: {quoted}")
    _replace(playbooks_copy / "situations" / "sample-situation.yml", "en: New shop wants a full truck",
             f"en: {quoted}")
    _replace(playbooks_copy / "clauses" / "sample-clause.yml", "en: Credit limit\npurpose", f"en: {quoted}\npurpose")
    _replace(playbooks_copy / "clauses" / "sample-clause.yml", "en: Template, not legal advice.", f"en: {quoted}")
    catalog = load_catalog(playbooks_copy)
    assert catalog.situations["sample-situation"].title.en == HOSTILE
    return catalog


def test_text_fields_show_literally_on_the_tactic_page(hostile_catalog: Catalog) -> None:
    tactic = hostile_catalog.tactics["sample-tactic"]
    page = site.tactic_page(site.Context(hostile_catalog, "en"), tactic)
    assert isinstance(page.content, str)
    body = page.content.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "pymdownx.superfences"])
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert "<script" not in html and "<b>" not in html and "49" not in html
    shown = re.sub(r"&#(\d+);", lambda m: chr(int(m[1])), html).replace("&lt;", "<").replace("&gt;", ">")
    assert HOSTILE in shown.replace("&amp;", "&")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_text_fields_show_literally_in_the_checklist_pdf(hostile_catalog: Catalog, tmp_path: Path) -> None:
    files = site.checklist_downloads(site.Context(hostile_catalog, "en"))
    pdf = next(f for f in files if f.path.endswith("sample-situation.pdf"))
    assert isinstance(pdf.content, bytes)
    path = tmp_path / "checklist.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert _squash(HOSTILE) in _squash(text)
    assert "49" not in text
    assert b"/JavaScript" not in pdf.content and b"/JS" not in pdf.content and b"/URI (javascript" not in pdf.content


def test_text_fields_show_literally_in_the_clause_docx(hostile_catalog: Catalog) -> None:
    from docx import Document

    docx = site.clause_docx(site.Context(hostile_catalog, "en"), hostile_catalog.clauses["sample-clause"])
    assert isinstance(docx.content, bytes)
    texts = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert sum(HOSTILE in t for t in texts) >= 2, texts  # the title and the drafting note
    assert not any("49" in t for t in texts)
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        xml = archive.read("word/document.xml").decode()
        assert "<script" not in xml and "&lt;script&gt;" in xml
        assert not any("javascript" in archive.read(name).decode("utf-8", "replace").lower()
                       for name in archive.namelist() if name.endswith(".rels"))
