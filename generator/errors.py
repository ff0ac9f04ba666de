"""User-facing errors.

Every problem a user can cause (a bad playbook file, an unknown id, a bad ``--var`` value) is raised as a
:class:`UserError`.  The CLI and the MkDocs plugin print these without a traceback; anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a playbook file, printed as ``path:line:col: field: message``."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"


class UserError(Exception):
    """A mistake in the user's input. Its message is complete and meant to be printed as it is."""

    exit_code = 2


class PlaybookError(UserError):
    """The playbooks folder has one or more problems; ``problems`` holds every one found in the run."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in the playbooks"
        super().__init__("\n".join([*map(str, self.problems), summary]))


def shown(value: object, limit: int = 60) -> str:
    """A user-supplied value made safe for a one-line message: control characters escaped, long text cut."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
