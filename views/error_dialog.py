"""The error dialog: a message, a copyable detail (the traceback) and where the log is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from views.literal_text import literal


def error_box(
    parent: QWidget | None, message: str, details: str = "", log_location: str | None = None
) -> QMessageBox:
    """A warning box with `message`, `details` under "Show Details…" (copyable text),
    and a line saying where the log file is."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Casebook"))
    box.setText(literal(message))
    if log_location:
        box.setInformativeText(
            literal(
                QCoreApplication.translate(
                    "ErrorDialog", "Details are also in the log: %1"
                ).replace("%1", log_location)
            )
        )
    if details:
        box.setDetailedText(details)  # plain text: selectable and copyable
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(
    parent: QWidget | None, message: str, details: str = "", log_location: str | None = None
) -> None:
    """Show the error dialog and wait for the user to close it."""
    error_box(parent, message, details, log_location).exec()
