"""File → Export offers every format, then Open and Show in Folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.formats.choice import FORMATS, default_folder
from views.export_dialog import ExportDialog
from views.main_window import MainWindow


def test_the_dialog_offers_every_format_and_renames_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(shown=2, total=2, selected=0)
    qtbot.addWidget(dialog)
    combo = dialog.format_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "xlsx", "datapackage", "csl-json", "ris", "bibtex", "annotations",
    ]  # fmt: skip
    assert [combo.itemText(i) for i in range(combo.count())] == [f.label for f in FORMATS]
    dialog.path_edit.setText(str(tmp_path / "notes.xlsx"))
    expected = {
        "datapackage": "notes.zip", "csl-json": "notes.json", "ris": "notes.ris",
        "bibtex": "notes.bib", "annotations": "notes.jsonld", "xlsx": "notes.xlsx",
    }  # fmt: skip
    for name, file_name in expected.items():
        dialog.choose_format(name)
        assert dialog.export_format().name == name
        assert dialog.target() == tmp_path / file_name


def test_the_dialog_checks_the_name_against_the_format(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(shown=2, total=2, selected=0)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_format("bibtex")
    dialog.path_edit.setText(str(tmp_path / "refs.ris"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "must end in .bib" in dialog.error_label.text()
    dialog.choose_format("datapackage")
    dialog.path_edit.setText(str(tmp_path / "package-folder"))  # a folder: no extension
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.export_format().name == "datapackage"


def test_the_default_folder_is_made_or_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "home" / "Documents"
    assert default_folder(str(documents)) == documents and documents.is_dir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    assert default_folder(str(blocked / "Documents")) == tmp_path / "home"
    assert default_folder(None) == tmp_path / "home"


def test_the_dialog_proposes_a_documents_folder_that_was_missing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    documents = tmp_path / "fresh-home" / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    dialog = ExportDialog(shown=2, total=2, selected=0)
    qtbot.addWidget(dialog)
    assert dialog.target().parent == documents and documents.is_dir()


@pytest.mark.parametrize(("name", "fmt"), [("w.bib", "bibtex"), ("w-package", "datapackage")])
def test_after_an_export_open_and_show_in_folder(
    qtbot: QtBot,
    small_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    fmt: str,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    target = tmp_path / name
    before = os.umask(0o022)
    try:
        small_window.exporter.start(target, None, fmt)
        qtbot.waitUntil(lambda: not small_window.exporter.is_running(), timeout=10000)
    finally:
        os.umask(before)
    assert "Exported to" in small_window.statusBar().currentMessage()
    box = small_window.exporter.done_box
    assert box is not None and box.isVisible() and str(target) in box.text()
    open_button = box.findChild(QPushButton, "openExport")
    assert open_button is not None and open_button.text() == "Open"
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]
    small_window.exporter._offer_to_open(target, "again")
    box = small_window.exporter.done_box
    assert box is not None
    show_button = box.findChild(QPushButton, "showExportFolder")
    assert show_button is not None and show_button.text() == "Show in Folder"
    qtbot.mouseClick(show_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))
    written = target / "cases.csv" if fmt == "datapackage" else target
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


def test_the_window_exports_highlights(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "h.jsonld"
    small_window.exporter.start(target, None)  # the extension chooses
    qtbot.waitUntil(lambda: not small_window.exporter.is_running(), timeout=10000)
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
