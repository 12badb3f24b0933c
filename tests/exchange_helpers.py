"""Two colleagues' catalogues and the workbooks they send each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl

from app.changes import ChangeSet, Journal
from app.store import Catalogue, open_catalogue
from app.xlsx.export import export_workbook
from app.xlsx.importer import ImportPlan, apply_plan, preview_import
from tests.annotate_helpers import case_id as case_id
from tests.conftest import FIXTURE_SEED, load_seed_files


def colleague_catalogue(path: Path) -> Catalogue:
    """A second catalogue seeded from the same fixture (so the seed rows share UUIDs)."""
    from seed import seed_catalogue

    cat = open_catalogue(path, seed=False)
    with cat.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    return cat


def export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, target)
    return target


def preview(catalogue: Catalogue, path: Path) -> ImportPlan:
    with catalogue.sessions() as session:
        return preview_import(session, path)


def apply(catalogue: Catalogue, plan: ImportPlan, author: str = "me") -> ChangeSet:
    with catalogue.sessions.begin() as session:
        return apply_plan(session, plan, author)


def import_file(catalogue: Catalogue, path: Path, author: str = "me") -> ImportPlan:
    plan = preview(catalogue, path)
    apply(catalogue, plan, author)
    return plan


def write(catalogue: Catalogue, operation: Any, *args: Any, author: str = "me") -> Any:
    with catalogue.sessions.begin() as session:
        return operation(Journal(session, author), *args)


def edit_cells(path: Path, sheet: str, match: tuple[str, Any], edits: dict[str, Any]) -> None:
    """Set cells of the row whose column `match[0]` holds `match[1]`, as a colleague in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index(match[0])].value == match[1]:
            for column, value in edits.items():
                row[header.index(column)].value = value
            break
    else:
        raise AssertionError(f"{match} not in {sheet}")
    wb.save(path)


def rows(path: Path, sheet: str) -> Iterator[dict[str, Any]]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    values = ws.iter_rows(values_only=True)
    header = list(next(values))
    for row in values:
        yield dict(zip(header, row, strict=False))
