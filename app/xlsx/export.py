"""Exporting the catalogue (or part of it) to one .xlsx workbook.

openpyxl's write-only mode streams every sheet to disk (sheet_writer writes
the rows' XML into that stream), and rows are read from SQL in chunks, so
memory stays flat whatever the catalogue's size.
Every text value passes through one `WriterContext.text` gate that removes
characters XML cannot hold and writes formula-like text as text.
"""

from __future__ import annotations

import contextlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.atomic_file import atomic_output
from app.case_filter import CaseFilter
from app.id_sets import in_ids
from app.query import case_ids
from app.xlsx import layout
from app.xlsx.cells import (
    EXCEL_CELL_LIMIT,
    CellCleaner,
    escaped_for_excel,
    looks_like_formula,
    split_for_cells,
)
from app.xlsx.saved_sheet import SAVED_SEARCHES, write_saved_searches
from app.xlsx.sheet_writer import RowSink, StyleBook, Styled, open_rows
from app.xlsx.sync_base import AgreedBases, base_cell, this_catalogue
from app.xlsx.tag_list import join_tag_names
from models import CaseStudy, Highlight, Metric, Note, Place, Source, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance, CasePlace

CHUNK = 1000
DATE_FORMAT = "yyyy-mm-dd hh:mm"
# Excel keeps at most this many hyperlinks on one worksheet (its documented
# specifications and limits); past it, a slug is written as plain text.
LINK_LIMIT = 65_530

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
    catalogue: str = ""  # the exporting catalogue's UUID


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


class WriterContext:
    """Styles, cleaning and counters shared by all the sheets of one export.

    Cells are plain values or `Styled` values naming one of the styles below;
    each sheet's rows go to a sink (see sheet_writer) that writes them.
    """

    def __init__(self, workbook: Any) -> None:
        from openpyxl.styles import Alignment, Font

        self.workbook = workbook
        self.cleaner = CellCleaner()
        self.continued_cells = 0
        self.formula_like = 0
        self.sheets: list[tuple[Any, RowSink, str]] = []
        self.links = 0  # on the sheet being written
        self.linked = 0  # on all sheets
        self.unlinked: dict[str, int] = {}  # sheet title → slugs left unlinked at LINK_LIMIT
        # What the catalogue last agreed on with colleagues (set by the export).
        self.agreed_bases: AgreedBases | None = None
        bold = Font(bold=True)
        link = Font(color="0563C1", underline="single")
        wrap = Alignment(wrap_text=True, vertical="top")
        self.styles = StyleBook(
            workbook,
            {
                "bold": {"font": bold},
                "wrap": {"alignment": wrap},
                "quote": {"quotePrefix": True},
                "quote+wrap": {"alignment": wrap, "quotePrefix": True},
                "link": {"font": link},
                "link+quote": {"font": link, "quotePrefix": True},
                "date": {"number_format": DATE_FORMAT},
            },
        )

    def finish(self) -> None:
        """Close the last sheet; the workbook is then ready to save."""
        self._close_current()

    def _close_current(self) -> None:
        """Finish the sheet being written: its autofilter spans its rows."""
        if not self.sheets:
            return
        sheet, rows, last_column = self.sheets[-1]
        if sheet.closed:
            return
        sheet.auto_filter.ref = f"A1:{last_column}{max(1, rows.rows)}"
        sheet.close()

    def _guard(self, value: str, style: str) -> Any:
        """`value` (already clean) as a cell; formula-like text is forced to text."""
        value = escaped_for_excel(value)
        if looks_like_formula(value):
            self.formula_like += 1
            quoted = {"": "quote", "wrap": "quote+wrap", "link": "link+quote"}[style]
            return Styled(value, quoted)
        return Styled(value, style) if style else value

    def agreed(self, uuid: str) -> dict[str, str]:
        """The digests a row last agreed on with a colleague (none unless known)."""
        return self.agreed_bases.get(uuid) if self.agreed_bases is not None else {}

    def text(self, value: str | None, wrap: bool = False) -> Any:
        """A cell value for text: cleaned, and never a formula."""
        if not value:
            return value
        return self._guard(self.cleaner.clean(value), "wrap" if wrap else "")

    def long_text(self, value: str | None) -> list[Any]:
        """The value's first piece plus any continuation pieces (the caller places them)."""
        pieces = split_for_cells(self.cleaner.clean(value or ""))
        if len(pieces) > 1:
            self.continued_cells += len(pieces) - 1
        return [self._guard(piece, "wrap") if piece else None for piece in pieces]

    def date(self, value: datetime | None) -> Any:
        return None if value is None else Styled(value, "date")

    def slug_link(self, slug: str, case_row: int | None) -> Any:
        """The case's slug, linked to its row on the Case studies sheet while the
        sheet has fewer than LINK_LIMIT links; plain text after that (counted)."""
        if case_row is None:
            return self.text(slug)
        if self.links >= LINK_LIMIT:
            title = self.sheets[-1][0].title
            self.unlinked[title] = self.unlinked.get(title, 0) + 1
            return self.text(slug)
        self.links += 1
        self.linked += 1
        styled: Styled = self._guard(self.cleaner.clean(slug), "link")
        return styled._replace(link_row=case_row)

    def sheet(
        self, title: str, columns: Sequence[layout.Column], extra: Sequence[str] = ()
    ) -> RowSink:
        """A new sheet with a bold frozen header, autofilter and column widths: its rows."""
        from openpyxl.utils import get_column_letter

        self._close_current()
        sheet = self.workbook.create_sheet(title)
        headers = [c.header for c in columns] + list(extra)
        widths = [c.width for c in columns] + [60] * len(extra)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for index, column in enumerate(columns, start=1):
            if column.hidden:
                sheet.column_dimensions[get_column_letter(index)].hidden = True
        sheet.freeze_panes = "A2"
        print_setup(sheet)
        self.links = 0
        rows = open_rows(sheet, self.styles, link_sheet=layout.CASES)
        self.sheets.append((sheet, rows, get_column_letter(len(headers))))
        rows.append([Styled(header, "bold") for header in headers])
        return rows


def print_setup(sheet: Any) -> None:
    """Print landscape, as wide as one page, with the header row on every page.

    Set before the sheet's first row: a write-only sheet writes its properties
    (where fit-to-page is switched on) first.
    """
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"


_METRIC_FIELDS = (
    Metric.case_id, Metric.name, Metric.value, Metric.low, Metric.high, Metric.unit,
    Metric.qualifier, Metric.year, Metric.start_year, Metric.end_year, Metric.source_id,
    Metric.note, Metric.key, Metric.uuid,
)  # fmt: skip
_HIGHLIGHT_FIELDS = (
    Highlight.id, Highlight.case_id, Highlight.field, Highlight.quote, Highlight.comment,
    Highlight.tag_id, Highlight.orphaned, Highlight.created_at, Highlight.author, Highlight.uuid,
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
            select(CaseStudy.id, CaseStudy.slug).where(in_ids(CaseStudy.id, chunk))
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
    ctx: WriterContext,
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
            CaseStudy.title_zh,
            CaseStudy.title_zh_note,
            CaseStudy.sector,
            CaseStudy.start_year,
            CaseStudy.end_year,
            CaseStudy.ongoing,
            CaseStudy.summary,
            CaseStudy.narrative,
            CaseStudy.uuid,
        ).where(in_ids(CaseStudy.id, chunk))
        cases = {row.id: row for row in session.execute(case_columns)}
        sides: dict[tuple[int, str], list[int]] = defaultdict(list)
        for case_id, place_id, role in session.execute(
            select(CasePlace.case_id, CasePlace.place_id, CasePlace.role)
            .where(in_ids(CasePlace.case_id, chunk))
            .order_by(CasePlace.case_id, CasePlace.place_id)
        ):
            sides[(case_id, role)].append(place_id)
        forms: dict[int, list[str]] = defaultdict(list)
        for case_id, form in session.execute(
            select(CaseAssistance.case_id, CaseAssistance.form)
            .where(in_ids(CaseAssistance.case_id, chunk))
            .order_by(CaseAssistance.form)
        ):
            forms[case_id].append(form)
        tags: dict[int, list[str]] = defaultdict(list)
        for case_id, name in session.execute(
            select(case_tag.c.case_id, Tag.name)
            .join(Tag, Tag.id == case_tag.c.tag_id)
            .where(in_ids(case_tag.c.case_id, chunk))
            .order_by(Tag.name_key)
        ):
            tags[case_id].append(name)
        notes = dict(
            session.execute(
                select(Note.case_id, func.count())
                .where(in_ids(Note.case_id, chunk))
                .group_by(Note.case_id)
            ).all()
        )
        for case_id in chunk:
            case = cases[case_id]
            donor_area, donor_place = places.split(sides[(case_id, "donor")], 0)
            recipient_area, recipient_place = places.split(sides[(case_id, "recipient")], 1)
            summary = ctx.long_text(case.summary)
            narrative = ctx.long_text(case.narrative)
            row = [
                ctx.text(case.slug),
                ctx.text(case.title),
                ctx.text(case.title_zh),
                ctx.text(case.title_zh_note),
                ctx.text(case.sector),
                ctx.text(donor_area),
                ctx.text(donor_place),
                ctx.text(recipient_area),
                ctx.text(recipient_place),
                case.start_year,
                case.end_year,
                case.ongoing,
                ctx.text(", ".join(forms[case_id])),
                ctx.text(join_tag_names(tags[case_id])),
                notes.get(case_id, 0),
                summary[0],
                narrative[0],
                case.uuid,
                base_cell(
                    {**case._mapping, "forms": forms[case_id]}, layout.CASES, ctx.agreed(case.uuid)
                ),
            ]
            row += _padded(summary[1:], len(summary_extra)) + _padded(
                narrative[1:], len(narrative_extra)
            )
            sheet.append(row)
        session.expunge_all()
        if progress:
            progress(min((row_no + 1) * CHUNK, len(ids)), total_steps)
    return len(ids)


def _padded(values: list[Any], width: int) -> list[Any]:
    return values + [None] * (width - len(values))


def _write_metrics(
    session: Session, ctx: WriterContext, ids: list[int], rows: dict[int, int]
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
            .where(in_ids(Metric.case_id, chunk))
            .order_by(Metric.position, Metric.id)
        ),
    )
    count = 0
    for case_id, slug, m in metrics:
        source_key = source_keys.get(m.source_id or 0, "")
        sheet.append([
            ctx.slug_link(slug, rows.get(case_id)),
            ctx.text(m.name),
            m.value,
            m.low,
            m.high,
            ctx.text(m.unit),
            ctx.text(m.qualifier),
            m.year,
            m.start_year,
            m.end_year,
            ctx.text(citations.get(m.source_id or 0, "")),
            ctx.text(source_key),
            ctx.text(m.note),
            ctx.text(m.key),
            m.uuid,
            base_cell(
                {**m._mapping, "source_key": source_key}, layout.METRICS, ctx.agreed(m.uuid)
            ),
        ])  # fmt: skip
        count += 1
    return count


def _write_notes(session: Session, ctx: WriterContext, ids: list[int], rows: dict[int, int]) -> int:
    extra = _continuations(session, Note.body, "Note")
    sheet = ctx.sheet(layout.NOTES, layout.NOTE_COLUMNS, extra)
    notes = _rows_by_case(
        session,
        ids,
        lambda chunk: (
            select(
                Note.id,
                Note.case_id,
                Note.body,
                Note.created_at,
                Note.updated_at,
                Note.author,
                Note.uuid,
            )
            .where(in_ids(Note.case_id, chunk))
            .order_by(Note.created_at, Note.id)
        ),
    )
    count = 0
    for case_id, slug, note in notes:
        body = ctx.long_text(note.body)
        sheet.append([
            ctx.slug_link(slug, rows.get(case_id)),
            ctx.date(note.created_at),
            ctx.date(note.updated_at),
            ctx.text(note.author),
            body[0],
            note.uuid,
            base_cell(note._mapping, layout.NOTES, ctx.agreed(note.uuid)),
            *_padded(body[1:], len(extra)),
        ])  # fmt: skip
        count += 1
    return count


def _write_highlights(
    session: Session, ctx: WriterContext, ids: list[int], rows: dict[int, int]
) -> int:
    sheet = ctx.sheet(layout.HIGHLIGHTS, layout.HIGHLIGHT_COLUMNS)
    tag_names: dict[int, str] = {i: n for i, n in session.execute(select(Tag.id, Tag.name))}
    highlights = _rows_by_case(
        session,
        ids,
        lambda chunk: (
            select(*_HIGHLIGHT_FIELDS)
            .where(in_ids(Highlight.case_id, chunk))
            .order_by(Highlight.field, Highlight.start, Highlight.id)
        ),
    )
    count = 0
    for case_id, slug, h in highlights:
        tag = tag_names.get(h.tag_id or 0, "")
        sheet.append([
            ctx.slug_link(slug, rows.get(case_id)),
            ctx.text(h.field),
            ctx.text(h.quote, wrap=True),
            ctx.text(h.comment, wrap=True),
            ctx.text(tag),
            h.orphaned,
            ctx.date(h.created_at),
            ctx.text(h.author),
            h.uuid,
            base_cell({"comment": h.comment, "tag": tag}, layout.HIGHLIGHTS, ctx.agreed(h.uuid)),
        ])  # fmt: skip
        count += 1
    return count


def _write_tags(session: Session, ctx: WriterContext, ids: list[int]) -> int:
    sheet = ctx.sheet(layout.TAGS, layout.TAG_COLUMNS)
    wanted = set(ids)
    counts: dict[int, int] = defaultdict(int)
    for case_id, tag_id in session.execute(select(case_tag.c.case_id, case_tag.c.tag_id)):
        if case_id in wanted:
            counts[tag_id] += 1
    # A tag put only on highlights is listed too (on no case: 0 cases).
    on_highlights = {
        tag_id
        for case_id, tag_id in session.execute(
            select(Highlight.case_id, Highlight.tag_id).where(Highlight.tag_id.is_not(None))
        )
        if case_id in wanted
    }
    count = 0
    for tag_id, name, colour, uuid in session.execute(
        select(Tag.id, Tag.name, Tag.colour, Tag.uuid).order_by(Tag.name_key)
    ):
        if counts[tag_id] or tag_id in on_highlights:
            base = base_cell({"colour": colour}, layout.TAGS, ctx.agreed(uuid))
            sheet.append([ctx.text(name), ctx.text(colour), counts[tag_id], uuid, base])
            count += 1
    return count


def _write_sources(session: Session, ctx: WriterContext) -> int:
    sheet = ctx.sheet(layout.SOURCES, layout.SOURCE_COLUMNS)
    count = 0
    for s in session.execute(select(Source).order_by(Source.id)).scalars():
        sheet.append([
            ctx.text(s.key or ""),
            ctx.text(s.title, wrap=True),
            ctx.text(s.author),
            ctx.text(s.publisher),
            ctx.text(s.date_text),
            ctx.text(s.date_note, wrap=True),
            ctx.text(s.kind),
            ctx.text(s.outlook),
            ctx.text(s.seed_file),
            s.uuid,
            base_cell(vars(s), layout.SOURCES, ctx.agreed(s.uuid)),
        ])  # fmt: skip
        count += 1
    return count


def write_about(ctx: WriterContext, summary: ExportSummary, exported_at: datetime) -> None:
    sheet = ctx.sheet(layout.ABOUT, (layout.Column("Item", 34), layout.Column("Value", 70)))
    rows: list[tuple[str, Any]] = [
        ("Exported by", f"Casebook {__version__}"),
        (layout.CATALOGUE, summary.catalogue),
        ("Exported at (UTC)", ctx.date(exported_at)),
        ("What was exported", ctx.text(summary.scope)),
    ]
    rows += [(f"{name} rows", count) for name, count in summary.counts.items()]
    rows += [
        ("Characters removed (not allowed in Excel)", ctx.cleaner.removed_characters),
        ("Cells changed by that removal", ctx.cleaner.cells_changed),
        ("Text written as text though it looks like a formula", ctx.formula_like),
        ("Long texts continued in extra '(continued)' columns", ctx.continued_cells),
    ]
    if ctx.linked:
        rows.append(("Slugs linked to their case", _links_in_words(ctx.unlinked)))
    for item, value in rows:
        sheet.append([item, value])


def _links_in_words(unlinked: dict[str, int]) -> str:
    """What the About sheet says of the slugs' links: all, or where Excel's limit stopped them."""
    if not unlinked:
        return f"all (Excel allows {LINK_LIMIT:,} links on a sheet)"
    where = ", ".join(f"{title} ({count:,} slugs)" for title, count in unlinked.items())
    return (
        f"the first {LINK_LIMIT:,} on each sheet, Excel's limit; after that plain text on {where}"
    )


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
        ctx = WriterContext(workbook)
        try:
            _fill(session, ctx, ids, rows, summary, progress, should_cancel, total)
            workbook.save(temporary)
        except BaseException:
            discard_workbook(workbook)
            raise
    if progress:
        progress(total, total)
    return summary


def _fill(
    session: Session,
    ctx: WriterContext,
    ids: list[int],
    rows: dict[int, int],
    summary: ExportSummary,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
    total: int,
) -> None:
    summary.catalogue = this_catalogue(session)
    ctx.agreed_bases = AgreedBases(session)
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
    summary.counts[SAVED_SEARCHES] = write_saved_searches(session, ctx)
    summary.removed_characters = ctx.cleaner.removed_characters
    summary.formula_like_cells = ctx.formula_like
    summary.continued_cells = ctx.continued_cells
    write_about(ctx, summary, datetime.now(UTC).replace(tzinfo=None, microsecond=0))
    ctx.finish()
    if should_cancel and should_cancel():
        raise ExportCancelledError


def discard_workbook(workbook: Any) -> None:
    """Close an abandoned write-only workbook's sheets and remove their temporary files."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()
