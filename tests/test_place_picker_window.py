"""The case editor's place tree: New Place… and Edit Place…, each one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.case_filter import FACET_DONOR
from views.case_form import CaseFormDialog
from views.main_window import MainWindow
from views.place_dialog import PlaceDialog


def _editor(win: MainWindow) -> CaseFormDialog:
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    return dialog


def _place_dialog(dialog: CaseFormDialog) -> PlaceDialog:
    assert dialog.place_dialog is not None and dialog.place_dialog.isVisible()
    return dialog.place_dialog


def _ok(dialog: PlaceDialog | CaseFormDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.click()


def _donor_labels(win: MainWindow) -> dict[str, int]:
    return {v.label: v.count for v in win.service.facets(win.current_filter()).groups[FACET_DONOR]}


def test_new_place_from_the_editor_is_checked_and_saved_with_the_case(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    dialog = _editor(win)
    picker = dialog.donor_list
    before = set(picker.checked())
    picker.tree.setCurrentItem(None)
    picker.new_button.click()
    place = _place_dialog(dialog)
    assert place.parent_combo.currentData() is None  # nothing selected: a top-level place
    _ok(place)  # no name: refused at its field, the dialog stays open
    assert place.isVisible() and "needs a name" in place.messages["name"].text()
    place.name_edit.setText("Shanghai")
    place.name_zh_edit.setText("上海")
    place.level_combo.setCurrentIndex(place.level_combo.findData("municipality"))
    _ok(place)
    assert not place.isVisible()
    assert win.undo_action.text() == "&Undo new place 'Shanghai'"
    shanghai = picker.current_id()
    assert shanghai is not None and set(picker.checked()) == before | {shanghai}
    assert shanghai not in dialog.recipient_list.checked()  # offered there too, not chosen
    assert shanghai in dialog.recipient_list._items
    # A district inside it, from the tree: one level down, inside the selected place.
    picker.new_button.click()
    district = _place_dialog(dialog)
    assert district.parent_combo.currentData() == shanghai
    assert district.level_combo.currentData() == "prefecture"
    district.name_edit.setText("Pudong")
    district.level_combo.setCurrentIndex(district.level_combo.findData("district"))
    _ok(district)
    _ok(dialog)
    assert not dialog.isVisible()
    assert _donor_labels(win).get("Shanghai") == 1
    detail = win.detail.detail
    assert detail is not None
    assert ["Shanghai", "Pudong"] in [p.lineage for p in detail.places_on("donor")]


def test_edit_place_renames_it_and_undo_brings_the_name_back(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    dialog = _editor(win)
    picker = dialog.donor_list
    (first,) = picker.checked()[:1]
    picker.check(first)
    picker.edit_button.click()
    place = _place_dialog(dialog)
    old = place.name_edit.text()
    # A place cannot be moved into itself: it is not offered as its own parent.
    offered = {place.parent_combo.itemData(i) for i in range(place.parent_combo.count())}
    assert first not in offered
    place.name_edit.setText(old + " Renamed")
    _ok(place)
    assert picker._items[first].text(0).startswith(old + " Renamed")
    assert first in picker.checked()
    dialog.reject()
    case = win.selected_case_id()
    assert case is not None

    def names() -> set[str]:
        detail = win.service.detail(case)
        assert detail is not None
        return {name for p in detail.places_on("donor") for name in p.lineage}

    assert old + " Renamed" in names() and old not in names()
    win.undo()
    assert old in names()


def test_the_filter_shows_matching_places_with_their_parents(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    dialog = _editor(small_window)
    picker = dialog.recipient_list
    picker.filter_edit.setText("kashgar")
    visible = []
    for i in range(picker.tree.topLevelItemCount()):
        item = picker.tree.topLevelItem(i)
        if not item.isHidden():
            visible.append(item.text(0))
    assert visible and all(not v.lower().startswith("shanxi") for v in visible)
    dialog.reject()
