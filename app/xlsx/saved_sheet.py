"""The export's "Saved searches" sheet: each saved search's name, query and selection in words.

Saved searches belong to the whole catalogue, so every export lists them all,
whatever part of the catalogue it holds. The sheet is for reading; importing
a workbook ignores it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.saved_searches import describe_selection, parse_selection
from app.xlsx.layout import Column
from models.search import SavedSearch

if TYPE_CHECKING:
    from app.xlsx.export import WriterContext

SAVED_SEARCHES = "Saved searches"
SAVED_SEARCH_COLUMNS = (
    Column("Name", 30),
    Column("Query", 50),
    Column("Facets and tags", 70),
    Column("Saved", 18),
    Column("UUID", 38),
)


def write_saved_searches(session: Session, ctx: WriterContext) -> int:
    """Write the sheet (by name, ignoring case); returns its number of rows."""
    sheet = ctx.sheet(SAVED_SEARCHES, SAVED_SEARCH_COLUMNS)
    rows = session.execute(
        select(SavedSearch.name, SavedSearch.query, SavedSearch.selection, SavedSearch.updated_at,
               SavedSearch.uuid)
        .order_by(SavedSearch.name_key, SavedSearch.id)
    )  # fmt: skip
    count = 0
    for name, query, selection, updated_at, uuid in rows:
        words = describe_selection(session, parse_selection(selection))
        sheet.append([
            ctx.text(name), ctx.text(query), ctx.text(words, wrap=True), ctx.date(updated_at), uuid,
        ])  # fmt: skip
        count += 1
    return count
