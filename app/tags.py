"""Tags: add and remove on many cases, rename, merge, delete, colour, counts.

A tag is one tag whatever its spelling (see app.tag_names). Hierarchy is
written in the name, "craft/embroidery"; renaming or deleting "craft" also
renames or deletes everything under it, the way moving a folder moves its
files. Every change is written through a Journal so it can be undone.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.id_sets import chunks
from app.messages import QT_TRANSLATE_NOOP
from app.tag_links import tagged_cases
from app.tag_names import TagNameError, normalise_tag_name
from models import CaseStudy, Highlight, Tag
from models.annotations import case_tag

__all__ = [
    "TagInfo",
    "TagNameError",
    "UnknownTagError",
    "case_count_under",
    "delete_tag",
    "ensure_tag",
    "list_tags",
    "rename_tag",
    "set_tag_colour",
    "tag_cases",
    "tags_of_cases",
    "untag_cases",
]


class UnknownTagError(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Tags", "There is no tag %1.").arg(repr(name)))


@dataclass(frozen=True)
class TagInfo:
    """A tag with the number of case studies that carry it."""

    id: int
    name: str
    key: str
    colour: str
    count: int

    @property
    def parts(self) -> list[str]:
        return self.name.split("/")


def _under(key: str) -> ColumnElement[bool]:
    """The tag with this key and every tag below it."""
    return or_(Tag.name_key == key, Tag.name_key.startswith(key + "/", autoescape=True))


def list_tags(session: Session, ids: Collection[int] | None = None) -> list[TagInfo]:
    """Every tag (or those with these `ids`) with its case count (on the case or on its
    highlights), in name order."""
    tagged = tagged_cases(ids)
    counts = (
        select(tagged.c.tag_id, func.count(func.distinct(tagged.c.case_id)).label("n"))
        .group_by(tagged.c.tag_id)
        .subquery()
    )
    stmt = (
        select(Tag.id, Tag.name, Tag.name_key, Tag.colour, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.tag_id == Tag.id)
        .order_by(Tag.name_key)
    )
    if ids is not None:
        stmt = stmt.where(Tag.id.in_(list(ids)))
    return [TagInfo(*row) for row in session.execute(stmt)]


def tags_of_cases(session: Session, case_ids: Iterable[int]) -> list[TagInfo]:
    """The tags that any of these cases carry, with how many of them carry each."""
    found: dict[int, TagInfo] = {}
    for chunk in chunks(list(case_ids)):
        rows = session.execute(
            select(Tag.id, Tag.name, Tag.name_key, Tag.colour, func.count())
            .join(case_tag, case_tag.c.tag_id == Tag.id)
            .where(case_tag.c.case_id.in_(chunk))
            .group_by(Tag.id)
        )
        for tag_id, name, key, colour, count in rows:
            before = found[tag_id].count if tag_id in found else 0
            found[tag_id] = TagInfo(tag_id, name, key, colour, before + count)
    return sorted(found.values(), key=lambda t: t.key)


def parent_keys(tags: Iterable[TagInfo]) -> set[str]:
    """The keys that have tags below them ("craft" for "craft/jade"), existing as tags or not."""
    parents: set[str] = set()
    for tag in tags:
        parts = tag.key.split("/")
        parents.update("/".join(parts[:depth]) for depth in range(1, len(parts)))
    return parents


def counts_under(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """For each key, the cases carrying it or a tag below it: what filtering by it shows."""
    return {key: case_count_under(session, key) for key in keys}


def case_count_under(session: Session, name: str) -> int:
    """How many cases carry this tag or a tag below it, on the case or on a highlight."""
    _, key = normalise_tag_name(name)
    tagged = tagged_cases()
    return (
        session.scalar(
            select(func.count(func.distinct(tagged.c.case_id)))
            .join(Tag, Tag.id == tagged.c.tag_id)
            .where(_under(key))
        )
        or 0
    )


def _find(session: Session, key: str) -> int | None:
    """The id of the tag with this key (read from the database, not a cached object)."""
    return session.scalar(select(Tag.id).where(Tag.name_key == key))


def ensure_tag(journal: Journal, name: str, *, uuid: str | None = None) -> int:
    """The id of the tag called `name`, creating it with this spelling if new.

    A new tag takes `uuid` when given (a colleague's tag keeps its identity).
    """
    display, key = normalise_tag_name(name)
    existing = _find(journal.session, key)
    if existing is not None:
        return existing
    values = {"name": display, "name_key": key, "colour": ""}
    if uuid:
        values["uuid"] = uuid
    row = journal.insert("tag", values)
    return int(row["id"])


def _existing_links(session: Session, case_ids: list[int], tag_id: int) -> set[int]:
    have: set[int] = set()
    for chunk in chunks(case_ids):
        have.update(
            session.scalars(
                select(case_tag.c.case_id).where(
                    case_tag.c.tag_id == tag_id, case_tag.c.case_id.in_(chunk)
                )
            )
        )
    return have


def tag_cases(journal: Journal, case_ids: Iterable[int], names: Iterable[str]) -> int:
    """Put each tag on each case (creating new tags); returns the links added.

    Every name is checked before anything is written, so one bad name
    refuses the whole request.
    """
    ids = sorted(set(case_ids))
    wanted = [normalise_tag_name(n) for n in names]
    added = 0
    for display, _key in wanted:
        tag_id = ensure_tag(journal, display)
        have = _existing_links(journal.session, ids, tag_id)
        links = [{"case_id": c, "tag_id": tag_id} for c in ids if c not in have]
        journal.insert_links("case_tag", links)
        added += len(links)
    return added


def untag_cases(journal: Journal, case_ids: Iterable[int], names: Iterable[str]) -> int:
    """Take each tag off each case; returns the links removed. Tags themselves stay."""
    ids = sorted(set(case_ids))
    keys = [normalise_tag_name(n)[1] for n in names]
    removed = 0
    for key in keys:
        tag_id = _find(journal.session, key)
        if tag_id is None:
            continue
        for chunk in chunks(ids):
            where = and_(case_tag.c.tag_id == tag_id, case_tag.c.case_id.in_(chunk))
            removed += len(journal.delete("case_tag", where))
    return removed


def _tags_under(session: Session, key: str) -> list[tuple[int, str]]:
    """(id, name) of the tag with this key and the tags below it."""
    rows = session.execute(select(Tag.id, Tag.name).where(_under(key)).order_by(Tag.name_key))
    return [(tag_id, name) for tag_id, name in rows]


def _merge(journal: Journal, source_id: int, target_id: int) -> None:
    """Move every case and highlight from one tag onto another, then drop the first."""
    session = journal.session
    moving = set(session.scalars(select(case_tag.c.case_id).where(case_tag.c.tag_id == source_id)))
    have = _existing_links(session, sorted(moving), target_id)
    journal.insert_links(
        "case_tag", [{"case_id": c, "tag_id": target_id} for c in sorted(moving - have)]
    )
    journal.delete("case_tag", case_tag.c.tag_id == source_id)
    journal.update("highlight", Highlight.tag_id == source_id, {"tag_id": target_id})
    journal.delete("tag", Tag.id == source_id)


def rename_tag(journal: Journal, old_name: str, new_name: str) -> int:
    """Rename a tag and the tags under it; onto an existing name, merge. Returns tags moved.

    Renaming "tea" to "brick tea" when "brick tea" exists puts every case of
    "tea" on "brick tea" (a case with both keeps one) and removes "tea".
    """
    _, old_key = normalise_tag_name(old_name)
    new_display, new_key = normalise_tag_name(new_name)
    session = journal.session
    tags = _tags_under(session, old_key)
    if not tags:
        raise UnknownTagError(old_name)
    if new_key.startswith(old_key + "/"):
        raise TagNameError(
            QT_TRANSLATE_NOOP("Tags", "A tag cannot be moved under itself (%1).").arg(
                repr(new_display)
            )
        )
    old_depth = old_key.count("/") + 1
    for tag_id, name in tags:
        rest = name.split("/")[old_depth:]
        display = "/".join([new_display, *rest])
        key = normalise_tag_name(display)[1]
        target = _find(session, key)
        if target is not None and target != tag_id:
            _merge(journal, tag_id, target)
        else:
            journal.update("tag", Tag.id == tag_id, {"name": display, "name_key": key})
    return len(tags)


def delete_tag(journal: Journal, name: str) -> int:
    """Delete a tag and the tags under it; returns the number of cases that carried them.

    Highlights that used the tag keep their text and comment, without the tag.
    """
    _, key = normalise_tag_name(name)
    session = journal.session
    tags = _tags_under(session, key)
    if not tags:
        raise UnknownTagError(name)
    count = case_count_under(session, name)
    for tag_id, _name in tags:
        journal.delete("case_tag", case_tag.c.tag_id == tag_id)
        journal.update("highlight", Highlight.tag_id == tag_id, {"tag_id": None})
        journal.delete("tag", Tag.id == tag_id)
    return count


def checked_colour(colour: str) -> str:
    """A tag colour as stored ("#rrggbb" in lower case, or "" for none); ValueError otherwise."""
    if colour and not (
        len(colour) == 7
        and colour.startswith("#")
        and all(c in "0123456789abcdefABCDEF" for c in colour[1:])
    ):
        raise ValueError(
            QT_TRANSLATE_NOOP("Tags", "%1 is not a colour like #a0c4ff.").arg(repr(colour))
        )
    return colour.lower()


def set_tag_colour(journal: Journal, name: str, colour: str) -> None:
    """Give a tag a colour ("#rrggbb", or "" for none), creating the tag if it is a bare parent."""
    colour = checked_colour(colour)
    tag_id = ensure_tag(journal, name)
    journal.update("tag", Tag.id == tag_id, {"colour": colour})


def case_ids_for_slugs(session: Session, slugs: Iterable[str]) -> dict[str, int]:
    """Slug → id for the slugs that exist."""
    found: dict[str, int] = {}
    for chunk in chunks(list(slugs)):
        rows = session.execute(
            select(CaseStudy.slug, CaseStudy.id).where(CaseStudy.slug.in_(chunk))
        )
        found.update((slug, case_id) for slug, case_id in rows)
    return found
