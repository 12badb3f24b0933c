"""The figures of one case as a table: metric, value with qualifier and unit, period, source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from views.literal_text import literal
from views.roles import SORT_ROLE
from views.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.detail import MetricView

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = (
    QT_TRANSLATE_NOOP("MetricsTableModel", "Figure"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "Value"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "Period"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "Source"),
    QT_TRANSLATE_NOOP("MetricsTableModel", "Note"),
)


class MetricsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._metrics: list[MetricView] = []

    def set_metrics(self, metrics: list[MetricView]) -> None:
        self.beginResetModel()
        self._metrics = list(metrics)
        self.endResetModel()

    def metric(self, row: int) -> MetricView:
        return self._metrics[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._metrics)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._metrics):
            return None
        m = self._metrics[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (m.name, m.display, m.period, m.source, m.note)[column]
            return text if role == Qt.ItemDataRole.DisplayRole else literal(text)
        if role == SORT_ROLE and column == 1:
            return m.value if m.value is not None else m.low
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
