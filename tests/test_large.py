"""Every query works at any catalogue size, also under a low limit on SQL variables.

A default SQLite build refuses more than 32,766 bound variables in one
statement (999 before 3.32); binding one per case id broke `casebook list`
beyond about 50,000 cases. Here every connection's limit is set to 999 and
the catalogue holds a few thousand cases, so any statement binding every id
fails as it would at a hundred thousand.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.exc import OperationalError

from app.case_filter import FACET_FORM, CaseFilter
from app.changes import Journal
from app.cli import main
from app.query import case_ids, case_rows, count_cases, facet_counts
from app.store import Catalogue, open_catalogue
from app.tags import case_ids_for_slugs, tag_cases, tags_of_cases, untag_cases
from app.xlsx.export import export_workbook
from app.xlsx.importer import preview_import
from bench.synthetic import build
from models import CaseStudy

SYNTHETIC = 1100
LIMIT = 999


def _limit_variables(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)


@pytest.fixture(autouse=True)
def _low_variable_limit() -> Iterator[None]:
    """Every connection any engine opens during a test here (the CLI's too) takes 999."""
    event.listen(Engine, "connect", _limit_variables)
    yield
    event.remove(Engine, "connect", _limit_variables)


@pytest.fixture(scope="module")
def big_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic cases plus the seed catalogue (which the CLI would add when it opens)."""
    path = tmp_path_factory.mktemp("large") / "big.sqlite3"
    build(path, SYNTHETIC).close()
    open_catalogue(path).close()
    return path


@pytest.fixture
def big(big_path: Path) -> Iterator[Catalogue]:
    catalogue = open_catalogue(big_path, seed=False)
    yield catalogue
    catalogue.close()


def _count(catalogue: Catalogue) -> int:
    with catalogue.sessions() as session:
        return len(session.scalars(select(CaseStudy.id)).all())


def test_the_limit_is_really_in_force(big: Catalogue) -> None:
    with big.sessions() as session, pytest.raises(OperationalError, match="too many SQL"):
        session.execute(select(CaseStudy.id).where(CaseStudy.id.in_(range(1, LIMIT + 2))))


def test_cli_list_prints_every_case(big: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    cases = _count(big)
    assert cases > SYNTHETIC
    assert main(["--db", str(big.path), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == cases
    with big.sessions() as session:
        first = session.scalar(select(CaseStudy.title).where(CaseStudy.slug == "case-000001"))
    assert ["case-000001", first] in [line.split(None, 1) for line in lines]
    assert main(["--db", str(big.path), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == cases


def test_rows_counts_and_facets_of_every_case_and_of_a_selection(big: Catalogue) -> None:
    with big.sessions() as session:
        ids = case_ids(session, CaseFilter())
        rows = case_rows(session, ids)
        assert set(rows) == set(ids) and len(ids) > SYNTHETIC
        synthetic = [row for row in rows.values() if row.slug.startswith("case-")]
        assert len(synthetic) == SYNTHETIC
        assert all(r.donor and r.recipient and r.tag_count == 3 for r in synthetic)
        assert case_rows(session, ids[:10]) == {i: rows[i] for i in ids[:10]}
        chosen = frozenset(r.id for r in synthetic)
        selection = CaseFilter(case_ids=chosen)
        assert set(case_ids(session, selection)) == chosen
        assert count_cases(session, selection) == SYNTHETIC
        forms = facet_counts(session, selection).groups[FACET_FORM]
        assert sum(value.count for value in forms) == 2 * SYNTHETIC


def test_tags_over_every_case(big: Catalogue) -> None:
    with big.sessions.begin() as session:
        ids = list(session.scalars(select(CaseStudy.id)))
        assert sum(t.count for t in tags_of_cases(session, ids)) >= 3 * SYNTHETIC
        journal = Journal(session)
        assert tag_cases(journal, ids, ["everything"]) == len(ids)
        assert tag_cases(journal, ids, ["everything"]) == 0
        assert untag_cases(journal, ids, ["everything"]) == len(ids)
        slugs = [f"case-{i:06d}" for i in range(1, SYNTHETIC + 1)]
        assert len(case_ids_for_slugs(session, slugs)) == SYNTHETIC
        session.rollback()


def test_export_and_reimport_of_every_case_and_of_a_selection(
    big: Catalogue, tmp_path: Path
) -> None:
    target = tmp_path / "all.xlsx"
    with big.sessions() as session:
        ids = case_ids(session, CaseFilter())
        summary = export_workbook(session, target)
        assert summary.counts["Case studies"] == len(ids)
        assert summary.counts["Notes"] >= 2 * SYNTHETIC
        selected = export_workbook(
            session, tmp_path / "some.xlsx", CaseFilter(case_ids=frozenset(ids[1:]))
        )
        assert selected.counts["Case studies"] == len(ids) - 1
        plan = preview_import(session, target)
    assert not plan.has_changes and not plan.rejected
