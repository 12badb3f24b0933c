"""The Comparison Matrix tab: chosen cases down, chosen columns across, sortable, exportable.

The cases are those the table's filter shows (following `filterApplied`) or
those selected in the table; the columns are ticked in the list on the left
(app/matrix.py says what each holds). At most app.matrix.MAX_ROWS rows are
shown, with a line saying so; the export writes every case. The matrix is
re-read only while the tab is visible: a change while it is hidden marks it
stale, and showing it reads it again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.case_filter import CaseFilter
from app.change_scope import MATRIX_TABLES, ChangeScope
from app.matrix import MAX_ROWS, Matrix, MatrixColumn, filtered_matrix, selected_matrix
from views.literal_text import literal
from views.roles import CASE_ID_ROLE, SORT_ROLE
from views.translation import QT_TRANSLATE_NOOP, number, tr_message

if TYPE_CHECKING:
    from views.main_window import MainWindow

AnyIndex = QModelIndex | QPersistentModelIndex
FILTERED, SELECTED = range(2)
KEY_ROLE = Qt.ItemDataRole.UserRole + 50  # a column choice's key in the list
KIND_TITLES = {
    "field": QT_TRANSLATE_NOOP("ComparisonMatrix", "Fields"),
    "figure": QT_TRANSLATE_NOOP("ComparisonMatrix", "Figures"),
    "tag": QT_TRANSLATE_NOOP("ComparisonMatrix", "Tags"),
    "tags": QT_TRANSLATE_NOOP("ComparisonMatrix", "Annotations"),
    "count": QT_TRANSLATE_NOOP("ComparisonMatrix", "Annotations"),
}
# The labels app/matrix.py gives the fixed columns (figures and tags are named by the data).
FIXED_LABELS = (
    QT_TRANSLATE_NOOP("MatrixModel", "Title"),
    QT_TRANSLATE_NOOP("MatrixModel", "Chinese title"),
    QT_TRANSLATE_NOOP("MatrixModel", "Sector"),
    QT_TRANSLATE_NOOP("MatrixModel", "Period"),
    QT_TRANSLATE_NOOP("MatrixModel", "Donor"),
    QT_TRANSLATE_NOOP("MatrixModel", "Recipient"),
    QT_TRANSLATE_NOOP("MatrixModel", "Forms of assistance"),
    QT_TRANSLATE_NOOP("MatrixModel", "Sources"),
    QT_TRANSLATE_NOOP("MatrixModel", "Tags"),
    QT_TRANSLATE_NOOP("MatrixModel", "Notes"),
    QT_TRANSLATE_NOOP("MatrixModel", "Highlights"),
)


def column_label(column: MatrixColumn) -> str:
    """The column's label in the interface language (a figure's or tag's name as it is)."""
    if column.kind in ("figure", "tag"):
        return column.label
    return QCoreApplication.translate("MatrixModel", column.label)


class MatrixModel(QAbstractTableModel):
    """A Matrix as a table model; sorts in memory by the cells' sort keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix([])

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def case_id(self, row: int) -> int:
        return self.matrix.case_ids[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        column = self.matrix.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            unit = self.matrix.units.get(column.key, "")
            label = column_label(column)
            return f"{label} ({unit})" if unit else label
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(column_label(column))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.matrix.rows):
            return None
        if not 0 <= index.column() < len(self.matrix.columns):
            return None
        cell = self.matrix.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(cell.tooltip) if cell.tooltip else None
        if role == SORT_ROLE:
            return cell.key
        if role == CASE_ID_ROLE:
            return self.matrix.case_ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = self.matrix.columns[index.column()].kind
            if kind in ("figure", "count"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if kind == "tag":
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        before = list(self.matrix.case_ids)
        self.matrix.sort(column, order == Qt.SortOrder.DescendingOrder)
        row_of = {case_id: row for row, case_id in enumerate(self.matrix.case_ids)}
        persistent = self.persistentIndexList()
        moved = [self.index(row_of[before[p.row()]], p.column()) for p in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()


class ComparisonMatrix(QWidget):
    """The tab: the cases choice, the column list, the matrix, the export button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("comparisonMatrix")
        self.window_ = window
        self.filter = replace(window.current_filter(), case_ids=None)
        self.chosen: list[str] | None = None  # column keys; None: the defaults
        self.choices: list[MatrixColumn] = []
        self.total = 0
        self.stale = True

        self.cases_combo = QComboBox(self)
        self.cases_combo.addItem(self.tr("the filtered cases"), FILTERED)
        self.cases_combo.addItem(self.tr("the selected cases"), SELECTED)
        self.cases_combo.currentIndexChanged.connect(self.reload)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Cases:"), self))
        top.addWidget(self.cases_combo)
        top.addWidget(self.note, 1)
        top.addWidget(self.export_button)

        self.column_list = QListWidget(self)
        self.column_list.setObjectName("matrixColumns")
        self.column_list.itemChanged.connect(self._on_column_toggled)
        self.model = MatrixModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("matrixTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._go_to_case)
        splitter = QSplitter(self)
        splitter.addWidget(self.column_list)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        window.filterApplied.connect(self._on_filter)
        window.catalogueChanged.connect(self._catalogue_changed)
        window.table.selectionModel().selectionChanged.connect(self._on_selection)

    # --- following the window ----------------------------------------------------

    @Slot(object)
    def _on_filter(self, flt: CaseFilter) -> None:
        self.filter = flt
        if self.cases_combo.currentData() == FILTERED:
            self.reload()

    @Slot()
    def _on_selection(self) -> None:
        if self.cases_combo.currentData() == SELECTED:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    @Slot()
    @Slot(object)
    def _catalogue_changed(self, scope: ChangeScope) -> None:
        if scope.changes_views(MATRIX_TABLES):
            self.reload()

    def reload(self) -> None:
        """Read the matrix again (later, when shown, if the tab is hidden)."""
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        try:
            matrix, choices, total = self._read(MAX_ROWS)
        except ValueError as exc:  # QueryError: the search bar already says why
            self.note.setText(tr_message(exc))
            return
        if self.chosen is None:
            self.chosen = [c.key for c in matrix.columns]
        self.total = total
        self._show_choices(choices)
        self.model.set_matrix(matrix)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        shown = len(matrix.rows)
        if total > shown:
            self.note.setText(
                self.tr("Showing the first {0} of {1} cases; the export writes them all.").format(
                    number(shown), number(total)
                )
            )
        else:
            self.note.setText(self.tr("%Ln case(s)", "", shown))

    def _read(self, limit: int | None) -> tuple[Matrix, list[MatrixColumn], int]:
        service = self.window_.service
        if self.cases_combo.currentData() == SELECTED:
            ids = self.window_.selected_case_ids()
            return service.read(selected_matrix, ids, self.chosen, limit)
        return service.read(filtered_matrix, self.filter, self.chosen, limit)

    # --- columns -------------------------------------------------------------------

    def _show_choices(self, choices: list[MatrixColumn]) -> None:
        self.choices = choices
        chosen = set(self.chosen or ())
        scroll = self.column_list.verticalScrollBar().value()
        self.column_list.blockSignals(True)
        self.column_list.clear()
        heading_font = QFont(self.column_list.font())
        heading_font.setBold(True)
        last_title = None
        for choice in choices:
            title = KIND_TITLES[choice.kind]
            if title != last_title:
                heading = QListWidgetItem(self.tr(title), self.column_list)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setFont(heading_font)
                last_title = title
            label = column_label(choice)
            if choice.kind in ("figure", "tag"):
                label = f"{label} ({choice.cases})"
            item = QListWidgetItem(label, self.column_list)
            item.setData(KEY_ROLE, choice.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.key in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.column_list.blockSignals(False)
        self.column_list.verticalScrollBar().setValue(scroll)

    def set_column(self, key: str, shown: bool) -> None:
        """Show or hide the column `key` (as ticking it in the list does)."""
        chosen = [k for k in (self.chosen or []) if k != key]
        if shown:
            chosen.append(key)
        self.chosen = chosen
        self.reload()

    @Slot(QListWidgetItem)
    def _on_column_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.set_column(key, item.checkState() == Qt.CheckState.Checked)

    # --- acting ----------------------------------------------------------------------

    @Slot(QModelIndex)
    def _go_to_case(self, index: QModelIndex) -> None:
        if index.isValid():
            self.window_.go_to_case(self.model.case_id(index.row()))

    @Slot()
    def export(self) -> None:
        """Ask where, then write every chosen case (not only those shown) in the shown order."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Matrix to Excel"), "comparison-matrix.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not name:
            return
        target = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        self.export_to(target)

    def export_to(self, target: Path) -> bool:
        """Write the matrix to `target`; a failure is one line in a message box."""
        from app.atomic_file import OutputFileError
        from app.xlsx.export import describe_filter
        from app.xlsx.matrix_export import write_matrix_workbook

        try:
            matrix, _choices, total = self._read(None)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Export to Excel"), literal(tr_message(exc)))
            return False
        header = self.table.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < len(matrix.columns):
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            matrix.sort(header.sortIndicatorSection(), descending)
        if self.cases_combo.currentData() == SELECTED:
            scope = f"{total} selected cases"
        else:
            scope = describe_filter(self.filter)
        try:
            write_matrix_workbook(matrix, target, scope)
        except OutputFileError as exc:
            QMessageBox.warning(self, self.tr("Export to Excel"), literal(tr_message(exc)))
            return False
        self.window_.statusBar().showMessage(
            self.tr("Exported the matrix of {0} cases to {1}.").format(total, target), 15000
        )
        return True


def create_view(window: MainWindow) -> QWidget:
    return ComparisonMatrix(window)
