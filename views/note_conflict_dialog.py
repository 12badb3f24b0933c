"""A note changed by someone else while you wrote it: both texts side by side, you choose.

The words that differ are marked on each side (difflib over words, the
spaces between them, and each Chinese character), so a one-word change in a
long note is easy to see.
"""

from __future__ import annotations

import difflib
import html
import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QWidget,
)

# Spaces, one Chinese or Japanese character (written without spaces), or a run of
# anything else: the units marked.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKENS = re.compile(rf"\s+|[{_CJK}]|[^\s{_CJK}]+")
MARK = "background: #ffe08a"  # the words one side has and the other not


def marked_html(yours: str, theirs: str) -> tuple[str, str]:
    """Both texts as HTML, each with the words the other lacks marked."""
    a, b = _TOKENS.findall(yours), _TOKENS.findall(theirs)
    out_a: list[str] = []
    out_b: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for tokens, lo, hi, out in ((a, i1, i2, out_a), (b, j1, j2, out_b)):
            text = html.escape("".join(tokens[lo:hi]))
            out.append(text if op == "equal" or not text else f'<span style="{MARK}">{text}</span>')
    return tuple(  # type: ignore[return-value]
        f'<div style="white-space: pre-wrap">{"".join(out)}</div>' for out in (out_a, out_b)
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
        shown = marked_html(yours, theirs)
        for column, (heading, text, name) in enumerate(
            (
                (self.tr("Your version"), shown[0], "noteYours"),
                (self.tr("Their version"), shown[1], "noteTheirs"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 1, column)
            view = QTextEdit()
            view.setObjectName(name)
            view.setReadOnly(True)
            view.setHtml(text)
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
