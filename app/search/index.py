"""Keeping the full-text index and the place roll-up in step with every write.

Triggers (schema 5) mark in `search_dirty` which part of which case a write
made stale, whatever wrote it: the journal, undo and redo, an import, the
seed, a migration, another program. `refresh_stale` rebuilds those parts and
runs before every commit of the catalogue's sessions (`keep_in_step`), so a
committed change and its index entry land in the same transaction: a crash
loses both or neither. What a writer outside Casebook's sessions left marked
is picked up by the next commit, or when the catalogue is opened.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Integer, delete, event, insert, literal_column, null, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.search.documents import (
    COLUMNS,
    PlaceTree,
    case_parts,
    marks_part,
    notes_part,
)
from models import CaseArea, CaseStudy, SearchDirty, SearchDoc
from models.backends import backend_of
from models.search import PART_CASE, PART_MARKS, PART_NOTES

log = logging.getLogger(__name__)

BATCH = 400


def pack(doc: dict[str, object]) -> bytes:
    """A document's columns as stored in search_doc: JSON, compressed (a third of the text)."""
    return zlib.compress(json.dumps([doc[c] for c in COLUMNS], ensure_ascii=False).encode(), 6)


def unpack(case_id: int, packed: bytes) -> dict[str, object]:
    values = json.loads(zlib.decompress(packed).decode())
    return {"case_id": case_id, **dict(zip(COLUMNS, values, strict=True))}


def _take_stale(session: Session) -> dict[int, set[str]]:
    """The marked parts, unmarked in the same statement (the pass rebuilds them all)."""
    parts: dict[int, set[str]] = defaultdict(set)
    taken = session.execute(delete(SearchDirty).returning(SearchDirty.case_id, SearchDirty.part))
    for case_id, part in taken:
        parts[case_id].add(part)
    return parts


def refresh_stale(session: Session) -> int:
    """Rebuild every marked part of every marked case; return how many cases were looked at."""
    stale = _take_stale(session)
    if not stale:
        return 0
    tree: PlaceTree | None = None
    ids = sorted(stale)
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        if tree is None and any(PART_CASE in stale[i] for i in batch):
            tree = PlaceTree(session)
        _refresh(session, batch, stale, tree)
    return len(ids)


def _documents_and_cases(session: Session, ids: Sequence[int]) -> tuple[
    dict[int, dict[str, object]], set[int]
]:  # fmt: skip
    """The indexed documents of these cases, and which of them still exist: one query."""
    is_case = literal_column("1", Integer)
    docs = select(SearchDoc.case_id, SearchDoc.packed, literal_column("0", Integer))
    cases = select(CaseStudy.id, null(), is_case).where(CaseStudy.id.in_(ids))
    both = docs.where(SearchDoc.case_id.in_(ids)).union_all(cases)
    old: dict[int, dict[str, object]] = {}
    alive: set[int] = set()
    for case_id, packed, a_case in session.execute(both):
        if a_case:
            alive.add(case_id)
        else:
            old[case_id] = unpack(case_id, packed)
    return old, alive


def _refresh(
    session: Session, ids: Sequence[int], stale: dict[int, set[str]], tree: PlaceTree | None
) -> None:
    old, alive = _documents_and_cases(session, ids)
    # A case without a document yet needs all its parts.
    wanted = {i: (stale[i] if i in old else {PART_CASE, PART_NOTES, PART_MARKS}) for i in alive}
    need_case = [i for i in alive if PART_CASE in wanted[i]]
    need_notes = [i for i in alive if PART_NOTES in wanted[i]]
    need_marks = [i for i in alive if PART_MARKS in wanted[i]]
    case_docs: dict[int, dict[str, str]] = {}
    if need_case:
        assert tree is not None
        case_docs, areas = case_parts(session, need_case, tree)
        _put_areas(session, need_case, areas)
    notes = notes_part(session, need_notes) if need_notes else {}
    marks = marks_part(session, need_marks) if need_marks else {}
    removed = [old[i] for i in ids if i in old and i not in alive]
    fresh: list[dict[str, object]] = []
    replaced: list[dict[str, object]] = []
    for i in sorted(alive):
        doc = dict(old.get(i) or {"case_id": i, **dict.fromkeys(COLUMNS, "")})
        if i in case_docs:
            doc.update(case_docs[i])
        if PART_NOTES in wanted[i]:
            doc["notes"] = notes.get(i, "")
        if PART_MARKS in wanted[i]:
            doc["marks"] = marks.get(i, "")
        if doc != old.get(i):
            fresh.append(doc)
            if i in old:
                replaced.append(old[i])
    index = backend_of(session)
    # On a server a document added replaces the one indexed (an upsert); FTS5
    # must first be told the exact terms to take out.
    outdated = removed + ([] if index.INDEX_ADD_REPLACES else replaced)
    if outdated:
        index.index_remove(session, outdated)
    if removed:
        session.execute(
            delete(SearchDoc).where(SearchDoc.case_id.in_([d["case_id"] for d in removed]))
        )
    if fresh:
        index.index_add(session, fresh, [pack(d) for d in fresh])  # kept in search_doc too


def _put_areas(session: Session, ids: Sequence[int], areas: list[dict[str, object]]) -> None:
    """Make these cases' roll-up rows `areas`, writing only when they differ (a tag or a
    note leaves them as they were: no rows deleted and written again)."""
    columns = (CaseArea.case_id, CaseArea.role, CaseArea.area_id, CaseArea.rollup)
    now = {tuple(row) for row in session.execute(select(*columns).where(CaseArea.case_id.in_(ids)))}
    if now == {(a["case_id"], a["role"], a["area_id"], bool(a["rollup"])) for a in areas}:
        return
    if now:
        session.execute(delete(CaseArea).where(CaseArea.case_id.in_(ids)))
    if areas:
        session.execute(insert(CaseArea), areas)


def rebuild(session: Session) -> int:
    """Throw the index and the roll-up away and build them again from the catalogue.

    `casebook reindex` runs this; the result equals what the incremental
    passes maintain (a test holds them to it). Returns the number of cases.
    """
    index = backend_of(session)
    index.index_clear(session)
    session.execute(delete(SearchDoc))
    session.execute(delete(CaseArea))
    session.execute(delete(SearchDirty))
    session.execute(
        text("INSERT INTO search_dirty (case_id, part) SELECT id, 'case' FROM case_study")
    )
    count = refresh_stale(session)
    index.index_optimize(session)
    return count


def check(session: Session) -> bool:
    """Whether the full-text index is sound (on SQLite, FTS5's own check of its structures)."""
    return backend_of(session).index_is_sound(session)


def has_stale(session: Session) -> bool:
    return session.scalar(select(SearchDirty.case_id).limit(1)) is not None


def _before_commit(session: Session) -> None:
    refresh_stale(session)


def keep_in_step(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Make every commit of `sessions` refresh the index parts its writes made stale.

    Called once per sessionmaker. Not guarded by `event.contains`: that looks
    listeners up by the target's id(), which a new sessionmaker can share with
    a collected one, and a skipped registration would leave commits unindexed.
    """
    event.listen(sessions, "before_commit", _before_commit)
    return sessions


def catch_up(sessions: sessionmaker[Session]) -> int:
    """Index what was marked outside Casebook's sessions (a migration, another tool)."""
    with sessions() as session:
        if not has_stale(session):
            return 0
    with sessions.begin() as session:
        count = refresh_stale(session)
    log.info("search index: refreshed %d cases", count)
    return count


def indexed_ids(session: Session) -> Iterable[int]:
    return session.scalars(select(SearchDoc.case_id).order_by(SearchDoc.case_id))
