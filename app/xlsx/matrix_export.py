"""The comparison matrix as its own workbook: "Matrix", "Citations" and "About" sheets.

Written with the catalogue export's machinery (app/xlsx/export.py): its
writer context, whose `text` gate removes characters XML cannot hold and
writes formula-like text as text, its About sheet with the counts of what
that gate changed, and the atomic save that never leaves a half file.

"Matrix" has a header row and one row per case: its slug, then the chosen
columns. A figure is a number (a range is written as text, "5000–6000"),
with its unit in the header when every case gives the same one, else in a
unit column after it. "Citations" gives every figure shown as the matrix
shows it, with its year and source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.atomic_file import atomic_output
from app.matrix import Cell, Matrix, MatrixColumn
from app.xlsx import layout
from app.xlsx.export import ExportSummary, WriterContext, discard_workbook, write_about

MATRIX_SHEET = "Matrix"
CITATIONS_SHEET = "Citations"
CITATION_COLUMNS = (
    layout.Column("Case slug", 30),
    layout.Column("Column", 30),
    layout.Column("Value", 30),
    layout.Column("Year and source", 80),
)


@dataclass(frozen=True)
class _Out:
    """One column of the Matrix sheet: a matrix column, or a mixed-unit figure's units."""

    header: str
    index: int  # the matrix column it reads
    unit: bool = False


def _out_columns(matrix: Matrix) -> list[_Out]:
    out: list[_Out] = []
    for index, column in enumerate(matrix.columns):
        if column.kind != "figure":
            out.append(_Out(column.label, index))
            continue
        unit = matrix.units.get(column.key, "")
        out.append(_Out(f"{column.label} ({unit})" if unit else column.label, index))
        if not unit and any(row[index].unit for row in matrix.rows):
            out.append(_Out(f"{column.label} unit", index, unit=True))
    return out


def write_matrix_workbook(matrix: Matrix, target: Path, scope: str) -> ExportSummary:
    """Write `matrix` to `target` atomically; `scope` says which cases (the About sheet).

    Raises app.atomic_file.OutputFileError when the target cannot be written
    (any existing file is left as it was).
    """
    from openpyxl import Workbook

    summary = ExportSummary(path=target, scope=scope)
    with atomic_output(target) as temporary:
        workbook = Workbook(write_only=True)
        workbook.properties.title = "Casebook comparison matrix"
        workbook.properties.creator = f"Casebook {__version__}"
        ctx = WriterContext(workbook)
        try:
            summary.counts[MATRIX_SHEET] = _write_matrix(ctx, matrix)
            summary.counts[CITATIONS_SHEET] = _write_citations(ctx, matrix)
            summary.removed_characters = ctx.cleaner.removed_characters
            summary.formula_like_cells = ctx.formula_like
            write_about(ctx, summary, datetime.now(UTC).replace(tzinfo=None, microsecond=0))
            ctx.finish()
            workbook.save(temporary)
        except BaseException:
            discard_workbook(workbook)
            raise
    return summary


def _write_matrix(ctx: WriterContext, matrix: Matrix) -> int:
    out = _out_columns(matrix)
    columns = [layout.Column("Slug", 30)] + [
        layout.Column(o.header, _width(matrix.columns[o.index])) for o in out
    ]
    sheet = ctx.sheet(MATRIX_SHEET, columns)
    for slug, row in zip(matrix.slugs, matrix.rows, strict=True):
        values: list[Any] = [ctx.text(slug)]
        for o in out:
            cell = row[o.index]
            values.append(ctx.text(cell.unit) if o.unit else _value(ctx, cell))
        sheet.append(values)
    return len(matrix.rows)


def _write_citations(ctx: WriterContext, matrix: Matrix) -> int:
    sheet = ctx.sheet(CITATIONS_SHEET, CITATION_COLUMNS)
    figures = [i for i, c in enumerate(matrix.columns) if c.kind == "figure"]
    count = 0
    for slug, row in zip(matrix.slugs, matrix.rows, strict=True):
        for index in figures:
            cell = row[index]
            if cell.key is None:
                continue
            sheet.append([
                ctx.text(slug),
                ctx.text(matrix.columns[index].label),
                ctx.text(cell.text),
                ctx.text(cell.tooltip, wrap=True),
            ])  # fmt: skip
            count += 1
    return count


def _value(ctx: WriterContext, cell: Cell) -> Any:
    """A number as a number, text through the export's text gate."""
    if isinstance(cell.value, str):
        return ctx.text(cell.value)
    return cell.value


def _width(column: MatrixColumn) -> int:
    if column.kind == "field":
        return 40 if column.name in ("title", "sources") else 20
    if column.kind in ("tag", "count"):
        return 10
    return 18
