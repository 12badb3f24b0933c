"""The figures chart: one figure across the filtered cases, like units only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import app.figures as figures_module
from app.case_filter import CaseFilter
from app.figures import FigureChoice, figure_choices, figure_series
from app.store import Catalogue
from models import Metric
from tests.annotate_helpers import case_id
from views.chart_canvas import CASE_KEY
from views.figures_chart import FiguresChart, nice_ticks
from views.main_window import MainWindow


def _add_sales_in_yuan(catalogue: Catalogue) -> None:
    """Two more "Annual sales", in yuan: yuan becomes the most common unit."""
    with catalogue.sessions.begin() as session:
        for slug, value in (("alpha", 300.0), ("beta", 900.0)):
            session.add(Metric(case_id=case_id(catalogue, slug), key="yuan", name="Annual sales",
                               value=value, unit="yuan", qualifier="exact", year=2020))  # fmt: skip


def test_choices_are_names_then_units_with_how_many_cases_have_them(
    small_catalogue: Catalogue,
) -> None:
    with small_catalogue.sessions() as session:
        choices = figure_choices(session, CaseFilter())
        assert FigureChoice("People trained", None, 1) in choices
        assert FigureChoice(None, "tons", 1) in choices
        assert choices.index(FigureChoice("Annual sales", None, 1)) < choices.index(
            FigureChoice(None, "tons", 1)
        )
        only_beta = figure_choices(session, CaseFilter(text="solar"))
    assert [c.name or c.unit for c in only_beta] == ["Electricity generated", "kWh"]


def test_a_series_carries_qualifier_range_year_and_citation(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as session:
        sales = figure_series(session, CaseFilter(), "Annual sales")
        trained = figure_series(session, CaseFilter(), unit="people")
    (point,) = sales.points
    assert (point.value, point.low, point.high, point.qualifier) == (None, 5000, 6000, "about")
    assert (point.unit, point.period, point.title) == ("tons", "2023", "Alpha tea workshop")
    assert "A test report" in point.citation
    assert not sales.units_differ
    (people,) = trained.points
    assert (people.value, people.qualifier, people.period) == (170, "over", "2018\u20132024")


def test_only_like_units_are_charted_and_the_others_reported(small_catalogue: Catalogue) -> None:
    _add_sales_in_yuan(small_catalogue)
    with small_catalogue.sessions() as session:
        series = figure_series(session, CaseFilter(), "Annual sales")
        tons = figure_series(session, CaseFilter(), "Annual sales", unit="tons")
    assert series.unit == "yuan" and series.total == 2
    assert {p.unit for p in series.points} == {"yuan"}
    assert [p.value for p in series.points] == [900, 300]  # largest first
    assert series.units_differ and series.other_units == [("tons", 1)] and series.left_out == 1
    assert tons.unit == "tons" and not tons.units_differ


def test_at_most_max_points_come_back_with_the_full_count(
    small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_sales_in_yuan(small_catalogue)
    monkeypatch.setattr(figures_module, "MAX_POINTS", 1)
    with small_catalogue.sessions() as session:
        series = figure_series(session, CaseFilter(), unit="yuan")
    assert [p.value for p in series.points] == [900] and series.total == 2


def test_a_name_no_case_shown_has_gives_an_empty_series(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as session:
        series = figure_series(session, CaseFilter(text="solar"), "People trained")
    assert series.points == [] and series.total == 0


def test_on_the_seeded_catalogue_every_choice_charts_one_unit(catalogue: Catalogue) -> None:
    with catalogue.sessions() as session:
        choices = figure_choices(session, CaseFilter())
        assert len(choices) > 10
        for choice in choices[:5] + [c for c in choices if c.unit][:5]:
            series = figure_series(session, CaseFilter(), choice.name, choice.unit)
            assert series.points and {p.unit for p in series.points} == {series.unit}
            sizes = [p.size for p in series.points]
            assert sizes == sorted(sizes, reverse=True)


@given(st.floats(min_value=1e-3, max_value=1e15))
@settings(max_examples=200)
def test_scale_ticks_are_round_and_within_the_peak(peak: float) -> None:
    ticks = nice_ticks(peak)
    assert ticks[0] == 0 and ticks[-1] <= peak * (1 + 1e-9)
    assert 2 <= len(ticks) <= 11


# --- the view ----------------------------------------------------------------


def _chart(window: MainWindow) -> FiguresChart:
    chart = window.view_tabs.show_view("views.figures_chart")
    assert isinstance(chart, FiguresChart)
    return chart


def test_the_chart_labels_qualifiers_ranges_and_years(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    chart = _chart(small_window)
    chart.choose("People trained")
    assert "over 170   2018\u20132024" in chart.canvas.texts()
    chart.choose("Annual sales")
    assert "about 5,000\u20136,000   2023" in chart.canvas.texts()
    assert "1 figure in tons" in chart.note.text()


def test_the_chart_says_when_units_differ(qtbot: QtBot, small_window: MainWindow) -> None:
    _add_sales_in_yuan(small_window.service.catalogue)
    small_window.catalogue_changed()
    chart = _chart(small_window)
    chart.choose("Annual sales")
    assert "1 figure in other units left out: 1 in tons" in chart.note.text()
    assert "2 figures in yuan" in chart.note.text()


def test_the_chart_follows_the_filter_with_a_clear_empty_state(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    chart = _chart(small_window)
    chart.choose("People trained")
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert chart.chosen() == ("People trained", None)
    assert "No figure called \u201cPeople trained\u201d in the cases shown." in chart.note.text()
    assert chart.canvas.marked(CASE_KEY) == []
    small_window.filter_edit.setText("")
    small_window.apply_filter()
    assert chart.series is not None and len(chart.series.points) == 1


def test_a_click_on_a_bar_selects_its_case(qtbot: QtBot, small_window: MainWindow) -> None:
    chart = _chart(small_window)
    chart.choose("Electricity generated")
    beta = case_id(small_window.service.catalogue, "beta")
    item = next(item for item, value in chart.canvas.marked(CASE_KEY) if value == beta)
    centre = chart.canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(chart.canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert small_window.selected_case_id() == beta
    tips = [m.tooltip for m in chart.canvas.marks.values()]
    assert any("Source: \u201cA test report\u201d" in tip for tip in tips)


def test_a_malformed_query_keeps_the_chart(qtbot: QtBot, small_window: MainWindow) -> None:
    chart = _chart(small_window)
    chart.choose("People trained")
    chart.follow_filter(CaseFilter(text='solar "station'))
    assert chart.chosen() == ("People trained", None)
    assert "over 170   2018\u20132024" in chart.canvas.texts()


def test_the_chart_read_gives_the_same_choices_and_series(small_catalogue: Catalogue) -> None:
    flt = CaseFilter(text="tea")
    with small_catalogue.sessions() as session:
        choices, series = figures_module.figure_chart(session, flt, "People trained")
        assert choices == figure_choices(session, flt)
        assert series == figure_series(session, flt, "People trained")
    assert [p.title for p in series.points] == ["Alpha tea workshop"]


def test_choosing_a_listed_figure_selects_its_entry(qtbot: QtBot, small_window: MainWindow) -> None:
    chart = _chart(small_window)
    count = chart.combo.count()
    chart.choose(unit="tons")
    assert chart.combo.count() == count  # no second entry
    assert chart.combo.currentText() == "Unit: tons (1 case)"
    assert "about 5,000\u20136,000   2023   (Annual sales)" in chart.canvas.texts()
