"""Exporting to Excel: layout, real numbers and dates, and each safety rule."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from app.atomic_file import OutputFileError
from app.case_filter import CaseFilter
from app.cli import main
from app.store import Catalogue
from app.xlsx import export as export_module
from app.xlsx.export import ExportCancelledError, export_workbook
from models import CaseStudy, Note, Tag
from tests.writers import sheet_writer  # noqa: F401  (a fixture)

# Every test here runs through both sheet writers (see tests/writers.py).
pytestmark = pytest.mark.usefixtures("sheet_writer")

HOSTILE_STARTS = ["=1+1", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "\ncmd", '=HYPERLINK("x")']
WORLD_TEXT = "Kashgar قەشقەر 喀什 — tea 🍵 and jade 💎"


def _export(catalogue: Catalogue, target: Path, flt: CaseFilter | None = None) -> object:
    with catalogue.sessions() as session:
        return export_workbook(session, target, flt)


def _header(sheet: object) -> list[str]:
    return [c.value for c in next(sheet.iter_rows(max_row=1))]  # type: ignore[attr-defined]


def _edit_alpha(catalogue: Catalogue, **fields: object) -> None:
    with catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        for name, value in fields.items():
            setattr(alpha, name, value)


def test_the_workbook_has_every_sheet_with_a_usable_header(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == [
        "Case studies", "Metrics", "Notes", "Highlights", "Tags", "Sources", "Saved searches",
        "About",
    ]  # fmt: skip
    cases = wb["Case studies"]
    assert _header(cases)[:5] == ["Slug", "Title", "Chinese title", "Chinese title note", "Sector"]
    assert cases["A1"].font.bold and cases.freeze_panes == "A2"
    assert cases.auto_filter.ref == f"A1:S{cases.max_row}"
    assert cases.column_dimensions["S"].hidden  # the sync base
    assert cases.column_dimensions["B"].width == 45
    assert cases["P2"].alignment.wrap_text  # the summary wraps
    assert wb.properties.title == "Casebook export"
    assert wb.properties.creator.startswith("Casebook")
    about = {row[0]: row[1] for row in wb["About"].iter_rows(min_row=2, values_only=True)}
    assert about["What was exported"] == "the whole catalogue"
    assert about["Case studies rows"] == 2 and about["Metrics rows"] == 3


def test_numbers_and_dates_are_real_for_openpyxl_and_calamine(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        s.add(Note(case=alpha, body="dated", created_at=datetime(2024, 5, 6, 7, 8)))
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target)
    metrics = openpyxl.load_workbook(target)["Metrics"]
    rows = list(metrics.iter_rows(min_row=2, values_only=True))
    values = {row[1]: row for row in rows}
    assert values["People trained"][2] == 170 and isinstance(
        values["People trained"][2], int | float
    )
    assert values["Annual sales"][3:5] == (5000, 6000)
    link = metrics["A2"].hyperlink
    assert link is not None and link.location.startswith("'Case studies'!A")
    calamine = CalamineWorkbook.from_path(str(target))
    metric_rows = calamine.get_sheet_by_name("Metrics").to_python()
    assert any(row[2] == 170.0 for row in metric_rows[1:])
    note_rows = calamine.get_sheet_by_name("Notes").to_python()
    assert note_rows[1][1] == datetime(2024, 5, 6, 7, 8)
    assert openpyxl.load_workbook(target)["Notes"]["B2"].is_date


@pytest.mark.parametrize("hostile", HOSTILE_STARTS)
def test_formula_like_text_is_written_as_text(
    small_catalogue: Catalogue, tmp_path: Path, hostile: str
) -> None:
    _edit_alpha(small_catalogue, title=hostile + " title")
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target)
    cases = openpyxl.load_workbook(target)["Case studies"]
    cell = next(c for c in cases["B"][1:] if str(c.value).endswith(" title"))
    assert cell.data_type == "s"
    assert cell.value == hostile + " title"
    assert cell.quotePrefix
    calamine_rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("Case studies")
    assert hostile + " title" in [row[1] for row in calamine_rows.to_python()]


def test_characters_xml_cannot_hold_are_removed_and_counted(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    _edit_alpha(small_catalogue, title="bad\x00\x07 tit\x1fle\x0b")
    target = tmp_path / "out.xlsx"
    summary = _export(small_catalogue, target)
    assert summary.removed_characters == 4  # type: ignore[attr-defined]
    wb = openpyxl.load_workbook(target)
    assert "bad title" in [c.value for c in wb["Case studies"]["B"]]
    about = {row[0]: row[1] for row in wb["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Characters removed (not allowed in Excel)"] == 4


def test_long_text_continues_in_extra_columns_and_joins_back_whole(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    long_summary = ("Ünïcode 🍵 " * 8000)[:70_000]
    _edit_alpha(small_catalogue, summary=long_summary)
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target)
    cases = openpyxl.load_workbook(target)["Case studies"]
    header = _header(cases)
    assert "Summary (continued)" in header and "Summary (continued 2)" in header
    row = next(r for r in cases.iter_rows(min_row=2, values_only=True) if r[0] == "alpha")
    pieces = [row[header.index("Summary")]] + [
        row[i] for i, h in enumerate(header) if h.startswith("Summary (continued")
    ]
    assert "".join(p for p in pieces if p) == long_summary
    assert all(len(p.encode("utf-16-le")) // 2 <= 32_767 for p in pieces if p)


def test_chinese_uyghur_and_emoji_round_trip_exactly(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    _edit_alpha(small_catalogue, title=WORLD_TEXT)
    with small_catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        s.add(Note(case=alpha, body=WORLD_TEXT + "\nsecond line"))
        s.add(Tag(name="جاي/茶 🍵", name_key="جاي/茶 🍵", cases=[alpha]))
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target)
    wb = openpyxl.load_workbook(target)
    assert WORLD_TEXT in [c.value for c in wb["Case studies"]["B"]]
    assert wb["Notes"]["E2"].value == WORLD_TEXT + "\nsecond line"
    assert wb["Tags"]["A2"].value == "جاي/茶 🍵"
    calamine = CalamineWorkbook.from_path(str(target))
    assert calamine.get_sheet_by_name("Notes").to_python()[1][4] == WORLD_TEXT + "\nsecond line"


def test_a_filter_exports_only_matching_cases(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    _export(small_catalogue, target, CaseFilter(text="solar"))
    wb = openpyxl.load_workbook(target)
    slugs = [row[0] for row in wb["Case studies"].iter_rows(min_row=2, values_only=True)]
    assert slugs == ["beta"]
    metric_slugs = {row[0] for row in wb["Metrics"].iter_rows(min_row=2, values_only=True)}
    assert metric_slugs == {"beta"}


def test_a_cancelled_export_leaves_the_old_file_and_no_partial_file(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the colleague's previous workbook")
    with small_catalogue.sessions() as session, pytest.raises(ExportCancelledError):
        export_workbook(session, target, should_cancel=lambda: True)
    assert target.read_bytes() == b"the colleague's previous workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "small.sqlite3"] or not [
        p for p in tmp_path.iterdir() if p.name.endswith(".part")
    ]


def test_a_failure_mid_export_leaves_the_old_file_whole(
    small_catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"previous")

    def explode(*args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export_module, "_write_notes", explode)
    with pytest.raises(RuntimeError):
        _export(small_catalogue, target)
    assert target.read_bytes() == b"previous"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_missing_folder_or_read_only_target_is_a_clear_error(
    small_catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(OutputFileError, match="does not exist"):
        _export(small_catalogue, tmp_path / "missing" / "out.xlsx")
    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"keep me")
    import app.atomic_file

    monkeypatch.setattr(app.atomic_file.os, "access", lambda path, mode: False)
    with pytest.raises(OutputFileError, match="read-only"):
        _export(small_catalogue, target)
    assert target.read_bytes() == b"keep me"


def test_cli_export_with_query_and_errors(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(small_catalogue.path)
    target = tmp_path / "cli.xlsx"
    assert main(["--db", db, "export", str(target), "--query", "Futa"]) == 0
    assert "1 case studies" in capsys.readouterr().out
    assert openpyxl.load_workbook(target)["Case studies"].max_row == 2
    status = main(["--db", db, "export", str(tmp_path / "nowhere" / "x.xlsx")])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and "does not exist" in err
    assert main(["--db", db, "export", str(tmp_path / "x.csv")]) == 2  # an unknown format
    assert main(["--db", db, "export", str(tmp_path / "x.xlsx"), "--tag", " / "]) == 1
