"""The catalogue (or the cases a filter picks) as a Frictionless Tabular Data Package.

One CSV file per table (app/formats/package_tables.py) and a
datapackage.json whose Table Schemas give each column's type, the primary
keys and the foreign keys (by UUID), so pandas, R, frictionless and
spreadsheet users read the whole catalogue without Casebook. Written as a
folder, or as a .zip of the same files when the target ends in .zip.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from app import __version__
from app.atomic_file import atomic_folder, atomic_output
from app.formats.package_tables import TABLES, Table, table_rows

DESCRIPTOR = "datapackage.json"
CHUNK = 5000

# Called before each table (rows 0) and every CHUNK rows within it; a cancel raises there.
Step = Callable[[str, int], None]


def csv_value(value: Any) -> str:
    """A value as the package's CSV writes it (empty for none; ISO 8601 UTC for times)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat() + "Z"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def descriptor(scope: str, counts: dict[str, int]) -> dict[str, Any]:
    """The datapackage.json for the tables written, with how many rows each holds."""
    return {
        "profile": "tabular-data-package",
        "name": "casebook-catalogue",
        "title": "Casebook: case studies of pairing assistance to Xinjiang",
        "description": f"Exported from Casebook {__version__}: {scope}. Every row is named "
        "by its UUID, and rows refer to each other by UUID.",
        "created": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "resources": [_resource(table, counts.get(table.name, 0)) for table in TABLES],
    }


def _resource(table: Table, rows: int) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        # Said outright: a reader guessing the delimiter from the text may take ";" for it.
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
        "description": f"{table.description} ({rows} rows)",
        "schema": table.schema(),
    }


def write_tables(
    session: Session, folder: Path, ids: Sequence[int], whole: bool, step: Step | None = None
) -> dict[str, int]:
    """Write every table's CSV into `folder`; the rows in each, by table name."""
    counts: dict[str, int] = {}
    for table in TABLES:
        with (folder / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as out:
            counts[table.name] = _write_table(session, table, out, ids, whole, step)
    return counts


def _write_table(
    session: Session,
    table: Table,
    out: IO[str],
    ids: Sequence[int],
    whole: bool,
    step: Step | None,
) -> int:
    if step is not None:
        step(table.name, 0)
    writer = csv.writer(out)
    writer.writerow([f.name for f in table.fields])
    count = 0
    for row in table_rows(session, table, ids, whole, CHUNK):
        writer.writerow([csv_value(v) for v in row])
        count += 1
        if step is not None and count % CHUNK == 0:
            step(table.name, count)
    return count


def is_earlier_package(folder: Path) -> bool:
    """Whether `folder` is empty or holds only what a package export writes (may be replaced)."""
    ours = {DESCRIPTOR} | {f"{t.name}.csv" for t in TABLES}
    try:
        return all(entry.is_file() and entry.name in ours for entry in folder.iterdir())
    except OSError:
        return False


def write_package(
    session: Session,
    target: Path,
    ids: Sequence[int],
    whole: bool,
    scope: str,
    step: Step | None = None,
) -> dict[str, int]:
    """Write the package to the folder `target`, or to a zip when it ends in .zip.

    Whole or not at all: the files are made in a hidden folder (or part)
    beside the target and moved into place when complete. Raises
    app.atomic_file.OutputFileError when the target cannot be written.
    """
    if target.suffix.lower() == ".zip":
        with atomic_output(target) as part, zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
            return _write_zip(session, z, ids, whole, scope, step)
    with atomic_folder(target, is_earlier_package) as folder:
        counts = write_tables(session, folder, ids, whole, step)
        with (folder / DESCRIPTOR).open("w", encoding="utf-8") as out:
            json.dump(descriptor(scope, counts), out, ensure_ascii=False, indent=2)
            out.write("\n")
    return counts


def _write_zip(
    session: Session,
    archive: zipfile.ZipFile,
    ids: Sequence[int],
    whole: bool,
    scope: str,
    step: Step | None,
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in TABLES:
        with archive.open(f"{table.name}.csv", "w", force_zip64=True) as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            counts[table.name] = _write_table(session, table, out, ids, whole, step)
            out.flush()
            out.detach()  # the archive closes its member itself
    text = json.dumps(descriptor(scope, counts), ensure_ascii=False, indent=2) + "\n"
    archive.writestr(DESCRIPTOR, text)
    return counts
