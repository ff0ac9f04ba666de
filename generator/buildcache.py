"""A content-addressed cache of rendered downloads (PDF and Word files), shared by builds and languages.

Rendering the checklist PDFs and clause documents of three languages takes far longer than every page of the
site together.  Each rendered file is stored under the hash of everything that decides its bytes: the exact
input (the checklist's HTML, the clause view), the generator's own code and templates, the versions of the
rendering libraries and ``SOURCE_DATE_EPOCH``.  A rebuild renders only what changed; a changed playbook entry
or template changes the hash, so a stale file is never served.  Files are written atomically, so parallel
workers (one per language) can share the folder.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from generator.atomic import write_atomic

PACKAGE = Path(__file__).parent


@cache
def code_version() -> str:
    """A hash of the generator's code and templates and of the libraries that render the files."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".css", ".html"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    for library in ("weasyprint", "python-docx", "pydyf"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


class BuildCache:
    """Rendered files by key, in ``folder`` (no folder: nothing is cached)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(kind: str, *parts: str) -> str:
        digest = hashlib.sha256(code_version().encode())
        for part in (kind, *parts):
            digest.update(b"\0")
            digest.update(part.encode("utf-8"))
        return f"{kind}-{digest.hexdigest()[:40]}"

    def _path(self, key: str) -> Path | None:
        return self.folder / key[-2:] / key if self.folder is not None else None

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is not None and path.is_file():
            self.hits += 1
            return path.read_bytes()
        self.misses += 1
        return None

    def put(self, key: str, data: bytes) -> bytes:
        path = self._path(key)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
            except OSError:
                pass  # a cache that cannot be written only costs time
        return data
