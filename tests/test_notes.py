"""Notes: exact text, times, listing newest first with a filter, delete and undo."""

from __future__ import annotations

import pytest

from app.notes import NoteError, add_note, delete_note, update_note
from app.service import CatalogueService
from app.store import Catalogue
from tests.annotate_helpers import case_id

EXACT = "# 砖茶\n\nئۇيغۇر تېكىستى — emoji 🍵👍🏽\r\n  trailing spaces  \n"


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def test_note_text_is_kept_exactly(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    note_id, _ = service.write(add_note, alpha, EXACT)
    (note,) = service.notes_of_case(alpha)
    assert note.id == note_id
    assert note.body == EXACT
    assert note.first_line == "砖茶"


def test_update_changes_updated_time_only_when_text_changes(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    note_id, _ = service.write(add_note, alpha, "first")
    before = service.notes_of_case(alpha)[0]
    changed, _ = service.write(update_note, note_id, "first")
    assert changed is False
    changed, changes = service.write(update_note, note_id, "second")
    after = service.notes_of_case(alpha)[0]
    assert changed is True
    assert after.body == "second"
    assert after.created_at == before.created_at
    assert after.updated_at >= before.updated_at
    service.replay(changes, undo=True)
    assert service.notes_of_case(alpha)[0].body == "first"


def test_all_notes_newest_first_and_filtered(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    beta = case_id(small_catalogue, "beta")
    first, _ = service.write(add_note, alpha, "older note about training")
    second, _ = service.write(add_note, beta, "newer note on solar")
    service.write(update_note, second, "newer note on solar panels")
    assert [n.id for n in service.all_notes()] == [second, first]
    assert [n.id for n in service.all_notes("TRAINING")] == [first]
    assert [n.id for n in service.all_notes("alpha tea")] == [first]  # the case title counts
    assert service.all_notes("no such words") == []
    assert service.all_notes("100%") == []  # LIKE wildcards are taken literally


def test_delete_and_undo_restore_the_same_note(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    note_id, _ = service.write(add_note, alpha, EXACT)
    original = service.notes_of_case(alpha)[0]
    _, changes = service.write(delete_note, note_id)
    assert service.notes_of_case(alpha) == []
    service.replay(changes, undo=True)
    assert service.notes_of_case(alpha) == [original]
    with pytest.raises(NoteError):
        service.write(delete_note, 999_999)


def test_all_notes_limit_keeps_the_newest(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    ids = [service.write(add_note, alpha, f"note {i}")[0] for i in range(3)]
    assert [n.id for n in service.all_notes(limit=2)] == [ids[2], ids[1]]
    assert service.count_notes() == 3
