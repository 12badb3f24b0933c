"""Notes: Markdown text on a case, any number of them, with their times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.messages import QT_TRANSLATE_NOOP
from models import CaseStudy, Note
from models.base import utcnow
from models.identity import new_uuid


class NoteError(ValueError):
    """A note that cannot be saved; the message is for the user."""


@dataclass(frozen=True)
class NoteInfo:
    id: int
    case_id: int
    case_slug: str
    case_title: str
    body: str
    created_at: datetime
    updated_at: datetime
    author: str = ""
    # Seen only by its author (in a team catalogue the server enforces it).
    private: bool = False

    @property
    def first_line(self) -> str:
        for line in self.body.splitlines():
            if line.strip():
                return line.strip().lstrip("#").strip()
        return ""


def _infos(session: Session, *conditions: object, limit: int | None = None) -> list[NoteInfo]:
    stmt = select(
        Note.id,
        Note.case_id,
        CaseStudy.slug,
        CaseStudy.title,
        Note.body,
        Note.created_at,
        Note.updated_at,
        Note.author,
        Note.private,
    ).join(CaseStudy, CaseStudy.id == Note.case_id)
    for condition in conditions:
        stmt = stmt.where(condition)  # type: ignore[arg-type]
    stmt = stmt.order_by(Note.updated_at.desc(), Note.id.desc()).limit(limit)
    return [NoteInfo(*row) for row in session.execute(stmt)]


def notes_of_case(session: Session, case_id: int) -> list[NoteInfo]:
    """A case's notes, oldest first (the order they were written in)."""
    return sorted(_infos(session, Note.case_id == case_id), key=lambda n: (n.created_at, n.id))


def count_notes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Note)) or 0


def all_notes(session: Session, text: str = "", limit: int | None = None) -> list[NoteInfo]:
    """Every note, most recently written or edited first, optionally filtered.

    Each word of `text` must appear (any case) in the note or its case's title.
    `limit` keeps only the newest.
    """
    conditions = [
        or_(
            Note.body.icontains(word, autoescape=True),
            CaseStudy.title.icontains(word, autoescape=True),
        )
        for word in text.split()
    ]
    return (
        _infos(session, and_(*conditions), limit=limit)
        if conditions
        else _infos(session, limit=limit)
    )


def add_note(
    journal: Journal,
    case_id: int,
    body: str = "",
    *,
    author: str | None = None,
    uuid: str | None = None,
    created_at: datetime | None = None,
    private: bool = False,
) -> int:
    """A new note on a case; returns its id.

    Signed by the journal's author unless `author` is given (an imported
    note keeps its own, as it keeps its `uuid` and time of writing).
    `private`: seen by its author only (see set_note_private).
    """
    note = NewNote(case_id, body, author, uuid, created_at, private)
    return add_notes(journal, [note])[0]


@dataclass(frozen=True)
class NewNote:
    case_id: int
    body: str = ""
    author: str | None = None
    uuid: str | None = None
    created_at: datetime | None = None
    private: bool = False


def add_notes(journal: Journal, notes: list[NewNote]) -> list[int]:
    """Add many notes at once (an import's); raises NoteError, writing nothing,
    when one's case no longer exists."""
    wanted = sorted({n.case_id for n in notes})
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(journal.session.scalars(select(CaseStudy.id).where(CaseStudy.id.in_(chunk))))
    if len(found) < len(wanted):
        raise NoteError(QT_TRANSLATE_NOOP("Notes", "That case study no longer exists."))
    now = utcnow()
    rows = [
        {
            "case_id": n.case_id,
            "body": n.body,
            "author": journal.author if n.author is None else n.author,
            "uuid": n.uuid or new_uuid(),
            "created_at": n.created_at or now,
            "updated_at": now,
            "private": n.private,
        }
        for n in notes
    ]
    return [int(row["id"]) for row in journal.insert_many("note", rows)]


class NoteChangedElsewhereError(NoteError):
    """The note is not as the editor last saw it: another process changed or deleted it."""


def update_note(journal: Journal, note_id: int, body: str, expected: str | None = None) -> bool:
    """Save a note's text exactly as given; returns False if it was unchanged.

    With `expected` (the text the editor started from), refuses with
    NoteChangedElsewhereError, writing nothing, when the note now holds
    something else or is gone: the editor's copy is stale and must not be
    written over someone else's text.
    """
    if expected is not None:
        current = journal.session.scalar(select(Note.body).where(Note.id == note_id))
        if current is None:
            raise NoteChangedElsewhereError(
                QT_TRANSLATE_NOOP("Notes", "The note was deleted elsewhere while you wrote.")
            )
        if current not in (expected, body):
            raise NoteChangedElsewhereError(
                QT_TRANSLATE_NOOP("Notes", "The note was changed elsewhere while you wrote.")
            )
    return bool(journal.update("note", and_(Note.id == note_id, Note.body != body), {"body": body}))


def settle_note_conflict(journal: Journal, note_id: int, copy_id: int, keep_mine: bool) -> int:
    """After a conflict kept both versions (theirs in `note_id`, yours in `copy_id`):
    keep only one. Yours goes into the original note (its history and identity
    stay); the copy is deleted either way. Returns the note kept.
    """
    mine = journal.session.scalar(select(Note.body).where(Note.id == copy_id))
    theirs = journal.session.scalar(select(Note.body).where(Note.id == note_id))
    if mine is None or theirs is None:
        raise NoteError(QT_TRANSLATE_NOOP("Notes", "That note no longer exists."))
    if keep_mine:
        update_note(journal, note_id, mine, expected=theirs)
    delete_note(journal, copy_id)
    return note_id


def set_note_private(journal: Journal, note_id: int, private: bool) -> bool:
    """Make a note private to its author, or shared again; False if it already was.

    In a team catalogue the server keeps a private note, and its history,
    from everyone but the login that wrote it; making someone else's note
    private is refused there (it would hide it from its own author).
    """
    found = journal.session.scalar(select(Note.id).where(Note.id == note_id))
    if found is None:
        raise NoteError(QT_TRANSLATE_NOOP("Notes", "That note no longer exists."))
    where = and_(Note.id == note_id, Note.private.is_not(private))
    return bool(journal.update("note", where, {"private": private}))


def delete_note(journal: Journal, note_id: int) -> None:
    if not journal.delete("note", Note.id == note_id):
        raise NoteError(QT_TRANSLATE_NOOP("Notes", "That note no longer exists."))
