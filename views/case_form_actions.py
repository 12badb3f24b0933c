"""Edit → New Case…, Edit Case… and Delete Case…, each one undoable step."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from views.case_conflict_dialog import CaseConflictDialog, ConflictRow
from views.literal_text import literal
from views.open_dialog import OpenDialog
from views.translation import arg, tr_message

if TYPE_CHECKING:
    from app.case_edit import CaseChangedElsewhereError, CaseDraft
    from app.changes import Journal
    from views.case_form import CaseFormDialog
    from views.main_window import MainWindow


def _delete_cases(journal: Journal, case_ids: list[int]) -> list[str]:
    """Delete several cases in one transaction (so one undo step); returns their titles."""
    from app.case_edit import delete_case

    return [delete_case(journal, case_id) for case_id in case_ids]


class CaseFormActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.opened: OpenDialog[CaseFormDialog] = OpenDialog()
        self.new_action = QAction(self.tr("&New Case…"), window)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_case)
        self.edit_action = QAction(self.tr("&Edit Case…"), window)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.triggered.connect(self.edit_case)
        self.delete_action = QAction(self.tr("&Delete Case…"), window)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Delete means "this case" only where the table has the focus, never while
        # typing in the filter box or a note.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.table.addAction(self.delete_action)
        self.delete_action.triggered.connect(self.delete_selected)
        window.table.doubleClicked.connect(self.edit_case)
        menu = window.edit_menu
        menu.addSeparator()
        for action in (self.new_action, self.edit_action, self.delete_action):
            menu.addAction(action)
        window.table.selectionModel().selectionChanged.connect(self._update_enabled)
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        count = len(self.window.table.selectionModel().selectedRows())
        count = count if self.window.writable() else 0
        self.edit_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count > 0)

    def _open(self, draft: CaseDraft, case_id: int | None) -> None:
        from app.places import PlaceDraft, list_places
        from app.places import save_place as app_save_place
        from app.vocab import FORM, SECTOR, list_terms
        from views.case_form import CaseFormDialog  # only when asked: keeps start-up light

        window = self.window
        service = window.service

        loaded = copy.deepcopy(draft)

        def save(d: CaseDraft) -> None:
            from app.case_edit import CaseChangedElsewhereError, save_case

            said = self.tr("new case '%1'") if case_id is None else self.tr("edit case '%1'")
            text = arg(said, d.title.strip())
            base = loaded
            while True:
                try:
                    new_id = window.change(text, save_case, case_id, d, base)
                    break
                except CaseChangedElsewhereError as exc:
                    # Someone saved it meanwhile: theirs and yours side by side, the
                    # user chooses, and the choice is saved over what is stored now.
                    assert case_id is not None
                    chosen = self._resolve(case_id, base, d, exc)
                    if chosen is None:
                        raise  # back to the form, the user's edits kept
                    base, d = chosen
            window.select_case(new_id)

        def save_place(place_id: int | None, d: PlaceDraft) -> int:
            text = (
                f"new place '{d.name.strip()}'"
                if place_id is None
                else f"edit place '{d.name.strip()}'"
            )
            return window.change(text, app_save_place, place_id, d)

        dialog = CaseFormDialog(
            draft,
            service.read(list_places),
            service.source_choices(),
            lambda d: service.draft_problems(d, case_id),
            save,
            window,
            sectors=[t.name for t in service.read(list_terms, SECTOR)],
            forms=[t.name for t in service.read(list_terms, FORM)],
            save_place=save_place,
            load_places=lambda: service.read(list_places),
        )
        self.opened.open(dialog)

    def _resolve(
        self, case_id: int, base: CaseDraft, mine: CaseDraft, exc: CaseChangedElsewhereError
    ) -> tuple[CaseDraft, CaseDraft] | None:
        """Merge the user's draft with the stored case, asking about each field changed
        elsewhere; returns (the stored draft, the draft to save), None if the user goes back."""
        from app.case_edit import draft_texts, field_words, merge_drafts, with_fields

        service = self.window.service
        theirs = exc.theirs if exc.theirs is not None else service.draft(case_id)
        merged, conflicts = merge_drafts(base, mine, theirs)
        if not conflicts:
            return theirs, merged
        yours_text, theirs_text = service.read(draft_texts, mine, theirs)
        rows = [
            ConflictRow(
                c.name,
                tr_message(field_words(c.name)),
                yours_text[c.name],
                theirs_text[c.name],
                c.both,
            )
            for c in conflicts
        ]
        dialog = CaseConflictDialog(
            rows, self._who_saved(case_id), self.opened.dialog or self.window
        )
        if self.ask(dialog) != CaseConflictDialog.DialogCode.Accepted:
            return None
        keep_theirs = dialog.theirs_chosen()
        final = with_fields(with_fields(merged, mine, {c.name for c in conflicts}), theirs,
                            keep_theirs)  # fmt: skip
        final.version = theirs.version
        return theirs, final

    def _who_saved(self, case_id: int) -> str:
        """ "Ana saved this case study at 14:02", from the change log, for the conflict dialog."""
        from views.time_text import local_time_text

        service = self.window.service
        for step in service.case_history(case_id):
            if step.id not in service.own_steps:
                return (
                    self.tr("%1 saved this case study at %2")
                    .replace("%1", step.author or self.tr("Someone"))
                    .replace("%2", local_time_text(step.at))
                )
        return self.tr("Someone else saved this case study")

    def ask(self, dialog: CaseConflictDialog) -> int:
        """Show the conflict dialog and wait for the user (tests stand in for this)."""
        return dialog.exec()

    @property
    def dialog(self) -> CaseFormDialog | None:
        return self.opened.dialog

    @Slot()
    def new_case(self) -> None:
        from app.case_edit import CaseDraft

        self._open(CaseDraft(), None)

    @Slot()
    def edit_case(self) -> None:
        ids = self.window.selected_case_ids()
        if len(ids) == 1:
            self._open(self.window.service.draft(ids[0]), ids[0])

    @Slot()
    def delete_selected(self) -> None:
        ids = self.window.selected_case_ids()
        if not ids:
            return
        if len(ids) == 1:
            detail = self.window.service.detail(ids[0])
            question = (
                arg(
                    self.tr(
                        "Delete the case study “%1” with its figures, notes and highlights? "
                        "You can undo this."
                    ),
                    detail.title,
                )
                if detail
                else self.tr(
                    "Delete this case study with its figures, notes and highlights? "
                    "You can undo this."
                )
            )
        else:
            question = self.tr(
                "Delete %n case study(s) with their figures, notes and highlights? "
                "You can undo this.",
                "",
                len(ids),
            )
        answer = QMessageBox.question(self.window, self.tr("Delete Case Study"), literal(question))
        if answer != QMessageBox.StandardButton.Yes:
            return
        titles = self.window.change(
            arg(self.tr("delete case '%1'"), self._title_of(ids))
            if len(ids) == 1
            else self.tr("delete %n case(s)", "", len(ids)),
            _delete_cases,
            ids,
        )
        self.window.statusBar().showMessage(
            arg(self.tr("Deleted %1."), self.tr(", ").join(titles)), 8000
        )

    def _title_of(self, ids: list[int]) -> str:
        detail = self.window.service.detail(ids[0])
        return detail.title if detail else ""
