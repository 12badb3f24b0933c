"""The catalogue table's columns: which are shown (a checkable menu on the header,
remembered in QSettings) and the Tags column's coloured chips.

The Title is always shown; the Match column comes and goes with the search
(views/main_window.py), so neither is in the menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtWidgets import QMenu

from views.case_table_model import COLUMNS, MATCH_COLUMN
from views.tag_chips import TagChipsDelegate

if TYPE_CHECKING:
    from views.main_window import MainWindow

HIDDEN_KEY = "table/hiddenColumns"
ALWAYS_SHOWN = "title"


def hidden_columns(value: object) -> set[str]:
    """The column keys a stored setting hides (unknown keys and the Title ignored)."""
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    known = {key for key, _label in COLUMNS[:MATCH_COLUMN]} - {ALWAYS_SHOWN}
    return {str(item) for item in items} & known


class TableColumns(QObject):
    """Shows, hides and paints the columns of `window`'s catalogue table."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        table = window.table
        self.tags_column = next(i for i, (key, _label) in enumerate(COLUMNS) if key == "tags")
        self.chips = TagChipsDelegate(table)
        table.setItemDelegateForColumn(self.tags_column, self.chips)
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.menu = QMenu(self.tr("Columns"), header)
        self.menu.setObjectName("columnMenu")
        self.column_actions = {}
        for column, (key, label) in enumerate(COLUMNS[:MATCH_COLUMN]):
            action = self.menu.addAction(
                self.window.case_model.headerData(column, Qt.Orientation.Horizontal) or label
            )
            action.setCheckable(True)
            action.setEnabled(key != ALWAYS_SHOWN)
            action.toggled.connect(lambda shown, c=column: self.set_shown(c, shown))
            self.column_actions[key] = action
        self.apply()

    def apply(self) -> None:
        """Hide the columns the settings say, show the others."""
        hidden = hidden_columns(self.window.settings.value(HIDDEN_KEY, []))
        for column, (key, _label) in enumerate(COLUMNS[:MATCH_COLUMN]):
            self.window.table.setColumnHidden(column, key in hidden)
            action = self.column_actions[key]
            action.blockSignals(True)
            action.setChecked(key not in hidden)
            action.blockSignals(False)

    def set_shown(self, column: int, shown: bool) -> None:
        """Show or hide one column and remember it."""
        key = COLUMNS[column][0]
        if key == ALWAYS_SHOWN or column == MATCH_COLUMN:
            return
        hidden = hidden_columns(self.window.settings.value(HIDDEN_KEY, []))
        hidden = hidden - {key} if shown else hidden | {key}
        self.window.settings.setValue(HIDDEN_KEY, sorted(hidden))
        table = self.window.table
        table.setColumnHidden(column, not shown)
        if shown and table.columnWidth(column) == 0:
            table.resizeColumnToContents(column)
        self.column_actions[key].blockSignals(True)
        self.column_actions[key].setChecked(shown)
        self.column_actions[key].blockSignals(False)

    @Slot(QPoint)
    def _show_menu(self, at: QPoint) -> None:
        header = self.window.table.horizontalHeader()
        self.menu.popup(header.mapToGlobal(at))
