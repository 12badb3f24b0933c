"""The catalogue table's columns: which are shown (a checkable menu on the header,
remembered in QSettings) and the Tags column's coloured chips.

The Title is always shown; the Match column comes and goes with the search
(views/main_window.py), so neither is in the menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtWidgets import QMenu

from views.case_table_model import COLUMNS, MATCH_COLUMN
from views.tag_chips import TagChipsDelegate

if TYPE_CHECKING:
    from views.main_window import MainWindow

HIDDEN_KEY = "table/hiddenColumns"
ALWAYS_SHOWN = "title"
TITLE_COLUMN = 0
DEFAULT_TITLE_WIDTH = 220


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
        # Until the user sizes the columns, the Title takes the room the window has
        # beyond the defaults (which fit a 1024-pixel window).
        self._fit_title = self.window.settings.value("window/tableHeader") is None
        self._fitting = False
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._fit_title and event.type() == QEvent.Type.Resize:
            self.fit_title()
        return False

    def fit_title(self) -> None:
        """Widen the Title column to fill the table's width (never narrower than its default)."""
        table = self.window.table
        others = sum(
            table.columnWidth(c)
            for c in range(len(COLUMNS))
            if c != TITLE_COLUMN and not table.isColumnHidden(c)
        )
        room = table.viewport().width() - others - 1
        self._fitting = True
        try:
            table.setColumnWidth(TITLE_COLUMN, max(DEFAULT_TITLE_WIDTH, room))
        finally:
            self._fitting = False

    @Slot(int, int, int)
    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        """A column the user drags keeps its width: the Title stops following the window."""
        if not self._fitting and self.window.isVisible() and column != MATCH_COLUMN:
            self._fit_title = False

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
        self._fit_title = False  # the user arranges the columns now
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
