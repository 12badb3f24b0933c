"""Undo and redo never overwrite what someone else changed since (issue: never lose a word)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.changes import ReplayConflictError
from app.notes import add_note, delete_note, update_note
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import tag_cases
from models import CaseTag, Note
from tests.annotate_helpers import case_id, reopen


def _bodies(catalogue: Catalogue) -> dict[int, str]:
    with catalogue.sessions() as session:
        return {n.id: n.body for n in session.scalars(select(Note))}


@pytest.fixture
def service(any_small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(any_small_catalogue)


def _first_case(catalogue: Catalogue) -> int:
    return case_id(catalogue, _slug(catalogue))


def test_undo_of_an_edit_refuses_when_another_process_changed_the_note(
    service: CatalogueService, any_small_catalogue: Catalogue
) -> None:
    cid = _first_case(any_small_catalogue)
    note_id, _ = service.write(add_note, cid, "mine")
    _, edit = service.write(update_note, note_id, "mine, edited")
    other = reopen(any_small_catalogue)
    CatalogueService(other).write(update_note, note_id, "a colleague's text")
    other.close()

    refused = "Cannot undo this step: the note 'mine, edited' was changed elsewhere"
    with pytest.raises(ReplayConflictError, match=refused):
        service.replay(edit, undo=True)
    assert _bodies(any_small_catalogue)[note_id] == "a colleague's text"


def test_undo_of_a_note_deletion_keeps_a_note_added_since(
    service: CatalogueService, any_small_catalogue: Catalogue
) -> None:
    cid = _first_case(any_small_catalogue)
    note_id, _ = service.write(add_note, cid, "newest note")
    _, deletion = service.write(delete_note, note_id)
    other = reopen(any_small_catalogue)
    cli_note, _ = CatalogueService(other).write(add_note, cid, "added by the command line")
    other.close()

    assert cli_note != note_id  # ids are never reused, so the undo cannot collide
    service.replay(deletion, undo=True)
    bodies = _bodies(any_small_catalogue)
    assert bodies[note_id] == "newest note"
    assert bodies[cli_note] == "added by the command line"


def test_redo_refuses_when_the_row_changed_after_the_undo(
    service: CatalogueService, any_small_catalogue: Catalogue
) -> None:
    cid = _first_case(any_small_catalogue)
    note_id, _ = service.write(add_note, cid, "first")
    _, edit = service.write(update_note, note_id, "second")
    service.replay(edit, undo=True)
    other = reopen(any_small_catalogue)
    CatalogueService(other).write(update_note, note_id, "third, elsewhere")
    other.close()

    with pytest.raises(ReplayConflictError, match="Cannot redo"):
        service.replay(edit, undo=False)
    assert _bodies(any_small_catalogue)[note_id] == "third, elsewhere"


def test_undo_of_a_deletion_refuses_when_the_case_was_deleted_elsewhere(
    service: CatalogueService, any_small_catalogue: Catalogue
) -> None:
    slug_id = case_id(any_small_catalogue, _slug(any_small_catalogue))
    _, tagging = service.write(tag_cases, [slug_id], ["kept"])
    other = reopen(any_small_catalogue)
    with other.sessions.begin() as session:
        session.execute(CaseTag.delete().where(CaseTag.c.case_id == slug_id))
    other.close()
    with pytest.raises(ReplayConflictError, match="a tag on a case was deleted"):
        service.replay(tagging, undo=True)


def test_merged_note_edits_undo_together_without_a_false_conflict(
    service: CatalogueService, any_small_catalogue: Catalogue
) -> None:
    cid = _first_case(any_small_catalogue)
    note_id, _ = service.write(add_note, cid, "")
    _, merged = service.write(update_note, note_id, "a")
    for text in ("ab", "abc", "abcd"):
        merged.extend(service.write(update_note, note_id, text)[1])
    service.replay(merged, undo=True)
    assert _bodies(any_small_catalogue)[note_id] == ""
    service.replay(merged, undo=False)
    assert _bodies(any_small_catalogue)[note_id] == "abcd"


def _slug(catalogue: Catalogue) -> str:
    from models import CaseStudy

    with catalogue.sessions() as session:
        return str(session.scalars(select(CaseStudy.slug).limit(1)).one())
