"""Adding the seed catalogue to a database, and bringing a newer seed's corrections in.

Every seed entry that is ever inserted is written to `seed_record`. A later
run inserts only entries with no record, so it never duplicates an entry and
never brings back what the user deleted.

A newer seed also updates the entries it wrote before, but only those the
user has not changed: an entry is updated when the catalogue still holds it
exactly as some released seed version wrote it (its fingerprint is in
released.json, see seed/fingerprint.py). An entry the user changed is left as
it is, logged, and listed in the SeedReport. Updates write through the
Journal, in place: a case keeps its id, so its notes, tags and highlights stay
attached, and highlights are found again in a changed summary or narrative.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.highlights import reanchor_case
from app.vocab import FORM, SECTOR, Kind, Vocabularies, all_spellings, term_key
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
from models.identity import seed_uuid
from seed import fingerprint as fp
from seed.schema import SeedCase, SeedData, SeedError, load_seed_files, seed_digest

SEED_DIGEST_KEY = "seed_digest"

log = logging.getLogger(__name__)

_Keyed = TypeVar("_Keyed", Source, Place, Actor)

__all__ = ["SeedError", "SeedReport", "load_seed_files", "seed_catalogue"]


@dataclass
class SeedReport:
    """What a seed run did.

    `added` and `updated` count entries by kind; `kept` names the entries
    ("metric alpha/area") a newer seed would have corrected but left alone
    because the user changed them; `skipped` means the seed was unchanged
    since the last run and nothing was looked at.
    """

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    kept: list[str] = field(default_factory=list)
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
        self.vocab: Vocabularies | None = None  # read when a new case is added

    def spelled(self, kind: Kind, value: str) -> str:
        """The catalogue's spelling of a seed's sector or form (a user may have renamed it)."""
        if not value.strip():
            return value
        if self.vocab is None:
            self.vocab = all_spellings(self.session)
        known = self.vocab[kind]
        return known.setdefault(term_key(value), value)

    def is_new(self, kind: str, key: str) -> bool:
        return (kind, key) not in self.records

    def record(self, kind: str, key: str) -> None:
        self.records.add((kind, key))
        self.session.add(SeedRecord(kind=kind, key=key))
        self.report.added[kind] += 1

    def by_key(self, model: type[_Keyed], key: str) -> _Keyed | None:
        return self.session.scalars(select(model).where(model.key == key)).first()

    def run(self, released: fp.Released) -> SeedReport:
        for raw in self.data.sources:
            self.add_source(raw)
        for raw in self.data.places:
            self.add_place(raw)
        self.session.flush()
        for case in self.data.cases:
            self.add_case(case)
        self.session.flush()
        _Updater(self.session, self.data, self.report, released).run()
        return self.report

    def add_source(self, raw: dict[str, str]) -> None:
        if not self.is_new("source", raw["key"]) or self.by_key(Source, raw["key"]):
            return
        self.session.add(
            Source(
                uuid=seed_uuid("source", raw["key"]),
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

    def add_place(self, raw: dict[str, Any]) -> None:
        if not self.is_new("place", raw["key"]) or self.by_key(Place, raw["key"]):
            return
        parent = self.by_key(Place, raw["parent"]) if raw["parent"] else None
        self.session.add(
            Place(
                uuid=seed_uuid("place", raw["key"]),
                key=raw["key"],
                name=raw["name"],
                name_zh=raw["name_zh"],
                name_ug=raw["name_ug"],
                level=raw["level"],
                parent=parent,
                longitude=raw["longitude"],
                latitude=raw["latitude"],
                position_note=raw["position_note"],
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
                uuid=seed_uuid("case", seed.slug),
                slug=seed.slug,
                title=seed.title,
                title_zh=seed.title_zh,
                title_zh_note=seed.title_zh_note,
                summary=seed.summary,
                narrative=seed.narrative,
                sector=self.spelled(SECTOR, seed.sector),
                start_year=seed.start_year,
                end_year=seed.end_year,
                ongoing=seed.ongoing,
                assistance=[
                    CaseAssistance(form=form)
                    for form in dict.fromkeys(self.spelled(FORM, f) for f in seed.assistance)
                ],
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
                    uuid=seed_uuid("metric", f"{slug}/{metric.key}"),
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
                    uuid=seed_uuid("perspective", f"{slug}/{raw['key']}"),
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
                uuid=seed_uuid("actor", raw["key"]),
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


class _Updater:
    """Brings the seeded entries the user never changed up to this seed's values."""

    def __init__(
        self, session: Session, data: SeedData, report: SeedReport, released: fp.Released
    ) -> None:
        self.session = session
        self.data = data
        self.report = report
        self.released = released
        self.journal = Journal(session)
        self.records: set[fp.Entry] = {
            (kind, key) for kind, key in session.execute(select(SeedRecord.kind, SeedRecord.key))
        }
        self.sources = {raw["key"]: raw for raw in data.sources}
        self.places: dict[str, dict[str, Any]] = {raw["key"]: raw for raw in data.places}
        self.cases = {case.slug: case for case in data.cases}
        self.actors = {raw["key"]: raw for case in data.cases for raw in case.actors}

    def run(self) -> None:
        wanted = fp.seed_fingerprints(self.data)
        current = dict(fp.catalogue_fingerprints(self.session, set(self.cases)))
        changed_texts: set[int] = set()
        for entry, new in wanted.items():
            have = current.get(entry)
            if have is None or have == new or entry not in self.records:
                continue  # not in this catalogue, already current, or never seeded here
            kind, key = entry
            if have not in self.released.get(kind, {}).get(key, []):
                self.keep(kind, key)
                continue
            self.update(kind, key, changed_texts)
            self.report.updated[kind] += 1
        for case_id in sorted(changed_texts):
            reanchor_case(self.journal, case_id)
        self.session.expire_all()  # the Journal wrote below the ORM's cached objects

    def keep(self, kind: str, key: str) -> None:
        self.report.kept.append(f"{kind} {key}")
        log.info(
            "Seed update skipped: %s %r was changed in this catalogue, so the newer "
            "built-in version was not applied",
            kind,
            key,
        )

    def put(self, table: str, where: Any, values: Mapping[str, object]) -> None:
        self.journal.update(table, where, values)

    def _id(self, model: type[_Keyed], key: str) -> int | None:
        return self.session.scalar(select(model.id).where(model.key == key))

    def _case_id(self, slug: str) -> int:
        return self.session.scalars(select(CaseStudy.id).where(CaseStudy.slug == slug)).one()

    def update(self, kind: str, key: str, changed_texts: set[int]) -> None:
        slug, _, part = key.partition("/")
        if kind == "source":
            raw = self.sources[key]
            self.put("source", Source.key == key, {
                "title": raw["title"], "author": raw["author"], "publisher": raw["publisher"],
                "date_text": raw["date"], "date_note": raw["date_note"],
                "seed_file": raw["seed_file"], "kind": raw["kind"], "outlook": raw["outlook"],
            })  # fmt: skip
        elif kind == "place":
            raw = self.places[key]
            parent = self._id(Place, raw["parent"]) if raw["parent"] else None
            self.put("place", Place.key == key, {
                "name": raw["name"], "name_zh": raw["name_zh"], "name_ug": raw["name_ug"],
                "level": raw["level"], "parent_id": parent, "longitude": raw["longitude"],
                "latitude": raw["latitude"], "position_note": raw["position_note"],
            })  # fmt: skip
        elif kind == "actor":
            raw = self.actors[key]
            self.put("actor", Actor.key == key, {
                "kind": raw["kind"], "name": raw["name"], "name_zh": raw["name_zh"],
                "name_ug": raw["name_ug"],
            })  # fmt: skip
        elif kind == "case":
            self.update_case(self.cases[key], changed_texts)
        elif kind == "case_actor":
            raw = next(a for a in self.cases[slug].actors if a["key"] == part)
            link_id = self.session.scalar(
                select(CaseActor.id)
                .join(Actor, CaseActor.actor_id == Actor.id)
                .where(CaseActor.case_id == self._case_id(slug), Actor.key == part)
            )
            source = self._id(Source, raw["source"]) if raw["source"] else None
            self.put("case_actor", CaseActor.id == link_id,
                     {"role": raw["role"], "source_id": source})  # fmt: skip
        elif kind == "metric":
            m = next(m for m in self.cases[slug].metrics if m.key == part)
            self.put("metric", (Metric.case_id == self._case_id(slug)) & (Metric.key == part), {
                "name": m.name, "value": m.value, "low": m.low, "high": m.high, "unit": m.unit,
                "qualifier": m.qualifier, "year": m.year, "start_year": m.start_year,
                "end_year": m.end_year, "source_id": self._id(Source, m.source), "note": m.note,
            })  # fmt: skip
        elif kind == "perspective":
            raw = next(p for p in self.cases[slug].perspectives if p["key"] == part)
            where = (Perspective.case_id == self._case_id(slug)) & (Perspective.key == part)
            self.put("perspective", where, {
                "source_id": self._id(Source, raw["source"]), "viewpoint": raw["viewpoint"],
                "text": raw["text"],
            })  # fmt: skip

    def update_case(self, seed: SeedCase, changed_texts: set[int]) -> None:
        case = self.session.scalars(select(CaseStudy).where(CaseStudy.slug == seed.slug)).one()
        if (case.summary, case.narrative) != (seed.summary, seed.narrative):
            changed_texts.add(case.id)
        forms = sorted(case.assistance_forms)
        self.put("case_study", CaseStudy.id == case.id, {
            "title": seed.title, "title_zh": seed.title_zh, "title_zh_note": seed.title_zh_note,
            "summary": seed.summary, "narrative": seed.narrative,
            "sector": seed.sector, "start_year": seed.start_year, "end_year": seed.end_year,
            "ongoing": seed.ongoing,
        })  # fmt: skip
        if forms != sorted(seed.assistance):
            self.journal.delete("case_assistance", CaseAssistance.case_id == case.id)
            for form in seed.assistance:
                self.journal.insert("case_assistance", {"case_id": case.id, "form": form})


def seed_catalogue(
    session: Session, data: SeedData | None = None, released: fp.Released | None = None
) -> SeedReport:
    """Add whatever of the seed this catalogue has never had, and update what the
    user never changed (see the module's docstring). The caller commits.

    Skips all work when the seed files are unchanged since the last run.
    `released` defaults to the fingerprints in released.json.
    """
    digest = data.digest if data is not None else seed_digest()
    stored = session.get(Meta, SEED_DIGEST_KEY)
    if stored is not None and stored.value == digest:
        return SeedReport(skipped=True)
    data = data or load_seed_files()
    report = _Seeder(session, data).run(fp.load_released() if released is None else released)
    if stored is None:
        session.add(Meta(key=SEED_DIGEST_KEY, value=data.digest))
    else:
        stored.value = data.digest
    return report
