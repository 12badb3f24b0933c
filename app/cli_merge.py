"""`casebook merge OTHER.sqlite3`: bring in a colleague's catalogue, previewed like an import.

Kept free of heavy imports at module level: the parser is built on every start.
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
    from app.xlsx.plan import ImportPlan

EXIT_REJECTED = 3  # applied (or previewed) with some rows left out


def confirmed(plan: ImportPlan, args: argparse.Namespace, words: Any) -> bool:
    """Whether to apply: --yes, or a "y" typed at a terminal; never with --dry-run."""
    if args.dry_run or not plan.has_changes:
        print("Nothing was written." if args.dry_run else "Nothing to change.", file=words)
        return False
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print("Nothing was written: pass --yes to apply without a terminal.", file=words)
        return False
    print("Apply these changes? [y/N] ", end="", file=words, flush=True)
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes"):
        print("Nothing was written.", file=words)
        return False
    return True


def cmd_merge(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.cli import CommandError
    from app.merge import MergeError, preview_merge
    from app.service import CatalogueService, WriteFailedError
    from app.xlsx.apply import ImportRefusedError, apply_import
    from app.xlsx.importer import describe_plan, plan_to_json

    words = sys.stderr if args.json else sys.stdout
    service = CatalogueService(catalogue)
    try:
        plan = service.read(preview_merge, Path(args.file), catalogue.path)
    except MergeError as exc:
        raise CommandError(f"{exc} Nothing was merged.") from exc
    for _, conflict in plan.conflicts:
        conflict.take_theirs = args.theirs
    if args.json:
        json.dump(plan_to_json(plan), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print("\n".join(describe_plan(plan)).replace("Import preview", "Merge preview"))
    quietly = not plan.has_changes and bool(plan.agreements) and not args.dry_run
    if quietly or confirmed(plan, args, words):
        try:
            service.write(apply_import, plan)
        except (ImportRefusedError, WriteFailedError) as exc:
            raise CommandError(f"{exc} Nothing was merged.") from exc
        if quietly:
            rows = counted(len(plan.agreements), "rows")
            print(f"Nothing to change; noted that {rows} match.", file=words)
        else:
            print(f"Merged: {len(plan.added)} added, {len(plan.changed)} changed.", file=words)
    return EXIT_REJECTED if plan.rejected else 0


def register(commands: Any) -> None:
    merging = commands.add_parser(
        "merge",
        help="bring in a colleague's catalogue",
        description="Compare the catalogue OTHER.sqlite3 with this one and show what would be "
        "added and changed, and where both changed the same field since they last matched "
        "(a conflict: yours is kept unless --theirs). Applies after asking, or with --yes. "
        "Never deletes, never writes to OTHER. Exit status 3 when rows were rejected.",
    )
    merging.add_argument("file", metavar="OTHER.sqlite3")
    merging.add_argument("--yes", action="store_true", help="apply without asking")
    merging.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    merging.add_argument(
        "--theirs", action="store_true", help="in each conflict take theirs (default: keep yours)"
    )
    merging.add_argument("--json", action="store_true", help="print the whole preview as JSON")
    merging.set_defaults(handler=cmd_merge)
