"""Migration 8: one spelling per sector and per form of assistance.

Before, a sector was free text compared exactly, so "Education" and
"education " were two facets. From now on app/vocab.py keeps one value per
key (single spaces, NFC, case-folded); this step brings an older catalogue's
spellings together: each value takes the spelling most of its cases use (on a
tie, the one that sorts first), with single spaces. No schema change.

The key is written out here rather than imported from app/: a migration must
keep doing what it did when it shipped.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import Connection

STATEMENTS: list[str] = []


def _spaced(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", _spaced(text).casefold())


def chosen_spellings(counts: dict[str, int]) -> dict[str, str]:
    """For stored spellings with their case counts: spelling -> the spelling its value keeps."""
    groups: dict[str, list[str]] = {}
    for spelling in counts:
        groups.setdefault(_key(spelling), []).append(spelling)
    chosen: dict[str, str] = {}
    for spellings in groups.values():
        best = _spaced(min(spellings, key=lambda s: (-counts[s], _spaced(s), s)))
        chosen.update((s, best) for s in spellings)
    return chosen


def fill(conn: Connection) -> None:
    sectors: dict[str, int] = dict(
        conn.exec_driver_sql(
            "SELECT sector, count(*) FROM case_study WHERE sector != '' GROUP BY sector"
        ).all()
    )
    for old, new in chosen_spellings(sectors).items():
        if old != new:
            conn.exec_driver_sql("UPDATE case_study SET sector = ? WHERE sector = ?", (new, old))
    forms: dict[str, int] = dict(
        conn.exec_driver_sql("SELECT form, count(*) FROM case_assistance GROUP BY form").all()
    )
    for old, new in chosen_spellings(forms).items():
        if old == new:
            continue
        # A case with both spellings keeps one row.
        conn.exec_driver_sql(
            "DELETE FROM case_assistance WHERE form = ? AND case_id IN "
            "(SELECT case_id FROM case_assistance WHERE form = ?)",
            (old, new),
        )
        conn.exec_driver_sql("UPDATE case_assistance SET form = ? WHERE form = ?", (new, old))
