"""Opening the catalogue: check the file, back it up, open it writable or read-only, seed it.

A catalogue that cannot be written (a read-only file, folder or disk) or that
SQLite's check finds damaged is opened read-only: it can be listed, shown and
exported, and every write fails with SQLITE_READONLY, which the callers turn
into `Catalogue.read_only_reason`.

A team catalogue on a PostgreSQL server (`postgresql+psycopg://user@host/db`)
opens through the same function (see models/server.py); the file's own
features (backups, the file's fingerprint, read-only files) do not apply to it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.paths import is_server_address
from models.engine import (
    RESTORE_ADVICE,
    CatalogueError,
    CorruptCatalogueError,
    FileState,
    PasswordNeededError,
    UnwritableCatalogueError,
    disk_is_full,
    inspect_file,
    make_engine,
    make_read_only_engine,
    session_factory,
    unwritable_cause,
)
from models.migrations import LATEST_VERSION, migrate
from seed import SeedError, SeedReport, seed_catalogue

__all__ = ["Catalogue", "CatalogueError", "PasswordNeededError", "open_catalogue"]

log = logging.getLogger(__name__)

Fingerprint = tuple[tuple[int, int], ...]


def file_fingerprint(path: Path) -> Fingerprint:
    """Size and modification time of the catalogue and its -wal: any commit changes one."""
    marks = []
    for name in (str(path), f"{path}-wal"):
        try:
            info = os.stat(name)
            marks.append((info.st_size, info.st_mtime_ns))
        except OSError:
            marks.append((-1, -1))
    return tuple(marks)


@dataclass
class Catalogue:
    """An open catalogue: its file, engine and session factory.

    `read_only` catalogues refuse every write; `read_only_reason` says why in
    one line (and, for a damaged one, which backup to restore).
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    seed_report: SeedReport = field(default_factory=SeedReport)
    backup: Path | None = None
    read_only: bool = False
    read_only_reason: str | None = None
    damaged: bool = False
    opened_as: Fingerprint = ()
    # A team catalogue: its address as shown (no password); None for a file.
    server: str | None = None

    def close(self) -> None:
        self.engine.dispose()

    @property
    def location(self) -> str:
        """Where the catalogue is, for messages: the file, or the server's address."""
        return self.server if self.server is not None else str(self.path)

    def changed_since_opened(self) -> bool:
        """Whether the file changed since it was opened (by this or another process);
        always False for a team catalogue, which has no file."""
        if self.server is not None:
            return False
        return bool(self.opened_as) and file_fingerprint(self.path) != self.opened_as


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.schema{version}.bak")


def _backup_before_migration(path: Path, version: int) -> Path:
    """Copy the catalogue with SQLite's online backup, so the copy is consistent."""
    from app.backups import copy_database

    target = backup_path(path, version)
    copy_database(path, target)
    return target


def _seed_is_current(catalogue: Catalogue) -> bool:
    """Whether the built-in case studies are up to date (a read: no write lock needed)."""
    from models import Meta
    from seed.loader import SEED_DIGEST_KEY
    from seed.schema import seed_digest

    try:
        with catalogue.sessions() as session:
            stored = session.get(Meta, SEED_DIGEST_KEY)
    except SQLAlchemyError:
        return False
    return stored is not None and stored.value == seed_digest()


def damaged_reason(path: Path, damage: str) -> str:
    """The one line for a damaged catalogue opened read-only, naming the backup to restore."""
    from app.backups import newest_good_backup

    try:
        good = newest_good_backup(path)
    except OSError:
        good = None
    start = f"{path} is damaged ({damage}); it was opened read-only."
    if good is None:
        return (
            f"{start} No good backup was found; `casebook check` says more, and "
            "`casebook export` can save what is still readable."
        )
    return (
        f"{start} The newest good backup is {good.path.name} ({good.when_text}): "
        f"restore it with `casebook restore {good.path}` or File → Restore from Backup…"
    )


def open_catalogue(
    path: Path | str,
    seed: bool = True,
    read_only: bool = False,
    auto_backup: bool = True,
    password: str | None = None,
) -> Catalogue:
    """Open (creating if need be) the catalogue at `path`: a file, or a server's address.

    Raises CatalogueError with a one-line message for the user; in that case
    the file is exactly as it was. A catalogue that cannot be written, or that
    is damaged, opens read-only (see `Catalogue.read_only_reason`); so does any
    catalogue when `read_only` is asked for. An existing catalogue opened for
    writing gets its daily automatic backup first (see app/backups).

    `password`: for a team catalogue whose server asks one (PasswordNeededError
    otherwise) and ~/.pgpass has none; typed by the user, held in memory only.
    """
    if isinstance(path, str):
        if is_server_address(path):
            return open_server_catalogue(path, seed=seed, read_only=read_only, password=password)
        from app.typed_path import typed_path

        path = typed_path(path)
    state = inspect_file(path)
    cause = unwritable_cause(path)
    if state.damage is not None:
        if state.version < LATEST_VERSION:
            raise CorruptCatalogueError(
                f"{path} is damaged ({state.damage}) and too old to open read-only; "
                f"it was left untouched. {RESTORE_ADVICE}"
            )
        return _open_read_only(path, damaged_reason(path, state.damage), damaged=True)
    if cause is not None:
        if state.version == 0:
            raise UnwritableCatalogueError(f"Cannot create a catalogue at {path}: {cause}.")
        if state.version < LATEST_VERSION:
            raise UnwritableCatalogueError(
                f"{path} needs updating for this Casebook but {cause}; "
                "make it writable and open it again."
            )
        return _open_read_only(path, f"{path} was opened read-only: {cause}.")
    if read_only:
        if state.version < LATEST_VERSION:
            raise CatalogueError(
                f"{path} needs updating before it can be read; open it for writing."
            )
        return _open_read_only(path, f"{path} was opened read-only.")
    return _open_writable(path, state, seed, auto_backup)


def _open_read_only(path: Path, reason: str, damaged: bool = False) -> Catalogue:
    engine = make_read_only_engine(path)
    log.warning("opened read-only: %s", reason)
    return Catalogue(
        path,
        engine,
        session_factory(engine),
        read_only=True,
        read_only_reason=reason,
        damaged=damaged,
    )


def _write_failure(path: Path, exc: BaseException, doing: str) -> CatalogueError:
    """The one-line CatalogueError for a failed first write to `path`."""
    from app.db_errors import user_message

    if disk_is_full(path):
        return UnwritableCatalogueError(
            f"The disk holding {path} is full; nothing was lost. Free some space and try again."
        )
    said = user_message(exc, path)
    detail = said or str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return CatalogueError(f"Cannot {doing} {path}: {detail}")


def _open_writable(path: Path, state: FileState, seed: bool, auto_backup: bool) -> Catalogue:
    old_version = state.version
    backup = None
    if 0 < old_version < LATEST_VERSION:
        try:
            backup = _backup_before_migration(path, old_version)
        except (OSError, sqlite3.Error) as exc:
            raise CatalogueError(
                f"Could not back up {path} before updating it ({exc}); nothing was changed."
            ) from exc
    if old_version > 0 and auto_backup:
        from app.backups import auto_backup_if_due

        auto_backup_if_due(path)  # never raises: a failed backup must not lock the user out
    engine = make_engine(path)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise _write_failure(path, exc, "open") from exc
    from app.search.index import catch_up, keep_in_step

    sessions = keep_in_step(session_factory(engine))
    catalogue = Catalogue(path, engine, sessions, backup=backup)
    if seed and _seed_is_current(catalogue):
        catalogue.seed_report = SeedReport(skipped=True)
    elif seed:
        try:
            with catalogue.sessions.begin() as session:
                catalogue.seed_report = seed_catalogue(session)
        except (SQLAlchemyError, SeedError, OSError) as exc:
            catalogue.close()
            if isinstance(exc, SeedError):
                raise CatalogueError(
                    f"Cannot add the built-in case studies to {path}: {exc}. "
                    "Your catalogue was not changed."
                ) from exc
            raise _write_failure(path, exc, "add the built-in case studies to") from exc
    try:
        catch_up(sessions)  # what a migration or another program left to index
    except SQLAlchemyError as exc:
        catalogue.close()
        raise _write_failure(path, exc, "update the search index of") from exc
    catalogue.opened_as = file_fingerprint(path)
    return catalogue


def server_path(shown: str) -> Path:
    """The stand-in `Catalogue.path` of a team catalogue: its address, for titles and logs."""
    return Path(shown.split("://", 1)[-1])


def open_server_catalogue(
    location: str, seed: bool = True, read_only: bool = False, password: str | None = None
) -> Catalogue:
    """Open the team catalogue at the server address `location`, creating its schema
    in an empty database and seeding it (as a file is on first open).

    `read_only` opens it without writing anything, not even the schema. Raises
    CatalogueError with one line (a server that is down, a refused login, a
    database holding something else, a newer catalogue).
    """
    from models.server import inspect_server, make_server_engine, server_url, shown

    url = server_url(location)  # refuses an address holding a password
    if password is not None:
        # Given by the user for this run: in the engine's URL (every new connection
        # and the window's listener use it), never in an address shown or stored.
        url = url.set(password=password)
    engine = make_server_engine(url)
    try:
        state = inspect_server(engine, url)
    except CatalogueError:
        engine.dispose()
        raise
    where = shown(url)
    reader = False
    if not read_only and state.version >= LATEST_VERSION:
        reader = not _may_write(engine, url)
    if read_only or reader:
        if state.version < LATEST_VERSION:
            engine.dispose()
            raise CatalogueError(f"{where} is not a current Casebook catalogue yet; "
                                 "open it for writing (or run `casebook team init`).")  # fmt: skip
        engine = engine.execution_options(postgresql_readonly=True)
        return Catalogue(
            server_path(where),
            engine,
            session_factory(engine),
            read_only=True,
            read_only_reason=(
                f"You are a reader of {where}: you can browse, search and export; "
                "an admin of the catalogue can make you an editor."
                if reader
                else f"{where} was opened read-only."
            ),
            server=where,
        )
    return _prepare(Catalogue(server_path(where), engine, session_factory(engine), server=where),
                    seed, where)  # fmt: skip


def _may_write(engine: Engine, url: URL) -> bool:
    """Whether the server lets this login change the catalogue (not a mere reader)."""
    from models.server import connection_error
    from models.team_roles import may_write

    try:
        with engine.connect() as conn:
            return may_write(conn)
    except SQLAlchemyError as exc:
        raise connection_error(url, exc) from exc


def _prepare(catalogue: Catalogue, seed: bool, where: str) -> Catalogue:
    """Migrate, keep the search index in step, seed and catch the index up."""
    from app.search.index import catch_up, keep_in_step
    from models.server import connection_error, server_url

    try:
        migrate(catalogue.engine)
        keep_in_step(catalogue.sessions)
        if seed and not _seed_is_current(catalogue):
            with catalogue.sessions.begin() as session:
                catalogue.seed_report = seed_catalogue(session)
        elif seed:
            catalogue.seed_report = SeedReport(skipped=True)
        catch_up(catalogue.sessions)
    except SeedError as exc:
        catalogue.close()
        raise CatalogueError(
            f"Cannot add the built-in case studies to {where}: {exc}. Nothing was changed."
        ) from exc
    except SQLAlchemyError as exc:
        catalogue.close()
        raise connection_error(server_url(where), exc) from exc
    return catalogue
