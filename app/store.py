"""Opening the catalogue: check the file, back it up before a migration, seed it."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from models.engine import (
    CatalogueError,
    check_writable,
    inspect_file,
    make_engine,
    session_factory,
)
from models.migrations import LATEST_VERSION, migrate
from seed import SeedError, SeedReport, seed_catalogue

__all__ = ["Catalogue", "CatalogueError", "open_catalogue"]


@dataclass
class Catalogue:
    """An open catalogue: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    seed_report: SeedReport = field(default_factory=SeedReport)
    backup: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.schema{version}.bak")


def _backup_before_migration(path: Path, version: int) -> Path:
    """Copy the catalogue with SQLite's online backup, so the copy is consistent."""
    target = backup_path(path, version)
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    shutil.move(partial, target)
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


def open_catalogue(path: Path, seed: bool = True) -> Catalogue:
    """Open (creating if need be) the catalogue at `path`.

    Raises CatalogueError with a message for the user; in that case the file
    is exactly as it was.
    """
    old_version = inspect_file(path)
    check_writable(path)
    backup = None
    if 0 < old_version < LATEST_VERSION:
        try:
            backup = _backup_before_migration(path, old_version)
        except (OSError, sqlite3.Error) as exc:
            raise CatalogueError(
                f"Could not back up {path} before updating it ({exc}); nothing was changed."
            ) from exc
    engine = make_engine(path)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise CatalogueError(f"Cannot open {path}: {getattr(exc, 'orig', None) or exc}.") from exc
    catalogue = Catalogue(path, engine, session_factory(engine), backup=backup)
    if seed and _seed_is_current(catalogue):
        catalogue.seed_report = SeedReport(skipped=True)
    elif seed:
        try:
            with catalogue.sessions.begin() as session:
                catalogue.seed_report = seed_catalogue(session)
        except (SQLAlchemyError, SeedError, OSError) as exc:
            catalogue.close()
            raise CatalogueError(
                f"Cannot add the built-in case studies to {path}: {exc}. "
                "Your catalogue was not changed."
            ) from exc
    return catalogue
