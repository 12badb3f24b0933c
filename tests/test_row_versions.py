"""Row versions (schema 10): optimistic locking, on both back ends, and the three-way merge."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, select, text, update

from app.case_edit import (
    CaseChangedElsewhereError,
    CaseDraft,
    load_draft,
    merge_drafts,
    save_case,
    with_fields,
)
from app.changes import Journal, RowChangedElsewhereError
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import set_tag_colour, tag_cases
from models import CaseStudy, Tag
from models.migrations.v010_row_versions import VERSIONED_TABLES
from tests.annotate_helpers import case_id as id_of


def undo_migration_10(conn: Connection) -> None:
    """Take a PostgreSQL catalogue back to what migration 9 left (for migration tests)."""
    conn.execute(text("DROP POLICY note_private ON note"))
    conn.execute(text("DROP POLICY change_row_private ON change_row"))
    conn.execute(text("ALTER TABLE note DISABLE ROW LEVEL SECURITY"))
    conn.execute(text("ALTER TABLE change_row DISABLE ROW LEVEL SECURITY"))
    for table in VERSIONED_TABLES:
        conn.execute(text(f"ALTER TABLE {table} DROP COLUMN version"))
    conn.execute(text("ALTER TABLE note DROP COLUMN private"))
    conn.execute(text("ALTER TABLE note DROP COLUMN owner"))
    conn.execute(text("ALTER TABLE change_row DROP COLUMN private_owner"))


def _version(catalogue: Catalogue, case_id: int) -> int:
    with catalogue.sessions() as session:
        return int(session.scalar(select(CaseStudy.version).where(CaseStudy.id == case_id)) or 0)


def _draft(catalogue: Catalogue, case_id: int) -> CaseDraft:
    with catalogue.sessions() as session:
        return load_draft(session, case_id)


def test_a_row_starts_at_version_1_and_each_change_adds_one(
    any_small_catalogue: Catalogue,
) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    case_id = id_of(catalogue, "alpha")
    assert _version(catalogue, case_id) == 1
    draft = _draft(catalogue, case_id)
    assert draft.version == 1
    draft.title = "A new title"
    service.write(save_case, case_id, draft, _draft(catalogue, case_id))
    assert _version(catalogue, case_id) == 2
    service.write(tag_cases, [case_id], ["tea"])  # a tag is not the case's row
    assert _version(catalogue, case_id) == 2

    with catalogue.sessions() as session:
        tag_id = session.scalar(select(Tag.id).where(Tag.name == "tea"))
    assert tag_id is not None
    service.write(set_tag_colour, "tea", "#ff0000")
    service.write(set_tag_colour, "tea", "#ff0000")  # the same again changes nothing
    with catalogue.sessions() as session:
        assert session.scalar(select(Tag.version).where(Tag.id == tag_id)) == 2


def test_undo_moves_the_version_on_so_a_stale_editor_still_sees_a_change(
    any_small_catalogue: Catalogue,
) -> None:
    """Edit then undo leaves the values as they were but not the version (no ABA)."""
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    case_id = id_of(catalogue, "alpha")
    draft = _draft(catalogue, case_id)
    draft.title = "Edited"
    _, changes = service.write(save_case, case_id, draft)
    assert _version(catalogue, case_id) == 2
    service.replay(changes, undo=True)
    assert _draft(catalogue, case_id).title != "Edited"
    assert _version(catalogue, case_id) == 3
    service.replay(changes, undo=False)  # redo still finds the row as undo left it
    assert _draft(catalogue, case_id).title == "Edited"
    assert _version(catalogue, case_id) == 4


def test_a_save_from_a_stale_version_is_refused_with_theirs(
    any_small_catalogue: Catalogue,
) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    case_id = id_of(catalogue, "alpha")
    loaded = _draft(catalogue, case_id)
    theirs = copy.deepcopy(loaded)
    theirs.summary = "Their summary"
    service.write(save_case, case_id, theirs, loaded)  # a colleague saves first

    mine = copy.deepcopy(loaded)
    mine.title = "My title"
    with pytest.raises(CaseChangedElsewhereError) as caught:
        service.write(save_case, case_id, mine, loaded)
    assert caught.value.theirs is not None
    assert caught.value.theirs.summary == "Their summary"
    assert caught.value.theirs.version == 2
    assert _draft(catalogue, case_id).title == loaded.title  # nothing written


def test_the_journal_refuses_an_update_over_a_newer_version(
    any_small_catalogue: Catalogue,
) -> None:
    """The version is checked in the UPDATE itself, not only read before it."""
    catalogue = any_small_catalogue
    case_id = id_of(catalogue, "alpha")
    with catalogue.sessions.begin() as session:
        session.execute(update(CaseStudy).where(CaseStudy.id == case_id).values(version=7))
    with pytest.raises(RowChangedElsewhereError) as caught, catalogue.sessions.begin() as session:
        Journal(session).update(
            "case_study", CaseStudy.id == case_id, {"title": "x"}, expected_version=6
        )
    assert caught.value.now["version"] == 7
    with catalogue.sessions.begin() as session:
        journal = Journal(session)
        assert journal.update(
            "case_study", CaseStudy.id == case_id, {"title": "x"}, expected_version=7
        )
        assert journal.changes.changes[0].after is not None
        assert journal.changes.changes[0].after["version"] == 8


def test_the_forms_merge_keeps_what_each_side_changed(small_catalogue: Catalogue) -> None:
    base = _draft(small_catalogue, id_of(small_catalogue, "alpha"))
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.title, mine.narrative = "Mine", "My narrative"
    theirs.summary, theirs.narrative, theirs.version = "Theirs", "Their narrative", 5
    merged, conflicts = merge_drafts(base, mine, theirs)
    assert (merged.title, merged.summary, merged.narrative) == ("Mine", "Theirs", "My narrative")
    assert merged.version == 5
    assert [(c.name, c.both) for c in conflicts] == [("summary", False), ("narrative", True)]
    chosen = with_fields(merged, theirs, {"narrative"})
    assert chosen.narrative == "Their narrative"


_FIELDS = ("title", "summary", "narrative", "sector", "start_year")
_values = st.sampled_from(["", "a", "b", "Ürümqi 乌鲁木齐"])


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries({f: _values for f in _FIELDS}),
    st.fixed_dictionaries({f: _values for f in _FIELDS}),
    st.fixed_dictionaries({f: _values for f in _FIELDS}),
)
def test_the_merge_never_drops_a_change_silently(
    base_values: dict[str, str], mine_values: dict[str, str], theirs_values: dict[str, str]
) -> None:
    base, mine, theirs = (CaseDraft(**v) for v in (base_values, mine_values, theirs_values))  # type: ignore[arg-type]
    merged, conflicts = merge_drafts(base, mine, theirs)
    asked = {c.name: c.both for c in conflicts}
    for name in _FIELDS:
        was, ours, now, got = (getattr(d, name) for d in (base, mine, theirs, merged))
        if now != was:
            assert name in asked  # every change of theirs is shown
            assert asked[name] == (ours not in (was, now))
            assert got == (ours if asked[name] else now)
        else:
            assert name not in asked
            assert got == ours  # theirs did not touch it: the user's value stands
