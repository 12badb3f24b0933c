"""The workbook's layout: sheet names and their columns, shared by export and import."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    long_text: bool = False  # wrapped, and continued in extra columns past 32,767 characters
    hidden: bool = False


CASES = "Case studies"
METRICS = "Metrics"
NOTES = "Notes"
HIGHLIGHTS = "Highlights"
TAGS = "Tags"
SOURCES = "Sources"
ABOUT = "About"

# Added with the Chinese titles: a workbook from before has neither column,
# and importing it leaves the catalogue's Chinese titles as they are.
TITLE_ZH = "Chinese title"
TITLE_ZH_NOTE = "Chinese title note"

# Every row's identity across catalogues, and what it held when exported
# (app/xlsx/sync_base.py). Workbooks from before have neither: their notes
# and highlights are matched by the row ids they carried instead.
UUID = "UUID"
SYNC_BASE = "Sync base"
AUTHOR = "Author"
CATALOGUE = "Catalogue"  # the About sheet's item naming the exporting catalogue's UUID
NOTE_ID = "Note id"
HIGHLIGHT_ID = "Highlight id"
_IDENTITY = (Column(UUID, 38), Column(SYNC_BASE, 12, hidden=True))

CASE_COLUMNS = (
    Column("Slug", 30),
    Column("Title", 45),
    Column(TITLE_ZH, 30),
    Column(TITLE_ZH_NOTE, 30),
    Column("Sector", 20),
    Column("Donor province", 18),
    Column("Donor city or county", 22),
    Column("Recipient prefecture", 20),
    Column("Recipient county or city", 24),
    Column("Start year", 10),
    Column("End year", 10),
    Column("Ongoing", 9),
    Column("Forms of assistance", 30),
    Column("Tags", 30),
    Column("Notes", 8),
    Column("Summary", 80, long_text=True),
    Column("Narrative", 80, long_text=True),
    *_IDENTITY,
)
METRIC_COLUMNS = (
    Column("Case slug", 30),
    Column("Metric", 45),
    Column("Value", 16),
    Column("Low", 14),
    Column("High", 14),
    Column("Unit", 14),
    Column("Qualifier", 10),
    Column("Year", 8),
    Column("Start year", 10),
    Column("End year", 10),
    Column("Source", 50),
    Column("Source key", 28),
    Column("Note", 40),
    Column("Key", 24),
    *_IDENTITY,
)
NOTE_COLUMNS = (
    Column("Case slug", 30),
    Column("Created", 18),
    Column("Updated", 18),
    Column(AUTHOR, 16),
    Column("Note", 80, long_text=True),
    *_IDENTITY,
)
HIGHLIGHT_COLUMNS = (
    Column("Case slug", 30),
    Column("Field", 10),
    Column("Quote", 60),
    Column("Comment", 40),
    Column("Tag", 20),
    Column("Orphaned", 9),
    Column("Created", 18),
    Column(AUTHOR, 16),
    *_IDENTITY,
)
TAG_COLUMNS = (Column("Tag", 30), Column("Colour", 10), Column("Cases", 8), *_IDENTITY)
SOURCE_COLUMNS = (
    Column("Key", 30),
    Column("Title", 60),
    Column("Author", 20),
    Column("Publisher", 20),
    Column("Date", 18),
    Column("Date note", 40),
    Column("Kind", 14),
    Column("Outlook", 10),
    Column("Seed file", 28),
    *_IDENTITY,
)


# Columns of older workbooks that an import still reads.
LEGACY_HEADERS: dict[str, tuple[str, ...]] = {NOTES: (NOTE_ID,), HIGHLIGHTS: (HIGHLIGHT_ID,)}


def continued_header(label: str, number: int) -> str:
    """ "Summary (continued)", "Summary (continued 2)", ...: where long text goes on."""
    return f"{label} (continued)" if number == 1 else f"{label} (continued {number})"
