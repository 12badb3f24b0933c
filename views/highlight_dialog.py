"""The small dialog for a highlight's tag and comment (new or existing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from views.open_dialog import error_label
from views.translation import tr_message

QUOTE_PREVIEW = 200


class HighlightDialog(QDialog):
    """OK calls `apply(tag, comment)`; a refused tag keeps the dialog open with the reason."""

    def __init__(
        self,
        quote: str,
        tag_names: list[str],
        apply: Callable[[str, str], object],
        parent: QWidget | None = None,
        *,
        tag: str = "",
        comment: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Highlight"))
        self._apply = apply
        shown = quote if len(quote) <= QUOTE_PREVIEW else quote[:QUOTE_PREVIEW] + "…"
        self.quote = QLabel(f"“{shown}”", self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.tag_edit = QLineEdit(tag, self)
        self.tag_edit.setObjectName("highlightTag")
        self.tag_edit.setPlaceholderText(self.tr("optional, e.g. key figure"))
        completer = QCompleter(tag_names, self.tag_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(completer)
        self.comment_edit = QPlainTextEdit(comment, self)
        self.comment_edit.setObjectName("highlightComment")
        self.comment_edit.setTabChangesFocus(True)
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.quote)
        form.addRow(self.tr("&Tag:"), self.tag_edit)
        form.addRow("", self.message)
        form.addRow(self.tr("&Comment:"), self.comment_edit)
        form.addRow(self.buttons)
        self.resize(460, 300)

    def accept(self) -> None:
        from app.highlights import HighlightError
        from app.tag_names import TagNameError

        try:
            self._apply(self.tag_edit.text(), self.comment_edit.toPlainText())
        except (TagNameError, HighlightError) as exc:
            self.message.setText(tr_message(exc))
            self.message.show()
            self.tag_edit.setFocus()
            return
        super().accept()
