"""The `casebook` command: the GUI by default, and subcommands for scripts.

Every failure the user can cause ends in one line on stderr and a non-zero
exit status, never a traceback: `main` turns known errors (CommandError,
CatalogueError, database and file-system errors, see app/db_errors) into
their line, and anything else into "unexpected error" with the log file's
location. `--debug` prints the traceback instead.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from app import __version__
from app.paths import DB_ENV_VAR, resolve_db_location

if TYPE_CHECKING:
    from pathlib import Path

    from app.store import Catalogue

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

Handler = Callable[["Catalogue", argparse.Namespace], int]
# For subcommands registered with `set_defaults(path_handler=...)`: they get the
# catalogue's path, not an opened catalogue (backups, restore and check must
# work on a file that cannot be opened).
PathHandler = Callable[["Path", argparse.Namespace], int]
# For subcommands registered with `set_defaults(own_handler=...)`: they open the
# catalogues they name themselves (`team init URL`, `copy SOURCE TARGET`).
OwnHandler = Callable[[argparse.Namespace], int]

log = logging.getLogger("casebook.cli")


class CommandError(Exception):
    """A failure to report in one line; `status` is the exit code."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_list(catalogue: Catalogue, args: argparse.Namespace) -> int:
    from app.query import CaseFilter, QueryError, case_ids, case_rows

    try:
        with catalogue.sessions() as session:
            ids = case_ids(session, CaseFilter(text=args.query or ""))
            rows = case_rows(session, ids)
    except QueryError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
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
    parser.add_argument("--debug", action="store_true", help="print the full traceback of an error")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=f"the catalogue file, or a team catalogue's address "
        f"postgresql+psycopg://USER@HOST:PORT/DBNAME (default: ${DB_ENV_VAR}, else the user "
        "data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=cmd_gui)

    listing = commands.add_parser("list", help="list the case studies")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument(
        "--query", metavar="QUERY", help="only the case studies QUERY finds (as `search`)"
    )
    listing.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="everything about one case study")
    show.add_argument("slug", metavar="SLUG")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(handler=cmd_show)

    for register in _extra_commands():
        register(commands)
    for subparser in commands.choices.values():
        # Accepted after the subcommand too; SUPPRESS keeps an absent one from
        # overriding a --debug or --db given before it.
        subparser.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        subparser.add_argument(
            "--db", metavar="PATH|URL", default=argparse.SUPPRESS, help="the catalogue"
        )
    return parser


def _extra_commands() -> list[Callable[[Any], None]]:
    """Feature modules' subcommands (each module keeps its heavy imports inside handlers)."""
    from app import (
        cli_annotate,
        cli_exchange,
        cli_maintenance,
        cli_matrix,
        cli_merge,
        cli_pairings,
        cli_search,
        cli_team,
        cli_vocab,
    )

    return [
        cli_exchange.register,
        cli_annotate.register,
        cli_maintenance.register,
        cli_search.register,
        cli_matrix.register,
        cli_pairings.register,
        cli_merge.register,
        cli_vocab.register,
        cli_team.register,
    ]


def _fail(message: str, status: int) -> int:
    print(f"casebook: {message}", file=sys.stderr)
    return status


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "no details"


def _known_message(exc: BaseException, path: Path | str | None) -> str | None:
    """The one line for an error a user can cause or fix, or None for a bug."""
    from app.db_errors import user_message
    from models.engine import CatalogueError

    if isinstance(exc, CatalogueError):
        return _one_line(str(exc))
    said = user_message(exc, path if not isinstance(path, str) else None)
    if said is not None:
        return said
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return _one_line(f"{exc.strerror}{where}.")
    return None


def _report(exc: BaseException, debug: bool, path: Path | str | None) -> int:
    """Print `exc` for the user (one line, or the traceback with --debug); the exit status."""
    from app.logs import log_location

    known = _known_message(exc, path)
    log.error("%s", known or "unexpected error", exc_info=exc)
    if debug:
        return _debug(exc, EXIT_ERROR)
    if known is not None:
        return _fail(known, EXIT_ERROR)
    return _fail(
        f"unexpected error: {_one_line(f'{type(exc).__name__}: {exc}')}; "
        f"details in {log_location()}",
        EXIT_ERROR,
    )


def _debug(exc: BaseException, status: int) -> int:
    traceback.print_exception(exc, file=sys.stderr)
    return status


def _open_asking_password(path: Path | str) -> Catalogue:
    """Open the catalogue; if a team catalogue's server asks a password ~/.pgpass does not
    hold, ask it on the terminal (as psql does), never echoed; without a terminal, the
    one-line error stands."""
    import getpass

    from app.store import PasswordNeededError, open_catalogue

    # Imported here so that starting the window does not load the database
    # layer before the window is on screen.
    try:
        return open_catalogue(path)
    except PasswordNeededError as exc:
        if not sys.stdin.isatty():
            raise
        print(f"casebook: {exc}", file=sys.stderr)
        password = getpass.getpass(f"Password for {path}: ")
        return open_catalogue(path, password=password)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.logs import setup_logging

    setup_logging(args.command)
    debug = bool(getattr(args, "debug", False))
    try:
        return _run(args)
    except CommandError as exc:
        if debug:
            return _debug(exc, exc.status)
        return _fail(str(exc), exc.status)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail("interrupted.", 130)
    except Exception as exc:
        return _report(exc, debug, resolve_db_location(args.db))


def _run(args: argparse.Namespace) -> int:
    path = resolve_db_location(args.db)
    if args.command in (None, "gui"):
        from app.gui import run_gui

        return run_gui(path, quit_after_show=getattr(args, "quit_after_show", False))
    from app.service import CatalogueService

    before = CatalogueService.default_step_text
    CatalogueService.default_step_text = f"casebook {args.command}"  # the change log's text
    try:
        return _run_command(args, path)
    finally:
        CatalogueService.default_step_text = before  # main() may run again in this process


def _run_command(args: argparse.Namespace, path: Path | str) -> int:
    own: OwnHandler | None = getattr(args, "own_handler", None)
    if own is not None:
        return own(args)
    path_handler: PathHandler | None = getattr(args, "path_handler", None)
    if path_handler is not None:
        if isinstance(path, str):
            raise CommandError(
                f"`casebook {args.command}` works on a catalogue file; {path} is a team "
                "catalogue, kept safe on its server (back it up with pg_dump, see the README)."
            )
        return path_handler(path, args)
    # Imported here so that starting the window does not load the database
    # layer before the window is on screen.
    catalogue = _open_asking_password(path)
    logging.getLogger("casebook").info("catalogue %s", path)
    try:
        handler: Handler = args.handler
        status = handler(catalogue, args)
        if catalogue.damaged and catalogue.read_only_reason:
            # After the output, and only when it worked: a refused write says it itself.
            print(f"casebook: warning: {catalogue.read_only_reason}", file=sys.stderr)
        return status
    except Exception as exc:
        from app.service import failure_message

        said = failure_message(catalogue, exc)
        if said is None:
            raise
        log.info("refused: %s", said, exc_info=exc)
        raise CommandError(said) from exc
    finally:
        catalogue.close()
