"""Unit tests of the site's page generation (generator.site), the MkDocs adapter and the link walker."""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError

from generator import site
from generator.catalog import Catalog, load_catalog
from generator.errors import PlaybookError
from tests.browser.linkcheck import broken_links, parse_page
from tests.conftest import FIXTURES, SHIPPED_PLAYBOOKS

HOSTILE = '<img src=x onerror=alert(1)> *bold* [link](http://evil.example) {{ 7*7 }} | `code` :smile:'


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(SHIPPED_PLAYBOOKS)


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in site.pages(catalog):
        assert isinstance(item.content, str)
        out[item.path] = item.content
    return out


def unescape_entities(html: str) -> str:
    """Numeric character references back to characters (what a browser shows), named ones kept."""
    return re.sub(r"&#(\d+);", lambda m: chr(int(m[1])), html)


def _html(text: str) -> str:
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "pymdownx.superfences"])


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", text)


# ---------------------------------------------------------------------------------------------- escaping


def test_md_escape_renders_markup_literally() -> None:
    html = markdown.markdown(f"- {site.md(HOSTILE)}", extensions=["attr_list", "md_in_html"])
    assert "<img" not in html and "<strong>" not in html and "<em>" not in html and "<a " not in html
    assert f"<li>{html_escape(HOSTILE, quote=False)}</li>" in unescape_entities(html)


def test_md_escape_neutralises_line_starts() -> None:
    for text in ("1. not a list", "# not a heading", "- not a bullet", "> not a quote"):
        html = markdown.markdown(str(site.md(text)))
        assert html == f"<p>{text.replace('>', '&gt;')}</p>", html


def test_templates_refuse_unescaped_values() -> None:
    template = site.environment().from_string("{{ value }}")
    with pytest.raises(TypeError, match="unescaped value"):
        template.render(value="<b>raw</b>")
    assert site.environment().from_string("{{ value | html }}").render(value="<b>") == "&lt;b&gt;"


def test_mermaid_labels_cannot_break_out_of_quotes() -> None:
    assert site.mermaid_label('a "b" <c> #d') == "a #quot;b#quot; #lt;c#gt; #35;d"


def test_fence_is_longer_than_any_backtick_run() -> None:
    assert site.fence_for("plain") == "```"
    assert site.fence_for("a ```` b") == "`````"


# --------------------------------------------------------------------------------------- paths and lang


def test_paths_follow_the_suffix_layout_per_language() -> None:
    assert site.localized("tactics/x.md", "en") == "tactics/x.md"
    assert site.localized("tactics/x.md", "zh-Hant") == "tactics/x.zh-Hant.md"
    assert site.download_path("clauses/x.docx", "en") == "downloads/clauses/x.docx"
    assert site.download_path("clauses/x.docx", "hu") == "downloads/clauses/x.hu.docx"
    assert site.site_path("downloads/clauses/x.hu.docx") == "hu/downloads/clauses/x.docx"
    assert site.unlocalized("tactics/index.zh-Hant.md") == ("tactics/index.md", "zh-Hant")
    assert site.relative("tactics/a.md", "clauses/b.md") == "../clauses/b.md"
    assert site.relative("phases.md", "signals.md#new-customer") == "signals.md#new-customer"


def test_language_flows_through_every_page(catalog: Catalog) -> None:
    paths = [item.path for item in site.pages(catalog, "hu")]
    assert paths and all(path.endswith(".hu.md") for path in paths)
    english = {item.path for item in site.pages(catalog)}
    assert {p.replace(".hu.md", ".md") for p in paths} == english


# ------------------------------------------------------------------------------------------------ pages


def test_every_entry_has_a_page(catalog: Catalog, pages: dict[str, str]) -> None:
    for tactic_id in catalog.tactics:
        assert f"tactics/{tactic_id}.md" in pages
    for clause_id in catalog.clauses:
        assert f"clauses/{clause_id}.md" in pages
    for situation_id in catalog.situations:
        assert f"situations/{situation_id}.md" in pages
    for guardrail_id in catalog.guardrails:
        assert f"guardrails/{guardrail_id}.md" in pages
    for phase in catalog.info.phases:
        assert f"phases/{phase.id}.md" in pages
    for name in ("signals.md", "phases.md", "tags.md", "tactics/index.md", "clauses/index.md",
                 "situations/index.md", "guardrails/index.md"):
        assert name in pages


def test_tactics_and_clauses_link_each_other_both_ways(catalog: Catalog, pages: dict[str, str]) -> None:
    pairs = 0
    for clause_id, clause in catalog.clauses.items():
        for tactic_id in clause.supports:
            assert f"../clauses/{clause_id}.md" in _links(pages[f"tactics/{tactic_id}.md"]), (tactic_id, clause_id)
            assert f"../tactics/{tactic_id}.md" in _links(pages[f"clauses/{clause_id}.md"]), (clause_id, tactic_id)
            pairs += 1
    for tactic_id, tactic in catalog.tactics.items():
        for clause_id in tactic.related_clauses:
            assert f"../tactics/{tactic_id}.md" in _links(pages[f"clauses/{clause_id}.md"])
    assert pairs


def test_tactic_page_has_every_part(catalog: Catalog, pages: dict[str, str]) -> None:
    tactic = next(t for t in catalog.tactics.values() if t.red_flags and t.donts and t.guardrails)
    html = _html(pages[f"tactics/{tactic.id}.md"])
    for heading in ("When to use it", "Steps", "Checklist", "Talk tracks", "Red flags", "Don&#x27;t",
                    "Guardrails", "Clauses that back it up", "Situations where it applies"):
        assert f">{heading}</h2>" in html.replace("Don't", "Don&#x27;t"), heading
    assert html.count('class="talk-line ') == sum(len(track.lines) for track in tactic.talk_tracks)
    assert "signals.md#" + tactic.triggers[0].signals[0] in pages[f"tactics/{tactic.id}.md"]
    front = pages[f"tactics/{tactic.id}.md"].split("---\n")[1]
    assert "topics:" in front and "tags:" in front and "boost: 3" in front


def test_situation_page_has_checklist_matches_and_pdf(catalog: Catalog, pages: dict[str, str]) -> None:
    situation_id = next(iter(catalog.situations))
    text = pages[f"situations/{situation_id}.md"]
    assert f"../downloads/checklists/{situation_id}.pdf" in text
    assert "Get paid in full" in text and "- [ ]" in text
    assert "Tactics that apply, best match first" in text
    assert 'class="playbook-checklist playbook-print-page"' in text


def test_clause_page_has_copyable_text_variables_and_downloads(catalog: Catalog, pages: dict[str, str]) -> None:
    clause = next(c for c in catalog.clauses.values() if c.variables)
    text = pages[f"clauses/{clause.id}.md"]
    copy = site.clause_copy_text(site.Context(catalog, "en"), clause, "balanced")
    assert f"```text\n{copy}\n```" in text
    assert "{{" not in copy and f"[{clause.variables[0].label.en}" in copy
    assert f"`{clause.variables[0].name}`" in text
    assert f"../downloads/clauses/{clause.id}.docx" in text and f"../downloads/clauses/{clause.id}.txt" in text
    for heading in ("Drafting notes", "Jurisdiction notes", "Variables", "Wordings"):
        assert f"## {heading}" in text


def test_ladder_goes_from_before_the_deal_to_the_court(catalog: Catalog, pages: dict[str, str]) -> None:
    text = pages["phases.md"]
    diagram = text.split("``` mermaid\n", 1)[1].split("```", 1)[0]
    labels = [phase.label.en for phase in catalog.info.phases]
    positions = [diagram.index(f'["{label}"]') for label in labels]
    assert positions == sorted(positions)
    assert "p8 --> court" in diagram
    clicks = re.findall(r'click \S+ href "tactics/([a-z0-9-]+)\.html"', diagram)
    assert sorted(clicks) == sorted(catalog.tactics)
    assert 'click court href "guardrails/courts-need-a-title.html"' in diagram


def test_signals_page_lists_every_signal_with_an_anchor(catalog: Catalog, pages: dict[str, str]) -> None:
    text = pages["signals.md"]
    for signal_id in catalog.signals:
        assert f"{{ #{signal_id} }}" in text


def test_navigation_orders_generated_sections(catalog: Catalog) -> None:
    nav = site.navigation(catalog, "en", ["index.md", "start/trainer.md", "start/new-hire.md", "guide/a.md",
                                          "start/trainer.hu.md", "index.zh-Hant.md"])
    titles = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in nav]
    assert titles[:3] == ["index.md", "Start", "What are you seeing?"]
    assert nav[1] == {"Start": ["start/new-hire.md", "start/trainer.md"]}
    tactics = next(entry["Tactics"] for entry in nav if isinstance(entry, dict) and "Tactics" in entry)
    assert tactics == ["tactics/index.md", *(f"tactics/{t}.md" for t in catalog.tactics)]


def test_hostile_content_is_printed_literally(playbooks_copy: Path) -> None:
    tactic_file = next((playbooks_copy / "tactics").glob("*.yml"))
    text = tactic_file.read_text(encoding="utf-8")
    text = text.replace("en: Keep first orders small", f"en: {HOSTILE!r}", 1)
    tactic_file.write_text(text, encoding="utf-8")
    catalog = load_catalog(playbooks_copy)
    tactic = next(iter(catalog.tactics.values()))
    assert tactic.title.en == HOSTILE
    page = site.tactic_page(site.Context(catalog, "en"), tactic)
    assert isinstance(page.content, str)
    html = _html(page.content)
    assert "<img" not in html and "<strong>bold" not in html and 'href="http://evil.example"' not in html
    assert f"<h1>1. {html_escape(HOSTILE, quote=False)}</h1>" in unescape_entities(html)
    # MkDocs prints a front-matter title into the page and the navigation as it is: it must be HTML already.
    assert f"title: {site.yaml_scalar('1. ' + html_escape(HOSTILE))}" in page.content


def test_download_paths_match_the_downloads(catalog: Catalog) -> None:
    expected = site.download_paths(catalog)
    assert "downloads/trainer-pack.pdf" in expected
    assert len(expected) == 2 * len(catalog.clauses) + len(catalog.situations) + 1


def test_clause_downloads_are_text_and_word(catalog: Catalog) -> None:
    ctx = site.Context(catalog, "en")
    clause = next(iter(catalog.clauses.values()))
    txt = site.clause_txt(ctx, clause)
    assert isinstance(txt.content, bytes) and clause.title.en in txt.content.decode("utf-8")
    docx = site.clause_docx(ctx, clause)
    assert isinstance(docx.content, bytes) and docx.content.startswith(b"PK")


# ------------------------------------------------------------------------------------------- the plugin


def _plugin(tmp_path: Path, playbooks: Path) -> tuple[object, SimpleNamespace]:
    from generator.mkdocs_plugin import PlaybookPlugin

    plugin = PlaybookPlugin()
    plugin.load_config({"playbooks": str(playbooks)})
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme=SimpleNamespace(dirs=[]))
    return plugin, config


def test_plugin_fails_the_build_with_the_validators_message(tmp_path: Path) -> None:
    broken = FIXTURES / "invalid" / "dangling-clause"
    with pytest.raises(PlaybookError) as expected:
        load_catalog(broken)
    plugin, config = _plugin(tmp_path, broken)
    with pytest.raises(PluginError) as raised:
        plugin.on_config(config)  # type: ignore[attr-defined]
    assert str(raised.value) == str(expected.value)
    assert re.search(r"\.yml:\d+:\d+: ", str(raised.value))


def test_plugin_watches_the_playbooks_folder(tmp_path: Path) -> None:
    plugin, config = _plugin(tmp_path, SHIPPED_PLAYBOOKS)
    plugin.on_config(config)  # type: ignore[attr-defined]
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[attr-defined]
    assert watched == [str(SHIPPED_PLAYBOOKS.resolve())]


# ------------------------------------------------------------------------------------------ link walker


def _write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_link_walker_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", '<a href="a/b.html#here">ok</a> <a href="a/b.html#gone">no anchor</a>'
                                   '<a href="missing.html">missing</a> <a href="https://example.org/x">ext</a>'
                                   '<a href="#top">self</a><span id="top"></span>'
                                   '<script src="assets/app.js"></script><a href="mailto:a@b.c">mail</a>')
    _write(tmp_path, "a/b.html", '<h2 id="here">Here</h2><a href="../index.html">up</a>'
                                 '<a href="../../outside.html">outside</a><img src="pic.png">'
                                 '<pre class="mermaid"><code>flowchart TD\n  click x href "../nowhere.html"\n'
                                 '  click y href "../index.html"</code></pre>')
    _write(tmp_path, "assets/app.js", "")
    found = sorted(str(b) for b in broken_links(tmp_path))
    assert found == [
        "a/b.html: ../../outside.html: no such file",
        "a/b.html: ../nowhere.html: no such file",
        "a/b.html: pic.png: no such file",
        "index.html: a/b.html#gone: no element with id 'gone' in a/b.html",
        "index.html: missing.html: no such file",
    ]


def test_link_walker_reads_names_and_root_links(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", '<a name="old"></a>')
    _write(tmp_path, "404.html", '<a href="/index.html#old">home</a><a href="/nope.html">x</a>')
    assert [str(b) for b in broken_links(tmp_path)] == ["404.html: /nope.html: no such file"]
    assert parse_page('<a href="x.html" id="i">').ids == frozenset({"i"})
