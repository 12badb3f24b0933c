"""An editable table over a list of draft records (a case's figures, or its people).

Values are edited as text, as typed; the app layer reads and checks them.
Problems found by the app (keyed "metrics.2.year") colour their cell and
explain themselves in its tooltip, so every message sits at its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from views.literal_text import literal
from views.translation import tr_message

Index = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = QColor("#ffd6d6")


@dataclass(frozen=True)
class Column:
    attr: str
    header: str
    choices: Sequence[tuple[Any, str]] = ()  # (stored value, label) for a drop-down


class DraftTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: list[Column],
        rows: list[Any],
        new_row: Callable[[], Any],
        prefix: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows = rows
        self._new_row = new_row
        self.prefix = prefix
        self.problems: dict[str, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def problem_key(self, row: int, column: int) -> str:
        return f"{self.prefix}.{row}.{self.columns[column].attr}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        value = getattr(self.rows[index.row()], column.attr)
        problem = self.problems.get(self.problem_key(index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            labels = dict(column.choices)
            return labels.get(value, "" if value is None else str(value))
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(tr_message(problem)) if problem else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        setattr(self.rows[index.row()], column.attr, value if column.choices else str(value))
        self.problems.pop(self.problem_key(index.row(), index.column()), None)
        self.dataChanged.emit(index, index)
        return True

    def add_row(self) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(self._new_row())
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.set_problems({})  # row numbers moved: ask again on OK

    def set_problems(self, problems: dict[str, str]) -> None:
        self.problems = {k: v for k, v in problems.items() if k.startswith(self.prefix + ".")}
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

    def first_problem(self) -> QModelIndex:
        for row in range(len(self.rows)):
            for column in range(len(self.columns)):
                if self.problem_key(row, column) in self.problems:
                    return self.index(row, column)
        return QModelIndex()
