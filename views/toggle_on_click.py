"""Toggling a checkable row with a click, or with Enter from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QStyle


def toggle_on_click(view: QAbstractItemView, toggle: Callable[[QModelIndex], None]) -> None:
    """Call `toggle` once per click or Enter on a row.

    Some styles (KDE's, for one) also emit `activated` on a single click; on
    those, connecting both signals would toggle twice, so `activated` is only
    used where it means the keyboard.
    """
    view.clicked.connect(toggle)
    style = view.style()
    if not style.styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, view):
        view.activated.connect(toggle)
