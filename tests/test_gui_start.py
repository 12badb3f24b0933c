"""Starting the window: a second window on the same catalogue, and a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from app.gui import run_gui


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(parent: object, title: str, text: str, *args: object) -> int:
        shown.append(text)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


def test_a_second_window_on_the_same_catalogue_is_refused(
    qapp: object, tmp_path: Path, messages: list[str]
) -> None:
    path = tmp_path / "c.sqlite3"
    held = QLockFile(str(path) + ".lock")
    assert held.tryLock(0)
    try:
        assert run_gui(path, quit_after_show=True) == 1
    finally:
        held.unlock()
    assert messages and "already open" in messages[0]
    assert not path.exists()  # nothing was created behind the first window's back


def test_a_foreign_file_gets_a_message_and_is_left_alone(
    qapp: object, tmp_path: Path, messages: list[str]
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a catalogue", encoding="utf-8")
    assert run_gui(path, quit_after_show=True) == 1
    assert "not a Casebook catalogue" in messages[0]
    assert path.read_text(encoding="utf-8") == "not a catalogue"


def test_the_window_opens_and_closes_on_a_new_catalogue(
    qapp: object, tmp_path: Path, messages: list[str]
) -> None:
    path = tmp_path / "new" / "c.sqlite3"
    assert run_gui(path, quit_after_show=True) == 0
    assert messages == []
    assert path.exists()
    assert not Path(str(path) + ".lock").exists()  # released on the way out
