"""Real processes: two writers at once, a lock held too long, and kill -9 while
writing or typing. Everything acknowledged is on disk; the file stays whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import models.engine
from app.cli import main as cli_main
from app.notes import add_note
from app.service import CatalogueService, WriteFailedError
from app.store import Catalogue, open_catalogue
from bench.crash_workers import TYPED

ROOT = Path(__file__).resolve().parent.parent


def _worker(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "bench.crash_workers", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _notes(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT id, body FROM note").fetchall())


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_two_processes_writing_at_once_both_succeed(small_catalogue: Catalogue) -> None:
    path = small_catalogue.path
    small_catalogue.close()
    workers = [_worker("notes", str(path), "40", tag) for tag in ("a", "b")]
    results = [w.communicate(timeout=120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], [err[-300:] for _, err in results]
    assert all("Traceback" not in err for _, err in results)
    bodies = set(_notes(path).values())
    assert {f"{t}-{n} 笔记 ✓" for t in "ab" for n in range(40)} <= bodies


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_lock_held_too_long_gets_words_not_a_traceback(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(models.engine, "BUSY_TIMEOUT_MS", 300)
    path = catalogue.path
    catalogue.close()
    catalogue = open_catalogue(path, seed=False)
    holder = _hold_write_lock(path)
    try:
        started = time.monotonic()
        with pytest.raises(WriteFailedError, match="Another Casebook process is writing"):
            CatalogueService(catalogue).write(add_note, 1, "waits, then says so")
        assert time.monotonic() - started >= 0.25  # it waited for the lock
        listed = cli_main(["--db", str(path), "list"])  # reading needs no write lock
        status = cli_main(["--db", str(path), "tag", "bortala-polytechnic", "waiting"])
    finally:
        holder.rollback()
        holder.close()
        catalogue.close()
    err = capsys.readouterr().err
    assert listed == 0
    assert status != 0
    assert err.count("\n") == 1 and "Another Casebook process is writing" in err
    assert "Traceback" not in err


def _acknowledged(lines: list[str]) -> dict[int, str]:
    found = {}
    for line in lines:
        if line.startswith("ok "):
            _, note_id, body = line.rstrip("\n").split(" ", 2)
            found[int(note_id)] = body
    return found


def kill_writer_once(path: Path, delay: float) -> tuple[int, bool]:
    """Start a writer, SIGKILL it after `delay` s; (acknowledged count, all present and whole)."""
    worker = _worker("notes", str(path), "100000", f"k{delay:.3f}")
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    acknowledged = _acknowledged(out.splitlines())
    stored = _notes(path)
    whole = _integrity(path) == "ok" and all(stored.get(k) == v for k, v in acknowledged.items())
    return len(acknowledged), whole


def test_kill_9_during_writes_loses_nothing_acknowledged(small_catalogue: Catalogue) -> None:
    path = small_catalogue.path
    small_catalogue.close()
    total = 0
    for delay in (1.2, 1.5, 1.9):
        count, whole = kill_writer_once(path, delay)
        assert whole
        total += count
    assert total > 0  # the kills landed while writes were going on


def test_kill_9_while_typing_steadily_keeps_all_but_the_last_second(
    small_catalogue: Catalogue,
) -> None:
    path = small_catalogue.path
    small_catalogue.close()
    worker = _worker("typing", str(path))
    assert worker.stdout is not None
    typed_at: list[float] = []
    note_id = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = worker.stdout.readline()
        if line.startswith("note "):
            note_id = int(line.split()[1])
        elif line.startswith("typed "):
            typed_at.append(time.monotonic())
            if len(typed_at) == 35:  # 3.5 s of steady typing, a key every 100 ms
                break
    worker.send_signal(signal.SIGKILL)
    worker.communicate()
    assert note_id is not None and len(typed_at) == 35
    killed = time.monotonic()
    saved = _notes(path)[note_id]
    # Everything typed more than MAX_UNSAVED_MS (plus slack for a slow machine) before the kill.
    must_have = sum(1 for t in typed_at if killed - t > 1.6)
    assert saved == TYPED[: len(saved)]
    assert len(saved) >= must_have > 0
    assert _integrity(path) == "ok"


def test_kill_9_during_writes_leaves_the_search_index_whole(small_catalogue: Catalogue) -> None:
    """The index pass commits with the write: after a kill, every acknowledged note is found
    and the kept index equals a rebuilt one."""
    from tests.search_helpers import assert_index_is_fresh, found_ids

    path = small_catalogue.path
    small_catalogue.close()
    worker = _worker("notes", str(path), "100000", "qxkilled")
    time.sleep(1.5)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    acknowledged = _acknowledged(out.splitlines())
    assert acknowledged  # the kill landed while notes were being written
    reopened = open_catalogue(path, seed=False)
    try:
        with reopened.sessions() as session:
            from app.search.index import has_stale

            assert not has_stale(session)
        last = max(acknowledged)
        assert found_ids(reopened, acknowledged[last].split()[0]) != set()
        assert_index_is_fresh(reopened)
    finally:
        reopened.close()
