"""The figures chart's data: one figure name (or unit) across the filtered cases.

Only like units are compared: when the chosen figures come in several units,
the most common one is charted and the others are reported as left out.
At most `MAX_POINTS` figures come back (the largest), with the full count,
so a chart over 100,000 cases stays readable and quick.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.formatting import format_period
from app.id_sets import fetch_column, in_ids
from app.query import filtered_ids
from models import CaseStudy, Metric, Source

MAX_POINTS = 300


@dataclass(frozen=True)
class FigureChoice:
    """A figure name (unit None) or a unit (name None) and how many cases have it."""

    name: str | None
    unit: str | None
    cases: int


@dataclass(frozen=True)
class FigurePoint:
    case_id: int
    title: str
    name: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    period: str  # "2023", "2018–2024", "" when the figure has no year
    citation: str

    @property
    def size(self) -> float:
        """What the chart sorts and scales by: the value, or a range's middle."""
        if self.value is not None:
            return self.value
        return ((self.low or 0.0) + (self.high or 0.0)) / 2

    @property
    def top(self) -> float:
        return self.value if self.value is not None else (self.high or 0.0)


@dataclass
class FigureSeries:
    name: str | None
    unit: str  # the unit charted
    points: list[FigurePoint] = field(default_factory=list)
    total: int = 0  # figures in the charted unit (points holds at most MAX_POINTS)
    other_units: list[tuple[str, int]] = field(default_factory=list)  # left out, most first

    @property
    def units_differ(self) -> bool:
        return bool(self.other_units)

    @property
    def left_out(self) -> int:
        return sum(n for _unit, n in self.other_units)


def _matching(session: Session, flt: CaseFilter) -> list[ColumnElement[bool]]:
    """The condition on metric for the cases matching `flt`, their ids read once
    (a filter inside the metric query is tested again for every figure)."""
    if flt.is_empty():
        return []
    return [in_ids(Metric.case_id, fetch_column(session, filtered_ids(flt)))]


def figure_chart(
    session: Session, flt: CaseFilter, name: str | None = None, unit: str | None = None
) -> tuple[list[FigureChoice], FigureSeries]:
    """`figure_choices` and `figure_series` together, the filter read once."""
    where = _matching(session, flt)
    return _choices(session, where), _series(session, where, name, unit)


def figure_choices(session: Session, flt: CaseFilter) -> list[FigureChoice]:
    """Figure names, then units, each with how many matching cases have one; most first.

    Raises QueryError for a malformed query.
    """
    return _choices(session, _matching(session, flt))


def _choices(session: Session, where: list[ColumnElement[bool]]) -> list[FigureChoice]:
    cases = func.count(Metric.case_id.distinct())
    names = session.execute(
        select(Metric.name, cases).where(*where).group_by(Metric.name)
        .order_by(cases.desc(), Metric.name)
    )  # fmt: skip
    units = session.execute(
        select(Metric.unit, cases).where(Metric.unit != "", *where).group_by(Metric.unit)
        .order_by(cases.desc(), Metric.unit)
    )  # fmt: skip
    return [FigureChoice(n, None, c) for n, c in names] + [
        FigureChoice(None, u, c) for u, c in units
    ]


def figure_series(
    session: Session, flt: CaseFilter, name: str | None = None, unit: str | None = None
) -> FigureSeries:
    """The figures called `name` (and/or in `unit`) of the cases matching `flt`.

    Without a unit, the most common unit among them is charted and the rest
    listed in `other_units`. Points are largest first. Raises QueryError for
    a malformed query.
    """
    return _series(session, _matching(session, flt), name, unit)


def _series(
    session: Session, matching: list[ColumnElement[bool]], name: str | None, unit: str | None
) -> FigureSeries:
    where = list(matching)
    if name is not None:
        where.append(Metric.name == name)
    if unit is not None:
        where.append(Metric.unit == unit)
    n = func.count()
    by_unit = [
        (str(u), int(c))
        for u, c in session.execute(
            select(Metric.unit, n).where(*where).group_by(Metric.unit)
            .order_by(n.desc(), Metric.unit)
        )
    ]  # fmt: skip
    if not by_unit:
        return FigureSeries(name, unit or "")
    charted, total = by_unit[0]
    series = FigureSeries(name, charted, total=total, other_units=by_unit[1:])
    size = func.coalesce(Metric.value, (Metric.low + Metric.high) / 2)
    # The largest first, chosen on the metric table alone; only those are
    # joined to their case and source.
    largest = (
        select(Metric.id).where(Metric.unit == charted, *where)
        .order_by(size.desc(), Metric.id).limit(MAX_POINTS)
    )  # fmt: skip
    stmt = (
        select(Metric, CaseStudy.title, Source)
        .join(CaseStudy, CaseStudy.id == Metric.case_id)
        .outerjoin(Source, Source.id == Metric.source_id)
        .where(Metric.id.in_(largest))
    )
    for metric, title, source in session.execute(stmt):
        series.points.append(
            FigurePoint(
                metric.case_id, title, metric.name, metric.value, metric.low, metric.high,
                metric.unit, metric.qualifier,
                format_period(metric.year, metric.start_year, metric.end_year),
                source.citation() if source is not None else "",
            )
        )  # fmt: skip
    series.points.sort(key=lambda p: (-p.size, p.title.casefold()))
    return series
