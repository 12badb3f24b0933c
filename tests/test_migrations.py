"""Schema migrations: from an empty file and from every earlier version."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.store import backup_path, open_catalogue
from models import Base
from models.engine import make_engine
from models.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATION_MODULES, migrate


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _not_full_text_shadow_table(name: str | None, type_: str, parent: object) -> bool:
    """The FTS5 table and its shadow tables are SQLite's, not the models'."""
    return not (type_ == "table" and (name or "").startswith("search_fts"))


def test_empty_file_migrates_to_a_schema_equal_to_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "new.sqlite3")
    assert migrate(engine) == list(range(1, LATEST_VERSION + 1))
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": _not_full_text_shadow_table}
        )
        with warnings.catch_warnings():
            # Alembic cannot compare expression indexes (lower(title)); it says so.
            warnings.simplefilter("ignore")
            diff = compare_metadata(context, Base.metadata)
        app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
    engine.dispose()
    assert diff == []
    assert app_id == APPLICATION_ID
    assert _version(tmp_path / "new.sqlite3") == LATEST_VERSION


def test_migrating_twice_does_nothing(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "twice.sqlite3")
    migrate(engine)
    assert migrate(engine) == []
    engine.dispose()


@pytest.mark.parametrize("start", range(1, LATEST_VERSION))
def test_each_earlier_version_upgrades_keeping_its_data(tmp_path: Path, start: int) -> None:
    path = tmp_path / f"v{start}.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=start)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO case_study (slug, title, summary, narrative, sector, ongoing, "
            "created_at, updated_at) VALUES ('kept', 'Kept 保留 ساقلاندى', '', '', 'energy', 0, "
            "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
    engine.dispose()

    catalogue = open_catalogue(path, seed=False)
    catalogue.close()

    assert _version(path) == LATEST_VERSION
    with sqlite3.connect(path) as conn:
        title, version = conn.execute(
            "SELECT title, version FROM case_study WHERE slug = 'kept'"
        ).fetchone()
    assert title == "Kept 保留 ساقلاندى"
    assert version == 1  # migration 10: every row starts at version 1
    backup = backup_path(path, start)
    assert backup.exists() and _version(backup) == start


def test_a_failing_migration_leaves_the_previous_version_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fail.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=1)

    import models.migrations as migrations

    broken = type("Broken", (), {"STATEMENTS": ["CREATE TABLE half (x)", "NOT SQL AT ALL"]})
    monkeypatch.setattr(migrations, "_load", lambda name: broken)
    with pytest.raises(Exception, match="syntax error"):
        migrations.migrate(engine, target=2)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables  # the DDL was rolled back with the failed step
    assert _version(path) == 1


def test_every_migration_module_is_listed_in_order() -> None:
    modules = sorted(p.stem for p in Path("models/migrations").glob("v[0-9]*.py"))
    assert tuple(modules) == tuple(MIGRATION_MODULES)


def _autoincrement_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for name, sql in rows if "AUTOINCREMENT" in sql}


def test_ids_are_never_reused_after_the_newest_row_is_deleted(tmp_path: Path) -> None:
    path = tmp_path / "ids.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=3)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO case_study (id, slug, title, summary, narrative, sector, ongoing, "
            "created_at, updated_at) VALUES (7, 'a', 'A', '', '', 'x', 0, "
            "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        for note_id in (1, 2, 3):
            conn.exec_driver_sql(
                f"INSERT INTO note (id, case_id, body, created_at, updated_at) VALUES "
                f"({note_id}, 7, 'n{note_id}', '2024-01-01', '2024-01-01')"
            )
        conn.exec_driver_sql("DELETE FROM note WHERE id = 3")
    migrate(engine)
    with engine.begin() as conn:
        kept = conn.exec_driver_sql("SELECT id, case_id, body FROM note ORDER BY id").all()
        conn.exec_driver_sql(
            "INSERT INTO note (case_id, body, created_at, updated_at) "
            "VALUES (7, 'new', '2024-01-02', '2024-01-02')"
        )
        conn.exec_driver_sql("DELETE FROM note WHERE body = 'new'")
        conn.exec_driver_sql(
            "INSERT INTO note (case_id, body, created_at, updated_at) "
            "VALUES (7, 'newer', '2024-01-03', '2024-01-03')"
        )
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM note ORDER BY id")]
        fk_on = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    engine.dispose()
    assert [tuple(r) for r in kept] == [(1, 7, "n1"), (2, 7, "n2")]
    assert ids == [1, 2, 4]  # 3 was deleted before the step and 3 ids later: none reused
    assert fk_on == 1  # the rebuild turned foreign keys back on
    expected = {
        "actor", "case_study", "place", "source", "tag", "case_actor",
        "metric", "note", "perspective", "highlight", "saved_search",
        "change_step", "change_row",
    }  # fmt: skip
    assert _autoincrement_tables(path) == expected


_SCHEMA3_ROWS = (
    "INSERT INTO case_study (id, slug, title, summary, narrative, sector, ongoing, created_at, "
    "updated_at) VALUES (1, 'a', 'A', '', '', 'x', 0, '2024-01-01', '2024-01-01')",
    "INSERT INTO place (id, name, name_zh, name_ug, level) VALUES (1, 'P', '', '', 'province')",
    "INSERT INTO source (id, title, author, publisher, date_text, date_note, seed_file, kind, "
    "outlook) VALUES (1, 'S', '', '', '', '', '', '', '')",
    "INSERT INTO actor (id, kind, name, name_zh, name_ug) VALUES (1, 'person', 'N', '', '')",
    "INSERT INTO metric (id, case_id, position, name, value, unit, qualifier, note) "
    "VALUES (1, 1, 0, 'm', 1.0, '', 'exact', '')",
    "INSERT INTO case_place (case_id, place_id, role) VALUES (1, 1, 'donor')",
    "INSERT INTO case_source (case_id, source_id) VALUES (1, 1)",
    "INSERT INTO case_actor (id, case_id, actor_id, role) VALUES (1, 1, 1, 'r')",
    "INSERT INTO perspective (id, case_id, viewpoint, text) VALUES (1, 1, 'v', 't')",
)


def test_the_rebuild_keeps_every_child_row(tmp_path: Path) -> None:
    """DROP TABLE with foreign keys on would cascade-delete children; the step turns them off."""

    path = tmp_path / "children.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=3)
    with engine.begin() as conn:
        for statement in _SCHEMA3_ROWS:
            conn.exec_driver_sql(statement)
    tables = ("case_study", "metric", "case_place", "case_source", "case_actor", "perspective")

    def counts() -> dict[str, int]:
        with engine.connect() as conn:
            return {
                t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one() for t in tables
            }

    before = counts()
    assert migrate(engine) == list(range(4, LATEST_VERSION + 1))
    assert all(before.values())
    assert counts() == before
    engine.dispose()
