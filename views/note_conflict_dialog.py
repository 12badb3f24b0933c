"""A note changed by someone else while you wrote it: both texts side by side, you choose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

KEEP_BOTH, KEEP_MINE, KEEP_THEIRS = "both", "mine", "theirs"


class NoteConflictDialog(QDialog):
    """Shows your text and theirs; `choice` is KEEP_BOTH, KEEP_MINE or KEEP_THEIRS."""

    def __init__(self, yours: str, theirs: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare the Two Versions of the Note"))
        self.choice = KEEP_BOTH
        grid = QGridLayout(self)
        intro = QLabel(
            self.tr(
                "Someone else changed this note while you wrote. Both versions are kept "
                "until you choose: keep yours (it replaces theirs in the note), keep "
                "theirs (your copy is deleted), or keep both as two notes. Undo takes "
                "your choice back."
            )
        )
        intro.setWordWrap(True)
        grid.addWidget(intro, 0, 0, 1, 2)
        for column, (heading, text, name) in enumerate(
            (
                (self.tr("Your version"), yours, "noteYours"),
                (self.tr("Their version"), theirs, "noteTheirs"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 1, column)
            view = QPlainTextEdit(text)
            view.setObjectName(name)
            view.setReadOnly(True)
            grid.addWidget(view, 2, column)
        buttons = QDialogButtonBox()
        for label, choice, role in (
            (self.tr("Keep &Mine"), KEEP_MINE, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.tr("Keep &Theirs"), KEEP_THEIRS, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.tr("Keep &Both"), KEEP_BOTH, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button = QPushButton(label)
            button.setObjectName(f"keep_{choice}")
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addButton(button, role)
        grid.addWidget(buttons, 3, 0, 1, 2)
        self.resize(760, 420)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(
            QDialog.DialogCode.Accepted if choice != KEEP_BOTH else QDialog.DialogCode.Rejected
        )
