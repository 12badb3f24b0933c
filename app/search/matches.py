"""Where each result matched, with a snippet: for the rows on screen and `casebook search`.

The index says which cases match; this reads the few cases asked about and
finds the query's words in each of their fields, the way the index compares
them (whole words, case and accents folded, Chinese by characters), so a
result can say "a note: … ask the teachers …" and the window can open that
note.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.search.documents import PlaceTree
from app.search.language import Query, Term, parse
from app.search.results import Match, Span
from app.search.text import HAS_UNSPACED, WORD, fold, normalise, pinyin
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
    Source,
    Tag,
)
from models.annotations import case_tag
from models.catalogue import CaseAssistance

SNIPPET_BEFORE = 40
SNIPPET_LENGTH = 120


@dataclass(frozen=True)
class _Needle:
    words: tuple[str, ...]  # folded Latin/Uyghur words, or Chinese runs
    prefix: bool


def _needles(terms: Iterable[Term]) -> list[_Needle]:
    out = []
    for term in terms:
        words = tuple(fold(w) for w in WORD.findall(normalise(term.text)))
        if words:
            out.append(_Needle(words, term.prefix))
    return out


def spans_in(text: str, needles: Sequence[_Needle]) -> list[Span]:
    """Where the needles' words occur in `text` (offsets into `text`), in order."""
    spans: list[Span] = []
    for found in WORD.finditer(text):
        word = fold(found.group())
        for needle in needles:
            for i, part in enumerate(needle.words):
                last = i == len(needle.words) - 1
                if HAS_UNSPACED.search(part):
                    start = word.find(part)
                    while start >= 0:
                        spans.append((found.start() + start, found.start() + start + len(part)))
                        start = word.find(part, start + 1)
                elif word == part or (last and needle.prefix and word.startswith(part)):
                    spans.append(found.span())
    return sorted(set(spans))


def snippet(text: str, spans: Sequence[Span]) -> tuple[str, tuple[Span, ...]]:
    """About SNIPPET_LENGTH characters around the first span, on one line, with the spans moved."""
    first = spans[0][0] if spans else 0
    start = 0 if len(text) <= SNIPPET_LENGTH else max(0, first - SNIPPET_BEFORE)
    if start > 0:
        # Begin at a word, a little earlier if need be.
        space = text.rfind(" ", max(0, start - 15), start + 1)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    lead = "…" if start > 0 else ""
    body = "".join(" " if c.isspace() else c for c in text[start:end])
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    moved = tuple((a + shift, min(b, end) + shift) for a, b in spans if a < end and a >= start)
    return lead + body + tail, moved


def _texts(
    session: Session, case_id: int, tree: PlaceTree
) -> list[tuple[str, str, int | None, int | None]]:
    """(field, text, note id, highlight id) for every searchable text of one case, in order."""
    case = session.get(CaseStudy, case_id)
    if case is None:
        return []
    out: list[tuple[str, str, int | None, int | None]] = [
        ("title", case.title, None, None),
        ("Chinese title", case.title_zh, None, None),
        ("summary", case.summary, None, None),
        ("narrative", case.narrative, None, None),
    ]
    for note_id, body in session.execute(
        select(Note.id, Note.body).where(Note.case_id == case_id).order_by(Note.id)
    ):
        out.append(("note", body, note_id, None))
    for mark_id, quote, comment, tag in session.execute(
        select(Highlight.id, Highlight.quote, Highlight.comment, Tag.name)
        .outerjoin(Tag, Tag.id == Highlight.tag_id)
        .where(Highlight.case_id == case_id)
        .order_by(Highlight.id)
    ):
        for text in (quote, comment, tag or ""):
            out.append(("highlight", text, None, mark_id))
    for name, unit, note in session.execute(
        select(Metric.name, Metric.unit, Metric.note).where(Metric.case_id == case_id)
    ):
        out.append(("figure", " ".join(t for t in (name, unit, note) if t), None, None))
    for title, author, publisher in session.execute(
        select(Source.title, Source.author, Source.publisher)
        .join(CaseSource, CaseSource.source_id == Source.id)
        .where(CaseSource.case_id == case_id)
    ):
        out.append(("source", ", ".join(t for t in (title, author, publisher) if t), None, None))
    for (text,) in session.execute(select(Perspective.text).where(Perspective.case_id == case_id)):
        out.append(("perspective", text, None, None))
    for place_id, role in session.execute(
        select(CasePlace.place_id, CasePlace.role).where(CasePlace.case_id == case_id)
    ):
        for area in tree.lineage(place_id):
            node = tree.nodes[area]
            names = [node.name, node.name_zh, node.name_ug, pinyin(node.name_zh)]
            out.append((role, " · ".join(n for n in names if n), None, None))
    for name, name_zh, role in session.execute(
        select(Actor.name, Actor.name_zh, CaseActor.role)
        .join(CaseActor, CaseActor.actor_id == Actor.id)
        .where(CaseActor.case_id == case_id)
    ):
        text = f"{name} {name_zh}".strip() + (f": {role}" if role else "")
        out.append(("person or organisation", text, None, None))
    for (name,) in session.execute(
        select(Tag.name).join(case_tag, case_tag.c.tag_id == Tag.id)
        .where(case_tag.c.case_id == case_id)
    ):  # fmt: skip
        out.append(("tag", name, None, None))
    out.append(("sector", case.sector, None, None))
    for (form,) in session.execute(
        select(CaseAssistance.form).where(CaseAssistance.case_id == case_id)
    ):
        out.append(("form of assistance", form, None, None))
    return out


def case_matches(
    session: Session, case_id: int, query: Query, limit: int = 3, tree: PlaceTree | None = None
) -> list[Match]:
    """Up to `limit` fields of the case where the query's words occur, most telling first."""
    needles = _needles(query.words())
    if not needles:
        return []
    found: list[Match] = []
    seen_places: set[str] = set()
    for field, text, note_id, mark_id in _texts(session, case_id, tree or PlaceTree(session)):
        if not text or (field in ("donor", "recipient") and text in seen_places):
            continue
        spans = spans_in(text, needles)
        if not spans:
            continue
        seen_places.add(text)
        shown, moved = snippet(text, spans)
        found.append(Match(field, shown, moved, note_id, mark_id))
        if len(found) >= limit:
            break
    return found


def matches_for(
    session: Session, case_ids: Iterable[int], text: str, limit: int = 3
) -> dict[int, list[Match]]:
    """Where each of these cases matched `text` (QueryError for a malformed query)."""
    query = parse(text)
    if not query.words():
        return {i: [] for i in case_ids}
    tree = PlaceTree(session)  # every place once for the batch, not once per case
    return {i: case_matches(session, i, query, limit, tree) for i in case_ids}
