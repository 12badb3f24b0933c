"""Where the catalogue lives: --db, then $CASEBOOK_DB, then the user data directory.

Either names a file, or a team catalogue's server address
(`postgresql+psycopg://user@host:port/dbname`), which stays a string.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from app.typed_path import typed_path

APP_NAME = "Casebook"
DB_FILENAME = "casebook.sqlite3"
DB_ENV_VAR = "CASEBOOK_DB"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(cli_value: str | None = None) -> Path:
    """The catalogue file to use, from the command line, the environment or the default."""
    chosen = cli_value or os.environ.get(DB_ENV_VAR) or ""
    if chosen:
        return typed_path(chosen)
    return default_db_path()


# The addresses of a team catalogue's server; anything else names a file.
SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_server_address(location: str) -> bool:
    """Whether a --db value names a database server rather than a file.

    Plain text, no database layer: the window asks this before it is shown."""
    return location.startswith(SERVER_SCHEMES)


def server_address_problem(location: str) -> str | None:
    """Why `location` cannot name a team catalogue, in one line, or None if it can.

    Plain text (no database layer), for the window to ask before it starts a
    Casebook on it: the scheme, no password in it, a database named at its end.
    """
    from urllib.parse import urlsplit

    example = "postgresql+psycopg://you@server/casebook"
    if not is_server_address(location):
        return f"A team catalogue's address starts with postgresql+psycopg://, as in {example}."
    try:
        parts = urlsplit(location)
        has_password = parts.password is not None
    except ValueError:
        typed = " ".join(location.split())  # one line, whatever was pasted
        return f"{typed} is not a database address; write it as in {example}."
    if has_password:
        return (
            "Leave the password out of the address: put it in ~/.pgpass (or the file "
            "PGPASSFILE names); Casebook never stores one."
        )
    if not parts.path.strip("/"):
        return f"The address names no database; add /DBNAME at its end, as in {example}."
    return None


def resolve_db_location(cli_value: str | None = None) -> Path | str:
    """The catalogue to use: a file's path, or a server address kept as it was given."""
    chosen = cli_value or os.environ.get(DB_ENV_VAR) or ""
    if chosen and is_server_address(chosen):
        return chosen
    return resolve_db_path(cli_value)
