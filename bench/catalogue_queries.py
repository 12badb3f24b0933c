"""How the catalogue's queries scale: ids sorted by each column, a page of rows,
facet counts, text filter, and the window's first paint on a large catalogue.

    python bench/catalogue_queries.py [--cases 100000]
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

from app.query import SORT_KEYS, CaseFilter, case_ids, case_rows, facet_counts
from bench.synthetic import build


def _median_ms(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        catalogue = build(Path(tmp) / "big.sqlite3", args.cases)
        print(f"built {args.cases:,} cases in {time.perf_counter() - start:.1f} s")
        with catalogue.sessions() as s:
            for key in SORT_KEYS:
                ms = _median_ms(lambda key=key: case_ids(s, CaseFilter(), key))  # type: ignore[misc]
                print(f"ids sorted by {key:<11}: {ms:8.1f} ms")
            ids = case_ids(s, CaseFilter())
            page = _median_ms(lambda: case_rows(s, ids[:200]))
            print(f"one page of 200 rows    : {page:8.1f} ms")
            facets = _median_ms(lambda: facet_counts(s, CaseFilter()))
            print(f"facet counts, no filter : {facets:8.1f} ms")
            text = CaseFilter(text="solar")
            print(f"text filter 'solar'     : {_median_ms(lambda: case_ids(s, text)):8.1f} ms")
            donor = CaseFilter(donor_places=frozenset({1}))
            print(f"donor province filter   : {_median_ms(lambda: case_ids(s, donor)):8.1f} ms")
        _window_first_paint(catalogue)
        catalogue.close()


def _window_first_paint(catalogue: object) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.service import CatalogueService
    from views.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    window = MainWindow(CatalogueService(catalogue), settings)  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    print(f"window built and shown  : {(time.perf_counter() - start) * 1000:8.1f} ms")
    start = time.perf_counter()
    window.case_model.sort(2, window.case_model.sort.__defaults__[0])  # type: ignore[index]
    app.processEvents()
    print(f"click-sort by recipient : {(time.perf_counter() - start) * 1000:8.1f} ms")
    window.close()


if __name__ == "__main__":
    main()
