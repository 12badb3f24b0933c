"""The log file: where it is, what it records, and that it never gets in the way."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from app import __version__
from app.logs import log_path, setup_logging


def _our_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if type(h).__name__ == "_CasebookHandler"]


def test_the_log_is_in_the_user_log_folder_and_names_the_version(tmp_path: Path) -> None:
    path = setup_logging("list")
    assert path == log_path()
    assert path is not None and path.is_relative_to(tmp_path / "xdg-state")
    assert f"Casebook {__version__}" in path.read_text(encoding="utf-8")


def test_setting_up_twice_keeps_one_handler() -> None:
    setup_logging("list")
    setup_logging("show")
    assert len(_our_handlers()) == 1


def test_a_log_that_cannot_be_written_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("list")
    [handler] = _our_handlers()
    assert isinstance(handler, logging.StreamHandler)
    broken = io.StringIO()
    broken.close()  # writing raises ValueError, as a full disk would raise OSError
    handler.setStream(broken)
    logging.getLogger("casebook.test").error("this cannot be written")
    assert capsys.readouterr().err == ""


def test_the_command_line_logs_the_catalogue_it_opened(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    assert main(["--db", str(db_path), "list"]) == 0
    assert f"catalogue {db_path}" in log_path().read_text(encoding="utf-8")


def test_qt_warnings_go_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from app.gui import _qt_message

    with caplog.at_level(logging.INFO):
        _qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "a Qt warning")
        _qt_message(QtMsgType.QtDebugMsg, QMessageLogContext(), "chatter")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("casebook.qt", logging.WARNING, "a Qt warning")
    ]
