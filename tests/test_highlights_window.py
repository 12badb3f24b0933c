"""Highlights in the window: select text, highlight with a tag and comment, coloured in the
text and listed; clicking scrolls to it; emoji offsets; orphans listed; undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.case_edit import save_case
from views.highlight_dialog import HighlightDialog
from views.main_window import MainWindow
from views.text_offsets import from_utf16, to_utf16


def test_offsets_between_python_and_qt() -> None:
    text = "a🍵b砖c"
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6]
    assert [from_utf16(text, to_utf16(text, i)) for i in range(len(text) + 1)] == list(
        range(len(text) + 1)
    )


def _open_reader(win: MainWindow) -> None:
    win.detail.tabs.setCurrentWidget(win.highlights_panel)


def test_select_and_highlight_with_keyboard_and_clicks(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    _open_reader(win)
    panel = win.highlights_panel
    summary = panel.texts["summary"]
    case_id = win.selected_case_id()
    assert case_id is not None and not panel.highlight_button.isEnabled()
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(7):
        qtbot.keyClick(summary, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert panel.highlight_button.isEnabled()
    qtbot.mouseClick(panel.highlight_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, HighlightDialog)
    qtbot.keyClicks(dialog.tag_edit, "key figure")
    qtbot.keyClicks(dialog.comment_edit, "why this matters ")
    dialog.comment_edit.insertPlainText("🍵")  # QTest types one UTF-16 unit at a time
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    (h,) = win.service.highlights_of_case(case_id)
    text = win.service.detail(case_id).summary  # type: ignore[union-attr]
    assert (h.quote, h.start, h.end) == (text[:7], 0, 7)
    assert (h.tag, h.comment) == ("key figure", "why this matters 🍵")
    assert len(summary.extraSelections()) == 1  # coloured in the text
    assert panel.list_model.rowCount() == 1
    assert win.undo_action.text().startswith("&Undo highlight")
    # Clicking the entry selects its passage in the text.
    summary.moveCursor(QTextCursor.MoveOperation.End)
    rect = panel.list_view.visualRect(panel.list_model.index(0, 0))
    qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert summary.textCursor().selectedText() == text[:7]
    win.undo_action.trigger()
    assert win.service.highlights_of_case(case_id) == []
    assert summary.extraSelections() == []


def test_emoji_before_the_passage_keeps_offsets_right(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    draft = win.service.draft(case_id)
    draft.summary = "🍵🍵 brick tea from 砖茶 workshops"
    win.change("edit case", save_case, case_id, draft)
    _open_reader(win)
    panel = win.highlights_panel
    summary = panel.texts["summary"]
    text = summary.toPlainText()
    start = text.index("brick tea")
    cursor = summary.textCursor()
    cursor.setPosition(to_utf16(text, start))
    cursor.setPosition(to_utf16(text, start + 9), QTextCursor.MoveMode.KeepAnchor)
    summary.setTextCursor(cursor)
    assert panel.selected_span() == ("summary", start, start + 9)
    panel.add(*panel.selected_span())  # type: ignore[misc]
    (h,) = win.service.highlights_of_case(case_id)
    assert h.quote == "brick tea"


def test_orphaned_highlight_is_listed_not_dropped(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    panel = win.highlights_panel
    panel.add("summary", 0, 7, comment="keep me")
    draft = win.service.draft(case_id)
    draft.summary = "Rewritten from scratch."
    win.change("edit case", save_case, case_id, draft)
    assert panel.list_model.rowCount() == 1
    assert panel.list_model.item(0).text().startswith("Passage no longer in the text")
    assert panel.texts["summary"].extraSelections() == []


def test_a_highlight_saved_elsewhere_meanwhile_shows_both_and_the_user_chooses(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.highlights import update_highlight
    from app.service import CatalogueService
    from app.store import open_catalogue
    from views.highlights_panel import HighlightsPanel

    win = small_window
    panel = win.highlights_panel
    panel.add("summary", 0, 7, tag="first", comment="my start")
    highlight_id = next(iter(panel.highlights))
    panel.list_view.setCurrentIndex(panel.list_model.index(0, 0))
    for choice, theirs, kept in (
        ("Keep Theirs", "their comment", "their comment"),
        ("Save Mine", "their second comment", "my comment"),
    ):
        panel.edit_current()
        dialog = panel.dialog
        assert isinstance(dialog, HighlightDialog)
        dialog.comment_edit.setPlainText("my comment")
        other = open_catalogue(win.service.catalogue.path, seed=False)
        CatalogueService(other).write(update_highlight, highlight_id, tag="first", comment=theirs)
        other.close()
        asked: list[str] = []

        def ask(
            _self: HighlightsPanel, box: QMessageBox, pick: str = choice, said: list[str] = asked
        ) -> int:
            said.append(box.text())
            (button,) = [b for b in box.buttons() if b.text() == pick]
            button.click()
            return 0

        monkeypatch.setattr(HighlightsPanel, "ask", ask)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert f"Theirs (saved now): tag first; comment {theirs}" in asked[0]
        assert "Yours: tag first; comment my comment" in asked[0]
        assert win.service.highlights_of_case(win.selected_case_id() or 0)[0].comment == kept
