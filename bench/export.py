"""Export speed and memory on a large catalogue, beside a bare openpyxl script.

Builds a synthetic catalogue (default 100,000 cases with 3 metrics, 2 notes
and 3 tags each), then in fresh processes runs:
- Casebook's export (cleaning, formula guard, styles, links, atomic write);
- a bare openpyxl write-only script writing the same rows as plain values.
Prints seconds and peak memory (max RSS) of each.

    python bench/export.py [--cases N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASEBOOK = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from app.store import open_catalogue
from app.xlsx.export import export_workbook
catalogue = open_catalogue(Path(sys.argv[1]), seed=False)
start = time.perf_counter()
with catalogue.sessions() as session:
    export_workbook(session, Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(script: str, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _run_file(script: Path, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.synthetic import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.sqlite3"
        start = time.perf_counter()
        build(db, args.cases).close()
        print(f"built {args.cases:,} cases (3 metrics, 2 notes, 3 tags each) "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        bare = _run_file(ROOT / "bench" / "bare_export.py", str(db), str(Path(tmp) / "bare.xlsx"))
        ours = _run(CASEBOOK, str(db), str(Path(tmp) / "casebook.xlsx"), str(ROOT))
        size = (Path(tmp) / "casebook.xlsx").stat().st_size / 1e6
    print(f"bare openpyxl write-only + lxml : {bare['seconds']:7.1f} s, "
          f"peak {bare['rss_mb']:6.0f} MB")  # fmt: skip
    print(f"Casebook export                 : {ours['seconds']:7.1f} s, "
          f"peak {ours['rss_mb']:6.0f} MB, {size:.0f} MB file")  # fmt: skip
    print(f"time ratio                      : {ours['seconds'] / bare['seconds']:7.2f}x "
          "(target 1.2x); memory target < 300 MB")  # fmt: skip


if __name__ == "__main__":
    main()
