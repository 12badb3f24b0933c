"""bench/search.py runs end to end on a tiny catalogue and reports every query kind.

The benchmark is run only by hand at full size; this keeps it from rotting
as the search code under it changes.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bench import synthetic
from models import CaseStudy, Highlight, Note, Place

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "search.py"
KINDS = (
    "English word", "rarer word", "prefix", "phrase", "1-char Chinese", "2-char Chinese",
    "Uyghur", "field filter", "combined", "no match",
)  # fmt: skip
HAS_SEARCH = importlib.util.find_spec("app.search") is not None
NUMBER = r"\d[\d,]*(?:\.\d+)?"


@pytest.fixture(scope="module")
def output() -> str:
    args = ["--cases", "200", "--repeats", "2", "--like-repeats", "1", "--saves", "3"]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def _row(output: str, kind: str) -> list[str]:
    rows = [line for line in output.splitlines() if line.startswith(kind + " ")]
    assert len(rows) == 1, f"no single row for {kind!r} in:\n{output}"
    return rows[0][len(kind) :].split()


def test_every_query_kind_has_a_row_with_the_like_baseline(output: str) -> None:
    assert "built 200 cases, 400 notes, 200 highlights" in output
    for kind in KINDS:
        new_p50, new_p95, like_p50, like_p95, new_hits, like_hits = _row(output, kind)[:6]
        for value in (like_p50, like_p95, like_hits):
            assert re.fullmatch(NUMBER, value), (kind, value)
        if HAS_SEARCH:
            for value in (new_p50, new_p95, new_hits):
                assert re.fullmatch(NUMBER, value), (kind, value)


def test_the_search_finds_what_the_synthetic_text_holds(output: str) -> None:
    if not HAS_SEARCH:
        pytest.skip("no search index in this Casebook yet")
    assert int(_row(output, "English word")[4].replace(",", "")) > 0
    assert int(_row(output, "1-char Chinese")[4].replace(",", "")) > 0
    assert int(_row(output, "no match")[4].replace(",", "")) == 0


def test_index_build_size_and_note_saves_are_reported(output: str) -> None:
    if not HAS_SEARCH:
        pytest.skip("no search index in this Casebook yet")
    assert re.search(rf"build \(app\.search\.index\.rebuild\): +{NUMBER} s", output)
    assert re.search(
        rf"FTS index \(search_fts shadow tables\): +{NUMBER} MB +ratio {NUMBER}", output
    )
    assert re.search(rf"Note saves \(3, .*p50 {NUMBER} ms, p95 {NUMBER} ms", output)


def test_the_synthetic_catalogue_has_varied_text_in_three_scripts(tmp_path: Path) -> None:
    catalogue = synthetic.build(tmp_path / "small.sqlite3", 300)
    try:
        with catalogue.sessions() as session:
            cases = session.execute(select(CaseStudy.id, CaseStudy.title, CaseStudy.title_zh,
                                           CaseStudy.narrative)).all()  # fmt: skip
            narratives = {c.id: c.narrative for c in cases}
            highlights = session.execute(
                select(Highlight.case_id, Highlight.start, Highlight.end, Highlight.quote,
                       Highlight.prefix, Highlight.suffix)
            ).all()  # fmt: skip
            notes = session.scalars(select(Note.body)).all()
            places = session.execute(select(Place.level, Place.name_zh, Place.name_ug)).all()
    finally:
        catalogue.close()
    assert len(cases) == 300 and len(notes) == 600 and len(highlights) == 300
    assert len({c.title for c in cases}) > 290 and len(set(notes)) == 600
    assert all(c.title_zh and all("\u4e00" <= ch <= "\u9fff" for ch in c.title_zh) for c in cases)
    assert 0 < sum("绣" in c.title_zh for c in cases) < 30  # a few per cent
    for h in highlights:
        text = narratives[h.case_id]
        assert h.quote == text[h.start : h.end] and h.quote
        assert text[: h.start].endswith(h.prefix) and text[h.end :].startswith(h.suffix)
    assert all(zh for _, zh, _ in places)
    uyghur = [ug for level, _, ug in places if level in ("region", "prefecture", "county")]
    assert len(uyghur) == 1 + 14 + 84 and len(set(uyghur)) == len(uyghur)
    assert all(ug and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in ug) for ug in uyghur)
