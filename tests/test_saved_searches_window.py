"""Saved searches in the window: save, apply, rename, delete (undone with Ctrl+Z), counts."""

from __future__ import annotations

import html
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.case_filter import FACET_SECTOR, CaseFilter
from app.saved_searches import filter_of
from tests.message_boxes import Answers
from views.main_window import MainWindow
from views.saved_searches_panel import SavedSearchesPanel, SavedSearchModel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Asked:
    """A stand-in for QInputDialog.getText giving `answer`, recording each prefilled text."""

    def __init__(self, answer: str, ok: bool = True) -> None:
        self.answer, self.ok = answer, ok
        self.prefilled: list[str] = []

    def __call__(self, *_args: Any, text: str = "", **_kwargs: Any) -> tuple[str, bool]:
        self.prefilled.append(text)
        return self.answer, self.ok


def _rows(panel: SavedSearchesPanel) -> list[str]:
    model = panel.model
    return [model.index(r).data() for r in range(model.rowCount())]


def _slugs(win: MainWindow) -> set[str]:
    model = win.case_model
    return {win.service.detail(model.case_id(r)).slug for r in range(model.rowCount())}  # type: ignore[union-attr]


def _undo(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)


def _redo(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL | SHIFT)


def _check_sector(win: MainWindow, sector: str) -> None:
    win.facet_model.toggle(FACET_SECTOR, sector)


def _save(qtbot: QtBot, win: MainWindow, name: str, flt: CaseFilter) -> int:
    """Save through the window's one write path; the panel shows it on the next turn."""
    from app.saved_searches import save_search

    search_id: int = win.change(f"save search '{name}'", save_search, name, flt)
    qtbot.waitUntil(lambda: win.saved_searches.model.row_of(search_id) >= 0)
    return search_id


def test_save_from_the_window_by_keyboard_with_undo_and_redo(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    panel = win.saved_searches
    assert _rows(panel) == [] and panel.hint.isVisibleTo(panel)
    _check_sector(win, "energy")
    asked = Asked("  Energy ")
    monkeypatch.setattr(QInputDialog, "getText", asked)
    win.table.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_S, CTRL | SHIFT)
    assert asked.prefilled == [""]
    assert _rows(panel) == ["Energy (1)"]
    assert not panel.hint.isVisibleTo(panel)
    assert panel.current_id() is not None
    assert win.undo_action.text() == "&Undo save search 'Energy'"
    (saved,) = win.service.saved_searches()
    assert filter_of(saved) == win.current_filter()
    _undo(qtbot, win)
    qtbot.waitUntil(lambda: _rows(panel) == [])
    _redo(qtbot, win)
    qtbot.waitUntil(lambda: _rows(panel) == ["Energy (1)"])


def test_the_save_action_is_in_the_edit_menu_and_beside_the_filter_box(
    small_window: MainWindow,
) -> None:
    from PySide6.QtWidgets import QToolBar

    win = small_window
    action = win.saved_searches.save_action
    actions = win.edit_menu.actions()
    assert actions[actions.index(win.find_action) + 1] is action
    toolbar = win.findChild(QToolBar, "filterToolbar")
    assert toolbar is not None and action in toolbar.actions()
    assert win.left_splitter.indexOf(win.saved_searches) == 2


def test_no_two_window_actions_share_a_shortcut(small_window: MainWindow) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for action in small_window.findChildren(QAction):
        if action.shortcutContext() not in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            continue  # a widget's own keys (Delete in a list) clash with nothing else
        for key in action.shortcuts():
            text = key.toString()
            if text in seen and seen[text] != action.text():
                clashes.append(f"{text}: {seen[text]} and {action.text()}")
            seen[text] = action.text()
    assert clashes == []
    assert "Ctrl+Shift+S" in seen


def test_applying_a_search_narrows_the_table_once(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    win.tag_actions.add([win.case_model.case_id(0), win.case_model.case_id(1)], ["tea"])
    energy_tea = CaseFilter(sectors=frozenset({"energy"}), tags=frozenset({"tea"}), tag_mode="any")
    _save(qtbot, win, "Energy tea", energy_tea)
    _save(qtbot, win, "Any text", CaseFilter(text="alpha"))
    panel = win.saved_searches
    assert _rows(panel) == ["Any text (1)", "Energy tea (1)"]
    resets: list[int] = []
    win.case_model.modelReset.connect(lambda: resets.append(1))
    view = panel.view
    index = panel.model.index(1)
    view.scrollTo(index)
    assert view.visualRect(index).height() > 0 and view.isVisible()
    centre = view.visualRect(index).center()
    # A double-click is a press, a release, then the double-click (the view checks the press).
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert resets == []  # one click only selects
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert len(resets) == 1  # one filtering, not one per facet value and tag
    assert _slugs(win) == {"beta"}
    assert win.facet_model.selected(FACET_SECTOR) == frozenset({"energy"})
    assert win.tag_panel.model.checked_keys() == frozenset({"tea"})
    assert win.tag_panel.tag_mode() == "any"
    assert win.filter_edit.text() == ""
    assert win.current_filter() == energy_tea
    assert "Energy tea" in win.statusBar().currentMessage()
    # Enter on another one replaces the whole filter.
    view.setCurrentIndex(panel.model.index(0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert _slugs(win) == {"alpha"}
    assert win.filter_edit.text() == "alpha"
    assert win.current_filter() == CaseFilter(text="alpha")
    qtbot.wait(250)  # the filter box's typing delay must not filter a second time
    assert len(resets) == 2
    assert win.current_filter() == CaseFilter(text="alpha")
    assert win.tag_panel.tag_mode() == "all"
    # Applying changes no count: they are of each search, not of the current filter.
    assert _rows(panel) == ["Any text (1)", "Energy tea (1)"]
    tips = [html.unescape(panel.model.index(r).data(Qt.ItemDataRole.ToolTipRole)) for r in (0, 1)]
    assert "Query: alpha" in tips[0]
    assert "sector: energy; tags (any of): tea" in tips[1] and "Query" not in tips[1]


def test_only_steps_that_can_change_what_a_search_finds_recount() -> None:
    from app.change_scope import ChangeScope
    from app.changes import ChangeSet, RowChange

    def may_change_counts(changes: ChangeSet) -> bool:
        return ChangeScope.of(changes).may_change_counts()

    tag = {"id": 1, "name": "tea", "name_key": "tea", "colour": ""}
    coloured = RowChange("tag", (1,), tag, {**tag, "colour": "#a0c4ff"})
    renamed = RowChange("tag", (1,), tag, {**tag, "name": "Tea"})
    elsewhere = RowChange("search_doc", (1,), None, {"case_id": 1})
    assert not may_change_counts(ChangeSet([coloured, elsewhere]))
    assert may_change_counts(ChangeSet([elsewhere, renamed]))
    assert may_change_counts(ChangeSet([RowChange("saved_search", (1,), {"id": 1}, None)]))


def test_applying_a_search_whose_tag_is_gone_says_so(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    _save(
        qtbot,
        win,
        "Gone",
        CaseFilter(tags=frozenset({"no such tag"}), sectors=frozenset({"energy"})),
    )
    panel = win.saved_searches
    (search,) = win.service.saved_searches()
    panel.apply(search)
    assert "1 of its facet values or tags are no longer" in win.statusBar().currentMessage()
    assert _slugs(win) == {"beta"}


def test_save_is_prefilled_after_applying_and_replacing_asks(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    _save(qtbot, win, "Energy", CaseFilter(sectors=frozenset({"energy"})))
    panel = win.saved_searches
    panel.apply(win.service.saved_searches()[0])
    win.filter_edit.setText("solar")
    win.apply_filter()
    asked = Asked("Energy")
    monkeypatch.setattr(QInputDialog, "getText", asked)
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "question", answers.answer(QMessageBox.StandardButton.No))
    panel.save_action.trigger()
    assert asked.prefilled == ["Energy"]
    assert "called “Energy” exists" in answers.asked[0]
    assert filter_of(win.service.saved_searches()[0]).text == ""  # "No" keeps it
    monkeypatch.setattr(QMessageBox, "question", answers.answer(QMessageBox.StandardButton.Yes))
    panel.save_action.trigger()
    assert filter_of(win.service.saved_searches()[0]).text == "solar"
    assert _rows(panel) == ["Energy (1)"]
    _undo(qtbot, win)
    assert filter_of(win.service.saved_searches()[0]).text == ""


def test_a_refused_name_says_why_and_saves_nothing(
    small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "warning", answers.answer(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QInputDialog, "getText", Asked("   "))
    win.saved_searches.save_action.trigger()
    assert "needs a name" in answers.asked[0]
    monkeypatch.setattr(QInputDialog, "getText", Asked("fine", ok=False))  # Cancel
    win.saved_searches.save_action.trigger()
    assert win.service.saved_searches() == []
    assert not win.undo_stack.count()


def test_rename_from_the_context_menu_and_ctrl_z(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    _save(qtbot, win, "Energy", CaseFilter(sectors=frozenset({"energy"})))
    _save(qtbot, win, "Tea", CaseFilter(text="tea"))
    panel = win.saved_searches
    panel.select_search(win.service.saved_searches()[0].id)
    asked = Asked("Solar")
    monkeypatch.setattr(QInputDialog, "getText", asked)
    panel.rename_action.trigger()
    assert asked.prefilled == ["Energy"]
    assert _rows(panel) == ["Solar (1)", "Tea (1)"]
    assert win.undo_action.text() == "&Undo rename saved search 'Energy' to 'Solar'"
    assert panel.current_search() is not None and panel.current_search().name == "Solar"  # type: ignore[union-attr]
    _undo(qtbot, win)
    qtbot.waitUntil(lambda: _rows(panel) == ["Energy (1)", "Tea (1)"])
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "warning", answers.answer(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QInputDialog, "getText", Asked("TEA"))
    panel.select_search(win.service.saved_searches()[0].id)
    panel.rename_action.trigger()
    assert "already a saved search called 'TEA'" in html.unescape(answers.asked[0])
    assert _rows(panel) == ["Energy (1)", "Tea (1)"]


def test_delete_key_deletes_and_ctrl_z_restores(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    _save(qtbot, win, "Energy", CaseFilter(sectors=frozenset({"energy"})))
    panel = win.saved_searches
    panel.select_search(win.service.saved_searches()[0].id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _rows(panel) == [])
    assert win.undo_action.text() == "&Undo delete saved search 'Energy'"
    assert "Undo brings it back" in win.statusBar().currentMessage()
    assert win.case_model.rowCount() == 2  # the cases stay
    _undo(qtbot, win)
    qtbot.waitUntil(lambda: _rows(panel) == ["Energy (1)"])


def test_counts_follow_changes_that_matter_and_nothing_else(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    panel = win.saved_searches
    _save(qtbot, win, "Tea tag", CaseFilter(tags=frozenset({"tea"})))
    qtbot.waitUntil(lambda: _rows(panel) == ["Tea tag (0)"])
    reads: list[int] = []
    real = win.service.saved_counts
    monkeypatch.setattr(win.service, "saved_counts", lambda: reads.append(1) or real())
    win.tag_actions.add([win.case_model.case_id(0)], ["tea"])
    qtbot.waitUntil(lambda: _rows(panel) == ["Tea tag (1)"])
    assert len(reads) == 1
    _undo(qtbot, win)
    qtbot.waitUntil(lambda: _rows(panel) == ["Tea tag (0)"])
    # Changing the filter re-counts nothing.
    reads.clear()
    _check_sector(win, "energy")
    win.filter_edit.setText("solar")
    win.apply_filter()
    qtbot.wait(20)
    assert reads == []
    # A step changing nothing a search can match (a tag's colour) re-counts nothing.
    first = win.case_model.case_id(0)
    win.tag_actions.add([first], ["tea"])
    qtbot.waitUntil(lambda: len(reads) == 1)
    win.tag_actions.remove([first], ["tea"])  # a tag with no case: its colour marks none
    qtbot.waitUntil(lambda: len(reads) == 2)
    win.tag_panel.select_tag("tea")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a: QColor("#a0c4ff"))
    win.tag_panel.colour_action.trigger()
    assert win.undo_action.text() == "&Undo colour tag 'tea'"
    qtbot.wait(20)
    _undo(qtbot, win)
    qtbot.wait(20)
    assert len(reads) == 2
    # What the window cannot see into (another process's commit) re-counts.
    win.catalogue_changed()
    qtbot.waitUntil(lambda: len(reads) == 3)


def test_saved_search_model_passes_the_model_tester(
    qtmodeltester: Any, qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    model = SavedSearchModel()
    qtmodeltester.check(model)
    for name in ("b", "A", "<b>bold</b>", "قەشقەر"):
        _save(qtbot, win, name, CaseFilter(text=name))
    model.set_searches(win.service.saved_searches(), {}, {})
    qtmodeltester.check(model)
    assert model.index(0).data() == "<b>bold</b> (?)"  # no count yet: a question mark
    assert model.data(QModelIndex()) is None
    qtmodeltester.check(win.saved_searches.model)


def test_a_window_opened_later_shows_the_saved_searches_with_counts(
    qtbot: QtBot, small_catalogue: Any, tmp_path: Any
) -> None:
    from PySide6.QtCore import QSettings

    from app.saved_searches import save_search
    from app.service import CatalogueService

    service = CatalogueService(small_catalogue)
    service.write(save_search, "Energy", CaseFilter(sectors=frozenset({"energy"})))
    settings = QSettings(str(tmp_path / "later.ini"), QSettings.Format.IniFormat)
    win = MainWindow(None, settings)  # as at start-up: the catalogue comes later
    qtbot.addWidget(win)
    assert _rows(win.saved_searches) == []
    win.attach(service)
    assert _rows(win.saved_searches) == ["Energy (1)"]
    assert win.saved_searches.title.text() == "<b>Saved searches</b> (1)"
