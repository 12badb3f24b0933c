"""Schema 4: row ids are never reused (AUTOINCREMENT).

Without AUTOINCREMENT SQLite gives a new row the largest id plus one, so
deleting the newest note and adding another reuses its id: an undo, or a
stale window, could then write over a row another process added since.
SQLite cannot add AUTOINCREMENT to a table, so each table with an integer id
is rebuilt (SQLite's documented procedure: foreign keys off, create, copy,
drop, rename, indexes again, then foreign_key_check before the commit).
Frozen DDL: later model changes must not change what this step does.
"""

FOREIGN_KEYS_OFF = True

TABLES = (
    "actor",
    "case_study",
    "place",
    "source",
    "tag",
    "case_actor",
    "metric",
    "note",
    "perspective",
    "highlight",
)

STATEMENTS = [
    """
CREATE TABLE actor__new (
    id INTEGER NOT NULL CONSTRAINT pk_actor PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR(120),
    kind VARCHAR(20) NOT NULL,
    name VARCHAR(300) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_ug VARCHAR(200) NOT NULL,
    affiliation_id INTEGER,
    CONSTRAINT ck_actor_kind CHECK (kind IN ('person', 'organisation')),
    CONSTRAINT uq_actor_key UNIQUE ("key"),
    CONSTRAINT fk_actor_affiliation_id_actor FOREIGN KEY(affiliation_id) REFERENCES actor (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO actor__new SELECT * FROM actor",
    "DROP TABLE actor",
    "ALTER TABLE actor__new RENAME TO actor",
    "CREATE INDEX ix_actor_name ON actor (name)",
    """
CREATE TABLE case_study__new (
    id INTEGER NOT NULL CONSTRAINT pk_case_study PRIMARY KEY AUTOINCREMENT,
    slug VARCHAR(120) NOT NULL,
    title VARCHAR(300) NOT NULL,
    summary TEXT NOT NULL,
    narrative TEXT NOT NULL,
    sector VARCHAR(80) NOT NULL,
    start_year INTEGER,
    end_year INTEGER,
    ongoing BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT ck_case_study_period CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year),
    CONSTRAINT uq_case_study_slug UNIQUE (slug)
)
    """,
    "INSERT INTO case_study__new SELECT * FROM case_study",
    "DROP TABLE case_study",
    "ALTER TABLE case_study__new RENAME TO case_study",
    "CREATE INDEX ix_case_study_sector ON case_study (sector)",
    """
CREATE TABLE place__new (
    id INTEGER NOT NULL CONSTRAINT pk_place PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR(120),
    name VARCHAR(200) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_ug VARCHAR(200) NOT NULL,
    level VARCHAR(40) NOT NULL,
    parent_id INTEGER,
    CONSTRAINT uq_place_key UNIQUE ("key"),
    CONSTRAINT fk_place_parent_id_place FOREIGN KEY(parent_id) REFERENCES place (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO place__new SELECT * FROM place",
    "DROP TABLE place",
    "ALTER TABLE place__new RENAME TO place",
    "CREATE INDEX ix_place_parent_id ON place (parent_id)",
    """
CREATE TABLE source__new (
    id INTEGER NOT NULL CONSTRAINT pk_source PRIMARY KEY AUTOINCREMENT,
    "key" VARCHAR(120),
    title VARCHAR(500) NOT NULL,
    author VARCHAR(300) NOT NULL,
    publisher VARCHAR(300) NOT NULL,
    date_text VARCHAR(100) NOT NULL,
    date_note VARCHAR(300) NOT NULL,
    seed_file VARCHAR(200) NOT NULL,
    kind VARCHAR(60) NOT NULL,
    outlook VARCHAR(40) NOT NULL,
    CONSTRAINT uq_source_key UNIQUE ("key")
)
    """,
    "INSERT INTO source__new SELECT * FROM source",
    "DROP TABLE source",
    "ALTER TABLE source__new RENAME TO source",
    """
CREATE TABLE tag__new (
    id INTEGER NOT NULL CONSTRAINT pk_tag PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    colour VARCHAR(20) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT uq_tag_name_key UNIQUE (name_key)
)
    """,
    "INSERT INTO tag__new SELECT * FROM tag",
    "DROP TABLE tag",
    "ALTER TABLE tag__new RENAME TO tag",
    """
CREATE TABLE case_actor__new (
    id INTEGER NOT NULL CONSTRAINT pk_case_actor PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    actor_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    source_id INTEGER,
    CONSTRAINT fk_case_actor_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_actor_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_actor_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO case_actor__new SELECT * FROM case_actor",
    "DROP TABLE case_actor",
    "ALTER TABLE case_actor__new RENAME TO case_actor",
    "CREATE INDEX ix_case_actor_actor_id ON case_actor (actor_id)",
    "CREATE INDEX ix_case_actor_case_id ON case_actor (case_id)",
    """
CREATE TABLE metric__new (
    id INTEGER NOT NULL CONSTRAINT pk_metric PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    "key" VARCHAR(120),
    position INTEGER NOT NULL,
    name VARCHAR(300) NOT NULL,
    value FLOAT,
    low FLOAT,
    high FLOAT,
    unit VARCHAR(80) NOT NULL,
    qualifier VARCHAR(20) NOT NULL,
    year INTEGER,
    start_year INTEGER,
    end_year INTEGER,
    source_id INTEGER,
    note TEXT NOT NULL,
    CONSTRAINT uq_metric_case_key UNIQUE (case_id, "key"),
    CONSTRAINT ck_metric_has_number CHECK (value IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)),
    CONSTRAINT ck_metric_range_order CHECK (low IS NULL OR high IS NULL OR low <= high),
    CONSTRAINT ck_metric_qualifier CHECK (qualifier IN ('exact', 'about', 'over', 'nearly', 'under')),
    CONSTRAINT fk_metric_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_metric_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO metric__new SELECT * FROM metric",
    "DROP TABLE metric",
    "ALTER TABLE metric__new RENAME TO metric",
    "CREATE INDEX ix_metric_case_id ON metric (case_id)",
    "CREATE INDEX ix_metric_source_id ON metric (source_id)",
    """
CREATE TABLE note__new (
    id INTEGER NOT NULL CONSTRAINT pk_note PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT fk_note_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE
)
    """,
    "INSERT INTO note__new SELECT * FROM note",
    "DROP TABLE note",
    "ALTER TABLE note__new RENAME TO note",
    "CREATE INDEX ix_note_created_at ON note (created_at)",
    "CREATE INDEX ix_note_case_id ON note (case_id)",
    "CREATE INDEX ix_note_updated_at ON note (updated_at)",
    """
CREATE TABLE perspective__new (
    id INTEGER NOT NULL CONSTRAINT pk_perspective PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    "key" VARCHAR(120),
    source_id INTEGER,
    viewpoint VARCHAR(40) NOT NULL,
    text TEXT NOT NULL,
    CONSTRAINT fk_perspective_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_perspective_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO perspective__new SELECT * FROM perspective",
    "DROP TABLE perspective",
    "ALTER TABLE perspective__new RENAME TO perspective",
    "CREATE INDEX ix_perspective_case_id ON perspective (case_id)",
    """
CREATE TABLE highlight__new (
    id INTEGER NOT NULL CONSTRAINT pk_highlight PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL,
    field VARCHAR(20) NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    comment TEXT NOT NULL,
    tag_id INTEGER,
    orphaned BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT ck_highlight_field CHECK (field IN ('summary', 'narrative')),
    CONSTRAINT ck_highlight_span CHECK (start >= 0 AND "end" >= start),
    CONSTRAINT fk_highlight_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_highlight_tag_id_tag FOREIGN KEY(tag_id) REFERENCES tag (id) ON DELETE SET NULL
)
    """,
    "INSERT INTO highlight__new SELECT * FROM highlight",
    "DROP TABLE highlight",
    "ALTER TABLE highlight__new RENAME TO highlight",
    "CREATE INDEX ix_highlight_case_id ON highlight (case_id)",
    "CREATE INDEX ix_highlight_tag_id ON highlight (tag_id)",
]
