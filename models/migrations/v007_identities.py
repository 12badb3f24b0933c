"""Migration 7: a UUID on every exchangeable row, authors of notes and highlights, sync bases.

Rows that came from the seed get the seed's name-based UUID (see
models/identity.py), so catalogues seeded from the same data agree on them;
every other row gets a random one.
"""

from __future__ import annotations

from sqlalchemy import Connection

from models.identity import IDENTIFIED_TABLES, new_uuid, seed_uuid

STATEMENTS = [
    *(
        f"ALTER TABLE {table} ADD COLUMN uuid VARCHAR(36) DEFAULT '' NOT NULL"
        for table in IDENTIFIED_TABLES
    ),
    "ALTER TABLE note ADD COLUMN author VARCHAR(200) DEFAULT '' NOT NULL",
    "ALTER TABLE highlight ADD COLUMN author VARCHAR(200) DEFAULT '' NOT NULL",
    "CREATE TABLE sync_base (uuid VARCHAR(36) NOT NULL, digests TEXT NOT NULL, "
    "CONSTRAINT pk_sync_base PRIMARY KEY (uuid))",
]

# How a seed row's seed_record key is made from the row (see seed/loader.py).
_SEED_KEYS: dict[str, str] = {
    "case_study": "SELECT id, slug FROM case_study",
    "source": "SELECT id, key FROM source WHERE key IS NOT NULL",
    "place": "SELECT id, key FROM place WHERE key IS NOT NULL",
    "actor": "SELECT id, key FROM actor WHERE key IS NOT NULL",
    "metric": "SELECT m.id, c.slug || '/' || m.key FROM metric AS m "
    "JOIN case_study AS c ON c.id = m.case_id WHERE m.key IS NOT NULL",
    "perspective": "SELECT p.id, c.slug || '/' || p.key FROM perspective AS p "
    "JOIN case_study AS c ON c.id = p.case_id WHERE p.key IS NOT NULL",
}


CATALOGUE_KEY = "catalogue_uuid"  # in meta: this catalogue's own identity


def fill(conn: Connection) -> None:
    """Give the catalogue and every row its UUID, then make them unique."""
    conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", (CATALOGUE_KEY, new_uuid()))
    seeded = {
        (kind, key) for kind, key in conn.exec_driver_sql("SELECT kind, key FROM seed_record")
    }
    for table, kind in IDENTIFIED_TABLES.items():
        names: dict[int, str] = {}
        if kind is not None:
            names = {
                row_id: seed_uuid(kind, key)
                for row_id, key in conn.exec_driver_sql(_SEED_KEYS[table])
                if (kind, key) in seeded
            }
        ids = [row_id for (row_id,) in conn.exec_driver_sql(f"SELECT id FROM {table}")]
        if ids:
            conn.exec_driver_sql(
                f"UPDATE {table} SET uuid = ? WHERE id = ?",
                [(names.get(row_id) or new_uuid(), row_id) for row_id in ids],
            )
        conn.exec_driver_sql(f"CREATE UNIQUE INDEX ix_{table}_uuid ON {table} (uuid)")
