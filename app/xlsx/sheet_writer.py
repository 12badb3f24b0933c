"""Streaming rows into a write-only openpyxl sheet, fast.

openpyxl writes every cell of a write-only sheet through a Cell object and
several lxml calls, and a styled cell (a WriteOnlyCell) takes an exception
path on top; at 100,000 cases that is most of an export's time. `XmlRows`
instead writes each row's <sheetData> XML as text, with style ids worked out
once per export, and hands it to lxml in runs of rows: lxml parses each run
and writes it into the sheet's stream, so the part stays well-formed and is
serialised the way openpyxl serialises its own rows.

Text should reach a sink already cleaned (export's CellCleaner counts what
it removes); both sinks still drop any character XML cannot hold that gets
this far, so no value can stop an export half-way.

`XmlRows` uses openpyxl internals (checked with openpyxl 3.1):
WriteOnlyWorksheet._get_writer / _writer / _rows, and WorksheetWriter's `xf`
stream and `write_hyperlinks`, exactly as WriteOnlyWorksheet._write_rows uses
them. `open_rows` checks for them and falls back to `CellRows`, openpyxl's
public cell-by-cell `append`, when they are missing.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Generator, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any, NamedTuple, Protocol

from app.xlsx.cells import EXCEL_CELL_LIMIT, without_illegal_characters

# Rows are handed to lxml once this much XML text has built up.
RUN_CHARACTERS = 100_000


class Styled(NamedTuple):
    """A cell value with one of the export's named styles, and maybe a link.

    A styled string is always written as text, even when it starts with "=".
    `link_row` (when not 0) links the cell to column A of that row of the
    sheet the rows were opened with as `link_sheet`.
    """

    value: Any
    style: str
    link_row: int = 0


class StyleBook:
    """Named cell styles, registered once with the workbook."""

    def __init__(self, workbook: Any, styles: dict[str, dict[str, Any]]) -> None:
        self.attributes = styles
        self.ids = {name: self._register(workbook, attrs) for name, attrs in styles.items()}

    @staticmethod
    def _register(workbook: Any, attributes: dict[str, Any]) -> int:
        """The style's id in the workbook's cell styles (a cell's `s` attribute)."""
        from openpyxl.cell import WriteOnlyCell

        # A cell's styles are registered with its sheet's workbook (cell.parent.parent).
        template = WriteOnlyCell(SimpleNamespace(parent=workbook), None)
        for name, value in attributes.items():
            setattr(template, name, value)
        return int(template.style_id)


class RowSink(Protocol):
    """Where one sheet's rows go, in order; `rows` counts those appended."""

    rows: int

    def append(self, values: Sequence[Any]) -> None: ...

    def close(self) -> None: ...


def open_rows(sheet: Any, styles: StyleBook, link_sheet: str) -> RowSink:
    """A sink for the rows of `sheet` (write-only, nothing appended yet).

    Column widths and frozen panes must be set before: they are written first.
    """
    if _has_stream_internals(sheet):
        return XmlRows(sheet, styles, link_sheet)
    return CellRows(sheet, styles, link_sheet)


def _has_stream_internals(sheet: Any) -> bool:
    """Whether `sheet` has the openpyxl internals that XmlRows relies on.

    Starts the sheet's writer (as its first append would), which writes the sheet's top.
    """
    if not hasattr(sheet, "_get_writer") or getattr(sheet, "_rows", False) is not None:
        return False
    sheet._get_writer()
    writer = getattr(sheet, "_writer", None)
    return hasattr(writer, "xf") and hasattr(writer, "write_hyperlinks")


class CellRows:
    """Rows through openpyxl's public cell API: the slow fallback for XmlRows."""

    def __init__(self, sheet: Any, styles: StyleBook, link_sheet: str) -> None:
        self.sheet = sheet
        self.styles = styles
        self.link_sheet = link_sheet
        self.rows = 0

    def append(self, values: Sequence[Any]) -> None:
        self.sheet.append([self._cell(v) if type(v) is Styled else _clean(v) for v in values])
        self.rows += 1

    def _cell(self, styled: Styled) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.worksheet.hyperlink import Hyperlink

        cell = WriteOnlyCell(self.sheet, _clean(styled.value))
        for name, value in self.styles.attributes[styled.style].items():
            setattr(cell, name, value)
        if isinstance(styled.value, str):
            cell.data_type = "s"
        if styled.link_row:
            cell.hyperlink = Hyperlink(
                ref="", location=_location_prefix(self.link_sheet) + str(styled.link_row)
            )
        return cell

    def close(self) -> None:
        """Nothing to do: the sheet's own close writes everything."""


class XmlRows:
    """Rows written as <sheetData> XML text into the sheet's stream.

    Links are kept as (row, column, linked row) numbers and written as the
    <hyperlinks> element when the sheet closes: openpyxl would hold a
    Hyperlink object (about 1 KB) per linked cell until then.
    """

    def __init__(self, sheet: Any, styles: StyleBook, link_sheet: str) -> None:
        from openpyxl.utils.datetime import to_excel

        sheet._get_writer()  # started already by open_rows; writes views, column widths
        self.writer = sheet._writer
        self.to_excel = to_excel
        self.epoch = sheet.parent.epoch
        self.link_sheet = link_sheet
        self.style_attributes = {name: f' s="{sid}"' for name, sid in styles.ids.items()}
        self.rows = 0
        self.letters: list[str] = []
        self.links = array("L")  # (row, column index, linked row) triples
        self.sheet_data = _ElementStream(self.writer, "sheetData")
        sheet._rows = self  # so the sheet's close() ends <sheetData> through close() below
        self.writer.write_hyperlinks = self._write_hyperlinks

    def append(self, values: Sequence[Any]) -> None:
        self.rows += 1
        number = str(self.rows)
        letters = self._letters(len(values))
        parts = [f'<row r="{number}">']
        for column, value in enumerate(values):
            style = ""
            if type(value) is Styled:
                value, name, link_row = value
                style = self.style_attributes[name]
                if link_row:
                    self.links.extend((self.rows, column, link_row))
            if value is not None:
                parts.append(self._cell(letters[column] + number, value, style))
        parts.append("</row>")
        self.sheet_data.write("".join(parts))

    def _cell(self, ref: str, value: Any, style: str) -> str:
        """One <c> element, as openpyxl's cell writer (cell/_writer.py) writes it."""
        kind = type(value)
        if kind is str:
            return _text_cell(ref, value, style)
        if isinstance(value, str):  # a message (app.messages): its English text
            return _text_cell(ref, str(value), style)
        if kind is bool:
            return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
        if kind is int or kind is float:
            return f'<c r="{ref}"{style} t="n"><v>{_number(value)}</v></c>'
        if kind is datetime:
            if value.tzinfo is not None:
                raise TypeError("Excel does not support timezones in datetimes")
            return (
                f'<c r="{ref}"{style} t="n"><v>{_number(self.to_excel(value, self.epoch))}</v></c>'
            )
        raise TypeError(f"cannot write a {kind.__name__} to a cell: {value!r}")

    def _letters(self, count: int) -> list[str]:
        """Column letters A, B, ... for at least `count` columns."""
        if len(self.letters) < count:
            from openpyxl.utils import get_column_letter

            self.letters = [get_column_letter(n) for n in range(1, count + 1)]
        return self.letters

    def close(self) -> None:
        """End <sheetData> (called by the sheet's close)."""
        self.sheet_data.close()

    def _write_hyperlinks(self) -> None:
        """The <hyperlinks> element: the same one openpyxl writes (HyperlinkList)."""
        if not self.links:
            return
        letters = self._letters(max(self.links[1::3]) + 1)
        prefix = _escape(_location_prefix(self.link_sheet)).replace('"', "&quot;")
        hyperlinks = _ElementStream(self.writer, "hyperlinks")
        for i in range(0, len(self.links), 3):
            row, column, linked = self.links[i : i + 3]
            hyperlinks.write(
                f'<hyperlink ref="{letters[column]}{row}" location="{prefix}{linked}"/>'
            )
        hyperlinks.close()
        self.links = array("L")


class _ElementStream:
    """One element of a sheet's XML stream, written as its children's XML text comes.

    The text is handed to lxml in runs: lxml parses each run and writes its
    elements into the stream, as WriteOnlyWorksheet._write_rows writes rows.
    """

    def __init__(self, writer: Any, tag: str) -> None:
        self.pending: list[str] = []
        self.pending_characters = 0
        self.stream = self._element(writer, tag)
        next(self.stream)

    def write(self, xml: str) -> None:
        self.pending.append(xml)
        self.pending_characters += len(xml)
        if self.pending_characters >= RUN_CHARACTERS:
            self._flush()

    def close(self) -> None:
        """Write what is pending and end the element."""
        self._flush()
        self.stream.close()

    def _flush(self) -> None:
        if self.pending:
            self.stream.send("".join(self.pending))
            self.pending.clear()
            self.pending_characters = 0

    @staticmethod
    def _element(writer: Any, tag: str) -> Generator[None, str, None]:
        from lxml.etree import XMLParser, fromstring

        parser = XMLParser(resolve_entities=False, no_network=True)
        xf = writer.xf.send(True)
        with xf.element(tag):
            try:
                while True:
                    run = yield
                    for child in fromstring(f"<run>{run}</run>", parser):
                        xf.write(child)
            except GeneratorExit:
                pass
        writer.xf.send(None)


def _clean(value: Any) -> Any:
    return without_illegal_characters(value) if isinstance(value, str) else value


def _location_prefix(sheet: str) -> str:
    """A link's location on `sheet` is this followed by the row number (column A)."""
    return f"'{sheet}'!A"


def _number(value: float) -> str:
    """A number as openpyxl writes it (compat.safe_string): NaN and infinities as nothing."""
    return f"{value:.16g}" if math.isfinite(value) else ""


def _text_cell(ref: str, value: str, style: str) -> str:
    """An inline string cell; text past Excel's limit is cut, as openpyxl cuts it."""
    value = without_illegal_characters(value)[:EXCEL_CELL_LIMIT]
    if not value:
        return f'<c r="{ref}"{style} t="inlineStr"/>'
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>'


def _escape(text: str) -> str:
    """Text escaped for element content; CR as a reference so parsing keeps it."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )
