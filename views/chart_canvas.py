"""A QGraphicsView the timeline and the figures chart draw on, reporting clicks on items.

Drawn with Qt's own QGraphicsScene: no plotting library to load when a view
is first opened, text in every script the system fonts cover (Chinese,
Uyghur), tooltips from each item's toolTip, and a few thousand items redraw
in milliseconds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

# Item data keys: what a click on the item means.
CASE_KEY = 0  # a case id: select the case
TARGET_KEY = 1  # anything else the view understands (a timeline cell)


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

    def clear(self) -> None:
        self.scene().clear()
        self.scene().setSceneRect(0, 0, 1, 1)

    def text(
        self, text: str, x: float, y: float, colour: str = "#222", bold: bool = False
    ) -> QGraphicsSimpleTextItem:
        item = self.scene().addSimpleText(text)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        item.setBrush(QBrush(QColor(colour)))
        item.setPos(x, y)
        return item

    def texts(self) -> list[str]:
        """Every text the scene shows (for tests and accessibility checks)."""
        return [
            item.text()
            for item in self.scene().items()
            if isinstance(item, QGraphicsSimpleTextItem)
        ]

    def item_data(self, key: int) -> list[Any]:
        return [item.data(key) for item in self.scene().items() if item.data(key) is not None]

    def click_item(self, item: QGraphicsItem) -> None:
        """What a left click on `item` does (also used by tests)."""
        for key in (CASE_KEY, TARGET_KEY):
            value = item.data(key)
            if value is not None:
                self.clicked.emit(key, value)
                return

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if item is not None:
                self.click_item(item)
                event.accept()
                return
        super().mousePressEvent(event)

    def finish(self, margin: float = 8) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        self.scene().setSceneRect(rect)


def thin_pen(colour: str = "#888", width: float = 1.0) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    return pen


def point(x: float, y: float) -> QPointF:
    return QPointF(x, y)
