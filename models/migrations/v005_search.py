"""Migration 5: full-text search, the materialised place roll-up, saved searches, Chinese titles.

The FTS5 table `search_fts` is contentless (the index alone, about half the
size of the text); `search_doc` keeps each case's indexed text compressed, so
its old terms can be taken out when it changes.
Triggers on every table a case's text comes from mark the case's stale part
in `search_dirty`, whoever writes (the journal, an import, an older tool), so
the index can never silently miss a change; app/search/index.py rebuilds the
marked parts before each commit. Every existing case is marked here, so the
first open after this step builds the whole index.
"""

# (table, part of the document, the column naming the case)
_CASE_CHILDREN = (
    ("case_assistance", "case"),
    ("case_place", "case"),
    ("case_actor", "case"),
    ("case_source", "case"),
    ("metric", "case"),
    ("perspective", "case"),
    ("case_tag", "case"),
    ("note", "notes"),
    ("highlight", "marks"),
)


# Not INSERT OR IGNORE: a trigger's conflict clause gives way to that of the
# statement firing it (an upsert, INSERT OR REPLACE), so a second mark of the
# same case would fail the user's write. Skipping marked rows needs no clause.
def _mark(part: str, case_id: str) -> str:
    return (
        f"INSERT INTO search_dirty (case_id, part) SELECT {case_id}, '{part}' WHERE NOT EXISTS "
        f"(SELECT 1 FROM search_dirty WHERE case_id = {case_id} AND part = '{part}');"
    )


def _mark_from(part: str, select: str) -> str:
    return (
        f"INSERT INTO search_dirty (case_id, part) SELECT DISTINCT c.case_id, c.part "
        f"FROM ({select}) AS c WHERE NOT EXISTS (SELECT 1 FROM search_dirty AS d "
        f"WHERE d.case_id = c.case_id AND d.part = c.part);"
    )


def _trigger(name: str, event: str, table: str, body: list[str]) -> str:
    return (
        f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN\n    "
        + "\n    ".join(body)
        + "\nEND"
    )


def _child_triggers() -> list[str]:
    statements = []
    for table, part in _CASE_CHILDREN:
        statements += [
            _trigger(f"search_{table}_ins", "INSERT", table, [_mark(part, "NEW.case_id")]),
            _trigger(f"search_{table}_del", "DELETE", table, [_mark(part, "OLD.case_id")]),
            _trigger(
                f"search_{table}_upd",
                "UPDATE",
                table,
                [_mark(part, "OLD.case_id"), _mark(part, "NEW.case_id")],
            ),
        ]
    return statements


_SHARED_TRIGGERS = [
    _trigger("search_case_ins", "INSERT", "case_study", [_mark("case", "NEW.id")]),
    _trigger("search_case_upd", "UPDATE", "case_study", [_mark("case", "NEW.id")]),
    _trigger("search_case_del", "DELETE", "case_study", [_mark("case", "OLD.id")]),
    # A renamed or moved place changes every case in it (case_area lists each
    # case under its places and all the areas containing them).
    _trigger(
        "search_place_upd",
        "UPDATE",
        "place",
        [
            _mark_from(
                "case", "SELECT case_id, 'case' AS part FROM case_area WHERE area_id = OLD.id"
            )
        ],
    ),
    _trigger(
        "search_place_del",
        "DELETE",
        "place",
        [
            _mark_from(
                "case", "SELECT case_id, 'case' AS part FROM case_area WHERE area_id = OLD.id"
            )
        ],
    ),
    _trigger(
        "search_actor_upd",
        "UPDATE",
        "actor",
        [
            _mark_from(
                "case", "SELECT case_id, 'case' AS part FROM case_actor WHERE actor_id = OLD.id"
            )
        ],
    ),
    _trigger(
        "search_source_upd",
        "UPDATE",
        "source",
        [
            _mark_from(
                "case", "SELECT case_id, 'case' AS part FROM case_source WHERE source_id = OLD.id"
            )
        ],
    ),
    _trigger(
        "search_tag_upd",
        "UPDATE",
        "tag",
        [
            _mark_from(
                "case", "SELECT case_id, 'case' AS part FROM case_tag WHERE tag_id = OLD.id"
            ),
            _mark_from(
                "marks", "SELECT case_id, 'marks' AS part FROM highlight WHERE tag_id = OLD.id"
            ),
        ],
    ),
]

STATEMENTS = [
    "ALTER TABLE case_study ADD COLUMN title_zh VARCHAR(300) DEFAULT '' NOT NULL",
    "ALTER TABLE case_study ADD COLUMN title_zh_note VARCHAR(200) DEFAULT '' NOT NULL",
    "CREATE INDEX ix_case_study_title_key ON case_study (lower(title), id)",
    "CREATE INDEX ix_case_study_period ON case_study (start_year, end_year, ongoing)",
    """
CREATE TABLE search_doc (
    case_id INTEGER NOT NULL,
    packed BLOB NOT NULL,
    CONSTRAINT pk_search_doc PRIMARY KEY (case_id)
)
""",
    """
CREATE TABLE search_dirty (
    case_id INTEGER NOT NULL,
    part VARCHAR(10) NOT NULL,
    CONSTRAINT pk_search_dirty PRIMARY KEY (case_id, part)
)
""",
    """
CREATE TABLE case_area (
    case_id INTEGER NOT NULL,
    role VARCHAR(20) NOT NULL,
    area_id INTEGER NOT NULL,
    rollup BOOLEAN NOT NULL,
    CONSTRAINT pk_case_area PRIMARY KEY (case_id, role, area_id),
    CONSTRAINT fk_case_area_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_area_area_id_place FOREIGN KEY(area_id) REFERENCES place (id) ON DELETE CASCADE
) WITHOUT ROWID
""",
    "CREATE INDEX ix_case_area_role ON case_area (role, area_id, rollup, case_id)",
    """
CREATE TABLE saved_search (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    "query" TEXT NOT NULL,
    selection TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT uq_saved_search_name_key UNIQUE (name_key)
)
""",
    """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, summary, facts, narrative, notes, marks,
    content='',
    tokenize='unicode61 remove_diacritics 2'
)
""",
    *_SHARED_TRIGGERS,
    *_child_triggers(),
    "INSERT INTO search_dirty (case_id, part) SELECT id, 'case' FROM case_study",
]
