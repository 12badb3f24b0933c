"""The workbook's layout: sheet names and their columns, shared by export and import."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    long_text: bool = False  # wrapped, and continued in extra columns past 32,767 characters


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
)
NOTE_COLUMNS = (
    Column("Case slug", 30),
    Column("Created", 18),
    Column("Updated", 18),
    Column("Note id", 8),
    Column("Note", 80, long_text=True),
)
HIGHLIGHT_COLUMNS = (
    Column("Case slug", 30),
    Column("Field", 10),
    Column("Quote", 60),
    Column("Comment", 40),
    Column("Tag", 20),
    Column("Orphaned", 9),
    Column("Created", 18),
    Column("Highlight id", 10),
)
TAG_COLUMNS = (Column("Tag", 30), Column("Colour", 10), Column("Cases", 8))
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
)


def continued_header(label: str, number: int) -> str:
    """ "Summary (continued)", "Summary (continued 2)", ...: where long text goes on."""
    return f"{label} (continued)" if number == 1 else f"{label} (continued {number})"
