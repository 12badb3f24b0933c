"""View → Pairing Map: follows the filter, narrows the table on a click, exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import geojson
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from app.case_filter import CaseFilter
from app.pairings import Flow, MapPlace, PairingFlows
from tests.annotate_helpers import case_id
from views import pairing_map
from views.main_window import MainWindow
from views.pairing_map import PairingMapView, Target


def _map(window: MainWindow) -> PairingMapView:
    view = window.view_tabs.show_view("views.pairing_map")
    assert isinstance(view, PairingMapView)
    return view


def _search(window: MainWindow, text: str) -> None:
    window.filter_edit.setText(text)
    window.apply_filter()


def _arcs(view: PairingMapView) -> list[Target]:
    return [t for t in view.targets if t.kind == "arc"]


def _dots(view: PairingMapView) -> dict[str, Target]:
    return {t.heading.split(" · ")[0]: t for t in view.targets if t.kind == "place"}


def _point(view: PairingMapView, target: Target) -> QPoint:
    return view.canvas.mapFromScene(QPointF(*target.at))


def _click(view: PairingMapView, target: Target, qtbot: QtBot) -> None:
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_point(view, target))


def test_the_map_draws_the_flows_and_follows_the_filter(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    alpha = case_id(small_window.service.catalogue, "alpha")
    view = _map(small_window)
    [arc] = _arcs(view)
    assert arc.heading == "Hubei → Kashgar" and arc.count == 2
    assert view.case_ids_of(arc) == sorted(small_window.case_model.case_ids())
    assert "1 pairings among 2 places" in view.summary.text()
    _search(small_window, "tea")
    assert [(a.count, view.case_ids_of(a)) for a in _arcs(view)] == [(1, [alpha])]
    assert _dots(view)["Kashgar"].count == 1
    _search(small_window, '"unclosed')  # malformed: the map keeps what it showed
    assert [view.case_ids_of(a) for a in _arcs(view)] == [[alpha]]
    view.follow(CaseFilter(text='"unclosed'))  # the window sends none such; if it did
    assert [a.count for a in _arcs(view)] == [1]
    _search(small_window, "")
    assert _arcs(view)[0].count == 2


def test_a_hidden_map_redraws_when_shown(qtbot: QtBot, small_window: MainWindow) -> None:
    alpha = case_id(small_window.service.catalogue, "alpha")
    view = _map(small_window)
    small_window.table_view_action.trigger()
    _search(small_window, "tea")
    assert _arcs(view)[0].count == 2  # not redrawn while hidden
    _map(small_window)
    assert [view.case_ids_of(a) for a in _arcs(view)] == [[alpha]]


def test_clicking_an_arc_or_a_place_narrows_the_table(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    alpha, beta = (case_id(small_window.service.catalogue, s) for s in ("alpha", "beta"))
    view = _map(small_window)
    view.level_box.setCurrentIndex(view.level_box.findData("place"))
    [arc] = [a for a in _arcs(view) if a.heading == "Wuhan → Taxkorgan"]
    _click(view, arc, qtbot)
    assert small_window.case_model.case_ids() == [alpha]
    assert "Wuhan → Taxkorgan" in small_window.count_label.text()
    _click(view, _dots(view)["Kashgar"], qtbot)
    assert small_window.case_model.case_ids() == [beta]
    assert "Kashgar" in small_window.count_label.text()


def test_hovering_lists_the_case_titles(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _map(small_window)
    [arc] = _arcs(view)
    viewport = view.canvas.viewport()
    at = _point(view, arc)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    tip = QToolTip.text()
    assert tip.startswith("Hubei → Kashgar")
    assert "Alpha tea workshop" in tip and "Beta solar station" in tip and "more" not in tip
    monkeypatch.setattr(pairing_map, "TOOLTIP_TITLES", 1)
    tip = view.tooltip(arc.heading, view.case_ids_of(arc))
    assert "Alpha tea workshop" in tip and "Beta" not in tip and "and 1 more" in tip


def test_chinese_names_on_request(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _map(small_window)
    names = {label.text() for label, _ in view.labels}
    assert names == {"Hubei", "Kashgar"}
    view.chinese_action.setChecked(True)
    assert {label.text() for label, _ in view.labels} == {"湖北", "喀什"}
    assert "喀什" in _dots(view)["Kashgar"].heading  # the Chinese name is always in the tooltip


def test_places_without_a_position_are_counted_not_drawn(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    view = _map(small_window)
    here = MapPlace(1, "a", "Here", "", "", "province", 114.0, 30.0, frozenset({"donor"}), 1)
    nowhere = MapPlace(2, "b", "Nowhere", "", "", "village", None, None, frozenset(), 1)
    view.draw(PairingFlows("area", [Flow(1, 2, 1)], {1: here, 2: nowhere}))
    assert _arcs(view) == [] and list(_dots(view)) == ["Here"]
    assert "1 place has no position (not drawn): Nowhere" in view.summary.text()


def test_exports_png_svg_and_geojson(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path
) -> None:
    view = _map(small_window)
    view.export_png(tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert not image.isNull() and image.width() > 500
    view.export_svg(tmp_path / "map.svg")
    root = ET.parse(tmp_path / "map.svg").getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert "Hubei" in texts and "Kashgar" in texts
    view.export_geojson(tmp_path / "map.geojson")
    data = json.loads((tmp_path / "map.geojson").read_text(encoding="utf-8"))
    assert geojson.loads(json.dumps(data)).is_valid
    kinds = sorted(f["properties"]["kind"] for f in data["features"])
    assert kinds == ["pairing", "place", "place"]
    assert not list(tmp_path.glob(".*.part"))


def test_only_the_largest_arcs_are_drawn(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pairing_map, "MAX_ARCS", 1)
    view = _map(small_window)
    view.level_box.setCurrentIndex(view.level_box.findData("place"))
    assert len(_arcs(view)) == 1
    assert "2 pairings among 4 places. The 1 largest are drawn." in view.summary.text()
