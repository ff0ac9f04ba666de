"""Every page and download of the training site, as ``(path, content)`` pairs, with no MkDocs import.

:func:`build_site` turns a validated :class:`~generator.catalog.Catalog` into :class:`SiteFile` objects: Markdown
pages (text) and downloads (bytes).  Any static site generator can publish them; the MkDocs plugin
(:mod:`generator.mkdocs_plugin`) adds them to a MkDocs build in memory.

Decisions (what a page lists, in which order, where a link points) are taken here, in plain Python, and handed
to the templates in ``templates/site/`` as small view objects; the templates only loop and print.  Every piece
of content text is escaped where it lands: the template environment refuses to print anything that has not
passed one of the escaping filters (``md`` for Markdown text, ``html`` for raw HTML, ``yaml`` for front
matter, ``url`` for link targets, ``mermaid`` for diagram labels).

Every page function takes ``lang``.  English pages live at their plain path (``tactics/<id>.md``); another
language gets the suffix layout of mkdocs-static-i18n (``tactics/<id>.zh-Hant.md``) with the same links.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator import templating
from generator.catalog import Catalog
from generator.matching import Match, rank_tactics
from generator.models import LANGUAGES, Clause, Guardrail, PausePoint, Phase, Situation, Tactic, Text

DEFAULT_LANGUAGE = "en"
TEMPLATES = Path(__file__).parent / "templates" / "site"

# ----------------------------------------------------------------------------------------------- site files


@dataclass(frozen=True)
class SiteFile:
    """One file of the site: a Markdown page (``str``) or a download (``bytes``), at a docs-relative path."""

    path: str
    content: str | bytes

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


def localized(path: str, lang: str) -> str:
    """The path of a page in ``lang``: English at ``x.md``, others at ``x.<lang>.md`` (suffix layout)."""
    if lang == DEFAULT_LANGUAGE or not path.endswith(".md"):
        return path
    return f"{path[:-3]}.{lang}.md"


def download_path(path: str, lang: str) -> str:
    """Where a download in ``lang`` lives: ``downloads/...`` for English, ``downloads/<lang>/...`` otherwise."""
    if lang == DEFAULT_LANGUAGE:
        return f"downloads/{path}"
    return f"downloads/{lang}/{path}"


def relative(from_page: str, to_path: str) -> str:
    """A relative link from the page ``from_page`` to ``to_path`` (both docs-relative); keeps a #fragment."""
    target, _, fragment = to_path.partition("#")
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".") if target else ""
    return f"{link}#{fragment}" if fragment else link


# Docs-relative paths of the generated pages, before localisation.
def tactic_path(tactic_id: str) -> str:
    return f"tactics/{tactic_id}.md"


def clause_path(clause_id: str) -> str:
    return f"clauses/{clause_id}.md"


def situation_path(situation_id: str) -> str:
    return f"situations/{situation_id}.md"


def guardrail_path(guardrail_id: str) -> str:
    return f"guardrails/{guardrail_id}.md"


def phase_path(phase: str) -> str:
    return f"phases/{phase}.md"


SIGNALS_PAGE = "signals.md"
LADDER_PAGE = "phases.md"
TAGS_PAGE = "tags.md"
TACTICS_INDEX = "tactics/index.md"
CLAUSES_INDEX = "clauses/index.md"
SITUATIONS_INDEX = "situations/index.md"
GUARDRAILS_INDEX = "guardrails/index.md"
TRAINER_PACK = "trainer-pack.pdf"


def situation_pdf_path(situation_id: str) -> str:
    return f"checklists/{situation_id}.pdf"


def clause_download_path(clause_id: str, suffix: str) -> str:
    return f"clauses/{clause_id}.{suffix}"


# ------------------------------------------------------------------------------------------------- escaping

_MD_BACKSLASH = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")
_SPACES = re.compile(r"\s*\n\s*")


def md(value: object) -> Markup:
    """Plain text as inline Markdown: one line, every Markdown and HTML special character neutralised."""
    text = _SPACES.sub(" ", str(value).strip())
    text = html.escape(text, quote=False)
    text = _MD_BACKSLASH.sub(r"\\\1", text)
    text = text.replace("|", "&#124;").replace("~", "&#126;").replace("^", "&#94;").replace("=", "&#61;")
    text = text.replace(":", "&#58;")
    return Markup(text)


def html_text(value: object) -> Markup:
    """Plain text for a raw HTML block or attribute."""
    return Markup(html.escape(_SPACES.sub(" ", str(value).strip()), quote=True))


def yaml_scalar(value: object) -> Markup:
    """A string as a YAML scalar (a JSON string is valid YAML)."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def url(value: object) -> Markup:
    """A relative link target, percent-encoded where needed."""
    return Markup(quote(str(value), safe="/#.-_~%"))


_MERMAID_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#38;", "`": "#96;"}


def mermaid_label(value: object) -> Markup:
    """Text for a quoted Mermaid node label: characters Mermaid reads as syntax become its entity codes."""
    text = _SPACES.sub(" ", str(value).strip())
    return Markup("".join(_MERMAID_ENTITIES.get(char, char) for char in text))


def code_block(value: object) -> Markup:
    """Text for a fenced code block: kept verbatim, line breaks included (the fence is chosen to fit)."""
    return Markup(str(value).rstrip("\n"))


def _finalize(value: object) -> object:
    if isinstance(value, Markup) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"unescaped value in a site template: {value!r}; pass it through md, html, yaml, url, "
                    "mermaid or code")


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the site templates: strict, and printing only escaped values."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters.update(md=md, html=html_text, yaml=yaml_scalar, url=url, mermaid=mermaid_label, code=code_block)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


# ---------------------------------------------------------------------------------------------- page words

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "tactic": "Tactic",
        "extra_technique": "Extra technique",
        "phase": "Phase",
        "when": "When to use it",
        "people_say": "What people type or say",
        "steps": "Steps",
        "checklist": "Checklist",
        "talk_tracks": "Talk tracks",
        "red_flags": "Red flags",
        "donts": "Don't",
        "guardrails": "Guardrails",
        "clauses": "Clauses that back it up",
        "situations": "Situations where it applies",
        "related_tactics": "Related tactics",
        "write_down": "Write down",
        "killer": "must not be skipped",
        "signals": "Signals",
        "speaker_you": "You",
        "speaker_customer": "Customer",
        "speaker_staff": "Staff",
        "speaker_manager": "Manager",
        "speaker_director": "Director",
        "purpose": "Purpose",
        "supports": "Tactics it supports",
        "variables": "Variables",
        "variable": "Variable",
        "meaning": "Meaning",
        "type": "Type",
        "required": "Required",
        "example": "Example",
        "default": "Default",
        "yes": "yes",
        "no": "no",
        "alternatives": "Wordings",
        "use_when": "Use it when",
        "drafting_notes": "Drafting notes",
        "jurisdiction_notes": "Jurisdiction notes",
        "jurisdiction_cn": "China (PRC)",
        "jurisdiction_hu": "Hungary",
        "jurisdiction_eu": "European Union",
        "downloads": "Downloads",
        "download_docx": "Word document (.docx), balanced wording",
        "download_txt": "Plain text (.txt), every wording",
        "download_pdf": "Printable checklist (PDF, one A4 page)",
        "not_legal_advice": "This clause is a template, not legal advice. Have a lawyer check it for your "
                            "jurisdiction before you use it.",
        "copy_hint": "The copy button at the top right of each wording puts the text on your clipboard; "
                     "the parts in double braces are the blanks to fill in.",
        "matched_tactics": "Tactics that apply, best match first",
        "why": "Why",
        "no_match": "No tactic matches these signals yet.",
        "lawful": "What is lawful",
        "never": "Never",
        "call_a_lawyer": "When to call a lawyer",
        "references": "References",
        "tactics_bound": "Tactics it limits",
        "situations_bound": "Situations where it matters",
        "signals_title": "What are you seeing?",
        "signals_intro": "Find what you notice at the customer, then open the tactics it points to. Each "
                         "signal lists the tactics it triggers and, in plain words, when.",
        "signal_group_customer": "The customer",
        "signal_group_deal": "The deal",
        "signal_group_contract": "The contract",
        "signal_group_monitoring": "While the goods are out",
        "signal_group_timing": "Timing",
        "signal_group_visit": "At the visit",
        "signal_group_payment": "Payments",
        "signal_group_mindset": "How you feel about it",
        "no_tactic_for_signal": "No tactic reacts to this signal alone.",
        "ladder_title": "The escalation ladder",
        "ladder_intro": "From the first conversation about credit to the court: each step is a tactic, in the "
                        "order of the work. Click a step to open it.",
        "court": "Court or payment order",
        "phases_title": "Phases",
        "pause_points": "Pause points with checklists",
        "tactics_title": "Tactics",
        "tactics_intro": "The twelve numbered tactics and the extra techniques, by phase.",
        "clauses_title": "Clause library",
        "clauses_intro": "Contract clauses that make the tactics enforceable, each with a balanced and a "
                         "seller-friendly wording, Word and text downloads.",
        "situations_title": "Situations",
        "situations_intro": "Situations as salespeople describe them, each with the tactics that apply and a "
                            "one-page checklist to print.",
        "guardrails_title": "Guardrails",
        "guardrails_intro": "The rules of law and ethics every tactic stays within.",
        "tags_title": "Topics by phase and role",
        "tags_intro": "Every tactic, situation and clause, grouped by the phase of the work and by who needs it.",
        "role_new_hire": "Role: new hire",
        "role_trainer": "Role: trainer",
        "role_drafter": "Role: drafter",
        "phase_tag": "Phase: {label}",
        "trainer_pack": "Trainer pack: every checklist in one PDF",
    },
    "zh-Hant": {},
    "hu": {},
}


def words(lang: str) -> dict[str, str]:
    """The site's interface words in ``lang``, English filling the gaps."""
    return {key: WORDS.get(lang, {}).get(key) or value for key, value in WORDS["en"].items()}


# ------------------------------------------------------------------------------------------------ views


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Item:
    """A line of a list: text, an optional link after it and an optional note."""

    text: str
    link: Link | None = None
    note: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    items: Sequence[Any] = ()
    anchor: str = ""
    note: str = ""


@dataclass(frozen=True)
class Frontmatter:
    """A page's front matter.

    ``topics`` are the visible tags (phase and role) that the tags plugin lists (``tags_name_property:
    topics``); ``keywords`` go into ``tags``, which the search index reads with a high boost, so that a page is
    found first by the words people use for it; ``boost`` raises the whole page in search.
    """

    title: str
    topics: Sequence[str] = ()
    keywords: Sequence[str] = ()
    boost: int = 0


@dataclass
class Context:
    """What every page function needs: the catalog, the language, and lookups computed once."""

    catalog: Catalog
    lang: str
    matches: dict[str, list[Match]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.matches:
            self.matches = {sid: rank_tactics(self.catalog.tactics, situation.signals)
                            for sid, situation in self.catalog.situations.items()}

    def t(self, text: Text) -> str:
        return text.get(self.lang)

    @property
    def w(self) -> dict[str, str]:
        return words(self.lang)

    def phase_label(self, phase: str) -> str:
        return next(self.t(p.label) for p in self.catalog.info.phases if p.id == phase)

    def pause_point(self, pause_id: str) -> PausePoint:
        return next(p for p in self.catalog.info.pause_points if p.id == pause_id)

    def tactic_title(self, tactic: Tactic) -> str:
        title = self.t(tactic.title)
        return f"{tactic.number}. {title}" if tactic.number is not None else title

    def tactic_link(self, page: str, tactic_id: str) -> Link:
        return Link(self.tactic_title(self.catalog.tactics[tactic_id]), relative(page, tactic_path(tactic_id)))

    def clause_link(self, page: str, clause_id: str) -> Link:
        return Link(self.t(self.catalog.clauses[clause_id].title), relative(page, clause_path(clause_id)))

    def situation_link(self, page: str, situation_id: str) -> Link:
        return Link(self.t(self.catalog.situations[situation_id].title),
                    relative(page, situation_path(situation_id)))

    def guardrail_link(self, page: str, guardrail_id: str) -> Link:
        guardrail = self.catalog.guardrails[guardrail_id]
        return Link(f"{guardrail.code} {self.t(guardrail.title)}", relative(page, guardrail_path(guardrail_id)))

    def signal_link(self, page: str, signal_id: str) -> Link:
        return Link(self.t(self.catalog.signals[signal_id].label), relative(page, f"{SIGNALS_PAGE}#{signal_id}"))

    def phase_tag(self, phase: str) -> str:
        return self.w["phase_tag"].format(label=self.phase_label(phase))

    def situations_for_tactic(self, tactic_id: str) -> list[str]:
        return [sid for sid, matches in self.matches.items() if any(m.tactic.id == tactic_id for m in matches)]

    def clauses_for_tactic(self, tactic_id: str) -> list[str]:
        """Clauses the tactic names, then clauses that say they support it: links go both ways."""
        tactic = self.catalog.tactics[tactic_id]
        named = [c for c in tactic.related_clauses if c in self.catalog.clauses]
        supporting = [cid for cid, clause in self.catalog.clauses.items() if tactic_id in clause.supports]
        return list(dict.fromkeys([*named, *supporting]))

    def tactics_for_clause(self, clause_id: str) -> list[str]:
        clause = self.catalog.clauses[clause_id]
        named = [t for t in clause.supports if t in self.catalog.tactics]
        citing = [tid for tid, tactic in self.catalog.tactics.items() if clause_id in tactic.related_clauses]
        return list(dict.fromkeys([*named, *citing]))

    def tactics_in_phase(self, phase: str) -> list[Tactic]:
        return [tactic for tactic in self.catalog.tactics.values() if tactic.phase == phase]


# ----------------------------------------------------------------------------------------------- checklists


@dataclass(frozen=True)
class ChecklistLine:
    text: str
    value: str
    killer: bool


@dataclass(frozen=True)
class ChecklistGroup:
    title: str
    mode: str
    description: str
    lines: Sequence[ChecklistLine]


def tactic_checklist(ctx: Context, tactic: Tactic) -> list[ChecklistGroup]:
    """A tactic's checklist grouped by pause point, in the playbook's pause-point order, killer items first."""
    groups: list[ChecklistGroup] = []
    for point in ctx.catalog.info.pause_points:
        items = [item for item in tactic.checklist if item.pause == point.id]
        if not items:
            continue
        items.sort(key=lambda item: not item.killer)
        groups.append(ChecklistGroup(
            title=ctx.t(point.label), mode=point.mode, description=ctx.t(point.description),
            lines=[ChecklistLine(ctx.t(item.text), ctx.t(item.value) if item.value else "", item.killer)
                   for item in items]))
    return groups


# ---------------------------------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class TalkLineView:
    speaker: str
    role: str
    text: str


@dataclass(frozen=True)
class TalkTrackView:
    title: str
    lines: Sequence[TalkLineView]


@dataclass(frozen=True)
class TriggerView:
    says: str
    signals: Sequence[Link]


def _roles_for(kind: str, w: dict[str, str]) -> list[str]:
    return {
        "tactic": [w["role_new_hire"], w["role_trainer"]],
        "situation": [w["role_new_hire"], w["role_trainer"]],
        "clause": [w["role_drafter"]],
        "guardrail": [w["role_new_hire"], w["role_trainer"], w["role_drafter"]],
    }[kind]


def tactic_page(ctx: Context, tactic: Tactic) -> SiteFile:
    path = tactic_path(tactic.id)
    w = ctx.w
    talk = [TalkTrackView(ctx.t(track.title),
                          [TalkLineView(w[f"speaker_{line.speaker}"], line.speaker, ctx.t(line.text))
                           for line in track.lines])
            for track in tactic.talk_tracks]
    triggers = [TriggerView(ctx.t(trigger.says), [ctx.signal_link(path, s) for s in trigger.signals])
                for trigger in tactic.triggers]
    guardrails = [Item(ctx.t(link.note), ctx.guardrail_link(path, link.guardrail)) for link in tactic.guardrails]
    text = render(
        "tactic.md.j2", w=w,
        front=Frontmatter(ctx.tactic_title(tactic), [ctx.phase_tag(tactic.phase), *_roles_for("tactic", w)],
                          tactic.keywords.get(ctx.lang), boost=3),
        title=ctx.tactic_title(tactic),
        kind=w["tactic"] if tactic.number is not None else w["extra_technique"],
        phase=Link(ctx.phase_label(tactic.phase), relative(path, phase_path(tactic.phase))),
        summary=ctx.t(tactic.summary),
        keywords=tactic.keywords.get(ctx.lang),
        triggers=triggers,
        steps=[ctx.t(step) for step in tactic.steps],
        checklist=tactic_checklist(ctx, tactic),
        talk_tracks=talk,
        red_flags=[ctx.t(flag) for flag in tactic.red_flags],
        donts=[ctx.t(dont) for dont in tactic.donts],
        guardrails=guardrails,
        clauses=[ctx.clause_link(path, c) for c in ctx.clauses_for_tactic(tactic.id)],
        situations=[ctx.situation_link(path, s) for s in ctx.situations_for_tactic(tactic.id)],
        related=[ctx.tactic_link(path, t) for t in tactic.related_tactics],
    )
    return SiteFile(localized(path, ctx.lang), text)


@dataclass(frozen=True)
class VariableView:
    name: str
    label: str
    type: str
    required: str
    example: str
    default: str


@dataclass(frozen=True)
class AlternativeView:
    label: str
    when: str
    text: str
    fence: str


def fence_for(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def clause_copy_text(ctx: Context, clause: Clause, alternative: str) -> str:
    """One wording of a clause as it is copied: its own line breaks, each blank shown as ``[label]``."""
    from generator.clauses import Placeholder, clause_view

    view = clause_view(ctx.catalog, clause, {}, alternative, ctx.lang)
    shown = {part.name: part.text for paragraph in view.paragraphs for part in paragraph
             if isinstance(part, Placeholder)}
    wording = next(alt for alt in clause.alternatives if alt.name == alternative)
    pieces = [segment.text if isinstance(segment, templating.Literal) else shown[segment.name]
              for segment in templating.segments(wording.text.get(ctx.lang))]
    return "".join(pieces).strip()


def clause_page(ctx: Context, clause: Clause) -> SiteFile:
    path = clause_path(clause.id)
    w = ctx.w
    texts = [clause_copy_text(ctx, clause, alt.name) for alt in clause.alternatives]
    alternatives = [AlternativeView(ctx.t(alt.label), ctx.t(alt.when), text, fence_for(text))
                    for alt, text in zip(clause.alternatives, texts, strict=True)]
    variables = [VariableView(v.name, ctx.t(v.label), v.type, w["yes"] if v.required else w["no"], v.example,
                              v.default or "")
                 for v in clause.variables]
    notes = clause.jurisdiction_notes
    jurisdictions = [Item(ctx.t(text), note=w[f"jurisdiction_{key}"])
                     for key, text in (("cn", notes.cn), ("hu", notes.hu), ("eu", notes.eu))]
    downloads = [Link(w["download_docx"], relative(path, download_path(clause_download_path(clause.id, "docx"),
                                                                      ctx.lang))),
                 Link(w["download_txt"], relative(path, download_path(clause_download_path(clause.id, "txt"),
                                                                     ctx.lang)))]
    keywords = clause.keywords.get(ctx.lang) if clause.keywords else []
    text = render(
        "clause.md.j2", w=w,
        front=Frontmatter(ctx.t(clause.title), _roles_for("clause", w), keywords),
        title=ctx.t(clause.title),
        purpose=ctx.t(clause.purpose),
        keywords=keywords,
        tactics=[ctx.tactic_link(path, t) for t in ctx.tactics_for_clause(clause.id)],
        alternatives=alternatives,
        variables=variables,
        drafting_notes=[ctx.t(note) for note in clause.drafting_notes],
        jurisdictions=jurisdictions,
        downloads=downloads,
    )
    return SiteFile(localized(path, ctx.lang), text)


@dataclass(frozen=True)
class MatchView:
    link: Link
    reasons: Sequence[str]
    signals: Sequence[Link]


def situation_page(ctx: Context, situation: Situation, checklist_markdown: str = "") -> SiteFile:
    """A situation: its description, signals, a printable checklist and the matched tactics with reasons.

    ``checklist_markdown`` is the situation's checklist as Markdown from the checklist generator; without it the
    page lists the checklists of the matched tactics.
    """
    path = situation_path(situation.id)
    w = ctx.w
    matches = ctx.matches.get(situation.id) or rank_tactics(ctx.catalog.tactics, situation.signals)
    views = [MatchView(ctx.tactic_link(path, m.tactic.id),
                       [ctx.t(rule.trigger.says) for rule in m.rules],
                       [ctx.signal_link(path, s) for s in m.covered])
             for m in matches]
    phases = list(dict.fromkeys(m.tactic.phase for m in matches))
    text = render(
        "situation.md.j2", w=w,
        front=Frontmatter(ctx.t(situation.title),
                          [*(ctx.phase_tag(p) for p in phases), *_roles_for("situation", w)]),
        title=ctx.t(situation.title),
        description=ctx.t(situation.description),
        signals=[ctx.signal_link(path, s) for s in situation.signals],
        guardrails=[ctx.guardrail_link(path, g) for g in situation.guardrails],
        matches=views,
        checklist=Markup(checklist_markdown),
        fallback=[] if checklist_markdown else [
            Section(ctx.tactic_title(m.tactic), tactic_checklist(ctx, m.tactic)) for m in matches[:3]],
        pdf=Link(w["download_pdf"], relative(path, download_path(situation_pdf_path(situation.id), ctx.lang))),
    )
    return SiteFile(localized(path, ctx.lang), text)


def guardrail_page(ctx: Context, guardrail: Guardrail) -> SiteFile:
    path = guardrail_path(guardrail.id)
    w = ctx.w
    tactics = [ctx.tactic_link(path, tid) for tid, tactic in ctx.catalog.tactics.items()
               if any(link.guardrail == guardrail.id for link in tactic.guardrails)]
    situations = [ctx.situation_link(path, sid) for sid, s in ctx.catalog.situations.items()
                  if guardrail.id in s.guardrails]
    text = render(
        "guardrail.md.j2", w=w,
        front=Frontmatter(f"{guardrail.code} {ctx.t(guardrail.title)}", _roles_for("guardrail", w)),
        title=f"{guardrail.code} {ctx.t(guardrail.title)}",
        summary=ctx.t(guardrail.summary),
        lawful=[ctx.t(x) for x in guardrail.lawful],
        never=[ctx.t(x) for x in guardrail.never],
        call_a_lawyer=ctx.t(guardrail.call_a_lawyer) if guardrail.call_a_lawyer else "",
        references=[ctx.t(x) for x in guardrail.references],
        tactics=tactics,
        situations=situations,
    )
    return SiteFile(localized(path, ctx.lang), text)


@dataclass(frozen=True)
class SignalView:
    id: str
    label: str
    description: str
    tactics: Sequence[Item]


def signals_page(ctx: Context) -> SiteFile:
    """'What are you seeing?': every signal by group, with the tactics whose rules mention it."""
    path = SIGNALS_PAGE
    w = ctx.w
    groups: list[Section] = []
    for group in dict.fromkeys(s.group for s in ctx.catalog.signals.values()):
        signals = []
        for signal in (s for s in ctx.catalog.signals.values() if s.group == group):
            items = [Item(ctx.t(trigger.says), ctx.tactic_link(path, tactic.id))
                     for tactic in ctx.catalog.tactics.values()
                     for trigger in tactic.triggers[:] if signal.id in trigger.signals]
            # one line per tactic: its first rule that mentions the signal
            seen: set[str] = set()
            unique = []
            for item in items:
                assert item.link is not None
                if item.link.href not in seen:
                    seen.add(item.link.href)
                    unique.append(item)
            signals.append(SignalView(signal.id, ctx.t(signal.label), ctx.t(signal.description), unique))
        groups.append(Section(w[f"signal_group_{group}"], signals))
    text = render("signals.md.j2", w=w, front=Frontmatter(w["signals_title"]), groups=groups)
    return SiteFile(localized(path, ctx.lang), text)


@dataclass(frozen=True)
class LadderStep:
    node: str
    label: str
    href: str


@dataclass(frozen=True)
class LadderPhase:
    node: str
    label: str
    link: Link
    steps: Sequence[LadderStep]


def ladder(ctx: Context, page: str) -> list[LadderPhase]:
    """The escalation ladder: the phases in the order of the work, each with its tactics."""
    out: list[LadderPhase] = []
    for index, phase in enumerate(ctx.catalog.info.phases, start=1):
        tactics = ctx.tactics_in_phase(phase.id)
        steps = [LadderStep(f"t{index}_{n}", ctx.tactic_title(t), _html_link(page, tactic_path(t.id)))
                 for n, t in enumerate(tactics, start=1)]
        out.append(LadderPhase(f"p{index}", ctx.t(phase.label),
                               Link(ctx.t(phase.label), relative(page, phase_path(phase.id))), steps))
    return out


def _html_link(page: str, target: str) -> str:
    """A link for places MkDocs does not rewrite (a diagram): the built .html file, relative to the page."""
    return relative(page, target)[:-3] + ".html" if target.endswith(".md") else relative(page, target)


def ladder_page(ctx: Context) -> SiteFile:
    path = LADDER_PAGE
    w = ctx.w
    court = next((g for g in ctx.catalog.guardrails.values() if g.code == "G5"), None)
    court_link = (Link(w["court"], _html_link(path, guardrail_path(court.id))) if court
                  else Link(w["court"], ""))
    phases = ladder(ctx, path)
    sections = [Section(p.label, [ctx.tactic_link(path, t.id) for t in ctx.tactics_in_phase(info.id)],
                        note=ctx.t(info.description), anchor=relative(path, phase_path(info.id)))
                for p, info in zip(phases, ctx.catalog.info.phases, strict=True)]
    text = render("ladder.md.j2", w=w, front=Frontmatter(w["ladder_title"]),
                  phases=phases, court=court_link, sections=sections,
                  court_page=Link(w["court"], relative(path, guardrail_path(court.id))) if court else None)
    return SiteFile(localized(path, ctx.lang), text)


def phase_page(ctx: Context, phase: Phase) -> SiteFile:
    path = phase_path(phase)
    w = ctx.w
    info = next(p for p in ctx.catalog.info.phases if p.id == phase)
    tactics = ctx.tactics_in_phase(phase)
    pauses = list(dict.fromkeys(item.pause for t in tactics for item in t.checklist))
    points = [ctx.pause_point(p) for p in pauses]
    situations = [ctx.situation_link(path, sid) for sid, matches in ctx.matches.items()
                  if matches and matches[0].tactic.phase == phase]
    text = render(
        "phase.md.j2", w=w, front=Frontmatter(ctx.t(info.label), [ctx.phase_tag(phase)]),
        title=ctx.t(info.label), description=ctx.t(info.description),
        tactics=[Item(ctx.t(t.summary), ctx.tactic_link(path, t.id)) for t in tactics],
        pause_points=[Item(ctx.t(p.description), note=f"{ctx.t(p.label)} ({p.mode})") for p in points],
        situations=situations,
        ladder=Link(w["ladder_title"], relative(path, LADDER_PAGE)),
    )
    return SiteFile(localized(path, ctx.lang), text)


def index_page(ctx: Context, kind: str) -> SiteFile:
    """The index of tactics (by phase), clauses, situations or guardrails."""
    w = ctx.w
    sections: list[Section]
    if kind == "tactics":
        path = TACTICS_INDEX
        sections = [Section(ctx.t(p.label), [Item(ctx.t(t.summary), ctx.tactic_link(path, t.id))
                                             for t in ctx.tactics_in_phase(p.id)])
                    for p in ctx.catalog.info.phases if ctx.tactics_in_phase(p.id)]
    elif kind == "clauses":
        path = CLAUSES_INDEX
        sections = [Section("", [Item(ctx.t(c.purpose), ctx.clause_link(path, cid))
                                 for cid, c in ctx.catalog.clauses.items()])]
    elif kind == "situations":
        path = SITUATIONS_INDEX
        sections = [Section("", [Item(ctx.t(s.description), ctx.situation_link(path, sid))
                                 for sid, s in ctx.catalog.situations.items()])]
    elif kind == "guardrails":
        path = GUARDRAILS_INDEX
        sections = [Section("", [Item(ctx.t(g.summary), ctx.guardrail_link(path, gid))
                                 for gid, g in ctx.catalog.guardrails.items()])]
    else:
        raise ValueError(f"no index page for {kind!r}")
    text = render("index.md.j2", w=w, front=Frontmatter(w[f"{kind}_title"]), title=w[f"{kind}_title"],
                  intro=w[f"{kind}_intro"], sections=sections)
    return SiteFile(localized(path, ctx.lang), text)


def tags_page(ctx: Context) -> SiteFile:
    w = ctx.w
    text = render("tags.md.j2", w=w, front=Frontmatter(w["tags_title"]))
    return SiteFile(localized(TAGS_PAGE, ctx.lang), text)


# ------------------------------------------------------------------------------------------------ the site

def clause_txt(ctx: Context, clause: Clause) -> SiteFile:
    """The clause as plain text, every wording one after the other, blanks in square brackets."""
    from generator.clauses import clause_view
    from generator.outputs.text import clause_text

    texts = [clause_text(clause_view(ctx.catalog, clause, {}, alt.name, ctx.lang)) for alt in clause.alternatives]
    path = download_path(clause_download_path(clause.id, "txt"), ctx.lang)
    return SiteFile(path, "\n\n".join(text.rstrip("\n") + "\n" for text in texts).encode("utf-8"))


def situation_checklist_markdown(ctx: Context, situation: Situation) -> str:
    """The situation's merged checklist as Markdown (from the checklist generator), headings from level 2."""
    from generator.checklists import checklist_for_situation
    from generator.outputs.markdown import checklist_markdown

    return checklist_markdown(checklist_for_situation(ctx.catalog, situation.id, ctx.lang), level=2)


def pages(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> list[SiteFile]:
    """Every Markdown page of the site in ``lang`` (no downloads)."""
    ctx = Context(catalog, lang)
    out = [tactic_page(ctx, t) for t in catalog.tactics.values()]
    out += [clause_page(ctx, c) for c in catalog.clauses.values()]
    out += [situation_page(ctx, s, situation_checklist_markdown(ctx, s)) for s in catalog.situations.values()]
    out += [guardrail_page(ctx, g) for g in catalog.guardrails.values()]
    out += [phase_page(ctx, p.id) for p in catalog.info.phases]
    out += [signals_page(ctx), ladder_page(ctx), tags_page(ctx)]
    out += [index_page(ctx, kind) for kind in ("tactics", "clauses", "situations", "guardrails")]
    return out


def clause_docx(ctx: Context, clause: Clause) -> SiteFile:
    """The clause's default (balanced) wording as a Word document, blanks highlighted."""
    from generator.clauses import clause_view
    from generator.outputs.docx import clause_docx as docx_bytes

    path = download_path(clause_download_path(clause.id, "docx"), ctx.lang)
    return SiteFile(path, docx_bytes(clause_view(ctx.catalog, clause, {}, language=ctx.lang)))


def _one_page_document(checklist: Any) -> Any:
    """The checklist laid out by WeasyPrint on one A4 page (the first of the PDF generator's layouts that fits)."""
    from weasyprint import HTML

    from generator.errors import UserError
    from generator.outputs.html import checklist_html
    from generator.outputs.pdf import LAYOUTS

    for columns, font_size in LAYOUTS:
        html_text = checklist_html(checklist, paper="a4", font_size=font_size, columns=columns)
        document = HTML(string=html_text, base_url=".").render()
        if len(document.pages) == 1:
            return document
    raise UserError(f"the checklist '{checklist.title}' does not fit on one A4 page")


def _pdf_bytes(document: Any) -> bytes:
    out = document.write_pdf()
    assert isinstance(out, bytes)
    return out


def checklist_downloads(ctx: Context) -> list[SiteFile]:
    """One PDF checklist per situation, and the trainer pack: every situation checklist in one PDF.

    Each checklist is laid out once; the pack reuses the same pages.
    """
    from generator.checklists import checklist_for_situation

    documents = [_one_page_document(checklist_for_situation(ctx.catalog, sid, ctx.lang))
                 for sid in ctx.catalog.situations]
    out = [SiteFile(download_path(situation_pdf_path(sid), ctx.lang), _pdf_bytes(document))
           for sid, document in zip(ctx.catalog.situations, documents, strict=True)]
    if documents:
        pages = [page for document in documents for page in document.pages]
        out.append(SiteFile(download_path(TRAINER_PACK, ctx.lang), _pdf_bytes(documents[0].copy(pages))))
    return out


def downloads(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> list[SiteFile]:
    """Every download of the site in ``lang``: situation checklist PDFs, the trainer pack, clause files."""
    ctx = Context(catalog, lang)
    out = [clause_txt(ctx, c) for c in catalog.clauses.values()]
    out += [clause_docx(ctx, c) for c in catalog.clauses.values()]
    out += checklist_downloads(ctx)
    return out


def download_paths(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The paths :func:`downloads` produces, known without rendering anything (for link checks)."""
    paths = [download_path(clause_download_path(c, suffix), lang) for suffix in ("txt", "docx")
             for c in catalog.clauses]
    paths += [download_path(situation_pdf_path(s), lang) for s in catalog.situations]
    if catalog.situations:
        paths.append(download_path(TRAINER_PACK, lang))
    return paths


def downloads_from_folder(root: str, lang: str = DEFAULT_LANGUAGE) -> list[SiteFile]:
    """:func:`downloads` for the playbooks folder ``root``: what a worker process runs."""
    from generator.catalog import load_catalog

    return downloads(load_catalog(Path(root)), lang)


def build_site(catalog: Catalog, lang: str = DEFAULT_LANGUAGE, *, with_downloads: bool = True) -> list[SiteFile]:
    """Every page and download of the site in ``lang``."""
    return [*pages(catalog, lang), *(downloads(catalog, lang) if with_downloads else [])]


def navigation(catalog: Catalog, lang: str, existing: Iterable[str]) -> list[Any]:
    """A MkDocs-style nav: hand-written pages (``existing``, docs-relative .md paths) around the generated ones.

    Hand-written pages keep their own titles; generated pages are grouped and ordered as the playbook orders
    them (tactics by number, then by id).  Translations (``page.<lang>.md``) are left to the i18n plugin.
    """
    w = words(lang)
    translations = tuple(f".{language}.md" for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    present = {path for path in existing if not path.endswith(translations)}

    def section(folder: str) -> list[str]:
        found = [p for p in sorted(present) if p.startswith(f"{folder}/") and p.count("/") == 1]
        first = [p for p in found if p.endswith("/index.md")]
        return first + [p for p in found if p not in first]

    nav: list[Any] = []
    if "index.md" in present:
        nav.append("index.md")
    for folder in ("start",):
        if section(folder):
            nav.append({folder.capitalize(): section(folder)})
    nav.append({w["signals_title"]: SIGNALS_PAGE})
    nav.append({w["ladder_title"]: [LADDER_PAGE, *(phase_path(p.id) for p in catalog.info.phases)]})
    nav.append({w["tactics_title"]: [TACTICS_INDEX, *(tactic_path(t) for t in catalog.tactics)]})
    nav.append({w["situations_title"]: [SITUATIONS_INDEX, *(situation_path(s) for s in catalog.situations)]})
    nav.append({w["clauses_title"]: [CLAUSES_INDEX, *(clause_path(c) for c in catalog.clauses)]})
    nav.append({w["guardrails_title"]: [GUARDRAILS_INDEX, *(guardrail_path(g) for g in catalog.guardrails)]})
    for folder, title in (("guide", "Guide"), ("authors", "Authors")):
        if section(folder):
            nav.append({title: section(folder)})
    nav.append({w["tags_title"]: TAGS_PAGE})
    return nav
