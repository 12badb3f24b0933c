"""`casebook team init` and `casebook copy`: a personal catalogue to the team's server and back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.cli import main
from app.notes import add_note
from app.store import open_catalogue
from app.tags import tag_cases
from models import CaseStudy, Note, Place, Tag
from tests.conftest import PgDatabases
from tests.exchange_helpers import case_id, write


def _uuids(location: str | Path) -> dict[str, set[tuple[str, ...]]]:
    catalogue = open_catalogue(location, seed=False)
    with catalogue.sessions() as session:
        found = {
            "cases": {(u, t) for u, t in session.execute(select(CaseStudy.uuid, CaseStudy.title))},
            "notes": {
                (n.uuid, n.body, n.author, c)
                for n, c in session.execute(
                    select(Note, CaseStudy.uuid).join(CaseStudy, CaseStudy.id == Note.case_id)
                )
            },
            "tags": {(u, n) for u, n in session.execute(select(Tag.uuid, Tag.name))},
            "places": {(u,) for (u,) in session.execute(select(Place.uuid))},
        }
    catalogue.close()
    return found


@pytest.fixture
def databases(pg_databases: PgDatabases) -> PgDatabases:
    return pg_databases


def test_team_init_creates_and_seeds_an_empty_database(
    databases: PgDatabases, capsys: pytest.CaptureFixture[str]
) -> None:
    url = databases.new("empty")
    assert main(["team", "init", url]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Created the team catalogue at") and "12 case studies" in said
    assert main(["team", "init", url]) == 0
    assert "Checked the team catalogue" in capsys.readouterr().out
    assert main(["--db", url, "list"]) == 0
    assert "jin-embroidery-wujiaqu" in capsys.readouterr().out


def test_team_init_refuses_a_file_and_a_foreign_database_in_one_line(
    databases: PgDatabases, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["team", "init", str(tmp_path / "x.sqlite3")]) == 1
    assert "is not a server address" in capsys.readouterr().err
    url = databases.new("empty").replace("/test_", "/missing_")
    assert main(["team", "init", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err


def test_the_environment_variable_may_name_a_team_catalogue(
    databases: PgDatabases, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEBOOK_DB", databases.new("seeded"))
    assert main(["search", "embroidery"]) == 0
    assert "jin-embroidery-wujiaqu" in capsys.readouterr().out
    assert main(["backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_copy_to_the_team_and_back_keeps_every_identity_and_runs_twice_alike(
    databases: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    personal = tmp_path / "mine.sqlite3"
    mine = open_catalogue(personal)
    alpha = case_id(mine, "jin-embroidery-wujiaqu")
    write(mine, add_note, alpha, "读后感: the workshop", author="Li Wei")
    write(mine, tag_cases, [alpha], ["field/visited", "textiles"])
    mine.close()
    team = databases.new("empty")
    assert main(["team", "init", team]) == 0

    assert main(["copy", str(personal), team]) == 0
    said = capsys.readouterr().out
    assert "rows added" in said and "1 note" in said
    assert _uuids(team) == _uuids(personal)
    assert main(["copy", str(personal), team]) == 0
    assert "Nothing to copy" in capsys.readouterr().out
    assert main(["--db", team, "search", "读后感"]) == 0
    assert "jin-embroidery-wujiaqu" in capsys.readouterr().out

    back = tmp_path / "back.sqlite3"
    assert main(["copy", team, str(back)]) == 0
    assert _uuids(back) == _uuids(personal)
    assert main(["copy", team, str(back)]) == 0
    assert "Nothing to copy" in capsys.readouterr().out.splitlines()[-1]


def test_copy_from_a_missing_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["copy", str(tmp_path / "none.sqlite3"), str(tmp_path / "b.sqlite3")]) == 1
    assert "There is no catalogue at" in capsys.readouterr().err


def test_the_window_opens_a_team_catalogue_without_the_file_actions(
    databases: PgDatabases, qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from app.service import CatalogueService
    from views.file_actions import recent_catalogues
    from views.main_window import MainWindow

    catalogue = open_catalogue(databases.new("small"), seed=False)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CatalogueService(catalogue), settings)
    qtbot.addWidget(window)
    window.maintenance.catalogue_attached()
    window.file_actions.catalogue_attached()
    assert window.case_model.rowCount() == 2
    assert not window.file_actions.copy_action.isEnabled()
    assert recent_catalogues(settings) == []
    maintenance = window.maintenance
    assert not maintenance.backup_action.isEnabled()
    assert not maintenance.check_action.isEnabled()
    window.change("Add Note", add_note, window.case_model.case_id(0), "from the window 窗口")
    assert [n.body for n in window.service.all_notes()] == ["from the window 窗口"]
    window.close()
    catalogue.close()


def test_copy_refuses_a_row_that_clashes_with_another_identity_and_writes_nothing(
    databases: PgDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.case_edit import load_draft, save_case

    personal = tmp_path / "mine.sqlite3"
    mine = open_catalogue(personal)
    team_url = databases.new("seeded")
    team = open_catalogue(team_url, seed=False)
    # The same tag name made separately on each side: two identities, one name.
    write(mine, tag_cases, [case_id(mine, "jin-embroidery-wujiaqu")], ["fieldwork"])
    write(team, tag_cases, [case_id(team, "jin-embroidery-wujiaqu")], ["fieldwork"])

    def retitle(journal, case: int) -> None:  # type: ignore[no-untyped-def]
        draft = load_draft(journal.session, case)
        draft.title = "Retitled here"
        save_case(journal, case, draft)

    write(mine, retitle, case_id(mine, "jin-embroidery-wujiaqu"))
    mine.close()
    team.close()
    assert main(["copy", str(personal), team_url]) == 1
    err = capsys.readouterr().err
    assert "same name or key under another identity" in err and err.count("\n") == 1
    assert "Nothing was copied" in err
    titles = {t for _, t in _uuids(team_url)["cases"]}
    assert "Retitled here" not in titles  # one transaction: the earlier tables rolled back


def test_telling_a_server_address_from_a_file_loads_no_database_layer() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from app.paths import resolve_db_location; "
        "assert resolve_db_location('postgresql+psycopg://me@host/db') == "
        "'postgresql+psycopg://me@host/db'; "
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'models'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
