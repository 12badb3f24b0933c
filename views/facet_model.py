"""The facet panel's model: groups (sector, donor, ...) with checkable values and counts.

Values stay in place as counts change, so the tree's expansion and the user's
checks survive every refresh; a value with no matching case shows (0) greyed.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.case_filter import FACET_DONOR, FACET_FORM, FACET_RECIPIENT, FACET_SECTOR, Facets
from views.roles import FACET_COUNT_ROLE, FACET_GROUP_ROLE, FACET_KEY_ROLE
from views.translation import QT_TRANSLATE_NOOP, in_chinese

GROUP_LABELS = {
    FACET_SECTOR: QT_TRANSLATE_NOOP("FacetModel", "Sector"),
    FACET_DONOR: QT_TRANSLATE_NOOP("FacetModel", "Donor province"),
    FACET_RECIPIENT: QT_TRANSLATE_NOOP("FacetModel", "Recipient area"),
    FACET_FORM: QT_TRANSLATE_NOOP("FacetModel", "Form of assistance"),
}


class FacetModel(QStandardItemModel):
    selectionChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Facets")])
        self._groups: dict[str, QStandardItem] = {}
        self._values: dict[tuple[str, str], QStandardItem] = {}
        self._quiet = False
        for group, label in GROUP_LABELS.items():
            item = QStandardItem(self.tr(label))
            item.setEditable(False)
            item.setSelectable(False)
            item.setData(group, FACET_GROUP_ROLE)
            self._groups[group] = item
            self.appendRow(item)
        self.itemChanged.connect(self._on_item_changed)

    def update_counts(self, facets: Facets) -> None:
        """Show the new counts; add values never seen before."""
        self._quiet = True
        try:
            seen: set[tuple[str, str]] = set()
            for group, values in facets.groups.items():
                for value in values:
                    seen.add((group, value.key))
                    item = self._values.get((group, value.key))
                    if item is None:
                        label = value.label_zh or value.label if in_chinese() else value.label
                        item = self._new_value(group, value.key, label)
                    self._set_count(item, value.count)
            for key, item in self._values.items():
                if key not in seen:
                    self._set_count(item, 0)
        finally:
            self._quiet = False

    def selected(self, group: str) -> frozenset[str]:
        return frozenset(
            key
            for (g, key), item in self._values.items()
            if g == group and item.checkState() == Qt.CheckState.Checked
        )

    def toggle(self, group: str, key: str) -> None:
        item = self._values[(group, key)]
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def clear_selection(self) -> None:
        changed = False
        self._quiet = True
        try:
            for item in self._values.values():
                if item.checkState() == Qt.CheckState.Checked:
                    item.setCheckState(Qt.CheckState.Unchecked)
                    changed = True
        finally:
            self._quiet = False
        if changed:
            self.selectionChanged.emit()

    def select_only(self, chosen: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
        """Check exactly these values (group → keys), quietly; returns those not shown here."""
        self._quiet = True
        try:
            for (group, key), item in self._values.items():
                checked = key in chosen.get(group, frozenset())
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self._quiet = False
        return {(g, k) for g, keys in chosen.items() for k in keys if (g, k) not in self._values}

    def value_item(self, group: str, key: str) -> QStandardItem | None:
        return self._values.get((group, key))

    def _new_value(self, group: str, key: str, label: str) -> QStandardItem:
        item = QStandardItem(label)
        # Shown with a check box but toggled only by the window's click handler,
        # so one click is one toggle wherever it lands on the row.
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(group, FACET_GROUP_ROLE)
        item.setData(key, FACET_KEY_ROLE)
        item.setData(label, Qt.ItemDataRole.UserRole)
        parent = self._groups[group]
        # Keep values in the interface locale's alphabetical order (pinyin for Chinese).
        collator = QCollator(QLocale())
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        position = parent.rowCount()
        for row in range(parent.rowCount()):
            child = parent.child(row)
            if collator.compare(str(child.data(Qt.ItemDataRole.UserRole)), label) > 0:
                position = row
                break
        parent.insertRow(position, item)
        self._values[(group, key)] = item
        return item

    @staticmethod
    def _set_count(item: QStandardItem, count: int) -> None:
        label = item.data(Qt.ItemDataRole.UserRole)
        item.setText(f"{label} ({count})")
        item.setData(count, FACET_COUNT_ROLE)
        item.setEnabled(count > 0 or item.checkState() == Qt.CheckState.Checked)

    def _on_item_changed(self, item: QStandardItem) -> None:
        if not self._quiet and item.data(FACET_KEY_ROLE) is not None:
            self.selectionChanged.emit()
