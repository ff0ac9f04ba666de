"""Clause texts are templates whose only syntax is ``{{ variable }}``.

A clause text is parsed with Jinja's own parser in a sandboxed environment, and anything beyond plain text
and ``{{ name }}`` placeholders (blocks, filters, attribute access, calls, expressions) is rejected at
validation, so ``{{ ''.__class__ }}``-style probes never reach a renderer.  A parsed text is a sequence of
segments: literal text and named slots, which each output format fills and escapes in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    """Jinja's sandboxed parser, made on first use (importing Jinja costs start-up time)."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(keep_trailing_newline=True, autoescape=False)


class TemplateSyntaxProblem(ValueError):
    """A clause text that is not plain text with ``{{ variable }}`` placeholders."""


@dataclass(frozen=True)
class Literal:
    text: str


@dataclass(frozen=True)
class Slot:
    name: str


Segment = Literal | Slot


@lru_cache(maxsize=4096)
def segments(text: str) -> tuple[Segment, ...]:
    """Split a clause text into literal text and slots, or raise :class:`TemplateSyntaxProblem`."""
    from jinja2 import TemplateSyntaxError, nodes

    try:
        tree = _environment().parse(text)
    except TemplateSyntaxError as error:
        raise TemplateSyntaxProblem(f"template syntax error on line {error.lineno} of the text: "
                                    f"{error.message}; write placeholders as {{{{ name }}}}") from None
    out: list[Segment] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            raise TemplateSyntaxProblem(
                "only {{ variable }} placeholders are allowed in clause texts; remove the {% ... %} block")
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                out.append(Literal(node.data))
            elif isinstance(node, nodes.Name) and node.ctx == "load":
                out.append(Slot(node.name))
            else:
                raise TemplateSyntaxProblem(
                    "only plain {{ variable }} placeholders are allowed in clause texts; filters, attributes, "
                    "calls and expressions are not")
    return tuple(out)


def placeholders(text: str) -> set[str]:
    """The names of the variables a clause text uses."""
    return {segment.name for segment in segments(text) if isinstance(segment, Slot)}
