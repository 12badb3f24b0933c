"""File → Export to Excel in the window: the dialog, the worker thread, cancel."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.xlsx.export import ExportCancelledError
from views.export_dialog import SCOPE_ALL, SCOPE_SELECTION, ExportDialog
from views.main_window import MainWindow


@pytest.fixture
def window(small_window: MainWindow) -> MainWindow:
    return small_window


def test_the_action_is_in_the_file_menu(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Export…" in texts
    assert window.exporter.action.shortcut().toString() == "Ctrl+E"


def test_the_dialog_refuses_a_wrong_name_at_the_field(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(shown=2, total=2, selected=0)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.scope() == SCOPE_ALL
    assert not dialog.filter_button.isEnabled() and not dialog.selection_button.isEnabled()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "report.csv"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "must end in .xlsx" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "missing" / "report.xlsx"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "report.xlsx"))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.target() == tmp_path / "report.xlsx"


def test_the_selection_is_offered_when_several_cases_are_selected(qtbot: QtBot) -> None:
    dialog = ExportDialog(shown=5, total=9, selected=3)
    qtbot.addWidget(dialog)
    assert dialog.scope() == SCOPE_SELECTION and dialog.filter_button.isEnabled()


def test_export_runs_in_the_background_and_reports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "from-window.xlsx"
    caller = threading.get_ident()
    threads: list[int] = []
    original = window.service.export

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    window.service.export = spy  # type: ignore[method-assign]
    window.exporter.start(target, None)
    assert window.exporter.is_running() and not window.exporter.action.isEnabled()
    qtbot.waitUntil(lambda: not window.exporter.is_running(), timeout=10000)
    assert threads and threads[0] != caller  # the export ran off the GUI thread
    assert "Exported to" in window.statusBar().currentMessage()
    assert openpyxl.load_workbook(target)["Case studies"].max_row == 3
    assert window.exporter.action.isEnabled()


def test_cancel_in_the_progress_dialog_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "cancelled.xlsx"

    def slow_export(*args: object, should_cancel: object = None, **kwargs: object) -> object:
        deadline = time.monotonic() + 10
        while not should_cancel() and time.monotonic() < deadline:  # type: ignore[operator]
            time.sleep(0.01)
        raise ExportCancelledError

    window.service.export = slow_export  # type: ignore[method-assign]
    window.exporter.start(target, None)
    progress = window.exporter.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.exporter.is_running(), timeout=5000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert not target.exists()


def test_a_failed_export_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.exporter.start(tmp_path / "missing" / "x.xlsx", None)
    qtbot.waitUntil(lambda: not window.exporter.is_running(), timeout=10000)
    assert shown and "does not exist" in shown[0]


def test_characters_removed_by_the_export_are_reported_in_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.case_edit import save_case

    case_id = window.selected_case_id()
    assert case_id is not None
    draft = window.service.draft(case_id)
    draft.summary = "tea\ufffe and jade\x85"
    window.change("edit case", save_case, case_id, draft)
    target = tmp_path / "cleaned.xlsx"
    window.exporter.start(target, None)
    qtbot.waitUntil(lambda: not window.exporter.is_running(), timeout=10000)
    message = window.statusBar().currentMessage()
    assert "Exported to" in message and "Removed 2 characters Excel cannot hold" in message
