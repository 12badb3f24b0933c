"""The case editor's place picker: the place tree with a check box on each place.

Places are shown inside the places they lie in (a county under its
prefecture), with a filter box; New Place… and Edit Place… ask the editor,
which opens the place dialog and reloads both sides' pickers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from app.places import PlaceInfo

ID_ROLE = Qt.ItemDataRole.UserRole


class PlacePicker(QWidget):
    """Checkable place tree; `checked()` is the chosen place ids in the order they were chosen."""

    newRequested = Signal(object)  # the selected place's id (the new one's likely parent) or None
    editRequested = Signal(int)

    def __init__(
        self, places: list[PlaceInfo], checked: list[int], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._checked = list(dict.fromkeys(checked))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter places"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"{name}Tree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.new_button = QPushButton(self.tr("New Place…"), self)
        self.new_button.setObjectName(f"{name}NewPlace")
        self.new_button.clicked.connect(lambda: self.newRequested.emit(self.current_id()))
        self.edit_button = QPushButton(self.tr("Edit Place…"), self)
        self.edit_button.setObjectName(f"{name}EditPlace")
        self.edit_button.clicked.connect(self._request_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.set_places(places)

    def set_places(self, places: list[PlaceInfo]) -> None:
        """Show these places (after one was added or edited), keeping what is checked."""
        from views.place_dialog import tree_order

        current = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for place, _depth in tree_order(places):
            parent = items.get(place.parent_id) if place.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, place.label)
            item.setData(0, ID_ROLE, place.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = place.id in self._checked
            item.setCheckState(0, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            items[place.id] = item
        self.tree.blockSignals(False)
        self._items = items
        self._checked = [i for i in self._checked if i in items]
        for place_id in self._checked:  # what is chosen is in view
            self._reveal(items[place_id])
        if current in items:
            self.tree.setCurrentItem(items[current])
        self._apply_filter(self.filter_edit.text())
        self._update_buttons()

    def _reveal(self, item: QTreeWidgetItem) -> None:
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()

    def checked(self) -> list[int]:
        return list(self._checked)

    def check(self, place_id: int) -> None:
        """Check a place (a new one) and bring it into view."""
        item = self._items.get(place_id)
        if item is None:
            return
        item.setCheckState(0, Qt.CheckState.Checked)
        self._reveal(item)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, ID_ROLE))

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_id() is not None)

    @Slot()
    def _request_edit(self) -> None:
        place_id = self.current_id()
        if place_id is not None:
            self.editRequested.emit(place_id)

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        place_id = int(item.data(0, ID_ROLE))
        if item.checkState(0) == Qt.CheckState.Checked:
            if place_id not in self._checked:
                self._checked.append(place_id)
        elif place_id in self._checked:
            self._checked.remove(place_id)

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        """Show the places whose name holds `text`, with the places they lie in."""
        words = text.strip().casefold()
        iterator = QTreeWidgetItemIterator(self.tree)
        shown: set[int] = set()
        while item := iterator.value():
            if not words or words in item.text(0).casefold():
                node: QTreeWidgetItem | None = item
                while node is not None:
                    shown.add(int(node.data(0, ID_ROLE)))
                    if words:
                        node.setExpanded(True)
                    node = node.parent()
            iterator += 1
        iterator = QTreeWidgetItemIterator(self.tree)
        while item := iterator.value():
            item.setHidden(int(item.data(0, ID_ROLE)) not in shown)
            iterator += 1
