"""The authors' page on bad input quotes the exact message of every invalid-input fixture."""

from __future__ import annotations

from tests.conftest import FIXTURES, ROOT

PAGE = ROOT / "content" / "authors" / "bad-input.md"


def test_every_fixture_message_is_documented() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for case in sorted((FIXTURES / "invalid").iterdir()):
        first = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        # The last problem of a case is the one the fixture is about (a misspelled key also lacks its field).
        message = first[-2].split(": ", 1)[1]
        assert message in page, f"{case.name}: document the message `{message}`"
