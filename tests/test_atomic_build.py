"""Atomic site output: a failed ``mkdocs build`` leaves the previous ``site/`` exactly as it was.

The build runs on a copy of the shipped docs and playbooks, with the repository's download cache (so only the
first build ever renders the PDF and Word files).  The plugin builds into ``.site.staging`` beside the site folder and
swaps it in only when the whole build has succeeded, strict-mode warnings included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "playbooks", project / "playbooks")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "      playbooks: playbooks\n"
    assert marker in config
    config = config.replace(marker, marker + f"      cache_dir: {ROOT / '.cache' / 'playbook'}\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by path."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[bytes, int]]]:
    project = _project(tmp_path_factory.mktemp("atomic"))
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    snapshot = _snapshot(project / "site")
    assert "index.html" in snapshot and "hu/index.html" in snapshot and "zh-Hant/index.html" in snapshot
    assert not (project / ".site.staging").exists() and not (project / ".site.previous").exists()
    return project, snapshot


def _assert_untouched(project: Path, before: dict[str, tuple[bytes, int]]) -> None:
    after = _snapshot(project / "site")
    assert sorted(after) == sorted(before), "files were added or removed"
    changed = [path for path in before if after[path] != before[path]]
    assert not changed, f"changed files: {changed[:10]}"
    assert not (project / ".site.staging").exists(), "the staging folder was left behind"


def test_broken_playbook_leaves_previous_site_unchanged(
        built: tuple[Path, dict[str, tuple[bytes, int]]]) -> None:
    project, before = built
    target = project / "playbooks" / "tactics" / "remind-before-due.yml"
    original = target.read_text(encoding="utf-8")
    target.write_text(original + "\nno_such_field: true\n", encoding="utf-8")
    try:
        result = _build(project)
    finally:
        target.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "no_such_field" in result.stdout + result.stderr
    _assert_untouched(project, before)


def test_failure_late_in_the_build_leaves_previous_site_unchanged(
        built: tuple[Path, dict[str, tuple[bytes, int]]]) -> None:
    """A broken link is only found while the pages are rendered, after the site folder used to be cleaned; the
    strict-mode abort comes after every post-build event."""
    project, before = built
    page = project / "content" / "start" / "atomic-probe.md"
    page.write_text("# Probe\n\n[nowhere](no-such-page.md)\n", encoding="utf-8")
    try:
        result = _build(project)
    finally:
        page.unlink()
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr
    _assert_untouched(project, before)


def test_successful_rebuild_replaces_the_site(built: tuple[Path, dict[str, tuple[bytes, int]]]) -> None:
    project, before = built
    stale = project / "site" / "stale.txt"
    stale.write_text("from an older build", encoding="utf-8")
    try:
        result = _build(project)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not stale.exists()
        after = _snapshot(project / "site")
        assert sorted(after) == sorted(before)
        assert all(after[path][0] == before[path][0] for path in before)
    finally:
        stale.unlink(missing_ok=True)
    assert not (project / ".site.staging").exists() and not (project / ".site.previous").exists()
