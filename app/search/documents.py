"""Each case's searchable text, by part, and the areas its places roll up to.

A case's document has the columns of `search_fts`: title (English and
Chinese titles, slug), summary, facts (sector, forms of assistance, places
with every area containing them in English, Chinese, Uyghur and pinyin,
people and organisations with their roles, figures, sources, perspectives,
tags), narrative, notes, marks (highlighted passages, their comments and
tags). Parts are read for many cases at once, a few queries per part, each in a
fixed order, so a case's document is the same text whatever the back end
(PostgreSQL returns unordered rows in the order it last wrote them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.places import DONOR
from app.search.text import index_text, pinyin
from models import (
    Actor,
    CaseActor,
    CasePlace,
    CaseSource,
    CaseStudy,
    Highlight,
    Metric,
    Note,
    Perspective,
    Place,
    Source,
    Tag,
)
from models.annotations import case_tag
from models.catalogue import CaseAssistance
from models.search import DOCUMENT_COLUMNS

COLUMNS = DOCUMENT_COLUMNS


@dataclass(frozen=True)
class PlaceNode:
    name: str
    name_zh: str
    name_ug: str
    parent_id: int | None


class PlaceTree:
    """Every place, read once per pass: lineages and roll-ups are worked out in Python."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(Place.id, Place.name, Place.name_zh, Place.name_ug,
                                      Place.parent_id))  # fmt: skip
        self.nodes = {r[0]: PlaceNode(r[1], r[2], r[3], r[4]) for r in rows}

    def lineage(self, place_id: int) -> list[int]:
        """The place and the areas containing it, innermost first (a cycle stops the walk)."""
        chain: list[int] = []
        node: int | None = place_id
        while node is not None and node in self.nodes and node not in chain:
            chain.append(node)
            node = self.nodes[node].parent_id
        return chain

    def rollup(self, place_id: int, role: str) -> int:
        """The area a place is counted under: a donor's top level, a recipient's level under it."""
        chain = self.lineage(place_id)
        if role == DONOR or len(chain) == 1:
            return chain[-1]
        return chain[-2]

    def words(self, place_id: int) -> str:
        node = self.nodes[place_id]
        return " ".join(w for w in (node.name, node.name_zh, node.name_ug, pinyin(node.name_zh))
                        if w)  # fmt: skip


def _join(parts: Iterable[str]) -> str:
    return "\n".join(p for p in parts if p)


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[int, list[str]]:
    """{case_id: [text, …]} from rows whose first column is the case id."""
    out: dict[int, list[str]] = defaultdict(list)
    for case_id, *values in rows:
        out[case_id].append(" ".join(str(v) for v in values if v not in (None, "")))
    return out


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def case_parts(
    session: Session, ids: Sequence[int], tree: PlaceTree
) -> tuple[dict[int, dict[str, str]], list[dict[str, object]]]:
    """The title/summary/facts/narrative columns of these cases, and their case_area rows."""
    docs: dict[int, dict[str, str]] = {}
    cases = session.execute(
        select(CaseStudy.id, CaseStudy.title, CaseStudy.title_zh, CaseStudy.slug,
               CaseStudy.summary, CaseStudy.narrative, CaseStudy.sector)
        .where(CaseStudy.id.in_(ids))
    ).all()  # fmt: skip
    if not cases:
        return docs, []
    forms = _grouped(session.execute(
        select(CaseAssistance.case_id, CaseAssistance.form).where(CaseAssistance.case_id.in_(ids))
        .order_by(CaseAssistance.case_id, CaseAssistance.form)
    ))  # fmt: skip
    actors = _grouped(session.execute(
        select(CaseActor.case_id, Actor.name, Actor.name_zh, Actor.name_ug, CaseActor.role)
        .join(Actor, Actor.id == CaseActor.actor_id).where(CaseActor.case_id.in_(ids))
        .order_by(CaseActor.id)
    ))  # fmt: skip
    metrics: dict[int, list[str]] = defaultdict(list)
    for m in session.execute(
        select(Metric.case_id, Metric.name, Metric.value, Metric.low, Metric.high, Metric.unit,
               Metric.year, Metric.start_year, Metric.end_year, Metric.note)
        .where(Metric.case_id.in_(ids)).order_by(Metric.id)
    ):  # fmt: skip
        words = [m.name, _number(m.value), _number(m.low), _number(m.high), m.unit,
                 _number(m.year), _number(m.start_year), _number(m.end_year), m.note]  # fmt: skip
        metrics[m.case_id].append(" ".join(w for w in words if w))
    sources = _grouped(session.execute(
        select(CaseSource.case_id, Source.title, Source.author, Source.publisher,
               Source.date_text)
        .join(Source, Source.id == CaseSource.source_id).where(CaseSource.case_id.in_(ids))
        .order_by(CaseSource.case_id, CaseSource.source_id)
    ))  # fmt: skip
    views = _grouped(session.execute(
        select(Perspective.case_id, Perspective.viewpoint, Perspective.text)
        .where(Perspective.case_id.in_(ids)).order_by(Perspective.id)
    ))  # fmt: skip
    tags = _grouped(session.execute(
        select(case_tag.c.case_id, Tag.name).join(Tag, Tag.id == case_tag.c.tag_id)
        .where(case_tag.c.case_id.in_(ids)).order_by(case_tag.c.case_id, case_tag.c.tag_id)
    ))  # fmt: skip
    places: dict[int, list[str]] = defaultdict(list)
    areas: dict[tuple[int, str, int], bool] = {}
    for case_id, place_id, role in session.execute(
        select(CasePlace.case_id, CasePlace.place_id, CasePlace.role)
        .where(CasePlace.case_id.in_(ids)).order_by(CasePlace.case_id, CasePlace.place_id)
    ):  # fmt: skip
        if place_id not in tree.nodes:
            continue
        rollup = tree.rollup(place_id, role)
        for area in tree.lineage(place_id):
            places[case_id].append(tree.words(area))
            key = (case_id, role, area)
            areas[key] = areas.get(key, False) or area == rollup
    for c in cases:
        facts = _join([
            c.sector, *forms.get(c.id, []), *dict.fromkeys(places.get(c.id, [])),
            *actors.get(c.id, []), *metrics.get(c.id, []), *sources.get(c.id, []),
            *views.get(c.id, []), *tags.get(c.id, []),
        ])  # fmt: skip
        docs[c.id] = {
            "title": index_text(_join([c.title, c.title_zh, c.slug.replace("-", " ")])),
            "summary": index_text(c.summary),
            "facts": index_text(facts),
            "narrative": index_text(c.narrative),
        }
    rows: list[dict[str, object]] = [
        {"case_id": c, "role": r, "area_id": a, "rollup": up} for (c, r, a), up in areas.items()
    ]
    return docs, rows


def notes_part(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The notes column of these cases (a case without notes is absent)."""
    bodies = _grouped(session.execute(
        # A private note stays out of the shared index (its author finds it in All Notes).
        select(Note.case_id, Note.body)
        .where(Note.case_id.in_(ids), Note.private.is_(False))
        .order_by(Note.id)
    ))  # fmt: skip
    return {case_id: index_text(_join(texts)) for case_id, texts in bodies.items()}


def marks_part(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The marks column: highlighted passages with their comments and tags."""
    marks = _grouped(session.execute(
        select(Highlight.case_id, Highlight.quote, Highlight.comment, Tag.name)
        .outerjoin(Tag, Tag.id == Highlight.tag_id)
        .where(Highlight.case_id.in_(ids)).order_by(Highlight.id)
    ))  # fmt: skip
    return {case_id: index_text(_join(texts)) for case_id, texts in marks.items()}
