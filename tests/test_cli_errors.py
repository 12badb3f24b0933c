"""The command line: one line for every known failure, a pointer to the log for a bug,
and the traceback only with --debug (before or after the subcommand)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

import app.cli
from app import db_errors
from app.cli import main
from app.logs import log_path
from tests.test_open_messages import _one_line_error, _small


def _boom(*_: object) -> int:
    raise RuntimeError("boom\nand a second line")


def test_an_unexpected_error_is_one_line_pointing_to_the_log(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    monkeypatch.setattr(app.cli, "cmd_list", _boom)
    assert main(["--db", str(db_path), "list"]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert line == (
        f"casebook: unexpected error: RuntimeError: boom and a second line; details in {log_path()}"
    )
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: boom" in logged


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_prints_the_traceback(
    where: str, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    monkeypatch.setattr(app.cli, "cmd_list", _boom)
    argv = ["--db", str(db_path), "list"]
    argv = ["--debug", *argv] if where == "before" else [*argv, "--debug"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError: boom" in err


def test_a_writer_holding_the_lock_gets_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    main(["--db", str(db_path), "list"])  # seeded and backed up before the lock is taken
    capsys.readouterr()
    monkeypatch.setattr("models.engine.BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        status = main(["--db", str(db_path), "note", "alpha", "text"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = _one_line_error(capsys.readouterr().err)
    assert status == 1 and "Another Casebook process is writing" in line


def test_interrupting_is_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)

    def interrupted(*_: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(app.cli, "cmd_list", interrupted)
    assert main(["--db", str(db_path), "list"]) == 130
    _one_line_error(capsys.readouterr().err)


# --- db_errors.user_message -----------------------------------------------------------


def _error(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute(sql)
    return raised.value


def test_sqlite_errors_are_told_by_their_code(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert db_errors.user_message(_error(read_only, "INSERT INTO t VALUES (1)")) == (
        db_errors.READ_ONLY
    )
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    waiting = sqlite3.connect(path, timeout=0)
    assert db_errors.user_message(_error(waiting, "INSERT INTO t VALUES (1)")) == db_errors.LOCKED
    holder.execute("ROLLBACK")
    text_file = tmp_path / "notes.txt"
    text_file.write_text("x" * 200)
    assert db_errors.user_message(_error(sqlite3.connect(text_file), "SELECT 1 FROM t")) == (
        db_errors.DAMAGED
    )
    assert "casebook restore" in db_errors.DAMAGED
    missing = tmp_path / "no" / "such.sqlite3"
    with pytest.raises(sqlite3.Error) as cannot:
        sqlite3.connect(missing)
    assert db_errors.user_message(cannot.value) == db_errors.CANNOT_OPEN
    # Not a failure of the file: not this module's to word.
    assert db_errors.user_message(_error(read_only, "SELEC nonsense")) is None


def test_sqlalchemy_wrapped_errors_are_unwrapped(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(OperationalError) as raised, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
    assert db_errors.user_message(raised.value) == db_errors.READ_ONLY
    engine.dispose()


def test_os_errors_are_told_by_their_errno(tmp_path: Path) -> None:
    assert db_errors.user_message(OSError(errno.ENOSPC, "No space")) == db_errors.FULL
    said = db_errors.user_message(PermissionError(errno.EACCES, "denied", str(tmp_path)))
    assert said == f"Permission denied: {tmp_path}."
    assert db_errors.user_message(ValueError("x")) is None
    assert "5 s" in db_errors.LOCKED


@given(st.text())
def test_user_messages_are_one_line_whatever_the_error_text(message: str) -> None:
    for exc in (
        sqlite3.OperationalError(message),
        OSError(errno.EIO, message, message),
        OSError(errno.EACCES, message, message),
    ):
        said = db_errors.user_message(exc)
        assert said is None or "\n" not in said
