"""Export speed, file size and peak memory for every format, on a large catalogue.

Uses the synthetic catalogue of bench/synthetic.py (default 100,000 cases),
built once and kept (default: casebook-bench-<N>.sqlite3 in the temporary
folder; --db names another, reused when it exists). The synthetic catalogue
has no sources, so when it is built this adds some (--sources, default
2,000) and cites one from each case, for the citation formats to have work.
Each format runs in a fresh process; its peak memory is the process's peak
resident size during the export alone (Linux: VmHWM, reset after the
catalogue is opened; elsewhere max RSS from `resource`, opening included).

    python bench/formats.py [--cases N] [--db PATH] [--sources N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (format, file name) in the order printed; the workbook first, as the figure to compare with.
RUNS = (
    ("xlsx", "casebook.xlsx"),
    ("datapackage", "casebook.zip"),
    ("datapackage", "casebook-package"),
    ("csl-json", "sources.json"),
    ("ris", "sources.ris"),
    ("bibtex", "sources.bib"),
    ("annotations", "highlights.jsonld"),
)

ONE_EXPORT = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from app.store import open_catalogue
from app.formats.choice import format_of
from app.formats.export import export

def status(key):
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

catalogue = open_catalogue(Path(sys.argv[1]), seed=False, auto_backup=False)
target = Path(sys.argv[3])
opened = status("VmRSS")
try:  # Linux: start the peak (VmHWM) afresh, so it is the export's alone
    Path("/proc/self/clear_refs").write_text("5")
except OSError:
    pass
start = time.perf_counter()
with catalogue.sessions() as session:
    summary = export(session, target, format_of(target, sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - start, "opened_mb": opened,
                  "rss_mb": status("VmHWM"), "counts": summary.counts}))
"""


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


def _add_sources(db: Path, count: int) -> None:
    """Sources with varied dates and authors, each case citing one."""
    import random
    import sqlite3
    import uuid

    rng = random.Random(11)
    outlets = ("Xinhua", "China Daily", "人民日报", "Tianshan Net", "Global Times")
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO source (key, title, author, publisher, date_text, date_note, "
            "seed_file, kind, outlook, uuid) VALUES (?, ?, ?, ?, ?, '', '', ?, '', ?)",
            [
                (
                    f"bench-{i}",
                    f"Pairing assistance report {i}: {{draft}} 100% & 援疆 🍵",
                    rng.choice(("Xinhua", "Yang Feiyue", "Smith, John", "")),
                    rng.choice(outlets),
                    rng.choice((f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-14",
                                f"{rng.randint(1, 28)} August 20{rng.randint(10, 24)}", "")),
                    rng.choice(("news report", "feature", "white paper")),
                    str(uuid.uuid4()),
                )
                for i in range(count)
            ],
        )  # fmt: skip
        first = conn.execute("SELECT min(id) FROM source WHERE key LIKE 'bench-%'").fetchone()[0]
        conn.execute(
            "INSERT OR IGNORE INTO case_source (case_id, source_id) "
            f"SELECT id, {first} + (id % {count}) FROM case_study"
        )


def _catalogue(args: argparse.Namespace) -> Path:
    db = (
        Path(args.db)
        if args.db
        else Path(tempfile.gettempdir()) / (f"casebook-bench-{args.cases}.sqlite3")
    )
    if db.exists():
        print(f"reusing {db}")
        return db
    sys.path.insert(0, str(ROOT))
    from bench.synthetic import build

    start = time.perf_counter()
    build(db, args.cases).close()
    _add_sources(db, args.sources)
    print(f"built {args.cases:,} cases and {args.sources:,} sources into {db} "
          f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--db", help="the catalogue to export (built there if missing)")
    args = parser.parse_args()
    db = _catalogue(args)
    for line in export_figures(db):
        print(line, flush=True)


def export_figures(db: Path) -> Iterator[str]:
    """A table (header first) of every format's export of the catalogue at `db`."""
    yield (f"{'format':<12} {'target':<20} {'seconds':>8} {'size MB':>8} {'opened MB':>9} "
           f"{'peak MB':>8}  rows")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for name, file_name in RUNS:
            target = Path(tmp) / file_name
            result = subprocess.run(
                [sys.executable, "-c", ONE_EXPORT, str(db), name, str(target), str(ROOT)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            rows = sum(figures["counts"].values())
            yield (f"{name:<12} {file_name:<20} {figures['seconds']:8.1f} "
                   f"{_size(target) / 1e6:8.1f} {figures['opened_mb']:9.0f} "
                   f"{figures['rss_mb']:8.0f}  {rows:,}")  # fmt: skip
            if target.is_dir():
                import shutil

                shutil.rmtree(target)
            else:
                target.unlink()


if __name__ == "__main__":
    main()
