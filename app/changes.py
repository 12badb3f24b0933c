"""A journal of row changes, so every edit can be undone and redone exactly.

Each use case (tag a case, merge tags, save a note, delete a case…) writes
through a `Journal`, which records every row it inserts, updates or deletes
with its values before and after. Undo puts the "before" values back in
reverse order; redo puts the "after" values back in order. Rows keep their
ids, so later steps on the undo stack still find what they refer to.

Deletes that the database would cascade are recorded explicitly (children
first), so undoing a deletion brings every child row back too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, Table, and_, select
from sqlalchemy.orm import Session

from models import Base

Row = dict[str, Any]


@dataclass(frozen=True)
class RowChange:
    """One row of one table, before and after (None: the row does not exist)."""

    table: str
    key: tuple[Any, ...]
    before: Row | None
    after: Row | None


@dataclass
class ChangeSet:
    """What one user action changed, in the order it changed it."""

    changes: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def extend(self, other: ChangeSet) -> None:
        self.changes.extend(other.changes)

    def touched(self, table: str) -> set[tuple[Any, ...]]:
        return {c.key for c in self.changes if c.table == table}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key_of(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _key_condition(table: Table, key: tuple[Any, ...]) -> ColumnElement[bool]:
    return and_(*(c == v for c, v in zip(table.primary_key.columns, key, strict=True)))


class Journal:
    """Writes rows through a Session's connection and records each change."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.changes = ChangeSet()

    def _rows(self, table: Table, where: ColumnElement[bool]) -> list[Row]:
        result = self.session.execute(select(table).where(where))
        return [dict(r._mapping) for r in result]

    def insert(self, table_name: str, values: Mapping[str, Any]) -> Row:
        """Insert a row; returns it as stored (with its new id and defaults)."""
        table = _table(table_name)
        result = cast(CursorResult[Any], self.session.execute(table.insert().values(**values)))
        key = tuple(result.inserted_primary_key or ())
        if not key or None in key:
            key = _key_of(table, values)
        (row,) = self._rows(table, _key_condition(table, key))
        self.changes.changes.append(RowChange(table_name, key, None, row))
        return row

    def update(self, table_name: str, where: ColumnElement[bool], values: Mapping[str, Any]) -> int:
        """Update the rows matching `where`; returns how many changed."""
        table = _table(table_name)
        count = 0
        for before in self._rows(table, where):
            key = _key_of(table, before)
            condition = _key_condition(table, key)
            self.session.execute(table.update().where(condition).values(**values))
            (after,) = self._rows(table, condition)
            if after != before:
                self.changes.changes.append(RowChange(table_name, key, before, after))
                count += 1
        return count

    def delete(self, table_name: str, where: ColumnElement[bool]) -> list[Row]:
        """Delete the rows matching `where` (children must be deleted first)."""
        table = _table(table_name)
        rows = self._rows(table, where)
        for row in rows:
            key = _key_of(table, row)
            self.session.execute(table.delete().where(_key_condition(table, key)))
            self.changes.changes.append(RowChange(table_name, key, row, None))
        return rows


def _put(session: Session, change: RowChange, row: Row | None) -> None:
    table = _table(change.table)
    condition = _key_condition(table, change.key)
    exists = session.execute(select(*table.primary_key.columns).where(condition)).first()
    if row is None:
        if exists:
            session.execute(table.delete().where(condition))
    elif exists:
        session.execute(table.update().where(condition).values(**row))
    else:
        session.execute(table.insert().values(**row))


def replay(session: Session, changes: ChangeSet, *, undo: bool) -> None:
    """Undo (put every row back as it was, newest first) or redo a change set."""
    ordered: Iterable[RowChange] = reversed(changes.changes) if undo else changes.changes
    for change in ordered:
        _put(session, change, change.before if undo else change.after)
