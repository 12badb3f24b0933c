"""The timeline's data: cases on a year axis, in lanes by sector, donor or recipient.

A small result (at most `AGGREGATE_ABOVE` cases) comes back as one bar per
case and lane; a larger one as counts per lane and year (how many cases run
in that year), so the drawing stays at a few thousand items whatever the size
of the catalogue. Cases without a start year are counted apart ("no period").
A case with several donor (or recipient) areas sits in each of their lanes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, and_, case, cast, func, select
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.id_sets import fetch_column, fetch_pairs, in_ids
from app.places import DONOR, RECIPIENT
from app.query import count_cases, filter_conditions, filtered_ids
from models import CaseArea, CaseStudy, Place

GroupBy = Literal["sector", "donor", "recipient"]
GROUP_BY: tuple[GroupBy, ...] = ("sector", "donor", "recipient")

# Above this many cases the timeline counts cases per lane and year instead of
# drawing one bar each (a module constant so a test can lower it).
AGGREGATE_ABOVE = 2000

# The lane of cases with no sector / no area on that side.
NO_GROUP = ""


@dataclass(frozen=True)
class Lane:
    """One group: `key` is the sector or the area's id as text ("" for none)."""

    key: str
    label: str


@dataclass(frozen=True)
class Bar:
    """One case in one lane, from `start` to `end` (for an ongoing case, this year)."""

    case_id: int
    title: str
    start: int
    end: int
    ongoing: bool
    lane: str


@dataclass(frozen=True)
class Cell:
    """How many cases of a lane run in a year (aggregated mode)."""

    lane: str
    year: int
    count: int


@dataclass
class Timeline:
    group_by: GroupBy
    this_year: int
    aggregated: bool = False
    cases: int = 0  # cases matching the filter, with or without a period
    lanes: list[Lane] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    no_period: int = 0
    no_period_cases: list[tuple[int, str]] = field(default_factory=list)  # small mode only

    @property
    def first_year(self) -> int | None:
        years = [b.start for b in self.bars] + [c.year for c in self.cells]
        return min(years) if years else None

    @property
    def last_year(self) -> int | None:
        years = [b.end for b in self.bars] + [c.year for c in self.cells]
        return max(years) if years else None


def _dated(start: Any) -> ColumnElement[bool]:
    return func.coalesce(start, 0) > 0


def _effective_end(this_year: int) -> ColumnElement[int]:
    """The last year a case runs: this year if ongoing, never before its start."""
    start, end = CaseStudy.start_year, func.coalesce(CaseStudy.end_year, 0)
    return case(
        (CaseStudy.ongoing, func.max(start, this_year)),
        (end < start, start),
        else_=end,
    )


def _lane_column(group_by: GroupBy) -> tuple[ColumnElement[Any], Any]:
    """The lane key column and the join (None for sector) the query needs."""
    if group_by == "sector":
        return func.coalesce(CaseStudy.sector, ""), None
    if group_by not in (DONOR, RECIPIENT):
        raise ValueError(f"unknown grouping {group_by!r}")
    # "|| ''": probe each case's rows by the primary key; on the role-led index
    # SQLite would scan a whole side once per case.
    on = and_(CaseArea.case_id == CaseStudy.id, (CaseArea.role + "") == group_by, CaseArea.rollup)
    # As text, like the sector's key (PostgreSQL will not mix an integer with '').
    return func.coalesce(cast(CaseArea.area_id, String), ""), on


def _lane_select(group_by: GroupBy, *columns: Any) -> Any:
    key, on = _lane_column(group_by)
    stmt = select(key, *columns).select_from(CaseStudy)
    return stmt if on is None else stmt.outerjoin(CaseArea, on)


def _labels(session: Session, group_by: GroupBy, keys: set[str]) -> list[Lane]:
    """The lanes of these keys in label order, the lane of cases without one last."""
    if group_by == "sector":
        lanes = [Lane(k, k) for k in keys if k != NO_GROUP]
    else:
        ids = sorted(int(k) for k in keys if k != NO_GROUP)
        rows = session.execute(
            select(Place.id, Place.name, Place.name_zh, Place.name_ug).where(Place.id.in_(ids))
        )
        lanes = [
            Lane(str(pid), " ".join(part for part in (name, zh, ug) if part))
            for pid, name, zh, ug in rows
        ]
    lanes.sort(key=lambda lane: (lane.label.casefold(), lane.key))
    if NO_GROUP in keys:
        lanes.append(Lane(NO_GROUP, f"No {group_by}"))
    return lanes


def timeline_rows(
    session: Session,
    flt: CaseFilter,
    group_by: GroupBy,
    this_year: int | None = None,
    cache: TimelineCache | None = None,
) -> Timeline:
    """The cases matching `flt` on a year axis, in lanes by `group_by`.

    Bars (one per case and lane) up to `AGGREGATE_ABOVE` cases, counts per
    lane and year above (with `cache`, the periods and lanes are read once
    until it is cleared). Raises QueryError for a malformed query.
    """
    year = this_year or date.today().year
    result = Timeline(group_by, year)
    # The matching ids once: the queries below then probe cases by id instead
    # of testing the filter on every row (a tag filter reads each case's row).
    ids: list[int] | None = None
    if flt.is_empty():
        result.cases = count_cases(session, flt)
    else:
        ids = fetch_column(session, filtered_ids(flt))
        result.cases = len(ids)
    conditions = [] if ids is None else [in_ids(CaseStudy.id, ids)]
    start, ongoing = CaseStudy.start_year, CaseStudy.ongoing
    end = _effective_end(year)
    undated = select(CaseStudy.id, CaseStudy.title).where(
        ~_dated(start), *conditions
    ).order_by(func.lower(CaseStudy.title), CaseStudy.id)  # fmt: skip
    keys: set[str] = set()
    if result.cases <= AGGREGATE_ABOVE:
        stmt = _lane_select(group_by, CaseStudy.id, CaseStudy.title, start, end, ongoing)
        stmt = stmt.where(_dated(start), *conditions).order_by(start, CaseStudy.id)
        for key, case_id, title, first, last, running in session.execute(stmt):
            keys.add(str(key))
            result.bars.append(Bar(case_id, title, first, last, bool(running), str(key)))
        result.no_period_cases = [(i, t) for i, t in session.execute(undated)]
        result.no_period = len(result.no_period_cases)
    else:
        result.aggregated = True
        result.cells, dated = _density(session, ids, group_by, year, cache)
        keys = {cell.lane for cell in result.cells}
        result.no_period = result.cases - dated
    result.lanes = _labels(session, group_by, keys)
    return result


@dataclass
class _Base:
    """What counting needs that no filter changes: each dated case's years and lanes."""

    periods: dict[int, tuple[int, int]]
    lanes_of: dict[int, list[str]]
    everything: Counter[tuple[str, int, int]] | None = None  # the spans of all cases


class TimelineCache:
    """Periods and lanes read once and kept between filter changes (a view holds
    one and clears it whenever the catalogue changes)."""

    def __init__(self) -> None:
        self.bases: dict[tuple[GroupBy, int], _Base] = {}

    def clear(self) -> None:
        self.bases.clear()


def _base(session: Session, group_by: GroupBy, year: int) -> _Base:
    """Read from covering indexes and joined here: the periods
    (ix_case_study_period) and the lanes (the sector index, or case_area's
    role-led index). A query joining them in SQL reads each case's row, and
    sector and years sit after the long narrative: at 100,000 cases that is a
    second, this a tenth of one."""
    periods: dict[int, tuple[int, int]] = {}
    stmt = select(CaseStudy.id, CaseStudy.start_year, CaseStudy.end_year, CaseStudy.ongoing)
    stmt = stmt.where(CaseStudy.start_year > 0)
    for case_id, first, last, running in session.connection().execute(stmt).cursor.fetchall():
        periods[case_id] = (first, max(year, first) if running else max(last or 0, first))
    if group_by == "sector":
        pairs = fetch_pairs(session, select(CaseStudy.id, CaseStudy.sector))
    else:
        pairs = fetch_pairs(session, select(CaseArea.case_id, CaseArea.area_id).where(
            CaseArea.role == group_by, CaseArea.rollup))  # fmt: skip
    lanes_of: dict[int, list[str]] = defaultdict(list)
    for case_id, key in pairs:
        if case_id in periods:
            lanes_of[case_id].append(str(key or NO_GROUP))
    return _Base(periods, lanes_of)


def _spans(base: _Base, ids: Any) -> Counter[tuple[str, int, int]]:
    spans: Counter[tuple[str, int, int]] = Counter()
    for case_id in ids:
        period = base.periods.get(case_id)
        if period is not None:
            for key in base.lanes_of.get(case_id) or (NO_GROUP,):
                spans[(key, *period)] += 1
    return spans


def _density(
    session: Session,
    wanted: list[int] | None,
    group_by: GroupBy,
    year: int,
    cache: TimelineCache | None,
) -> tuple[list[Cell], int]:
    """Cases running in each lane and year, and how many of the `wanted` cases
    (None: all) are dated."""
    base = cache.bases.get((group_by, year)) if cache is not None else None
    if base is None:
        base = _base(session, group_by, year)
        if cache is not None:
            cache.bases[(group_by, year)] = base
    if wanted is None:
        if base.everything is None:
            base.everything = _spans(base, base.periods)
        spans, dated = base.everything, len(base.periods)
    else:
        spans = _spans(base, wanted)
        dated = sum(1 for case_id in wanted if case_id in base.periods)
    # Each (lane, start, end) adds its count to every year it spans: a running
    # sum over +n at the start and -n after the end.
    steps: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for (key, first, last), n in spans.items():
        steps[key][first] += n
        steps[key][last + 1] -= n
    cells: list[Cell] = []
    for key, by_year in steps.items():
        running_total = 0
        for here, following in pairwise(sorted(by_year)):
            running_total += by_year[here]
            if running_total:
                cells += [Cell(key, y, running_total) for y in range(here, following)]
    return cells, dated


def cell_case_ids(
    session: Session,
    flt: CaseFilter,
    group_by: GroupBy,
    lane: str,
    year: int,
    this_year: int | None = None,
) -> list[int]:
    """The cases of one lane running in `year` (what a click on a cell shows)."""
    key, _on = _lane_column(group_by)
    end = _effective_end(this_year or date.today().year)
    stmt = _lane_select(group_by, CaseStudy.id).where(
        _dated(CaseStudy.start_year), CaseStudy.start_year <= year, end >= year,
        *filter_conditions(flt),
    )  # fmt: skip
    if lane == NO_GROUP:
        stmt = stmt.where(key == NO_GROUP)
    elif group_by == "sector":
        stmt = stmt.where(CaseStudy.sector == lane)
    else:
        stmt = stmt.where(CaseArea.area_id == int(lane))
    # fetch_column reads the first column: the lane key; take the id from a subquery.
    return sorted(set(fetch_column(session, select(stmt.subquery().c.id))))


def no_period_ids(session: Session, flt: CaseFilter) -> list[int]:
    """The cases matching `flt` without a start year."""
    stmt = select(CaseStudy.id).where(~_dated(CaseStudy.start_year), *filter_conditions(flt))
    return fetch_column(session, stmt.order_by(CaseStudy.id))
