"""Asking for a team catalogue's password when ~/.pgpass has none (libpq's own prompt's place).

What is typed is handed to the engine for this run only: never written to the
settings, the recent addresses or a log.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_password(parent: QWidget | None, refused: bool, address: str) -> str | None:
    """The password the user types for `address` (None: cancelled); `refused`: the server
    turned down the one typed before."""
    said = (
        QCoreApplication.translate("PasswordPrompt", "The server refused that password.")
        if refused
        else QCoreApplication.translate(
            "PasswordPrompt", "The server asks a password, and ~/.pgpass holds none for it."
        )
    )
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
