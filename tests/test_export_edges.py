"""Export edge cases: characters XML cannot hold, file modes, symlinks, killed exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.cli import main
from app.store import Catalogue
from app.xlsx.cells import ILLEGAL_XML_CHARACTERS, CellCleaner
from app.xlsx.sheet_writer import CellRows, StyleBook, Styled, XmlRows
from models import CaseStudy, Note

ROOT = Path(__file__).resolve().parent.parent
XML_CANNOT_HOLD = "\x00\x01\x08\x0b\x0c\x0e\x1f\x80\x85\x9f\ud800\udfff\ufffe\uffff"


def _add_note(catalogue: Catalogue, body: str) -> None:
    with catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        session.add(Note(case=alpha, body=body))


def _about(target: Path) -> dict[Any, Any]:
    rows = openpyxl.load_workbook(target)["About"].iter_rows(min_row=2, values_only=True)
    return {row[0]: row[1] for row in rows}


# --- characters ------------------------------------------------------------------


def test_every_character_xml_cannot_hold_is_matched_and_nothing_else() -> None:
    for char in XML_CANNOT_HOLD:
        assert ILLEGAL_XML_CHARACTERS.fullmatch(char), repr(char)
    for char in "\t\n\r \x7f\xa0\ufffd\ufeff\U0001fffe\U0010ffff语🍵":
        assert not ILLEGAL_XML_CHARACTERS.search(char), repr(char)


ANY_CHARACTER = st.one_of(
    st.sampled_from(XML_CANNOT_HOLD + "\t\n\r\x7f"), st.characters(exclude_categories=())
)


@given(st.text(alphabet=ANY_CHARACTER))
def test_cleaned_text_always_serialises_as_xml(text: str) -> None:
    from lxml.etree import Element, tostring

    cleaner = CellCleaner()
    cleaned = cleaner.clean(text)
    element = Element("t")
    element.text = cleaned  # lxml refuses what XML cannot hold
    assert tostring(element)
    assert len(cleaned) == len(text) - cleaner.removed_characters


def test_a_note_with_u_fffe_exports_through_the_cli_and_is_counted(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_note(small_catalogue, "before\ufffeafter\uffff C1\x85\x9f end")
    target = tmp_path / "out.xlsx"
    assert main(["--db", str(small_catalogue.path), "export", str(target)]) == 0
    captured = capsys.readouterr()
    assert "Removed 4 characters" in captured.err
    notes = openpyxl.load_workbook(target)["Notes"]
    assert "beforeafter C1 end" in [row[4] for row in notes.iter_rows(values_only=True)]
    assert _about(target)["Characters removed (not allowed in Excel)"] == 4


def _sink_rows(kind: type[Any], tmp_path: Path, values: list[Any]) -> list[Any]:
    """Write `values` as one row through a sink of `kind`; the row read back."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("S")
    styles = StyleBook(workbook, {"bold": {}})
    if kind is XmlRows:
        sheet._get_writer()
    rows = kind(sheet, styles, "S")
    rows.append(values)
    sheet.close()
    target = tmp_path / f"{kind.__name__}.xlsx"
    workbook.save(target)
    return list(next(openpyxl.load_workbook(target)["S"].iter_rows(values_only=True)))


@pytest.mark.parametrize("kind", [XmlRows, CellRows])
def test_both_sheet_writers_drop_what_reaches_them_uncleaned(
    kind: type[Any], tmp_path: Path
) -> None:
    values = ["a\ufffeb", Styled("c\x00\ud800d", "bold"), "plain"]
    assert _sink_rows(kind, tmp_path, values) == ["ab", "cd", "plain"]
