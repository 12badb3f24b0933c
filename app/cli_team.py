"""`casebook team init|add-member|members` and `casebook copy SOURCE TARGET`: team catalogues.

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


def _require_server_address(url_text: str) -> None:
    from app.cli import CommandError
    from app.paths import is_server_address

    if not is_server_address(url_text):
        raise CommandError(
            f"{url_text} is not a server address; give postgresql+psycopg://USER@HOST:PORT/DBNAME."
        )


def cmd_team_init(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from app.store import open_server_catalogue
    from models import CaseStudy
    from models.migrations import LATEST_VERSION

    _require_server_address(args.url)
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


def _server_connection(url_text: str) -> Any:
    """An engine on the team catalogue's server, for the owner's role commands."""
    from models.server import make_server_engine, server_url

    _require_server_address(url_text)
    url = server_url(url_text)
    return url, make_server_engine(url)


def cmd_team_add_member(args: argparse.Namespace) -> int:
    """Give NAME the role ROLE in the team catalogue (a login created if new)."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli import CommandError
    from models.server import connection_error, shown
    from models.team_roles import RoleError, add_member

    url, engine = _server_connection(args.url)
    try:
        with engine.begin() as conn:
            created = add_member(conn, url.database, args.name, args.role)
    except RoleError as exc:
        raise CommandError(str(exc)) from exc
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc)
        if "permission denied" in detail or "must have" in detail:
            raise CommandError(
                f"Only the owner of {shown(url)}, with a login allowed to create roles "
                "(createuser --createrole), or a PostgreSQL superuser can add members; "
                "nothing was changed."
            ) from exc
        raise connection_error(url, exc) from exc
    finally:
        engine.dispose()
    new = " (a new login: the server's administrator sets its password)" if created else ""
    print(f"{args.name} is now {_article(args.role)} {args.role} of {shown(url)}{new}.")
    return 0


def _article(role: str) -> str:
    return "an" if role[0] in "aeiou" else "a"


def cmd_team_members(args: argparse.Namespace) -> int:
    """List the team catalogue's members and their roles."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.server import connection_error
    from models.team_roles import members

    url, engine = _server_connection(args.url)
    try:
        with engine.connect() as conn:
            found = members(conn, url.database)
    except SQLAlchemyError as exc:
        raise connection_error(url, exc) from exc
    finally:
        engine.dispose()
    for name, role in found:
        print(f"{name}\t{role}")
    if not found:
        print("No members yet: add one with `casebook team add-member URL NAME --role ROLE`.")
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
    add = actions.add_parser(
        "add-member",
        help="let NAME use the team catalogue as a reader (browse, search, export), an editor "
        "(also annotate and edit) or an admin (also tags and places); run by the owner",
    )
    add.add_argument("url", metavar="URL", help="postgresql+psycopg://OWNER@HOST:PORT/DBNAME")
    add.add_argument("name", metavar="NAME", help="the member's login name on the server")
    add.add_argument("--role", choices=("reader", "editor", "admin"), required=True)
    add.set_defaults(own_handler=cmd_team_add_member)
    listed = actions.add_parser("members", help="list the members and their roles")
    listed.add_argument("url", metavar="URL", help="postgresql+psycopg://USER@HOST:PORT/DBNAME")
    listed.set_defaults(own_handler=cmd_team_members)

    copy = commands.add_parser(
        "copy",
        help="copy a catalogue's rows into another (file or server), every identity kept; "
        "running it again changes nothing",
    )
    copy.add_argument("source", metavar="SOURCE", help="a catalogue file or server address")
    copy.add_argument("target", metavar="TARGET", help="a catalogue file or server address")
    copy.set_defaults(own_handler=cmd_copy)
