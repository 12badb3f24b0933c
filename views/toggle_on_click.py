"""Toggling a checkable row with a click, or with Enter or Space from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView


def toggle_on_click(view: QAbstractItemView, toggle: Callable[[QModelIndex], None]) -> None:
    """Call `toggle` once per click, or per Enter or Space on the current row.

    The keys are a shortcut on the view rather than its `activated` signal:
    some styles (KDE's, for one) emit `activated` on a single click too, and
    connecting both would toggle twice.
    """
    view.clicked.connect(toggle)
    keys = QAction(view)
    keys.setShortcuts(
        [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter),
         QKeySequence(Qt.Key.Key_Space)]
    )  # fmt: skip
    keys.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    keys.triggered.connect(lambda: toggle(view.currentIndex()))
    view.addAction(keys)
