"""Sources: adding and correcting the published texts a catalogue cites."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select

from app.changes import Journal
from models import Source

# What a source holds besides its key, as the editor and the import name it.
SOURCE_FIELDS = (
    "title", "author", "publisher", "date_text", "date_note", "kind", "outlook", "seed_file",
)  # fmt: skip
# Each text's longest length, as the table holds it.
LIMITS = {
    name: int(Source.__table__.c[name].type.length)  # type: ignore[attr-defined]
    for name in ("key", *SOURCE_FIELDS)
}


class SourceError(ValueError):
    """A source that cannot be saved; the message is for the user."""


def source_problem(journal: Journal, source_id: int | None, values: Mapping[str, str]) -> str:
    """Why these values cannot be saved ("" when they can)."""
    if source_id is None:
        key = values.get("key", "").strip()
        if not key:
            return "A source needs a key."
        taken = journal.session.scalar(select(func.count()).where(Source.key == key))
        if taken:
            return f"Another source already has the key “{key}”."
        if not values.get("title", "").strip():
            return "A source needs a title."
    elif "title" in values and not values["title"].strip():
        return "A source needs a title."
    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            return f"The source's {name.replace('_', ' ')} is longer than {limit} characters."
    return ""


def save_source(
    journal: Journal, source_id: int | None, values: Mapping[str, str], *, uuid: str | None = None
) -> int:
    """Add a source (source_id None; `values` has its key) or change some of its fields."""
    problem = source_problem(journal, source_id, values)
    if problem:
        raise SourceError(problem)
    fields = {k: v for k, v in values.items() if k in SOURCE_FIELDS or k == "key"}
    if source_id is None:
        fields["key"] = fields["key"].strip()
        return int(journal.insert("source", {**fields, **({"uuid": uuid} if uuid else {})})["id"])
    if not journal.session.scalar(select(Source.id).where(Source.id == source_id)):
        raise SourceError("That source no longer exists.")
    journal.update("source", Source.id == source_id, fields)
    return source_id
