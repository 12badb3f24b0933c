"""The figures chart tab: one figure name (or unit) across the filtered cases, as bars.

One bar per figure, largest first, labelled with its qualifier ("over 170
people"), a range drawn as an error bar from low to high, the year beside it
and the citation in the tooltip. Only like units are compared: figures in
other units are left out, and the line above the chart says so. A click on a
bar selects its case.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPolygonF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.case_filter import CaseFilter
from app.figures import (
    FigureChoice,
    FigurePoint,
    FigureSeries,
    figure_chart,
    figure_choices,
    figure_series,
)
from app.formatting import format_number, format_quantity
from app.search.language import QueryError
from views.chart_canvas import CASE_KEY, ChartCanvas, brush, point, thin_pen
from views.translation import arg, number
from views.visual_views import FilterFollower

if TYPE_CHECKING:
    from views.main_window import MainWindow

TITLE_WIDTH = 240
NAME_WIDTH = 220  # a figure's name beside its value, when a unit is charted
BAR_AREA = 380.0  # the bars' width at least
ROW = 22.0
BAR_HEIGHT = 14.0
BAR_COLOUR = "#3b73b9"
RANGE_COLOUR = "#9db9dc"

Choice = tuple[str | None, str | None]  # (name, unit)


class FiguresChart(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("figuresChart")
        self.window_ = window
        self.combo = QComboBox(self)
        self.combo.setMinimumContentsLength(30)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.note = QLabel(self)
        self.note.setObjectName("figuresNote")
        self.note.setWordWrap(True)
        self.canvas = ChartCanvas(self)
        self.canvas.clicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Figure:"), self))
        bar.addWidget(self.combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.canvas, 1)
        self.series: FigureSeries | None = None
        self.follower = FilterFollower(self, window, self.redraw)
        self.combo.currentIndexChanged.connect(lambda _i: self._draw_chosen())
        self.follower.refresh()

    def chosen(self) -> Choice | None:
        data = self.combo.currentData()
        return None if data is None else (data[0], data[1])

    def choose(self, name: str | None = None, unit: str | None = None) -> None:
        """Chart the figures called `name` (or in `unit`), keeping it chosen across filters."""
        index = self._index_of((name, unit))
        if index < 0:
            self.combo.addItem(self._choice_text(FigureChoice(name, unit, 0)), (name, unit))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def _index_of(self, choice: Choice) -> int:
        """The combo row of `choice` (compared here: QComboBox.findData compares a
        Python tuple by identity)."""
        for index in range(self.combo.count()):
            data = self.combo.itemData(index)
            if data is not None and (data[0], data[1]) == choice:
                return index
        return -1

    # --- following the window ------------------------------------------------

    @property
    def flt(self) -> CaseFilter:
        """The filter the view shows (the window's, without a view's restriction)."""
        return self.follower.flt

    def follow_filter(self, flt: CaseFilter) -> None:
        self.follower.follow(flt)

    def redraw(self) -> None:
        """Re-read the choices for the filter (keeping the chosen figure, even with
        no case left having it) and draw the chart; a malformed query keeps the last."""
        chosen = self.chosen()
        try:
            if chosen is None:
                choices = self.window_.service.read(figure_choices, self.flt)
                series = None
            else:  # the choices and the chosen figure's series in one read of the filter
                choices, series = self.window_.service.read(figure_chart, self.flt, *chosen)
        except QueryError:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        for choice in choices:
            self.combo.addItem(self._choice_text(choice), (choice.name, choice.unit))
        if chosen is not None and self._index_of(chosen) < 0:
            self.combo.insertItem(0, self._choice_text(FigureChoice(*chosen, 0)), chosen)
        self.combo.setCurrentIndex(max(0, self._index_of(chosen)) if chosen else 0)
        self.combo.blockSignals(False)
        if series is None:
            self._draw_chosen()
        else:
            self.draw(series)

    def _choice_text(self, choice: FigureChoice) -> str:
        cases = self.tr("%Ln case(s)", "", choice.cases)
        if choice.name is not None:
            return f"{choice.name} ({cases})"
        return self.tr("Unit: %1").replace("%1", str(choice.unit)) + f" ({cases})"

    def _draw_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.series = None
            self._empty(self.tr("No figures in the cases shown."))
            return
        try:
            series = self.window_.service.read(figure_series, self.flt, chosen[0], chosen[1])
        except QueryError:
            return
        self.draw(series)

    # --- drawing ---------------------------------------------------------------

    def _empty(self, message: str) -> None:
        self.note.setText(message)
        self.canvas.clear()
        self.canvas.text(message, 0, 0, "#666")
        self.canvas.finish()

    def draw(self, series: FigureSeries) -> None:
        self.series = series
        if not series.points:
            what = series.name if series.name is not None else series.unit
            self._empty(
                self.tr("No figure called \u201c%1\u201d in the cases shown.").replace("%1", what)
                if series.name is not None
                else self.tr("No figure in %1 in the cases shown.").replace("%1", what)
            )
            return
        no_unit = self.tr("no unit")
        notes = [arg(self.tr("%Ln figure(s) in %1", "", series.total), series.unit or no_unit)]
        if len(series.points) < series.total:
            notes.append(self.tr("the %1 largest shown").replace("%1", number(len(series.points))))
        if series.units_differ:
            others = self.tr(", ").join(
                arg(self.tr("%1 in %2"), number(n), unit or no_unit)
                for unit, n in series.other_units
            )
            notes.append(
                self.tr("%Ln figure(s) in other units left out: ", "", series.left_out) + others
            )
        self.note.setText(self.tr("; ").join(notes) + self.tr("."))
        canvas = self.canvas
        canvas.clear()
        metrics = QFontMetrics(self.font())
        peak = max((max(p.top, 0.0) for p in series.points), default=0.0) or 1.0

        # The bars take the view's width, leaving room for the longest label.
        reserve = 260 + (NAME_WIDTH if series.name is None else 0)
        area = max(BAR_AREA, self.canvas.viewport().width() - TITLE_WIDTH - reserve)

        def x_of(v: float) -> float:
            return TITLE_WIDTH + 10 + max(v, 0.0) / peak * area

        canvas.scene().addLine(x_of(0), -4, x_of(0), ROW * len(series.points), thin_pen("#555"))
        for row, p in enumerate(series.points):
            top = row * ROW
            title = canvas.text(
                metrics.elidedText(p.title, Qt.TextElideMode.ElideRight, TITLE_WIDTH), 0, top
            )
            title.setPos(TITLE_WIDTH - title.boundingRect().width(), top + 1)
            canvas.mark(title, CASE_KEY, p.case_id, _tooltip(p))
            end = self._draw_bar(p, x_of, top + (ROW - BAR_HEIGHT) / 2)
            label = format_quantity(p.value, p.low, p.high, "", p.qualifier)
            if p.period:
                label += f"   {p.period}"
            if series.name is None:  # charting a unit: say which figure each bar is
                name = metrics.elidedText(p.name, Qt.TextElideMode.ElideRight, NAME_WIDTH)
                label += f"   ({name})"
            canvas.text(label, end + 6, top + 1, "#333")
        self._draw_scale(x_of, peak, ROW * len(series.points))
        canvas.finish()

    def _draw_bar(self, p: FigurePoint, x_of: Callable[[float], float], top: float) -> float:
        """Draw one figure's bar (and error bar); the x its labels start after."""
        scene = self.canvas.scene()
        ranged = p.value is None
        fill = RANGE_COLOUR if ranged else BAR_COLOUR
        x0, x1 = x_of(0.0), x_of(p.size)
        bar = scene.addRect(x0, top, max(x1 - x0, 1.0), BAR_HEIGHT,
                            thin_pen(QColor(fill).darker(130).name()), brush(fill))  # fmt: skip
        self.canvas.mark(bar, CASE_KEY, p.case_id, _tooltip(p))
        end = x1
        mid = top + BAR_HEIGHT / 2
        if ranged and p.low is not None and p.high is not None:
            low, high = x_of(p.low), x_of(p.high)
            pen = thin_pen("#1d3d66", 1.5)
            scene.addLine(low, mid, high, mid, pen)
            scene.addLine(low, top, low, top + BAR_HEIGHT, pen)
            scene.addLine(high, top, high, top + BAR_HEIGHT, pen)
            end = high
        if p.qualifier in ("over", "nearly", "under"):
            # "over": more than the bar shows, a head pointing on; "nearly"/"under": less.
            tip = end + 6.0 if p.qualifier == "over" else end - 6.0
            head = QPolygonF([point(end, top), point(tip, mid), point(end, top + BAR_HEIGHT)])
            scene.addPolygon(head, thin_pen("#1d3d66"), brush("#1d3d66"))
            end = max(end, tip)
        return end

    def _draw_scale(self, x_of: Callable[[float], float], peak: float, bottom: float) -> None:
        scene = self.canvas.scene()
        scene.addLine(x_of(0.0), bottom + 2, x_of(peak), bottom + 2, thin_pen("#555"))
        for tick in nice_ticks(peak):
            x = x_of(tick)
            scene.addLine(x, bottom + 2, x, bottom + 6, thin_pen("#555"))
            text = self.canvas.text(format_number(tick), 0, bottom + 8, "#444")
            text.setPos(x - text.boundingRect().width() / 2, bottom + 8)

    # --- clicks ------------------------------------------------------------------

    def _clicked(self, key: int, value: object) -> None:
        if key == CASE_KEY and isinstance(value, int):
            self.window_.go_to_case(value)


def nice_ticks(peak: float) -> list[float]:
    """Round tick values from 0 up to at most `peak`: steps of 1, 2 or 5 times a power of 10."""
    if peak <= 0:
        return [0.0]
    raw = peak / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [i * step for i in range(int(peak // step) + 1)]


def _tooltip(p: FigurePoint) -> str:
    lines = [p.title, f"{p.name}: {format_quantity(p.value, p.low, p.high, p.unit, p.qualifier)}"]
    if p.period:
        lines[-1] += f" ({p.period})"
    translate = QCoreApplication.translate
    lines.append(
        arg(translate("FiguresChart", "Source: %1"), p.citation)
        if p.citation
        else translate("FiguresChart", "Source: none given")
    )
    return "\n".join(lines)


def create_view(window: MainWindow) -> QWidget:
    return FiguresChart(window)
