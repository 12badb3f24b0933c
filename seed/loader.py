"""Adding the seed catalogue to a database, additively and idempotently.

Every seed entry that is ever inserted is written to `seed_record`. A later
run inserts only entries with no record, so it never duplicates an entry,
never overwrites what the user changed and never brings back what the user
deleted; a newer seed adds just its new entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Actor,
    CaseActor,
    CaseSource,
    CaseStudy,
    Meta,
    Metric,
    Perspective,
    Place,
    SeedRecord,
    Source,
)
from models.catalogue import CaseAssistance, CasePlace
from seed.schema import SeedCase, SeedData, SeedError, load_seed_files, seed_digest

SEED_DIGEST_KEY = "seed_digest"

_Keyed = TypeVar("_Keyed", Source, Place, Actor)

__all__ = ["SeedError", "SeedReport", "load_seed_files", "seed_catalogue"]


@dataclass
class SeedReport:
    added: Counter[str] = field(default_factory=Counter)
    skipped: bool = False

    @property
    def total(self) -> int:
        return sum(self.added.values())


class _Seeder:
    def __init__(self, session: Session, data: SeedData) -> None:
        self.session = session
        self.data = data
        self.report = SeedReport()
        self.records: set[tuple[str, str]] = {
            (kind, key) for kind, key in session.execute(select(SeedRecord.kind, SeedRecord.key))
        }

    def is_new(self, kind: str, key: str) -> bool:
        return (kind, key) not in self.records

    def record(self, kind: str, key: str) -> None:
        self.records.add((kind, key))
        self.session.add(SeedRecord(kind=kind, key=key))
        self.report.added[kind] += 1

    def by_key(self, model: type[_Keyed], key: str) -> _Keyed | None:
        return self.session.scalars(select(model).where(model.key == key)).first()

    def run(self) -> SeedReport:
        for raw in self.data.sources:
            self.add_source(raw)
        for raw in self.data.places:
            self.add_place(raw)
        self.session.flush()
        for case in self.data.cases:
            self.add_case(case)
        self.session.flush()
        return self.report

    def add_source(self, raw: dict[str, str]) -> None:
        if not self.is_new("source", raw["key"]) or self.by_key(Source, raw["key"]):
            return
        self.session.add(
            Source(
                key=raw["key"],
                title=raw["title"],
                author=raw["author"],
                publisher=raw["publisher"],
                date_text=raw["date"],
                date_note=raw["date_note"],
                seed_file=raw["seed_file"],
                kind=raw["kind"],
                outlook=raw["outlook"],
            )
        )
        self.record("source", raw["key"])

    def add_place(self, raw: dict[str, str]) -> None:
        if not self.is_new("place", raw["key"]) or self.by_key(Place, raw["key"]):
            return
        parent = self.by_key(Place, raw["parent"]) if raw["parent"] else None
        self.session.add(
            Place(
                key=raw["key"],
                name=raw["name"],
                name_zh=raw["name_zh"],
                name_ug=raw["name_ug"],
                level=raw["level"],
                parent=parent,
            )
        )
        self.session.flush()
        self.record("place", raw["key"])

    def add_case(self, seed: SeedCase) -> None:
        case = self.session.scalars(select(CaseStudy).where(CaseStudy.slug == seed.slug)).first()
        if self.is_new("case", seed.slug):
            if case is not None:
                return  # the user made a case with this slug: it is theirs
            case = CaseStudy(
                slug=seed.slug,
                title=seed.title,
                summary=seed.summary,
                narrative=seed.narrative,
                sector=seed.sector,
                start_year=seed.start_year,
                end_year=seed.end_year,
                ongoing=seed.ongoing,
                assistance=[CaseAssistance(form=f) for f in seed.assistance],
            )
            self.session.add(case)
            self.session.flush()
            self.record("case", seed.slug)
        elif case is None:
            return  # seeded once, deleted by the user since: stays deleted
        self.add_case_children(case, seed)

    def add_case_children(self, case: CaseStudy, seed: SeedCase) -> None:
        slug = seed.slug
        for key in seed.sources:
            if self.is_new("case_source", f"{slug}/{key}"):
                source = self.by_key(Source, key)
                if source is not None and source not in case.sources:
                    self.session.add(CaseSource(case_id=case.id, source_id=source.id))
                self.record("case_source", f"{slug}/{key}")
        for link in seed.places:
            record_key = f"{slug}/{link['role']}/{link['place']}"
            if self.is_new("case_place", record_key):
                place = self.by_key(Place, link["place"])
                if place is not None:
                    case.places.append(CasePlace(place=place, role=link["role"]))
                self.record("case_place", record_key)
        for raw in seed.actors:
            self.add_actor_link(case, raw)
        for raw in seed.actors:
            actor = self.by_key(Actor, raw["key"])
            if raw["affiliation"] and actor is not None and actor.affiliation_id is None:
                actor.affiliation = self.by_key(Actor, raw["affiliation"])
        position = max((m.position for m in case.metrics), default=-1) + 1
        for metric in seed.metrics:
            if not self.is_new("metric", f"{slug}/{metric.key}"):
                continue
            case.metrics.append(
                Metric(
                    key=metric.key,
                    position=position,
                    name=metric.name,
                    value=metric.value,
                    low=metric.low,
                    high=metric.high,
                    unit=metric.unit,
                    qualifier=metric.qualifier,
                    year=metric.year,
                    start_year=metric.start_year,
                    end_year=metric.end_year,
                    source=self.by_key(Source, metric.source),
                    note=metric.note,
                )
            )
            position += 1
            self.record("metric", f"{slug}/{metric.key}")
        for raw in seed.perspectives:
            if not self.is_new("perspective", f"{slug}/{raw['key']}"):
                continue
            case.perspectives.append(
                Perspective(
                    key=raw["key"],
                    source=self.by_key(Source, raw["source"]),
                    viewpoint=raw["viewpoint"],
                    text=raw["text"],
                )
            )
            self.record("perspective", f"{slug}/{raw['key']}")

    def add_actor_link(self, case: CaseStudy, raw: dict[str, str]) -> None:
        actor = self.by_key(Actor, raw["key"])
        if actor is None and self.is_new("actor", raw["key"]):
            actor = Actor(
                key=raw["key"],
                kind=raw["kind"],
                name=raw["name"],
                name_zh=raw["name_zh"],
                name_ug=raw["name_ug"],
            )
            self.session.add(actor)
            self.session.flush()
            self.record("actor", raw["key"])
        record_key = f"{case.slug}/{raw['key']}"
        if actor is None or not self.is_new("case_actor", record_key):
            return
        source = self.by_key(Source, raw["source"]) if raw["source"] else None
        case.actors.append(CaseActor(actor=actor, role=raw["role"], source=source))
        self.record("case_actor", record_key)


def seed_catalogue(session: Session, data: SeedData | None = None) -> SeedReport:
    """Add whatever of the seed this catalogue has never had. The caller commits.

    Skips all work when the seed files are unchanged since the last run.
    """
    digest = data.digest if data is not None else seed_digest()
    stored = session.get(Meta, SEED_DIGEST_KEY)
    if stored is not None and stored.value == digest:
        return SeedReport(skipped=True)
    data = data or load_seed_files()
    report = _Seeder(session, data).run()
    if stored is None:
        session.add(Meta(key=SEED_DIGEST_KEY, value=data.digest))
    else:
        stored.value = data.digest
    return report
