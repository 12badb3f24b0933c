"""Notes in the window: autosave while typing, saved on close and on switching case,
exact text, delete with undo, and the All Notes view."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.service import CatalogueService
from app.store import Catalogue
from views.main_window import MainWindow
from views.notes_browser import NotesTableModel
from views.notes_panel import AUTOSAVE_MS

EXACT = "砖茶 ئۇيغۇر 🍵👍🏽\n\n  **bold**  "


def _bodies(win: MainWindow, case_id: int) -> list[str]:
    return [n.body for n in win.service.notes_of_case(case_id)]


def _new_note(qtbot: QtBot, win: MainWindow) -> int:
    panel = win.notes_panel
    win.detail.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.editor.hasFocus()
    case_id = win.selected_case_id()
    assert case_id is not None
    return case_id


def test_typing_is_saved_after_a_pause_without_a_save_button(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    qtbot.keyClicks(win.notes_panel.editor, "# Field notes")
    assert _bodies(win, case_id) == [""]  # not yet: the timer is still running
    qtbot.waitUntil(lambda: _bodies(win, case_id) == ["# Field notes"], timeout=AUTOSAVE_MS * 6)
    assert win.notes_panel.preview.toPlainText().strip() == "Field notes"  # rendered heading
    assert win.notes_panel.times.text().startswith("Created ")
    assert " · updated " in win.notes_panel.times.text()


def test_closing_the_window_saves_what_was_just_typed(
    qtbot: QtBot, small_catalogue: Catalogue, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    case_id = _new_note(qtbot, win)
    qtbot.keyClicks(win.notes_panel.editor, "typed just before closing")
    win.notes_panel.editor.insertPlainText(EXACT)  # pasted: emoji and right-to-left text
    win.close()  # well inside the autosave delay
    reopened = CatalogueService(small_catalogue)
    assert [n.body for n in reopened.notes_of_case(case_id)] == [
        "typed just before closing" + EXACT
    ]


def test_switching_case_saves_and_typing_merges_into_one_undo_step(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    before = win.undo_stack.count()
    qtbot.keyClicks(win.notes_panel.editor, "first")
    win.notes_panel.flush()
    qtbot.keyClicks(win.notes_panel.editor, " second")
    other = win.case_model.case_id(1 if win.case_model.row_of(case_id) == 0 else 0)
    win.select_case(other)  # switching saves at once
    assert _bodies(win, case_id) == ["first second"]
    assert win.undo_stack.count() == before + 1
    assert win.undo_action.text() == "&Undo edit note"
    win.table.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _bodies(win, case_id) == [""]


def test_delete_note_and_undo(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    win.notes_panel.editor.insertPlainText(EXACT)
    win.notes_panel.flush()
    qtbot.mouseClick(win.notes_panel.delete_button, Qt.MouseButton.LeftButton)
    assert _bodies(win, case_id) == []
    assert win.undo_action.text().startswith("&Undo delete note")
    win.table.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _bodies(win, case_id) == [EXACT]
    assert win.notes_panel.editor.toPlainText() == EXACT


def test_all_notes_view_newest_first_filter_and_open(
    qtbot: QtBot, small_window: MainWindow, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    win = small_window
    first = _new_note(qtbot, win)
    win.notes_panel.editor.insertPlainText("older about training")
    win.notes_panel.flush()
    other = win.case_model.case_id(1 if win.case_model.row_of(first) == 0 else 0)
    win.select_case(other)
    _new_note(qtbot, win)
    win.notes_panel.editor.insertPlainText("newer about solar")
    win.notes_panel.flush()
    win.all_notes_action.trigger()
    dock = win.notes_dock
    assert dock.isVisible()
    qtmodeltester.check(dock.model)
    assert [n.body for n in dock.model.notes] == ["newer about solar", "older about training"]
    assert dock.status.text() == "2 notes"
    qtbot.keyClicks(dock.filter_edit, "training")
    qtbot.waitUntil(lambda: len(dock.model.notes) == 1)
    index = dock.model.index(0, 2)
    dock.table.scrollTo(index)
    rect = dock.table.visualRect(index)
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.selected_case_id() == first
    assert win.detail.tabs.currentWidget() is win.notes_panel
    assert win.notes_panel.editor.toPlainText() == "older about training"


def test_notes_table_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(NotesTableModel())


def test_html_in_a_note_is_shown_as_text_not_run(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from views.notes_panel import render_markdown

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    render_markdown(browser, 'Hi <b>bold</b> <img src="file:///etc/hostname"> **md**')
    assert browser.toPlainText() == 'Hi <b>bold</b> <img src="file:///etc/hostname"> md'
    assert "<img" not in browser.toHtml()


def test_all_notes_is_reopened_next_time(
    qtbot: QtBot, small_catalogue: Catalogue, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    first = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first._notes_dock is None  # not built until asked for
    first.all_notes_action.trigger()
    assert first.notes_dock.isVisible()
    first.close()
    second = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.notes_dock.isVisible() and second.all_notes_action.isChecked()
