"""The query language: each form finds what it says, a malformed query gets one line, and
nothing a user types reaches FTS5's syntax."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.changes import Journal
from app.highlights import add_highlight
from app.notes import add_note
from app.query import CaseFilter, QueryError, case_ids, count_cases, facet_counts, scored_ids
from app.search.language import parse
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases
from tests.annotate_helpers import case_id
from tests.conftest import FIXTURE_SEED
from tests.search_helpers import found, slugs


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogue]:
    """The two-case catalogue with a note on beta, a tag on alpha and a tagged highlight on beta."""
    from seed import seed_catalogue
    from seed.loader import load_seed_files

    catalogue = open_catalogue(tmp_path_factory.mktemp("lang") / "c.sqlite3", seed=False)
    with catalogue.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")
    with catalogue.sessions.begin() as session:
        journal = Journal(session)
        add_note(journal, beta, "Ask the teachers about the panels.")
        tag_cases(journal, [alpha], ["craft/tea"])
    with catalogue.sessions.begin() as session:
        add_highlight(Journal(session), beta, "summary", 0, 4, tag="marked/only")
    yield catalogue
    catalogue.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tea workshop", {"alpha"}),
        ('"tea workshop"', {"alpha"}),
        ('"workshop tea"', set()),
        ("station -teachers", set()),
        ("-teachers", {"alpha"}),
        ("tea OR solar", {"alpha", "beta"}),
        ("tea OR solar workshop", {"alpha"}),
        ("teach*", {"beta"}),
        ("tag:craft", {"alpha"}),  # the parent finds its children
        ("tag:craft/tea", {"alpha"}),
        ("tag:marked", {"beta"}),  # a tag used only on a highlight
        ("-tag:craft", {"beta"}),
        ("sector:energy", {"beta"}),
        ("sector:agriculture", {"alpha"}),  # a whole word of "agriculture and food"
        ("sector:agri", set()),
        ("Sector:ENERGY", {"beta"}),
        ("form:talent", {"alpha"}),
        ('form:"market access"', {"alpha"}),
        ("donor:hubei", {"alpha", "beta"}),  # alpha's Wuhan is in Hubei
        ("donor:wuhan", {"alpha"}),
        ("recipient:kashgar", {"alpha", "beta"}),  # alpha's Taxkorgan is in Kashgar
        ("recipient:喀什", {"alpha", "beta"}),
        ("recipient:taxkorgan", {"alpha"}),
        ("source:test", {"alpha", "beta"}),
        ("source:report-a", {"alpha", "beta"}),
        ("source:nobody", set()),
        ("year:2018", {"alpha", "beta"}),  # alpha runs from 2018 on; beta 2017-2019
        ("year:2017", {"beta"}),
        ("year:2019..2019", {"alpha", "beta"}),
        ("year:..2017", {"beta"}),
        ("year:2020..", {"alpha"}),
        ("year:2010..2016", set()),
        ("has:notes", {"beta"}),
        ("has:highlights", {"beta"}),
        ("has:tags", {"alpha"}),
        ("has:figures", {"alpha", "beta"}),
        ("-has:figures", set()),
        ("tea OR tag:marked", {"alpha", "beta"}),
        ("10:30", set()),  # not a field: plain text
    ],
)
def test_each_form_of_the_language(shared: Catalogue, query: str, expected: set[str]) -> None:
    assert found(shared, query) == expected


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"jade carving', "quotation mark is not closed"),
        ("OR tea", "OR must stand between"),
        ("tea OR", "OR must stand between"),
        ("tea OR OR jade", "OR must stand between"),
        ("tea -", "must stand right before"),
        ("tag:", "tag: needs a value"),
        ("year:soon", "year: takes a year"),
        ("year:2020..2010", "ends before it starts"),
        ("has:everything", "has: takes one of"),
        ("!!!", "no letters or digits"),
        ("*", "no letters or digits"),
        ('""', "no letters or digits"),
    ],
)
def test_a_malformed_query_gets_one_line(shared: Catalogue, query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says) as raised:
        found(shared, query)
    assert "\n" not in str(raised.value)
    with pytest.raises(QueryError), shared.sessions() as session:
        facet_counts(session, CaseFilter(text=query))


def test_relevance_puts_a_title_match_before_a_note_match(shared: Catalogue) -> None:
    with shared.sessions.begin() as session:
        add_note(Journal(session), case_id(shared, "alpha"), "Compare with the station.")
    try:
        assert slugs(shared, "station", "relevance") == ["beta", "alpha"]
        with shared.sessions() as session:
            scores = [s for _i, s in scored_ids(session, CaseFilter(text="station"))]
        assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]
    finally:
        with shared.sessions.begin() as session:
            from sqlalchemy import delete

            from models import Note

            session.execute(delete(Note).where(Note.body == "Compare with the station."))


def test_field_filters_combine_with_the_facets_and_tags(shared: Catalogue) -> None:
    flt = CaseFilter(text="donor:hubei", sectors=frozenset({"energy"}))
    with shared.sessions() as session:
        assert count_cases(session, flt) == 1
        facets = facet_counts(session, CaseFilter(text="tag:craft"))
    assert {v.label: v.count for v in facets.groups["sector"]} == {"agriculture and food": 1}
    tagged = CaseFilter(text="tea OR solar", tags=frozenset({"craft"}))
    with shared.sessions() as session:
        assert count_cases(session, tagged) == 1


_TEXT = st.text(
    alphabet=st.characters(
        categories=("L", "N", "P", "S", "Z"), include_characters='"*-:()^{}.+OR刺绣قەشقەر'
    ),
    max_size=40,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_any_text_is_searched_or_refused_in_words(shared: Catalogue, text: str) -> None:
    """No text reaches FTS5 raw: every query runs, or fails with QueryError."""
    try:
        parse(text)
    except QueryError:
        with pytest.raises(QueryError), shared.sessions() as session:
            case_ids(session, CaseFilter(text=text), "relevance")
        return
    with shared.sessions() as session:
        case_ids(session, CaseFilter(text=text), "relevance")
        facet_counts(session, CaseFilter(text=text))
