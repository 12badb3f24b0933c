"""File → Connect to Team Catalogue…: a team catalogue on a PostgreSQL server, in a new window.

The address (postgresql+psycopg://you@server/casebook) is asked for with the
ones used before offered first; the last MAX_RECENT are remembered in
QSettings. A password is never part of it: libpq finds it in ~/.pgpass (or
the file PGPASSFILE names). As with Open Catalogue…, the catalogue opens in a
Casebook of its own, which says in words what is wrong if the server cannot
be reached.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.paths import server_address_problem
from views.file_actions import MAX_RECENT, stored_list
from views.literal_text import literal

if TYPE_CHECKING:
    from views.main_window import MainWindow

RECENT_TEAM_KEY = "file/recentTeam"
STATUS_MS = 15000

TeamLauncher = Callable[[str], bool]


def launch_team_window(address: str) -> bool:
    """Start Casebook on the team catalogue at `address` in a new process."""
    started, _pid = QProcess.startDetached(sys.executable, ["-m", "app", "--db", address])
    return bool(started)


def recent_addresses(settings: QSettings) -> list[str]:
    """The team catalogues connected to last, newest first."""
    return stored_list(settings, RECENT_TEAM_KEY)


def remember_address(settings: QSettings, address: str) -> None:
    kept = [a for a in recent_addresses(settings) if a != address]
    settings.setValue(RECENT_TEAM_KEY, [address, *kept][:MAX_RECENT])


class TeamConnect(QObject):
    """The File menu's Connect to Team Catalogue… action."""

    def __init__(self, window: MainWindow, launch: TeamLauncher = launch_team_window) -> None:
        super().__init__(window)
        self.window = window
        self.launch = launch  # replaced in tests
        self.action = QAction(self.tr("Connect to &Team Catalogue…"), window)
        self.action.triggered.connect(self.ask)
        menu = window.file_menu
        actions = menu.actions()  # after Open Recent, with the other ways to open one
        after_recent = actions.index(window.file_actions.recent_menu.menuAction()) + 1
        menu.insertAction(actions[after_recent], self.action)

    @Slot()
    def ask(self) -> None:
        recent = recent_addresses(self.window.settings)
        address, ok = QInputDialog.getItem(
            self.window,
            self.tr("Connect to Team Catalogue"),
            self.tr(
                "The team catalogue's address, as your group's administrator gave it\n"
                "(postgresql+psycopg://you@server/casebook). The password goes in ~/.pgpass."
            ),
            recent or ["postgresql+psycopg://"],
            0,
            True,
        )
        if ok:
            self.connect_to(address.strip())

    def connect_to(self, address: str) -> bool:
        """Open the team catalogue at `address` in a new window; say why not if it cannot."""
        problem = server_address_problem(address)
        if problem is not None:
            QMessageBox.warning(self.window, self.tr("Connect to Team Catalogue"), literal(problem))
            return False
        if not self.launch(address):
            QMessageBox.warning(
                self.window,
                self.tr("Connect to Team Catalogue"),
                literal(self.tr("Could not start Casebook on %1.").replace("%1", address)),
            )
            return False
        remember_address(self.window.settings, address)
        self.window.statusBar().showMessage(
            self.tr("Opening %1 in a new window…").replace("%1", address), STATUS_MS
        )
        return True
