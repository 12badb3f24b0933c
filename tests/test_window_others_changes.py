"""The window and other processes: undo that respects their writes, and their
changes shown within a second."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.notes import add_note, update_note
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases
from views.main_window import WATCH_MS, MainWindow


def _elsewhere(win: MainWindow) -> Catalogue:
    return open_catalogue(win.service.catalogue.path, seed=False)


def test_undo_over_another_process_write_is_refused_in_words(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    note_id = win.change("new note", add_note, case_id, "mine")
    other = _elsewhere(win)
    CatalogueService(other).write(update_note, note_id, "written by a script")
    other.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    index = win.undo_stack.index()

    win.undo_action.trigger()

    assert win.undo_stack.index() == index  # the step stays on the stack
    assert shown and shown[0].startswith("Cannot undo this step: the note 'mine' was changed")
    assert [n.body for n in win.service.notes_of_case(case_id)] == ["written by a script"]


def test_changes_made_elsewhere_appear_without_losing_the_selection(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    other = _elsewhere(win)
    CatalogueService(other).write(tag_cases, [case_id], ["added-by-cli"])
    other.close()

    def tag_shown() -> bool:
        model = win.tag_panel.model
        return any(
            model.index(row, 0).data() and "added-by-cli" in str(model.index(row, 0).data())
            for row in range(model.rowCount())
        )

    qtbot.waitUntil(tag_shown, timeout=WATCH_MS * 4)
    assert win.selected_case_id() == case_id
    assert "elsewhere" in win.statusBar().currentMessage()


def test_own_writes_are_not_taken_for_changes_made_elsewhere(small_window: MainWindow) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.change("new note", add_note, case_id, "mine")
    assert not win.service.changed_elsewhere()


def test_redo_keys_are_each_bound_once(small_window: MainWindow) -> None:
    keys = [k.toString() for k in small_window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys))
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
