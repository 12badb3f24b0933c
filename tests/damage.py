"""Catalogues damaged on purpose, the ways real damage shows up."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(path: Path) -> None:
    """Move everything from the -wal into the file, so byte edits hit real pages."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def break_check_constraint(path: Path) -> None:
    """Add a metric with neither a value nor a range (ck_metric_has_number).

    quick_check and integrity_check both report it; every page stays readable.
    """
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        case_id = conn.execute("SELECT id FROM case_study ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute(
            "INSERT INTO metric (case_id, key, position, name, value, low, high, unit, "
            "qualifier, note) VALUES (?, 'broken', 99, 'broken', NULL, NULL, NULL, '', "
            "'exact', '')",
            (case_id,),
        )
        conn.commit()
    finally:
        conn.close()
    checkpoint(path)


def overwrite_index_page(path: Path, index: str = "ix_case_study_sector") -> None:
    """Overwrite the root page of `index` with garbage bytes."""
    checkpoint(path)
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,))
        page = root.fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size : page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def orphan_a_note(path: Path) -> None:
    """A note whose case study is gone (foreign keys were off when it was deleted)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "INSERT INTO note (case_id, body, created_at, updated_at) "
            "VALUES (999999, 'lost', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
        conn.commit()
    finally:
        conn.close()
    checkpoint(path)
