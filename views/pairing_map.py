"""View → Pairing Map: donors and recipients at their positions, arcs between them.

The map draws the flows `app.pairings.pairing_flows` aggregates (a few
hundred items at most, whatever the catalogue's size) on a graticule every
5°, in an equirectangular projection squeezed by cos 35° so China keeps its
shape. No outline of China's borders is drawn: none ships in a small, freely
licensed package, and nothing is fetched at run time.

A place's dot has an area proportional to its cases, an arc a width
proportional to its cases. Hovering shows up to ten case titles; clicking
narrows the table to the cases of the place or the arc. The map follows the
window's filter (search, facets, tags) and redraws only when shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QImageWriter,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.case_filter import CaseFilter
from views.literal_text import literal
from views.translation import then, tr_message

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from app.pairings import Level, MapPlace, PairingFlows
    from views.main_window import MainWindow

# Scene units per degree of latitude; a degree of longitude is shorter by cos 35°.
SCALE = 16.0
LON_FACTOR = math.cos(math.radians(35))
# The graticule's extent (degrees) and step: China lies within 73..135 E, 18..54 N.
WEST, EAST, SOUTH, NORTH, STEP = 70, 140, 15, 55, 5
MAX_ARC_WIDTH = 12.0  # scene units, for the biggest flow
MIN_ARC_WIDTH = 0.6
MAX_DOT_RADIUS = 14.0
MIN_DOT_RADIUS = 3.0
TOOLTIP_TITLES = 10
# At most this many arcs, the biggest: pairing places rather than areas can
# give thousands of pairs on a large catalogue, more than a map can show.
MAX_ARCS = 300

DONOR_COLOUR = QColor(196, 84, 32)
RECIPIENT_COLOUR = QColor(32, 102, 168)
ARC_COLOUR = QColor(120, 60, 140, 150)
GRID_COLOUR = QColor(200, 200, 200)


def project(longitude: float, latitude: float) -> QPointF:
    """Scene position of a WGS 84 position (north up)."""
    return QPointF((longitude - WEST) * SCALE * LON_FACTOR, (NORTH - latitude) * SCALE)


def arc_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A quadratic curve from `start` to `end`, bowed to the left of its direction
    (so a flow and its reverse do not overlap)."""
    mid = (start + end) / 2
    dx, dy = end.x() - start.x(), end.y() - start.y()
    control = QPointF(mid.x() + dy * 0.2, mid.y() - dx * 0.2)
    path = QPainterPath(start)
    if start == end:  # donor and recipient at one place: a small loop
        path.cubicTo(start + QPointF(-12, -24), start + QPointF(12, -24), end)
    else:
        path.quadTo(control, end)
    return path


@dataclass(frozen=True)
class Target:
    """What an arc or a dot stands for: its place ids (donor and recipient, or the
    place), how many cases, the status bar's words after a click, the tooltip's
    first line. Its cases' ids are read when needed (a click, a hover). Items
    carry only its index (item data), no Python attributes."""

    kind: str  # "arc" or "place"
    places: tuple[int, ...]
    count: int
    description: str
    heading: str
    at: tuple[float, float]  # a scene point on the arc (its middle) or the dot (its centre)


TARGET = 0  # the item data key holding an arc's or a dot's index in `targets`


def arc_item(path: QPainterPath, width: float) -> QGraphicsPathItem:
    """An arc drawn as its filled outline, so the item's shape (what a click or a
    hover hits) is the stroke itself, not the area under the curve."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    item = QGraphicsPathItem(stroker.createStroke(path))
    item.setBrush(QBrush(ARC_COLOUR))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setCursor(Qt.CursorShape.PointingHandCursor)
    return item


def place_item(centre: QPointF, radius: float, colour: QColor) -> QGraphicsEllipseItem:
    item = QGraphicsEllipseItem(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    item.setBrush(QBrush(colour))
    item.setPen(QPen(QColor("white"), 1.0))
    item.setCursor(Qt.CursorShape.PointingHandCursor)
    item.setZValue(2)
    return item


class MapCanvas(QGraphicsView):
    """The scene, zoomed with the wheel around the pointer; a click on an arc or a dot
    goes to `on_click(target)`, a tooltip asks `tooltip_of(target)` (its index)."""

    def __init__(
        self,
        scene: QGraphicsScene,
        parent: QWidget,
        on_click: Callable[[int], None],
        tooltip_of: Callable[[int], str],
    ) -> None:
        super().__init__(scene, parent)
        self.on_click = on_click
        self.tooltip_of = tooltip_of
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor(252, 252, 250)))

        self.zoomed = False  # by the user: a resize then keeps their zoom

    def target_at(self, pos: QPoint) -> int | None:
        """The index of the topmost arc or dot under a viewport position."""
        for item in self.items(pos):
            target = item.data(TARGET)
            if isinstance(target, int):
                return target
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        target = self.target_at(event.position().toPoint())
        if target is not None and event.button() == Qt.MouseButton.LeftButton:
            self.on_click(target)
            event.accept()
            return
        super().mousePressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            target = self.target_at(event.pos())
            if target is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_of(target), self.viewport())
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.0015 ** event.angleDelta().y()
        zoom = self.transform().m11() * factor
        if 0.2 <= zoom <= 20:
            self.scale(factor, factor)
            self.zoomed = True
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoomed:
            self.fit()

    def fit(self) -> None:
        """Show the whole map (and follow the window's size until the user zooms)."""
        self.zoomed = False
        rect = self.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


class PairingMapView(QWidget):
    """The Pairing Map tab (see the module's docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("pairingMap")
        self.window_ = window
        self.flows: PairingFlows | None = None
        self.level: Level = "area"
        self._filter: CaseFilter = window.current_filter()
        self._drawn_for: tuple[CaseFilter, str] | None = None

        self.toolbar = QToolBar(self)
        self.level_box = QComboBox(self)
        self.level_box.addItem(self.tr("Provinces → prefectures"), "area")
        self.level_box.addItem(self.tr("Places named"), "place")
        self.level_box.currentIndexChanged.connect(self._level_changed)
        self.toolbar.addWidget(self.level_box)
        self.chinese_action = QAction(self.tr("Chinese names"), self)
        self.chinese_action.setCheckable(True)
        self.chinese_action.toggled.connect(self._relabel)
        self.toolbar.addAction(self.chinese_action)
        self.fit_action = QAction(self.tr("Fit"), self)
        self.fit_action.triggered.connect(self._fit)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addSeparator()
        self.png_action = QAction(self.tr("Export PNG…"), self)
        self.png_action.triggered.connect(lambda: self._export("png"))
        self.svg_action = QAction(self.tr("Export SVG…"), self)
        self.svg_action.triggered.connect(lambda: self._export("svg"))
        self.geojson_action = QAction(self.tr("Export GeoJSON…"), self)
        self.geojson_action.triggered.connect(lambda: self._export("geojson"))
        for action in (self.png_action, self.svg_action, self.geojson_action):
            self.toolbar.addAction(action)

        self.scene = QGraphicsScene(self)
        self.canvas = MapCanvas(self.scene, self, self._clicked, self._tooltip_of)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.summary)

        self.labels: list[tuple[QGraphicsSimpleTextItem, MapPlace]] = []
        self.targets: list[Target] = []  # what each arc and dot stands for (item data)
        window.filterApplied.connect(self.follow)
        window.catalogueChanged.connect(self._catalogue_changed)

    # --- data ----------------------------------------------------------------

    @Slot(object)
    def follow(self, flt: CaseFilter) -> None:
        """The window's filter changed: redraw now if shown, else when next shown."""
        self._filter = flt
        if self.isVisible():
            self.refresh()

    @Slot(object)
    def _catalogue_changed(self, scope: ChangeScope) -> None:
        if scope.changes_views():
            self.reload()

    @Slot()
    def reload(self) -> None:
        """The catalogue changed: redraw even under the same filter."""
        self._drawn_for = None
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the flows for the current filter and level and draw them (unless drawn)."""
        from app.pairings import pairing_flows
        from app.search.language import QueryError

        if self._drawn_for == (self._filter, self.level):
            return
        try:
            flows = self.window_.service.read(pairing_flows, self._filter, self.level)
        except QueryError:
            return  # the search bar says what is wrong; the map keeps what it showed
        self._drawn_for = (self._filter, self.level)
        self.draw(flows)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        if not self.canvas.zoomed:
            self.canvas.fit()

    @Slot()
    def _fit(self) -> None:
        self.canvas.fit()

    @Slot(int)
    def _level_changed(self, _index: int) -> None:
        self.level = self.level_box.currentData()
        self.refresh()

    # --- drawing -------------------------------------------------------------

    def draw(self, flows: PairingFlows) -> None:
        """Replace the scene with these flows (one item per flow and per place)."""
        self.flows = flows
        self.labels = []  # no wrapper of an item the scene is about to delete is kept
        self.targets = []
        self.scene.clear()
        self._draw_graticule()
        places = flows.places
        biggest_flow = max((f.count for f in flows.flows), default=1)
        drawn = 0
        for flow in flows.flows:  # biggest first
            donor, recipient = places[flow.donor], places[flow.recipient]
            if not (donor.has_position and recipient.has_position):
                continue
            if drawn == MAX_ARCS:
                break
            drawn += 1
            width = max(MIN_ARC_WIDTH, MAX_ARC_WIDTH * flow.count / biggest_flow)
            curve = arc_path(self._at(donor), self._at(recipient))
            arc = arc_item(curve, width)
            self._with_cases(
                arc,
                "arc",
                (flow.donor, flow.recipient),
                flow.count,
                self.tr("the pairing %1 → %2")
                .replace("%1", donor.name)
                .replace("%2", recipient.name),
                f"{self._name(donor)} → {self._name(recipient)}",
                curve.pointAtPercent(0.5),
            )
            self.scene.addItem(arc)
        biggest_place = max((p.count for p in places.values()), default=1)
        taken: list[QRectF] = []  # labels placed so far, the biggest places' first
        for place in sorted(places.values(), key=lambda p: -p.count):
            if not place.has_position:
                continue
            radius = max(MIN_DOT_RADIUS, MAX_DOT_RADIUS * math.sqrt(place.count / biggest_place))
            colour = DONOR_COLOUR if "donor" in place.roles else RECIPIENT_COLOUR
            dot = place_item(self._at(place), radius, colour)
            self._with_cases(
                dot,
                "place",
                (place.id,),
                place.count,
                self.tr("the cases at %1").replace("%1", place.name),
                self._full_name(place),
                self._at(place),
            )
            self.scene.addItem(dot)
            label = QGraphicsSimpleTextItem(self._name(place))
            label.setFont(QFont(self.font().family(), 9))
            self._place_label(label, self._at(place), radius, taken)
            label.setZValue(3)
            self.scene.addItem(label)
            self.labels.append((label, place))
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self._summarise(flows, drawn)

    @staticmethod
    def _place_label(
        label: QGraphicsSimpleTextItem, at: QPointF, radius: float, taken: list[QRectF]
    ) -> None:
        """Put the label right of its dot, or else left, above, below, or right a line
        lower or higher: wherever it overlaps no label placed before (right when
        every one does)."""
        size = label.boundingRect().size()
        w, h = size.width(), size.height()
        offsets = (
            QPointF(radius + 2, -h / 2),
            QPointF(-radius - 2 - w, -h / 2),
            QPointF(-w / 2, -radius - h),
            QPointF(-w / 2, radius),
            QPointF(radius + 2, h / 2),
            QPointF(radius + 2, -h * 1.5),
        )
        for offset in offsets:
            rect = QRectF(at + offset, size)
            if not any(rect.intersects(other) for other in taken):
                break
        else:
            rect = QRectF(at + offsets[0], size)
        label.setPos(rect.topLeft())
        taken.append(rect)

    def _with_cases(
        self,
        item: QGraphicsPathItem | QGraphicsEllipseItem,
        kind: str,
        places: tuple[int, ...],
        count: int,
        description: str,
        heading: str,
        at: QPointF,
    ) -> None:
        item.setData(TARGET, len(self.targets))
        self.targets.append(Target(kind, places, count, description, heading, (at.x(), at.y())))

    def _draw_graticule(self) -> None:
        pen = QPen(GRID_COLOUR, 0.6)
        font = QFont(self.font().family(), 7)
        for lon in range(WEST, EAST + 1, STEP):
            self.scene.addLine(
                project(lon, SOUTH).x(), project(lon, SOUTH).y(),
                project(lon, NORTH).x(), project(lon, NORTH).y(), pen,
            )  # fmt: skip
            text = self.scene.addSimpleText(f"{lon}°E", font)
            text.setBrush(QBrush(GRID_COLOUR.darker(150)))
            text.setPos(project(lon, SOUTH) + QPointF(-10, 2))
        for lat in range(SOUTH, NORTH + 1, STEP):
            self.scene.addLine(
                project(WEST, lat).x(), project(WEST, lat).y(),
                project(EAST, lat).x(), project(EAST, lat).y(), pen,
            )  # fmt: skip
            text = self.scene.addSimpleText(f"{lat}°N", font)
            text.setBrush(QBrush(GRID_COLOUR.darker(150)))
            text.setPos(project(WEST, lat) + QPointF(-30, -6))
        legend = project(WEST + 1, SOUTH + 3)
        for i, (colour, words) in enumerate(
            ((DONOR_COLOUR, self.tr("donor")), (RECIPIENT_COLOUR, self.tr("recipient")))
        ):
            at = legend + QPointF(0, 14 * i)
            self.scene.addEllipse(at.x(), at.y(), 8, 8, QPen(Qt.PenStyle.NoPen), QBrush(colour))
            text = self.scene.addSimpleText(words, font)
            text.setPos(at + QPointF(12, -1))

    @staticmethod
    def _at(place: MapPlace) -> QPointF:
        assert place.longitude is not None and place.latitude is not None
        return project(place.longitude, place.latitude)

    def _name(self, place: MapPlace) -> str:
        if self.chinese_action.isChecked() and place.name_zh:
            return place.name_zh
        return place.name

    @staticmethod
    def _full_name(place: MapPlace) -> str:
        return " · ".join(n for n in (place.name, place.name_zh, place.name_ug) if n)

    @Slot()
    def _relabel(self) -> None:
        for label, place in self.labels:
            label.setText(self._name(place))
        if self.flows is not None:
            self.draw(self.flows)  # the arcs' headings name the places too

    def _summarise(self, flows: PairingFlows, drawn: int) -> None:
        text = (
            self.tr("%1 pairings among %2 places.")
            .replace("%1", str(len(flows.flows)))
            .replace("%2", str(len(flows.places)))
        )
        if drawn == MAX_ARCS and len(flows.flows) > MAX_ARCS:
            text = then(text, self.tr("The %1 largest are drawn.").replace("%1", str(MAX_ARCS)))
        unplaced = flows.unplaced
        if unplaced:
            names = self.tr(", ").join(p.name for p in unplaced[:5])
            names += "…" if len(unplaced) > 5 else ""
            said = (
                self.tr("1 place has no position (not drawn): %2.")
                if len(unplaced) == 1
                else self.tr("%1 places have no position (not drawn): %2.")
            )
            text = then(text, said.replace("%1", str(len(unplaced))).replace("%2", names))
        self.summary.setText(text)

    # --- hover and click -----------------------------------------------------

    def tooltip(self, heading: str, ids: list[int]) -> str:
        """Up to ten case titles under `heading`, and how many more."""
        from app.pairings import case_titles

        titles = self.window_.service.read(case_titles, ids, TOOLTIP_TITLES)
        n = len(ids)
        lines = [heading, self.tr("%n case studies", "", n)]
        lines += [f"• {t}" for t in titles]
        if n > len(titles):
            lines.append(self.tr("and %1 more").replace("%1", str(n - len(titles))))
        return "\n".join(lines)

    def case_ids_of(self, target: Target) -> list[int]:
        """The ids of the cases an arc or a dot stands for, under the filter it was drawn for."""
        from app.pairings import flow_case_ids, place_case_ids

        flt = self._drawn_for[0] if self._drawn_for is not None else self._filter
        if target.kind == "arc":
            donor, recipient = target.places
            return self.window_.service.read(flow_case_ids, flt, self.level, donor, recipient)
        return self.window_.service.read(place_case_ids, flt, self.level, target.places[0])

    def _tooltip_of(self, index: int) -> str:
        target = self.targets[index]
        return self.tooltip(target.heading, self.case_ids_of(target))

    def _clicked(self, index: int) -> None:
        target = self.targets[index]
        self.window_.show_only_cases(self.case_ids_of(target), target.description)

    # --- export --------------------------------------------------------------

    def _export(self, kind: str) -> None:
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)"),
                   "geojson": self.tr("GeoJSON (*.geojson)")}  # fmt: skip
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the pairing map"), f"pairing-map.{kind}", filters[kind]
        )
        if not name:
            return
        writers: dict[str, Callable[[Path], None]] = {
            "png": self.export_png,
            "svg": self.export_svg,
            "geojson": self.export_geojson,
        }
        try:
            writers[kind](Path(name))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export the pairing map"), literal(tr_message(exc)))

    def _source_rect(self) -> QRectF:
        return self.scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)

    def export_png(self, path: Path, scale: float = 2.0) -> None:
        """The whole map as a PNG image at `scale` pixels per scene unit, whole or not at all."""
        from app.atomic_file import atomic_output

        source = self._source_rect()
        image = QImage(
            QSize(math.ceil(source.width() * scale), math.ceil(source.height() * scale)),
            QImage.Format.Format_ARGB32,
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene.render(painter, QRectF(image.rect()), source)
        painter.end()
        with atomic_output(path) as part:
            writer = QImageWriter(str(part), QByteArray(b"png"))
            if not writer.write(image):
                raise OSError(
                    self.tr("Cannot write %1: %2.")
                    .replace("%1", str(path))
                    .replace("%2", writer.errorString())
                )

    def export_svg(self, path: Path) -> None:
        """The whole map as an SVG image, whole or not at all."""
        from app.atomic_file import atomic_output

        source = self._source_rect()
        with atomic_output(path) as part:
            generator = QSvgGenerator()
            generator.setFileName(str(part))
            generator.setSize(source.size().toSize())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(self.tr("Pairing map"))
            painter = QPainter(generator)
            self.scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
            painter.end()

    def export_geojson(self, path: Path) -> None:
        """The pairings shown as RFC 7946 GeoJSON, whole or not at all."""
        from app.pairings import write_geojson

        self.window_.service.read(write_geojson, path, self._filter, self.level)


def create_view(window: MainWindow) -> QWidget:
    return PairingMapView(window)
