"""Clauses and letters as Word documents with python-docx (imported only when a .docx is made).

Layout: the title, the purpose, the chosen wording, the numbered clause paragraphs (numbers written as
text, so they survive copying into another contract), placeholders as highlighted runs, then the drafting
notes and jurisdiction notes.  Core properties and the zip entries carry fixed dates, so the same input
always gives the same bytes.  A letter is laid out as a letter (subject, body, sign-off) with the notes for
the sender on a page of their own after it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from generator.clauses import ClauseView, Part, Placeholder
from generator.outputs.html import creation_time

if TYPE_CHECKING:
    from generator.letters import LetterView

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
        _add_parts(paragraph, parts)

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
    return _save(document, clause.title, clause.purpose, clause.language, clause.version, clause.revised)


def _add_parts(paragraph: Any, parts: Sequence[Part]) -> None:
    """Add a paragraph's parts as runs; placeholders are bold and highlighted so nobody sends them unfilled."""
    from docx.enum.text import WD_COLOR_INDEX

    for part in parts:
        run = paragraph.add_run(part.text)
        if isinstance(part, Placeholder):
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            run.bold = True


def _save(document: Any, title: str, subject: str, language: str, version: str, revised: str) -> bytes:
    """The document's bytes, with fixed core properties and zip timestamps."""
    created = creation_time(revised).replace(tzinfo=None)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject[:250]
    properties.author = "Collections Playbook"
    properties.last_modified_by = "Collections Playbook"
    properties.language = language
    properties.version = version
    properties.revision = 1
    properties.created = created
    properties.modified = created
    properties.last_printed = created
    out = io.BytesIO()
    document.save(out)
    stamp = (max(created.year, 1980), created.month, created.day,
             created.hour, created.minute, created.second)
    return _fixed_zip(out.getvalue(), stamp)


def letter_docx(letter: LetterView) -> bytes:
    """The letter as a Word document, ready to put on letterhead; the sender's notes follow on a new page."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = Document()
    _set_fonts(document, letter.language)
    document.styles["Normal"].font.size = Pt(11)
    ui = letter.ui

    subject = document.add_paragraph()
    subject.add_run(f"{ui['letter_subject']}: ")
    _add_parts(subject, letter.subject)
    for run in subject.runs:
        run.bold = True
    for parts in letter.paragraphs:
        _add_parts(document.add_paragraph(), parts)
    for parts in letter.closing:
        closing = document.add_paragraph()
        closing.paragraph_format.space_after = Pt(2)
        _add_parts(closing, parts)

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(ui["letter_notes"], level=1)
    document.add_paragraph(letter.purpose)
    for note in letter.notes:
        document.add_paragraph(note, style="List Bullet")
    document.add_paragraph(letter.version_line)
    return _save(document, letter.title, letter.subject_text, letter.language, letter.version, letter.revised)
