"""`casebook export`: the catalogue, or part of it, to an Excel workbook.

Kept free of heavy imports at module level: the parser is built on every
start, including the window's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store import Catalogue


def cmd_export(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.atomic_file import OutputFileError
    from app.case_filter import CaseFilter
    from app.cli import CommandError
    from app.tag_names import TagNameError, normalise_tag_name
    from app.xlsx.export import export_workbook

    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise CommandError(f"{target.name}: the file name must end in .xlsx.")
    try:
        tag_keys = frozenset(normalise_tag_name(t)[1] for t in args.tag)
    except TagNameError as exc:
        raise CommandError(str(exc)) from exc
    flt = CaseFilter(text=args.query or "", tags=tag_keys)
    with catalogue.sessions() as session:
        try:
            summary = export_workbook(session, target, flt)
        except OutputFileError as exc:
            raise CommandError(str(exc)) from exc
    counts = ", ".join(f"{n} {sheet.lower()}" for sheet, n in summary.counts.items())
    print(f"Exported {summary.scope} to {target}: {counts}.")
    if summary.removed_characters:
        print(
            f"Removed {summary.removed_characters} characters Excel cannot hold "
            "(counted in the About sheet).",
            file=sys.stderr,
        )
    return 0


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export",
        help="write case studies to an Excel workbook",
        description="Write the catalogue, or the cases matching --tag/--query, to FILE.xlsx. "
        "An existing file is replaced only when the new one is complete.",
    )
    export.add_argument("file", metavar="FILE.xlsx")
    export.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only cases with TAG (repeatable)"
    )
    export.add_argument("--query", metavar="TEXT", help="only cases matching TEXT")
    export.set_defaults(handler=cmd_export)
