"""The Comparison Matrix tab: following the filter, sorting, going to a case, exporting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.case_filter import CaseFilter
from app.matrix import filtered_matrix
from tests.annotate_helpers import case_id
from tests.message_boxes import Answers
from views.comparison_matrix import ComparisonMatrix, MatrixModel
from views.main_window import MainWindow
from views.roles import CASE_ID_ROLE, SORT_ROLE

MODULE = "views.comparison_matrix"


def _view(window: MainWindow) -> ComparisonMatrix:
    view = window.view_tabs.show_view(MODULE)
    assert isinstance(view, ComparisonMatrix)
    return view


def _titles(view: ComparisonMatrix) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def _headers(view: ComparisonMatrix) -> list[str]:
    model = view.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, small_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    matrix, _choices, _total = small_window.service.read(filtered_matrix, CaseFilter(), None)
    model = MatrixModel()
    model.set_matrix(matrix)
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_the_defaults_and_a_figure_tooltip_with_its_citation(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    view = _view(small_window)
    assert _headers(view) == [
        "Title", "Sector", "Period", "Donor", "Recipient", "Annual sales (tons)",
        "Electricity generated (kWh)", "People trained (people)", "Notes",
    ]  # fmt: skip
    assert _titles(view) == ["Alpha tea workshop", "Beta solar station"]
    trained = view.model.index(0, 7)
    assert trained.data() == "over 170 people"
    tooltip = trained.data(Qt.ItemDataRole.ToolTipRole)
    assert "over 170 people (2018–2024)" in tooltip
    assert "A test report" in tooltip and "Test Press" in tooltip
    assert view.note.text() == "2 cases"


def test_the_view_follows_the_filter(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert _titles(view) == ["Beta solar station"]
    small_window.filter_edit.setText("")
    small_window.apply_filter()
    assert view.model.rowCount() == 2


def test_a_hidden_view_reads_again_when_shown(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    small_window.table_view_action.trigger()
    assert not view.isVisible()
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert view.stale and view.model.rowCount() == 2
    _view(small_window)
    assert _titles(view) == ["Beta solar station"]


def test_the_selected_cases(qtbot: QtBot, small_window: MainWindow) -> None:
    beta = case_id(small_window.service.catalogue, "beta")
    view = _view(small_window)
    small_window.select_case(beta)
    view.cases_combo.setCurrentIndex(1)
    assert _titles(view) == ["Beta solar station"]
    alpha = case_id(small_window.service.catalogue, "alpha")
    small_window.select_case(alpha)
    assert _titles(view) == ["Alpha tea workshop"]


def test_ticking_a_column_shows_it(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    items = [view.column_list.item(i) for i in range(view.column_list.count())]
    forms = next(i for i in items if i.text() == "Forms of assistance")
    assert forms.checkState() == Qt.CheckState.Unchecked
    forms.setCheckState(Qt.CheckState.Checked)
    assert "Forms of assistance" in _headers(view)
    assert view.model.index(0, _headers(view).index("Forms of assistance")).data() == (
        "market access, talent"
    )
    # The list was rebuilt: find the new item.
    items = [view.column_list.item(i) for i in range(view.column_list.count())]
    notes = next(i for i in items if i.text() == "Notes")
    notes.setCheckState(Qt.CheckState.Unchecked)
    assert "Notes" not in _headers(view)


def test_clicking_a_figure_header_sorts_by_number(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    alpha = case_id(small_window.service.catalogue, "alpha")
    view.table.selectRow(0)
    column = _headers(view).index("Electricity generated (kWh)")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert _titles(view) == ["Beta solar station", "Alpha tea workshop"]
    selected = view.table.selectionModel().selectedRows()
    assert [i.data(CASE_ID_ROLE) for i in selected] == [alpha]  # the selection moved with it
    assert view.model.index(0, column).data(SORT_ROLE) == 200_000_000.0
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _titles(view) == ["Beta solar station", "Alpha tea workshop"]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _titles(view) == ["Alpha tea workshop", "Beta solar station"]


def test_double_click_goes_to_the_case(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    beta = case_id(small_window.service.catalogue, "beta")
    index = view.model.index(1, 1)
    assert index.data(CASE_ID_ROLE) == beta
    rect = view.table.visualRect(index)
    # Qt 6's QTest double click needs the press of a first click to land on the item.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.table.doubleClicked, timeout=1000):
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert small_window.selected_case_id() == beta
    view.table.doubleClicked.emit(QModelIndex())  # nowhere: nothing happens
    assert small_window.selected_case_id() == beta


def test_more_cases_than_shown_says_so(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("views.comparison_matrix.MAX_ROWS", 1)
    view = _view(small_window)
    assert view.model.rowCount() == 1
    assert view.note.text() == "Showing the first 1 of 2 cases; the export writes them all."


def test_export_writes_a_workbook_in_the_shown_order(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("views.comparison_matrix.MAX_ROWS", 1)
    target = tmp_path / "matrix"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view = _view(small_window)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    old_mask = os.umask(0o027)
    try:
        view.export_button.click()
    finally:
        os.umask(old_mask)
    written = tmp_path / "matrix.xlsx"
    assert (written.stat().st_mode & 0o777) == 0o640
    rows = list(load_workbook(written)["Matrix"].iter_rows(values_only=True))
    assert [r[:2] for r in rows] == [  # both cases, though one is shown
        ("Slug", "Title"),
        ("beta", "Beta solar station"),
        ("alpha", "Alpha tea workshop"),
    ]
    assert rows[2][7] == 170  # People trained: the columns are those of the shown case
    assert "Exported the matrix of 2 cases" in small_window.statusBar().currentMessage()


def test_a_failed_export_is_one_line_in_a_message_box(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "warning", answers.answer(QMessageBox.StandardButton.Ok))
    view = _view(small_window)
    assert not view.export_to(tmp_path / "missing" / "m.xlsx")
    assert len(answers.asked) == 1
    assert "does not exist" in answers.asked[0] and "Traceback" not in answers.asked[0]
    assert not (tmp_path / "missing").exists()


def test_the_view_reads_again_after_a_change(qtbot: QtBot, small_window: MainWindow) -> None:
    from models import Note

    view = _view(small_window)
    notes = _headers(view).index("Notes")
    assert view.model.index(0, notes).data() == "0"
    catalogue = small_window.service.catalogue
    with catalogue.sessions.begin() as session:
        session.add(Note(case_id=case_id(catalogue, "alpha"), body="new"))
    small_window.catalogue_changed()
    assert view.model.index(0, notes).data() == "1"
