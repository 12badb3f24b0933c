"""The catalogue table's Tags column: each tag as its name on a rounded chip in its colour.

A tag without a colour gets a neutral chip that suits the light and the dark
theme. Chips that do not fit end in "+N" (how many more); the cell's tooltip
and its text (for copying and screen readers) list every name.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from views.roles import TAG_CHIPS_ROLE

CHIP_PADDING = 5  # inside a chip, left and right
CHIP_GAP = 4
CHIP_MARGIN = 3  # above and below, within the row


def chip_colours(colour: str, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) of a chip: the tag's colour (else a neutral one from the
    palette) with black or white text, whichever reads better on it."""
    background = QColor(colour) if colour else QColor()
    if not background.isValid():
        window = palette.color(QPalette.ColorRole.Window)
        background = window.darker(125) if window.lightness() >= 128 else window.lighter(160)
    text = QColor("#000000") if background.lightnessF() >= 0.55 else QColor("#ffffff")
    return background, text


class TagChipsDelegate(QStyledItemDelegate):
    """Paints TAG_CHIPS_ROLE's (name, colour) pairs as chips."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chips: tuple[tuple[str, str], ...] = index.data(TAG_CHIPS_ROLE) or ()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and selection only; the chips are the text
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not chips:
            return
        rect = opt.rect.adjusted(CHIP_GAP, CHIP_MARGIN, -CHIP_GAP, -CHIP_MARGIN)
        metrics = opt.fontMetrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = float(rect.left())
        right = float(rect.right())
        for i, (name, colour) in enumerate(chips):
            rest = len(chips) - i - 1
            more = f"+{rest}" if rest else ""
            room_for_more = metrics.horizontalAdvance(more) + CHIP_GAP if more else 0
            width = float(metrics.horizontalAdvance(name) + 2 * CHIP_PADDING)
            available = right - x - room_for_more
            text = name
            if width > available:
                # The last chip that fits takes what room is left, its name elided.
                if available < metrics.horizontalAdvance("…") + 2 * CHIP_PADDING + 8:
                    self._draw_more(painter, opt, x, rect, f"+{rest + 1}")
                    break
                width = available
                text = metrics.elidedText(
                    name, Qt.TextElideMode.ElideRight, int(width) - 2 * CHIP_PADDING
                )
            background, foreground = chip_colours(colour, opt.palette)
            chip = QRectF(x, rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, chip.height() / 2.5, chip.height() / 2.5)
            painter.setPen(foreground)
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
            x += width + CHIP_GAP
            if text != name:
                if more:
                    self._draw_more(painter, opt, x, rect, more)
                break
        painter.restore()

    def _draw_more(
        self, painter: QPainter, opt: QStyleOptionViewItem, x: float, rect: QRect, more: str
    ) -> None:
        """ "+N" after the chips that fit."""
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        area = QRectF(x, rect.top(), max(0.0, rect.right() - x), rect.height())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), more
        )
