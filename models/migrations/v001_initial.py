"""Migration 1: the initial schema (case studies, places, actors, metrics, sources, tags, notes)."""

STATEMENTS = [
    """
CREATE TABLE actor (
    id INTEGER NOT NULL,
    "key" VARCHAR(120),
    kind VARCHAR(20) NOT NULL,
    name VARCHAR(300) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_ug VARCHAR(200) NOT NULL,
    affiliation_id INTEGER,
    CONSTRAINT pk_actor PRIMARY KEY (id),
    CONSTRAINT ck_actor_kind CHECK (kind IN ('person', 'organisation')),
    CONSTRAINT uq_actor_key UNIQUE ("key"),
    CONSTRAINT fk_actor_affiliation_id_actor FOREIGN KEY(affiliation_id) REFERENCES actor (id) ON DELETE SET NULL
)
""",
    """
CREATE INDEX ix_actor_name ON actor (name)
""",
    """
CREATE TABLE case_study (
    id INTEGER NOT NULL,
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
    CONSTRAINT pk_case_study PRIMARY KEY (id),
    CONSTRAINT ck_case_study_period CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year),
    CONSTRAINT uq_case_study_slug UNIQUE (slug)
)
""",
    """
CREATE INDEX ix_case_study_sector ON case_study (sector)
""",
    """
CREATE TABLE meta (
    "key" VARCHAR(80) NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT pk_meta PRIMARY KEY ("key")
)
""",
    """
CREATE TABLE place (
    id INTEGER NOT NULL,
    "key" VARCHAR(120),
    name VARCHAR(200) NOT NULL,
    name_zh VARCHAR(200) NOT NULL,
    name_ug VARCHAR(200) NOT NULL,
    level VARCHAR(40) NOT NULL,
    parent_id INTEGER,
    CONSTRAINT pk_place PRIMARY KEY (id),
    CONSTRAINT uq_place_key UNIQUE ("key"),
    CONSTRAINT fk_place_parent_id_place FOREIGN KEY(parent_id) REFERENCES place (id) ON DELETE SET NULL
)
""",
    """
CREATE INDEX ix_place_parent_id ON place (parent_id)
""",
    """
CREATE TABLE seed_record (
    kind VARCHAR(40) NOT NULL,
    "key" VARCHAR(300) NOT NULL,
    CONSTRAINT pk_seed_record PRIMARY KEY (kind, "key")
)
""",
    """
CREATE TABLE source (
    id INTEGER NOT NULL,
    "key" VARCHAR(120),
    title VARCHAR(500) NOT NULL,
    author VARCHAR(300) NOT NULL,
    publisher VARCHAR(300) NOT NULL,
    date_text VARCHAR(100) NOT NULL,
    date_note VARCHAR(300) NOT NULL,
    seed_file VARCHAR(200) NOT NULL,
    kind VARCHAR(60) NOT NULL,
    outlook VARCHAR(40) NOT NULL,
    CONSTRAINT pk_source PRIMARY KEY (id),
    CONSTRAINT uq_source_key UNIQUE ("key")
)
""",
    """
CREATE TABLE tag (
    id INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    name_key VARCHAR(200) NOT NULL,
    colour VARCHAR(20) NOT NULL,
    created_at DATETIME NOT NULL,
    CONSTRAINT pk_tag PRIMARY KEY (id),
    CONSTRAINT uq_tag_name_key UNIQUE (name_key)
)
""",
    """
CREATE TABLE case_actor (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    actor_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    source_id INTEGER,
    CONSTRAINT pk_case_actor PRIMARY KEY (id),
    CONSTRAINT fk_case_actor_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_actor_actor_id_actor FOREIGN KEY(actor_id) REFERENCES actor (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_actor_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
""",
    """
CREATE INDEX ix_case_actor_actor_id ON case_actor (actor_id)
""",
    """
CREATE INDEX ix_case_actor_case_id ON case_actor (case_id)
""",
    """
CREATE TABLE case_assistance (
    case_id INTEGER NOT NULL,
    form VARCHAR(40) NOT NULL,
    CONSTRAINT pk_case_assistance PRIMARY KEY (case_id, form),
    CONSTRAINT fk_case_assistance_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_case_assistance_form ON case_assistance (form)
""",
    """
CREATE TABLE case_place (
    case_id INTEGER NOT NULL,
    place_id INTEGER NOT NULL,
    role VARCHAR(20) NOT NULL,
    CONSTRAINT pk_case_place PRIMARY KEY (case_id, place_id, role),
    CONSTRAINT ck_case_place_role CHECK (role IN ('donor', 'recipient')),
    CONSTRAINT fk_case_place_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_place_place_id_place FOREIGN KEY(place_id) REFERENCES place (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_case_place_place_id ON case_place (place_id)
""",
    """
CREATE TABLE case_source (
    case_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    CONSTRAINT pk_case_source PRIMARY KEY (case_id, source_id),
    CONSTRAINT fk_case_source_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_source_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_case_source_source_id ON case_source (source_id)
""",
    """
CREATE TABLE case_tag (
    case_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    CONSTRAINT pk_case_tag PRIMARY KEY (case_id, tag_id),
    CONSTRAINT fk_case_tag_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_tag_tag_id_tag FOREIGN KEY(tag_id) REFERENCES tag (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_case_tag_tag_id ON case_tag (tag_id)
""",
    """
CREATE TABLE metric (
    id INTEGER NOT NULL,
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
    CONSTRAINT pk_metric PRIMARY KEY (id),
    CONSTRAINT uq_metric_case_key UNIQUE (case_id, "key"),
    CONSTRAINT ck_metric_has_number CHECK (value IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)),
    CONSTRAINT ck_metric_range_order CHECK (low IS NULL OR high IS NULL OR low <= high),
    CONSTRAINT ck_metric_qualifier CHECK (qualifier IN ('exact', 'about', 'over', 'nearly', 'under')),
    CONSTRAINT fk_metric_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_metric_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
""",
    """
CREATE INDEX ix_metric_case_id ON metric (case_id)
""",
    """
CREATE INDEX ix_metric_source_id ON metric (source_id)
""",
    """
CREATE TABLE note (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CONSTRAINT pk_note PRIMARY KEY (id),
    CONSTRAINT fk_note_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_note_created_at ON note (created_at)
""",
    """
CREATE INDEX ix_note_case_id ON note (case_id)
""",
    """
CREATE TABLE perspective (
    id INTEGER NOT NULL,
    case_id INTEGER NOT NULL,
    "key" VARCHAR(120),
    source_id INTEGER,
    viewpoint VARCHAR(40) NOT NULL,
    text TEXT NOT NULL,
    CONSTRAINT pk_perspective PRIMARY KEY (id),
    CONSTRAINT fk_perspective_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_perspective_source_id_source FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE SET NULL
)
""",
    """
CREATE INDEX ix_perspective_case_id ON perspective (case_id)
""",
]
