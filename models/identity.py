"""Identities that travel: every entity a colleague can exchange carries a UUID.

Row ids are this catalogue's own; a UUID names the same case, note or tag in
every catalogue and workbook it reaches, so an import can tell "already
here" from "new" whoever exported it. Entries of the seed catalogue get a
name-based UUID (version 5) from their seed key, so two people who started
from the same seed already agree on them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

# Casebook's own namespace for name-based UUIDs (a fixed, random value).
SEED_NAMESPACE = uuid.UUID("6f1d3c2e-8a4b-4f0e-9c57-2b1e0d9a7c31")

# The tables whose rows carry a UUID, and the seed_record kind naming their seed rows.
IDENTIFIED_TABLES: dict[str, str | None] = {
    "case_study": "case",
    "metric": "metric",
    "source": "source",
    "perspective": "perspective",
    "place": "place",
    "actor": "actor",
    "tag": None,
    "note": None,
    "highlight": None,
    "saved_search": None,
}


def new_uuid() -> str:
    """A random UUID for a row made here."""
    return str(uuid.uuid4())


def seed_uuid(kind: str, key: str) -> str:
    """The UUID of a seed entry: the same in every catalogue seeded from it."""
    return str(uuid.uuid5(SEED_NAMESPACE, f"{kind}:{key}"))


def is_uuid(text: object) -> bool:
    """Whether `text` is a UUID in its usual written form."""
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


class Identified:
    """Mixin: a `uuid` column, filled on insert, unique in its table."""

    uuid: Mapped[str] = mapped_column(
        String(36), default=new_uuid, server_default="", index=True, unique=True
    )


class Versioned:
    """Mixin: a `version` column, 1 when the row is made and one more at each change.

    The Journal raises it (app/changes.py); an editor that loaded version 3
    finds by it that someone else saved in the meantime.
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
