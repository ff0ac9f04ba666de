"""The YAML parser behind :mod:`generator.yamlio` (imported on first use: PyYAML costs start-up time).

Two paths give the same data and spots: :func:`_parse_fast` walks libyaml's events once; anything unusual
falls back to a composer on PyYAML's nodes (:class:`_Builder`), which says exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from generator.errors import PlaybookError, Problem, shown
from generator.yamlio import MAX_DEPTH, Document, PathKey, Spot, format_field

_TAG = "tag:yaml.org,2002:"
_PLAIN_KINDS = {"map", "seq", "str", "timestamp", "null", "bool", "int", "float"}

class _Loader(Composer, Resolver):
    """PyYAML's safe resolver and composer, refusing aliases and deep nesting as it goes."""

    # Supplied by the parser class mixed in below (libyaml's CParser or PyYAML's pure-Python Parser).
    check_event: Callable[..., bool]
    peek_event: Callable[[], Any]
    dispose: Callable[[], None]

    def __init__(self) -> None:
        Composer.__init__(self)
        Resolver.__init__(self)
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (*name) are not allowed in playbook files; write the value out",
                problem_mark=event.start_mark,
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(
                problem=f"nesting is deeper than {MAX_DEPTH} levels; playbook entries are never this deep",
                problem_mark=self.peek_event().start_mark,
            )
        try:
            node: Node | None = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        assert node is not None
        return node


class _PurePythonLoader(_Loader, Reader, Scanner, Parser):
    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Loader.__init__(self)


try:  # libyaml's parser is about ten times faster; the composer above still runs in Python.
    from yaml._yaml import CParser

    _CParser: Any = CParser

    class _FastLoader(_Loader, CParser):
        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _Loader.__init__(self)

    LOADER: type[_Loader] = _FastLoader
    # (a wildcard implicit rule, keyed None, would defeat the first-character shortcut of the fast reader)
    _FAST_LOADER: type[_Loader] | None = (
        _FastLoader if None not in Resolver.yaml_implicit_resolvers else None)
    """Where :data:`LOADER` is this class, clean files are read by :func:`_parse_fast` instead."""
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    LOADER = _PurePythonLoader
    _FAST_LOADER = None


class _Fallback(Exception):
    """The fast reader met something it leaves to the careful one (which gives the exact message)."""


_NO_KEY = object()
_RESOLVER: Any = Resolver()
_STR_TAG = _TAG + "str"
_RESOLVED_FIRST = frozenset(Resolver.yaml_implicit_resolvers)
"""First characters that some implicit rule (bool, int, null, ...) looks at; ``None`` would mean any."""


def _fast_scalar(value: str, implicit: tuple[bool, bool]) -> Any:
    """A scalar as the careful path builds it; :class:`_Fallback` for any kind it would refuse."""
    if not implicit[0] or (value and value[0] not in _RESOLVED_FIRST):
        return value  # quoted or block text, or plain text no implicit rule starts with: a string
    tag = _RESOLVER.resolve(ScalarNode, value, implicit)
    if tag == _STR_TAG or tag == _TAG + "timestamp":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return _Builder._constructor.construct_yaml_bool(ScalarNode(tag, value))
    if tag == _TAG + "int":
        return _Builder._constructor.construct_yaml_int(ScalarNode(tag, value))
    if tag == _TAG + "float":
        return _Builder._constructor.construct_yaml_float(ScalarNode(tag, value))
    raise _Fallback


def _plain_key(key: str, implicit: tuple[bool, bool]) -> bool:
    """Whether the careful path reads ``key`` as plain text (``yes:`` or ``1:`` it does not)."""
    return not implicit[0] or (bool(key) and key[0] not in _RESOLVED_FIRST) or _RESOLVER.resolve(
        ScalarNode, key, implicit) == _STR_TAG


def _parse_fast(text: str, spots: dict[PathKey, Spot]) -> Any:
    """The data of a clean file straight from libyaml's events, recording spots as the careful path does.

    One loop with an explicit stack (no recursion, no node objects).  Anything the careful path would report
    or treat specially (a syntax error, an anchor, an alias, a tag, a key that is not plain text, a duplicate
    key, nesting deeper than :data:`MAX_DEPTH`, no document or more than one) raises :class:`_Fallback`, and
    the file is read again by :data:`LOADER`, which says what is wrong exactly as before."""
    parser = _CParser(text)
    try:
        get = parser.get_event
        if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
            raise _Fallback
        root: Any = None
        stack: list[list[Any]] = []  # [container, path, pending key (or _NO_KEY), the key's mark]
        while True:
            event = get()
            kind = type(event)
            container: Any = None
            key: Any = None
            path: PathKey = ()
            mark: Any = None
            if stack:
                frame = stack[-1]
                container = frame[0]
                if kind is MappingEndEvent or kind is SequenceEndEvent:
                    stack.pop()
                    if not stack:
                        break
                    continue
                if type(container) is dict:
                    if frame[2] is _NO_KEY:  # a key
                        if kind is not ScalarEvent or event.anchor is not None or event.tag is not None:
                            raise _Fallback
                        key = event.value
                        if key in container or not _plain_key(key, event.implicit):
                            raise _Fallback
                        frame[2] = key
                        frame[3] = event.start_mark
                        continue
                    key = frame[2]
                    mark = frame[3]
                    frame[2] = _NO_KEY
                    path = (*frame[1], key)
                else:
                    mark = event.start_mark
                    path = (*frame[1], len(container))
            if len(stack) >= MAX_DEPTH or event.anchor is not None or event.tag is not None:
                raise _Fallback
            if kind is ScalarEvent:
                value = _fast_scalar(event.value, event.implicit)
                raw = event.value
            elif kind is MappingStartEvent:
                value = {}
                raw = None
            elif kind is SequenceStartEvent:
                value = []
                raw = None
            else:
                raise _Fallback  # an alias, or something unexpected
            if mark is not None:
                spots[path] = Spot(mark.line + 1, mark.column + 1, raw)
                if key is not None:
                    container[key] = value
                else:
                    container.append(value)
            else:
                root = value
            if kind is not ScalarEvent:
                stack.append([value, path, _NO_KEY, None])
            elif not stack:
                break
        if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
            raise _Fallback
        return root
    except yaml.YAMLError:
        raise _Fallback from None
    finally:
        parser.dispose()


class _Builder:
    """Turns composed nodes into plain data, collecting problems instead of stopping at the first."""

    _constructor = SafeConstructor()

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def _spot(self, node: Node, raw: str | None = None) -> Spot:
        return Spot(node.start_mark.line + 1, node.start_mark.column + 1, raw)

    def _fail(self, node: Node, where: PathKey, message: str) -> None:
        spot = self._spot(node)
        self.problems.append(
            Problem(self.document.shown_path, spot.line, spot.column, format_field(where), message)
        )

    def build(self, node: Node, where: PathKey) -> Any:
        kind = node.tag[len(_TAG):] if node.tag.startswith(_TAG) else ""
        expected = "map" if isinstance(node, MappingNode) else "seq" if isinstance(node, SequenceNode) else ""
        if kind not in _PLAIN_KINDS or (expected and kind != expected):
            shown = "!!" + kind if kind else node.tag
            self._fail(node, where, f"the tag {shown} is not allowed: playbook files hold plain text, "
                                    "numbers, lists and mappings; remove the tag")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, where)
        if isinstance(node, SequenceNode):
            return [self.build_item(item, (*where, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, kind)

    def build_item(self, node: Node, where: PathKey) -> Any:
        self.document.spots[where] = self._spot(node, node.value if isinstance(node, ScalarNode) else None)
        return self.build(node, where)

    def _mapping(self, node: MappingNode, where: PathKey) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                self._fail(key_node, where, "a key must be plain text (a name such as 'title')")
                continue
            key = key_node.value
            if key in first_seen:
                self._fail(key_node, (*where, key),
                           f"duplicate key '{shown(key)}' (first at line {first_seen[key]}); keep only one")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            raw = value_node.value if isinstance(value_node, ScalarNode) else None
            self.document.spots[(*where, key)] = Spot(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1, raw
            )
            out[key] = self.build(value_node, (*where, key))
        return out

    def _scalar(self, node: ScalarNode, kind: str) -> Any:
        if kind in ("str", "timestamp"):
            return node.value
        if kind == "null":
            return None
        if kind == "bool":
            return self._constructor.construct_yaml_bool(node)
        if kind == "int":
            return self._constructor.construct_yaml_int(node)
        if kind == "float":
            return self._constructor.construct_yaml_float(node)
        return node.value


def parse(path: Path, text: str) -> Document:
    """Parse ``text`` (the contents of ``path``) into a :class:`Document`."""
    if LOADER is _FAST_LOADER:
        spots: dict[PathKey, Spot] = {(): Spot(1, 1)}
        try:
            return Document(path, _parse_fast(text, spots), spots)
        except _Fallback:
            pass
    document = Document(path, None, {(): Spot(1, 1)})
    loader = LOADER(text)  # type: ignore[call-arg]
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise PlaybookError([_syntax_problem(document, exc, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise PlaybookError([document.problem((), f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise PlaybookError([document.problem((), "nesting is too deep to read")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise PlaybookError([document.problem((), "the file is empty; write the entry's fields in it")])
    builder = _Builder(document)
    document.data = builder.build(root, ())
    if builder.problems:
        raise PlaybookError(builder.problems)
    return document


def _syntax_problem(document: Document, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    problem = (exc.problem or "not valid YAML").strip()
    if "expected a single document" in (exc.context or "") or "but found another document" in problem:
        problem = "the file holds more than one YAML document ('---'); keep one entry per file"
    elif source_line[column - 1 : column] == "\t" or "\\t" in problem:
        problem = "a tab character here: YAML indents with spaces, never tabs; replace the tab with spaces"
    elif exc.context:
        problem = f"{problem} ({exc.context.strip()})"
    message = f"YAML syntax error: {problem}" if not problem.startswith(("anchors", "nesting", "the file")) \
        else problem
    return Problem(document.shown_path, line, column, "(file)", message)
