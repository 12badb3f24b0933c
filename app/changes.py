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

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, bindparam, case, or_, select
from sqlalchemy.orm import Session

from app.id_sets import chunks, in_ids
from app.messages import QT_TRANSLATE_NOOP, Message
from models import Base
from models.backends import backend_of

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)  # a large import records a million of them
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


VERSION = "version"  # the column optimistic locking reads (models.identity.Versioned)


class RowChangedElsewhereError(Exception):
    """A row is not at the version the editor loaded: someone else saved it since.

    `now` is the row as it is stored now. Nothing was written.
    """

    def __init__(self, table: str, key: tuple[Any, ...], now: Row) -> None:
        super().__init__(f"{table} {key} was changed elsewhere")
        self.table = table
        self.key = key
        self.now = now


def _without_version(row: Row | None) -> Row | None:
    return None if row is None else {k: v for k, v in row.items() if k != VERSION}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key_of(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _key_condition(table: Table, key: tuple[Any, ...]) -> ColumnElement[bool]:
    return and_(*(c == v for c, v in zip(table.primary_key.columns, key, strict=True)))


class Journal:
    """Writes rows through a Session's connection and records each change."""

    def __init__(self, session: Session, author: str = "") -> None:
        self.session = session
        self.changes = ChangeSet()
        # Who is writing: new notes and highlights are signed with it.
        self.author = author

    def _rows(self, table: Table, where: ColumnElement[bool]) -> list[Row]:
        result = self.session.execute(select(table).where(where))
        return [dict(r._mapping) for r in result]

    def insert(self, table_name: str, values: Mapping[str, Any]) -> Row:
        """Insert a row; returns it as stored (with its new id and defaults)."""
        table = _table(table_name)
        # One statement: the row comes back as stored (RETURNING, SQLite 3.35 and later).
        statement = table.insert().values(**values).returning(*table.columns)
        row = dict(self.session.execute(statement).one()._mapping)
        key = _key_of(table, row)
        self.changes.changes.append(RowChange(table_name, key, None, row))
        return row

    def insert_many(self, table_name: str, rows: list[Row]) -> list[Row]:
        """Insert many rows in one statement (each row the same columns); returns them stored.

        Defaults are filled per row as `insert` fills them (a new UUID each).
        """
        if not rows:
            return []
        table = _table(table_name)
        # Only what the database fills in comes back (ids, defaults): the rows
        # keep the caller's values, so a large import's text is held once.
        filled = [c for c in table.columns if c.name not in rows[0] or c.primary_key]
        statement = table.insert().returning(*filled, sort_by_parameter_order=True)
        stored = [
            {**given, **r._mapping}
            for given, r in zip(rows, self.session.execute(statement, rows), strict=True)
        ]
        self.changes.changes.extend(
            RowChange(table_name, _key_of(table, row), None, row) for row in stored
        )
        return stored

    def insert_links(self, table_name: str, rows: list[Row]) -> None:
        """Insert many rows of a link table at once (every column given, no defaults)."""
        if not rows:
            return
        table = _table(table_name)
        columns = set(table.columns.keys())
        if any(set(row) != columns for row in rows):
            raise ValueError(f"insert_links needs every column of {table_name}")
        self.session.execute(table.insert(), rows)
        self.changes.changes.extend(
            RowChange(table_name, _key_of(table, row), None, dict(row)) for row in rows
        )

    def put_rows(self, table_name: str, rows: list[Row]) -> None:
        """Insert or replace many whole rows at once (every column given), recording each.

        For bookkeeping tables written in bulk (sync_base): one read of the
        rows as they were, one statement for all.
        """
        if not rows:
            return
        table = _table(table_name)
        if any(set(row) != set(table.columns.keys()) for row in rows):
            raise ValueError(f"put_rows needs every column of {table_name}")
        keys = [_key_of(table, row) for row in rows]
        before = _current_rows(self.session, table_name, keys)
        changed = [
            (key, row) for key, row in zip(keys, rows, strict=True) if before.get(key) != row
        ]
        if not changed:
            return
        statement = backend_of(self.session).upsert(table)
        self.session.execute(statement, [dict(row) for _, row in changed])
        self.changes.changes.extend(
            RowChange(table_name, key, before.get(key), dict(row)) for key, row in changed
        )

    def update(
        self,
        table_name: str,
        where: ColumnElement[bool],
        values: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> int:
        """Update the rows matching `where`; returns how many changed.

        A row with a `version` (models.identity.Versioned) that changes gets
        one more. With `expected_version` (the version an editor loaded),
        raises RowChangedElsewhereError, writing nothing, if a matching row
        holds another: someone saved it in the meantime (optimistic locking).
        """
        table = _table(table_name)
        if VERSION in table.c and values:
            # One more only when a value really differs (the same values written again
            # leave it), decided in the UPDATE itself.
            differs = or_(*(table.c[name].is_distinct_from(v) for name, v in values.items()))
            version = table.c[VERSION]
            values = {**values, VERSION: case((differs, version + 1), else_=version)}
        count = 0
        for before in self._rows(table, where):
            key = _key_of(table, before)
            if expected_version is not None and before.get(VERSION) != expected_version:
                raise RowChangedElsewhereError(table_name, key, before)
            condition = _key_condition(table, key)
            # The row comes back as written (RETURNING): no second read.
            statement = table.update().where(condition).values(**values).returning(*table.c)
            if expected_version is not None:
                # Also in the statement: a save committed since the read above
                # (PostgreSQL's read committed) leaves this one matching nothing.
                statement = statement.where(table.c[VERSION] == expected_version)
            written = self.session.execute(statement).first()
            if written is None:
                (now,) = self._rows(table, condition) or [before]
                raise RowChangedElsewhereError(table_name, key, now)
            after = dict(written._mapping)
            if after != before:
                self.changes.changes.append(RowChange(table_name, key, before, after))
                count += 1
        return count

    def delete(self, table_name: str, where: ColumnElement[bool]) -> list[Row]:
        """Delete the rows matching `where` (children must be deleted first)."""
        table = _table(table_name)
        rows = self._rows(table, where)
        if rows:
            self.session.execute(table.delete().where(where))
            self.changes.changes.extend(
                RowChange(table_name, _key_of(table, row), row, None) for row in rows
            )
        return rows


def _runs(changes: Iterable[RowChange], undo: bool) -> Iterator[tuple[str, bool, list[RowChange]]]:
    """Consecutive changes to one table that all delete, or all write, a row."""
    run: list[RowChange] = []
    for change in changes:
        deleting = (change.before if undo else change.after) is None
        if run and (run[0].table, _deletes(run[0], undo)) != (change.table, deleting):
            yield run[0].table, _deletes(run[0], undo), run
            run = []
        run.append(change)
    if run:
        yield run[0].table, _deletes(run[0], undo), run


def _deletes(change: RowChange, undo: bool) -> bool:
    return (change.before if undo else change.after) is None


def _put_run(session: Session, table_name: str, deleting: bool, run: list[RowChange],
             undo: bool, versions: Mapping[tuple[str, tuple[Any, ...]], int]) -> None:  # fmt: skip
    """Delete the run's rows by key, or write them (insert, or update if present), in bulk.

    A versioned row is written one version above the one it holds now (or the
    one it had, if it is gone): an editor that loaded it before sees it moved.
    """
    table = _table(table_name)
    keys = list(table.primary_key.columns)
    if deleting:
        where = and_(*(c == bindparam(f"k_{c.name}") for c in keys))
        params = [{f"k_{c.name}": v for c, v in zip(keys, ch.key, strict=True)} for ch in run]
        session.execute(table.delete().where(where), params)
        return
    rows = [row for ch in run if (row := ch.before if undo else ch.after) is not None]
    if VERSION in table.c:
        rows = [
            {
                **row,
                VERSION: versions.get((table_name, _key_of(table, row)), row.get(VERSION, 0)) + 1,
            }
            for row in rows
        ]
    statement = backend_of(session).upsert(table)  # update if present, else insert
    session.execute(statement, rows)  # every row holds every column (see Journal)


class ReplayConflictError(Exception):
    """An undo or redo would rewrite rows someone else changed since; nothing was written.

    The message names what changed, in words for the user.
    """


# What a row of each table is, in words, and the column that names it.
_ROW_WORDS: dict[str, tuple[Message, str | None]] = {
    "case_study": (QT_TRANSLATE_NOOP("Changes", "the case study"), "title"),
    "note": (QT_TRANSLATE_NOOP("Changes", "the note"), "body"),
    "tag": (QT_TRANSLATE_NOOP("Changes", "the tag"), "name"),
    "case_tag": (QT_TRANSLATE_NOOP("Changes", "a tag on a case"), None),
    "highlight": (QT_TRANSLATE_NOOP("Changes", "the highlight"), "quote"),
    "metric": (QT_TRANSLATE_NOOP("Changes", "the figure"), "name"),
    "source": (QT_TRANSLATE_NOOP("Changes", "the source"), "title"),
    "perspective": (QT_TRANSLATE_NOOP("Changes", "a perspective"), None),
    "place": (QT_TRANSLATE_NOOP("Changes", "the place"), "name"),
    "actor": (QT_TRANSLATE_NOOP("Changes", "the person or organisation"), "name"),
    "case_actor": (QT_TRANSLATE_NOOP("Changes", "a person of a case"), None),
    "case_place": (QT_TRANSLATE_NOOP("Changes", "a place of a case"), None),
    "case_source": (QT_TRANSLATE_NOOP("Changes", "a source of a case"), None),
    "case_assistance": (QT_TRANSLATE_NOOP("Changes", "a form of assistance of a case"), None),
    "saved_search": (QT_TRANSLATE_NOOP("Changes", "the saved search"), "name"),
}


def _expected_now(changes: ChangeSet, undo: bool) -> dict[tuple[str, tuple[Any, ...]], Row | None]:
    """Each touched row as the change set left it (undo) or found it (redo)."""
    expected: dict[tuple[str, tuple[Any, ...]], Row | None] = {}
    if undo:
        for change in changes.changes:  # the last write of a row is what it should hold now
            expected[(change.table, change.key)] = change.after
    else:
        for change in reversed(changes.changes):  # the first "before" is what redo starts from
            expected[(change.table, change.key)] = change.before
    return expected


def _current_rows(session: Session, table_name: str, keys: list[tuple[Any, ...]]) -> dict[
    tuple[Any, ...], Row
]:  # fmt: skip
    """The rows now stored under `keys` (absent keys are missing from the result)."""
    table = _table(table_name)
    columns = list(table.primary_key.columns)
    # Keys grouped by their trailing columns (a bulk tag's links share the tag
    # id), so each group is one indexed query on the first column, with the
    # ids bound as one JSON text whatever their number.
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for key in keys:
        groups.setdefault(key[1:], []).append(key[0])
    found: dict[tuple[Any, ...], Row] = {}
    for tail, firsts in groups.items():
        rest = [c == v for c, v in zip(columns[1:], tail, strict=True)]
        if all(isinstance(v, int) for v in firsts):
            pieces: list[Any] = [in_ids(columns[0], firsts)]
        else:
            pieces = [columns[0].in_(list(chunk)) for chunk in chunks(firsts)]
        for piece in pieces:
            for result in session.execute(select(table).where(piece, *rest)):
                row = dict(result._mapping)
                found[_key_of(table, row)] = row
    return found


def _describe(table_name: str, row: Row | None, now: Row | None) -> Message:
    words, column = _ROW_WORDS.get(
        table_name, (QT_TRANSLATE_NOOP("Changes", "a row of %1").arg(table_name), None)
    )
    shown = row if row is not None else now
    if column and shown is not None and shown.get(column):
        name = " ".join(str(shown[column]).split())
        words = QT_TRANSLATE_NOOP("Changes", "%1 '%2'").arg(
            words, f"{name[:40]}{'…' if len(name) > 40 else ''}"
        )
    if now is None:
        return QT_TRANSLATE_NOOP("Changes", "%1 was deleted").arg(words)
    if row is None:
        return QT_TRANSLATE_NOOP("Changes", "%1 was added").arg(words)
    return QT_TRANSLATE_NOOP("Changes", "%1 was changed").arg(words)


def _check(session: Session, changes: ChangeSet, *, undo: bool) -> tuple[
    list[Message], dict[tuple[str, tuple[Any, ...]], int]
]:  # fmt: skip
    """What others changed since among the rows to rewrite (in words), and the versions
    those rows hold now.

    Versions are left out of the comparison: an undo raises a row's version
    rather than taking it back, so a redo finds it one higher.
    """
    expected = _expected_now(changes, undo)
    by_table: dict[str, list[tuple[Any, ...]]] = {}
    for table_name, key in expected:
        by_table.setdefault(table_name, []).append(key)
    problems: list[Message] = []
    versions: dict[tuple[str, tuple[Any, ...]], int] = {}
    for table_name, keys in by_table.items():
        current = _current_rows(session, table_name, keys)
        for key in keys:
            want, now = expected[(table_name, key)], current.get(key)
            if _without_version(want) != _without_version(now):
                problems.append(_describe(table_name, want, now))
            if now is not None and VERSION in now:
                versions[(table_name, key)] = int(now[VERSION])
    return problems, versions


def find_conflicts(session: Session, changes: ChangeSet, *, undo: bool) -> list[Message]:
    """What others changed since, among the rows an undo or redo would rewrite (in words)."""
    return _check(session, changes, undo=undo)[0]


def replay(session: Session, changes: ChangeSet, *, undo: bool) -> None:
    """Undo (put every row back as it was, newest first) or redo a change set.

    First checks, in the same transaction, that every row it rewrites is
    still as this change set left it; if another process, window or import
    changed one since, raises ReplayConflictError and writes nothing, so an
    undo never overwrites someone else's work.
    """
    problems, versions = _check(session, changes, undo=undo)
    if problems:
        if undo:
            said = QT_TRANSLATE_NOOP(
                "Changes",
                "Cannot undo this step: %1 elsewhere since "
                "(by another Casebook process or an import). Nothing was changed.",
            )
        else:
            said = QT_TRANSLATE_NOOP(
                "Changes",
                "Cannot redo this step: %1 elsewhere since "
                "(by another Casebook process or an import). Nothing was changed.",
            )
        what: Message = problems[0]
        if len(problems) > 1:
            what = (
                QT_TRANSLATE_NOOP("Changes", "%1 (and %n more)")
                .arg(what)
                .counted(len(problems) - 1)
            )
        raise ReplayConflictError(said.arg(what))
    ordered: Iterable[RowChange] = reversed(changes.changes) if undo else changes.changes
    for table_name, deleting, run in _runs(ordered, undo):
        _put_run(session, table_name, deleting, run, undo, versions)
