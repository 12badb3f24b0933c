"""Opening a catalogue file: checks first, then the engine and its session factory.

A file is never written before it has been recognised as a Casebook
catalogue of a version this code understands: the checks run on a read-only
connection, so a foreign, corrupt or newer file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from models.migrations import APPLICATION_ID, LATEST_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class CatalogueError(Exception):
    """A catalogue file cannot be used; the message is meant for the user."""


class NotACatalogueError(CatalogueError):
    pass


class NewerCatalogueError(CatalogueError):
    pass


class CorruptCatalogueError(CatalogueError):
    pass


class UnwritableCatalogueError(CatalogueError):
    pass


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so DDL is
    # transactional too (the recipe from SQLAlchemy's SQLite dialect docs).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before it is acknowledged, also across a power
    # loss (NORMAL in WAL mode may lose the last commits); bench/durability.py
    # measures the cost.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


WRITE_OPTION = "casebook_write"


def _begin(conn: Any) -> None:
    # A write takes the write lock up front (BEGIN IMMEDIATE), so a second
    # writer waits for busy_timeout. A deferred transaction that read first
    # cannot wait: SQLite refuses its upgrade at once with SQLITE_BUSY.
    writing = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    """An engine on `path` with the pragmas set on every connection. No checks."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions begin with the write lock taken."""
    return engine.execution_options(**{WRITE_OPTION: True})


def inspect_file(path: Path) -> int:
    """The schema version of the catalogue at `path`, 0 if absent or empty.

    Raises a CatalogueError subclass when the file is not one this code may open.
    Uses only reads: nothing in the file changes.
    """
    if not path.exists():
        return 0
    if path.is_dir():
        raise NotACatalogueError(f"{path} is a folder, not a catalogue file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UnwritableCatalogueError(f"Cannot read {path}: {exc.strerror}.") from exc
    if header == b"" and path.stat().st_size == 0:
        return 0
    if header != SQLITE_HEADER:
        raise NotACatalogueError(f"{path} is not a Casebook catalogue (not a SQLite database).")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id == APPLICATION_ID:
                check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                if check != "ok":
                    raise CorruptCatalogueError(
                        f"{path} is damaged ({check}). It was left untouched; "
                        "restore it from a backup."
                    )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptCatalogueError(
            f"{path} is damaged and cannot be read ({exc}). It was left untouched; "
            "restore it from a backup."
        ) from exc
    if app_id != APPLICATION_ID:
        if tables == 0 and version == 0:
            return 0
        raise NotACatalogueError(
            f"{path} is a SQLite database but not a Casebook catalogue; it was left untouched."
        )
    if version > LATEST_VERSION:
        raise NewerCatalogueError(
            f"{path} was made by a newer Casebook (schema {version}; this version reads up "
            f"to {LATEST_VERSION}). Update Casebook to open it; the file was left untouched."
        )
    return int(version)


def check_writable(path: Path) -> None:
    """Raise UnwritableCatalogueError unless the catalogue at `path` can be written."""
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UnwritableCatalogueError(
                f"Cannot create the folder {folder}: {exc.strerror}."
            ) from exc
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise UnwritableCatalogueError(
            f"{path} is read-only for you; Casebook needs to write to it."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UnwritableCatalogueError(
            f"Cannot write in {folder}; Casebook keeps its journal files beside the catalogue."
        )


class CatalogueSessions(sessionmaker[Session]):
    """Sessions on a catalogue: `sessions()` reads, `sessions.begin()` writes.

    A session opened with `begin()` (every write path uses it) runs on the
    writer engine, so its transaction starts with BEGIN IMMEDIATE and waits
    for another process's write instead of failing.
    """

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        bind = self.kw["bind"]
        with self(bind=writer(bind)) as session, session.begin():
            yield session


def session_factory(engine: Engine) -> CatalogueSessions:
    return CatalogueSessions(engine, expire_on_commit=False)
