"""Casebook's data layer: SQLAlchemy models, the engine and schema migrations.

Nothing here knows about Qt or the application layer.
"""

from models.annotations import CaseTag, Highlight, Note, Tag
from models.base import Base
from models.catalogue import (
    ASSISTANCE_FORMS,
    PLACE_LEVELS,
    QUALIFIERS,
    Actor,
    CaseActor,
    CasePlace,
    CaseSource,
    CaseStudy,
    Meta,
    Metric,
    Perspective,
    Place,
    SeedRecord,
    Source,
)
from models.exchange import SyncBase
from models.history import ChangeRow, ChangeStep
from models.search import CaseArea, SavedSearch, SearchDirty, SearchDoc


def _never_reuse_ids() -> None:
    """Every table with an integer id has AUTOINCREMENT (schema 4): ids are never reused."""
    for table in Base.metadata.tables.values():
        if [c.name for c in table.primary_key.columns] == ["id"]:
            table.dialect_kwargs["sqlite_autoincrement"] = True


_never_reuse_ids()

__all__ = [
    "ASSISTANCE_FORMS",
    "PLACE_LEVELS",
    "QUALIFIERS",
    "Actor",
    "Base",
    "CaseActor",
    "CaseArea",
    "CasePlace",
    "CaseSource",
    "CaseStudy",
    "CaseTag",
    "ChangeRow",
    "ChangeStep",
    "Highlight",
    "Meta",
    "Metric",
    "Note",
    "Perspective",
    "Place",
    "SavedSearch",
    "SearchDirty",
    "SearchDoc",
    "SeedRecord",
    "Source",
    "SyncBase",
    "Tag",
]
