"""Backups: made whole or not at all, once a day, rotated, listed, and restored."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.backups import (
    BACKUP_FOLDER,
    BackupError,
    auto_backup,
    auto_backup_if_due,
    backup_folder,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
)
from app.cli import main
from app.store import open_catalogue
from models.migrations import LATEST_VERSION
from tests.damage import break_check_constraint, overwrite_index_page
from tests.mounts import fill, tmpfs
from tests.test_open_messages import _small

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday


def _notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT body FROM note ORDER BY id")]
    finally:
        conn.close()


def _add_note(path: Path, body: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(path), "note", "alpha", body]) == 0
    capsys.readouterr()


def test_a_backup_is_a_whole_checked_catalogue_in_the_backups_folder(db_path: Path) -> None:
    _small(db_path)
    made = make_backup(db_path, now=NOON)
    assert made.parent == db_path.parent / BACKUP_FOLDER
    assert made.name == "catalogue-20260302T120000Z-manual.sqlite3"
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no -wal, no temp
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    conn.close()
    [info] = list_backups(db_path)
    assert (info.path, info.kind, info.cases, info.notes) == (made, "manual", 2, 0)
    assert info.size == made.stat().st_size


def test_two_backups_in_one_second_both_keep_their_own_name(db_path: Path) -> None:
    _small(db_path)
    first = make_backup(db_path, now=NOON)
    second = make_backup(db_path, now=NOON)
    assert first != second and first.exists() and second.exists()


def test_a_backup_that_fails_leaves_no_file_behind(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", size="2m") as mnt:
        path = _small(mnt / "c.sqlite3")
        (mnt / BACKUP_FOLDER).mkdir()
        fill(mnt)
        with pytest.raises(BackupError, match="full"):
            make_backup(path, now=NOON)
        assert list((mnt / BACKUP_FOLDER).iterdir()) == []


def test_the_automatic_backup_is_made_at_most_once_a_day(db_path: Path) -> None:
    _small(db_path)
    assert auto_backup_if_due(db_path, NOON) is not None
    assert auto_backup_if_due(db_path, NOON + timedelta(hours=23)) is None
    assert auto_backup_if_due(db_path, NOON + timedelta(days=1)) is not None
    assert [b.kind for b in list_backups(db_path)] == ["auto", "auto"]


def test_opening_an_existing_catalogue_makes_the_daily_backup_and_a_new_one_does_not(
    db_path: Path,
) -> None:
    open_catalogue(db_path, seed=False).close()
    assert not backup_folder(db_path).exists()
    open_catalogue(db_path, seed=False).close()
    open_catalogue(db_path, seed=False).close()
    assert [b.kind for b in list_backups(db_path)] == ["auto"]


def test_an_automatic_backup_never_raises(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _small(db_path)
    backup_folder(db_path).write_text("a file where the folder should be")
    assert auto_backup(db_path, NOON) is None
    assert open_catalogue(db_path, seed=False).read_only is False


def test_rotation_keeps_seven_daily_and_four_weekly_and_every_manual_one(db_path: Path) -> None:
    _small(db_path)
    model = make_backup(db_path, now=NOON)
    folder = model.parent
    for hours in range(0, 40 * 24, 12):  # two a day for 40 days
        taken = NOON - timedelta(hours=hours)
        shutil.copy(model, folder / f"catalogue-{taken:%Y%m%dT%H%M%SZ}.sqlite3")
    rotate(db_path)
    autos = [b.taken for b in list_backups(db_path, with_counts=False) if b.kind == "auto"]
    days = [NOON - timedelta(days=d) for d in range(7)]  # the newest of each of 7 days
    assert autos[:7] == days
    weeks = {t.isocalendar()[:2] for t in autos}
    assert len(weeks) == 4 and len(autos) == 7 + 2  # two more weeks beyond the 7 days
    assert model.exists()  # the manual one stays


def test_restore_brings_back_the_backup_and_keeps_the_current_content(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    _add_note(db_path, "first", capsys)
    backup = make_backup(db_path)
    _add_note(db_path, "second", capsys)
    kept = restore_backup(db_path, backup)
    assert _notes(db_path) == ["first"]
    assert kept is not None and _notes(kept) == ["first", "second"]
    assert "before-restore" in kept.name
    catalogue = open_catalogue(db_path)
    assert not catalogue.read_only
    catalogue.close()


def test_restore_into_a_damaged_catalogue(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    _add_note(db_path, "kept", capsys)
    backup = make_backup(db_path)
    overwrite_index_page(db_path, "ix_note_case_id")
    restore_backup(db_path, backup)
    assert _notes(db_path) == ["kept"]
    catalogue = open_catalogue(db_path)
    assert not catalogue.damaged and not catalogue.read_only
    catalogue.close()


@pytest.mark.parametrize("spoil", ["damaged", "newer", "not a catalogue"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(db_path: Path, spoil: str) -> None:
    _small(db_path)
    backup = make_backup(db_path)
    if spoil == "damaged":
        break_check_constraint(backup)
    elif spoil == "newer":
        conn = sqlite3.connect(backup)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        conn.close()
    else:
        backup.write_text("not a database")
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="Cannot restore"):
        restore_backup(db_path, backup)
    assert db_path.read_bytes() == before
    assert [b.kind for b in list_backups(db_path)] == ["manual"]  # no before-restore copy


def test_the_command_line_backs_up_lists_and_restores(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    _add_note(db_path, "one", capsys)
    assert main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Backed up {db_path} to ")
    target = tmp_path / "elsewhere.sqlite3"
    assert main(["--db", str(db_path), "backup", str(target)]) == 0
    assert target.exists()
    capsys.readouterr()
    assert main(["--db", str(db_path), "backup", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err

    _add_note(db_path, "two", capsys)
    assert main(["--db", str(db_path), "backups"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2  # the manual one and the daily one from opening
    assert "cases" in listing[0] and " 1 note " in listing[0]

    name = list_backups(db_path)[0].path.name
    assert main(["--db", str(db_path), "restore", name]) == 0
    assert "Restored" in capsys.readouterr().out
    assert _notes(db_path) == ["one"]
    assert main(["--db", str(db_path), "restore", "no-such-backup"]) == 1
    assert "No backup" in capsys.readouterr().err


def test_restore_over_a_file_sqlite_cannot_even_open_replaces_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    _add_note(db_path, "kept", capsys)
    backup = make_backup(db_path)
    data = bytearray(db_path.read_bytes())
    data[16:18] = b"\x00\x03"  # an impossible page size: "file is not a database"
    db_path.write_bytes(bytes(data))
    kept = restore_backup(db_path, backup)
    assert _notes(db_path) == ["kept"]
    assert kept is not None
    assert kept.read_bytes()[16:18] == b"\x00\x03"  # the broken file, kept as it was


def test_a_deleted_catalogue_is_restored_from_its_backup(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small(db_path)
    _add_note(db_path, "saved", capsys)
    backup = make_backup(db_path)
    stale = sqlite3.connect(db_path)  # keeps a -wal of other content beside the file
    stale.execute("PRAGMA wal_autocheckpoint = 0")
    stale.execute("INSERT INTO meta (key, value) VALUES ('stale', 'x')")
    stale.commit()
    shutil.copy(f"{db_path}-wal", tmp_path / "wal")
    stale.close()
    db_path.unlink()
    shutil.copy(tmp_path / "wal", f"{db_path}-wal")
    assert main(["--db", str(db_path), "restore", backup.name]) == 0
    assert "Restored the missing" in capsys.readouterr().out
    assert _notes(db_path) == ["saved"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM meta WHERE key = 'stale'").fetchone()[0] == 0
    conn.close()
