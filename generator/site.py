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
language gets the suffix layout of mkdocs-static-i18n (``tactics/<id>.zh-Hant.md``) with the same links, and so
do downloads (``downloads/trainer-pack.zh-Hant.pdf``); in the built site each other language is a folder of its
own (``zh-Hant/tactics/<id>.html``, ``zh-Hant/downloads/trainer-pack.pdf``: :func:`site_path`).  Interface words
come from :mod:`generator.i18n`; a content text without a translation is shown in English and its page gets a
visible notice (:meth:`Context.page`).
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
from generator.buildcache import BuildCache
from generator.catalog import Catalog
from generator.i18n import strings
from generator.matching import Match, rank_tactics
from generator.models import LANGUAGES, Clause, Guardrail, PausePoint, Phase, Situation, Tactic, Terms, Text, Trigger

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
    """The docs path of a file in ``lang`` (suffix layout): English at ``x.md``, others at ``x.<lang>.md``.

    Downloads follow the same rule (``downloads/trainer-pack.zh-Hant.pdf``); :func:`site_path` says where a
    file lands in the built site.
    """
    if lang == DEFAULT_LANGUAGE:
        return path
    folder, name = posixpath.split(path)
    stem, dot, suffix = name.rpartition(".")
    return posixpath.join(folder, f"{stem}.{lang}.{suffix}" if dot else f"{name}.{lang}")


def unlocalized(path: str) -> tuple[str, str]:
    """A docs path without its language suffix, and its language: ``x.zh-Hant.md`` -> ``(x.md, zh-Hant)``."""
    folder, name = posixpath.split(path)
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        stem, dot, suffix = name.rpartition(".")
        if dot and stem.endswith(f".{lang}"):
            return posixpath.join(folder, f"{stem.removesuffix(f'.{lang}')}.{suffix}"), lang
        if name.endswith(f".{lang}"):
            return posixpath.join(folder, name.removesuffix(f".{lang}")), lang
    return path, DEFAULT_LANGUAGE


def site_path(path: str) -> str:
    """Where the docs file ``path`` lands in the built site: every language but English in its own folder.

    ``downloads/trainer-pack.zh-Hant.pdf`` -> ``zh-Hant/downloads/trainer-pack.pdf`` (pages keep ``.md`` here;
    the site generator makes them ``.html``).
    """
    plain, lang = unlocalized(path)
    return plain if lang == DEFAULT_LANGUAGE else f"{lang}/{plain}"


def download_path(path: str, lang: str) -> str:
    """The docs path of a download in ``lang``: ``downloads/<path>``, language-suffixed outside English."""
    return localized(f"downloads/{path}", lang)


def untranslated_notice(text: str, title: str, body: str) -> str:
    """``text`` (a Markdown page) with a warning after its first heading: some of it is shown in English."""
    notice = f'!!! warning playbook-untranslated "{title}"\n    {body}\n'
    lines = text.splitlines(keepends=True)
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((n + 1 for n in range(1, len(lines)) if lines[n].strip() == "---"), 0)
    for index in range(start, len(lines)):
        if lines[index].startswith("# "):
            return "".join([*lines[:index + 1], "\n", notice, *lines[index + 1:]])
    return "".join([*lines[:start], "\n", notice, "\n", *lines[start:]])


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


def words(lang: str) -> dict[str, str]:
    """The site's interface words in ``lang``, English filling the gaps (one table: :mod:`generator.i18n`)."""
    return strings(lang)


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
    with_downloads: bool = True
    """Whether the site has the downloads (PDF, Word, text) that pages link to."""

    _situations_by_tactic: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _clauses_by_tactic: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _tactics_by_clause: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _triggers_by_signal: dict[str, list[tuple[Tactic, Trigger]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.matches:
            self.matches = {sid: rank_tactics(self.catalog.tactics, situation.signals)
                            for sid, situation in self.catalog.situations.items()}
        self._index()

    def _index(self) -> None:
        """The reverse lookups, built once (a lookup per page that scanned the catalogue grew as n squared)."""
        catalog = self.catalog
        for sid, matches in self.matches.items():
            for tactic_id in dict.fromkeys(m.tactic.id for m in matches):
                self._situations_by_tactic.setdefault(tactic_id, []).append(sid)
        supporting: dict[str, list[str]] = {}
        for cid, clause in catalog.clauses.items():
            for tactic_id in dict.fromkeys(clause.supports):
                supporting.setdefault(tactic_id, []).append(cid)
        citing: dict[str, list[str]] = {}
        for tid, tactic in catalog.tactics.items():
            for clause_id in dict.fromkeys(tactic.related_clauses):
                citing.setdefault(clause_id, []).append(tid)
            named = [c for c in tactic.related_clauses if c in catalog.clauses]
            self._clauses_by_tactic[tid] = list(dict.fromkeys([*named, *supporting.get(tid, [])]))
            seen: set[str] = set()
            for trigger in tactic.triggers:
                for signal in trigger.signals:
                    if signal not in seen:  # one line per tactic: its first rule that mentions the signal
                        seen.add(signal)
                        self._triggers_by_signal.setdefault(signal, []).append((tactic, trigger))
        for cid, clause in catalog.clauses.items():
            named = [t for t in clause.supports if t in catalog.tactics]
            self._tactics_by_clause[cid] = list(dict.fromkeys([*named, *citing.get(cid, [])]))

    untranslated: int = 0
    """How many texts of the page being made had no translation into ``lang`` (shown in English)."""

    def t(self, text: Text) -> str:
        if self.lang != DEFAULT_LANGUAGE and text.translation(self.lang) is None:
            self.untranslated += 1
        return text.get(self.lang)

    def terms(self, terms: Terms | None) -> list[str]:
        if terms is None:
            return []
        if self.lang in terms.missing():
            self.untranslated += 1
        return terms.get(self.lang)

    def page(self, path: str, text: str) -> SiteFile:
        """The page at ``path`` in ``lang``; with a visible notice where some of its text is still English."""
        if self.untranslated:
            text = untranslated_notice(text, self.w["untranslated_title"], self.w["untranslated_parts"])
        self.untranslated = 0
        return SiteFile(localized(path, self.lang), text)

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
        return list(self._situations_by_tactic.get(tactic_id, ()))

    def clauses_for_tactic(self, tactic_id: str) -> list[str]:
        """Clauses the tactic names, then clauses that say they support it: links go both ways."""
        return list(self._clauses_by_tactic[tactic_id])

    def tactics_for_clause(self, clause_id: str) -> list[str]:
        """Tactics the clause says it supports, then tactics that name it."""
        return list(self._tactics_by_clause[clause_id])

    def triggers_for_signal(self, signal_id: str) -> list[tuple[Tactic, Trigger]]:
        """Every tactic with a rule that mentions the signal (its first such rule), in catalogue order."""
        return list(self._triggers_by_signal.get(signal_id, ()))

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
                          ctx.terms(tactic.keywords), boost=3),
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
    return ctx.page(path, text)


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
    keywords = ctx.terms(clause.keywords)
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
        downloads=downloads if ctx.with_downloads else [],
    )
    return ctx.page(path, text)


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
    if checklist_markdown:
        # the checklist comes from the checklist generator: count its texts that lack a translation too
        for match in matches:
            for item in match.tactic.checklist:
                ctx.t(item.text)
                if item.value is not None:
                    ctx.t(item.value)
        for point in ctx.catalog.info.pause_points:
            ctx.t(point.label)
            ctx.t(point.description)
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
        pdf=Link(w["download_pdf"], relative(path, download_path(situation_pdf_path(situation.id), ctx.lang)))
        if ctx.with_downloads else None,
    )
    return ctx.page(path, text)


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
    return ctx.page(path, text)


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
            # one line per tactic: its first rule that mentions the signal
            unique = [Item(ctx.t(trigger.says), ctx.tactic_link(path, tactic.id))
                      for tactic, trigger in ctx.triggers_for_signal(signal.id)]
            signals.append(SignalView(signal.id, ctx.t(signal.label), ctx.t(signal.description), unique))
        groups.append(Section(w[f"signal_group_{group}"], signals))
    text = render("signals.md.j2", w=w, front=Frontmatter(w["signals_title"]), groups=groups,
                  picker=Link(w["picker_open"], relative(path, "picker.md")))
    return ctx.page(path, text)


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
    return ctx.page(path, text)


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
    return ctx.page(path, text)


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
    return ctx.page(path, text)


def tags_page(ctx: Context) -> SiteFile:
    w = ctx.w
    text = render("tags.md.j2", w=w, front=Frontmatter(w["tags_title"]))
    return ctx.page(TAGS_PAGE, text)


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
    from generator.checklists import build_checklist
    from generator.outputs.markdown import checklist_markdown

    # what checklist_for_situation makes, with the ranking the context has already done
    matches = ctx.matches.get(situation.id)
    if matches is None:
        matches = rank_tactics(ctx.catalog.tactics, situation.signals)
    checklist = build_checklist(ctx.catalog, matches, ctx.lang, subject=situation.title.get(ctx.lang),
                                situation=situation.id, signals=situation.signals)
    return checklist_markdown(checklist, level=2)


def pages(catalog: Catalog, lang: str = DEFAULT_LANGUAGE, *, with_downloads: bool = True) -> list[SiteFile]:
    """Every Markdown page of the site in ``lang``; links to the downloads only ``with_downloads``."""
    ctx = Context(catalog, lang, with_downloads=with_downloads)
    out = [tactic_page(ctx, t) for t in catalog.tactics.values()]
    out += [clause_page(ctx, c) for c in catalog.clauses.values()]
    out += [situation_page(ctx, s, situation_checklist_markdown(ctx, s)) for s in catalog.situations.values()]
    out += [guardrail_page(ctx, g) for g in catalog.guardrails.values()]
    out += [phase_page(ctx, p.id) for p in catalog.info.phases]
    from generator.picker import picker_page

    out += [signals_page(ctx), picker_page(ctx), ladder_page(ctx), tags_page(ctx)]
    out += [index_page(ctx, kind) for kind in ("tactics", "clauses", "situations", "guardrails")]
    return out


def clause_docx(ctx: Context, clause: Clause, cache: BuildCache | None = None) -> SiteFile:
    """The clause's default (balanced) wording as a Word document, blanks highlighted."""
    from generator.clauses import clause_view
    from generator.outputs.docx import clause_docx as docx_bytes

    path = download_path(clause_download_path(clause.id, "docx"), ctx.lang)
    view = clause_view(ctx.catalog, clause, {}, language=ctx.lang)
    cache = cache or BuildCache(None)
    key = cache.key("docx", repr(view))
    data = cache.get(key)
    return SiteFile(path, data if data is not None else cache.put(key, docx_bytes(view)))


def checklist_downloads(ctx: Context, cache: BuildCache | None = None) -> list[SiteFile]:
    """One PDF checklist per situation, and the trainer pack: every situation checklist in one PDF.

    Each checklist is laid out once; the pack reuses the same pages.  With a ``cache``, a checklist whose
    input has not changed since an earlier build is not laid out again.  The PDFs share one font set, cut
    down to the characters of every checklist (:mod:`generator.outputs.pdffonts`); its digest is part of
    every key.
    """
    from generator.checklists import checklist_for_situation
    from generator.outputs.html import checklist_html
    from generator.outputs.pdf import LAYOUTS, one_page_document, pdf_bytes
    from generator.outputs.pdffonts import PdfFonts

    cache = cache or BuildCache(None)
    checklists = {sid: checklist_for_situation(ctx.catalog, sid, ctx.lang) for sid in ctx.catalog.situations}
    columns, font_size = LAYOUTS[0]
    htmls = {sid: checklist_html(checklist, paper="a4", font_size=font_size, columns=columns)
             for sid, checklist in checklists.items()}
    with PdfFonts(ctx.lang, htmls.values()) as fonts:
        keys = {sid: cache.key("checklist-pdf", html, fonts.digest) for sid, html in htmls.items()}
        pack_key = cache.key("trainer-pack", *keys.values())
        pack = cache.get(pack_key) if checklists else None
        documents: dict[str, Any] = {}
        out: list[SiteFile] = []
        for sid, checklist in checklists.items():
            data = cache.get(keys[sid])
            if data is None or (pack is None and checklists):
                documents[sid] = one_page_document(checklist, fonts)
                data = data if data is not None else cache.put(keys[sid], pdf_bytes(documents[sid]))
            out.append(SiteFile(download_path(situation_pdf_path(sid), ctx.lang), data))
        if checklists:
            if pack is None:
                pages = [page for document in documents.values() for page in document.pages]
                first = next(iter(documents.values()))
                pack = cache.put(pack_key, pdf_bytes(first.copy(pages)))
            out.append(SiteFile(download_path(TRAINER_PACK, ctx.lang), pack))
    return out


DOWNLOAD_PARTS = ("checklists", "clauses")
"""The downloads of a language in two parts of similar cost (PDFs; clause files), rendered by separate workers."""


def downloads(catalog: Catalog, lang: str = DEFAULT_LANGUAGE, cache: BuildCache | None = None,
              parts: Sequence[str] = DOWNLOAD_PARTS) -> list[SiteFile]:
    """Every download of the site in ``lang`` (or only those of ``parts``): clause text and Word files, situation
    checklist PDFs and the trainer pack."""
    ctx = Context(catalog, lang)
    out: list[SiteFile] = []
    if "clauses" in parts:
        out += [clause_txt(ctx, c) for c in catalog.clauses.values()]
        out += [clause_docx(ctx, c, cache) for c in catalog.clauses.values()]
    if "checklists" in parts:
        out += checklist_downloads(ctx, cache)
    return out


def download_paths(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The paths :func:`downloads` produces, known without rendering anything (for link checks)."""
    paths = [download_path(clause_download_path(c, suffix), lang) for suffix in ("txt", "docx")
             for c in catalog.clauses]
    paths += [download_path(situation_pdf_path(s), lang) for s in catalog.situations]
    if catalog.situations:
        paths.append(download_path(TRAINER_PACK, lang))
    return paths


def downloads_from_folder(root: str, lang: str = DEFAULT_LANGUAGE, cache_dir: str = "",
                          part: str = "") -> list[SiteFile]:
    """:func:`downloads` (one ``part`` of them, or all) for the playbooks folder ``root``: what a worker runs."""
    from generator.catalog import load_catalog

    return downloads(load_catalog(Path(root)), lang, BuildCache(Path(cache_dir) if cache_dir else None),
                     (part,) if part else DOWNLOAD_PARTS)


FIELD_TERMS_ZH = (
    "合同專用章", "買賣制", "支付令", "催告函", "賒銷", "代銷", "對帳單", "餘額確認", "所有權保留", "應收帳款",
    "逾期", "部分付款", "信用額度", "付款日", "到期日", "違約金", "逾期利息", "債務確認書", "授權簽署人", "強制執行",
    "收款", "催收", "貨款", "訂單", "發票", "合約", "條款", "檢核表", "紅線", "招數",
)
"""Terms of the trade that jieba's (Simplified Chinese) dictionary does not know as words."""

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")


def chinese_characters(folders: Iterable[Path]) -> set[str]:
    """Every Han character in the Markdown, YAML, Python and template files under ``folders``."""
    found: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix in {".md", ".yml", ".yaml", ".py", ".j2"} and path.is_file():
                found.update(_HAN.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def chinese_terms(catalog: Catalog) -> list[str]:
    """Words for jieba's user dictionary: the trade's terms, the zh-Hant keywords, short runs of the titles.

    Keywords are what people type into the search box; a keyword or title phrase kept whole by the segmenter
    is found whole.  Runs of more than five characters are phrases, not words, and are left to jieba.
    """
    phrases: list[str] = list(FIELD_TERMS_ZH)
    for tactic in catalog.tactics.values():
        phrases += tactic.keywords.zh_hant or []
        phrases.append(tactic.title.translation("zh-Hant") or "")
    for clause in catalog.clauses.values():
        phrases += (clause.keywords.zh_hant or []) if clause.keywords else []
        phrases.append(clause.title.translation("zh-Hant") or "")
    for situation in catalog.situations.values():
        phrases.append(situation.title.translation("zh-Hant") or "")
    for signal in catalog.signals.values():
        phrases.append(signal.label.translation("zh-Hant") or "")
    words = [run for phrase in phrases for run in _CJK_RUN.findall(phrase) if len(run) <= 5]
    return sorted(dict.fromkeys(words))


def build_site(catalog: Catalog, lang: str = DEFAULT_LANGUAGE, *, with_downloads: bool = True) -> list[SiteFile]:
    """Every page and download of the site in ``lang``."""
    return [*pages(catalog, lang, with_downloads=with_downloads),
            *(downloads(catalog, lang) if with_downloads else [])]


def navigation(catalog: Catalog, lang: str, existing: Iterable[str]) -> list[Any]:
    """A MkDocs-style nav: hand-written pages (``existing``, docs-relative .md paths) around the generated ones.

    Hand-written pages keep their own titles; generated pages are grouped and ordered as the playbook orders
    them (tactics by number, then by id).  Paths are given without a language suffix: a translation
    (``page.<lang>.md``) counts as its page, and the i18n plugin picks the file of the language being built.
    """
    w = words(lang)
    present = {unlocalized(path)[0] for path in existing}

    def section(folder: str) -> list[str]:
        found = [p for p in sorted(present) if p.startswith(f"{folder}/") and p.count("/") == 1]
        first = [p for p in found if p.endswith("/index.md")]
        return first + [p for p in found if p not in first]

    nav: list[Any] = []
    if "index.md" in present:
        nav.append("index.md")
    if section("start"):
        nav.append({w["nav_start"]: section("start")})
    nav.append({w["signals_title"]: SIGNALS_PAGE})
    nav.append({w["picker_title"]: "picker.md"})
    nav.append({w["ladder_title"]: [LADDER_PAGE, *(phase_path(p.id) for p in catalog.info.phases)]})
    nav.append({w["tactics_title"]: [TACTICS_INDEX, *(tactic_path(t) for t in catalog.tactics)]})
    nav.append({w["situations_title"]: [SITUATIONS_INDEX, *(situation_path(s) for s in catalog.situations)]})
    nav.append({w["clauses_title"]: [CLAUSES_INDEX, *(clause_path(c) for c in catalog.clauses)]})
    nav.append({w["guardrails_title"]: [GUARDRAILS_INDEX, *(guardrail_path(g) for g in catalog.guardrails)]})
    for folder, key in (("guide", "nav_guide"), ("authors", "nav_authors")):
        if section(folder):
            nav.append({w[key]: section(folder)})
    nav.append({w["tags_title"]: TAGS_PAGE})
    return nav
