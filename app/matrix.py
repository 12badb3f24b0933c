"""The comparison matrix: chosen cases down, chosen columns across (a framework matrix).

Columns are fields of the case (title, sector, period, places...), one figure
by name, one tag (✓ when the case or one of its highlights carries it or a
tag under it), the list of tags, and counts of notes and highlights. Each
column kind is read with one query for all the cases, whatever their
number: never one query per cell.

Column keys are plain text so a view or the command line can keep them:
"field:title", "figure:People trained", "tag:<tag key>", "tags", "notes",
"highlights".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.formatting import format_period, format_quantity
from app.id_sets import in_ids
from app.places import DONOR, RECIPIENT
from app.query import case_ids
from app.xlsx.tag_list import join_tag_names
from models import CaseArea, CaseStudy, Highlight, Metric, Note, Place, Source, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance, CaseSource

ColumnKind = Literal["field", "figure", "tag", "tags", "count"]
SortValue = float | str

# The view shows at most this many rows (the export writes every case).
MAX_ROWS = 5000
CHECK = "\u2713"

FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("title_zh", "Chinese title"),
    ("sector", "Sector"),
    ("period", "Period"),
    ("donor", "Donor"),
    ("recipient", "Recipient"),
    ("forms", "Forms of assistance"),
    ("sources", "Sources"),
)
TAGS_KEY = "tags"
NOTES_KEY = "notes"
HIGHLIGHTS_KEY = "highlights"
DEFAULT_FIELDS = ("title", "donor", "recipient", "sector", "period")
DEFAULT_FIGURES = 3


@dataclass(frozen=True)
class MatrixColumn:
    """A column the matrix can show. `cases` counts the cases with a value (figures, tags)."""

    key: str
    label: str
    kind: ColumnKind
    cases: int = 0

    @property
    def name(self) -> str:
        """What follows the kind in the key: the field, the figure's name, the tag's key."""
        return self.key.partition(":")[2]


@dataclass(frozen=True, slots=True)
class Cell:
    """One value: what is shown, how it sorts, its tooltip (a figure's citation), what
    the export writes. `key` None is an empty cell, sorted after every value."""

    text: str = ""
    key: SortValue | None = None
    tooltip: str = ""
    value: float | int | str | None = None
    unit: str = ""  # a figure's unit


EMPTY = Cell()


@dataclass
class Matrix:
    """Rows of cells, one row per case in `case_ids`' order, one cell per column."""

    columns: list[MatrixColumn]
    case_ids: list[int] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    # Per figure column: its unit when every case gives the same one, else "".
    units: dict[str, str] = field(default_factory=dict)

    def sort(self, column: int, descending: bool = False) -> None:
        """Order the rows by one column's sort keys (numbers as numbers); empty cells
        last either way, ties in the order the rows had (the sort is stable)."""
        order = list(range(len(self.rows)))
        filled = [i for i in order if self.rows[i][column].key is not None]
        empty = [i for i in order if self.rows[i][column].key is None]
        # reverse=True keeps ties in their order too.
        filled.sort(key=lambda i: self.rows[i][column].key, reverse=descending)  # type: ignore[arg-type,return-value]
        order = filled + empty
        self.case_ids = [self.case_ids[i] for i in order]
        self.slugs = [self.slugs[i] for i in order]
        self.rows = [self.rows[i] for i in order]


def column_choices(session: Session, ids: Sequence[int]) -> list[MatrixColumn]:
    """Every column the matrix can show for these cases: the fields, each figure name
    they have (most common first), the tags they or their highlights carry, the
    list of tags, and the counts of notes and highlights."""
    columns = [MatrixColumn(f"field:{key}", label, "field") for key, label in FIELDS]
    figures = session.execute(
        select(Metric.name, func.count(func.distinct(Metric.case_id)).label("n"))
        .where(in_ids(Metric.case_id, ids))
        .group_by(Metric.name)
        .order_by(func.count(func.distinct(Metric.case_id)).desc(), Metric.name)
    )
    columns += [MatrixColumn(f"figure:{name}", name, "figure", n) for name, n in figures]
    carriers = _tag_carriers(ids).subquery()
    tags = session.execute(
        select(Tag.name, Tag.name_key, func.count(func.distinct(carriers.c.case_id)))
        .join(carriers, carriers.c.tag_id == Tag.id)
        .group_by(Tag.id)
        .order_by(Tag.name_key)
    )
    columns += [MatrixColumn(f"tag:{key}", f"Tag: {name}", "tag", n) for name, key, n in tags]
    columns += [
        MatrixColumn(TAGS_KEY, "Tags", "tags"),
        MatrixColumn(NOTES_KEY, "Notes", "count"),
        MatrixColumn(HIGHLIGHTS_KEY, "Highlights", "count"),
    ]
    return columns


def default_columns(choices: Sequence[MatrixColumn]) -> list[str]:
    """Title, donor, recipient, sector, period, the 3 most common figures (those
    several cases have, when there are any), the notes count."""
    keys = [f"field:{name}" for name in DEFAULT_FIELDS]
    figures = [c for c in choices if c.kind == "figure"]
    # Figures shared by several cases compare; one case's own figure does not.
    shared = [c for c in figures if c.cases > 1] or figures
    keys += [c.key for c in shared[:DEFAULT_FIGURES]]
    return [*keys, NOTES_KEY]


def chosen_columns(choices: Sequence[MatrixColumn], keys: Iterable[str]) -> list[MatrixColumn]:
    """The choices whose keys are in `keys`, in the choices' order (keys not among
    them are left out: a figure none of these cases has)."""
    wanted = set(keys)
    return [c for c in choices if c.key in wanted]


def build_matrix(session: Session, ids: Sequence[int], columns: Sequence[MatrixColumn]) -> Matrix:
    """The matrix of these cases (rows in this order) and columns.

    One query for the cases' own fields plus one per kind of column chosen
    (places, forms, sources, figures, tags, notes, highlights).
    """
    ids = list(ids)
    matrix = Matrix(list(columns))
    cases = {
        row[0]: row
        for row in session.execute(
            select(
                CaseStudy.id, CaseStudy.slug, CaseStudy.title, CaseStudy.title_zh,
                CaseStudy.sector, CaseStudy.start_year, CaseStudy.end_year, CaseStudy.ongoing,
            ).where(in_ids(CaseStudy.id, ids))
        )
    }  # fmt: skip
    ids = [i for i in ids if i in cases]  # a case deleted meanwhile drops out
    readers = _Readers(session, ids)
    readers.read_figures(c.name for c in columns if c.kind == "figure")
    cells_by_column = [readers.column(column, cases) for column in columns]
    for column in columns:
        if column.kind == "figure":
            matrix.units[column.key] = readers.figure_units.get(column.name, "")
    matrix.case_ids = ids
    matrix.slugs = [cases[i][1] for i in ids]
    matrix.rows = [[cells.get(i, EMPTY) for cells in cells_by_column] for i in ids]
    return matrix


def filtered_matrix(
    session: Session, flt: CaseFilter, keys: Sequence[str] | None, limit: int | None = MAX_ROWS
) -> tuple[Matrix, list[MatrixColumn], int]:
    """The matrix of the first `limit` cases matching `flt` (all with None), in the
    table's title order, with the column choices for all of them and their count.
    `keys` None takes the default columns. Raises QueryError for a malformed query."""
    ids = case_ids(session, flt, "title")
    return selected_matrix(session, ids, keys, limit)


def selected_matrix(
    session: Session, ids: Sequence[int], keys: Sequence[str] | None, limit: int | None = MAX_ROWS
) -> tuple[Matrix, list[MatrixColumn], int]:
    """As `filtered_matrix`, for these cases in this order."""
    shown = list(ids) if limit is None else list(ids[:limit])
    choices = column_choices(session, shown)
    chosen = chosen_columns(choices, default_columns(choices) if keys is None else keys)
    return build_matrix(session, shown, chosen), choices, len(ids)


def _tag_carriers(ids: Sequence[int]) -> Any:
    """(case_id, tag_id) for tags on the cases and on their highlights."""
    return union(
        select(case_tag.c.case_id, case_tag.c.tag_id).where(in_ids(case_tag.c.case_id, ids)),
        select(Highlight.case_id, Highlight.tag_id).where(
            in_ids(Highlight.case_id, ids), Highlight.tag_id.is_not(None)
        ),
    )


class _Readers:
    """Reads each kind of column for all the cases at once."""

    def __init__(self, session: Session, ids: list[int]) -> None:
        self.session = session
        self.ids = ids
        self.figure_units: dict[str, str] = {}
        self._figure_rows: dict[str, dict[int, list[Any]]] = {}
        self._tags: tuple[dict[int, list[tuple[str, str]]], dict[int, dict[str, int]]] | None = None
        self._citations: dict[int, str] = {}

    def column(self, column: MatrixColumn, cases: dict[int, Any]) -> dict[int, Cell]:
        if column.kind == "field":
            return self._field(column.name, cases)
        if column.kind == "figure":
            return self._figure(column.name)
        if column.kind == "tag":
            return self._tag(column.name)
        if column.kind == "tags":
            return self._tag_list()
        return self._count(Note if column.key == NOTES_KEY else Highlight)

    # --- fields --------------------------------------------------------------

    def _field(self, name: str, cases: dict[int, Any]) -> dict[int, Cell]:
        if name in ("title", "title_zh", "sector"):
            index = {"title": 2, "title_zh": 3, "sector": 4}[name]
            return {i: _text_cell(cases[i][index]) for i in self.ids}
        if name == "period":
            return {i: _period_cell(*cases[i][5:8]) for i in self.ids}
        if name in ("donor", "recipient"):
            return self._places(DONOR if name == "donor" else RECIPIENT)
        if name == "forms":
            rows = self.session.execute(
                select(CaseAssistance.case_id, CaseAssistance.form)
                .where(in_ids(CaseAssistance.case_id, self.ids))
                .order_by(CaseAssistance.form)
            )
            return _joined(rows, ", ")
        if name == "sources":
            return self._sources()
        raise ValueError(f"unknown field {name!r}")

    def _places(self, role: str) -> dict[int, Cell]:
        """The areas a side's places roll up to (a donor's province, a recipient's prefecture)."""
        rows = self.session.execute(
            select(CaseArea.case_id, Place.name)
            .join(Place, Place.id == CaseArea.area_id)
            # "|| ''" keeps SQLite from reading the whole side through the role-led
            # index: each case is probed by the primary key instead.
            .where(
                (CaseArea.role + "") == role, CaseArea.rollup, in_ids(CaseArea.case_id, self.ids)
            )
            .order_by(Place.name)
        )
        return _joined(rows, ", ")

    def _sources(self) -> dict[int, Cell]:
        rows = self.session.execute(
            select(CaseSource.case_id, Source)
            .join(Source, Source.id == CaseSource.source_id)
            .where(in_ids(CaseSource.case_id, self.ids))
            .order_by(Source.id)
        )
        titles: dict[int, list[str]] = defaultdict(list)
        citations: dict[int, list[str]] = defaultdict(list)
        for case_id, source in rows:
            titles[case_id].append(source.title)
            citations[case_id].append(source.citation())
        return {
            i: Cell("; ".join(t), "; ".join(t).casefold(), "\n".join(citations[i]), "; ".join(t))
            for i, t in titles.items()
        }

    # --- figures -------------------------------------------------------------

    def read_figures(self, names: Iterable[str]) -> None:
        """Read every figure of these names for the cases: one query for all figure columns.

        Rows come straight from the driver as tuples (_Figure's fields): the
        cells are built in Python, and a Row per figure would double that time.
        """
        names = sorted(set(names))
        if not names:
            return
        stmt = (
            select(
                Metric.case_id, Metric.value, Metric.low, Metric.high, Metric.unit,
                Metric.qualifier, Metric.year, Metric.start_year, Metric.end_year,
                Metric.source_id, Metric.name,
            )
            .where(in_ids(Metric.case_id, self.ids), Metric.name.in_(names))
            .order_by(Metric.case_id, Metric.position, Metric.id)
        )  # fmt: skip
        rows = self.session.connection().execute(stmt).cursor.fetchall()
        self._read_citations({r[9] for r in rows if r[9] is not None})
        for row in rows:
            self._figure_rows.setdefault(row[10], {}).setdefault(row[0], []).append(row)

    def _figure(self, name: str) -> dict[int, Cell]:
        """A case's first figure of this name (the catalogue's order); the tooltip gives
        every figure of the name with its year and citation."""
        if name not in self._figure_rows:
            self.read_figures([name])
        by_case = self._figure_rows.get(name, {})
        units = {row[4] for figures in by_case.values() for row in figures}
        self.figure_units[name] = units.pop() if len(units) == 1 else ""
        return {case_id: self._figure_cell(figures) for case_id, figures in by_case.items()}

    def _figure_cell(self, figures: list[Any]) -> Cell:
        _case, value, low, high, unit = figures[0][:5]
        key: float = value if value is not None else (low + high) / 2
        exported: float | str = value if value is not None else f"{_plain(low)}\u2013{_plain(high)}"
        lines: list[str] = []
        text = ""
        citations = self._citations
        for _c, value, low, high, unit_, qualifier, year, start, end, source_id, _n in figures:
            quantity = format_quantity(value, low, high, unit_, qualifier)
            text = text or quantity
            period = format_period(year, start, end)
            lines.append(f"{quantity} ({period})" if period else quantity)
            lines.append(citations.get(source_id or 0, "") or "(no source given)")
        if len(figures) > 1:
            text += f" (+{len(figures) - 1})"
        return Cell(text, key, "\n".join(lines), exported, unit)

    def _read_citations(self, source_ids: set[int]) -> None:
        wanted = sorted(source_ids - set(self._citations))
        if wanted:
            for source in self.session.scalars(select(Source).where(Source.id.in_(wanted))):
                self._citations[source.id] = source.citation()

    # --- tags and counts -----------------------------------------------------

    def _tag_data(self) -> tuple[dict[int, list[tuple[str, str]]], dict[int, dict[str, int]]]:
        """(case id → its tags' (name, key), case id → {tag key: highlights carrying it})."""
        if self._tags is None:
            on_case: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for case_id, tag_name, tag_key in self.session.execute(
                select(case_tag.c.case_id, Tag.name, Tag.name_key)
                .join(Tag, Tag.id == case_tag.c.tag_id)
                .where(in_ids(case_tag.c.case_id, self.ids))
                .order_by(Tag.name_key)
            ):
                on_case[case_id].append((tag_name, tag_key))
            on_highlights: dict[int, dict[str, int]] = defaultdict(Counter)
            for case_id, key in self.session.execute(
                select(Highlight.case_id, Tag.name_key)
                .join(Tag, Tag.id == Highlight.tag_id)
                .where(in_ids(Highlight.case_id, self.ids))
            ):
                on_highlights[case_id][key] += 1
            self._tags = (on_case, on_highlights)
        return self._tags

    def _tag(self, key: str) -> dict[int, Cell]:
        """✓ when the case or one of its highlights carries the tag or a tag under it."""
        on_case, on_highlights = self._tag_data()

        def under(tag_key: str) -> bool:
            return tag_key == key or tag_key.startswith(key + "/")

        cells: dict[int, Cell] = {}
        for case_id in self.ids:
            names = [name for name, k in on_case.get(case_id, []) if under(k)]
            marked = sum(n for k, n in on_highlights.get(case_id, {}).items() if under(k))
            if not names and not marked:
                continue
            said = []
            if names:
                said.append("On the case: " + ", ".join(names))
            if marked:
                said.append(f"On {marked} highlight{'s' if marked > 1 else ''}")
            cells[case_id] = Cell(CHECK, 1.0, "\n".join(said), CHECK)
        return cells

    def _tag_list(self) -> dict[int, Cell]:
        on_case, _ = self._tag_data()
        return {
            i: _text_cell(join_tag_names(name for name, _ in tags)) for i, tags in on_case.items()
        }

    def _count(self, table: type[Note] | type[Highlight]) -> dict[int, Cell]:
        counts = dict(
            self.session.execute(
                select(table.case_id, func.count())
                .where(in_ids(table.case_id, self.ids))
                .group_by(table.case_id)
            ).all()
        )
        return {i: _count_cell(counts.get(i, 0)) for i in self.ids}


def _text_cell(text: str | None) -> Cell:
    return Cell(text, text.casefold(), "", text) if text else EMPTY


def _count_cell(n: int) -> Cell:
    return Cell(str(n), float(n), "", n)


def _period_cell(start: int | None, end: int | None, ongoing: bool) -> Cell:
    text = format_period(None, start, end, bool(ongoing))
    if not text:
        return EMPTY
    return Cell(text, float(start or end or 0), "", text)


def _plain(number: float) -> str:
    """A number in full, as typed: 5000.0 -> "5000", 2.5 -> "2.5" (never "1.2e+07")."""
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _joined(rows: Iterable[Any], separator: str) -> dict[int, Cell]:
    values: dict[int, list[str]] = defaultdict(list)
    for case_id, text in rows:
        if text not in values[case_id]:
            values[case_id].append(text)
    return {i: _text_cell(separator.join(v)) for i, v in values.items()}
