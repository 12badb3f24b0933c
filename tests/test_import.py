"""Importing a workbook a colleague edited: preview, rejections, apply, undo, round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from app.changes import replay
from app.cli import main
from app.store import Catalogue
from app.xlsx.export import export_workbook
from app.xlsx.importer import WorkbookError, apply_plan, preview_import
from models import CaseStudy, Metric, Note

Cells = dict[str, list[tuple[Any, ...]]]


def _export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, target)
    return target


def _cells(path: Path) -> Cells:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb
            if ws.title != "About"}  # fmt: skip


def _edit(
    path: Path, sheet: str, edits: dict[tuple[int, str], Any], append: list[dict[str, Any]] = ()
) -> None:  # type: ignore[assignment]
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for (row, column), value in edits.items():
        ws.cell(row=row, column=header.index(column) + 1, value=value)
    for new in append:
        ws.append([new.get(h) for h in header])
    wb.save(path)


def _row_of(path: Path, sheet: str, column: str, value: Any) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[1]]
    for number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if row[header.index(column)] == value:
            return number
    raise AssertionError(f"{value!r} not in {sheet}")


def test_export_import_export_gives_the_same_cells(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    first = _export(small_catalogue, tmp_path / "first.xlsx")
    with small_catalogue.sessions.begin() as session:
        plan = preview_import(session, first)
        assert not plan.has_changes and not plan.rejected
        apply_plan(session, plan)
    second = _export(small_catalogue, tmp_path / "second.xlsx")
    assert _cells(first) == _cells(second)


def test_the_preview_shows_changes_field_by_field_and_writes_nothing(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "edited.xlsx")
    row = _row_of(path, "Case studies", "Slug", "alpha")
    _edit(path, "Case studies", {(row, "Title"): "Alpha tea workshop, revised", (row, "Tags"): "tea; craft/tea"},
          [{"Slug": "gamma", "Title": "Gamma 新 case", "Sector": "energy", "Start year": 2021}])  # fmt: skip
    _edit(
        path,
        "Metrics",
        {},
        [{"Case slug": "gamma", "Metric": "Panels", "Value": 12, "Unit": "panels"}],
    )
    _edit(path, "Notes", {}, [{"Case slug": "alpha", "Note": "Colleague's note 🍵"}])
    with small_catalogue.sessions() as session:
        plan = preview_import(session, path)
        title = session.scalars(select(CaseStudy.title).where(CaseStudy.slug == "alpha")).one()
    assert title == "Alpha tea workshop"  # nothing written by a preview
    changed = {c.label: c for c in plan.changed}
    fields = {f.field: (f.old, f.new) for f in changed["alpha"].changes}
    assert fields["title"] == ("Alpha tea workshop", "Alpha tea workshop, revised")
    assert fields["tags added"] == ("", "tea; craft/tea")
    assert {(a.sheet, a.label) for a in plan.added} == {
        ("Case studies", "gamma"), ("Metrics", "gamma / Panels"), ("Notes", "alpha")
    }  # fmt: skip
    assert plan.unchanged["Case studies"] == 1 and plan.unchanged["Metrics"] == 3


def test_apply_writes_everything_and_undo_takes_it_all_back(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    before = _cells(_export(small_catalogue, tmp_path / "before.xlsx"))
    path = _export(small_catalogue, tmp_path / "edited.xlsx")
    row = _row_of(path, "Case studies", "Slug", "beta")
    _edit(path, "Case studies", {(row, "Summary"): "New summary", (row, "Forms of assistance"): "funds",
                                 (row, "Tags"): "Solar"},
          [{"Slug": "gamma", "Title": "Gamma", "Tags": "solar"}])  # fmt: skip
    metric_row = _row_of(path, "Metrics", "Metric", "Electricity generated")
    _edit(path, "Metrics", {(metric_row, "Value"): 250_000_000})
    with small_catalogue.sessions.begin() as session:
        applied = apply_plan(session, preview_import(session, path))
    with small_catalogue.sessions() as session:
        beta = session.scalars(select(CaseStudy).where(CaseStudy.slug == "beta")).one()
        assert beta.summary == "New summary" and beta.assistance_forms == ["funds"]
        assert [t.name for t in beta.tags] == ["Solar"]
        gamma = session.scalars(select(CaseStudy).where(CaseStudy.slug == "gamma")).one()
        assert [t.name for t in gamma.tags] == ["Solar"]  # one tag whatever the spelling
        assert session.scalars(select(Metric.value).where(Metric.key == "output")).one() == 2.5e8
    with small_catalogue.sessions.begin() as session:
        replay(session, applied, undo=True)
    after_undo = _cells(_export(small_catalogue, tmp_path / "after.xlsx"))
    assert after_undo == before


def test_undo_of_an_import_refuses_to_revert_text_changed_since(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    from app.changes import ReplayConflictError

    path = _export(small_catalogue, tmp_path / "edited.xlsx")
    row = _row_of(path, "Case studies", "Slug", "beta")
    _edit(path, "Case studies", {(row, "Summary"): "The import's summary"})
    with small_catalogue.sessions.begin() as session:
        applied = apply_plan(session, preview_import(session, path))
    with small_catalogue.sessions.begin() as session:  # a colleague's edit, after the import
        beta = session.scalars(select(CaseStudy).where(CaseStudy.slug == "beta")).one()
        beta.summary = "A colleague's summary"
    with (
        pytest.raises(ReplayConflictError, match="Cannot undo this step: the case study"),
        small_catalogue.sessions.begin() as session,
    ):
        replay(session, applied, undo=True)
    with small_catalogue.sessions() as session:
        summary = session.scalars(select(CaseStudy.summary).where(CaseStudy.slug == "beta")).one()
    assert summary == "A colleague's summary"


def test_an_import_never_deletes(small_catalogue: Catalogue, tmp_path: Path) -> None:
    path = _export(small_catalogue, tmp_path / "fewer.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Case studies"].delete_rows(_row_of(path, "Case studies", "Slug", "beta"))
    wb["Metrics"].delete_rows(2, 3)
    wb.save(path)
    with small_catalogue.sessions.begin() as session:
        apply_plan(session, preview_import(session, path))
    with small_catalogue.sessions() as session:
        assert set(session.scalars(select(CaseStudy.slug))) == {"alpha", "beta"}
        assert len(list(session.scalars(select(Metric)))) == 3


@pytest.mark.parametrize(
    ("sheet", "row", "reason"),
    [
        ("Case studies", {"Slug": "", "Title": "No slug"}, "the Slug cell is empty"),
        ("Case studies", {"Slug": "d", "Title": "D", "Start year": 1850}, "between 1900 and 2100"),
        ("Case studies", {"Slug": "e", "Title": "E", "Start year": 2020, "End year": 2010},
         "The end year must not come before the start year."),
        ("Case studies", {"Slug": "f", "Title": "F", "Forms of assistance": "magic"},
         "unknown form of assistance 'magic'"),
        ("Case studies", {"Slug": "g", "Title": "G", "Tags": " / "}, "at least one letter"),
        ("Metrics", {"Case slug": "nope", "Metric": "M", "Value": 1}, "no case with the slug 'nope'"),
        ("Metrics", {"Case slug": "alpha", "Metric": "M", "Value": "lots"}, "'lots' is not a number"),
        ("Metrics", {"Case slug": "alpha", "Metric": "M", "Low": 9, "High": 2}, "The low value must not exceed the high value."),
        ("Metrics", {"Case slug": "alpha", "Metric": "M", "Value": 1, "Qualifier": "roughly"},
         "Choose one of exact, about"),
        ("Metrics", {"Case slug": "alpha", "Metric": "M"}, "The figure needs a value, or both a low and a high."),
        ("Notes", {"Case slug": "alpha", "Note": ""}, "the Note cell is empty"),
    ],
)  # fmt: skip
def test_each_bad_row_is_rejected_with_sheet_row_and_reason(
    small_catalogue: Catalogue, tmp_path: Path, sheet: str, row: dict[str, Any], reason: str
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    _edit(path, sheet, {}, [row])
    with small_catalogue.sessions() as session:
        plan = preview_import(session, path)
    assert len(plan.rejected) == 1
    rejection = plan.rejected[0]
    assert rejection.sheet == sheet and rejection.row >= 2
    assert reason in rejection.reason
    assert f"{sheet}, row {rejection.row}" in str(rejection)


def _bad_files(tmp_path: Path, small_catalogue: Catalogue) -> dict[str, Path]:
    files = {}
    csv = tmp_path / "renamed.xlsx"
    csv.write_text("Slug,Title\nalpha,Alpha\n", encoding="utf-8")
    files["not an Excel workbook"] = csv
    ole = tmp_path / "old.xlsx"
    ole.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    files["password-protected"] = ole
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(_export(small_catalogue, tmp_path / "ok.xlsx").read_bytes()[:2000])
    files["damaged"] = broken
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"  # type: ignore[union-attr]
    wb.save(other)
    files["not in Casebook's layout"] = other
    return files


def test_files_that_are_not_exports_get_a_clear_message_and_write_nothing(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    for expected, path in _bad_files(tmp_path, small_catalogue).items():
        with small_catalogue.sessions() as session, pytest.raises(WorkbookError, match=expected):
            preview_import(session, path)


def test_cli_import_dry_run_apply_and_errors(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(small_catalogue.path)
    path = _export(small_catalogue, tmp_path / "cli.xlsx")
    _edit(path, "Notes", {}, [{"Case slug": "beta", "Note": "from a colleague"}])
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 to add" in out and "Nothing was written." in out
    with small_catalogue.sessions() as session:
        assert not list(session.scalars(select(Note)))
    assert main(["--db", db, "import", str(path), "--yes"]) == 0
    assert "Imported: 1 added" in capsys.readouterr().out
    with small_catalogue.sessions() as session:
        assert [n.body for n in session.scalars(select(Note))] == ["from a colleague"]
    bad = tmp_path / "bad.xlsx"
    bad.write_text("a,b\n", encoding="utf-8")
    status = main(["--db", db, "import", str(bad)])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and "Nothing was imported" in err


def test_import_that_edits_a_summary_reanchors_highlights_and_undo_restores_them(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    from app.highlights import add_highlight, highlights_of_case
    from app.service import CatalogueService

    service = CatalogueService(small_catalogue)
    with small_catalogue.sessions() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        alpha_id, summary = alpha.id, alpha.summary
    start = summary.index("summary")
    service.write(add_highlight, alpha_id, "summary", start, start + 7)
    path = _export(small_catalogue, tmp_path / "edited.xlsx")
    row = _row_of(path, "Case studies", "Slug", "alpha")
    _edit(path, "Case studies", {(row, "Summary"): "Preface. " + summary})
    with small_catalogue.sessions.begin() as session:
        before = highlights_of_case(session, alpha_id)
        applied = apply_plan(session, preview_import(session, path))
    with small_catalogue.sessions() as session:
        (moved,) = highlights_of_case(session, alpha_id)
    assert (moved.start, moved.quote, moved.orphaned) == (start + 9, "summary", False)
    with small_catalogue.sessions.begin() as session:
        replay(session, applied, undo=True)
    with small_catalogue.sessions() as session:
        assert [(h.start, h.end, h.quote) for h in highlights_of_case(session, alpha_id)] == [
            (h.start, h.end, h.quote) for h in before
        ]
