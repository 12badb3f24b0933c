"""Migration 9: the change log (`change_step`, `change_row`), on SQLite and PostgreSQL.

The tables are written out here rather than taken from models/: a migration
must keep doing what it did when it shipped. SQLAlchemy's DDL makes them
portable (an AUTOINCREMENT id on SQLite, a serial one on PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from models.base import NAMING_CONVENTION

STATEMENTS: list[str] = []

_metadata = MetaData(naming_convention=NAMING_CONVENTION)

Table(
    "change_step",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    CheckConstraint("kind IN ('change', 'undo', 'redo')", name="kind"),
    sqlite_autoincrement=True,
)

Table(
    "change_row",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "step_id",
        Integer,
        ForeignKey("change_step.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("table_name", String(40), nullable=False),
    Column("row_key", Text, nullable=False),
    Column("case_id", Integer, nullable=True, index=True),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    sqlite_autoincrement=True,
)


def fill(conn: Connection) -> None:
    _metadata.create_all(conn)
