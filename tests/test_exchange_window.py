"""Exchange in the window: conflicts chosen in the preview, authors set and shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.notes import add_note
from app.store import Catalogue
from models import CaseStudy, Note
from tests.exchange_helpers import case_id, edit_cells, export, write
from views.main_window import MainWindow
from views.preferences_dialog import AUTHOR_KEY, PreferencesDialog


def _retitle_in_window(win: MainWindow, slug: str, title: str) -> None:
    from app.case_edit import load_draft, save_case

    def edit(journal, case: int) -> None:  # type: ignore[no-untyped-def]
        draft = load_draft(journal.session, case)
        draft.title = title
        save_case(journal, case, draft)

    win.change("edit", edit, case_id(win.service.catalogue, slug))


def test_a_conflict_ticked_in_the_preview_takes_theirs_and_undo_restores_yours(
    small_window: MainWindow, small_catalogue: Catalogue, tmp_path: Path, qtbot: QtBot
) -> None:
    win = small_window
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    _retitle_in_window(win, "alpha", "Mine")
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), {"Title": "Theirs"})
    seen: list[str] = []

    def choose() -> None:
        dialog = getattr(win.importer, "dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, choose)
            return
        model = dialog.model
        group = model.item(0)
        seen.append(group.text())
        conflict = group.child(0, 0)
        seen.append(conflict.text())
        conflict.setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    assert win.importer.preview_and_apply(workbook)
    assert seen[0].startswith("Conflicts") and "title" in seen[1]

    def title() -> str:
        with small_catalogue.sessions() as session:
            return session.scalars(select(CaseStudy.title).where(CaseStudy.slug == "alpha")).one()

    assert title() == "Theirs"
    assert win.undo_stack.count() == 2  # the edit and the import: one step each
    win.undo()
    assert title() == "Mine"


def test_preferences_name_signs_new_notes_and_the_panel_shows_authors(
    small_window: MainWindow, small_catalogue: Catalogue, qtbot: QtBot
) -> None:
    win = small_window

    def fill() -> None:
        dialog = win.findChild(PreferencesDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, fill)
            return
        dialog.author.setText("  Ana   Lima ")
        dialog.accept()

    QTimer.singleShot(0, fill)
    win.preferences.open()
    assert win.settings.value(AUTHOR_KEY) == "Ana Lima"
    assert win.service.author == "Ana Lima"
    win.change("new note", add_note, case_id(small_catalogue, "alpha"), "hello")
    with small_catalogue.sessions() as session:
        assert session.scalars(select(Note.author)).one() == "Ana Lima"
    write(small_catalogue, add_note, case_id(small_catalogue, "alpha"), "from Li", author="Li Wei")
    win.catalogue_changed()
    panel = win.notes_panel
    labels = [panel.list_model.item(r).text() for r in range(panel.list_model.rowCount())]
    assert any("Li Wei" in label for label in labels), labels


def test_the_preferences_dialog_cancelled_changes_nothing(
    small_window: MainWindow, qtbot: QtBot
) -> None:
    before = small_window.service.author
    dialog = PreferencesDialog(small_window.settings, small_window)
    dialog.author.setText("Someone else")
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert small_window.service.author == before
    assert not small_window.settings.value(AUTHOR_KEY)
