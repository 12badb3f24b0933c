"""The change log: each change, undo and redo recorded with its rows, and read back.

`record_step` runs inside the write's own transaction (CatalogueService.write
and replay), so a crash keeps both the change and its step, or neither.
Bookkeeping tables (sync_base, the search tables) are left out. Values are
stored as JSON, datetimes as ISO text.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import ChangeSet, Row, RowChange
from models import ChangeRow, ChangeStep, Tag
from models.backends import backend_of
from models.base import utcnow

# Written by other means than the user's changes, and not shown in a case's history.
BOOKKEEPING_TABLES = frozenset(
    {"sync_base", "search_doc", "search_dirty", "case_area", "change_step", "change_row"}
)

# Columns a case's history leaves out (they change with every edit, or are internal).
QUIET_COLUMNS = frozenset({"id", "uuid", "version", "created_at", "updated_at", "case_id"})


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot log a {type(value).__name__}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_value)


def _case_of(change: RowChange) -> int | None:
    if change.table == "case_study":
        return int(change.key[0])
    for row in (change.after, change.before):
        if row is not None and row.get("case_id") is not None:
            return int(row["case_id"])
    return None


def _private_owner(change: RowChange) -> str | None:
    """Whose private note this row is (None: not a private note's): the server
    shows the row to that login only."""
    if change.table != "note":
        return None
    for row in (change.after, change.before):
        if row is not None and row.get("private"):
            return str(row.get("owner") or "")
    return None


def record_step(
    session: Session, changes: ChangeSet, *, author: str, text: str, kind: str = "change"
) -> int | None:
    """Log one step with its rows in the caller's transaction; its id (None: nothing to log)."""
    rows = [c for c in changes.changes if c.table not in BOOKKEEPING_TABLES]
    if not rows:
        return None
    step = {"at": utcnow(), "author": author, "text": text, "kind": kind}
    logged = [
        {
            "table_name": c.table,
            "row_key": _dumps(list(c.key)),
            "case_id": _case_of(c),
            "before": None if c.before is None else _dumps(c.before),
            "after": None if c.after is None else _dumps(c.after),
            "private_owner": _private_owner(c),
        }
        for c in rows
    ]
    # The step, its rows and (on a server) the windows' wake-up: one round trip there.
    step_id = backend_of(session).log_step(session, step, logged)
    return int(step_id)


@dataclass(frozen=True)
class Fact:
    """One thing a step did to a case, for words: a field changed, a row added or removed.

    `table` is the row's table; `action` "added", "removed" or "changed";
    `name` what names the row (a tag's name, a note's first words); for a
    changed field, `field` and its `old` and `new` values as text.
    """

    table: str
    action: str
    name: str = ""
    field: str = ""
    old: str = ""
    new: str = ""


# More skipped step ids than this at once: read everything rather than watch them.
MOST_MISSING = 1000


@dataclass
class LoggedStep:
    id: int
    at: datetime  # UTC, naive
    author: str
    text: str
    kind: str
    facts: list[Fact] = field(default_factory=list)


# The column that names a row of a table, in a case's history.
_NAMING = {
    "note": "body",
    "highlight": "quote",
    "metric": "name",
    "perspective": "text",
    "case_assistance": "form",
}


def _short(value: Any, limit: int = 60) -> str:
    text = " ".join(str("" if value is None else value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _facts(table: str, before: Row | None, after: Row | None, tags: dict[int, str]) -> list[Fact]:
    shown = after if after is not None else before
    assert shown is not None
    if table == "case_tag":
        name = tags.get(int(shown["tag_id"]), f"#{shown['tag_id']}")
    else:
        name = _short(shown.get(_NAMING.get(table, ""), ""))
    if before is None:
        return [Fact(table, "added", name)]
    if after is None:
        return [Fact(table, "removed", name)]
    return [
        Fact(table, "changed", name, column, _short(before.get(column)), _short(value))
        for column, value in after.items()
        if column not in QUIET_COLUMNS and before.get(column) != value
    ]


def _steps(session: Session, ids: list[int]) -> dict[int, LoggedStep]:
    result = session.execute(select(ChangeStep).where(ChangeStep.id.in_(ids)))
    return {s.id: LoggedStep(s.id, s.at, s.author, s.text, s.kind) for s in result.scalars().all()}


def case_history(session: Session, case_id: int, limit: int = 200) -> list[LoggedStep]:
    """The steps that changed this case, newest first, each with what it did to the case."""
    ids = list(
        session.scalars(
            select(ChangeRow.step_id)
            .where(ChangeRow.case_id == case_id)
            .group_by(ChangeRow.step_id)
            .order_by(ChangeRow.step_id.desc())
            .limit(limit)
        )
    )
    if not ids:
        return []
    steps = _steps(session, ids)
    rows = session.execute(
        select(ChangeRow.step_id, ChangeRow.table_name, ChangeRow.before, ChangeRow.after)
        .where(ChangeRow.case_id == case_id, ChangeRow.step_id.in_(ids))
        .order_by(ChangeRow.id)
    ).all()
    loaded = [
        (step_id, table, json.loads(b) if b else None, json.loads(a) if a else None)
        for step_id, table, b, a in rows
    ]
    tag_ids = {
        int(r["tag_id"])
        for _, table, b, a in loaded
        if table == "case_tag"
        for r in (b, a)
        if r is not None
    }
    found = session.execute(select(Tag.id, Tag.name).where(Tag.id.in_(tag_ids))).all()
    tags = {tag_id: name for tag_id, name in found}
    steps, loaded = _typing_merged(steps, loaded)
    for step_id, table, before, after in loaded:
        steps[step_id].facts.extend(_facts(table, before, after, tags))
    return [steps[i] for i in sorted(steps, reverse=True)]


# Autosaves of one note by one author, each within this long of the last, are one entry.
TYPING_PAUSE = timedelta(minutes=10)

_Loaded = tuple[int, str, Row | None, Row | None]


def _typing_merged(
    steps: dict[int, LoggedStep], loaded: list[_Loaded]
) -> tuple[dict[int, LoggedStep], list[_Loaded]]:
    """A note's autosaves while its author typed, as one step: the text before the first
    and after the last. (The log keeps every step; only the history shows them as one.)"""
    rows_of: dict[int, list[_Loaded]] = {}
    for row in loaded:
        rows_of.setdefault(row[0], []).append(row)

    def typed_note(step_id: int) -> int | None:
        """The note a step only edited (one row, an update of a note), else None."""
        rows = rows_of.get(step_id, [])
        if len(rows) != 1 or steps[step_id].kind != "change":
            return None
        (_, table, before, after) = rows[0]
        if table != "note" or before is None or after is None:
            return None
        return int(after["id"])

    kept: dict[int, LoggedStep] = {}
    merged_rows: dict[int, list[_Loaded]] = {}
    last: tuple[int, int] | None = None  # (the kept step, its note)
    for step_id in sorted(steps):
        step, note = steps[step_id], typed_note(step_id)
        if last is not None and note is not None and last[1] == note:
            previous = kept[last[0]]
            if (step.author, step.text) == (previous.author, previous.text) and (
                step.at - previous.at <= TYPING_PAUSE
            ):
                ((_, table, before, _),) = merged_rows.pop(last[0])
                del kept[last[0]]
                (row,) = rows_of[step_id]
                kept[step_id] = step
                merged_rows[step_id] = [(step_id, table, before, row[3])]
                last = (step_id, note)
                continue
        kept[step_id] = step
        merged_rows[step_id] = rows_of.get(step_id, [])
        last = None if note is None else (step_id, note)
    return kept, [row for step_id in sorted(merged_rows) for row in merged_rows[step_id]]


def fact_text(fact: Fact) -> str:
    """A fact in English words (the command line's; the window says it through tr())."""
    what = fact.table.replace("_", " ")
    if fact.table == "case_tag":
        return f"tag '{fact.name}' {fact.action}"
    if fact.action == "changed":
        return f"{fact.field.replace('_', ' ').capitalize()}: {fact.old} → {fact.new}"
    named = f" '{fact.name}'" if fact.name else ""
    return f"{what}{named} {fact.action}"


def step_json(step: LoggedStep) -> dict[str, Any]:
    return {
        "id": step.id,
        "at": step.at.isoformat() + "Z",
        "author": step.author,
        "text": step.text,
        "kind": step.kind,
        "changes": [fact_text(f) for f in step.facts],
    }


# --- others' changes, read from the log (the window's watch) ---


def last_step_id(session: Session) -> int:
    return int(session.scalar(select(func.max(ChangeStep.id))) or 0)


def step_ids_after(session: Session, step_id: int) -> list[int]:
    """The ids of the steps logged after `step_id`, in order."""
    return list(
        session.scalars(
            select(ChangeStep.id).where(ChangeStep.id > step_id).order_by(ChangeStep.id)
        )
    )


def change_sets(session: Session, ids: list[int]) -> dict[int, ChangeSet]:
    """These steps' rows, each step's as a ChangeSet (keys and values as logged)."""
    found: dict[int, ChangeSet] = {i: ChangeSet() for i in ids}
    if not ids:
        return found
    result = session.execute(
        select(
            ChangeRow.step_id,
            ChangeRow.table_name,
            ChangeRow.row_key,
            ChangeRow.before,
            ChangeRow.after,
        )
        .where(ChangeRow.step_id.in_(ids))
        .order_by(ChangeRow.id)
    )
    for sid, table, key, before, after in result:
        found[sid].changes.append(
            RowChange(
                table,
                tuple(json.loads(key)),
                json.loads(before) if before else None,
                json.loads(after) if after else None,
            )
        )
    return found


def changes_after(session: Session, step_id: int) -> list[tuple[int, ChangeSet]]:
    """Each step logged after `step_id`, in order, with its rows as a ChangeSet."""
    ids = step_ids_after(session, step_id)
    return list(change_sets(session, ids).items())


@dataclass
class LogReader:
    """What others wrote since the last look, read from the change log (no Qt: the window polls).

    `news` gives the rows of the steps others logged since, as one ChangeSet
    (empty: nothing new), or None when the log cannot tell (the catalogue
    replaced by another, a step too large): then everything must be read
    again. Steps in `own` (this process's writes) are passed over.

    On PostgreSQL step ids are handed out before commit, so a step can
    commit after a later one: an id skipped over is watched for
    `late_seconds` and its rows given when it arrives (a rolled-back step
    never does, and is forgotten).
    """

    last: int = 0
    catalogue: str = ""  # the catalogue's own UUID when the watch began
    own: set[int] = field(default_factory=set)
    # A step with more rows than this is shown as a change of everything (a large import).
    most_rows: int = 20_000
    late_seconds: float = 120.0
    # Ids skipped over, with when they were first missed (time.monotonic).
    missing: dict[int, float] = field(default_factory=dict)

    def start(self, session: Session) -> None:
        self.last = last_step_id(session)
        self.catalogue = _catalogue_uuid(session)

    def news(self, session: Session) -> ChangeSet | None:
        ids = step_ids_after(session, self.last)
        if _catalogue_uuid(session) != self.catalogue or last_step_id(session) < self.last:
            self.start(session)  # another catalogue, or this one put back as it was
            return None
        now = time.monotonic()
        late = _present(session, self.missing) if self.missing else []
        for step_id in late:
            del self.missing[step_id]
        self.missing = {i: t for i, t in self.missing.items() if now - t < self.late_seconds}
        if ids:
            skipped = set(range(self.last + 1, ids[-1] + 1)).difference(ids)
            if len(skipped) > MOST_MISSING:
                self.missing.clear()
                self.last = ids[-1]
                return None  # ids jumped far (a restored catalogue?): read it all
            self.missing.update(dict.fromkeys(skipped, now))
            self.last = ids[-1]
        arrived = sorted({*ids, *late})
        if not arrived:
            return ChangeSet()
        others = [i for i in arrived if i not in self.own]
        self.own.difference_update(arrived)
        if not others:
            return ChangeSet()
        rows = session.scalar(
            select(func.count()).select_from(ChangeRow).where(ChangeRow.step_id.in_(others))
        )
        if (rows or 0) > self.most_rows:
            return None
        news = ChangeSet()
        for changes in change_sets(session, others).values():
            news.extend(changes)
        return news


def _present(session: Session, ids: Collection[int]) -> list[int]:
    """Which of these step ids are in the log now."""
    return list(session.scalars(select(ChangeStep.id).where(ChangeStep.id.in_(list(ids)))))


def _catalogue_uuid(session: Session) -> str:
    from models import Meta
    from models.migrations.v007_identities import CATALOGUE_KEY

    return str(session.scalar(select(Meta.value).where(Meta.key == CATALOGUE_KEY)) or "")
