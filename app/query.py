"""Finding cases: the filter a user builds, the sorted id list, rows by page, facet counts.

Everything runs in SQL so it scales to catalogues of 100,000 cases: the
window asks for ordered ids once, then for rows a page at a time.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.case_filter import (
    FACET_DONOR,
    FACET_FORM,
    FACET_GROUPS,
    FACET_RECIPIENT,
    FACET_SECTOR,
    SORT_KEYS,
    CaseFilter,
    CaseRow,
    Facets,
    FacetValue,
    SortKey,
    TagMode,
)
from app.id_sets import VARIABLES, fetch_column, fetch_pairs, id_select, in_ids
from app.places import DONOR, RECIPIENT
from app.search.conditions import CompiledQuery, compile_query, fts_ids, ranked_hits
from app.search.language import QueryError, parse
from models import CaseArea, CaseStudy, Highlight, Note, Place, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance

__all__ = [
    "FACET_DONOR",
    "FACET_FORM",
    "FACET_GROUPS",
    "FACET_RECIPIENT",
    "FACET_SECTOR",
    "SORT_KEYS",
    "CaseFilter",
    "CaseRow",
    "FacetValue",
    "Facets",
    "QueryError",
    "SortKey",
    "TagMode",
    "case_ids",
    "case_rows",
    "count_cases",
    "facet_counts",
    "filter_conditions",
    "filtered_ids",
    "scored_ids",
]

_AnySelect = TypeVar("_AnySelect", bound=Select[*tuple[Any, ...]])


@lru_cache(maxsize=64)
def compiled_text(text: str) -> CompiledQuery:
    """The search box's text as SQL (cached: a keystroke asks for ids and counts).

    Raises QueryError, with one line for the user, for a malformed query.
    """
    return compile_query(parse(text))


def _place_condition(role: str, place_ids: frozenset[int]) -> ColumnElement[bool]:
    """Cases with a place on this side inside one of these areas (or the area itself)."""
    inside = select(CaseArea.case_id).where(
        CaseArea.role == role, CaseArea.area_id.in_(sorted(place_ids))
    )
    return CaseStudy.id.in_(inside)


def tag_keys_condition(keys: frozenset[str], mode: TagMode) -> ColumnElement[bool]:
    """Cases carrying the tags, on the case or on a highlight (a parent includes its children)."""

    def carries(key: str) -> ColumnElement[bool]:
        under = or_(Tag.name_key == key, Tag.name_key.startswith(key + "/", autoescape=True))
        on_case = exists().where(
            case_tag.c.case_id == CaseStudy.id, case_tag.c.tag_id == Tag.id, under
        )
        on_highlight = exists().where(
            Highlight.case_id == CaseStudy.id, Highlight.tag_id == Tag.id, under
        )
        return or_(on_case, on_highlight)

    conditions = [carries(k) for k in sorted(keys)]
    return and_(*conditions) if mode == "all" else or_(*conditions)


def filter_conditions(flt: CaseFilter, ranked: bool = False) -> list[ColumnElement[bool]]:
    """The conditions on case_study for `flt`; with `ranked`, without the text match
    (the caller joins `ranked_hits` for it). Raises QueryError for a malformed query."""
    conditions: list[ColumnElement[bool]] = []
    if flt.text.strip():
        compiled = compiled_text(flt.text.strip())
        conditions += compiled.conditions
        if compiled.match is not None and not ranked:
            conditions.append(CaseStudy.id.in_(fts_ids(compiled.match)))
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
    return conditions


def filtered_ids(flt: CaseFilter) -> Select[int]:
    return select(CaseStudy.id).where(*filter_conditions(flt))


def count_cases(session: Session, flt: CaseFilter) -> int:
    stmt = select(func.count()).select_from(CaseStudy).where(*filter_conditions(flt))
    return session.scalar(stmt) or 0


def _among(
    case_id: ColumnElement[int] | InstrumentedAttribute[int], flt: CaseFilter
) -> ColumnElement[bool]:
    """`case_id` (a column naming a case) is one of the cases matching `flt`.

    A filter of ids alone is put on the column itself: a row naming a case
    exists only while its case does, so going through case_study again (one
    more index probe per case) would find the same.
    """
    if flt.case_ids is not None and replace(flt, case_ids=None, tag_mode="all").is_empty():
        return in_ids(case_id, flt.case_ids)
    return case_id.in_(filtered_ids(flt))


def _restrict(
    stmt: _AnySelect, case_id: ColumnElement[int] | InstrumentedAttribute[int], flt: CaseFilter
) -> _AnySelect:
    """Limit `stmt` to the cases matching `flt` (no subquery at all when it is empty)."""
    return stmt if flt.is_empty() else stmt.where(_among(case_id, flt))


def _tag_counts() -> Select[int, int]:
    return select(case_tag.c.case_id, func.count().label("n")).group_by(case_tag.c.case_id)


def _note_counts() -> Select[int, int]:
    return select(Note.case_id, func.count().label("n")).group_by(Note.case_id)


# A place's Chinese name, or its English one when it has none.
_NAME_ZH = func.coalesce(func.nullif(Place.name_zh, ""), Place.name)


def _area_names(role: str, wanted: list[int] | Select[int] | None = None) -> Select[int, str, str]:
    """(case_id, "Hubei, Guangdong", "湖北、广东"): the areas a case's places roll up to,
    per side, in English and in Chinese."""
    stmt = (
        select(
            CaseArea.case_id,
            func.group_concat(Place.name, ", ").label("names"),
            func.group_concat(_NAME_ZH, "、").label("names_zh"),
        )
        .join(Place, Place.id == CaseArea.area_id)
        .where(CaseArea.role == role, CaseArea.rollup)
        .group_by(CaseArea.case_id)
    )
    return stmt if wanted is None else stmt.where(CaseArea.case_id.in_(wanted))


def _area_sort_names(role: str) -> Select[int, str]:
    """(case_id, first area name): the key the table sorts donors and recipients by."""
    return (
        select(CaseArea.case_id, func.min(Place.name).label("names"))
        .join(Place, Place.id == CaseArea.area_id)
        .where(CaseArea.role == role, CaseArea.rollup)
        .group_by(CaseArea.case_id)
    )


def _match_of(flt: CaseFilter) -> str | None:
    return compiled_text(flt.text.strip()).match if flt.text.strip() else None


def scored_ids(
    session: Session, flt: CaseFilter, worst_first: bool = False
) -> list[tuple[int, float]]:
    """(id, score) of the matching cases, best first; a higher score is a better match.

    The score is bm25's, sign turned; 0 for every case when the query has no
    words to rank by (the order is then the title's).
    """
    match = _match_of(flt)
    title = func.lower(CaseStudy.title)
    if match is None:
        ids = fetch_column(session, select(CaseStudy.id).where(*filter_conditions(flt)).order_by(
            title.desc() if worst_first else title, CaseStudy.id))  # fmt: skip
        return [(i, 0.0) for i in ids]
    hits = ranked_hits(match).subquery()
    conditions = filter_conditions(flt, ranked=True)
    if conditions:
        # "+ 0": an IN on the rowid itself would be handed to FTS5, which then
        # runs the match once per listed case (seconds for a broad year: filter).
        stmt = select(hits.c.case_id, hits.c.score).where(
            (hits.c.case_id + 0).in_(select(CaseStudy.id).where(*conditions))
        )
    else:
        stmt = select(hits.c.case_id, hits.c.score)
    # Equal scores keep the order the cases were added in: a tie-break by title
    # would join every hit to its case, a third of the time at 100,000 cases.
    if worst_first:
        stmt = stmt.order_by(hits.c.score.desc(), hits.c.case_id.desc())
    else:
        stmt = stmt.order_by(hits.c.score, hits.c.case_id)
    return [(i, -s) for i, s in fetch_pairs(session, stmt)]


def case_ids(
    session: Session, flt: CaseFilter, sort: SortKey = "title", descending: bool = False
) -> list[int]:
    """Ids of the cases matching `flt`, in the order the table shows them.

    "relevance" puts the best matches of the query's words first (bm25, with
    the title weighing most); without words it is the title order.
    Raises QueryError for a malformed query.
    """
    title = func.lower(CaseStudy.title)
    if sort == "relevance" and _match_of(flt) is not None:
        return [case_id for case_id, _score in scored_ids(session, flt, descending)]
    stmt = select(CaseStudy.id).where(*filter_conditions(flt))
    if sort in ("title", "relevance"):
        if descending:
            return fetch_column(session, stmt.order_by(title.desc(), CaseStudy.id.desc()))
        return fetch_column(session, stmt.order_by(title, CaseStudy.id))
    key: ColumnElement[Any]
    if sort in ("donor", "recipient"):
        names = _area_sort_names(DONOR if sort == "donor" else RECIPIENT).subquery()
        stmt = stmt.outerjoin(names, names.c.case_id == CaseStudy.id)
        key = func.coalesce(names.c.names, "")
    elif sort in ("tags", "notes"):
        counts = (_tag_counts() if sort == "tags" else _note_counts()).subquery()
        stmt = stmt.outerjoin(counts, counts.c.case_id == CaseStudy.id)
        key = func.coalesce(counts.c.n, 0)
    elif sort == "start_year":
        key = func.coalesce(CaseStudy.start_year, 0)
    else:
        key = CaseStudy.sector.expression
    order = key.desc() if descending else key.asc()
    stmt = stmt.order_by(order, title.desc() if descending else title, CaseStudy.id)
    return fetch_column(session, stmt)


def case_rows(session: Session, ids: list[int]) -> dict[int, CaseRow]:
    """The table rows of these cases, keyed by id (one query whatever the count)."""
    if not ids:
        return {}
    # A page of the table binds its few ids; a long list (`casebook list`)
    # goes in as one JSON text, so no count of ids exceeds SQLite's variable limit.
    wanted: list[int] | Select[int] = ids if len(ids) <= VARIABLES // 5 else id_select(ids)
    donors = _area_names(DONOR, wanted).subquery()
    recipients = _area_names(RECIPIENT, wanted).subquery()
    # Each case's tags as one JSON array of [name, colour] (shown as coloured names).
    tags = (
        select(
            case_tag.c.case_id,
            func.count().label("n"),
            func.json_group_array(func.json_array(Tag.name, Tag.colour)).label("names"),
        )
        .join(Tag, Tag.id == case_tag.c.tag_id)
        .where(case_tag.c.case_id.in_(wanted))
        .group_by(case_tag.c.case_id)
        .subquery()
    )
    notes = _note_counts().where(Note.case_id.in_(wanted)).subquery()
    stmt = (
        select(
            CaseStudy.id,
            CaseStudy.slug,
            CaseStudy.title,
            func.coalesce(donors.c.names, ""),
            func.coalesce(recipients.c.names, ""),
            CaseStudy.sector,
            CaseStudy.start_year,
            CaseStudy.end_year,
            CaseStudy.ongoing,
            func.coalesce(tags.c.n, 0),
            func.coalesce(notes.c.n, 0),
            CaseStudy.title_zh,
            tags.c.names,
            func.coalesce(donors.c.names_zh, ""),
            func.coalesce(recipients.c.names_zh, ""),
        )
        .outerjoin(donors, donors.c.case_id == CaseStudy.id)
        .outerjoin(recipients, recipients.c.case_id == CaseStudy.id)
        .outerjoin(tags, tags.c.case_id == CaseStudy.id)
        .outerjoin(notes, notes.c.case_id == CaseStudy.id)
        .where(CaseStudy.id.in_(wanted))
    )
    rows: dict[int, CaseRow] = {}
    for *fields, names, donor_zh, recipient_zh in session.execute(stmt):
        rows[fields[0]] = replace(
            CaseRow(*fields), tags=_tag_chips(names), donor_zh=donor_zh, recipient_zh=recipient_zh
        )
    return rows


def _tag_chips(names: str | None) -> tuple[tuple[str, str], ...]:
    """(name, colour) of a case's tags from their JSON array, in name order."""
    if not names:
        return ()
    pairs = [(str(name), str(colour or "")) for name, colour in json.loads(names)]
    return tuple(sorted(pairs, key=lambda pair: (pair[0].casefold(), pair[0])))


def _area_counts(
    session: Session, flt: CaseFilter, roles: tuple[str, ...]
) -> dict[str, list[FacetValue]]:
    """How many cases each area holds, for each side in `roles` under the same filter
    (case_area has one row per case and area, so count(*) counts cases)."""
    stmt = select(CaseArea.role, CaseArea.area_id, func.count()).where(CaseArea.rollup)
    stmt = stmt.group_by(CaseArea.role, CaseArea.area_id)
    if flt.is_empty():
        # Each side's roll-up rows, read in area order from the role-led index.
        stmt = stmt.where(CaseArea.role.in_(roles))
    else:
        # Probe each matching case by the primary key; "|| ''" keeps SQLite from
        # scanning whole sides through the role-led index instead.
        stmt = stmt.where((CaseArea.role + "").in_(roles), _among(CaseArea.case_id, flt))
    counts: dict[str, dict[int, int]] = {role: {} for role in roles}
    for role, area_id, n in session.connection().execute(stmt).cursor.fetchall():
        counts[role][area_id] = n
    wanted = sorted({a for by_area in counts.values() for a in by_area})
    places = session.execute(select(Place.id, Place.name, _NAME_ZH).where(Place.id.in_(wanted)))
    names: dict[int, str] = {}
    names_zh: dict[int, str] = {}
    for place_id, name, name_zh in places:
        names[place_id], names_zh[place_id] = name, name_zh
    groups = {DONOR: FACET_DONOR, RECIPIENT: FACET_RECIPIENT}
    return {
        role: [
            FacetValue(groups[role], str(a), names[a], n, names_zh[a])
            for a, n in sorted(by_area.items(), key=lambda item: (names[item[0]], item[0]))
        ]
        for role, by_area in counts.items()
    }


def _with_common_part_read(session: Session, flt: CaseFilter) -> CaseFilter:
    """`flt` with its query and tags replaced by the ids they find, read once.

    Every facet group is counted under the query and the tags; only the facet
    selections differ between groups. Reading the matching ids once, instead
    of once per group, saves three full-text searches per keystroke.
    """
    common = replace(flt, sectors=frozenset(), donor_places=frozenset(),
                     recipient_places=frozenset(), forms=frozenset())  # fmt: skip
    if not (common.text.strip() or common.tags):
        return flt
    match = _match_of(common)
    if match is not None and filter_conditions(common, ranked=True) == []:
        # Words alone: the index's own ids. They may name a case deleted by
        # another program and not yet unindexed; every count below reads the
        # cases' own rows, so such an id counts nowhere.
        ids = frozenset(fetch_column(session, fts_ids(match)))
    else:
        ids = frozenset(fetch_column(session, filtered_ids(common)))
    return replace(flt, text="", tags=frozenset(), case_ids=ids)


def facet_counts(session: Session, flt: CaseFilter) -> Facets:
    """For each facet group, its values with the number of cases each would show.

    A group's counts ignore that group's own selection, so choosing "energy"
    still shows how many cases the other sectors hold. Raises QueryError for
    a malformed query.
    """
    facets = Facets()
    flt = _with_common_part_read(session, flt)
    sectors = session.execute(
        select(CaseStudy.sector, func.count())
        .where(CaseStudy.sector != "", *filter_conditions(flt.without(FACET_SECTOR)))
        .group_by(CaseStudy.sector)
        .order_by(CaseStudy.sector)
    )
    facets.groups[FACET_SECTOR] = [FacetValue(FACET_SECTOR, s, s, n) for s, n in sectors]
    donors, recipients = flt.without(FACET_DONOR), flt.without(FACET_RECIPIENT)
    if donors == recipients:  # neither side has a selection: one query for both
        by_role = _area_counts(session, donors, (DONOR, RECIPIENT))
    else:
        by_role = _area_counts(session, donors, (DONOR,))
        by_role |= _area_counts(session, recipients, (RECIPIENT,))
    facets.groups[FACET_DONOR] = by_role[DONOR]
    facets.groups[FACET_RECIPIENT] = by_role[RECIPIENT]
    forms_stmt = (
        select(CaseAssistance.form, func.count())
        .group_by(CaseAssistance.form)
        .order_by(CaseAssistance.form)
    )
    forms = session.execute(_restrict(forms_stmt, CaseAssistance.case_id, flt.without(FACET_FORM)))
    facets.groups[FACET_FORM] = [FacetValue(FACET_FORM, f, f, n) for f, n in forms]
    return facets
