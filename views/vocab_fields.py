"""The case editor's sector and forms of assistance: pick from the catalogue's values.

The sector is a combo box of the values the catalogue holds; a new one is
added only through its "New sector…" entry, and a value typed there that the
catalogue already has (in any case or spacing) selects the existing one. Forms
of assistance are check boxes with a "New form…" button that works the same
way. So "Education" and "education" never become two values by a slip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.vocab import FORM, SECTOR, Kind, TermError, normalise_term
from views.translation import tr_message

# Asks for a new value: (parent, title, label) -> (text, accepted). Tests replace it.
AskText = Callable[[QWidget, str, str], tuple[str, bool]]

NEW_ITEM = "\x00new"  # the data of the combo's "New sector…" entry


def ask_text(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
    return QInputDialog.getText(parent, title, label)


def _matching(kind: Kind, text: str, values: list[str]) -> tuple[str | None, str]:
    """(the existing value `text` names, or None; `text` normalised). TermError if unusable."""
    display, key = normalise_term(kind, text)
    for value in values:
        if normalise_term(kind, value)[1] == key:
            return value, display
    return None, display


class SectorCombo(QComboBox):
    """The catalogue's sectors, "(none)" and "New sector…"; `value()` is the chosen one."""

    def __init__(self, sectors: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sector")
        self.ask: AskText = ask_text
        self.addItem(self.tr("(none)"), "")
        values = list(sectors)
        if current.strip() and _matching(SECTOR, current, values)[0] is None:
            values.append(current.strip())  # as stored, even if no longer on the list
        for value in sorted(values, key=str.casefold):
            self.addItem(value, value)
        self.insertSeparator(self.count())
        self.addItem(self.tr("New sector…"), NEW_ITEM)
        self._previous = 0
        self.set_value(current)
        self.activated.connect(self._on_activated)

    def value(self) -> str:
        data = self.currentData()
        return "" if data in (None, NEW_ITEM) else str(data)

    def set_value(self, text: str) -> None:
        found = self.findData(text.strip()) if text.strip() else 0
        if found < 0:
            existing, _ = _matching(SECTOR, text, self._values())
            found = self.findData(existing) if existing is not None else 0
        self.setCurrentIndex(max(found, 0))
        self._previous = self.currentIndex()

    def _values(self) -> list[str]:
        data = (self.itemData(i) for i in range(self.count()))
        return [str(d) for d in data if d not in (None, "", NEW_ITEM)]

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        if self.itemData(index) != NEW_ITEM:
            self._previous = index
            return
        self.setCurrentIndex(self._previous)  # unless a new value is given below
        text, ok = self.ask(self, self.tr("New Sector"), self.tr("Name of the new sector:"))
        if ok and text.strip():
            try:
                self.add_value(text)
            except TermError as exc:
                QMessageBox.warning(self, self.tr("New Sector"), tr_message(exc))

    def add_value(self, text: str) -> None:
        """Select `text`: the existing value it names, else a new entry (TermError if unusable)."""
        existing, display = _matching(SECTOR, text, self._values())
        if existing is None:
            position = next(
                (i for i in range(1, self.count())
                 if self.itemData(i) in (None, NEW_ITEM)
                 or str(self.itemData(i)).casefold() > display.casefold()),
                self.count(),
            )  # fmt: skip
            self.insertItem(position, display, display)
            existing = display
        self.set_value(existing)


class FormChecks(QWidget):
    """A check box per form of assistance, and "New form…" to add one explicitly."""

    def __init__(self, forms: list[str], checked: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask: AskText = ask_text
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        names = list(forms)
        names += [f for f in checked if _matching(FORM, f, names)[0] is None]
        for name in names:
            self._add(name, name in checked)
        self.new_button = QPushButton(self.tr("New form…"), self)
        self.new_button.setObjectName("newForm")
        self.new_button.clicked.connect(self._ask_new)
        self._place_button()

    def _add(self, name: str, checked: bool) -> None:
        box = QCheckBox(name, self)
        box.setChecked(checked)
        index = len(self.checks)
        self.checks[name] = box
        self.grid.addWidget(box, index // 3, index % 3)

    def _place_button(self) -> None:
        index = len(self.checks)
        self.grid.addWidget(self.new_button, index // 3, index % 3)

    def checked(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    @Slot()
    def _ask_new(self) -> None:
        text, ok = self.ask(
            self, self.tr("New Form of Assistance"), self.tr("Name of the new form of assistance:")
        )
        if ok and text.strip():
            try:
                self.add_form(text)
            except TermError as exc:
                QMessageBox.warning(self, self.tr("New Form of Assistance"), tr_message(exc))

    def add_form(self, text: str) -> None:
        """Tick `text`: the existing form it names, else a new check box (TermError if unusable)."""
        existing, display = _matching(FORM, text, list(self.checks))
        if existing is None:
            self.grid.removeWidget(self.new_button)
            self._add(display, True)
            self._place_button()
        else:
            self.checks[existing].setChecked(True)
