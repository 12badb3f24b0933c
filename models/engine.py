"""Opening a catalogue file: checks first, then the engine and its session factory.

A file is never written before it has been recognised as a Casebook
catalogue of a version this code understands: the checks run on a read-only
connection, so a foreign, corrupt or newer file is left exactly as it was.
Every message is one line that says what is wrong and what to do; only a
file that really is damaged is said to need a backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

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


class PasswordNeededError(CatalogueError):
    """A team catalogue's server asks for a password Casebook was not given, or refused
    the one given (`refused`): the window or a terminal may ask the user for it."""

    def __init__(self, message: str, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


class LockedCatalogueError(CatalogueError):
    pass


RESTORE_ADVICE = "Restore a backup with `casebook restore` or File → Restore from Backup…"


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


@dataclass(frozen=True)
class FileState:
    """What `inspect_file` found: the schema version (0 for absent or empty)
    and, for a damaged catalogue, the first problem SQLite's check reported."""

    version: int
    damage: str | None = None


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def wal_has_content(path: Path) -> bool:
    """Whether a write-ahead log with committed pages may sit beside `path`."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """A URI opening `path` read-only; `immutable` also skips the -shm file,
    for a folder where SQLite cannot create it (only safe when no -wal holds pages)."""
    mode = "immutable=1" if immutable else "mode=ro"
    return f"{path.resolve().as_uri()}?{mode}"


def connect_read_only(
    path: Path, timeout_ms: int | None = None, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A read-only sqlite3 connection to `path` that works in a read-only folder too.

    A WAL database needs its -shm file even to read; where it cannot be created
    (a read-only folder or file system) and no -wal holds pages, the file is
    opened as immutable (see SQLite's "Read-Only Databases" in its WAL docs).
    """
    timeout = (BUSY_TIMEOUT_MS if timeout_ms is None else timeout_ms) / 1000
    conn = sqlite3.connect(
        read_only_uri(path), uri=True, timeout=timeout, check_same_thread=check_same_thread
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        code = exc.sqlite_errorcode & 0xFF
        full = disk_is_full(path)
        # The -shm cannot be made: a read-only folder, or a full disk (an I/O error).
        no_shm = code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) or (
            code == sqlite3.SQLITE_IOERR and full
        )
        if not no_shm or wal_has_content(path) or (_can_write_folder(path) and not full):
            raise
    return sqlite3.connect(
        read_only_uri(path, immutable=True),
        uri=True,
        timeout=timeout,
        check_same_thread=check_same_thread,
    )


def connect_for_check(path: Path, timeout_ms: int | None = None) -> sqlite3.Connection:
    """A connection for PRAGMA quick_check / integrity_check that cannot write.

    SQLite leaves CHECK constraints out of the schema of a read-only
    connection, so its checks skip them there: where the file can be written,
    this opens it read-write (never creating it) with query_only set; elsewhere
    read-only, where CHECK constraints go unchecked.
    """
    writable = (
        os.access(path, os.R_OK | os.W_OK) and _can_write_folder(path) and not disk_is_full(path)
    )
    if not writable:
        return connect_read_only(path, timeout_ms)
    timeout = (BUSY_TIMEOUT_MS if timeout_ms is None else timeout_ms) / 1000
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=timeout)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _can_write_folder(path: Path) -> bool:
    return os.access(path.parent, os.W_OK | os.X_OK) and not _read_only_mount(path.parent)


def _read_only_mount(folder: Path) -> bool:
    if not hasattr(os, "statvfs"):  # Windows: os.access answers for the folder
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def disk_is_full(path: Path, margin: int = 64 * 1024) -> bool:
    """Whether the file system holding `path` (or its nearest existing folder) is full."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < margin
    except OSError:
        return False


def _damage_message(path: Path, detail: str) -> str:
    return f"{path} is damaged ({detail}); it was left untouched. {RESTORE_ADVICE}"


def _first_line(text: str, limit: int = 120) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def inspect_file(path: Path) -> FileState:
    """The schema version of the catalogue at `path` (0 if absent or empty), and
    whether SQLite's check finds it damaged.

    Raises a CatalogueError subclass when the file is not one this code may open
    (not a catalogue, newer, unreadable, locked, beyond repair). A catalogue
    whose quick_check and then integrity_check fail comes back with `damage`
    set, for the caller to open read-only. Uses only reads: nothing changes.
    """
    try:
        info = os.stat(path)  # follows symlinks; never opens (a FIFO would block)
    except (FileNotFoundError, NotADirectoryError):
        return FileState(0)  # its folder is made (or refused) by unwritable_cause
    except OSError as exc:
        raise UnwritableCatalogueError(f"Cannot read {path}: {exc.strerror}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotACatalogueError(f"{path} is a folder, not a catalogue file.")
    if not stat.S_ISREG(info.st_mode):
        raise NotACatalogueError(
            f"{path} is {_kind_of(info.st_mode)}, not a catalogue file; choose another path."
        )
    if info.st_size == 0:
        return FileState(0)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UnwritableCatalogueError(
            f"Cannot read {path}: {exc.strerror}; check its permissions."
        ) from exc
    if header != SQLITE_HEADER:
        raise NotACatalogueError(f"{path} is not a Casebook catalogue (not a SQLite database).")
    damage = None
    try:
        conn = connect_for_check(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id == APPLICATION_ID and version <= LATEST_VERSION:
                damage = _damage_found(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    if app_id != APPLICATION_ID:
        if tables == 0 and version == 0:
            return FileState(0)
        raise NotACatalogueError(
            f"{path} is a SQLite database but not a Casebook catalogue; it was left untouched."
        )
    if version > LATEST_VERSION:
        raise NewerCatalogueError(
            f"{path} was made by a newer Casebook (schema {version}; this version reads up "
            f"to {LATEST_VERSION}). Update Casebook to open it; the file was left untouched."
        )
    return FileState(int(version), damage)


def _damage_found(conn: sqlite3.Connection) -> str | None:
    """None if quick_check passes; else the first problem integrity_check reports."""
    try:
        if conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok":
            return None
        first = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # pages so broken the check itself stops
        return _first_line(str(exc))
    return None if first == "ok" else _first_line(first)


def _open_error(path: Path, exc: sqlite3.Error) -> CatalogueError:
    """The one-line CatalogueError for a failure to read `path` at all."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return LockedCatalogueError(
            f"{path} is locked by another program; tried for {BUSY_TIMEOUT_MS // 1000} s. "
            "Close the program using it and try again."
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CorruptCatalogueError(_damage_message(path, "SQLite cannot read it"))
    if code == sqlite3.SQLITE_FULL or disk_is_full(path):
        return UnwritableCatalogueError(
            f"The disk holding {path} is full; nothing was changed. Free some space and try again."
        )
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        return UnwritableCatalogueError(
            f"Cannot open {path} to read it ({_first_line(str(exc))}); check the file and its "
            "folder permissions."
        )
    return UnwritableCatalogueError(f"Cannot read {path}: {_first_line(str(exc))}.")


def unwritable_cause(path: Path) -> str | None:
    """Why the catalogue at `path` cannot be written, in a few words, or None if it can.

    Creates a missing folder, raising UnwritableCatalogueError when it cannot.
    """
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UnwritableCatalogueError(
                f"Cannot create the folder {folder}: {exc.strerror}."
            ) from exc
    if _read_only_mount(folder):
        return f"it is on a read-only disk ({folder})"
    if disk_is_full(path):
        return "the disk holding it is full; free some space and open it again"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return "the file is read-only for you"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only for you (Casebook keeps its journal there)"
    return None


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _begin_read(conn: Any) -> None:
    # A deferred BEGIN: a read-only connection cannot take the write lock that
    # BEGIN IMMEDIATE asks for; any write in it fails as "readonly".
    conn.exec_driver_sql("BEGIN")


def make_read_only_engine(path: Path) -> Engine:
    """An engine that can only read `path` (also in a read-only folder); writes fail
    with SQLite's "attempt to write a readonly database"."""
    resolved = path.resolve()
    # Connections may move between threads (the export worker), as with the
    # writable engine, whose file URL makes SQLAlchemy allow that itself.
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_read_only(resolved, check_same_thread=False),
        poolclass=QueuePool,  # as for a file; "sqlite://" alone would mean one per thread
    )
    event.listen(engine, "connect", _set_read_only_pragmas)
    event.listen(engine, "begin", _begin_read)
    return engine


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
