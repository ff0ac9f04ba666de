"""Turn pydantic's validation errors into messages an author can act on, with file, line and column."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Problem, shown
from generator.models import ID_PATTERN, VARIABLE_PATTERN, Text
from generator.yamlio import Document, PathKey


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe(value: Any) -> str:
    """A value's kind in an author's words."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{shown(value, 40)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation stands for (Annotated, Optional and unions taken apart)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _unwrap(arg) if t is not type(None)]
    return [annotation]


def annotation_at(root: type[BaseModel], loc: Sequence[str | int]) -> Any:
    """The annotation of the field at ``loc`` inside ``root`` (by alias), or None if it cannot be found."""
    current: Any = root
    for part in loc:
        found = None
        for candidate in _unwrap(current):
            if isinstance(part, int) and get_origin(candidate) is list:
                found = get_args(candidate)[0]
            elif isinstance(part, str) and isinstance(candidate, type) and issubclass(candidate, BaseModel):
                for name, info in candidate.model_fields.items():
                    if (info.alias or name) == part:
                        found = info.annotation
            if found is not None:
                break
        if found is None:
            return None
        current = found
    return current


def _model_keys(annotation: Any) -> list[str]:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return [info.alias or name for name, info in candidate.model_fields.items()]
    return []


def _literal_choices(annotation: Any) -> list[str]:
    for candidate in _unwrap(annotation):
        if get_origin(candidate) is Literal:
            return [str(arg) for arg in get_args(candidate)]
    return []


def _is_text(annotation: Any) -> bool:
    return Text in _unwrap(annotation)


def message_for(error: ErrorDetails, document: Document, root: type[BaseModel], where: PathKey) -> str:
    """One author-facing message for one pydantic error."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    key = where[-1] if where else ""
    if kind == "missing":
        return f"the required field '{key}' is missing; add it"
    if kind == "extra_forbidden":
        allowed = _model_keys(annotation_at(root, where[:-1]))
        hint = did_you_mean(str(key), allowed)
        return f"unknown key '{shown(key)}'" + (hint or f"; the keys allowed here are: {', '.join(allowed)}")
    annotation = annotation_at(root, where)
    if kind == "string_type":
        spot = document.spots.get(where)
        raw = spot.raw if spot is not None else None
        if isinstance(value, bool) and raw is not None:
            return (f"expected text, but YAML reads the unquoted {raw} as a yes/no value; "
                    f"put it in quotes: \"{raw}\"")
        if isinstance(value, int | float) and raw is not None:
            return f"expected text, but YAML reads {raw} as a number; put it in quotes: \"{raw}\""
        return f"expected text, got {describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if _is_text(annotation):
            return (f"expected the text per language (a mapping such as 'en: ...'), got {describe(value)}")
        return f"expected a mapping of keys and values, got {describe(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {describe(value)}"
    if kind == "bool_type":
        return f"expected true or false, got {describe(value)}"
    if kind == "int_type":
        return f"expected a whole number, got {describe(value)}"
    if kind == "literal_error":
        choices = _literal_choices(annotation)
        return f"'{shown(value)}' is not one of: {', '.join(choices)}" + did_you_mean(str(value), choices)
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == ID_PATTERN:
            return (f"'{shown(value)}' is not a valid id: use lower-case letters and digits in words joined by "
                    "hyphens, such as 'due-date-visit'")
        if pattern == VARIABLE_PATTERN:
            return (f"'{shown(value)}' is not a valid variable name: use lower-case letters, digits and "
                    "underscores, starting with a letter, such as 'due_date'")
        return f"'{shown(value)}' does not have the expected form ({pattern})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), has {ctx.get('actual_length', 0)}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items, at most {ctx.get('max_length')} are allowed"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(str(value)):,} characters long; at most {ctx.get('max_length'):,} are allowed"
    if kind == "value_error":
        return shown(str(error["msg"]).removeprefix("Value error, "), 300)
    return shown(str(error["msg"]), 300)


def problems_from(error: ValidationError, document: Document, root: type[BaseModel],
                  prefix: PathKey = ()) -> list[Problem]:
    """Every error in ``error`` as a :class:`Problem` located in ``document``."""
    problems = []
    for detail in error.errors(include_url=False):
        where: PathKey = tuple(part for part in detail["loc"] if isinstance(part, str | int))
        problems.append(document.problem((*prefix, *where), message_for(detail, document, root, where)))
    return problems
