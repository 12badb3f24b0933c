"""Saved searches: save, replace, rename, delete (each undone and redone), names, JSON, counts."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.case_filter import CaseFilter
from app.changes import ReplayConflictError, replay
from app.saved_searches import (
    SavedSearchInfo,
    SavedSearchNameError,
    UnknownSavedSearchError,
    delete_saved,
    describe_selection,
    filter_of,
    find_saved,
    normalise_search_name,
    parse_selection,
    rename_saved,
    save_search,
    saved_counts,
    selection_json,
)
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import tag_cases
from models import Place
from models.search import SavedSearch
from tests.annotate_helpers import case_id

ENERGY = CaseFilter(sectors=frozenset({"energy"}))
TEA = CaseFilter(text="tea")


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def _names(service: CatalogueService) -> list[str]:
    return [s.name for s in service.saved_searches()]


def _place_id(catalogue: Catalogue, key: str) -> int:
    with catalogue.sessions() as session:
        return int(session.scalars(select(Place.id).where(Place.key == key)).one())


def _set_selection(catalogue: Catalogue, search_id: int, text: str) -> None:
    with catalogue.sessions.begin() as session:
        session.execute(
            update(SavedSearch).where(SavedSearch.id == search_id).values(selection=text)
        )


def test_save_keeps_query_and_selection_and_undo_redo_replays(service) -> None:
    flt = CaseFilter(
        text="tea  workshop",
        sectors=frozenset({"agriculture and food"}),
        donor_places=frozenset({3, 1}),
        forms=frozenset({"talent"}),
        tags=frozenset({"craft", "tea"}),
        tag_mode="any",
        case_ids=frozenset({1}),
    )
    search_id, changes = service.write(save_search, "  Tea work ", flt)
    (info,) = service.saved_searches()
    assert info.id == search_id and info.name == "Tea work" and info.query == "tea  workshop"
    # case_ids is what the user selected in the table, not part of a search.
    assert filter_of(info) == CaseFilter(
        text="tea  workshop",
        sectors=frozenset({"agriculture and food"}),
        donor_places=frozenset({1, 3}),
        forms=frozenset({"talent"}),
        tags=frozenset({"craft", "tea"}),
        tag_mode="any",
    )
    assert info.selection.text == ""
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=True)
    assert service.saved_searches() == []
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=False)
    assert service.saved_searches() == [info]


def test_saving_under_an_existing_name_replaces_its_query_and_selection(service) -> None:
    first, _ = service.write(save_search, "Energy", ENERGY)
    again, changes = service.write(save_search, "ENERGY ", TEA)
    assert again == first
    (info,) = service.saved_searches()
    assert (info.name, filter_of(info)) == ("Energy", TEA)  # the first spelling stays
    service.replay(changes, undo=True)
    assert filter_of(service.saved_searches()[0]) == ENERGY
    service.replay(changes, undo=False)
    assert filter_of(service.saved_searches()[0]) == TEA
    _, unchanged = service.write(save_search, "energy", TEA)
    assert not unchanged  # the same filter again writes nothing: no empty undo step


def test_rename_with_undo_and_redo(service) -> None:
    search_id, _ = service.write(save_search, "Energy", ENERGY)
    service.write(save_search, "Tea", TEA)
    _, changes = service.write(rename_saved, search_id, " Solar power ")
    assert _names(service) == ["Solar power", "Tea"]
    assert find_saved_in(service, "SOLAR POWER") is not None
    assert find_saved_in(service, "energy") is None
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=True)
    assert _names(service) == ["Energy", "Tea"]
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=False)
    assert _names(service) == ["Solar power", "Tea"]
    # A new spelling of its own name is a rename, not a clash.
    service.write(rename_saved, search_id, "SOLAR power")
    assert _names(service) == ["SOLAR power", "Tea"]
    _, nothing = service.write(rename_saved, search_id, "SOLAR power")
    assert not nothing


def test_rename_onto_another_search_is_refused(service) -> None:
    search_id, _ = service.write(save_search, "Energy", ENERGY)
    service.write(save_search, "Tea", TEA)
    with pytest.raises(SavedSearchNameError, match="already a saved search called 'tea'"):
        service.write(rename_saved, search_id, "tea")
    assert _names(service) == ["Energy", "Tea"]


def test_delete_with_undo_and_redo(service) -> None:
    search_id, _ = service.write(save_search, "Energy", ENERGY)
    _, changes = service.write(delete_saved, search_id)
    assert service.saved_searches() == []
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=True)
    (info,) = service.saved_searches()
    assert (info.id, info.name, filter_of(info)) == (search_id, "Energy", ENERGY)
    with service.catalogue.sessions.begin() as session:
        replay(session, changes, undo=False)
    assert service.saved_searches() == []


def test_unknown_search_is_one_clear_error(service) -> None:
    with pytest.raises(UnknownSavedSearchError, match="no longer exists"):
        service.write(delete_saved, 99)
    with pytest.raises(UnknownSavedSearchError, match="no longer exists"):
        service.write(rename_saved, 99, "x")


def test_undo_of_a_rename_after_someone_else_renamed_is_refused_in_words(service) -> None:
    search_id, _ = service.write(save_search, "Energy", ENERGY)
    _, changes = service.write(rename_saved, search_id, "Solar")
    service.write(rename_saved, search_id, "Sun")  # as another window would
    with pytest.raises(ReplayConflictError, match="the saved search 'Solar' was changed"):
        service.replay(changes, undo=True)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("x" * 201, "at most 200 characters; this one has 201"),
        ("a\tb", "control characters"),
        ("a\nb", "control characters"),
        ("a\x00b", "control characters"),
    ],
)
def test_bad_names_are_refused_and_nothing_written(service, bad: str, words: str) -> None:
    with pytest.raises(SavedSearchNameError, match=words):
        service.write(save_search, bad, ENERGY)
    assert service.saved_searches() == []
    search_id, _ = service.write(save_search, "ok", ENERGY)
    with pytest.raises(SavedSearchNameError, match=words):
        service.write(rename_saved, search_id, bad)
    assert _names(service) == ["ok"]


def test_a_name_of_200_characters_is_fine(service) -> None:
    service.write(save_search, "x" * 200, ENERGY)
    assert _names(service) == ["x" * 200]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=220))
def test_any_text_is_a_name_or_one_clear_error(name: str) -> None:
    try:
        display, key = normalise_search_name(name)
    except SavedSearchNameError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert display == display.strip() and 0 < len(display) <= 200
    assert key == unicodedata.normalize("NFC", display.casefold())
    assert normalise_search_name(f" {display} ") == (display, key)


def test_names_sort_ignoring_case_and_find_ignores_case(service) -> None:
    for name in ["beta", "Alpha", "étude", "Zebra", "西部"]:
        service.write(save_search, name, ENERGY)
    assert _names(service) == ["Alpha", "beta", "Zebra", "étude", "西部"]
    found = find_saved_in(service, "  ALPHA ")
    assert found is not None and found.name == "Alpha"
    assert find_saved_in(service, "gamma") is None
    assert find_saved_in(service, "") is None  # a name that could never be saved finds nothing


def find_saved_in(service: CatalogueService, name: str) -> SavedSearchInfo | None:
    with service.catalogue.sessions() as session:
        return find_saved(session, name)


@pytest.mark.parametrize(
    "stored",
    [
        "not json",
        "",
        "[1, 2]",
        "null",
        '"text"',
        '{"sectors": "energy", "tag_mode": "some"}',
        '{"donor_places": ["1", true, 2.5], "tags": [3, null]}',
        "[" * 5000,
    ],
)
def test_unreadable_selection_reads_as_nothing_chosen(service, stored: str) -> None:
    search_id, _ = service.write(save_search, "Damaged", TEA)
    _set_selection(service.catalogue, search_id, stored)
    (info,) = service.saved_searches()
    assert filter_of(info) == TEA
    assert service.saved_counts() == {search_id: 1}


def test_missing_keys_and_good_values_are_read(service) -> None:
    assert parse_selection('{"donor_places": [4, 2], "tag_mode": "any"}') == CaseFilter(
        donor_places=frozenset({2, 4}), tag_mode="any"
    )
    assert parse_selection(None) == CaseFilter()


@settings(max_examples=200)
@given(st.text())
def test_any_stored_text_reads_without_error(text: str) -> None:
    assert isinstance(parse_selection(text), CaseFilter)


@settings(max_examples=100)
@given(
    st.builds(
        CaseFilter,
        sectors=st.frozensets(st.text(min_size=1)),
        donor_places=st.frozensets(st.integers(min_value=1, max_value=2**40)),
        recipient_places=st.frozensets(st.integers(min_value=1, max_value=2**40)),
        forms=st.frozensets(st.text(min_size=1)),
        tags=st.frozensets(st.text(min_size=1)),
        tag_mode=st.sampled_from(["all", "any"]),
    )
)
def test_selection_json_reads_back_as_written(flt: CaseFilter) -> None:
    assert parse_selection(selection_json(flt)) == flt
    assert set(json.loads(selection_json(flt))) == {
        "sectors", "donor_places", "recipient_places", "forms", "tags", "tag_mode"
    }  # fmt: skip


def test_counts_are_each_search_s_own_and_follow_the_catalogue(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    hubei = _place_id(small_catalogue, "hubei")
    everything, _ = service.write(save_search, "All", CaseFilter())
    energy, _ = service.write(save_search, "Energy", ENERGY)
    hubei_donor, _ = service.write(
        save_search, "Hubei", CaseFilter(donor_places=frozenset({hubei}))
    )
    tagged, _ = service.write(save_search, "Tea tag", CaseFilter(tags=frozenset({"tea"})))
    assert service.saved_counts() == {everything: 2, energy: 1, hubei_donor: 2, tagged: 0}
    service.write(tag_cases, [alpha], ["Tea"])
    assert service.saved_counts()[tagged] == 1


def test_a_query_the_search_refuses_leaves_out_only_that_count(service) -> None:
    good, _ = service.write(save_search, "Good", ENERGY)
    bad, _ = service.write(save_search, "Bad", CaseFilter(text='"unclosed'))
    assert service.saved_counts() == {good: 1}
    with service.catalogue.sessions() as session:
        assert saved_counts(session) == {good: 1}
    assert [s.id for s in service.saved_searches()] == [bad, good]  # still listed


def test_selection_in_words_names_places_and_tags(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    service.write(tag_cases, [alpha], ["Craft/Jade"])
    flt = CaseFilter(
        sectors=frozenset({"energy"}),
        donor_places=frozenset({_place_id(small_catalogue, "hubei")}),
        recipient_places=frozenset({_place_id(small_catalogue, "kashgar"), 99999}),
        forms=frozenset({"funds"}),
        tags=frozenset({"craft/jade", "gone"}),
        tag_mode="any",
    )
    with service.catalogue.sessions() as session:
        words = describe_selection(session, flt)
        assert describe_selection(session, CaseFilter(text="only text")) == ""
    assert words == (
        "sector: energy; donor: Hubei; "
        "recipient: Kashgar, place #99999 (no longer in the catalogue); form: funds; "
        "tags (any of): Craft/Jade, gone"
    )
    assert service.describe_selection(flt) == words


def test_the_export_lists_every_saved_search_in_words(service, small_catalogue, tmp_path) -> None:
    import openpyxl

    from app.xlsx.export import export_workbook
    from app.xlsx.importer import preview_import

    kashgar = _place_id(small_catalogue, "kashgar")
    service.write(save_search, '=HYPERLINK("x")', CaseFilter(text="@tea"))
    service.write(
        save_search,
        "Kashgar energy",
        CaseFilter(recipient_places=frozenset({kashgar}), sectors=frozenset({"energy"})),
    )
    target = tmp_path / "out.xlsx"
    with small_catalogue.sessions() as session:
        # Only alpha is exported, yet every saved search is (they are the catalogue's).
        summary = export_workbook(session, target, CaseFilter(text="alpha"))
    assert summary.counts["Saved searches"] == 2
    sheet = openpyxl.load_workbook(target)["Saved searches"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Name", "Query", "Facets and tags", "Saved", "UUID")
    with small_catalogue.sessions() as session:
        uuids = set(session.scalars(select(SavedSearch.uuid)))
    assert {row[4] for row in rows[1:]} == uuids
    assert [row[:3] for row in rows[1:]] == [
        ('=HYPERLINK("x")', "@tea", None),
        ("Kashgar energy", None, "sector: energy; recipient: Kashgar"),
    ]
    assert sheet["A2"].quotePrefix and sheet["B2"].quotePrefix  # text, never formulas
    about = {
        r[0]: r[1] for r in openpyxl.load_workbook(target)["About"].iter_rows(values_only=True)
    }
    assert about["Saved searches rows"] == 2
    with small_catalogue.sessions() as session:
        plan = preview_import(session, target)  # importing the workbook back ignores the sheet
    assert not plan.has_changes and not plan.rejected
