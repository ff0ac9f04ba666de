"""The ``playbook`` command.

User mistakes end with a clear message on stderr and a non-zero exit code, never a traceback.
Heavy libraries (WeasyPrint, python-docx) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.errors import PlaybookError, UserError
from generator.models import LANGUAGES

if TYPE_CHECKING:
    from generator.catalog import Catalog

DEFAULT_PLAYBOOKS = Path("playbooks")

Handler = Callable[[argparse.Namespace], int]


def _validate(args: argparse.Namespace) -> int:
    from generator.catalog import load_catalog
    from generator.translations import missing_translations, summary

    catalog = load_catalog(args.path)
    print(f"{args.path}: ok: {len(catalog.tactics)} tactics, {len(catalog.clauses)} clauses, "
          f"{len(catalog.situations)} situations, {len(catalog.signals)} signals")
    missing = missing_translations(catalog)
    if not missing:
        return 0
    if not args.quiet:
        for item in missing:
            print(item.problem, file=sys.stderr)
    print(summary(missing), file=sys.stderr)
    return 1 if args.require_translations else 0


def _schema(args: argparse.Namespace) -> int:
    from generator import schema

    if args.write:
        for path in schema.write_all(args.write):
            print(path)
        return 0
    sys.stdout.write(schema.dumps(schema.combined_schema() if args.kind == "all" else schema.schema_for(args.kind)))
    return 0


def _catalog(args: argparse.Namespace) -> Catalog:
    from generator.catalog import load_catalog

    return load_catalog(args.playbooks)


def _advise(args: argparse.Namespace) -> int:
    from generator.checklists import build_checklist, check_signals
    from generator.matching import rank_tactics
    from generator.outputs.markdown import advise_markdown

    catalog = _catalog(args)
    if args.situation:
        situation = catalog.situation(args.situation)
        observed = list(situation.signals)
        subject, title_key, situation_id = situation.title.get(args.lang), "checklist_title", situation.id
    else:
        observed = check_signals(catalog, args.signal)
        subject = ", ".join(catalog.signal(s).label.get(args.lang) for s in observed)
        title_key, situation_id = "checklist_title_signals", None
    matches = rank_tactics(catalog.tactics, observed)
    checklist = build_checklist(catalog, matches, args.lang, subject=subject, situation=situation_id,
                                signals=observed, title_key=title_key)
    phases: dict[str, str] = {phase.id: phase.label.get(args.lang) for phase in catalog.info.phases}
    _emit_text(advise_markdown(matches, checklist, phases), None)
    return 0


def _checklist(args: argparse.Namespace) -> int:
    from generator.checklists import checklist_for_signals, checklist_for_situation

    catalog = _catalog(args)
    if args.paper and args.format != "pdf":
        raise UserError("--paper applies only to --format pdf")
    checklist = (checklist_for_situation(catalog, args.situation, args.lang) if args.situation
                 else checklist_for_signals(catalog, args.signal, args.lang))
    if args.format == "pdf":
        from generator.outputs.pdf import checklist_pdf

        _emit_binary(checklist_pdf(checklist, args.paper or "a4"), args.output, "PDF")
    elif args.format == "html":
        from generator.outputs.html import checklist_html

        _emit_text(checklist_html(checklist), args.output)
    else:
        from generator.outputs.markdown import checklist_markdown

        _emit_text(checklist_markdown(checklist), args.output)
    return 0


Writer = tuple[str, str, str | None]
"""How a format is written: the output module, its function of the view, and what the bytes are (None: text)."""

CLAUSE_WRITERS: dict[str, Writer] = {
    "md": ("generator.outputs.markdown", "clause_markdown", None),
    "txt": ("generator.outputs.text", "clause_text", None),
    "docx": ("generator.outputs.docx", "clause_docx", "Word"),
}
LETTER_WRITERS: dict[str, Writer] = {
    "md": ("generator.outputs.markdown", "letter_markdown", None),
    "txt": ("generator.outputs.text", "letter_text", None),
    "docx": ("generator.outputs.docx", "letter_docx", "Word"),
}
PLAN_WRITERS: dict[str, Writer] = {
    "md": ("generator.outputs.markdown", "plan_markdown", None),
    "ics": ("generator.outputs.ics", "plan_ics", None),
    "pdf": ("generator.outputs.pdf", "plan_pdf", "PDF"),
}


def _write(view: object, writer: Writer, output: Path | None) -> int:
    """Render ``view`` with ``writer`` (its module imported only now) and emit the result."""
    import importlib

    module, function, binary = writer
    made: str | bytes = getattr(importlib.import_module(module), function)(view)
    if binary is not None:
        assert isinstance(made, bytes)
        _emit_binary(made, output, binary)
    else:
        _emit_text(made.decode("utf-8") if isinstance(made, bytes) else made, output)
    return 0


def _clause(args: argparse.Namespace) -> int:
    from generator.clauses import build_clause

    view = build_clause(_catalog(args), args.id, args.var, args.alternative, args.lang)
    return _write(view, CLAUSE_WRITERS[args.format], args.output)


def _plan(args: argparse.Namespace) -> int:
    from generator.plan import build_plan

    view = build_plan(_catalog(args), customer=args.customer, amount=args.amount, currency=args.currency,
                      due=args.due, signals=args.signal, language=args.lang)
    return _write(view, PLAN_WRITERS[args.format], args.output)


def _letter(args: argparse.Namespace) -> int:
    from generator.letters import build_letter

    view = build_letter(_catalog(args), args.id, args.var, args.lang)
    return _write(view, LETTER_WRITERS[args.format], args.output)


def _list(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    lang: str = args.lang
    rows: list[tuple[str, str]]
    if args.kind == "tactics":
        rows = [(t.id, f"{t.number}. {t.title.get(lang)}" if t.number else t.title.get(lang))
                for t in catalog.tactics.values()]
    elif args.kind == "signals":
        rows = [(s.id, s.label.get(lang)) for s in catalog.signals.values()]
    elif args.kind == "situations":
        rows = [(s.id, s.title.get(lang)) for s in catalog.situations.values()]
    elif args.kind == "letters":
        rows = [(letter.id, letter.title.get(lang)) for letter in catalog.letters.values()]
    else:
        rows = [(c.id, c.title.get(lang)) for c in catalog.clauses.values()]
    width = max((len(row[0]) for row in rows), default=0)
    _emit_text("".join(f"{entry_id.ljust(width)}  {title}\n" for entry_id, title in rows), None)
    return 0


def _emit_text(text: str, output: Path | None) -> None:
    from generator.atomic import emit

    emit(text.encode("utf-8"), output, binary=False, what="text")


def _emit_binary(data: bytes, output: Path | None, what: str) -> None:
    from generator.atomic import emit

    emit(data, output, binary=True, what=what)


def _common(parser: argparse.ArgumentParser, *, output: bool) -> None:
    parser.add_argument("--lang", default="en", choices=LANGUAGES,
                        help="language of the output (default: en)")
    parser.add_argument("--playbooks", type=Path, default=DEFAULT_PLAYBOOKS, metavar="DIR",
                        help="the playbooks folder (default: ./playbooks)")
    if output:
        parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                            help="write to FILE (atomically) instead of standard output")


def _observed(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--situation", metavar="ID", help="a named situation ('playbook list situations')")
    group.add_argument("--signal", action="append", metavar="ID",
                       help="an observed signal; repeat for several ('playbook list signals')")


def _fillable(commands: Any, kind: str, summary: str, writers: dict[str, Writer]) -> argparse.ArgumentParser:
    """A command that fills the typed variables of a clause or a letter: its id, ``--var`` and ``--format``."""
    parser: argparse.ArgumentParser = commands.add_parser(kind, help=summary)
    parser.add_argument("id", help=f"the {kind} id ('playbook list {kind}s')")
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                        help="fill a variable, e.g. --var amount='12000 EUR'; repeat for several")
    parser.add_argument("--format", default="md", choices=list(writers), help="output format (default: md)")
    _common(parser, output=True)
    return parser


def _add_generators(commands: Any) -> None:
    advise = commands.add_parser("advise", help="rank the tactics for what you observe, then the checklist")
    _observed(advise)
    _common(advise, output=False)
    advise.set_defaults(handler=_advise)

    checklist = commands.add_parser("checklist", help="the merged checklist for a situation or signals")
    _observed(checklist)
    checklist.add_argument("--format", default="md", choices=["md", "html", "pdf"],
                           help="output format (default: md)")
    checklist.add_argument("--paper", choices=["a4", "letter"], help="PDF paper size (default: a4)")
    _common(checklist, output=True)
    checklist.set_defaults(handler=_checklist)

    clause = _fillable(commands, "clause", "a contract clause with its variables filled in", CLAUSE_WRITERS)
    clause.add_argument("--alternative", default="balanced", metavar="NAME",
                        help="which wording to use (default: balanced)")
    clause.set_defaults(handler=_clause)

    plan = commands.add_parser("plan", help="the dated collection plan for one invoice (Markdown, PDF or calendar)")
    plan.add_argument("--customer", required=True, metavar="NAME", help="the customer, as on the invoice")
    plan.add_argument("--amount", required=True, metavar="AMOUNT", help="the invoice amount, e.g. 12000 or 12000.50")
    plan.add_argument("--currency", required=True, metavar="CODE", help="ISO 4217 currency code, e.g. EUR, HUF")
    plan.add_argument("--due", required=True, metavar="YYYY-MM-DD", help="the due date (today or later)")
    plan.add_argument("--signal", action="append", default=[], metavar="ID",
                      help="an observed signal that adds steps, e.g. partial-payment; repeat for several")
    plan.add_argument("--format", default="md", choices=list(PLAN_WRITERS),
                      help="output format (default: md; ics imports into a calendar app)")
    _common(plan, output=True)
    plan.set_defaults(handler=_plan)

    letter = _fillable(commands, "letter", "a letter to the customer with its variables filled in", LETTER_WRITERS)
    letter.set_defaults(handler=_letter)

    listing = commands.add_parser("list", help="list the ids of tactics, signals, situations, clauses or letters")
    listing.add_argument("kind", choices=["tactics", "signals", "situations", "clauses", "letters"])
    _common(listing, output=False)
    listing.set_defaults(handler=_list)


def build_parser() -> argparse.ArgumentParser:
    from generator.schema import SCHEMA_KINDS

    parser = argparse.ArgumentParser(
        prog="playbook", description="Check playbook entries and generate checklists and clause templates.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every playbook file and report every problem")
    validate.add_argument("path", nargs="?", type=Path, default=DEFAULT_PLAYBOOKS,
                          help="the playbooks folder (default: ./playbooks)")
    validate.add_argument("--require-translations", action="store_true",
                          help="fail (exit 1) when any text lacks its Traditional Chinese or Hungarian translation")
    validate.add_argument("-q", "--quiet", action="store_true",
                          help="list missing translations as one summary line instead of one line each")
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of playbook files, for editors")
    schema.add_argument("kind", nargs="?", default="all", choices=["all", *SCHEMA_KINDS],
                        help="which kind of file (default: all kinds in one schema)")
    schema.add_argument("--write", type=Path, metavar="DIR",
                        help="write one <kind>.schema.json per kind into DIR instead of printing")
    schema.set_defaults(handler=_schema)
    _add_generators(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except PlaybookError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except UserError as error:
        print(f"playbook: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("playbook: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
