"""The ``playbook`` command.

User mistakes end with a clear message on stderr and a non-zero exit code, never a traceback.
Heavy libraries (WeasyPrint, python-docx) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import __version__
from generator.errors import PlaybookError, UserError

DEFAULT_PLAYBOOKS = Path("playbooks")

Handler = Callable[[argparse.Namespace], int]


def _validate(args: argparse.Namespace) -> int:
    from generator.catalog import load_catalog

    catalog = load_catalog(args.path)
    print(f"{args.path}: ok: {len(catalog.tactics)} tactics, {len(catalog.clauses)} clauses, "
          f"{len(catalog.situations)} situations, {len(catalog.signals)} signals")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator import schema

    if args.write:
        for path in schema.write_all(args.write):
            print(path)
        return 0
    sys.stdout.write(schema.dumps(schema.combined_schema() if args.kind == "all" else schema.schema_for(args.kind)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from generator.schema import SCHEMA_KINDS

    parser = argparse.ArgumentParser(
        prog="playbook", description="Check playbook entries and generate checklists and clause templates.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every playbook file and report every problem")
    validate.add_argument("path", nargs="?", type=Path, default=DEFAULT_PLAYBOOKS,
                          help="the playbooks folder (default: ./playbooks)")
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of playbook files, for editors")
    schema.add_argument("kind", nargs="?", default="all", choices=["all", *SCHEMA_KINDS],
                        help="which kind of file (default: all kinds in one schema)")
    schema.add_argument("--write", type=Path, metavar="DIR",
                        help="write one <kind>.schema.json per kind into DIR instead of printing")
    schema.set_defaults(handler=_schema)
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
