"""The Qt binding the app runs on: a known PySide6 bug must not be installed."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 drops a reference to None per call like setToolTip; on Python 3.11
    the process aborts ("deallocating None") after a few thousand. pyproject.toml pins
    below it; this fails if such a version comes back."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setToolTip("x")
    assert sys.getrefcount(None) >= before - 50
