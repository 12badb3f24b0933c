"""Start-up time: process start to the main window shown, against a bare PySide6 window.

Runs each program several times in fresh processes and prints the medians.
Casebook opens an already-seeded catalogue (the usual case after the first
start); the first start, which creates and seeds the file, is printed too.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
table = QTableView()
table.setModel(QStandardItemModel(0, 7))
window.setCentralWidget(table)
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    import os

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = Path(__file__).resolve().parent.parent
    env["PYTHONPATH"] = str(root)
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = tmp
        db = Path(tmp) / "bench.sqlite3"
        casebook = [sys.executable, "-m", "app", "--db", str(db), "gui", "--quit-after-show"]
        first = _time(casebook, env)
        bare = [_time([sys.executable, "-c", BARE], env) for _ in range(args.runs)]
        ours = [_time(casebook, env) for _ in range(args.runs)]
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    runs = f"(median of {args.runs})"
    print(f"bare PySide6 window, empty table : {bare_median * 1000:7.0f} ms {runs}")
    print(f"Casebook, seeded catalogue       : {ours_median * 1000:7.0f} ms {runs}")
    print(f"Casebook, first start (seeding)  : {first * 1000:7.0f} ms")
    print(f"ratio                            : {ours_median / bare_median:7.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
