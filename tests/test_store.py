"""Opening catalogue files: pragmas, and bad files left exactly as they were."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.paths import default_db_path, resolve_db_path
from app.store import CatalogueError, open_catalogue
from models.migrations import LATEST_VERSION
from tests.damage import overwrite_index_page


def _snapshot(path: Path) -> tuple[bytes, float]:
    return path.read_bytes(), path.stat().st_mtime


def test_connections_get_foreign_keys_wal_and_full_sync(db_path: Path) -> None:
    catalogue = open_catalogue(db_path, seed=False)
    with catalogue.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    catalogue.close()


def test_an_empty_file_becomes_a_catalogue(db_path: Path) -> None:
    db_path.touch()
    catalogue = open_catalogue(db_path, seed=False)
    catalogue.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_a_text_file_is_refused_and_untouched(db_path: Path) -> None:
    db_path.write_text("my thesis notes, not a database\n", encoding="utf-8")
    before = _snapshot(db_path)
    with pytest.raises(CatalogueError, match="not a Casebook catalogue"):
        open_catalogue(db_path)
    assert _snapshot(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_another_programs_sqlite_database_is_refused_and_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.execute("INSERT INTO songs VALUES ('x')")
    before = _snapshot(db_path)
    with pytest.raises(CatalogueError, match="not a Casebook catalogue"):
        open_catalogue(db_path)
    assert _snapshot(db_path) == before


def test_a_catalogue_from_a_newer_casebook_is_refused_and_untouched(db_path: Path) -> None:
    open_catalogue(db_path, seed=False).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = _snapshot(db_path)
    with pytest.raises(CatalogueError, match="newer Casebook"):
        open_catalogue(db_path)
    assert _snapshot(db_path) == before


def test_a_damaged_catalogue_opens_read_only_and_untouched(db_path: Path) -> None:
    open_catalogue(db_path, seed=False).close()
    overwrite_index_page(db_path)
    before = _snapshot(db_path)
    damaged = open_catalogue(db_path)
    assert damaged.read_only and damaged.damaged
    assert "damaged" in (damaged.read_only_reason or "")
    damaged.close()
    assert _snapshot(db_path) == before


def test_a_file_damaged_beyond_reading_is_refused_and_untouched(db_path: Path) -> None:
    open_catalogue(db_path, seed=False).close()
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Overwrite everything after the first page: the schema table's other pages too.
    data[page_size:] = b"\xa5" * (len(data) - page_size)
    db_path.write_bytes(bytes(data))
    before = _snapshot(db_path)
    with pytest.raises(CatalogueError, match=r"damaged.*casebook restore"):
        open_catalogue(db_path)
    assert _snapshot(db_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_catalogue_gets_a_clear_message(db_path: Path) -> None:
    open_catalogue(db_path, seed=False).close()
    db_path.chmod(0o444)
    try:
        catalogue = open_catalogue(db_path)
        assert catalogue.read_only
        assert "read-only" in (catalogue.read_only_reason or "")
        catalogue.close()
    finally:
        db_path.chmod(0o644)


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(CatalogueError, match="is a folder"):
        open_catalogue(folder)


def test_a_location_under_a_file_is_unwritable(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(CatalogueError, match="Cannot create the folder"):
        open_catalogue(blocker / "sub" / "c.sqlite3")


def test_db_path_comes_from_option_then_environment_then_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEBOOK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_db_path(str(tmp_path / "opt.sqlite3")) == tmp_path / "opt.sqlite3"
    assert resolve_db_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv("CASEBOOK_DB")
    assert resolve_db_path(None) == default_db_path()
    assert default_db_path().parent.name == "Casebook"


def test_a_file_without_write_permission_gets_a_clear_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check as above, for runs as root, where chmod does not bind."""
    open_catalogue(db_path, seed=False).close()
    import models.engine

    monkeypatch.setattr(models.engine.os, "access", lambda path, mode: False)
    catalogue = open_catalogue(db_path)
    assert catalogue.read_only
    assert "read-only for you" in (catalogue.read_only_reason or "")
    catalogue.close()
