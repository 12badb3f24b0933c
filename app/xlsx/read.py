"""Reading a workbook in the export's layout, with a clear word for anything else.

Whatever is wrong with a file, the user gets one line naming what and where:
not a workbook, damaged (and in which sheet, from which row), a sheet
without its header row. A cell too long for Excel, or holding a formula, is
not an error for the whole file: its row is set aside with the column named,
and the planner rejects it.

The file is someone else's: before openpyxl opens it, zip_limits checks the
archive (entries, unpacked size, encryption, XML entity declarations), and
openpyxl parses the sheets through defusedxml, which refuses entities too.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, Message
from app.xlsx import layout
from app.xlsx.cells import EXCEL_CELL_LIMIT, unescaped_from_excel, utf16_length
from app.xlsx.zip_limits import archive_problem

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DETAIL_LIMIT = 160  # characters of a library's own message quoted in ours
FORMULA_SHOWN = 60  # characters of a formula quoted in a rejection

# The columns that make each sheet Casebook's: its first row must name them.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    layout.CASES: ("Slug", "Title"),
    layout.METRICS: ("Case slug", "Metric"),
    layout.NOTES: ("Case slug", "Note"),
    layout.HIGHLIGHTS: ("Case slug",),
    layout.TAGS: ("Tag",),
    layout.SOURCES: ("Key",),
}
SHEETS = tuple(REQUIRED_COLUMNS)
KNOWN_HEADERS: dict[str, set[str]] = {
    layout.CASES: {c.header for c in layout.CASE_COLUMNS},
    layout.METRICS: {c.header for c in layout.METRIC_COLUMNS},
    layout.NOTES: {c.header for c in layout.NOTE_COLUMNS},
    layout.HIGHLIGHTS: {c.header for c in layout.HIGHLIGHT_COLUMNS},
    layout.TAGS: {c.header for c in layout.TAG_COLUMNS},
    layout.SOURCES: {c.header for c in layout.SOURCE_COLUMNS},
}


class WorkbookError(ValueError):
    """The file cannot be imported; the message is for the user. Nothing was written."""


@dataclass
class SheetRows:
    """One sheet's rows as {header: value}, with the sheet's row numbers.

    `problems` holds, by row number, why a row cannot be used as it is
    (a cell too long, a formula), naming the column; the planner rejects those rows.
    """

    name: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    problems: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Rows read as they are asked for (a long sheet is never held whole): called
    # once, it sets the header and returns the rows after `rows`.
    later: Callable[[SheetRows], Iterator[tuple[int, dict[str, Any]]]] | None = None

    def stream(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every row, read once (a row's problem is known when it is yielded)."""
        more = self.later(self) if self.later is not None else iter(())
        self.later = None
        yield from self.rows
        yield from more

    def column(self, header: str) -> str:
        """ "E (Note)": where the column with this header is, for messages."""
        from openpyxl.utils import get_column_letter

        if header in self.header:
            return f"{get_column_letter(self.header.index(header) + 1)} ({header})"
        return header


def one_line(exc: BaseException) -> str:
    """A library's message, on one line and not too long."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= DETAIL_LIMIT else text[: DETAIL_LIMIT - 1] + "…"


def _entities_refused(exc: BaseException) -> bool:
    """Whether defusedxml refused XML in the file (a DTD, entities, an external reference)."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    for _ in range(10):  # openpyxl wraps the parser's error in its own ValueError
        if seen is None:
            return False
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _entities_message(path: Path) -> Message:
    return QT_TRANSLATE_NOOP(
        "Workbook",
        "%1 holds XML that declares entities, which can make "
        "the program opening it read other files or fill the memory; workbooks never need "
        "them, so Casebook does not open it.",
    ).arg(path.name)


def _check_signature(path: Path) -> None:
    if path.exists() and not path.is_file():
        # A folder, a FIFO or a device: reading a FIFO would wait for ever.
        raise WorkbookError(
            QT_TRANSLATE_NOOP("Workbook", "%1 is not a file, so it cannot be a workbook.").arg(
                path.name
            )
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(
            QT_TRANSLATE_NOOP("Workbook", "Cannot read %1: %2.").arg(path, exc.strerror)
        ) from exc
    if head.startswith(OLE_SIGNATURE):
        raise WorkbookError(
            QT_TRANSLATE_NOOP(
                "Workbook",
                "%1 is an old-style .xls workbook or a password-protected one. "
                "Open it in Excel or LibreOffice, remove any password and save it as .xlsx.",
            ).arg(path.name)
        )
    if not head.startswith(ZIP_SIGNATURE):
        raise WorkbookError(
            QT_TRANSLATE_NOOP(
                "Workbook",
                "%1 is not an Excel workbook (.xlsx); it may be a CSV or text file "
                "with an .xlsx name.",
            ).arg(path.name)
        )


def _joined(header: list[str], values: tuple[Any, ...]) -> dict[str, Any]:
    """Cells by header; "X (continued …)" columns are appended to X's text."""
    row: dict[str, Any] = {}
    for name, value in zip(header, values, strict=False):
        if not name:
            continue
        base, _, rest = name.partition(" (continued")
        if rest and base in row:
            if value:
                row[base] = f"{row[base] or ''}{value}"
            continue
        row[name] = value
    return row


def _column_name(sheet: SheetRows, index: int) -> str:
    """ "E (Note)" for the cell at `index` (from 0) of a row, naming its header when any."""
    from openpyxl.utils import get_column_letter

    name = sheet.header[index] if index < len(sheet.header) else ""
    letter: str = get_column_letter(index + 1)
    return letter + (f" ({name})" if name else "")


def _too_long(sheet: SheetRows, values: tuple[Any, ...]) -> tuple[str, str] | None:
    """(column, reason) for the first cell longer than Excel allows, if any."""
    for index, value in enumerate(values):
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT // 2:
            length = utf16_length(value)
            if length > EXCEL_CELL_LIMIT:
                return _column_name(sheet, index), QT_TRANSLATE_NOOP(
                    "Workbook",
                    "the cell holds %1 characters, more than Excel's %2; "
                    "put the rest in a '(continued)' column",
                ).arg(f"{length:,}", f"{EXCEL_CELL_LIMIT:,}")
    return None


def _formula_text(value: Any) -> str:
    """A formula cell's value as the user typed it: "=A1*2" (openpyxl gives array
    formulas and data tables as objects, and a shared formula's copies as "=")."""
    text: object = getattr(value, "text", value)
    if isinstance(text, str) and text.strip("= "):
        return text if len(text) <= FORMULA_SHOWN else text[: FORMULA_SHOWN - 1] + "…"
    return "a formula shared with another cell"


def _formula(sheet: SheetRows, cells: tuple[Any, ...]) -> tuple[str, str] | None:
    """(column, reason) for the first cell holding a formula, if any."""
    for index, cell in enumerate(cells):
        if cell.data_type == "f":
            return _column_name(sheet, index), QT_TRANSLATE_NOOP(
                "Workbook",
                "the cell holds a formula (%1); Casebook takes "
                "values, not formulas: paste it as a value",
            ).arg(_formula_text(cell.value))
    return None


def _check_header(path: Path, sheet: SheetRows, first: tuple[Any, ...]) -> None:
    """Raise WorkbookError unless the sheet's first row names its required columns."""
    present = set(sheet.header)
    required = REQUIRED_COLUMNS[sheet.name]
    missing = [name for name in required if name not in present]
    if not missing:
        return
    if not present & KNOWN_HEADERS[sheet.name]:
        shown = ", ".join(repr(str(v))[:40] for v in first[:4] if v not in (None, ""))
        raise WorkbookError(
            QT_TRANSLATE_NOOP(
                "Workbook",
                "%1: the '%2' sheet has no header row: row 1 should name "
                "its columns (%3, …) but holds %4.",
            ).arg(
                path.name,
                sheet.name,
                ", ".join(required),
                shown or QT_TRANSLATE_NOOP("Workbook", "nothing"),
            )
        )
    raise WorkbookError(
        QT_TRANSLATE_NOOP(
            "Workbook",
            "%1: the '%2' sheet has no %3 column in row 1, so it is not in Casebook's layout.",
        ).arg(path.name, sheet.name, " or ".join(repr(m) for m in missing))
    )


def _read_sheet(path: Path, worksheet: Any, name: str, formulas: bool) -> SheetRows:
    """The sheet's rows; `formulas` when its XML may hold formulas (read cell by cell)."""
    sheet = SheetRows(name)
    number = 0  # the last row read whole
    try:
        # A formula is told from text starting with "=" only by its cell's data type,
        # but cells cost twice the time of values: only a sheet with formulas pays it.
        rows = worksheet.iter_rows(values_only=not formulas)
        first_cells = next(rows, None)
        if first_cells is None:
            return sheet
        first = tuple(cell.value for cell in first_cells) if formulas else first_cells
        first = tuple(unescaped_from_excel(v) for v in first)
        number = 1
        sheet.header = [str(h).strip() if h is not None else "" for h in first]
        if not any(sheet.header) and next(rows, None) is None:
            return sheet  # an empty sheet: nothing to import, nothing wrong
        _check_header(path, sheet, first)
        for number, cells in enumerate(rows, start=2):
            values = tuple(unescaped_from_excel(cell.value if formulas else cell) for cell in cells)
            if not any(v not in (None, "") for v in values):
                continue
            problem = (_formula(sheet, cells) if formulas else None) or _too_long(sheet, values)
            if problem is not None:
                sheet.problems[number] = problem
            sheet.rows.append((number, _joined(sheet.header, values)))
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl, lxml and zipfile raise many kinds on a damaged part
        if _entities_refused(exc):
            raise WorkbookError(_entities_message(path)) from exc
        raise WorkbookError(
            QT_TRANSLATE_NOOP(
                "Workbook", "%1 is damaged: the '%2' sheet cannot be read from row %3 on (%4)."
            ).arg(path.name, name, number + 1, one_line(exc))
        ) from exc
    return sheet


# A formula element (<f>, or <x:f> with a prefix) in a sheet's XML; text holding "<f>"
# is escaped there ("&lt;f>"), so only a formula matches.
_FORMULA_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_SCAN_CHUNK = 1 << 20


def _sheets_without_formulas(path: Path) -> set[str]:
    """Names of the well-formed sheets whose XML holds no formula, found by scanning it.

    2.5 to 6 s for the 100,000-case export, against some 45 s more for reading
    its sheets cell by cell. A sheet not found here is read cell by cell.
    """
    import zipfile
    from xml.parsers import expat

    plain: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            for part, name in _sheet_names(archive).items():
                if name not in SHEETS:
                    continue
                # Parsed too (expat, in C): a sheet whose XML is not well formed is
                # left to openpyxl's reading, which names the row where it breaks.
                parser = expat.ParserCreate()
                # A document type declaration (entities) is never in a workbook's
                # sheet: such a sheet goes to openpyxl, whose defusedxml refuses it.
                parser.StartDoctypeDeclHandler = _refuse_doctype
                with archive.open(part) as member:
                    tail = b""
                    while chunk := member.read(_SCAN_CHUNK):
                        if _FORMULA_ELEMENT.search(tail + chunk):
                            break
                        parser.Parse(chunk, False)
                        tail = chunk[-64:]
                    else:
                        parser.Parse(b"", True)
                        plain.add(name)
    except Exception:  # a damaged archive: reading says where, cell by cell
        return plain
    return plain


def _refuse_doctype(*_: object) -> None:
    raise ValueError("a document type declaration")


def _damaged_part(path: Path) -> str:
    """ ": its 'Notes' sheet", naming the first part of the archive that cannot be read.

    Only run once opening has failed: reads and parses every part.
    """
    import zipfile

    from lxml.etree import XMLParser, parse

    try:
        with zipfile.ZipFile(path) as archive:
            sheets = _sheet_names(archive)
            for info in archive.infolist():
                try:
                    with archive.open(info) as member:
                        if info.filename.endswith((".xml", ".rels")):
                            parse(member, XMLParser(resolve_entities=False, no_network=True))
                        else:
                            while member.read(1 << 20):
                                pass
                except Exception:
                    if info.filename in sheets:
                        return QT_TRANSLATE_NOOP("Workbook", ": its '%1' sheet").arg(
                            sheets[info.filename]
                        )
                    return QT_TRANSLATE_NOOP("Workbook", ": its part %1").arg(info.filename)
    except Exception:
        return ""  # the archive itself is broken; the library's message says how
    return ""


def _sheet_names(archive: Any) -> dict[str, str]:
    """Part name ("xl/worksheets/sheet3.xml") → sheet name ("Notes"), as far as readable."""
    from lxml.etree import XMLParser, fromstring

    parser = XMLParser(resolve_entities=False, no_network=True)
    try:
        book = fromstring(archive.read("xl/workbook.xml"), parser)
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
    except Exception:
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    names: dict[str, str] = {}
    for sheet in book.iter("{*}sheet"):
        rel_id = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel_id, "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        names[part] = sheet.get("name", "")
    return names


def _read_about(worksheet: Any) -> SheetRows:
    """The About sheet's items (which catalogue exported the workbook); never an error."""
    sheet = SheetRows(layout.ABOUT, header=["Item", "Value"])
    with contextlib.suppress(Exception):
        for number, values in enumerate(worksheet.iter_rows(max_row=60, values_only=True), 1):
            if len(values) >= 2 and isinstance(values[0], str):
                sheet.rows.append((number, {"Item": values[0], "Value": values[1]}))
    return sheet


def _calamine_values(value: Any) -> Any:
    """A cell as openpyxl gives it: blank is None, a whole-day date is a datetime."""
    if value == "":
        return None
    if type(value) is date:
        return datetime.combine(value, time())
    return value


def _read_fast(path: Path) -> dict[str, SheetRows] | None:
    """The sheets read by calamine (ten times openpyxl's speed), or None to read them
    with openpyxl: a sheet that may hold formulas, or a file calamine cannot read
    (openpyxl's reading then says what is wrong, and where)."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - a dependency; the slow path still works
        return None
    plain = _sheets_without_formulas(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
        wanted = [name for name in SHEETS if name in names]
        if layout.CASES not in names or any(name not in plain for name in wanted):
            return None
        sheets: dict[str, SheetRows] = {}
        for name in wanted:
            sheets[name] = SheetRows(name, later=_calamine_rows(path, workbook))
        if layout.ABOUT in names:
            about = SheetRows(layout.ABOUT, header=["Item", "Value"])
            for number, row in enumerate(workbook.get_sheet_by_name(layout.ABOUT).iter_rows(), 1):
                if len(row) >= 2 and isinstance(row[0], str) and number <= 60:
                    about.rows.append((number, {"Item": row[0], "Value": _calamine_values(row[1])}))
            sheets[layout.ABOUT] = about
        return sheets
    except WorkbookError:
        raise
    except Exception:
        return None


def give_back_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise), so one long
    sheet's cells are not added to the next one's in the peak."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _calamine_rows(
    path: Path, workbook: Any
) -> Callable[[SheetRows], Iterator[tuple[int, dict[str, Any]]]]:
    def rows(sheet: SheetRows) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            cells = workbook.get_sheet_by_name(sheet.name).iter_rows()
        except Exception:  # a value calamine cannot take: openpyxl says which row
            return _openpyxl_rows(path, sheet)
        values = (
            tuple(
                None if v == "" else datetime.combine(v, time()) if type(v) is date else v
                for v in row
            )
            for row in cells
        )  # as _calamine_values, inline: this runs for every cell
        return _values_to_rows(path, sheet, values)

    return rows


def _openpyxl_rows(path: Path, sheet: SheetRows) -> Iterator[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        raise WorkbookError(
            QT_TRANSLATE_NOOP("Workbook", "%1 is damaged and cannot be read (%2).").arg(
                path.name, one_line(exc)
            )
        ) from exc
    try:
        read = _read_sheet(path, workbook[sheet.name], sheet.name, formulas=True)
    finally:
        with contextlib.suppress(Exception):
            workbook.close()
    sheet.header, sheet.problems = read.header, read.problems
    return iter(read.rows)


def _values_to_rows(
    path: Path, sheet: SheetRows, rows: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows of values (no formulas in them) as the planner takes them; the header
    is read and checked first, before any row is yielded."""
    first = next(rows, None)
    if first is None:
        return iter(())
    sheet.header = [str(h).strip() if h is not None else "" for h in first]
    if not any(sheet.header):
        rest = next(rows, None)
        if rest is None:
            return iter(())  # an empty sheet: nothing to import, nothing wrong
        rows = itertools.chain([rest], rows)
    _check_header(path, sheet, first)

    def taken() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, values in enumerate(rows, start=2):
            if not any(v not in (None, "") for v in values):
                continue
            problem = _too_long(sheet, values)
            if problem is not None:
                sheet.problems[number] = problem
            yield number, _joined(sheet.header, values)

    return taken()


def read_workbook(path: Path) -> dict[str, SheetRows]:
    """Every known sheet of the workbook at `path`; raises WorkbookError."""
    from openpyxl import load_workbook

    path = Path(path)
    _check_signature(path)
    problem = archive_problem(path)
    if problem is not None:
        raise WorkbookError(QT_TRANSLATE_NOOP("Workbook", "%1 %2").arg(path.name, problem))
    fast = _read_fast(path)
    if fast is not None:
        return fast
    try:
        # data_only=False: a formula cell reads as its formula, to be rejected, not
        # as the value Excel last cached for it.
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # zipfile, lxml and openpyxl raise many kinds on a damaged file
        if _entities_refused(exc):
            raise WorkbookError(_entities_message(path)) from exc
        where = _damaged_part(path)
        raise WorkbookError(
            QT_TRANSLATE_NOOP("Workbook", "%1 is damaged%2 and cannot be read (%3).").arg(
                path.name, where, one_line(exc)
            )
        ) from exc
    try:
        if layout.CASES not in workbook.sheetnames:
            raise WorkbookError(
                QT_TRANSLATE_NOOP(
                    "Workbook",
                    "%1 is not in Casebook's layout: it has no '%2' sheet (it has: %3).",
                ).arg(path.name, layout.CASES, ", ".join(workbook.sheetnames))
            )
        plain = _sheets_without_formulas(path)
        sheets = {
            name: _read_sheet(path, workbook[name], name, formulas=name not in plain)
            for name in SHEETS
            if name in workbook.sheetnames
        }
        if layout.ABOUT in workbook.sheetnames:
            sheets[layout.ABOUT] = _read_about(workbook[layout.ABOUT])
        return sheets
    finally:
        # Closing a damaged archive must not hide the message above.
        with contextlib.suppress(Exception):
            workbook.close()
