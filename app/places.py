"""Places: the two sides of a pairing, and the list of places, which users can add to.

A new place (a donor such as Shanghai) is a row of `place` written through
the Journal; the facets, the roll-up and exports pick it up as they do the
built-in places.

Which areas a case's places roll up to (a donor's province, a recipient's
prefecture) is worked out once per write by app/search/documents.py and kept
in the case_area table, so filters and facet counts never walk the place tree
per query.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.messages import QT_TRANSLATE_NOOP, join
from models import Place

# The levels a place can have, re-exported for the views (which never import models).
from models.catalogue import PLACE_LEVELS as PLACE_LEVELS

NAME_LENGTH = 200  # the place table's name columns

DONOR = "donor"
RECIPIENT = "recipient"


# --- the list of places: adding and editing ------------------------------------------


@dataclass
class PlaceDraft:
    """A place as the place dialog holds it."""

    name: str = ""
    name_zh: str = ""
    name_ug: str = ""
    level: str = "province"
    parent_id: int | None = None


@dataclass(frozen=True)
class PlaceInfo:
    """A place of the tree the case editor picks from."""

    id: int
    name: str
    name_zh: str
    name_ug: str
    level: str
    parent_id: int | None

    @property
    def label(self) -> str:
        """ "Shanghai (municipality, 上海)"."""
        return f"{self.name} ({self.level}{', ' + self.name_zh if self.name_zh else ''})"


class PlaceDraftError(ValueError):
    """A place that cannot be saved; `problems` maps a field to a message for the user."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(join(" ", problems.values()))
        self.problems = problems


class UnknownPlaceError(LookupError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Places", "That place no longer exists."))


def list_places(session: Session) -> list[PlaceInfo]:
    """Every place, by name (the picker builds the tree from `parent_id`)."""
    rows = session.execute(
        select(Place.id, Place.name, Place.name_zh, Place.name_ug, Place.level, Place.parent_id)
    )
    return sorted((PlaceInfo(*row) for row in rows), key=lambda p: (p.name.casefold(), p.id))


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def check_place(
    session: Session, draft: PlaceDraft, place_id: int | None
) -> tuple[dict[str, str], dict[str, object]]:
    """(problems by field, the values to store) for a new place or an edit of `place_id`."""
    problems: dict[str, str] = {}
    values: dict[str, object] = {
        "name": _clean(draft.name),
        "name_zh": _clean(draft.name_zh),
        "name_ug": _clean(draft.name_ug),
        "level": draft.level,
        "parent_id": draft.parent_id,
    }
    if not values["name"]:
        problems["name"] = QT_TRANSLATE_NOOP("Places", "A place needs a name.")
    for name, words in (
        ("name", QT_TRANSLATE_NOOP("Places", "name")),
        ("name_zh", QT_TRANSLATE_NOOP("Places", "Chinese name")),
        ("name_ug", QT_TRANSLATE_NOOP("Places", "Uyghur name")),
    ):
        text = str(values[name])
        if len(text) > NAME_LENGTH:
            problems[name] = QT_TRANSLATE_NOOP(
                "Places", "The %1 can be at most %2 characters."
            ).arg(words, NAME_LENGTH)
        elif any(unicodedata.category(c) == "Cc" for c in text):
            problems[name] = QT_TRANSLATE_NOOP(
                "Places", "The %1 cannot hold control characters."
            ).arg(words)
    if draft.level not in PLACE_LEVELS:
        problems["level"] = QT_TRANSLATE_NOOP("Places", "Choose one of: %1.").arg(
            ", ".join(PLACE_LEVELS)
        )
    places = {p.id: p for p in list_places(session)}
    if draft.parent_id is not None:
        if draft.parent_id not in places:
            problems["parent_id"] = QT_TRANSLATE_NOOP(
                "Places", "The place it lies in no longer exists."
            )
        elif place_id is not None and place_id in _lineage(places, draft.parent_id):
            problems["parent_id"] = QT_TRANSLATE_NOOP(
                "Places", "A place cannot lie inside itself or a place inside it."
            )
    # Imports and the facets find a place by its English or Chinese name: one place each.
    for field_name in ("name", "name_zh"):
        key = str(values[field_name]).casefold()
        if not key or field_name in problems:
            continue
        other = next(
            (p for p in places.values()
             if p.id != place_id and key in (p.name.casefold(), p.name_zh.casefold())),
            None,
        )  # fmt: skip
        if other is not None:
            problems[field_name] = QT_TRANSLATE_NOOP(
                "Places", "Another place is already called “%1”: %2."
            ).arg(values[field_name], other.label)
    return problems, values


def _lineage(places: dict[int, PlaceInfo], place_id: int) -> list[int]:
    chain: list[int] = []
    node: int | None = place_id
    while node is not None and node in places and node not in chain:
        chain.append(node)
        node = places[node].parent_id
    return chain


def save_place(journal: Journal, place_id: int | None, draft: PlaceDraft) -> int:
    """Add a place (place_id None) or change one; returns its id.

    Raises PlaceDraftError, writing nothing, when a field has a problem. The
    cases in a moved or renamed place are re-indexed and rolled up again by
    the search pass (the schema's triggers mark them).
    """
    session = journal.session
    if place_id is not None and session.get(Place, place_id) is None:
        raise UnknownPlaceError
    problems, values = check_place(session, draft, place_id)
    if problems:
        raise PlaceDraftError(problems)
    if place_id is None:
        return int(journal.insert("place", values)["id"])
    journal.update("place", Place.id == place_id, values)
    return place_id
