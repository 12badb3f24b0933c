"""The browsing window through real clicks and keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.service import CatalogueService
from app.store import Catalogue
from views.case_table_model import CaseTableModel
from views.facet_model import FacetModel
from views.main_window import MainWindow
from views.metrics_model import MetricsTableModel


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, small_catalogue: Catalogue, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # The facets fill from a worker thread a moment after the window opens.
    qtbot.waitUntil(lambda: win.facet_model.value_item("sector", "energy") is not None)
    yield win


def _click_row(qtbot: QtBot, win: MainWindow, row: int) -> None:
    rect = win.table.visualRect(win.case_model.index(row, 0))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _titles(win: MainWindow) -> list[str]:
    model = win.case_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_selecting_a_case_shows_its_metrics(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, 0)
    detail = window.detail
    assert detail.detail is not None and detail.detail.slug == "alpha"
    metrics = detail.metrics_model
    assert metrics.rowCount() == 2
    assert metrics.index(0, 1).data() == "over 170 people"
    assert metrics.index(1, 1).data() == "about 5,000–6,000 tons"
    assert "A test report" in metrics.index(0, 3).data()
    assert "Alpha tea workshop" in detail.overview.toPlainText()


def test_typing_in_the_filter_narrows_the_table(qtbot: QtBot, window: MainWindow) -> None:
    assert window.case_model.rowCount() == 2
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, "solar")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1)
    assert _titles(window) == ["Beta solar station"]
    assert "1 of 2" in window.count_label.text()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == ""
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 2)


def test_clicking_a_facet_filters_and_clicking_again_clears(
    qtbot: QtBot, window: MainWindow
) -> None:
    item = window.facet_model.value_item("sector", "energy")
    assert item is not None
    index = item.index()
    rect = window.facet_view.visualRect(index)
    qtbot.mouseClick(window.facet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _titles(window) == ["Beta solar station"]
    assert item.checkState() == Qt.CheckState.Checked
    assert item.text() == "energy (1)"
    qtbot.mouseClick(window.facet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.case_model.rowCount() == 2


def test_a_facet_click_updates_the_other_groups_counts(qtbot: QtBot, window: MainWindow) -> None:
    item = window.facet_model.value_item("assistance", "funds")
    assert item is not None
    rect = window.facet_view.visualRect(item.index())
    qtbot.mouseClick(window.facet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def agri_text() -> str:
        found = window.facet_model.value_item("sector", "agriculture and food")
        return found.text() if found is not None else ""

    # The counts come from a worker thread, a moment after the click.
    qtbot.waitUntil(lambda: agri_text() == "agriculture and food (0)")
    talent = window.facet_model.value_item("assistance", "talent")
    agri = window.facet_model.value_item("sector", "agriculture and food")
    assert talent is not None and talent.text() == "talent (1)"  # own group keeps counts
    assert agri is not None and agri.text() == "agriculture and food (0)"
    assert not agri.isEnabled()


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(4) + header.sectionSize(4) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _titles(window) == ["Beta solar station", "Alpha tea workshop"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert _titles(window) == ["Alpha tea workshop", "Beta solar station"]


def test_the_selection_survives_sorting(qtbot: QtBot, window: MainWindow) -> None:
    _click_row(qtbot, window, 0)
    window.case_model.sort(0, Qt.SortOrder.DescendingOrder)
    assert window.selected_case_id() == window.case_model.case_id(1)


def test_rows_have_a_fixed_height(window: MainWindow) -> None:
    from PySide6.QtWidgets import QHeaderView

    vertical = window.table.verticalHeader()
    assert vertical.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed


def test_geometry_and_splitters_are_remembered(
    qtbot: QtBot, small_catalogue: Catalogue, settings: QSettings
) -> None:
    first = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen, which clamps geometry
    first.main_splitter.setSizes([250, 450])
    wanted = first.main_splitter.sizes()
    first.close()
    second = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert second.main_splitter.sizes() == wanted


def test_standard_shortcuts_are_set(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.about_action.text() == "&About Casebook"


def test_uyghur_names_are_kept_and_isolated_for_right_to_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    _click_row(qtbot, window, 1)  # beta: recipient Kashgar, with its Uyghur name
    text = window.detail.overview.toPlainText()
    assert "قەشقەر" in text and "喀什" in text


def test_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.case_model)
    qtmodeltester.check(window.facet_model)
    _ = QApplication.instance()
    window.select_case(window.case_model.case_id(0))
    qtmodeltester.check(window.detail.metrics_model)


def test_a_fresh_case_model_pages_rows(qtmodeltester, small_catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    service = CatalogueService(small_catalogue)
    calls: list[int] = []

    def rows(ids: list[int]) -> dict[int, object]:
        calls.append(len(ids))
        return service.case_rows(ids)  # type: ignore[return-value]

    model = CaseTableModel(service.case_ids, rows)  # type: ignore[arg-type]
    model.reload()
    qtmodeltester.check(model)
    assert calls and max(calls) <= 200
    assert isinstance(FacetModel(), FacetModel)
    assert MetricsTableModel().rowCount() == 0
