"""Tags in the window: add with completion, the tag panel's counts and filter, rename,
merge, delete and colour, each one undo step with a descriptive Edit-menu text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from views.main_window import MainWindow
from views.tag_entry import AddTagsDialog, RemoveTagsDialog
from views.tag_model import TagTreeModel


def _counts(win: MainWindow) -> dict[str, int]:
    return {t.name: t.count for t in win.service.tags()}


def _visible_slugs(win: MainWindow) -> set[str]:
    model = win.case_model
    return {win.service.detail(model.case_id(r)).slug for r in range(model.rowCount())}  # type: ignore[union-attr]


def _add_tags_by_keyboard(qtbot: QtBot, win: MainWindow, text: str) -> AddTagsDialog:
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    qtbot.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = win.tag_actions.dialog
    assert isinstance(dialog, AddTagsDialog)
    qtbot.keyClicks(dialog.tags_edit, text)
    return dialog


def test_bulk_add_with_keyboard_is_one_undo_step(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    dialog = _add_tags_by_keyboard(qtbot, win, "Tea, craft/Jade")
    qtbot.keyClick(dialog.tags_edit, Qt.Key.Key_Return)
    assert _counts(win) == {"craft/Jade": 2, "Tea": 2}
    assert win.undo_action.text() == "&Undo tag 2 cases with 'Tea', 'craft/Jade'"
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _counts(win) == {}
    qtbot.keyClick(
        win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _counts(win) == {"craft/Jade": 2, "Tea": 2}
    # The panel shows the tree with counts.
    model = win.tag_panel.model
    craft = model.index(0, 0)
    assert (craft.data(), model.rowCount(craft)) == ("craft", 1)
    assert model.index(0, 1, craft).data() == 2
    assert model.index(0, 1).data() == 2  # "craft" alone is no tag: it counts what is under it


def test_refused_name_keeps_dialog_open_with_message(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    dialog = _add_tags_by_keyboard(qtbot, small_window, "good, / ")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert "at least one letter" in dialog.message.text()
    assert _counts(small_window) == {}


def test_completion_offers_existing_tags(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    win.tag_actions.add([win.case_model.case_id(0)], ["brick tea"])
    dialog = _add_tags_by_keyboard(qtbot, win, "solar, bri")
    completer = dialog.tags_edit.tag_completer
    assert completer.completionPrefix() == "bri"
    assert completer.currentCompletion() == "brick tea"
    dialog.tags_edit._insert_completion("brick tea")
    assert dialog.names() == ["solar", "brick tea"]


def test_checking_tags_filters_all_or_any(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    ids = {win.service.detail(win.case_model.case_id(r)).slug: win.case_model.case_id(r)  # type: ignore[union-attr]
           for r in range(2)}  # fmt: skip
    win.tag_actions.add([ids["alpha"]], ["craft/embroidery", "tea"])
    win.tag_actions.add([ids["beta"]], ["craft/jade"])
    panel = win.tag_panel
    view = panel.view

    def click_check(key: str) -> None:
        index = panel.index_of(key)
        view.scrollTo(index)
        rect = view.visualRect(index)
        # The check box sits at the left end of the item.
        pos = QPoint(rect.left() + 10, rect.center().y())
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)

    click_check("craft")
    assert _visible_slugs(win) == {"alpha", "beta"}  # the parent includes its children
    click_check("craft")
    click_check("tea")
    click_check("craft/jade")
    assert _visible_slugs(win) == set()  # all of
    panel.mode_combo.setCurrentIndex(1)
    assert _visible_slugs(win) == {"alpha", "beta"}  # any of
    qtbot.keyClick(
        win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert panel.model.checked_keys() == frozenset()


def test_merge_by_rename_asks_and_undoes_in_one_step(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    alpha, beta = win.case_model.case_id(0), win.case_model.case_id(1)
    win.tag_actions.add([alpha, beta], ["tea"])
    win.tag_actions.add([alpha], ["brick tea"])
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    assert win.tag_panel.rename("tea", "Brick Tea")
    assert "already exists" in asked[0]
    assert _counts(win) == {"brick tea": 2}
    assert win.undo_action.text() == "&Undo merge tag 'tea' into 'brick tea'"
    win.undo_action.trigger()
    assert _counts(win) == {"brick tea": 1, "tea": 2}


def test_delete_confirmation_counts_cases_and_undo(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    win.tag_actions.add([win.case_model.case_id(0), win.case_model.case_id(1)], ["tea"])
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer
    )
    win.tag_panel.select_tag("tea")
    win.tag_panel.view.setFocus()
    qtbot.keyClick(win.tag_panel.view, Qt.Key.Key_Delete)
    assert "2 case studies carry it" in asked[0]
    assert _counts(win) == {"tea": 2}  # "No" keeps it
    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(win.tag_panel.view, Qt.Key.Key_Delete)
    assert _counts(win) == {}
    assert win.undo_action.text() == "&Undo delete tag 'tea'"
    win.undo_action.trigger()
    assert _counts(win) == {"tea": 2}


def test_remove_tags_dialog(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    alpha = win.case_model.case_id(0)
    win.tag_actions.add([alpha], ["tea", "solar"])
    win.select_case(alpha)
    win.table.setFocus()
    qtbot.keyClick(
        win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = win.tag_actions.dialog
    assert isinstance(dialog, RemoveTagsDialog)
    dialog.list.item(1).setCheckState(Qt.CheckState.Checked)  # "tea" (sorted)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert _counts(win) == {"solar": 1, "tea": 0}


def test_tag_tree_model_passes_modeltester(qtmodeltester, small_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = small_window
    win.tag_actions.add([win.case_model.case_id(0)], ["a/b/c", "a/d", "砖茶", "ئۇيغۇر"])
    model = TagTreeModel()
    qtmodeltester.check(model)
    model.set_tags(win.service.tags())
    qtmodeltester.check(model)
    QApplication.processEvents()


def test_colour_from_the_context_menu_action(
    small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    win = small_window
    win.tag_actions.add([win.case_model.case_id(0)], ["tea"])
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a: QColor("#A0C4FF"))
    win.tag_panel.select_tag("tea")
    win.tag_panel.colour_action.trigger()
    assert [t.colour for t in win.service.tags()] == ["#a0c4ff"]
    node = win.tag_panel.model.node_for("tea")
    assert node is not None and node.data(Qt.ItemDataRole.DecorationRole) == QColor("#a0c4ff")
    assert win.undo_action.text() == "&Undo colour tag 'tea'"


def test_enter_and_space_toggle_the_current_tag(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    win.tag_actions.add([win.case_model.case_id(0)], ["tea"])
    view = win.tag_panel.view
    win.tag_panel.select_tag("tea")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.tag_panel.model.checked_keys() == frozenset({"tea"})
    assert win.case_model.rowCount() == 1
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert win.tag_panel.model.checked_keys() == frozenset()
    assert win.case_model.rowCount() == 2
