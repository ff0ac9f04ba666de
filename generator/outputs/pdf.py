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

if TYPE_CHECKING:
    from generator.plan import PlanView

LAYOUTS: tuple[tuple[int, float], ...] = (
    (1, 10.5), (1, 10.0), (1, 9.5), (1, 9.0), (1, 8.5),
    (2, 8.5), (2, 8.0), (2, 7.5), (2, 7.0), (2, 6.5),
)
"""(columns, font size in points) tried in order until the checklist fits on one page."""


def _render(html: str) -> Any:
    from weasyprint import HTML

    return HTML(string=html, base_url=".").render()


def _bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.write_pdf(out)
    return out.getvalue()


def _document(checklist: Checklist, paper: str, columns: int, font_size: float) -> Any:
    return _render(checklist_html(checklist, paper=paper, font_size=font_size, columns=columns))


def checklist_pdf(checklist: Checklist, paper: str = "a4") -> bytes:
    """The checklist as a one-page PDF on ``paper`` ('a4' or 'letter')."""
    if paper not in PAPER_SIZES:
        raise UserError(f"unknown paper size '{paper}'; use one of: {', '.join(PAPER_SIZES)}")
    for columns, font_size in LAYOUTS:
        document = _document(checklist, paper, columns, font_size)
        if len(document.pages) == 1:
            return _bytes(document)
    raise UserError(f"the checklist '{checklist.title}' does not fit on one page even in the most compact "
                    "layout; choose fewer signals or a narrower situation")


def plan_pdf(plan: PlanView) -> bytes:
    """The dated plan as an A4 PDF (as many pages as it needs)."""
    from generator.outputs.html import plan_html

    return _bytes(_render(plan_html(plan)))
