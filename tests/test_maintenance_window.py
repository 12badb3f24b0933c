"""The window's File → Back Up Now / Restore from Backup…, Tools → Check Catalogue,
its read-only state, the error dialog, the backup on quit and the single-window lock."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from app.backups import list_backups, make_backup
from app.gui import ErrorHandlers, backup_on_quit
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from app.window_lock import lock_for, take_lock
from tests.damage import break_check_constraint
from tests.test_open_messages import _small
from views.backup_dialog import RestoreDialog
from views.check_dialog import CheckDialog
from views.error_dialog import error_box
from views.main_window import MainWindow


def _add_note(window: MainWindow, body: str) -> None:
    from app.notes import add_note

    case_id = window.case_model.case_id(0)
    window.change("Add Note", add_note, case_id, body)


def _note_bodies(window: MainWindow) -> list[str]:
    return [n.body for n in window.service.all_notes()]


def _window(qtbot: Any, catalogue: Catalogue, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CatalogueService(catalogue), settings)
    qtbot.addWidget(window)
    window.maintenance.catalogue_attached()
    return window


def test_the_actions_are_in_the_file_and_tools_menus(small_window: MainWindow) -> None:
    file_texts = [a.text() for a in small_window.file_menu.actions()]
    start = file_texts.index("&Back Up Now")  # after New, Open, Open Recent, Save a Copy
    assert file_texts[start : start + 2] == ["&Back Up Now", "&Restore from Backup…"]
    menus = [a.text() for a in small_window.menuBar().actions()]
    assert menus.index("&Tools") == menus.index("&Help") - 1
    assert [a.text() for a in small_window.maintenance.tools_menu.actions()] == ["&Check Catalogue"]


def test_back_up_now_and_restore_reload_the_window(
    small_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = small_window
    path = window.service.catalogue.path
    _add_note(window, "kept")
    window.maintenance.backup_action.trigger()
    assert "Backed up to" in window.statusBar().currentMessage()
    _add_note(window, "to be undone by the restore")
    assert window.undo_stack.count() == 2

    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.maintenance.restore_action.trigger()

    assert _note_bodies(window) == ["kept"]
    assert window.undo_stack.count() == 0  # its steps belonged to the replaced content
    assert "Restored" in window.statusBar().currentMessage()
    kinds = [b.kind for b in list_backups(path)]
    assert kinds.count("manual") == 1 and kinds.count("before-restore") == 1


def test_the_restore_dialog_lists_date_size_and_counts(tmp_path: Path, qtbot: Any) -> None:
    path = _small(tmp_path / "c.sqlite3")
    make_backup(path)
    backups = list_backups(path)
    dialog = RestoreDialog(path, backups)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[0] == backups[0].when_text
    assert cells[1].endswith("KB") and cells[2:4] == ["2", "0"]
    assert cells[4] == "made by you"
    assert dialog.chosen() is backups[0]


def test_check_catalogue_reports_and_offers_a_restore_when_damaged(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small(tmp_path / "c.sqlite3")
    shown: list[CheckDialog] = []

    def fake_exec(self: CheckDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(CheckDialog, "exec", fake_exec)
    catalogue = open_catalogue(path)
    window = _window(qtbot, catalogue, tmp_path)
    window.maintenance.check_action.trigger()
    assert "no problems found" in shown[-1].report.toPlainText()
    assert not hasattr(shown[-1], "restore_button")

    break_check_constraint(path)
    window.maintenance.check_action.trigger()
    assert "CHECK constraint failed" in shown[-1].report.toPlainText()
    assert shown[-1].restore_button.text() == "Restore from Backup…"
    catalogue.close()


def test_a_damaged_catalogue_opens_read_only_and_offers_the_newest_good_backup(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small(tmp_path / "c.sqlite3")
    make_backup(path)
    break_check_constraint(path)
    catalogue = open_catalogue(path)
    window = _window(qtbot, catalogue, tmp_path)
    assert window.windowTitle().endswith("(damaged, read-only)")
    assert window.maintenance.read_only_label.isVisibleTo(window)
    assert "casebook restore" in window.statusBar().currentMessage()

    offered: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        offered.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[0])
    window.maintenance.offer_restore_if_damaged()
    assert "Restore the backup of" in offered[0]
    assert not window.service.catalogue.read_only
    assert window.windowTitle() == "c.sqlite3"
    window.service.catalogue.close()


def test_an_uncaught_error_is_logged_and_shown_with_its_traceback(
    small_window: MainWindow, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[tuple[str, str, str | None]] = []
    monkeypatch.setattr(
        "views.error_dialog.show_error",
        lambda parent, message, details="", log_location=None: shown.append(
            (message, details, log_location)
        ),
    )
    handlers = ErrorHandlers(small_window)
    try:
        raise ValueError("slot failed")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            handlers.hook(ValueError, exc, exc.__traceback__)
    [(message, details, location)] = shown
    assert message == "Something went wrong: ValueError: slot failed"
    assert "Traceback" in details and location and location.endswith("casebook.log")
    assert caplog.records[-1].exc_info is not None


def test_the_error_box_has_copyable_details_and_the_log_location(qtbot: Any) -> None:
    box = error_box(None, "It failed.", "Traceback: line 1", "/logs/casebook.log")
    qtbot.addWidget(box)
    assert box.detailedText() == "Traceback: line 1"
    assert "/logs/casebook.log" in box.informativeText()


def test_the_backup_on_quit_is_made_and_never_raises(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small(db_path)
    catalogue = open_catalogue(db_path, seed=False, auto_backup=False)
    assert not catalogue.changed_since_opened()
    from app.notes import add_note
    from app.service import CatalogueService as Service

    Service(catalogue).write(add_note, 1, "a change")
    assert catalogue.changed_since_opened()
    catalogue.close()
    assert backup_on_quit(catalogue)
    assert [b.kind for b in list_backups(db_path)] == ["auto"]

    def failing(*_: object, **__: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr("app.backups.make_backup", failing)
    assert backup_on_quit(catalogue) is False


def test_a_symlink_gets_the_same_single_window_lock(tmp_path: Path) -> None:
    target = _small(tmp_path / "real.sqlite3")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    held = lock_for(target)
    assert held.tryLock(0)
    try:
        other = lock_for(link)
        assert other.fileName() == held.fileName()
        assert not other.tryLock(0)
    finally:
        held.unlock()


def test_a_catalogue_on_a_read_only_disk_needs_no_lock(tmp_path: Path) -> None:
    from tests.mounts import remount_read_only, tmpfs

    with tmpfs(tmp_path / "mnt") as mnt:
        path = _small(mnt / "c.sqlite3")
        remount_read_only(mnt)
        assert take_lock(path) == (None, True)


def test_the_command_line_does_not_restore_under_an_open_window(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    _small(db_path)
    backup = make_backup(db_path)
    held = lock_for(db_path)
    assert held.tryLock(0)
    try:
        assert main(["--db", str(db_path), "restore", str(backup)]) == 1
    finally:
        held.unlock()
    assert "A Casebook window has" in capsys.readouterr().err
    assert main(["--db", str(db_path), "restore", str(backup)]) == 0


def test_a_write_to_a_read_only_catalogue_in_the_window_says_why(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _small(tmp_path / "c.sqlite3")
    catalogue = open_catalogue(path, read_only=True)
    window = _window(qtbot, catalogue, tmp_path)
    shown: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        "views.error_dialog.show_error", lambda parent, message, *a, **k: shown.append(message)
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    try:
        _add_note(window, "cannot be written")
    except Exception as exc:
        ErrorHandlers(window).hook(type(exc), exc, exc.__traceback__)
    # Said once, where the change started; the error dialog for the unexpected stays shut.
    assert told == [f"{path} was opened read-only. Nothing was changed."]
    assert shown == []
    catalogue.close()
