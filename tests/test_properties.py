"""Property-based tests: whatever an author writes, loading ends in a valid model or a located user error."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import load_catalog
from generator.errors import PlaybookError
from generator.yamlio import load, parse
from tests.conftest import FIXTURES

TACTIC = yaml.safe_load((FIXTURES / "valid" / "tactics" / "sample-tactic.yml").read_text(encoding="utf-8"))
CLAUSE = yaml.safe_load((FIXTURES / "valid" / "clauses" / "sample-clause.yml").read_text(encoding="utf-8"))

text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=50)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text,
                    st.text(min_size=5000, max_size=8000, alphabet="ab {}%<>&\"'"))
garbage = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(text, inner, max_size=3)), max_leaves=12)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a key or item inside a nested value."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, entry: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``entry`` with one to three keys deleted, renamed or given values of the wrong type."""
    data = yaml.safe_load(yaml.safe_dump(entry))
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data) or [()]))
        if not where:
            continue
        parent: Any = data
        for part in where[:-1]:
            parent = parent[part]
        key = where[-1]
        action = draw(st.sampled_from(["delete", "rename", "replace"]))
        if action == "delete":
            del parent[key]
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(text) or "x"] = parent.pop(key)
        else:
            parent[key] = draw(garbage)
    return data


def check(playbooks: Path) -> None:
    try:
        load_catalog(playbooks)
    except PlaybookError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert problem.path.endswith(".yml") and problem.field and problem.message
            assert "\n" not in problem.message


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=st.one_of(mutated(TACTIC).map(lambda d: ("tactics/sample-tactic.yml", d)),
                       mutated(CLAUSE).map(lambda d: ("clauses/sample-clause.yml", d))))
def test_any_mutation_is_a_model_or_a_located_error(entry: tuple[str, Any]) -> None:
    name, data = entry
    with tempfile.TemporaryDirectory() as folder:
        playbooks = Path(folder) / "playbooks"
        shutil.copytree(FIXTURES / "valid", playbooks)
        (playbooks / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        check(playbooks)


@settings(max_examples=300, deadline=None)
@given(source=st.text(max_size=300))
def test_any_text_parses_or_is_a_located_error(source: str) -> None:
    try:
        parse(Path("entry.yml"), source)
    except PlaybookError as error:
        assert all(p.line >= 1 and p.path == "entry.yml" for p in error.problems)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=200))
def test_any_bytes_load_or_are_a_located_error(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "entry.yml"
        path.write_bytes(raw)
        try:
            load(path)
        except PlaybookError as error:
            assert len(error.problems) >= 1
