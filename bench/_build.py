"""One MkDocs build with overrides, for ``bench/run.py`` (run as its own process, so every build is cold).

    python bench/_build.py SITE_DIR [--set NAME=JSON ...] [--floor DOCS_DIR]

``--set`` sets an option of the playbook plugin (``--set downloads=false``, ``--set 'playbooks="/tmp/pb"'``,
``--set 'cache_dir="/tmp/c"'``); ``--floor`` removes the playbook plugin and builds DOCS_DIR (the generated
pages written out as files): the same pages built by MkDocs alone.  Every other setting,
plugin and extension comes from ``mkdocs.yml``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def _plugins(settings: dict[str, Any], floor: bool) -> list[Any]:
    from mkdocs.utils.yaml import yaml_load

    with CONFIG.open(encoding="utf-8") as handle:
        raw = yaml_load(handle)
    out: list[Any] = []
    for entry in raw.get("plugins", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != "playbook":
            out.append(entry)
            continue
        if floor:
            continue
        options = dict(entry[name] or {}) if isinstance(entry, dict) else {}
        options.update(settings)
        out.append({name: options})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site_dir")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=JSON")
    parser.add_argument("--floor", metavar="DOCS_DIR")
    args = parser.parse_args(argv)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    settings = {name: json.loads(value) for name, _, value in (item.partition("=") for item in args.set)}
    overrides: dict[str, Any] = {"site_dir": args.site_dir, "plugins": _plugins(settings, bool(args.floor))}
    if args.floor:
        overrides["docs_dir"] = args.floor
    config = load_config(config_file=str(CONFIG), **overrides)
    build(config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
