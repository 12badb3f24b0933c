"""What an import would change: added, changed field by field, unchanged, rejected.

Nothing here writes. Rows are matched by slug (cases), by case slug and key
(metrics), by id (notes, highlights), by name (tags) and by key (sources).
An import never deletes: whatever the workbook lacks is left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.chinese_title import checked_title_zh, checked_title_zh_note
from app.id_sets import in_ids
from app.tag_names import TagNameError, normalise_tag_name
from app.validation import FieldValueError, parse_number, parse_year
from app.xlsx import layout
from app.xlsx.cells import without_illegal_characters
from app.xlsx.read import SheetRows
from app.xlsx.tag_list import join_tag_names, split_tag_names
from models import CaseStudy, Highlight, Metric, Note, Source, Tag
from models.catalogue import ASSISTANCE_FORMS, QUALIFIERS


class RowRejectedError(ValueError):
    """A row the import leaves out; `column` names the cell at fault when one is."""

    def __init__(self, reason: str, column: str = "") -> None:
        super().__init__(reason)
        self.column = column


@dataclass
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class RowChange:
    sheet: str
    row: int
    label: str
    action: str  # "add" or "change"
    values: dict[str, Any] = field(default_factory=dict)
    changes: list[FieldChange] = field(default_factory=list)
    target_id: int | None = None


@dataclass
class Rejection:
    sheet: str
    row: int
    reason: str
    column: str = ""  # "E (Note)" when one cell is at fault

    @property
    def details(self) -> str:
        """The reason, after the column when there is one."""
        return f"column {self.column}: {self.reason}" if self.column else self.reason

    def __str__(self) -> str:
        where = f"{self.sheet}, row {self.row}"
        return (
            f"{where}, column {self.column}: {self.reason}"
            if self.column
            else f"{where}: {self.reason}"
        )


@dataclass
class ImportPlan:
    added: list[RowChange] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed)

    def summary(self) -> str:
        return (
            f"{len(self.added)} to add, {len(self.changed)} to change, "
            f"{sum(self.unchanged.values())} unchanged, {len(self.rejected)} rejected"
        )


# --- cell readers ----------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _year(value: Any, name: str) -> int | None:
    try:
        return parse_year(value, name)
    except FieldValueError as exc:
        raise RowRejectedError(str(exc)) from None


def _number(value: Any, name: str) -> float | None:
    try:
        return parse_number(value, name)
    except FieldValueError as exc:
        raise RowRejectedError(str(exc)) from None


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "y")
    return bool(value)


def _row_id(value: Any) -> int | None:
    """The id in a "Note id" or "Highlight id" cell; None when it cannot be one of ours.

    Only whole numbers SQLite can hold: anything else is a row to add, as a blank is.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not (value.is_integer() and abs(value) < 2**53):
        return None
    number = int(value)
    return number if 0 < number < 2**63 else None


def _same(old: Any, new: Any) -> bool:
    """Whether the workbook's `new` leaves the catalogue's `old` as it is.

    Blank is blank whether None or "". Text is compared as the export wrote
    it, without the characters a workbook cannot hold: re-importing an
    untouched export changes nothing, and never strips them from the catalogue.
    """
    if isinstance(old, str):
        old = without_illegal_characters(old)
    return (old or None) == (new or None)


def _list(value: Any, separator: str) -> list[str]:
    return [part.strip() for part in _text(value).split(separator) if part.strip()]


# --- planning ----------------------------------------------------------------------


class _Planner:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.plan = ImportPlan()
        # What the rows are compared with, loaded in a few queries rather than three per case
        # (selectinload binds at most 500 ids a query).
        cases = select(CaseStudy).options(
            selectinload(CaseStudy.tags),
            selectinload(CaseStudy.assistance),
            selectinload(CaseStudy.metrics).selectinload(Metric.source),
        )
        self.cases = {c.slug: c for c in session.scalars(cases)}
        self.new_slugs: set[str] = set()
        self.seen: dict[str, dict[Any, int]] = {}
        self.tags: dict[str, Tag] | None = None
        self.sheet = SheetRows("")

    def tag_by_key(self, key: str) -> Tag | None:
        """The tag with this key, or the one whose key the export had to clean into it."""
        if self.tags is None:
            self.tags = {}
            for tag in self.session.scalars(select(Tag).order_by(Tag.id)):
                self.tags.setdefault(without_illegal_characters(tag.name_key), tag)
            for tag in self.session.scalars(select(Tag)):
                self.tags[tag.name_key] = tag  # an exact match wins
        return self.tags.get(key)

    def case_exists(self, slug: str) -> bool:
        return slug in self.cases or slug in self.new_slugs

    def record(self, change: RowChange) -> None:
        if change.action == "add":
            self.plan.added.append(change)
        elif change.changes:
            self.plan.changed.append(change)
        else:
            self.plan.unchanged[change.sheet] += 1

    def each(self, sheet: SheetRows | None, handler: Any) -> None:
        if sheet is None:
            return
        self.sheet = sheet
        for number, row in sheet.rows:
            try:
                if number in sheet.problems:
                    raise RowRejectedError(sheet.problems[number][1], sheet.problems[number][0])
                handler(number, row)
            except RowRejectedError as exc:
                self.plan.rejected.append(Rejection(sheet.name, number, str(exc), exc.column))

    def claim(self, header: str, key: Any, shown: str, number: int) -> None:
        """Take `key` for row `number`; a key the sheet already gave another row is rejected."""
        seen = self.seen.setdefault(self.sheet.name, {})
        first = seen.setdefault(key, number)
        if first != number:
            raise RowRejectedError(
                f"{shown} is also on row {first}; each may appear once", self.sheet.column(header)
            )

    def case_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Slug")).strip()
        if not slug:
            raise RowRejectedError("the Slug cell is empty")
        self.claim("Slug", slug, f"the slug {slug!r}", number)
        title = _text(row.get("Title"))
        start = _year(row.get("Start year"), "Start year")
        end = _year(row.get("End year"), "End year")
        values: dict[str, Any] = {
            "title": title,
            "sector": _text(row.get("Sector")),
            "start_year": start,
            "end_year": end,
            "ongoing": _flag(row.get("Ongoing")),
            "summary": _text(row.get("Summary")),
            "narrative": _text(row.get("Narrative")),
        }
        if not title.strip():
            raise RowRejectedError("the Title cell is empty")
        values.update(self.chinese_title(row))
        if start and end and end < start:
            raise RowRejectedError(f"End year {end} is before Start year {start}")
        forms = sorted(_list(row.get("Forms of assistance"), ","))
        for form in forms:
            if form not in ASSISTANCE_FORMS:
                raise RowRejectedError(
                    f"unknown form of assistance {form!r} (use: {', '.join(ASSISTANCE_FORMS)})"
                )
        tags = []
        for name in split_tag_names(_text(row.get("Tags"))):
            try:
                tags.append(normalise_tag_name(name))
            except TagNameError as exc:
                raise RowRejectedError(str(exc)) from exc
        case = self.cases.get(slug)
        if case is None:
            self.new_slugs.add(slug)
            values.update(slug=slug, forms=forms, tags=[t[0] for t in tags])
            self.record(RowChange(layout.CASES, number, slug, "add", values))
            return
        change = RowChange(layout.CASES, number, slug, "change", values, target_id=case.id)
        for name, new in values.items():
            old = getattr(case, name)
            if not _same(old, new):
                change.changes.append(FieldChange(name, old, new))
        old_forms = sorted(case.assistance_forms)
        if forms != old_forms:
            change.changes.append(FieldChange("forms", ", ".join(old_forms), ", ".join(forms)))
        # As exported: a name the export had to clean comes back cleaned, and is the same tag.
        have = {without_illegal_characters(t.name_key) for t in case.tags}
        added = [display for display, key in tags if key not in have]
        if added:
            change.changes.append(FieldChange("tags added", "", join_tag_names(added)))
        change.values.update(forms=forms, tags=added)
        self.record(change)

    def chinese_title(self, row: dict[str, Any]) -> dict[str, str]:
        """The Chinese title and its note, from the columns the sheet has.

        A workbook from before these columns has neither: the catalogue's
        values are then left as they are (nothing to compare, nothing to write).
        """
        values: dict[str, str] = {}
        for name, header, check in (
            ("title_zh", layout.TITLE_ZH, checked_title_zh),
            ("title_zh_note", layout.TITLE_ZH_NOTE, checked_title_zh_note),
        ):
            if header in self.sheet.header:
                try:
                    values[name] = check(_text(row.get(header)))
                except FieldValueError as exc:
                    raise RowRejectedError(str(exc), self.sheet.column(header)) from None
        return values

    def metric_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(f"no case with the slug {slug!r}")
        name = _text(row.get("Metric")).strip()
        if not name:
            raise RowRejectedError("the Metric cell is empty")
        value = _number(row.get("Value"), "Value")
        low, high = _number(row.get("Low"), "Low"), _number(row.get("High"), "High")
        if value is None and (low is None or high is None):
            raise RowRejectedError("needs a Value, or both Low and High")
        if low is not None and high is not None and low > high:
            raise RowRejectedError(f"Low {low:g} is greater than High {high:g}")
        qualifier = _text(row.get("Qualifier")).strip() or "exact"
        if qualifier not in QUALIFIERS:
            raise RowRejectedError(f"Qualifier {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
        values = {
            "name": name,
            "value": value,
            "low": low,
            "high": high,
            "unit": _text(row.get("Unit")),
            "qualifier": qualifier,
            "year": _year(row.get("Year"), "Year"),
            "start_year": _year(row.get("Start year"), "Start year"),
            "end_year": _year(row.get("End year"), "End year"),
            "note": _text(row.get("Note")),
            "source_key": _text(row.get("Source key")).strip(),
        }
        key = _text(row.get("Key")).strip()
        if key:
            self.claim("Key", (slug, key), f"the key {key!r} of {slug!r}", number)
        case = self.cases.get(slug)
        metric = None
        if case is not None and key:
            metric = next((m for m in case.metrics if m.key == key), None)
        label = f"{slug} / {name}"
        if metric is None:
            values.update(slug=slug, key=key or None)
            self.record(RowChange(layout.METRICS, number, label, "add", values))
            return
        change = RowChange(layout.METRICS, number, label, "change", values, target_id=metric.id)
        for field_name, new in values.items():
            old = (
                (metric.source.key or "")
                if field_name == "source_key" and metric.source
                else ("" if field_name == "source_key" else getattr(metric, field_name))
            )
            if not _same(old, new):
                change.changes.append(FieldChange(field_name, old, new))
        self.record(change)

    def note_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(f"no case with the slug {slug!r}")
        body = _text(row.get("Note"))
        note_id = _row_id(row.get("Note id"))
        note = self.session.get(Note, note_id) if note_id is not None else None
        if note is not None:
            self.claim("Note id", note.id, f"note {note.id}", number)
        if note is not None and note.case.slug != slug:
            raise RowRejectedError(f"note {note_id} belongs to {note.case.slug!r}, not {slug!r}")
        if note is None:
            if not body.strip():
                raise RowRejectedError("the Note cell is empty")
            self.record(RowChange(layout.NOTES, number, slug, "add", {"slug": slug, "body": body}))
            return
        change = RowChange(layout.NOTES, number, slug, "change", {"body": body}, target_id=note.id)
        if not _same(note.body, body):
            change.changes.append(FieldChange("body", note.body, body))
        self.record(change)

    def highlight_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(f"no case with the slug {slug!r}")
        comment = _text(row.get("Comment"))
        item_id = _row_id(row.get("Highlight id"))
        item = self.session.get(Highlight, item_id) if item_id is not None else None
        if item is not None:
            self.claim("Highlight id", item.id, f"highlight {item.id}", number)
        if item is None:
            where = _text(row.get("Field")).strip() or "summary"
            quote = _text(row.get("Quote"))
            if where not in ("summary", "narrative"):
                raise RowRejectedError(f"Field {where!r} must be summary or narrative")
            if not quote.strip():
                raise RowRejectedError("the Quote cell is empty")
            values = {"slug": slug, "field": where, "quote": quote, "comment": comment}
            self.record(RowChange(layout.HIGHLIGHTS, number, slug, "add", values))
            return
        change = RowChange(
            layout.HIGHLIGHTS, number, slug, "change", {"comment": comment}, target_id=item.id
        )
        if not _same(item.comment, comment):
            change.changes.append(FieldChange("comment", item.comment, comment))
        self.record(change)

    def tag_row(self, number: int, row: dict[str, Any]) -> None:
        try:
            display, key = normalise_tag_name(_text(row.get("Tag")))
        except TagNameError as exc:
            raise RowRejectedError(str(exc)) from exc
        self.claim("Tag", key, f"the tag {display!r}", number)
        colour = _text(row.get("Colour")).strip()
        tag = self.tag_by_key(key)
        if tag is None:
            values = {"name": display, "name_key": key, "colour": colour}
            self.record(RowChange(layout.TAGS, number, display, "add", values))
            return
        change = RowChange(
            layout.TAGS, number, tag.name, "change", {"colour": colour}, target_id=tag.id
        )
        if not _same(tag.colour, colour):
            change.changes.append(FieldChange("colour", tag.colour, colour))
        self.record(change)

    def source_row(self, number: int, row: dict[str, Any]) -> None:
        key = _text(row.get("Key")).strip()
        title = _text(row.get("Title"))
        if not key:
            raise RowRejectedError("the Key cell is empty")
        self.claim("Key", key, f"the key {key!r}", number)
        values = {
            "title": title,
            "author": _text(row.get("Author")),
            "publisher": _text(row.get("Publisher")),
            "date_text": _text(row.get("Date")),
            "date_note": _text(row.get("Date note")),
            "kind": _text(row.get("Kind")),
            "outlook": _text(row.get("Outlook")),
            "seed_file": _text(row.get("Seed file")),
        }
        source = self.session.scalars(select(Source).where(Source.key == key)).first()
        if source is None:
            if not title.strip():
                raise RowRejectedError("the Title cell is empty")
            values["key"] = key
            self.record(RowChange(layout.SOURCES, number, key, "add", values))
            return
        change = RowChange(layout.SOURCES, number, key, "change", values, target_id=source.id)
        for name, new in values.items():
            if not _same(getattr(source, name), new):
                change.changes.append(FieldChange(name, getattr(source, name), new))
        self.record(change)


def _preload(session: Session, model: type[Note] | type[Highlight], sheet: SheetRows | None,
             column: str) -> list[Any]:  # fmt: skip
    """Load the rows the sheet names by id in a few queries, so each row's lookup finds
    them in the session instead of asking SQLite once per row. Returns them (keep them
    referenced: the session holds its objects weakly)."""
    if sheet is None:
        return []
    ids = sorted({i for _, row in sheet.rows if (i := _row_id(row.get(column))) is not None})
    return list(session.scalars(select(model).where(in_ids(model.id, ids)))) if ids else []


def plan_import(session: Session, sheets: dict[str, SheetRows]) -> ImportPlan:
    """Compare the workbook's rows with the catalogue; write nothing."""
    planner = _Planner(session)
    loaded = _preload(session, Note, sheets.get(layout.NOTES), "Note id")
    loaded += _preload(session, Highlight, sheets.get(layout.HIGHLIGHTS), "Highlight id")
    planner.each(sheets.get(layout.SOURCES), planner.source_row)
    planner.each(sheets.get(layout.TAGS), planner.tag_row)
    planner.each(sheets.get(layout.CASES), planner.case_row)
    planner.each(sheets.get(layout.METRICS), planner.metric_row)
    planner.each(sheets.get(layout.NOTES), planner.note_row)
    planner.each(sheets.get(layout.HIGHLIGHTS), planner.highlight_row)
    return planner.plan
