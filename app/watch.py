"""Noticing commits other processes make to a catalogue, cheaply.

SQLite's PRAGMA data_version, asked on one connection, changes whenever any
other connection has committed since. The watcher keeps a connection of its
own for that question alone; the service absorbs its own writes right after
they commit, so what is left are changes made elsewhere (the command line, a
second program, a script).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from models.engine import connect_read_only


class ChangeWatcher:
    def __init__(self, path: Path) -> None:
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = connect_read_only(path, check_same_thread=False)
            self._seen = self._version()
        except sqlite3.Error:
            # Cannot watch (the file vanished, say): the window works, unwatched.
            self._conn, self._seen = None, 0

    def _version(self) -> int:
        if self._conn is None:
            return self._seen
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after each commit made elsewhere since the last call."""
        try:
            version = self._version()
        except sqlite3.Error:
            return False  # the next successful look still sees the change
        changed, self._seen = version != self._seen, version
        return changed

    def absorb(self) -> None:
        """Our own process just committed: that is not a change made elsewhere."""
        with contextlib.suppress(sqlite3.Error):
            self._seen = self._version()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
