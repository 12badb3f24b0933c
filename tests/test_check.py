"""Check Catalogue: SQLite's checks and Casebook's, in words, without changing the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.check import check_catalogue
from app.cli import main
from tests.damage import break_check_constraint, orphan_a_note, overwrite_index_page
from tests.test_open_messages import _small


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["--db", str(path), "check"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out.splitlines()


def test_a_sound_catalogue_passes(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _small(db_path)
    report = check_catalogue(db_path)
    assert report.ok and report.problems == []
    assert any("integrity check" in p for p in report.passed)
    status, lines = _check(db_path, capsys)
    assert status == 0 and lines[0].endswith("no problems found.")


def test_a_broken_check_constraint_is_reported_in_words(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    break_check_constraint(db_path)
    report = check_catalogue(db_path)
    assert "Metrics with neither a value nor a low and a high: 1." in report.problems
    assert any("CHECK constraint failed in metric" in p for p in report.problems)
    status, lines = _check(db_path, capsys)
    assert status == 1 and "problem" in lines[0]


def test_a_note_without_its_case_study_is_reported(db_path: Path) -> None:
    _small(db_path)
    orphan_a_note(db_path)
    report = check_catalogue(db_path)
    assert "Notes of a case study that does not exist: 1." in report.problems
    assert not any("Rows of note" in p for p in report.problems)  # said once, in words


def test_a_damaged_index_is_reported_and_the_file_left_alone(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    overwrite_index_page(db_path)
    before = db_path.read_bytes()
    status, lines = _check(db_path, capsys)
    assert status == 1
    assert any("SQLite's integrity check" in line for line in lines)
    assert db_path.read_bytes() == before


def test_an_old_schema_and_a_missing_file_are_reported(db_path: Path, tmp_path: Path) -> None:
    _small(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    assert any("schema 2" in p for p in check_catalogue(db_path).problems)
    missing = check_catalogue(tmp_path / "missing.sqlite3")
    assert not missing.ok and "no catalogue" in missing.problems[0]
