"""Place hierarchy queries: lineage, descendants, and the donor/recipient rollups.

The hierarchy is walked in SQL with a recursive CTE, so "everything Hubei
supports" is one query whatever the depth.
"""

from __future__ import annotations

from sqlalchemy import CTE, ColumnElement, Select, and_, func, literal, or_, select
from sqlalchemy.orm import aliased

from models import CasePlace, Place

DONOR = "donor"
RECIPIENT = "recipient"


def lineage_cte() -> CTE:
    """Rows (place_id, ancestor_id, ancestor_parent_id, depth): every place with each ancestor."""
    base = select(
        Place.id.label("place_id"),
        Place.id.label("ancestor_id"),
        Place.parent_id.label("ancestor_parent_id"),
        literal(0).label("depth"),
    ).cte("lineage", recursive=True, nesting=True)
    parent = aliased(Place)
    step = select(
        base.c.place_id,
        parent.id,
        parent.parent_id,
        base.c.depth + 1,
    ).join(parent, parent.id == base.c.ancestor_parent_id)
    return base.union_all(step)


def descendant_ids(place_ids: set[int]) -> Select[int]:
    """The ids of these places and everything inside them."""
    lineage = lineage_cte()
    return select(lineage.c.place_id).where(lineage.c.ancestor_id.in_(place_ids))


def _is_rollup_level(lineage: CTE, role: str) -> ColumnElement[bool]:
    """Which ancestor a place rolls up to: donors to the top level (province),
    recipients to the level under the top (a prefecture, or a city directly
    under the region), or to the top when the place is the region itself."""
    if role == DONOR:
        return lineage.c.ancestor_parent_id.is_(None)
    roots = select(Place.id).where(Place.parent_id.is_(None))
    return or_(
        lineage.c.ancestor_parent_id.in_(roots),
        and_(lineage.c.ancestor_parent_id.is_(None), lineage.c.depth == 0),
    )


def rollup_pairs(role: str, case_ids: list[int] | Select[int] | None = None) -> Select[int, int]:
    """(case_id, rolled-up place_id) for one side of the pairings; a pair repeats when
    a case has two places inside the same area, so count distinct case ids."""
    lineage = lineage_cte()
    area = (
        select(lineage.c.place_id, lineage.c.ancestor_id.label("area_id"))
        .where(_is_rollup_level(lineage, role))
        .subquery("area")
    )
    # "+ 0" keeps SQLite from driving the join through the place_id index: a
    # scan of case_place probing the few hundred area rows is several times
    # faster than one index probe per place into scattered case rows.
    stmt = (
        select(CasePlace.case_id, area.c.area_id)
        .join(area, area.c.place_id == CasePlace.place_id + 0)
        .where(CasePlace.role == role)
    )
    if case_ids is not None:
        stmt = stmt.where(CasePlace.case_id.in_(case_ids))
    return stmt


def rollup_names(role: str, case_ids: list[int] | Select[int] | None = None) -> Select[int, str]:
    """(case_id, "Hubei, Guangdong"): the rolled-up place names per case, for display and sort."""
    pairs = rollup_pairs(role, case_ids).distinct().subquery()
    return (
        select(pairs.c.case_id, func.group_concat(Place.name, ", ").label("names"))
        .join(Place, Place.id == pairs.c.area_id)
        .group_by(pairs.c.case_id)
    )


def rollup_sort_names(role: str) -> Select[int, str]:
    """(case_id, first area name): the key the table sorts donors and recipients by."""
    pairs = rollup_pairs(role).subquery()
    return (
        select(pairs.c.case_id, func.min(Place.name).label("names"))
        .join(Place, Place.id == pairs.c.area_id)
        .group_by(pairs.c.case_id)
    )
