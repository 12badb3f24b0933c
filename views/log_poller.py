"""A team catalogue's change log, read off the GUI thread.

The window asks every second (and at each server notification) what others
changed. For a file that is a local, instant question; for a team catalogue
it is a round trip to the server, and a server gone quiet would hold the
window for the seconds the connection takes to give up, every second. So the
question runs in a thread of its own, one at a time: a request made while one
is out is asked once more when it is back, and the answer comes back through
a queued signal with the service it was for (an answer for a catalogue no
longer shown is dropped by the window).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from app.service import CatalogueService

log = logging.getLogger(__name__)


class LogPoller(QObject):
    # (the service asked, its ChangeSet or None: see CatalogueService.changes_elsewhere)
    arrived = Signal(object, object)
    _answered = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._out: CatalogueService | None = None  # the service a question is out for
        self._again = False
        self._answered.connect(self._on_answer)

    @property
    def busy(self) -> bool:
        return self._out is not None

    def poll(self, service: CatalogueService) -> None:
        """Ask what others changed; the answer comes through `arrived`."""
        if self._out is service:
            self._again = True  # asked while out: ask once more when it is back
            return
        if self._out is not None:
            self.pool.waitForDone()  # another catalogue's question: let it end first
        self._out = service

        def work() -> None:
            from app.changes import ChangeSet

            try:
                news: object = service.changes_elsewhere()
            except Exception:  # never lost in the thread: said in the log, asked again
                log.exception("reading the change log failed")
                news = ChangeSet()
            self._answered.emit(service, news)

        self.pool.start(work)

    def _on_answer(self, service: CatalogueService, news: object) -> None:
        if self._out is service:
            self._out = None
        self.arrived.emit(service, news)
        if self._again:
            self._again = False
            self.poll(service)

    def wait(self) -> None:
        """Block until the question out is answered (closing, or another catalogue)."""
        self.pool.waitForDone()
