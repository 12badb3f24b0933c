"""Database and file-system errors in words: one line a user can act on.

`user_message` knows sqlite3's result codes (Python 3.11's `sqlite_errorcode`),
the same errors wrapped by SQLAlchemy (their `.orig`), and OSError's errno.
It imports models.engine (and so SQLAlchemy): the window imports it lazily.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import TYPE_CHECKING

from app.messages import QT_TRANSLATE_NOOP, Message
from models.engine import BUSY_TIMEOUT_MS, disk_is_full

if TYPE_CHECKING:
    from pathlib import Path

LOCKED = QT_TRANSLATE_NOOP(
    "DbErrors",
    "Another Casebook process is writing to the catalogue; tried for %1 s. Try again in a moment.",
).arg(BUSY_TIMEOUT_MS // 1000)
FULL = QT_TRANSLATE_NOOP(
    "DbErrors", "The disk is full; nothing was lost. Free some space and try again."
)
READ_ONLY = QT_TRANSLATE_NOOP("DbErrors", "The catalogue is read-only here; nothing was changed.")
# models.engine.RESTORE_ADVICE, marked for translation (tests/test_app_messages.py compares).
RESTORE_ADVICE = QT_TRANSLATE_NOOP(
    "DbErrors", "Restore a backup with `casebook restore` or File → Restore from Backup…"
)
DAMAGED = QT_TRANSLATE_NOOP("DbErrors", "The catalogue is damaged; nothing was changed. %1").arg(
    RESTORE_ADVICE
)
IO_ERROR = QT_TRANSLATE_NOOP(
    "DbErrors",
    "The disk reported an error reading or writing the catalogue; nothing was changed. "
    "Check the disk, then try again.",
)
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "DbErrors", "The catalogue file cannot be opened; check that it and its folder still exist."
)

_BY_CODE: dict[int, Message] = {
    sqlite3.SQLITE_BUSY: LOCKED,
    sqlite3.SQLITE_LOCKED: LOCKED,
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_IOERR: IO_ERROR,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_PERM: READ_ONLY,
}

_BY_ERRNO: dict[int, Message] = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: QT_TRANSLATE_NOOP(
        "DbErrors", "Your disk quota is used up; nothing was lost. Free some space and try again."
    ),
    errno.EROFS: QT_TRANSLATE_NOOP("DbErrors", "The disk is read-only; nothing was changed."),
    errno.EACCES: QT_TRANSLATE_NOOP("DbErrors", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("DbErrors", "Permission denied"),
    errno.EIO: IO_ERROR,
    errno.ENOENT: QT_TRANSLATE_NOOP("DbErrors", "No such file or folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("DbErrors", "A part of the path is not a folder"),
    errno.EISDIR: QT_TRANSLATE_NOOP("DbErrors", "That is a folder, not a file"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("DbErrors", "The file name is too long"),
}


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `exc` (itself, a SQLAlchemy wrapper's `.orig`, or a cause)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        orig = getattr(current, "orig", None)
        if isinstance(orig, sqlite3.Error):
            return orig
        current = current.__cause__ or current.__context__
    return None


def result_code(exc: BaseException) -> int | None:
    """SQLite's primary result code for `exc` (SQLITE_BUSY…), or None."""
    error = sqlite_error(exc)
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_read_only_error(exc: BaseException) -> bool:
    return result_code(exc) == sqlite3.SQLITE_READONLY


def user_message(exc: BaseException, path: Path | None = None) -> str | None:
    """One line for a user about `exc`, or None when it is not a known kind of failure.

    With the `path` written to, an I/O error on a full disk is said to be a full disk
    (SQLite reports a failure to grow its -shm file as an I/O error).
    """
    code = result_code(exc)
    if (
        path is not None
        and code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL)
        and disk_is_full(path)
    ):
        return FULL
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    if isinstance(exc, OSError) and exc.errno is not None and exc.errno in _BY_ERRNO:
        text = _BY_ERRNO[exc.errno]
        if text.endswith("."):
            return text
        # A file name may hold any character; the message stays one line.
        if exc.filename:
            where = " ".join(str(exc.filename).split())
            return QT_TRANSLATE_NOOP("DbErrors", "%1: %2.").arg(text, where)
        return QT_TRANSLATE_NOOP("DbErrors", "%1.").arg(text)
    return None
