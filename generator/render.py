"""The Jinja environments that turn views into text, and the escaping each text format needs.

Templates live in ``generator/templates/`` and only loop over views and print.  Three environments:

* ``html``: autoescape on (every printed value is HTML-escaped unless it is :class:`markupsafe.Markup`);
* ``markdown``: every printed value passes through :func:`escape_markdown` (a ``finalize`` hook), so a value
  such as ``<b>x</b>`` or ``{{ 7*7 }}`` reads literally once the Markdown is rendered; markup built in
  Python is wrapped in :class:`MarkdownMarkup` to pass unchanged;
* ``text``: nothing is escaped (plain text for pasting into any editor).

All three use ``StrictUndefined``: a misspelt field in a template is an error, not an empty string.  Values
are always passed as data; nothing a user or author wrote is ever compiled as a template.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any, Literal

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

Flavour = Literal["html", "markdown", "text"]


class MarkdownMarkup(str):
    """Markdown built by the generator itself: printed as it is by the markdown environment."""

    __slots__ = ()


_BACKSLASHED = re.compile(r"([\\`*_{}\[\]#])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "^": "&#94;",
             "=": "&#61;"}
_ENTITY_TABLE = str.maketrans(_ENTITIES)
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])")


def escape_markdown(text: str) -> str:
    """``text`` as inline Markdown that renders literally (Python-Markdown with the site's extensions).

    HTML-significant characters and characters that some Markdown extension treats as markup become
    entities; Markdown's own punctuation is backslash-escaped; a leading list marker is escaped; line breaks
    become spaces, since content is printed inline.
    """
    text = " ".join(text.splitlines())
    text = text.translate(_ENTITY_TABLE)
    text = _BACKSLASHED.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: (f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}"), text)


def _finalize_markdown(value: Any) -> str:
    if isinstance(value, MarkdownMarkup):
        return str(value)
    return escape_markdown("" if value is None else str(value))


@cache
def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates, shared between processes (a short command spends most of its rendering time
    compiling them): Jinja's own cache in a private temporary folder, keyed by each template's source, so an
    edited template is compiled afresh.  ``PLAYBOOK_NO_CACHE=1`` turns it off."""
    if os.environ.get("PLAYBOOK_NO_CACHE", "") not in ("", "0"):
        return None
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


@cache
def environment(flavour: Flavour) -> Environment:
    """The shared Jinja environment for one output flavour."""
    loader = PackageLoader("generator", "templates")
    common: dict[str, Any] = {"loader": loader, "undefined": StrictUndefined, "keep_trailing_newline": True,
                              "trim_blocks": True, "lstrip_blocks": True, "bytecode_cache": _bytecode_cache()}
    if flavour == "html":
        return Environment(autoescape=True, **common)
    if flavour == "markdown":
        return Environment(autoescape=False, finalize=_finalize_markdown, **common)
    return Environment(autoescape=False, **common)


def render(flavour: Flavour, template: str, **context: Any) -> str:
    """Render ``template`` from ``generator/templates`` with ``context`` as data."""
    return environment(flavour).get_template(template).render(**context)
