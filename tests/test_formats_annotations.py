"""Highlights as W3C Web Annotations: shape, and a round trip through the file."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.formats.annotations import (
    HighlightRecord,
    annotation,
    highlight_records,
    read_annotations,
    write_annotations,
)
from app.formats.selection import chosen_case_ids
from app.store import Catalogue
from models import CaseStudy, Highlight, Tag

WORLD = "喀什 قەشقەر tea 🍵"


def _add_highlights(catalogue: Catalogue) -> dict[str, str]:
    """Three highlights on alpha (one orphaned, one tagged and commented); their uuids."""
    with catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        tag = Tag(name="craft/" + WORLD, name_key="craft/" + WORLD)
        s.add(tag)
        s.flush()
        made = {
            "plain": Highlight(case_id=alpha.id, field="summary", start=0, end=5, quote="Alpha",
                               prefix="", suffix=" case", author=""),
            "full": Highlight(case_id=alpha.id, field="narrative", start=10, end=14, quote=WORLD,
                              prefix="before\n", suffix='"after"', comment="A comment\n" + WORLD,
                              author="Ayşe 阿依", tag_id=tag.id,
                              created_at=datetime(2024, 5, 6, 7, 8, 9),
                              updated_at=datetime(2024, 5, 7, 1, 2, 3)),
            "lost": Highlight(case_id=alpha.id, field="narrative", start=3, end=9, quote="gone",
                              orphaned=True, author="bo"),
        }  # fmt: skip
        s.add_all(made.values())
        s.flush()
        return {name: h.uuid for name, h in made.items()}


def _records(catalogue: Catalogue) -> list[HighlightRecord]:
    with catalogue.sessions() as s:
        return list(highlight_records(s, chosen_case_ids(s, None)))


def _by_uuid(catalogue: Catalogue) -> dict[str, HighlightRecord]:
    return {r.uuid: r for r in _records(catalogue)}


def test_a_highlight_as_a_web_annotation(small_catalogue: Catalogue) -> None:
    uuids = _add_highlights(small_catalogue)
    records = _by_uuid(small_catalogue)
    with small_catalogue.sessions() as s:
        alpha = s.scalars(select(CaseStudy.uuid).where(CaseStudy.slug == "alpha")).one()
        tag_uuid = s.scalars(select(Tag.uuid).where(Tag.name_key == "craft/" + WORLD)).one()
    item = annotation(records[uuids["full"]])
    assert item == {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:" + uuids["full"],
        "type": "Annotation",
        "motivation": "highlighting",
        "created": "2024-05-06T07:08:09Z",
        "modified": "2024-05-07T01:02:03Z",
        "creator": {"type": "Person", "name": "Ayşe 阿依"},
        "body": [
            {"type": "TextualBody", "value": "A comment\n" + WORLD, "purpose": "commenting"},
            {
                "id": "urn:uuid:" + tag_uuid,
                "type": "TextualBody",
                "value": "craft/" + WORLD,
                "purpose": "tagging",
            },
        ],
        "target": {
            "type": "SpecificResource",
            "source": "urn:uuid:" + alpha,
            "casebook:field": "narrative",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": WORLD,
                    "prefix": "before\n",
                    "suffix": '"after"',
                },
                {"type": "TextPositionSelector", "start": 10, "end": 14},
            ],
        },
    }
    plain = annotation(records[uuids["plain"]])
    assert "creator" not in plain and "body" not in plain  # no author, comment or tag
    lost = annotation(records[uuids["lost"]])
    assert lost["casebook:orphaned"] is True
    assert [s["type"] for s in lost["target"]["selector"]] == ["TextQuoteSelector"]


def test_the_file_reads_back_as_it_was(small_catalogue: Catalogue) -> None:
    _add_highlights(small_catalogue)
    records = _records(small_catalogue)
    out = io.StringIO()
    assert write_annotations(records, out, "Casebook highlights") == 3
    data = json.loads(out.getvalue())
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    assert data["first"]["type"] == "AnnotationPage"
    assert all(item["@context"] == data["@context"] for item in data["first"]["items"])
    back = read_annotations(out.getvalue())
    orphan_free = [r for r in records if not r.orphaned]
    assert [r for r in back if not r.orphaned] == orphan_free
    (lost,) = [r for r in back if r.orphaned]
    (was,) = [r for r in records if r.orphaned]
    assert (lost.start, lost.end) == (None, None)
    assert lost == HighlightRecord(**{**was.__dict__, "start": None, "end": None})


def test_an_empty_collection_is_valid_json() -> None:
    out = io.StringIO()
    assert write_annotations([], out, "none") == 0
    assert json.loads(out.getvalue())["first"]["items"] == []
    assert read_annotations(out.getvalue()) == []


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=80, deadline=None)
@given(quote=_TEXT, prefix=_TEXT, suffix=_TEXT, comment=_TEXT, tag=_TEXT, author=_TEXT)
def test_any_text_survives(
    quote: str, prefix: str, suffix: str, comment: str, tag: str, author: str
) -> None:
    record = HighlightRecord(
        uuid="00000000-0000-4000-8000-000000000001",
        case_uuid="00000000-0000-4000-8000-000000000002",
        field="summary", quote=quote, prefix=prefix, suffix=suffix, start=1, end=2,
        comment=comment, tag_name=tag, tag_uuid="", author=author,
        created_at=datetime(2020, 1, 1), updated_at=datetime(2021, 2, 3, 4, 5, 6),
        orphaned=False,
    )  # fmt: skip
    out = io.StringIO()
    write_annotations([record], out, "x")
    assert read_annotations(out.getvalue()) == [record]


def test_the_cases_order_is_kept(small_catalogue: Catalogue, tmp_path: Path) -> None:
    _add_highlights(small_catalogue)
    with small_catalogue.sessions.begin() as s:
        beta = s.scalars(select(CaseStudy).where(CaseStudy.slug == "beta")).one()
        s.add(Highlight(case_id=beta.id, field="summary", start=0, end=1, quote="B"))
    quotes = [r.quote for r in _records(small_catalogue)]
    assert quotes[-1] == "B" or quotes[0] == "B"  # grouped by case, in title order
    assert len(quotes) == 4
