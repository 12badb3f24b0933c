"""Finding cases in SQL: text filter, facets with place hierarchy, sorting, rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.query import CaseFilter, case_ids, case_rows, facet_counts
from app.store import Catalogue
from models import CaseStudy, Place


def _ids(catalogue: Catalogue, **kwargs: object) -> set[str]:
    with catalogue.sessions() as s:
        ids = case_ids(s, CaseFilter(**kwargs))  # type: ignore[arg-type]
        return set(s.scalars(select(CaseStudy.slug).where(CaseStudy.id.in_(ids))))


def _place_id(catalogue: Catalogue, key: str) -> int:
    with catalogue.sessions() as s:
        return s.scalars(select(Place.id).where(Place.key == key)).one()


def test_text_filter_matches_title_summary_place_and_person(small_catalogue: Catalogue) -> None:
    assert _ids(small_catalogue, text="solar") == {"beta"}
    assert _ids(small_catalogue, text="photovoltaic") == {"beta"}
    assert _ids(small_catalogue, text="taxkorgan") == {"alpha"}
    assert _ids(small_catalogue, text="Jane") == {"alpha"}
    assert _ids(small_catalogue, text="喀什") == {"alpha", "beta"}  # Taxkorgan is in Kashgar
    assert _ids(small_catalogue, text="station hubei") == {"beta"}
    assert _ids(small_catalogue, text="nothing-like-this") == set()


def test_like_wildcards_in_the_filter_are_literal(small_catalogue: Catalogue) -> None:
    from app.query import QueryError

    for text in ("%", "_"):
        with pytest.raises(QueryError, match="no letters or digits"):
            _ids(small_catalogue, text=text)
    assert _ids(small_catalogue, text="sector:%") == set()


def test_a_province_includes_the_cities_inside_it(small_catalogue: Catalogue) -> None:
    hubei = _place_id(small_catalogue, "hubei")
    wuhan = _place_id(small_catalogue, "wuhan")
    # alpha's donor is Wuhan, beta's is Hubei itself.
    assert _ids(small_catalogue, donor_places=frozenset({hubei})) == {"alpha", "beta"}
    assert _ids(small_catalogue, donor_places=frozenset({wuhan})) == {"alpha"}
    kashgar = _place_id(small_catalogue, "kashgar")
    assert _ids(small_catalogue, recipient_places=frozenset({kashgar})) == {"alpha", "beta"}


def test_facets_combine_any_within_a_group_and_all_across(small_catalogue: Catalogue) -> None:
    both = frozenset({"energy", "agriculture and food"})
    assert _ids(small_catalogue, sectors=both) == {"alpha", "beta"}
    assert _ids(small_catalogue, sectors=both, forms=frozenset({"funds"})) == {"beta"}


def test_facet_counts_roll_up_and_ignore_their_own_group(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as s:
        facets = facet_counts(s, CaseFilter(sectors=frozenset({"energy"})))
    sectors = {v.key: v.count for v in facets.groups["sector"]}
    assert sectors == {"agriculture and food": 1, "energy": 1}
    donors = {v.label: v.count for v in facets.groups["donor"]}
    assert donors == {"Hubei": 1}
    recipients = {v.label: v.count for v in facets.groups["recipient"]}
    assert recipients == {"Kashgar": 1}


def test_sorting_runs_in_sql_both_ways(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as s:
        by_title = case_ids(s, CaseFilter(), "title")
        by_year = case_ids(s, CaseFilter(), "start_year")
        by_year_desc = case_ids(s, CaseFilter(), "start_year", descending=True)
        rows = case_rows(s, by_title)
    assert [rows[i].slug for i in by_title] == ["alpha", "beta"]
    assert [rows[i].slug for i in by_year] == ["beta", "alpha"]
    assert by_year_desc == list(reversed(by_year))


def test_rows_show_rolled_up_donor_and_recipient(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as s:
        ids = case_ids(s, CaseFilter())
        rows = {r.slug: r for r in case_rows(s, ids).values()}
    assert rows["alpha"].donor == "Hubei"
    assert rows["alpha"].recipient == "Kashgar"
    assert rows["alpha"].tag_count == 0 and rows["alpha"].note_count == 0


def test_without_clears_only_its_own_group() -> None:
    flt = CaseFilter(text="tea", sectors=frozenset({"energy"}), forms=frozenset({"funds"}))
    assert flt.without("sector") == CaseFilter(text="tea", forms=frozenset({"funds"}))
    assert flt.without("assistance") == CaseFilter(text="tea", sectors=frozenset({"energy"}))
    assert not flt.is_empty() and CaseFilter().is_empty()


def test_quantities_and_periods_read_naturally() -> None:
    from app.formatting import format_period, format_quantity

    assert format_quantity(2.3e12, None, None, "yuan", "over") == "over 2.3 trillion yuan"
    assert format_quantity(None, 5000, 6000, "tons", "about") == "about 5,000–6,000 tons"
    assert format_quantity(4434.7, None, None, "hours/year", "exact") == "4,434.7 hours/year"
    assert format_period(2020, None, None) == "2020"
    assert format_period(None, 2015, None, ongoing=True) == "2015–ongoing"
    assert format_period(None, 2015, None) == "since 2015"
    assert format_period(None, 1997, 2010) == "1997–2010"
    assert format_period(None, None, 2019) == "until 2019"
