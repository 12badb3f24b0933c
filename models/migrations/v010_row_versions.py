"""Migration 10: row versions, and notes private to their author (SQLite and PostgreSQL).

- `version` on every row with an identity (cases, figures, places, people,
  sources, perspectives, tags, notes, highlights, saved searches): 1 when
  made, one more at each change. An editor remembers the version it loaded;
  a save finds another's change by it (optimistic locking, app/changes.py).
- `note.private` and `note.owner`: a private note is seen only by its owner.
  On PostgreSQL the owner is the login that wrote it (the column's default is
  `current_user`) and row-level security hides the note, and its rows in the
  change log (`change_row.private_owner`), from everyone else.

The table list is written out here: a migration keeps doing what it did when
it shipped.
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSIONED_TABLES = (
    "case_study",
    "metric",
    "place",
    "actor",
    "source",
    "perspective",
    "tag",
    "note",
    "highlight",
    "saved_search",
)

STATEMENTS: list[str] = [
    *(f"ALTER TABLE {t} ADD COLUMN version INTEGER DEFAULT 1 NOT NULL" for t in VERSIONED_TABLES),
    "ALTER TABLE note ADD COLUMN private BOOLEAN DEFAULT FALSE NOT NULL",
    "ALTER TABLE note ADD COLUMN owner VARCHAR(200) DEFAULT '' NOT NULL",
    "ALTER TABLE change_row ADD COLUMN private_owner VARCHAR(200)",
]


def fill(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        from models.backends.postgresql import PRIVATE_NOTE_STATEMENTS

        for statement in PRIVATE_NOTE_STATEMENTS:
            conn.exec_driver_sql(statement)
