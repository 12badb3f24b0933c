"""The timeline: bars per case (or counts per lane and year), lanes, clicks, the filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import app.timeline as timeline_module
from app.case_filter import CaseFilter
from app.store import Catalogue
from app.timeline import Bar, GroupBy, Timeline, cell_case_ids, no_period_ids, timeline_rows
from models import CaseStudy
from tests.annotate_helpers import case_id
from views.chart_canvas import CASE_KEY, TARGET_KEY
from views.main_window import MainWindow
from views.timeline_view import TimelineView, pack_rows

YEAR = 2026


def _rows(catalogue: Catalogue, group_by: GroupBy, flt: CaseFilter | None = None) -> Timeline:
    with catalogue.sessions() as session:
        return timeline_rows(session, flt or CaseFilter(), group_by, YEAR)


def _undate(catalogue: Catalogue, slug: str) -> None:
    with catalogue.sessions.begin() as session:
        case = session.get(CaseStudy, case_id(catalogue, slug))
        assert case is not None
        case.start_year = None


def test_one_bar_per_case_from_start_to_end_ongoing_up_to_this_year(
    small_catalogue: Catalogue,
) -> None:
    rows = _rows(small_catalogue, "sector")
    alpha, beta = case_id(small_catalogue, "alpha"), case_id(small_catalogue, "beta")
    assert not rows.aggregated and rows.cases == 2
    assert [(lane.key, lane.label) for lane in rows.lanes] == [
        ("agriculture and food", "agriculture and food"), ("energy", "energy")
    ]  # fmt: skip
    assert sorted(rows.bars, key=lambda b: b.case_id) == [
        Bar(alpha, "Alpha tea workshop", 2018, YEAR, True, "agriculture and food"),
        Bar(beta, "Beta solar station", 2017, 2019, False, "energy"),
    ]
    assert (rows.first_year, rows.last_year) == (2017, YEAR)


def test_lanes_by_donor_and_recipient_roll_up_and_carry_chinese_and_uyghur_names(
    small_catalogue: Catalogue,
) -> None:
    donors = _rows(small_catalogue, "donor")
    assert [lane.label for lane in donors.lanes] == ["Hubei 湖北"]  # Wuhan rolls up to Hubei
    assert {b.lane for b in donors.bars} == {donors.lanes[0].key} and len(donors.bars) == 2
    recipients = _rows(small_catalogue, "recipient")
    assert [lane.label for lane in recipients.lanes] == ["Kashgar 喀什 قەشقەر"]


def test_a_finished_case_without_an_end_year_is_a_bar_of_its_start_year(
    small_catalogue: Catalogue,
) -> None:
    with small_catalogue.sessions.begin() as session:
        beta = session.get(CaseStudy, case_id(small_catalogue, "beta"))
        assert beta is not None
        beta.end_year = None
    bar = next(b for b in _rows(small_catalogue, "sector").bars if b.title.startswith("Beta"))
    assert (bar.start, bar.end, bar.ongoing) == (2017, 2017, False)


def test_the_timeline_follows_the_filter(small_catalogue: Catalogue) -> None:
    rows = _rows(small_catalogue, "sector", CaseFilter(text="solar"))
    assert [b.title for b in rows.bars] == ["Beta solar station"]
    assert [lane.key for lane in rows.lanes] == ["energy"]


def test_cases_without_a_start_year_are_counted_and_listed_apart(
    small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    _undate(small_catalogue, "beta")
    beta = case_id(small_catalogue, "beta")
    rows = _rows(small_catalogue, "donor")
    assert [b.title for b in rows.bars] == ["Alpha tea workshop"]
    assert rows.no_period == 1 and rows.no_period_cases == [(beta, "Beta solar station")]
    monkeypatch.setattr(timeline_module, "AGGREGATE_ABOVE", 1)
    assert _rows(small_catalogue, "donor").no_period == 1
    with small_catalogue.sessions() as session:
        assert no_period_ids(session, CaseFilter()) == [beta]


def test_above_the_threshold_counts_cases_running_each_year_per_lane(
    small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not _rows(small_catalogue, "donor").aggregated
    monkeypatch.setattr(timeline_module, "AGGREGATE_ABOVE", 1)
    rows = _rows(small_catalogue, "donor")
    assert rows.aggregated and rows.bars == []
    counts = {c.year: c.count for c in rows.cells}
    # beta 2017-2019, alpha 2018 onwards (ongoing: up to this year)
    assert counts == {2017: 1, 2018: 2, 2019: 2} | {y: 1 for y in range(2020, YEAR + 1)}
    hubei = rows.lanes[0].key
    alpha, beta = case_id(small_catalogue, "alpha"), case_id(small_catalogue, "beta")
    with small_catalogue.sessions() as session:
        assert cell_case_ids(session, CaseFilter(), "donor", hubei, 2017, YEAR) == [beta]
        assert cell_case_ids(session, CaseFilter(), "donor", hubei, 2019, YEAR) == [alpha, beta]
        assert cell_case_ids(session, CaseFilter(), "donor", hubei, YEAR, YEAR) == [alpha]
        assert cell_case_ids(session, CaseFilter(), "sector", "energy", 2018, YEAR) == [beta]


def test_on_the_seeded_catalogue_every_case_is_drawn_or_counted_as_without_period(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    for group_by in timeline_module.GROUP_BY:
        rows = _rows(catalogue, group_by)
        assert rows.cases > 5
        assert len({b.case_id for b in rows.bars}) + rows.no_period == rows.cases
        assert all(lane.label for lane in rows.lanes)
        assert all(b.start <= b.end for b in rows.bars)
    monkeypatch.setattr(timeline_module, "AGGREGATE_ABOVE", 3)
    rows = _rows(catalogue, "recipient")
    assert rows.aggregated and rows.cells
    by_year: dict[int, int] = {}
    for cell in rows.cells:
        by_year[cell.year] = by_year.get(cell.year, 0) + cell.count
    assert max(by_year.values()) <= rows.cases * 3  # a case sits in each of its areas' lanes


def test_packing_puts_overlapping_bars_on_separate_rows() -> None:
    bars = [Bar(1, "a", 2010, 2015, False, ""), Bar(2, "b", 2012, 2013, False, ""),
            Bar(3, "c", 2016, 2020, False, ""), Bar(4, "d", 2015, 2016, False, "")]  # fmt: skip
    assert pack_rows(bars) == [0, 1, 0, 1]


# --- the view ----------------------------------------------------------------


def _view(window: MainWindow) -> TimelineView:
    view = window.view_tabs.show_view("views.timeline_view")
    assert isinstance(view, TimelineView)
    return view


def _drawn_cases(view: TimelineView) -> set[int]:
    return {value for _item, value in view.canvas.marked(CASE_KEY)}


def test_the_view_follows_a_filter_change(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    alpha, beta = (case_id(small_window.service.catalogue, s) for s in ("alpha", "beta"))
    assert _drawn_cases(view) == {alpha, beta}
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert _drawn_cases(view) == {beta}
    assert "1 case" in view.summary.text()


def test_a_malformed_query_keeps_the_drawing(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    before = _drawn_cases(view)
    view.follow_filter(CaseFilter(text='solar "station'))
    assert _drawn_cases(view) == before and before


def test_a_click_on_a_bar_selects_its_case(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    beta = case_id(small_window.service.catalogue, "beta")
    assert small_window.selected_case_id() != beta
    item = next(item for item, value in view.canvas.marked(CASE_KEY) if value == beta)
    view.canvas.ensureVisible(item)
    centre = view.canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert small_window.selected_case_id() == beta


def test_lane_labels_render_chinese_and_uyghur_text(qtbot: QtBot, small_window: MainWindow) -> None:
    view = _view(small_window)
    view.group_combo.setCurrentIndex(view.group_combo.findData("donor"))
    assert "Hubei 湖北" in view.canvas.texts()
    view.group_combo.setCurrentIndex(view.group_combo.findData("recipient"))
    assert "Kashgar 喀什 قەشقەر" in view.canvas.texts()
    assert "2017" in view.canvas.texts()  # the year axis


def test_a_click_on_a_density_cell_narrows_the_table_to_that_lane_and_year(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_module, "AGGREGATE_ABOVE", 1)
    view = _view(small_window)
    view.redraw()
    assert view.timeline is not None and view.timeline.aggregated
    beta = case_id(small_window.service.catalogue, "beta")
    cell = next(item for item, value in view.canvas.marked(TARGET_KEY) if value[1] == 2017)
    view.canvas.click_item(cell)
    assert small_window.case_model.case_ids() == [beta]
    assert "2017" in small_window.count_label.text()


def test_the_no_period_button_lists_those_cases(qtbot: QtBot, small_window: MainWindow) -> None:
    _undate(small_window.service.catalogue, "beta")
    small_window.catalogue_changed()
    view = _view(small_window)
    assert not view.no_period_button.isHidden()
    view.no_period_button.click()
    assert small_window.case_model.case_ids() == [case_id(small_window.service.catalogue, "beta")]


def test_density_cached_between_filters_is_read_again_when_the_catalogue_changes(
    qtbot: QtBot, small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_module, "AGGREGATE_ABOVE", 1)
    view = _view(small_window)
    view.group_combo.setCurrentIndex(view.group_combo.findData("donor"))
    assert view.timeline is not None and view.timeline.first_year == 2017
    _undate(small_window.service.catalogue, "beta")
    small_window.catalogue_changed()
    assert view.timeline.first_year == 2018 and view.timeline.no_period == 1
