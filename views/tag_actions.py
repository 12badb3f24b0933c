"""Edit → Add Tags… and Remove Tags…: tagging the selected cases in one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from views.open_dialog import OpenDialog
from views.translation import arg

if TYPE_CHECKING:
    from views.main_window import MainWindow


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


class TagActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.opened: OpenDialog[QDialog] = OpenDialog()
        self.add_action = QAction(self.tr("&Add Tags…"), window)
        self.add_action.setShortcut(QKeySequence("Ctrl+T"))
        self.add_action.triggered.connect(self.ask_add)
        self.remove_action = QAction(self.tr("Re&move Tags…"), window)
        self.remove_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.remove_action.triggered.connect(self.ask_remove)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.add_action)
        window.edit_menu.addAction(self.remove_action)
        window.table.selectionModel().selectionChanged.connect(self._update_enabled)
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        selected = bool(self.window.table.selectionModel().selectedRows())
        selected = selected and self.window.writable()
        self.add_action.setEnabled(selected)
        self.remove_action.setEnabled(selected)

    @Slot()
    def ask_add(self) -> None:
        ids = self.window.selected_case_ids()
        if not ids:
            return
        from views.tag_entry import AddTagsDialog  # only when asked: keeps start-up light

        names = [t.name for t in self.window.service.tags()]
        dialog = AddTagsDialog(len(ids), names, lambda chosen: self.add(ids, chosen), self.window)
        self.opened.open(dialog)

    @property
    def dialog(self) -> QDialog | None:
        return self.opened.dialog

    def add(self, ids: list[int], names: list[str]) -> int:
        """Put the tags on the cases: one undo step, whatever the number of cases."""
        from app.tags import tag_cases

        return self.window.change(
            arg(self.tr("tag %n case(s) with %1", "", len(ids)), _quoted(names)),
            tag_cases,
            ids,
            names,
        )

    def remove(self, ids: list[int], names: list[str]) -> int:
        from app.tags import untag_cases

        return self.window.change(
            arg(self.tr("remove %1 from %n case(s)", "", len(ids)), _quoted(names)),
            untag_cases,
            ids,
            names,
        )

    @Slot()
    def ask_remove(self) -> None:
        ids = self.window.selected_case_ids()
        if not ids:
            return
        from views.tag_entry import RemoveTagsDialog

        dialog = RemoveTagsDialog(len(ids), self.window.service.tags_of_cases(ids), self.window)

        dialog.accepted.connect(lambda: self.remove(ids, dialog.names()) if dialog.names() else 0)
        self.opened.open(dialog)
