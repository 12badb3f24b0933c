"""File → New Catalogue…, Open Catalogue…, Open Recent and Save a Copy… (issue 11)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.catalogue_copy import CopyError, copy_target, save_copy
from views.file_actions import MAX_RECENT, recent_catalogues, remember_catalogue
from views.main_window import MainWindow

# A second process holding a catalogue's window lock, until a line comes on its stdin.
HOLD_LOCK = """
import sys
from pathlib import Path
from app.window_lock import take_lock
lock, _ = take_lock(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def launched(small_window: MainWindow) -> list[Path]:
    """The catalogues the window asked to open in a new window (no process is started)."""
    paths: list[Path] = []

    def launch(path: Path) -> bool:
        paths.append(path)
        return True

    small_window.file_actions.launch = launch
    return paths


def _note_bodies(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(body) for (body,) in conn.execute("SELECT body FROM note")]
    finally:
        conn.close()


def _cases(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM case_study").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        "views.file_actions.show_error", lambda _parent, message, *a, **k: shown.append(message)
    )
    return shown


def test_the_file_menu_has_the_catalogue_actions_in_order(small_window: MainWindow) -> None:
    texts = [a.text() for a in small_window.file_menu.actions()]
    assert texts[:6] == [
        "&New Catalogue…",
        "&Open Catalogue…",
        "Open &Recent",
        "Connect to &Team Catalogue…",
        "",
        "Save a &Copy…",
    ]
    assert small_window.file_actions.open_action.shortcut().toString() == "Ctrl+O"


def test_opening_a_catalogue_starts_a_window_on_it_and_remembers_it(
    small_window: MainWindow, launched: list[Path], tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"")
    assert small_window.file_actions.open_path(other)
    assert launched == [other]
    recent = recent_catalogues(small_window.settings)
    assert recent[0] == other.resolve()
    assert recent[1] == small_window.service.catalogue.path.resolve()  # remembered on attach


def test_opening_the_catalogue_shown_starts_nothing(
    small_window: MainWindow, launched: list[Path]
) -> None:
    assert small_window.file_actions.open_path(small_window.service.catalogue.path)
    assert launched == []
    assert "this window shows" in small_window.statusBar().currentMessage()


def test_a_new_catalogue_never_replaces_a_file(
    small_window: MainWindow, launched: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        "views.file_actions.QMessageBox.information",
        lambda _parent, _title, text, *a: told.append(text),
    )
    existing = tmp_path / "notes.sqlite3"
    existing.write_bytes(b"mine")
    assert not small_window.file_actions.create(existing)
    assert launched == [] and existing.read_bytes() == b"mine"
    assert "already exists" in told[0]
    fresh = tmp_path / "fresh.sqlite3"
    assert small_window.file_actions.create(fresh)
    assert launched == [fresh]


def test_a_typed_name_gets_the_catalogue_suffix(tmp_path: Path) -> None:
    assert copy_target(str(tmp_path / "mine")) == tmp_path / "mine.sqlite3"
    assert copy_target(str(tmp_path / "mine.db")) == tmp_path / "mine.db"


def test_open_recent_lists_newest_first_and_greys_out_missing_files(
    small_window: MainWindow, launched: list[Path], tmp_path: Path
) -> None:
    kept, gone = tmp_path / "kept.sqlite3", tmp_path / "gone.sqlite3"
    kept.write_bytes(b"")
    remember_catalogue(small_window.settings, gone)
    remember_catalogue(small_window.settings, kept)
    actions = small_window.file_actions
    actions.fill_recent_menu()
    items = [a for a in actions.recent_menu.actions() if a.data()]
    assert [a.text() for a in items] == ["kept.sqlite3", "gone.sqlite3 (missing)"]
    assert items[0].isEnabled() and not items[1].isEnabled()
    items[0].trigger()
    assert launched == [kept.resolve()]
    [clear] = [a for a in actions.recent_menu.actions() if a.text() == "&Clear Menu"]
    clear.trigger()
    assert recent_catalogues(small_window.settings) == [
        small_window.service.catalogue.path.resolve()
    ]


def test_the_recent_list_is_kept_short_and_without_repeats(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for i in range(MAX_RECENT + 5):
        remember_catalogue(settings, tmp_path / f"c{i}.sqlite3")
    remember_catalogue(settings, tmp_path / "c14.sqlite3")
    remember_catalogue(settings, tmp_path / "c3.sqlite3")
    recent = recent_catalogues(settings)
    assert len(recent) == MAX_RECENT and len(set(recent)) == MAX_RECENT
    assert [p.name for p in recent[:3]] == ["c3.sqlite3", "c14.sqlite3", "c13.sqlite3"]
    reread = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    remember_catalogue(reread, tmp_path / "only.sqlite3")
    one = QSettings(str(tmp_path / "one.ini"), QSettings.Format.IniFormat)
    remember_catalogue(one, tmp_path / "only.sqlite3")
    again = QSettings(str(tmp_path / "one.ini"), QSettings.Format.IniFormat)
    assert recent_catalogues(again) == [(tmp_path / "only.sqlite3").resolve()]


def test_save_a_copy_writes_a_whole_catalogue_including_the_note_being_typed(
    qtbot: QtBot, small_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "copies" / "mine copy.sqlite3"
    target.parent.mkdir()
    small_window.detail.tabs.setCurrentWidget(small_window.notes_panel)
    qtbot.mouseClick(small_window.notes_panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(small_window.notes_panel.editor, "typed just now")
    assert small_window.file_actions.copy_to(target)
    assert _cases(target) == 2
    assert _note_bodies(target) == ["typed just now"]
    assert "Saved a copy" in small_window.statusBar().currentMessage()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_save_a_copy_refuses_the_catalogue_itself_and_an_open_one(
    small_window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    own = small_window.service.catalogue.path
    before = own.read_bytes()
    assert not small_window.file_actions.copy_to(own)
    assert "open catalogue itself" in errors[-1]
    assert own.read_bytes() == before
    held = tmp_path / "held.sqlite3"
    held.write_bytes(b"someone's")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(held)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        assert not small_window.file_actions.copy_to(held)
        assert "open in another Casebook window" in errors[-1]
        assert held.read_bytes() == b"someone's"
    finally:
        holder.communicate(b"\n", timeout=30)
    with pytest.raises(CopyError, match="folder"):
        save_copy(own, tmp_path / "no" / "such.sqlite3")
    assert not (tmp_path / "no").exists()


def test_save_a_copy_refuses_a_folder_in_words(
    small_window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    assert copy_target(str(tmp_path)) == tmp_path
    assert not small_window.file_actions.copy_to(copy_target(str(tmp_path)))
    assert "is a folder" in errors[-1]
