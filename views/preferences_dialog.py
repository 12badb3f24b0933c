"""Edit → Preferences: settings kept per user (QSettings), applied at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from app.authorship import AUTHOR_LIMIT, checked_author, default_author

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from views.main_window import MainWindow

AUTHOR_KEY = "author/name"


def author_setting(settings: QSettings) -> str:
    """The name that signs new notes and highlights: as set, else the login name."""
    name = checked_author(str(settings.value(AUTHOR_KEY, "") or ""))
    return name or default_author()


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.author = QLineEdit(author_setting(settings), self)
        self.author.setMaxLength(AUTHOR_LIMIT)
        self.author.setPlaceholderText(default_author())
        self.author.setToolTip(
            self.tr("Signs the notes and highlights you write; exported with them.")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your &name:"), self.author)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue(AUTHOR_KEY, checked_author(self.author.text()))
        super().accept()


class PreferencesController(QObject):
    """Owns Edit → Preferences for one window and applies what is chosen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("&Preferences…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+,"))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.open)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.action)

    def apply(self) -> None:
        self.window.service.author = author_setting(self.window.settings)

    @Slot()
    def open(self) -> None:
        dialog = PreferencesDialog(self.window.settings, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply()
        dialog.deleteLater()
