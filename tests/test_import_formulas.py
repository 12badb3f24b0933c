"""A formula cell is rejected with its sheet, row and column; text that looks like a
formula (written as text by the export) is taken as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.worksheet.formula import ArrayFormula
from sqlalchemy import select

from app.store import Catalogue
from app.xlsx import read as read_module
from app.xlsx.export import export_workbook
from app.xlsx.importer import preview_import
from app.xlsx.sheet_writer import _text_cell
from models import CaseStudy, Note

ADVICE = "Casebook takes values, not formulas: paste it as a value"


def _export(catalogue: Catalogue, path: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, path)
    return path


def _edit(path: Path, sheet: str, cells: dict[str, Any], rows: tuple[list[Any], ...] = ()) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    for row in rows:
        ws.append(row)
    wb.save(path)


def _plan(catalogue: Catalogue, path: Path) -> Any:
    with catalogue.sessions() as session:
        return preview_import(session, path)


def test_a_formula_in_a_new_note_is_rejected_with_where_and_what(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "f.xlsx")
    _edit(
        path, "Notes", {}, (["beta", None, None, None, "=A1*2"], ["beta", None, None, None, "ok"])
    )
    plan = _plan(small_catalogue, path)
    (rejection,) = plan.rejected
    assert str(rejection) == (
        f"Notes, row 2, column E (Note): the cell holds a formula (=A1*2); {ADVICE}"
    )
    assert [c.values.get("body") for c in plan.added if c.sheet == "Notes"] == ["ok"]


def test_a_formula_over_a_title_is_rejected_and_the_title_kept(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "f.xlsx")
    _edit(path, "Case studies", {"B2": '=UPPER("x")'})
    plan = _plan(small_catalogue, path)
    (rejection,) = plan.rejected
    assert (rejection.sheet, rejection.row, rejection.column) == ("Case studies", 2, "B (Title)")
    assert 'formula (=UPPER("x"))' in rejection.reason and ADVICE in rejection.reason
    assert not plan.changed


def test_an_array_formula_is_shown_as_typed(small_catalogue: Catalogue, tmp_path: Path) -> None:
    path = _export(small_catalogue, tmp_path / "f.xlsx")
    _edit(path, "Notes", {"A2": "beta", "E2": ArrayFormula("E2", "=SUM(A1:A2)")})
    (rejection,) = _plan(small_catalogue, path).rejected
    assert "holds a formula (=SUM(A1:A2))" in rejection.reason


def test_text_that_looks_like_a_formula_comes_back_unchanged(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    """The export writes "=1+1" as text; reading it back is no formula, with or
    without a real formula elsewhere in the sheet (cell by cell then)."""
    with small_catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        session.add(Note(case=alpha, body="=1+1"))
    path = _export(small_catalogue, tmp_path / "t.xlsx")
    plan = _plan(small_catalogue, path)
    assert not plan.rejected and not plan.has_changes
    _edit(path, "Notes", {}, (["beta", None, None, None, "=2*3"],))
    plan = _plan(small_catalogue, path)
    assert [r.row for r in plan.rejected] == [3] and not plan.changed


def test_only_sheets_with_formulas_are_read_cell_by_cell(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "s.xlsx")
    assert read_module._sheets_without_formulas(path) == set(read_module.SHEETS)
    _edit(path, "Notes", {"E2": "=1"})
    assert read_module._sheets_without_formulas(path) == set(read_module.SHEETS) - {"Notes"}


def test_the_formula_scan_sees_prefixed_and_empty_formula_elements() -> None:
    found = read_module._FORMULA_ELEMENT.search
    assert found(b'<c r="A1"><f>1+1</f></c>') and found(b'<x:c r="A1"><x:f t="shared"/>')
    assert not found(b'<c r="A1" t="inlineStr"><is><t>&lt;f>=1+1</t></is></c><font/>')


@given(st.text())
def test_no_text_cell_looks_like_a_formula_to_the_scan(text: str) -> None:
    xml = _text_cell("A1", text, "").encode()
    assert read_module._FORMULA_ELEMENT.search(xml) is None
