"""Ctrl+Shift+N from another tab brings the Notes tab forward, so typing visibly goes there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from views.main_window import MainWindow


def test_new_note_from_the_overview_shows_the_notes_tab(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.detail.tabs.setCurrentWidget(win.detail.overview)
    win.table.setFocus()
    qtbot.keyClick(
        win.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.detail.tabs.currentWidget() is win.notes_panel
    assert win.notes_panel.editor.hasFocus()
    qtbot.keyClicks(win.notes_panel.editor, "seen")
    win.notes_panel.flush()
    assert [n.body for n in win.service.notes_of_case(case_id)] == ["seen"]
