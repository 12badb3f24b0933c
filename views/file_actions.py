"""File → New Catalogue…, Open Catalogue…, Open Recent and Save a Copy….

Each catalogue opens in a window of its own (its own Casebook process, with
its own single-window lock and backup on quit), as documents do in other
desktop applications; this window stays on its catalogue. Open Recent lists
the catalogues opened last (kept in QSettings); one that is gone is shown
greyed out, and Clear Menu forgets them all. Save a Copy writes a consistent
copy through app.catalogue_copy.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QSettings, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from views.error_dialog import show_error
from views.literal_text import literal
from views.translation import tr_message

if TYPE_CHECKING:
    from views.main_window import MainWindow

RECENT_KEY = "file/recent"
MAX_RECENT = 10
STATUS_MS = 15000
CATALOGUE_FILTER = "Casebook catalogues (*.sqlite3 *.db);;All files (*)"

Launcher = Callable[[Path], bool]


def launch_window(path: Path) -> bool:
    """Start Casebook on the catalogue at `path` in a new process; False if it cannot start."""
    started, _pid = QProcess.startDetached(sys.executable, ["-m", "app", "--db", str(path)])
    return bool(started)


def stored_list(settings: QSettings, key: str) -> list[str]:
    """A list of texts kept under `key`, newest first, at most MAX_RECENT."""
    value: object = settings.value(key, [])
    # An INI file gives back a one-item list as a plain string.
    items: list[object] = [value] if isinstance(value, str) else []
    if isinstance(value, (list, tuple)):
        items = list(value)
    return [str(item) for item in items if str(item)][:MAX_RECENT]


def recent_catalogues(settings: QSettings) -> list[Path]:
    """The catalogues opened last, newest first (whether or not they still exist)."""
    return [Path(item) for item in stored_list(settings, RECENT_KEY)]


def remember_catalogue(settings: QSettings, path: Path) -> None:
    """Put `path` first in the recent list (once), keeping at most MAX_RECENT."""
    path = path.resolve()
    kept = [p for p in recent_catalogues(settings) if p != path]
    settings.setValue(RECENT_KEY, [str(p) for p in [path, *kept][:MAX_RECENT]])


class FileActions(QObject):
    """The catalogue actions of `window`'s File menu."""

    def __init__(self, window: MainWindow, launch: Launcher = launch_window) -> None:
        super().__init__(window)
        self.window = window
        self.launch = launch  # replaced in tests
        self.new_action = QAction(self.tr("&New Catalogue…"), window)
        # No shortcut: Ctrl+N makes a new case study, the thing made most often.
        self.new_action.triggered.connect(self.new_catalogue)
        self.open_action = QAction(self.tr("&Open Catalogue…"), window)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_catalogue)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.copy_action = QAction(self.tr("Save a &Copy…"), window)
        self.copy_action.triggered.connect(self.save_a_copy)
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.new_action, self.open_action):
            menu.insertAction(first, action)  # type: ignore[arg-type]
        menu.insertMenu(first, self.recent_menu)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.insertAction(first, self.copy_action)  # type: ignore[arg-type]

    def _current(self) -> Path | None:
        service = self.window._service
        return service.catalogue.path if service is not None else None

    def catalogue_attached(self) -> None:
        """The window shows a catalogue: it goes first in Open Recent.

        Not a team catalogue: Open Recent and Save a Copy are for files (a team
        catalogue is copied with `casebook copy`)."""
        service = self.window._service
        on_server = service is not None and service.catalogue.server is not None
        self.copy_action.setEnabled(not on_server)
        current = self._current()
        if current is not None and not on_server:
            remember_catalogue(self.window.settings, current)

    def _start_folder(self) -> str:
        current = self._current()
        return str(current.parent) if current is not None else str(Path.home())

    # --- opening ------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Show the catalogue at `path`: this window's own, or a new window on it."""
        current = self._current()
        if current is not None and path.exists() and path.resolve() == current.resolve():
            self.window.statusBar().showMessage(
                self.tr("%1 is the catalogue this window shows.").replace("%1", path.name),
                STATUS_MS,
            )
            return True
        if not self.launch(path):
            show_error(
                self.window, self.tr("Could not start Casebook on %1.").replace("%1", str(path))
            )
            return False
        remember_catalogue(self.window.settings, path)
        self.window.statusBar().showMessage(
            self.tr("Opening %1 in a new window…").replace("%1", path.name), STATUS_MS
        )
        return True

    @Slot()
    def new_catalogue(self) -> None:
        from app.catalogue_copy import copy_target

        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New Catalogue"),
            str(Path(self._start_folder()) / "catalogue.sqlite3"),
            CATALOGUE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.create(copy_target(name))

    def create(self, path: Path) -> bool:
        """Open a new window on a new catalogue at `path`; an existing file is never
        replaced (it is refused in words)."""
        if path.exists():
            QMessageBox.information(
                self.window,
                self.tr("New Catalogue"),
                literal(
                    self.tr(
                        "%1 already exists; a new catalogue never replaces a file. "
                        "Open it with File → Open Catalogue…, or choose another name."
                    ).replace("%1", str(path))
                ),
            )
            return False
        if not path.parent.is_dir():
            show_error(
                self.window,
                self.tr("The folder %1 does not exist.").replace("%1", str(path.parent)),
            )
            return False
        return self.open_path(path)

    @Slot()
    def open_catalogue(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Catalogue"), self._start_folder(), CATALOGUE_FILTER
        )
        if name:
            self.open_path(Path(name))

    @Slot()
    def fill_recent_menu(self) -> None:
        """List the recent catalogues; gone ones greyed out, this window's not at all."""
        menu = self.recent_menu
        menu.clear()
        current = self._current()
        shown = [
            p
            for p in recent_catalogues(self.window.settings)
            if current is None or p != current.resolve()
        ]
        for path in shown:
            action = menu.addAction(path.name)
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            if not path.exists():
                action.setText(self.tr("%1 (missing)").replace("%1", path.name))
                action.setEnabled(False)
            else:
                action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not shown:
            empty = menu.addAction(self.tr("No Recent Catalogues"))
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Menu"))
        clear.setEnabled(bool(shown))
        clear.triggered.connect(self.clear_recent)

    @Slot()
    def clear_recent(self) -> None:
        """Forget every recent catalogue but this window's own."""
        current = self._current()
        self.window.settings.setValue(RECENT_KEY, [str(current.resolve())] if current else [])

    # --- a copy -------------------------------------------------------------------

    @Slot()
    def save_a_copy(self) -> None:
        from app.catalogue_copy import copy_target

        current = self._current()
        if current is None:
            return
        from views.preferences_dialog import export_folder

        proposed = export_folder(self.window.settings) / f"{current.stem} copy{current.suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save a Copy"), str(proposed), CATALOGUE_FILTER
        )
        if name:
            self.copy_to(copy_target(name))

    def copy_to(self, target: Path) -> bool:
        """Write a copy of the open catalogue to `target`; say where, or why not."""
        from app.catalogue_copy import CopyError, save_copy

        self.window.notes_panel.flush()  # the note being typed is in the copy
        try:
            save_copy(self.window.service.catalogue.path, target)
        except CopyError as exc:
            show_error(self.window, tr_message(exc))
            return False
        self.window.statusBar().showMessage(
            self.tr("Saved a copy to %1.").replace("%1", str(target)), STATUS_MS
        )
        return True
