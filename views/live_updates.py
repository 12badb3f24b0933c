"""A team catalogue, live: woken by the server's notifications, and a lost connection said.

Others' steps are announced by the server (app/live.py); a QSocketNotifier on
the listening connection's socket wakes the window, which reads what changed
from the change log at once (MainWindow._check_external_changes), so nothing
here ever waits for the server. The window's one-second poll of the log stays
as the fallback, and catches up after a reconnect.

When the server stops answering (the listener's connection drops, or the
poll fails), the status bar says so in one line and Casebook keeps trying:
the listener reconnects every RETRY_MS, the poll goes on every second. When
both answer again the status bar says the connection is back and a note
still waiting to be written is written at once, and the window reads again
what it could not read meanwhile. A file has none of this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel

from views.translation import arg

if TYPE_CHECKING:
    from app.live import ChangeListener
    from app.service import CatalogueService
    from views.main_window import MainWindow

RETRY_MS = 2000
BACK_MESSAGE_MS = 5000


class LiveUpdates(QObject):
    """The window's listener on a team catalogue's server, and what it says of the connection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._service: CatalogueService | None = None
        self._listener: ChangeListener | None = None
        self._notifier: QSocketNotifier | None = None
        self.lost = False  # the status bar says the connection is lost
        self.label = QLabel(window)
        self.label.setObjectName("connectionLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet("color: #8a1c00")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self._reconnect)

    def start(self, service: CatalogueService) -> None:
        """Listen on `service`'s server (nothing for a file)."""
        self.stop()
        self._service = service
        self._listener = service.change_listener()
        if self._listener is not None:
            self._reconnect()

    def stop(self) -> None:
        """Stop listening and close the connection (the catalogue closes)."""
        self.retry_timer.stop()
        self._drop_notifier()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self._service = None
        self._show_lost(False, quiet=True)

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.connected

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    @Slot()
    def _reconnect(self) -> None:
        from app.live import ListenerLostError

        if self._listener is None:
            return
        self._drop_notifier()
        try:
            socket = self._listener.connect()
        except ListenerLostError:
            self._listener_lost()
            return
        self.retry_timer.stop()
        self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        if self.lost:
            self.window._check_external_changes()  # catch up; says it is back if the log answers

    @Slot()
    def _on_readable(self) -> None:
        from app.live import ListenerLostError

        if self._listener is None or self._service is None:
            return
        try:
            steps = self._listener.received()
        except ListenerLostError:
            self._listener_lost()
            return
        if any(step not in self._service.own_steps for step in steps):
            self.window._check_external_changes()

    def _listener_lost(self) -> None:
        self._drop_notifier()
        if self._listener is not None:
            self._listener.close()
        if not self.retry_timer.isActive():
            self.retry_timer.start()
        self._show_lost(True)

    def polled(self) -> None:
        """After each read of the change log: say whether the server answered."""
        if self._service is None or self._listener is None:
            return
        problem = self._service.connection_problem
        if problem is not None:
            self.label.setToolTip(problem)
        self._show_lost(problem is not None or not self.listening)

    def _show_lost(self, lost: bool, *, quiet: bool = False) -> None:
        if lost == self.lost:
            return
        self.lost = lost
        server = self._service.catalogue.server if self._service is not None else ""
        if lost:
            self.label.setText(arg(self.tr("Lost the connection to %1; trying again…"), server))
            self.label.show()
            return
        self.label.hide()
        self.label.setToolTip("")
        if quiet:
            return
        self.window.statusBar().showMessage(
            arg(self.tr("The connection to %1 is back."), server), BACK_MESSAGE_MS
        )
        self.window.notes_panel.flush()  # a note kept during the outage is written now
        # What could not be read meanwhile (rows drawn blank) is read again, keeping the
        # selection; changes made meanwhile came with the poll that said it is back.
        self.window.catalogue_changed()
