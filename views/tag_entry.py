"""Dialogs for tagging the selected cases: add tags with completion, remove tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from views.commands import ChangeFailed
from views.open_dialog import error_label
from views.translation import arg, tr_message

if TYPE_CHECKING:
    from app.tags import TagInfo

SEPARATOR = ","


def split_tags(text: str) -> list[str]:
    """The tags typed in a field, separated by commas (blank entries dropped)."""
    return [part.strip() for part in text.split(SEPARATOR) if part.strip()]


class TagLineEdit(QLineEdit):
    """A line for several comma-separated tags, completing the one being typed."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.completer_model = QStringListModel(names, self)
        self.tag_completer = QCompleter(self.completer_model, self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_completer.setWidget(self)
        self.tag_completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._complete_current)

    def current_fragment(self) -> str:
        return self.text()[: self.cursorPosition()].rsplit(SEPARATOR, 1)[-1].strip()

    @Slot(str)
    def _complete_current(self, _text: str) -> None:
        fragment = self.current_fragment()
        popup = self.tag_completer.popup()
        if not fragment:
            if popup is not None:
                popup.hide()
            return
        self.tag_completer.setCompletionPrefix(fragment)
        self.tag_completer.complete()

    @Slot(str)
    def _insert_completion(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(SEPARATOR, 1)[0] + f"{SEPARATOR} " if SEPARATOR in before else ""
        self.setText(f"{head}{name}{SEPARATOR} {after.lstrip(SEPARATOR + ' ')}")
        self.setCursorPosition(len(head) + len(name) + 2)


class AddTagsDialog(QDialog):
    """Tags to put on the selected cases, typed with completion from existing tags.

    OK calls `apply` with the names; a refused name keeps the dialog open with
    the reason beside the field.
    """

    def __init__(
        self,
        case_count: int,
        names: list[str],
        apply: Callable[[list[str]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self.setWindowTitle(self.tr("Add Tags"))
        label = QLabel(
            self.tr(
                "Tags for the %n selected case study(s), separated by commas. "
                "Write <i>craft/embroidery</i> for a tag under <i>craft</i>.",
                "",
                case_count,
            ),
            self,
        )
        label.setWordWrap(True)
        self.tags_edit = TagLineEdit(names, self)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("e.g. brick tea, report 2026"))
        self.message = error_label(self)
        self.message.setObjectName("tagMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.tags_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def names(self) -> list[str]:
        return split_tags(self.tags_edit.text())

    def accept(self) -> None:
        from app.tag_names import TagNameError

        names = self.names()
        if not names:
            self.show_problem(self.tr("Type at least one tag."))
            return
        try:
            self._apply(names)
        except TagNameError as exc:
            self.show_problem(tr_message(exc))
            return
        except ChangeFailed as exc:  # the catalogue cannot be written now: the tags stay typed
            self.show_problem(tr_message(exc.__cause__ or exc))
            return
        super().accept()

    def show_problem(self, text: str) -> None:
        """Keep the dialog open with the reason beside the field."""
        self.message.setText(text)
        self.message.show()
        self.tags_edit.setFocus()


class RemoveTagsDialog(QDialog):
    """The tags the selected cases carry; the checked ones are taken off all of them."""

    def __init__(self, case_count: int, tags: list[TagInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove Tags"))
        self.list = QListWidget(self)
        self.list.setObjectName("removeTagsList")
        for tag in tags:
            item = QListWidgetItem(
                arg(self.tr("%1  (%2 of %3)"), tag.name, tag.count, case_count), self.list
            )
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Take these tags off the selected case studies:"), self))
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)

    def names(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]
