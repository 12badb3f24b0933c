"""The change log: every change, undo and redo, with the rows it wrote (schema 9).

Append-only: written by the journal in the same transaction as the change
(app/history.py), never updated. A step is one user action; its rows say
what each table's row was before and after, as JSON (datetimes as ISO text).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow

STEP_KINDS = ("change", "undo", "redo")


class ChangeStep(Base):
    """One change, undo or redo: when, by whom, and its undo text."""

    __tablename__ = "change_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)  # UTC
    author: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10), default="change")

    __table_args__ = (CheckConstraint("kind IN ('change', 'undo', 'redo')", name="kind"),)


class ChangeRow(Base):
    """One row a step wrote: its table, key, case (if any) and values before and after."""

    __tablename__ = "change_row"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step_id: Mapped[int] = mapped_column(
        ForeignKey("change_step.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    row_key: Mapped[str] = mapped_column(Text)  # JSON array
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[str | None] = mapped_column(Text)  # JSON object, None: no row before
    after: Mapped[str | None] = mapped_column(Text)  # JSON object, None: no row after
    # The owner of the private note this row is of (None: not private); on
    # PostgreSQL row-level security shows it to that owner only.
    private_owner: Mapped[str | None] = mapped_column(String(200))
