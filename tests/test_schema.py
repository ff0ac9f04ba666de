"""`playbook schema`: every shipped file validates against the printed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.schema import SCHEMA_FOLDER, SCHEMA_KINDS, dumps, schema_for
from generator.yamlio import load
from tests.conftest import SHIPPED_PLAYBOOKS

VOCABULARY_KIND = {"playbook.yml": "playbook", "signals.yml": "signals", "guardrails.yml": "guardrails",
                   "sources.yml": "sources", "plan.yml": "plan"}
FOLDER_KIND = {"tactics": "tactic", "clauses": "clause", "situations": "situation", "letters": "letter"}


def shipped_files() -> list[tuple[str, Path]]:
    files = [(kind, SHIPPED_PLAYBOOKS / name) for name, kind in VOCABULARY_KIND.items()]
    for folder, kind in FOLDER_KIND.items():
        files += [(kind, path) for path in sorted((SHIPPED_PLAYBOOKS / folder).glob("*.yml"))]
    return files


def printed_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["schema", kind]) == 0
    schema: dict[str, object] = json.loads(capsys.readouterr().out)
    return schema


def test_there_are_entries_of_every_kind() -> None:
    kinds = {kind for kind, _ in shipped_files()}
    assert kinds == set(SCHEMA_KINDS)


@pytest.mark.parametrize(("kind", "path"), shipped_files(), ids=lambda v: v if isinstance(v, str) else v.name)
def test_shipped_file_matches_printed_schema(kind: str, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = printed_schema(kind, capsys)
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(load(path).data), key=str)
    assert not errors, f"{path}: {errors[0].message} at {list(errors[0].path)}"


def test_combined_schema_accepts_every_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    schema = printed_schema("all", capsys)
    validator = Draft202012Validator(schema)
    for _, path in shipped_files():
        assert validator.is_valid(load(path).data), path


def test_schema_rejects_an_unknown_key(capsys: pytest.CaptureFixture[str]) -> None:
    validator = Draft202012Validator(printed_schema("situation", capsys))
    entry = {"id": "x", "title": {"en": "T"}, "description": {"en": "D"}, "signals": ["a"], "titel": 1}
    assert not validator.is_valid(entry)


@pytest.mark.parametrize("kind", sorted(SCHEMA_KINDS))
def test_committed_schema_files_are_current(kind: str) -> None:
    committed = SHIPPED_PLAYBOOKS / SCHEMA_FOLDER / f"{kind}.schema.json"
    assert committed.read_text(encoding="utf-8") == dumps(schema_for(kind)), (
        "run: playbook schema --write playbooks/schemas")


def test_modelines_point_at_existing_schemas() -> None:
    for kind, path in shipped_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SHIPPED_PLAYBOOKS / SCHEMA_FOLDER / f"{kind}.schema.json").resolve(), path
