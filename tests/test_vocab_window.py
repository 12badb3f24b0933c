"""Sectors and forms in the window: the editor offers the catalogue's values, a new one is
added explicitly, and a facet's Rename or Merge… is one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.case_filter import FACET_FORM, FACET_SECTOR
from views.case_form import CaseFormDialog
from views.main_window import MainWindow


def _open_new_case(qtbot: QtBot, win: MainWindow) -> CaseFormDialog:
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    return dialog


def _facet_counts(win: MainWindow, group: str) -> dict[str, int]:
    return {v.key: v.count for v in win.service.facets(win.current_filter()).groups[group]}


def test_the_editor_offers_existing_sectors_and_adds_a_new_one_only_when_asked(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    dialog = _open_new_case(qtbot, win)
    combo = dialog.sector_combo
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered[:3] == ["(none)", "agriculture and food", "energy"]
    assert offered[-1] == "New sector…" and combo.value() == ""
    # "New sector…" with an existing value in another spelling selects the existing one.
    combo.ask = lambda *_: ("  ENERGY ", True)
    combo.activated.emit(combo.count() - 1)
    assert combo.value() == "energy"
    assert combo.count() == len(offered)
    combo.ask = lambda *_: ("Health  care", True)
    combo.activated.emit(combo.count() - 1)
    assert combo.value() == "Health care" and combo.count() == len(offered) + 1
    combo.ask = lambda *_: ("", False)  # cancelled: the choice stays
    combo.activated.emit(combo.count() - 1)
    assert combo.value() == "Health care"
    forms = dialog.forms_field
    forms.ask = lambda *_: ("TALENT", True)
    forms.new_button.click()
    forms.ask = lambda *_: ("Micro credit", True)
    forms.new_button.click()
    assert forms.checked() == ["talent", "Micro credit"]
    dialog.title_edit.setText("Clinic")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    detail = win.detail.detail
    assert detail is not None and detail.sector == "Health care"
    assert detail.assistance == ["Micro credit", "talent"]


def test_the_editor_shows_a_case_s_sector_selected(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    win.case_actions.edit_case()
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    assert dialog.sector_combo.value() == win.detail.detail.sector  # type: ignore[union-attr]
    assert dialog.current_draft().sector == dialog.sector_combo.value()
    dialog.reject()


def test_rename_and_merge_from_the_facets_undo_in_one_step(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    actions = win.vocab_actions
    assert _facet_counts(win, FACET_SECTOR) == {"agriculture and food": 1, "energy": 1}
    assert actions.rename("sector", "energy", "Power")
    assert win.undo_action.text() == "&Undo rename sector 'energy' to 'Power'"
    assert _facet_counts(win, FACET_SECTOR) == {"Power": 1, "agriculture and food": 1}
    asked: list[tuple[str, str, int]] = []
    actions.confirm_merge = lambda *a: asked.append(a) or False  # type: ignore[method-assign, func-returns-value]
    assert not actions.rename("sector", "Power", "AGRICULTURE and food")
    assert asked == [("Power", "agriculture and food", 1)]
    actions.confirm_merge = lambda *a: True  # type: ignore[method-assign]
    assert actions.rename("sector", "Power", "AGRICULTURE and food")
    assert _facet_counts(win, FACET_SECTOR) == {"agriculture and food": 2}
    win.undo()
    assert _facet_counts(win, FACET_SECTOR) == {"Power": 1, "agriculture and food": 1}
    assert actions.rename("form", "funds", "Funding")
    assert "Funding" in _facet_counts(win, FACET_FORM)


def test_the_facet_menu_offers_rename_on_sector_and_form_values_only(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    model, view = win.facet_model, win.facet_view
    found = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        if model.rowCount(group):
            found[model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)] = model.index(0, 0, group)
    offered = set()
    for index in found.values():
        view.setCurrentIndex(index)
        current = win.vocab_actions.current()
        if current is not None:
            offered.add(current[0])
    assert offered == {"sector", "form"} and len(found) == 4  # not on donors or recipients


def test_a_ticked_sector_stays_ticked_under_its_new_name(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    win.facet_model.toggle(FACET_SECTOR, "energy")
    win.apply_filter()
    assert win.case_model.rowCount() == 1
    assert win.vocab_actions.rename("sector", "energy", "Power")
    assert win.facet_model.selected(FACET_SECTOR) == frozenset({"Power"})
    assert win.current_filter().sectors == frozenset({"Power"})
    assert win.case_model.rowCount() == 1
