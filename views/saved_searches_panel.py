"""The saved searches panel: named filters in the sidebar, each with how many cases it finds.

Double-click (or Enter) puts a saved search's query, facets and tags back in
the window and filters once. Edit → Save Search… (and the button beside the
filter box) keeps the current filter under a name; the context menu renames
and deletes. Each write is one undoable step through `MainWindow.change`.

The counts are of each saved search, not of the current filter, so changing
the filter leaves them alone; they are re-read after a change that touches
what a search can match (cases, tags, notes…) or the saved searches, and
after anything else the window cannot see into (imports, other processes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.case_filter import FACET_DONOR, FACET_FORM, FACET_RECIPIENT, FACET_SECTOR, CaseFilter
from views.literal_text import literal
from views.translation import arg, then, tr_message

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from app.saved_searches import SavedSearchInfo
    from views.main_window import MainWindow

SAVED_ID_ROLE = Qt.ItemDataRole.UserRole + 50
SAVED_NAME_ROLE = Qt.ItemDataRole.UserRole + 51
SAVE_SHORTCUT = "Ctrl+Shift+S"

AnyIndex = QModelIndex | QPersistentModelIndex


class SavedSearchModel(QAbstractListModel):
    """The saved searches, one row each, shown as "Name (count)"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._searches: list[SavedSearchInfo] = []
        self._counts: dict[int, int] = {}
        self._tips: dict[int, str] = {}

    def set_searches(
        self, searches: list[SavedSearchInfo], counts: dict[int, int], tips: dict[int, str]
    ) -> None:
        """Show these searches; a search missing from `counts` shows "(?)"."""
        self.beginResetModel()
        self._searches = list(searches)
        self._counts = dict(counts)
        self._tips = dict(tips)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._searches)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._searches):
            return None
        search = self._searches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            count = self._counts.get(search.id)
            return f"{search.name} ({'?' if count is None else count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._tips.get(search.id, search.name))
        if role == SAVED_ID_ROLE:
            return search.id
        if role == SAVED_NAME_ROLE:
            return search.name
        return None

    def search(self, row: int) -> SavedSearchInfo | None:
        return self._searches[row] if 0 <= row < len(self._searches) else None

    def row_of(self, search_id: int) -> int:
        for row, search in enumerate(self._searches):
            if search.id == search_id:
                return row
        return -1

    def count_of(self, search_id: int) -> int | None:
        return self._counts.get(search_id)


class SavedSearchesPanel(QWidget):
    """The sidebar list of saved searches, with the Save Search… action and button.

    Placing itself: below the tag panel in the window's left splitter, the
    action in the Edit menu, its button at the end of the filter toolbar.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.model = SavedSearchModel(self)
        self.applied_id: int | None = None  # the search last put in the window
        self.title = QLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # greyed, like a placeholder
        self.view = QListView(self)
        self.view.setObjectName("savedSearchList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.activated.connect(self._apply_index)  # double-click or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)

        self.save_action = QAction(self.tr("&Save Search…"), window)
        self.save_action.setObjectName("saveSearchAction")
        self.save_action.setShortcut(QKeySequence(SAVE_SHORTCUT))
        self.save_action.setToolTip(
            self.tr("Keep the current filter under a name (%1)").replace("%1", SAVE_SHORTCUT)
        )
        self.save_action.triggered.connect(self.ask_save)
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.rename_action.triggered.connect(self.rename_current)
        self.delete_action = QAction(self.tr("&Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.view.addAction(self.delete_action)

        menu_actions = window.edit_menu.actions()
        after_find = menu_actions.index(window.find_action) + 1
        if after_find < len(menu_actions):
            window.edit_menu.insertAction(menu_actions[after_find], self.save_action)
        else:
            window.edit_menu.addAction(self.save_action)
        toolbar = window.findChild(QToolBar, "filterToolbar")
        if toolbar is not None:
            toolbar.addAction(self.save_action)
        window.left_splitter.addWidget(self)
        index = window.left_splitter.indexOf(self)
        window.left_splitter.setCollapsible(index, False)  # never restored to nothing

        # Counts are re-read once per burst of changes that can change them.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        window.catalogueChanged.connect(self._on_catalogue_changed)
        self._show_title()

    # --- reading ---------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Re-read the saved searches and their counts, keeping the current one."""
        if self.window_._service is None:
            return
        service = self.window_.service
        current = self.current_id()
        searches = service.saved_searches()
        tips = {}
        for search in searches:
            selection = service.describe_selection(search.selection)
            lines = [search.name]
            lines.append(self.tr("Query: %1").replace("%1", search.query) if search.query else "")
            lines.append(tr_message(selection))
            tips[search.id] = "\n".join(line for line in lines if line)
        self.model.set_searches(searches, service.saved_counts(), tips)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            self.view.setCurrentIndex(self.model.index(row))
        self._show_title()

    def _show_title(self) -> None:
        count = self.model.rowCount()
        self.title.setText(
            self.tr("<b>Saved searches</b> (%1)").replace("%1", str(count))
            if count
            else self.tr("<b>Saved searches</b>")
        )
        self.hint.setText(
            self.tr("Keep the current filter with Edit → Save Search… (%1).").replace(
                "%1", SAVE_SHORTCUT
            )
        )
        self.hint.setVisible(count == 0)

    @Slot(object)
    def _on_catalogue_changed(self, scope: ChangeScope) -> None:
        """A change that touched nothing a search counts (a tag's colour, a note as it
        is typed) leaves the counts as they are."""
        if scope.touches({"saved_search"}) or (self.model.rowCount() and scope.may_change_counts()):
            self._reload_timer.start()

    def _reload_now(self) -> None:
        """Re-read at once what a change of ours made due (rather than on the next turn)."""
        if self._reload_timer.isActive():
            self._reload_timer.stop()
            self.reload()

    def current_id(self) -> int | None:
        value = self.view.currentIndex().data(SAVED_ID_ROLE)
        return int(value) if value is not None else None

    def current_search(self) -> SavedSearchInfo | None:
        index = self.view.currentIndex()
        return self.model.search(index.row()) if index.isValid() else None

    def select_search(self, search_id: int) -> None:
        row = self.model.row_of(search_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    # --- applying --------------------------------------------------------------------

    @Slot(QModelIndex)
    def _apply_index(self, index: QModelIndex) -> None:
        search = self.model.search(index.row()) if index.isValid() else None
        if search is not None:
            self.apply(search)

    def apply(self, search: SavedSearchInfo) -> None:
        """Put the search's query, facets and tags in the window, then filter once."""
        from app.saved_searches import filter_of

        self.applied_id = search.id
        missing = self.show_filter(filter_of(search))
        message = self.tr("Showing the saved search “%1”.").replace("%1", search.name)
        if missing:
            message = then(
                message,
                self.tr(
                    "%1 of its facet values or tags are no longer in the catalogue "
                    "and were left out."
                ).replace("%1", str(missing)),
            )
        self.window_.statusBar().showMessage(message, 8000)

    def show_filter(self, flt: CaseFilter) -> int:
        """Show `flt` in the filter box, facets and tag panel and filter once.

        Returns how many of its facet values and tags the window could not
        show (gone from the catalogue); those are left out of the filter.
        """
        win = self.window_
        win.filter_edit.setText(flt.text)  # its typing delay is stopped by apply_filter below
        missing_facets = win.facet_model.select_only(
            {
                FACET_SECTOR: flt.sectors,
                FACET_DONOR: frozenset(str(i) for i in flt.donor_places),
                FACET_RECIPIENT: frozenset(str(i) for i in flt.recipient_places),
                FACET_FORM: flt.forms,
            }
        )
        missing_tags = win.tag_panel.model.check_only(flt.tags)
        combo = win.tag_panel.mode_combo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(flt.tag_mode)))
        combo.blockSignals(False)
        win.apply_filter()
        return len(missing_facets) + len(missing_tags)

    # --- saving, renaming, deleting -----------------------------------------------------

    def _prefill(self) -> str:
        """The name of the search last applied, if it still exists."""
        if self.applied_id is None:
            return ""
        row = self.model.row_of(self.applied_id)
        search = self.model.search(row)
        return search.name if search is not None else ""

    @Slot()
    def ask_save(self) -> None:
        if self.window_._service is None:
            return
        flt = self.window_.current_filter()
        name, ok = QInputDialog.getText(
            self.window_,
            self.tr("Save Search"),
            self.tr("Name for the current filter (an existing name is replaced):"),
            text=self._prefill(),
        )
        if ok:
            self.save(name, flt)

    def save(self, name: str, flt: CaseFilter) -> bool:
        """Save `flt` as `name` in one undoable step; replacing another filter asks first."""
        from app.saved_searches import (
            SavedSearchNameError,
            filter_of,
            normalise_search_name,
            save_search,
        )

        title = self.tr("Save Search")
        try:
            display, _key = normalise_search_name(name)
        except SavedSearchNameError as exc:
            QMessageBox.warning(self.window_, title, literal(tr_message(exc)))
            return False
        existing = self.window_.service.find_saved(display)
        if existing is not None and filter_of(existing) != flt:
            answer = QMessageBox.question(
                self.window_,
                title,
                literal(
                    self.tr(
                        "A saved search called “%1” exists. Replace its query, facets and "
                        "tags with the current filter? You can undo this."
                    ).replace("%1", existing.name)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        shown = existing.name if existing is not None else display
        try:
            search_id = self.window_.change(
                arg(self.tr("save search '%1'"), shown), save_search, display, flt
            )
        except (SavedSearchNameError, LookupError) as exc:
            QMessageBox.warning(self.window_, title, literal(tr_message(exc)))
            return False
        self.applied_id = search_id
        self._reload_now()  # so the new row can be selected at once
        self.select_search(search_id)
        self.window_.statusBar().showMessage(
            self.tr("Saved the search “%1”.").replace("%1", shown), 5000
        )
        return True

    @Slot()
    def rename_current(self) -> None:
        search = self.current_search()
        if search is None:
            return
        new, ok = QInputDialog.getText(
            self.window_,
            self.tr("Rename Saved Search"),
            literal(self.tr("New name for “%1”:").replace("%1", search.name)),
            text=search.name,
        )
        if ok:
            self.rename(search.id, new)

    def rename(self, search_id: int, new: str) -> bool:
        """Rename a saved search in one undoable step; a refused name says why."""
        from app.saved_searches import SavedSearchNameError, normalise_search_name, rename_saved

        row = self.model.row_of(search_id)
        search = self.model.search(row)
        old = search.name if search is not None else str(search_id)
        title = self.tr("Rename Saved Search")
        try:
            display, _key = normalise_search_name(new)
            self.window_.change(
                arg(self.tr("rename saved search '%1' to '%2'"), old, display),
                rename_saved,
                search_id,
                display,
            )
        except (SavedSearchNameError, LookupError) as exc:
            QMessageBox.warning(self.window_, title, literal(tr_message(exc)))
            return False
        self._reload_now()
        return True

    @Slot()
    def delete_current(self) -> None:
        search = self.current_search()
        if search is not None:
            self.delete(search.id)

    def delete(self, search_id: int) -> bool:
        """Delete a saved search in one undoable step (no question: Undo brings it back)."""
        from app.saved_searches import delete_saved

        search = self.model.search(self.model.row_of(search_id))
        name = search.name if search is not None else str(search_id)
        try:
            self.window_.change(
                arg(self.tr("delete saved search '%1'"), name), delete_saved, search_id
            )
        except LookupError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Delete Saved Search"), literal(tr_message(exc))
            )
            return False
        self._reload_now()
        self.window_.statusBar().showMessage(
            self.tr("Deleted the saved search “%1”. Edit → Undo brings it back.").replace(
                "%1", name
            ),
            8000,
        )
        return True

    @Slot(QPoint)
    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        apply_action = menu.addAction(self.tr("&Show"))
        apply_action.triggered.connect(lambda: self._apply_index(index))
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addAction(self.delete_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))
