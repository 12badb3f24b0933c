"""Saved searches: a query with its facets and tag selection, kept under a name.

They live in the catalogue (table `saved_search`), so they travel with
backups and exports. The query is the search box's text, stored and given
back as typed (never parsed here); the facet values and tags chosen are kept
as JSON in `selection`:

    {"sectors": [...], "donor_places": [ids], "recipient_places": [ids],
     "forms": [...], "tags": [tag keys], "tag_mode": "all" | "any"}

Reading it never fails: a missing key, a value of the wrong kind or text
that is not JSON at all reads as "nothing chosen" there.

A name is one name whatever its case: "Tea", " tea " and "TEA" are the same
saved search. Every change is written through a Journal, so it can be undone.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter, TagMode
from app.changes import Journal
from app.messages import QT_TRANSLATE_NOOP, Message, join
from app.query import QueryError, count_cases
from models import Place, Tag
from models.search import SavedSearch

__all__ = [
    "MAX_LENGTH",
    "SavedSearchInfo",
    "SavedSearchNameError",
    "UnknownSavedSearchError",
    "delete_saved",
    "describe_selection",
    "filter_of",
    "find_saved",
    "list_saved",
    "normalise_search_name",
    "parse_selection",
    "rename_saved",
    "save_search",
    "saved_counts",
    "selection_json",
]

MAX_LENGTH = 200


class SavedSearchNameError(ValueError):
    """A name that cannot be used for a saved search; the message is for the user."""


class UnknownSavedSearchError(LookupError):
    def __init__(self, search_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "SavedSearches",
                "That saved search (number %1) no longer exists; "
                "it may have been deleted elsewhere.",
            ).arg(search_id)
        )


@dataclass(frozen=True)
class SavedSearchInfo:
    """A saved search as stored: `selection` holds its facets and tags (its text is empty)."""

    id: int
    name: str
    query: str
    selection: CaseFilter


def normalise_search_name(name: str) -> tuple[str, str]:
    """(display name, key) for `name`; raises SavedSearchNameError for one that cannot be used.

    The display is the name trimmed and NFC-normalised; the key is its
    case-folded form, which is what makes two spellings one name.
    """
    display = unicodedata.normalize("NFC", name).strip()
    if not display:
        raise SavedSearchNameError(
            QT_TRANSLATE_NOOP("SavedSearches", "A saved search needs a name.")
        )
    if any(unicodedata.category(c) == "Cc" for c in display):
        raise SavedSearchNameError(
            QT_TRANSLATE_NOOP(
                "SavedSearches",
                "A saved search's name cannot hold control characters such as tabs or line breaks.",
            )
        )
    if len(display) > MAX_LENGTH:
        raise SavedSearchNameError(
            QT_TRANSLATE_NOOP(
                "SavedSearches",
                "A saved search's name can be at most %1 characters; this one has %2.",
            ).arg(MAX_LENGTH, len(display))
        )
    return display, unicodedata.normalize("NFC", display.casefold())


# --- the selection as JSON ------------------------------------------------------------


def selection_json(flt: CaseFilter) -> str:
    """The facets and tags of `flt` as the JSON kept in `selection` (sorted, so stable)."""
    return json.dumps(
        {
            "sectors": sorted(flt.sectors),
            "donor_places": sorted(flt.donor_places),
            "recipient_places": sorted(flt.recipient_places),
            "forms": sorted(flt.forms),
            "tags": sorted(flt.tags),
            "tag_mode": flt.tag_mode,
        },
        ensure_ascii=False,
    )


def _texts(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    return frozenset(v for v in value if isinstance(v, str) and v)


def _ids(value: Any) -> frozenset[int]:
    if not isinstance(value, list):
        return frozenset()
    # bool is an int to Python, but true is no place id.
    return frozenset(v for v in value if isinstance(v, int) and not isinstance(v, bool))


def parse_selection(text: str | None) -> CaseFilter:
    """The facets and tags kept in `text` (a filter with no text); never raises.

    What cannot be read (not JSON, not an object, a value of the wrong kind)
    reads as nothing chosen, so a damaged row still opens as a search.
    """
    try:
        data = json.loads(text or "{}")
    except (ValueError, RecursionError):
        return CaseFilter()
    if not isinstance(data, dict):
        return CaseFilter()
    mode: TagMode = "any" if data.get("tag_mode") == "any" else "all"
    return CaseFilter(
        sectors=_texts(data.get("sectors")),
        donor_places=_ids(data.get("donor_places")),
        recipient_places=_ids(data.get("recipient_places")),
        forms=_texts(data.get("forms")),
        tags=_texts(data.get("tags")),
        tag_mode=mode,
    )


def filter_of(info: SavedSearchInfo) -> CaseFilter:
    """The filter a saved search stands for: its query as the text, plus its selection."""
    return replace(info.selection, text=info.query, case_ids=None)


# --- reading --------------------------------------------------------------------------


def _info(row: SavedSearch) -> SavedSearchInfo:
    return SavedSearchInfo(row.id, row.name, row.query or "", parse_selection(row.selection))


def list_saved(session: Session) -> list[SavedSearchInfo]:
    """Every saved search, by name ignoring case (the same order in every locale)."""
    rows = session.scalars(select(SavedSearch).order_by(SavedSearch.name_key, SavedSearch.id))
    return [_info(row) for row in rows]


def find_saved(session: Session, name: str) -> SavedSearchInfo | None:
    """The saved search called `name` (ignoring case and surrounding spaces), or None.

    A name that could never be saved (empty, too long…) finds nothing.
    """
    try:
        _, key = normalise_search_name(name)
    except SavedSearchNameError:
        return None
    row = session.scalars(select(SavedSearch).where(SavedSearch.name_key == key)).first()
    return None if row is None else _info(row)


def saved_counts(session: Session) -> dict[int, int]:
    """For each saved search's id, how many cases it finds now.

    A search whose query the query language refuses (QueryError: saved
    before a change to the language, or edited elsewhere) is left out, so one
    bad query never hides the others' counts.
    """
    counts: dict[int, int] = {}
    for info in list_saved(session):
        try:
            counts[info.id] = count_cases(session, filter_of(info))
        except QueryError:
            continue
    return counts


def describe_selection(session: Session, flt: CaseFilter) -> str:
    """The facets and tags of `flt` in words, with place and tag names ("" when none).

    For example: "sector: Education; donor: Beijing; tags (all of): craft, tea".
    A place or tag no longer in the catalogue is named by what was kept.
    """
    parts: list[Message] = []
    if flt.sectors:
        sectors = ", ".join(sorted(flt.sectors, key=str.casefold))
        parts.append(QT_TRANSLATE_NOOP("SavedSearches", "sector: %1").arg(sectors))
    wanted = set(flt.donor_places | flt.recipient_places)
    names = dict(session.execute(select(Place.id, Place.name).where(Place.id.in_(wanted))).all())
    for label, ids in (
        (QT_TRANSLATE_NOOP("SavedSearches", "donor: %1"), flt.donor_places),
        (QT_TRANSLATE_NOOP("SavedSearches", "recipient: %1"), flt.recipient_places),
    ):
        if ids:
            gone = QT_TRANSLATE_NOOP("SavedSearches", "place #%1 (no longer in the catalogue)")
            shown: list[str] = [names.get(i) or gone.arg(i) for i in ids]
            ordered = sorted(shown, key=str.casefold)
            parts.append(label.arg(join(", ", ordered)))
    if flt.forms:
        forms = ", ".join(sorted(flt.forms, key=str.casefold))
        parts.append(QT_TRANSLATE_NOOP("SavedSearches", "form: %1").arg(forms))
    if flt.tags:
        tag_names = dict(
            session.execute(select(Tag.name_key, Tag.name).where(Tag.name_key.in_(flt.tags))).all()
        )
        shown = sorted((tag_names.get(k, k) for k in flt.tags), key=str.casefold)
        if flt.tag_mode == "all":
            tags = QT_TRANSLATE_NOOP("SavedSearches", "tags (all of): %1")
        else:
            tags = QT_TRANSLATE_NOOP("SavedSearches", "tags (any of): %1")
        parts.append(tags.arg(", ".join(shown)))
    return join("; ", parts)


# --- writing --------------------------------------------------------------------------


def _id_by_key(session: Session, key: str) -> int | None:
    return session.scalar(select(SavedSearch.id).where(SavedSearch.name_key == key))


def _row(session: Session, search_id: int) -> tuple[str, str, str] | None:
    """(name, query, selection) of a saved search, read from the database."""
    found = session.execute(
        select(SavedSearch.name, SavedSearch.query, SavedSearch.selection).where(
            SavedSearch.id == search_id
        )
    ).first()
    return None if found is None else (found[0], found[1], found[2])


def save_search(journal: Journal, name: str, flt: CaseFilter) -> int:
    """Save `flt` (its text as the query, its facets and tags) as `name`; returns its id.

    Saving under a name that exists (ignoring case) REPLACES that search's
    query and selection, keeping its id and the spelling of its name; saving
    what it already holds writes nothing. The filter's case_ids are not kept.
    Raises SavedSearchNameError for a name that cannot be used.
    """
    display, key = normalise_search_name(name)
    query, selection = flt.text, selection_json(flt)
    session = journal.session
    existing = _id_by_key(session, key)
    if existing is None:
        row = journal.insert(
            "saved_search",
            {"name": display, "name_key": key, "query": query, "selection": selection},
        )
        return int(row["id"])
    stored = _row(session, existing)
    if stored is not None and (stored[1], parse_selection(stored[2])) != (
        query,
        parse_selection(selection),
    ):
        journal.update(
            "saved_search",
            SavedSearch.id == existing,
            {"query": query, "selection": selection},
        )
    return existing


def rename_saved(journal: Journal, search_id: int, name: str) -> None:
    """Give a saved search a new name (a new spelling of its own name is fine).

    Raises SavedSearchNameError for a name that cannot be used or belongs to
    another saved search, UnknownSavedSearchError if the search is gone.
    """
    display, key = normalise_search_name(name)
    session = journal.session
    stored = _row(session, search_id)
    if stored is None:
        raise UnknownSavedSearchError(search_id)
    other = _id_by_key(session, key)
    if other is not None and other != search_id:
        raise SavedSearchNameError(
            QT_TRANSLATE_NOOP("SavedSearches", "There is already a saved search called %1.").arg(
                repr(display)
            )
        )
    if stored[0] != display:
        journal.update(
            "saved_search", SavedSearch.id == search_id, {"name": display, "name_key": key}
        )


def delete_saved(journal: Journal, search_id: int) -> None:
    """Delete a saved search (the cases it finds are untouched).

    Raises UnknownSavedSearchError if it is already gone.
    """
    if not journal.delete("saved_search", SavedSearch.id == search_id):
        raise UnknownSavedSearchError(search_id)
