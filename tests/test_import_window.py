"""File → Import from Excel in the window: preview, apply with a click, undo and redo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.store import Catalogue
from app.xlsx.export import export_workbook
from views.import_dialog import ImportPreviewModel
from views.main_window import MainWindow


@pytest.fixture
def window(small_window: MainWindow) -> MainWindow:
    return small_window


@pytest.fixture
def edited(small_catalogue: Catalogue, tmp_path: Path) -> Path:
    """An export where a colleague renamed beta and added a case."""
    path = tmp_path / "edited.xlsx"
    with small_catalogue.sessions() as session:
        export_workbook(session, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Case studies"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "beta":
            row[1].value = "Beta solar station (renamed)"
    ws.append(["gamma", "Gamma workshop", "handicraft"])
    wb.save(path)
    return path


def _titles(win: MainWindow) -> set[str]:
    model = win.case_model
    return {model.index(r, 0).data() for r in range(model.rowCount())}


def _click_apply_when_shown(qtbot: QtBot, win: MainWindow) -> list[str]:
    """Click Apply in the preview once it shows; return the preview's group labels."""
    seen: list[str] = []

    def click() -> None:
        dialog = getattr(win.importer, "dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, click)
            return
        seen.extend(dialog.model.item(r).text() for r in range(dialog.model.rowCount()))
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)
    return seen


def test_import_applies_after_the_preview_and_undoes_as_one_step(
    qtbot: QtBot, window: MainWindow, edited: Path
) -> None:
    assert window.importer.action.text() == "&Import from Excel…"
    groups = _click_apply_when_shown(qtbot, window)
    assert window.importer.preview_and_apply(edited)
    assert groups[:3] == ["To add (1)", "To change (1)", "Rejected (0)"]
    assert _titles(window) >= {"Beta solar station (renamed)", "Gamma workshop"}
    assert window.undo_action.text() == "&Undo import of edited.xlsx"

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Beta solar station" in _titles(window))
    assert _titles(window) == {"Alpha tea workshop", "Beta solar station"}

    qtbot.keyClick(
        window.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: "Gamma workshop" in _titles(window))


def test_cancelling_the_preview_writes_nothing(
    qtbot: QtBot, window: MainWindow, edited: Path
) -> None:
    def cancel() -> None:
        dialog = getattr(window.importer, "dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, cancel)
            return
        buttons = dialog.findChild(QDialogButtonBox)
        cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, cancel)
    assert not window.importer.preview_and_apply(edited)
    assert _titles(window) == {"Alpha tea workshop", "Beta solar station"}
    assert window.undo_stack.count() == 0


def test_a_foreign_file_is_refused_with_a_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    fake = tmp_path / "table.xlsx"
    fake.write_text("Slug,Title\n", encoding="utf-8")
    assert not window.importer.preview_and_apply(fake)
    assert shown and "not an Excel workbook" in shown[0] and "Nothing was imported" in shown[0]


def test_the_preview_model_passes_the_model_tester(
    qtmodeltester,
    window: MainWindow,
    edited: Path,  # type: ignore[no-untyped-def]
) -> None:
    plan = window.service.preview_import(edited)
    model = ImportPreviewModel(plan)
    qtmodeltester.check(model)
    changed = model.item(1)
    assert changed.child(0, 0).text() == "beta"
    assert "→" in changed.child(0, 0).child(0, 3).text()


def test_the_preview_lists_at_most_a_thousand_rows_of_each_kind(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from app.xlsx.plan import ImportPlan, Rejection, RowChange

    plan = ImportPlan(
        added=[RowChange("Notes", n, "alpha", "add") for n in range(2, 2502)],
        rejected=[Rejection("Metrics", n, "no case", "A (Case slug)") for n in range(2, 12)],
    )
    model = ImportPreviewModel(plan)
    qtmodeltester.check(model)
    added, rejected = model.item(0), model.item(2)
    assert added.text() == "To add (2500)" and added.rowCount() == 1001
    assert added.child(1000, 0).text().startswith("… and 1,500 more")
    assert rejected.rowCount() == 10
    assert rejected.child(0, 3).text() == "column A (Case slug): no case"
