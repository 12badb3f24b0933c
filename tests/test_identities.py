"""Every exchangeable row carries a UUID: made on insert, kept by undo, given by migration 7."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from app.store import open_catalogue
from models import CaseStudy, Metric, Note, Source, Tag
from models.engine import make_engine
from models.identity import IDENTIFIED_TABLES, is_uuid, seed_uuid
from models.migrations import migrate


def test_migration_gives_seed_rows_their_seed_uuid_and_others_a_random_one(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=6)
    with engine.begin() as conn:
        for slug in ("jin-embroidery", "mine"):
            conn.exec_driver_sql(
                "INSERT INTO case_study (slug, title, summary, narrative, sector, ongoing, "
                f"created_at, updated_at) VALUES ('{slug}', 'T', '', '', '', 0, "
                "'2024-01-01', '2024-01-01')"
            )
        conn.exec_driver_sql(
            "INSERT INTO seed_record (kind, key) VALUES ('case', 'jin-embroidery')"
        )
        conn.exec_driver_sql("INSERT INTO seed_record (kind, key) VALUES ('source', 's1')")
        conn.exec_driver_sql(
            "INSERT INTO source (key, title, author, publisher, date_text, "
            "date_note, seed_file, kind, outlook) VALUES "
            "('s1', 'S', '', '', '', '', '', '', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO note (case_id, body, created_at, updated_at) "
            "VALUES (1, 'n', '2024-01-01', '2024-01-01'), "
            "(2, 'm', '2024-01-01', '2024-01-01')"
        )
    assert migrate(engine, target=7) == [7]
    engine.dispose()
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("SELECT slug, uuid FROM case_study"))
        source = conn.execute("SELECT uuid FROM source").fetchone()[0]
        for table in IDENTIFIED_TABLES:
            uuids = [u for (u,) in conn.execute(f"SELECT uuid FROM {table}")]
            assert all(is_uuid(u) for u in uuids), table
            assert len(set(uuids)) == len(uuids), table
        notes = [u for (u,) in conn.execute("SELECT uuid FROM note")]
    assert rows["jin-embroidery"] == seed_uuid("case", "jin-embroidery")
    assert is_uuid(rows["mine"]) and rows["mine"] != seed_uuid("case", "mine")
    assert source == seed_uuid("source", "s1")
    assert len(notes) == 2


def test_two_catalogues_seeded_alike_agree_on_the_seed_uuids(tmp_path: Path) -> None:
    found = []
    for name in ("a", "b"):
        catalogue = open_catalogue(tmp_path / f"{name}.sqlite3", seed=True)
        with catalogue.sessions() as session:
            found.append(
                (
                    set(session.scalars(select(CaseStudy.uuid))),
                    set(session.scalars(select(Metric.uuid))),
                    set(session.scalars(select(Source.uuid))),
                )
            )
        catalogue.close()
    assert found[0] == found[1]
    assert all(found[0])


def test_rows_made_here_get_a_fresh_uuid(tmp_path: Path) -> None:
    catalogue = open_catalogue(tmp_path / "c.sqlite3", seed=True)
    with catalogue.sessions.begin() as session:
        case = session.scalars(select(CaseStudy)).first()
        assert case is not None
        session.add(Note(case_id=case.id, body="a"))
        session.add(Note(case_id=case.id, body="b"))
        session.add(Tag(name="t", name_key="t"))
    with catalogue.sessions() as session:
        notes = list(session.scalars(select(Note.uuid)))
        assert len(set(notes)) == 2 and all(is_uuid(u) for u in notes)
        assert is_uuid(session.scalars(select(Tag.uuid)).one())
    catalogue.close()
