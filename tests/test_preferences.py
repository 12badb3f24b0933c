"""Edit → Preferences: language, theme, font size and export folder (issue 11)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from views.appearance import FONT_SIZE_KEY, THEME_KEY, apply_theme, is_dark, system_font_size
from views.export_dialog import ExportDialog
from views.main_window import MainWindow
from views.preferences_dialog import (
    EXPORT_FOLDER_KEY,
    LANGUAGE_KEY,
    PreferencesDialog,
    export_folder,
)


@pytest.fixture(autouse=True)
def _restore_appearance() -> Iterator[None]:
    """The theme and font belong to the application: put them back for other tests."""
    yield
    apply_theme("system")
    font = QApplication.font()
    font.setPointSize(system_font_size())
    QApplication.setFont(font)


def _ok(dialog: PreferencesDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_language_is_stored_and_said_to_apply_at_the_next_start(
    small_window: MainWindow,
) -> None:
    dialog = PreferencesDialog(small_window.settings, small_window)
    assert dialog.language.currentData() == "system"
    assert [dialog.language.itemData(i) for i in range(3)] == ["system", "en", "zh_CN"]
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.language_note.isVisibleTo(dialog)
    _ok(dialog)
    assert small_window.settings.value(LANGUAGE_KEY) == "zh_CN"
    again = PreferencesDialog(small_window.settings, small_window)
    assert again.language.currentText() == "中文(简体)"


def test_dark_and_light_themes_apply_at_once_and_system_is_the_default(
    small_window: MainWindow,
) -> None:
    dialog = PreferencesDialog(small_window.settings, small_window)
    assert dialog.theme.currentData() == "system"
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    _ok(dialog)
    small_window.appearance.apply()
    assert small_window.settings.value(THEME_KEY) == "dark"
    assert is_dark()
    small_window.settings.setValue(THEME_KEY, "light")
    small_window.appearance.apply()
    assert not is_dark()


def test_zoom_keys_change_the_font_size_and_it_is_remembered(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    base = system_font_size()
    row = small_window.table.verticalHeader().defaultSectionSize()
    small_window.appearance.zoom_in_action.trigger()
    small_window.appearance.zoom_in_action.trigger()
    assert QApplication.font().pointSize() == base + 2
    assert int(small_window.settings.value(FONT_SIZE_KEY)) == base + 2
    assert small_window.table.verticalHeader().defaultSectionSize() > row
    small_window.appearance.zoom_out_action.trigger()
    assert QApplication.font().pointSize() == base + 1
    shortcuts = {
        a.shortcut().toString()
        for a in (
            small_window.appearance.zoom_in_action,
            small_window.appearance.zoom_out_action,
            small_window.appearance.actual_size_action,
        )
    }
    assert shortcuts == {"Ctrl+=", "Ctrl+-", "Ctrl+0"}
    small_window.appearance.actual_size_action.trigger()
    assert QApplication.font().pointSize() == base
    assert int(small_window.settings.value(FONT_SIZE_KEY)) == 0


def test_a_new_window_starts_at_the_remembered_size(qtbot: QtBot, small_window: MainWindow) -> None:
    base = system_font_size()
    small_window.settings.setValue(FONT_SIZE_KEY, base + 3)
    other = MainWindow(None, small_window.settings)
    qtbot.addWidget(other)
    assert QApplication.font().pointSize() == base + 3


def test_the_export_dialog_proposes_the_folder_chosen_in_preferences(
    small_window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = PreferencesDialog(small_window.settings, small_window)
    dialog.export_folder.setText(str(folder))
    _ok(dialog)
    assert small_window.settings.value(EXPORT_FOLDER_KEY) == str(folder)
    proposed = ExportDialog(2, 2, 0, small_window, export_folder(small_window.settings))
    assert Path(proposed.path_edit.text()).parent == folder


def test_a_missing_export_folder_is_refused_in_words(
    small_window: MainWindow, tmp_path: Path
) -> None:
    dialog = PreferencesDialog(small_window.settings, small_window)
    dialog.export_folder.setText(str(tmp_path / "nowhere"))
    _ok(dialog)
    assert dialog.folder_problem.isVisibleTo(dialog)
    assert "does not exist" in dialog.folder_problem.text()
    assert small_window.settings.value(EXPORT_FOLDER_KEY) is None


def test_a_folder_removed_since_falls_back_to_the_documents_folder(
    small_window: MainWindow, tmp_path: Path
) -> None:
    small_window.settings.setValue(EXPORT_FOLDER_KEY, str(tmp_path / "unplugged"))
    assert export_folder(small_window.settings) != tmp_path / "unplugged"
    assert export_folder(small_window.settings).is_dir()


def test_check_boxes_keep_a_visible_edge_in_the_dark_theme(qtbot: QtBot) -> None:
    apply_theme("dark")
    box = QCheckBox("unchecked")
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    background = QApplication.palette().color(QPalette.ColorRole.Window).lightness()
    lightest = max(
        image.pixelColor(x, y).lightness()
        for x in range(min(image.width(), 20))  # the indicator, left of the text
        for y in range(image.height())
    )
    assert lightest - background > 80
