"""What a row held when it was exported, so an import can tell who changed what.

Each exported row carries, in a hidden "Sync base" cell, a short digest of
every exchangeable field as exported. When the workbook comes back, a field
whose cell differs from that digest was changed in the workbook; one whose
catalogue value differs was changed here since. Both: a conflict for the
user. The catalogue also keeps the digests of what it last agreed on with a
colleague's workbook (models.SyncBase), for workbooks exported elsewhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.xlsx import layout
from app.xlsx.cells import without_illegal_characters
from models import Meta, SyncBase
from models.migrations.v007_identities import CATALOGUE_KEY

# The fields of each sheet that are compared three ways, as the planner names them.
FIELDS: dict[str, tuple[str, ...]] = {
    layout.CASES: (
        "title", "title_zh", "title_zh_note", "sector", "start_year", "end_year", "ongoing",
        "summary", "narrative", "forms",
    ),
    layout.METRICS: (
        "name", "value", "low", "high", "unit", "qualifier", "year", "start_year", "end_year",
        "note", "source_key",
    ),
    layout.NOTES: ("body",),
    layout.HIGHLIGHTS: ("comment", "tag"),
    layout.TAGS: ("colour",),
    layout.SOURCES: (
        "title", "author", "publisher", "date_text", "date_note", "kind", "outlook", "seed_file",
    ),
}  # fmt: skip


def normal_form(value: Any) -> str:
    """A value as a workbook can carry it, for comparing: blank is blank, 3.0 is 3.

    Text loses the characters a workbook cannot hold, and its line ends are
    LF (an XML reader turns CR LF into LF); a list is joined.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list | tuple):
        return ", ".join(normal_form(v) for v in value)
    text = without_illegal_characters(str(value))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def same(old: Any, new: Any) -> bool:
    """Whether a workbook's `new` leaves the catalogue's `old` as it is."""
    if old == new and type(old) is type(new):  # nearly every cell of a round trip
        return True
    return normal_form(old) == normal_form(new)


def digest(value: Any) -> str:
    """Eight hex digits standing for the value's normal form."""
    return hashlib.blake2b(
        normal_form(value).encode("utf-8", "surrogatepass"), digest_size=4
    ).hexdigest()


def digests_by_field(sheet: str, run: str) -> dict[str, str]:
    """The digests run together in FIELDS[sheet] order (an import's agreed row), by field."""
    return {name: run[i * 8 : i * 8 + 8] for i, name in enumerate(FIELDS[sheet])}


def digests(values: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, str]:
    return {name: digest(values.get(name)) for name in fields}


AGREED = "~"  # marks a digest of what the exporter last agreed on with a colleague


def base_cell(
    values: Mapping[str, Any], sheet: str, agreed: Mapping[str, str] | None = None
) -> str:
    """The hidden cell's text: "title:1a2b3c4d summary:… ~title:…".

    First the row as exported (only the exporting catalogue relies on those),
    then, marked ~, the digests the exporter last agreed on with a colleague
    (any catalogue may rely on those: both sides held that value once).
    """
    cell = " ".join(f"{name}:{d}" for name, d in digests(values, FIELDS[sheet]).items())
    if agreed:
        cell += "".join(f" {AGREED}{name}:{d}" for name, d in agreed.items())
    return cell


def parse_base_cell(text: Any, *, from_here: bool) -> dict[str, set[str]]:
    """The digests in a "Sync base" cell that this catalogue may rely on, by field.

    Anything unreadable counts as no base.
    """
    found: dict[str, set[str]] = {}
    if not isinstance(text, str):
        return found
    for part in text.split():
        agreed = part.startswith(AGREED)
        name, _, value = part.removeprefix(AGREED).partition(":")
        if not (agreed or from_here):
            continue
        if len(value) == 8 and all(c in "0123456789abcdef" for c in value):
            found.setdefault(name, set()).add(value)
    return found


class AgreedBases:
    """What this catalogue last agreed on, by row UUID, for the export's base cells."""

    PREFETCH = 50_000  # rows read at once; past that, one indexed lookup per row

    def __init__(self, session: Session) -> None:
        self.session = session
        count = session.scalar(select(func.count()).select_from(SyncBase)) or 0
        self.all: dict[str, str] | None = None
        if count <= self.PREFETCH:
            self.all = {u: d for u, d in session.execute(select(SyncBase.uuid, SyncBase.digests))}

    def get(self, uuid: str) -> dict[str, str]:
        if self.all is not None:
            text = self.all.get(uuid)
        else:
            text = self.session.scalar(select(SyncBase.digests).where(SyncBase.uuid == uuid))
        return json.loads(text) if text else {}


def this_catalogue(session: Session) -> str:
    """This catalogue's UUID (a copy of the file shares it: it shares the history too)."""
    return session.scalar(select(Meta.value).where(Meta.key == CATALOGUE_KEY)) or ""
