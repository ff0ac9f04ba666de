"""The situation picker: a page where the reader ticks signals and at once sees the ranked tactics and checklist.

The page works without a server (also from ``file://``): everything the browser needs is embedded in the page
as JSON (:func:`picker_data`), and ``content/assets/picker.js`` repeats the ranking of
:func:`generator.matching.rank_tactics` and the merging of :func:`generator.checklists.build_checklist` step by
step on that data.  Nothing is guessed in JavaScript:

* the signal weights are those of :func:`generator.matching.signal_weights`, written as whole numbers over one
  common denominator, so sums compare exactly (as the Python fractions do);
* each tactic's place in the order of the work is its phase's index in :data:`generator.matching.PHASE_ORDER`;
* each checklist item carries the key it is merged on (:func:`generator.checklists.normalise` of its English
  text), its texts already in the page's language, and the pause points come in the playbook's order with
  their modes, so the browser does no text processing of its own.

``tests/test_picker.py`` runs the JavaScript with Node on many signal sets and compares its output with the
Python functions; the browser tests compare the page with ``playbook advise``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.catalog import Catalog
from generator.checklists import MAX_ITEMS, normalise
from generator.i18n import strings, ui
from generator.matching import PHASE_ORDER, signal_weights
from generator.site import (
    SIGNALS_PAGE,
    Context,
    Frontmatter,
    Section,
    SiteFile,
    relative,
    render,
    tactic_path,
)
from generator.values import format_date

PICKER_PAGE = "picker.md"

UI_KEYS = (
    "picker_results", "picker_empty", "picker_status", "picker_status_none", "picker_share", "picker_print",
    "picker_clear", "checklist_title_signals", "coverage", "matched_because", "colon_space",
    "colon", "killer", "also_consider", "from_tactics", "no_match", "ranked_tactics", "signals",
)
"""The interface strings the script prints (from :mod:`generator.i18n`, in the page's language)."""


def _html_href(page: str, target: str) -> str:
    """A link the script inserts (MkDocs does not rewrite it): the built ``.html`` file, relative to the page."""
    link = relative(page, target)
    return link[:-3] + ".html" if link.endswith(".md") else link


def picker_data(catalog: Catalog, lang: str) -> dict[str, Any]:
    """Everything ``picker.js`` needs to rank tactics and merge checklists for any ticked signals, in ``lang``."""
    weights = signal_weights(catalog.tactics.values())
    denominator = math.lcm(*(w.denominator for w in weights.values())) if weights else 1
    pause_points = [{
        "id": point.id, "label": point.label.get(lang), "mode": point.mode,
        "mode_note": ui(lang, f"mode_{point.mode}"),
    } for point in catalog.info.pause_points]
    phases = {phase.id: phase.label.get(lang) for phase in catalog.info.phases}
    tactics = []
    for position, (tactic_id, tactic) in enumerate(catalog.tactics.items()):
        title = tactic.title.get(lang)
        tactics.append({
            "id": tactic_id,
            "position": position,
            "number": tactic.number,
            "order": PHASE_ORDER.index(tactic.phase),
            "name": f"{tactic.number}. {title}" if tactic.number is not None else title,
            "phase": phases.get(tactic.phase, tactic.phase),
            "href": _html_href(PICKER_PAGE, tactic_path(tactic_id)),
            "rules": [{"signals": list(trigger.signals), "says": trigger.says.get(lang)}
                      for trigger in tactic.triggers],
            "checklist": [{
                "pause": item.pause, "key": normalise(item.text.en), "text": item.text.get(lang),
                "killer": item.killer, "value": item.value.get(lang) if item.value is not None else None,
            } for item in tactic.checklist],
        })
    info = catalog.info
    revised = format_date(dt.date.fromisoformat(info.revised), lang)
    words = strings(lang)
    return {
        "lang": lang,
        "signals": [{"id": s.id, "group": s.group, "label": s.label.get(lang)} for s in catalog.signals.values()],
        "weights": {signal: int(w * denominator) for signal, w in weights.items()},
        "denominator": denominator,
        "tactics": tactics,
        "pause_points": pause_points,
        "max_items": MAX_ITEMS,
        "version_line": ui(lang, "version_line", version=info.version, revised=revised),
        "ui": {key: words[key] for key in UI_KEYS},
    }


def data_json(data: dict[str, Any]) -> Markup:
    """The data as JSON that is safe inside a ``<script>`` element (no ``<``, ``>`` or ``&`` left as such)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


def picker_page(ctx: Context) -> SiteFile:
    """The picker page in ``ctx.lang``: the signals as checkboxes by group, the results area, the data."""
    path = PICKER_PAGE
    w = ctx.w
    groups: list[Section] = []
    for group in dict.fromkeys(s.group for s in ctx.catalog.signals.values()):
        choices = [Choice(s.id, ctx.t(s.label)) for s in ctx.catalog.signals.values() if s.group == group]
        groups.append(Section(w[f"signal_group_{group}"], choices, anchor=group))
    text = render("picker.md.j2", w=w, front=Frontmatter(w["picker_title"]), groups=groups,
                  signals_link=relative(path, SIGNALS_PAGE), lang=ctx.lang,
                  data=data_json(picker_data(ctx.catalog, ctx.lang)))
    return ctx.page(path, text)
