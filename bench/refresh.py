"""What the window costs after a change: refresh by change against the old reload-everything.

    python bench/refresh.py [--cases 100000] [--rounds 5] [--keep DB]

Builds the synthetic catalogue (bench/synthetic.py), opens the main window on
it offscreen with four cases selected, and for each kind of change, `--rounds`
times over, counts the SQL statements and times the change from the call to
the window settled (the facet counts, which come from a worker thread, included):

- one tag on two cases; one tag on 1,000 cases;
- a note's autosave (typing, then the save);
- as the baseline, the same changes shown the old way: everything re-read
  after every change (the table's list, facets, tag tree, saved searches,
  notes, highlights, detail). The old code also read the detail twice and
  kept only one selected case; this baseline reads it once and keeps them.

Prints, per change, the median statements (the write, the refresh besides the
detail, the detail), detail reads, milliseconds of the write and of the
refresh, and whether the selection survived.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from app.notes import add_note, update_note
from app.service import CatalogueService
from app.store import open_catalogue
from app.tags import tag_cases
from bench import synthetic
from views.main_window import MainWindow


class Counter:
    """Statements by phase: the write, the detail read, the rest of the refresh."""

    def __init__(self, window: MainWindow) -> None:
        self.phase = "refresh"
        self.counts = {"write": 0, "detail": 0, "refresh": 0}
        self.details = 0
        self.write_seconds = 0.0
        service = window.service
        real_write, real_detail = service.write, service.detail

        def write(*args: Any, **kwargs: Any) -> Any:
            self.phase = "write"
            started = time.perf_counter()
            try:
                return real_write(*args, **kwargs)
            finally:
                self.write_seconds += time.perf_counter() - started
                self.phase = "refresh"

        def detail(case_id: int) -> Any:
            self.details += 1
            self.phase = "detail"
            try:
                return real_detail(case_id)
            finally:
                self.phase = "refresh"

        service.write = write  # type: ignore[method-assign]
        service.detail = detail  # type: ignore[method-assign]
        event.listen(service.catalogue.engine, "before_cursor_execute", self._count)

    def _count(self, *_args: Any) -> None:
        self.counts[self.phase] += 1

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.counts, 0)
        self.details = 0
        self.write_seconds = 0.0


def _settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(5):
        app.processEvents()
    window.facet_counter.wait()
    app.processEvents()


def _select(window: MainWindow, rows: range) -> None:
    flags = QItemSelectionModel.SelectionFlag
    model = window.table.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(window.case_model.index(row, 0), flags.Select | flags.Rows)


def measure(
    app: QApplication, window: MainWindow, counter: Counter, rounds: int,
    change: Callable[[int], None], full_reload: bool,
) -> dict[str, float]:  # fmt: skip
    if full_reload:  # the old way: every change re-reads everything
        window._show_changes = lambda _changes: window.catalogue_changed()  # type: ignore[method-assign]
    else:
        window.__dict__.pop("_show_changes", None)
    times: list[float] = []
    writes: list[float] = []
    totals: dict[str, list[int]] = {"write": [], "detail": [], "refresh": [], "reads": []}
    kept = True
    for n in range(rounds):
        before = window.selected_case_ids()
        counter.reset()
        started = time.perf_counter()
        change(n)
        _settle(app, window)
        elapsed = time.perf_counter() - started
        writes.append(counter.write_seconds * 1000)
        times.append((elapsed - counter.write_seconds) * 1000)
        for key, value in counter.counts.items():
            totals[key].append(value)
        totals["reads"].append(counter.details)
        kept = kept and window.selected_case_ids() == before
    result = {key: statistics.median(values) for key, values in totals.items()}
    return {
        **result,
        "write ms": statistics.median(writes),
        "ms": statistics.median(times),
        "kept": float(kept),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the catalogue here")
    args = parser.parse_args()

    app = QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="casebook-refresh-"))
    path = args.keep or folder / "bench.sqlite3"
    if path.exists():
        catalogue = open_catalogue(path, seed=False)
    else:
        started = time.perf_counter()
        catalogue = synthetic.build(path, args.cases)
        print(f"built {args.cases:,} cases in {time.perf_counter() - started:.0f} s")
    service = CatalogueService(catalogue)
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(service, settings)
    window.resize(1200, 800)
    window.show()
    _settle(app, window)
    counter = Counter(window)
    _select(window, range(4))
    _settle(app, window)
    ids = window.case_model.case_ids()
    case_id = window.selected_case_ids()[0]
    note_id = window.change("bench note", add_note, case_id, "")

    run = int(time.time())  # a new tag name each time, also on a kept catalogue
    fresh = (f"{run}-{n}" for n in range(1_000_000))

    def two(_n: int) -> None:  # the two first selected cases, as a user tags them
        window.change("tag two", tag_cases, ids[:2], [f"bench-two-{next(fresh)}"])

    def thousand(_n: int) -> None:
        window.change("tag many", tag_cases, ids[:1000], [f"bench-many-{next(fresh)}"])

    def note(n: int) -> None:
        window.change_merging(
            ("note", note_id), "edit note", update_note, note_id, f"A thought, take {n}"
        )

    print(f"{len(ids):,} cases shown, 4 selected; median of {args.rounds} rounds")
    print(
        "statements of the write, of the refresh besides the detail, of the detail; detail reads;"
    )
    print("milliseconds of the write and of the refresh until the window settled")
    print(f"{'change':<22}{'way':<18}{'write':>7}{'refresh':>9}{'detail':>8}{'reads':>7}"
          f"{'write ms':>10}{'refresh ms':>12}  selection")  # fmt: skip
    for name, change in (("one tag on 2 cases", two), ("one tag on 1,000", thousand),
                         ("note autosave", note)):  # fmt: skip
        for way, full in (("by change", False), ("reload (before)", True)):
            r = measure(app, window, counter, args.rounds, change, full)
            print(
                f"{name:<22}{way:<18}{r['write']:>7.0f}{r['refresh']:>9.0f}{r['detail']:>8.0f}"
                f"{r['reads']:>7.0f}{r['write ms']:>10.1f}{r['ms']:>12.1f}"
                f"  {'kept' if r['kept'] else 'LOST'}"
            )
    window.close()
    catalogue.close()


if __name__ == "__main__":
    main()
