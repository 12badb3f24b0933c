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
app.processEvents()
print("shown", flush=True)
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start to each marker line ("shown", "loaded") it prints."""
    start = time.perf_counter()
    marks: dict[str, float] = {}
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            marks[line.split()[0]] = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{command} failed with status {proc.returncode}")
    return marks


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
        bare = [_time([sys.executable, "-c", BARE], env)["shown"] for _ in range(args.runs)]
        ours = [_time(casebook, env) for _ in range(args.runs)]
    bare_ms = statistics.median(bare) * 1000
    shown_ms = statistics.median(m["shown"] for m in ours) * 1000
    loaded_ms = statistics.median(m["loaded"] for m in ours) * 1000
    runs = f"(median of {args.runs})"
    print(f"bare PySide6 window shown, empty table   : {bare_ms:6.0f} ms {runs}")
    print(f"Casebook window shown                    : {shown_ms:6.0f} ms {runs}")
    print(f"Casebook window filled with the catalogue: {loaded_ms:6.0f} ms {runs}")
    print(f"Casebook first start (creates and seeds) : {first['loaded'] * 1000:6.0f} ms")
    print(f"ratio, window shown                      : {shown_ms / bare_ms:6.2f}x (target 1.5x)")
    print(f"ratio, window filled                     : {loaded_ms / bare_ms:6.2f}x")


if __name__ == "__main__":
    main()
