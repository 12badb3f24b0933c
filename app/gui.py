"""Starting the window: the one place in app/ that imports Qt widgets.

The window is shown first and the catalogue opened just after, so the user
sees Casebook at once even though the database layer takes a moment to load.
Errors nobody caught are logged and shown in a dialog (the window keeps
running); Qt's own warnings go to the log. On quit after changes, the
catalogue is backed up (see app/backups), within a time limit.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import APP_NAME
from app.window_lock import take_lock
from resources import resource_path
from views.main_window import MainWindow
from views.translation import arg

if TYPE_CHECKING:
    from app.store import Catalogue

QUIT_BACKUP_SECONDS = 20.0  # quitting never waits longer for the backup

log = logging.getLogger("casebook.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("casebook")
    return app


def apply_language(app: QApplication, settings: QSettings) -> str:
    """Install the interface language the setting "ui/language" names ("system" by
    default: the system locale's); returns the language shown ("en" or "zh_CN").

    Preferences calls it again when the user picks another language (a window
    built before shows the new language once reopened).
    """
    from views.translation import LANGUAGE_KEY, SYSTEM, install_translation

    language = settings.value(LANGUAGE_KEY, SYSTEM, type=str)
    return install_translation(app, str(language))


_QT_LEVELS = {
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind)
    if level is not None:
        logging.getLogger("casebook.qt").log(level, "%s", message)


class ErrorHandlers:
    """sys.excepthook and Qt's message handler for the window's lifetime.

    An exception nobody caught (in a slot, a timer) is logged with its traceback
    and shown in the error dialog; the event loop goes on. One dialog at a time:
    errors raised while it is open are only logged.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.showing = False
        self.previous_hook: ExceptHook = sys.excepthook
        self.previous_handler: object = None

    def install(self) -> None:
        sys.excepthook = self.hook
        self.previous_handler = qInstallMessageHandler(_qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self.previous_hook
        qInstallMessageHandler(self.previous_handler)  # type: ignore[arg-type]

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous_hook(kind, exc, tb)
            return
        from views.commands import ChangeFailed

        if issubclass(kind, ChangeFailed):  # already told, in words, where the change started
            log.info("a change failed: %s", exc)
            return
        log.error("unexpected error in the window", exc_info=(kind, exc, tb))
        if self.showing:
            return
        from app.db_errors import user_message
        from app.logs import log_location
        from app.service import failure_message
        from views.error_dialog import show_error

        service = self.window._service
        said = failure_message(service.catalogue, exc) if service is not None else user_message(exc)
        message = said or arg(
            QCoreApplication.translate("Gui", "Something went wrong: %1: %2"),
            type(exc).__name__,
            exc,
        )
        details = "".join(traceback.format_exception(kind, exc, tb))
        self.showing = True
        try:
            show_error(self.window, message, details, log_location())
        finally:
            self.showing = False


def backup_on_quit(catalogue: Catalogue, limit: float = QUIT_BACKUP_SECONDS) -> bool:
    """Make the automatic backup of `catalogue` on quit (the caller knows it changed).

    Never raises, and gives up waiting after `limit` seconds (a half backup
    keeps its temporary name, removed by a later rotation). Returns whether a
    backup was made.
    """
    try:
        from app.backups import auto_backup

        made: list[Path | None] = []
        worker = threading.Thread(
            target=lambda: made.append(auto_backup(catalogue.path)),
            name="casebook-quit-backup",
            daemon=True,
        )
        worker.start()
        worker.join(limit)
        if worker.is_alive():
            log.warning("the backup on quit took over %.0f s; not waiting for it", limit)
            return False
        return bool(made and made[0] is not None)
    except Exception:
        log.warning("the backup on quit failed", exc_info=True)
        return False


def _open_asking_password(window: MainWindow, path: Path | str) -> Catalogue:
    """Open the catalogue; a team catalogue's server asking a password that ~/.pgpass
    does not hold gets it from the user, asked again while refused (cancel: the error)."""
    from app.store import PasswordNeededError, open_catalogue
    from views.password_prompt import ask_password

    password: str | None = None
    while True:
        try:
            return open_catalogue(path, password=password)
        except PasswordNeededError as exc:
            password = ask_password(window, exc.refused, str(path))
            if password is None:
                raise


def run_gui(path: Path | str, quit_after_show: bool = False) -> int:
    """Open the window on the catalogue at `path` (a file, or a team catalogue's server
    address, which has no folder to make and no window lock); return the exit status.

    `quit_after_show` is for the start-up benchmark and tests: print the
    times to the window shown and to the catalogue in it, then quit.
    """
    started = time.perf_counter()
    app = _application()
    apply_language(app, QSettings())
    folder = path.parent if isinstance(path, Path) else None
    try:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            arg(
                QCoreApplication.translate("Gui", "Cannot create %1: %2."),
                folder,
                exc.strerror,
            ),
        )
        return 1
    # A team catalogue is shared on purpose: many windows may have it open.
    lock, free = take_lock(path) if isinstance(path, Path) else (None, True)
    if not free:
        QMessageBox.warning(
            None,
            APP_NAME,
            arg(
                QCoreApplication.translate(
                    "Gui",
                    "Casebook is already open on %1. "
                    "Switch to that window, or close it before opening the catalogue again.",
                ),
                path,
            ),
        )
        return 1
    try:
        window = MainWindow(None, QSettings())
        handlers = ErrorHandlers(window)
        handlers.install()
        window.show()
        app.processEvents()  # paint the window before the slower work below
        if quit_after_show:
            print(f"shown {time.perf_counter() - started:.4f}", flush=True)
        status = {"code": 0}

        def open_and_attach() -> None:
            from app.service import CatalogueService
            from app.store import CatalogueError

            # Set after the first paint: loading the SVG plug-in delays the window.
            app.setWindowIcon(QIcon(str(resource_path("icons", "casebook.svg"))))

            try:
                catalogue = _open_asking_password(window, path)
            except CatalogueError as exc:
                log.warning("cannot open %s: %s", path, exc)
                QMessageBox.critical(window, APP_NAME, str(exc))
                status["code"] = 1
                app.exit(1)
                return
            log.info("catalogue %s%s", path, " (read-only)" if catalogue.read_only else "")
            window.attach(CatalogueService(catalogue))
            window.maintenance.catalogue_attached()
            if quit_after_show:
                print(f"loaded {time.perf_counter() - started:.4f}", flush=True)
                app.exit(0)
                return
            window.maintenance.offer_restore_if_damaged()

        QTimer.singleShot(0, open_and_attach)
        result = app.exec()
        # Close without letting "last window closed" post a quit event that
        # would end the next event loop run in this process.
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        window.close()
        opened = window._service.catalogue if window._service is not None else None
        window.deleteLater()
        if opened is not None:
            # Asked before closing: the last connection's close removes the -wal.
            changed = not opened.read_only and opened.changed_since_opened()
            opened.close()
            if changed:
                backup_on_quit(opened)
        handlers.uninstall()
        return status["code"] or int(result)
    finally:
        if lock is not None:
            lock.unlock()
