"""Pairing flows (app/pairings.py), their GeoJSON, `casebook pairings`, and the seed's
place positions."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import geojson
import pytest
from sqlalchemy import select

from app.case_filter import CaseFilter
from app.cli import main
from app.pairings import (
    PairingFlows,
    flow_case_ids,
    geojson_of,
    pairing_flows,
    place_case_ids,
    write_geojson,
)
from app.search.language import QueryError
from app.store import Catalogue, open_catalogue
from models import CaseArea, Place
from seed import load_seed_files, seed_catalogue
from seed.fingerprint import add_release
from seed.schema import DATA_DIR, SeedError
from tests.annotate_helpers import case_id

from .conftest import FIXTURE_SEED


def _named(flows: PairingFlows) -> dict[tuple[str, str], tuple[int, ...]]:
    return {
        (flows.places[f.donor].key, flows.places[f.recipient].key): f.case_ids for f in flows.flows
    }


# --- flows ---------------------------------------------------------------------


def test_flows_pair_donor_provinces_with_recipient_prefectures(
    small_catalogue: Catalogue,
) -> None:
    alpha, beta = case_id(small_catalogue, "alpha"), case_id(small_catalogue, "beta")
    with small_catalogue.sessions() as s:
        areas = pairing_flows(s, CaseFilter(), with_ids=True)
        places = pairing_flows(s, CaseFilter(), "place", with_ids=True)
        counts_only = pairing_flows(s, CaseFilter())
        kashgar = next(p.id for p in areas.places.values() if p.key == "kashgar")
        flow = areas.flows[0]
        assert flow_case_ids(s, CaseFilter(), "area", flow.donor, flow.recipient) == [alpha, beta]
        assert place_case_ids(s, CaseFilter(), "area", kashgar) == [alpha, beta]
        assert place_case_ids(s, CaseFilter(text="tea"), "area", kashgar) == [alpha]
    # alpha: Wuhan → Taxkorgan rolls up to Hubei → Kashgar, beta's own pair.
    assert _named(areas) == {("hubei", "kashgar"): tuple(sorted((alpha, beta)))}
    assert areas.flows[0].count == 2
    assert areas.places[areas.flows[0].donor].roles == {"donor"}
    assert {p.key: p.count for p in areas.places.values()} == {"hubei": 2, "kashgar": 2}
    assert _named(places) == {("wuhan", "taxkorgan"): (alpha,), ("hubei", "kashgar"): (beta,)}
    assert [(f.count, f.case_ids) for f in counts_only.flows] == [(2, ())]


def test_flows_follow_the_filter(small_catalogue: Catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions() as s:
        by_words = pairing_flows(s, CaseFilter(text="tea"), with_ids=True)
        by_ids = pairing_flows(s, CaseFilter(case_ids=frozenset({alpha})), with_ids=True)
        none = pairing_flows(s, CaseFilter(text="nowhereword"))
        with pytest.raises(QueryError):
            pairing_flows(s, CaseFilter(text='"unclosed'))
    assert _named(by_words) == _named(by_ids) == {("hubei", "kashgar"): (alpha,)}
    assert none.flows == [] and none.places == {}


def test_flows_on_the_seed_match_every_case_counted_one_by_one(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        flows = pairing_flows(s, CaseFilter(), with_ids=True)
        rows = s.execute(
            select(CaseArea.case_id, CaseArea.role, CaseArea.area_id).where(CaseArea.rollup)
        ).all()
    sides: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for case, role, area in rows:
        sides[case][role].add(area)
    expected: dict[tuple[int, int], list[int]] = defaultdict(list)
    for case, by_role in sides.items():
        for d in by_role["donor"]:
            for r in by_role["recipient"]:
                expected[d, r].append(case)
    got = {(f.donor, f.recipient): list(f.case_ids) for f in flows.flows}
    assert got == {k: sorted(v) for k, v in expected.items()}
    assert all(f.count == len(f.case_ids) for f in flows.flows)
    assert [f.count for f in flows.flows] == sorted((f.count for f in flows.flows), reverse=True)
    assert ("guangdong", "kashgar") in _named(flows)
    assert [p.key for p in flows.unplaced] == ["xinchengximen"]


# --- GeoJSON -------------------------------------------------------------------


def test_geojson_is_rfc_7946_with_longitude_first(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        flows = pairing_flows(s, CaseFilter(), with_ids=True)
    data = geojson_of(flows)
    parsed = geojson.loads(json.dumps(data))
    assert parsed.is_valid, parsed.errors()
    assert data["type"] == "FeatureCollection"
    lines = [f for f in data["features"] if f["properties"]["kind"] == "pairing"]
    points = {
        f["properties"]["key"]: f for f in data["features"] if f["properties"]["kind"] == "place"
    }
    assert len(lines) == len(flows.flows)
    assert points["kashgar"]["geometry"] == {"type": "Point", "coordinates": [75.99, 39.47]}
    assert points["xinchengximen"]["geometry"] is None  # no position: a null geometry
    guangdong_kashgar = next(
        f for f in lines if (f["properties"]["donor"]["key"], f["properties"]["recipient"]["key"])
        == ("guangdong", "kashgar")
    )  # fmt: skip
    assert guangdong_kashgar["geometry"]["type"] == "LineString"
    assert guangdong_kashgar["geometry"]["coordinates"] == [[113.264, 23.129], [75.99, 39.47]]
    assert guangdong_kashgar["properties"]["case_count"] == 3
    assert len(guangdong_kashgar["properties"]["case_ids"]) == 3
    assert points["kashgar"]["properties"]["name_ug"] == "قەشقەر ۋىلايىتى"


def test_written_geojson_names_each_case(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "pairs.geojson"
    with small_catalogue.sessions() as s:
        assert write_geojson(s, target, CaseFilter()) == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert geojson.loads(target.read_text(encoding="utf-8")).is_valid
    [line] = [f for f in data["features"] if f["properties"]["kind"] == "pairing"]
    assert {c["slug"] for c in line["properties"]["cases"]} == {"alpha", "beta"}
    assert "Alpha tea workshop" in {c["title"] for c in line["properties"]["cases"]}


# --- the command line ----------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(small_catalogue: Catalogue) -> str:
    path = str(small_catalogue.path)
    small_catalogue.close()
    return path


def test_cli_writes_geojson_of_the_query(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "map.geojson"
    status, out, err = _run(capsys, "--db", db, "pairings", "--query", '"alpha tea workshop"',
                               "--geojson", str(target))  # fmt: skip
    assert status == 0, err
    assert "Wrote 1 pairing to" in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert geojson.loads(json.dumps(data)).is_valid
    [line] = [f for f in data["features"] if f["properties"]["kind"] == "pairing"]
    assert [c["slug"] for c in line["properties"]["cases"]] == ["alpha"]
    status, out, err = _run(capsys, "--db", db, "pairings")
    assert status == 0 and "→" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--geojson", "{tmp}/no/such/folder/map.geojson"], "does not exist"),
        (["--query", '"unclosed', "--geojson", "{tmp}/map.geojson"], "quotation mark"),
    ],
)
def test_cli_fails_in_one_line_and_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    status, _out, err = _run(capsys, "--db", db, "pairings", *argv)
    assert status != 0
    assert len(err.strip().splitlines()) == 1 and words in err
    assert not (tmp_path / "map.geojson").exists()
    assert not list(tmp_path.glob(".*.part"))


# --- the seed's positions ------------------------------------------------------


def test_every_seed_place_has_a_position_in_china_or_says_why_not() -> None:
    for place in load_seed_files(DATA_DIR).places:
        assert place["position_note"], place["key"]
        if place["longitude"] is None:
            assert place["latitude"] is None
            assert place["position_note"].startswith("no position"), place["key"]
            continue
        assert 73 <= place["longitude"] <= 135, place["key"]
        assert 18 <= place["latitude"] <= 54, place["key"]
    # Xinjiang's places lie west of 97°E, the others east of it.
    places = {p["key"]: p for p in load_seed_files(DATA_DIR).places}
    assert places["kashgar"]["longitude"] < 97 < places["hubei"]["longitude"]


def test_seeding_stores_positions(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        kashgar = s.scalars(select(Place).where(Place.key == "kashgar")).one()
        assert (kashgar.longitude, kashgar.latitude) == (75.99, 39.47)
        assert "Kashgar city" in kashgar.position_note


def _seed_with_places(tmp_path: Path, places_text: str) -> Path:
    folder = tmp_path / "seed-copy"
    shutil.copytree(FIXTURE_SEED, folder, dirs_exist_ok=True)
    (folder / "places.toml").write_text(places_text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ("longitude = 75.99\n", "needs both"),
        ("latitude = 39.47\n", "needs both"),
        ("longitude = 181\nlatitude = 39\n", "outside -180..180"),
        ("longitude = 75\nlatitude = -91\n", "outside -90..90"),
        ('longitude = "75"\nlatitude = 39\n', "must be a number"),
    ],
)
def test_the_seed_refuses_half_or_impossible_positions(
    tmp_path: Path, lines: str, words: str
) -> None:
    text = '[[place]]\nkey = "k"\nname = "K"\nlevel = "prefecture"\nparent = ""\n' + lines
    with pytest.raises(SeedError, match=words):
        load_seed_files(_seed_with_places(tmp_path, text))


def test_a_newer_seed_gives_positions_to_places_the_user_never_changed(tmp_path: Path) -> None:
    current = (FIXTURE_SEED / "places.toml").read_text(encoding="utf-8")
    older_text = "".join(
        line
        for line in current.splitlines(keepends=True)
        if not line.startswith(("longitude", "latitude", "position_note"))
    )
    older = load_seed_files(_seed_with_places(tmp_path / "old", older_text))
    newer = load_seed_files(FIXTURE_SEED)
    released = add_release(add_release({}, older), newer)
    cat = open_catalogue(tmp_path / "older.sqlite3", seed=False)
    try:
        with cat.sessions.begin() as s:
            seed_catalogue(s, older, released)
            s.execute(Place.__table__.update().where(Place.key == "hubei").values(name="Hubei!"))
        with cat.sessions.begin() as s:
            report = seed_catalogue(s, newer, released)
        with cat.sessions() as s:
            got = {p.key: (p.longitude, p.latitude) for p in s.scalars(select(Place))}
    finally:
        cat.close()
    assert got["kashgar"] == (75.99, 39.47)
    assert got["hubei"] == (None, None)  # renamed by the user: kept as theirs
    assert "place hubei" in report.kept


def test_flows_are_the_same_led_by_the_ids_or_by_a_scan(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import pairings

    flt = CaseFilter(text="Kashgar OR Hubei")
    with catalogue.sessions() as s:
        led = pairing_flows(s, flt, with_ids=True)
        monkeypatch.setattr(pairings, "PROBE_AT_MOST", 0)
        scanned = pairing_flows(s, flt, with_ids=True)
    assert led.flows and led.flows == scanned.flows and led.places == scanned.places


def test_a_case_with_two_places_in_one_area_counts_once(small_catalogue: Catalogue) -> None:
    from app.search.index import rebuild
    from models.catalogue import CasePlace

    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions.begin() as s:
        kashgar = s.scalars(select(Place.id).where(Place.key == "kashgar")).one()
        s.add(CasePlace(case_id=alpha, place_id=kashgar, role="recipient"))  # and Taxkorgan
        s.flush()
        rebuild(s)
    with small_catalogue.sessions() as s:
        flows = pairing_flows(s, CaseFilter())
        with_ids = pairing_flows(s, CaseFilter(), with_ids=True)
    assert [f.count for f in flows.flows] == [2]
    assert with_ids.flows[0].case_ids == tuple(sorted((alpha, case_id(small_catalogue, "beta"))))
    assert flows.places[kashgar].count == 2
