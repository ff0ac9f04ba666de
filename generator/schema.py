"""JSON Schemas of the playbook files, for editors (YAML language server) and for tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.models import (
    Clause,
    GuardrailsFile,
    Letter,
    PlanFile,
    PlaybookInfo,
    SignalsFile,
    Situation,
    SourcesFile,
    Tactic,
)

SCHEMA_KINDS: dict[str, type[BaseModel]] = {
    "tactic": Tactic,
    "clause": Clause,
    "situation": Situation,
    "signals": SignalsFile,
    "guardrails": GuardrailsFile,
    "sources": SourcesFile,
    "playbook": PlaybookInfo,
    "letter": Letter,
    "plan": PlanFile,
}

SCHEMA_FOLDER = "schemas"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of playbook file."""
    schema = SCHEMA_KINDS[kind].model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def combined_schema() -> dict[str, Any]:
    """One schema that accepts any kind of playbook file (the kinds share their definitions)."""
    definitions: dict[str, Any] = {}
    for kind in SCHEMA_KINDS:
        schema = schema_for(kind)
        for name, definition in schema.pop("$defs", {}).items():
            if definitions.setdefault(name, definition) != definition:  # pragma: no cover - a model bug
                raise AssertionError(f"two different schema definitions are both called {name}")
        schema.pop("$schema")
        definitions[f"{kind}-file"] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Collections Playbook file",
        "anyOf": [{"$ref": f"#/$defs/{kind}-file"} for kind in SCHEMA_KINDS],
        "$defs": definitions,
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_all(folder: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMA_KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(dumps(schema_for(kind)), encoding="utf-8")
        written.append(path)
    return written
