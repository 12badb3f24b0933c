"""What a researcher adds to a case: tags and notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.identity import Identified, Versioned

if TYPE_CHECKING:
    from models.catalogue import CaseStudy

case_tag = Table(
    "case_tag",
    Base.metadata,
    Column("case_id", ForeignKey("case_study.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)
CaseTag = case_tag


class Tag(Identified, Versioned, Base):
    """A tag; `name_key` is the normalised form that makes " Tea " and "TEA" one tag.

    Hierarchy is written in the name ("craft/embroidery"); a parent's filter
    includes every tag whose key starts with "parent/".
    """

    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    colour: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cases: Mapped[list[CaseStudy]] = relationship(secondary="case_tag", back_populates="tags")


class Note(Identified, Versioned, Base):
    """A Markdown note on a case."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    # Who wrote it: the name set in Preferences, by default the login name.
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Private: seen only by its owner. In a team catalogue the owner is the login
    # that wrote it (the server's default, current_user) and row-level security
    # enforces it; in a file the flag only marks the note.
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    owner: Mapped[str] = mapped_column(String(200), server_default="")  # no default here
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, index=True)

    case: Mapped[CaseStudy] = relationship(back_populates="notes")


class Highlight(Identified, Versioned, Base):
    """A highlighted passage in a case's summary or narrative.

    Anchored twice: by character offsets, and by the quoted text with some
    context before and after, so it can be found again after the text is
    edited. `orphaned` marks one whose text could not be found any more; it is
    kept, never dropped.
    """

    __tablename__ = "highlight"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="", server_default="")
    tag_id: Mapped[int | None] = mapped_column(
        ForeignKey("tag.id", ondelete="SET NULL"), index=True
    )
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    case: Mapped[CaseStudy] = relationship()
    tag: Mapped[Tag | None] = relationship()

    __table_args__ = (
        CheckConstraint("field IN ('summary', 'narrative')", name="field"),
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
    )
