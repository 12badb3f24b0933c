"""What synchronous=FULL costs against NORMAL, for the writes a user makes.

    python bench/durability.py [--cases 100000] [--writes 200]

Casebook runs SQLite in WAL mode with synchronous=FULL, so a commit is on
disk before the window or the command line calls it done, even across a
power loss (with NORMAL, the last commits before a power loss may roll
back). This prints the time per note autosave, per single tag and per
100-case bulk tag under both settings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, select

from app.notes import add_note, update_note
from app.service import CatalogueService
from app.store import open_catalogue
from app.tags import tag_cases
from bench.synthetic import build
from models import CaseStudy


def _median_ms(fn: Callable[[int], object], n: int) -> float:
    times = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path, synchronous: str, writes: int) -> dict[str, float]:
    catalogue = open_catalogue(path, seed=False)

    @event.listens_for(catalogue.engine, "connect")
    def _sync(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA synchronous = {synchronous}")  # type: ignore[attr-defined]

    catalogue.engine.dispose()  # new connections get the setting
    service = CatalogueService(catalogue)
    with catalogue.sessions() as session:
        ids = list(session.scalars(select(CaseStudy.id).limit(100)))
    note_id, _ = service.write(add_note, ids[0], "")
    figures = {
        "note autosave": _median_ms(
            lambda i: service.write(update_note, note_id, f"text {i} " * 50), writes
        ),
        "tag one case": _median_ms(
            lambda i: service.write(tag_cases, [ids[i % 100]], [f"d-{synchronous}-{i}"]), writes
        ),
        "tag 100 cases": _median_ms(
            lambda i: service.write(tag_cases, ids, [f"b-{synchronous}-{i}"]), max(20, writes // 10)
        ),
    }
    catalogue.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--writes", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "durability.sqlite3"
        build(path, args.cases).close()
        normal = measure(path, "NORMAL", args.writes)
        full = measure(path, "FULL", args.writes)
    print(f"synchronous NORMAL vs FULL, {args.cases:,} cases, median of {args.writes} writes:")
    for label in normal:
        ratio = full[label] / normal[label] if normal[label] else float("nan")
        print(f"  {label:<16} NORMAL {normal[label]:7.2f} ms   FULL {full[label]:7.2f} ms   "
              f"({ratio:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
