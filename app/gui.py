"""Starting the window: the one place in app/ that imports Qt widgets.

The window is shown first and the catalogue opened just after, so the user
sees Casebook at once even though the database layer takes a moment to load.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import APP_NAME
from resources import resource_path
from views.main_window import MainWindow

if TYPE_CHECKING:
    from app.store import Catalogue

LOCK_STALE_MS = 0  # a lock left by a crashed Casebook is detected by its dead PID


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(LOCK_STALE_MS)
    return lock


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("casebook")
    return app


def run_gui(path: Path, quit_after_show: bool = False) -> int:
    """Open the window on the catalogue at `path`; return the exit status.

    `quit_after_show` is for the start-up benchmark and tests: print the
    times to the window shown and to the catalogue in it, then quit.
    """
    started = time.perf_counter()
    app = _application()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.critical(None, APP_NAME, f"Cannot create {path.parent}: {exc.strerror}.")
        return 1
    lock = _lock_for(path)
    if not lock.tryLock(100):
        QMessageBox.warning(
            None,
            APP_NAME,
            f"Casebook is already open on {path}.\n\n"
            "Switch to that window, or close it before opening the catalogue again.",
        )
        return 1
    try:
        window = MainWindow(None, QSettings())
        window.show()
        app.processEvents()  # paint the window before the slower work below
        if quit_after_show:
            print(f"shown {time.perf_counter() - started:.4f}", flush=True)
        status = {"code": 0}
        opened: list[Catalogue] = []

        def open_and_attach() -> None:
            from app.service import CatalogueService
            from app.store import CatalogueError, open_catalogue

            # Set after the first paint: loading the SVG plug-in delays the window.
            app.setWindowIcon(QIcon(str(resource_path("icons", "casebook.svg"))))

            try:
                catalogue = open_catalogue(path)
            except CatalogueError as exc:
                QMessageBox.critical(window, APP_NAME, str(exc))
                status["code"] = 1
                app.exit(1)
                return
            opened.append(catalogue)
            window.attach(CatalogueService(catalogue))
            if quit_after_show:
                print(f"loaded {time.perf_counter() - started:.4f}", flush=True)
                app.exit(0)

        QTimer.singleShot(0, open_and_attach)
        result = app.exec()
        # Close without letting "last window closed" post a quit event that
        # would end the next event loop run in this process.
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.close()
        window.deleteLater()
        for catalogue in opened:
            catalogue.close()
        return status["code"] or int(result)
    finally:
        lock.unlock()
