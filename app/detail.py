"""Everything about one case, as plain records for the detail pane and `show --json`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.formatting import format_period, format_quantity
from app.highlights import highlights_of_case
from models import CaseActor, CasePlace, CaseStudy, Metric, Perspective, Source


class UnknownCaseError(LookupError):
    def __init__(self, slug: str) -> None:
        super().__init__(f"No case study with the slug {slug!r}.")
        self.slug = slug


@dataclass(frozen=True)
class SourceView:
    key: str
    title: str
    author: str
    publisher: str
    date: str
    date_note: str
    seed_file: str
    kind: str
    outlook: str
    citation: str

    @classmethod
    def of(cls, s: Source) -> SourceView:
        return cls(
            s.key or "", s.title, s.author, s.publisher, s.date_text, s.date_note,
            s.seed_file, s.kind, s.outlook, s.citation(),
        )  # fmt: skip


@dataclass(frozen=True)
class MetricView:
    id: int
    name: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    year: int | None
    start_year: int | None
    end_year: int | None
    source: str
    note: str
    display: str
    period: str

    @classmethod
    def of(cls, m: Metric) -> MetricView:
        return cls(
            id=m.id,
            name=m.name,
            value=m.value,
            low=m.low,
            high=m.high,
            unit=m.unit,
            qualifier=m.qualifier,
            year=m.year,
            start_year=m.start_year,
            end_year=m.end_year,
            source=m.source.citation() if m.source else "",
            note=m.note,
            display=format_quantity(m.value, m.low, m.high, m.unit, m.qualifier),
            period=format_period(m.year, m.start_year, m.end_year),
        )


@dataclass(frozen=True)
class PlaceView:
    role: str
    name: str
    level: str
    name_zh: str
    name_ug: str
    lineage: list[str]

    @classmethod
    def of(cls, link: CasePlace) -> PlaceView:
        p = link.place
        return cls(link.role, p.name, p.level, p.name_zh, p.name_ug, [a.name for a in p.lineage()])


@dataclass(frozen=True)
class ActorView:
    name: str
    kind: str
    role: str
    affiliation: str
    name_zh: str
    name_ug: str

    @classmethod
    def of(cls, link: CaseActor) -> ActorView:
        a = link.actor
        return cls(
            a.name, a.kind, link.role, a.affiliation.name if a.affiliation else "",
            a.name_zh, a.name_ug,
        )  # fmt: skip


@dataclass(frozen=True)
class PerspectiveView:
    viewpoint: str
    text: str
    source: str

    @classmethod
    def of(cls, p: Perspective) -> PerspectiveView:
        return cls(p.viewpoint, p.text, p.source.citation() if p.source else "")


@dataclass(frozen=True)
class HighlightView:
    """A highlighted passage: where, the quoted words, its tag and comment, who made it."""

    field: str
    quote: str
    tag: str
    comment: str
    author: str
    orphaned: bool  # its text could no longer be found after an edit


@dataclass(frozen=True)
class NoteView:
    id: int
    body: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CaseDetail:
    id: int
    slug: str
    title: str
    title_zh: str  # the title in Chinese, "" when there is none
    title_zh_note: str  # where the Chinese title comes from when no source gives it
    sector: str
    assistance: list[str]
    start_year: int | None
    end_year: int | None
    ongoing: bool
    period: str
    summary: str
    narrative: str
    places: list[PlaceView] = field(default_factory=list)
    actors: list[ActorView] = field(default_factory=list)
    metrics: list[MetricView] = field(default_factory=list)
    sources: list[SourceView] = field(default_factory=list)
    perspectives: list[PerspectiveView] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    # Filled by case_detail (the whole record, for `show`); the window lists them in its own pane.
    highlights: list[HighlightView] = field(default_factory=list)

    def places_on(self, role: str) -> list[PlaceView]:
        return [p for p in self.places if p.role == role]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for note in data["notes"]:
            note["created_at"] = note["created_at"].isoformat()
            note["updated_at"] = note["updated_at"].isoformat()
        return data


def _load(session: Session, condition: Any) -> CaseStudy | None:
    stmt = (
        select(CaseStudy)
        .where(condition)
        .options(
            selectinload(CaseStudy.assistance),
            selectinload(CaseStudy.places).joinedload(CasePlace.place),
            selectinload(CaseStudy.actors).joinedload(CaseActor.actor),
            selectinload(CaseStudy.metrics).joinedload(Metric.source),
            selectinload(CaseStudy.sources),
            selectinload(CaseStudy.perspectives).joinedload(Perspective.source),
            selectinload(CaseStudy.tags),
            selectinload(CaseStudy.notes),
        )
    )
    return session.scalars(stmt).first()


def _detail(case: CaseStudy) -> CaseDetail:
    return CaseDetail(
        id=case.id,
        slug=case.slug,
        title=case.title,
        title_zh=case.title_zh or "",
        title_zh_note=case.title_zh_note or "",
        sector=case.sector,
        assistance=sorted(case.assistance_forms),
        start_year=case.start_year,
        end_year=case.end_year,
        ongoing=case.ongoing,
        period=format_period(None, case.start_year, case.end_year, case.ongoing),
        summary=case.summary,
        narrative=case.narrative,
        places=[PlaceView.of(p) for p in sorted(case.places, key=lambda p: p.role)],
        actors=[ActorView.of(a) for a in case.actors],
        metrics=[MetricView.of(m) for m in case.metrics],
        sources=[SourceView.of(s) for s in case.sources],
        perspectives=[PerspectiveView.of(p) for p in case.perspectives],
        tags=sorted((t.name for t in case.tags), key=str.casefold),
        notes=[NoteView(n.id, n.body, n.created_at, n.updated_at) for n in case.notes],
    )


def case_detail(session: Session, slug: str) -> CaseDetail:
    """Everything about the case with this slug, its highlights included."""
    case = _load(session, CaseStudy.slug == slug)
    if case is None:
        raise UnknownCaseError(slug)
    highlights = [
        HighlightView(h.field, h.quote, h.tag, h.comment, h.author, h.orphaned)
        for h in highlights_of_case(session, case.id)
    ]
    return replace(_detail(case), highlights=highlights)


def case_detail_by_id(session: Session, case_id: int) -> CaseDetail | None:
    case = _load(session, CaseStudy.id == case_id)
    return _detail(case) if case else None
