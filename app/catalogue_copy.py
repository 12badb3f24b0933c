"""File → Save a Copy…: a consistent copy of an open catalogue under another name.

The copy is made with SQLite's online backup API (app.backups.copy_database),
so it is whole even while the window writes; it is written under a temporary
name and renamed when complete, so the target is either untouched or the whole
copy. It never replaces the catalogue itself, nor a catalogue a Casebook
window has open.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from app.backups import BackupError, copy_database
from app.messages import QT_TRANSLATE_NOOP
from app.typed_path import typed_path

log = logging.getLogger(__name__)

CATALOGUE_SUFFIX = ".sqlite3"


class CopyError(BackupError):
    """The copy cannot be made; the message is for the user and nothing was written."""


def copy_target(name: str) -> Path:
    """The file a typed name stands for: with the catalogue suffix when it has none.

    A name that is a folder ("." or "..", an existing folder) is returned as it
    is, for save_copy to refuse in words.
    """
    path = typed_path(name)
    if path.suffix or path.name in ("", ".", "..") or path.is_dir():
        return path
    return path.with_name(path.name + CATALOGUE_SUFFIX)


def save_copy(catalogue: Path, target: Path) -> Path:
    """Copy the catalogue at `catalogue` to `target` (replacing a file there) and return
    `target`. Raises CopyError with one line in words when it cannot."""
    from app.db_errors import user_message
    from app.window_lock import held_by_another

    if target.exists() and target.resolve() == catalogue.resolve():
        raise CopyError(
            QT_TRANSLATE_NOOP(
                "CatalogueCopy", "%1 is the open catalogue itself; choose another name."
            ).arg(target.name)
        )
    if target.is_dir():
        raise CopyError(
            QT_TRANSLATE_NOOP("CatalogueCopy", "%1 is a folder; choose a file name.").arg(target)
        )
    if not target.parent.is_dir():
        raise CopyError(
            QT_TRANSLATE_NOOP("CatalogueCopy", "The folder %1 does not exist.").arg(target.parent)
        )
    if target.exists() and held_by_another(target):
        raise CopyError(
            QT_TRANSLATE_NOOP(
                "CatalogueCopy",
                "%1 is open in another Casebook window; close it or choose another name.",
            ).arg(target.name)
        )
    try:
        copy_database(catalogue, target)
    except (OSError, sqlite3.Error) as exc:
        said = user_message(exc, target) or str(exc).splitlines()[0]
        raise CopyError(
            QT_TRANSLATE_NOOP("CatalogueCopy", "Could not save a copy to %1: %2").arg(target, said)
        ) from exc
    for extra in ("-wal", "-shm"):
        # A replaced catalogue's log would otherwise be replayed onto the copy.
        Path(f"{target}{extra}").unlink(missing_ok=True)
    log.info("saved a copy of %s to %s", catalogue, target)
    return target
