"""Fingerprints of seed entries, to tell a user's edit from an older seed's text.

An entry's fingerprint is a short hash of exactly the values the seed writes
for it. The same function hashes the values a seed file gives and the values
a catalogue holds, so "the catalogue's entry is what seed version N wrote"
is a comparison of two fingerprints. `released.json` keeps the fingerprints
of every seed version that was ever released; an entry of a catalogue whose
fingerprint is among them was never changed by the user, and a newer seed
may update it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Actor, CaseActor, CaseStudy, Metric, Perspective, Place, Source
from seed.schema import SeedCase, SeedData, SeedMetric

RELEASED_FILE = Path(__file__).with_name("released.json")

Entry = tuple[str, str]  # (kind, key), as in seed_record
Released = dict[str, dict[str, list[str]]]  # kind -> key -> fingerprints


def fingerprint(values: Sequence[object]) -> str:
    """A short stable hash of a list of plain values (text, numbers, None, lists)."""
    text = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _num(value: float | None) -> float | None:
    return None if value is None else float(value)


# --- what a seed gives -------------------------------------------------------


def source_values(raw: dict[str, str]) -> list[object]:
    return [raw[f] for f in ("title", "author", "publisher", "date", "date_note",
                             "seed_file", "kind", "outlook")]  # fmt: skip


def _with_position(
    values: list[object], longitude: float | None, latitude: float | None, note: str
) -> list[object]:
    """`values`, plus the place's position and its note when any is set.

    As with `_with_title_zh`: seeds before the positions wrote none, so a place
    still holding none keeps the fingerprint an older release recorded and is
    recognised as untouched (and gets its position).
    """
    if longitude is None and latitude is None and not note:
        return values
    return [*values, _num(longitude), _num(latitude), note]


def place_values(raw: dict[str, Any]) -> list[object]:
    return _with_position(
        [raw["name"], raw["name_zh"], raw["name_ug"], raw["level"], raw["parent"]],
        raw["longitude"], raw["latitude"], raw["position_note"],
    )  # fmt: skip


def actor_values(raw: dict[str, str]) -> list[object]:
    return [raw["kind"], raw["name"], raw["name_zh"], raw["name_ug"]]


def _with_title_zh(values: list[object], title_zh: str, note: str) -> list[object]:
    """`values`, plus the Chinese title and its note when either is set.

    Seeds before the Chinese titles wrote none, and a catalogue still holding
    such a case has both blank: leaving blank ones out keeps the fingerprint
    the older release recorded, so that case is recognised as untouched and
    gets the title. A Chinese title the user wrote or changed is in the
    fingerprint like any other field, so the case is kept as theirs.
    """
    return [*values, title_zh, note] if title_zh or note else values


def case_values(case: SeedCase) -> list[object]:
    return _with_title_zh(
        [case.title, case.summary, case.narrative, case.sector, case.start_year,
         case.end_year, case.ongoing, sorted(case.assistance)],
        case.title_zh, case.title_zh_note,
    )  # fmt: skip


def case_actor_values(raw: dict[str, str]) -> list[object]:
    return [raw["role"], raw["source"]]


def metric_values(m: SeedMetric) -> list[object]:
    return [m.name, _num(m.value), _num(m.low), _num(m.high), m.unit, m.qualifier, m.year,
            m.start_year, m.end_year, m.source, m.note]  # fmt: skip


def perspective_values(raw: dict[str, str]) -> list[object]:
    return [raw["source"], raw["viewpoint"], raw["text"]]


def seed_fingerprints(data: SeedData) -> dict[Entry, str]:
    """The fingerprint of every entry a seed can update, by (kind, key)."""
    prints: dict[Entry, str] = {}
    for raw in data.sources:
        prints["source", raw["key"]] = fingerprint(source_values(raw))
    for raw in data.places:
        prints["place", raw["key"]] = fingerprint(place_values(raw))
    for case in data.cases:
        prints["case", case.slug] = fingerprint(case_values(case))
        for raw in case.actors:
            prints["actor", raw["key"]] = fingerprint(actor_values(raw))
            prints["case_actor", f"{case.slug}/{raw['key']}"] = fingerprint(case_actor_values(raw))
        for m in case.metrics:
            prints["metric", f"{case.slug}/{m.key}"] = fingerprint(metric_values(m))
        for raw in case.perspectives:
            prints["perspective", f"{case.slug}/{raw['key']}"] = fingerprint(
                perspective_values(raw)
            )
    return prints


# --- what a catalogue holds --------------------------------------------------


def _key(row: Source | Place | None) -> str:
    return (row.key or "") if row is not None else ""


def stored_source(s: Source) -> str:
    return fingerprint([s.title, s.author, s.publisher, s.date_text, s.date_note,
                        s.seed_file, s.kind, s.outlook])  # fmt: skip


def stored_place(p: Place) -> str:
    return fingerprint(_with_position(
        [p.name, p.name_zh, p.name_ug, p.level, _key(p.parent)],
        p.longitude, p.latitude, p.position_note or "",
    ))  # fmt: skip


def stored_actor(a: Actor) -> str:
    return fingerprint([a.kind, a.name, a.name_zh, a.name_ug])


def stored_case(c: CaseStudy) -> str:
    return fingerprint(_with_title_zh(
        [c.title, c.summary, c.narrative, c.sector, c.start_year, c.end_year, bool(c.ongoing),
         sorted(c.assistance_forms)],
        c.title_zh or "", c.title_zh_note or "",
    ))  # fmt: skip


def stored_case_actor(link: CaseActor) -> str:
    return fingerprint([link.role, _key(link.source)])


def stored_metric(m: Metric) -> str:
    return fingerprint([m.name, _num(m.value), _num(m.low), _num(m.high), m.unit, m.qualifier,
                        m.year, m.start_year, m.end_year, _key(m.source), m.note])  # fmt: skip


def stored_perspective(p: Perspective) -> str:
    return fingerprint([_key(p.source), p.viewpoint, p.text])


def catalogue_fingerprints(session: Session, slugs: set[str]) -> Iterator[tuple[Entry, str]]:
    """The fingerprint of every keyed source, place and actor in a catalogue, and of the
    cases with these slugs and their keyed figures, perspectives and actor links."""
    for source in session.scalars(select(Source).where(Source.key.is_not(None))):
        yield ("source", source.key or ""), stored_source(source)
    for place in session.scalars(select(Place).where(Place.key.is_not(None))):
        yield ("place", place.key or ""), stored_place(place)
    for actor in session.scalars(select(Actor).where(Actor.key.is_not(None))):
        yield ("actor", actor.key or ""), stored_actor(actor)
    for case in session.scalars(select(CaseStudy).where(CaseStudy.slug.in_(slugs))):
        yield ("case", case.slug), stored_case(case)
        for link in case.actors:
            if link.actor.key:
                yield ("case_actor", f"{case.slug}/{link.actor.key}"), stored_case_actor(link)
        for metric in case.metrics:
            if metric.key:
                yield ("metric", f"{case.slug}/{metric.key}"), stored_metric(metric)
        for view in case.perspectives:
            if view.key:
                yield ("perspective", f"{case.slug}/{view.key}"), stored_perspective(view)


# --- the released versions ---------------------------------------------------


def load_released(path: Path = RELEASED_FILE) -> Released:
    """Fingerprints of every released seed version (empty if the file is missing)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {kind: {key: list(prints) for key, prints in keys.items()}
            for kind, keys in data.items()}  # fmt: skip


def add_release(released: Released, data: SeedData) -> Released:
    """`released` with the fingerprints of `data` added (older ones kept, in order)."""
    merged = {kind: {key: list(p) for key, p in keys.items()} for kind, keys in released.items()}
    for (kind, key), print_ in seed_fingerprints(data).items():
        known = merged.setdefault(kind, {}).setdefault(key, [])
        if print_ not in known:
            known.append(print_)
    return merged


def write_released(released: Released, path: Path = RELEASED_FILE) -> None:
    ordered = {kind: dict(sorted(keys.items())) for kind, keys in sorted(released.items())}
    path.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
