"""Starting the window: the one place in app/ that imports Qt widgets."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import APP_NAME
from app.service import CatalogueService
from app.store import CatalogueError, open_catalogue
from resources import resource_path
from views.main_window import MainWindow

LOCK_STALE_MS = 0  # a lock left by a crashed Casebook is detected by its dead PID


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_name(path.name + ".lock")))
    lock.setStaleLockTime(LOCK_STALE_MS)
    return lock


def run_gui(path: Path, quit_after_show: bool = False) -> int:
    """Open the window on the catalogue at `path`; return the exit status."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "casebook.svg"))))
    app.setDesktopFileName("casebook")

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
        try:
            catalogue = open_catalogue(path)
        except CatalogueError as exc:
            QMessageBox.critical(None, APP_NAME, str(exc))
            return 1
        window = MainWindow(CatalogueService(catalogue), QSettings())
        window.show()
        if quit_after_show:

            def report() -> None:
                print(f"shown {time.perf_counter() - started:.4f}", flush=True)
                app.quit()

            QTimer.singleShot(0, report)
        status = app.exec()
        catalogue.close()
        return int(status)
    finally:
        lock.unlock()
