"""Places can be added and edited; a new donor such as Shanghai works end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.case_edit import save_case
from app.case_filter import FACET_DONOR, CaseFilter
from app.places import PlaceDraft, PlaceDraftError, check_place, list_places, save_place
from app.service import CatalogueService
from app.store import Catalogue
from tests.annotate_helpers import case_id
from tests.exchange_helpers import rows


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def _place(service: CatalogueService, name: str) -> int:
    return next(p.id for p in service.read(list_places) if p.name == name)


def test_a_new_donor_province_works_in_facets_rollup_filter_and_export(
    service: CatalogueService, small_catalogue: Catalogue, tmp_path: Path
) -> None:
    shanghai, _ = service.write(
        save_place, None, PlaceDraft("Shanghai", "上海", "شاڭخەي", "municipality")
    )
    pudong, _ = service.write(
        save_place, None, PlaceDraft(" Pudong ", "浦东", "", "district", shanghai)
    )
    assert service.read(list_places)[0].name  # listed
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    draft.donor_places = [pudong]
    service.write(save_case, alpha, draft)
    donors = {v.label: v.count for v in service.facets(CaseFilter()).groups[FACET_DONOR]}
    assert donors.get("Shanghai") == 1  # the district rolls up to its municipality
    assert service.case_ids(CaseFilter(donor_places=frozenset({shanghai}))) == [alpha]
    assert service.detail(alpha).places_on("donor")[0].lineage == ["Shanghai", "Pudong"]  # type: ignore[union-attr]
    target = tmp_path / "out.xlsx"
    service.export(target, None)
    (row,) = [r for r in rows(target, "Case studies") if r["Slug"] == "alpha"]
    assert row["Donor province"] == "Shanghai" and row["Donor city or county"] == "Pudong"
    package = tmp_path / "package"
    service.export(package, None, fmt="datapackage")
    places = (package / "places.csv").read_text(encoding="utf-8")
    assert "Shanghai" in places and "上海" in places and "Pudong" in places


def test_editing_a_place_renames_it_everywhere_and_undoes(
    service: CatalogueService, small_catalogue: Catalogue
) -> None:
    shanghai, _ = service.write(
        save_place, None, PlaceDraft("Shanghai", "上海", "", "municipality")
    )
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    draft.donor_places = [shanghai]
    service.write(save_case, alpha, draft)
    _, renamed = service.write(
        save_place, shanghai, PlaceDraft("Shanghai Municipality", "上海市", "", "municipality")
    )
    donors = {v.label for v in service.facets(CaseFilter()).groups[FACET_DONOR]}
    assert "Shanghai Municipality" in donors and "Shanghai" not in donors
    assert service.case_ids(CaseFilter(text="上海市")) == [alpha]
    service.replay(renamed, undo=True)
    donors = {v.label for v in service.facets(CaseFilter()).groups[FACET_DONOR]}
    assert "Shanghai" in donors


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (PlaceDraft("  "), "name", "needs a name"),
        (PlaceDraft("X", level="planet"), "level", "Choose one of"),
        (PlaceDraft("x" * 201), "name", "at most 200"),
        (PlaceDraft("A\x07b"), "name", "control characters"),
        (PlaceDraft("KASHGAR", level="prefecture"), "name", "already called"),
        (PlaceDraft("Elsewhere", "喀什", level="prefecture"), "name_zh", "already called"),
        (PlaceDraft("Nowhere", parent_id=999_999), "parent_id", "no longer exists"),
    ],
)
def test_bad_places_are_refused_and_nothing_is_written(
    service: CatalogueService, draft: PlaceDraft, field: str, words: str
) -> None:
    before = service.read(list_places)
    with pytest.raises(PlaceDraftError) as raised:
        service.write(save_place, None, draft)
    assert words in raised.value.problems[field]
    assert service.read(list_places) == before


def test_a_place_cannot_move_inside_itself(service: CatalogueService) -> None:
    top, _ = service.write(save_place, None, PlaceDraft("Top", level="province"))
    inner, _ = service.write(save_place, None, PlaceDraft("Inner", level="city", parent_id=top))
    with pytest.raises(PlaceDraftError) as raised:
        service.write(save_place, top, PlaceDraft("Top", level="province", parent_id=inner))
    assert "inside itself" in raised.value.problems["parent_id"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # only read
@given(name=st.text(max_size=210), zh=st.text(max_size=10))
def test_any_text_is_checked_without_a_crash(
    small_catalogue: Catalogue, name: str, zh: str
) -> None:
    with small_catalogue.sessions() as session:
        problems, values = check_place(session, PlaceDraft(name, zh), None)
    assert set(problems) <= {"name", "name_zh"}
    if not problems:
        assert values["name"] == " ".join(str(values["name"]).split()) != ""
