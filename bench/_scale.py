"""Load, validate and render one playbooks folder in a fresh process, for ``bench/run.py``; prints JSON.

    python bench/_scale.py PLAYBOOKS_DIR [--no-tactic-pass] [LANG ...]

Imports happen before the clock starts (cold start-up is measured separately).  Reported, in seconds:
``parse`` (reading every YAML file, an extra pass), ``load`` (load_catalog: parse, validate, cross-check),
``render`` per language (every generated Markdown page), and ``tactics`` (the tactic throughput pass: parse
and validate every tactic file, then render its page in English).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ["PLAYBOOK_NO_CACHE"] = "1"  # "load" means parse + validate, never a cached catalogue
    from generator import site, yamlio
    from generator.catalog import load_catalog
    from generator.models import LANGUAGES, Tactic

    root = Path(argv[0])
    tactic_pass_wanted = "--no-tactic-pass" not in argv
    languages = [arg for arg in argv[1:] if arg != "--no-tactic-pass"] or list(LANGUAGES)
    files = sorted(root.rglob("*.yml"))
    site.environment()  # template environment set up once, as in a build

    start = time.perf_counter()
    for path in files:
        yamlio.load(path)
    parse = time.perf_counter() - start

    start = time.perf_counter()
    catalog = load_catalog(root)
    load = time.perf_counter() - start

    render: dict[str, float] = {}
    pages: dict[str, int] = {}
    for lang in languages:
        start = time.perf_counter()
        made = site.pages(catalog, lang)
        render[lang] = time.perf_counter() - start
        pages[lang] = len(made)

    if not tactic_pass_wanted:
        json.dump({"files": len(files), "parse": parse, "load": load, "render": render, "pages": pages,
                   "tactic_pass": None}, sys.stdout)
        return 0
    start = time.perf_counter()
    tactics = [Tactic.model_validate(yamlio.load(path).data) for path in sorted((root / "tactics").glob("*.yml"))]
    ctx = site.Context(catalog, "en")
    for tactic in tactics:
        site.tactic_page(ctx, tactic)
    tactic_pass = time.perf_counter() - start

    json.dump({"files": len(files), "tactics": len(catalog.tactics), "clauses": len(catalog.clauses),
               "situations": len(catalog.situations), "parse": parse, "load": load, "render": render,
               "pages": pages, "tactic_pass": tactic_pass}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
