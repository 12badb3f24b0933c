"""Exports safe to send: print setup, Excel's hyperlink limit, highlight-only tags,
and the two sheet writers (which one ran, and the same XML from both)."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree
from sqlalchemy import select

from app.store import Catalogue
from app.xlsx import export as export_module
from app.xlsx.export import WriterContext, export_workbook
from app.xlsx.sheet_writer import CellRows, Styled, XmlRows, open_rows
from models import CaseStudy, Highlight, Metric, Note, Tag
from tests.writers import sheet_writer  # noqa: F401  (a fixture)

# The exports here run through both sheet writers (see tests/writers.py).
both_writers = pytest.mark.usefixtures("sheet_writer")

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, target)
    return target


def _about(path: Path) -> dict[Any, Any]:
    rows = openpyxl.load_workbook(path)["About"].iter_rows(min_row=2, values_only=True)
    return {row[0]: row[1] for row in rows}


def test_the_writer_that_ran_is_the_one_asked_for(
    small_catalogue: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sheet_writer: str,  # noqa: F811
) -> None:
    ran: list[str] = []

    def recording_open_rows(*args: Any, **kwargs: Any) -> Any:
        sink = open_rows(*args, **kwargs)
        ran.append(type(sink).__name__)
        return sink

    monkeypatch.setattr(export_module, "open_rows", recording_open_rows)
    _export(small_catalogue, tmp_path / "out.xlsx")
    assert len(ran) == 8 and set(ran) == {sheet_writer}


def test_the_installed_openpyxl_has_what_the_stream_writer_needs() -> None:
    """Without monkeypatching, a write-only sheet gets XmlRows: a newer openpyxl
    that lost the internals makes this fail (the export would be several times slower)."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("S")
    sink = open_rows(sheet, WriterContext(workbook).styles, "S")
    sink.close()
    assert type(sink) is XmlRows


@both_writers
def test_every_sheet_prints_landscape_one_page_wide_with_its_header_on_each_page(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "out.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert len(workbook.worksheets) == 8
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title


def _add_metrics_and_a_note(catalogue: Catalogue, count: int) -> None:
    with catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        for n in range(count):
            session.add(Metric(case=alpha, name=f"Looms {n}", value=n, position=100 + n))
        session.add(Note(case=alpha, body="linked again"))


@both_writers
def test_links_stop_at_excels_limit_per_sheet_and_about_says_so(
    small_catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert export_module.LINK_LIMIT == 65_530  # Excel's documented limit per worksheet
    monkeypatch.setattr(export_module, "LINK_LIMIT", 4)
    _add_metrics_and_a_note(small_catalogue, 5)  # 3 + 5 metric rows: 4 linked, 4 not
    path = _export(small_catalogue, tmp_path / "out.xlsx")
    workbook = openpyxl.load_workbook(path)
    metrics = workbook["Metrics"]
    linked = [metrics.cell(row, 1).hyperlink is not None for row in range(2, metrics.max_row + 1)]
    assert linked == [True] * 4 + [False] * 4
    assert metrics.cell(9, 1).value and not metrics.cell(9, 1).font.underline
    notes = workbook["Notes"]  # counted afresh on each sheet
    assert notes.max_row == 2 and notes.cell(2, 1).hyperlink is not None
    said = _about(path)["Slugs linked to their case"]
    assert "the first 4 on each sheet" in said and "Metrics (4 slugs)" in said


@both_writers
def test_about_says_all_slugs_are_linked_under_the_limit(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    said = _about(_export(small_catalogue, tmp_path / "out.xlsx"))["Slugs linked to their case"]
    assert said == "all (Excel allows 65,530 links on a sheet)"


@both_writers
def test_a_tag_used_only_on_highlights_is_in_the_tags_sheet(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        tag = Tag(name="Quoted only", name_key="quoted only", colour="#aa0000")
        session.add(tag)
        session.add(Tag(name="On nothing", name_key="on nothing"))
        quote = alpha.summary[:10]
        session.add(Highlight(case=alpha, field="summary", start=0, end=10, quote=quote, tag=tag))
    path = _export(small_catalogue, tmp_path / "out.xlsx")
    rows = list(openpyxl.load_workbook(path)["Tags"].iter_rows(min_row=2, values_only=True))
    assert ("Quoted only", "#aa0000", 0) in [row[:3] for row in rows]
    assert not [row for row in rows if row[0] == "On nothing"]


# --- the streaming writer's XML against openpyxl's own ----------------------------

ROWS: list[list[Any]] = [
    [Styled("Slug", "bold"), Styled("Text", "bold"), Styled("Number", "bold")],
    [Styled("alpha", "link", 7), "plain", 3, 2.5, True, False, None, "x"],
    [Styled("=1+1", "link+quote", 8), Styled("=SUM(A1)", "quote"), -4, 1e-7, 12345678901234],
    [" leading space", "trailing space ", "line\nbreak", "cr\rhere", "tab\there", "a & b < c > d"],
    [Styled(datetime(2024, 5, 6, 7, 8), "date"), Styled("wrap me", "wrap"), "喀什 قەشقەر 🍵"],
    [None, None, "after gaps", Styled("", "bold"), "", float("nan"), float("inf")],
    ["x" * 40_000, Styled("quoted\nwrapped", "quote+wrap"), 0, -0.0],
]


def _sheet_xml(kind: type[Any], path: Path) -> bytes:
    """Sheet S of a workbook whose rows went through the sink `kind`."""
    workbook = openpyxl.Workbook(write_only=True)
    ctx = WriterContext(workbook)
    sheet = workbook.create_sheet("S")
    sheet.column_dimensions["A"].width = 30
    sheet.freeze_panes = "A2"
    sheet._get_writer()  # as open_rows starts it
    sink = kind(sheet, ctx.styles, "Case studies")
    for row in ROWS:
        sink.append(row)
    sheet.close()
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def _cells(xml: bytes) -> list[tuple[Any, ...]]:
    """Each cell as (ref, type, style, value text, inline text, its space attribute)."""
    root = etree.fromstring(xml)
    cells = []
    for cell in root.iter(f"{MAIN}c"):
        text = cell.find(f"{MAIN}is/{MAIN}t")
        value = cell.find(f"{MAIN}v")
        cells.append((
            cell.get("r"),
            cell.get("t", "n"),
            cell.get("s", "0"),
            None if value is None else value.text,
            None if text is None else text.text,
            None if text is None else text.get("{http://www.w3.org/XML/1998/namespace}space"),
        ))  # fmt: skip
    return cells


def _rest(xml: bytes) -> list[tuple[str, dict[str, str]]]:
    """Every element but the cells' own (rows, hyperlinks, views, columns...)."""
    root = etree.fromstring(xml)
    inside_cells = {f"{MAIN}c", f"{MAIN}v", f"{MAIN}is", f"{MAIN}t"}
    return [
        (element.tag, dict(element.attrib))
        for element in root.iter()
        if element.tag not in inside_cells
    ]


def test_the_stream_writer_writes_the_xml_openpyxl_writes(tmp_path: Path) -> None:
    """XmlRows against CellRows (openpyxl's own cell writer) for the same rows:
    parsed and compared cell by cell (value, type, style) and element by element."""
    ours = _sheet_xml(XmlRows, tmp_path / "xml.xlsx")
    theirs = _sheet_xml(CellRows, tmp_path / "cells.xlsx")
    assert _cells(ours) == _cells(theirs)
    assert _rest(ours) == _rest(theirs)
    assert len(_cells(ours)) > 30 and b"<hyperlink " in ours
    assert _styles(tmp_path / "xml.xlsx") == _styles(tmp_path / "cells.xlsx")


def _styles(path: Path) -> list[tuple[Any, ...]]:
    """Each cell's style as openpyxl reads it back (CellRows registers some unused
    styles on the way, so styles.xml differs in what no cell uses)."""
    sheet = openpyxl.load_workbook(path)["S"]
    return [
        (
            cell.coordinate,
            cell.font.b,
            cell.font.u,
            cell.font.color.rgb if cell.font.color else None,
            cell.alignment.wrap_text,
            cell.alignment.vertical,
            cell.quotePrefix,
            cell.number_format,
            cell.hyperlink.location if cell.hyperlink else None,
        )
        for row in sheet.iter_rows()
        for cell in row
    ]
