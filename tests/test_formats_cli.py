"""`casebook export FILE [--format F]`: every format, chosen by name or extension."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import bibtexparser
import openpyxl
import pytest
import rispy
from sqlalchemy import select

from app.cli import main
from app.formats.annotations import read_annotations
from app.store import Catalogue
from models import CaseStudy, Highlight, Source, Tag
from models.annotations import case_tag


def _export(catalogue: Catalogue, *args: str) -> int:
    return main(["--db", str(catalogue.path), "export", *args])


def _tag_beta_and_highlight_both(catalogue: Catalogue) -> None:
    with catalogue.sessions.begin() as s:
        cases = {c.slug: c for c in s.scalars(select(CaseStudy))}
        tag = Tag(name="chosen", name_key="chosen")
        s.add(tag)
        s.add(Source(title="Only beta's 中文", key="beta-only", kind="news report"))
        s.flush()
        beta_source = s.scalars(select(Source).where(Source.key == "beta-only")).one()
        cases["beta"].sources.append(beta_source)
        s.execute(case_tag.insert().values(case_id=cases["beta"].id, tag_id=tag.id))
        for slug, case in cases.items():
            s.add(Highlight(case_id=case.id, field="summary", start=0, end=2, quote=slug[:2]))


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("out.xlsx", "(xlsx)"),
        ("out.zip", "(datapackage)"),
        ("out", "(datapackage)"),
        ("out.json", "(csl-json)"),
        ("out.ris", "(ris)"),
        ("out.bib", "(bibtex)"),
        ("out.jsonld", "(annotations)"),
    ],
)
def test_the_extension_chooses_the_format(
    small_catalogue: Catalogue,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    label: str,
) -> None:
    target = tmp_path / name
    assert _export(small_catalogue, str(target)) == 0
    said = capsys.readouterr().out
    assert label in said and said.count("\n") == 1
    assert target.exists()


def test_each_format_reads_back(small_catalogue: Catalogue, tmp_path: Path) -> None:
    _tag_beta_and_highlight_both(small_catalogue)
    assert _export(small_catalogue, str(tmp_path / "a.json")) == 0
    assert _export(small_catalogue, str(tmp_path / "a.ris")) == 0
    assert _export(small_catalogue, str(tmp_path / "a.bib")) == 0
    assert _export(small_catalogue, str(tmp_path / "a.jsonld")) == 0
    csl = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    ris = rispy.loads((tmp_path / "a.ris").read_text(encoding="utf-8"))
    bib = bibtexparser.loads((tmp_path / "a.bib").read_text(encoding="utf-8")).entries
    assert [i["id"] for i in csl] == [r["id"] for r in ris] == [e["ID"] for e in bib]
    assert {"report-a", "beta-only"} <= {i["id"] for i in csl}  # (with the built-in seed)
    assert len(read_annotations((tmp_path / "a.jsonld").read_text(encoding="utf-8"))) >= 2


def test_the_filter_applies_to_every_format(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tag_beta_and_highlight_both(small_catalogue)
    with small_catalogue.sessions() as s:
        beta = s.scalars(select(CaseStudy.uuid).where(CaseStudy.slug == "beta")).one()
    for name in ("f.xlsx", "f.zip", "f.json", "f.ris", "f.bib", "f.jsonld"):
        assert _export(small_catalogue, str(tmp_path / name), "--tag", "Chosen") == 0
        assert "tags (all of) chosen" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "f.xlsx")["Case studies"].max_row == 2
    (highlight,) = read_annotations((tmp_path / "f.jsonld").read_text(encoding="utf-8"))
    assert highlight.case_uuid == beta
    ids = {item["id"] for item in json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))}
    assert ids == {"report-a", "beta-only"}  # beta cites both
    assert _export(small_catalogue, str(tmp_path / "q.json"), "--query", "alpha") == 0
    ids = {item["id"] for item in json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))}
    assert ids == {"report-a"}


def test_format_wins_over_the_extension(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "refs.txt"
    assert _export(small_catalogue, str(target), "--format", "ris") == 0
    assert rispy.loads(target.read_text(encoding="utf-8"))[0]["id"] == "report-a"
    folder = tmp_path / "package.d"
    assert _export(small_catalogue, str(folder), "--format", "datapackage") == 0
    assert (folder / "datapackage.json").is_file()


def test_an_unknown_extension_is_one_line_and_exit_2(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(small_catalogue, str(tmp_path / "notes.docx")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".docx" in err and "--format" in err
    assert list(tmp_path.glob("notes*")) == []
    with pytest.raises(SystemExit) as exited:
        _export(small_catalogue, str(tmp_path / "x.ris"), "--format", "pdf")
    assert exited.value.code == 2


def test_a_missing_folder_is_one_line(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("x.ris", "x.zip", "x"):
        assert _export(small_catalogue, str(tmp_path / "nowhere" / name)) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "does not exist" in err, err


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_files_get_the_mode_the_umask_gives(
    small_catalogue: Catalogue, tmp_path: Path, umask: int, mode: int
) -> None:
    before = os.umask(umask)
    try:
        for name in ("m.xlsx", "m.zip", "m.json", "m.ris", "m.bib", "m.jsonld", "m"):
            assert _export(small_catalogue, str(tmp_path / name)) == 0
    finally:
        os.umask(before)
    for name in ("m.xlsx", "m.zip", "m.json", "m.ris", "m.bib", "m.jsonld", "m/cases.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode, name
    assert stat.S_IMODE((tmp_path / "m").stat().st_mode) == mode | 0o111 & ~umask


def test_the_current_folder_is_never_replaced(
    small_catalogue: Catalogue,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "draft.txt").write_text("mine")
    monkeypatch.chdir(work)
    assert _export(small_catalogue, ".") == 1
    assert "already holds other files" in capsys.readouterr().err
    assert [p.name for p in work.iterdir()] == ["draft.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert _export(small_catalogue, ".") == 0  # an empty folder becomes the package
    assert (empty / "datapackage.json").is_file()
