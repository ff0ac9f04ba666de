"""Walk a built static site and report every internal link or anchor that does not resolve.

Every ``.html`` file is parsed with the standard library.  Links are the ``href`` of ``a`` and ``link``,
the ``src`` of ``script``, ``img`` and ``iframe``, and the ``click ... href "..."`` lines of Mermaid diagrams
(which a browser only sees after the diagram is drawn).  A link resolves when its file exists in the site
and, if it has a ``#fragment``, that HTML file has an element with that ``id`` (or an ``a`` with that
``name``).  External links (a scheme such as ``https:`` or ``mailto:``) are not followed here; the browser
test's request log catches any request outside the site.  Links that start with ``/`` are taken relative to
the site root (MkDocs writes those only in ``404.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
MERMAID_CLICK = re.compile(r'^\s*click\s+\S+\s+href\s+"([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}"


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._mermaid_depth = 0
        self._mermaid_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and values.get(wanted):
            self.links.append(values[wanted])
        classes = values.get("class", "").split()
        if self._mermaid_depth:
            self._mermaid_depth += 1
        elif "mermaid" in classes:
            self._mermaid_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._mermaid_depth:
            self._mermaid_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._mermaid_depth:
            self._mermaid_text.append(data)

    def close(self) -> None:
        super().close()
        self.links.extend(MERMAID_CLICK.findall("".join(self._mermaid_text)))


@dataclass(frozen=True)
class Page:
    links: tuple[str, ...]
    ids: frozenset[str]


def parse_page(text: str) -> Page:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return Page(tuple(parser.links), frozenset(parser.ids))


def is_external(link: str) -> bool:
    parts = urlsplit(link)
    return bool(parts.scheme) or link.startswith("//")


def broken_links(site: Path) -> list[BrokenLink]:
    """Every internal link or anchor in the HTML files under ``site`` that does not resolve."""
    pages = {path.relative_to(site).as_posix(): parse_page(path.read_text(encoding="utf-8"))
             for path in sorted(site.rglob("*.html"))}
    broken: list[BrokenLink] = []
    for name, page in pages.items():
        for link in page.links:
            if is_external(link):
                continue
            parts = urlsplit(link)
            path = unquote(parts.path)
            if not path:
                target = name
            elif path.startswith("/"):
                target = path.lstrip("/")
            else:
                target = _normalise(PurePosixPath(name).parent / path)
            if target is None or not (site / target).exists():
                broken.append(BrokenLink(name, link, "no such file"))
                continue
            if (site / target).is_dir():
                target = f"{target.rstrip('/')}/index.html"
                if not (site / target).exists():
                    broken.append(BrokenLink(name, link, "a folder without index.html"))
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(BrokenLink(name, link, f"no element with id '{fragment}' in {target}"))
    return broken


def _normalise(path: PurePosixPath) -> str | None:
    """``a/../b/./c`` as ``b/c``; None when the path climbs out of the site."""
    out: list[str] = []
    for part in path.parts:
        if part in (".", ""):
            continue
        if part == "..":
            if not out:
                return None
            out.pop()
        else:
            out.append(part)
    return "/".join(out) if out else "."
