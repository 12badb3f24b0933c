"""Opening a catalogue: each kind of trouble has its own one-line message and advice,
read-only and damaged catalogues open read-only, and only damage mentions a backup."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.backups import make_backup
from app.cli import main
from app.store import CatalogueError, open_catalogue
from models.migrations import LATEST_VERSION
from tests.damage import break_check_constraint, overwrite_index_page
from tests.mounts import fill, remount_read_only, tmpfs

ROOT = Path(__file__).resolve().parent.parent
SLUG = "alpha"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("casebook: ")
    return lines[0]


def _small(path: Path) -> Path:
    """A catalogue with the two fixture cases (slugs alpha and beta-case)."""
    from seed import seed_catalogue
    from seed.schema import load_seed_files
    from tests.conftest import FIXTURE_SEED

    catalogue = open_catalogue(path, seed=False)
    with catalogue.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    catalogue.close()
    return path


def _first_slug(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT slug FROM case_study ORDER BY slug").fetchone()[0])
    finally:
        conn.close()


# --- damaged -------------------------------------------------------------------------


def test_a_damaged_catalogue_opens_read_only_and_names_the_newest_good_backup(
    db_path: Path,
) -> None:
    _small(db_path)
    good = make_backup(db_path)
    break_check_constraint(db_path)
    catalogue = open_catalogue(db_path)
    try:
        assert catalogue.read_only and catalogue.damaged
        reason = catalogue.read_only_reason or ""
        assert "damaged" in reason and "CHECK constraint failed" in reason
        assert good.name in reason and "casebook restore" in reason
        assert "\n" not in reason
    finally:
        catalogue.close()


def test_a_damaged_catalogue_can_be_listed_but_not_written(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    make_backup(db_path)
    break_check_constraint(db_path)
    before = db_path.read_bytes()
    status, out, err = _run(capsys, "--db", str(db_path), "list")
    assert status == 0
    assert len(out.splitlines()) >= 2
    assert "damaged" in _one_line_error(err)

    slug = _first_slug(db_path)
    status, _, err = _run(capsys, "--db", str(db_path), "note", slug, "a new note")
    assert status == 1
    line = _one_line_error(err)
    assert "damaged" in line and "casebook restore" in line
    assert db_path.read_bytes() == before


def test_an_unreadable_index_page_opens_read_only_and_reads_fail_in_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    overwrite_index_page(db_path, "sqlite_autoindex_case_study_1")
    catalogue = open_catalogue(db_path)
    assert catalogue.read_only and catalogue.damaged
    catalogue.close()
    status, _, err = _run(capsys, "--db", str(db_path), "show", "alpha")
    assert status in (0, 1)
    assert "Traceback" not in err


# --- read-only file, folder and disk ------------------------------------------------------


def test_a_read_only_disk_opens_read_only_for_list_show_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "mnt") as mnt:
        path = _small(mnt / "c.sqlite3")
        remount_read_only(mnt)
        catalogue = open_catalogue(path)
        assert catalogue.read_only and not catalogue.damaged
        assert "read-only disk" in (catalogue.read_only_reason or "")
        catalogue.close()

        status, out, err = _run(capsys, "--db", str(path), "list")
        assert status == 0 and "alpha" in out and err == ""
        status, out, _ = _run(capsys, "--db", str(path), "show", "alpha")
        assert status == 0 and "Alpha tea" in out
        target = tmp_path / "out.xlsx"
        status, _, _ = _run(capsys, "--db", str(path), "export", str(target))
        assert status == 0 and target.stat().st_size > 0

        status, _, err = _run(capsys, "--db", str(path), "tag", "alpha", "x")
        line = _one_line_error(err)
        assert status == 1 and "read-only" in line and "backup" not in line


def test_a_file_without_write_permission_opens_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    real_access = os.access
    monkeypatch.setattr(
        "models.engine.os.access",
        lambda p, mode: False if Path(p) == db_path else real_access(p, mode),
    )
    status, _, err = _run(capsys, "--db", str(db_path), "note", "alpha", "words")
    line = _one_line_error(err)
    assert status == 1
    assert "read-only for you" in line and "backup" not in line


def test_a_read_only_folder_opens_read_only_and_says_it_is_the_folder(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small(db_path)
    real_access = os.access
    monkeypatch.setattr(
        "models.engine.os.access",
        lambda p, mode: False if Path(p) == db_path.parent else real_access(p, mode),
    )
    catalogue = open_catalogue(db_path)
    try:
        reason = catalogue.read_only_reason or ""
        assert catalogue.read_only
        assert f"the folder {db_path.parent}" in reason and "backup" not in reason
    finally:
        catalogue.close()


def test_a_new_catalogue_in_a_read_only_folder_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("models.engine.os.access", lambda p, mode: False)
    with pytest.raises(CatalogueError, match="Cannot create a catalogue") as raised:
        open_catalogue(db_path)
    assert "backup" not in str(raised.value)


# --- full disk ---------------------------------------------------------------------------


def test_a_full_disk_says_so_and_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "mnt", size="8m") as mnt:
        path = _small(mnt / "c.sqlite3")
        fill(mnt)
        # Opening on a full disk: read-only, and writes say why.
        status, out, _ = _run(capsys, "--db", str(path), "list")
        assert status == 0 and "alpha" in out
        status, _, err = _run(capsys, "--db", str(path), "note", "alpha", "x" * 1000)
        line = _one_line_error(err)
        assert status == 1 and "full" in line and "backup" not in line
        # A new catalogue on the full disk.
        status, _, err = _run(capsys, "--db", str(mnt / "new.sqlite3"), "list")
        line = _one_line_error(err)
        assert status == 1 and "full" in line and "backup" not in line
        # Room to open, not to write a long note: SQLite's SQLITE_FULL in words.
        (mnt / "filler2").unlink()
        with (mnt / "filler").open("r+b") as handle:
            handle.truncate(max(0, handle.seek(0, 2) - 400 * 1024))
        status, _, err = _run(capsys, "--db", str(path), "note", "alpha", "y" * 3_000_000)
        line = _one_line_error(err)
        assert status == 1 and "full" in line and "nothing was lost" in line
        # Space freed: the same write works, and nothing earlier was lost.
        (mnt / "filler").unlink()
        status, out, err = _run(capsys, "--db", str(path), "note", "alpha", "y" * 3_000_000)
        assert status == 0, err
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 1
        conn.close()


# --- locked, newer, not a catalogue, FIFO, missing folder -------------------------------


def test_a_catalogue_locked_by_another_program_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    monkeypatch.setattr("models.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    try:
        status, _, err = _run(capsys, "--db", str(db_path), "list")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = _one_line_error(err)
    assert status == 1 and "locked by another program" in line and "backup" not in line


def test_a_fifo_is_refused_at_once_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "catalogue.sqlite3"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(fifo), "list"],
        capture_output=True,
        text=True,
        timeout=20,
        cwd=ROOT,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
    )
    assert done.returncode == 1
    line = _one_line_error(done.stderr)
    assert "named pipe" in line and "backup" not in line


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_text("notes\n"), id="text file"),
        pytest.param(lambda p: p.mkdir(), id="folder"),
    ],
)
def test_other_refusals_never_advise_a_backup(
    db_path: Path, make: object, capsys: pytest.CaptureFixture[str]
) -> None:
    make(db_path)  # type: ignore[operator]
    status, _, err = _run(capsys, "--db", str(db_path), "list")
    line = _one_line_error(err)
    assert status == 1 and "backup" not in line


def test_a_newer_catalogue_says_update_casebook(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    status, _, err = _run(capsys, "--db", str(db_path), "list")
    line = _one_line_error(err)
    assert status == 1 and "newer Casebook" in line and "backup" not in line


def test_a_folder_that_cannot_be_made_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blocker").write_text("x")
    status, _, err = _run(capsys, "--db", str(tmp_path / "blocker" / "sub" / "c.sqlite3"), "list")
    line = _one_line_error(err)
    assert status == 1 and "Cannot create the folder" in line and "backup" not in line
