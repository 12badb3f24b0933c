"""A team catalogue on PostgreSQL beside a SQLite file: searches, a page, facets, writers.

    python bench/team.py [--cases 20000] [--repeats 15] [--writers 4] [--seconds 10]
                         [--url postgresql+psycopg://USER@HOST/EMPTY_DB]

Builds the synthetic catalogue (bench/synthetic.py) once, in a SQLite file,
and copies it to PostgreSQL (an empty database at --url, or a throwaway local
cluster started as the tests start theirs, tests/pg_cluster.py) table by
table with COPY, the search documents included, the triggers off meanwhile
and the tsvector index made from the copied documents (`copy_to_server`).
Then on each prints p50 and p95 of: a search sorted by relevance (a common
word, a rare one, a Chinese word, a field filter), a table page (50 rows),
the facet counts; then runs --writers processes for --seconds on each.

Each writer, step after step, on the same cases as every other writer (all
walk the same sequence of cases, so they collide): adds a note, puts its own
tag on the case, and appends a line to one of a few shared notes with
update_note(..., expected=the text it read before the other two writes), so
other writers' edits in between make conflicts, which are counted, not
retried. Printed: writes per second, conflicts reported, writes refused
(SQLite's lock waited for too long), and the final counts against the writes
reported done: notes added, tag links, lines in the shared notes, steps in
the change log (a lost or a doubled write shows as a difference).

Figures at full size (`nice python bench/team.py --cases 100000 --writers 8
--seconds 60`, 2 cores shared with other work, PostgreSQL 15 on a Unix
socket with fsync off, the SQLite file on the same disk):

    SQLite: built 100,000 cases with their index in 77.9 s
    PostgreSQL: copied them with COPY, and indexed, in 81.3 s
    the same cases found on both for solar, saffron, 刺绣, sector:energy: True

    ms, p50 / p95                             SQLite          PostgreSQL
    search solar                       10.1 / 11.8         17.4 / 21.9
    search saffron                     11.4 / 12.9         23.7 / 24.3
    search 刺绣                           1.3 / 1.7           1.6 / 2.3
    search sector:energy               22.9 / 29.1         15.4 / 16.1
    table page (50 rows)                2.3 / 3.0           5.2 / 6.5
    facet counts (solar)               32.1 / 34.7         57.7 / 60.7
    median of the p50s: SQLite 10.8 ms, PostgreSQL 16.4 ms

    8 writers, 60 s, on the same cases; each step a note, a tag, an edit of a shared
    note with `expected`:
    SQLite       262.1 writes/s, 15849 done, 505 conflicts reported, 2 refused
      found/done: notes 5452/5452, tags 5452/5452, edits 4945/4945, logged steps 15849/15849
      lost 0, doubled 0
    PostgreSQL   101.0 writes/s, 6086 done, 2506 conflicts reported, 0 refused
      found/done: notes 2864/2864, tags 2864/2864, edits 358/358, logged steps 6086/6086
      lost 0, doubled 0

Before migration 11 and the leaner writes (commit 0e132b7, the same command):
sector:energy 65.5 / 78.8 on SQLite and 135.7 / 188.5 on PostgreSQL, facet
counts 71.7 / 105.1 and 242.4 / 325.5, writers 216.2 and 63.7 writes/s.
Where the time went on PostgreSQL (EXPLAIN (ANALYZE, BUFFERS)): `sector:`
read every case's sector to find the few distinct ones, then every wide case
row (a sequential scan) for the titles to sort by; the facet counts went
through case_study again for each listed case, and read a heap page per case
for its sector and its roll-up areas. Now the sectors are found by skipping
through the index, the counts read covering indexes alone (SERVER_INDEXES in
models/backends/postgresql.py), and the word search's ids come from the index
itself.

The writers are slower on PostgreSQL: adding a note makes 9 round trips to
the server (15 before: the step, its rows and the NOTIFY are now one
statement, the search document is indexed and kept in one, the stale marks
are read and cleared in one), all while holding the writers' lock
(models/server.py), and 8 writer processes with 8 server backends on 2 cores
keep the holder waiting for a core. The server's lock queue is fair, so
nearly every shared-note edit finds another writer's edit since its read:
hence the conflicts (SQLite's busy wait lets a writer finish its step more
often). SQLite's "refused" are writes that waited longer than the 5 s busy
timeout: each was reported to its writer as failed and is counted neither as
done nor found.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.query import CaseFilter, case_ids, case_rows, facet_counts
from app.store import Catalogue, open_catalogue

if TYPE_CHECKING:
    from tests.pg_cluster import Cluster

QUERIES = ("solar", "saffron", "刺绣", "sector:energy")
SHARED_NOTES = 4  # the notes every writer edits with `expected`
WRITER_TAG = "writers/"
# Made on each side by Casebook itself: the schema's stamp and UUID, and SQLite's FTS5 table.
NOT_COPIED = frozenset({"meta"})


def _p(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def _time(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    action()  # once untimed: the window has always asked something before
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return _p(times, 0.5), _p(times, 0.95)


def _open(location: str) -> Catalogue:
    return open_catalogue(location, seed=False, auto_backup=False)


def measure_reads(catalogue: Catalogue, repeats: int) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    for query in QUERIES:

        def search(q: str = query) -> object:
            with catalogue.sessions() as session:
                return case_ids(session, CaseFilter(text=q), "relevance")

        results[f"search {query}"] = _time(search, repeats)
    with catalogue.sessions() as session:
        ordered = case_ids(session, CaseFilter(), "title")
    page = ordered[len(ordered) // 2 : len(ordered) // 2 + 50]

    def rows() -> object:
        with catalogue.sessions() as session:
            return case_rows(session, page)

    def facets() -> object:
        with catalogue.sessions() as session:
            return facet_counts(session, CaseFilter(text="solar"))

    results["table page (50 rows)"] = _time(rows, repeats)
    results["facet counts (solar)"] = _time(facets, repeats)
    return results


@dataclass
class WriterTally:
    """What one writer reports done, and what it was refused."""

    notes: int = 0
    tags: int = 0
    edits: int = 0
    conflicts: int = 0
    refused: int = 0

    @property
    def writes(self) -> int:
        return self.notes + self.tags + self.edits

    def __add__(self, other: WriterTally) -> WriterTally:
        return WriterTally(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(WriterTally))
        )


def writer(
    location: str,
    seconds: float,
    number: int,
    cases: int,
    shared: list[int],
    start: multiprocessing.synchronize.Barrier,
    done: multiprocessing.Queue[WriterTally],
) -> None:
    """One writer process: see the module's docstring. Puts its tally on `done`."""
    from app.notes import NoteChangedElsewhereError, add_note, update_note
    from app.service import CatalogueService, WriteFailedError
    from app.tags import tag_cases
    from models import Note

    catalogue = _open(location)
    service = CatalogueService(catalogue, author=f"writer {number}")
    tally = WriterTally()
    start.wait()
    end = time.perf_counter() + seconds
    step = 0
    while time.perf_counter() < end:
        case = 1 + step % cases  # every writer walks the same cases
        note = shared[step % len(shared)]  # and edit the same note at once
        with catalogue.sessions() as session:
            loaded = session.scalar(select(Note.body).where(Note.id == note)) or ""
        try:
            service.write(add_note, case, f"writer {number}, note {step}")
            tally.notes += 1
        except WriteFailedError:
            tally.refused += 1
        try:
            service.write(tag_cases, [case], [f"{WRITER_TAG}{number}"])
            tally.tags += 1
        except WriteFailedError:
            tally.refused += 1
        try:
            service.write(update_note, note, f"{loaded}\n+{number}.{step}", expected=loaded)
            tally.edits += 1
        except NoteChangedElsewhereError:
            tally.conflicts += 1
        except WriteFailedError:
            tally.refused += 1
        step += 1
    catalogue.close()
    done.put(tally)


@dataclass
class Counts:
    notes: int
    tag_links: int
    edit_lines: int
    steps: int


def count(location: str, shared: list[int]) -> Counts:
    from models import Note, Tag
    from models.annotations import case_tag
    from models.history import ChangeStep

    catalogue = _open(location)
    with catalogue.sessions() as session:
        notes = session.scalar(select(func.count()).select_from(Note)) or 0
        links = session.scalar(
            select(func.count())
            .select_from(case_tag.join(Tag, Tag.id == case_tag.c.tag_id))
            .where(Tag.name.startswith(WRITER_TAG))
        )
        bodies = session.scalars(select(Note.body).where(Note.id.in_(shared)))
        lines = sum(1 for body in bodies for line in body.split("\n") if line.startswith("+"))
        steps = session.scalar(select(func.count()).select_from(ChangeStep)) or 0
    catalogue.close()
    return Counts(notes, links or 0, lines, steps)


def measure_writers(
    location: str, writers: int, seconds: float, cases: int
) -> tuple[float, WriterTally, Counts]:
    """(writes per second, what the writers reported, what the catalogue holds added)."""
    shared = list(range(1, SHARED_NOTES + 1))  # the synthetic notes' ids start at 1
    before = count(location, shared)
    context = multiprocessing.get_context("spawn")
    done: multiprocessing.Queue[WriterTally] = context.Queue()
    start = context.Barrier(writers + 1)
    processes = [
        context.Process(target=writer, args=(location, seconds, n, cases, shared, start, done))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    start.wait()  # every writer has opened the catalogue: the clock starts for all at once
    began = time.perf_counter()
    tallies = [done.get() for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    total = sum(tallies, WriterTally())
    after = count(location, shared)
    added = Counts(*(getattr(after, f.name) - getattr(before, f.name) for f in fields(Counts)))
    return total.writes / elapsed, total, added


def build(path: Path, cases: int) -> float:
    from bench import synthetic

    start = time.perf_counter()
    synthetic.build(path, cases).close()
    return time.perf_counter() - start


def copy_to_server(path: Path, url: str) -> float:
    """Copy the SQLite catalogue at `path` into the empty database at `url`, fast.

    Casebook makes the schema (open_catalogue); each table's rows then go in
    with COPY, the triggers off (the search documents and roll-up are copied
    with the rest, as the file's triggers and index left them), and the
    tsvector index is filled from the copied documents. One transaction, then
    VACUUM ANALYZE.
    """
    from app.search.index import unpack
    from models import Base
    from models.backends import postgresql

    start = time.perf_counter()
    catalogue = _open(url)
    source = sqlite3.connect(path)
    try:
        with catalogue.engine.begin() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            cursor = raw.cursor()
            for table in Base.metadata.sorted_tables:
                if table.name in NOT_COPIED:
                    continue
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                cursor.execute(f"ALTER TABLE {table.name} DISABLE TRIGGER USER")
                with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {columns} FROM {table.name}"):
                        copy.write_row(row)
                cursor.execute(f"ALTER TABLE {table.name} ENABLE TRIGGER USER")
            docs = source.execute("SELECT case_id, packed FROM search_doc")
            while batch := docs.fetchmany(2000):
                postgresql.index_add(conn, [unpack(c, p) for c, p in batch])
            postgresql.reset_sequences(conn)  # the rows came with their ids
        with catalogue.engine.connect() as conn:
            # What autovacuum does soon after a bulk load: statistics, and the
            # visibility map that lets the facets read their indexes alone.
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    finally:
        source.close()
        catalogue.close()
    return time.perf_counter() - start


def same_results(places: dict[str, str]) -> bool:
    """Whether each query finds the same cases in each catalogue (the copy is whole)."""
    found = []
    for location in places.values():
        catalogue = _open(location)
        with catalogue.sessions() as session:
            found.append([sorted(case_ids(session, CaseFilter(text=q), "title")) for q in QUERIES])
        catalogue.close()
    return all(f == found[0] for f in found)


def _local_cluster() -> tuple[Cluster, str]:
    from tests.pg_cluster import start_cluster, unavailable_reason

    reason = unavailable_reason()
    if reason:
        sys.exit(f"bench/team.py: no PostgreSQL: {reason}; give --url")
    cluster = start_cluster()
    import psycopg

    with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    return cluster, cluster.url("bench")


def _print_writers(name: str, rate: float, done: WriterTally, found: Counts) -> None:
    pairs = [
        (found.notes, done.notes), (found.tag_links, done.tags),
        (found.edit_lines, done.edits), (found.steps, done.writes),
    ]  # fmt: skip
    lost = sum(max(0, reported - seen) for seen, reported in pairs)
    doubled = sum(max(0, seen - reported) for seen, reported in pairs)
    print(
        f"{name:11}{rate:7.1f} writes/s, {done.writes} done, {done.conflicts} conflicts "
        f"reported, {done.refused} refused\n"
        f"{'':11}found/done: notes {found.notes}/{done.notes}, tags {found.tag_links}/"
        f"{done.tags}, edits {found.edit_lines}/{done.edits}, logged steps "
        f"{found.steps}/{done.writes}; lost {lost}, doubled {doubled}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a local cluster)")
    args = parser.parse_args(argv)
    cluster, url = (None, args.url) if args.url else _local_cluster()  # type: ignore[assignment]
    with contextlib.ExitStack() as stack:
        if cluster is not None:
            stack.callback(cluster.stop)
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="casebook-team-bench-"))
        path = Path(folder) / "bench.sqlite3"
        seconds = build(path, args.cases)
        print(f"SQLite: built {args.cases:,} cases with their index in {seconds:.1f} s")
        seconds = copy_to_server(path, url)
        print(f"PostgreSQL: copied them with COPY, and indexed, in {seconds:.1f} s")
        places = {"SQLite": str(path), "PostgreSQL": url}
        print(f"the same cases found on both for {', '.join(QUERIES)}: {same_results(places)}")
        reads: dict[str, dict[str, tuple[float, float]]] = {}
        for name, location in places.items():
            catalogue = _open(location)
            reads[name] = measure_reads(catalogue, args.repeats)
            catalogue.close()
        print(f"\n{'ms, p50 / p95':28}" + "".join(f"{n:>20}" for n in places))
        for what in reads["SQLite"]:
            cells = "".join(
                f"{reads[n][what][0]:>11.1f} / {reads[n][what][1]:<6.1f}" for n in places
            )
            print(f"{what:28}{cells}")
        medians = {n: statistics.median(v[0] for v in reads[n].values()) for n in places}
        print("median of the p50s: " + ", ".join(f"{n} {m:.1f} ms" for n, m in medians.items()))
        print(
            f"\n{args.writers} writers, {args.seconds:.0f} s, on the same cases; each step a note, "
            "a tag, an edit of a shared note with `expected`:"
        )
        for name, location in places.items():
            _print_writers(name, *measure_writers(location, args.writers, args.seconds, args.cases))


if __name__ == "__main__":
    main()
