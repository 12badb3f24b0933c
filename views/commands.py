"""Undo commands: each change goes through an app function and onto the window's stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.changes import ChangeSet
    from app.service import CatalogueService


class ChangeFailed(Exception):  # noqa: N818 (it is what callers catch: the change failed)
    """A change could not be written. Nothing was written, and the window has already
    said why, in words, where the change started; a caller may simply stop."""


class ChangeCommand(QUndoCommand):
    """One user action already written by `CatalogueService.write`, kept for undo.

    The change is made before the command is pushed (so a refused value
    raises to the caller and nothing reaches the stack); the first redo,
    which QUndoStack.push calls, only refreshes. Undo and redo replay the
    recorded rows. Commands with the same `merge_key` (typing in one note)
    merge into one step. After each, `changed` is told what the step touched,
    so the window redraws only that.
    """

    MERGE_ID = 1

    def __init__(
        self,
        service: CatalogueService,
        text: str,
        changes: ChangeSet,
        changed: Callable[[ChangeSet], None],
        merge_key: object = None,
    ) -> None:
        super().__init__(text)
        self._service = service
        self.changes = changes
        self._changed = changed
        self._merge_key = merge_key
        self._done = True
        self._ahead = False

    def replay_ahead(self, *, undo: bool) -> None:
        """Replay now (checked against others' changes), before the stack moves.

        Raises ReplayConflictError or WriteFailedError, writing nothing; the
        window then leaves the stack where it was and says why.
        """
        self._service.replay(self.changes, undo=undo, text=self.text())
        self._ahead = True

    def id(self) -> int:
        return self.MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other._merge_key != self._merge_key:
            return False
        self.changes.extend(other.changes)
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
        elif not self._ahead:
            self._service.replay(self.changes, undo=False, text=self.text())
        self._ahead = False
        self._changed(self.changes)

    def undo(self) -> None:
        if not self._ahead:
            self._service.replay(self.changes, undo=True, text=self.text())
        self._ahead = False
        self._changed(self.changes)
