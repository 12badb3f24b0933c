"""All Notes: every note across the catalogue, most recently written first, with a filter.

A dock at the bottom of the window (View → All Notes). Double-click or Enter
on a note opens its case on the Notes tab with that note in the editor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from views.literal_text import literal
from views.roles import CASE_ID_ROLE, NOTE_ID_ROLE
from views.time_text import local_time_text
from views.translation import QT_TRANSLATE_NOOP, arg, number

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from app.notes import NoteInfo
    from views.main_window import MainWindow

HEADERS = (
    QT_TRANSLATE_NOOP("NotesTableModel", "Updated"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Case study"),
    QT_TRANSLATE_NOOP("NotesTableModel", "Note"),
)
FILTER_DELAY_MS = 200
SHOWN_AT_MOST = 500  # the newest; typing a filter finds older ones
Index = QModelIndex | QPersistentModelIndex


class NotesTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notes: list[NoteInfo] = []

    def set_notes(self, notes: list[NoteInfo]) -> None:
        self.beginResetModel()
        self.notes = notes
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.notes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.notes):
            return None
        note = self.notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return local_time_text(note.updated_at)
            if column == 1:
                return note.case_title
            return " ".join(note.body.split())[:200] or self.tr("(empty note)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(note.body[:1000])
        if role == NOTE_ID_ROLE:
            return note.id
        if role == CASE_ID_ROLE:
            return note.case_id
        return None


class NotesDock(QDockWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(QCoreApplication.translate("NotesDock", "All Notes"), window)
        self.setObjectName("notesDock")
        self.window_ = window
        self.model = NotesTableModel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("notesFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter notes by their words or their case's title…")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("notesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 130)
        header.resizeSection(1, 260)
        self.table.activated.connect(self.open_note)
        self.table.doubleClicked.connect(self.open_note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.filter_edit.textChanged.connect(self._timer.start)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.status = QLabel(self)
        self.status.setObjectName("notesStatus")
        self.status.setStyleSheet("color: #555")
        layout.addWidget(self.status)
        self.setWidget(body)
        self.visibilityChanged.connect(self._on_visibility)

    @Slot(bool)
    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.reload()

    @Slot(object)
    def catalogue_changed(self, scope: ChangeScope) -> None:
        """Notes, or the titles of their cases, may have changed."""
        if scope.touches({"note", "case_study"}):
            self.reload()

    @Slot()
    def reload(self) -> None:
        """Re-read the notes (only while the dock is shown: it is not free on a big catalogue)."""
        self._timer.stop()
        if not self.isVisible() or self.window_._service is None:
            return
        service = self.window_.service
        text = self.filter_edit.text()
        notes = service.all_notes(text, limit=SHOWN_AT_MOST + 1)
        more = len(notes) > SHOWN_AT_MOST
        self.model.set_notes(notes[:SHOWN_AT_MOST])
        if more:
            if text:
                said = self.tr("The %1 most recent notes. Type in the filter to find others.")
            else:
                said = self.tr("The %1 most recent of %2 notes. Type in the filter to find others.")
            self.status.setText(
                arg(said, number(SHOWN_AT_MOST), "" if text else number(service.count_notes()))
            )
        else:
            self.status.setText(self.tr("%n note(s)", "", len(notes)))

    @Slot(QModelIndex)
    def open_note(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        case_id, note_id = index.data(CASE_ID_ROLE), index.data(NOTE_ID_ROLE)
        window = self.window_
        if not window.select_case(case_id):
            window.clear_filters()  # the case is filtered out: show everything
            window.select_case(case_id)
        window.show_note(note_id)
