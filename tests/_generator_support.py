"""Shared helpers for the generator tests: the fixture playbook, the shipped playbook, golden files."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from generator.catalog import Catalog, load_catalog

TESTS = Path(__file__).parent
FIXTURE = TESTS / "fixtures" / "generator-playbook"
SHIPPED = TESTS.parent / "playbooks"
GOLDEN = TESTS / "golden"


@cache
def fixture_catalog() -> Catalog:
    return load_catalog(FIXTURE)


@cache
def shipped_catalog() -> Catalog:
    return load_catalog(SHIPPED)


def assert_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing; run the tests with UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path}; if the change is intended, rerun with UPDATE_GOLDEN=1"
