"""Answering QMessageBox's static questions in tests, recording what was asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

Ask = Callable[..., QMessageBox.StandardButton]


class Answers:
    """`answer(button)` gives a stand-in for QMessageBox.warning/question that
    returns `button`; every text it was shown is kept in `asked`."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def answer(self, button: QMessageBox.StandardButton) -> Ask:
        def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
            self.asked.append(text)
            return button

        return ask  # type: ignore[return-value]
