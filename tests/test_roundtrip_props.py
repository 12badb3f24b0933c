"""Property: an untouched exported workbook, imported again, changes nothing.

Arbitrary text in notes, tag names, titles, summaries and narratives: what
the export writes, the import must read back as the same value (or, for the
characters a workbook cannot hold, as the same value cleaned, which the
import must not take for a change).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from app.changes import Journal
from app.store import Catalogue
from app.tag_names import TagNameError, normalise_tag_name
from app.tags import tag_cases
from app.xlsx.export import export_workbook
from app.xlsx.importer import preview_import
from app.xlsx.tag_list import join_tag_names, split_tag_names
from models import CaseStudy, Note
from models.annotations import case_tag
from tests.writers import sheet_writer  # noqa: F401  (a fixture)

# Every test here runs through both sheet writers (see tests/writers.py).
pytestmark = pytest.mark.usefixtures("sheet_writer")

# Text as people paste it: any character but a lone surrogate (SQLite cannot
# store one), with the troublesome ones made likely.
TRICKY = "=+-@\t\r\n ;\"'_x000D_&<>\x00\x0b\x1f\x85\ufffe\uffff\u2028\xa0🍵喀什قەشقەر"
CHARACTERS = st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",)))
TEXT = st.text(CHARACTERS, max_size=40)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _tag_name(text: str) -> str | None:
    try:
        return normalise_tag_name(text)[0]
    except TagNameError:
        return None


TAG_NAMES = st.lists(TEXT.map(_tag_name).filter(bool), max_size=4)  # type: ignore[arg-type]


@given(st.lists(TEXT, max_size=5))
@example([";=", "a;b", '"quoted"', '""', 'say "hi"'])
def test_tag_names_join_and_split_back(names: list[str]) -> None:
    kept = [n.strip() for n in names if n.strip()]
    assert split_tag_names(join_tag_names(kept)) == kept


@SETTINGS
@given(title=TEXT, summary=TEXT, narrative=TEXT, notes=st.lists(TEXT, max_size=3),
       tags=TAG_NAMES)  # fmt: skip
@example(title="=1+1", summary="_x000D_ a\r\nb ", narrative=" lead", notes=["\ufffe"],
         tags=[";=", "a;b", '"q"', "x\ufffey"])  # fmt: skip
def test_an_untouched_export_reimported_changes_nothing(
    small_catalogue: Catalogue,
    tmp_path: Path,
    title: str,
    summary: str,
    narrative: str,
    notes: list[str],
    tags: list[str],
) -> None:
    if not title.strip() or not any(c.isprintable() and not c.isspace() for c in title):
        title = "t" + title  # a title needs something to show
    with small_catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        alpha.title, alpha.summary, alpha.narrative = title, summary, narrative
        session.execute(delete(Note))
        session.execute(delete(case_tag))
        session.add_all(Note(case=alpha, body=body) for body in notes if body.strip())
        session.flush()
        tag_cases(Journal(session), [alpha.id], tags)
    target = tmp_path / "roundtrip.xlsx"
    with small_catalogue.sessions() as session:
        export_workbook(session, target)
        plan = preview_import(session, target)
    assert not plan.rejected, [str(r) for r in plan.rejected]
    assert not plan.added, [(c.sheet, c.values) for c in plan.added]
    assert not plan.changed, [(c.sheet, [(f.field, f.old, f.new) for f in c.changes])
                              for c in plan.changed]  # fmt: skip


@pytest.mark.parametrize("name", [";=", "a; b", '"tea"', "salt;pepper/fine"])
def test_tag_names_with_separators_come_back_as_the_same_tag(
    small_catalogue: Catalogue, tmp_path: Path, name: str
) -> None:
    with small_catalogue.sessions.begin() as session:
        alpha_id = session.scalars(select(CaseStudy.id).where(CaseStudy.slug == "alpha")).one()
        tag_cases(Journal(session), [alpha_id], [name, "plain"])
    target = tmp_path / "tags.xlsx"
    with small_catalogue.sessions() as session:
        export_workbook(session, target)
        plan = preview_import(session, target)
    assert not plan.has_changes and not plan.rejected
