"""What the pairing map costs after a filter change, and a screenshot of it.

    python bench/view_map.py [--cases 100000] [--rounds 2] [--screenshot PATH] [--keep DB]

Builds the synthetic catalogue (bench/synthetic.py), gives its places
synthetic positions (provinces and their cities east of 100°E, Xinjiang's
prefectures and counties west of 96°E), then shows the map offscreen and for
each of ten filter changes (words, facets, tags, and none), `--rounds` times
over, times the flows alone (`pairing_flows`) and the whole redraw the window
waits for (flows, scene, one paint). Prints p50 and p95 of each against the
issue's 500 ms.

With --screenshot, also saves the map of the built-in seed catalogue there.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sqlalchemy import select, update

from app.case_filter import CaseFilter
from app.pairings import pairing_flows
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from bench import synthetic
from models import Place

if TYPE_CHECKING:
    from views.pairing_map import PairingMapView

TARGET_MS = 500.0


class _Window(QWidget):
    """What the map asks of the main window, without the table (its cost is not the map's)."""

    filterApplied = Signal(object)
    catalogueChanged = Signal(object)  # a ChangeScope

    def __init__(self, service: CatalogueService) -> None:
        super().__init__()
        self.service = service
        self.narrowed: list[int] = []

    def current_filter(self) -> CaseFilter:
        return CaseFilter()

    def show_only_cases(self, ids: Any, description: str) -> None:
        self.narrowed = list(ids)


def place_synthetic_positions(catalogue: Catalogue, seed: int = 11) -> int:
    """Give every place of the synthetic catalogue a plausible position; how many."""
    rng = random.Random(seed)
    with catalogue.sessions.begin() as s:
        places = s.execute(select(Place.id, Place.level, Place.parent_id).order_by(Place.id)).all()
        at: dict[int, tuple[float, float]] = {}
        for pid, level, parent in places:  # parents come before their children
            if level == "region":
                at[pid] = (87.6, 43.8)
            elif level == "province":
                at[pid] = (rng.uniform(100, 122), rng.uniform(22, 45))
            elif level == "prefecture":
                at[pid] = (rng.uniform(76, 95), rng.uniform(36, 47))
            else:
                lon, lat = at[parent]
                at[pid] = (lon + rng.uniform(-1.5, 1.5), lat + rng.uniform(-1, 1))
        s.execute(
            update(Place),
            [{"id": pid, "longitude": lon, "latitude": lat, "position_note": "synthetic"}
             for pid, (lon, lat) in at.items()],
        )  # fmt: skip
    return len(at)


def _filters(catalogue: Catalogue) -> list[tuple[str, CaseFilter]]:
    with catalogue.sessions() as s:
        province = s.scalar(select(Place.id).where(Place.name == "Province 3"))
        prefecture = s.scalar(select(Place.id).where(Place.name == "Prefecture 5"))
    assert province is not None and prefecture is not None
    return [
        ("no filter", CaseFilter()),
        ("word: solar", CaseFilter(text="solar")),
        ("word: embroidery", CaseFilter(text="embroidery")),
        ("prefix: emb*", CaseFilter(text="emb*")),
        ("sector facet", CaseFilter(sectors=frozenset({"energy"}))),
        ("donor facet", CaseFilter(donor_places=frozenset({province}))),
        ("recipient facet", CaseFilter(recipient_places=frozenset({prefecture}))),
        ("form facet", CaseFilter(forms=frozenset({"funds", "talent"}))),
        ("tag", CaseFilter(tags=frozenset({"topic/7"}))),
        ("word + sector", CaseFilter(text="tea", sectors=frozenset({"agriculture and food"}))),
    ]


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


_APP: list[QApplication] = []


def _application() -> QApplication:
    """The application, created once and kept for the whole run."""
    if not _APP:
        existing = QApplication.instance()
        _APP.append(existing if isinstance(existing, QApplication) else QApplication([]))
    return _APP[0]


def _dispose(window: _Window) -> None:
    """Close and delete the stub window now: left to the interpreter's exit, PySide
    may free its widgets after the application and crash."""
    window.close()
    shiboken6.delete(window)


def _shown(window: _Window) -> PairingMapView:
    """The map in the stub window, shown offscreen at a usual size."""
    from views.pairing_map import PairingMapView

    app = _application()
    view = PairingMapView(window)  # type: ignore[arg-type]
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    return view


def measure(catalogue: Catalogue, rounds: int, verbose: bool = False) -> dict[str, list[float]]:
    """Per filter change: the flows alone, and the whole redraw (flows, scene, paint)."""
    _application()
    service = CatalogueService(catalogue)
    window = _Window(service)
    view = _shown(window)
    filters = _filters(catalogue)
    times: dict[str, list[float]] = {"flows": [], "redraw": []}
    arcs: list[int] = []
    for _ in range(rounds):
        for _name, flt in filters:
            times["flows"].append(_ms(lambda f=flt: service.read(pairing_flows, f)))
            if verbose:
                print(f"    {_name:<18} flows {times['flows'][-1]:7.1f} ms")

            def redraw(f: CaseFilter = flt) -> None:
                window.filterApplied.emit(f)
                view.canvas.viewport().repaint()

            times["redraw"].append(_ms(redraw))
            arcs.append(len(view.scene.items()))
    times["items"] = [float(n) for n in arcs]
    _dispose(window)
    return times


def screenshot(path: Path) -> str:
    """The map of the built-in seed catalogue, saved to `path`; the map's summary line."""
    app = _application()
    with tempfile.TemporaryDirectory() as folder:
        catalogue = open_catalogue(Path(folder) / "seed.sqlite3")
        try:
            window = _Window(CatalogueService(catalogue))
            view = _shown(window)
            view.canvas.fit()
            app.processEvents()
            path.parent.mkdir(parents=True, exist_ok=True)
            view.grab().save(str(path))
            summary = view.summary.text()
            _dispose(window)
        finally:
            catalogue.close()
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument(
        "--keep", type=Path, metavar="DB", help="build the catalogue there once, reuse it after"
    )
    parser.add_argument("--verbose", action="store_true", help="print each filter's time")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        if args.keep is not None and args.keep.exists():
            catalogue = open_catalogue(args.keep, seed=False)
            print(f"Reusing {args.keep}.")
        else:
            path = args.keep or Path(folder) / "bench.sqlite3"
            catalogue = synthetic.build(path, args.cases)
            positioned = place_synthetic_positions(catalogue)
            print(f"Built {args.cases:,} cases in {time.perf_counter() - start:.1f} s; "
                  f"{positioned} places given synthetic positions.")  # fmt: skip
        try:
            times = measure(catalogue, args.rounds, args.verbose)
        finally:
            catalogue.close()
    n = len(times["flows"])
    print(f"{n} filter changes ({n // args.rounds} filters × {args.rounds}):")
    for key, label in (("flows", "pairing_flows"), ("redraw", "flows + scene + paint")):
        values = times[key]
        p50, p95 = statistics.median(values), _p95(values)
        verdict = "ok" if p95 <= TARGET_MS else "OVER"
        print(f"  {label:<24} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
              f"(target {TARGET_MS:.0f} ms: {verdict})")  # fmt: skip
    print(f"  scene items: at most {max(times['items']):.0f}")
    if args.screenshot:
        print(
            f"Screenshot of the seed catalogue: {args.screenshot} ({screenshot(args.screenshot)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
