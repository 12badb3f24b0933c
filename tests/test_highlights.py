"""Highlights: anchoring by quote and context, re-anchoring after edits, orphans kept."""

from __future__ import annotations

import pytest

from app.anchoring import Anchor, anchor_at, reanchor
from app.case_edit import save_case
from app.changes import ReplayConflictError
from app.highlights import HighlightError, add_highlight, delete_highlight, update_highlight
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import delete_tag
from tests.annotate_helpers import case_id

TEXT = "The workshop trained 170 women in Jin embroidery. Sales rose. The workshop grew."


def test_offsets_that_still_hold_the_quote_are_kept() -> None:
    old = anchor_at(TEXT, 4, 12)
    assert reanchor(TEXT, old) == old


def test_quote_is_found_again_after_text_before_it_changes() -> None:
    old = anchor_at(TEXT, TEXT.index("170 women"), TEXT.index("170 women") + 9)
    edited = "Since 2018, " + TEXT
    found = reanchor(edited, old)
    assert found is not None
    assert edited[found.start : found.end] == "170 women"


def test_context_picks_the_right_one_of_two_occurrences() -> None:
    second = TEXT.rindex("The workshop")
    old = anchor_at(TEXT, second, second + len("The workshop"))
    edited = TEXT.replace("Sales rose.", "Sales rose sharply in 2023.")
    found = reanchor(edited, old)
    assert found is not None
    assert found.start == edited.rindex("The workshop")


def test_lightly_edited_quote_is_found_fuzzily() -> None:
    quote = "trained 170 women in Jin embroidery"
    old = anchor_at(TEXT, TEXT.index(quote), TEXT.index(quote) + len(quote))
    edited = TEXT.replace("170 women in Jin", "170 local women in Jin")
    found = reanchor(edited, old)
    assert found is not None
    assert "local women in Jin embroidery" in found.quote


def test_deleted_quote_is_not_found() -> None:
    quote = "Sales rose."
    old = anchor_at(TEXT, TEXT.index(quote), TEXT.index(quote) + len(quote))
    assert reanchor(TEXT.replace(" Sales rose.", ""), old) is None
    assert reanchor("", Anchor(0, 3, "abc", "", "")) is None


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def _edit_summary(service: CatalogueService, case: int, summary: str) -> None:
    draft = service.draft(case)
    draft.summary = summary
    service.write(save_case, case, draft)


def test_highlight_follows_an_edit_and_is_orphaned_not_dropped(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    summary = service.draft(alpha).summary  # "A short summary of the alpha case."
    start = summary.index("summary")
    hid, _ = service.write(
        add_highlight, alpha, "summary", start, start + 7, tag="key point", comment="注释 🍵"
    )
    _edit_summary(service, alpha, "Updated: " + summary)
    (h,) = service.highlights_of_case(alpha)
    assert (h.quote, h.orphaned, h.tag, h.comment) == ("summary", False, "key point", "注释 🍵")
    assert ("Updated: " + summary)[h.start : h.end] == "summary"

    _edit_summary(service, alpha, "Completely different words now.")
    (h,) = service.highlights_of_case(alpha)
    assert h.id == hid and h.orphaned and h.quote == "summary" and h.comment == "注释 🍵"

    _edit_summary(service, alpha, summary)  # the passage comes back: so does the anchor
    (h,) = service.highlights_of_case(alpha)
    assert not h.orphaned


def test_highlight_needs_a_real_selection(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    for start, end in [(3, 3), (-1, 4), (0, 10_000)]:
        with pytest.raises(HighlightError):
            service.write(add_highlight, alpha, "summary", start, end)
    with pytest.raises(HighlightError):
        service.write(add_highlight, alpha, "title", 0, 3)


def test_highlight_edit_delete_undo_and_tag_removal(service, small_catalogue) -> None:
    alpha = case_id(small_catalogue, "alpha")
    hid, created = service.write(add_highlight, alpha, "narrative", 0, 5, tag="x")
    _, edited = service.write(update_highlight, hid, tag="", comment="why")
    assert service.highlights_of_case(alpha)[0].comment == "why"
    service.replay(edited, undo=True)
    assert service.highlights_of_case(alpha)[0].tag == "x"
    service.write(delete_tag, "x")
    (h,) = service.highlights_of_case(alpha)
    assert h.tag == "" and h.quote == "First"  # the highlight outlives its tag
    _, deleted = service.write(delete_highlight, hid)
    assert service.highlights_of_case(alpha) == []
    service.replay(deleted, undo=True)
    assert [x.id for x in service.highlights_of_case(alpha)] == [hid]
    service.replay(deleted, undo=False)
    # Undoing the creation out of order, with the tag deletion still in place,
    # would rewrite rows a later step changed: refused, nothing written.
    with pytest.raises(ReplayConflictError, match="the tag 'x' was deleted"):
        service.replay(created, undo=True)
    assert service.highlights_of_case(alpha) == []
