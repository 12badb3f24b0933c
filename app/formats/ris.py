"""Sources as RIS, the tagged format every reference manager imports (written by rispy).

RIS is one tag per line, so line breaks inside a value become spaces.
News articles are type NEWS with the publisher as the newspaper (T2);
other kinds carry the publisher as PB. A date that reads as one goes to
DA ("2023/08/14/") and PY; any other date text goes to a note, with the
source's date note. The source's UUID is in C1 (custom 1).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import rispy

from app.formats.citation_fields import (
    CitationKeys,
    csl_type,
    date_parts,
    one_line,
    split_names,
)
from models import Source

_RIS_TYPES = {
    "article-newspaper": "NEWS",
    "article-journal": "JOUR",
    "report": "RPRT",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "post-weblog": "BLOG",
    "webpage": "ELEC",
    "legislation": "STAT",
    "interview": "GEN",
    "speech": "GEN",
}


def ris_record(source: Source, keys: CitationKeys) -> dict[str, Any]:
    """The rispy record for one source (empty fields left out)."""
    item_type = csl_type(source.kind)
    record: dict[str, Any] = {
        "type_of_reference": _RIS_TYPES.get(item_type, "GEN"),
        "id": keys.key(source.key, source.uuid),
        "title": one_line(source.title),
    }
    authors = [n.literal or f"{n.family}, {n.given}" for n in split_names(source.author)]
    if authors:
        record["authors"] = [one_line(a) for a in authors]
    publisher = one_line(source.publisher)
    if publisher:
        record["secondary_title" if item_type == "article-newspaper" else "publisher"] = publisher
    notes: list[str] = []
    date_text = one_line(source.date_text)
    parts = date_parts(date_text) if date_text else None
    if parts is not None:
        record["year"] = f"{parts[0]:04d}"
        record["date"] = "/".join(f"{p:02d}" for p in parts) + "/" * (4 - len(parts))
    elif date_text:
        notes.append(f"Date: {date_text}")
    if source.date_note.strip():
        notes.append(one_line(source.date_note))
    if notes:
        record["notes"] = notes
    if source.kind.strip():
        record["type_of_work"] = one_line(source.kind)
    record["custom1"] = source.uuid
    return record


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without its "1." counter line before each record (not RIS)."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(sources: Iterable[Source], out: IO[str]) -> int:
    """Write the sources as RIS records to `out`; returns how many."""
    keys = CitationKeys()
    records = [ris_record(source, keys) for source in sources]
    rispy.dump(records, out, implementation=_RisWriter)
    return len(records)
