"""Private notes: seen only by their author; in a team catalogue the server enforces it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.cli import main
from app.notes import add_note, all_notes, notes_of_case, set_note_private, update_note
from app.query import CaseFilter, case_ids
from app.service import CatalogueService, WriteFailedError
from app.store import Catalogue, open_catalogue
from models import ChangeRow, Note
from tests.annotate_helpers import case_id as id_of
from tests.conftest import PgDatabases
from tests.test_team_roles import _as
from views.main_window import MainWindow


@pytest.fixture
def two_editors(pg_databases: PgDatabases, capsys: pytest.CaptureFixture[str]) -> str:
    url = pg_databases.new("small")
    for name in ("ed", "eva"):
        assert main(["team", "add-member", url, name, "--role", "editor"]) == 0
    capsys.readouterr()
    return url


def _seen(catalogue: Catalogue, case_id: int, word: str) -> dict[str, int]:
    """Where `word` shows for this login: the case's notes, All Notes, search, the log."""
    with catalogue.sessions() as session:
        return {
            "notes": sum(word in n.body for n in notes_of_case(session, case_id)),
            "all notes": len(all_notes(session, word)),
            "search": len(case_ids(session, CaseFilter(text=word))),
            "log": session.scalar(
                select(func.count()).select_from(ChangeRow).where(ChangeRow.after.contains(word))
            )
            or 0,
        }


def test_the_server_keeps_a_private_note_from_other_members(two_editors: str) -> None:
    ed, eva = open_catalogue(_as(two_editors, "ed")), open_catalogue(_as(two_editors, "eva"))
    try:
        ed_service, eva_service = CatalogueService(ed, "Ed"), CatalogueService(eva, "Eva")
        case_id = id_of(ed, "alpha")
        note_id, _ = ed_service.write(add_note, case_id, "zanzibar plan")
        ed_service.write(set_note_private, note_id, True)
        ed_service.write(update_note, note_id, "zanzibar plan, second draft")
        with ed.sessions() as session:
            assert session.scalar(select(Note.owner).where(Note.id == note_id)) == "ed"

        hidden = {"notes": 0, "all notes": 0, "search": 0, "log": 1}
        assert _seen(eva, case_id, "zanzibar") == hidden
        # (the one row of the log eva sees is from before it was private)
        assert _seen(ed, case_id, "zanzibar")["notes"] == 1
        assert _seen(ed, case_id, "zanzibar")["all notes"] == 1
        assert _seen(ed, case_id, "zanzibar")["log"] == 3
        assert _seen(ed, case_id, "zanzibar")["search"] == 0  # kept out of the shared index

        # eva can neither change it nor make ed's shared notes private.
        eva_service.write(update_note, note_id, "overwritten")
        shared_id, _ = ed_service.write(add_note, case_id, "a shared note")
        with pytest.raises(WriteFailedError, match="only its author can make a note private"):
            eva_service.write(set_note_private, shared_id, True)
        with ed.sessions() as session:
            assert session.scalar(select(Note.body).where(Note.id == note_id)) == (
                "zanzibar plan, second draft"
            )

        ed_service.write(set_note_private, note_id, False)  # shared again
        assert _seen(eva, case_id, "zanzibar")["notes"] == 1
        assert _seen(eva, case_id, "zanzibar")["search"] == 1
    finally:
        ed.close()
        eva.close()


def test_the_private_box_makes_a_note_private_in_one_undoable_step(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    panel = win.notes_panel
    panel.new_note()
    panel.editor.setPlainText("only mine")
    panel.flush()
    assert panel.private_check.isEnabled()
    panel.private_check.click()
    note = panel._notes[panel.note_id or 0]
    assert note.private
    assert panel.private_check.isChecked()
    label = panel.list_model.item(panel.list_model.rowCount() - 1).text()
    assert label.endswith("private")
    win.undo_action.trigger()
    assert not panel._notes[panel.note_id or 0].private
    assert not panel.private_check.isChecked()


def test_a_private_note_copied_to_the_team_catalogue_stays_its_copiers(
    two_editors: str, tmp_path: object, small_catalogue: Catalogue
) -> None:
    service = CatalogueService(small_catalogue, "Ed")
    case_id = id_of(small_catalogue, "alpha")
    note_id, _ = service.write(add_note, case_id, "quokka thoughts")
    service.write(set_note_private, note_id, True)
    path = str(small_catalogue.path)
    small_catalogue.close()
    ed_url, eva_url = _as(two_editors, "ed"), _as(two_editors, "eva")
    assert main(["copy", path, ed_url]) == 0
    assert main(["copy", path, ed_url]) == 0  # again: nothing changes
    ed, eva = open_catalogue(ed_url), open_catalogue(eva_url)
    try:
        with ed.sessions() as session:
            found = session.execute(
                select(Note.owner, Note.private).where(Note.body == "quokka thoughts")
            ).all()
        assert [tuple(r) for r in found] == [("ed", True)]
        with eva.sessions() as session:
            assert not session.scalar(select(Note.id).where(Note.body == "quokka thoughts"))
    finally:
        ed.close()
        eva.close()


def test_casebook_note_private_on_the_command_line(
    two_editors: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ed_url, eva_url = _as(two_editors, "ed"), _as(two_editors, "eva")
    assert main(["--db", ed_url, "note", "alpha", "wombat idea", "--private"]) == 0
    assert "private" in capsys.readouterr().out
    ed, eva = open_catalogue(ed_url), open_catalogue(eva_url)
    try:
        case_id = id_of(ed, "alpha")
        assert _seen(ed, case_id, "wombat")["all notes"] == 1
        assert _seen(eva, case_id, "wombat")["all notes"] == 0
    finally:
        ed.close()
        eva.close()
