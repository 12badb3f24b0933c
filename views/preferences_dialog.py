"""Edit → Preferences: settings kept per user (QSettings), applied at once.

Your name (signs notes and highlights), the interface language (applied at
the next start), the theme (light, dark or the system's), the font size and
the folder exports go to.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.authorship import AUTHOR_LIMIT, checked_author, default_author
from app.formats.choice import default_folder
from app.typed_path import typed_path
from views.appearance import (
    FONT_SIZE_KEY,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    THEME_KEY,
    font_size_setting,
    system_font_size,
    theme_setting,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from views.main_window import MainWindow

AUTHOR_KEY = "author/name"
LANGUAGE_KEY = "ui/language"
LANGUAGES = ("system", "en", "zh_CN")
EXPORT_FOLDER_KEY = "export/folder"


def author_setting(settings: QSettings) -> str:
    """The name that signs new notes and highlights: as set, else the login name."""
    name = checked_author(str(settings.value(AUTHOR_KEY, "") or ""))
    return name or default_author()


def language_setting(settings: QSettings) -> str:
    """ "system" (follow the system's locale), "en" or "zh_CN"."""
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in LANGUAGES else "system"


def export_folder(settings: QSettings) -> Path:
    """Where the Export dialog proposes to write: the folder chosen in Preferences while
    it exists, else the documents folder (made if missing), else the home folder."""
    chosen = str(settings.value(EXPORT_FOLDER_KEY, "") or "").strip()
    if chosen and typed_path(chosen).is_dir():
        return typed_path(chosen)
    return default_folder(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )


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

        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        # Each language is named in itself, so it can be found whatever is shown now.
        for code, label in (
            ("system", self.tr("System")),
            ("en", "English"),
            ("zh_CN", "中文(简体)"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(language_setting(settings)))
        self.language_note = QLabel(self.tr("Casebook shows the new language when it next starts."))
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.language.currentIndexChanged.connect(self._language_changed)

        self.theme = QComboBox(self)
        self.theme.setObjectName("themeCombo")
        for code, label in (
            ("system", self.tr("As the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(self.theme.findData(theme_setting(settings)))

        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSizeSpin")
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(font_size_setting(settings))
        self.font_size.setToolTip(self.tr("Also View → Zoom In (Ctrl+=) and Zoom Out (Ctrl+-)."))

        self.export_folder = QLineEdit(str(export_folder(settings)), self)
        self.export_folder.setObjectName("exportFolderEdit")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        self.folder_problem = QLabel(self)
        self.folder_problem.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the path
        self.folder_problem.setStyleSheet("color: #c62828")  # readable on light and dark
        self.folder_problem.setWordWrap(True)
        self.folder_problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your &name:"), self.author)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Font size:"), self.font_size)
        form.addRow(self.tr("&Export to:"), folder_row)
        form.addRow("", self.folder_problem)
        form.addRow(buttons)

    @Slot(int)
    def _language_changed(self, _index: int) -> None:
        self.language_note.setVisible(
            self.language.currentData() != language_setting(self.settings)
        )

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export Folder"), self.export_folder.text()
        )
        if folder:
            self.export_folder.setText(folder)

    def accept(self) -> None:
        folder_text = self.export_folder.text().strip()
        folder = typed_path(folder_text) if folder_text else None
        if folder is not None and not folder.is_dir():
            self.folder_problem.setText(
                self.tr("The folder %1 does not exist.").replace("%1", folder_text)
            )
            self.folder_problem.show()
            return
        self.settings.setValue(AUTHOR_KEY, checked_author(self.author.text()))
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.setValue(THEME_KEY, self.theme.currentData())
        size = self.font_size.value()
        self.settings.setValue(FONT_SIZE_KEY, 0 if size == system_font_size() else size)
        self.settings.setValue(EXPORT_FOLDER_KEY, str(folder) if folder is not None else "")
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
            if self.window._service is not None:
                self.apply()
            self.window.appearance.apply()
        dialog.deleteLater()
