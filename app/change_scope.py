"""What a change touched, in the terms the window's parts redraw by.

A `ChangeSet` lists every row a step wrote; `ChangeScope.of` sums it up as
the tables and columns written, the tables that gained or lost rows, and the
cases concerned. Each part of the window asks the scope whether its data
changed (as Anki's screens read `OpChanges`) and redraws only then: a note
saved as it is typed touches the notes and nothing else; tagging two cases
repaints their two rows and the tag panel, not the whole table.

`ChangeScope.everything()` stands for a change nobody described (another
process wrote, a catalogue was opened or restored): every part re-reads.

Nothing here imports the database layer, so the window can use it at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.case_filter import CaseFilter, SortKey
    from app.changes import ChangeSet

# Stands for every column: the row was inserted or deleted.
WHOLE_ROW = "*"

# Rows shared by many cases: changing one changes every case that refers to it.
SHARED_TABLES = frozenset({"tag", "place", "source", "actor"})

# What a row of the catalogue table shows: title, places, sector, period, tags,
# and the number of notes (which only an added or deleted note changes).
ROW_TABLES = frozenset({"case_study", "case_place", "place", "case_tag", "tag"})

# What the facets count: sectors, donor and recipient places, forms of assistance.
FACET_TABLES = frozenset({"case_study", "case_place", "place", "case_assistance"})

# What a case's detail shows (its notes are the Notes tab's own business).
DETAIL_TABLES = frozenset({
    "case_study", "metric", "source", "case_source", "perspective", "place", "case_place",
    "actor", "case_actor", "case_assistance", "case_tag", "tag", "highlight",
})  # fmt: skip

# What the tag panel counts: tags, and the cases and highlights carrying them.
TAG_TABLES = frozenset({"tag", "case_tag", "highlight"})

# What the map, timeline, figures chart and matrix draw from.
VIEW_TABLES = frozenset({
    "case_study", "case_place", "place", "case_assistance", "metric", "case_tag", "tag",
    "case_actor", "actor", "case_source", "source", "perspective",
})  # fmt: skip

# What the comparison matrix also counts: notes and highlights (added or deleted).
MATRIX_TABLES = VIEW_TABLES | {"highlight"}

# What a word search can find, besides notes (see `filter_tables`).
TEXT_TABLES = DETAIL_TABLES

# What a saved search can find, and the saved searches themselves; a tag's
# colour alone finds nothing new.
# A note's text as it is typed is left out too: its autosave touches the note
# and nothing else, so saved-search counts are not re-read every second of
# typing (they catch up at the next change that counts).
COUNTED_TABLES = TEXT_TABLES | {"note", "saved_search"}
UNCOUNTED_COLUMNS: Mapping[str, frozenset[str]] = {
    "tag": frozenset({"colour"}),
    "note": frozenset({"body", "updated_at"}),
}

# The tables each sort order reads; "notes" counts notes (added or deleted ones).
_SORT_TABLES: Mapping[str, frozenset[str]] = {
    "title": frozenset({"case_study"}),
    "sector": frozenset({"case_study"}),
    "start_year": frozenset({"case_study"}),
    "donor": frozenset({"case_place", "place"}),
    "recipient": frozenset({"case_place", "place"}),
    "tags": frozenset({"case_tag", "tag"}),
    "notes": frozenset(),
    "relevance": TEXT_TABLES,
}


@dataclass(frozen=True)
class ChangeScope:
    """The tables (and their columns) a change wrote, and the cases it concerned."""

    columns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    added: frozenset[str] = frozenset()  # tables that gained rows
    removed: frozenset[str] = frozenset()  # tables that lost rows
    case_ids: frozenset[int] = frozenset()
    # Tags whose rows, links or highlights changed (what their counts depend on).
    tag_ids: frozenset[int] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, changes: ChangeSet) -> ChangeScope:
        columns: dict[str, set[str]] = {}
        added: set[str] = set()
        removed: set[str] = set()
        cases: set[int] = set()
        tags: set[int] = set()
        for change in changes.changes:
            written = columns.setdefault(change.table, set())
            if change.before is None or change.after is None:
                written.add(WHOLE_ROW)
                (added if change.before is None else removed).add(change.table)
            else:
                written.update(_differing(change.before, change.after))
            cases.update(_cases_of(change.table, change.key, (change.before, change.after)))
            tags.update(_tags_of(change.table, change.key, (change.before, change.after)))
        return cls(
            {table: frozenset(names) for table, names in columns.items()},
            frozenset(added),
            frozenset(removed),
            frozenset(cases),
            frozenset(tags),
        )

    @classmethod
    def whole(cls) -> ChangeScope:
        """A change nobody described: everything may differ."""
        return cls(everything=True)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.columns)

    @property
    def added_or_removed(self) -> frozenset[str]:
        return self.added | self.removed

    def touches(self, tables: Iterable[str]) -> bool:
        return self.everything or not self.tables.isdisjoint(tables)

    def touches_case(self, case_id: int | None, tables: Iterable[str]) -> bool:
        """Whether what `tables` hold about this case may have changed."""
        if self.everything:
            return True
        if case_id is None:
            return False
        wanted = frozenset(tables)
        if case_id in self.case_ids and self.touches(wanted - SHARED_TABLES):
            return True
        return self.shared_rows_changed(wanted)

    def shared_rows_changed(self, tables: Iterable[str]) -> bool:
        """Whether a shared row (a tag, place, source, person) among `tables` was edited
        or deleted; adding one changes no case until it is linked."""
        for table in SHARED_TABLES.intersection(tables):
            written = self.columns.get(table, frozenset())
            if written - {WHOLE_ROW} or table in self.removed:
                return True
        return self.everything

    def may_change_counts(self) -> bool:
        """Whether a saved search, or what one finds, may differ."""
        if self.everything:
            return True
        for table, written in self.columns.items():
            if table in COUNTED_TABLES and not written <= UNCOUNTED_COLUMNS.get(table, frozenset()):
                return True
        return False

    def changes_tags(self) -> bool:
        """Whether the tags, or how many cases and highlights carry each, may differ."""
        highlight = self.columns.get("highlight", frozenset())
        return self.touches({"tag", "case_tag"}) or bool(highlight & {WHOLE_ROW, "tag_id"})

    def tags_to_recount(self) -> frozenset[int] | None:
        """The tags whose counts may differ, when only counts can (links added or taken
        away, new tags); None when the tag tree itself may differ (a tag renamed,
        recoloured or deleted, or a change nobody described)."""
        if self.everything:
            return None
        written = self.columns.get("tag", frozenset())
        if written - {WHOLE_ROW} or "tag" in self.removed:
            return None
        return self.tag_ids

    def changes_notes_of(self, case_id: int | None) -> bool:
        """Whether the notes of this case may differ."""
        return self.everything or (case_id in self.case_ids and "note" in self.columns)

    def changes_views(self, tables: frozenset[str] = VIEW_TABLES) -> bool:
        """Whether a view drawn from `tables` (and counting notes) may differ."""
        return self.touches(tables) or "note" in self.added_or_removed

    def changes_rows(self) -> bool:
        """Whether a case row's cells may differ (a note added or deleted changes its count)."""
        return self.touches(ROW_TABLES) or "note" in self.added_or_removed

    def rows_to_repaint(self) -> frozenset[int] | None:
        """The cases whose table rows to read again (None: every row)."""
        if self.everything or self.shared_rows_changed(ROW_TABLES):
            return None
        return self.case_ids

    def needs_requery(self, flt: CaseFilter, sort: SortKey) -> bool:
        """Whether the table's list of cases, or its order, may differ."""
        if self.everything or "case_study" in self.added_or_removed:
            return True
        if "note" in self.added_or_removed and sort == "notes":
            return True
        return self.touches(filter_tables(flt) | _SORT_TABLES[sort])


def filter_tables(flt: CaseFilter) -> frozenset[str]:
    """The tables whose changes can change which cases `flt` finds.

    Notes are left out on purpose: the note being written never takes its case
    out of the table while a search is shown; the search runs again when it
    is next changed.
    """
    tables: set[str] = set()
    if flt.text.strip():
        tables |= TEXT_TABLES
    if flt.sectors:
        tables.add("case_study")
    if flt.donor_places or flt.recipient_places:
        tables |= {"case_place", "place"}
    if flt.forms:
        tables.add("case_assistance")
    if flt.tags:
        tables |= TAG_TABLES
    return frozenset(tables)


# Columns that change with every write and show nothing: a change to them alone
# redraws nothing (a row's version moves whenever anything else in it does).
_UNSEEN = frozenset({"version"})


def _differing(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    return {
        name for name, value in after.items() if name not in _UNSEEN and before.get(name) != value
    }


def _tags_of(
    table: str, key: tuple[Any, ...], rows: tuple[Mapping[str, Any] | None, ...]
) -> set[int]:
    """The tags a changed row counts for."""
    if table == "tag":
        return {int(key[0])}
    if table in ("case_tag", "highlight"):
        return {int(row["tag_id"]) for row in rows if row is not None and row.get("tag_id")}
    return set()


def _cases_of(
    table: str, key: tuple[Any, ...], rows: tuple[Mapping[str, Any] | None, ...]
) -> set[int]:
    """The cases a changed row belongs to (none for shared and bookkeeping rows)."""
    if table == "case_study":
        return {int(key[0])}
    return {int(row["case_id"]) for row in rows if row is not None and row.get("case_id")}
