"""File → Restore from Backup…: the backups with date, size and what they hold."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.translation import QT_TRANSLATE_NOOP, ui_locale

KIND_TEXT = {
    "auto": QT_TRANSLATE_NOOP("RestoreDialog", "automatic"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "made by you"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "before a restore"),
}


class BackupRow(Protocol):
    """What the dialog shows of a backup (app.backups.BackupInfo has these)."""

    @property
    def path(self) -> Path: ...
    @property
    def when_text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def cases(self) -> int | None: ...
    @property
    def notes(self) -> int | None: ...


def size_text(size: int) -> str:
    """The size in KB or MB, written the way the interface's locale writes numbers."""
    locale = ui_locale()
    if size < 1024 * 1024:
        return locale.toString(size / 1024, "f", 0) + " KB"
    return locale.toString(size / 1024 / 1024, "f", 1) + " MB"


class RestoreDialog(QDialog):
    """Lists `backups` (newest first, the first selected); `chosen()` is the one picked."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("RestoreDialog", "Date"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Size"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Case studies"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Notes"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Kind"),
    )

    def __init__(
        self, catalogue: Path, backups: Sequence[BackupRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a backup to put in place of %1. The catalogue as it is "
                "now is kept as a backup first."
            ).replace("%1", catalogue.name),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, backup in enumerate(self.backups):
            cells = (
                backup.when_text,
                size_text(backup.size),
                "?" if backup.cases is None else str(backup.cases),
                "?" if backup.notes is None else str(backup.notes),
                self.tr(KIND_TEXT[backup.kind]) if backup.kind in KIND_TEXT else backup.kind,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Restore"))
        ok.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 340)

    def chosen(self) -> BackupRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
