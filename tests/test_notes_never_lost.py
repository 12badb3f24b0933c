"""What a user typed in a note reaches the disk: during steady typing, after a
failed save, when the note changed elsewhere, and before the window closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTextEdit
from pytestqt.qtbot import QtBot

from app.notes import update_note
from app.service import CatalogueService, WriteFailedError
from app.store import open_catalogue
from tests.message_boxes import Answers
from views.main_window import MainWindow
from views.notes_panel import MAX_UNSAVED_MS, RETRY_MS

FULL_DISK = "The disk is full; nothing was lost. Free some space and try again."


def _bodies(win: MainWindow, case_id: int) -> list[str]:
    return [n.body for n in win.service.notes_of_case(case_id)]


def _new_note(qtbot: QtBot, win: MainWindow) -> int:
    win.detail.tabs.setCurrentWidget(win.notes_panel)
    qtbot.mouseClick(win.notes_panel.new_button, Qt.MouseButton.LeftButton)
    case_id = win.selected_case_id()
    assert case_id is not None
    return case_id


def _failing_writes(monkeypatch: pytest.MonkeyPatch, win: MainWindow) -> list[int]:
    """Make every write fail as on a full disk; returns a list counting the attempts."""
    attempts: list[int] = []

    def refuse(*_args: object, **_kwargs: object) -> None:
        attempts.append(1)
        raise WriteFailedError(FULL_DISK)

    monkeypatch.setattr(win.service, "write", refuse)
    return attempts


def test_steady_typing_is_saved_within_a_second(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    typed = ""
    # A key every 150 ms for two seconds: the pause timer alone would never fire.
    for char in "steady typing, no pause":
        qtbot.keyClicks(win.notes_panel.editor, char)
        typed += char
        qtbot.wait(90)
        if len(typed) == 14:
            saved_by = typed
    qtbot.wait(10)
    (stored,) = _bodies(win, case_id)
    assert stored.startswith(saved_by[: len(saved_by) - 8]) and stored  # at most ~1 s behind
    assert MAX_UNSAVED_MS <= 1000


def test_a_failed_save_keeps_the_text_warns_and_retries(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    attempts = _failing_writes(monkeypatch, win)
    qtbot.keyClicks(win.notes_panel.editor, "written while the disk was full")
    assert not win.notes_panel.flush()
    warning = win.notes_panel.warning
    assert warning.isVisible() and FULL_DISK in warning.text()
    assert _bodies(win, case_id) == [""]
    qtbot.waitUntil(lambda: len(attempts) >= 2, timeout=RETRY_MS * 3)  # it keeps trying
    monkeypatch.undo()  # space was freed
    qtbot.waitUntil(
        lambda: _bodies(win, case_id) == ["written while the disk was full"],
        timeout=RETRY_MS * 3,
    )
    assert not warning.isVisible()


def test_a_failed_save_survives_switching_to_another_case(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    _failing_writes(monkeypatch, win)
    qtbot.keyClicks(win.notes_panel.editor, "pending text")
    win._select_row(1)  # the editor moves on; the text stays pending
    assert win.selected_case_id() != case_id
    assert win.notes_panel.has_unsaved_text()
    monkeypatch.undo()
    assert win.notes_panel.flush()
    assert _bodies(win, case_id) == ["pending text"]


def test_closing_with_unsaved_text_asks_and_never_discards_silently(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    _failing_writes(monkeypatch, win)
    qtbot.keyClicks(win.notes_panel.editor, "do not lose me")
    answers = Answers()
    answer, asked = answers.answer, answers.asked
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Cancel))
    win.close()
    assert win.isVisible() and asked and FULL_DISK in asked[0]
    monkeypatch.setattr(win.service, "write", CatalogueService.write.__get__(win.service))
    monkeypatch.setattr(QMessageBox, "warning", answer(QMessageBox.StandardButton.Retry))
    win.close()
    assert not win.isVisible()
    assert _bodies(win, case_id) == ["do not lose me"]


def test_a_note_changed_elsewhere_while_typing_keeps_both_versions(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    qtbot.keyClicks(win.notes_panel.editor, "first draft")
    assert win.notes_panel.flush()
    note_id = win.notes_panel.note_id
    qtbot.keyClicks(win.notes_panel.editor, ", then more")
    other = open_catalogue(win.service.catalogue.path, seed=False)  # an import, a script
    CatalogueService(other).write(update_note, note_id, "a colleague's version")
    other.close()
    assert win.notes_panel.flush()
    assert sorted(_bodies(win, case_id)) == ["a colleague's version", "first draft, then more"]
    assert "Both versions are kept" in win.notes_panel.warning.text()
    assert win.notes_panel.editor.toPlainText() == "first draft, then more"


def test_switching_tab_writes_the_note_at_once(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = _new_note(qtbot, win)
    qtbot.keyClicks(win.notes_panel.editor, "before the tab changes")
    assert _bodies(win, case_id) == [""]  # within the autosave delay
    win.detail.tabs.setCurrentIndex(0)
    assert _bodies(win, case_id) == ["before the tab changes"]


@pytest.mark.parametrize("choice", ["mine", "theirs", "both"])
def test_after_a_note_conflict_compare_shows_both_and_keeps_the_one_chosen(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    from views.note_conflict_dialog import NoteConflictDialog
    from views.notes_panel import NotesPanel

    win = small_window
    panel = win.notes_panel
    case_id = _new_note(qtbot, win)
    qtbot.keyClicks(panel.editor, "first draft")
    assert panel.flush()
    note_id = panel.note_id
    qtbot.keyClicks(panel.editor, ", then more")
    other = open_catalogue(win.service.catalogue.path, seed=False)
    CatalogueService(other).write(update_note, note_id, "a colleague's version")
    other.close()
    assert panel.flush()
    assert panel.compare_button.isVisibleTo(panel)
    shown: list[tuple[str, str]] = []

    def ask(_self: NotesPanel, dialog: NoteConflictDialog) -> int:
        texts = [e.toPlainText() for e in dialog.findChildren(QTextEdit)]
        shown.append((texts[0], texts[1]))
        dialog.findChild(QPushButton, f"keep_{choice}").click()
        return 0

    monkeypatch.setattr(NotesPanel, "ask", ask)
    panel.compare_button.click()
    assert shown == [("first draft, then more", "a colleague's version")]  # side by side
    kept = {
        "mine": ["first draft, then more"],
        "theirs": ["a colleague's version"],
        "both": ["a colleague's version", "first draft, then more"],
    }[choice]
    assert sorted(_bodies(win, case_id)) == kept
    if choice != "both":
        assert not panel.compare_button.isVisibleTo(panel)
        assert panel.note_id == note_id  # the original note, its history and identity
        win.undo_action.trigger()  # the choice is one step: both come back
        assert sorted(_bodies(win, case_id)) == [
            "a colleague's version",
            "first draft, then more",
        ]
