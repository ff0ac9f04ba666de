"""Counts PDF layouts, PDF writes and Word saves in every process of a benchmarked build.

``bench/run.py`` puts this folder on PYTHONPATH and names a log file in ``BENCH_RENDER_LOG``; Python imports
this module at start-up in the build and in its worker processes.  When WeasyPrint or python-docx is imported,
their rendering methods are wrapped to append one line per call to the log.  Nothing else changes.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from typing import Any

_LOG = os.environ.get("BENCH_RENDER_LOG")


def _note(kind: str) -> None:
    assert _LOG is not None
    fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{kind}\n".encode())
    finally:
        os.close(fd)


def _wrap(owner: Any, name: str, kind: str) -> None:
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        _note(kind)
        return original(*args, **kwargs)

    setattr(owner, name, counted)


def _patch(module: Any) -> None:
    if module.__name__ == "weasyprint":
        _wrap(module.HTML, "render", "pdf_layout")
    elif module.__name__ == "weasyprint.document":
        _wrap(module.Document, "write_pdf", "pdf_write")
    elif module.__name__ == "docx.document":
        _wrap(module.Document, "save", "docx_save")


class _Finder(importlib.abc.MetaPathFinder):
    targets = frozenset({"weasyprint", "weasyprint.document", "docx.document"})

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in self.targets:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            _patch(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if _LOG:
    sys.meta_path.insert(0, _Finder())
