"""Make a synthetic playbooks folder at N times the shipped tactics, clauses and situations.

Copy 0 is the shipped folder as it is (vocabulary files, letters and plan included).  Copies 1 .. N-1 of every
tactic, clause, situation and signal get new ids (``<id>-x<k>``), their references to other tactics, clauses
and signals point at the same copy (so a situation matches as many tactics at 100x as at 1x), copied tactics
carry no number (numbers 1-12 stay unique), and the English title and label say which copy it is.
The result validates like the shipped folder, so it can be loaded, rendered and built.

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
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full: playbook files may not use anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True



_MARK = "0mark0"
"""Stands for the copy number in a dumped entry (plain text that no shipped file contains)."""


def _suffix(entry_id: str, copy: int | str) -> str:
    return f"{entry_id}-x{copy}"


def _read(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    assert isinstance(data, dict), path
    return data


def _dump(data: dict[str, Any]) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    assert isinstance(text, str)
    return text


def _copy_entry(kind: str, data: dict[str, Any], copy: int | str, tactics: set[str], clauses: set[str],
                signals: set[str]) -> dict[str, Any]:
    def same_copy(ids: list[str], known: set[str]) -> list[str]:
        return [_suffix(i, copy) if i in known else i for i in ids]

    out = dict(data)
    out["id"] = _suffix(data["id"], copy)
    title = dict(out["title"])
    title["en"] = f"{title['en']} (copy {copy})"
    out["title"] = title
    if kind == "tactics":
        out.pop("number", None)
        out["related_tactics"] = same_copy(data.get("related_tactics", []), tactics)
        out["related_clauses"] = same_copy(data.get("related_clauses", []), clauses)
        out["triggers"] = [{**trigger, "signals": same_copy(trigger["signals"], signals)}
                           for trigger in data["triggers"]]
    elif kind == "clauses":
        out["supports"] = same_copy(data["supports"], tactics)
    elif kind == "situations":
        out["signals"] = same_copy(data["signals"], signals)
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
    vocabulary = _read(source / "signals.yml")
    signals = {signal["id"] for signal in vocabulary["signals"]}
    # A copied signal keeps its labels but gets a one-line English description: signals.yml must stay under
    # the loader's 1 MB limit at 100x (the shipped descriptions would make it 1.5 MB).
    copies = [{**signal, "id": _suffix(signal["id"], copy),
               "label": {**signal["label"], "en": f"{signal['label']['en']} (copy {copy})"},
               "description": {"en": f"Copy {copy} of the signal '{signal['id']}'."}}
              for copy in range(1, scale) for signal in vocabulary["signals"]]
    (target / "signals.yml").write_text(_dump({**vocabulary, "signals": vocabulary["signals"] + copies}),
                                        encoding="utf-8")
    for kind in SCALED_KINDS:
        for data in loaded[kind]:
            # Dump each entry once with a marker for the copy number, then fill the marker in per copy.
            text = _dump(_copy_entry(kind, data, _MARK, tactics, clauses, signals))
            for copy in range(1, scale):
                number = str(copy)
                (target / kind / f"{_suffix(data['id'], copy)}.yml").write_text(text.replace(_MARK, number),
                                                                               encoding="utf-8")
    counts = {kind: len(loaded[kind]) * scale for kind in SCALED_KINDS}
    return {**counts, "signals": len(signals) * scale}


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
