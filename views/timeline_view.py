"""The timeline tab: the filtered cases on a year axis, in lanes by sector, donor or recipient.

A small result draws one bar per case (an arrowhead when it is ongoing); a
click selects the case. A large one draws each lane's density per year
(shaded by how many cases run that year); a click narrows the table to that
lane and year. Follows the window's filter; while hidden it only notes that
it is out of date and redraws when shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.case_filter import CaseFilter
from app.search.language import QueryError
from app.timeline import (
    Bar,
    GroupBy,
    Timeline,
    TimelineCache,
    cell_case_ids,
    no_period_ids,
    timeline_rows,
)
from views.chart_canvas import CASE_KEY, TARGET_KEY, ChartCanvas, brush, point, thin_pen
from views.time_text import period_text
from views.visual_views import FilterFollower

if TYPE_CHECKING:
    from views.main_window import MainWindow

YEAR_WIDTH = 34.0  # at most; narrower down to MIN_YEAR_WIDTH to fit the view
MIN_YEAR_WIDTH = 14.0
ROW_HEIGHT = 14.0
BAR_HEIGHT = 10.0
CELL_HEIGHT = 22.0
LANE_GAP = 6.0
LABEL_WIDTH_MAX = 260.0
AXIS_HEIGHT = 24.0
BAR_COLOUR = "#3b73b9"
ONGOING_COLOUR = "#2f9e6e"


def pack_rows(bars: list[Bar]) -> list[int]:
    """The row within its lane of each bar: the first row whose last bar ends before it."""
    ends: list[int] = []
    rows: list[int] = []
    for bar in bars:
        for row, end in enumerate(ends):
            if end < bar.start:
                ends[row] = bar.end
                rows.append(row)
                break
        else:
            ends.append(bar.end)
            rows.append(len(ends) - 1)
    return rows


class TimelineView(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("timelineView")
        self.window_ = window
        self.group_combo = QComboBox(self)
        for label, key in ((self.tr("Sector"), "sector"), (self.tr("Donor"), "donor"),
                           (self.tr("Recipient"), "recipient")):  # fmt: skip
            self.group_combo.addItem(label, key)
        self.summary = QLabel(self)
        self.no_period_button = QPushButton(self)
        self.no_period_button.setFlat(True)
        self.no_period_button.setToolTip(self.tr("Show these cases in the table"))
        self.no_period_button.clicked.connect(self._show_no_period)
        self.canvas = ChartCanvas(self)
        self.canvas.clicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Group by:"), self))
        bar.addWidget(self.group_combo)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.no_period_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.timeline: Timeline | None = None
        self.cache = TimelineCache()  # periods and lanes, read again when the catalogue changes
        self.follower = FilterFollower(self, window, self.redraw, self.cache.clear)
        self.group_combo.currentIndexChanged.connect(lambda _i: self.redraw())
        self.follower.refresh()

    def group_by(self) -> GroupBy:
        key: GroupBy = self.group_combo.currentData()
        return key

    # --- following the window ------------------------------------------------

    @property
    def flt(self) -> CaseFilter:
        """The filter the view shows (the window's, without a view's restriction)."""
        return self.follower.flt

    def follow_filter(self, flt: CaseFilter) -> None:
        self.follower.follow(flt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.timeline is not None and event.oldSize().width() != event.size().width():
            self.draw(self.timeline)  # the years take the new width

    def redraw(self) -> None:
        """Read the timeline for the current filter and draw it; a malformed query
        keeps the last drawing (the search bar says what is wrong)."""
        try:
            timeline = self.window_.service.read(
                timeline_rows, self.flt, self.group_by(), None, self.cache
            )
        except QueryError:
            return
        self.draw(timeline)

    # --- drawing ---------------------------------------------------------------

    def _cases(self, n: int) -> str:
        return self.tr("%Ln case(s)", "", n)

    def draw(self, timeline: Timeline) -> None:
        self.timeline = timeline
        canvas = self.canvas
        canvas.clear()
        first, last = timeline.first_year, timeline.last_year
        shown = self._cases(timeline.cases)
        if timeline.aggregated:
            shown += self.tr(" (cases running each year; click a cell to list them)")
        self.summary.setText(shown)
        self.no_period_button.setVisible(timeline.no_period > 0)
        self.no_period_button.setText(
            self.tr("%1 with no period").replace("%1", self._cases(timeline.no_period))
        )
        if first is None or last is None:
            canvas.text(self.tr("No case shown has a start year."), 0, 0, "#666")
            canvas.finish()
            return
        labels = [canvas.text(lane.label, 0, 0, bold=True) for lane in timeline.lanes]
        label_width = min(
            LABEL_WIDTH_MAX, max((t.boundingRect().width() for t in labels), default=0) + 12
        )
        for item in labels:  # long labels are cut at the label column, full in the tooltip
            canvas.mark(item, None, None, item.text())
        years = range(first, last + 1)
        # As wide as the view allows, between a readable minimum and a maximum.
        room = self.canvas.viewport().width() - label_width - 24
        year_width = max(MIN_YEAR_WIDTH, min(YEAR_WIDTH, room / len(years)))

        def x_of(year: float) -> float:
            return label_width + (year - first) * year_width

        y = AXIS_HEIGHT
        lane_tops: dict[str, float] = {}
        lane_heights: dict[str, float] = {}
        if timeline.aggregated:
            peak = max(c.count for c in timeline.cells)
            for lane in timeline.lanes:
                lane_tops[lane.key], lane_heights[lane.key] = y, CELL_HEIGHT
                y += CELL_HEIGHT + LANE_GAP
            names = {lane.key: lane.label for lane in timeline.lanes}
            for cell in timeline.cells:
                fill, edge = _shade(cell.count / peak)
                rect = canvas.scene().addRect(
                    x_of(cell.year) + 1, lane_tops[cell.lane], year_width - 2, CELL_HEIGHT,
                    thin_pen(edge), brush(fill),
                )  # fmt: skip
                tip = (
                    self.tr("%1: %2 running in %3")
                    .replace("%1", names[cell.lane])
                    .replace("%2", self._cases(cell.count))
                    .replace("%3", str(cell.year))
                )
                canvas.mark(rect, TARGET_KEY, (cell.lane, cell.year), tip)
        else:
            by_lane: dict[str, list[Bar]] = {}
            for b in timeline.bars:
                by_lane.setdefault(b.lane, []).append(b)
            for lane in timeline.lanes:
                bars = by_lane.get(lane.key, [])
                rows = pack_rows(bars)
                height = max(rows, default=0) * ROW_HEIGHT + ROW_HEIGHT
                lane_tops[lane.key], lane_heights[lane.key] = y, max(height, 20)
                for b, row in zip(bars, rows, strict=True):
                    self._draw_bar(b, x_of(b.start), x_of(b.end + 1), y + 3 + row * ROW_HEIGHT)
                y += lane_heights[lane.key] + LANE_GAP
        for index, (lane, item) in enumerate(zip(timeline.lanes, labels, strict=True)):
            top = lane_tops[lane.key]
            if index % 2 == 0:  # alternate shading keeps a lane's bars and label together
                band = canvas.scene().addRect(
                    0, top - LANE_GAP / 2, x_of(last + 1), lane_heights[lane.key] + LANE_GAP,
                    thin_pen("#ffffff", 0), brush("#f2f4f7"),
                )  # fmt: skip
                band.setZValue(-2)
            item.setPos(0, top + 2)
            if item.boundingRect().width() > label_width - 12:
                item.setText(_elided(item.text(), int(label_width - 12), item))
        self._draw_axis(years, x_of, year_width, y)
        canvas.finish()

    def _draw_bar(self, b: Bar, x0: float, x1: float, top: float) -> None:
        scene = self.canvas.scene()
        fill = ONGOING_COLOUR if b.ongoing else BAR_COLOUR
        edge = thin_pen(QColor(fill).darker(130).name())
        item: QGraphicsItem
        if b.ongoing:  # an arrowhead: runs on past this year
            tip = 7.0
            mid = top + BAR_HEIGHT / 2
            shape = QPolygonF([
                point(x0, top), point(x1 - tip, top), point(x1 - tip, top - 2), point(x1, mid),
                point(x1 - tip, top + BAR_HEIGHT + 2), point(x1 - tip, top + BAR_HEIGHT),
                point(x0, top + BAR_HEIGHT),
            ])  # fmt: skip
            item = scene.addPolygon(shape, edge, brush(fill))
        else:
            item = scene.addRect(
                x0 + 1, top, x1 - x0 - 2, BAR_HEIGHT,
                edge, brush(fill),
            )  # fmt: skip
        period = period_text(b.start, None if b.ongoing else b.end, b.ongoing)
        if not b.ongoing and b.end == b.start:
            period = str(b.start)
        self.canvas.mark(item, CASE_KEY, b.case_id, f"{b.title}\n{period}")

    def _draw_axis(self, years: range, x_of: Any, year_width: float, bottom: float) -> None:
        canvas = self.canvas
        scene = canvas.scene()
        step = 1 if year_width >= 32 else 2 if year_width >= 18 else 5
        scene.addLine(x_of(years[0]), AXIS_HEIGHT - 4, x_of(years[-1] + 1), AXIS_HEIGHT - 4,
                      thin_pen("#555"))  # fmt: skip
        for year in years:
            x = x_of(year)
            scene.addLine(x, AXIS_HEIGHT - 8, x, AXIS_HEIGHT - 4, thin_pen("#555"))
            if year % step == 0 or step == 1:
                grid = scene.addLine(x, AXIS_HEIGHT - 4, x, bottom, thin_pen("#e3e6ea"))
                grid.setZValue(-1)
                label = canvas.text(str(year), 0, 0, "#444")
                label.setPos(x + (year_width - label.boundingRect().width()) / 2, 0)

    # --- clicks ------------------------------------------------------------------

    def _clicked(self, key: int, value: object) -> None:
        if key == CASE_KEY and isinstance(value, int):
            self.window_.go_to_case(value)
        elif key == TARGET_KEY and isinstance(value, tuple) and self.timeline is not None:
            lane, year = value
            names = {lane_.key: lane_.label for lane_ in self.timeline.lanes}
            ids = self.window_.service.read(
                cell_case_ids, self.flt, self.group_by(), lane, year, self.timeline.this_year
            )
            self.window_.show_only_cases(ids, f"{names.get(lane, lane)}, {year}")

    def _show_no_period(self) -> None:
        ids = self.window_.service.read(no_period_ids, self.flt)
        self.window_.show_only_cases(ids, self.tr("cases with no period"))


def _shade(share: float) -> tuple[str, str]:
    """Fill and edge colour of a density cell, in 20 steps from pale to dark blue."""
    step = round(share * 20) / 20
    colour = QColor.fromHsvF(0.6, 0.08 + 0.85 * step, 0.98 - 0.45 * step)
    return colour.name(), colour.darker(115).name()


def _elided(text: str, width: int, item: Any) -> str:
    from PySide6.QtGui import QFontMetrics

    return QFontMetrics(item.font()).elidedText(text, Qt.TextElideMode.ElideRight, width)


def create_view(window: MainWindow) -> QWidget:
    return TimelineView(window)
