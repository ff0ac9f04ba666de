"""The built site in a real browser: search, diagram, copy button, downloads, offline, print, links."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import BuiltSite, Origin
from tests.browser.linkcheck import broken_links, is_external, parse_page

# What a salesperson would type, in each language, and the tactic that must be among the first five results.
SEARCHES = {
    "en": [
        ("he paid less than agreed", "correct-short-payment"),
        ("wait here I'll get the money", "call-the-stall"),
        ("pay after sale", "fix-terms-in-writing"),
        ("demolition", "watch-for-distress"),
        ("first order too big", "limit-credit-new-customers"),
    ],
    "zh-Hant": [
        ("客人在場", "due-date-visit"),
        ("部分付款", "correct-short-payment"),
        ("首次大訂單", "limit-credit-new-customers"),
        ("支付令", "escalate-and-recover"),
        ("一直拖延", "call-the-stall"),
    ],
    "hu": [
        ("részfizetés", "correct-short-payment"),
        ("vendég van nála", "due-date-visit"),
        ("tulajdonjog-fenntartás", "escalate-and-recover"),
        ("fizetési meghagyás", "escalate-and-recover"),
        ("első nagy rendelés", "limit-credit-new-customers"),
    ],
}
LANGUAGES = list(SEARCHES)
PREFIX = {"en": "", "zh-Hant": "zh-Hant/", "hu": "hu/"}
# The first words of every printed checklist's title, per language (generator/i18n.py "checklist_title").
CHECKLIST_TITLE = {"en": "Get paid in full", "zh-Hant": "把錢全數收回", "hu": "A teljes összeg beszedése"}

SITUATIONS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "playbooks" / "situations").glob("*.yml"))


def in_language(lang: str, path: str) -> str:
    """The site path of ``path`` (an English site path) in ``lang``."""
    return PREFIX[lang] + path


def site_path(origin: Origin, url_path: str) -> str:
    """A path the browser shows (``/tmp/.../site/zh-Hant/x.html`` or ``/zh-Hant/x.html``) relative to the site."""
    base = urlsplit(origin.base).path
    return url_path[len(base):] if url_path.startswith(base) else url_path


def test_build_is_strict_and_fast(built_site: BuiltSite) -> None:
    assert (built_site.folder / "index.html").is_file()
    for lang in LANGUAGES:
        assert (built_site.folder / in_language(lang, "index.html")).is_file(), lang
    assert "WARNING" not in built_site.log
    assert built_site.seconds < 60, f"the build took {built_site.seconds:.1f} s"


def _search(page: Any, origin: Origin, phrase: str, lang: str = "en") -> list[str]:
    page.goto(origin.url(in_language(lang, "index.html")))
    page.wait_for_load_state("load")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(phrase, delay=15)
    box.press("End")  # typed CJK text arrives without a key-up, and Material searches on key-up
    items = page.locator("ol.md-search-result__list > li.md-search-result__item")
    items.first.wait_for(timeout=60_000)  # the worker indexes 1,900 sections first; slow on a loaded machine
    hrefs: list[str] = []
    for index in range(min(items.count(), 5)):
        href = items.nth(index).locator("a").first.get_attribute("href") or ""
        hrefs.append(urlsplit(urljoin(page.url, href)).path)
    return hrefs


@pytest.mark.parametrize(("lang", "phrase", "tactic"),
                         [(lang, phrase, tactic) for lang, rows in SEARCHES.items() for phrase, tactic in rows])
def test_search_finds_the_tactic(page: Any, origin: Origin, lang: str, phrase: str, tactic: str) -> None:
    hrefs = [site_path(origin, h) for h in _search(page, origin, phrase, lang)]
    assert in_language(lang, f"tactics/{tactic}.html") in hrefs, (phrase, hrefs)


def _pierced_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for key in ("children", "shadowRoots"):
        for child in node.get(key, []):
            yield from _pierced_nodes(child)
    if "contentDocument" in node:
        yield from _pierced_nodes(node["contentDocument"])


def test_mermaid_is_loaded_only_where_a_diagram_is_drawn(built_site: BuiltSite) -> None:
    """The vendored Mermaid (3.5 MB) is on the pages that draw a diagram, in every language, and on no other."""
    loading, drawing = set(), set()
    for path in built_site.folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "assets/vendor/mermaid.min.js" in html:
            loading.add(path.relative_to(built_site.folder).as_posix())
        if 'class="mermaid"' in html:
            drawing.add(path.relative_to(built_site.folder).as_posix())
    assert {"phases.html", "zh-Hant/phases.html", "hu/phases.html"} <= drawing
    assert loading == drawing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_escalation_diagram_renders(page: Any, origin: Origin, lang: str) -> None:
    page.goto(origin.url(in_language(lang, "phases.html")))
    page.wait_for_load_state("load")
    session = page.context.new_cdp_session(page)
    svg: list[dict[str, Any]] = []
    for _ in range(100):
        tree = session.send("DOM.getDocument", {"depth": -1, "pierce": True})
        nodes = list(_pierced_nodes(tree["root"]))
        svg = [n for n in nodes if n.get("nodeName", "").lower() == "svg"
               and any(c.get("nodeName", "").lower() == "g" for c in n.get("children", []))]
        if svg:
            break
        page.wait_for_timeout(100)
    assert svg, "no rendered Mermaid SVG on the escalation ladder page"
    links = [attr for n in _pierced_nodes(svg[0]) if n.get("nodeName", "").lower() == "a"
             for attr in n.get("attributes", [])[1::2] if "tactics/" in attr]
    assert len(links) >= 12, links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_button_puts_clause_text_on_clipboard(page: Any, http_origin: Origin, lang: str) -> None:
    from generator import site
    from generator.catalog import load_catalog

    root = Path(__file__).resolve().parents[2]
    catalog = load_catalog(root / "playbooks")
    clause_id = next(iter(catalog.clauses))
    clause = catalog.clauses[clause_id]
    expected = site.clause_copy_text(site.Context(catalog, lang), clause, clause.alternatives[0].name)
    page.goto(http_origin.url(in_language(lang, f"clauses/{clause_id}.html")))
    page.wait_for_load_state("load")
    page.evaluate("navigator.clipboard.writeText('')")
    button = page.locator("button.md-code__button[data-md-type=copy]").first
    button.wait_for()
    button.click()
    copied = ""
    for _ in range(50):
        copied = page.evaluate("navigator.clipboard.readText()")
        if copied:
            break
        page.wait_for_timeout(100)
    assert copied.strip() == expected.strip()


def _download_links(site: Path) -> dict[str, str]:
    """Every link to downloads/ in the site, resolved to a site path, with the page it was found on."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        for link in parse_page(path.read_text(encoding="utf-8")).links:
            if is_external(link) or "downloads/" not in link:
                continue
            target = urlsplit(urljoin(f"http://site/{name}", link)).path.lstrip("/")
            found.setdefault(target, name)
    return found


def _check_type(name: str, data: bytes) -> None:
    assert data, f"{name} is empty"
    if name.endswith(".pdf"):
        assert data.startswith(b"%PDF-"), name
    elif name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert "word/document.xml" in archive.namelist(), name
    elif name.endswith(".txt"):
        assert data.decode("utf-8").strip(), name
    else:
        pytest.fail(f"unexpected download type: {name}")


def test_every_download_link_resolves_to_a_file_of_the_right_type(built_site: BuiltSite,
                                                                  http_origin: Origin, page: Any) -> None:
    links = _download_links(built_site.folder)
    kinds = {Path(target).suffix for target in links}
    assert {".pdf", ".docx", ".txt"} <= kinds, kinds
    for lang in LANGUAGES:
        assert in_language(lang, "downloads/trainer-pack.pdf") in links, lang
        assert {in_language(lang, f"downloads/checklists/{s}.pdf") for s in SITUATIONS} <= set(links), lang
    content_types = {".pdf": "application/pdf", ".txt": "text/plain",
                     ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    for target, found_on in links.items():
        assert (built_site.folder / target).is_file(), f"{found_on}: {target} does not exist"
        _check_type(target, (built_site.folder / target).read_bytes())
        response = page.request.get(http_origin.url(target))
        assert response.ok, target
        assert response.headers["content-type"].startswith(content_types[Path(target).suffix]), target
        _check_type(target, response.body())


PAGES_TO_VISIT = ["index.html", "phases.html", "signals.html", "tactics/call-the-stall.html",
                  "situations/paid-sixty-percent.html", "clauses/credit-limit.html", "tags.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_request_leaves_the_site(page: Any, origin: Origin, lang: str) -> None:
    for path in PAGES_TO_VISIT:
        page.goto(origin.url(in_language(lang, path)))
        page.wait_for_load_state("networkidle")
    _search(page, origin, SEARCHES[lang][0][0], lang)
    page.wait_for_timeout(300)
    allowed = (origin.base, "data:", "blob:", "about:")
    outside = [u for u in page.request_log.urls if not u.startswith(allowed)]
    assert not outside, outside
    assert len(page.request_log.urls) > len(PAGES_TO_VISIT)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("situation", SITUATIONS)
def test_situation_page_prints_on_one_a4_page(page: Any, http_origin: Origin, situation: str, lang: str) -> None:
    from pypdf import PdfReader

    page.goto(http_origin.url(in_language(lang, f"situations/{situation}.html")))
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1, f"{situation}: {len(reader.pages)} pages"
    assert CHECKLIST_TITLE[lang] in text.replace("\n", "")


def test_no_broken_internal_links_or_anchors(built_site: BuiltSite) -> None:
    broken = broken_links(built_site.folder)
    assert not broken, "\n".join(map(str, broken[:50]))


# ------------------------------------------------------------------------------------------ languages

SWITCH_PAGES = ["index.html", "signals.html", "tactics/call-the-stall.html", "situations/paid-sixty-percent.html",
                "clauses/credit-limit.html", "guide/glossary.html", "start/trainer.html"]


@pytest.mark.parametrize("path", SWITCH_PAGES)
@pytest.mark.parametrize(("source", "target"), [("en", "zh-Hant"), ("zh-Hant", "hu"), ("hu", "en")])
def test_language_switcher_leads_to_the_same_page(page: Any, origin: Origin, path: str, source: str,
                                                  target: str) -> None:
    page.goto(origin.url(in_language(source, path)))
    page.wait_for_load_state("load")
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator(f"a.md-select__link[hreflang='{target}']")
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state("load")
    assert site_path(origin, urlsplit(page.url).path) == in_language(target, path)
    assert page.locator("html").get_attribute("lang") == {"en": "en", "zh-Hant": "zh-TW", "hu": "hu"}[target]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_are_in_their_language(built_site: BuiltSite, lang: str) -> None:
    """The generated pages of each language carry that language's interface words and content."""
    from generator.i18n import ui

    text = (built_site.folder / in_language(lang, "tactics/correct-short-payment.html")).read_text(encoding="utf-8")
    assert ui(lang, "talk_tracks") in text and ui(lang, "steps") in text
    assert "playbook-untranslated" not in text


def test_search_index_holds_every_language(built_site: BuiltSite) -> None:
    import json

    script = (built_site.folder / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("{"):script.rindex("}") + 1])
    assert index["config"]["lang"] == ["en", "zh", "hu"]
    locations = [doc["location"] for doc in index["docs"]]
    for lang in LANGUAGES:
        assert in_language(lang, "tactics/correct-short-payment.html") in locations, lang
    # jieba cut the Chinese text with the playbook's terms kept whole (zero-width spaces between words)
    chinese = next(doc for doc in index["docs"]
                   if doc["location"] == "zh-Hant/tactics/correct-short-payment.html")
    assert "\u200b部分付款\u200b" in chinese["text"] or "部分付款" in chinese.get("tags", [])
