"""Help → User Guide and Help → Keyboard Shortcuts.

The list of shortcuts is read from the window's actions each time it is
shown, so it cannot go stale: whatever has a shortcut is listed, with the menu
it is in. The user guide is an HTML page shipped in resources/ (a translated
page, user-guide.<language>.html, is preferred when there is one), shown in a
window of its own that works offline.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QUrl, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from resources import resource_path

if TYPE_CHECKING:
    from views.main_window import MainWindow

GUIDE_NAME = "user-guide"


def plain_text(text: str) -> str:
    """An action's text without its mnemonic ampersands ("&&" stays one "&")."""
    return re.sub("&(&?)", r"\1", text)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, action, keys) for every action of `window` with a shortcut: those in the
    menu bar first, in menu order, then the others (panels' and context menus')."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def add(action: QAction, where: str) -> None:
        seen.add(id(action))
        keys = action.shortcuts()
        if keys and action.text():
            native = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            rows.append((where, plain_text(action.text()), native))

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, f"{where} → {plain_text(submenu.title())}")
            elif not action.isSeparator():
                add(action, where)

    for top in window.menuBar().actions():
        submenu = top.menu()
        if isinstance(submenu, QMenu):
            walk(submenu, plain_text(submenu.title()))
    for action in window.findChildren(QAction):
        if id(action) not in seen and not action.isSeparator():
            add(action, "")
    return rows


class ShortcutsDialog(QDialog):
    """A table of the window's actions and their keys."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        for row, (where, text, keys) in enumerate(rows):
            for column, value in enumerate((where or self.tr("Panels"), text, keys)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)


def guide_path(language: str = "") -> Path:
    """The user guide for `language` ("zh_CN"; "" for the system's) when there is
    one, else the English one."""
    names = [language] if language and language != "system" else QLocale().uiLanguages()
    for name in names:
        for code in (name.replace("-", "_"), name.split("-")[0].split("_")[0]):
            translated = resource_path(f"{GUIDE_NAME}.{code}.html")
            if translated.is_file():
                return translated
    return resource_path(f"{GUIDE_NAME}.html")


class GuideWindow(QDialog):
    """The user guide, read in a browser pane; links to other sites open outside."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Casebook User Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(720, 760)


class HelpActions(QObject):
    """Help → User Guide and Help → Keyboard Shortcuts of `window`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide_window: GuideWindow | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.guide_action = QAction(self.tr("Casebook &User Guide"), window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        menu = window.help_menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.guide_action)  # type: ignore[arg-type]
        menu.insertAction(first, self.shortcuts_action)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]

    @Slot()
    def show_guide(self) -> None:
        from views.preferences_dialog import language_setting

        if self.guide_window is None:
            path = guide_path(language_setting(self.window.settings))
            self.guide_window = GuideWindow(path, self.window)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()

    @Slot()
    def show_shortcuts(self) -> None:
        """Show the shortcuts as they are now (a new table each time)."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.show()
