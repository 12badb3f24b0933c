"""`casebook matrix`: the comparison matrix of some cases, as its own Excel workbook.

Kept free of heavy imports at module level: the parser is built on every
start, including the window's.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.plurals import counted

if TYPE_CHECKING:
    from app.matrix import MatrixColumn
    from app.store import Catalogue


def _chosen(choices: list[MatrixColumn], wanted: list[str]) -> list[str]:
    """The keys of the columns named in `wanted`, by key or label (any case)."""
    from app.cli import EXIT_USAGE, CommandError

    by_name: dict[str, str] = {}
    for choice in choices:
        by_name.setdefault(choice.label.casefold(), choice.key)
        by_name.setdefault(choice.key.casefold(), choice.key)
    keys: list[str] = []
    for name in wanted:
        key = by_name.get(name.strip().casefold())
        if key is None:
            raise CommandError(
                f"No column {name!r} for these cases; `casebook matrix --list-columns` lists them.",
                EXIT_USAGE,
            )
        keys.append(key)
    return keys


def cmd_matrix(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.atomic_file import OutputFileError
    from app.case_filter import CaseFilter
    from app.cli import EXIT_USAGE, CommandError
    from app.matrix import column_choices, filtered_matrix
    from app.query import QueryError, case_ids
    from app.xlsx.export import describe_filter
    from app.xlsx.matrix_export import write_matrix_workbook

    flt = CaseFilter(text=args.query or "")
    try:
        with catalogue.sessions() as session:
            choices = column_choices(session, case_ids(session, flt))
            if args.list_columns:
                for choice in choices:
                    counts = choice.kind in ("figure", "tag")
                    count = f"\t{counted(choice.cases, 'cases')}" if counts else ""
                    print(f"{choice.key}\t{choice.label}{count}")
                return 0
            if not args.file:
                raise CommandError("Give the workbook to write, as in: casebook matrix m.xlsx")
            target = Path(args.file)
            if target.suffix.lower() != ".xlsx":
                raise CommandError(f"{target.name}: the file name must end in .xlsx.", EXIT_USAGE)
            keys = _chosen(choices, args.columns) if args.columns else None
            matrix, _choices, total = filtered_matrix(session, flt, keys, limit=None)
    except QueryError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    try:
        write_matrix_workbook(matrix, target, describe_filter(flt))
    except OutputFileError as exc:
        raise CommandError(str(exc)) from exc
    columns = counted(len(matrix.columns), "columns")
    print(f"Wrote the matrix of {counted(total, 'cases')} x {columns} to {target}.")
    return 0


def register(commands: Any) -> None:
    matrix = commands.add_parser(
        "matrix",
        help="write a comparison matrix (cases x chosen columns) to an Excel workbook",
        description="Write one row per case (all, or those matching --query) and the chosen "
        "columns to FILE.xlsx, with a Citations sheet for the figures. Without --columns: "
        "title, donor, recipient, sector, period, the 3 most common figures and notes.",
    )
    matrix.add_argument("file", metavar="FILE.xlsx", nargs="?")
    matrix.add_argument("--query", metavar="TEXT", help="only cases matching TEXT")
    matrix.add_argument(
        "--columns",
        nargs="+",
        metavar="COLUMN",
        help='columns by label or key, e.g. Title Donor "People trained" notes',
    )
    matrix.add_argument(
        "--list-columns", action="store_true", help="list the columns these cases offer"
    )
    matrix.set_defaults(handler=cmd_matrix)
