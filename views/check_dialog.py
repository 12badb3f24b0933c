"""Tools → Check Catalogue: the check's report in words, with a way to restore."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from views.translation import tr_message


class CheckDialog(QDialog):
    """Shows the lines of a check report; `restore_requested` is set when the user
    asks to restore a backup (offered only when problems were found)."""

    def __init__(self, ok: bool, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check Catalogue"))
        self.restore_requested = False
        layout = QVBoxLayout(self)
        verdict = QLabel(
            self.tr("No problems found.")
            if ok
            else self.tr("Problems found. The details are below."),
            self,
        )
        verdict.setObjectName("checkVerdict")
        layout.addWidget(verdict)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setPlainText("\n".join(tr_message(line) for line in lines))
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        if not ok:
            self.restore_button = QPushButton(self.tr("Restore from Backup…"), self)
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.restore_button.clicked.connect(self._restore)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _restore(self) -> None:
        self.restore_requested = True
        self.accept()
