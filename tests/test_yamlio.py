"""Safe YAML loading: locations, YAML 1.1 surprises, and every kind of abuse a clear one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import PlaybookError
from generator.yamlio import MAX_BYTES, Spot, format_field, load


def write(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "entry.yml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def only_problem(path: Path) -> str:
    with pytest.raises(PlaybookError) as caught:
        load(path)
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    return f"{problem.line}:{problem.column}: {problem.field}: {problem.message}"


def test_records_the_spot_of_every_key_and_item(tmp_path: Path) -> None:
    document = load(write(tmp_path, "id: x\nsteps:\n  - en: one\n  - en: two\n"))
    assert document.data == {"id": "x", "steps": [{"en": "one"}, {"en": "two"}]}
    assert document.spots[("id",)] == Spot(1, 1, "x")
    assert document.spots[("steps", 1)] == Spot(4, 5)
    assert document.spots[("steps", 1, "en")] == Spot(4, 5, "two")
    assert document.spot(("steps", 1, "missing")) == Spot(4, 5)


def test_dates_stay_text_and_yes_no_stay_booleans(tmp_path: Path) -> None:
    document = load(write(tmp_path, "a: 2024-01-01\nb: no\nc: 3\nd: '07'\ne: ~\n"))
    assert document.data == {"a": "2024-01-01", "b": False, "c": 3, "d": "07", "e": None}


def test_format_field() -> None:
    assert format_field(("checklist", 2, "text", "en")) == "checklist[2].text.en"
    assert format_field(()) == "(file)"


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "1:1: (file): the file is empty; write the entry's fields in it"),
    (b"# only a comment\n", "1:1: (file): the file is empty; write the entry's fields in it"),
    (b"\xef\xbb\xbfid: x\n", "1:1: (file): the file starts with a byte-order mark; save it as UTF-8 without BOM"),
    ("id: x\n".encode("utf-16"), "1:1: (file): the file is UTF-16; save it as UTF-8"),
    (b"id: x\ntitle: caf\xe9\n", "2:11: (file): the byte 0xe9 is not valid UTF-8; save the file as UTF-8"),
    (b"id: x\x07\n", "1:6: (file): the file contains the control character U+0007; remove it"),
    (b"id: x\x00\n", "1:6: (file): the file contains a NUL byte (is the file UTF-16 or binary?); remove it"),
    (b"a: 1\n---\nb: 2\n",
     "2:1: (file): the file holds more than one YAML document ('---'); keep one entry per file"),
    (b"a:\n\t- b\n", "2:1: (file): YAML syntax error: a tab character here: "
                     "YAML indents with spaces, never tabs; replace the tab with spaces"),
    (b"a: &x [1, 2]\nb: *x\n",
     "2:4: (file): anchors and aliases (*name) are not allowed in playbook files; write the value out"),
    (b"a: !!binary aGVsbG8=\n", "1:4: a: the tag !!binary is not allowed: playbook files hold plain text, "
                                "numbers, lists and mappings; remove the tag"),
    (b"a: !custom x\n", "1:4: a: the tag !custom is not allowed: playbook files hold plain text, "
                        "numbers, lists and mappings; remove the tag"),
    (b"? [a, b]\n: c\n", "1:3: (file): a key must be plain text (a name such as 'title')"),
    (b"a: 1\na: 2\n", "2:1: a: duplicate key 'a' (first at line 1); keep only one"),
])
def test_bad_input_is_one_clear_problem(tmp_path: Path, content: bytes, expected: str) -> None:
    assert only_problem(write(tmp_path, content)) == expected


def test_deep_nesting_is_refused_without_recursion(tmp_path: Path) -> None:
    assert only_problem(write(tmp_path, "[" * 100_000)) == (
        "1:41: (file): nesting is deeper than 40 levels; playbook entries are never this deep")


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert "anchors and aliases" in only_problem(write(tmp_path, "\n".join(lines) + "\n"))


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: " + b"x" * MAX_BYTES + b"\n")
    assert only_problem(path) == (f"1:1: (file): the file is {MAX_BYTES + 4:,} bytes, over the limit of "
                                  f"{MAX_BYTES:,}; split it into smaller entries")


def test_unreadable_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "missing.yml") == "1:1: (file): cannot be read: No such file or directory"


def test_pure_python_parser_reads_the_same_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The libyaml fast path and the pure-Python fallback give the same data and spots."""
    from generator import yamlparse
    from tests.conftest import SHIPPED_PLAYBOOKS

    paths = sorted(SHIPPED_PLAYBOOKS.rglob("*.yml"))
    fast = [load(path) for path in paths]
    monkeypatch.setattr(yamlparse, "LOADER", yamlparse._PurePythonLoader)
    slow = [load(path) for path in paths]
    assert [(d.data, d.spots) for d in fast] == [(d.data, d.spots) for d in slow]
