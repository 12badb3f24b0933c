"""Hearing at once that someone else wrote to a team catalogue: PostgreSQL's LISTEN.

Every step logged on a server is announced on a channel with its id
(models/backends/postgresql.log_step, sent in the writer's transaction,
so only a committed step is announced). A window listens on a connection of
its own, in autocommit, and watches that connection's socket for reading
(views/live_updates.py, with a QSocketNotifier): nothing here waits. An
announcement is only a wake-up; what changed is read from the change log,
which stays the truth, and the log is polled too, for what a lost
connection missed.

No Qt here: the window asks for `fileno()` and calls `received()` whenever the
socket is readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg

from models.backends.postgresql import CHANGES_CHANNEL

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Seconds a (re)connection may take before it counts as failed: the window waits that long.
CONNECT_TIMEOUT_S = 3


class ListenerLostError(Exception):
    """The listening connection could not be made or was lost (the server gone)."""


class ChangeListener:
    """A connection of its own to the server, listening for announced steps."""

    def __init__(self, engine: Engine) -> None:
        # The engine's own connection parameters: the same server, login and database.
        _args, params = engine.dialect.create_connect_args(engine.url)
        self._params: dict[str, Any] = dict(params)
        self._conn: psycopg.Connection[Any] | None = None

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def connect(self) -> int:
        """(Re)connect and listen; the socket's file descriptor, to watch for reading.

        Raises ListenerLostError if the server cannot be reached.
        """
        self.close()
        params = {"connect_timeout": CONNECT_TIMEOUT_S, **self._params}
        try:
            conn = psycopg.connect(**params, autocommit=True)
        except psycopg.Error as exc:
            raise ListenerLostError(str(exc).strip()) from exc
        try:
            conn.execute(f"LISTEN {CHANGES_CHANNEL}")
        except psycopg.Error as exc:
            conn.close()
            raise ListenerLostError(str(exc).strip()) from exc
        self._conn = conn
        return conn.fileno()

    def received(self) -> list[int]:
        """The ids of the steps announced since the last call; never waits.

        Raises ListenerLostError (and closes) when the connection is gone.
        """
        if self._conn is None:
            raise ListenerLostError("not listening")
        # libpq's own calls: read what the socket holds without waiting (a server
        # gone raises here; Connection.notifies takes a closed socket for "nothing
        # yet"), then take the notifications read.
        pgconn = self._conn.pgconn
        payloads: list[bytes] = []
        try:
            pgconn.consume_input()
            while (notice := pgconn.notifies()) is not None:
                payloads.append(notice.extra)
        except psycopg.Error as exc:
            self.close()
            raise ListenerLostError(str(exc).strip()) from exc
        return [int(p) for p in payloads if p.isdigit()]

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
