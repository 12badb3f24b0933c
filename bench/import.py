"""Import speed and memory: a synthetic catalogue's own export, previewed and applied.

Builds a synthetic catalogue (default 100,000 cases, see bench/synthetic.py),
exports it, then in fresh processes (peak memory is each process's max RSS):
- re-import into itself: the preview of an untouched round trip (nothing to do);
- import into a catalogue with the same places but no cases: preview, then
  apply (every case, figure, note, highlight and tag added through the
  editor's functions and the journal, in one transaction).
Prints seconds and peak memory beside the export figures of every format
(bench/formats.py), the targets of issue 9 and the figures measured before
the import was rebuilt.

    python bench/import.py [--cases N]
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

SCRIPT = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from app.store import open_catalogue
from app.xlsx.importer import apply_plan, preview_import
catalogue = open_catalogue(Path(sys.argv[1]), seed=False, auto_backup=False)
start = time.perf_counter()
with catalogue.sessions() as session:
    plan = preview_import(session, Path(sys.argv[2]))
preview = time.perf_counter() - start
applied = 0.0
if sys.argv[4] == "apply":
    start = time.perf_counter()
    with catalogue.sessions.begin() as session:
        apply_plan(session, plan, "bench")
    applied = time.perf_counter() - start
print(json.dumps({
    "preview": preview, "apply": applied, "added": len(plan.added),
    "changed": len(plan.changed), "unchanged": sum(plan.unchanged.values()),
    "rejected": len(plan.rejected),
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""

# Before (issue 9): 5,000 cases (30,300 rows) took 32 s to import; 1,000,000 rows
# took 99 s and 2 GB just to preview.
TARGETS = {"preview_s": 60.0, "apply_s": 60.0, "rss_mb": 500.0}


def _run(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from app.xlsx.export import export_workbook
    from bench.synthetic import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        source = build(folder / "source.sqlite3", args.cases)
        built = time.perf_counter() - started
        workbook = folder / "export.xlsx"
        started = time.perf_counter()
        with source.sessions() as session:
            export_workbook(session, workbook)
        exported = time.perf_counter() - started
        source.close()
        empty = build(folder / "empty.sqlite3", 0)  # the same places and tags, no cases
        empty.close()
        size = workbook.stat().st_size / 1e6
        print(f"{args.cases:,} cases built in {built:.0f} s; exported in {exported:.1f} s "
              f"({size:.0f} MB workbook)")  # fmt: skip
        same = _run(str(folder / "source.sqlite3"), str(workbook), str(ROOT), "preview")
        print(f"re-import into itself: preview {same['preview']:.1f} s, "
              f"{same['unchanged']:,} rows unchanged, {same['added']:.0f} added, "
              f"{same['changed']:.0f} changed, {same['rejected']:.0f} rejected; "
              f"peak {same['rss_mb']:.0f} MB")  # fmt: skip
        fresh = _run(str(folder / "empty.sqlite3"), str(workbook), str(ROOT), "apply")
        print(f"import into an empty catalogue: preview {fresh['preview']:.1f} s, "
              f"apply {fresh['apply']:.1f} s, {fresh['added']:,} rows added, "
              f"{fresh['rejected']:.0f} rejected; peak {fresh['rss_mb']:.0f} MB")  # fmt: skip
        print("the same catalogue exported in every format (bench/formats.py):")
        from bench.formats import export_figures

        for line in export_figures(folder / "source.sqlite3"):
            print(f"  {line}", flush=True)
        print(f"targets: preview ≤ {TARGETS['preview_s']:.0f} s, apply ≤ "
              f"{TARGETS['apply_s']:.0f} s, peak < {TARGETS['rss_mb']:.0f} MB; before: 5,000 "
              "cases took 32 s to import, 1,000,000 rows 99 s and 2 GB to preview")  # fmt: skip


if __name__ == "__main__":
    main()
