"""`casebook team init URL` and `casebook copy SOURCE TARGET`: team catalogues on a server.

Both open their catalogues themselves (`own_handler`): `team init` takes the
server's address as its argument, `copy` two catalogues, each a file or an
address.
"""

from __future__ import annotations

import argparse
from typing import Any


def _open(location: str, *, create: bool) -> Any:
    """The catalogue at a file path or server address, opened for writing."""
    from app.cli import CommandError
    from app.paths import is_server_address
    from app.store import open_catalogue
    from app.typed_path import typed_path

    if is_server_address(location):
        return open_catalogue(location)
    path = typed_path(location)
    if not create and not path.exists():
        raise CommandError(f"There is no catalogue at {path}.")
    return open_catalogue(path)


def cmd_team_init(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from app.cli import CommandError
    from app.paths import is_server_address
    from app.store import open_server_catalogue
    from models import CaseStudy
    from models.migrations import LATEST_VERSION

    if not is_server_address(args.url):
        raise CommandError(
            f"{args.url} is not a server address; give postgresql+psycopg://USER@HOST:PORT/DBNAME."
        )
    catalogue = open_server_catalogue(args.url)
    try:
        with catalogue.sessions() as session:
            cases = session.scalar(select(func.count()).select_from(CaseStudy)) or 0
        added = catalogue.seed_report.added.get("case", 0)
        made = "Created" if added else "Checked"
        print(
            f"{made} the team catalogue at {catalogue.location}: schema {LATEST_VERSION}, "
            f"{cases} case studies ({added} built-in ones added)."
        )
    finally:
        catalogue.close()
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from app.cli import CommandError
    from app.transfer import copy_catalogue

    if args.source == args.target:
        raise CommandError("SOURCE and TARGET are the same catalogue; nothing was copied.")
    source = _open(args.source, create=False)
    try:
        target = _open(args.target, create=True)
        try:
            report = copy_catalogue(source, target)
        finally:
            target.close()
    finally:
        source.close()
    added, updated = sum(report.added.values()), sum(report.updated.values())
    alike = sum(report.alike.values())
    if not report.changed:
        print(f"Nothing to copy: {target.location} already holds all {alike} rows alike.")
        return 0
    shown = ", ".join(f"{n} {t}" for t, n in sorted(report.added.items()))
    print(
        f"Copied {args.source} to {target.location}: {added} rows added ({shown}), "
        f"{updated} updated, {alike} already alike."
    )
    return 0


def register(commands: Any) -> None:
    team = commands.add_parser("team", help="set up a team catalogue on a PostgreSQL server")
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="create the catalogue's tables in an empty database and seed it"
    )
    init.add_argument("url", metavar="URL", help="postgresql+psycopg://USER@HOST:PORT/DBNAME")
    init.set_defaults(own_handler=cmd_team_init)

    copy = commands.add_parser(
        "copy",
        help="copy a catalogue's rows into another (file or server), every identity kept; "
        "running it again changes nothing",
    )
    copy.add_argument("source", metavar="SOURCE", help="a catalogue file or server address")
    copy.add_argument("target", metavar="TARGET", help="a catalogue file or server address")
    copy.set_defaults(own_handler=cmd_copy)
