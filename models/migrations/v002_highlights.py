"""Migration 2: highlighted passages anchored by offsets and quoted context."""

STATEMENTS = [
    """
CREATE TABLE highlight (
    id INTEGER NOT NULL,
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
    CONSTRAINT pk_highlight PRIMARY KEY (id),
    CONSTRAINT ck_highlight_field CHECK (field IN ('summary', 'narrative')),
    CONSTRAINT ck_highlight_span CHECK (start >= 0 AND "end" >= start),
    CONSTRAINT fk_highlight_case_id_case_study FOREIGN KEY(case_id) REFERENCES case_study (id) ON DELETE CASCADE,
    CONSTRAINT fk_highlight_tag_id_tag FOREIGN KEY(tag_id) REFERENCES tag (id) ON DELETE SET NULL
)
""",
    "CREATE INDEX ix_highlight_case_id ON highlight (case_id)",
    "CREATE INDEX ix_highlight_tag_id ON highlight (tag_id)",
]
