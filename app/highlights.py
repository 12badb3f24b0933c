"""Highlighted passages in a case's summary or narrative, with a tag and a comment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.anchoring import Anchor, anchor_at, reanchor
from app.changes import Journal
from app.messages import QT_TRANSLATE_NOOP
from app.tags import ensure_tag
from models import CaseStudy, Highlight, Tag
from models.identity import new_uuid

Field = Literal["summary", "narrative"]
FIELDS: tuple[Field, ...] = ("summary", "narrative")
DEFAULT_COLOUR = "#ffe066"


_ONLY_SUMMARY_OR_NARRATIVE = QT_TRANSLATE_NOOP(
    "Highlights", "Only the summary and the narrative can be highlighted, not %1."
)


class HighlightError(ValueError):
    """A highlight that cannot be made; the message is for the user."""


@dataclass(frozen=True)
class HighlightInfo:
    id: int
    case_id: int
    field: str
    start: int
    end: int
    quote: str
    comment: str
    tag: str
    colour: str
    orphaned: bool
    created_at: datetime
    author: str = ""


def highlights_of_case(session: Session, case_id: int) -> list[HighlightInfo]:
    """A case's highlights in reading order (orphaned ones last)."""
    rows = session.execute(
        select(
            Highlight.id,
            Highlight.case_id,
            Highlight.field,
            Highlight.start,
            Highlight.end,
            Highlight.quote,
            Highlight.comment,
            Tag.name,
            Tag.colour,
            Highlight.orphaned,
            Highlight.created_at,
            Highlight.author,
        )
        .outerjoin(Tag, Tag.id == Highlight.tag_id)
        .where(Highlight.case_id == case_id)
    )
    infos = [
        HighlightInfo(*row[:7], row[7] or "", row[8] or DEFAULT_COLOUR, *row[9:]) for row in rows
    ]
    return sorted(infos, key=lambda h: (h.orphaned, FIELDS.index(h.field), h.start))


def _texts(session: Session, case_id: int) -> dict[str, str] | None:
    """The case's highlightable texts, read from the database (not a cached object)."""
    row = session.execute(
        select(CaseStudy.summary, CaseStudy.narrative).where(CaseStudy.id == case_id)
    ).first()
    return None if row is None else dict(zip(FIELDS, row, strict=True))


def _text_of(session: Session, case_id: int, field: str) -> str:
    texts = _texts(session, case_id)
    if texts is None:
        raise HighlightError(QT_TRANSLATE_NOOP("Highlights", "That case study no longer exists."))
    if field not in FIELDS:
        raise HighlightError(_ONLY_SUMMARY_OR_NARRATIVE.arg(field))
    return texts[field]


def add_highlight(
    journal: Journal,
    case_id: int,
    field: str,
    start: int,
    end: int,
    *,
    tag: str = "",
    comment: str = "",
) -> int:
    """Highlight text[start:end] (code-point offsets) of a case's field; returns its id."""
    text = _text_of(journal.session, case_id, field)
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        raise HighlightError(
            QT_TRANSLATE_NOOP("Highlights", "Select some text in the summary or narrative first.")
        )
    anchor = anchor_at(text, start, end)
    tag_id = ensure_tag(journal, tag) if tag.strip() else None
    row = journal.insert(
        "highlight",
        {
            "case_id": case_id,
            "field": field,
            "start": anchor.start,
            "end": anchor.end,
            "quote": anchor.quote,
            "prefix": anchor.prefix,
            "suffix": anchor.suffix,
            "comment": comment,
            "tag_id": tag_id,
            "orphaned": False,
            "author": journal.author,
        },
    )
    return int(row["id"])


@dataclass(frozen=True)
class QuotedHighlight:
    """A highlight given by its words (a colleague's), to be found in a case's text."""

    case_id: int
    field: str
    quote: str
    prefix: str = ""
    suffix: str = ""
    tag: str = ""
    comment: str = ""
    author: str | None = None
    uuid: str | None = None


def add_quoted_highlights(journal: Journal, items: list[QuotedHighlight]) -> list[int]:
    """Add highlights given by their words; returns their ids.

    Each is found in its case's text as a re-anchored highlight is; where the
    words are not there (the colleague's text differs) it is kept, orphaned,
    with its quote and comment, as an edited text's highlight would be.
    Raises HighlightError, writing nothing, for a case that no longer exists.
    """
    texts: dict[int, dict[str, str]] = {}
    wanted = sorted({h.case_id for h in items})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for case_id, summary, narrative in journal.session.execute(
            select(CaseStudy.id, CaseStudy.summary, CaseStudy.narrative).where(
                CaseStudy.id.in_(chunk)
            )
        ):
            texts[case_id] = {"summary": summary, "narrative": narrative}
    tags: dict[str, int] = {}
    rows = []
    for h in items:
        if h.case_id not in texts:
            raise HighlightError(
                QT_TRANSLATE_NOOP("Highlights", "That case study no longer exists.")
            )
        if h.field not in FIELDS:
            raise HighlightError(_ONLY_SUMMARY_OR_NARRATIVE.arg(h.field))
        if not h.quote.strip():
            raise HighlightError(
                QT_TRANSLATE_NOOP("Highlights", "A highlight needs the words it marks.")
            )
        found = reanchor(
            texts[h.case_id][h.field], Anchor(0, len(h.quote), h.quote, h.prefix, h.suffix)
        )
        anchor = found or Anchor(0, 0, h.quote, h.prefix, h.suffix)
        if h.tag.strip() and h.tag not in tags:
            tags[h.tag] = ensure_tag(journal, h.tag)
        rows.append({
            "case_id": h.case_id, "field": h.field, "start": anchor.start, "end": anchor.end,
            "quote": anchor.quote, "prefix": anchor.prefix, "suffix": anchor.suffix,
            "comment": h.comment, "tag_id": tags.get(h.tag) if h.tag.strip() else None,
            "orphaned": found is None, "author": journal.author if h.author is None else h.author,
            "uuid": h.uuid or new_uuid(),
        })  # fmt: skip
    return [int(row["id"]) for row in journal.insert_many("highlight", rows)]


class HighlightChangedElsewhereError(HighlightError):
    """The highlight's tag or comment is not what the editor started from: someone else
    saved it meanwhile. `theirs` is (tag, comment) as stored now; nothing was written."""

    def __init__(self, theirs: tuple[str, str]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Highlights", "This highlight was changed elsewhere while you edited it."
            )
        )
        self.theirs = theirs


def update_highlight(
    journal: Journal,
    highlight_id: int,
    *,
    tag: str,
    comment: str,
    expected: tuple[str, str] | None = None,
) -> None:
    """Set a highlight's tag and comment.

    With `expected` (the tag and comment the editor started from), refuses
    with HighlightChangedElsewhereError, writing nothing, when someone else
    has changed them since to something other than what is being saved.
    (Compared by value: a highlight moved because its text was edited is
    still the same tag and comment.)
    """
    found = journal.session.execute(
        select(Tag.name, Highlight.comment)
        .select_from(Highlight)
        .outerjoin(Tag, Tag.id == Highlight.tag_id)
        .where(Highlight.id == highlight_id)
    ).first()
    if found is None:
        raise HighlightError(QT_TRANSLATE_NOOP("Highlights", "That highlight no longer exists."))
    now = (found[0] or "", found[1] or "")
    if expected is not None and now not in (expected, (tag, comment)):
        raise HighlightChangedElsewhereError(now)
    tag_id = ensure_tag(journal, tag) if tag.strip() else None
    journal.update(
        "highlight", Highlight.id == highlight_id, {"tag_id": tag_id, "comment": comment}
    )


def delete_highlight(journal: Journal, highlight_id: int) -> None:
    if not journal.delete("highlight", Highlight.id == highlight_id):
        raise HighlightError(QT_TRANSLATE_NOOP("Highlights", "That highlight no longer exists."))


def reanchor_case(journal: Journal, case_id: int) -> int:
    """Find each highlight of a case again in its current text; returns how many are orphaned.

    Called after the summary or narrative changed. A highlight whose passage
    is gone keeps its quote and comment and is marked orphaned, never dropped;
    one that can be found again later is un-orphaned.
    """
    session = journal.session
    texts = _texts(session, case_id)
    if texts is None:
        return 0
    orphaned = 0
    rows = session.execute(
        select(
            Highlight.id,
            Highlight.field,
            Highlight.start,
            Highlight.end,
            Highlight.quote,
            Highlight.prefix,
            Highlight.suffix,
        ).where(Highlight.case_id == case_id)
    )
    for hid, field, start, end, quote, prefix, suffix in list(rows):
        found = reanchor(texts[field], Anchor(start, end, quote, prefix, suffix))
        values: dict[str, object]
        if found is None:
            orphaned += 1
            values = {"orphaned": True}
        else:
            values = {
                "start": found.start,
                "end": found.end,
                "quote": found.quote,
                "prefix": found.prefix,
                "suffix": found.suffix,
                "orphaned": False,
            }
        journal.update("highlight", Highlight.id == hid, values)
    return orphaned
