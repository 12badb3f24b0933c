"""The pairings of the matching cases as flows from donor to recipient, for the map.

`pairing_flows` aggregates in SQL: one row per (donor, recipient) pair and one
per (side, place), each carrying its case ids as one concatenated text, so a
catalogue of 100,000 cases costs a few hundred rows, never a row per case.
`geojson_of` turns the flows into an RFC 7946 FeatureCollection.

Two levels: "area" (the default) pairs the areas the places roll up to, as
the facets count them (a donor's province or municipality, a recipient's
prefecture, see case_area); "place" pairs the places the cases name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from app.atomic_file import atomic_output
from app.case_filter import CaseFilter
from app.id_sets import in_ids
from app.places import DONOR, RECIPIENT
from app.query import filtered_ids
from models import CaseArea, CaseStudy, Place
from models.catalogue import CasePlace

Level = Literal["area", "place"]
LEVELS: tuple[Level, ...] = ("area", "place")


@dataclass(frozen=True)
class MapPlace:
    """A place on the map: its names, where it lies (None when unknown), its cases."""

    id: int
    key: str
    name: str
    name_zh: str
    name_ug: str
    level: str
    longitude: float | None
    latitude: float | None
    roles: frozenset[str]
    case_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.case_ids)

    @property
    def has_position(self) -> bool:
        return self.longitude is not None and self.latitude is not None


@dataclass(frozen=True)
class Flow:
    """The cases pairing one donor with one recipient (place ids of `PairingFlows.places`)."""

    donor: int
    recipient: int
    case_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.case_ids)


@dataclass
class PairingFlows:
    """Flows, biggest first, and every place on either side of a matching case."""

    level: Level
    flows: list[Flow] = field(default_factory=list)
    places: dict[int, MapPlace] = field(default_factory=dict)

    @property
    def unplaced(self) -> list[MapPlace]:
        """The places with cases but no position (the map cannot draw them)."""
        return sorted((p for p in self.places.values() if not p.has_position),
                      key=lambda p: p.name)  # fmt: skip


def _ids(text: str | None) -> tuple[int, ...]:
    return tuple(sorted(int(i) for i in text.split(","))) if text else ()


def _restricted(stmt: Select[Any], case_id: Any, flt: CaseFilter) -> Select[Any]:
    # "+ 0" keeps SQLite probing each matching case by its key rather than
    # scanning a whole side through the role-led index (as app/query.py does).
    return stmt if flt.is_empty() else stmt.where((case_id + 0).in_(filtered_ids(flt)))


def _flow_rows(flt: CaseFilter, level: Level) -> Select[Any]:
    # The recipient's role as "role || ''": SQLite then finds a case's recipients by
    # the case (primary key) instead of scanning the whole side for every donor row.
    if level == "area":
        d, r = aliased(CaseArea), aliased(CaseArea)
        stmt = (
            select(d.area_id, r.area_id, func.group_concat(d.case_id))
            .join(r, and_(r.case_id == d.case_id, r.role + "" == RECIPIENT, r.rollup))
            .where(d.role == DONOR, d.rollup)
            .group_by(d.area_id, r.area_id)
        )
        return _restricted(stmt, d.case_id, flt)
    dp, rp = aliased(CasePlace), aliased(CasePlace)
    stmt = (
        select(dp.place_id, rp.place_id, func.group_concat(dp.case_id.distinct()))
        .join(rp, and_(rp.case_id == dp.case_id, rp.role + "" == RECIPIENT))
        .where(dp.role == DONOR)
        .group_by(dp.place_id, rp.place_id)
    )
    return _restricted(stmt, dp.case_id, flt)


def _place_rows(flt: CaseFilter, level: Level) -> Select[Any]:
    if level == "area":
        stmt = (
            select(CaseArea.role, CaseArea.area_id, func.group_concat(CaseArea.case_id))
            .where(CaseArea.rollup)
            .group_by(CaseArea.role, CaseArea.area_id)
        )
        return _restricted(stmt, CaseArea.case_id, flt)
    stmt = select(
        CasePlace.role, CasePlace.place_id, func.group_concat(CasePlace.case_id.distinct())
    ).group_by(CasePlace.role, CasePlace.place_id)
    return _restricted(stmt, CasePlace.case_id, flt)


def pairing_flows(session: Session, flt: CaseFilter, level: Level = "area") -> PairingFlows:
    """The flows from donor to recipient of the cases matching `flt`, at `level`.

    A case with several places on a side is in each of their flows; one with
    no place on a side is in no flow but still counts at its places. Raises
    app.search.language.QueryError for a malformed query.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    conn = session.connection()
    result = PairingFlows(level)
    flows = conn.execute(_flow_rows(flt, level)).cursor.fetchall()
    result.flows = sorted(
        (Flow(d, r, _ids(ids)) for d, r, ids in flows),
        key=lambda f: (-f.count, f.donor, f.recipient),
    )
    by_place: dict[int, tuple[set[str], set[int]]] = {}
    for role, place_id, ids in conn.execute(_place_rows(flt, level)).cursor.fetchall():
        roles, cases = by_place.setdefault(place_id, (set(), set()))
        roles.add(role)
        cases.update(_ids(ids))
    wanted = sorted(
        set(by_place) | {f.donor for f in result.flows} | {f.recipient for f in result.flows}
    )
    rows = session.execute(
        select(Place.id, Place.key, Place.name, Place.name_zh, Place.name_ug, Place.level,
               Place.longitude, Place.latitude).where(in_ids(Place.id, wanted))
    )  # fmt: skip
    for pid, key, name, zh, ug, lvl, lon, lat in rows:
        roles, cases = by_place.get(pid, (set(), set()))
        result.places[pid] = MapPlace(pid, key or "", name, zh or "", ug or "", lvl, lon, lat,
                                      frozenset(roles), tuple(sorted(cases)))  # fmt: skip
    return result


def case_labels(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(slug, title) of each of these cases, for a tooltip or an export."""
    rows = session.execute(
        select(CaseStudy.id, CaseStudy.slug, CaseStudy.title).where(in_ids(CaseStudy.id, ids))
    )
    return {case_id: (slug, title) for case_id, slug, title in rows}


def case_titles(session: Session, ids: Iterable[int], limit: int = 10) -> list[str]:
    """The titles of at most `limit` of these cases, in title order (a hover's list)."""
    stmt = (
        select(CaseStudy.title)
        .where(in_ids(CaseStudy.id, ids))
        .order_by(func.lower(CaseStudy.title), CaseStudy.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def _point(place: MapPlace) -> dict[str, Any] | None:
    if not place.has_position:
        return None  # RFC 7946 3.2: an unlocated feature has a null geometry
    return {"type": "Point", "coordinates": [place.longitude, place.latitude]}


def _names(place: MapPlace) -> dict[str, str]:
    return {"name": place.name, "name_zh": place.name_zh, "name_ug": place.name_ug}


def _cases(ids: tuple[int, ...], labels: Mapping[int, tuple[str, str]] | None) -> dict[str, Any]:
    properties: dict[str, Any] = {"case_count": len(ids), "case_ids": list(ids)}
    if labels is not None:
        properties["cases"] = [
            {"id": i, "slug": labels[i][0], "title": labels[i][1]} for i in ids if i in labels
        ]
    return properties


def geojson_of(
    flows: PairingFlows, labels: Mapping[int, tuple[str, str]] | None = None
) -> dict[str, Any]:
    """The flows as an RFC 7946 FeatureCollection: a LineString [lon, lat] from donor to
    recipient per flow and a Point per place, each with its cases in the properties
    (ids, and slug and title when `labels` from `case_labels` are given). A flow or
    place without a known position has a null geometry."""
    features: list[dict[str, Any]] = []
    for flow in flows.flows:
        donor, recipient = flows.places[flow.donor], flows.places[flow.recipient]
        geometry = None
        if donor.has_position and recipient.has_position:
            geometry = {
                "type": "LineString",
                "coordinates": [
                    [donor.longitude, donor.latitude],
                    [recipient.longitude, recipient.latitude],
                ],
            }
        properties = {
            "kind": "pairing",
            "donor": {"id": donor.id, "key": donor.key, **_names(donor)},
            "recipient": {"id": recipient.id, "key": recipient.key, **_names(recipient)},
            **_cases(flow.case_ids, labels),
        }
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    for place in sorted(flows.places.values(), key=lambda p: (p.name, p.id)):
        properties = {
            "kind": "place",
            "id": place.id,
            "key": place.key,
            **_names(place),
            "level": place.level,
            "roles": sorted(place.roles),
            **_cases(place.case_ids, labels),
        }
        features.append({"type": "Feature", "geometry": _point(place), "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(session: Session, path: Path, flt: CaseFilter, level: Level = "area") -> int:
    """Write the flows of the cases matching `flt` to `path` as GeoJSON, whole or not at all
    (raises app.atomic_file.OutputFileError with a message for the user); returns the
    number of flows. Raises QueryError for a malformed query before touching the file."""
    flows = pairing_flows(session, flt, level)
    labels = case_labels(session, {i for p in flows.places.values() for i in p.case_ids})
    text = json.dumps(geojson_of(flows, labels), ensure_ascii=False, indent=1)
    with atomic_output(path) as part:
        part.write_text(text + "\n", encoding="utf-8")
    return len(flows.flows)
