"""Import edge cases: damaged files, missing header rows, over-long cells, duplicate keys,
and a preview the terminal can read."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from app.cli import main
from app.store import Catalogue
from app.xlsx.export import export_workbook
from app.xlsx.importer import WorkbookError, apply_plan, preview_import
from models import CaseStudy, Metric, Note, Source, Tag

SHEET_PARTS = {"Case studies": "sheet1", "Metrics": "sheet2", "Notes": "sheet3"}


def _export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, target)
    return target


def _append(path: Path, sheet: str, rows: list[dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in rows:
        ws.append([row.get(h) for h in header])
    wb.save(path)


def _rewrite_part(path: Path, part: str, change: Any) -> None:
    """Replace one member of the workbook's zip with `change(its bytes)`."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    members[part] = change(members[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def _preview_error(catalogue: Catalogue, path: Path) -> str:
    with catalogue.sessions() as session, pytest.raises(WorkbookError) as caught:
        preview_import(session, path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    return message


def _plan(catalogue: Catalogue, path: Path) -> Any:
    with catalogue.sessions() as session:
        return preview_import(session, path)


# --- damaged files ---------------------------------------------------------------


def test_malformed_xml_in_a_sheet_names_the_sheet_and_the_row(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    _append(path, "Notes", [{"Case slug": "alpha", "Note": f"note {i}"} for i in range(5)])

    def break_row_4(xml: bytes) -> bytes:
        return re.sub(rb'(<row r="4")', rb"<row <<<broken \1", xml, count=1)

    _rewrite_part(path, "xl/worksheets/sheet3.xml", break_row_4)
    message = _preview_error(small_catalogue, path)
    assert "bad.xlsx is damaged" in message and "'Notes' sheet" in message
    assert "from row 4 on" in message


def test_a_cell_value_openpyxl_cannot_read_names_the_sheet(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")

    def bad_number(xml: bytes) -> bytes:
        return re.sub(
            rb'<c r="C2"([^>]*) t="n"><v>[^<]*</v>', rb'<c r="C2"\1 t="n"><v>lots</v>', xml
        )

    _rewrite_part(path, "xl/worksheets/sheet2.xml", bad_number)
    message = _preview_error(small_catalogue, path)
    assert "'Metrics' sheet cannot be read from row 2 on" in message


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data.replace(b"workbookPr", b"workbookPr <<<", 1),  # workbook.xml broken
    ],
)
def test_a_broken_zip_or_workbook_part_is_one_line(
    small_catalogue: Catalogue, tmp_path: Path, damage: Any
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    if damage.__code__.co_consts and b"workbookPr" in damage.__code__.co_consts:
        _rewrite_part(path, "xl/workbook.xml", damage)
    else:
        path.write_bytes(damage(path.read_bytes()))
    assert "bad.xlsx is damaged" in _preview_error(small_catalogue, path)


def test_a_corrupted_sheet_in_the_zip_names_the_sheet(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 40):  # flip bytes inside the compressed data
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    message = _preview_error(small_catalogue, path)
    assert "bad.xlsx is damaged: its 'Metrics' sheet" in message


def test_cli_prints_one_line_for_a_damaged_file(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    _rewrite_part(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    assert main(["--db", str(small_catalogue.path), "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "'Case studies' sheet" in captured.err
    assert "Nothing was imported" in captured.err and not captured.out


# --- header rows -----------------------------------------------------------------


@pytest.mark.parametrize("sheet", ["Case studies", "Metrics", "Notes", "Tags", "Sources"])
def test_a_sheet_without_its_header_row_is_an_error(
    small_catalogue: Catalogue, tmp_path: Path, sheet: str
) -> None:
    path = _export(small_catalogue, tmp_path / "headless.xlsx")
    _append(path, "Notes", [{"Case slug": "alpha", "Note": "a note"}])
    _append(path, "Tags", [{"Tag": "a tag"}])
    wb = openpyxl.load_workbook(path)
    wb[sheet].delete_rows(1)
    wb.save(path)
    message = _preview_error(small_catalogue, path)
    assert f"the '{sheet}' sheet has no header row" in message


def test_a_header_row_without_a_required_column_is_an_error(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(small_catalogue, tmp_path / "renamed.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Metrics"]["B1"] = "Figure"
    wb.save(path)
    assert "no 'Metric' column" in _preview_error(small_catalogue, path)
    assert main(["--db", str(small_catalogue.path), "import", str(path)]) == 1
    assert "no 'Metric' column" in capsys.readouterr().err


def test_a_single_data_row_without_a_header_is_not_silently_nothing(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "one-row.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Case studies"
    ws.append(["gamma", "Gamma case"])
    wb.save(path)
    assert main(["--db", str(small_catalogue.path), "import", str(path)]) == 1
    assert "has no header row" in capsys.readouterr().err


def test_empty_sheets_are_fine(small_catalogue: Catalogue, tmp_path: Path) -> None:
    path = _export(small_catalogue, tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Notes"].delete_rows(1, wb["Notes"].max_row)
    wb.save(path)
    plan = _plan(small_catalogue, path)
    assert not plan.has_changes and not plan.rejected


# --- over-long cells and duplicate keys ----------------------------------------------


def test_an_over_long_cell_rejects_its_row_naming_the_column(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "long.xlsx")
    _append(path, "Notes", [{"Case slug": "alpha", "Note": "PLACEHOLDER"},
                            {"Case slug": "alpha", "Note": "fine"}])  # fmt: skip
    # openpyxl cuts what it writes at Excel's limit; other programs may not.
    _rewrite_part(path, f"xl/worksheets/{SHEET_PARTS['Notes']}.xml",
                  lambda xml: xml.replace(b"PLACEHOLDER", b"x" * 40_000))  # fmt: skip
    plan = _plan(small_catalogue, path)
    (rejection,) = plan.rejected
    assert (rejection.sheet, rejection.row, rejection.column) == ("Notes", 2, "E (Note)")
    assert "40,000 characters" in str(rejection)
    assert str(rejection).startswith("Notes, row 2, column E (Note): ")
    assert [c.values["body"] for c in plan.added] == ["fine"]


def test_duplicate_new_metric_keys_are_rejected_in_the_preview_and_the_rest_applies(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(small_catalogue, tmp_path / "dup.xlsx")
    new = {"Case slug": "alpha", "Metric": "Looms", "Value": 3, "Key": "looms"}
    _append(path, "Metrics", [new, {**new, "Value": 4}])
    plan = _plan(small_catalogue, path)
    (rejection,) = plan.rejected
    assert rejection.column == "N (Key)" and "also on row" in rejection.reason
    assert main(["--db", str(small_catalogue.path), "import", str(path), "--yes"]) == 3
    assert "Metrics, row" in capsys.readouterr().out
    with small_catalogue.sessions() as session:
        looms = session.scalars(select(Metric.value).where(Metric.key == "looms")).all()
    assert looms == [3]


@pytest.mark.parametrize(
    ("sheet", "rows", "column"),
    [
        ("Case studies", [{"Slug": "alpha", "Title": "Again"}], "A (Slug)"),
        ("Case studies", [{"Slug": "new", "Title": "One"}, {"Slug": "new", "Title": "Two"}],
         "A (Slug)"),
        ("Tags", [{"Tag": "Fresh"}, {"Tag": " fresh "}], "A (Tag)"),
        ("Sources", [{"Key": "k1", "Title": "One"}, {"Key": "k1", "Title": "Two"}], "A (Key)"),
    ],
)  # fmt: skip
def test_a_key_given_twice_is_rejected_on_its_second_row(
    small_catalogue: Catalogue, tmp_path: Path, sheet: str, rows: list[dict[str, Any]], column: str
) -> None:
    path = _export(small_catalogue, tmp_path / "dup.xlsx")
    _append(path, sheet, rows)
    plan = _plan(small_catalogue, path)
    rejections = [r for r in plan.rejected if r.sheet == sheet]
    assert len(rejections) == 1 and rejections[0].column == column
    assert "also on row" in rejections[0].reason
    with small_catalogue.sessions.begin() as session:
        apply_plan(session, plan)  # no IntegrityError
    with small_catalogue.sessions() as session:
        assert session.scalars(select(Tag).where(Tag.name_key == "fresh")).all() or sheet != "Tags"
        assert len(session.scalars(select(Source).where(Source.key == "k1")).all()) == (
            sheet == "Sources"
        )


def test_a_note_uuid_given_twice_is_rejected(small_catalogue: Catalogue, tmp_path: Path) -> None:
    with small_catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        session.add(Note(case=alpha, body="mine"))
    path = _export(small_catalogue, tmp_path / "dup.xlsx")
    with small_catalogue.sessions() as session:
        note_uuid = session.scalars(select(Note.uuid)).one()
    _append(path, "Notes", [{"Case slug": "alpha", "UUID": note_uuid, "Note": "theirs"}])
    (rejection,) = _plan(small_catalogue, path).rejected
    assert rejection.column.endswith("(UUID)") and "UUID" in rejection.reason


# --- the preview on the terminal --------------------------------------------------


def test_the_terminal_preview_shows_counts_and_the_first_20_and_json_shows_all(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(small_catalogue, tmp_path / "many.xlsx")
    _append(path, "Notes", [{"Case slug": "beta", "Note": f"note {i} " + "long " * 200}
                            for i in range(30)])  # fmt: skip
    _append(path, "Metrics", [{"Case slug": "nope", "Metric": "M", "Value": 1}] * 25)
    db = str(small_catalogue.path)
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 3
    out = capsys.readouterr().out
    assert "30 to add" in out and "25 rejected" in out
    assert out.count("  add ") == 20 and "… and 10 more additions" in out
    assert out.count("  reject ") == 20 and "… and 5 more rejections" in out
    assert len(out) < 10_000 and "Nothing was written." in out
    assert main(["--db", db, "import", str(path), "--dry-run", "--json"]) == 3
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["summary"]["added"] == 30 and len(data["added"]) == 30
    assert len(data["rejected"]) == 25 and data["rejected"][0]["sheet"] == "Metrics"
    assert "Nothing was written." in captured.err
    assert main(["--db", db, "import", str(path), "--json", "--yes"]) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["added"] == 30
    assert "Imported: 30 added" in captured.err


def test_a_fifo_or_folder_is_refused_without_waiting(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    assert "pipe.xlsx is not a file" in _preview_error(small_catalogue, fifo)
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert main(["--db", str(small_catalogue.path), "import", str(folder)]) == 1
    assert "folder.xlsx is not a file" in capsys.readouterr().err


@pytest.mark.parametrize("note_id", [1e300, 2**63, -4, 3.5, float("inf"), True])
def test_an_id_that_cannot_be_ours_adds_a_note_without_a_traceback(
    small_catalogue: Catalogue, tmp_path: Path, note_id: Any
) -> None:
    path = _export(small_catalogue, tmp_path / "ids.xlsx")
    _append(path, "Notes", [{"Case slug": "alpha", "Note id": note_id, "Note": "odd id"}])
    plan = _plan(small_catalogue, path)
    assert [c.values["body"] for c in plan.added] == ["odd id"] and not plan.rejected
