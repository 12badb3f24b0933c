"""The one dialog an action has open: opened without blocking, forgotten when closed."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

D = TypeVar("D", bound=QDialog)


class OpenDialog(Generic[D]):
    """Holds a dialog while it is open (so tests and callers can reach it)."""

    def __init__(self) -> None:
        self.dialog: D | None = None

    def open(self, dialog: D) -> None:
        """Show `dialog` window-modal without blocking; delete it once it closes."""
        self.dialog = dialog
        dialog.finished.connect(self._forget)
        dialog.open()

    def _forget(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def error_label(parent: QWidget) -> QLabel:
    """A hidden red message line; plain text, because messages quote what was typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label
