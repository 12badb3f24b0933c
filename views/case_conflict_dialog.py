"""Yours and theirs side by side: a case study saved by someone else while you edited it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

SHOWN_CHARACTERS = 600  # a longer text is cut in the dialog, and whole in its tooltip


@dataclass(frozen=True)
class ConflictRow:
    """One field someone else changed: its name, your value, theirs (the stored one), and
    whether you changed it too (then yours is chosen at first; otherwise theirs)."""

    name: str
    label: str
    yours: str
    theirs: str
    both: bool


def _shown(text: str) -> str:
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"


class _Choice(QWidget):
    """A radio button beside its value, wrapped; a click on the value chooses it too."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QRadioButton()
        self.button.setObjectName(name)
        self.button.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setObjectName(f"{name}_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(self.button)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button.setChecked(True)
        super().mousePressEvent(event)


class CaseConflictDialog(QDialog):
    """For each field changed elsewhere, the user picks a version; `theirs_chosen()` tells."""

    def __init__(self, rows: list[ConflictRow], who: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Case Saved by Someone Else"))
        self.setObjectName("case_conflict")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 while you were editing it. Choose, for each field they changed, the "
                "version to keep. Fields only you changed keep your version; nothing is "
                "written until you save."
            ).replace("%1", who)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, heading in enumerate(
            (self.tr("Field"), self.tr("Your version"), self.tr("Their version (saved now)"))
        ):
            label = QLabel(heading)
            label.setFont(bold)
            grid.addWidget(label, 0, column)
        self._theirs: dict[str, QRadioButton] = {}
        for index, row in enumerate(rows, start=1):
            name = QLabel(row.label)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, index, 0)
            if row.both:
                name.setText(self.tr("%1\n(you both changed it)").replace("%1", row.label))
            group = QButtonGroup(self)
            for column, text in enumerate((row.yours, row.theirs), start=1):
                side = "yours" if column == 1 else "theirs"
                choice = _Choice(_shown(text) or self.tr("(empty)"), f"{row.name}_{side}")
                choice.setToolTip(text)
                group.addButton(choice.button)
                grid.addWidget(choice, index, column, Qt.AlignmentFlag.AlignTop)
                if column == 2:
                    self._theirs[row.name] = choice.button
                choice.button.setChecked((column == 1) == row.both)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)

        buttons = QDialogButtonBox()
        save = buttons.addButton(
            self.tr("Save With These Choices"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Back to the Form"), QDialogButtonBox.ButtonRole.RejectRole)
        save.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, min(640, 160 + 70 * len(rows)))

    def theirs_chosen(self) -> set[str]:
        """The fields whose stored version the user keeps."""
        return {name for name, button in self._theirs.items() if button.isChecked()}

    def choose_theirs(self, name: str, theirs: bool = True) -> None:
        """Pick a field's version (as a click on it would)."""
        button = self._theirs[name]
        if theirs:
            button.setChecked(True)
        else:
            other = self.findChild(QRadioButton, f"{name}_yours")
            assert other is not None
            other.setChecked(True)
