"""How fast the timeline and the figures chart redraw after a filter change.

    python bench/view_timeline.py [--cases 100000] [--db PATH] [--screenshots]

On the synthetic catalogue: the timeline's rows plus the scene drawing for a
series of filters in each grouping (p50/p95), and the figures chart for a
figure every case has. With --screenshots, also saves the two views on the
seeded catalogue to resources/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.case_filter import CaseFilter
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from bench.synthetic import build
from views.figures_chart import FiguresChart
from views.main_window import MainWindow
from views.timeline_view import TimelineView

SCREENSHOTS = Path(__file__).resolve().parent.parent / "resources" / "screenshots"

FILTERS = (
    CaseFilter(),
    CaseFilter(text="solar"),
    CaseFilter(sectors=frozenset({"energy"})),
    CaseFilter(text="embroidery"),
    CaseFilter(sectors=frozenset({"education", "handicraft"})),
    CaseFilter(donor_places=frozenset({1})),
    CaseFilter(recipient_places=frozenset({96})),
    CaseFilter(text="tea"),
    CaseFilter(tags=frozenset({"topic/7"})),
    CaseFilter(text="saffron"),
)


def _window(catalogue: Catalogue, folder: Path) -> MainWindow:
    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CatalogueService(catalogue), settings)
    window.resize(1500, 1100)
    window.show()
    return window


def _percentiles(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms  max {ms[-1]:7.1f} ms"


def bench(app: QApplication, cases: int, folder: Path, db: Path | None) -> None:
    start = time.perf_counter()
    if db is not None and db.exists():
        catalogue = open_catalogue(db, seed=False)
        print(f"reusing {db}")
    else:
        catalogue = build(db or folder / "big.sqlite3", cases)
        print(f"built {cases:,} cases in {time.perf_counter() - start:.1f} s")
    window = _window(catalogue, folder)
    timeline = window.view_tabs.show_view("views.timeline_view")
    assert isinstance(timeline, TimelineView)
    app.processEvents()
    for index in range(timeline.group_combo.count()):
        timeline.group_combo.setCurrentIndex(index)
        times, items = [], []
        for flt in FILTERS * 2:
            began = time.perf_counter()
            timeline.follow_filter(flt)
            times.append(time.perf_counter() - began)
            items.append(len(timeline.canvas.scene().items()))
        mode = "density" if timeline.timeline and timeline.timeline.aggregated else "bars"
        print(
            f"timeline by {timeline.group_by():<9} ({mode}, at most {max(items):,} items): "
            + _percentiles(times)
        )
    chart = window.view_tabs.show_view("views.figures_chart")
    assert isinstance(chart, FiguresChart)
    app.processEvents()
    chart.choose("Figure 0")
    times = []
    for flt in FILTERS * 2:
        began = time.perf_counter()
        chart.follow_filter(flt)
        times.append(time.perf_counter() - began)
    shown = chart.series.total if chart.series else 0
    print(f"figures chart 'Figure 0' (up to {shown:,} figures): " + _percentiles(times))
    window.close()
    catalogue.close()


def screenshots(app: QApplication, folder: Path) -> None:
    catalogue = open_catalogue(folder / "seeded.sqlite3")
    window = _window(catalogue, folder)
    timeline = window.view_tabs.show_view("views.timeline_view")
    assert isinstance(timeline, TimelineView)
    timeline.group_combo.setCurrentIndex(timeline.group_combo.findData("recipient"))
    app.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    timeline.grab().save(str(SCREENSHOTS / "timeline.png"))
    chart = window.view_tabs.show_view("views.figures_chart")
    assert isinstance(chart, FiguresChart)
    chart.choose(unit="yuan")
    app.processEvents()
    chart.grab().save(str(SCREENSHOTS / "figures-chart.png"))
    print(f"screenshots in {SCREENSHOTS}")
    window.close()
    catalogue.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--screenshots", action="store_true")
    parser.add_argument("--db", type=Path, help="keep the catalogue here (reused if present)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        if args.screenshots:
            screenshots(app, Path(tmp))
        else:
            bench(app, args.cases, Path(tmp), args.db)


if __name__ == "__main__":
    main()
