"""The tables of a Casebook Data Package: their fields (Table Schema) and their rows.

Every row is named by its UUID and points at others by theirs (`case_uuid`,
`source_uuid`...), so the package means the same in any catalogue; row ids
stay behind. Each table reads its rows a chunk of cases at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from app.id_sets import in_ids
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
    SavedSearch,
    Source,
    Tag,
)
from models.annotations import case_tag
from models.catalogue import CaseAssistance


@dataclass(frozen=True)
class Field:
    """One column: its Table Schema type and what it holds."""

    name: str
    type: str = "string"
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    required: bool = False

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "datetime":
            out["format"] = "any"  # ISO 8601 in UTC, with fractions of a second when stored
        if self.description:
            out["description"] = self.description
        if self.required:
            out["constraints"] = {"required": True}
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class Table:
    """One resource of the package: a CSV file and its schema."""

    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...]  # (field, resource, its field)
    query: Callable[[Session, Sequence[int] | None, bool], Select[*tuple[Any, ...]]]
    per_case: bool  # read a chunk of cases at a time (else once, whole)

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": [f.descriptor() for f in self.fields]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": own, "reference": {"resource": resource, "fields": theirs}}
                for own, resource, theirs in self.foreign_keys
            ]
        return schema


def _uuid(description: str) -> Field:
    return Field("uuid", description=description, required=True, extra={"format": "uuid"})


def _ref(name: str, what: str, required: bool = True) -> Field:
    return Field(name, description=f"The UUID of {what}.", required=required)


def _text(name: str, description: str = "") -> Field:
    return Field(name, description=description)


def _in(column: Any, ids: Sequence[int] | None) -> Any:
    """`column` among `ids` (every row when None)."""
    return in_ids(column, ids) if ids is not None else column.is_not(None)


_case = aliased(CaseStudy)
_source = aliased(Source)
_tag = aliased(Tag)
_place_parent = aliased(Place)
_affiliation = aliased(Actor)


def _cases(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    c = CaseStudy
    return select(
        c.uuid, c.slug, c.title, c.title_zh, c.title_zh_note, c.sector, c.start_year,
        c.end_year, c.ongoing, c.summary, c.narrative, c.created_at, c.updated_at,
    ).where(_in(c.id, ids))  # fmt: skip


def _assistance(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    a = CaseAssistance
    return (
        select(_case.uuid, a.form)
        .select_from(a)
        .join(_case, _case.id == a.case_id)
        .where(_in(a.case_id, ids))
        .order_by(a.case_id, a.form)
    )


def _places(_s: Session, _ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    p = Place
    return (
        select(
            p.uuid,
            p.key,
            p.name,
            p.name_zh,
            p.name_ug,
            p.level,
            _place_parent.uuid,
            p.longitude,
            p.latitude,
            p.position_note,
        )
        .outerjoin(_place_parent, _place_parent.id == p.parent_id)
        .order_by(p.id)
    )


def _case_places(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    cp = CasePlace
    return (
        select(_case.uuid, Place.uuid, cp.role)
        .select_from(cp)
        .join(_case, _case.id == cp.case_id)
        .join(Place, Place.id == cp.place_id)
        .where(_in(cp.case_id, ids))
        .order_by(cp.case_id, cp.role, cp.place_id)
    )


def _actors(_s: Session, _ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    a = Actor
    return (
        select(a.uuid, a.key, a.kind, a.name, a.name_zh, a.name_ug, _affiliation.uuid)
        .outerjoin(_affiliation, _affiliation.id == a.affiliation_id)
        .order_by(a.id)
    )


def _case_actors(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    ca = CaseActor
    return (
        select(_case.uuid, Actor.uuid, ca.role, _source.uuid)
        .select_from(ca)
        .join(_case, _case.id == ca.case_id)
        .join(Actor, Actor.id == ca.actor_id)
        .outerjoin(_source, _source.id == ca.source_id)
        .where(_in(ca.case_id, ids))
        .order_by(ca.case_id, ca.id)
    )


def _sources(session: Session, ids: Sequence[int] | None, whole: bool) -> Select[*tuple[Any, ...]]:
    from app.formats.selection import source_ids

    s = Source
    stmt = select(
        s.uuid, s.key, s.title, s.author, s.publisher, s.date_text, s.date_note, s.kind,
        s.outlook,
    ).order_by(s.id)  # fmt: skip
    if whole or ids is None:
        return stmt
    return stmt.where(_in(s.id, source_ids(session, ids, False)))


def _case_sources(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    cs = CaseSource
    return (
        select(_case.uuid, _source.uuid)
        .select_from(cs)
        .join(_case, _case.id == cs.case_id)
        .join(_source, _source.id == cs.source_id)
        .where(_in(cs.case_id, ids))
        .order_by(cs.case_id, cs.source_id)
    )


def _metrics(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    m = Metric
    return (
        select(
            m.uuid,
            _case.uuid,
            m.key,
            m.position,
            m.name,
            m.value,
            m.low,
            m.high,
            m.unit,
            m.qualifier,
            m.year,
            m.start_year,
            m.end_year,
            _source.uuid,
            m.note,
        )
        .select_from(m)
        .join(_case, _case.id == m.case_id)
        .outerjoin(_source, _source.id == m.source_id)
        .where(_in(m.case_id, ids))
        .order_by(m.case_id, m.position, m.id)
    )


def _perspectives(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    p = Perspective
    return (
        select(p.uuid, _case.uuid, p.key, _source.uuid, p.viewpoint, p.text)
        .select_from(p)
        .join(_case, _case.id == p.case_id)
        .outerjoin(_source, _source.id == p.source_id)
        .where(_in(p.case_id, ids))
        .order_by(p.case_id, p.id)
    )


def _tags(session: Session, ids: Sequence[int] | None, whole: bool) -> Select[*tuple[Any, ...]]:
    stmt = select(Tag.uuid, Tag.name, Tag.colour, Tag.created_at).order_by(Tag.name_key)
    if whole or ids is None:
        return stmt
    on_cases = select(case_tag.c.tag_id).where(in_ids(case_tag.c.case_id, ids))
    on_highlights = select(Highlight.tag_id).where(in_ids(Highlight.case_id, ids))
    return stmt.where(Tag.id.in_(on_cases) | Tag.id.in_(on_highlights))


def _case_tags(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    return (
        select(_case.uuid, _tag.uuid)
        .select_from(case_tag)
        .join(_case, _case.id == case_tag.c.case_id)
        .join(_tag, _tag.id == case_tag.c.tag_id)
        .where(_in(case_tag.c.case_id, ids))
        .order_by(case_tag.c.case_id, _tag.name_key)
    )


def _notes(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    n = Note
    return (
        select(n.uuid, _case.uuid, n.author, n.body, n.created_at, n.updated_at)
        .select_from(n)
        .join(_case, _case.id == n.case_id)
        .where(_in(n.case_id, ids))
        .order_by(n.case_id, n.created_at, n.id)
    )


def _highlights(_s: Session, ids: Sequence[int] | None, _whole: bool) -> Select[*tuple[Any, ...]]:
    h = Highlight
    return (
        select(
            h.uuid,
            _case.uuid,
            h.field,
            h.start,
            h.end,
            h.quote,
            h.prefix,
            h.suffix,
            h.comment,
            _tag.uuid,
            h.author,
            h.orphaned,
            h.created_at,
            h.updated_at,
        )
        .select_from(h)
        .join(_case, _case.id == h.case_id)
        .outerjoin(_tag, _tag.id == h.tag_id)
        .where(_in(h.case_id, ids))
        .order_by(h.case_id, h.created_at, h.id)
    )


def _saved_searches(
    _s: Session, _ids: Sequence[int] | None, _whole: bool
) -> Select[*tuple[Any, ...]]:
    s = SavedSearch
    return select(s.uuid, s.name, s.query, s.selection, s.created_at, s.updated_at).order_by(
        s.name_key
    )


_CASE_REF = ("case_uuid", "cases", "uuid")
_SOURCE_REF = ("source_uuid", "sources", "uuid")
_CREATED = Field("created_at", "datetime", "When it was made (UTC).")
_UPDATED = Field("updated_at", "datetime", "When it was last changed (UTC).")
_YEAR = "A year (Gregorian)."
# A custom property: the column holding this number's unit, row by row.
_UNIT = {"unitField": "unit"}

TABLES: tuple[Table, ...] = (
    Table(
        "cases",
        "Case studies of pairing assistance to Xinjiang.",
        (
            _uuid("The case's identity in every catalogue."),
            Field("slug", description="Its short name in this catalogue.", required=True),
            Field("title", required=True),
            _text("title_zh", "The title in Chinese."),
            _text("title_zh_note", "Where the Chinese title comes from when no source gives it."),
            _text("sector"),
            Field("start_year", "integer", _YEAR),
            Field("end_year", "integer", _YEAR),
            Field("ongoing", "boolean", "Whether the case still runs."),
            _text("summary"),
            _text("narrative"),
            _CREATED,
            _UPDATED,
        ),
        ("uuid",),
        (),
        _cases,
        True,
    ),
    Table(
        "case_assistance",
        "The forms of assistance (talent, funds...) each case involves.",
        (_ref("case_uuid", "the case"), Field("form", required=True)),
        ("case_uuid", "form"),
        (_CASE_REF,),
        _assistance,
        True,
    ),
    Table(
        "places",
        "Places at each administrative level, each inside its parent.",
        (
            _uuid("The place's identity."),
            _text("key", "Its key in the seed catalogue, if it comes from there."),
            Field("name", required=True),
            _text("name_zh", "The name in Chinese."),
            _text("name_ug", "The name in Uyghur."),
            Field("level", required=True, description="region, province, prefecture, county..."),
            _ref("parent_uuid", "the place it lies in", required=False),
            Field("longitude", "number", "Of the seat of government, WGS 84 degrees."),
            Field("latitude", "number", "Of the seat of government, WGS 84 degrees."),
            _text("position_note"),
        ),
        ("uuid",),
        (("parent_uuid", "places", "uuid"),),
        _places,
        False,
    ),
    Table(
        "case_places",
        "The donor and recipient places of each case's pairing.",
        (
            _ref("case_uuid", "the case"),
            _ref("place_uuid", "the place"),
            Field("role", required=True, extra={"constraints": {"enum": ["donor", "recipient"]}}),
        ),
        ("case_uuid", "place_uuid", "role"),
        (_CASE_REF, ("place_uuid", "places", "uuid")),
        _case_places,
        True,
    ),
    Table(
        "people",
        "People and organisations that take part in cases.",
        (
            _uuid("The person's or organisation's identity."),
            _text("key", "Its key in the seed catalogue, if it comes from there."),
            Field(
                "kind", required=True, extra={"constraints": {"enum": ["person", "organisation"]}}
            ),
            Field("name", required=True),
            _text("name_zh", "The name in Chinese."),
            _text("name_ug", "The name in Uyghur."),
            _ref("affiliation_uuid", "the organisation they belong to", required=False),
        ),
        ("uuid",),
        (("affiliation_uuid", "people", "uuid"),),
        _actors,
        False,
    ),
    Table(
        "sources",
        "Published texts the catalogue takes its facts from, cited as each text gives itself.",
        (
            _uuid("The source's identity."),
            _text("key", "Its citation key."),
            Field("title", required=True),
            _text("author"),
            _text("publisher"),
            _text("date_text", "The date as the text gives it."),
            _text("date_note", "What is known of the date when the text gives none."),
            _text("kind", "news report, feature..."),
            _text("outlook", "official, critical..."),
        ),
        ("uuid",),
        (),
        _sources,
        False,
    ),
    Table(
        "case_people",
        "Who takes part in each case, in what role, on whose word.",
        (
            _ref("case_uuid", "the case"),
            _ref("person_uuid", "the person or organisation"),
            _text("role"),
            _ref("source_uuid", "the source that says so", required=False),
        ),
        (),
        (_CASE_REF, ("person_uuid", "people", "uuid"), _SOURCE_REF),
        _case_actors,
        True,
    ),
    Table(
        "case_sources",
        "The sources of each case.",
        (_ref("case_uuid", "the case"), _ref("source_uuid", "the source")),
        ("case_uuid", "source_uuid"),
        (_CASE_REF, _SOURCE_REF),
        _case_sources,
        True,
    ),
    Table(
        "figures",
        "Figures about cases: a value, or a low-high range, in the row's own unit "
        "(the `unit` column: yuan, people, hectares...). A figure's value, low and high "
        "are in that unit; `qualifier` says whether it is exact or about, over, nearly, "
        "under the number.",
        (
            _uuid("The figure's identity."),
            _ref("case_uuid", "the case"),
            _text("key", "Its key within the case in the seed catalogue."),
            Field("position", "integer", "Its place in the case's list of figures."),
            Field("name", required=True),
            Field(
                "value",
                "number",
                "The number, in `unit`; empty for a range.",
                extra=_UNIT,
            ),
            Field("low", "number", "The low end of a range, in `unit`.", extra=_UNIT),
            Field("high", "number", "The high end of a range, in `unit`.", extra=_UNIT),
            Field("unit", description="The unit of value, low and high, as the source gives it."),
            Field(
                "qualifier",
                extra={"constraints": {"enum": ["exact", "about", "over", "nearly", "under"]}},
                required=True,
            ),
            Field("year", "integer", "The year the figure is for."),
            Field("start_year", "integer", "The first year of a period."),
            Field("end_year", "integer", "The last year of a period."),
            _ref("source_uuid", "the source that gives it", required=False),
            _text("note"),
        ),
        ("uuid",),
        (_CASE_REF, _SOURCE_REF),
        _metrics,
        True,
    ),
    Table(
        "perspectives",
        "What one source says about a case, attributed and neutrally worded.",
        (
            _uuid("The perspective's identity."),
            _ref("case_uuid", "the case"),
            _text("key"),
            _ref("source_uuid", "the source", required=False),
            _text("viewpoint"),
            _text("text"),
        ),
        ("uuid",),
        (_CASE_REF, _SOURCE_REF),
        _perspectives,
        True,
    ),
    Table(
        "tags",
        "The researchers' tags; a '/' in a name nests it under its parent.",
        (_uuid("The tag's identity."), Field("name", required=True), _text("colour"), _CREATED),
        ("uuid",),
        (),
        _tags,
        False,
    ),
    Table(
        "case_tags",
        "The tags on each case.",
        (_ref("case_uuid", "the case"), _ref("tag_uuid", "the tag")),
        ("case_uuid", "tag_uuid"),
        (_CASE_REF, ("tag_uuid", "tags", "uuid")),
        _case_tags,
        True,
    ),
    Table(
        "notes",
        "The researchers' notes on cases (Markdown).",
        (
            _uuid("The note's identity."),
            _ref("case_uuid", "the case"),
            _text("author", "Who wrote it."),
            _text("body"),
            _CREATED,
            _UPDATED,
        ),
        ("uuid",),
        (_CASE_REF,),
        _notes,
        True,
    ),
    Table(
        "highlights",
        "Highlighted passages of a case's summary or narrative, anchored by character "
        "offsets and by the quoted text with its context.",
        (
            _uuid("The highlight's identity."),
            _ref("case_uuid", "the case"),
            Field(
                "field", required=True, extra={"constraints": {"enum": ["summary", "narrative"]}}
            ),
            Field("start", "integer", "Offset of the first character (in code points)."),
            Field("end", "integer", "Offset after the last character (in code points)."),
            Field("quote", required=True),
            _text("prefix", "The text just before the quote."),
            _text("suffix", "The text just after the quote."),
            _text("comment"),
            _ref("tag_uuid", "its tag", required=False),
            _text("author", "Who made it."),
            Field("orphaned", "boolean", "True when the passage is no longer found in the text."),
            _CREATED,
            _UPDATED,
        ),
        ("uuid",),
        (_CASE_REF, ("tag_uuid", "tags", "uuid")),
        _highlights,
        True,
    ),
    Table(
        "saved_searches",
        "Searches kept under a name. `selection` is JSON; its place ids are this catalogue's own.",
        (
            _uuid("The saved search's identity."),
            Field("name", required=True),
            _text("query"),
            _text("selection"),
            _CREATED,
            _UPDATED,
        ),
        ("uuid",),
        (),
        _saved_searches,
        False,
    ),
)


def table_rows(
    session: Session, table: Table, ids: Sequence[int], whole: bool, chunk: int
) -> Iterator[Sequence[Any]]:
    """The rows of `table` for the cases `ids`, a chunk of cases at a time."""
    if not table.per_case:
        yield from session.execute(
            table.query(session, ids, whole).execution_options(yield_per=chunk)
        )
        return
    for start in range(0, len(ids), chunk):
        yield from session.execute(table.query(session, ids[start : start + chunk], whole))
