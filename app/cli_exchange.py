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
