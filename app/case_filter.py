"""What the user narrows the catalogue to, and the rows and counts that come back.

Plain data with no database imports, so the window can be built and shown
before SQLAlchemy is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

TagMode = Literal["all", "any"]
SortKey = Literal[
    "title", "donor", "recipient", "sector", "start_year", "tags", "notes", "relevance"
]
# The table's columns' sort keys, in column order ("relevance" is the search
# results' order: best match first, by title without a query).
SORT_KEYS: tuple[SortKey, ...] = (
    "title", "donor", "recipient", "sector", "start_year", "tags", "notes", "relevance",
)  # fmt: skip

FACET_SECTOR = "sector"
FACET_DONOR = "donor"
FACET_RECIPIENT = "recipient"
FACET_FORM = "assistance"
FACET_GROUPS = (FACET_SECTOR, FACET_DONOR, FACET_RECIPIENT, FACET_FORM)


@dataclass(frozen=True)
class CaseFilter:
    """What the user narrowed the catalogue to. Empty means everything.

    Within one facet group the chosen values combine with "any of"; groups,
    the text and the tags combine with "all of".
    """

    text: str = ""
    sectors: frozenset[str] = frozenset()
    donor_places: frozenset[int] = frozenset()
    recipient_places: frozenset[int] = frozenset()
    forms: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    tag_mode: TagMode = "all"
    case_ids: frozenset[int] | None = None

    def without(self, group: str) -> CaseFilter:
        """This filter minus one facet group, for counting that group's values."""
        if group == FACET_SECTOR:
            return replace(self, sectors=frozenset())
        if group == FACET_DONOR:
            return replace(self, donor_places=frozenset())
        if group == FACET_RECIPIENT:
            return replace(self, recipient_places=frozenset())
        if group == FACET_FORM:
            return replace(self, forms=frozenset())
        raise ValueError(f"unknown facet group {group!r}")

    def is_empty(self) -> bool:
        return self == CaseFilter()


@dataclass(frozen=True)
class CaseRow:
    """One line of the catalogue table."""

    id: int
    slug: str
    title: str
    donor: str
    recipient: str
    sector: str
    start_year: int | None
    end_year: int | None
    ongoing: bool
    tag_count: int
    note_count: int
    title_zh: str = ""  # the Chinese title, shown as the title's tooltip
    # (name, colour) of each tag on the case, by name; colour "" when none was chosen.
    tags: tuple[tuple[str, str], ...] = ()
    # The donor and recipient areas by their Chinese names (the English one where a
    # place has none), for the Chinese interface.
    donor_zh: str = ""
    recipient_zh: str = ""


@dataclass(frozen=True)
class FacetValue:
    group: str
    key: str
    label: str
    count: int
    label_zh: str = ""  # a place's Chinese name, for the Chinese interface


@dataclass
class Facets:
    groups: dict[str, list[FacetValue]] = field(default_factory=dict)
