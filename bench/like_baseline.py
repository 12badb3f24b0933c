"""The text filter as it was before full-text search (commit 5476fcb), kept as a baseline.

Each word of the text must appear (LIKE '%word%') in a case's title, summary
or slug, or in the name of one of its places or actors; the narrative, the
notes and the highlights were not searched. The ids, the facet counts and
the place roll-up they use are copied here unchanged from app/query.py and
app/places.py of that commit, so bench/search.py can keep comparing after
those files moved on.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import CTE, ColumnElement, Select, and_, exists, func, literal, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from app.case_filter import (
    FACET_DONOR,
    FACET_FORM,
    FACET_RECIPIENT,
    FACET_SECTOR,
    CaseFilter,
    Facets,
    FacetValue,
    TagMode,
)
from app.id_sets import in_ids
from models import Actor, CaseActor, CasePlace, CaseStudy, Place, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance

DONOR = "donor"
RECIPIENT = "recipient"

_AnySelect = TypeVar("_AnySelect", bound=Select[*tuple[Any, ...]])


# --- app/places.py at 5476fcb -------------------------------------------------


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
    if role == DONOR:
        return lineage.c.ancestor_parent_id.is_(None)
    roots = select(Place.id).where(Place.parent_id.is_(None))
    return or_(
        lineage.c.ancestor_parent_id.in_(roots),
        and_(lineage.c.ancestor_parent_id.is_(None), lineage.c.depth == 0),
    )


def rollup_pairs(role: str, case_ids: list[int] | Select[int] | None = None) -> Select[int, int]:
    """(case_id, rolled-up place_id) for one side of the pairings."""
    lineage = lineage_cte()
    area = (
        select(lineage.c.place_id, lineage.c.ancestor_id.label("area_id"))
        .where(_is_rollup_level(lineage, role))
        .subquery("area")
    )
    stmt = (
        select(CasePlace.case_id, area.c.area_id)
        .join(area, area.c.place_id == CasePlace.place_id + 0)
        .where(CasePlace.role == role)
    )
    if case_ids is not None:
        stmt = stmt.where(CasePlace.case_id.in_(case_ids))
    return stmt


# --- app/query.py at 5476fcb --------------------------------------------------


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_condition(word: str) -> ColumnElement[bool]:
    pattern = f"%{escape_like(word)}%"
    place_match = exists().where(
        CasePlace.case_id == CaseStudy.id,
        CasePlace.place_id == Place.id,
        or_(
            Place.name.ilike(pattern, escape="\\"),
            Place.name_zh.like(pattern, escape="\\"),
            Place.name_ug.like(pattern, escape="\\"),
        ),
    )
    actor_match = exists().where(
        CaseActor.case_id == CaseStudy.id,
        CaseActor.actor_id == Actor.id,
        or_(Actor.name.ilike(pattern, escape="\\"), Actor.name_zh.like(pattern, escape="\\")),
    )
    return or_(
        CaseStudy.title.ilike(pattern, escape="\\"),
        CaseStudy.summary.ilike(pattern, escape="\\"),
        CaseStudy.slug.ilike(pattern, escape="\\"),
        place_match,
        actor_match,
    )


def _place_condition(role: str, place_ids: frozenset[int]) -> ColumnElement[bool]:
    inside = descendant_ids(set(place_ids))
    return CaseStudy.id.in_(
        select(CasePlace.case_id).where(CasePlace.role == role, CasePlace.place_id.in_(inside))
    )


def tag_keys_condition(keys: frozenset[str], mode: TagMode) -> ColumnElement[bool]:
    def carries(key: str) -> ColumnElement[bool]:
        return exists().where(
            case_tag.c.case_id == CaseStudy.id,
            case_tag.c.tag_id == Tag.id,
            or_(Tag.name_key == key, Tag.name_key.startswith(key + "/", autoescape=True)),
        )

    conditions = [carries(k) for k in sorted(keys)]
    return and_(*conditions) if mode == "all" else or_(*conditions)


def filter_conditions(flt: CaseFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [_text_condition(w) for w in flt.text.split()]
    if flt.sectors:
        conditions.append(CaseStudy.sector.in_(flt.sectors))
    if flt.donor_places:
        conditions.append(_place_condition(DONOR, flt.donor_places))
    if flt.recipient_places:
        conditions.append(_place_condition(RECIPIENT, flt.recipient_places))
    if flt.forms:
        conditions.append(
            CaseStudy.id.in_(
                select(CaseAssistance.case_id).where(CaseAssistance.form.in_(flt.forms))
            )
        )
    if flt.tags:
        conditions.append(tag_keys_condition(flt.tags, flt.tag_mode))
    if flt.case_ids is not None:
        conditions.append(in_ids(CaseStudy.id, flt.case_ids))
    return conditions or [true()]


def filtered_ids(flt: CaseFilter) -> Select[int]:
    return select(CaseStudy.id).where(*filter_conditions(flt))


def _restrict(
    stmt: _AnySelect, case_id: ColumnElement[int] | InstrumentedAttribute[int], flt: CaseFilter
) -> _AnySelect:
    return stmt if flt.is_empty() else stmt.where(case_id.in_(filtered_ids(flt)))


def case_ids(session: Session, flt: CaseFilter) -> list[int]:
    """Ids of the cases matching `flt`, in the table's default order (by title)."""
    title = func.lower(CaseStudy.title)
    stmt = (
        select(CaseStudy.id)
        .where(*filter_conditions(flt))
        .order_by(CaseStudy.title.expression.asc(), title, CaseStudy.id)
    )
    return list(session.scalars(stmt))


def facet_counts(session: Session, flt: CaseFilter) -> Facets:
    """For each facet group, its values with the number of cases each would show."""
    facets = Facets()
    sectors = session.execute(
        select(CaseStudy.sector, func.count())
        .where(CaseStudy.sector != "", *filter_conditions(flt.without(FACET_SECTOR)))
        .group_by(CaseStudy.sector)
        .order_by(CaseStudy.sector)
    )
    facets.groups[FACET_SECTOR] = [FacetValue(FACET_SECTOR, s, s, n) for s, n in sectors]
    for group, role in ((FACET_DONOR, DONOR), (FACET_RECIPIENT, RECIPIENT)):
        pairs = rollup_pairs(role).subquery()
        stmt = (
            select(Place.id, Place.name, func.count(func.distinct(pairs.c.case_id)))
            .join(pairs, pairs.c.area_id == Place.id)
            .group_by(Place.id, Place.name)
            .order_by(Place.name)
        )
        rows = session.execute(_restrict(stmt, pairs.c.case_id, flt.without(group)))
        facets.groups[group] = [FacetValue(group, str(i), name, n) for i, name, n in rows]
    forms_stmt = (
        select(CaseAssistance.form, func.count())
        .group_by(CaseAssistance.form)
        .order_by(CaseAssistance.form)
    )
    forms = session.execute(_restrict(forms_stmt, CaseAssistance.case_id, flt.without(FACET_FORM)))
    facets.groups[FACET_FORM] = [FacetValue(FACET_FORM, f, f, n) for f, n in forms]
    return facets
