"""Facet counts computed off the GUI thread; an answer to an older keystroke is dropped.

Typing in the search box asks for counts on every pause; each request gets a
number, runs in Qt's thread pool through the service (its own session and
connection), and comes back through a queued signal. Only the answer to the
newest request is shown, so the window never waits for, nor flashes, stale
counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.case_filter import CaseFilter, Facets

if TYPE_CHECKING:
    from app.service import CatalogueService


class FacetCounter(QObject):
    counted = Signal(object)  # Facets, for the newest request only
    _answered = Signal(int, object)  # (request number, Facets or the exception)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one count at a time; queued requests are skipped
        self._answered.connect(self._on_answer)

    def request(self, service: CatalogueService, flt: CaseFilter) -> None:
        self._latest += 1
        number = self._latest

        def work() -> None:
            if number != self._latest:
                return  # a newer keystroke came before this one started
            try:
                result: object = service.facets(flt)
            except Exception as exc:
                result = exc
            self._answered.emit(number, result)

        self.pool.start(work)

    def _on_answer(self, number: int, result: object) -> None:
        if number != self._latest:
            return
        if isinstance(result, Facets):
            self.counted.emit(result)
        # A failed count leaves the old counts; the table's own query reports problems.

    def wait(self) -> None:
        """Block until every requested count is done (tests, closing the window)."""
        self.pool.waitForDone()
