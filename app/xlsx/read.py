"""Reading a workbook in the export's layout, with a clear word for anything else."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.xlsx import layout

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class WorkbookError(ValueError):
    """The file cannot be imported; the message is for the user. Nothing was written."""


@dataclass
class SheetRows:
    """One sheet's rows as {header: value}, with the sheet's row numbers."""

    name: str
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _check_signature(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookError(f"Cannot read {path}: {exc.strerror}.") from exc
    if head.startswith(OLE_SIGNATURE):
        raise WorkbookError(
            f"{path.name} is an old-style .xls workbook or a password-protected one. "
            "Open it in Excel or LibreOffice, remove any password and save it as .xlsx."
        )
    if not head.startswith(ZIP_SIGNATURE):
        raise WorkbookError(
            f"{path.name} is not an Excel workbook (.xlsx); it may be a CSV or text file "
            "with an .xlsx name."
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


def read_workbook(path: Path) -> dict[str, SheetRows]:
    """Every known sheet of the workbook at `path`; raises WorkbookError."""
    from openpyxl import load_workbook

    path = Path(path)
    _check_signature(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise WorkbookError(f"{path.name} is damaged and cannot be read ({exc}).") from exc
    try:
        if layout.CASES not in workbook.sheetnames:
            raise WorkbookError(
                f"{path.name} is not in Casebook's layout: it has no "
                f"'{layout.CASES}' sheet (it has: {', '.join(workbook.sheetnames)})."
            )
        sheets: dict[str, SheetRows] = {}
        for name in (layout.CASES, layout.METRICS, layout.NOTES, layout.HIGHLIGHTS,
                     layout.TAGS, layout.SOURCES):  # fmt: skip
            if name not in workbook.sheetnames:
                continue
            rows = workbook[name].iter_rows(values_only=True)
            header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
            sheet = SheetRows(name)
            for number, values in enumerate(rows, start=2):
                if any(v not in (None, "") for v in values):
                    sheet.rows.append((number, _joined(header, values)))
            sheets[name] = sheet
        missing = {"Slug", "Title"} - {h for _, r in sheets[layout.CASES].rows[:1] for h in r}
        if sheets[layout.CASES].rows and missing:
            raise WorkbookError(
                f"{path.name}: the '{layout.CASES}' sheet has no {' or '.join(sorted(missing))} "
                "column, so it is not in Casebook's layout."
            )
        return sheets
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise WorkbookError(f"{path.name} is damaged and cannot be read ({exc}).") from exc
    finally:
        workbook.close()
