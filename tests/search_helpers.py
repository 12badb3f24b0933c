"""Searching a catalogue in tests, and holding the index to a rebuild."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.query import CaseFilter, case_ids
from app.search.index import check, has_stale, rebuild, unpack
from app.store import Catalogue
from models import CaseArea, CaseStudy, SearchDoc


def slugs(catalogue: Catalogue, query: str, sort: str = "title") -> list[str]:
    """The slugs of the cases `query` finds, in the order asked for."""
    with catalogue.sessions() as session:
        ids = case_ids(session, CaseFilter(text=query), sort)  # type: ignore[arg-type]
        by_id = {i: slug for i, slug in session.execute(select(CaseStudy.id, CaseStudy.slug))}
    return [by_id[i] for i in ids]


def found(catalogue: Catalogue, query: str) -> set[str]:
    return set(slugs(catalogue, query))


def found_ids(catalogue: Catalogue, query: str) -> set[int]:
    with catalogue.sessions() as session:
        return set(case_ids(session, CaseFilter(text=query)))


def index_state(session: Session) -> tuple[list[Any], list[Any]]:
    docs = [
        unpack(d.case_id, d.packed)
        for d in session.scalars(select(SearchDoc).order_by(SearchDoc.case_id))
    ]
    areas = [
        tuple(r)
        for r in session.execute(
            select(CaseArea.case_id, CaseArea.role, CaseArea.area_id, CaseArea.rollup).order_by(
                CaseArea.case_id, CaseArea.role, CaseArea.area_id
            )
        )
    ]
    return docs, areas


def assert_index_is_fresh(catalogue: Catalogue) -> None:
    """The incrementally kept index equals one rebuilt from scratch, and FTS5 agrees."""
    with catalogue.sessions() as session:
        assert not has_stale(session)
        kept = index_state(session)
        assert check(session)
    with catalogue.sessions.begin() as session:
        rebuild(session)
    with catalogue.sessions() as session:
        assert index_state(session) == kept
        assert check(session)
