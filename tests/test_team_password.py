"""A team catalogue whose server asks a password ~/.pgpass does not hold: asked, never kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.cli import main
from app.store import PasswordNeededError, open_catalogue
from tests.conftest import PgDatabases
from tests.test_team_roles import _as

SECRET = "tea-route-1997"


@pytest.fixture
def guarded(pg_databases: PgDatabases, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A team catalogue and a member, wu, whose logins the server checks by password."""
    cluster = pg_databases.cluster
    url = pg_databases.new("small")
    assert main(["team", "add-member", url, "wu", "--role", "editor"]) == 0
    pg_databases._sql(f"ALTER ROLE wu PASSWORD '{SECRET}'")
    hba = cluster.folder / "data" / "pg_hba.conf"
    before = hba.read_text()
    hba.write_text("local all wu scram-sha-256\n" + before)  # before the trust lines
    pg_databases._sql("SELECT pg_reload_conf()")
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # no ~/.pgpass to find it in
    try:
        yield _as(url, "wu")
    finally:
        hba.write_text(before)
        pg_databases._sql("SELECT pg_reload_conf()")


def test_without_a_password_the_error_says_where_to_put_one(guarded: str) -> None:
    with pytest.raises(PasswordNeededError, match="asks a password for wu"):
        open_catalogue(guarded)


def test_the_command_line_asks_on_a_terminal_and_not_elsewhere(
    guarded: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", guarded, "list"]) == 1
    assert "asks a password for wu" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: SECRET)
    assert main(["--db", guarded, "list"]) == 0
    assert "Alpha" in capsys.readouterr().out


def test_the_window_asks_again_while_refused_and_keeps_it_nowhere(
    qtbot: QtBot, guarded: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from app.gui import _open_asking_password
    from views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    asked: list[bool] = []
    answers = ["wrong", SECRET]

    def ask(_parent: object, refused: bool, address: str) -> str | None:
        asked.append(refused)
        return answers.pop(0)

    monkeypatch.setattr("views.password_prompt.ask_password", ask)
    catalogue = _open_asking_password(window, guarded)
    try:
        assert asked == [False, True]  # asked, then asked again after a refusal
        assert catalogue.server is not None and SECRET not in catalogue.server
        assert SECRET not in str(catalogue.path)
        with catalogue.sessions() as session:  # a second connection uses it too
            assert session.connection().exec_driver_sql("SELECT current_user").scalar() == "wu"
    finally:
        catalogue.close()
    settings.sync()
    stored = tmp_path / "w.ini"
    assert not stored.exists() or SECRET not in stored.read_text()

    # Cancelled: the error stands.
    monkeypatch.setattr("views.password_prompt.ask_password", lambda *a: None)
    with pytest.raises(PasswordNeededError):
        _open_asking_password(window, guarded)
