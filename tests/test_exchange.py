"""Colleagues send workbooks back and forth: nothing duplicated, lost or silently overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.case_edit import load_draft, save_case
from app.highlights import add_highlight
from app.notes import add_note
from app.store import Catalogue
from models import CaseStudy, Highlight, Note
from tests.exchange_helpers import (
    apply,
    case_id,
    colleague_catalogue,
    edit_cells,
    export,
    import_file,
    preview,
    rows,
    write,
)


@pytest.fixture
def colleague(tmp_path: Path) -> Catalogue:
    cat = colleague_catalogue(tmp_path / "colleague.sqlite3")
    yield cat  # type: ignore[misc]
    cat.close()


def _notes(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    with catalogue.sessions() as session:
        return sorted(
            (u, b, a) for u, b, a in session.execute(select(Note.uuid, Note.body, Note.author))
        )


def _retitle(catalogue: Catalogue, slug: str, title: str) -> None:
    def edit(journal, case: int) -> None:  # type: ignore[no-untyped-def]
        draft = load_draft(journal.session, case)
        draft.title = title
        save_case(journal, case, draft)

    write(catalogue, edit, case_id(catalogue, slug))


def _title(catalogue: Catalogue, slug: str) -> str:
    with catalogue.sessions() as session:
        return session.scalars(select(CaseStudy.title).where(CaseStudy.slug == slug)).one()


def test_a_colleagues_note_comes_in_once_with_its_author_however_often_it_is_imported(
    small_catalogue: Catalogue, colleague: Catalogue, tmp_path: Path
) -> None:
    write(colleague, add_note, case_id(colleague, "alpha"), "Li's reading 读后感", author="Li Wei")
    workbook = export(colleague, tmp_path / "from-li.xlsx")

    first = import_file(small_catalogue, workbook)
    assert len(first.added) == 1 and not first.rejected
    again = import_file(small_catalogue, workbook)
    assert not again.has_changes and not again.rejected
    assert _notes(small_catalogue) == _notes(colleague)
    assert _notes(small_catalogue)[0][1:] == ("Li's reading 读后感", "Li Wei")


def test_a_colleagues_highlight_comes_in_once_anchored_with_its_tag_comment_and_author(
    small_catalogue: Catalogue, colleague: Catalogue, tmp_path: Path
) -> None:
    alpha = case_id(colleague, "alpha")
    write(colleague, add_highlight, alpha, "summary", 0, 5, author="Li Wei")
    with colleague.sessions.begin() as session:
        session.execute(Highlight.__table__.update().values(comment="看这里"))
    workbook = export(colleague, tmp_path / "from-li.xlsx")
    import_file(small_catalogue, workbook)
    assert not preview(small_catalogue, workbook).has_changes
    with small_catalogue.sessions() as session, colleague.sessions() as theirs:
        mine = session.execute(select(Highlight.uuid, Highlight.quote, Highlight.start,
                                      Highlight.comment, Highlight.author)).all()  # fmt: skip
        original = theirs.execute(select(Highlight.uuid, Highlight.quote, Highlight.start,
                                         Highlight.comment, Highlight.author)).all()  # fmt: skip
    assert mine == original and mine[0].author == "Li Wei"


def test_months_of_back_and_forth_duplicate_nothing(
    small_catalogue: Catalogue, colleague: Catalogue, tmp_path: Path
) -> None:
    me, li = small_catalogue, colleague
    for month in range(4):
        write(me, add_note, case_id(me, "alpha"), f"mine {month}")
        write(li, add_note, case_id(li, "beta"), f"Li's {month}", author="Li")
        import_file(li, export(me, tmp_path / f"me-{month}.xlsx"))
        import_file(me, export(li, tmp_path / f"li-{month}.xlsx"))
        # an old workbook turning up again changes nothing
        assert not preview(me, tmp_path / "li-0.xlsx").has_changes
    assert _notes(me) == _notes(li)
    assert len(_notes(me)) == 8


def test_an_edit_made_in_the_workbook_is_taken_when_only_the_workbook_changed(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), {"Title": "Edited in Excel"})
    plan = preview(small_catalogue, workbook)
    (change,) = plan.changed
    assert [(f.field, f.conflict) for f in change.changes] == [("title", False)]
    apply(small_catalogue, plan)
    assert _title(small_catalogue, "alpha") == "Edited in Excel"


def test_a_field_changed_only_here_since_the_export_is_kept(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    _retitle(small_catalogue, "alpha", "Mine, since")
    plan = preview(small_catalogue, workbook)
    assert not plan.has_changes and plan.kept_yours == 1


def test_a_field_changed_on_both_sides_is_a_conflict_that_keeps_yours_unless_chosen(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    _retitle(small_catalogue, "alpha", "Mine")
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), {"Title": "Theirs"})

    plan = preview(small_catalogue, workbook)
    ((_, conflict),) = plan.conflicts
    assert (conflict.field, conflict.old, conflict.new) == ("title", "Mine", "Theirs")
    apply(small_catalogue, plan)
    assert _title(small_catalogue, "alpha") == "Mine"  # by default, yours
    # decided: the same workbook again is no longer a conflict
    assert not preview(small_catalogue, workbook).conflicts

    _retitle(small_catalogue, "alpha", "Mine again")
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), {"Title": "Theirs again"})
    plan = preview(small_catalogue, workbook)
    ((_, conflict),) = plan.conflicts
    conflict.take_theirs = True
    apply(small_catalogue, plan)
    assert _title(small_catalogue, "alpha") == "Theirs again"


def test_a_note_edited_by_both_colleagues_is_a_conflict(
    small_catalogue: Catalogue, colleague: Catalogue, tmp_path: Path
) -> None:
    me, li = small_catalogue, colleague
    note = write(me, add_note, case_id(me, "alpha"), "first draft")
    import_file(li, export(me, tmp_path / "to-li.xlsx"))
    from app.notes import update_note

    with li.sessions() as session:
        theirs = session.scalars(select(Note.id)).one()
    write(li, update_note, theirs, "Li's version")
    write(me, update_note, note, "my version")
    plan = preview(me, export(li, tmp_path / "from-li.xlsx"))
    ((_, conflict),) = plan.conflicts
    assert (conflict.old, conflict.new) == ("my version", "Li's version")


def test_sectors_and_forms_match_the_vocabulary_whatever_their_case(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions() as session:
        sector = session.scalars(select(CaseStudy.sector).where(CaseStudy.slug == "alpha")).one()
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    shouted = {"Sector": f"  {sector.upper()} ", "Forms of assistance": "TALENT, Funds"}
    edit_cells(workbook, "Case studies", ("Slug", "alpha"), shouted)
    edit_cells(workbook, "Case studies", ("Slug", "beta"), {"Sector": "Agritourism"})
    plan = preview(small_catalogue, workbook)
    fields = {c.label: [f.field for f in c.changes] for c in plan.changed}
    assert "sector" not in fields.get("alpha", [])
    assert plan.new_values == ["sector “Agritourism”"]
    apply(small_catalogue, plan)
    with small_catalogue.sessions() as session:
        sectors = set(session.scalars(select(CaseStudy.sector)))
    assert sector in sectors and "Agritourism" in sectors and sector.upper() not in sectors


def test_a_slug_the_editor_refuses_is_refused_by_the_import_too(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    from tests.test_import import _edit

    _edit(workbook, "Case studies", {}, [{"Slug": "Bad Slug!/../x" + "x" * 300, "Title": "T"}])
    plan = preview(small_catalogue, workbook)
    (rejection,) = plan.rejected
    assert "slug may hold only lower-case letters" in rejection.reason
    assert rejection.column.endswith("(Slug)")


@pytest.mark.parametrize(
    "body",
    [
        "control \x01\x02\x7f\x85 characters\r\nand CR LF",
        "中文 ئۇيغۇرچە 😀 " * 3,
        "长" * 40_000,
        "Excel escapes: _x000D_ and a_x0041_b, _x005F_x0041_",
    ],
)
def test_an_untouched_note_comes_back_unchanged(
    small_catalogue: Catalogue, tmp_path: Path, body: str
) -> None:
    write(small_catalogue, add_note, case_id(small_catalogue, "alpha"), body)
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    plan = preview(small_catalogue, workbook)
    assert not plan.has_changes and not plan.rejected
    with small_catalogue.sessions() as session:
        assert session.scalars(select(Note.body)).one() == body


def test_exports_carry_uuids_authors_and_the_catalogue(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    write(small_catalogue, add_note, case_id(small_catalogue, "alpha"), "n", author="Ana")
    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    (note,) = rows(workbook, "Notes")
    with small_catalogue.sessions() as session:
        assert note["UUID"] == session.scalars(select(Note.uuid)).one()
        cases = {c.slug: c.uuid for c in session.scalars(select(CaseStudy))}
    assert note["Author"] == "Ana" and "Note id" not in note
    assert {r["Slug"]: r["UUID"] for r in rows(workbook, "Case studies")} == cases
    about = {r["Item"]: r["Value"] for r in rows(workbook, "About")}
    assert about["Catalogue"]


def test_an_import_is_one_journal_change_that_undo_takes_back(
    small_catalogue: Catalogue, colleague: Catalogue, tmp_path: Path
) -> None:
    from app.changes import replay

    write(colleague, add_note, case_id(colleague, "alpha"), "theirs")
    _retitle(colleague, "beta", "Retitled by Li")
    plan = preview(small_catalogue, export(colleague, tmp_path / "li.xlsx"))
    changes = apply(small_catalogue, plan)
    assert {c.table for c in changes.changes} >= {"note", "case_study", "sync_base"}
    with small_catalogue.sessions.begin() as session:
        replay(session, changes, undo=True)
        assert session.scalar(select(func.count()).select_from(Note)) == 0
    assert _title(small_catalogue, "beta") != "Retitled by Li"


def test_a_workbook_is_read_by_calamine_and_one_with_formulas_by_openpyxl(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    from app.xlsx.read import _read_fast
    from tests.test_import import _edit

    workbook = export(small_catalogue, tmp_path / "out.xlsx")
    assert _read_fast(workbook) is not None
    _edit(workbook, "Case studies", {(2, "Title"): "=1+1"})
    assert _read_fast(workbook) is None  # a formula: read cell by cell, to be named
    (rejection,) = preview(small_catalogue, workbook).rejected
    assert "formula" in rejection.reason


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="_x0F5Aa b", max_size=30))
def test_any_text_with_excel_escapes_reads_back_as_written(text: str) -> None:
    from openpyxl.utils.escape import unescape

    from app.xlsx.cells import escaped_for_excel

    assert unescape(escaped_for_excel(text)) == text
