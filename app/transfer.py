"""`casebook copy SOURCE TARGET`: a catalogue's rows into another, every identity kept.

For a personal catalogue going to the team's server and back (either may be
a file or a server). Rows are matched by UUID (models/identity.py), never by
id: ids are each catalogue's own, so every link (a note's case, a place's
parent, a case's tags) is translated to the target's ids. A row the target
already holds under the same UUID takes the source's values; a new one is
added; nothing in the target is deleted. Link rows without a UUID are
matched by what they link; the sync bases by UUID, the seed records by
key. The derived tables (search documents, the place roll-up) follow by
themselves: the triggers mark what changed and the commit re-indexes it.

The whole copy is one transaction on the target: it lands whole or not at
all. Copying again changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, bindparam, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store import Catalogue, CatalogueError
from models import Base
from models.backends import backend_of

Row = dict[str, Any]

# Made from the rest by Casebook, or the catalogue's own (meta holds its UUID and version).
# The change log is each catalogue's own history: not copied.
SKIPPED_TABLES = frozenset(
    {"meta", "search_doc", "search_dirty", "case_area", "change_step", "change_row"}
)
BATCH = 500


class TransferError(CatalogueError):
    """The copy cannot be made; nothing was written. The message is for the user."""


@dataclass
class CopyReport:
    """What a copy did, per table: rows added, updated, and found already alike."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    alike: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values()))


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]


def _links(table: Table) -> dict[str, str]:
    """column -> the table whose id it holds."""
    return {
        c.name: next(iter(c.foreign_keys)).column.table.name
        for c in table.columns
        if c.foreign_keys
    }


def _parents_first(rows: list[Row], column: str) -> list[Row]:
    """Rows of a table referring to itself, each after the row it refers to."""
    ids = {r["id"] for r in rows}
    placed: set[Any] = set()
    ordered: list[Row] = []
    waiting = rows
    while waiting:
        ready = [
            r for r in waiting if r[column] is None or r[column] not in ids or r[column] in placed
        ]
        if not ready:  # a cycle: keep the rest in id order (the database will say if it cannot)
            ready = waiting
        ordered += ready
        placed.update(r["id"] for r in ready)
        done = {id(r) for r in ready}
        waiting = [r for r in waiting if id(r) not in done]
    return ordered


def copy_catalogue(source: Catalogue, target: Catalogue) -> CopyReport:
    """Copy every row of `source` into `target` (see the module's docstring).

    Raises TransferError, writing nothing, when a row cannot go in (a target
    row with the same slug or name under another identity).
    """
    if target.read_only:
        raise TransferError(f"{target.location} is read-only; nothing was copied.")
    report = CopyReport()
    id_maps: dict[str, dict[int, int]] = {}
    try:
        with source.sessions() as reading, target.sessions.begin() as writing:
            for table in _tables():
                rows = [dict(r._mapping) for r in reading.execute(select(table))]
                _copy_table(writing, table, rows, id_maps, report)
    except IntegrityError as exc:
        detail = " ".join(str(exc.orig).split())[:200]
        raise TransferError(
            f"Cannot copy into {target.location}: a row there has the same name or key under "
            f"another identity ({detail}). Nothing was copied."
        ) from exc
    return report


def _translate(row: Row, links: dict[str, str], id_maps: dict[str, dict[int, int]]) -> Row | None:
    """The row with its links as the target's ids; None if it links to a row not copied."""
    out = dict(row)
    for column, other in links.items():
        value = row[column]
        if value is None:
            continue
        mapped = id_maps.get(other, {}).get(value)
        if mapped is None:
            return None
        out[column] = mapped
    return out


def _copy_table(
    session: Session,
    table: Table,
    rows: list[Row],
    id_maps: dict[str, dict[int, int]],
    report: CopyReport,
) -> None:
    links = _links(table)
    keys = [c.name for c in table.primary_key.columns]
    self_link = next((c for c, other in links.items() if other == table.name), None)
    if keys == ["id"] and "uuid" in table.c:
        _copy_identified(session, table, rows, links, self_link, id_maps, report)
    elif keys == ["id"]:
        _copy_by_content(session, table, rows, links, id_maps, report)
    else:
        _copy_by_key(session, table, rows, links, keys, id_maps, report)


def _copy_identified(
    session: Session,
    table: Table,
    rows: list[Row],
    links: dict[str, str],
    self_link: str | None,
    id_maps: dict[str, dict[int, int]],
    report: CopyReport,
) -> None:
    mapping = id_maps.setdefault(table.name, {})
    present = {r["uuid"]: dict(r) for r in session.execute(select(table)).mappings()}
    # A note from a file has no owner; on the server it becomes the copier's (for a new
    # note) or keeps its own, so a private one stays visible to someone.
    me = _server_login(session) if table.name == "note" else None
    if self_link is not None:
        rows = _parents_first(rows, self_link)
        links = {c: t for c, t in links.items() if c != self_link}
    new: list[tuple[int, Row]] = []
    changed: list[Row] = []
    for row in rows:
        given = _translate(row, links, id_maps)
        if given is None:
            continue
        if self_link is not None and given[self_link] is not None:
            parent = mapping.get(given[self_link])
            if parent is None:  # its parent is new too: added one at a time, parents first
                _flush_new(session, table, new, mapping, report)
                new = []
                parent = mapping.get(given[self_link])
            given[self_link] = parent
        here = present.get(row["uuid"])
        if me is not None and not given.get("owner"):
            given["owner"] = here["owner"] if here is not None else me
        if here is None:
            new.append((row["id"], {k: v for k, v in given.items() if k != "id"}))
            continue
        mapping[row["id"]] = here["id"]
        given["id"] = here["id"]
        if given == here:
            report.alike[table.name] += 1
        else:
            changed.append(given)
    _flush_new(session, table, new, mapping, report)
    _update(session, table, ["id"], changed)
    report.updated[table.name] += len(changed)


def _server_login(session: Session) -> str | None:
    """The login writing, on PostgreSQL (owner of the notes it adds); None in a file."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return str(session.scalar(text("SELECT current_user")))


def _flush_new(
    session: Session,
    table: Table,
    new: list[tuple[int, Row]],
    mapping: dict[int, int],
    report: CopyReport,
) -> None:
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        made = session.execute(statement, [row for _, row in batch]).scalars().all()
        mapping.update((old, made_id) for (old, _), made_id in zip(batch, made, strict=True))
        report.added[table.name] += len(batch)


def _update(session: Session, table: Table, keys: list[str], rows: Iterable[Row]) -> None:
    rows = list(rows)
    if not rows:
        return
    values: dict[str, Any] = {
        c.name: bindparam(f"v_{c.name}") for c in table.columns if c.name not in keys
    }
    where = and_(*(table.c[k] == bindparam(f"k_{k}") for k in keys))
    params = [{**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in values}} for r in rows]
    session.execute(table.update().where(where).values(values), params)


def _copy_by_content(
    session: Session,
    table: Table,
    rows: list[Row],
    links: dict[str, str],
    id_maps: dict[str, dict[int, int]],
    report: CopyReport,
) -> None:
    """A link row with an id but no UUID (a case's people): matched by all it holds."""
    columns = [c.name for c in table.columns if c.name != "id"]
    present = {tuple(r[c] for c in columns) for r in session.execute(select(table)).mappings()}
    new: list[Row] = []
    for row in rows:
        given = _translate(row, links, id_maps)
        if given is None:
            continue
        content = tuple(given[c] for c in columns)
        if content in present:
            report.alike[table.name] += 1
            continue
        present.add(content)
        new.append({c: given[c] for c in columns})
    if new:
        session.execute(table.insert(), new)
        report.added[table.name] += len(new)


def _copy_by_key(
    session: Session,
    table: Table,
    rows: list[Row],
    links: dict[str, str],
    keys: list[str],
    id_maps: dict[str, dict[int, int]],
    report: CopyReport,
) -> None:
    """Rows keyed by what they link or name (case_tag, seed_record, sync_base)."""
    present = {
        tuple(r[k] for k in keys): dict(r) for r in session.execute(select(table)).mappings()
    }
    new: list[Row] = []
    changed: list[Row] = []
    for row in rows:
        given = _translate(row, links, id_maps)
        if given is None:
            continue
        here = present.get(tuple(given[k] for k in keys))
        if here is None:
            new.append(given)
        elif here == given:
            report.alike[table.name] += 1
        else:
            changed.append(given)
    if new:
        session.execute(backend_of(session).upsert(table), new)
        report.added[table.name] += len(new)
    _update(session, table, keys, changed)
    report.updated[table.name] += len(changed)
