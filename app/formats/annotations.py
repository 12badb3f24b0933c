"""Highlights as W3C Web Annotations (JSON-LD), as Hypothesis and annotation tools exchange them.

The file is one AnnotationCollection whose single page holds every
annotation; each annotation carries its own "@context" so it can be taken
out alone. An annotation:
- `id` "urn:uuid:<highlight uuid>", `created`/`modified` in UTC, `creator`
  (a Person) when the highlight has an author;
- `target`: `source` "urn:uuid:<case uuid>", the case's text field in
  "casebook:field" ("summary" or "narrative"; a full IRI key, kept by
  JSON-LD processors), and the selectors: a TextQuoteSelector (exact,
  prefix, suffix) and a TextPositionSelector (start, end) into that field;
- `body`: the comment as a TextualBody with purpose "commenting", the tag as
  one with purpose "tagging" (its `id` the tag's "urn:uuid:").
An orphaned highlight (its passage no longer found in the text) has no
TextPositionSelector, since its old offsets point at nothing, and says
`"casebook:orphaned": true`.

`read_annotations` reads such a file back into `HighlightRecord`s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import __version__
from app.id_sets import chunks, in_ids
from models import CaseStudy, Highlight, Tag

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FIELD = "casebook:field"
ORPHANED = "casebook:orphaned"
_URN = "urn:uuid:"


@dataclass(frozen=True)
class HighlightRecord:
    """One highlight as the file carries it (offsets None when orphaned)."""

    uuid: str
    case_uuid: str
    field: str
    quote: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    comment: str
    tag_name: str
    tag_uuid: str
    author: str
    created_at: datetime
    updated_at: datetime
    orphaned: bool


def _stamp(moment: datetime) -> str:
    """A stored (naive UTC) time as xsd:dateTime with its zone (fractions of a second kept)."""
    return moment.isoformat() + "Z"


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC).replace(tzinfo=None)


def annotation(record: HighlightRecord) -> dict[str, Any]:
    """The Web Annotation for one highlight."""
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": record.quote,
            "prefix": record.prefix,
            "suffix": record.suffix,
        }
    ]
    if not record.orphaned and record.start is not None and record.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": record.start, "end": record.end})
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": _URN + record.case_uuid,
        FIELD: record.field,
        "selector": selectors,
    }
    body: list[dict[str, Any]] = []
    if record.comment:
        body.append({"type": "TextualBody", "value": record.comment, "purpose": "commenting"})
    if record.tag_name:
        tag = {"type": "TextualBody", "value": record.tag_name, "purpose": "tagging"}
        if record.tag_uuid:
            tag = {"id": _URN + record.tag_uuid, **tag}
        body.append(tag)
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": _URN + record.uuid,
        "type": "Annotation",
        "motivation": "highlighting",
        "created": _stamp(record.created_at),
        "modified": _stamp(record.updated_at),
    }
    if record.author:
        item["creator"] = {"type": "Person", "name": record.author}
    if body:
        item["body"] = body
    item["target"] = target
    if record.orphaned:
        item[ORPHANED] = True
    return item


# The highlight's own columns a record takes, by their names there.
_FIELDS = (
    "case_id", "uuid", "field", "quote", "prefix", "suffix", "start", "end", "comment",
    "author", "created_at", "updated_at", "orphaned",
)  # fmt: skip
_COLUMNS = tuple(getattr(Highlight, name) for name in _FIELDS)


def highlight_records(session: Session, case_ids: Iterable[int]) -> Iterator[HighlightRecord]:
    """The highlights of these cases, in the cases' order, then by creation."""
    tag = aliased(Tag)
    ordered = list(case_ids)
    for piece in chunks(ordered):
        by_case: dict[int, list[HighlightRecord]] = {}
        rows = session.execute(
            select(*_COLUMNS, CaseStudy.uuid.label("case_uuid"), tag.name, tag.uuid)
            .join(CaseStudy, CaseStudy.id == Highlight.case_id)
            .outerjoin(tag, tag.id == Highlight.tag_id)
            .where(in_ids(Highlight.case_id, piece))
            .order_by(Highlight.created_at, Highlight.id)
        )
        for row in rows:
            h, (case_uuid, tag_name, tag_uuid) = row[: len(_COLUMNS)], row[len(_COLUMNS) :]
            values = dict(zip(_FIELDS, h, strict=True))
            case_id = values.pop("case_id")
            by_case.setdefault(case_id, []).append(
                HighlightRecord(
                    **values,
                    case_uuid=case_uuid,
                    tag_name=tag_name or "",
                    tag_uuid=tag_uuid or "",
                )
            )
        for case_id in piece:
            yield from by_case.get(case_id, ())


def write_annotations(records: Iterable[HighlightRecord], out: IO[str], label: str) -> int:
    """Write the highlights as one AnnotationCollection to `out`; returns how many.

    Written as it goes (the count comes last, as "total"), so a large
    catalogue never sits whole in memory.
    """
    head = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": f"Casebook {__version__}"},
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2])
    out.write(
        ',\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": ['
    )
    count = 0
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(annotation(record), ensure_ascii=False))
        count += 1
    out.write("\n    ]\n  },\n" if count else "]\n  },\n")
    out.write(f'  "total": {count}\n}}\n')
    return count


def _urn(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.startswith(_URN):
        raise ValueError(f"{what} is not a urn:uuid: {value!r}")
    return value[len(_URN) :]


def read_annotation(item: dict[str, Any]) -> HighlightRecord:
    """A highlight from one Web Annotation this module wrote (raises ValueError if not one)."""
    target = item["target"]
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    for selector in target.get("selector", []):
        if selector.get("type") == "TextQuoteSelector":
            quote = selector
        elif selector.get("type") == "TextPositionSelector":
            position = selector
    comment = tag_name = tag_uuid = ""
    for body in item.get("body", []):
        if body.get("purpose") == "commenting":
            comment = body["value"]
        elif body.get("purpose") == "tagging":
            tag_name = body["value"]
            tag_uuid = _urn(body["id"], "the tag's id") if "id" in body else ""
    return HighlightRecord(
        uuid=_urn(item["id"], "the annotation's id"),
        case_uuid=_urn(target["source"], "the target"),
        field=target[FIELD],
        quote=quote.get("exact", ""),
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=position.get("start"),
        end=position.get("end"),
        comment=comment,
        tag_name=tag_name,
        tag_uuid=tag_uuid,
        author=item.get("creator", {}).get("name", ""),
        created_at=_moment(item["created"]),
        updated_at=_moment(item["modified"]),
        orphaned=bool(item.get(ORPHANED, False)),
    )


def read_annotations(text: str) -> list[HighlightRecord]:
    """The highlights in an AnnotationCollection (or a plain list of annotations)."""
    data = json.loads(text)
    items = data if isinstance(data, list) else data["first"]["items"]
    return [read_annotation(item) for item in items]
