"""Print-ready one-page PDF checklists with WeasyPrint (imported only when a PDF is made).

The checklist must fit on one page: it is laid out at decreasing font sizes in one column, then in two
columns, and the first layout that fits is used.  Metadata is fixed (creation date from SOURCE_DATE_EPOCH or
the playbook's revision date), so the same input always gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from generator.checklists import Checklist
from generator.errors import UserError
from generator.outputs.html import PAPER_SIZES, checklist_html
from generator.outputs.pdffonts import PdfFonts

if TYPE_CHECKING:
    from generator.plan import PlanView

LAYOUTS: tuple[tuple[int, float], ...] = (
    (1, 10.5), (1, 10.0), (1, 9.5), (1, 9.0), (1, 8.5),
    (2, 8.5), (2, 8.0), (2, 7.5), (2, 7.0), (2, 6.5),
)
"""(columns, font size in points) tried in order until the checklist fits on one page."""


def pdf_bytes(document: Any) -> bytes:
    """A laid-out WeasyPrint document as PDF bytes."""
    out = io.BytesIO()
    document.write_pdf(out)
    return out.getvalue()


def _check_paper(paper: str) -> None:
    if paper not in PAPER_SIZES:
        raise UserError(f"unknown paper size '{paper}'; use one of: {', '.join(PAPER_SIZES)}")


def one_page_document(checklist: Checklist, fonts: PdfFonts, paper: str = "a4") -> Any:
    """The checklist laid out on one page of ``paper``: the first of :data:`LAYOUTS` that fits."""
    _check_paper(paper)
    for columns, font_size in LAYOUTS:
        document = fonts.render(checklist_html(checklist, paper=paper, font_size=font_size, columns=columns))
        if len(document.pages) == 1:
            return document
    raise UserError(f"the checklist '{checklist.title}' does not fit on one page even in the most compact "
                    "layout; choose fewer signals or a narrower situation")


def checklist_pdf(checklist: Checklist, paper: str = "a4") -> bytes:
    """The checklist as a one-page PDF on ``paper`` ('a4' or 'letter')."""
    _check_paper(paper)
    with PdfFonts(checklist.language, [checklist_html(checklist, paper=paper)]) as fonts:
        return pdf_bytes(one_page_document(checklist, fonts, paper))


def plan_pdf(plan: PlanView) -> bytes:
    """The dated plan as an A4 PDF (as many pages as it needs)."""
    from generator.outputs.html import plan_html

    html = plan_html(plan)
    with PdfFonts(plan.language, [html]) as fonts:
        return pdf_bytes(fonts.render(html))
