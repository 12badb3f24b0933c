"""What search needs beside the cases: per-case documents, place roll-up, saved searches.

`search_doc` holds each case's text as the full-text index read it (Han text
already cut into characters and pairs), compressed: the FTS5 table
`search_fts` (created by migration 5, not by these models) is contentless, and
taking a case's old terms out of it needs exactly the text they came from.
`search_dirty` lists the cases whose document is out of date: SQL triggers
fill it on every write, whoever writes, and app/search/index.py empties it
before each commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.identity import Identified, Versioned

# The parts of a case's document, each refreshed on its own: a note saved
# while typing re-reads the notes alone.
PART_CASE = "case"
PART_NOTES = "notes"
PART_MARKS = "marks"
PARTS = (PART_CASE, PART_NOTES, PART_MARKS)

# The columns of a case's document, as the full-text index holds them (FTS5's
# `search_fts` on SQLite, weighted parts of a tsvector on PostgreSQL).
DOCUMENT_COLUMNS = ("title", "summary", "facts", "narrative", "notes", "marks")


class SearchDoc(Base):
    """One case's text as the index holds it: the columns of `search_fts` as a
    zlib-compressed JSON array (see app/search/index.py)."""

    __tablename__ = "search_doc"

    case_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    packed: Mapped[bytes] = mapped_column(LargeBinary)


class SearchDirty(Base):
    """A part of a case's document that a write made stale."""

    __tablename__ = "search_dirty"

    case_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    part: Mapped[str] = mapped_column(String(10), primary_key=True)


class CaseArea(Base):
    """Every place a case names and every area containing it, per side of the pairing.

    `rollup` marks the one area the facets count a place under (a donor's
    province, a recipient's prefecture). Kept in step with case_place and the
    place tree by the same pass that refreshes the search documents.
    """

    __tablename__ = "case_area"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    area_id: Mapped[int] = mapped_column(
        ForeignKey("place.id", ondelete="CASCADE"), primary_key=True
    )
    rollup: Mapped[bool] = mapped_column(Boolean, default=False)

    # Serves both "cases inside these areas, on this side" and the facet counts
    # (one side's roll-up rows, grouped by area).
    # WITHOUT ROWID: rows are kept in primary-key order, so "this case's areas
    # on this side, and which one it rolls up to" is one probe, not an index
    # probe plus a table lookup per case.
    __table_args__ = (
        Index("ix_case_area_role", "role", "area_id", "rollup", "case_id"),
        {"sqlite_with_rowid": False},
    )


class SavedSearch(Identified, Versioned, Base):
    """A query with its facets and tag selection, kept under a name."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text, default="")
    # The facet values and tags chosen, as JSON (see app/saved_searches.py).
    selection: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
