"""A tag used only on highlights counts and filters the cases whose highlights carry it."""

from __future__ import annotations

from app.case_filter import CaseFilter
from app.highlights import add_highlight
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import tag_cases
from tests.annotate_helpers import case_id, tag_counts


def test_highlight_only_tag_counts_and_filters(small_catalogue: Catalogue) -> None:
    service = CatalogueService(small_catalogue)
    alpha = case_id(small_catalogue, "alpha")
    beta = case_id(small_catalogue, "beta")
    service.write(add_highlight, alpha, "summary", 0, 5, tag="craft/key point")
    service.write(add_highlight, alpha, "summary", 6, 9, tag="craft/key point")
    service.write(tag_cases, [beta], ["craft/other"])
    assert tag_counts(service)["craft/key point"] == 1
    assert service.tag_counts_under({"craft", "craft/key point"}) == {
        "craft": 2,
        "craft/key point": 1,
    }
    only = CaseFilter(tags=frozenset({"craft/key point"}))
    assert service.case_ids(only) == [alpha]
    assert service.count(only) == 1
    both = CaseFilter(tags=frozenset({"craft"}))
    assert sorted(service.case_ids(both)) == sorted([alpha, beta])


def test_case_carrying_tag_both_ways_counts_once(small_catalogue: Catalogue) -> None:
    service = CatalogueService(small_catalogue)
    alpha = case_id(small_catalogue, "alpha")
    service.write(add_highlight, alpha, "summary", 0, 5, tag="tea")
    service.write(tag_cases, [alpha], ["tea"])
    assert tag_counts(service) == {"tea": 1}
