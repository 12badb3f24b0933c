"""The Notes tab: a case's notes, a Markdown editor with a live preview, saved as you type.

There is no Save button. A note is written AUTOSAVE_MS after typing pauses
and, during steady typing, at most MAX_UNSAVED_MS after the first unsaved
key; switching note or case and closing the window write at once. So at most
a second of typing is at risk in a crash. Saves of one note in a row merge
into one undo step.

A save that fails (another process holds the write lock, the disk is full)
keeps the text as pending, shows a warning in the panel and retries every
RETRY_MS, also after the editor has moved on to another note or case; the
window asks before closing with text still pending. A note changed or
deleted elsewhere while it was typed is never overwritten: both versions are
kept, the user's as a new note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from views.roles import NOTE_ID_ROLE
from views.time_text import local_time_text
from views.translation import arg, tr_message

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from app.notes import NoteInfo
    from views.main_window import MainWindow
    from views.note_conflict_dialog import NoteConflictDialog

AUTOSAVE_MS = 500
MAX_UNSAVED_MS = 1000
RETRY_MS = 2000
PREVIEW_MS = 250
MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


def render_markdown(browser: QTextBrowser, text: str) -> None:
    """Markdown as rich text; raw HTML in a note is shown as text, never run as markup."""
    browser.document().setMarkdown(text, MARKDOWN)


class NotesPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.case_id: int | None = None
        self.note_id: int | None = None
        self._notes: dict[int, NoteInfo] = {}
        self._dirty = False  # the editor holds text not yet handed to _pending
        self._base: str | None = None  # the note's stored text the editor started from
        # Text waiting to be written, by note id: (text, the stored text it
        # started from, the note's case).
        self._pending: dict[int, tuple[str, str | None, int]] = {}
        self._loading = False
        self._saving = False
        self._writable = True  # False: the catalogue cannot be changed (notes are read only)

        self.list_model = QStandardItemModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("noteList")
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.selectionModel().selectionChanged.connect(self._on_note_chosen)
        self.new_button = QPushButton(self.tr("&New Note"), self)
        self.new_button.setObjectName("newNoteButton")
        self.new_button.clicked.connect(self.new_note)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteNoteButton")
        self.delete_button.clicked.connect(self.delete_note)

        self.private_check = QCheckBox(self.tr("&Private"), self)
        self.private_check.setObjectName("notePrivate")
        self.private_check.setToolTip(
            self.tr(
                "Only you see a private note: in a team catalogue the server hides it, and "
                "its history, from the other members. It stays out of the search index."
            )
        )
        self.private_check.clicked.connect(self._set_private)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText(
            self.tr("Write in Markdown: **bold**, *italic*, - lists, # headings")
        )
        self.editor.textChanged.connect(self._on_text_changed)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("notePreview")
        self.preview.setOpenLinks(False)
        self.times = QLabel(self)
        self.times.setObjectName("noteTimes")
        self.times.setStyleSheet("color: #555")
        self.warning = QLabel(self)
        self.warning.setObjectName("noteSaveWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(
            "background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; padding: 4px"
        )
        self.warning.hide()
        # After a conflict kept both versions: (their note, your copy) and a button to compare.
        self._conflict: tuple[int, int] | None = None
        self.compare_button = QPushButton(self.tr("&Compare…"), self)
        self.compare_button.setObjectName("compareNoteVersions")
        self.compare_button.clicked.connect(self.compare_versions)
        self.compare_button.hide()

        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(AUTOSAVE_MS)
        self.save_timer.timeout.connect(self.flush)
        self.deadline_timer = QTimer(self)  # not restarted by keys: steady typing is saved too
        self.deadline_timer.setSingleShot(True)
        self.deadline_timer.setInterval(MAX_UNSAVED_MS)
        self.deadline_timer.timeout.connect(self.flush)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.flush)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_MS)
        self.preview_timer.timeout.connect(self._update_preview)

        self.new_action = QAction(self.tr("New &Note"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.triggered.connect(self.new_note)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.private_check)
        texts = QSplitter(Qt.Orientation.Horizontal, self)
        texts.addWidget(self.editor)
        texts.addWidget(self.preview)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning, 1)
        warning_row.addWidget(self.compare_button)
        right_layout.addLayout(warning_row)
        right_layout.addWidget(texts, 1)
        right_layout.addWidget(self.times)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([200, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._show_note(None)

    def set_writable(self, writable: bool) -> None:
        """Notes of a catalogue that cannot be changed are shown, selectable, not editable."""
        self._writable = writable
        self.editor.setReadOnly(not writable)
        self.new_action.setEnabled(writable)
        self.new_button.setEnabled(self.case_id is not None and writable)
        self.delete_button.setEnabled(self.note_id is not None and writable)
        self.private_check.setEnabled(self.note_id is not None and writable)

    # --- which case and note ----------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        """Show a case's notes (saving the note being written first)."""
        self.flush()
        if case_id != self.case_id:
            self.note_id = None
        self.case_id = case_id
        self.reload()

    @Slot(object)
    def catalogue_changed(self, scope: ChangeScope) -> None:
        if scope.changes_notes_of(self.case_id):
            self.reload()

    @Slot()
    def reload(self) -> None:
        """Re-read the notes, keeping the note being typed as it is in the editor."""
        notes = (
            self.window_.service.notes_of_case(self.case_id)
            if self.case_id is not None and self.window_._service is not None
            else []
        )
        self._notes = {n.id: n for n in notes}
        self._loading = True
        try:
            self.list_model.clear()
            for note in notes:
                item = QStandardItem(self._label(note))
                item.setData(note.id, NOTE_ID_ROLE)
                self.list_model.appendRow(item)
        finally:
            self._loading = False
        if self.note_id not in self._notes:
            self.note_id = notes[-1].id if notes else None
        self._select_in_list(self.note_id)
        self._show_note(self._notes.get(self.note_id) if self.note_id is not None else None)
        self.new_button.setEnabled(self.case_id is not None and self._writable)

    def _label(self, note: NoteInfo) -> str:
        by = f" · {note.author}" if note.author else ""
        private = " · " + self.tr("private") if note.private else ""
        first = note.first_line or self.tr("(empty note)")
        return f"{first}\n{local_time_text(note.updated_at)}{by}{private}"

    def _select_in_list(self, note_id: int | None) -> None:
        self._loading = True
        try:
            for row in range(self.list_model.rowCount()):
                if self.list_model.item(row).data(NOTE_ID_ROLE) == note_id:
                    self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        finally:
            self._loading = False

    def select_note(self, note_id: int) -> None:
        self.flush()
        if note_id in self._notes:
            self.note_id = note_id
            self._select_in_list(note_id)
            self._show_note(self._notes[note_id])

    @Slot(QItemSelection, QItemSelection)
    def _on_note_chosen(self, *_: QItemSelection) -> None:
        if self._loading:
            return
        index = self.list_view.currentIndex()
        if index.isValid():
            self.select_note(int(index.data(NOTE_ID_ROLE)))

    def _show_note(self, note: NoteInfo | None) -> None:
        """Put a note in the editor, unless it is the one being typed (its text wins)."""
        self.editor.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None and self._writable)
        self.private_check.setEnabled(note is not None and self._writable)
        self.private_check.setChecked(note is not None and note.private)
        if note is None:
            self._set_editor_text("")
            self.times.setText(
                self.tr("No notes yet. Click New Note to write one.") if self.case_id else ""
            )
            return
        pending = self._pending.get(note.id)
        if pending is not None and not self._dirty:
            # Not yet written: the editor shows what the user typed, not the stored text.
            text, self._base, _ = pending
            if self.editor.toPlainText() != text:
                self._set_editor_text(text)
        elif not self._dirty:
            self._base = note.body
            if self.editor.toPlainText() != note.body:
                self._set_editor_text(note.body)
        if note.author:
            said = self.tr("Created %1 by %3 · updated %2")
        else:
            said = self.tr("Created %1 · updated %2")
        self.times.setText(
            arg(
                said,
                local_time_text(note.created_at),
                local_time_text(note.updated_at),
                note.author,
            )
        )

    def _set_editor_text(self, text: str) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self._update_preview()

    # --- writing ----------------------------------------------------------------------

    @Slot()
    def _on_text_changed(self) -> None:
        if self._loading or self.note_id is None:
            return
        self._dirty = True
        self.save_timer.start()
        if not self.deadline_timer.isActive():
            self.deadline_timer.start()
        self.preview_timer.start()

    @Slot()
    def _update_preview(self) -> None:
        render_markdown(self.preview, self.editor.toPlainText())

    def has_unsaved_text(self) -> bool:
        return self._dirty or bool(self._pending)

    def unsaved_problem(self) -> str:
        """Why text is still unsaved, for the window's question on closing."""
        return self.warning.text()

    @Slot()
    def flush(self) -> bool:
        """Write the note being typed, and any text still pending, now.

        Returns True when nothing is left unsaved. On failure the text stays
        pending (never dropped), the panel says why, and a retry is scheduled.
        """
        self.save_timer.stop()
        self.deadline_timer.stop()
        if self._dirty and self.note_id is not None and self.case_id is not None:
            self._pending[self.note_id] = (self.editor.toPlainText(), self._base, self.case_id)
        self._dirty = False
        return self._save_pending()

    def _save_pending(self) -> bool:
        if self._saving:  # a save refreshes the window, which flushes again: once is enough
            return True
        self._saving = True
        try:
            return self._write_pending()
        finally:
            self._saving = False

    def _write_pending(self) -> bool:
        from app.notes import NoteChangedElsewhereError, NoteError, add_note, update_note
        from app.service import WriteFailedError

        self.retry_timer.stop()
        kept_both = False
        for note_id in list(self._pending):
            text, base, case_id = entry = self._pending.pop(note_id)
            try:
                try:
                    self.window_.change_merging(
                        ("note", note_id), self.tr("edit note"), update_note, note_id, text, base
                    )
                except NoteChangedElsewhereError:
                    new_id = self.window_.change(
                        self.tr("new note (your version)"), add_note, case_id, text
                    )
                    if self.note_id == note_id:
                        self.note_id = new_id
                    kept_both = True
                    self._conflict = (note_id, new_id)
            except (NoteError, WriteFailedError) as exc:
                self._pending[note_id] = entry
                self._show_warning(
                    self.tr(
                        "Not saved yet: %1 Your text is kept here; Casebook keeps trying."
                    ).replace("%1", tr_message(exc))
                )
                self.retry_timer.start()
                return False
            if note_id == self.note_id:
                self._base = text
        if kept_both:
            self.reload()
            self._show_warning(
                self.tr(
                    "This note was changed elsewhere while you wrote. Both versions are "
                    "kept: yours is the new note selected here."
                )
            )
            self.compare_button.show()
        elif self.warning.isVisible():
            self.warning.hide()
            self.compare_button.hide()
            self.window_.statusBar().showMessage(self.tr("Note saved."), 3000)
        return True

    def _show_warning(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()
        self.window_.statusBar().showMessage(text)

    @Slot()
    def new_note(self) -> None:
        from app.notes import add_note

        if self.case_id is None:
            return
        self.flush()
        self.note_id = self.window_.change(self.tr("new note"), add_note, self.case_id, "")
        self.reload()
        self._bring_to_front()  # Ctrl+Shift+N from another tab: typing must visibly land here
        self.editor.setFocus()

    def _bring_to_front(self) -> None:
        """Make the tab (of every tab widget) that holds this panel the current one."""
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QTabWidget):
                for i in range(parent.count()):
                    page = parent.widget(i)
                    if page is not None and (page is self or page.isAncestorOf(self)):
                        parent.setCurrentIndex(i)
            parent = parent.parentWidget()

    @Slot()
    @Slot()
    def compare_versions(self) -> None:
        """Both versions of a note after a conflict, side by side; keep one or both."""
        from app.notes import NoteError, settle_note_conflict
        from views.commands import ChangeFailed
        from views.note_conflict_dialog import KEEP_BOTH, KEEP_MINE, NoteConflictDialog

        if self._conflict is None:
            return
        self.flush()
        theirs_id, mine_id = self._conflict
        theirs, mine = self._notes.get(theirs_id), self._notes.get(mine_id)
        if theirs is None or mine is None:  # one was deleted since: nothing left to choose
            self._conflict = None
            self.compare_button.hide()
            return
        dialog = NoteConflictDialog(mine.body, theirs.body, self)
        self.ask(dialog)
        if dialog.choice == KEEP_BOTH:
            return
        keep_mine = dialog.choice == KEEP_MINE
        label = (
            self.tr("keep my version of the note")
            if keep_mine
            else self.tr("keep their version of the note")
        )
        try:
            kept = self.window_.change(label, settle_note_conflict, theirs_id, mine_id, keep_mine)
        except ChangeFailed:
            return
        except NoteError as exc:
            self._show_warning(tr_message(exc))
            return
        self._conflict = None
        self.compare_button.hide()
        self.warning.hide()
        self.note_id = kept
        self.reload()

    def ask(self, dialog: NoteConflictDialog) -> int:
        """Show the compare dialog and wait (tests stand in for this)."""
        return dialog.exec()

    @Slot(bool)
    def _set_private(self, private: bool) -> None:
        """The Private box, clicked: one undoable step (the server may refuse it)."""
        from app.notes import NoteError, set_note_private
        from views.commands import ChangeFailed

        if self.note_id is None:
            return
        self.flush()
        label = self.tr("make note private") if private else self.tr("share note")
        try:
            self.window_.change(label, set_note_private, self.note_id, private)
        except ChangeFailed:
            pass  # said in a message box; the box shows the note as it is
        except NoteError as exc:
            self._show_warning(tr_message(exc))
        note = self._notes.get(self.note_id) if self.note_id is not None else None
        self.private_check.setChecked(note is not None and note.private)

    def delete_note(self) -> None:
        from app.notes import delete_note

        if self.note_id is None:
            return
        note = self._notes.get(self.note_id)
        if note is None:
            return
        self.flush()  # the last words typed are in the note that undo brings back
        self._pending.pop(note.id, None)
        self.note_id = None
        title = note.first_line[:40]
        label = arg(self.tr("delete note '%1'"), title) if title else self.tr("delete note")
        self.window_.change(label, delete_note, note.id)
