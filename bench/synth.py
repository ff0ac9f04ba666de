"""Make a synthetic playbooks folder at N times the shipped tactics, clauses and situations.

Copy 0 is the shipped folder as it is (vocabulary files, letters and plan included).  Copies 1 .. N-1 of every
tactic, clause and situation get new ids (``<id>-x<k>``), their references to other tactics and clauses point
at the same copy, copied tactics carry no number (numbers 1-12 stay unique), and the English title says which
copy it is.  The result validates like the shipped folder, so it can be loaded, rendered and built.

    python bench/synth.py 10 /tmp/pb10        # writes the folder and prints its counts
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "playbooks"
SCALED_KINDS = ("tactics", "clauses", "situations")


def _suffix(entry_id: str, copy: int) -> str:
    return f"{entry_id}-x{copy}"


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _copy_entry(kind: str, data: dict[str, Any], copy: int, tactics: set[str], clauses: set[str]) -> dict[str, Any]:
    out = dict(data)
    out["id"] = _suffix(data["id"], copy)
    title = dict(out["title"])
    title["en"] = f"{title['en']} (copy {copy})"
    out["title"] = title
    if kind == "tactics":
        out.pop("number", None)
        out["related_tactics"] = [_suffix(t, copy) if t in tactics else t for t in data.get("related_tactics", [])]
        out["related_clauses"] = [_suffix(c, copy) if c in clauses else c for c in data.get("related_clauses", [])]
    elif kind == "clauses":
        out["supports"] = [_suffix(t, copy) if t in tactics else t for t in data["supports"]]
    return out


def make(scale: int, target: Path, source: Path = SHIPPED) -> dict[str, int]:
    """Write the folder ``target`` at ``scale`` times ``source``; return the entry counts by kind."""
    if scale < 1:
        raise ValueError("the scale must be 1 or more")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("schemas"))
    entries = {kind: sorted((source / kind).glob("*.yml")) for kind in SCALED_KINDS}
    loaded = {kind: [_read(path) for path in paths] for kind, paths in entries.items()}
    tactics = {data["id"] for data in loaded["tactics"]}
    clauses = {data["id"] for data in loaded["clauses"]}
    for copy in range(1, scale):
        for kind in SCALED_KINDS:
            for data in loaded[kind]:
                new = _copy_entry(kind, data, copy, tactics, clauses)
                _write(target / kind / f"{new['id']}.yml", new)
    return {kind: len(loaded[kind]) * scale for kind in SCALED_KINDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("scale", type=int, help="how many copies of every tactic, clause and situation")
    parser.add_argument("target", nargs="?", type=Path, help="the folder to write (default: a new temp folder)")
    args = parser.parse_args(argv)
    target = args.target or Path(tempfile.mkdtemp(prefix=f"playbooks-{args.scale}x-")) / "playbooks"
    counts = make(args.scale, target)
    print(target, " ".join(f"{kind}={count}" for kind, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
