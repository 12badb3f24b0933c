"""Kill -9 at random moments, many times, and count what was lost.

    python bench/crash.py [--rounds 200] [--seed 1]

Each round starts one writer process (notes, bulk tagging with undo and
redo, an export, or a schema migration from schema 3), kills it with SIGKILL
after a random delay, and checks: PRAGMA integrity_check and
foreign_key_check, every acknowledged note present with its exact text, the
tag counts consistent with the last acknowledged bulk step, no half-written
export at the target, and a killed migration leaving schema 3 or 4 with all
rows. Prints the counts; every "lost" and "damaged" figure should be 0.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.crash_workers", *args],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _kill_after(worker: subprocess.Popen[str], delay: float) -> tuple[list[str], bool]:
    """SIGKILL after `delay`; (lines printed, whether it was still running)."""
    time.sleep(delay)
    running = worker.poll() is None
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    return out.splitlines(), running


def _checks(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        whole = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return whole and not conn.execute("PRAGMA foreign_key_check").fetchall()


def _make_catalogue(folder: Path, schema: int | None = None) -> Path:
    from app.store import open_catalogue
    from bench.synthetic import build
    from models.engine import make_engine
    from models.migrations import migrate

    path = folder / f"base{schema or ''}.sqlite3"
    if schema is None:
        build(path, 300).close()
        open_catalogue(path, seed=True).close()
    else:
        engine = make_engine(path)
        migrate(engine, target=schema)
        engine.dispose()
        build_path = folder / "tmp.sqlite3"
        build(build_path, 300).close()
        with sqlite3.connect(path) as dst, sqlite3.connect(build_path) as src:
            for table in ("place", "case_study", "case_place", "tag", "case_tag", "note"):
                columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
                rows = src.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
                marks = ", ".join("?" * len(columns))
                dst.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
    return path


def round_notes(path: Path, delay: float, tally: Counter[str]) -> None:
    lines, running = _kill_after(_start("notes", str(path), "100000", f"r{delay:.4f}"), delay)
    acked = {}
    for line in lines:
        if line.startswith("ok "):
            _, note_id, body = line.split(" ", 2)
            acked[int(note_id)] = body
    with sqlite3.connect(path) as conn:
        stored = dict(conn.execute("SELECT id, body FROM note").fetchall())
    tally["acknowledged note writes"] += len(acked)
    tally["lost note writes"] += sum(1 for k, v in acked.items() if stored.get(k) != v)
    tally["killed mid-run"] += running


def round_bulk(path: Path, delay: float, tally: Counter[str]) -> None:
    lines, running = _kill_after(_start("bulk", str(path), "100000"), delay)
    tally["acknowledged bulk steps"] += len(lines)
    with sqlite3.connect(path) as conn:
        counts = dict(
            conn.execute(
                "SELECT t.name, count(ct.case_id) FROM tag t LEFT JOIN case_tag ct "
                "ON ct.tag_id = t.id WHERE t.name LIKE 'bulk-%' GROUP BY t.id"
            ).fetchall()
        )
        cases = conn.execute("SELECT count(*) FROM case_study").fetchone()[0]
    # Every bulk step is all or nothing: a tag is on every case or on none.
    tally["half-applied bulk steps"] += sum(1 for c in counts.values() if c not in (0, cases))
    if lines:
        last = lines[-1].split()
        expect = cases if last[0] in ("tagged", "redone") else 0
        tally["lost bulk steps"] += counts.get(last[1], 0) != expect
    tally["killed mid-run"] += running


def round_export(path: Path, delay: float, tally: Counter[str]) -> None:
    target = path.with_name("export.xlsx")
    lines, running = _kill_after(_start("export", str(path), str(target), "1000"), delay)
    tally["acknowledged exports"] += len(lines)
    if target.exists():
        try:
            with zipfile.ZipFile(target) as archive:
                ok = archive.testzip() is None
        except zipfile.BadZipFile:
            ok = False
        tally["half-written exports"] += not ok
    tally["killed mid-run"] += running


def round_migrate(base3: Path, folder: Path, delay: float, tally: Counter[str]) -> None:
    path = folder / "migrating.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(base3, path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT count(*) FROM note").fetchone()[0]
    lines, running = _kill_after(_start("migrate", str(path)), delay)
    with sqlite3.connect(path) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        after = conn.execute("SELECT count(*) FROM note").fetchone()[0]
    tally["migrations finished"] += bool(lines)
    tally["migrations left at an unknown schema"] += version not in (3, 4)
    tally["rows lost by a killed migration"] += before - after
    tally["damaged catalogues"] += not _checks(path)
    tally["killed mid-run"] += running


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tally: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _make_catalogue(folder)
        base3 = _make_catalogue(folder, schema=3)
        started = time.perf_counter()
        for n in range(args.rounds):
            kind = rng.choice(("notes", "bulk", "export", "migrate"))
            # A migration of this small catalogue is done about 0.8 s after the start.
            delay = rng.uniform(0.4, 1.1) if kind == "migrate" else rng.uniform(0.5, 2.5)
            tally[f"rounds: {kind}"] += 1
            if kind == "migrate":
                round_migrate(base3, folder, delay, tally)
                continue
            {"notes": round_notes, "bulk": round_bulk, "export": round_export}[kind](
                path, delay, tally
            )
            tally["damaged catalogues"] += not _checks(path)
            if (n + 1) % 20 == 0:
                print(f"  … {n + 1} rounds", file=sys.stderr)
        elapsed = time.perf_counter() - started
    print(f"kill -9 at random moments: {args.rounds} rounds in {elapsed:.0f} s")
    for key in sorted(tally):
        print(f"  {key:<40} {tally[key]:>7}")


if __name__ == "__main__":
    main()
