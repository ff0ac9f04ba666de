"""Clauses as Word documents with python-docx (imported only when a .docx is made).

Layout: the title, the purpose, the chosen wording, the numbered clause paragraphs (numbers written as
text, so they survive copying into another contract), placeholders as highlighted runs, then the drafting
notes and jurisdiction notes.  Core properties and the zip entries carry fixed dates, so the same input
always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from generator.clauses import ClauseView, Placeholder
from generator.outputs.html import creation_time

EAST_ASIAN_FONT = "Noto Sans CJK TC"
LATIN_FONT = "DejaVu Sans"


def _set_fonts(document: Any, language: str) -> None:
    from docx.oxml.ns import qn

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        if language == "zh-Hant":
            r_pr = style.element.get_or_add_rPr()
            r_fonts = r_pr.get_or_add_rFonts()
            r_fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _fixed_zip(data: bytes, date_time: tuple[int, int, int, int, int, int]) -> bytes:
    """The same zip with every entry's timestamp set to ``date_time`` (for reproducible files)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def clause_docx(clause: ClauseView) -> bytes:
    """The clause as a Word document."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Cm, Pt

    document = Document()
    _set_fonts(document, clause.language)
    document.styles["Normal"].font.size = Pt(10.5)
    ui = clause.ui

    document.add_heading(clause.title, level=0)
    document.add_heading(ui["purpose"], level=1)
    document.add_paragraph(clause.purpose)
    intro = document.add_paragraph()
    intro.add_run(f"{ui['alternative']}: ").bold = True
    intro.add_run(f"{clause.alternative_label}. {clause.alternative_when}")

    document.add_heading(ui["clause_text"], level=1)
    for number, parts in enumerate(clause.paragraphs, start=1):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.9)
        paragraph.paragraph_format.first_line_indent = Cm(-0.9)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
        paragraph.add_run(f"{number}.\t")
        for part in parts:
            run = paragraph.add_run(part.text)
            if isinstance(part, Placeholder):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                run.bold = True

    document.add_heading(ui["drafting_notes"], level=1)
    for note in clause.drafting_notes:
        document.add_paragraph(note, style="List Bullet")
    document.add_heading(ui["jurisdiction_notes"], level=1)
    for where, note in clause.jurisdiction_notes:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{where}: ").bold = True
        paragraph.add_run(note)
    closing = document.add_paragraph()
    closing.add_run(ui["not_legal_advice"]).italic = True
    document.add_paragraph(clause.version_line)

    created = creation_time(clause.revised).replace(tzinfo=None)
    properties = document.core_properties
    properties.title = clause.title
    properties.subject = clause.purpose[:250]
    properties.author = "Collections Playbook"
    properties.last_modified_by = "Collections Playbook"
    properties.language = clause.language
    properties.version = clause.version
    properties.revision = 1
    properties.created = created
    properties.modified = created
    properties.last_printed = created
    out = io.BytesIO()
    document.save(out)
    stamp = (max(created.year, 1980), created.month, created.day,
             created.hour, created.minute, created.second)
    return _fixed_zip(out.getvalue(), stamp)
