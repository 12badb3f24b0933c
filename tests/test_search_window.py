"""Searching from the window: typing narrows the table, the Match column says where,
a malformed query gets a line under the box, a note match opens the note."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.changes import Journal
from app.notes import add_note
from tests.annotate_helpers import case_id
from views.case_table_model import MATCH_COLUMN
from views.main_window import MainWindow


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.filter_edit.clear()
    qtbot.keyClicks(window.filter_edit, text)
    window.apply_filter()  # as the pause after typing does


def _titles(window: MainWindow) -> list[str]:
    return [window.case_model.index(r, 0).data() for r in range(window.case_model.rowCount())]


def test_typing_narrows_the_table_and_the_match_column_shows_where(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    assert small_window.table.isColumnHidden(MATCH_COLUMN)
    qtbot.keyClicks(small_window.filter_edit, "photovoltaic")
    qtbot.waitUntil(lambda: small_window.case_model.rowCount() == 1)
    assert _titles(small_window) == ["Beta solar station"]
    assert not small_window.table.isColumnHidden(MATCH_COLUMN)
    match = small_window.case_model.index(0, MATCH_COLUMN).data()
    assert match == "summary: Beta summary about a photovoltaic station."
    assert small_window.case_model.sort_key == "relevance"
    small_window.filter_edit.clear()
    qtbot.waitUntil(lambda: small_window.case_model.rowCount() == 2)
    assert small_window.case_model.sort_key == "title"
    assert small_window.table.isColumnHidden(MATCH_COLUMN)


def test_a_malformed_query_says_why_under_the_box_and_keeps_the_results(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    _type(qtbot, small_window, "solar")
    assert _titles(small_window) == ["Beta solar station"]
    _type(qtbot, small_window, 'solar "station')
    problem = small_window.search_bar.problem()
    assert problem is not None and "quotation mark is not closed" in problem
    assert "\n" not in problem
    assert small_window.search_bar.message.isVisible()
    assert _titles(small_window) == ["Beta solar station"]
    _type(qtbot, small_window, 'solar "station"')
    assert small_window.search_bar.problem() is None
    assert not small_window.search_bar.message.isVisible()


def test_clicking_a_note_match_opens_the_note(qtbot: QtBot, small_window: MainWindow) -> None:
    catalogue = small_window.service.catalogue
    with catalogue.sessions.begin() as session:
        note = add_note(Journal(session), case_id(catalogue, "alpha"), "Call the qxsupplier.")
    small_window.catalogue_changed()
    _type(qtbot, small_window, "qxsupplier")
    assert _titles(small_window) == ["Alpha tea workshop"]
    cell = small_window.case_model.index(0, MATCH_COLUMN)
    assert cell.data() == "note: Call the qxsupplier."
    rect = small_window.table.visualRect(cell)
    qtbot.mouseClick(small_window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert small_window.detail.tabs.currentWidget() is small_window.notes_panel
    assert small_window.notes_panel.note_id == note
    assert small_window.selected_case_id() == case_id(catalogue, "alpha")


def test_the_searched_words_are_marked_in_the_detail(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    _type(qtbot, small_window, "photovoltaic")
    small_window.table.selectRow(0)
    marks = small_window.detail.overview.extraSelections()
    assert [m.cursor.selectedText() for m in marks] == ["photovoltaic"]
    _type(qtbot, small_window, "sector:energy")  # no words: nothing to mark
    small_window.table.selectRow(0)
    assert small_window.detail.overview.extraSelections() == []


def test_the_help_button_shows_the_language(qtbot: QtBot, small_window: MainWindow) -> None:
    button = small_window.search_bar.help_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    popup = small_window.search_bar.help_popup
    qtbot.waitUntil(popup.isVisible)
    assert "year:2015..2020" in popup.text() and "tag:craft" in popup.text()
    popup.close()


def test_facet_counts_follow_the_query(qtbot: QtBot, small_window: MainWindow) -> None:
    _type(qtbot, small_window, "photovoltaic")

    def energy() -> str:
        item = small_window.facet_model.value_item("sector", "agriculture and food")
        return item.text() if item is not None else ""

    qtbot.waitUntil(lambda: energy() == "agriculture and food (0)")
