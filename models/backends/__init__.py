"""What differs between the back ends, one small module each: SQLite and PostgreSQL.

A personal catalogue is a SQLite file; a team catalogue lives on a
PostgreSQL server. The models, the use cases and the queries are the same;
the few places where the SQL differs are here, chosen by the connection's
`dialect.name`:

- `upsert(table)`: insert, or update the row with the same primary key;
- the schema version and the "is this a Casebook catalogue" mark (SQLite's
  application_id and user_version pragmas; a `meta` row on PostgreSQL);
- the full-text index (FTS5's `search_fts` on SQLite; a `tsvector` column
  with a GIN index on PostgreSQL) and the triggers marking stale documents;
- writing a step to the change log (one round trip to a server: the step,
  its rows and the windows' wake-up in one statement);
- a few SQL functions, rendered per back end (see `functions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from models.backends.functions import Document, Row

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class Backend(Protocol):
    """The functions each back-end module provides (the modules satisfy this protocol)."""

    NAME: str
    INDEX_ADD_REPLACES: bool  # index_add writes over a case's indexed document

    def upsert(self, table: Table) -> Insert: ...

    def schema_version(self, conn: Connection) -> int: ...

    def is_catalogue(self, conn: Connection) -> bool: ...

    def stamp(self, conn: Connection, version: int) -> None: ...

    def index_remove(self, conn: Connection | Session, docs: Sequence[Document]) -> None: ...

    def index_add(
        self, conn: Connection | Session, docs: Sequence[Document], packed: Sequence[bytes] = ()
    ) -> None: ...

    def index_clear(self, conn: Connection | Session) -> None: ...

    def index_optimize(self, conn: Connection | Session) -> None: ...

    def index_is_sound(self, conn: Connection | Session) -> bool: ...

    def log_step(self, session: Session, step: Mapping[str, Any], rows: Sequence[Row]) -> int: ...


def backend(dialect_name: str) -> Backend:
    """The module for a dialect name ("sqlite", "postgresql")."""
    if dialect_name == SQLITE:
        from models.backends import sqlite as module
    elif dialect_name == POSTGRESQL:
        from models.backends import postgresql as module  # type: ignore[no-redef]
    else:
        raise ValueError(f"Casebook does not work with {dialect_name} databases")
    return cast(Backend, module)


def backend_of(bind: Engine | Connection | Session) -> Backend:
    """The module for what `bind` is connected to."""
    if isinstance(bind, Session):
        return backend(bind.get_bind().dialect.name)
    return backend(bind.dialect.name)


# Each module tells SQLAlchemy how to write the shared constructs in its dialect.
from models.backends import postgresql as _postgresql  # noqa: E402
from models.backends import sqlite as _sqlite  # noqa: E402

__all__ = ["POSTGRESQL", "SQLITE", "Backend", "Document", "backend", "backend_of"]
_ = (_postgresql, _sqlite)
