"""Forms that show each field's problem in a line under it (the case and place editors)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from views.open_dialog import error_label


def message_line(owner: QWidget, messages: dict[str, QLabel], name: str) -> QLabel:
    """An empty problem line for field `name`, kept in `messages` to be filled later."""
    label = error_label(owner)
    label.setObjectName(f"{name}Message")
    messages[name] = label
    return label


def text_field(
    owner: QWidget, messages: dict[str, QLabel], form: QFormLayout, name: str, label: str,
    text: str,
) -> QLineEdit:  # fmt: skip
    """A one-line text field with its problem line under it."""
    edit = QLineEdit(text, owner)
    edit.setObjectName(name)
    form.addRow(label, edit)
    form.addRow("", message_line(owner, messages, name))
    return edit
