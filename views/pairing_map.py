"""Placeholder: replaced by the view itself (see views/visual_views.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from views.main_window import MainWindow


def create_view(window: MainWindow) -> QWidget:
    return QLabel("…", window)
