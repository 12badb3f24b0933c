"""Migration 3: an index on note.updated_at, for "most recent notes first" on big catalogues."""

STATEMENTS = [
    "CREATE INDEX ix_note_updated_at ON note (updated_at)",
]
