"""The tag panel: the catalogue's tags as a tree with counts, to filter by and to manage.

Checking tags filters the table ("all of" or "any of" the checked tags; a
parent includes its children). The context menu renames (onto an existing
name: merges), colours and deletes; each is one undoable step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from views.literal_text import literal
from views.roles import TAG_KEY_ROLE, TAG_NAME_ROLE
from views.tag_model import TagTreeModel
from views.toggle_on_click import toggle_on_click
from views.translation import QT_TRANSLATE_NOOP, arg, tr_message

if TYPE_CHECKING:
    from app.case_filter import TagMode
    from app.change_scope import ChangeScope
    from views.main_window import MainWindow

MODES: tuple[tuple[str, TagMode], ...] = (
    (QT_TRANSLATE_NOOP("TagPanel", "Cases with all checked tags"), "all"),
    (QT_TRANSLATE_NOOP("TagPanel", "Cases with any checked tag"), "any"),
)


class TagPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.model = TagTreeModel(self)
        self.title = QLabel(arg("<b>%1</b>", self.tr("Tags")), self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("tagModeCombo")
        for label, mode in MODES:
            self.mode_combo.addItem(self.tr(label), mode)
        self.view = QTreeView(self)
        self.view.setObjectName("tagTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        toggle_on_click(self.view, self._toggle_at)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.mode_combo)
        layout.addWidget(self.view)

        self.rename_action = QAction(self.tr("&Rename or Merge…"), self)
        self.rename_action.triggered.connect(self.rename_current)
        self.colour_action = QAction(self.tr("&Colour…"), self)
        self.colour_action.triggered.connect(self.colour_current)
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.view.addAction(self.delete_action)

    def tag_mode(self) -> TagMode:
        mode: TagMode = self.mode_combo.currentData()
        return mode

    @Slot(object)
    def catalogue_changed(self, scope: ChangeScope) -> None:
        """Re-count only the tags a change touched (the tree stays as it is); rebuild the
        tree when tags were renamed, recoloured or deleted."""
        if not scope.changes_tags():
            return
        ids = scope.tags_to_recount()
        if ids is None:
            self.reload()
        elif ids and self.window_._service is not None:
            self.recount(ids)

    def recount(self, ids: frozenset[int]) -> None:
        """Show these tags' counts (adding any new one), and their parents' counts."""
        from app.tags import parent_keys

        service = self.window_.service
        tags = service.tags(ids)
        parents = parent_keys(tags)
        added = self.model.update_tags(tags, service.tag_counts_under(parents) if parents else {})
        for key in added:  # new tags and parents show open, as after a rebuild
            node = self.model.node_for(key)
            if node is not None:
                self.view.expand(node.index())
        self.title.setText(arg(self.tr("<b>Tags</b> (%1)"), self.model.tag_count()))

    @Slot()
    def reload(self) -> None:
        """Re-read the tags and counts, keeping what the user collapsed, the current
        tag and the scroll position; new tags show expanded."""
        if self.window_._service is None:
            return
        from app.tags import parent_keys

        service = self.window_.service
        tags = service.tags()
        collapsed = {
            key
            for key, node in self.model.nodes().items()
            if node.hasChildren() and not self.view.isExpanded(node.index())
        }
        current = self.key_at(self.view.currentIndex())
        scrolled = self.view.verticalScrollBar().value()
        self.model.set_tags(tags, service.tag_counts_under(parent_keys(tags)))
        self.view.expandAll()
        for key in collapsed:
            node = self.model.node_for(key)
            if node is not None:
                self.view.collapse(node.index())
        if current is not None:
            self.select_tag(current)
        self.view.verticalScrollBar().setValue(scrolled)
        self.title.setText(arg(self.tr("<b>Tags</b> (%1)"), len(tags)))

    def current_name(self) -> str | None:
        index = self.view.currentIndex().siblingAtColumn(0)
        name = index.data(TAG_NAME_ROLE) if index.isValid() else None
        return str(name) if name else None

    def select_tag(self, key: str) -> None:
        node = self.model.node_for(key)
        if node is not None:
            self.view.setCurrentIndex(node.index())

    @Slot(QModelIndex)
    def _toggle_at(self, index: QModelIndex) -> None:
        """A click (or Enter) on a tag adds it to the filter or takes it out."""
        key = self.key_at(index)
        if key is not None:
            self.model.toggle(key)

    @Slot(QPoint)
    def _show_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index.siblingAtColumn(0))
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.addAction(self.colour_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- managing ------------------------------------------------------------------

    @Slot()
    def rename_current(self) -> None:
        name = self.current_name()
        if name is None:
            return
        label = literal(arg(self.tr("New name for “%1” (an existing name merges the two):"), name))
        new, ok = QInputDialog.getText(self, self.tr("Rename Tag"), label, text=name)
        if ok:
            self.rename(name, new)

    def rename(self, name: str, new: str) -> bool:
        """Rename `name` to `new`, or merge it into `new` if that tag exists (asks first)."""
        from app.tag_names import TagNameError, normalise_tag_name
        from app.tags import rename_tag

        try:
            display, key = normalise_tag_name(new)
        except TagNameError as exc:
            QMessageBox.warning(self, self.tr("Rename Tag"), literal(tr_message(exc)))
            return False
        existing = {t.key: t for t in self.window_.service.tags()}
        merging = key in existing and key != normalise_tag_name(name)[1]
        if merging:
            answer = QMessageBox.question(
                self,
                self.tr("Merge Tags"),
                literal(
                    arg(
                        self.tr(
                            "“%1” already exists. Merge “%2” into it? "
                            "Its %n case study(s) and those of “%2” will all carry “%1”.",
                            "",
                            existing[key].count,
                        ),
                        existing[key].name,
                        name,
                    )
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        text = (
            arg(self.tr("merge tag '%1' into '%2'"), name, existing[key].name)
            if merging
            else arg(self.tr("rename tag '%1' to '%2'"), name, display)
        )
        try:
            self.window_.change(text, rename_tag, name, new)
        except (TagNameError, LookupError) as exc:
            QMessageBox.warning(self, self.tr("Rename Tag"), literal(tr_message(exc)))
            return False
        self.select_tag(key)
        return True

    @Slot()
    def colour_current(self) -> None:
        from app.tags import set_tag_colour

        name = self.current_name()
        if name is None:
            return
        colour = QColorDialog.getColor(
            QColor("#ffe066"), self, arg(self.tr("Colour for “%1”"), name)
        )
        if colour.isValid():
            self.window_.change(
                arg(self.tr("colour tag '%1'"), name),
                set_tag_colour,
                name,
                colour.name(QColor.NameFormat.HexRgb),
            )

    @Slot()
    def delete_current(self) -> None:
        name = self.current_name()
        if name is not None:
            self.delete(name)

    def delete(self, name: str) -> bool:
        """Delete a tag (and the tags under it) after saying how many cases carry it."""
        from app.tags import delete_tag

        count = self.window_.service.tag_case_count(name)
        answer = QMessageBox.question(
            self,
            self.tr("Delete Tag"),
            literal(
                arg(
                    self.tr(
                        "Delete the tag “%1” and any tags under it? %n case study(s) carry it. "
                        "The case studies stay; highlights keep their text. You can undo this.",
                        "",
                        count,
                    ),
                    name,
                )
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.window_.change(arg(self.tr("delete tag '%1'"), name), delete_tag, name)
        return True

    def index_of(self, key: str) -> QModelIndex:
        node = self.model.node_for(key)
        return node.index() if node is not None else QModelIndex()

    def key_at(self, index: QModelIndex) -> str | None:
        key = index.siblingAtColumn(0).data(TAG_KEY_ROLE)
        return str(key) if key else None
