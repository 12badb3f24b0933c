"""`casebook export`: the catalogue, or part of it, to an Excel workbook.

Kept free of heavy imports at module level: the parser is built on every
start, including the window's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.plurals import counted

if TYPE_CHECKING:
    from app.store import Catalogue


def cmd_export(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.atomic_file import OutputFileError
    from app.case_filter import CaseFilter
    from app.cli import EXIT_USAGE, CommandError
    from app.formats.choice import UnknownFormatError, format_of
    from app.formats.export import export
    from app.tag_names import TagNameError, normalise_tag_name

    target = Path(args.file)
    try:
        fmt = format_of(target, args.format)
    except UnknownFormatError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    try:
        tag_keys = frozenset(normalise_tag_name(t)[1] for t in args.tag)
    except TagNameError as exc:
        raise CommandError(str(exc)) from exc
    flt = CaseFilter(text=args.query or "", tags=tag_keys)
    with catalogue.sessions() as session:
        try:
            summary = export(session, target, fmt, flt)
        except OutputFileError as exc:
            raise CommandError(str(exc)) from exc
    counts = ", ".join(
        counted(n, sheet.lower().replace("_", " ")) for sheet, n in summary.counts.items()
    )
    print(f"Exported {summary.scope} to {target} ({fmt.name}): {counts}.")
    if summary.removed_characters:
        print(
            f"Removed {summary.removed_characters} characters Excel cannot hold "
            "(counted in the About sheet).",
            file=sys.stderr,
        )
    return 0


def cmd_import(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import IntegrityError

    from app.cli import CommandError
    from app.xlsx.importer import (
        WorkbookError,
        apply_plan,
        describe_plan,
        plan_to_json,
        preview_import,
    )

    path = Path(args.file)
    # With --json, stdout holds the JSON alone; the words go to stderr.
    words = sys.stderr if args.json else sys.stdout
    with catalogue.sessions.begin() as session:
        try:
            plan = preview_import(session, path)
        except WorkbookError as exc:
            raise CommandError(f"{exc} Nothing was imported.") from exc
        if args.json:
            json.dump(plan_to_json(plan), sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            print("\n".join(describe_plan(plan)))
        if args.dry_run or not plan.has_changes:
            print("Nothing was written." if args.dry_run else "Nothing to change.", file=words)
            return 0
        try:
            apply_plan(session, plan)
            session.flush()
        except IntegrityError as exc:
            # The preview checks what the catalogue requires; this is the last guard.
            raise CommandError(
                f"{path.name} could not be imported: it breaks a rule of the catalogue "
                f"({' '.join(str(exc.orig).split())}). Nothing was imported."
            ) from exc
    print(f"Imported: {len(plan.added)} added, {len(plan.changed)} changed.", file=words)
    return 0


def register(commands: Any) -> None:
    from app.formats.choice import FORMAT_NAMES

    export = commands.add_parser(
        "export",
        help="write case studies to a workbook, data package, citation or annotation file",
        description="Write the catalogue, or the cases matching --tag/--query, to FILE. "
        "The extension chooses the format when --format is absent: .xlsx (Excel workbook), "
        ".zip or no extension (Data Package: CSV tables and datapackage.json, a folder without "
        "extension), .json (sources as CSL-JSON), .ris, .bib (sources as RIS, BibTeX), "
        ".jsonld (highlights as W3C Web Annotations). "
        "An existing file is replaced only when the new one is complete.",
    )
    export.add_argument("file", metavar="FILE")
    export.add_argument(
        "--format", choices=FORMAT_NAMES, help="the format to write, whatever FILE's extension"
    )
    export.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="only cases with TAG (repeatable)"
    )
    export.add_argument("--query", metavar="TEXT", help="only cases matching TEXT")
    export.set_defaults(handler=cmd_export)

    importing = commands.add_parser(
        "import",
        help="bring in a workbook edited by a colleague",
        description="Compare FILE.xlsx (in the export's layout) with the catalogue, show what "
        "would be added, changed and rejected, and apply it in one transaction. "
        "An import never deletes.",
    )
    importing.add_argument("file", metavar="FILE.xlsx")
    importing.add_argument(
        "--dry-run", action="store_true", help="show the changes without writing anything"
    )
    importing.add_argument(
        "--json",
        action="store_true",
        help="print the whole preview as JSON (the terminal shows the first 20 rows of each kind)",
    )
    importing.set_defaults(handler=cmd_import)
