"""Tags: one tag whatever the spelling, bulk tagging, rename/merge/delete, hierarchy, undo."""

from __future__ import annotations

import pytest

from app.case_filter import CaseFilter
from app.service import CatalogueService
from app.store import Catalogue
from app.tag_names import TagNameError
from app.tags import delete_tag, rename_tag, set_tag_colour, tag_cases, untag_cases
from tests.annotate_helpers import case_id, tag_counts


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


@pytest.fixture
def ids(small_catalogue: Catalogue) -> tuple[int, int]:
    return case_id(small_catalogue, "alpha"), case_id(small_catalogue, "beta")


def test_spellings_are_one_tag_and_first_spelling_is_kept(service, ids) -> None:
    alpha, beta = ids
    service.write(tag_cases, [alpha], ["Tea"])
    service.write(tag_cases, [beta], [" tea "])
    service.write(tag_cases, [alpha, beta], ["TEA"])
    assert tag_counts(service) == {"Tea": 2}


@pytest.mark.parametrize("bad", ["", "   ", "/", " / / ", "a//b", "x" * 201, "a\x00b", "a\x07b"])
def test_empty_and_slash_only_names_are_refused_and_nothing_written(service, ids, bad) -> None:
    with pytest.raises(TagNameError):
        service.write(tag_cases, list(ids), ["good", bad])
    assert service.tags() == []


def test_bulk_tagging_is_one_change_set_and_undoes_whole(service, ids) -> None:
    _, changes = service.write(tag_cases, list(ids), ["tea", "report 2026"])
    assert tag_counts(service) == {"report 2026": 2, "tea": 2}
    service.replay(changes, undo=True)
    assert service.tags() == []
    service.replay(changes, undo=False)
    assert tag_counts(service) == {"report 2026": 2, "tea": 2}


def test_untag_removes_only_the_links(service, ids) -> None:
    alpha, beta = ids
    service.write(tag_cases, [alpha, beta], ["tea"])
    removed, changes = service.write(untag_cases, [alpha], ["TEA"])
    assert removed == 1
    assert tag_counts(service) == {"tea": 1}
    service.replay(changes, undo=True)
    assert tag_counts(service) == {"tea": 2}


def test_merge_keeps_every_case_once_with_right_counts(service, ids) -> None:
    alpha, beta = ids
    service.write(tag_cases, [alpha, beta], ["tea"])
    service.write(tag_cases, [alpha], ["brick tea"])
    moved, changes = service.write(rename_tag, "tea", "Brick Tea")
    assert moved == 1
    assert tag_counts(service) == {"brick tea": 2}
    assert service.count(CaseFilter(tags=frozenset({"brick tea"}))) == 2
    service.replay(changes, undo=True)
    assert tag_counts(service) == {"brick tea": 1, "tea": 2}


def test_rename_a_parent_moves_its_children(service, ids) -> None:
    alpha, beta = ids
    service.write(tag_cases, [alpha], ["craft/embroidery"])
    service.write(tag_cases, [beta], ["craft/jade"])
    service.write(rename_tag, "craft", "handicraft")
    assert tag_counts(service) == {"handicraft/embroidery": 1, "handicraft/jade": 1}
    with pytest.raises(TagNameError):
        service.write(rename_tag, "handicraft", "handicraft/sub")


def test_parent_filter_includes_children_and_all_any_modes(service, ids) -> None:
    alpha, beta = ids
    service.write(tag_cases, [alpha], ["craft/embroidery", "tea"])
    service.write(tag_cases, [beta], ["craft/jade"])
    assert service.count(CaseFilter(tags=frozenset({"craft"}))) == 2
    assert service.count(CaseFilter(tags=frozenset({"craft/jade"}))) == 1
    both = frozenset({"craft/jade", "tea"})
    assert service.count(CaseFilter(tags=both, tag_mode="all")) == 0
    assert service.count(CaseFilter(tags=both, tag_mode="any")) == 2


def test_delete_reports_case_count_and_undo_restores(service, ids) -> None:
    service.write(tag_cases, list(ids), ["craft/embroidery"])
    service.write(tag_cases, ids[:1], ["craft"])
    assert service.tag_case_count("craft") == 2
    count, changes = service.write(delete_tag, "CRAFT")
    assert count == 2
    assert service.tags() == []
    service.replay(changes, undo=True)
    assert tag_counts(service) == {"craft": 1, "craft/embroidery": 2}


def test_colour_is_validated_and_undoable(service, ids) -> None:
    service.write(tag_cases, list(ids), ["tea"])
    _, changes = service.write(set_tag_colour, "tea", "#A0C4FF")
    assert [t.colour for t in service.tags()] == ["#a0c4ff"]
    with pytest.raises(ValueError, match="not a colour"):
        service.write(set_tag_colour, "tea", "blue; drop table")
    service.replay(changes, undo=True)
    assert [t.colour for t in service.tags()] == [""]


def test_unicode_tag_names_are_kept_exactly(service, ids) -> None:
    names = ["砖茶", "ئۇيغۇر", "tea 🍵"]
    service.write(tag_cases, list(ids), names)
    assert sorted(tag_counts(service)) == sorted(names)


def test_composed_and_decomposed_spellings_are_one_tag(service, ids) -> None:
    composed, decomposed = "Caf\u00e9", "cafe\u0301"
    service.write(tag_cases, [ids[0]], [composed])
    service.write(tag_cases, [ids[1]], [decomposed])
    assert tag_counts(service) == {composed: 2}


def test_whitespace_inside_a_name_becomes_single_spaces(service, ids) -> None:
    service.write(tag_cases, [ids[0]], ["brick\t tea\n"])
    assert tag_counts(service) == {"brick tea": 1}


def test_parent_counts_are_the_cases_filtering_by_them_shows(service, ids) -> None:
    from app.tags import parent_keys

    alpha, beta = ids
    service.write(tag_cases, [alpha], ["craft/embroidery/silk", "craft"])
    service.write(tag_cases, [alpha, beta], ["craft/jade"])
    parents = parent_keys(service.tags())
    assert parents == {"craft", "craft/embroidery"}
    assert service.tag_counts_under(parents) == {"craft": 2, "craft/embroidery": 1}
