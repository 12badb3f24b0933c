"""`casebook export` and `casebook import`: the catalogue to an Excel workbook and back.

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
    from app.service import CatalogueService
    from app.store import Catalogue
    from app.xlsx.plan import ImportPlan


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
        f"{n} {sheet.lower().replace('_', ' ')}" for sheet, n in summary.counts.items()
    )
    print(f"Exported {summary.scope} to {target} ({fmt.name}): {counts}.")
    if summary.removed_characters:
        print(
            f"Removed {summary.removed_characters} characters Excel cannot hold "
            "(counted in the About sheet).",
            file=sys.stderr,
        )
    return 0


# `casebook import` exits with this when the workbook had rows it rejected, whether
# or not the rest was applied: a script must not take a partial import for a whole one.
EXIT_REJECTED = 3
APPLY_QUESTION = "Apply these changes? [y/N] "


def cmd_import(catalogue: Catalogue, args: argparse.Namespace) -> int:
    """Preview FILE, then apply it after a yes on the terminal, or with --yes.

    Exit status: 0 done (or nothing to do, or declined); 1 nothing imported (the
    file cannot be read, or no terminal to ask and no --yes); 3 rows were rejected.
    With --json, stdout holds the JSON alone (with "applied"); the words go to stderr.
    """
    from app.cli import CommandError
    from app.service import CatalogueService
    from app.xlsx.importer import WorkbookError, preview_import

    path = Path(args.file)
    # Through the service, as the window applies it: the journal, the editor's
    # checks, and notes signed with the user's name.
    service = CatalogueService(catalogue)
    try:
        plan = service.read(preview_import, path)
    except WorkbookError as exc:
        raise CommandError(f"{exc} Nothing was imported.") from exc
    return apply_after_preview(service, plan, args, "import")


def apply_after_preview(
    service: CatalogueService, plan: ImportPlan, args: argparse.Namespace, what: str
) -> int:
    """Show the plan, then apply it after a yes on the terminal, or with --yes.

    Shared by `import` and `merge` (`what`); see cmd_import for the exit status.
    """
    from app.cli import EXIT_OK, CommandError
    from app.xlsx.importer import describe_plan

    done = {"import": "imported", "merge": "merged"}[what]
    words = sys.stderr if args.json else sys.stdout
    asking = plan.has_changes and not (args.yes or args.dry_run) and sys.stdin.isatty()
    if not args.json or asking:
        lines = describe_plan(plan)
        lines[0] = lines[0].replace("Import preview", f"{what.capitalize()} preview")
        print("\n".join(lines), file=words)
    refusal = ""
    applied = False
    # Nothing to change, but rows a colleague holds as this catalogue does: noted
    # without asking (no row changes), for later three-way comparisons, as merge does.
    quietly = not plan.has_changes and bool(plan.agreements) and not args.dry_run
    if quietly:
        _apply(service, plan, done)
        print(f"Nothing to change; noted that {len(plan.agreements)} rows match.", file=words)
    elif args.dry_run or not plan.has_changes:
        print("Nothing was written." if args.dry_run else "Nothing to change.", file=words)
    elif args.yes or (asking and _confirmed(words)):
        _apply(service, plan, done)
        applied = True
    elif asking:
        print(f"Nothing was {done}.", file=words)
    else:
        refusal = (
            f"nothing was {done}: there is no terminal to ask whether to apply these "
            "changes; pass --yes to apply them (or --dry-run to only see them)."
        )
    if args.json:
        _print_import_json(plan, applied)
    if refusal:
        raise CommandError(refusal)
    if applied:
        print(
            f"{done.capitalize()}: {len(plan.added)} added, {len(plan.changed)} changed.",
            file=words,
        )
    if plan.rejected:
        print(
            f"{len(plan.rejected)} rejected row(s) were not {done} (see the preview); "
            f"exit status {EXIT_REJECTED}.",
            file=sys.stderr,
        )
        return EXIT_REJECTED
    return EXIT_OK


def _apply(service: CatalogueService, plan: ImportPlan, done: str) -> None:
    """Apply the plan in one transaction; a refusal is one line, with nothing written."""
    from app.cli import CommandError
    from app.service import WriteFailedError
    from app.xlsx.apply import ImportRefusedError, apply_import

    try:
        service.write(apply_import, plan)
    except ImportRefusedError as exc:
        raise CommandError(f"{exc} Nothing was {done}.") from exc
    except WriteFailedError as exc:
        raise CommandError(str(exc)) from exc


def _confirmed(words: Any) -> bool:
    """Ask on the terminal; only "y" or "yes" applies (end of input or Ctrl+C is a no)."""
    print(APPLY_QUESTION, end="", file=words, flush=True)
    try:
        answer = input()
    except (EOFError, KeyboardInterrupt):
        print(file=words)
        return False
    return answer.strip().lower() in ("y", "yes")


def _print_import_json(plan: Any, applied: bool) -> None:
    from app.xlsx.importer import plan_to_json

    data = plan_to_json(plan)
    data["applied"] = applied
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


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
        "would be added, changed and rejected, and after a yes apply it in one transaction. "
        "An import never deletes. Exit status: 0 done, 1 nothing imported (an unreadable "
        "file, or no terminal to ask and no --yes), 3 some rows were rejected.",
    )
    importing.add_argument("file", metavar="FILE.xlsx")
    when = importing.add_mutually_exclusive_group()
    when.add_argument(
        "--yes", action="store_true", help="apply the changes without asking (for scripts)"
    )
    when.add_argument(
        "--dry-run", action="store_true", help="show the changes without writing anything"
    )
    importing.add_argument(
        "--json",
        action="store_true",
        help="print the whole preview as JSON, with whether it was applied (the terminal "
        "shows the first 20 rows of each kind)",
    )
    importing.set_defaults(handler=cmd_import)
