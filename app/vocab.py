"""Sectors and forms of assistance: managed lists, one value whatever the case or spacing.

A value exists while a case uses it (forms of assistance also have the six
built-in ones), the way calibre's and Zotero's tag lists work: the list is
what the catalogue holds, so it can never disagree with the cases. A value is
kept as first spelt ("Health care"); " health  CARE " is the same value and is
written with that spelling wherever it is typed or imported.

Renaming a value onto another existing value merges the two (as calibre and
Zotero do for tags); `merge_terms` says so explicitly. Every change is written
through a Journal, so it is one undo step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.messages import QT_TRANSLATE_NOOP, Message
from models import CaseStudy
from models.catalogue import ASSISTANCE_FORMS, CaseAssistance

Kind = Literal["sector", "form"]
SECTOR: Kind = "sector"
FORM: Kind = "form"
KINDS: tuple[Kind, ...] = (SECTOR, FORM)
# What each kind is called, for messages and the command line.
KIND_WORDS: dict[Kind, tuple[Message, Message]] = {
    SECTOR: (QT_TRANSLATE_NOOP("Vocab", "sector"), QT_TRANSLATE_NOOP("Vocab", "sectors")),
    FORM: (
        QT_TRANSLATE_NOOP("Vocab", "form of assistance"),
        QT_TRANSLATE_NOOP("Vocab", "forms of assistance"),
    ),
}
# The columns' widths (case_study.sector, case_assistance.form).
MAX_LENGTH: dict[Kind, int] = {SECTOR: 80, FORM: 40}


class TermError(ValueError):
    """A value that cannot be used or found; the message is for the user."""


@dataclass(frozen=True)
class TermInfo:
    """A value of a vocabulary with the number of cases that use it."""

    name: str
    key: str
    count: int


def term_key(name: str) -> str:
    """The value's identity: NFC, single spaces, case-folded (" Tea  Farming" -> "tea farming")."""
    spaced = " ".join(unicodedata.normalize("NFC", name).split())
    return unicodedata.normalize("NFC", spaced.casefold())


def normalise_term(kind: Kind, name: str) -> tuple[str, str]:
    """(display, key) for a typed value; raises TermError for an empty or unusable one."""
    display = " ".join(unicodedata.normalize("NFC", name).split())
    words = KIND_WORDS[kind][0]
    if not display:
        raise TermError(
            QT_TRANSLATE_NOOP("Vocab", "A %1 needs at least one letter or digit.").arg(words)
        )
    if len(display) > MAX_LENGTH[kind]:
        raise TermError(
            QT_TRANSLATE_NOOP("Vocab", "A %1 can be at most %2 characters; “%3…” has %4.").arg(
                words, MAX_LENGTH[kind], display[:40], len(display)
            )
        )
    if any(unicodedata.category(c) == "Cc" for c in display):
        raise TermError(
            QT_TRANSLATE_NOOP("Vocab", "A %1 cannot hold control characters.").arg(words)
        )
    return display, term_key(display)


def _used(session: Session, kind: Kind) -> list[tuple[str, int]]:
    """(spelling, cases) of each value the cases use, as stored."""
    if kind == SECTOR:
        rows = session.execute(
            select(CaseStudy.sector, func.count())
            .where(CaseStudy.sector != "")
            .group_by(CaseStudy.sector)
        )
    else:
        rows = session.execute(
            select(CaseAssistance.form, func.count()).group_by(CaseAssistance.form)
        )
    return [(str(name), int(n)) for name, n in rows]


def list_terms(session: Session, kind: Kind) -> list[TermInfo]:
    """Every value of the vocabulary with its case count, in alphabetical order.

    Spellings that differ only in case or spacing (from an older catalogue)
    are one value, shown with the spelling most cases use.
    """
    found: dict[str, list[tuple[int, str]]] = {}
    for name, count in _used(session, kind):
        found.setdefault(term_key(name), []).append((count, name))
    if kind == FORM:
        for name in ASSISTANCE_FORMS:
            found.setdefault(term_key(name), [(0, name)])
    # The spelling most cases use; on a tie the first in order (as migration 8 chose).
    terms = [
        TermInfo(min(spellings, key=lambda s: (-s[0], s[1]))[1], key, sum(n for n, _ in spellings))
        for key, spellings in found.items()
    ]
    return sorted(terms, key=lambda t: (t.key, t.name))


def spellings(session: Session, kind: Kind) -> dict[str, str]:
    """key -> the catalogue's spelling, for matching typed or imported values."""
    return {t.key: t.name for t in list_terms(session, kind)}


def canonical(session: Session, kind: Kind, name: str, known: dict[str, str] | None = None) -> str:
    """The catalogue's spelling of `name` if it has this value, else `name` normalised.

    `known`: the vocabulary's `spellings`, when the caller read them for many values at once.
    """
    display, key = normalise_term(kind, name)
    return (spellings(session, kind) if known is None else known).get(key, display)


Vocabularies = dict[Kind, dict[str, str]]


def all_spellings(session: Session) -> Vocabularies:
    """The spellings of every vocabulary, read once for checking many drafts."""
    return {kind: spellings(session, kind) for kind in KINDS}


def _cases_with(session: Session, kind: Kind, key: str) -> dict[str, list[int]]:
    """spelling -> ids of the cases that use it, for the spellings of one value."""
    found: dict[str, list[int]] = {}
    if kind == SECTOR:
        rows = session.execute(select(CaseStudy.sector, CaseStudy.id).where(CaseStudy.sector != ""))
    else:
        rows = session.execute(select(CaseAssistance.form, CaseAssistance.case_id))
    for name, case_id in rows:
        if term_key(name) == key:
            found.setdefault(str(name), []).append(int(case_id))
    return found


def rename_term(journal: Journal, kind: Kind, old: str, new: str) -> int:
    """Rename a value on every case that uses it; returns the cases changed.

    Onto another existing value, the two merge (a case with both keeps one).
    Only the spelling may change too ("education" -> "Education").
    Raises TermError, writing nothing, when `old` is unused or `new` unusable.
    """
    session = journal.session
    _, old_key = normalise_term(kind, old)
    display, new_key = normalise_term(kind, new)
    target = spellings(session, kind).get(new_key, display) if new_key != old_key else display
    using = _cases_with(session, kind, old_key)
    if not using:
        words = KIND_WORDS[kind][0]
        if kind == FORM and old_key in {term_key(f) for f in ASSISTANCE_FORMS}:
            raise TermError(
                QT_TRANSLATE_NOOP(
                    "Vocab", "No case study uses the %1 “%2”; there is nothing to rename."
                ).arg(words, old.strip())
            )
        raise TermError(QT_TRANSLATE_NOOP("Vocab", "There is no %1 “%2”.").arg(words, old.strip()))
    changed: set[int] = set()
    if kind == SECTOR:
        for spelling, ids in using.items():
            if spelling != target:
                journal.update("case_study", CaseStudy.sector == spelling, {"sector": target})
                changed.update(ids)
        return len(changed)
    # A form is part of its row's key: delete and insert, so undo restores exactly.
    have_target = set(
        session.scalars(select(CaseAssistance.case_id).where(CaseAssistance.form == target))
    )
    for spelling, ids in using.items():
        if spelling == target:
            continue
        journal.delete("case_assistance", CaseAssistance.form == spelling)
        rows = [{"case_id": i, "form": target} for i in sorted(set(ids) - have_target)]
        journal.insert_links("case_assistance", rows)
        have_target.update(ids)
        changed.update(ids)
    return len(changed)


def merge_terms(journal: Journal, kind: Kind, sources: list[str], target: str) -> int:
    """Put every case of each source value on `target` (which must exist); returns cases changed."""
    session = journal.session
    _, target_key = normalise_term(kind, target)
    known = spellings(session, kind)
    if target_key not in known:
        raise TermError(
            QT_TRANSLATE_NOOP("Vocab", "There is no %1 “%2” to merge into.").arg(
                KIND_WORDS[kind][0], target.strip()
            )
        )
    changed = 0
    for source in sources:
        if normalise_term(kind, source)[1] != target_key:
            changed += rename_term(journal, kind, source, known[target_key])
    return changed
