"""The same catalogue on both back ends: a SQLite file and a team catalogue on PostgreSQL.

Each test runs on both (`backend_name`); the PostgreSQL one runs in a
throwaway cluster (tests/pg_cluster.py), a fresh database per test.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, make_url, select, text

from app.case_edit import load_draft, save_case
from app.changes import Journal, ReplayConflictError
from app.notes import add_note, update_note
from app.query import CaseFilter, case_ids, facet_counts
from app.search.index import check, indexed_ids, rebuild
from app.service import CatalogueService
from app.store import Catalogue, CatalogueError, open_catalogue
from app.tags import tag_cases
from models import Base, CaseStudy, CaseTag, Note
from models.backends import backend_of, postgresql
from models.migrations import LATEST_VERSION, schema_version
from tests.annotate_helpers import case_id, reopen
from tests.exchange_helpers import edit_cells, export, import_file, preview


def _found(catalogue: Catalogue, query: str, sort: str = "title") -> list[str]:
    with catalogue.sessions() as session:
        ids = case_ids(session, CaseFilter(text=query), sort)  # type: ignore[arg-type]
        slugs = {i: s for i, s in session.execute(select(CaseStudy.id, CaseStudy.slug))}
    return [slugs[i] for i in ids]


# --- the store: open, migrate, seed --------------------------------------------------------


def test_a_new_catalogue_is_made_at_the_latest_version_and_seeded_once(
    empty_location: str,
) -> None:
    first = open_catalogue(empty_location)
    with first.engine.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION
        assert backend_of(conn).is_catalogue(conn)
    assert first.seed_report.added["case"] == 12
    with first.sessions() as session:
        cases = session.scalar(select(func.count()).select_from(CaseStudy))
        indexed = list(indexed_ids(session))
    first.close()
    again = open_catalogue(empty_location)
    assert again.seed_report.skipped
    with again.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CaseStudy)) == cases == 12
    assert len(indexed) == 12
    again.close()


def test_the_postgresql_schema_equals_the_models(pg_databases: object) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    catalogue = open_catalogue(pg_databases.new("empty"), seed=False)
    with catalogue.engine.connect() as conn:
        # The full-text table and the server's own indexes are the back end's, not the models'.
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, type_, parent: (
                    name != "search_fts" and name not in postgresql.SERVER_INDEXES
                )
            },
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # expression indexes (lower(title)) are not compared
            diff = compare_metadata(context, Base.metadata)
        triggers = conn.execute(
            text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'search_%'")
        ).scalar()
    catalogue.close()
    assert diff == []
    assert triggers == 16  # case_study, 9 child tables, 6 on linked rows


def test_a_database_holding_other_tables_is_refused_and_left_alone(pg_databases: object) -> None:
    import psycopg

    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.new("empty")
    conninfo = pg_databases.cluster.conninfo(str(make_url(url).database))
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(CatalogueError, match="holds other tables but no Casebook catalogue"):
        open_catalogue(url)
    with psycopg.connect(conninfo) as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        assert [t for (t,) in tables] == ["songs"]


def test_a_catalogue_from_a_newer_casebook_is_refused(pg_databases: object) -> None:
    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.new("small")
    catalogue = open_catalogue(url, seed=False)
    with catalogue.engine.begin() as conn:
        backend_of(conn).stamp(conn, LATEST_VERSION + 1)
    catalogue.close()
    with pytest.raises(CatalogueError, match="made by a newer Casebook"):
        open_catalogue(url)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://me:secret@db.example/team", "Leave the password out of the address"),
        ("postgresql+psycopg://me@/nowhere?host=/nonexistent-folder", "Cannot reach the server"),
        ("postgresql://me@db.example", "names no database"),
    ],
)
def test_a_server_address_that_cannot_work_is_one_line(url: str, said: str) -> None:
    with pytest.raises(CatalogueError, match=said) as caught:
        open_catalogue(url)
    assert "\n" not in str(caught.value) and "secret" not in str(caught.value)


def test_a_missing_database_says_how_to_make_it(pg_databases: object) -> None:
    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.cluster.url("no_such_db")
    with pytest.raises(
        CatalogueError, match=r"does not exist on the server .*`casebook team init "
    ):
        open_catalogue(url)


# --- the journal: undo and redo --------------------------------------------------------


def test_undo_and_redo_replay_the_journal(any_small_catalogue: Catalogue) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue, author="me")
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")

    def edit(journal: Journal) -> None:
        draft = load_draft(journal.session, alpha)
        draft.title = "Alpha, retitled"
        save_case(journal, alpha, draft)
        tag_cases(journal, [alpha, beta], ["field/visited"])
        add_note(journal, alpha, "Visited in May 五月")

    _, changes = service.write(edit)
    assert _found(catalogue, "retitled") == ["alpha"]
    assert _found(catalogue, "五月") == ["alpha"]
    service.replay(changes, undo=True)
    with catalogue.sessions() as session:
        assert session.get(CaseStudy, alpha).title == "Alpha tea workshop"  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(CaseTag)) == 0
        assert session.scalar(select(func.count()).select_from(Note)) == 0
    assert _found(catalogue, "retitled") == [] and _found(catalogue, "五月") == []
    service.replay(changes, undo=False)
    assert _found(catalogue, "tag:field") == ["alpha", "beta"]
    assert _found(catalogue, "五月") == ["alpha"]


def test_undo_refuses_when_another_connection_changed_the_row(
    any_small_catalogue: Catalogue,
) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    note_id, _ = service.write(add_note, case_id(catalogue, "alpha"), "mine")
    _, edit = service.write(update_note, note_id, "mine, edited")
    other = reopen(catalogue)
    CatalogueService(other).write(update_note, note_id, "a colleague's text")
    other.close()
    with pytest.raises(ReplayConflictError, match="the note 'mine, edited' was changed"):
        service.replay(edit, undo=True)
    with catalogue.sessions() as session:
        assert session.get(Note, note_id).body == "a colleague's text"  # type: ignore[union-attr]


def test_a_deleted_case_comes_back_with_its_children_on_undo(
    any_small_catalogue: Catalogue,
) -> None:
    from app.case_edit import delete_case

    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    alpha = case_id(catalogue, "alpha")
    service.write(add_note, alpha, "kept through the undo")
    _, deletion = service.write(delete_case, alpha)
    assert _found(catalogue, "kept") == []
    service.replay(deletion, undo=True)
    assert _found(catalogue, "kept through") == ["alpha"]
    # A new row after the undo gets a new id (none is reused).
    new_note, _ = service.write(add_note, alpha, "after")
    with catalogue.sessions() as session:
        assert new_note == session.scalar(select(func.max(Note.id)))


# --- search ------------------------------------------------------------------------------


def test_search_finds_words_chinese_prefixes_and_excludes(any_catalogue: Catalogue) -> None:
    catalogue = any_catalogue
    assert "jin-embroidery-wujiaqu" in _found(catalogue, "embroidery")
    assert "jin-embroidery-wujiaqu" in _found(catalogue, "embroid*")
    assert "jin-embroidery-wujiaqu" in _found(catalogue, "晋绣")  # from 五家渠妇女晋绣培训
    assert "jin-embroidery-wujiaqu" in _found(catalogue, "妇女")
    assert "yangzhou-hotan-jade-carving" in _found(catalogue, "jade OR 刺绣")
    assert set(_found(catalogue, "embroidery -wujiaqu")) < set(_found(catalogue, "embroidery"))
    assert _found(catalogue, "nosuchwordanywhere") == []
    # The title weighs most: a case with the word in its title comes first.
    assert _found(catalogue, "embroidery", sort="relevance")[0] == "jin-embroidery-wujiaqu"


def test_the_same_searches_find_the_same_cases_on_both(
    any_catalogue: Catalogue, tmp_path: Path
) -> None:
    other = open_catalogue(tmp_path / "reference.sqlite3")
    for query in ("solar", "tea OR jade", "kashgar", "喀什", "sector:energy", "year:2018..2020",
                  "train*", "donor:jiangsu", "has:figures -tea", "brick tea"):  # fmt: skip
        assert _found(any_catalogue, query) == _found(other, query), query
    other.close()


def test_facet_counts_agree_on_both(any_catalogue: Catalogue, tmp_path: Path) -> None:
    other = open_catalogue(tmp_path / "reference.sqlite3")

    def counts(catalogue: Catalogue) -> dict[str, list[tuple[str, int]]]:
        with catalogue.sessions() as session:
            facets = facet_counts(session, CaseFilter(text="assistance"))
        return {g: sorted((v.key, v.count) for v in vs) for g, vs in facets.groups.items()}

    mine = counts(any_catalogue)
    assert mine == counts(other)
    assert any(n for values in mine.values() for _, n in values)
    other.close()


def test_a_step_of_many_rows_is_logged_whole_and_in_order(any_small_catalogue: Catalogue) -> None:
    from app.changes import ChangeSet, RowChange
    from app.history import record_step
    from models import ChangeRow, ChangeStep

    count = 2 * postgresql.ROWS_PER_STATEMENT + 7  # a server writes it in three pieces
    changes = ChangeSet(
        [RowChange("note", (i,), None, {"id": i, "body": f"n{i} \u00e9\"'"}) for i in range(count)]
    )
    with any_small_catalogue.sessions.begin() as session:
        step = record_step(session, changes, author="ana", text="import", kind="change")
    with any_small_catalogue.sessions() as session:
        rows = session.execute(
            select(ChangeRow.row_key, ChangeRow.after, ChangeRow.case_id)
            .where(ChangeRow.step_id == step)
            .order_by(ChangeRow.id)
        ).all()
        logged = session.get(ChangeStep, step)
        assert logged is not None and (logged.author, logged.text) == ("ana", "import")
    assert [key for key, _, _ in rows] == [f"[{i}]" for i in range(count)]
    assert json.loads(rows[-1][1]) == {"id": count - 1, "body": f"n{count - 1} \u00e9\"'"}
    assert {case for _, _, case in rows} == {None}


def test_a_rebuilt_index_finds_what_the_incremental_one_did(any_catalogue: Catalogue) -> None:
    before = _found(any_catalogue, "pairing")
    with any_catalogue.sessions.begin() as session:
        assert rebuild(session) == 12
    with any_catalogue.sessions() as session:
        assert check(session)
    assert _found(any_catalogue, "pairing") == before and before


# --- exchange: an xlsx round trip ----------------------------------------------------------


def test_an_xlsx_round_trip_takes_an_edit_once(
    any_small_catalogue: Catalogue, tmp_path: Path
) -> None:
    catalogue = any_small_catalogue
    workbook = export(catalogue, tmp_path / "out.xlsx")
    assert not preview(catalogue, workbook).has_changes
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), {"Title": "Edited in Excel 修改"})
    plan = import_file(catalogue, workbook)
    assert len(plan.changed) == 1 and not plan.rejected
    assert _found(catalogue, "修改") == ["alpha"]
    assert not preview(catalogue, workbook).has_changes


def test_writers_to_a_server_take_turns_and_readers_never_wait(pg_databases: object) -> None:
    import threading
    import time

    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.new("small")
    mine, theirs = open_catalogue(url, seed=False), open_catalogue(url, seed=False)
    order: list[str] = []

    def their_write() -> None:
        CatalogueService(theirs).write(add_note, 1, "theirs")
        order.append("theirs written")

    with mine.sessions.begin() as session:
        session.execute(text("SELECT 1"))  # the write lock is taken with the first statement
        other = threading.Thread(target=their_write)
        other.start()
        time.sleep(0.5)
        with theirs.sessions() as reading:  # a read does not wait for the writer
            assert reading.scalar(select(func.count()).select_from(Note)) == 0
        order.append("mine committing")
    other.join(10)
    assert order == ["mine committing", "theirs written"]
    mine.close()
    theirs.close()


def test_a_numbered_migration_after_8_runs_once_on_a_server(
    pg_databases: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    import models.migrations as migrations
    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    catalogue = open_catalogue(pg_databases.new("small"), seed=False)
    step = types.ModuleType("models.migrations.v999_example")
    step.STATEMENTS = ["ALTER TABLE note ADD COLUMN mood VARCHAR(20) DEFAULT '' NOT NULL"]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, step.__name__, step)
    monkeypatch.setattr(migrations, "MIGRATION_MODULES", (*migrations.MIGRATION_MODULES,
                                                          "v999_example"))  # fmt: skip
    monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    assert migrations.migrate(catalogue.engine, target=LATEST_VERSION + 1) == [LATEST_VERSION + 1]
    assert migrations.migrate(catalogue.engine, target=LATEST_VERSION + 1) == []
    with catalogue.engine.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION + 1
        assert conn.execute(text("SELECT count(mood) FROM note")).scalar() == 0
    catalogue.close()


def undo_migration_11(conn: Connection) -> None:
    """Take a PostgreSQL catalogue back to what migration 10 left (for migration tests)."""
    conn.execute(text("DROP INDEX " + ", ".join(postgresql.SERVER_INDEXES)))


def _server_indexes(url: str) -> dict[str, str]:
    catalogue = open_catalogue(url, seed=False)
    with catalogue.engine.connect() as conn:
        found = conn.execute(
            text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(:names)"),
            {"names": list(postgresql.SERVER_INDEXES)},
        )
        indexes = {str(name): str(definition) for name, definition in found}
    catalogue.close()
    return indexes


def test_migration_11_gives_a_team_catalogue_the_indexes_a_new_one_has(
    pg_databases: object,
) -> None:
    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    new = _server_indexes(pg_databases.new("small"))
    assert sorted(new) == sorted(postgresql.SERVER_INDEXES)
    older = pg_databases.new("small")
    catalogue = open_catalogue(older, seed=False)
    with catalogue.engine.begin() as conn:
        undo_migration_11(conn)
        postgresql.stamp(conn, 10)
    catalogue.close()
    assert _server_indexes(older) == new
    catalogue = open_catalogue(older, seed=False)
    with catalogue.engine.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION == 11
    with catalogue.sessions() as session:  # the facets read them and count as before
        counts = facet_counts(session, CaseFilter(text="tea"))
    catalogue.close()
    assert counts.groups


def test_two_casebooks_creating_one_team_catalogue_at_once_make_it_once(
    pg_databases: object,
) -> None:
    import threading

    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.new("empty")
    opened: list[Catalogue] = []
    failures: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(open_catalogue(url))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == [] and len(opened) == 2
    with opened[0].sessions() as session:
        assert session.scalar(select(func.count()).select_from(CaseStudy)) == 12
    for catalogue in opened:
        catalogue.close()


def test_a_nul_character_is_refused_in_words_on_a_server(pg_databases: object) -> None:
    from app.service import WriteFailedError
    from tests.conftest import PgDatabases

    assert isinstance(pg_databases, PgDatabases)
    catalogue = open_catalogue(pg_databases.new("small"), seed=False)
    service = CatalogueService(catalogue)
    with pytest.raises(WriteFailedError, match=r"cannot hold the NUL character \(U\+0000\)"):
        service.write(add_note, case_id(catalogue, "alpha"), "before\x00after")
    catalogue.close()
