"""A QGraphicsView the timeline and the figures chart draw on, reporting clicks on items.

Drawn with Qt's own QGraphicsScene: no plotting library to load when a view
is first opened, text in every script the system fonts cover (Chinese,
Uyghur), and a few thousand items redraw in milliseconds.

What an item means (the case it stands for, its tooltip) is kept here in a
Python dict rather than through setData/setToolTip/setCursor on each item:
fewer calls into Qt per item, and PySide6 6.12 on Python 3.11 drops a
reference to None on every call of a method returning void (see `mark`).
Pens and brushes are made once per colour for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

# What a click on an item means.
CASE_KEY = 0  # a case id: select the case
TARGET_KEY = 1  # anything else the view understands (a timeline cell)


@dataclass(frozen=True)
class Mark:
    key: int | None  # CASE_KEY, TARGET_KEY, or None for a tooltip alone
    value: object
    tooltip: str


class ChartCanvas(QGraphicsView):
    """Shows a scene; a left click on an item carrying data emits `clicked(key, value)`."""

    clicked = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QBrush(QColor("white")))
        self.setMouseTracking(True)
        self.marks: dict[QGraphicsItem, Mark] = {}
        self._pointing = False

    def clear(self) -> None:
        self.marks.clear()
        self.scene().clear()
        self.scene().setSceneRect(0, 0, 1, 1)

    def mark(self, item: QGraphicsItem, key: int | None, value: object, tooltip: str = "") -> None:
        """What `item` means: `clicked(key, value)` on a click, `tooltip` on hover."""
        self.marks[item] = Mark(key, value, tooltip)

    def mark_at(self, pos: Any) -> Mark | None:
        """The mark of the topmost marked item under a viewport position."""
        for item in self.items(pos):
            found = self.marks.get(item)
            if found is not None:
                return found
        return None

    def text(
        self, text: str, x: float, y: float, colour: str = "#222", bold: bool = False
    ) -> QGraphicsSimpleTextItem:
        item = self.scene().addSimpleText(text)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        item.setBrush(brush(colour))
        item.setPos(x, y)
        return item

    def texts(self) -> list[str]:
        """Every text the scene shows (for tests and accessibility checks)."""
        return [
            item.text()
            for item in self.scene().items()
            if isinstance(item, QGraphicsSimpleTextItem)
        ]

    def marked(self, key: int) -> list[tuple[QGraphicsItem, Any]]:
        """(item, value) of every item a click on which emits `key`."""
        return [(item, m.value) for item, m in self.marks.items() if m.key == key]

    def click_item(self, item: QGraphicsItem) -> None:
        """What a left click on `item` does (also used by tests)."""
        found = self.marks.get(item)
        if found is not None and found.key is not None:
            self.clicked.emit(found.key, found.value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.mark_at(event.position().toPoint())
            if found is not None and found.key is not None:
                self.clicked.emit(found.key, found.value)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.mark_at(event.position().toPoint())
        pointing = found is not None and found.key is not None
        if pointing != self._pointing:  # one call per change, not per move
            self._pointing = pointing
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor
            )
        super().mouseMoveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.mark_at(event.pos())
            if found is not None and found.tooltip:
                QToolTip.showText(event.globalPos(), found.tooltip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def finish(self, margin: float = 8) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        self.scene().setSceneRect(rect)


@lru_cache(maxsize=256)
def thin_pen(colour: str = "#888", width: float = 1.0) -> QPen:
    """A cosmetic pen (as wide at any zoom); one per colour and width, shared."""
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    return pen


@lru_cache(maxsize=256)
def brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def point(x: float, y: float) -> QPointF:
    return QPointF(x, y)
