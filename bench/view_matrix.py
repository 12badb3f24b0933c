"""The comparison matrix at scale: 1,000 cases x 20 columns, and the tab's first view.

Builds the synthetic catalogue (bench/synthetic.py, default 100,000 cases),
then times, over a few runs each (p50 and p95 in milliseconds):
- column_choices for 1,000 cases spread over the catalogue;
- build_matrix for those 1,000 cases x 20 columns (8 fields, the 3 figures,
  6 tag columns, the tag list, notes and highlights counts): the goal is
  under 1 s;
- filling the view: MatrixModel.set_matrix and a QTableView painting it
  (offscreen), plus a sort by a figure column;
- filtered_matrix with no filter: every case's id, the first 5,000 rows and
  their column choices, with the 20 columns and with the default ones (what
  the tab reads when first shown).

    QT_QPA_PLATFORM=offscreen python bench/view_matrix.py [--cases N] [--runs N] [--db PATH]
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

ROOT = Path(__file__).resolve().parent.parent


def _times(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    """(p50, p95) of `fn`'s wall time in milliseconds, after one untimed warm-up run."""
    fn()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        seconds.append((time.perf_counter() - start) * 1000)
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    return statistics.median(seconds), p95


def _line(label: str, times: tuple[float, float]) -> None:
    print(f"{label:<58} p50 {times[0]:8.1f} ms   p95 {times[1]:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--db", type=Path, help="a catalogue bench/synthetic.py built before (not rebuilt)"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from app.case_filter import CaseFilter
    from app.matrix import build_matrix, chosen_columns, column_choices, filtered_matrix
    from app.query import case_ids
    from app.store import open_catalogue
    from bench.synthetic import build
    from views.comparison_matrix import MatrixModel

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            catalogue = open_catalogue(args.db, seed=False)
        else:
            start = time.perf_counter()
            catalogue = build(Path(tmp) / "big.sqlite3", args.cases)
            print(f"built {args.cases:,} cases in {time.perf_counter() - start:.0f} s")
        with catalogue.sessions() as session:
            every = case_ids(session, CaseFilter())
            step = max(1, len(every) // 1000)
            ids = every[::step][:1000]
            choices = column_choices(session, ids)
            figures = [c for c in choices if c.kind == "figure"][:3]
            tags = [c for c in choices if c.kind == "tag"][:6]
            keys = [c.key for c in choices if c.kind == "field"]
            keys += [c.key for c in figures + tags] + ["tags", "notes", "highlights"]
            columns = chosen_columns(choices, keys)
            print(f"{len(ids)} cases x {len(columns)} columns")
            _line(
                "column_choices (1,000 cases)",
                _times(lambda: column_choices(session, ids), args.runs),
            )
            _line(
                "build_matrix (1,000 cases x 20 columns)",
                _times(lambda: build_matrix(session, ids, columns), args.runs),
            )
            matrix = build_matrix(session, ids, columns)
            _line(
                "filtered_matrix, no filter, 20 columns (first 5,000 rows)",
                _times(
                    lambda: filtered_matrix(session, CaseFilter(), keys), max(3, args.runs // 2)
                ),
            )
            _line(
                "filtered_matrix, no filter, default columns (first open)",
                _times(
                    lambda: filtered_matrix(session, CaseFilter(), None), max(3, args.runs // 2)
                ),
            )
            big, _choices, total = filtered_matrix(session, CaseFilter(), keys)
        app = QApplication.instance() or QApplication([])
        model = MatrixModel()
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 800)
        view.show()

        def fill(m: Any) -> Callable[[], None]:
            def run() -> None:
                model.set_matrix(m)
                view.viewport().repaint()
                app.processEvents()

            return run

        _line("view fill + paint (1,000 rows)", _times(fill(matrix), args.runs))
        _line(
            f"view fill + paint ({len(big.rows):,} of {total:,} rows)", _times(fill(big), args.runs)
        )
        figure_column = [c.kind for c in big.columns].index("figure")
        _line(
            f"sort {len(big.rows):,} rows by a figure column",
            _times(lambda: model.sort(figure_column, Qt.SortOrder.DescendingOrder), args.runs),
        )
        catalogue.close()


if __name__ == "__main__":
    main()
