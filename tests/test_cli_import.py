"""`casebook import`: asks on a terminal, --yes, --dry-run, --json, and its exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, text

from app.cli import main
from app.cli_exchange import APPLY_QUESTION, EXIT_REJECTED
from app.store import Catalogue, open_catalogue
from app.xlsx.export import export_workbook
from models import Note


class FakeTerminal(io.StringIO):
    """Standard input typed at a terminal: `answer` is what the user types."""

    def isatty(self) -> bool:
        return True


def _workbook(catalogue: Catalogue, path: Path, rows: list[dict[str, Any]]) -> Path:
    """An export of `catalogue` with `rows` added to its Notes sheet."""
    with catalogue.sessions() as session:
        export_workbook(session, path)
    wb = openpyxl.load_workbook(path)
    sheet = wb["Notes"]
    header = [c.value for c in sheet[1]]
    for row in rows:
        sheet.append([row.get(h) for h in header])
    wb.save(path)
    return path


NEW_NOTE = {"Case slug": "beta", "Note": "from a colleague"}
UNKNOWN_CASE = {"Case slug": "no-such-case", "Note": "lost"}


@pytest.fixture
def db(small_catalogue: Catalogue) -> str:
    return str(small_catalogue.path)


def _notes(catalogue: Catalogue) -> list[str]:
    with catalogue.sessions() as session:
        return list(session.scalars(select(Note.body)))


def _terminal(monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    monkeypatch.setattr(sys, "stdin", FakeTerminal(typed))


@pytest.mark.parametrize("typed", ["y\n", "YES\n"])
def test_a_terminal_is_asked_and_yes_applies(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    _terminal(monkeypatch, typed)
    assert main(["--db", db, "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.index("1 to add") < out.index(APPLY_QUESTION) < out.index("Imported: 1 added")
    assert _notes(small_catalogue) == ["from a colleague"]


@pytest.mark.parametrize("typed", ["\n", "n\n", "yess\n", ""])  # "" is end of input
def test_anything_but_yes_on_the_terminal_applies_nothing(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    _terminal(monkeypatch, typed)
    assert main(["--db", db, "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert APPLY_QUESTION in out and "Nothing was imported." in out
    assert _notes(small_catalogue) == []


def test_yes_applies_without_asking(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    _terminal(monkeypatch, "n\n")  # never read
    assert main(["--db", db, "import", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert APPLY_QUESTION not in out and "Imported: 1 added" in out
    assert _notes(small_catalogue) == ["from a colleague"]


def test_dry_run_never_applies_nor_asks(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    _terminal(monkeypatch, "y\n")
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert APPLY_QUESTION not in out and "Nothing was written." in out
    assert _notes(small_catalogue) == []


def test_yes_and_dry_run_together_are_a_usage_error(db: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", db, "import", str(tmp_path / "x.xlsx"), "--yes", "--dry-run"])
    assert exited.value.code == 2


def test_without_a_terminal_nor_yes_nothing_is_applied_and_yes_is_suggested(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # a pipe: not asked
    assert main(["--db", db, "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert "1 to add" in captured.out and APPLY_QUESTION not in captured.out
    assert captured.err.count("\n") == 1 and "pass --yes" in captured.err
    assert _notes(small_catalogue) == []


def test_nothing_to_change_asks_nothing_and_exits_0(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [])
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--db", db, "import", str(path)]) == 0
    assert "Nothing to change." in capsys.readouterr().out


def test_rejected_rows_give_exit_3_even_when_the_rest_is_applied(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE, UNKNOWN_CASE])
    assert main(["--db", db, "import", str(path), "--dry-run"]) == EXIT_REJECTED == 3
    assert _notes(small_catalogue) == []
    assert main(["--db", db, "import", str(path), "--yes"]) == EXIT_REJECTED
    captured = capsys.readouterr()
    assert "Imported: 1 added" in captured.out and "1 rejected row(s)" in captured.err
    assert _notes(small_catalogue) == ["from a colleague"]


def test_json_alone_on_stdout_with_counts_rejected_rows_and_applied(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE, UNKNOWN_CASE])
    assert main(["--db", db, "import", str(path), "--json", "--dry-run"]) == EXIT_REJECTED
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False
    assert data["summary"]["added"] == 1 and data["summary"]["rejected"] == 1
    assert {"added", "changed", "unchanged", "rejected"} <= set(data["summary"])
    (rejected,) = data["rejected"]
    assert rejected["sheet"] == "Notes" and "no-such-case" in rejected["reason"]
    assert main(["--db", db, "import", str(path), "--json", "--yes"]) == EXIT_REJECTED
    captured = capsys.readouterr()
    assert json.loads(captured.out)["applied"] is True
    assert "Imported: 1 added" in captured.err


def test_json_on_a_terminal_asks_on_stderr_and_keeps_stdout_json(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    _terminal(monkeypatch, "y\n")
    assert main(["--db", db, "import", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["applied"] is True
    assert "1 to add" in captured.err and APPLY_QUESTION in captured.err


def test_the_installed_command_without_a_terminal(
    small_catalogue: Catalogue, db: str, tmp_path: Path
) -> None:
    """The real process: stdin from /dev/null is no terminal, so nothing is applied."""
    path = _workbook(small_catalogue, tmp_path / "in.xlsx", [NEW_NOTE])
    command = [sys.executable, "-m", "app", "--db", db, "import", str(path)]
    done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert done.returncode == 1 and "pass --yes" in done.stderr
    assert _notes(small_catalogue) == []
    done = subprocess.run([*command, "--yes"], stdin=subprocess.DEVNULL, capture_output=True)
    assert done.returncode == 0
    assert _notes(small_catalogue) == ["from a colleague"]


def test_a_colleagues_identical_rows_are_noted_without_asking(
    small_catalogue: Catalogue,
    db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A workbook from another catalogue seeded alike: nothing to change, but the rows
    both hold are noted (for later three-way comparisons), as the window does."""
    from seed import seed_catalogue
    from tests.conftest import FIXTURE_SEED, load_seed_files

    other = open_catalogue(tmp_path / "other.sqlite3", seed=False)
    with other.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    path = _workbook(other, tmp_path / "theirs.xlsx", [])
    other.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal, no --yes: still noted
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 0
    assert "Nothing was written." in capsys.readouterr().out
    assert _sync_bases(small_catalogue) == 0
    assert main(["--db", db, "import", str(path)]) == 0
    assert "Nothing to change; noted that" in capsys.readouterr().out
    assert _sync_bases(small_catalogue) > 0


def _sync_bases(catalogue: Catalogue) -> int:
    with catalogue.sessions() as session:
        return int(session.execute(text("SELECT count(*) FROM sync_base")).scalar_one())
