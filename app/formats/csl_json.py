"""Sources as CSL-JSON: the bibliography format of Zotero, Zettlr, Pandoc and citeproc.

One item per source: `id` is the source's key (its UUID when it has none),
`type` follows its kind (news articles are "article-newspaper"), the
publisher is the `container-title` (the newspaper or agency that carries
it), and `issued` has date-parts when the date reads as one, else the date
as the text gives it (`literal`). The source's UUID travels in `custom`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from app.formats.citation_fields import CitationKeys, Name, csl_type, date_parts, split_names
from models import Source


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    return {"family": name.family, "given": name.given}


def csl_date(date_text: str) -> dict[str, Any] | None:
    """A CSL date object for a source's date text, or None when it has none."""
    text = date_text.strip()
    if not text:
        return None
    parts = date_parts(text)
    if parts is None:
        return {"literal": text}
    return {"date-parts": [list(parts)]}


def csl_item(source: Source, keys: CitationKeys) -> dict[str, Any]:
    """The CSL-JSON item for one source (empty fields left out)."""
    item: dict[str, Any] = {
        "id": keys.key(source.key, source.uuid),
        "type": csl_type(source.kind),
        "title": source.title,
    }
    authors = [_name(n) for n in split_names(source.author)]
    if authors:
        item["author"] = authors
    if source.publisher.strip():
        item["container-title"] = source.publisher
    issued = csl_date(source.date_text)
    if issued is not None:
        item["issued"] = issued
    if source.kind.strip():
        item["genre"] = source.kind
    if source.date_note.strip():
        item["note"] = source.date_note
    item["custom"] = {"uuid": source.uuid}
    return item


def write_csl_json(sources: Iterable[Source], out: IO[str]) -> int:
    """Write the sources as one CSL-JSON array to `out`; returns how many."""
    count = 0
    keys = CitationKeys()
    out.write("[")
    for source in sources:
        out.write(",\n" if count else "\n")
        json.dump(csl_item(source, keys), out, ensure_ascii=False, indent=2)
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
