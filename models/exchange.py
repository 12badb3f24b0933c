"""What this catalogue last agreed on with a colleague, row by row, for three-way merges."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class SyncBase(Base):
    """The values a row last had on both sides of an exchange, as short digests by field.

    Written when a row is exported, imported or merged. An import compares
    the workbook's value and ours with it: only theirs changed, take it; only
    ours changed, keep it; both changed, a conflict for the user to decide.
    """

    __tablename__ = "sync_base"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    # JSON: {"title": "9f2c…", "summary": "…"}
    digests: Mapped[str] = mapped_column(Text, default="{}")
