"""The view tabs beside the table: built when first shown, following the filter."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.case_filter import CaseFilter
from tests.annotate_helpers import case_id
from views.main_window import MainWindow
from views.visual_views import VIEWS


def test_views_are_built_only_when_first_shown(qtbot: QtBot, small_window: MainWindow) -> None:
    tabs = small_window.view_tabs
    assert tabs.built == {}
    assert tabs.count() == 1 + len(VIEWS)
    small_window.view_actions[0].trigger()
    assert list(tabs.built) == [VIEWS[0].module]
    assert tabs.currentWidget() is tabs.built[VIEWS[0].module]
    small_window.table_view_action.trigger()
    assert tabs.currentWidget() is small_window.table


def test_a_view_can_narrow_the_table_and_clear_filters_lifts_it(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    seen: list[CaseFilter] = []
    small_window.filterApplied.connect(seen.append)
    beta = case_id(small_window.service.catalogue, "beta")
    small_window.show_only_cases([beta], "the arc Hubei → Kashgar")
    assert small_window.case_model.case_ids() == [beta]
    assert "the arc Hubei → Kashgar" in small_window.count_label.text()
    assert seen and seen[-1].case_ids is None  # the views keep seeing the whole filter
    small_window.clear_filters()
    assert small_window.case_model.rowCount() == 2


def test_going_to_a_case_outside_a_restriction_lifts_it(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    catalogue = small_window.service.catalogue
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")
    small_window.show_only_cases([beta], "one case")
    assert small_window.go_to_case(alpha)
    assert small_window.selected_case_id() == alpha
    assert small_window.case_model.rowCount() == 2


def test_a_hidden_view_redraws_when_shown_again(qtbot: QtBot, small_window: MainWindow) -> None:
    timeline = small_window.view_tabs.show_view("views.timeline_view")
    drawn: list[CaseFilter] = []
    timeline.follower._redraw = lambda: drawn.append(timeline.flt)  # type: ignore[attr-defined]
    small_window.table_view_action.trigger()
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert drawn == [] and timeline.follower.stale  # type: ignore[attr-defined]
    small_window.view_tabs.show_view("views.timeline_view")
    assert [f.text for f in drawn] == ["solar"]
    assert not timeline.follower.stale  # type: ignore[attr-defined]


def test_a_view_gets_two_thirds_of_the_height(qtbot: QtBot, small_window: MainWindow) -> None:
    small_window.right_splitter.setSizes([300, 500])
    small_window.view_actions[0].trigger()
    top, bottom = small_window.right_splitter.sizes()
    assert top >= 2 * (top + bottom) // 3 - 2
