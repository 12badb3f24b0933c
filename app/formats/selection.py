"""Which rows an export holds: the cases a filter picks, and what hangs on them.

A filter that is None or empty means the whole catalogue: then every
source, tag and place is exported, used or not, so the file is the
catalogue. With a filter, only the sources and tags the chosen cases use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import CompoundSelect, select, union
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.id_sets import chunks, in_ids
from app.query import case_ids
from models import CaseActor, CaseSource, Metric, Perspective, Source


def whole(flt: CaseFilter | None) -> bool:
    """Whether `flt` asks for the whole catalogue."""
    return flt is None or flt.is_empty()


def chosen_case_ids(session: Session, flt: CaseFilter | None) -> list[int]:
    """The ids of the cases to export, in the table's title order."""
    return case_ids(session, flt or CaseFilter(), "title")


def source_ids(session: Session, ids: Sequence[int], everything: bool) -> list[int]:
    """The sources to export: all of them, or those the cases `ids` cite anywhere."""
    if everything:
        return list(session.scalars(select(Source.id).order_by(Source.id)))
    found: set[int] = set()
    for piece in chunks(ids):
        cited: CompoundSelect[tuple[int | None]] = union(
            select(CaseSource.source_id).where(in_ids(CaseSource.case_id, piece)),
            select(Metric.source_id).where(in_ids(Metric.case_id, piece)),
            select(Perspective.source_id).where(in_ids(Perspective.case_id, piece)),
            select(CaseActor.source_id).where(in_ids(CaseActor.case_id, piece)),
        )
        found.update(i for i in session.scalars(select(cited.subquery().c[0])) if i is not None)
    return sorted(found)


def sources(session: Session, ids: Sequence[int]) -> Iterator[Source]:
    """The Source rows with these ids, in id order, a chunk at a time."""
    for piece in chunks(sorted(ids)):
        yield from session.scalars(
            select(Source).where(in_ids(Source.id, piece)).order_by(Source.id)
        )
