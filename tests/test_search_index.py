"""The search index covers every field, in three scripts, and stays in step with every write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.changes import Journal, replay
from app.highlights import add_highlight
from app.notes import add_note
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases
from models import (
    Actor,
    CaseActor,
    CaseStudy,
    Metric,
    Note,
    Perspective,
    Place,
    SearchDirty,
    Source,
)
from models.catalogue import CaseAssistance
from tests.annotate_helpers import case_id
from tests.search_helpers import assert_index_is_fresh, found, found_ids

Edit = Callable[[Session, int], None]


def _set(model: type, column: str, value: str, **where: object) -> Edit:
    def edit(session: Session, alpha: int) -> None:
        conditions = [getattr(model, k) == (alpha if v == "alpha" else v) for k, v in where.items()]
        session.execute(update(model).where(*conditions).values({column: value}))

    return edit


def _journal(write: Callable[[Journal, int], object]) -> Edit:
    def edit(session: Session, alpha: int) -> None:
        write(Journal(session), alpha)

    return edit


# (what is covered, how the word gets there, a query only that field answers)
COVERED: list[tuple[str, Edit, str]] = [
    ("title", _set(CaseStudy, "title", "Alpha qxtitle", id="alpha"), "qxtitle"),
    ("Chinese title", _set(CaseStudy, "title_zh", "晋绣工坊", id="alpha"), "晋绣"),
    ("slug", _set(CaseStudy, "slug", "alpha-qxslug", id="alpha"), "qxslug"),
    ("summary", _set(CaseStudy, "summary", "About qxsummary.", id="alpha"), "qxsummary"),
    ("narrative", _set(CaseStudy, "narrative", "Long qxnarrative.", id="alpha"), "qxnarrative"),
    ("sector", _set(CaseStudy, "sector", "qxsector", id="alpha"), "qxsector"),
    ("form", _set(CaseAssistance, "form", "qxform", case_id="alpha", form="talent"), "qxform"),
    ("place", _set(Place, "name", "Qxplace", key="taxkorgan"), "qxplace"),
    ("Uyghur name", _set(Place, "name_ug", "تاشقورغان", key="taxkorgan"), "تاشقورغان"),
    ("person", _set(Actor, "name", "Jane Qxperson", key="jane-doe"), "qxperson"),
    ("role", _set(CaseActor, "role", "qxrole", case_id="alpha"), "qxrole"),
    ("figure name", _set(Metric, "name", "qxfigure", key="trainees"), "qxfigure"),
    ("figure unit", _set(Metric, "unit", "qxunit", key="trainees"), "qxunit"),
    ("figure note", _set(Metric, "note", "per qxfignote", key="trainees"), "qxfignote"),
    ("perspective", _set(Perspective, "text", "Says qxview.", case_id="alpha"), "qxview"),
    ("note", _journal(lambda j, a: add_note(j, a, "remember qxnote")), "qxnote"),
    ("tag", _journal(lambda j, a: tag_cases(j, [a], ["qxparent/qxchild"])), "qxchild"),
    ("tag's parent", _journal(lambda j, a: tag_cases(j, [a], ["qxparent/qxchild"])), "qxparent"),
    (
        "highlight comment",
        _journal(lambda j, a: add_highlight(j, a, "narrative", 0, 5, comment="see qxcomment")),
        "qxcomment",
    ),
    (
        "highlight tag",
        _journal(lambda j, a: add_highlight(j, a, "narrative", 0, 5, tag="qxmarktag")),
        "qxmarktag",
    ),
]


@pytest.mark.parametrize(("field", "edit", "query"), COVERED, ids=[c[0] for c in COVERED])
def test_every_covered_field_is_found_by_a_word_only_it_holds(
    small_catalogue: Catalogue, field: str, edit: Edit, query: str
) -> None:
    assert found(small_catalogue, query) == set()
    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions.begin() as session:
        edit(session, alpha)
    assert found_ids(small_catalogue, query) == {alpha}
    assert_index_is_fresh(small_catalogue)


def test_source_title_author_and_publisher_are_found(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions.begin() as session:
        session.execute(
            update(Source).values(title="Qxreport", author="Qxauthor", publisher="Qxpress")
        )
    for word in ("qxreport", "qxauthor", "qxpress"):
        assert found(small_catalogue, word) == {"alpha", "beta"}


def test_a_highlighted_passage_is_found(small_catalogue: Catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions.begin() as session:
        session.execute(
            update(CaseStudy).where(CaseStudy.id == alpha).values(narrative="A qxpassage here.")
        )
        add_highlight(Journal(session), alpha, "narrative", 2, 11)
        # The passage alone, once the narrative no longer holds it.
        session.execute(
            update(CaseStudy).where(CaseStudy.id == alpha).values(narrative="Rewritten.")
        )
    assert found(small_catalogue, "qxpassage") == {"alpha"}


def test_a_county_is_found_by_its_prefecture_in_every_script(small_catalogue: Catalogue) -> None:
    # Alpha's recipient is Taxkorgan county, inside Kashgar prefecture;
    # beta's is Kashgar itself.
    for query in ("kashgar", "喀什", "قەشقەر", "kashi", "Kashgar"):
        assert found(small_catalogue, query) == {"alpha", "beta"}, query
    assert found(small_catalogue, "wuhan") == {"alpha"}
    assert found(small_catalogue, "湖北") == {"alpha", "beta"}  # Wuhan is in Hubei


def test_chinese_is_found_by_runs_of_one_two_and_three_characters(
    small_catalogue: Catalogue,
) -> None:
    with small_catalogue.sessions.begin() as session:
        session.execute(
            update(CaseStudy).where(CaseStudy.slug == "alpha").values(title_zh="晋绣刺绣工坊")
        )
    for query in ("绣", "刺绣", "晋绣刺", "绣刺绣工", "工坊"):
        assert found(small_catalogue, query) == {"alpha"}, query
    for query in ("刺工", "绣晋", "坊工"):
        assert found(small_catalogue, query) == set(), query


def test_a_word_is_not_a_substring_but_a_star_makes_it_a_prefix(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions.begin() as session:
        add_note(Journal(session), case_id(small_catalogue, "beta"), "Ask the teachers.")
    assert found(small_catalogue, "tea") == {"alpha"}
    assert found(small_catalogue, "tea*") == {"alpha", "beta"}
    assert found(small_catalogue, "photovoltaic") == {"beta"}
    assert found(small_catalogue, "PHOTOVOLTAÏC") == {"beta"}  # case and accents folded


def test_undo_redo_and_deleting_a_case_keep_the_index_in_step(small_catalogue: Catalogue) -> None:
    from app.case_edit import delete_case

    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions.begin() as session:
        journal = Journal(session)
        add_note(journal, alpha, "qxundo")
        noted = journal.changes
    assert found(small_catalogue, "qxundo") == {"alpha"}
    with small_catalogue.sessions.begin() as session:
        replay(session, noted, undo=True)
    assert found(small_catalogue, "qxundo") == set()
    assert_index_is_fresh(small_catalogue)
    with small_catalogue.sessions.begin() as session:
        replay(session, noted, undo=False)
    assert found(small_catalogue, "qxundo") == {"alpha"}
    with small_catalogue.sessions.begin() as session:
        journal = Journal(session)
        delete_case(journal, alpha)
        deleted = journal.changes
    assert found(small_catalogue, "tea") == set()
    assert_index_is_fresh(small_catalogue)
    with small_catalogue.sessions.begin() as session:
        replay(session, deleted, undo=True)
    assert found(small_catalogue, "qxundo") == {"alpha"}
    assert found(small_catalogue, "tea") == {"alpha"}
    assert_index_is_fresh(small_catalogue)


def test_moving_a_place_to_another_area_moves_its_cases(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions.begin() as session:
        hubei = session.scalar(select(Place.id).where(Place.key == "hubei"))
        session.execute(update(Place).where(Place.key == "taxkorgan").values(parent_id=hubei))
    assert found(small_catalogue, "recipient:kashgar") == {"beta"}
    assert found(small_catalogue, "recipient:hubei") == {"alpha"}
    assert_index_is_fresh(small_catalogue)


def test_reseeding_keeps_the_index_in_step(catalogue: Catalogue) -> None:
    from seed import seed_catalogue

    with catalogue.sessions.begin() as session:
        session.execute(update(CaseStudy).values(title="Changed"))
        seed_catalogue(session)
    assert_index_is_fresh(catalogue)
    assert found(catalogue, "kashgar")


def test_what_another_program_wrote_is_indexed_at_the_next_open(
    small_catalogue: Catalogue,
) -> None:
    with small_catalogue.engine.begin() as conn:  # not through the catalogue's sessions
        conn.execute(update(CaseStudy).where(CaseStudy.slug == "beta").values(title="Qxelse"))
    with small_catalogue.sessions() as session:
        assert session.scalar(select(SearchDirty.case_id)) is not None
    path = small_catalogue.path
    small_catalogue.close()
    reopened = open_catalogue(path, seed=False)
    try:
        assert found(reopened, "qxelse") == {"beta"}
        assert_index_is_fresh(reopened)
    finally:
        reopened.close()


def test_a_failed_index_update_writes_nothing(
    small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.search import index

    def broken(*args: object) -> object:
        raise RuntimeError("index down")

    monkeypatch.setattr(index, "notes_part", broken)
    alpha = case_id(small_catalogue, "alpha")
    with pytest.raises(RuntimeError), small_catalogue.sessions.begin() as session:
        add_note(Journal(session), alpha, "qxlost")
    monkeypatch.undo()
    with small_catalogue.sessions() as session:
        assert "qxlost" not in session.scalars(select(Note.body)).all()
    assert found(small_catalogue, "qxlost") == set()
    assert_index_is_fresh(small_catalogue)


def test_an_older_catalogue_gets_its_index_when_first_opened(tmp_path: Path) -> None:
    from models.engine import make_engine
    from models.migrations import migrate

    path = tmp_path / "v4.sqlite3"
    engine = make_engine(path)
    migrate(engine, target=4)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO case_study (id, slug, title, summary, narrative, sector, ongoing, "
            "created_at, updated_at) VALUES (1, 'old', 'Old qxold case', '', '', 'x', 0, "
            "'2024-01-01', '2024-01-01')"
        )
    engine.dispose()
    catalogue = open_catalogue(path, seed=False)
    try:
        assert catalogue.backup is not None  # the usual backup before the schema step
        assert found(catalogue, "qxold") == {"old"}
        assert_index_is_fresh(catalogue)
    finally:
        catalogue.close()


def test_an_import_and_its_undo_keep_the_index_in_step(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    from app.changes import replay
    from app.xlsx.importer import apply_plan, preview_import
    from tests.test_import import _edit, _export, _row_of

    path = _export(small_catalogue, tmp_path / "edited.xlsx")
    row = _row_of(path, "Case studies", "Slug", "beta")
    _edit(path, "Case studies", {(row, "Summary"): "Now about qximported panels."},
          [{"Slug": "gamma", "Title": "Gamma qxnewcase"}])  # fmt: skip
    with small_catalogue.sessions.begin() as session:
        applied = apply_plan(session, preview_import(session, path))
    assert found(small_catalogue, "qximported") == {"beta"}
    assert found(small_catalogue, "qxnewcase") == {"gamma"}
    assert found(small_catalogue, "photovoltaic") == set()  # the old summary's word
    assert_index_is_fresh(small_catalogue)
    with small_catalogue.sessions.begin() as session:
        replay(session, applied, undo=True)
    assert found(small_catalogue, "qximported") == set()
    assert found(small_catalogue, "photovoltaic") == {"beta"}
    assert_index_is_fresh(small_catalogue)
