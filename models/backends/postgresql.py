"""PostgreSQL: upserts, the schema version in `meta`, a tsvector index, PL/pgSQL triggers.

How a team catalogue's schema is made: the numbered migrations 1 to 8 were
written for SQLite (table rebuilds, pragmas, FTS5), so they are not replayed
here. A new PostgreSQL catalogue is created from the current models
(`create_all`) plus the pieces below (the full-text table and the triggers),
in one transaction, and stamped with LATEST_VERSION; its schema equals what
the migrations give a SQLite file (tests/test_backends.py compares them).
Every later numbered migration (v009 on) runs on both back ends, so its
statements must be portable or branch on `backend_of(conn).NAME`.

The full-text index: `search_fts (rowid, document)` holds each case's
document as a tsvector with the title weighted A, summary and facts B, the
narrative C, notes and marks D, under a GIN index. Text is reduced to plain
words in Python (`plain_words`: NFKC, case and accents folded, split on
anything but letters and digits), as SQLite's unicode61 tokenizer does, and
indexed with the `simple` configuration (no stemming), so a word is found
the same way on both; Chinese arrives already cut into pairs and single
characters by app/search/text.py. Queries use the same reduction.

The search-index triggers: as on SQLite (migration 5), a write to any table
a case's text comes from marks the case's stale part in `search_dirty`,
whoever writes; two PL/pgSQL functions do it for all the tables.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql import functions
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import Insert

from models.backends.functions import (
    Document,
    Row,
    full_text_match,
    full_text_score,
    group_concat,
    json_array,
    json_each,
    json_group_array,
    replacing,
)
from models.migrations.v005_search import _CASE_CHILDREN  # the same triggers

NAME = "postgresql"

VERSION_KEY = "schema_version"  # in meta: the schema version, and the mark of a catalogue
CONFIG = "'simple'"  # lower case, no stemming and no stop words, like FTS5's unicode61

# The document's columns and their weight class (A counts most).
_WEIGHTS = {
    "title": "A",
    "summary": "B",
    "facts": "B",
    "narrative": "C",
    "notes": "D",
    "marks": "D",
}
# ts_rank's weights for D, C, B, A: the bm25 weights' proportions (1.5, 2, 5, 10).
_RANK_WEIGHTS = "'{0.15, 0.2, 0.5, 1.0}'"

# (table, event, part, link table, link column): a renamed place, person,
# source or tag changes the documents of every case linked to it.
_LINKED = (
    ("place", "UPDATE", "case", "case_area", "area_id"),
    ("place", "DELETE", "case", "case_area", "area_id"),
    ("actor", "UPDATE", "case", "case_actor", "actor_id"),
    ("source", "UPDATE", "case", "case_source", "source_id"),
    ("tag", "UPDATE", "case", "case_tag", "tag_id"),
    ("tag", "UPDATE", "marks", "highlight", "tag_id"),
)

_MARK_FUNCTION = """
CREATE FUNCTION casebook_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: the document part, the column naming the case.
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO search_dirty (case_id, part)
        VALUES ((to_jsonb(OLD) ->> TG_ARGV[1])::integer, TG_ARGV[0]) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_dirty (case_id, part)
        VALUES ((to_jsonb(NEW) ->> TG_ARGV[1])::integer, TG_ARGV[0]) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$
"""

_MARK_LINKED_FUNCTION = """
CREATE FUNCTION casebook_mark_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: the document part, the link table, its column naming this row.
    EXECUTE format(
        'INSERT INTO search_dirty (case_id, part) SELECT DISTINCT case_id, %L FROM %I '
        'WHERE %I = $1 ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]
    ) USING OLD.id;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$
"""


def _triggers() -> list[str]:
    statements = [
        "CREATE TRIGGER search_case_study AFTER INSERT OR UPDATE OR DELETE ON case_study "
        "FOR EACH ROW EXECUTE FUNCTION casebook_mark_stale('case', 'id')"
    ]
    statements += [
        f"CREATE TRIGGER search_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION casebook_mark_stale('{part}', 'case_id')"
        for table, part in _CASE_CHILDREN
    ]
    for table, event, part, link, column in _LINKED:
        # Before a delete: the link rows are still there (the cascade runs after).
        when = "BEFORE" if event == "DELETE" else "AFTER"
        statements.append(
            f"CREATE TRIGGER search_{table}_{event.lower()}_{link} {when} {event} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION casebook_mark_linked('{part}', '{link}', '{column}')"
        )
    return statements


FULL_TEXT_STATEMENTS = [
    "CREATE TABLE search_fts (rowid INTEGER NOT NULL PRIMARY KEY, document TSVECTOR NOT NULL)",
    # Kept in the row (compressed) rather than in TOAST: the planner costs a
    # scan by the table's own pages, so with the documents out of line it
    # scanned them all instead of using the GIN index (15 times slower at 5,000
    # cases, bench/team.py).
    "ALTER TABLE search_fts ALTER COLUMN document SET STORAGE MAIN",
    "CREATE INDEX ix_search_fts_document ON search_fts USING GIN (document)",
    _MARK_FUNCTION,
    _MARK_LINKED_FUNCTION,
    *_triggers(),
]


# Private notes (migration 10): the owner is the login writing; the server hides a
# private note, and its rows in the change log, from every other login, the
# tables' owner included (FORCE). A superuser (pg_dump as postgres) sees all.
_NOTE_VISIBLE = "NOT private OR owner = current_user"
PRIVATE_NOTE_STATEMENTS = [
    "ALTER TABLE note ALTER COLUMN owner SET DEFAULT current_user",
    "ALTER TABLE note ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE note FORCE ROW LEVEL SECURITY",
    f"CREATE POLICY note_private ON note USING ({_NOTE_VISIBLE}) WITH CHECK ({_NOTE_VISIBLE})",
    "ALTER TABLE change_row ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE change_row FORCE ROW LEVEL SECURITY",
    "CREATE POLICY change_row_private ON change_row "
    "USING (private_owner IS NULL OR private_owner = current_user)",
]


# Indexes a server needs beside the models' (migration 11): each lets a query the
# window asks at every keystroke be answered from the index alone, without
# reading the wide case rows (SQLite keeps case_area in key order and reads a
# case's row by its key; PostgreSQL reads a heap page per row instead).
SERVER_INDEXES = {
    # A sector's cases with their titles: `sector:energy` sorted by title.
    "ix_case_study_sector_titles": "ON case_study (sector) INCLUDE (id, title)",
    # Each listed case's sector: the sector facet's counts.
    "ix_case_study_sector_of_case": "ON case_study (id) INCLUDE (sector)",
    # Each listed case's roll-up areas: the donor and recipient facets' counts.
    "ix_case_area_rollup_of_case": "ON case_area (case_id) INCLUDE (role, area_id) WHERE rollup",
}
SERVER_INDEX_STATEMENTS = [f"CREATE INDEX {name} {how}" for name, how in SERVER_INDEXES.items()]


def create_schema(conn: Connection) -> None:
    """The current schema from the models plus the full-text table and triggers, and the
    catalogue's own UUID (what migration 7 gives a SQLite file); no stamp."""
    import models
    from models.identity import new_uuid
    from models.migrations.v007_identities import CATALOGUE_KEY

    models.Base.metadata.create_all(conn)
    for statement in (*FULL_TEXT_STATEMENTS, *PRIVATE_NOTE_STATEMENTS, *SERVER_INDEX_STATEMENTS):
        conn.execute(text(statement))  # text(): its % are the SQL's own, not placeholders
    conn.execute(
        text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
        {"key": CATALOGUE_KEY, "value": new_uuid()},
    )


def lock_schema(conn: Connection) -> None:
    """Hold, until the transaction ends, the lock every schema change on this database takes."""
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4373426)")


def upsert(table: Table) -> Insert:
    """INSERT … ON CONFLICT (primary key) DO UPDATE every other column (DO NOTHING if none)."""
    return replacing(pg_insert(table), table)


def _has_meta(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT to_regclass('meta')").scalar() is not None


def schema_version(conn: Connection) -> int:
    """The stamped version; 0 for an empty database (or one that is no catalogue)."""
    if not _has_meta(conn):
        return 0
    value = conn.execute(
        text("SELECT value FROM meta WHERE key = :key"), {"key": VERSION_KEY}
    ).scalar()
    return int(value) if value and str(value).isdigit() else 0


def is_catalogue(conn: Connection) -> bool:
    """Whether the database holds a Casebook catalogue (a stamped `meta`)."""
    return schema_version(conn) > 0


def table_count(conn: Connection) -> int:
    """How many tables the database's own schemas hold (0: empty, ready for a catalogue)."""
    return int(
        conn.exec_driver_sql(
            "SELECT count(*) FROM pg_catalog.pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).scalar_one()
    )


def stamp(conn: Connection, version: int) -> None:
    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": VERSION_KEY, "value": str(int(version))},
    )


def reset_sequences(conn: Connection | Session) -> None:
    """Move each id sequence past the largest id (after rows were copied in with their ids)."""
    import models

    for table in models.Base.metadata.sorted_tables:
        if [c.name for c in table.primary_key.columns] != ["id"]:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


# --- the full-text index ---------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def plain_words(text: str) -> list[str]:
    """The words of `text` as the index holds them: NFKC, case and accents folded."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def _document_sql() -> str:
    parts = [
        f"setweight(to_tsvector({CONFIG}, :{column}), '{weight}')"
        for column, weight in _WEIGHTS.items()
    ]
    return " || ".join(parts)


_INDEX_ADD = text(
    f"INSERT INTO search_fts (rowid, document) VALUES (:case_id, {_document_sql()}) "
    "ON CONFLICT (rowid) DO UPDATE SET document = excluded.document"
)
_INDEX_REMOVE = text("DELETE FROM search_fts WHERE rowid = :case_id")


@functools.lru_cache(maxsize=256)
def _plain_column(text: str) -> str:
    """A document column's plain words as one text, remembered: a note saved while
    typing re-indexes its case's title, summary, facts and narrative unchanged."""
    return " ".join(plain_words(text))


def _plain(doc: Document) -> dict[str, Any]:
    return {
        "case_id": doc["case_id"],
        **{column: _plain_column(str(doc[column] or "")) for column in _WEIGHTS},
    }


# Whether index_add writes over a document already indexed (an upsert).
INDEX_ADD_REPLACES = True


def index_remove(conn: Connection | Session, docs: Sequence[Document]) -> None:
    if docs:
        conn.execute(_INDEX_REMOVE, [{"case_id": d["case_id"]} for d in docs])


# The packed document kept (search_doc) and indexed in one statement per case.
_INDEX_AND_KEEP = text(
    "WITH kept AS (INSERT INTO search_doc (case_id, packed) VALUES (:case_id, :packed) "
    "ON CONFLICT (case_id) DO UPDATE SET packed = excluded.packed) "
    f"INSERT INTO search_fts (rowid, document) VALUES (:case_id, {_document_sql()}) "
    "ON CONFLICT (rowid) DO UPDATE SET document = excluded.document"
)


def index_add(
    conn: Connection | Session, docs: Sequence[Document], packed: Sequence[bytes] = ()
) -> None:
    """Index these documents; with `packed` (each one's text as search_doc keeps it),
    keep that too, in the same statement."""
    if docs and packed:
        rows = [{**_plain(d), "packed": p} for d, p in zip(docs, packed, strict=True)]
        conn.execute(_INDEX_AND_KEEP, rows)
    elif docs:
        conn.execute(_INDEX_ADD, [_plain(d) for d in docs])


def index_clear(conn: Connection | Session) -> None:
    conn.execute(text("DELETE FROM search_fts"))


def index_optimize(conn: Connection | Session) -> None:
    """Nothing to do: PostgreSQL's autovacuum tidies the GIN index."""


def index_is_sound(conn: Connection | Session) -> bool:
    """Whether every indexed row belongs to a case (the GIN index itself is the server's)."""
    stray = conn.execute(
        text("SELECT count(*) FROM search_fts WHERE rowid NOT IN (SELECT case_id FROM search_doc)")
    ).scalar()
    return stray == 0


# The channel a step's id is announced on (log_step; heard by app/live.py).
CHANGES_CHANNEL = "casebook_changes"


# The step, its rows (a JSON array of arrays, in order) and the announcement, in one
# statement: the writers' lock is held for one round trip instead of three.
_ROW_COLUMNS = ("table_name", "row_key", "case_id", "before", "after", "private_owner")
_ROWS_FROM_JSON = (
    "r.v ->> 0, r.v ->> 1, CAST(r.v ->> 2 AS INTEGER), r.v ->> 3, r.v ->> 4, r.v ->> 5 "
    "FROM json_array_elements(CAST(:rows AS JSON)) WITH ORDINALITY AS r(v, n)"
)
_INTO_CHANGE_ROW = "INSERT INTO change_row (step_id, " + ", ".join(_ROW_COLUMNS) + ")"
_LOG_STEP = text(
    "WITH step AS (INSERT INTO change_step (at, author, text, kind) "
    "VALUES (:at, :author, :text, :kind) RETURNING id), "
    f"logged AS ({_INTO_CHANGE_ROW} SELECT step.id, {_ROWS_FROM_JSON}, step ORDER BY r.n) "
    "SELECT id, pg_notify(:channel, CAST(id AS TEXT)) FROM step"
)
_LOG_MORE_ROWS = text(f"{_INTO_CHANGE_ROW} SELECT :step_id, {_ROWS_FROM_JSON} ORDER BY r.n")
ROWS_PER_STATEMENT = 2000  # a large import's rows go in pieces, each one JSON text


def _rows_json(rows: Sequence[Row]) -> str:
    return json.dumps([[row[c] for c in _ROW_COLUMNS] for row in rows], ensure_ascii=False)


def log_step(session: Session, step: Mapping[str, Any], rows: Sequence[Row]) -> int:
    """Write a step (at, author, text, kind) and its change rows, and announce its id
    on CHANGES_CHANNEL to every window listening; returns the step's id.

    The announcement is sent in the writer's transaction, so it is delivered only
    if the step commits, and is only a wake-up: listeners read what changed from
    the change log itself. One round trip for a user's change (up to
    ROWS_PER_STATEMENT rows)."""
    first, rest = rows[:ROWS_PER_STATEMENT], rows[ROWS_PER_STATEMENT:]
    params = {**step, "rows": _rows_json(first), "channel": CHANGES_CHANNEL}
    step_id = int(session.execute(_LOG_STEP, params).scalar_one())
    for start in range(0, len(rest), ROWS_PER_STATEMENT):
        piece = rest[start : start + ROWS_PER_STATEMENT]
        session.execute(_LOG_MORE_ROWS, {"step_id": step_id, "rows": _rows_json(piece)})
    return step_id


# An FTS5 expression as app/search/conditions.py writes it: "phrases" ("" for a
# quote), each maybe followed by * (a prefix), AND, OR, NOT and parentheses.
_FTS5_TOKEN = re.compile(r'"((?:[^"]|"")*)"(\s*\*)?|(AND|OR|NOT)\b|([()])|(\S)')
NO_WORDS = "'\u2400'"  # a lexeme no text holds: a phrase without words finds nothing


def tsquery_text(match: str) -> str:
    """The FTS5 expression `match` as the text of a tsquery for to_tsquery('simple', …)."""
    out: list[str] = []
    for phrase, star, operator, paren, other in _FTS5_TOKEN.findall(match):
        if operator:
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}[operator])
        elif paren:
            out.append(paren)
        elif other:
            raise ValueError(f"not an expression Casebook writes: {match!r}")
        else:
            words = [f"'{w}'" for w in plain_words(phrase.replace('""', '"'))]
            if not words:
                out.append(NO_WORDS)
                continue
            if star:
                words[-1] += ":*"
            out.append(words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")")
    return " ".join(out)


def _tsquery(element: full_text_match | full_text_score, compiler: SQLCompiler, **kw: Any) -> str:
    value = bindparam(None, tsquery_text(element.fts_expression), String())
    return f"to_tsquery({CONFIG}, {compiler.process(value, **kw)})"


@compiles(full_text_match, "postgresql")
def _match(element: full_text_match, compiler: SQLCompiler, **kw: Any) -> str:
    return f"search_fts.document @@ {_tsquery(element, compiler, **kw)}"


@compiles(full_text_score, "postgresql")
def _score(element: full_text_score, compiler: SQLCompiler, **kw: Any) -> str:
    query = _tsquery(element, compiler, **kw)
    return f"-ts_rank({_RANK_WEIGHTS}, search_fts.document, {query})"


# --- SQLite's functions, as PostgreSQL writes them ------------------------------------


@compiles(group_concat, "postgresql")
def _group_concat(element: group_concat, compiler: SQLCompiler, **kw: Any) -> str:
    args = [compiler.process(a, **kw) for a in element.clauses]
    separator = args[1] if len(args) > 1 else "','"
    return f"string_agg(CAST({args[0]} AS TEXT), {separator})"


@compiles(json_each, "postgresql")
def _json_each(element: json_each, compiler: SQLCompiler, **kw: Any) -> str:
    # Only ever over a JSON array of ids (app/id_sets.py): one bigint per row.
    (array,) = (compiler.process(a, **kw) for a in element.clauses)
    return (
        "(SELECT CAST(casebook_id AS BIGINT) AS value "
        f"FROM json_array_elements_text(CAST({array} AS JSON)) AS casebook_id)"
    )


@compiles(json_group_array, "postgresql")
def _json_group_array(element: json_group_array, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = (compiler.process(a, **kw) for a in element.clauses)
    return f"CAST(json_agg({value}) AS TEXT)"


@compiles(json_array, "postgresql")
def _json_array(element: json_array, compiler: SQLCompiler, **kw: Any) -> str:
    return "json_build_array(" + ", ".join(compiler.process(a, **kw) for a in element.clauses) + ")"


# SQLite's max(a, b) and min(a, b) of two or more values are greatest() and least() here.
@compiles(functions.max, "postgresql")
def _max(element: functions.max[Any], compiler: SQLCompiler, **kw: Any) -> str:
    if len(element.clauses) > 1:
        return "greatest(" + ", ".join(compiler.process(a, **kw) for a in element.clauses) + ")"
    return compiler.visit_function(element, **kw)


@compiles(functions.min, "postgresql")
def _min(element: functions.min[Any], compiler: SQLCompiler, **kw: Any) -> str:
    if len(element.clauses) > 1:
        return "least(" + ", ".join(compiler.process(a, **kw) for a in element.clauses) + ")"
    return compiler.visit_function(element, **kw)
