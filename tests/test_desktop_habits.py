"""Desktop habits (issue 11): the status count, the title, columns, menus, shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from views.case_table_model import COLUMNS
from views.main_window import MainWindow

COLUMN = {key: i for i, (key, _label) in enumerate(COLUMNS)}


def test_the_count_stays_after_another_status_message(small_window: MainWindow) -> None:
    small_window.statusBar().showMessage("Backed up to somewhere.")
    assert small_window.count_label.isVisible()
    assert small_window.count_label.text() == "2 case studies"
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert small_window.count_label.text() == "1 of 2 case studies"
    assert small_window.statusBar().currentMessage() == "Backed up to somewhere."


def test_the_title_names_the_catalogue_once(small_window: MainWindow) -> None:
    """The platform appends the display name; the title must not hold it already."""
    title = small_window.windowTitle()
    assert title == "small.sqlite3"
    assert QApplication.applicationDisplayName() not in title


def test_default_columns_fit_a_1024_by_700_window(qtbot: QtBot, small_window: MainWindow) -> None:
    small_window.resize(1024, 700)
    qtbot.waitUntil(lambda: small_window.width() == 1024)
    QApplication.processEvents()
    table = small_window.table
    width = table.viewport().width()
    for key in ("title", "start_year", "tags", "notes"):
        column = COLUMN[key]
        assert not table.isColumnHidden(column)
        left = table.columnViewportPosition(column)
        assert 0 <= left and left + table.columnWidth(column) <= width, key
