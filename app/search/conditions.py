"""A parsed query as SQL: an FTS5 expression for the words (and ranking), SQL for the rest.

Every word reaches FTS5 inside a string ("…", with " doubled), so nothing a
user types is read as FTS5 syntax; field filters become ordinary SQL with
bound values. On PostgreSQL the same expression becomes a tsquery
(models/backends/postgresql.py), bound as a value too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import (
    CTE,
    ColumnElement,
    Select,
    and_,
    case,
    column,
    func,
    literal,
    not_,
    or_,
    select,
    table,
)
from sqlalchemy.orm import aliased

from app.search.language import Query, QueryError, Term, year_range
from app.search.text import HAS_UNSPACED, normalise, query_text
from app.tag_names import TagNameError, normalise_tag_name
from models import (
    CaseArea,
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
from models.backends.functions import full_text_match, full_text_score
from models.catalogue import CaseAssistance

# bm25 weights, in the order of search_fts's columns: title, summary, facts,
# narrative, notes, marks. A word in the title counts most, then the summary
# and the facts, then the narrative, then the reader's own notes and marks.
WEIGHTS = (10.0, 5.0, 3.0, 2.0, 1.5, 1.5)

search_fts = table("search_fts", column("rowid"))


def fts_string(term: Term) -> str:
    """The term as an FTS5 string (a phrase of its tokens), with * for a prefix."""
    quoted = '"' + query_text(term.text).replace('"', '""') + '"'
    return f"{quoted} *" if term.prefix else quoted


def fts_ids(match: str) -> Select[int]:
    """The ids of the cases whose text matches the FTS5 expression."""
    return select(search_fts.c.rowid).where(full_text_match(match))


def ranked_hits(match: str) -> Select[int, float]:
    """(case id, score) for the matching cases; a lower score is a better match."""
    score = full_text_score(match, WEIGHTS)
    return select(search_fts.c.rowid.label("case_id"), score.label("score")).where(
        full_text_match(match)
    )


@dataclass
class CompiledQuery:
    """`match`: the FTS5 expression every result's text must match (None: no words);
    `conditions`: the other conditions on case_study."""

    match: str | None = None
    conditions: list[ColumnElement[bool]] = field(default_factory=list)


def compile_query(query: Query) -> CompiledQuery:
    compiled = CompiledQuery()
    wanted: list[str] = []
    unwanted: list[str] = []
    for group in query.groups:
        if all(t.field is None and not t.negated for t in group):
            strings = [fts_string(t) for t in group]
            wanted.append(strings[0] if len(strings) == 1 else "(" + " OR ".join(strings) + ")")
        elif len(group) == 1 and group[0].field is None:
            unwanted.append(fts_string(group[0]))
        else:
            compiled.conditions.append(or_(*(term_condition(t) for t in group)))
    if wanted:
        compiled.match = " AND ".join(wanted)
        if unwanted:
            compiled.match += " NOT (" + " OR ".join(unwanted) + ")"
    elif unwanted:
        compiled.conditions.append(CaseStudy.id.not_in(fts_ids(" OR ".join(unwanted))))
    return compiled


def term_condition(term: Term) -> ColumnElement[bool]:
    if term.field is None:
        condition: ColumnElement[bool] = CaseStudy.id.in_(fts_ids(fts_string(term)))
    else:
        condition = _FIELD_CONDITIONS[term.field](term.text)
    return not_(condition) if term.negated else condition


def _words_like(col: ColumnElement[str], value: str) -> ColumnElement[bool]:
    """The value as whole words of the column, ignoring case ("agriculture" in
    "agriculture and food"), or anywhere in it for Chinese."""
    value = normalise(value).strip()
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if HAS_UNSPACED.search(value):
        return col.like(f"%{escaped}%", escape="\\")
    spaced = literal(" ") + func.lower(col) + literal(" ")
    return spaced.like(f"% {escaped} %", escape="\\")


def _tag(value: str) -> ColumnElement[bool]:
    try:
        key = normalise_tag_name(value)[1]
    except TagNameError as exc:
        raise QueryError(f"tag: {exc}") from exc
    tagged = or_(Tag.name_key == key, Tag.name_key.startswith(key + "/", autoescape=True))
    tag_ids = select(Tag.id).where(tagged)
    return or_(
        CaseStudy.id.in_(select(case_tag.c.case_id).where(case_tag.c.tag_id.in_(tag_ids))),
        CaseStudy.id.in_(select(Highlight.case_id).where(Highlight.tag_id.in_(tag_ids))),
    )


def _distinct_sectors() -> CTE:
    """Each sector once, found by skipping through the sector index (the next sector
    after the last one found): a few probes where DISTINCT reads every case."""
    first = select(func.min(CaseStudy.sector).label("sector")).cte(recursive=True)
    later = aliased(CaseStudy)
    following = select(func.min(later.sector)).where(later.sector > first.c.sector)
    return first.union_all(select(following.scalar_subquery()).where(first.c.sector.is_not(None)))


def _sector(value: str) -> ColumnElement[bool]:
    # The few distinct sectors are matched first, so the cases are then found
    # through the sector index rather than by reading every case.
    sectors = _distinct_sectors()
    matching = select(sectors.c.sector).where(
        sectors.c.sector.is_not(None), _words_like(sectors.c.sector, value)
    )
    return CaseStudy.sector.in_(matching)


def _form(value: str) -> ColumnElement[bool]:
    forms = select(CaseAssistance.case_id).where(_words_like(CaseAssistance.form.expression, value))
    return CaseStudy.id.in_(forms)


def _places_named(value: str) -> Select[int]:
    return select(Place.id).where(
        or_(
            _words_like(Place.name.expression, value),
            _words_like(Place.name_zh.expression, value),
            _words_like(Place.name_ug.expression, value),
            func.lower(Place.key) == value.strip().lower(),
        )
    )


def _side(role: str) -> Callable[[str], ColumnElement[bool]]:
    def condition(value: str) -> ColumnElement[bool]:
        inside = select(CaseArea.case_id).where(
            CaseArea.role == role, CaseArea.area_id.in_(_places_named(value))
        )
        return CaseStudy.id.in_(inside)

    return condition


def _source(value: str) -> ColumnElement[bool]:
    sources = select(Source.id).where(
        or_(
            _words_like(Source.title.expression, value),
            _words_like(Source.author.expression, value),
            _words_like(Source.publisher.expression, value),
            func.lower(Source.key) == value.strip().lower(),
        )
    )
    return CaseStudy.id.in_(select(CaseSource.case_id).where(CaseSource.source_id.in_(sources)))


def _year(value: str) -> ColumnElement[bool]:
    years = year_range(value)
    last_year = case(
        (CaseStudy.end_year.is_not(None), CaseStudy.end_year),
        (CaseStudy.ongoing, literal(9999)),
        else_=CaseStudy.start_year,
    )
    parts: list[ColumnElement[bool]] = [CaseStudy.start_year.is_not(None)]
    if years.last is not None:
        parts.append(CaseStudy.start_year <= years.last)
    if years.first is not None:
        parts.append(last_year >= years.first)
    return and_(*parts)


def _has(value: str) -> ColumnElement[bool]:
    child = {
        "notes": Note.case_id,
        "highlights": Highlight.case_id,
        "figures": Metric.case_id,
        "tags": case_tag.c.case_id,
        "sources": CaseSource.case_id,
        "perspectives": Perspective.case_id,
    }[value.casefold()]
    # IN, not EXISTS: read once from the child's case index, not probed per case.
    return CaseStudy.id.in_(select(child))


_FIELD_CONDITIONS: dict[str, Callable[[str], ColumnElement[bool]]] = {
    "tag": _tag,
    "sector": _sector,
    "form": _form,
    "donor": _side("donor"),
    "recipient": _side("recipient"),
    "source": _source,
    "year": _year,
    "has": _has,
}
