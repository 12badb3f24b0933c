"""Database errors in words: one line a user understands, for the window and the CLI.

Provisional: the safety branch brings the full version of this module.
"""

from __future__ import annotations

import sqlite3

import models.engine


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.Error):
            return seen
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def user_message(exc: BaseException) -> str | None:
    """A one-line message for a known database failure, or None."""
    error = _sqlite_error(exc)
    if error is None:
        return None
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        seconds = models.engine.BUSY_TIMEOUT_MS / 1000
        return (
            f"Another Casebook process is writing to the catalogue; tried for {seconds:g} s. "
            "Try again in a moment."
        )
    if primary == sqlite3.SQLITE_FULL:
        return "The disk is full; nothing was lost. Free some space and try again."
    if primary == sqlite3.SQLITE_READONLY:
        return "The catalogue is read-only; nothing was changed."
    return None
