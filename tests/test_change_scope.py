"""ChangeScope: what a change touched, as the window's parts ask it."""

from __future__ import annotations

from typing import Any

from app.case_filter import CaseFilter
from app.change_scope import ChangeScope
from app.changes import ChangeSet, RowChange

TAG = {"id": 7, "name": "tea", "name_key": "tea", "colour": "", "uuid": "u"}
NOTE = {"id": 3, "case_id": 2, "body": "a", "updated_at": "t0", "author": "me", "uuid": "n"}


def _scope(*changes: RowChange) -> ChangeScope:
    return ChangeScope.of(ChangeSet(list(changes)))


def _link(case_id: int, before: bool = False) -> RowChange:
    row: dict[str, Any] = {"case_id": case_id, "tag_id": 7}
    return RowChange("case_tag", (case_id, 7), row if before else None, None if before else row)


def test_tagging_two_cases_repaints_their_rows_and_keeps_the_list() -> None:
    scope = _scope(RowChange("tag", (7,), None, TAG), _link(1), _link(2))
    assert scope.case_ids == {1, 2}
    assert scope.added == {"tag", "case_tag"} and not scope.removed
    assert scope.rows_to_repaint() == {1, 2}
    assert not scope.needs_requery(CaseFilter(), "title")
    assert scope.needs_requery(CaseFilter(), "tags")  # sorted by tags: the order may change
    assert scope.needs_requery(CaseFilter(tags=frozenset({"tea"})), "title")
    assert scope.needs_requery(CaseFilter(text="tea"), "title")
    assert not scope.needs_requery(CaseFilter(sectors=frozenset({"energy"})), "title")
    assert scope.changes_tags() and scope.may_change_counts()
    assert scope.touches_case(1, {"case_tag"}) and not scope.touches_case(3, {"case_tag"})
    assert scope.tags_to_recount() == {7}  # only counts can differ: no rebuild of the tree


def test_renaming_a_tag_repaints_every_row() -> None:
    scope = _scope(RowChange("tag", (7,), TAG, {**TAG, "name": "Tea"}))
    assert scope.rows_to_repaint() is None
    assert scope.tags_to_recount() is None  # the tree itself changes
    assert scope.touches_case(99, {"tag"})
    assert scope.may_change_counts()


def test_a_tags_colour_counts_nothing_new() -> None:
    scope = _scope(RowChange("tag", (7,), TAG, {**TAG, "colour": "#a0c4ff"}))
    assert not scope.may_change_counts()
    assert scope.changes_tags()  # the panel shows the colour


def test_a_note_as_it_is_typed_touches_only_its_notes() -> None:
    scope = _scope(RowChange("note", (3,), NOTE, {**NOTE, "body": "ab", "updated_at": "t1"}))
    assert scope.changes_notes_of(2) and not scope.changes_notes_of(1)
    assert not scope.changes_rows()
    assert not scope.changes_tags()
    assert not scope.changes_views()
    assert not scope.may_change_counts()
    assert not scope.touches_case(2, {"case_study", "highlight"})
    # Not even under a word search: the case being written about stays in the table.
    assert not scope.needs_requery(CaseFilter(text="ab"), "relevance")


def test_a_new_or_deleted_note_changes_the_count_shown() -> None:
    added = _scope(RowChange("note", (3,), None, NOTE))
    assert added.changes_rows() and added.rows_to_repaint() == {2}
    assert added.needs_requery(CaseFilter(), "notes")
    assert not added.needs_requery(CaseFilter(), "title")
    assert added.may_change_counts()


def test_adding_or_deleting_a_case_reads_the_list_again() -> None:
    row = {"id": 5, "title": "New"}
    assert _scope(RowChange("case_study", (5,), None, row)).needs_requery(CaseFilter(), "title")
    gone = _scope(RowChange("case_study", (5,), row, None))
    assert gone.needs_requery(CaseFilter(), "title") and gone.case_ids == {5}


def test_a_shared_row_added_alone_changes_no_case() -> None:
    scope = _scope(RowChange("tag", (7,), None, TAG))
    assert scope.rows_to_repaint() == frozenset()
    assert not scope.touches_case(1, {"tag"})
    removed = _scope(RowChange("tag", (7,), TAG, None))
    assert removed.touches_case(1, {"tag"}) and removed.rows_to_repaint() is None


def test_an_unknown_change_touches_everything() -> None:
    scope = ChangeScope.whole()
    assert scope.needs_requery(CaseFilter(), "title")
    assert scope.rows_to_repaint() is None
    assert scope.touches_case(None, set()) and scope.changes_notes_of(None)
    assert scope.may_change_counts() and scope.changes_tags() and scope.changes_views()
    assert scope.tags_to_recount() is None


def test_a_highlights_tag_counts_for_that_tag() -> None:
    mark = {"id": 4, "case_id": 2, "tag_id": 7, "comment": ""}
    retagged = _scope(RowChange("highlight", (4,), mark, {**mark, "tag_id": 8}))
    assert retagged.changes_tags() and retagged.tags_to_recount() == {7, 8}
    commented = _scope(RowChange("highlight", (4,), mark, {**mark, "comment": "why"}))
    assert not commented.changes_tags()
