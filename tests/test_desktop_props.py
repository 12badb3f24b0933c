"""Properties of the desktop additions that take arbitrary text (issue 11)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.catalogue_copy import CATALOGUE_SUFFIX, copy_target
from app.query import case_rows
from app.service import CatalogueService
from app.store import Catalogue
from app.tag_names import TagNameError, normalise_tag_name
from app.tags import set_tag_colour, tag_cases, untag_cases
from views.help_actions import plain_text

TRICKY = '",[]\\{}:&&&\x00\n\t 🍵喀什قەشقەر\u2028'
CHARACTERS = st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",)))
TEXT = st.text(CHARACTERS, max_size=30)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _tag_name(text: str) -> str | None:
    try:
        return normalise_tag_name(text)[0]
    except TagNameError:
        return None


@SETTINGS
@given(
    st.lists(
        TEXT.map(_tag_name).filter(bool),
        min_size=1,
        max_size=4,
        unique_by=lambda n: normalise_tag_name(n)[1],
    )
)  # type: ignore[arg-type]
@example(['a", "b', "[1]", "tea, jade", "x\\y"])
def test_the_table_row_carries_every_tag_name_exactly(
    small_catalogue: Catalogue, names: list[str]
) -> None:
    """Tag names travel through SQLite's JSON as they are: commas, quotes, brackets."""
    service = CatalogueService(small_catalogue)
    case_id = next(iter(service.case_rows(service.case_ids(_all(), "title", False))))
    service.write(tag_cases, [case_id], names)
    service.write(set_tag_colour, names[0], "#123456")
    try:
        with small_catalogue.sessions() as session:
            row = case_rows(session, [case_id])[case_id]
        assert sorted(name for name, _colour in row.tags) == sorted(names)
        assert dict(row.tags)[names[0]] == "#123456"
        assert row.tag_count == len(row.tags)
    finally:
        service.write(untag_cases, [case_id], names)


def _all():  # type: ignore[no-untyped-def]
    from app.case_filter import CaseFilter

    return CaseFilter()


@given(TEXT)
def test_an_action_text_loses_only_its_mnemonics(text: str) -> None:
    assert plain_text(text.replace("&", "&&")) == text


@given(TEXT.filter(lambda t: "\x00" not in t))
@example(".")
@example("..")
@example("~")
def test_a_typed_copy_name_names_a_catalogue_file_or_a_folder_save_copy_refuses(
    name: str,
) -> None:
    target = copy_target(name)  # never raises
    if target.is_dir() or target.name in ("", ".", ".."):
        return
    assert target.suffix
    if not Path(name).suffix:
        assert target.name.endswith(CATALOGUE_SUFFIX)
