"""The benchmark harness: what the site build costs, how it grows, and whether it meets its targets.

    python bench/run.py [--quick] [--runs N]      # or: make bench

Every figure is the median of N runs (default 5; ``--quick``: 1 run and no 100x catalogue; figures that take
ten seconds or more: at most 3 runs, the 10x build and the 100x catalogue 1) timed with ``time.perf_counter``;
builds and commands run as fresh processes, so each one pays its own start-up.  Writes
``bench/results.json`` (every figure, each run, and the machine), ``bench/results.md`` (the table) and the table
between the markers in ``content/authors/benchmarks*.md``.  What each measure means: that page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402

PYTHON = sys.executable
BIN = Path(sys.executable).parent
PLAYBOOKS = ROOT / "playbooks"
DOCS_PAGES = [ROOT / "content" / "authors" / name
              for name in ("benchmarks.md", "benchmarks.zh-Hant.md", "benchmarks.hu.md")]
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TACTIC = "call-the-stall"
ADVISE = ["advise", "--signal", "overdue", "--signal", "excuses-and-delays"]
MB = 1024 * 1024

TARGETS = {
    "floor_ratio": ("ours / floor, site without downloads", "<=", 1.15),
    "tactics_per_second": ("load + validate + render Markdown, tactics a second", ">=", 1000),
    "linear_growth": ("time per entry at 100x / at 10x", "<=", 1.2),
    "full_build_s": ("full build with all downloads, s", "<=", 10),
    "unchanged_rebuild_pdfs": ("PDFs laid out by a rebuild with nothing changed", "<=", 0),
    "cold_advise_s": ("cold `playbook advise`, s", "<=", 0.5),
    "search_index_mb": ("search index, largest share of one language, MB", "<=", 1),
}


# ------------------------------------------------------------------------------------------------ helpers


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def environment(render_log: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if render_log is not None:
        env["BENCH_RENDER_LOG"] = str(render_log)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE / "hooks"), env.get("PYTHONPATH")]))
    return env


def run_timed(command: Sequence[str], *, render_log: Path | None = None, cwd: Path = ROOT) -> float:
    """Run ``command`` to the end; its wall time in seconds.  A failure stops the harness with its output."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=environment(render_log), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed


def slow(runs: int) -> int:
    """Runs for a figure that takes ten seconds or more: at most 3, to keep the harness under five minutes."""
    return min(runs, 3)


def median_of(runs: int, measure: Callable[[], float]) -> dict[str, Any]:
    values = [measure() for _ in range(runs)]
    return {"median": statistics.median(values), "runs": values}


def renders(render_log: Path) -> dict[str, int]:
    """How many PDF layouts, PDF writes and Word saves the log recorded."""
    lines = render_log.read_text().split() if render_log.exists() else []
    return {kind: lines.count(kind) for kind in ("pdf_layout", "pdf_write", "docx_save")}


def build_command(site_dir: Path, *settings: str, floor: Path | None = None) -> list[str]:
    command = [PYTHON, str(HERE / "_build.py"), str(site_dir)]
    for setting in settings:
        command += ["--set", setting]
    if floor is not None:
        command += ["--floor", str(floor)]
    return command


def quoted(value: object) -> str:
    return json.dumps(str(value))


SPEED_CHECK = ("import time\nt = time.perf_counter()\ns = 0\nfor i in range(10_000_000):\n    s += i\n"
               "print(time.perf_counter() - t)")
"""A fixed pure-Python loop: how fast the machine runs Python while the harness runs (it is shared; the figures
of two runs compare only where this one does)."""


def speed_check() -> float:
    """The fastest of three runs of :data:`SPEED_CHECK`, in seconds, each in a fresh process."""
    return min(float(subprocess.run([PYTHON, "-c", SPEED_CHECK], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(3))


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = f"{int(found.group(1)) / MB:.1f} GB" if found else ""
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "weasyprint", "python-docx", "pydantic",
                    "jinja2", "pyyaml"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # a missing package is reported as missing
            versions[package] = "missing"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True)
    return {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
            "cpu": model, "memory": memory, "load_average": list(os.getloadavg()), "versions": versions,
            "commit": commit.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else ""),
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")}


# ----------------------------------------------------------------------------------------------- measures


def write_floor_docs(docs: Path, languages: Sequence[str]) -> int:
    """content/ plus every generated page in ``languages``, as plain files; returns the number of pages."""
    from generator import site
    from generator.catalog import load_catalog

    shutil.copytree(ROOT / "content", docs)
    catalog = load_catalog(PLAYBOOKS)
    count = 0
    for lang in languages:
        for item in site.pages(catalog, lang):
            target = docs / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(item.content, bytes):
                target.write_bytes(item.content)
            else:
                target.write_text(item.content, encoding="utf-8")
            count += 1
    return count


def html_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("*.html"))


def measure_builds(work: Path, runs: int, out: dict[str, Any]) -> None:
    from generator.models import LANGUAGES

    cache = work / "cache"
    ours_site, floor_site = work / "site-ours", work / "site-floor"

    def full_build() -> float:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(work / "site-full", ignore_errors=True)
        return run_timed(build_command(work / "site-full", f"cache_dir={quoted(cache)}"))

    log("full build with all downloads (empty download cache each run)")
    out["full_build"] = median_of(slow(runs), full_build)

    render_log = work / "renders.log"
    render_log.unlink(missing_ok=True)
    log("rebuild with nothing changed (warm download cache)")
    out["rebuild_unchanged"] = {
        **median_of(1, lambda: run_timed(build_command(work / "site-full", f"cache_dir={quoted(cache)}"),
                                         render_log=render_log)),
        "renders": renders(render_log)}

    log("rebuild after changing one tactic file")
    copy = work / "playbooks-edit"
    shutil.copytree(PLAYBOOKS, copy, ignore=shutil.ignore_patterns("schemas"))
    edit_cache = work / "cache-edit"
    settings = (f"cache_dir={quoted(edit_cache)}", f"playbooks={quoted(copy)}")
    run_timed(build_command(work / "site-edit", *settings))
    tactic_file = copy / "tactics" / f"{TACTIC}.yml"
    text = tactic_file.read_text(encoding="utf-8")
    tactic_file.write_text(text.replace("title:\n  en: ", "title:\n  en: Edited ", 1), encoding="utf-8")
    render_log.unlink(missing_ok=True)
    out["rebuild_one_change"] = {
        **median_of(1, lambda: run_timed(build_command(work / "site-edit", *settings), render_log=render_log)),
        "renders": renders(render_log)}

    log("our build without downloads, and the floor: the same pages built by MkDocs alone (alternately)")
    run_timed(build_command(ours_site, "downloads=false"))  # once first: the floor copies these pages
    languages = [lang for lang in LANGUAGES
                 if lang == "en" or (ours_site / lang).is_dir() or any(ours_site.rglob(f"*.{lang}.html"))]
    docs = work / "floor-docs"
    out["floor_generated_pages"] = write_floor_docs(docs, languages)
    out["floor_languages"] = languages
    # Alternating the two builds pairs each of ours with a floor build made moments later, so that a machine
    # that slows down for a while (it is shared) moves both sides of a ratio alike.
    ours, floor, ratios = [], [], []
    for _ in range(slow(runs)):
        ours.append(run_timed(build_command(ours_site, "downloads=false")))
        floor.append(run_timed(build_command(floor_site, floor=docs)))
        ratios.append(ours[-1] / floor[-1])
    out["ours_no_downloads"] = {"median": statistics.median(ours), "runs": ours}
    out["floor"] = {"median": statistics.median(floor), "runs": floor}
    out["ours_pages"] = html_pages(ours_site)
    out["floor_pages"] = html_pages(floor_site)
    out["floor_ratio"] = statistics.median(ratios)
    out["floor_ratios"] = ratios
    measure_sizes(work / "site-full", out)


def measure_generator_share(work: Path, runs: int, out: dict[str, Any]) -> None:
    """The generator's own work in a build, timed in a fresh process: load + pages for every language, and the
    downloads of one language rendered without the cache."""
    log("the generator's share: load, pages, downloads (in-process)")
    script = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from generator import site\n"
        "from generator.catalog import load_catalog\n"
        "from generator.models import LANGUAGES\n"
        "t0 = time.perf_counter(); catalog = load_catalog(Path(sys.argv[1])); t1 = time.perf_counter()\n"
        "for lang in LANGUAGES: site.pages(catalog, lang)\n"
        "t2 = time.perf_counter(); made = site.downloads(catalog, 'en') if sys.argv[2] == '1' else []\n"
        "t3 = time.perf_counter()\n"
        "json.dump({'load': t1 - t0, 'pages': t2 - t1, 'downloads_en': t3 - t2, 'download_files_en': len(made)},"
        " sys.stdout)\n")
    results = []
    for run in range(slow(runs)):  # the downloads (over ten seconds) are rendered in the first run only
        done = subprocess.run([PYTHON, "-c", script, str(PLAYBOOKS), "1" if run == 0 else "0"], cwd=ROOT,
                              env=dict(environment(), PLAYBOOK_NO_CACHE="1"),  # load = parse + validate
                              capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    out["generator"] = {key: statistics.median(r[key] for r in results) for key in ("load", "pages")}
    out["generator"].update(downloads_en=results[0]["downloads_en"], download_files_en=results[0]["download_files_en"])


def measure_scale(work: Path, runs: int, scales: Sequence[int], out: dict[str, Any]) -> None:
    out["scale"] = {}
    for scale in scales:
        folder = work / f"playbooks-{scale}x"
        counts = synth.make(scale, folder)
        log(f"scale {scale}x: load + validate + render ({counts['tactics']} tactics)")
        n = runs if scale == 1 else slow(runs) if scale == 10 else 1
        # At 100x: English pages only and no tactic pass (the three languages take minutes there).
        extra = ["--no-tactic-pass", "en"] if scale >= 100 else []
        results = []
        for _ in range(n):
            done = subprocess.run([PYTHON, str(HERE / "_scale.py"), str(folder), *extra], cwd=ROOT,
                                  env=environment(),
                                  capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"bench: scale {scale}x failed:\n{done.stderr}")
            results.append(json.loads(done.stdout))
        entries = counts["tactics"] + counts["clauses"] + counts["situations"]
        row: dict[str, Any] = {"counts": counts, "entries": entries, "runs": len(results)}
        for key in ("parse", "load"):
            row[key] = statistics.median(r[key] for r in results)
        row["render"] = {lang: statistics.median(r["render"][lang] for r in results) for lang in results[0]["render"]}
        row["pages_per_language"] = results[0]["pages"]
        # Time per entry: load + validate + the English pages (measured the same way at every scale).
        row["per_entry_ms"] = (row["load"] + row["render"]["en"]) / entries * 1000
        if results[0]["tactic_pass"] is not None:
            row["tactic_pass"] = statistics.median(r["tactic_pass"] for r in results)
            row["tactics_per_second"] = counts["tactics"] / row["tactic_pass"]
        if scale == 1 and "ours_no_downloads" in out:  # the shipped folder, built above
            row["build_no_downloads"] = out["ours_no_downloads"]
        elif scale <= 10:
            log(f"scale {scale}x: full build without downloads")
            command = build_command(work / f"site-{scale}x", "downloads=false", f"playbooks={quoted(folder)}")
            row["build_no_downloads"] = median_of(1, lambda: run_timed(command))  # noqa: B023 - called at once
        out["scale"][str(scale)] = row
        if scale >= 10:
            shutil.rmtree(folder, ignore_errors=True)


def warm_then(runs: int, command: list[str]) -> dict[str, Any]:
    """``command`` once untimed (it fills the catalogue cache after a change), then timed ``runs`` times."""
    run_timed(command)
    return median_of(runs, lambda: run_timed(command))


def measure_cold(work: Path, runs: int, out: dict[str, Any]) -> None:
    playbook = str(BIN / "playbook")
    log("cold processes")
    out["cold"] = {
        "python": median_of(runs, lambda: run_timed([PYTHON, "-c", "pass"])),
        "import_models": median_of(runs, lambda: run_timed([PYTHON, "-c", "import generator.models"])),
        "advise": warm_then(runs, [playbook, *ADVISE]),
        # the same with the catalogue cache (and Jinja's bytecode cache) off: every file parsed and validated
        "advise_no_cache": median_of(runs, lambda: run_timed(["env", "PLAYBOOK_NO_CACHE=1", playbook, *ADVISE])),
        "clause_docx": median_of(runs, lambda: run_timed(
            [playbook, "clause", "retention-of-title", "--format", "docx", "-o", str(work / "rot.docx")])),
    }


def measure_sizes(site_dir: Path, out: dict[str, Any]) -> None:
    page = site_dir / "tactics" / f"{TACTIC}.html"
    html = page.read_text(encoding="utf-8")
    assets: dict[str, int] = {}
    for ref in re.findall(r'(?:src|href)="([^"#?]+)', html):
        if ref.startswith(("http:", "https:", "data:", "mailto:")) or ref.endswith(".html"):
            continue
        target = (page.parent / ref).resolve()
        if target.is_file() and site_dir.resolve() in target.parents:
            assets[str(target.relative_to(site_dir.resolve()))] = target.stat().st_size
    out["sizes"] = {"tactic_page": page.stat().st_size, "tactic_assets": sum(assets.values()),
                    "tactic_asset_files": len(assets), "site_total": sum(
                        p.stat().st_size for p in site_dir.rglob("*") if p.is_file())}
    from generator.models import LANGUAGES

    indexes = {}
    for index in sorted(site_dir.rglob("search_index.json")):
        data = json.loads(index.read_text(encoding="utf-8"))
        docs = data.get("docs", [])
        where = str(index.parent.parent.relative_to(site_dir))
        # One index may hold every language (the i18n plugin with Material): its share of each language is the
        # size of that language's entries (location under <lang>/, English at the top level).
        by_language: dict[str, int] = {}
        for doc in docs:
            first = str(doc.get("location", "")).split("/", 1)[0]
            lang = first if first in LANGUAGES else "en"
            by_language[lang] = by_language.get(lang, 0) + len(json.dumps(doc, ensure_ascii=False).encode())
        indexes[where] = {"bytes": index.stat().st_size, "documents": len(docs), "by_language": by_language}
    out["sizes"]["search_indexes"] = indexes


# ------------------------------------------------------------------------------------------------- report


def verdicts(out: dict[str, Any]) -> dict[str, dict[str, Any]]:
    figures: dict[str, float | None] = {
        "floor_ratio": out.get("floor_ratio"),
        "full_build_s": out["full_build"]["median"] if "full_build" in out else None,
        "unchanged_rebuild_pdfs": (out["rebuild_unchanged"]["renders"]["pdf_layout"]
                                   if "rebuild_unchanged" in out else None),
        "cold_advise_s": out["cold"]["advise"]["median"] if "cold" in out else None,
        "search_index_mb": (max(size for i in out["sizes"]["search_indexes"].values()
                                for size in i["by_language"].values()) / MB
                            if out.get("sizes", {}).get("search_indexes") else None),
    }
    scale = out.get("scale", {})
    with_pass = [s for s in scale if "tactics_per_second" in scale[s]]
    figures["tactics_per_second"] = scale[max(with_pass, key=int)]["tactics_per_second"] if with_pass else None
    figures["linear_growth"] = (scale["100"]["per_entry_ms"] / scale["10"]["per_entry_ms"]
                                if "100" in scale and "10" in scale else None)
    result = {}
    for key, (label, op, limit) in TARGETS.items():
        value = figures[key]
        met = None if value is None else (value <= limit if op == "<=" else value >= limit)
        result[key] = {"label": label, "target": f"{op} {limit:g}", "value": value, "met": met}
    return result


def number(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def table(out: dict[str, Any]) -> str:
    lines = ["| measure | median | target | met |", "| --- | ---: | ---: | :---: |"]
    for item in out["targets"].values():
        mark = {True: "yes", False: "**no**", None: "not measured"}[item["met"]]
        lines.append(f"| {item['label']} | {number(item['value'])} | {item['target']} | {mark} |")
    lines += ["", "| build or command | seconds (median) | fastest run |", "| --- | ---: | ---: |"]

    def row(label: str, value: float | dict[str, Any] | None) -> None:
        """A figure: a measure with its runs (median and fastest) or a single value."""
        if isinstance(value, dict):
            lines.append(f"| {label} | {number(value['median'])} | {number(min(value['runs']))} |")
        else:
            lines.append(f"| {label} | {number(value)} | |")

    if "floor" in out:
        row("full site build, all languages and downloads, empty download cache", out["full_build"])
        unchanged, edited = out["rebuild_unchanged"], out["rebuild_one_change"]
        row(f"rebuild, nothing changed ({unchanged['renders']['pdf_layout']} PDF layouts, "
            f"{unchanged['renders']['docx_save']} Word files)", unchanged)
        row(f"rebuild after editing one tactic ({edited['renders']['pdf_layout']} PDF layouts, "
            f"{edited['renders']['docx_save']} Word files)", edited)
        row(f"our build without downloads ({out['ours_pages']} HTML pages)", out["ours_no_downloads"])
        row(f"floor: the same pages by MkDocs alone ({out['floor_pages']} HTML pages)", out["floor"])
    if "generator" in out:
        g = out["generator"]
        row("generator: load and validate the playbooks", g["load"])
        row("generator: Markdown pages, every language", g["pages"])
        row(f"generator: downloads of one language, no cache ({g['download_files_en']} files)", g["downloads_en"])
    if "cold" in out:
        c = out["cold"]
        row("cold `python -c pass`", c["python"])
        row("cold `import generator.models`", c["import_models"])
        row("cold `playbook advise` (catalogue cache warm)", c["advise"])
        if "advise_no_cache" in c:
            row("cold `playbook advise`, caches off (`PLAYBOOK_NO_CACHE=1`)", c["advise_no_cache"])
        row("cold `playbook clause ... --format docx`", c["clause_docx"])
    if out.get("scale"):
        lines += ["", "| catalogue | tactics / clauses / situations | load + validate, s | English pages, s | "
                  "all languages, s | per entry, ms | tactics a second | build without downloads, s |",
                  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for scale, r in out["scale"].items():
            counts = r["counts"]
            build = r.get("build_no_downloads", {}).get("median")
            every = sum(r["render"].values()) if len(r["render"]) > 1 else None
            lines.append(f"| {scale}x | {counts['tactics']} / {counts['clauses']} / {counts['situations']} | "
                         f"{number(r['load'])} | {number(r['render']['en'])} | {number(every)} | "
                         f"{number(r['per_entry_ms'])} | {number(r.get('tactics_per_second'), 0)} | "
                         f"{number(build)} |")
    if "sizes" in out and "search_indexes" in out["sizes"]:
        s = out["sizes"]
        lines += ["", "| size | bytes |", "| --- | ---: |",
                  f"| tactic page `tactics/{TACTIC}.html` | {s['tactic_page']:,} |",
                  f"| its assets ({s['tactic_asset_files']} files: CSS, JavaScript) | {s['tactic_assets']:,} |",
                  f"| whole site | {s['site_total']:,} |"]
        for where, index in s["search_indexes"].items():
            lines.append(f"| search index `{where}/search/search_index.json` ({index['documents']} sections) | "
                         f"{index['bytes']:,} |")
            for lang, size in index["by_language"].items():
                lines.append(f"| of which {lang} | {size:,} |")
    for name, error in out.get("errors", {}).items():
        lines += ["", f"Not measured ({name}): `{error.splitlines()[-1] if error else 'failed'}`"]
    m = out["machine"]
    lines += ["", f"Measured {m['date']} at {m['commit']}: {out['runs']} runs a figure, {m['cpus']} CPUs "
                  f"({m['cpu'] or 'unknown CPU'}), {m['memory']}, Python {m['python']}, load average at the start "
                  f"{m['load_average'][0]:.2f}."]
    if "speed_check" in out:
        check = out["speed_check"]
        lines += ["", f"Speed check (a fixed 10-million-step Python loop; lower is a faster machine): "
                      f"{number(check.get('start'))} s at the start, {number(check.get('end'))} s at the end."]
    return "\n".join(lines) + "\n"


def rewrite_docs(text_table: str) -> None:
    for page in DOCS_PAGES:
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        if START not in text or END not in text:
            continue
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        page.write_text(f"{head}{START}\n\n{text_table}\n{END}{tail}", encoding="utf-8")


def attempt(name: str, out: dict[str, Any], measure: Callable[[], None]) -> None:
    """Run one group of measures; a failure (say, a build broken by a change in progress) is recorded in the
    results and the other groups still run."""
    try:
        measure()
    except (Exception, SystemExit) as error:  # every failure is reported, none is fatal
        message = str(error).strip().splitlines()
        out.setdefault("errors", {})[name] = "\n".join([*message[:3], "...", *message[-3:]])
        log(f"{name}: failed: {message[-1] if message else error!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the site build, its growth, and its targets.")
    parser.add_argument("--quick", action="store_true", help="one run a figure and no 100x catalogue")
    parser.add_argument("--runs", type=int, help="runs a figure (default 5; 1 with --quick)")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json and results.md go")
    parser.add_argument("--no-docs", action="store_true", help="leave the docs page as it is")
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    scales = (1, 10) if args.quick else (1, 10, 100)
    out: dict[str, Any] = {"runs": runs, "quick": args.quick, "machine": machine()}
    out["speed_check"] = {"start": speed_check()}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temp:
        work = Path(temp)
        attempt("cold", out, lambda: measure_cold(work, runs, out))
        attempt("generator", out, lambda: measure_generator_share(work, runs, out))
        attempt("builds", out, lambda: measure_builds(work, runs, out))
        attempt("scale", out, lambda: measure_scale(work, runs, scales, out))
    out["harness_seconds"] = time.perf_counter() - start
    out["speed_check"]["end"] = speed_check()
    out["targets"] = verdicts(out)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    text_table = table(out)
    (args.out / "results.md").write_text("# Benchmark results\n\n" + text_table, encoding="utf-8")
    if not args.no_docs:
        rewrite_docs(text_table)
    print(text_table)
    log(f"done in {out['harness_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
