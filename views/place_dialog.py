"""New Place… and Edit Place…: a place's names, level and the place it lies in.

OK hands the draft to `save` (the app's save_place through MainWindow.change,
so it is one undo step); a refused value is shown under its field and the
dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.places import PLACE_LEVELS, PlaceDraft, PlaceDraftError, PlaceInfo
from views.data_words import level_name
from views.field_messages import message_line, text_field
from views.translation import tr_message


def tree_order(places: list[PlaceInfo]) -> list[tuple[PlaceInfo, int]]:
    """(place, depth) with each place after its parent, children by name."""
    known = {p.id for p in places}
    children: dict[int | None, list[PlaceInfo]] = {}
    for p in places:
        parent = p.parent_id if p.parent_id in known else None
        children.setdefault(parent, []).append(p)
    ordered: list[tuple[PlaceInfo, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for p in sorted(children.get(parent, []), key=lambda p: p.name.casefold()):
            if p.id not in seen:  # a cycle in old data stops here
                seen.add(p.id)
                ordered.append((p, depth))
                walk(p.id, depth + 1)

    walk(None, 0)
    return ordered


class PlaceDialog(QDialog):
    """Edit a place draft; OK calls `save(draft)`, which returns the place's id."""

    def __init__(
        self,
        draft: PlaceDraft,
        places: list[PlaceInfo],
        save: Callable[[PlaceDraft], int],
        place_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Place") if place_id is None else self.tr("Edit Place"))
        self._save = save
        self.saved_id: int | None = None
        self.messages: dict[str, QLabel] = {}
        form = QFormLayout()
        self.name_edit = self._line(form, "name", self.tr("&Name:"), draft.name)
        self.name_zh_edit = self._line(form, "name_zh", self.tr("&Chinese name:"), draft.name_zh)
        self.name_ug_edit = self._line(form, "name_ug", self.tr("&Uyghur name:"), draft.name_ug)
        self.name_ug_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level")
        for level in PLACE_LEVELS:
            self.level_combo.addItem(level_name(level), level)
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(draft.level), 0))
        form.addRow(self.tr("&Level:"), self.level_combo)
        form.addRow("", self._message("level"))
        self.parent_combo = QComboBox(self)
        self.parent_combo.setObjectName("parent")
        self.parent_combo.addItem(self.tr("(none: a top-level place)"), None)
        inside = _inside(places, place_id)
        for place, depth in tree_order(places):
            if place.id not in inside:  # never offer the place itself or a place inside it
                self.parent_combo.addItem("    " * depth + place.label, place.id)
        found = self.parent_combo.findData(draft.parent_id) if draft.parent_id else 0
        self.parent_combo.setCurrentIndex(max(found, 0))
        form.addRow(self.tr("&Lies in:"), self.parent_combo)
        form.addRow("", self._message("parent_id"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _message(self, name: str) -> QLabel:
        return message_line(self, self.messages, name)

    def _line(self, form: QFormLayout, name: str, label: str, text: str) -> QLineEdit:
        return text_field(self, self.messages, form, name, label, text)

    def current_draft(self) -> PlaceDraft:
        parent = self.parent_combo.currentData()
        return PlaceDraft(
            self.name_edit.text(),
            self.name_zh_edit.text(),
            self.name_ug_edit.text(),
            str(self.level_combo.currentData()),
            None if parent is None else int(parent),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.messages.items():
            label.setText(tr_message(problems.get(name, "")))
            label.setVisible(name in problems)

    def accept(self) -> None:
        try:
            self.saved_id = self._save(self.current_draft())
        except PlaceDraftError as exc:
            self.show_problems(exc.problems)
            return
        super().accept()


def _inside(places: list[PlaceInfo], place_id: int | None) -> set[int]:
    """The place and every place inside it (what it cannot be moved into)."""
    if place_id is None:
        return set()
    found = {place_id}
    grew = True
    while grew:
        more = {p.id for p in places if p.parent_id in found} - found
        found |= more
        grew = bool(more)
    return found
