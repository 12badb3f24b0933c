"""Opening a team catalogue on a PostgreSQL server: the address, the engine, the checks.

The address is a SQLAlchemy URL, `postgresql+psycopg://user@host:port/dbname`
(`postgresql://` is read as the same). A password never goes in it: psycopg
hands the connection to libpq, which finds it in ~/.pgpass or PGPASSFILE
(or uses the server's other methods), so Casebook never holds or stores one.
As with a file, a database is never written before it has been recognised:
empty (a new catalogue), or a Casebook catalogue of a version this code
understands. Every failure is one line for the user.
"""

from __future__ import annotations

from urllib.parse import unquote

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from models.backends import postgresql
from models.engine import (
    WRITE_OPTION,
    CatalogueError,
    FileState,
    NewerCatalogueError,
    NotACatalogueError,
    PasswordNeededError,
    UnwritableCatalogueError,
)
from models.migrations import LATEST_VERSION

DRIVER = "postgresql+psycopg"
PASSWORD_ADVICE = "put it in ~/.pgpass (or the file PGPASSFILE names); Casebook never stores one"


def server_url(location: str) -> URL:
    """The URL for a --db value naming a server; CatalogueError if it cannot be used."""
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise CatalogueError(f"{location} is not a database address: {exc}.") from exc
    if url.get_backend_name() != "postgresql":
        raise CatalogueError(f"{location}: Casebook works with PostgreSQL servers only.")
    if url.password is not None:
        raise CatalogueError(
            f"Leave the password out of the address {shown(url)}: {PASSWORD_ADVICE}."
        )
    if not url.database:
        raise CatalogueError(f"{shown(url)} names no database; add /DBNAME at its end.")
    return url.set(drivername=DRIVER)


def shown(url: URL) -> str:
    """The address as the user sees it in messages and the window title (never a password)."""
    text: str = url.set(password=None).render_as_string(hide_password=True)
    return unquote(text)  # ?host=/run/postgresql, not %2Frun%2Fpostgresql


CONNECT_TIMEOUT_S = 10  # libpq waits this long for a server (its own default: forever)


def make_server_engine(url: URL) -> Engine:
    """An engine on the server; connections are checked before use (a server may restart).

    A write transaction (`CatalogueSessions.begin`, the writer engine) first takes
    a lock every Casebook writing to this database shares, held to its end: as
    SQLite's BEGIN IMMEDIATE does for a file, writers take turns, so the checks
    a write makes (undo's "changed since?", the search index pass) see no other
    write half done. Reads never wait.
    """
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=3,
        # A server that does not answer is said after seconds, not the system's minutes:
        # on connecting, and on a connection whose network went silent (a laptop off
        # the Wi-Fi), where unacknowledged data and unanswered keepalives give up.
        # (libpq ignores these on a Unix socket.)
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "tcp_user_timeout": CONNECT_TIMEOUT_S * 1000,
            "keepalives": 1,
            "keepalives_idle": CONNECT_TIMEOUT_S,
            "keepalives_interval": 2,
            "keepalives_count": 3,
        },
    )
    event.listen(engine, "begin", _begin)
    return engine


WRITE_LOCK = 4373427  # pg_advisory_xact_lock's key for Casebook's writers ("CsBk" + 1)


def _begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE_OPTION, False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def connection_error(url: URL, exc: BaseException) -> CatalogueError:
    """The one line for a failure to reach or log in to the server."""
    detail = str(getattr(exc, "orig", None) or exc)
    first = " ".join(detail.split()) or type(exc).__name__
    where = shown(url)
    user = url.username or "you"
    if "password authentication failed" in detail:
        return PasswordNeededError(
            f"The server {where} refused the password for {user}: "
            "check it in ~/.pgpass (or PGPASSFILE).",
            refused=True,
        )
    if "no password supplied" in detail:
        return PasswordNeededError(
            f"The server {where} asks a password for {user}: {PASSWORD_ADVICE}."
        )
    if f'database "{url.database}" does not exist' in detail:
        return CatalogueError(
            f"The database {url.database} does not exist on the server {where}; "
            f"an administrator creates it (createdb {url.database}), then runs "
            f"`casebook team init {where}`."
        )
    if "must be owner of" in detail:  # a schema upgrade (migration) tried by a member
        return CatalogueError(
            f"The team catalogue {where} needs upgrading to this Casebook's version, which "
            "only its owner can do: ask them to open it once with this Casebook "
            "(nothing was changed)."
        )
    if "permission denied" in detail:
        return UnwritableCatalogueError(f"The server {where} refused access: {first[:200]}")
    if "Connection refused" in detail or "No such file or directory" in detail:
        return CatalogueError(
            f"Cannot reach the server of {where}: is it running, and is the address right?"
        )
    return CatalogueError(f"Cannot use the team catalogue {where}: {first[:200]}")


def inspect_server(engine: Engine, url: URL) -> FileState:
    """The schema version of the catalogue in the database (0 if the database is empty).

    Raises a CatalogueError subclass, with one line, when the server cannot be
    reached or the database holds something else, or a newer catalogue. Reads only.
    """
    try:
        with engine.connect() as conn:
            version = postgresql.schema_version(conn)
            tables = postgresql.table_count(conn) if version == 0 else 0
    except (DBAPIError, SQLAlchemyError) as exc:
        raise connection_error(url, exc) from exc
    if version == 0 and tables:
        raise NotACatalogueError(
            f"The database {url.database} on {shown(url)} holds other tables but no Casebook "
            "catalogue; it was left untouched. Use an empty database."
        )
    if version > LATEST_VERSION:
        raise NewerCatalogueError(
            f"{shown(url)} was made by a newer Casebook (schema {version}; this version reads "
            f"up to {LATEST_VERSION}). Update Casebook to open it; nothing was changed."
        )
    return FileState(version)
