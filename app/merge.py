"""Merging a colleague's catalogue: the same preview and apply as a workbook import.

The other catalogue is never written: a snapshot of it (SQLite's backup
API, so a catalogue in use is copied whole) is brought up to this schema in
a temporary folder, exported there in the workbook layout and compared like
a workbook from another catalogue, field by field, with its conflicts. So a
merge adds and changes exactly what importing that colleague's export
would, never deletes, and is one undo step.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from app.store import CatalogueError, open_catalogue
from app.xlsx.export import export_workbook
from app.xlsx.plan import ImportPlan, plan_import
from app.xlsx.read import read_workbook
from models.engine import inspect_file


class MergeError(ValueError):
    """The other catalogue cannot be merged; the message is for the user. Nothing was written."""


def _snapshot(path: Path, target: Path) -> None:
    """Copy the catalogue at `path` to `target` without writing to it."""
    try:
        state = inspect_file(path)
    except CatalogueError as exc:
        raise MergeError(str(exc)) from exc
    if state.version == 0:
        raise MergeError(f"{path} is not a Casebook catalogue (it is empty or missing).")
    if state.damage is not None:
        raise MergeError(f"{path} is damaged ({state.damage}); restore it from a backup first.")
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise MergeError(f"Cannot read {path}: {exc}.") from exc


def preview_merge(session: Session, path: Path, this_path: Path | None = None) -> ImportPlan:
    """What merging the catalogue at `path` into this one would change; writes nothing here."""
    path = Path(path)
    if this_path is not None and path.resolve() == Path(this_path).resolve():
        raise MergeError(f"{path.name} is the catalogue that is open: choose another one.")
    with tempfile.TemporaryDirectory(prefix="casebook-merge-") as folder:
        copy = Path(folder) / "other.sqlite3"
        _snapshot(path, copy)
        try:
            other = open_catalogue(copy, seed=False, auto_backup=False)
        except CatalogueError as exc:
            raise MergeError(str(exc).replace(str(copy), path.name)) from exc
        workbook = Path(folder) / "other.xlsx"
        try:
            with other.sessions() as theirs:
                export_workbook(theirs, workbook)
        finally:
            other.close()
        # The other side's "as exported" digests are its own, not a common base.
        return plan_import(session, read_workbook(workbook), trust_export_base=False)
