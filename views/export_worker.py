"""Running an export off the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from views.translation import tr_message

if TYPE_CHECKING:
    from app.case_filter import CaseFilter
    from app.service import CatalogueService


class ExportWorker(QObject):
    """Lives in a QThread; `run` exports and reports through signals only."""

    progressed = Signal(int, int)
    succeeded = Signal(object)  # ExportSummary
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        service: CatalogueService,
        target: Path,
        flt: CaseFilter | None,
        fmt: str | None = None,
    ) -> None:
        super().__init__()
        self._service = service
        self._target = target
        self._filter = flt
        self._format = fmt
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the export to stop at its next row batch (any thread)."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        from app.atomic_file import OutputFileError
        from app.formats.choice import UnknownFormatError
        from app.xlsx.export import ExportCancelledError

        try:
            summary = self._service.export(
                self._target,
                self._filter,
                progress=lambda done, total: self.progressed.emit(done, total),
                should_cancel=self._cancel.is_set,
                fmt=self._format,
            )
        except ExportCancelledError:
            self.cancelled.emit()
        except (OutputFileError, UnknownFormatError) as exc:
            self.failed.emit(tr_message(exc))
        except Exception as exc:  # report, never crash the window; the file is untouched
            self.failed.emit(
                self.tr("The export failed: %1. Nothing was written.").replace(
                    "%1", tr_message(exc)
                )
            )
        else:
            self.succeeded.emit(summary)
        finally:
            self.finished.emit()
