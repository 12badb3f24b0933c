"""SQL functions the queries call by SQLite's names, rendered for PostgreSQL too.

Registered as SQLAlchemy generic functions, so `func.group_concat(...)`,
`func.json_each(...)`, `func.json_group_array(...)` and `func.json_array(...)`
build these classes; SQLite runs them as written, and models/backends/postgresql.py
tells SQLAlchemy how to write each for PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, Float, String, Table
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.sql.functions import GenericFunction


class group_concat(GenericFunction[str]):  # noqa: N801 (SQL's name)
    """The values of a group joined by a separator (',' when none is given)."""

    type = String()
    inherit_cache = True


class json_each(GenericFunction[Any]):  # noqa: N801
    """As a table-valued function over a JSON array of ids: one row per id, column `value`."""

    inherit_cache = True


class json_group_array(GenericFunction[str]):  # noqa: N801
    """The values of a group as the text of one JSON array."""

    type = String()
    inherit_cache = True


class json_array(GenericFunction[Any]):  # noqa: N801
    """A JSON array of its arguments."""

    inherit_cache = True


Document = dict[str, Any]  # a case's document: case_id and models.search.DOCUMENT_COLUMNS
Row = dict[str, Any]  # a row's values by column name


class full_text_match(ColumnElement[bool]):  # noqa: N801 (an SQL construct)
    """True for the rows of `search_fts` whose case matches `match`.

    `match` is an FTS5 expression as app/search/conditions.py builds it:
    double-quoted phrases (an optional `*` after one for a prefix) joined by
    AND, OR, NOT and parentheses. SQLite hands it to FTS5; PostgreSQL turns it
    into a tsquery (models/backends/postgresql.py).
    """

    type = Boolean()
    inherit_cache = False  # the expression is rendered per back end, so not cached
    _is_implicitly_boolean = True  # a condition as it is (SQLite would add "= 1")

    def __init__(self, match: str) -> None:
        self.fts_expression = match


class full_text_score(ColumnElement[float]):  # noqa: N801
    """How well a row of `search_fts` matches `match`: lower is better (bm25 on SQLite)."""

    type = Float()
    inherit_cache = False

    def __init__(self, match: str, weights: tuple[float, ...]) -> None:
        self.fts_expression = match
        self.weights = weights


def replacing(insert: PgInsert | SqliteInsert, table: Table) -> PgInsert | SqliteInsert:
    """`insert` (a back end's own INSERT into `table`) as an upsert: ON CONFLICT (primary
    key) DO UPDATE every other column, DO NOTHING if there is none. Both back ends
    spell it alike."""
    keys = list(table.primary_key.columns)
    values = {c.name: insert.excluded[c.name] for c in table.columns if not c.primary_key}
    if values:
        return insert.on_conflict_do_update(index_elements=keys, set_=values)
    return insert.on_conflict_do_nothing(index_elements=keys)
