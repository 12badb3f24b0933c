"""Asking for a team catalogue's password when ~/.pgpass has none (libpq's own prompt's place).

What is typed is handed to the engine for this run only: never written to the
settings, the recent addresses or a log.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_password(parent: QWidget | None, said: str, address: str) -> str | None:
    """The password the user types for `address` (None: cancelled). `said` is the server's
    answer so far, in one line (asked for one, or refused the last)."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("PasswordPrompt", "Password for the Team Catalogue"),
        QCoreApplication.translate(
            "PasswordPrompt",
            "%1\n\nPassword for %2 (kept only while Casebook runs; to be spared this "
            "question, put it in ~/.pgpass):",
        )
        .replace("%1", said)
        .replace("%2", address),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None
