"""Migration 6: where each place is (longitude and latitude of its seat), for the pairing map."""

STATEMENTS = [
    "ALTER TABLE place ADD COLUMN longitude FLOAT",
    "ALTER TABLE place ADD COLUMN latitude FLOAT",
    # What the position is and where it comes from, e.g. "seat: Kashgar city (general knowledge)".
    "ALTER TABLE place ADD COLUMN position_note VARCHAR(300) DEFAULT '' NOT NULL",
]
