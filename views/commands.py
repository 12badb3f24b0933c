"""Undo commands: each change goes through an app function and onto the window's stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.service import CatalogueService
    from app.xlsx.importer import AppliedImport, ImportPlan


class ImportCommand(QUndoCommand):
    """Applying an import is one step; undo takes back exactly what it wrote."""

    def __init__(
        self,
        service: CatalogueService,
        plan: ImportPlan,
        file_name: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(f"import of {file_name}")
        self._service = service
        self._plan = plan
        self._changed = changed
        self._applied: AppliedImport | None = None

    def redo(self) -> None:
        self._applied = self._service.apply_import(self._plan)
        self._changed()

    def undo(self) -> None:
        if self._applied is not None:
            self._service.undo_import(self._applied)
            self._applied = None
        self._changed()
