"""Safe YAML loading that remembers where every value came from.

PyYAML is used for parsing only (its composer gives nodes with positions); this module turns the nodes into
plain Python data itself, so that it can:

* record the line and column of every key and item, for messages that point at the right place;
* reject duplicate keys (PyYAML silently keeps the last one), anchors and aliases (alias bombs), explicit
  tags such as ``!!python/object``, more than one document, and nesting deeper than :data:`MAX_DEPTH`;
* keep dates as text (``2024-01-01`` stays the string it looks like) while ``yes``/``no``/``on``/``off``
  still read as booleans, so a text field that received one gets a message saying to quote it;
* accept UTF-8 only, with a size limit per file, and no control characters.

PyYAML itself is imported only when a file is parsed (:mod:`generator.yamlparse`), so that a command answered
from the cached catalogue starts without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import PlaybookError, Problem, display_path, shown

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Spot:
    """Where a value starts in its file (1-based), and the scalar's text as written, if it is a scalar."""

    line: int
    column: int
    raw: str | None = None


@dataclass
class Document:
    """A loaded YAML file: the plain data and the spot of every key and item in it."""

    path: Path
    data: Any
    spots: dict[PathKey, Spot] = field(default_factory=dict)

    @property
    def shown_path(self) -> str:
        return display_path(self.path)

    def spot(self, where: PathKey) -> Spot:
        """The spot of ``where``, or of its nearest recorded parent (a missing key points at its mapping)."""
        for end in range(len(where), -1, -1):
            found = self.spots.get(tuple(where[:end]))
            if found is not None:
                return found
        return Spot(1, 1)

    def problem(self, where: PathKey, message: str) -> Problem:
        spot = self.spot(where)
        return Problem(self.shown_path, spot.line, spot.column, format_field(where), message)


def format_field(where: PathKey) -> str:
    """``("checklist", 2, "text")`` -> ``checklist[2].text``; the empty path is ``(file)``."""
    out = ""
    for part in where:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{shown(part)}" if out else shown(part)
    return out or "(file)"


def text_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(path: Path, raw: bytes) -> str:
    """The file's text, or a :class:`PlaybookError` saying why it is not clean UTF-8 text."""
    shown = display_path(path)

    def fail(line: int, column: int, message: str) -> PlaybookError:
        return PlaybookError([Problem(shown, line, column, "(file)", message)])

    if len(raw) > MAX_BYTES:
        raise fail(1, 1, f"the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}; "
                         "split it into smaller entries")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(1, 1, "the file is UTF-16; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise fail(1, 1, "the file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = text_position(prefix, len(prefix))
        raise fail(line, column, f"the byte 0x{raw[exc.start]:02x} is not valid UTF-8; "
                                 "save the file as UTF-8") from None
    bad = _CONTROL.search(text)
    if bad:
        line, column = text_position(text, bad.start())
        what = "a NUL byte (is the file UTF-16 or binary?)" if bad.group() == "\x00" else (
            f"the control character U+{ord(bad.group()):04X}")
        raise fail(line, column, f"the file contains {what}; remove it")
    return text


def load(path: Path) -> Document:
    """Load one YAML file into a :class:`Document`, or raise :class:`PlaybookError` naming every problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlaybookError(
            [Problem(display_path(path), 1, 1, "(file)", f"cannot be read: {exc.strerror}")]
        ) from None
    return parse(path, decode(path, raw))


def parse(path: Path, text: str) -> Document:
    """Parse ``text`` (the contents of ``path``) into a :class:`Document`."""
    from generator import yamlparse

    return yamlparse.parse(path, text)
