"""`casebook search`, `list --query` and `reindex` from the command line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.cli import main
from app.store import Catalogue


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def db(small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> str:
    """The two-case catalogue (the command line adds the built-in cases when it opens it),
    with words no built-in case holds: a note on beta, a tag on alpha."""
    path = str(small_catalogue.path)
    small_catalogue.close()
    assert main(["--db", path, "note", "beta", "Survey the qxpanel rows."]) == 0
    assert main(["--db", path, "tag", "alpha", "qxpanel"]) == 0
    capsys.readouterr()
    return path


def test_search_json_gives_slug_title_score_and_matches(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "--db", db, "search", "qxpanel", "solar", "--json")
    assert status == 0, err
    results = json.loads(out)
    assert [r["slug"] for r in results] == ["beta"]
    [beta] = results
    assert beta["title"] == "Beta solar station" and beta["score"] > 0
    assert {"field": "title", "snippet": "Beta solar station"} in beta["matches"]
    assert any(m["field"] == "note" and "qxpanel" in m["snippet"] for m in beta["matches"])
    assert all(set(m) >= {"field", "snippet"} for m in beta["matches"])


def test_search_orders_by_relevance_and_says_where(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--db", db, "search", "qxpanel")
    assert status == 0
    lines = out.splitlines()
    # A tag weighs more than a note: alpha first.
    assert lines[0].startswith("alpha") and lines[1].strip() == "tag: qxpanel"
    assert lines[2].startswith("beta") and "note: Survey the qxpanel rows." in lines[3]
    assert lines[-1] == "2 case studies found."
    status, out, _ = _run(capsys, "--db", db, "search", "qxpanel", "--json", "--limit", "1")
    assert [r["slug"] for r in json.loads(out)] == ["alpha"]


def test_a_malformed_query_exits_non_zero_with_one_line(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["search", '"tea'], ["list", "--query", "year:soon"], ["search"]):
        status, out, err = _run(capsys, "--db", db, *argv)
        assert status == 2, argv
        assert out == "" and err.count("\n") == 1 and err.startswith("casebook: "), err


def test_list_query_narrows_the_list(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--db", db, "list", "--query", "qxpanel", "--json")
    assert status == 0 and [r["slug"] for r in json.loads(out)] == ["alpha", "beta"]
    status, out, _ = _run(capsys, "--db", db, "list", "--query", "qxpanel -solar")
    assert status == 0 and [line.split()[0] for line in out.splitlines()] == ["alpha"]


def test_reindex_rebuilds_a_damaged_index(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('delete-all')"))
    engine.dispose()
    status, out, _ = _run(capsys, "--db", db, "search", "qxpanel", "--json")
    assert json.loads(out) == []
    status, out, _ = _run(capsys, "--db", db, "reindex")
    assert status == 0 and out.startswith("Rebuilt the search index of ")
    status, out, _ = _run(capsys, "--db", db, "search", "qxpanel", "--json")
    assert [r["slug"] for r in json.loads(out)] == ["alpha", "beta"]
