"""The `casebook` command: the GUI by default, and subcommands for scripts.

Every failure the user can cause ends in one line on stderr and a non-zero
exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from app import __version__
from app.paths import DB_ENV_VAR, resolve_db_path

if TYPE_CHECKING:
    from app.store import Catalogue

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

Handler = Callable[["Catalogue", argparse.Namespace], int]


class CommandError(Exception):
    """A failure to report in one line; `status` is the exit code."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.query import CaseFilter, case_ids, case_rows

    with catalogue.sessions() as session:
        ids = case_ids(session, CaseFilter())
        rows = case_rows(session, ids)
    ordered = [rows[i] for i in ids]
    if args.json:
        _print_json([{k: v for k, v in asdict(r).items() if k != "id"} for r in ordered])
        return EXIT_OK
    width = max((len(r.slug) for r in ordered), default=0)
    for row in ordered:
        print(f"{row.slug:<{width}}  {row.title}")
    return EXIT_OK


def cmd_show(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.detail import UnknownCaseError, case_detail
    from app.text_report import case_report

    with catalogue.sessions() as session:
        try:
            detail = case_detail(session, args.slug)
        except UnknownCaseError as exc:
            raise CommandError(str(exc)) from exc
    if args.json:
        _print_json(detail.to_json())
    else:
        print(case_report(detail))
    return EXIT_OK


def cmd_gui(catalogue: Catalogue, args: argparse.Namespace) -> int:
    raise AssertionError("the GUI is started before the catalogue is opened")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="A catalogue of pairing-assistance case studies. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Casebook {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the catalogue file (default: ${DB_ENV_VAR}, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)

    listing = commands.add_parser("list", help="list the case studies")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="everything about one case study")
    show.add_argument("slug", metavar="SLUG")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(handler=cmd_show)

    for register in _extra_commands():
        register(commands)
    return parser


def _extra_commands() -> list[Callable[[Any], None]]:
    """Feature modules' subcommands (each module keeps its heavy imports inside handlers)."""
    from app import cli_annotate, cli_exchange

    return [cli_exchange.register, cli_annotate.register]


def _fail(message: str, status: int) -> int:
    print(f"casebook: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    path = resolve_db_path(args.db)
    if args.command in (None, "gui"):
        from app.gui import run_gui

        return run_gui(path, quit_after_show=getattr(args, "quit_after_show", False))
    # Imported here so that starting the window does not load the database
    # layer before the window is on screen.
    from app.store import CatalogueError, open_catalogue

    try:
        catalogue = open_catalogue(path)
    except CatalogueError as exc:
        return _fail(str(exc), EXIT_ERROR)
    try:
        handler: Handler = args.handler
        return handler(catalogue, args)
    except CommandError as exc:
        return _fail(str(exc), exc.status)
    except CatalogueError as exc:
        return _fail(str(exc), EXIT_ERROR)
    except BrokenPipeError:
        return EXIT_OK
    finally:
        catalogue.close()
