"""The History tab: a case's changes, newest first, with author and text, in English
and Chinese."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.case_edit import save_case
from app.notes import add_note
from app.tags import tag_cases
from views.main_window import MainWindow


def _history(win: MainWindow) -> list[str]:
    win.detail.tabs.setCurrentWidget(win.history_panel)
    return win.history_panel.lines()


def _retitle(win: MainWindow, case_id: int, title: str) -> None:
    draft = win.service.draft(case_id)
    draft.title = title
    win.change("edit the case study", save_case, case_id, draft)


def test_the_history_tab_lists_a_case_changes_newest_first(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    win.service.author = "Ana"
    case_id = win.selected_case_id()
    assert case_id is not None
    win.change("tag 1 case with 'tea'", tag_cases, [case_id], ["tea"])
    assert _history(win)[1:] == ["    tag 'tea' added"]
    old = win.service.draft(case_id).title
    _retitle(win, case_id, "A new title")
    win.change("add a note", add_note, case_id, "Visited in May")
    win.undo_action.trigger()

    lines = _history(win)
    assert lines[0].endswith(" — Ana: Undo add a note")
    assert lines[1] == "    note 'Visited in May' removed"
    assert lines[2].endswith(" — Ana: add a note")
    assert lines[4].endswith(" — Ana: edit the case study")
    assert lines[5] == f"    Title: {old} → A new title"
    assert lines[-2].endswith(" — Ana: tag 1 case with 'tea'")
    assert lines[-1] == "    tag 'tea' added"


def test_the_history_tab_follows_the_selected_case(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    first = win.selected_case_id()
    assert first is not None
    win.change("tag 1 case with 'tea'", tag_cases, [first], ["tea"])
    assert len(_history(win)) == 2
    win._select_row(1)
    assert win.selected_case_id() != first
    assert win.history_panel.lines() == []
    assert win.history_panel.empty.isVisible()


def test_the_history_tab_in_chinese(
    qtbot: QtBot,
    chinese: None,
    small_window: MainWindow,
) -> None:
    win = small_window
    win.service.author = "Ana"
    case_id = win.selected_case_id()
    assert case_id is not None
    win.change("tag 1 case with 'tea'", tag_cases, [case_id], ["tea"])
    _retitle(win, case_id, "新标题")
    win.undo_action.trigger()
    lines = _history(win)
    assert lines[0].endswith("Ana：撤销 edit the case study")
    title = win.service.draft(case_id).title
    assert lines[1] == f"    标题：新标题 → {title}"
    assert lines[-1] == "    已添加标签“tea”"
    assert win.detail.tabs.tabText(win.detail.tabs.indexOf(win.history_panel)) == "历史"
