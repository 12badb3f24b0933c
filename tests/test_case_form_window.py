"""Creating, editing and deleting case studies in the window, with messages at the field
and undo of each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from app.case_edit import MetricDraft
from views.case_form import CaseFormDialog
from views.draft_table_model import Column, DraftTableModel
from views.main_window import MainWindow


def _ok(qtbot: QtBot, dialog: CaseFormDialog) -> None:
    button = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _titles(win: MainWindow) -> set[str]:
    return {win.case_model.index(r, 0).data() for r in range(win.case_model.rowCount())}


def test_new_case_by_keyboard_appears_selected_and_undoes(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    qtbot.keyClicks(dialog.title_edit, "Kashgar carpet co-operative")
    qtbot.keyClicks(dialog.start_edit, "2019")
    dialog.form_checks["talent"].setChecked(True)
    dialog.summary_edit.insertPlainText("Weavers 🧶 in 喀什 and قەشقەر")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert "Kashgar carpet co-operative" in _titles(win)
    detail = win.detail.detail
    assert detail is not None and detail.title == "Kashgar carpet co-operative"
    assert (detail.slug, detail.start_year, detail.assistance) == (
        "kashgar-carpet-co-operative", 2019, ["talent"],
    )  # fmt: skip
    assert detail.summary == "Weavers 🧶 in 喀什 and قەشقەر"
    assert win.undo_action.text() == "&Undo new case 'Kashgar carpet co-operative'"
    win.table.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Kashgar carpet co-operative" not in _titles(win)
    qtbot.keyClick(
        win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert "Kashgar carpet co-operative" in _titles(win)


def test_bad_values_show_at_their_field_and_nothing_is_written(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    before = win.service.detail(case_id)
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_F2)
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.start_edit.clear()
    qtbot.keyClicks(dialog.start_edit, "1800")
    model = dialog.metrics_model
    model.setData(model.index(0, 1), "12abc")  # value
    model.setData(model.index(0, 2), "9")  # low
    model.setData(model.index(0, 3), "3")  # high
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.messages["start_year"].isVisible()
    assert "between 1900 and 2100" in dialog.messages["start_year"].text()
    assert dialog.tabs.currentIndex() == 0 and dialog.focusWidget() is dialog.start_edit
    assert "not a number" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "must not exceed" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert win.service.detail(case_id) == before  # nothing written
    # Fix the values; the dialog saves and closes.
    dialog.start_edit.clear()
    qtbot.keyClicks(dialog.start_edit, "2018")
    model.setData(model.index(0, 1), "")
    model.setData(model.index(0, 2), "3")
    model.setData(model.index(0, 3), "9")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    after = win.service.detail(case_id)
    assert after is not None and (after.metrics[0].low, after.metrics[0].high) == (3.0, 9.0)
    win.undo_action.trigger()
    assert win.service.detail(case_id) == before


def test_delete_asks_first_and_undo_restores_everything(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    before = win.service.detail(case_id)
    assert before is not None
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer
    )
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Delete)
    assert before.title in asked[0]
    assert win.service.detail(case_id) == before
    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(win.table, Qt.Key.Key_Delete)
    assert win.service.detail(case_id) is None
    assert before.title not in _titles(win)
    assert win.undo_action.text() == f"&Undo delete case '{before.title}'"
    win.undo_action.trigger()
    assert win.service.detail(case_id) == before


def test_delete_key_in_the_filter_box_does_not_delete(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked to delete"))
    win.filter_edit.setFocus()
    qtbot.keyClicks(win.filter_edit, "ab")
    qtbot.keyClick(win.filter_edit, Qt.Key.Key_Home)
    qtbot.keyClick(win.filter_edit, Qt.Key.Key_Delete)
    assert win.filter_edit.text() == "b"


def test_adding_a_figure_row_in_the_dialog(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.tabs.setCurrentIndex(1)
    add = dialog.findChild(
        type(dialog.buttons.button(dialog.buttons.StandardButton.Ok)), "metricsAdd"
    )
    assert add is not None
    count = dialog.metrics_model.rowCount()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    row = dialog.metrics_model.rowCount() - 1
    assert row == count
    for column, value in ((0, "Workers"), (1, "1,200"), (4, "people"), (6, "2021")):
        dialog.metrics_model.setData(dialog.metrics_model.index(row, column), value)
    _ok(qtbot, dialog)
    detail = win.service.detail(case_id)
    assert detail is not None
    assert ("Workers", 1200.0, "people", 2021) in [
        (m.name, m.value, m.unit, m.year) for m in detail.metrics
    ]


def test_draft_table_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DraftTableModel(
        [Column("name", "Figure"), Column("qualifier", "Qualifier", [("over", "over")])],
        [MetricDraft(name="a"), MetricDraft(name="b", qualifier="over")],
        MetricDraft,
        "metrics",
    )
    qtmodeltester.check(model)
    model.add_row()
    model.set_problems({"metrics.0.name": "bad"})
    qtmodeltester.check(model)


def test_selecting_a_case_with_ctrl_still_held_selects_just_that_case(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    first, second = win.case_model.case_id(0), win.case_model.case_id(1)
    win.select_case(first)
    qtbot.keyPress(win.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    win.select_case(second)  # as after Ctrl+Shift+Z redoes a new case
    qtbot.keyRelease(win.table, Qt.Key.Key_Control)
    assert win.selected_case_ids() == [second]


def _colleague_saves(win: MainWindow, case_id: int, **values: str) -> None:
    """Another member (ana) saves the case from another process's connection."""
    from app.case_edit import save_case
    from app.service import CatalogueService
    from app.store import open_catalogue

    other = open_catalogue(win.service.catalogue.path, seed=False)
    colleague = CatalogueService(other, author="ana")
    theirs = colleague.draft(case_id)
    for name, value in values.items():
        setattr(theirs, name, value)
    colleague.write(save_case, case_id, theirs, colleague.draft(case_id))
    other.close()


def test_an_editor_whose_case_was_saved_elsewhere_shows_both_versions_and_the_user_chooses(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from views.case_conflict_dialog import CaseConflictDialog
    from views.case_form_actions import CaseFormActions

    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.title_edit.setText("My better title")
    _colleague_saves(win, case_id, title="Their title", summary="Their summary")

    shown: list[CaseConflictDialog] = []
    answers = [CaseConflictDialog.DialogCode.Rejected]

    def ask(_self: CaseFormActions, conflict: CaseConflictDialog) -> int:
        shown.append(conflict)
        return answers.pop(0)

    monkeypatch.setattr(CaseFormActions, "ask", ask)
    _ok(qtbot, dialog)
    assert dialog.isVisible()  # back to the form: nothing written, the user's edits kept
    assert dialog.title_edit.text() == "My better title"
    assert win.service.draft(case_id).title == "Their title"
    conflict = shown[0]
    intro = conflict.findChildren(QLabel)[0].text()
    assert intro.startswith("ana saved this case study at")
    # Side by side: the title both changed (yours chosen at first), the summary
    # only they changed (theirs chosen at first).
    assert conflict.theirs_chosen() == {"summary"}
    texts = {b.objectName(): b.accessibleName() for b in conflict.findChildren(QRadioButton)}
    assert texts["title_yours"] == "My better title"
    assert texts["title_theirs"] == "Their title"
    assert texts["summary_theirs"] == "Their summary"

    answers.append(CaseConflictDialog.DialogCode.Accepted)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    saved = win.service.draft(case_id)
    assert (saved.title, saved.summary) == ("My better title", "Their summary")
    win.undo_action.trigger()  # undo takes back the user's own step only
    saved = win.service.draft(case_id)
    assert (saved.title, saved.summary) == ("Their title", "Their summary")


def test_choosing_theirs_in_the_conflict_keeps_their_value(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from views.case_conflict_dialog import CaseConflictDialog
    from views.case_form_actions import CaseFormActions

    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.title_edit.setText("My better title")
    _colleague_saves(win, case_id, title="Their title")

    def ask(_self: CaseFormActions, conflict: CaseConflictDialog) -> int:
        conflict.choose_theirs("title")
        return CaseConflictDialog.DialogCode.Accepted

    monkeypatch.setattr(CaseFormActions, "ask", ask)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert win.service.draft(case_id).title == "Their title"


def test_a_change_elsewhere_to_a_field_the_user_left_alone_is_offered_first(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from views.case_form_actions import CaseFormActions

    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.title_edit.setText("My better title")
    _colleague_saves(win, case_id, summary="Their summary")
    asked: list[object] = []
    monkeypatch.setattr(CaseFormActions, "ask", lambda _s, d: asked.append(d) or 1)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    saved = win.service.draft(case_id)
    assert (saved.title, saved.summary) == ("My better title", "Their summary")
    assert len(asked) == 1  # shown, theirs chosen for the summary by default
