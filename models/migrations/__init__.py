"""Numbered schema migrations, tracked in SQLite's `user_version` (a `meta` row on PostgreSQL).

Each migration is a module `vNNN_name.py` with a list `STATEMENTS` of SQL
statements, and optionally a function `fill(conn)` run after them. A
migration runs in one transaction together with the bump of `user_version`,
so a crash leaves the file at the previous version, whole.

On PostgreSQL (a team catalogue), migrations 1 to 8 are SQLite's history and
are not replayed: an empty database gets the current schema built from the
models plus its back end's pieces (models/backends/postgresql.py), stamped
with LATEST_VERSION, in one transaction. A migration after 8 runs on both
back ends, so its statements must be portable (or its `fill` asks
`models.backends.backend_of(conn)`); each step there holds an advisory lock
so two Casebooks starting at once run it once.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

from sqlalchemy import Connection, Engine

# The order here is the order of the schema versions: index 0 is version 1.
MIGRATION_MODULES: Sequence[str] = (
    "v001_initial",
    "v002_highlights",
    "v003_note_updated_index",
    "v004_autoincrement",
    "v005_search",
    "v006_place_positions",
    "v007_identities",
    "v008_vocabulary_spellings",
    "v009_change_log",
    "v010_row_versions",
    "v011_server_indexes",
)

LATEST_VERSION = len(MIGRATION_MODULES)

# "CsBk" in ASCII: marks a SQLite file as a Casebook catalogue.
APPLICATION_ID = 0x4373426B


class MigrationError(Exception):
    """A schema step failed its own checks; it was rolled back."""


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"models.migrations.{name}")


# The last version whose steps only SQLite runs; a PostgreSQL catalogue starts after it.
SQLITE_ONLY_UNTIL = 8


def schema_version(conn: Connection) -> int:
    from models.backends import backend_of

    return backend_of(conn).schema_version(conn)


def migrate(engine: Engine, target: int = LATEST_VERSION) -> list[int]:
    """Bring the database up to `target`, one transaction per step; return the steps run.

    On PostgreSQL, creating the schema of an empty database counts as the
    step to LATEST_VERSION, and `target` must be LATEST_VERSION.
    """
    if engine.dialect.name == "postgresql":
        return _migrate_server(engine, target)
    applied: list[int] = []
    with engine.connect() as conn:
        current = schema_version(conn)
    for version in range(current + 1, target + 1):
        module = _load(MIGRATION_MODULES[version - 1])
        if _run_step(engine, module, version):
            applied.append(version)
    return applied


def _run_step(engine: Engine, module: ModuleType, version: int) -> bool:
    """Run one migration in one transaction; False if another process ran it first."""
    from models.engine import writer

    rebuilds = getattr(module, "FOREIGN_KEYS_OFF", False)
    with writer(engine).connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # a pooled connection always has its DBAPI connection
        if rebuilds:
            # A table rebuild drops tables others refer to: with foreign keys
            # on, DROP TABLE would cascade-delete their rows. The pragma only
            # works outside a transaction, hence before BEGIN.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                # Read again under the write lock: another process may have
                # run this step while we waited for it.
                if schema_version(conn) >= version:
                    return False
                for statement in module.STATEMENTS:
                    conn.exec_driver_sql(statement)
                fill = getattr(module, "fill", None)
                if fill is not None:  # a step that needs Python, e.g. to make UUIDs
                    fill(conn)
                if rebuilds and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise MigrationError(f"schema step {version} broke a link between rows")
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {version}")
        finally:
            if rebuilds:
                raw.execute("PRAGMA foreign_keys = ON")
    return True


def _migrate_server(engine: Engine, target: int) -> list[int]:
    from models.backends import postgresql

    if target != LATEST_VERSION:
        raise ValueError("a PostgreSQL catalogue is only ever brought to the latest version")
    applied: list[int] = []
    with engine.begin() as conn:
        postgresql.lock_schema(conn)  # held to the commit: a second Casebook waits, then sees it
        current = postgresql.schema_version(conn)
        if current == 0:
            postgresql.create_schema(conn)
            postgresql.stamp(conn, LATEST_VERSION)
            return [LATEST_VERSION]
    for version in range(max(current, SQLITE_ONLY_UNTIL) + 1, target + 1):
        module = _load(MIGRATION_MODULES[version - 1])
        with engine.begin() as conn:
            postgresql.lock_schema(conn)
            if postgresql.schema_version(conn) >= version:
                continue
            for statement in module.STATEMENTS:
                conn.exec_driver_sql(statement)
            fill = getattr(module, "fill", None)
            if fill is not None:
                fill(conn)
            postgresql.stamp(conn, version)
        applied.append(version)
    return applied
