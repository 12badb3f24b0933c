"""Rename or merge a sector or form of assistance from the facet list's context menu.

As in the tag panel (and as calibre and Zotero do for tags), one action does
both: renaming onto a value that exists merges the two, after asking. Each is
one undoable step through MainWindow.change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from app.case_filter import FACET_FORM, FACET_SECTOR
from views.literal_text import literal
from views.roles import FACET_GROUP_ROLE, FACET_KEY_ROLE
from views.translation import tr_message

if TYPE_CHECKING:
    from app.vocab import Kind
    from views.main_window import MainWindow

# app.vocab's names of the vocabularies, written out: the window is built
# before the database layer loads (app.vocab is imported when a value is renamed).
SECTOR: Kind = "sector"
FORM: Kind = "form"
KIND_OF_GROUP: dict[str, Kind] = {FACET_SECTOR: SECTOR, FACET_FORM: FORM}


class VocabActions(QObject):
    """The facet view's "Rename or Merge…" for sector and form values."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.rename_action = QAction(self.tr("&Rename or Merge…"), self)
        self.rename_action.triggered.connect(self.rename_current)
        view = window.facet_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show_menu)

    def _parent(self) -> QWidget:
        return self.window

    def current(self) -> tuple[Kind, str] | None:
        """(vocabulary, value) of the facet row under the cursor, if it is a sector or form."""
        index: QModelIndex = self.window.facet_view.currentIndex()
        kind = KIND_OF_GROUP.get(index.data(FACET_GROUP_ROLE))
        key = index.data(FACET_KEY_ROLE)
        return None if kind is None or key is None else (kind, str(key))

    @Slot(QPoint)
    def _show_menu(self, pos: QPoint) -> None:
        view = self.window.facet_view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        if self.current() is None:
            return
        menu = QMenu(view)
        menu.addAction(self.rename_action)
        menu.popup(view.viewport().mapToGlobal(pos))

    @Slot()
    def rename_current(self) -> None:
        current = self.current()
        if current is None:
            return
        kind, name = current
        title = self.tr("Rename Sector") if kind == SECTOR else self.tr("Rename Form of Assistance")
        label = self.tr("New name for “{0}” (an existing name merges the two):").format(name)
        new, ok = QInputDialog.getText(self._parent(), title, literal(label), text=name)
        if ok:
            self.rename(kind, name, new)

    def confirm_merge(self, name: str, into: str, count: int) -> bool:
        """Ask before merging (tests answer for the user)."""
        answer = QMessageBox.question(
            self._parent(),
            self.tr("Merge"),
            literal(
                self.tr(
                    "“{0}” already exists. Merge “{1}” into it? Its {2} case studies and those "
                    "of “{1}” will all have “{0}”."
                ).format(into, name, count)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def rename(self, kind: Kind, name: str, new: str) -> bool:
        """Rename the value `name` to `new`, or merge it into `new` if that exists (asks first)."""
        from app.vocab import TermError, list_terms, normalise_term, rename_term

        try:
            display, key = normalise_term(kind, new)
        except TermError as exc:
            QMessageBox.warning(self._parent(), self.tr("Rename"), literal(tr_message(exc)))
            return False
        existing = {t.key: t for t in self.window.service.read(list_terms, kind)}
        merging = key in existing and key != normalise_term(kind, name)[1]
        if merging and not self.confirm_merge(name, existing[key].name, existing[key].count):
            return False
        words = "sector" if kind == SECTOR else "form"
        text = (
            f"merge {words} '{name}' into '{existing[key].name}'"
            if merging
            else f"rename {words} '{name}' to '{display}'"
        )
        try:
            self.window.change(text, rename_term, kind, name, new)
        except TermError as exc:
            QMessageBox.warning(self._parent(), self.tr("Rename"), literal(tr_message(exc)))
            return False
        self._keep_filter(kind, name, existing[key].name if merging else display)
        return True

    def _keep_filter(self, kind: Kind, old: str, new: str) -> None:
        """A ticked value stays ticked under its new name (else the table would empty)."""
        from app.case_filter import FACET_GROUPS, CaseFilter

        window = self.window
        group = FACET_SECTOR if kind == SECTOR else FACET_FORM
        if old not in window.facet_model.selected(group):
            return
        chosen = {g: window.facet_model.selected(g) for g in FACET_GROUPS}
        chosen[group] = (chosen[group] - {old}) | {new}
        # The new name's facet row, before the counts come back from their worker.
        window.facet_model.update_counts(window.service.facets(CaseFilter()))
        window.facet_model.select_only(chosen)
        window.apply_filter()
