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
PAGES_ONLY = ("mkdocs_plugin.py", "cli.py", "templates/site/", "templates/theme/")
"""Files that never change a download's bytes (the site's pages, the command line)."""


@cache
def code_version() -> str:
    """A hash of the generator's code and templates and of the libraries that render the files."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        name = path.relative_to(PACKAGE).as_posix()
        if path.suffix in {".py", ".j2", ".css", ".html"} and not name.startswith(PAGES_ONLY) and path.is_file():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    for library in ("weasyprint", "python-docx", "pydyf", "uharfbuzz"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


class CacheMiss(LookupError):
    """A file is not in the cache, and the cache was asked for cached files only."""


class BuildCache:
    """Rendered files by key, in ``folder`` (no folder: nothing is cached).

    With ``only_cached`` a missing file raises :class:`CacheMiss` instead of being rendered: a cheap way to learn
    whether a whole set of downloads is already there.
    """

    def __init__(self, folder: Path | None, *, only_cached: bool = False) -> None:
        self.folder = folder
        self.only_cached = only_cached
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
        if self.only_cached:
            raise CacheMiss(key)
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
