"""Checklists as a standalone HTML page, and the HTML that the PDF is printed from."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.checklists import Checklist
from generator.render import render

if TYPE_CHECKING:
    from generator.plan import PlanView

PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}

SANS = '"DejaVu Sans", "Noto Sans CJK TC", "Noto Sans", sans-serif'
SANS_CJK = '"Noto Sans CJK TC Subset", "Noto Sans CJK TC", "DejaVu Sans", sans-serif'
"""Chinese: the PDFs' cut-down copy of Noto Sans CJK TC first (:mod:`generator.outputs.pdffonts`), then the font."""


def fonts_for(language: str) -> str:
    """The CSS font-family list for a language: sans-serif fonts that are installed here."""
    return SANS_CJK if language == "zh-Hant" else SANS


def creation_time(revised: str) -> dt.datetime:
    """A fixed creation time: SOURCE_DATE_EPOCH if set, else midnight UTC of the playbook revision date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(dt.date.fromisoformat(revised), dt.time(), tzinfo=dt.UTC)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")


def checklist_html(checklist: Checklist, *, paper: str | None = None, font_size: float = 10.5,
                   columns: int = 1) -> str:
    """The checklist as one HTML page; with ``paper`` ('a4' or 'letter') it is laid out for print."""
    fonts = fonts_for(checklist.language)
    css = render("text", "checklist.css.j2", paper=PAPER_SIZES[paper] if paper else None, fonts=fonts,
                 font_size=font_size, columns=columns, footer_left=_css_string(checklist.version_line))
    created = creation_time(checklist.revised).strftime("%Y-%m-%dT%H:%M:%SZ")
    return render("html", "checklist.html.j2", checklist=checklist, ui=checklist.ui, css=Markup(css),
                  created=created)


def plan_html(plan: PlanView) -> str:
    """The dated plan as one HTML page laid out for A4 print (the PDF is printed from it)."""
    from generator.outputs.markdown import plan_days

    created = creation_time(plan.revised).strftime("%Y-%m-%dT%H:%M:%SZ")
    return render("html", "plan.html.j2", plan=plan, ui=plan.ui, days=plan_days(plan), created=created,
                  fonts=Markup(fonts_for(plan.language)), footer=Markup(_css_string(plan.version_line)))
