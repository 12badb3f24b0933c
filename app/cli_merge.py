"""`casebook merge OTHER.sqlite3`: bring in a colleague's catalogue, previewed like an import.

Kept free of heavy imports at module level: the parser is built on every start.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store import Catalogue


def cmd_merge(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.cli import CommandError
    from app.cli_exchange import apply_after_preview
    from app.merge import MergeError, preview_merge
    from app.service import CatalogueService

    service = CatalogueService(catalogue)
    try:
        plan = service.read(preview_merge, Path(args.file), catalogue.path)
    except MergeError as exc:
        raise CommandError(f"{exc} Nothing was merged.") from exc
    for _, conflict in plan.conflicts:
        conflict.take_theirs = args.theirs
    return apply_after_preview(service, plan, args, "merge")


def register(commands: Any) -> None:
    merging = commands.add_parser(
        "merge",
        help="bring in a colleague's catalogue",
        description="Compare the catalogue OTHER.sqlite3 with this one and show what would be "
        "added and changed, and where both changed the same field since they last matched "
        "(a conflict: yours is kept unless --theirs). Applies after asking, or with --yes. "
        "Never deletes, never writes to OTHER. Exit status: 0 done, 1 nothing merged (an "
        "unreadable file, or no terminal to ask and no --yes), 3 some rows were rejected.",
    )
    merging.add_argument("file", metavar="OTHER.sqlite3")
    when = merging.add_mutually_exclusive_group()
    when.add_argument("--yes", action="store_true", help="apply without asking (for scripts)")
    when.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    merging.add_argument(
        "--theirs", action="store_true", help="in each conflict take theirs (default: keep yours)"
    )
    merging.add_argument("--json", action="store_true", help="print the whole preview as JSON")
    merging.set_defaults(handler=cmd_merge)
