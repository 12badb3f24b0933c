"""Members of a team catalogue: readers, editors and admins, enforced by the server itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.cli import main
from app.notes import add_note
from app.service import CatalogueService, WriteFailedError
from app.store import open_catalogue
from app.tags import rename_tag, tag_cases
from models import CaseStudy
from tests.conftest import PgDatabases
from views.main_window import MainWindow


def _as(url: str, name: str) -> str:
    """The same catalogue's address for another login (the test cluster trusts any)."""
    scheme, rest = url.split("//", 1)
    return f"{scheme}//{name}@{rest.split('@', 1)[1]}"


@pytest.fixture
def team(pg_databases: PgDatabases, capsys: pytest.CaptureFixture[str]) -> str:
    url = pg_databases.new("small")
    for name, role in (("rita", "reader"), ("ed", "editor"), ("ada", "admin")):
        assert main(["team", "add-member", url, name, "--role", role]) == 0
    capsys.readouterr()
    return url


def _first_case(service: CatalogueService) -> int:
    with service.catalogue.sessions() as session:
        found = session.scalar(select(CaseStudy.id).order_by(CaseStudy.id))
    assert found is not None
    return found


def test_the_owner_adds_members_and_lists_them(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team", "members", team]) == 0
    assert capsys.readouterr().out.splitlines() == ["ada\tadmin", "ed\teditor", "rita\treader"]
    assert main(["team", "add-member", team, "rita", "--role", "editor"]) == 0
    assert "rita is now an editor of" in capsys.readouterr().out
    main(["team", "members", team])
    assert "rita\teditor" in capsys.readouterr().out.splitlines()


def test_a_bad_member_name_or_a_member_adding_members_is_refused_in_one_line(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["team", "add-member", team, "rita; DROP TABLE note", "--role", "reader"]) == 1
    assert "cannot be a member's name" in capsys.readouterr().err
    assert main(["team", "add-member", _as(team, "ed"), "eve", "--role", "admin"]) == 1
    err = capsys.readouterr().err
    assert "Only the owner" in err and len(err.strip().splitlines()) == 1


def test_a_reader_browses_and_the_server_refuses_their_writes(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = open_catalogue(_as(team, "rita"))
    try:
        assert reader.read_only
        assert reader.read_only_reason is not None
        assert reader.read_only_reason.startswith("You are a reader of")
        service = CatalogueService(reader)
        with pytest.raises(WriteFailedError, match="Nothing was changed"):
            service.write(add_note, _first_case(service), "a reader's note")
    finally:
        reader.close()
    assert main(["--db", _as(team, "rita"), "list"]) == 0
    capsys.readouterr()
    assert main(["--db", _as(team, "rita"), "tag", "alpha", "mine"]) == 1
    err = capsys.readouterr().err
    assert "You are a reader of" in err and "Traceback" not in err


def test_an_editor_annotates_but_only_an_admin_renames_a_tag(team: str) -> None:
    editor = open_catalogue(_as(team, "ed"))
    try:
        service = CatalogueService(editor)
        assert not editor.read_only
        case_id = _first_case(service)
        service.write(tag_cases, [case_id], ["tea"])  # a new tag, put on a case: allowed
        service.write(add_note, case_id, "an editor's note")
        with pytest.raises(WriteFailedError, match="only an admin renames"):
            service.write(rename_tag, "tea", "brick tea")
        assert [t.name for t in service.tags()] == ["tea"]  # nothing half done
    finally:
        editor.close()
    admin = open_catalogue(_as(team, "ada"))
    try:
        service = CatalogueService(admin)
        service.write(rename_tag, "tea", "brick tea")
        assert [t.name for t in service.tags()] == ["brick tea"]
    finally:
        admin.close()


def test_a_readers_window_greys_out_what_would_change_the_catalogue(
    team: str, qtbot: QtBot, tmp_path: Path
) -> None:
    reader = open_catalogue(_as(team, "rita"))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(CatalogueService(reader), settings)
    qtbot.addWidget(win)
    win.maintenance.catalogue_attached()  # as app/gui.py does after attaching
    try:
        assert win.selected_case_ids()  # a case is shown, and can be read
        greyed = [
            win.case_actions.new_action, win.case_actions.edit_action,
            win.case_actions.delete_action, win.tag_actions.add_action,
            win.tag_actions.remove_action, win.notes_panel.new_action,
            win.highlights_panel.highlight_action, win.importer.action,
            win.importer.merge_action, win.tag_panel.rename_action,
            win.saved_searches.save_action, win.vocab_actions.rename_action,
        ]  # fmt: skip
        assert [a.text() for a in greyed if a.isEnabled()] == []
        assert not win.notes_panel.new_button.isEnabled()
        assert win.notes_panel.editor.isReadOnly()
        assert win.maintenance.read_only_label.text() == "Read-only"
        assert win.statusBar().currentMessage().startswith("You are a reader of")
        assert win.exporter.action.isEnabled()  # a reader exports
    finally:
        win.close()
        reader.close()


def test_an_editors_window_can_change_the_catalogue(
    team: str, qtbot: QtBot, tmp_path: Path
) -> None:
    editor = open_catalogue(_as(team, "ed"))
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(CatalogueService(editor), settings)
    qtbot.addWidget(win)
    try:
        assert win.tag_actions.add_action.isEnabled() and win.case_actions.new_action.isEnabled()
        assert not win.notes_panel.editor.isReadOnly()
    finally:
        win.close()
        editor.close()


def test_a_member_opening_a_catalogue_that_needs_an_upgrade_is_told_who_can(team: str) -> None:
    from sqlalchemy import create_engine, text

    from app.store import CatalogueError
    from models.backends import postgresql
    from models.migrations.v011_server_indexes import _SERVER_STATEMENTS

    engine = create_engine(team)
    with engine.begin() as conn:  # as an older Casebook left it: schema 10
        for statement in _SERVER_STATEMENTS:
            index = statement.split()[2]
            conn.execute(text(f"DROP INDEX {index}"))
        postgresql.stamp(conn, 10)
    engine.dispose()
    with pytest.raises(CatalogueError, match="only its owner can do"):
        open_catalogue(_as(team, "ed"))
    owner = open_catalogue(team)  # the owner's Casebook upgrades it
    owner.close()
    open_catalogue(_as(team, "ed")).close()
