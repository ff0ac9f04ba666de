"""Reproducible output: two builds of the same input give byte-identical sites, PDFs and Word files.

Both builds run at the same time, each with its own empty download cache (so each really renders every PDF,
Word and text file of every language, and makes its own jieba dictionary), with the same SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import ROOT

EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC


def _start(project: Path, name: str) -> subprocess.Popen[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "      playbooks: playbooks\n"
    assert marker in config
    (project / f"{name}.yml").write_text(
        config.replace(marker, marker + f"      cache_dir: {project / ('cache-' + name)}\n"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(EPOCH)}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", f"{name}.yml", "-d", f"site-{name}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "playbooks", project / "playbooks")
    builds = [_start(project, "a"), _start(project, "b")]
    for build in builds:
        output, _ = build.communicate(timeout=600)
        assert build.returncode == 0, output
    first, second = _files(project / "site-a"), _files(project / "site-b")
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert not different, f"{len(different)} files differ, e.g. {different[:10]}"

    kinds = {Path(path).suffix for path in first}
    assert {".html", ".pdf", ".docx", ".txt", ".js", ".json", ".gz"} <= kinds, kinds
    for lang in ("", "zh-Hant/", "hu/"):
        assert any(path.startswith(f"{lang}downloads/") and path.endswith(".pdf") for path in first), lang
        assert any(path.startswith(f"{lang}downloads/") and path.endswith(".docx") for path in first), lang

    pdf = next(project / "site-a" / path for path in first if path.endswith(".pdf"))
    created = PdfReader(pdf).metadata.creation_date
    assert created is not None
    assert created.astimezone(UTC) == datetime.fromtimestamp(EPOCH, UTC)
