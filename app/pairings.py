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

from sqlalchemy import Select, and_, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from app.atomic_file import atomic_output
from app.case_filter import CaseFilter
from app.id_sets import fetch_column, id_select, in_ids
from app.places import DONOR, RECIPIENT
from app.query import filtered_ids
from models import CaseArea, CaseStudy, Place
from models.catalogue import CasePlace

Level = Literal["area", "place"]
LEVELS: tuple[Level, ...] = ("area", "place")


@dataclass(frozen=True)
class MapPlace:
    """A place on the map: its names, where it lies (None when unknown), how many
    matching cases it is in, and their ids when asked for (`with_ids`)."""

    id: int
    key: str
    name: str
    name_zh: str
    name_ug: str
    level: str
    longitude: float | None
    latitude: float | None
    roles: frozenset[str]
    count: int
    case_ids: tuple[int, ...] = ()

    @property
    def has_position(self) -> bool:
        return self.longitude is not None and self.latitude is not None


@dataclass(frozen=True)
class Flow:
    """The cases pairing one donor with one recipient (place ids of `PairingFlows.places`):
    how many, and their ids when asked for."""

    donor: int
    recipient: int
    count: int
    case_ids: tuple[int, ...] = ()


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


# Up to this many matching cases, SQLite is best led by their ids (a lookup per
# case); beyond, by scanning a side's rows and checking each against the ids.
# Measured on 100,000 cases: 75 against 100 ms for 5,000 cases, 450 against 370
# for 60,000.
PROBE_AT_MOST = 20_000


def _within(stmt: Select[Any], case_id: Any, wanted: list[int] | None) -> Select[Any]:
    """`stmt` limited to the cases `wanted` (None: all), read once for both queries."""
    if wanted is None:
        return stmt
    if len(wanted) <= PROBE_AT_MOST:
        return stmt.where(case_id.in_(id_select(wanted)))
    return stmt.where((case_id + 0).in_(id_select(wanted)))


def _pairs(level: Level) -> tuple[Any, Any, Any, Select[Any]]:
    """(donor case id, donor place, recipient place, the join of both sides) at `level`.

    The recipient's role is matched as "role || ''": SQLite then finds a case's
    recipients by the case (primary key) instead of scanning the whole side
    for every donor row.
    """
    if level == "area":
        d, r = aliased(CaseArea), aliased(CaseArea)
        join = (
            select()
            .select_from(d)
            .join(r, and_(r.case_id == d.case_id, r.role + "" == RECIPIENT, r.rollup))
            .where(d.role == DONOR, d.rollup)
        )
        return d.case_id, d.area_id, r.area_id, join
    dp, rp = aliased(CasePlace), aliased(CasePlace)
    join = (
        select()
        .select_from(dp)
        .join(rp, and_(rp.case_id == dp.case_id, rp.role + "" == RECIPIENT))
        .where(dp.role == DONOR)
    )
    return dp.case_id, dp.place_id, rp.place_id, join


def _sides(level: Level) -> tuple[Any, Any, Any, Select[Any]]:
    """(case id, role, place, every case's places on both sides) at `level`."""
    if level == "area":
        return (CaseArea.case_id, CaseArea.role, CaseArea.area_id,
                select().select_from(CaseArea).where(CaseArea.rollup))  # fmt: skip
    return (CasePlace.case_id, CasePlace.role, CasePlace.place_id,
            select().select_from(CasePlace))  # fmt: skip


def pairing_flows(
    session: Session, flt: CaseFilter, level: Level = "area", with_ids: bool = False
) -> PairingFlows:
    """The flows from donor to recipient of the cases matching `flt`, at `level`.

    A case with several places on a side is in each of their flows; one with
    no place on a side is in no flow but still counts at its places. Counts
    only, unless `with_ids` (an export): the map asks for one flow's or one
    place's ids when they are clicked (`flow_case_ids`, `place_case_ids`).
    Raises app.search.language.QueryError for a malformed query.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    conn = session.connection()
    result = PairingFlows(level)
    wanted = None if flt.is_empty() else fetch_column(session, filtered_ids(flt))
    case_id, donor, recipient, pairs = _pairs(level)
    ids = func.group_concat(case_id) if with_ids else literal_column("NULL")
    stmt = pairs.add_columns(donor, recipient, func.count(), ids).group_by(donor, recipient)
    result.flows = sorted(
        (Flow(d, r, n, _ids(i)) for d, r, n, i in conn.execute(
            _within(stmt, case_id, wanted)).cursor.fetchall()),
        key=lambda f: (-f.count, f.donor, f.recipient),
    )  # fmt: skip
    case_id, role, place, sides = _sides(level)
    ids = func.group_concat(case_id) if with_ids else literal_column("NULL")
    stmt = sides.add_columns(role, place, func.count(), ids).group_by(role, place)
    counts: dict[int, int] = {}
    roles: dict[int, set[str]] = {}
    place_ids: dict[int, set[int]] = {}
    for side, place_id, n, i in conn.execute(_within(stmt, case_id, wanted)).cursor.fetchall():
        counts[place_id] = counts.get(place_id, 0) + n
        roles.setdefault(place_id, set()).add(side)
        place_ids.setdefault(place_id, set()).update(_ids(i))
    for place_id in [p for p, r in roles.items() if len(r) > 1]:
        # On both sides (rare): a case with it on both is one case, not two.
        counts[place_id] = len(place_case_ids(session, flt, level, place_id))
    wanted = sorted(set(counts) | {f.donor for f in result.flows}
                    | {f.recipient for f in result.flows})  # fmt: skip
    rows = session.execute(
        select(Place.id, Place.key, Place.name, Place.name_zh, Place.name_ug, Place.level,
               Place.longitude, Place.latitude).where(in_ids(Place.id, wanted))
    )  # fmt: skip
    for pid, key, name, zh, ug, lvl, lon, lat in rows:
        result.places[pid] = MapPlace(
            pid, key or "", name, zh or "", ug or "", lvl, lon, lat,
            frozenset(roles.get(pid, ())), counts.get(pid, 0),
            tuple(sorted(place_ids.get(pid, ()))),
        )  # fmt: skip
    return result


def flow_case_ids(
    session: Session, flt: CaseFilter, level: Level, donor: int, recipient: int
) -> list[int]:
    """The ids of the cases matching `flt` that pair `donor` with `recipient`, in order."""
    case_id, d, r, pairs = _pairs(level)
    stmt = pairs.add_columns(case_id).where(d == donor, r == recipient).distinct()
    return sorted(fetch_column(session, _restricted(stmt, case_id, flt)))


def place_case_ids(session: Session, flt: CaseFilter, level: Level, place_id: int) -> list[int]:
    """The ids of the cases matching `flt` with `place_id` on either side, in order."""
    case_id, _role, place, sides = _sides(level)
    stmt = sides.add_columns(case_id).where(place == place_id).distinct()
    return sorted(fetch_column(session, _restricted(stmt, case_id, flt)))


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


def _cases(
    count: int, ids: tuple[int, ...], labels: Mapping[int, tuple[str, str]] | None
) -> dict[str, Any]:
    properties: dict[str, Any] = {"case_count": count, "case_ids": list(ids)}
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
    (count; ids when the flows were read `with_ids`; slug and title when `labels`
    from `case_labels` are given). A flow or place without a known position has a
    null geometry."""
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
            **_cases(flow.count, flow.case_ids, labels),
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
            **_cases(place.count, place.case_ids, labels),
        }
        features.append({"type": "Feature", "geometry": _point(place), "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(session: Session, path: Path, flt: CaseFilter, level: Level = "area") -> int:
    """Write the flows of the cases matching `flt` to `path` as GeoJSON, whole or not at all
    (raises app.atomic_file.OutputFileError with a message for the user); returns the
    number of flows. Raises QueryError for a malformed query before touching the file."""
    flows = pairing_flows(session, flt, level, with_ids=True)
    labels = case_labels(session, {i for p in flows.places.values() for i in p.case_ids})
    text = json.dumps(geojson_of(flows, labels), ensure_ascii=False, indent=1)
    with atomic_output(path) as part:
        part.write_text(text + "\n", encoding="utf-8")
    return len(flows.flows)
