"""The tag panel's model: tags as a tree ("craft/embroidery" under "craft"), with counts.

Each node shows a check box; the checked nodes are the tag filter. A parent that is
only a prefix of other tags ("craft" when just "craft/jade" exists) is a node
too, so it can be checked, renamed or deleted like a folder. Checks survive a
refresh, so undoing a change does not lose the user's filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from views.literal_text import literal
from views.roles import TAG_KEY_ROLE, TAG_NAME_ROLE
from views.translation import arg

if TYPE_CHECKING:
    from app.tags import TagInfo


def _place_among(parent: QStandardItem, key: str) -> int:
    """The row a child with this key goes to among `parent`'s children, in key order
    (looked for from the end: a whole tree is built in order, so that is where it goes)."""
    row = parent.rowCount()
    while row > 0 and str(parent.child(row - 1).data(TAG_KEY_ROLE)) > key:
        row -= 1
    return row


def _casefold_key(name: str) -> str:
    """The same key app.tag_names gives a stored (already normalised) name."""
    import unicodedata

    return unicodedata.normalize("NFC", name.casefold())


class TagTreeModel(QStandardItemModel):
    checkedChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Cases")])
        self._checked: set[str] = set()
        self._nodes: dict[str, QStandardItem] = {}
        self._counts: dict[str, QStandardItem] = {}
        self._tags: set[str] = set()  # the keys of real tags (not mere parents)
        self._quiet = False
        self.itemChanged.connect(self._on_item_changed)

    def set_tags(self, tags: list[TagInfo], under: dict[str, int] | None = None) -> None:
        """Rebuild the tree from the catalogue's tags, keeping the checks.

        A parent's count is `under[key]`: the cases carrying it or any tag
        below it, which is what checking it shows.
        """
        self._quiet = True
        try:
            self.removeRows(0, self.rowCount())
            self._nodes.clear()
            self._counts.clear()
            self._tags.clear()
            for tag in tags:
                self._show_tag(tag)
            for key, count in (under or {}).items():
                self._show_under(key, count)
            self._checked &= set(self._nodes)
        finally:
            self._quiet = False

    def update_tags(self, tags: list[TagInfo], under: dict[str, int] | None = None) -> list[str]:
        """Show these tags' new counts (and parents' counts `under`), adding the tags not
        shown yet in their places; the rest of the tree stays as it is. Returns the keys
        of the nodes added (a new tag and any new parents)."""
        before = set(self._nodes)
        self._quiet = True
        try:
            for tag in tags:
                self._show_tag(tag)
            for key, count in (under or {}).items():
                self._show_under(key, count)
        finally:
            self._quiet = False
        return [key for key in self._nodes if key not in before]

    def tag_count(self) -> int:
        """How many tags there are (parents that are only prefixes not counted)."""
        return len(self._tags)

    def _show_tag(self, tag: TagInfo) -> None:
        node = self._node(tag.name)
        self._tags.add(tag.key)
        self._counts[tag.key].setData(tag.count, Qt.ItemDataRole.DisplayRole)
        node.setData(QColor(tag.colour) if tag.colour else None, Qt.ItemDataRole.DecorationRole)
        node.setToolTip(literal(arg(self.tr("%1: %n case study(s)", "", tag.count), tag.name)))

    def _show_under(self, key: str, count: int) -> None:
        if key not in self._counts:
            return
        self._counts[key].setData(count, Qt.ItemDataRole.DisplayRole)
        name = self._nodes[key].data(TAG_NAME_ROLE)
        self._nodes[key].setToolTip(
            literal(arg(self.tr("%1 and the tags under it: %n case study(s)", "", count), name))
        )

    def _node(self, name: str) -> QStandardItem:
        """The node for a full tag name, making its parents as needed, each in its place
        among its siblings (in key order, as the catalogue lists tags)."""
        parts = name.split("/")
        parent: QStandardItem = self.invisibleRootItem()
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            key = _casefold_key(path)
            node = self._nodes.get(key)
            if node is None:
                node = QStandardItem(parts[depth - 1])
                node.setEditable(False)
                # Shows a check box but toggles on a click anywhere on the row (the
                # panel calls toggle), as the facets do.
                node.setData(key, TAG_KEY_ROLE)
                node.setData(path, TAG_NAME_ROLE)
                node.setCheckState(
                    Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
                )
                count = QStandardItem()
                count.setEditable(False)
                count.setData(
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    Qt.ItemDataRole.TextAlignmentRole,
                )
                parent.insertRow(_place_among(parent, key), [node, count])
                self._nodes[key] = node
                self._counts[key] = count
            parent = node
        return parent

    def checked_keys(self) -> frozenset[str]:
        return frozenset(self._checked)

    def clear_checks(self, *, notify: bool = True) -> None:
        self._quiet = True
        try:
            for node in self._nodes.values():
                node.setCheckState(Qt.CheckState.Unchecked)
            self._checked.clear()
        finally:
            self._quiet = False
        if notify:
            self.checkedChanged.emit()

    def check_only(self, keys: frozenset[str]) -> set[str]:
        """Check exactly these tags, quietly; returns the keys with no node here."""
        self._quiet = True
        try:
            for key, node in self._nodes.items():
                checked = key in keys
                node.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self._checked = set(keys) & set(self._nodes)
        finally:
            self._quiet = False
        return set(keys) - set(self._nodes)

    def toggle(self, key: str) -> None:
        node = self._nodes.get(key)
        if node is not None:
            checked = node.checkState() == Qt.CheckState.Checked
            node.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def nodes(self) -> dict[str, QStandardItem]:
        """Every node by its key (parents included)."""
        return dict(self._nodes)

    def node_for(self, key: str) -> QStandardItem | None:
        return self._nodes.get(key)

    def _on_item_changed(self, item: QStandardItem) -> None:
        key = item.data(TAG_KEY_ROLE)
        if self._quiet or key is None:
            return
        before = set(self._checked)
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        if before != self._checked:
            self.checkedChanged.emit()
