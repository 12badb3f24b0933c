"""In the Chinese interface places are named in Chinese (where the catalogue knows the
name) and their levels too; in English nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.case_filter import CaseFilter
from app.places import PLACE_LEVELS
from app.service import CatalogueService
from app.store import Catalogue
from views.data_words import LEVEL_NAMES, data_word, level_name
from views.main_window import MainWindow
from views.translation import in_chinese

DONOR = 1  # the table's columns: title, donor, recipient…


@pytest.fixture
def chinese_window(chinese: None, small_window: MainWindow) -> MainWindow:
    return small_window


def _facet_labels(win: MainWindow) -> list[str]:
    model = win.facet_model
    labels = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        labels += [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]
    return labels


def test_the_table_and_facets_name_places_in_chinese(
    qtbot: QtBot, chinese_window: MainWindow
) -> None:
    win = chinese_window
    assert in_chinese()
    donors = {win.case_model.index(r, DONOR).data() for r in range(win.case_model.rowCount())}
    assert "湖北" in donors and "Hubei" not in donors
    qtbot.waitUntil(lambda: any(label.startswith("湖北 (") for label in _facet_labels(win)))
    assert not any(label.startswith("Hubei") for label in _facet_labels(win))

    # Sorting and filtering still go by the place itself.
    assert win.service.facets(CaseFilter()).groups["donor"][0].label == "Hubei"


def test_the_detail_names_a_places_level_in_chinese(chinese_window: MainWindow) -> None:
    text = chinese_window.detail.overview.toPlainText()
    assert "(市)" in text and "(县)" in text and "(city)" not in text
    assert "(个人，Tea Co)" in text  # a person's kind; the organisation's name as stored


def test_english_is_unchanged(qtbot: QtBot, small_window: MainWindow) -> None:
    win = small_window
    assert not in_chinese()
    donors = {win.case_model.index(r, DONOR).data() for r in range(win.case_model.rowCount())}
    assert "Hubei" in donors
    assert "(city)" in win.detail.overview.toPlainText()


def test_every_level_has_a_name(chinese: None) -> None:
    assert set(LEVEL_NAMES) == set(PLACE_LEVELS)
    assert [level_name(level) for level in ("province", "prefecture", "county")] == [
        "省",
        "地州",
        "县",
    ]
    assert level_name("something new") == "something new"
    assert (data_word("critical"), data_word(" Official "), data_word("Tea")) == (
        "批评性",
        "官方",
        "Tea",
    )


def test_a_place_without_a_chinese_name_keeps_its_english_one(chinese: None) -> None:
    from app.case_filter import CaseRow
    from views.case_table_model import _display

    row = CaseRow(1, "s", "t", "Taxkorgan", "", "", None, None, False, 0, 0, donor_zh="")
    assert _display(row, "donor") == "Taxkorgan"


def test_chinese_place_facets_are_in_pinyin_order(
    qtbot: QtBot, chinese: None, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Ordered by their English (pinyin) names, whether or not Qt can collate Chinese."""
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = MainWindow(CatalogueService(catalogue), settings)
    qtbot.addWidget(win)
    model = win.facet_model
    donors = model.index(1, 0)

    def labels() -> list[str]:
        return [
            model.index(r, 0, donors).data().split(" (")[0] for r in range(model.rowCount(donors))
        ]

    qtbot.waitUntil(lambda: len(labels()) >= 6)
    assert labels()[:6] == ["福建", "广东", "湖北", "湖南", "江苏", "山西"]
