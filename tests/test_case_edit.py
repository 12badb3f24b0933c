"""Creating, editing and deleting case studies: field-level problems, undo of each."""

from __future__ import annotations

import pytest

from app.case_edit import (
    ActorDraft,
    CaseDraft,
    DraftError,
    MetricDraft,
    delete_case,
    save_case,
    slug_for,
)
from app.notes import add_note
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import tag_cases
from tests.annotate_helpers import case_id


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def _draft(**fields: object) -> CaseDraft:
    draft = CaseDraft(title="Kashgar 砖茶 co-operative", summary="Sum 🍵", start_year="2019")
    for name, value in fields.items():
        setattr(draft, name, value)
    return draft


def test_create_makes_a_slug_and_stores_numbers_as_numbers(service) -> None:
    metric = MetricDraft(name="Workers", value="1,200", unit="people", qualifier="over",
                         period="2021")  # fmt: skip
    new_id, changes = service.write(save_case, None, _draft(metrics=[metric], forms=["funds"]))
    detail = service.detail(new_id)
    assert detail is not None
    assert detail.slug == "kashgar-co-operative"
    assert (detail.title, detail.summary, detail.start_year) == (
        "Kashgar 砖茶 co-operative", "Sum 🍵", 2019,
    )  # fmt: skip
    (m,) = detail.metrics
    assert (m.value, m.unit, m.qualifier, m.year) == (1200.0, "people", "over", 2021)
    service.replay(changes, undo=True)
    assert service.detail(new_id) is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "needs a title"),
        ({"slug": "Bad Slug"}, "slug", "lower-case letters"),
        ({"slug": "alpha"}, "slug", "already has the slug"),
        ({"start_year": "1899"}, "start_year", "between 1900 and 2100"),
        ({"end_year": "2101"}, "end_year", "between 1900 and 2100"),
        ({"start_year": "twenty"}, "start_year", "is not a year"),
        ({"start_year": "2020", "end_year": "2019"}, "end_year", "must not come before"),
        ({"metrics": [MetricDraft(name="x", value="12abc")]}, "metrics.0.value", "not a number"),
        (
            {"metrics": [MetricDraft(name="x", low="9", high="3")]},
            "metrics.0.high",
            "must not exceed",
        ),
        ({"metrics": [MetricDraft(name="x")]}, "metrics.0.value", "needs a value"),
        ({"metrics": [MetricDraft(name="", value="1")]}, "metrics.0.name", "needs a name"),
        (
            {"metrics": [MetricDraft(name="x", value="1", period="2030-2020")]},
            "metrics.0.period",
            "comes after",
        ),
        (
            {"metrics": [MetricDraft(name="x", value="1", qualifier="roughly")]},
            "metrics.0.qualifier",
            "choose one",
        ),
        ({"actors": [ActorDraft(name="")]}, "actors.0.name", "needs a name"),
    ],
)
def test_bad_values_get_a_message_at_their_field_and_write_nothing(
    service, fields, field, message
) -> None:
    before = service.count(service_filter())
    assert message in service.draft_problems(_draft(**fields), None)[field]
    with pytest.raises(DraftError) as raised:
        service.write(save_case, None, _draft(**fields))
    assert field in raised.value.problems
    assert service.count(service_filter()) == before


def service_filter():  # type: ignore[no-untyped-def]
    from app.case_filter import CaseFilter

    return CaseFilter()


def test_edit_metrics_people_places_sources_and_undo(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    original = service.detail(alpha)
    draft = service.draft(alpha)
    draft.metrics[0].value = "180"
    draft.metrics.pop(1)
    draft.metrics.append(MetricDraft(name="Range", low="1", high="2", unit="t"))
    draft.actors.append(ActorDraft(name="Ayşe Tursun", kind="person", role="Weaver"))
    draft.donor_places = []
    draft.source_ids = []
    _, changes = service.write(save_case, alpha, draft)
    edited = service.detail(alpha)
    assert edited is not None
    assert [m.name for m in edited.metrics] == ["People trained", "Range"]
    assert edited.metrics[0].value == 180.0
    assert "Ayşe Tursun" in [a.name for a in edited.actors]
    assert edited.places_on("donor") == [] and edited.sources == []
    service.replay(changes, undo=True)
    assert service.detail(alpha) == original
    service.replay(changes, undo=False)
    assert service.detail(alpha) == edited


def test_delete_takes_everything_and_undo_brings_it_all_back(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    service.write(tag_cases, [alpha], ["tea"])
    service.write(add_note, alpha, "my note 📝")
    original = service.detail(alpha)
    title, changes = service.write(delete_case, alpha)
    assert title == "Alpha tea workshop"
    assert service.detail(alpha) is None
    assert service.all_notes() == []
    service.replay(changes, undo=True)
    assert service.detail(alpha) == original


def test_slug_for_titles() -> None:
    assert slug_for("Yangzhou–Hotan jade carving") == "yangzhou-hotan-jade-carving"
    assert slug_for("Café Ürümqi") == "cafe-urumqi"
    assert slug_for("砖茶") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019", (2019, None, None)), ("2015–2020", (None, 2015, 2020)), ("2018–", (None, 2018, None)),
     ("–2020", (None, None, 2020)), (" 2015 - 2016 ", (None, 2015, 2016)), ("", (None, None, None))],
)  # fmt: skip
def test_periods(text: str, expected: tuple[int | None, ...]) -> None:
    from app.validation import parse_period

    assert parse_period(text, "Year") == expected


def test_every_seed_case_loads_into_a_draft_that_saves_unchanged(catalogue: Catalogue) -> None:
    """Opening the editor and pressing OK must never be refused or change anything."""
    service = CatalogueService(catalogue)
    from app.case_filter import CaseFilter

    for case in service.case_ids(CaseFilter()):
        before = service.detail(case)
        draft = service.draft(case)
        assert service.draft_problems(draft, case) == {}, before.slug if before else case
        service.write(save_case, case, draft)
        assert service.detail(case) == before
