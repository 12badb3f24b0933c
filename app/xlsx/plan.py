"""What an import would change: added, changed field by field, conflicts, unchanged, rejected.

Nothing here writes. Rows are matched by UUID first; a workbook without
UUIDs (or a row whose UUID is new here) falls back to the slug for cases,
the case and key for figures, the name for tags, the key for sources, and
(workbooks from before UUIDs) the row id for notes and highlights. An
import never deletes: whatever the workbook lacks is left alone.

Each field is compared three ways (app/xlsx/sync_base.py): with the value
the row held when the two sides last matched, when that is known, a field
changed only here is kept, one changed only in the workbook is a change,
and one changed on both sides is a conflict that keeps yours unless the
user chooses theirs. Rows are checked by the editor's own rules
(app/case_edit.py, app/sources.py, app/tag_names.py) so the import accepts
exactly what the editor would.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from app.case_edit import (
    CaseDraft,
    MetricDraft,
    check_metric,
    load_draft,
    number_text,
    period_text,
    problems_in,
)
from app.chinese_title import checked_title_zh, checked_title_zh_note
from app.id_sets import in_ids
from app.messages import QT_TRANSLATE_NOOP, Message, message_of
from app.tag_names import TagNameError, normalise_tag_name
from app.tags import checked_colour
from app.validation import FieldValueError, parse_number, parse_year
from app.vocab import FORM, KIND_WORDS, SECTOR, Kind, TermError, all_spellings, normalise_term
from app.xlsx import layout
from app.xlsx.cells import without_illegal_characters
from app.xlsx.read import SheetRows, give_back_memory
from app.xlsx.sync_base import FIELDS, digest, parse_base_cell, same, this_catalogue
from app.xlsx.tag_list import join_tag_names, split_tag_names
from models import CaseStudy, Highlight, Metric, Note, Place, Source, SyncBase, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance
from models.identity import new_uuid

CHUNK = 1000  # rows compared at a time, with what they are compared with


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
    # Both sides changed it since they last matched: yours is kept unless
    # the user sets `take_theirs`.
    conflict: bool = False
    take_theirs: bool = False

    @property
    def applies(self) -> bool:
        return not self.conflict or self.take_theirs


@dataclass
class RowChange:
    sheet: str
    row: int
    label: str
    action: str  # "add" or "change"
    values: dict[str, Any] = field(default_factory=dict)
    changes: list[FieldChange] = field(default_factory=list)
    target_id: int | None = None
    uuid: str = ""
    # The fields as both sides will hold them once applied (for SyncBase).
    # (Digests in FIELDS[sheet] order, run together: held for every row of a large import.)
    agreed: str = ""

    def taken(self, name: str) -> bool:
        """Whether applying writes the workbook's value of field `name`."""
        return self.action == "add" or any(c.field == name and c.applies for c in self.changes)


@dataclass
class Rejection:
    sheet: str
    row: int
    reason: str
    column: str = ""  # "E (Note)" when one cell is at fault

    @property
    def details(self) -> str:
        """The reason, after the column when there is one."""
        if not self.column:
            return self.reason
        return QT_TRANSLATE_NOOP("ImportPlan", "column %1: %2").arg(self.column, self.reason)

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
    # Values new to this catalogue's vocabularies ("sector “Agritourism”").
    new_values: list[str] = field(default_factory=list)
    # Fields changed here since the workbook's rows last matched, left as they are.
    kept_yours: int = 0
    # Whether the workbook came from this catalogue (its sync bases are ours).
    from_here: bool = False
    # What the import leaves out of rows it takes, in words.
    warnings: list[str] = field(default_factory=list)
    # Rows a colleague's side holds as this one does, news here: (uuid, digests).
    # Applying notes them (even when nothing changes) for later three-way merges.
    agreements: list[tuple[str, str, str]] = field(default_factory=list)  # uuid, sheet, agreed

    @property
    def conflicts(self) -> list[tuple[RowChange, FieldChange]]:
        return [(c, f) for c in self.changed for f in c.changes if f.conflict]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed)

    def summary(self) -> str:
        conflicts = len(self.conflicts)
        return (
            f"{len(self.added)} to add, {len(self.changed)} to change"
            + (
                f" ({conflicts} conflicting field{'s' if conflicts != 1 else ''})"
                if conflicts
                else ""
            )
            + f", {sum(self.unchanged.values())} unchanged, {len(self.rejected)} rejected"
        )


# --- cell readers ----------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _year(value: Any, name: str) -> int | None:
    try:
        return parse_year(value, name)
    except FieldValueError as exc:
        raise RowRejectedError(message_of(exc)) from None


def _number(value: Any, name: str) -> float | None:
    try:
        return parse_number(value, name)
    except FieldValueError as exc:
        raise RowRejectedError(message_of(exc)) from None


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "y")
    return bool(value)


def _row_id(value: Any) -> int | None:
    """The id in an old workbook's "Note id" or "Highlight id" cell, if it can be one of ours."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not (value.is_integer() and abs(value) < 2**53):
        return None
    number = int(value)
    return number if 0 < number < 2**63 else None


_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(row: dict[str, Any]) -> str:
    """The row's UUID cell, when it holds one."""
    value = row.get(layout.UUID)
    text = value.strip().lower() if isinstance(value, str) else ""
    return text if _UUID_TEXT.fullmatch(text) else ""


def _list(value: Any, separator: str) -> list[str]:
    return [part.strip() for part in _text(value).split(separator) if part.strip()]


def _as_sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> str:
    """One spacing: " Health  care " is "Health care"."""
    return " ".join(text.split())


_DRAFT_COLUMNS = {
    "title": "Title", "title_zh": layout.TITLE_ZH, "title_zh_note": layout.TITLE_ZH_NOTE,
    "slug": "Slug", "sector": "Sector", "start_year": "Start year", "end_year": "End year",
    "forms": "Forms of assistance", "summary": "Summary", "narrative": "Narrative",
}  # fmt: skip
_METRIC_COLUMNS = {
    "name": "Metric", "value": "Value", "low": "Low", "high": "High", "qualifier": "Qualifier",
    "period": "Year",
}  # fmt: skip


# --- planning ----------------------------------------------------------------------


_CASE_COLUMNS = (
    "id", "uuid", "slug", "title", "title_zh", "title_zh_note", "sector", "start_year",
    "end_year", "ongoing", "summary", "narrative",
)  # fmt: skip
_METRIC_FIELDS = (
    "id", "uuid", "case_id", "key", "name", "value", "low", "high", "unit", "qualifier", "year",
    "start_year", "end_year", "note",
)  # fmt: skip


@dataclass
class _Metric:
    """A figure as the import compares it."""

    id: int
    uuid: str
    case_id: int
    key: str | None
    name: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    year: int | None
    start_year: int | None
    end_year: int | None
    note: str
    source_key: str | None

    def __post_init__(self) -> None:
        self.source_key = self.source_key or ""


@dataclass
class _Case:
    """A case as the import compares it."""

    id: int
    uuid: str
    slug: str
    title: str
    title_zh: str
    title_zh_note: str
    sector: str
    start_year: int | None
    end_year: int | None
    ongoing: bool
    summary: str
    narrative: str
    assistance_forms: list[str] = field(default_factory=list)
    tag_keys: list[str] = field(default_factory=list)
    metrics: list[_Metric] = field(default_factory=list)


class _Base:
    """A row's base digests, read the first time a field differs (most rows: never)."""

    def __init__(self, read: Any) -> None:
        self._read = read
        self._found: dict[str, set[str]] | None = None

    def get(self, name: str) -> set[str] | None:
        if self._found is None:
            self._found = self._read()
        return self._found.get(name)


class _Planner:
    def __init__(self, session: Session, sheets: dict[str, SheetRows], trust: bool) -> None:
        self.session = session
        self.plan = ImportPlan()
        about = sheets.get(layout.ABOUT)
        exporter = next(
            (r["Value"] for _, r in about.rows if r["Item"] == layout.CATALOGUE), None
        ) if about else None  # fmt: skip
        self.plan.from_here = trust and bool(exporter) and exporter == this_catalogue(session)
        # Every slug in use (new cases' too, as they are planned).
        self.slugs = set(session.scalars(select(CaseStudy.slug)))
        # What a chunk of rows is compared with, loaded for that chunk in a few
        # queries (see `load`): memory stays flat however long the workbook.
        self.cases: dict[str, _Case] = {}
        self.case_uuids: dict[str, _Case] = {}
        self.metric_uuids: dict[str, _Metric] = {}
        self.notes: dict[str, tuple[Note, str]] = {}
        self.highlights: dict[str, tuple[Highlight, str, str]] = {}
        self.bases: dict[str, dict[str, str]] = {}
        self.new_slugs: set[str] = set()
        self.seen: dict[str, dict[Any, int]] = {}
        self.tags: dict[str, Tag] | None = None
        self.sheet = SheetRows("")
        # Sectors and forms as this catalogue spells them, by their keys (app.vocab):
        # the editor's vocabularies, so an import and the editor agree.
        self.vocab = all_spellings(session)
        self.sectors = self.vocab[SECTOR]
        self.forms = self.vocab[FORM]
        self.places: dict[str, int] | None = None
        self.parents: dict[int, int | None] = {}

    # --- what the two sides last agreed on ---

    def base(self, uuid: str, row: dict[str, Any]) -> _Base:
        """The digests of each field as the two sides last had it in common (empty: unknown).

        Three records can say so: what this catalogue last agreed on with a
        workbook (SyncBase, kept at import); what the exporter last agreed on
        (its base cell's ~ digests); and, in a workbook exported from here,
        what the row held when it was exported. Read only when a field differs.
        """
        return _Base(lambda: self.read_base(uuid, row))

    def read_base(self, uuid: str, row: dict[str, Any]) -> dict[str, set[str]]:
        found = parse_base_cell(row.get(layout.SYNC_BASE), from_here=self.plan.from_here)
        for name, value in self.bases.get(uuid, {}).items():
            found.setdefault(name, set()).add(value)
        return found

    def compare(self, change: RowChange, name: str, old: Any, new: Any, base: _Base) -> None:
        """Add field `name` to the change if the workbook's value is one to consider."""
        if same(old, new):
            return
        known = base.get(name)
        if known:
            if digest(new) in known:  # changed here only: ours stays
                self.plan.kept_yours += 1
                return
            if digest(old) not in known:  # changed on both sides
                change.changes.append(FieldChange(name, old, new, conflict=True))
                return
        change.changes.append(FieldChange(name, old, new))

    def agree(self, change: RowChange) -> None:
        change.agreed = "".join(digest(change.values.get(n)) for n in FIELDS[change.sheet])

    # --- bookkeeping ---

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
        return slug in self.slugs

    def record(self, change: RowChange) -> None:
        if change.action == "add":
            self.agree(change)
            self.plan.added.append(change)
        elif change.changes:
            self.agree(change)
            self.plan.changed.append(change)
        else:
            self.plan.unchanged[change.sheet] += 1
            if not self.plan.from_here:  # what both hold may be news here
                self.agree(change)
                known = self.known(change.uuid)
                if "".join(known.get(n, "") for n in FIELDS[change.sheet]) != change.agreed:
                    self.plan.agreements.append((change.uuid, change.sheet, change.agreed))

    def known(self, uuid: str) -> dict[str, str]:
        return self.bases.get(uuid, {})

    def each(self, sheet: SheetRows | None, handler: Any) -> None:
        if sheet is None:
            return
        self.sheet = sheet
        rows = sheet.stream()
        while chunk := list(itertools.islice(rows, CHUNK)):
            self.load(sheet, chunk)
            for number, row in chunk:
                try:
                    if number in sheet.problems:
                        problem = sheet.problems[number]
                        raise RowRejectedError(problem[1], problem[0])
                    handler(number, row)
                except RowRejectedError as exc:
                    self.plan.rejected.append(
                        Rejection(sheet.name, number, message_of(exc), exc.column)
                    )
        del rows
        self.seen.pop(sheet.name, None)  # keys repeat only within a sheet
        give_back_memory()  # the sheet's cells, before the next sheet is read

    def load(self, sheet: SheetRows, chunk: list[tuple[int, dict[str, Any]]]) -> None:
        """Read what these rows are compared with, dropping the previous chunk's."""
        uuids = sorted({u for _, row in chunk if (u := _uuid(row))})
        self.cases, self.case_uuids, self.metric_uuids = {}, {}, {}
        self.notes, self.highlights = {}, {}
        if sheet.name == layout.CASES:
            slugs = sorted({_text(row.get("Slug")).strip() for _, row in chunk})
            self.load_cases(slugs, uuids, with_metrics=False)
        elif sheet.name == layout.METRICS:
            for part in _parts(uuids):
                for m in self.metric_rows(Metric.uuid.in_(part)):
                    self.metric_uuids[m.uuid] = m
            # A figure not found by its UUID is looked for by its case and key.
            slugs = sorted(
                {_text(row.get("Case slug")).strip() for _, row in chunk
                 if _uuid(row) not in self.metric_uuids}
            )  # fmt: skip
            self.load_cases(slugs, [], with_metrics=True)
        elif sheet.name == layout.NOTES:
            notes = select(Note, CaseStudy.slug).join(CaseStudy, CaseStudy.id == Note.case_id)
            for part in _parts(uuids):
                for note, slug in self.session.execute(notes.where(Note.uuid.in_(part))):
                    self.notes[note.uuid] = (note, slug)
            for note, slug in self.session.execute(notes.where(self.legacy(Note, chunk))):
                self.notes[f"id:{note.id}"] = (note, slug)
        elif sheet.name == layout.HIGHLIGHTS:
            marks = (
                select(Highlight, CaseStudy.slug, Tag.name)
                .join(CaseStudy, CaseStudy.id == Highlight.case_id)
                .outerjoin(Tag, Tag.id == Highlight.tag_id)
            )
            for part in _parts(uuids):
                for item, slug, tag in self.session.execute(marks.where(Highlight.uuid.in_(part))):
                    self.highlights[item.uuid] = (item, slug, tag or "")
            for item, slug, tag in self.session.execute(marks.where(self.legacy(Highlight, chunk))):
                self.highlights[f"id:{item.id}"] = (item, slug, tag or "")
        known = set(uuids) | {c.uuid for c in self.cases.values()}
        if sheet.name == layout.METRICS:
            known |= {m.uuid for c in self.cases.values() for m in c.metrics}
        self.bases = {}
        for part in _parts(sorted(known)):
            for uuid, text in self.session.execute(
                select(SyncBase.uuid, SyncBase.digests).where(SyncBase.uuid.in_(part))
            ):
                self.bases[uuid] = json.loads(text)

    def load_cases(self, slugs: list[str], uuids: list[str], with_metrics: bool) -> None:
        """Cases as plain rows (reading ORM objects took most of a preview's time)."""
        columns = [getattr(CaseStudy, n) for n in _CASE_COLUMNS]
        found: dict[int, _Case] = {}
        for column, values in ((CaseStudy.slug, slugs), (CaseStudy.uuid, uuids)):
            for part in _parts(values):
                for row in self.session.execute(select(*columns).where(column.in_(part))):
                    found[row[0]] = _Case(*row)  # the columns in _Case's order
        ids = sorted(found)
        if with_metrics:
            for m in self.metric_rows(in_ids(Metric.case_id, ids)):
                found[m.case_id].metrics.append(m)
        else:
            for case_id, form in self.session.execute(
                select(CaseAssistance.case_id, CaseAssistance.form).where(
                    in_ids(CaseAssistance.case_id, ids)
                )
            ):
                found[case_id].assistance_forms.append(form)
            for case_id, key in self.session.execute(
                select(case_tag.c.case_id, Tag.name_key)
                .join(Tag, Tag.id == case_tag.c.tag_id)
                .where(in_ids(case_tag.c.case_id, ids))
            ):
                found[case_id].tag_keys.append(key)
        for case in found.values():
            self.cases[case.slug] = case
            self.case_uuids[case.uuid] = case

    def metric_rows(self, condition: Any) -> list[_Metric]:
        columns = [getattr(Metric, n) for n in _METRIC_FIELDS]
        query = (
            select(*columns, Source.key.label("source_key"))
            .outerjoin(Source, Source.id == Metric.source_id)
            .where(condition)
        )
        rows = self.session.execute(query)
        return [_Metric(*row) for row in rows]  # type: ignore[call-arg]  # in _Metric's order

    def legacy(
        self, model: type[Note] | type[Highlight], chunk: list[tuple[int, dict[str, Any]]]
    ) -> Any:
        """The rows an old workbook's chunk names by id (none when the sheet has UUIDs)."""
        header = layout.NOTE_ID if model is Note else layout.HIGHLIGHT_ID
        if layout.UUID in self.sheet.header or header not in self.sheet.header:
            return false()
        ids = sorted({i for _, row in chunk if (i := _row_id(row.get(header))) is not None})
        return in_ids(model.id, ids) if ids else false()

    def claim(self, header: str, key: Any, shown: Message, number: int) -> None:
        """Take `key` for row `number`; a key the sheet already gave another row is rejected."""
        seen = self.seen.setdefault(self.sheet.name, {})
        first = seen.setdefault(key, number)
        if first != number:
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "%1 is also on row %2; each may appear once").arg(
                    shown, first
                ),
                self.sheet.column(header),
            )

    def identity(self, row: dict[str, Any], number: int) -> str:
        uuid = _uuid(row)
        if uuid:
            self.claim(
                layout.UUID, uuid, QT_TRANSLATE_NOOP("ImportPlan", "the UUID %1").arg(uuid), number
            )
        return uuid

    def rejected_by_editor(self, problems: dict[str, str], columns: dict[str, str]) -> None:
        if problems:
            name, message = next(iter(problems.items()))
            column = columns.get(name.rsplit(".", 1)[-1], "")
            raise RowRejectedError(message, self.sheet.column(column) if column else "")

    # --- vocabularies ---

    def sector(self, text: str) -> str:
        """The catalogue's spelling of a sector, matched whatever the case and spacing."""
        return self.term(SECTOR, text, "Sector") if text.strip() else ""

    def term(self, kind: Kind, text: str, column: str) -> str:
        """The catalogue's spelling of a sector or form; a new one is listed in new_values."""
        try:
            value, key = normalise_term(kind, text)
        except TermError as exc:
            raise RowRejectedError(message_of(exc), self.sheet.column(column)) from exc
        known = self.vocab[kind].get(key)
        if known is None:
            self.vocab[kind][key] = known = value
            self.plan.new_values.append(
                QT_TRANSLATE_NOOP("ImportPlan", "%1 “%2”").arg(KIND_WORDS[kind][0], value)
            )
        return known

    def assistance_forms(self, value: Any) -> list[str]:
        forms = [self.term(FORM, text, "Forms of assistance") for text in _list(value, ",")]
        return sorted(set(forms))

    # --- sheets ---

    def case_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Slug")).strip()
        if not slug:
            raise RowRejectedError(QT_TRANSLATE_NOOP("ImportPlan", "the Slug cell is empty"))
        self.claim(
            "Slug", slug, QT_TRANSLATE_NOOP("ImportPlan", "the slug %1").arg(repr(slug)), number
        )
        uuid = self.identity(row, number)
        values: dict[str, Any] = {
            "title": _text(row.get("Title")),
            "sector": self.sector(_text(row.get("Sector"))),
            "start_year": _year(row.get("Start year"), "Start year"),
            "end_year": _year(row.get("End year"), "End year"),
            "ongoing": _flag(row.get("Ongoing")),
            "summary": _text(row.get("Summary")),
            "narrative": _text(row.get("Narrative")),
        }
        values.update(self.chinese_title(row))
        forms = self.assistance_forms(row.get("Forms of assistance"))
        tags = []
        for name in split_tag_names(_text(row.get("Tags"))):
            try:
                tags.append(normalise_tag_name(name))
            except TagNameError as exc:
                raise RowRejectedError(message_of(exc), self.sheet.column("Tags")) from exc
        case = self.case_uuids.get(uuid) if uuid else None
        case = case or self.cases.get(slug)
        if case is None:
            draft = CaseDraft(
                slug=slug, forms=forms, **{k: v for k, v in values.items() if k != "start_year"
                                            and k != "end_year" and k != "ongoing"},
                start_year=number_text(values["start_year"]),
                end_year=number_text(values["end_year"]), ongoing=values["ongoing"],
            )  # fmt: skip
            taken = self.slugs if draft.slug.strip() else None
            problems = problems_in(self.session, draft, None, taken, self.vocab)
            self.rejected_by_editor(problems, _DRAFT_COLUMNS)
            self.new_slugs.add(slug)
            self.slugs.add(slug)
            donors, recipients = self.sides(number, row)
            values.update(slug=slug, forms=forms, tags=[t[0] for t in tags], donor_places=donors,
                          recipient_places=recipients)  # fmt: skip
            self.record(
                RowChange(layout.CASES, number, slug, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(
            layout.CASES, number, case.slug, "change", values, target_id=case.id, uuid=case.uuid
        )
        base = self.base(case.uuid, row)
        if slug != case.slug:  # the same case (by UUID) under another slug
            self.compare(change, "slug", case.slug, slug, _Base(dict))
        for name, new in values.items():
            self.compare(change, name, getattr(case, name), new, base)
        old_forms = sorted(case.assistance_forms)
        self.compare(change, "forms", old_forms, forms, base)
        # As exported: a name the export had to clean comes back cleaned, and is the same tag.
        have = {without_illegal_characters(key) for key in case.tag_keys}
        added = [display for display, key in tags if key not in have]
        if added:
            change.changes.append(FieldChange("tags added", "", join_tag_names(added)))
        change.values.update(slug=slug, forms=forms, tags=added)
        if change.changes:
            draft = load_draft(self.session, case.id)
            for item in change.changes:
                if item.field in _DRAFT_COLUMNS:
                    new = item.new
                    if item.field in ("start_year", "end_year"):
                        new = number_text(new)
                    setattr(draft, item.field, new)
            self.slugs.discard(case.slug)  # its own slug is not taken by another case
            try:
                problems = problems_in(self.session, draft, case.id, self.slugs, self.vocab)
            finally:
                self.slugs.add(case.slug)
            self.rejected_by_editor(problems, _DRAFT_COLUMNS)
        self.record(change)

    def sides(self, number: int, row: dict[str, Any]) -> tuple[list[int], list[int]]:
        """A new case's donor and recipient places, from the names the export wrote.

        A name is found whatever its case, in English or Chinese. An area is
        kept only when no place named beside it lies inside it (the export
        names both the province and the city in it).
        """
        if self.places is None:
            self.places = {}
            for place_id, name, name_zh, parent in self.session.execute(
                select(Place.id, Place.name, Place.name_zh, Place.parent_id)
            ):
                self.parents[place_id] = parent
                for text in (name, name_zh):
                    if text:
                        self.places.setdefault(_words(text).casefold(), place_id)
        found: list[list[int]] = []
        for area_header, place_header in (
            ("Donor province", "Donor city or county"),
            ("Recipient prefecture", "Recipient county or city"),
        ):
            chosen = self.named_places(number, row.get(place_header))
            inside = {a for p in chosen for a in self.ancestors(p)}
            areas = [a for a in self.named_places(number, row.get(area_header)) if a not in inside]
            found.append(list(dict.fromkeys(areas + chosen)))
        return found[0], found[1]

    def named_places(self, number: int, cell: Any) -> list[int]:
        assert self.places is not None
        ids = []
        for name in _list(cell, ";"):
            place = self.places.get(_words(name).casefold())
            if place is None:
                self.plan.warnings.append(
                    QT_TRANSLATE_NOOP(
                        "ImportPlan",
                        "%1, row %2: the place “%3” is not in this "
                        "catalogue's list of places; the case comes in without it.",
                    ).arg(self.sheet.name, number, name)
                )
            else:
                ids.append(place)
        return ids

    def ancestors(self, place: int) -> list[int]:
        chain: list[int] = []
        parent = self.parents.get(place)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.parents.get(parent)
        return chain

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
                    raise RowRejectedError(message_of(exc), self.sheet.column(header)) from None
        return values

    def metric_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "no case with the slug %1").arg(repr(slug))
            )
        uuid = self.identity(row, number)
        value = _number(row.get("Value"), "Value")
        low, high = _number(row.get("Low"), "Low"), _number(row.get("High"), "High")
        year = _year(row.get("Year"), "Year")
        start, end = (
            _year(row.get("Start year"), "Start year"),
            _year(row.get("End year"), "End year"),
        )
        period = period_text(year, start, end)
        draft = MetricDraft(
            name=_text(row.get("Metric")), value=number_text(value), low=number_text(low),
            high=number_text(high), unit=_text(row.get("Unit")),
            qualifier=_text(row.get("Qualifier")).strip() or "exact", period=period,
            note=_text(row.get("Note")),
        )  # fmt: skip
        problems: dict[str, str] = {}
        checked = check_metric(0, draft, problems)
        self.rejected_by_editor(
            {k: _as_sentence(v.replace("Figure 1: ", "").replace("Figure 1", "The figure"))
             for k, v in problems.items()},
            _METRIC_COLUMNS,
        )  # fmt: skip
        values = {
            name: checked[name]
            for name in ("name", "value", "low", "high", "unit", "qualifier", "year",
                         "start_year", "end_year", "note")
        }  # fmt: skip
        values["source_key"] = _text(row.get("Source key")).strip()
        key = _text(row.get("Key")).strip()
        if key:
            self.claim(
                "Key",
                (slug, key),
                QT_TRANSLATE_NOOP("ImportPlan", "the key %1 of %2").arg(repr(key), repr(slug)),
                number,
            )
        case = self.cases.get(slug)
        metric = self.metric_uuids.get(uuid) if uuid else None
        if metric is None and case is not None and key:
            metric = next((m for m in case.metrics if m.key == key), None)
        label = f"{slug} / {values['name']}"
        if metric is None:
            values.update(slug=slug, key=key or None)
            self.record(
                RowChange(layout.METRICS, number, label, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(
            layout.METRICS, number, label, "change", values, target_id=metric.id, uuid=metric.uuid
        )
        change.values["slug"] = slug
        base = self.base(metric.uuid, row)
        for name in FIELDS[layout.METRICS]:
            self.compare(change, name, getattr(metric, name), values[name], base)
        self.record(change)

    def legacy_row(self, loaded: dict[str, Any], header: str, row: dict[str, Any]) -> Any:
        """What an old workbook's row names by id, when the sheet has no UUIDs."""
        if layout.UUID in self.sheet.header or header not in self.sheet.header:
            return None
        row_id = _row_id(row.get(header))
        return loaded.get(f"id:{row_id}") if row_id is not None else None

    def note_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "no case with the slug %1").arg(repr(slug))
            )
        body = _text(row.get("Note"))
        uuid = self.identity(row, number)
        found = self.notes.get(uuid) if uuid else self.legacy_row(self.notes, layout.NOTE_ID, row)
        note = found[0] if found else None
        if note is not None and not uuid:
            self.claim(
                layout.NOTE_ID,
                note.id,
                QT_TRANSLATE_NOOP("ImportPlan", "note %1").arg(note.id),
                number,
            )
        if found is not None and found[1] != slug:
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "this note belongs to %1, not %2").arg(
                    repr(found[1]), repr(slug)
                )
            )
        values: dict[str, Any] = {"slug": slug, "body": body}
        if note is None:
            if not body.strip():
                raise RowRejectedError(
                    QT_TRANSLATE_NOOP("ImportPlan", "the Note cell is empty"),
                    self.sheet.column("Note"),
                )
            created = row.get("Created")
            values.update(
                author=_text(row.get(layout.AUTHOR)).strip(),
                created_at=created if isinstance(created, datetime) else None,
            )
            self.record(
                RowChange(layout.NOTES, number, slug, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(layout.NOTES, number, slug, "change", values, target_id=note.id,
                           uuid=note.uuid)  # fmt: skip
        self.compare(change, "body", note.body, body, self.base(note.uuid, row))
        self.record(change)

    def highlight_row(self, number: int, row: dict[str, Any]) -> None:
        slug = _text(row.get("Case slug")).strip()
        if not self.case_exists(slug):
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "no case with the slug %1").arg(repr(slug))
            )
        comment = _text(row.get("Comment"))
        tag = _text(row.get("Tag")).strip()
        if tag:
            try:
                tag = normalise_tag_name(tag)[0]
            except TagNameError as exc:
                raise RowRejectedError(message_of(exc), self.sheet.column("Tag")) from exc
        uuid = self.identity(row, number)
        found = (
            self.highlights.get(uuid)
            if uuid
            else self.legacy_row(self.highlights, layout.HIGHLIGHT_ID, row)
        )
        item = found[0] if found else None
        if item is not None and not uuid:
            self.claim(
                layout.HIGHLIGHT_ID,
                item.id,
                QT_TRANSLATE_NOOP("ImportPlan", "highlight %1").arg(item.id),
                number,
            )
        if found is not None and found[1] != slug:
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "this highlight belongs to %1, not %2").arg(
                    repr(found[1]), repr(slug)
                )
            )
        values: dict[str, Any] = {"slug": slug, "comment": comment, "tag": tag}
        if item is None:
            where = _text(row.get("Field")).strip() or "summary"
            quote = _text(row.get("Quote"))
            if where not in ("summary", "narrative"):
                raise RowRejectedError(
                    QT_TRANSLATE_NOOP("ImportPlan", "Field %1 must be summary or narrative").arg(
                        repr(where)
                    ),
                    self.sheet.column("Field"),
                )
            if not quote.strip():
                raise RowRejectedError(
                    QT_TRANSLATE_NOOP("ImportPlan", "the Quote cell is empty"),
                    self.sheet.column("Quote"),
                )
            values.update(field=where, quote=quote, author=_text(row.get(layout.AUTHOR)).strip())
            self.record(
                RowChange(layout.HIGHLIGHTS, number, slug, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(layout.HIGHLIGHTS, number, slug, "change", values, target_id=item.id,
                           uuid=item.uuid)  # fmt: skip
        base = self.base(item.uuid, row)
        self.compare(change, "comment", item.comment, comment, base)
        self.compare(change, "tag", found[2] if found else "", tag, base)
        self.record(change)

    def tag_row(self, number: int, row: dict[str, Any]) -> None:
        try:
            display, key = normalise_tag_name(_text(row.get("Tag")))
        except TagNameError as exc:
            raise RowRejectedError(message_of(exc), self.sheet.column("Tag")) from exc
        self.claim(
            "Tag", key, QT_TRANSLATE_NOOP("ImportPlan", "the tag %1").arg(repr(display)), number
        )
        uuid = self.identity(row, number)
        try:
            colour = checked_colour(_text(row.get("Colour")).strip())
        except ValueError as exc:
            raise RowRejectedError(message_of(exc), self.sheet.column("Colour")) from None
        tag = self.tag_by_key(key)
        values = {"name": display, "name_key": key, "colour": colour}
        if tag is None:
            self.record(
                RowChange(layout.TAGS, number, display, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(layout.TAGS, number, tag.name, "change", values, target_id=tag.id,
                           uuid=tag.uuid)  # fmt: skip
        self.compare(change, "colour", tag.colour, colour, self.base(tag.uuid, row))
        self.record(change)

    def source_row(self, number: int, row: dict[str, Any]) -> None:
        key = _text(row.get("Key")).strip()
        if not key:
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "the Key cell is empty"), self.sheet.column("Key")
            )
        self.claim("Key", key, QT_TRANSLATE_NOOP("ImportPlan", "the key %1").arg(repr(key)), number)
        uuid = self.identity(row, number)
        values = {
            "title": _text(row.get("Title")),
            "author": _text(row.get("Author")),
            "publisher": _text(row.get("Publisher")),
            "date_text": _text(row.get("Date")),
            "date_note": _text(row.get("Date note")),
            "kind": _text(row.get("Kind")),
            "outlook": _text(row.get("Outlook")),
            "seed_file": _text(row.get("Seed file")),
        }
        source = None
        if uuid:
            source = self.session.scalars(select(Source).where(Source.uuid == uuid)).first()
        source = source or self.session.scalars(select(Source).where(Source.key == key)).first()
        if source is None:
            if not values["title"].strip():
                raise RowRejectedError(
                    QT_TRANSLATE_NOOP("ImportPlan", "the Title cell is empty"),
                    self.sheet.column("Title"),
                )
            values["key"] = key
            self.record(
                RowChange(layout.SOURCES, number, key, "add", values, uuid=uuid or new_uuid())
            )
            return
        change = RowChange(layout.SOURCES, number, key, "change", values, target_id=source.id,
                           uuid=source.uuid)  # fmt: skip
        base = self.base(source.uuid, row)
        for name, new in values.items():
            self.compare(change, name, getattr(source, name), new, base)
        if any(c.field == "title" and not str(c.new).strip() for c in change.changes):
            raise RowRejectedError(
                QT_TRANSLATE_NOOP("ImportPlan", "the Title cell is empty"),
                self.sheet.column("Title"),
            )
        self.record(change)


def _parts(values: list[str]) -> list[list[str]]:
    """Values in lists of at most 500 (SQLite binds at most 32,766 a statement)."""
    return [values[i : i + 500] for i in range(0, len(values), 500)]


def plan_import(
    session: Session, sheets: dict[str, SheetRows], *, trust_export_base: bool = True
) -> ImportPlan:
    """Compare the workbook's rows with the catalogue; write nothing.

    `trust_export_base` False: even a workbook made by this catalogue (a
    copy of it, when merging) says nothing about what the two last had in
    common but through its agreed digests.
    """
    planner = _Planner(session, sheets, trust_export_base)
    planner.each(sheets.get(layout.SOURCES), planner.source_row)
    planner.each(sheets.get(layout.TAGS), planner.tag_row)
    planner.each(sheets.get(layout.CASES), planner.case_row)
    planner.each(sheets.get(layout.METRICS), planner.metric_row)
    planner.each(sheets.get(layout.NOTES), planner.note_row)
    planner.each(sheets.get(layout.HIGHLIGHTS), planner.highlight_row)
    return planner.plan
