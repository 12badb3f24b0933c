"""Sets of ids in SQL at any size, within SQLite's limit on bound variables.

`column IN (?, ?, ...)` binds one variable per id, and SQLite refuses more
than SQLITE_MAX_VARIABLE_NUMBER of them in one statement (32,766 in a
default build since 3.32, 999 before, and lower when an application sets
it). Two ways round it, both here:
- `in_ids`: the ids as one JSON text bound once and unpacked by SQLite's
  json_each, for a condition inside one statement (a filter, a join);
- `chunks`: pieces small enough to bind directly, for a query run once per
  piece (each piece holds at most `VARIABLES // uses` ids, `uses` being how
  many times the statement binds the piece).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

# Variables one statement may bind for ids: under the oldest default limit
# (999), leaving room for the statement's other parameters.
VARIABLES = 900

T = TypeVar("T")


def chunks(ids: Sequence[T], uses: int = 1) -> Iterator[Sequence[T]]:
    """`ids` in order, in pieces a statement binding each piece `uses` times can take."""
    size = max(1, VARIABLES // uses)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def id_select(ids: Iterable[int]) -> Select[int]:
    """SELECT value FROM json_each(?): the ids as a one-column subquery, one variable bound."""
    table = func.json_each(json.dumps(sorted(int(i) for i in ids))).table_valued("value")
    column: ColumnElement[int] = table.c.value
    return select(column)


def in_ids(column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """`column IN (the ids)`, whatever their number."""
    condition: ColumnElement[bool] = column.in_(id_select(ids))
    return condition


def fetch_column(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[Any]:
    """The first column of every row of `stmt`, read straight from the driver.

    For the long id lists of the catalogue table: building a SQLAlchemy Row for
    each of 100,000 ids costs more than the query itself.
    """
    result = session.connection().execute(stmt)
    return [row[0] for row in result.cursor.fetchall()]


def fetch_pairs(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[tuple[Any, Any]]:
    """The first two columns of every row of `stmt`, straight from the driver."""
    result = session.connection().execute(stmt)
    return [(row[0], row[1]) for row in result.cursor.fetchall()]
