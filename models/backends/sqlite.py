"""SQLite: upserts, the schema version in pragmas, the FTS5 index `search_fts`.

The FTS5 table is contentless: taking a case's terms out needs the exact text
they came from, which app/search/index.py keeps in `search_doc`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, insert, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert

from models.backends.functions import (
    Document,
    Row,
    full_text_match,
    full_text_score,
    replacing,
)
from models.base import Base
from models.migrations import APPLICATION_ID
from models.search import DOCUMENT_COLUMNS as COLUMNS

NAME = "sqlite"

_FIELDS = ", ".join(COLUMNS)
_VALUES = ", ".join(f":{c}" for c in COLUMNS)
_FTS_DELETE = text(
    f"INSERT INTO search_fts (search_fts, rowid, {_FIELDS}) VALUES ('delete', :case_id, {_VALUES})"
)
_FTS_INSERT = text(f"INSERT INTO search_fts (rowid, {_FIELDS}) VALUES (:case_id, {_VALUES})")


def upsert(table: Table) -> Insert:
    """INSERT … ON CONFLICT (primary key) DO UPDATE every other column (DO NOTHING if none)."""
    return replacing(sqlite_insert(table), table)


def schema_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def is_catalogue(conn: Connection) -> bool:
    return int(conn.exec_driver_sql("PRAGMA application_id").scalar_one()) == APPLICATION_ID


def stamp(conn: Connection, version: int) -> None:
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")


# Whether index_add writes over a document already indexed (no: FTS5 must first be
# told the exact terms to take out).
INDEX_ADD_REPLACES = False


def index_remove(conn: Connection | Session, docs: Sequence[Document]) -> None:
    """Take these documents' terms out of the index (their text exactly as it was added)."""
    if docs:
        conn.execute(_FTS_DELETE, list(docs))


def index_add(
    conn: Connection | Session, docs: Sequence[Document], packed: Sequence[bytes] = ()
) -> None:
    """Index these documents; with `packed` (each one's text as search_doc keeps it),
    keep that too."""
    if docs:
        conn.execute(_FTS_INSERT, list(docs))
    if packed:
        rows = [{"case_id": d["case_id"], "packed": p} for d, p in zip(docs, packed, strict=True)]
        conn.execute(upsert(Base.metadata.tables["search_doc"]), rows)


def index_clear(conn: Connection | Session) -> None:
    conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('delete-all')"))


def index_optimize(conn: Connection | Session) -> None:
    conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))


def index_is_sound(conn: Connection | Session) -> bool:
    """FTS5's own check of its structures."""
    try:
        conn.execute(
            text("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        )
    except Exception:
        return False
    return True


def log_step(session: Session, step: Mapping[str, Any], rows: Sequence[Row]) -> int:
    """Write a step (at, author, text, kind) and its change rows; returns the step's id."""
    from models.history import ChangeRow, ChangeStep

    step_id = int(
        session.execute(insert(ChangeStep).values(**step).returning(ChangeStep.id)).scalar_one()
    )
    session.execute(insert(ChangeRow), [{"step_id": step_id, **row} for row in rows])
    return step_id


@compiles(full_text_match, "sqlite")
def _match(element: full_text_match, compiler: SQLCompiler, **kw: Any) -> str:
    return "search_fts MATCH " + compiler.process(
        bindparam(None, element.fts_expression, String()), **kw
    )


@compiles(full_text_score, "sqlite")
def _score(element: full_text_score, compiler: SQLCompiler, **kw: Any) -> str:
    weights = ", ".join(repr(float(w)) for w in element.weights)
    return f"bm25(search_fts, {weights})"
