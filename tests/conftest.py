"""Shared fixtures: the repository paths and a way to copy the valid fixture playbooks and break them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHIPPED_PLAYBOOKS = ROOT / "playbooks"


@pytest.fixture
def playbooks_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the valid fixture playbooks at ``<tmp>/playbooks``, with the working directory at ``<tmp>``."""
    target = tmp_path / "playbooks"
    shutil.copytree(FIXTURES / "valid", target)
    monkeypatch.chdir(tmp_path)
    return target
