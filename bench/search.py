"""What a keystroke in the search box costs: full-text search beside the old LIKE filter.

    python bench/search.py [--cases 100000] [--repeats 20] [--like-repeats 5] [--saves 50]

Builds the synthetic catalogue (bench/synthetic.py: per case 2 notes and a
highlight) once, with its search index, then for each kind of query runs
`--repeats` keystrokes, cycling through a few queries of that kind, and prints
p50 and p95 of the table's ids plus the facet counts, by the search index
(app.query, sorted by relevance) and by the LIKE filter as it was before
(bench/like_baseline.py, sorted by title). Then the index's build time, its
size against the text it covers, and the time to save a note (the commit runs
the index pass). Each path's first query of a kind runs once untimed, as the
window would have run some query before.

The LIKE column runs what the old filter could do with the same intent: the
words without quotes or stars, a facet instead of a `sector:` filter; "-" where
it had no equivalent (years, exclusions). It searched titles, summaries and
place names only, so its hit counts are lower.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.store import Catalogue
from bench import like_baseline, synthetic
from models import Note, Place

# Targets from issue 8, in ms unless named.
KEYSTROKE_MS = 50.0
ONE_HAN_MS = 100.0
NOTE_MS = 5.0
BUILD_S = 60.0
SIZE_RATIO = 1.5

# The tables that make up the full-text index (FTS5 shadow tables) and its documents.
FTS_TABLES = ("search_fts_data", "search_fts_idx", "search_fts_docsize", "search_fts_config")
DOC_TABLES = ("search_doc", "sqlite_autoindex_search_doc_1")


@dataclass(frozen=True)
class Probe:
    """One query as typed, and what the old LIKE filter would run for it (None: nothing)."""

    text: str
    baseline: CaseFilter | None


@dataclass(frozen=True)
class Kind:
    label: str
    probes: tuple[Probe, ...]
    target_ms: float = KEYSTROKE_MS


def _same(*texts: str) -> tuple[Probe, ...]:
    return tuple(Probe(t, CaseFilter(text=t)) for t in texts)


def kinds(province_3: int) -> list[Kind]:
    """The query kinds issue 8 names, each with a few queries to cycle through."""
    return [
        Kind("English word", _same("solar", "cotton", "teachers", "tourism", "hospital")),
        Kind("rarer word", _same("cistanche", "ginseng", "liquorice", "archery", "calligraphy")),
        Kind(
            "prefix",
            tuple(
                Probe(t, CaseFilter(text=t.rstrip("*")))
                for t in ("photo*", "phot*", "photov*", "embroid*", "teach*")
            ),
        ),
        Kind(
            "phrase",
            (
                Probe('"jade carving"', CaseFilter(text="jade carving")),
                Probe('"jade carving workshop"', CaseFilter(text="jade carving workshop")),
                Probe('"solar power"', CaseFilter(text="solar power")),
            ),
        ),
        Kind("1-char Chinese", _same("绣", "茶", "玉", "棉", "枣"), ONE_HAN_MS),
        Kind("2-char Chinese", _same("刺绣", "茶叶", "光伏", "棉花", "红枣")),
        Kind(
            "Uyghur",
            # A county (the LIKE filter finds it) and prefectures (only its areas hold them).
            _same(synthetic.county_ug(0, 0), "قەشقەر", synthetic.county_ug(3, 2), "خوتەن"),
        ),
        Kind(
            "field filter",
            (
                Probe("sector:energy", CaseFilter(sectors=frozenset({"energy"}))),
                Probe("sector:education", CaseFilter(sectors=frozenset({"education"}))),
                Probe('donor:"Province 3"', CaseFilter(donor_places=frozenset({province_3}))),
                Probe("tag:topic/7", CaseFilter(tags=frozenset({"topic/7"}))),
                Probe("year:2015..2020", None),
            ),
        ),
        Kind(
            "combined",
            (
                Probe("tea -teachers year:2010..2015", CaseFilter(text="tea")),
                Probe(
                    "solar sector:energy", CaseFilter(text="solar", sectors=frozenset({"energy"}))
                ),
                Probe("embroidery OR jade", None),
                Probe("cotton -drip has:notes", CaseFilter(text="cotton")),
            ),
        ),
        Kind("no match", _same("zzzqqq", "qqqzzz", "xylophonist")),
    ]


@dataclass(frozen=True)
class Keystroke:
    """One query run: the ms for the ids and for the facet counts, and how many cases matched."""

    query: str
    ids_ms: float
    facets_ms: float
    hits: int

    @property
    def ms(self) -> float:
        return self.ids_ms + self.facets_ms


@dataclass
class Timing:
    runs: list[Keystroke]

    @property
    def hits(self) -> int:
        """Matches of the kind's first query."""
        return self.runs[0].hits

    def p(self, q: float) -> float:
        return _percentile([r.ms for r in self.runs], q)

    def p_ids(self, q: float) -> float:
        """The ids alone: what the window waits for (its facet counts come from a worker)."""
        return _percentile([r.ids_ms for r in self.runs], q)

    def by_query(self) -> dict[str, list[Keystroke]]:
        out: dict[str, list[Keystroke]] = {}
        for run in self.runs:
            out.setdefault(run.query, []).append(run)
        return out


def _percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of `values`."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Route:
    """A way to answer a keystroke: the table's ids, then the facet counts."""

    ids: Callable[[Session, Any], list[int]]
    facets: Callable[[Session, Any], object]

    def run(self, session: Session, label: str, query: Any) -> Keystroke:
        start = time.perf_counter()
        hits = len(self.ids(session, query))
        middle = time.perf_counter()
        self.facets(session, query)
        end = time.perf_counter()
        return Keystroke(label, (middle - start) * 1000, (end - middle) * 1000, hits)


def _time_kind(
    session: Session, path: Route, queries: list[tuple[str, Any]], repeats: int
) -> Timing:
    path.run(session, *queries[0])  # untimed: the first query warms the cache
    return Timing([path.run(session, *queries[n % len(queries)]) for n in range(repeats)])


def _new_path() -> Route | None:
    """ids (by relevance) + facet counts through the search index, if this Casebook has one."""
    if importlib.util.find_spec("app.search") is None:
        return None
    from app import query

    return Route(
        lambda s, text: query.case_ids(s, CaseFilter(text=text), sort="relevance"),  # type: ignore[arg-type]
        lambda s, text: query.facet_counts(s, CaseFilter(text=text)),
    )


_old_path = Route(like_baseline.case_ids, like_baseline.facet_counts)


def _cell(timing: Timing | None, q: float) -> str:
    return "-" if timing is None else f"{timing.p(q):.1f}"


def _within(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER"


def _verdict(timing: Timing | None, target: float) -> str:
    return "-" if timing is None else _within(timing.p(95), target)


def _describe(flt: CaseFilter) -> str:
    """What the LIKE path was asked, in a few words."""
    parts = [flt.text] if flt.text else []
    parts += [f"sector={v}" for v in sorted(flt.sectors)]
    parts += [f"donor place id={v}" for v in sorted(flt.donor_places)]
    parts += [f"tag={v}" for v in sorted(flt.tags)]
    return " + ".join(parts)


def _print_by_query(fresh: Timing | None, old: Timing | None) -> None:
    """Each query's median ms for ids and for facets, and its hits, on both paths."""
    for label, timing in (("new", fresh), ("LIKE", old)):
        if timing is None:
            continue
        for query, runs in timing.by_query().items():
            ids = statistics.median(r.ids_ms for r in runs)
            facets = statistics.median(r.facets_ms for r in runs)
            print(f"    {label:<5} ids {ids:7.1f}  facets {facets:7.1f}  "
                  f"hits {runs[0].hits:>7,}  {query}")  # fmt: skip


def run_queries(catalogue: Catalogue, repeats: int, like_repeats: int, by_query: bool) -> None:
    new = _new_path()
    with catalogue.sessions() as session:
        province_3 = session.scalar(select(Place.id).where(Place.name == "Province 3"))
        assert province_3 is not None
        print(
            f"\nKeystrokes: ms for the table's ids + facet counts (ids p95: the ids alone, what "
            f"the window waits for; it counts facets in a worker); new: search index by relevance, "
            f"{repeats} per kind; LIKE: the filter before it, by title, {like_repeats} per kind"
        )
        header = (
            f"{'kind':<15} {'new p50':>8} {'new p95':>8} {'LIKE p50':>9} {'LIKE p95':>9} "
            f"{'hits new':>9} {'hits LIKE':>9} {'ids p95':>8}  {'target p95':<13} first query"
        )
        print(header)
        print("-" * len(header))
        for kind in kinds(province_3):
            texts = [(p.text, p.text) for p in kind.probes]
            baselines = [(_describe(p.baseline), p.baseline) for p in kind.probes if p.baseline]
            fresh = _time_kind(session, new, texts, repeats) if new else None
            old = _time_kind(session, _old_path, baselines, like_repeats) if baselines else None
            target = f"{kind.target_ms:.0f} ms {_verdict(fresh, kind.target_ms)}"
            print(
                f"{kind.label:<15} {_cell(fresh, 50):>8} {_cell(fresh, 95):>8} "
                f"{_cell(old, 50):>9} {_cell(old, 95):>9} "
                f"{'-' if fresh is None else f'{fresh.hits:,}':>9} "
                f"{'-' if old is None else f'{old.hits:,}':>9} "
                f"{'-' if fresh is None else f'{fresh.p_ids(95):.1f}':>8}  "
                f"{target:<13} {texts[0][0]}"
            )
            if by_query:
                _print_by_query(fresh, old)
        if new is None:
            print("(no search index in this Casebook yet: app.search is missing)")


def _bytes(db: sqlite3.Connection, tables: Sequence[str]) -> int:
    marks = ",".join("?" * len(tables))
    row = db.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({marks})", tables).fetchone()
    return int(row[0] or 0)


# The text a case's search document is made from, as UTF-8 bytes: what the
# user wrote or the catalogue holds, before the index cuts Han text into
# characters and pairs or adds pinyin. Places count once per case for the
# place and every area containing it (case_area lists them).
_SOURCE_TEXT = (
    (
        "SELECT SUM({}) FROM case_study",
        ("slug", "title", "title_zh", "summary", "narrative", "sector"),
    ),
    (
        "SELECT SUM({}) FROM case_assistance",
        ("form",),
    ),
    (
        "SELECT SUM({}) FROM metric",
        ("name", "value", "unit", "year", "note"),
    ),
    (
        "SELECT SUM({}) FROM case_tag JOIN tag ON tag.id = case_tag.tag_id",
        ("tag.name",),
    ),
    (
        "SELECT SUM({}) FROM case_area JOIN place ON place.id = case_area.area_id",
        ("place.name", "place.name_zh", "place.name_ug"),
    ),
    (
        "SELECT SUM({}) FROM note",
        ("body",),
    ),
    (
        "SELECT SUM({}) FROM highlight LEFT JOIN tag ON tag.id = highlight.tag_id",
        ("quote", "comment", "tag.name"),
    ),
)


def source_bytes(db: sqlite3.Connection) -> int:
    """The UTF-8 bytes of the text the search documents are made from."""
    total = 0
    for statement, columns in _SOURCE_TEXT:
        lengths = " + ".join(f"coalesce(length(CAST({c} AS BLOB)), 0)" for c in columns)
        total += db.execute(statement.format(lengths)).fetchone()[0] or 0
    return int(total)


def report_index(path: Path) -> None:
    print("\nIndex")
    seconds = synthetic.last_index_seconds
    if seconds is None:
        print("  no search index in this Casebook yet")
        return
    verdict = _within(seconds, BUILD_S)
    print(
        f"  build (app.search.index.rebuild): {seconds:8.1f} s   target {BUILD_S:.0f} s {verdict}"
    )
    db = sqlite3.connect(path)
    try:
        text = source_bytes(db)
        fts = _bytes(db, FTS_TABLES)
        docs = _bytes(db, DOC_TABLES)
        whole = (
            db.execute("PRAGMA page_count").fetchone()[0]
            * db.execute("PRAGMA page_size").fetchone()[0]
        )
    finally:
        db.close()
    mb = 1024 * 1024
    ratio = fts / text if text else float("nan")
    verdict = _within(ratio, SIZE_RATIO)
    both = (fts + docs) / text if text else float("nan")
    print(f"  text covered (UTF-8 of the source fields): {text / mb:8.1f} MB")
    print(f"  FTS index (search_fts shadow tables):      {fts / mb:8.1f} MB   "
          f"ratio {ratio:.2f}   target {SIZE_RATIO} {verdict}")  # fmt: skip
    print(f"  + search documents (search_doc):           {(fts + docs) / mb:8.1f} MB   "
          f"ratio {both:.2f}   target {SIZE_RATIO} {_within(both, SIZE_RATIO)}")  # fmt: skip
    print(f"  whole catalogue file:                      {whole / mb:8.1f} MB")


def time_note_saves(catalogue: Catalogue, saves: int) -> None:
    """Save notes as autosave would while typing: each save adds a word, one transaction each.

    Prints the whole save (write, index pass, commit) and its three parts; the
    index pass is run explicitly just before the commit, which then finds
    nothing left to do.
    """
    if importlib.util.find_spec("app.search") is None:
        return
    from app.changes import Journal
    from app.notes import update_note
    from app.search.index import refresh_stale

    with catalogue.sessions() as session:
        notes = list(session.execute(select(Note.id, Note.body).order_by(Note.id).limit(5)))
    bodies = {note_id: body for note_id, body in notes}
    parts: list[tuple[float, float, float]] = []
    for n in range(saves):
        note_id = notes[n % len(notes)][0]
        bodies[note_id] += f" word{n}"
        start = time.perf_counter()
        with catalogue.sessions.begin() as session:
            update_note(Journal(session), note_id, bodies[note_id])
            written = time.perf_counter()
            refresh_stale(session)
            indexed = time.perf_counter()
        end = time.perf_counter()
        parts.append(((written - start) * 1000, (indexed - written) * 1000, (end - indexed) * 1000))
    ms = [sum(p) for p in parts]
    p95 = _percentile(ms, 95)
    write, index, commit = (statistics.median(p[i] for p in parts) for i in range(3))
    print(f"\nNote saves ({saves}, each its own transaction): "
          f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms   "
          f"target {NOTE_MS:.0f} ms {_within(p95, NOTE_MS)}")  # fmt: skip
    print(f"  p50 of the parts: write {write:.1f} ms, index pass {index:.1f} ms, "
          f"commit {commit:.1f} ms")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20, help="keystrokes per query kind")
    parser.add_argument(
        "--like-repeats", type=int, default=5, help="keystrokes per kind on the slow LIKE path"
    )
    parser.add_argument("--saves", type=int, default=50, help="note saves to time")
    parser.add_argument(
        "--by-query", action="store_true", help="also each query's ms for ids and for facets"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite3"
        start = time.perf_counter()
        catalogue = synthetic.build(path, args.cases)
        print(f"built {args.cases:,} cases, {2 * args.cases:,} notes, {args.cases:,} highlights "
              f"in {time.perf_counter() - start:.1f} s (index included)")  # fmt: skip
        try:
            run_queries(catalogue, args.repeats, args.like_repeats, args.by_query)
            report_index(path)
            time_note_saves(catalogue, args.saves)
        finally:
            catalogue.close()


if __name__ == "__main__":
    main()
