"""Exporting the catalogue (or part of it) to one .xlsx workbook.

openpyxl's write-only mode streams every sheet to disk, and rows are read
from SQL in chunks, so memory stays flat whatever the catalogue's size.
Every text value passes through one `_WriterContext.text` gate that removes
characters XML cannot hold and writes formula-like text as text.
"""

from __future__ import annotations

import contextlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.atomic_file import atomic_output
from app.case_filter import CaseFilter
from app.query import case_ids
from app.xlsx import layout
from app.xlsx.cells import EXCEL_CELL_LIMIT, CellCleaner, looks_like_formula, split_for_cells
from models import CaseStudy, Highlight, Metric, Note, Place, Source, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance, CasePlace

CHUNK = 1000
DATE_FORMAT = "yyyy-mm-dd hh:mm"

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


class ExportCancelledError(Exception):
    """The user cancelled; nothing was written."""


@dataclass
class ExportSummary:
    path: Path
    scope: str
    counts: dict[str, int] = field(default_factory=dict)
    removed_characters: int = 0
    continued_cells: int = 0
    formula_like_cells: int = 0


def describe_filter(flt: CaseFilter | None) -> str:
    if flt is None or flt.is_empty():
        return "the whole catalogue"
    parts = []
    if flt.case_ids is not None:
        parts.append(f"{len(flt.case_ids)} selected cases")
    if flt.text:
        parts.append(f"text {flt.text!r}")
    if flt.tags:
        parts.append(f"tags ({flt.tag_mode} of) " + ", ".join(sorted(flt.tags)))
    for label, values in (
        ("sectors", flt.sectors),
        ("forms", flt.forms),
        ("donor places", flt.donor_places),
        ("recipient places", flt.recipient_places),
    ):
        if values:
            parts.append(f"{label} " + ", ".join(sorted(str(v) for v in values)))
    return "; ".join(parts)


class _WriterContext:
    """Styles, cleaning and counters shared by all the sheets of one export.

    Styled cells take a copy of a prepared style array instead of having
    fonts and alignments assigned one by one, which keeps the per-cell cost
    close to that of a plain value.
    """

    def __init__(self, workbook: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.worksheet.hyperlink import Hyperlink

        self.workbook = workbook
        self.cell_factory = WriteOnlyCell
        self.hyperlink = Hyperlink
        self.cleaner = CellCleaner()
        self.continued_cells = 0
        self.formula_like = 0
        self.sheets: list[tuple[Any, str]] = []
        self.rows: dict[int, int] = defaultdict(int)
        self.compact_links: dict[int, list[tuple[int, int]]] = {}
        bold = Font(bold=True)
        link = Font(color="0563C1", underline="single")
        wrap = Alignment(wrap_text=True, vertical="top")
        self.styles = {
            "bold": self._style(font=bold),
            "wrap": self._style(alignment=wrap),
            "quote": self._style(quotePrefix=True),
            "quote+wrap": self._style(alignment=wrap, quotePrefix=True),
            "link": self._style(font=link),
            "link+quote": self._style(font=link, quotePrefix=True),
            "date": self._style(number_format=DATE_FORMAT),
        }

    def _style(self, **attributes: Any) -> Any:
        # A cell's styles are registered with its sheet's workbook (cell.parent.parent).
        template = self.cell_factory(SimpleNamespace(parent=self.workbook), None)
        for name, value in attributes.items():
            setattr(template, name, value)
        return template._style

    def cell(self, sheet: Any, value: Any, style: str) -> Any:
        cell = self.cell_factory(sheet, value)
        cell._style = copy(self.styles[style])
        return cell

    def append(self, sheet: Any, row: list[Any]) -> None:
        sheet.append(row)
        self.rows[id(sheet)] += 1

    def finish(self) -> None:
        """Close the last sheet; the workbook is then ready to save."""
        self._close_current()

    def _close_current(self) -> None:
        """Finish the sheet being written: its autofilter spans its rows, and once it is
        closed its hyperlinks (written into its part) are let go, so memory holds one
        sheet's links at a time rather than every sheet's."""
        if not self.sheets:
            return
        sheet, last_column = self.sheets[-1]
        if sheet.closed:
            return
        sheet.auto_filter.ref = f"A1:{last_column}{max(1, self.rows[id(sheet)])}"
        sheet.close()
        links = getattr(sheet, "_hyperlinks", None)
        if links is not None:
            links.clear()

    def _guard(self, sheet: Any, value: str, style: str) -> Any:
        """`value` (already clean) as a cell; formula-like text is forced to text."""
        if looks_like_formula(value):
            self.formula_like += 1
            quoted = {"": "quote", "wrap": "quote+wrap", "link": "link+quote"}[style]
            cell = self.cell(sheet, value, quoted)
            cell.data_type = "s"
            return cell
        return self.cell(sheet, value, style) if style else value

    def text(self, sheet: Any, value: str | None, wrap: bool = False) -> Any:
        """A cell value for text: cleaned, and never a formula."""
        if not value:
            return value
        return self._guard(sheet, self.cleaner.clean(value), "wrap" if wrap else "")

    def long_text(self, sheet: Any, value: str | None) -> list[Any]:
        """The value's first piece plus any continuation pieces (the caller places them)."""
        pieces = split_for_cells(self.cleaner.clean(value or ""))
        if len(pieces) > 1:
            self.continued_cells += len(pieces) - 1
        return [self._guard(sheet, piece, "wrap") if piece else None for piece in pieces]

    def date(self, sheet: Any, value: datetime | None) -> Any:
        return None if value is None else self.cell(sheet, value, "date")

    def slug_link(self, sheet: Any, slug: str, case_row: int | None) -> Any:
        """The case's slug, linked to its row on the Case studies sheet."""
        if case_row is None:
            return self.text(sheet, slug)
        cell = self._guard(sheet, self.cleaner.clean(slug), "link")
        links = self.compact_links.get(id(sheet))
        if links is not None:
            links.append((self.rows[id(sheet)] + 1, case_row))  # the row this cell lands on
        else:
            cell.hyperlink = self.hyperlink(ref="", location=f"'{layout.CASES}'!A{case_row}")
        return cell

    def _use_compact_links(self, sheet: Any) -> None:
        """Keep this sheet's links as (row, case row) pairs and write its <hyperlinks>
        element from them when the sheet closes.

        openpyxl would otherwise hold a Hyperlink object per linked cell until then:
        about 1 KB each, 300 MB for the Metrics sheet of a 100,000-case catalogue.
        The element written is the same one openpyxl writes (see HyperlinkList).
        """
        writer = getattr(sheet, "_writer", None)
        if writer is None or not hasattr(writer, "write_hyperlinks") or not hasattr(writer, "xf"):
            return  # an openpyxl without this layout: fall back to Hyperlink objects
        links: list[tuple[int, int]] = []
        self.compact_links[id(sheet)] = links

        def write_hyperlinks() -> None:
            from lxml.etree import Element

            if not links:
                return
            # Stream the element (as openpyxl streams sheetData) rather than build a tree.
            xf = writer.xf.send(True)
            with xf.element("hyperlinks"):
                for row, case_row in links:
                    location = f"'{layout.CASES}'!A{case_row}"
                    xf.write(Element("hyperlink", ref=f"A{row}", location=location))
            writer.xf.send(None)
            links.clear()

        writer.write_hyperlinks = write_hyperlinks

    def sheet(self, title: str, columns: Sequence[layout.Column], extra: Sequence[str] = ()) -> Any:
        """A new sheet with a bold frozen header, autofilter and column widths."""
        from openpyxl.utils import get_column_letter

        self._close_current()
        sheet = self.workbook.create_sheet(title)
        headers = [c.header for c in columns] + list(extra)
        widths = [c.width for c in columns] + [60] * len(extra)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        self.sheets.append((sheet, get_column_letter(len(headers))))
        self.append(sheet, [self.cell(sheet, header, "bold") for header in headers])
        self._use_compact_links(sheet)
        return sheet


_METRIC_FIELDS = (
    Metric.case_id, Metric.name, Metric.value, Metric.low, Metric.high, Metric.unit,
    Metric.qualifier, Metric.year, Metric.start_year, Metric.end_year, Metric.source_id,
    Metric.note, Metric.key,
)  # fmt: skip
_HIGHLIGHT_FIELDS = (
    Highlight.id, Highlight.case_id, Highlight.field, Highlight.quote, Highlight.comment,
    Highlight.tag_id, Highlight.orphaned, Highlight.created_at,
)  # fmt: skip


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _rows_by_case(
    session: Session, ids: list[int], query: Callable[[list[int]], Any]
) -> Iterator[tuple[int, str, Any]]:
    """(case id, slug, row) for the rows `query(chunk)` selects, in the cases' order.

    Reads a chunk of cases at a time, so memory stays flat.
    """
    for chunk in _chunks(ids):
        slug_rows = session.execute(
            select(CaseStudy.id, CaseStudy.slug).where(CaseStudy.id.in_(chunk))
        )
        slugs: dict[int, str] = {case_id: slug for case_id, slug in slug_rows}
        by_case: dict[int, list[Any]] = defaultdict(list)
        for row in session.execute(query(chunk)):
            by_case[row.case_id].append(row)
        for case_id in chunk:
            for row in by_case[case_id]:
                yield case_id, slugs[case_id], row


def _continuations(session: Session, column: Any, label: str) -> list[str]:
    """Headers for the extra columns that the longest value of `column` needs.

    Counted over the whole catalogue, so the layout does not depend on the filter.
    """
    longest = 1
    threshold = EXCEL_CELL_LIMIT // 2
    long_values = session.scalars(select(column).where(func.length(column) > threshold))
    for value in long_values:
        longest = max(longest, len(split_for_cells(value)))
    return [layout.continued_header(label, n) for n in range(1, longest)]


class _PlaceNames:
    """Each place's province-level and area-level ancestors, from one small query."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(select(Place.id, Place.name, Place.parent_id)).all()
        self.name = {pid: name for pid, name, _ in rows}
        self.parent = {pid: parent for pid, _, parent in rows}

    def chain(self, place_id: int) -> list[int]:
        chain = [place_id]
        while (parent := self.parent.get(chain[-1])) is not None and parent not in chain:
            chain.append(parent)
        return list(reversed(chain))  # outermost first

    def split(self, place_ids: list[int], depth: int) -> tuple[str, str]:
        """(rolled-up names, specific names) for the places of one side."""
        areas: list[str] = []
        specific: list[str] = []
        for pid in place_ids:
            chain = self.chain(pid)
            area = chain[min(depth, len(chain) - 1)]
            if self.name[area] not in areas:
                areas.append(self.name[area])
            if pid != area and self.name[pid] not in specific:
                specific.append(self.name[pid])
        return "; ".join(areas), "; ".join(specific)


def _write_cases(
    session: Session,
    ctx: _WriterContext,
    ids: list[int],
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
    total_steps: int,
) -> int:
    summary_extra = _continuations(session, CaseStudy.summary, "Summary")
    narrative_extra = _continuations(session, CaseStudy.narrative, "Narrative")
    sheet = ctx.sheet(layout.CASES, layout.CASE_COLUMNS, summary_extra + narrative_extra)
    places = _PlaceNames(session)
    for row_no, chunk in enumerate(_chunks(ids)):
        if should_cancel and should_cancel():
            raise ExportCancelledError
        case_columns = select(
            CaseStudy.id,
            CaseStudy.slug,
            CaseStudy.title,
            CaseStudy.sector,
            CaseStudy.start_year,
            CaseStudy.end_year,
            CaseStudy.ongoing,
            CaseStudy.summary,
            CaseStudy.narrative,
        ).where(CaseStudy.id.in_(chunk))
        cases = {row.id: row for row in session.execute(case_columns)}
        sides: dict[tuple[int, str], list[int]] = defaultdict(list)
        for case_id, place_id, role in session.execute(
            select(CasePlace.case_id, CasePlace.place_id, CasePlace.role)
            .where(CasePlace.case_id.in_(chunk))
            .order_by(CasePlace.case_id, CasePlace.place_id)
        ):
            sides[(case_id, role)].append(place_id)
        forms: dict[int, list[str]] = defaultdict(list)
        for case_id, form in session.execute(
            select(CaseAssistance.case_id, CaseAssistance.form)
            .where(CaseAssistance.case_id.in_(chunk))
            .order_by(CaseAssistance.form)
        ):
            forms[case_id].append(form)
        tags: dict[int, list[str]] = defaultdict(list)
        for case_id, name in session.execute(
            select(case_tag.c.case_id, Tag.name)
            .join(Tag, Tag.id == case_tag.c.tag_id)
            .where(case_tag.c.case_id.in_(chunk))
            .order_by(Tag.name_key)
        ):
            tags[case_id].append(name)
        notes = dict(
            session.execute(
                select(Note.case_id, func.count())
                .where(Note.case_id.in_(chunk))
                .group_by(Note.case_id)
            ).all()
        )
        for case_id in chunk:
            case = cases[case_id]
            donor_area, donor_place = places.split(sides[(case_id, "donor")], 0)
            recipient_area, recipient_place = places.split(sides[(case_id, "recipient")], 1)
            summary = ctx.long_text(sheet, case.summary)
            narrative = ctx.long_text(sheet, case.narrative)
            row = [
                ctx.text(sheet, case.slug),
                ctx.text(sheet, case.title),
                ctx.text(sheet, case.sector),
                ctx.text(sheet, donor_area),
                ctx.text(sheet, donor_place),
                ctx.text(sheet, recipient_area),
                ctx.text(sheet, recipient_place),
                case.start_year,
                case.end_year,
                case.ongoing,
                ctx.text(sheet, ", ".join(forms[case_id])),
                ctx.text(sheet, "; ".join(tags[case_id])),
                notes.get(case_id, 0),
                summary[0],
                narrative[0],
            ]
            row += _padded(summary[1:], len(summary_extra)) + _padded(
                narrative[1:], len(narrative_extra)
            )
            ctx.append(sheet, row)
        session.expunge_all()
        if progress:
            progress(min((row_no + 1) * CHUNK, len(ids)), total_steps)
    return len(ids)


def _padded(values: list[Any], width: int) -> list[Any]:
    return values + [None] * (width - len(values))


def _write_metrics(
    session: Session, ctx: _WriterContext, ids: list[int], rows: dict[int, int]
) -> int:
    sheet = ctx.sheet(layout.METRICS, layout.METRIC_COLUMNS)
    citations: dict[int, str] = {}
    source_keys: dict[int, str] = {}
    for sid, key, title, author, date in session.execute(
        select(Source.id, Source.key, Source.title, Source.author, Source.date_text)
    ):
        citations[sid] = ", ".join(part for part in (title, author, date) if part)
        source_keys[sid] = key or ""
    metrics = _rows_by_case(
        session,
        ids,
        lambda chunk: (
            select(*_METRIC_FIELDS)
            .where(Metric.case_id.in_(chunk))
            .order_by(Metric.position, Metric.id)
        ),
    )
    count = 0
    for case_id, slug, m in metrics:
        ctx.append(sheet, [
            ctx.slug_link(sheet, slug, rows.get(case_id)),
            ctx.text(sheet, m.name),
            m.value,
            m.low,
            m.high,
            ctx.text(sheet, m.unit),
            m.qualifier,
            m.year,
            m.start_year,
            m.end_year,
            ctx.text(sheet, citations.get(m.source_id or 0, "")),
            ctx.text(sheet, source_keys.get(m.source_id or 0, "")),
            ctx.text(sheet, m.note),
            ctx.text(sheet, m.key),
        ])  # fmt: skip
        count += 1
    return count


def _write_notes(
    session: Session, ctx: _WriterContext, ids: list[int], rows: dict[int, int]
) -> int:
    extra = _continuations(session, Note.body, "Note")
    sheet = ctx.sheet(layout.NOTES, layout.NOTE_COLUMNS, extra)
    notes = _rows_by_case(
        session,
        ids,
        lambda chunk: (
            select(Note.id, Note.case_id, Note.body, Note.created_at, Note.updated_at)
            .where(Note.case_id.in_(chunk))
            .order_by(Note.created_at, Note.id)
        ),
    )
    count = 0
    for case_id, slug, note in notes:
        body = ctx.long_text(sheet, note.body)
        ctx.append(sheet, [
            ctx.slug_link(sheet, slug, rows.get(case_id)),
            ctx.date(sheet, note.created_at),
            ctx.date(sheet, note.updated_at),
            note.id,
            body[0],
            *_padded(body[1:], len(extra)),
        ])  # fmt: skip
        count += 1
    return count


def _write_highlights(
    session: Session, ctx: _WriterContext, ids: list[int], rows: dict[int, int]
) -> int:
    sheet = ctx.sheet(layout.HIGHLIGHTS, layout.HIGHLIGHT_COLUMNS)
    tag_names: dict[int, str] = {i: n for i, n in session.execute(select(Tag.id, Tag.name))}
    highlights = _rows_by_case(
        session,
        ids,
        lambda chunk: (
            select(*_HIGHLIGHT_FIELDS)
            .where(Highlight.case_id.in_(chunk))
            .order_by(Highlight.field, Highlight.start, Highlight.id)
        ),
    )
    count = 0
    for case_id, slug, h in highlights:
        ctx.append(sheet, [
            ctx.slug_link(sheet, slug, rows.get(case_id)),
            h.field,
            ctx.text(sheet, h.quote, wrap=True),
            ctx.text(sheet, h.comment, wrap=True),
            ctx.text(sheet, tag_names.get(h.tag_id or 0, "")),
            h.orphaned,
            ctx.date(sheet, h.created_at),
            h.id,
        ])  # fmt: skip
        count += 1
    return count


def _write_tags(session: Session, ctx: _WriterContext, ids: list[int]) -> int:
    sheet = ctx.sheet(layout.TAGS, layout.TAG_COLUMNS)
    wanted = set(ids)
    counts: dict[int, int] = defaultdict(int)
    for case_id, tag_id in session.execute(select(case_tag.c.case_id, case_tag.c.tag_id)):
        if case_id in wanted:
            counts[tag_id] += 1
    count = 0
    for tag_id, name, colour in session.execute(
        select(Tag.id, Tag.name, Tag.colour).order_by(Tag.name_key)
    ):
        if counts[tag_id]:
            ctx.append(sheet, [ctx.text(sheet, name), ctx.text(sheet, colour), counts[tag_id]])
            count += 1
    return count


def _write_sources(session: Session, ctx: _WriterContext) -> int:
    sheet = ctx.sheet(layout.SOURCES, layout.SOURCE_COLUMNS)
    count = 0
    for s in session.execute(select(Source).order_by(Source.id)).scalars():
        ctx.append(sheet, [
            ctx.text(sheet, s.key or ""),
            ctx.text(sheet, s.title, wrap=True),
            ctx.text(sheet, s.author),
            ctx.text(sheet, s.publisher),
            ctx.text(sheet, s.date_text),
            ctx.text(sheet, s.date_note, wrap=True),
            ctx.text(sheet, s.kind),
            ctx.text(sheet, s.outlook),
            ctx.text(sheet, s.seed_file),
        ])  # fmt: skip
        count += 1
    return count


def _write_about(ctx: _WriterContext, summary: ExportSummary, exported_at: datetime) -> None:
    sheet = ctx.sheet(layout.ABOUT, (layout.Column("Item", 34), layout.Column("Value", 70)))
    rows: list[tuple[str, Any]] = [
        ("Exported by", f"Casebook {__version__}"),
        ("Exported at (UTC)", ctx.date(sheet, exported_at)),
        ("What was exported", ctx.text(sheet, summary.scope)),
    ]
    rows += [(f"{name} rows", count) for name, count in summary.counts.items()]
    rows += [
        ("Characters removed (not allowed in Excel)", ctx.cleaner.removed_characters),
        ("Cells changed by that removal", ctx.cleaner.cells_changed),
        ("Text written as text though it looks like a formula", ctx.formula_like),
        ("Long texts continued in extra '(continued)' columns", ctx.continued_cells),
    ]
    for item, value in rows:
        ctx.append(sheet, [item, value])


def export_workbook(
    session: Session,
    target: Path,
    flt: CaseFilter | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ExportSummary:
    """Write the cases matching `flt` (all when None) to `target`, atomically.

    Raises ExportCancelledError if `should_cancel` returns True (nothing is
    written), and app.atomic_file.OutputFileError when the target cannot be
    written (any existing file is left as it was).
    """
    from openpyxl import Workbook

    ids = case_ids(session, flt or CaseFilter(), "title")
    rows = {case_id: index + 2 for index, case_id in enumerate(ids)}
    summary = ExportSummary(path=target, scope=describe_filter(flt))
    total = max(1, len(ids)) + math.ceil(len(ids) / CHUNK) * 3
    with atomic_output(target) as temporary:
        workbook = Workbook(write_only=True)
        workbook.properties.title = "Casebook export"
        workbook.properties.creator = f"Casebook {__version__}"
        workbook.properties.subject = "Case studies of pairing assistance to Xinjiang"
        ctx = _WriterContext(workbook)
        try:
            _fill(session, ctx, ids, rows, summary, progress, should_cancel, total)
            workbook.save(temporary)
        except BaseException:
            _discard(workbook)
            raise
    if progress:
        progress(total, total)
    return summary


def _fill(
    session: Session,
    ctx: _WriterContext,
    ids: list[int],
    rows: dict[int, int],
    summary: ExportSummary,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
    total: int,
) -> None:
    summary.counts[layout.CASES] = _write_cases(session, ctx, ids, progress, should_cancel, total)
    for name, writer in (
        (layout.METRICS, _write_metrics),
        (layout.NOTES, _write_notes),
        (layout.HIGHLIGHTS, _write_highlights),
    ):
        if should_cancel and should_cancel():
            raise ExportCancelledError
        summary.counts[name] = writer(session, ctx, ids, rows)
    summary.counts[layout.TAGS] = _write_tags(session, ctx, ids)
    summary.counts[layout.SOURCES] = _write_sources(session, ctx)
    summary.removed_characters = ctx.cleaner.removed_characters
    summary.formula_like_cells = ctx.formula_like
    summary.continued_cells = ctx.continued_cells
    _write_about(ctx, summary, datetime.now(UTC).replace(tzinfo=None, microsecond=0))
    ctx.finish()
    if should_cancel and should_cancel():
        raise ExportCancelledError


def _discard(workbook: Any) -> None:
    """Close an abandoned write-only workbook's sheets and remove their temporary files."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()
