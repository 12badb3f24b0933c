"""Refresh by change: after each change the window redraws what it touched, and keeps
the user's selection, current case and scroll position (issue 11, section 1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from app.case_edit import CaseDraft, add_cases, delete_case
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases
from models import Tag
from views.commands import ChangeFailed
from views.main_window import MainWindow
from views.tag_entry import AddTagsDialog

CASES = 80


@pytest.fixture
def many_window(qtbot: QtBot, small_catalogue: Catalogue, tmp_path: Path) -> MainWindow:
    """The window on 82 cases, small enough that the table scrolls."""
    service = CatalogueService(small_catalogue)
    drafts = [CaseDraft(title=f"Case {n:03d}", sector="education") for n in range(CASES)]
    service.write(add_cases, drafts)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _select(win: MainWindow, rows: list[int]) -> None:
    flags = QItemSelectionModel.SelectionFlag
    model = win.table.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(win.case_model.index(row, 0), flags.Select | flags.Rows)
    model.setCurrentIndex(win.case_model.index(rows[-1], 0), flags.NoUpdate)


def _settle(qtbot: QtBot, win: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
    win.facet_counter.wait()
    qtbot.wait(10)


class Resets:
    """Counts the table model's resets (a reset drops selection and scroll)."""

    def __init__(self, win: MainWindow) -> None:
        self.count = 0
        win.case_model.modelAboutToBeReset.connect(self._reset)

    def _reset(self) -> None:
        self.count += 1


def test_tagging_four_selected_cases_keeps_all_four_the_current_one_and_the_scroll(
    qtbot: QtBot, many_window: MainWindow
) -> None:
    win = many_window
    win.table.scrollToBottom()
    _select(win, [60, 61, 70, 75])
    _settle(qtbot, win)
    scrolled = win.table.verticalScrollBar().value()
    assert scrolled > 0
    chosen = win.selected_case_ids()
    current = win.table.currentIndex().row()
    resets = Resets(win)

    win.tag_actions.add(chosen, ["reviewed"])
    _settle(qtbot, win)

    assert win.selected_case_ids() == chosen
    assert win.table.currentIndex().row() == current
    assert win.table.verticalScrollBar().value() == scrolled
    assert resets.count == 0  # the title order cannot change: only the rows are repainted
    assert all(win.case_model.index(r, 5).data() == "reviewed" for r in (60, 61, 70, 75))


def test_a_change_that_reorders_keeps_the_selection_and_the_scroll(
    qtbot: QtBot, many_window: MainWindow
) -> None:
    """Sorted by tags, tagging re-reads the order, and the same cases stay selected."""
    win = many_window
    win.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    _select(win, [50, 52, 79])
    win.table.verticalScrollBar().setValue(20)  # the current case (79) scrolled out of sight
    _settle(qtbot, win)
    scrolled = win.table.verticalScrollBar().value()
    assert scrolled == 20
    chosen = win.selected_case_ids()
    resets = Resets(win)

    win.tag_actions.add(chosen[:1], ["zzz"])
    _settle(qtbot, win)

    assert resets.count == 1
    assert sorted(win.selected_case_ids()) == sorted(chosen)
    assert win.table.verticalScrollBar().value() == scrolled


def test_undo_and_redo_keep_the_selection(qtbot: QtBot, many_window: MainWindow) -> None:
    win = many_window
    _select(win, [3, 4, 5])
    chosen = win.selected_case_ids()
    win.tag_actions.add(chosen, ["tea"])
    win.undo()
    _settle(qtbot, win)
    assert win.selected_case_ids() == chosen
    win.redo()
    _settle(qtbot, win)
    assert win.selected_case_ids() == chosen


def test_deleting_the_selected_case_selects_the_one_that_takes_its_row(
    qtbot: QtBot, many_window: MainWindow
) -> None:
    win = many_window
    _select(win, [10])
    following = win.case_model.case_id(11)
    win.change("delete case", delete_case, win.case_model.case_id(10))
    _settle(qtbot, win)
    assert win.selected_case_ids() == [following]
    assert win._shown_case == following


def test_one_tag_on_two_cases_reads_at_most_ten_statements_and_the_detail_once(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    service = win.service
    _select(win, [0, 1])
    _settle(qtbot, win)
    phase = ["idle"]
    details: list[int] = []
    real_write, real_detail = service.write, service.detail

    def write(*args: Any, **kwargs: Any) -> Any:
        phase[0] = "write"
        try:
            return real_write(*args, **kwargs)
        finally:
            phase[0] = "refresh"

    def detail(case_id: int) -> Any:
        details.append(case_id)
        phase[0] = "detail"
        try:
            return real_detail(case_id)
        finally:
            phase[0] = "refresh"

    monkeypatch.setattr(service, "write", write)
    monkeypatch.setattr(service, "detail", detail)
    by_phase: dict[str, list[str]] = {"write": [], "detail": [], "refresh": [], "idle": []}

    def record(*args: Any) -> None:
        by_phase[phase[0]].append(args[2])

    event.listen(service.catalogue.engine, "before_cursor_execute", record)
    try:
        win.tag_actions.add(win.selected_case_ids(), ["probe"])
        _settle(qtbot, win)
    finally:
        event.remove(service.catalogue.engine, "before_cursor_execute", record)

    refresh = by_phase["refresh"]
    assert len(refresh) <= 10, "\n".join(refresh)
    assert len(details) == 1
    assert len(win.selected_case_ids()) == 2


def test_a_note_autosave_touches_nothing_but_the_note(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.change("tag", tag_cases, [case_id], ["craft/Jade", "craft/Silk"])
    craft = win.tag_panel.index_of("craft")
    win.tag_panel.view.collapse(craft)
    win.notes_panel.new_note()
    _settle(qtbot, win)
    calls: list[str] = []
    for name in ("tags", "detail", "case_rows", "case_ids", "facets", "saved_counts"):
        real = getattr(win.service, name)
        monkeypatch.setattr(
            win.service, name, lambda *a, _n=name, _r=real, **k: (calls.append(_n), _r(*a, **k))[1]
        )
    resets = Resets(win)
    repaints: list[object] = []
    win.case_model.dataChanged.connect(lambda *a: repaints.append(a))

    qtbot.keyClicks(win.notes_panel.editor, "A thought")
    assert win.notes_panel.flush()
    _settle(qtbot, win)

    assert [n.body for n in win.service.notes_of_case(case_id)] == ["A thought"]
    assert calls == []
    assert (resets.count, repaints) == (0, [])
    assert not win.tag_panel.view.isExpanded(win.tag_panel.index_of("craft"))


def test_the_tag_tree_keeps_what_the_user_collapsed(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.change("tag", tag_cases, [case_id], ["craft/Jade"])
    win.tag_panel.view.collapse(win.tag_panel.index_of("craft"))
    win.change("tag", tag_cases, [case_id], ["craft/Stone", "music/Folk"])
    assert not win.tag_panel.view.isExpanded(win.tag_panel.index_of("craft"))
    assert win.tag_panel.view.isExpanded(win.tag_panel.index_of("music"))  # new: open
    # A rename rebuilds the tree, and what was collapsed stays collapsed.
    assert win.tag_panel.rename("music/Folk", "music/Folk songs")
    assert not win.tag_panel.view.isExpanded(win.tag_panel.index_of("craft"))
    assert win.tag_panel.index_of("music/folk songs").isValid()


def test_tagging_recounts_only_the_tags_touched_and_keeps_the_tree_in_order(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    first, second = win.case_model.case_ids()[:2]
    win.change("tag", tag_cases, [first], ["craft/Jade", "craft/Silk", "tea"])
    asked: list[object] = []
    real = win.service.tags
    monkeypatch.setattr(win.service, "tags", lambda ids=None: (asked.append(ids), real(ids))[1])

    win.change("tag", tag_cases, [second], ["craft/Jade", "craft/Lacquer"])

    assert asked and all(ids is not None for ids in asked)  # never the whole list
    model = win.tag_panel.model
    craft = win.tag_panel.index_of("craft")
    children = [model.index(r, 0, craft).data() for r in range(model.rowCount(craft))]
    assert children == ["Jade", "Lacquer", "Silk"]  # the new tag in its place
    counts = {
        key: model.index(
            win.tag_panel.index_of(key).row(), 1, win.tag_panel.index_of(key).parent()
        ).data()
        for key in ("craft", "craft/jade", "craft/lacquer", "tea")
    }
    assert counts == {"craft": 2, "craft/jade": 2, "craft/lacquer": 1, "tea": 1}
    assert win.tag_panel.title.text().endswith("(4)")


def test_a_failed_change_says_why_in_words_and_leaves_nothing_half_written(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first tag is written, the disk fills before the second: nothing remains,
    the user reads one line, the dialog keeps what was typed, the window goes on."""
    import app.tags

    win = small_window
    _select(win, [0, 1])
    chosen = win.selected_case_ids()
    real_ensure = app.tags.ensure_tag

    def ensure_tag(journal: Any, name: str) -> int:
        if name == "second":
            full = sqlite3.OperationalError("database or disk is full")
            raise OperationalError("INSERT INTO tag", {}, full)
        return real_ensure(journal, name)

    monkeypatch.setattr(app.tags, "ensure_tag", ensure_tag)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    steps = win.undo_stack.count()

    with pytest.raises(ChangeFailed):
        win.tag_actions.add(chosen, ["first", "second"])

    assert len(told) == 1 and "\n" not in told[0] and "Traceback" not in told[0]
    assert "full" in told[0].lower() and "nothing was changed" in told[0].lower()
    with win.service.catalogue.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Tag)) == 0
    assert win.undo_stack.count() == steps
    assert win.selected_case_ids() == chosen

    # Through the dialog: it stays open with the names typed, and nothing escapes.
    win.tag_actions.ask_add()
    dialog = win.tag_actions.dialog
    assert isinstance(dialog, AddTagsDialog)
    dialog.tags_edit.setText("first, second")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    with qtbot.capture_exceptions() as raised:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not raised
    assert dialog.isVisible() and dialog.tags_edit.text() == "first, second"
    assert "full" in dialog.message.text().lower()  # the reason beside the field too
    dialog.reject()

    monkeypatch.setattr(app.tags, "ensure_tag", real_ensure)
    win.tag_actions.add(chosen, ["first", "second"])  # the window goes on working
    assert sorted(t.name for t in win.service.tags()) == ["first", "second"]


def test_a_failed_change_is_not_shown_again_as_an_unexpected_error(
    small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.gui import ErrorHandlers

    shown: list[str] = []
    monkeypatch.setattr("views.error_dialog.show_error", lambda *a, **k: shown.append("dialog"))
    handlers = ErrorHandlers(small_window)
    handlers.hook(ChangeFailed, ChangeFailed("The disk is full. Nothing was changed."), None)
    assert shown == []


def test_changes_made_elsewhere_keep_the_selection_and_the_scroll(
    qtbot: QtBot, many_window: MainWindow
) -> None:
    win = many_window
    win.table.scrollToBottom()
    _select(win, [70, 72])
    _settle(qtbot, win)
    chosen = win.selected_case_ids()
    scrolled = win.table.verticalScrollBar().value()
    other = open_catalogue(win.service.catalogue.path, seed=False)
    CatalogueService(other).write(add_cases, [CaseDraft(title="AAA first by title")])
    other.close()

    win.catalogue_changed()  # a change nobody described, as from another process
    _settle(qtbot, win)

    assert win.case_model.rowCount() == CASES + 3
    assert win.selected_case_ids() == chosen
    assert win.table.verticalScrollBar().value() == scrolled
