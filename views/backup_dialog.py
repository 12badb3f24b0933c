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

KIND_TEXT = {"auto": "automatic", "manual": "made by you", "before-restore": "before a restore"}


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
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class RestoreDialog(QDialog):
    """Lists `backups` (newest first, the first selected); `chosen()` is the one picked."""

    COLUMNS = ("Date", "Size", "Case studies", "Notes", "Kind")

    def __init__(
        self, catalogue: Path, backups: Sequence[BackupRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.backups = list(backups)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Choose a backup to put in place of {catalogue.name}. The catalogue as it is "
            "now is kept as a backup first.",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
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
                KIND_TEXT.get(backup.kind, backup.kind),
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
        ok.setText("Restore")
        ok.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(620, 340)

    def chosen(self) -> BackupRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
