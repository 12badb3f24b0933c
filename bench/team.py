"""A team catalogue on PostgreSQL beside a SQLite file: searches, a page, facets, writers.

    python bench/team.py [--cases 20000] [--repeats 15] [--writers 4] [--seconds 10]
                         [--url postgresql+psycopg://USER@HOST/EMPTY_DB]

Builds the synthetic catalogue (bench/synthetic.py) in a SQLite file and in
PostgreSQL (an empty database at --url, or a throwaway local cluster started
as the tests start theirs, tests/pg_cluster.py), then on each prints p50 and
p95 of: a search sorted by relevance (a common word, a rare one, a Chinese
word, a field filter), a table page (50 rows), the facet counts; then runs
--writers processes adding notes and tags for --seconds, and prints writes
per second and the final count of notes against the writes reported done
(a lost write would show as a difference).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.query import CaseFilter, case_ids, case_rows, facet_counts
from app.store import Catalogue, open_catalogue

QUERIES = ("solar", "saffron", "刺绣", "sector:energy")


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


def measure_reads(catalogue: Catalogue, repeats: int) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    for query in QUERIES:

        def search(q: str = query) -> object:
            with catalogue.sessions() as session:
                return case_ids(session, CaseFilter(text=q), "relevance")

        results[f"search {query}"] = _time(search, repeats)
    with catalogue.sessions() as session:
        page = case_ids(session, CaseFilter(), "title")[1000:1050]

    def rows() -> object:
        with catalogue.sessions() as session:
            return case_rows(session, page)

    def facets() -> object:
        with catalogue.sessions() as session:
            return facet_counts(session, CaseFilter(text="solar"))

    results["table page (50 rows)"] = _time(rows, repeats)
    results["facet counts (solar)"] = _time(facets, repeats)
    return results


def _writer(location: str, seconds: float, number: int, done: multiprocessing.Queue[int]) -> None:
    from app.notes import add_note
    from app.service import CatalogueService
    from app.tags import tag_cases

    catalogue = open_catalogue(location, seed=False)
    service = CatalogueService(catalogue, author=f"writer {number}")
    count = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        case = 1 + (count * 7 + number) % 500
        service.write(add_note, case, f"writer {number}, note {count}")
        service.write(tag_cases, [case], [f"writers/{number}"])
        count += 1
    catalogue.close()
    done.put(count)


def measure_writers(location: str, writers: int, seconds: float) -> tuple[float, int, int]:
    """(writes per second, notes added as reported, notes found added)."""
    from models import Note

    catalogue = open_catalogue(location, seed=False)
    with catalogue.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Note)) or 0
    catalogue.close()
    context = multiprocessing.get_context("spawn")
    done: multiprocessing.Queue[int] = context.Queue()
    processes = [
        context.Process(target=_writer, args=(location, seconds, n, done)) for n in range(writers)
    ]
    start = time.perf_counter()
    for process in processes:
        process.start()
    reported = sum(done.get() for _ in processes)
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - start
    catalogue = open_catalogue(location, seed=False)
    with catalogue.sessions() as session:
        after = session.scalar(select(func.count()).select_from(Note)) or 0
    catalogue.close()
    return 2 * reported / elapsed, reported, after - before


def build(location: str, cases: int) -> float:
    from app.paths import is_server_address
    from bench import synthetic

    start = time.perf_counter()
    catalogue = synthetic.build(location, cases)  # type: ignore[arg-type]
    if is_server_address(location):
        from models.backends.postgresql import reset_sequences

        with catalogue.engine.begin() as conn:
            reset_sequences(conn)  # the synthetic rows came with their ids
            conn.exec_driver_sql("ANALYZE")
    catalogue.close()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a local cluster)")
    args = parser.parse_args(argv)
    cluster = None
    url = args.url
    if url is None:
        from tests.pg_cluster import start_cluster, unavailable_reason

        reason = unavailable_reason()
        if reason:
            sys.exit(f"bench/team.py: no PostgreSQL: {reason}; give --url")
        cluster = start_cluster()
        import psycopg

        with psycopg.connect(cluster.conninfo(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        url = cluster.url("bench")
    try:
        folder = Path(tempfile.mkdtemp(prefix="casebook-team-bench-"))
        places = {"SQLite": str(folder / "bench.sqlite3"), "PostgreSQL": url}
        reads: dict[str, dict[str, tuple[float, float]]] = {}
        for name, location in places.items():
            seconds = build(location, args.cases)
            print(f"{name}: built {args.cases:,} cases with their index in {seconds:.1f} s")
            catalogue = open_catalogue(location, seed=False)
            reads[name] = measure_reads(catalogue, args.repeats)
            catalogue.close()
        print(f"\n{'ms, p50 / p95':28}" + "".join(f"{n:>20}" for n in places))
        for what in reads["SQLite"]:
            cells = "".join(
                f"{reads[n][what][0]:>11.1f} / {reads[n][what][1]:<6.1f}" for n in places
            )
            print(f"{what:28}{cells}")
        print(f"\n{args.writers} writers, {args.seconds:.0f} s, each a note then a tag per step:")
        for name, location in places.items():
            rate, reported, found = measure_writers(location, args.writers, args.seconds)
            lost = reported - found
            print(f"{name:12} {rate:8.1f} writes/s; notes reported {reported}, found {found}, "
                  f"lost {lost}")  # fmt: skip
        medians = {n: statistics.median(v[0] for v in reads[n].values()) for n in places}
        print("\nmedian of the p50s: " + ", ".join(f"{n} {m:.1f} ms" for n, m in medians.items()))
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
