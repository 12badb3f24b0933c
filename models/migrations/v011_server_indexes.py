"""Migration 11: a team catalogue's own indexes for the facets and sector filters.

On PostgreSQL, three covering indexes (models/backends/postgresql.py,
SERVER_INDEXES): a sector's cases with their titles, each case's sector, each
case's roll-up areas. The queries the window asks at every keystroke then
read them alone instead of a heap page per case (bench/team.py). A SQLite
file needs none (its case_area is kept in key order, and a case's row is
read by its key), so there the step only moves the version on.

The statements are written out here: a migration keeps doing what it did
when it shipped.
"""

from __future__ import annotations

from sqlalchemy import Connection

STATEMENTS: list[str] = []

_SERVER_STATEMENTS = [
    "CREATE INDEX ix_case_study_sector_titles ON case_study (sector) INCLUDE (id, title)",
    "CREATE INDEX ix_case_study_sector_of_case ON case_study (id) INCLUDE (sector)",
    "CREATE INDEX ix_case_area_rollup_of_case ON case_area (case_id) INCLUDE (role, area_id) "
    "WHERE rollup",
]


def fill(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for statement in _SERVER_STATEMENTS:
            conn.exec_driver_sql(statement)
