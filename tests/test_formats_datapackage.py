"""The catalogue as a Frictionless Data Package: validated by frictionless, read back whole."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import frictionless
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.atomic_file import OutputFileError
from app.case_filter import CaseFilter
from app.formats import datapackage, package_tables
from app.formats.choice import format_of
from app.formats.datapackage import DESCRIPTOR, csv_value
from app.formats.export import export
from app.store import Catalogue
from app.xlsx.export import ExportCancelledError
from models import CaseStudy, Highlight, Metric, Note, Place, Tag
from models.annotations import case_tag

HARD = '喀什 قەشقەر 🍵 a,b;c "q" \x01\x1f\x7f\r\nnext line'
LONG = "长" * 20_000 + "x" * 20_000


def _annotate(catalogue: Catalogue) -> None:
    """Notes, a tag on alpha, a highlight with a highlight-only tag."""
    with catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        on_case = Tag(name="茶/tea 🍵", name_key="茶/tea 🍵")
        on_highlight = Tag(name="only-highlight", name_key="only-highlight")
        s.add_all([on_case, on_highlight])
        for place in s.scalars(
            select(Place)
        ):  # text a CSV reader could take ";" for a delimiter in
            place.position_note = "seat: Kashgar; general knowledge, not from the articles"
        s.flush()
        s.execute(case_tag.insert().values(case_id=alpha.id, tag_id=on_case.id))
        s.add_all([
            Note(case_id=alpha.id, body=HARD, author="Ayşe"),
            Note(case_id=alpha.id, body=LONG, author=""),
            Highlight(case_id=alpha.id, field="summary", start=0, end=3, quote="Alp",
                      suffix=HARD, comment=HARD, tag_id=on_highlight.id, author="bo"),
        ])  # fmt: skip


def _export(catalogue: Catalogue, target: Path, flt: CaseFilter | None = None) -> dict[str, int]:
    with catalogue.sessions() as s:
        return export(s, target, format_of(target), flt).counts


def _valid(descriptor: Path | str) -> None:
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])


def _rows(folder: Path, name: str) -> list[dict[str, object]]:
    package = frictionless.Package(str(folder / DESCRIPTOR))
    return [dict(row) for row in package.get_resource(name).read_rows()]


def test_the_package_validates_and_reads_back(small_catalogue: Catalogue, tmp_path: Path) -> None:
    _annotate(small_catalogue)
    target = tmp_path / "casebook-package"
    counts = _export(small_catalogue, target)
    _valid(target / DESCRIPTOR)  # types, primary keys and foreign keys
    assert counts["cases"] == 2 and counts["notes"] == 2 and counts["highlights"] == 1
    assert {p.name for p in target.iterdir()} == {DESCRIPTOR} | {
        f"{t.name}.csv" for t in package_tables.TABLES
    }
    with small_catalogue.sessions() as s:
        notes = {n.uuid: (n.body, n.author) for n in s.scalars(select(Note))}
        metrics = {m.uuid: (m.value, m.low, m.high, m.unit) for m in s.scalars(select(Metric))}
        slugs = {c.uuid: c.slug for c in s.scalars(select(CaseStudy))}
    back = {r["uuid"]: (r["body"], r["author"] or "") for r in _rows(target, "notes")}
    assert back == notes  # Chinese, Uyghur, emoji, control characters, 40,000 characters
    figures = {r["uuid"]: (r["value"], r["low"], r["high"], r["unit"] or "")
               for r in _rows(target, "figures")}  # fmt: skip
    assert figures == metrics
    assert {r["uuid"]: r["slug"] for r in _rows(target, "cases")} == slugs
    (highlight,) = _rows(target, "highlights")
    assert highlight["suffix"] == HARD and highlight["comment"] == HARD
    tags = {r["uuid"]: r["name"] for r in _rows(target, "tags")}
    assert tags[highlight["tag_uuid"]] == "only-highlight"


def test_the_schema_gives_types_keys_and_units(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "p"
    _export(small_catalogue, target)
    package = json.loads((target / DESCRIPTOR).read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    figures = resources["figures"]["schema"]
    fields = {f["name"]: f for f in figures["fields"]}
    assert fields["value"]["type"] == "number" and fields["value"]["unitField"] == "unit"
    assert "unit" in fields and "`unit` column" in resources["figures"]["description"]
    assert fields["year"]["type"] == "integer"
    assert figures["primaryKey"] == ["uuid"]
    assert {"fields": "case_uuid", "reference": {"resource": "cases", "fields": "uuid"}} in (
        figures["foreignKeys"]
    )
    assert resources["case_tags"]["schema"]["primaryKey"] == ["case_uuid", "tag_uuid"]
    cases = {f["name"]: f for f in resources["cases"]["schema"]["fields"]}
    assert cases["ongoing"]["type"] == "boolean" and cases["created_at"]["type"] == "datetime"
    assert "seed_file" not in json.dumps(package)


def test_a_zip_package_validates(small_catalogue: Catalogue, tmp_path: Path) -> None:
    _annotate(small_catalogue)
    target = tmp_path / "catalogue.zip"
    _export(small_catalogue, target)
    with zipfile.ZipFile(target) as archive:
        assert DESCRIPTOR in archive.namelist()
    _valid(target)


def test_a_filtered_package_holds_the_chosen_cases_and_stays_whole(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    _annotate(small_catalogue)
    target = tmp_path / "tea"
    counts = _export(small_catalogue, target, CaseFilter(tags=frozenset({"茶/tea 🍵"})))
    _valid(target / DESCRIPTOR)
    assert counts["cases"] == 1 and counts["notes"] == 2
    assert [r["slug"] for r in _rows(target, "cases")] == ["alpha"]
    # Only the tags alpha uses, the highlight's included.
    assert {r["name"] for r in _rows(target, "tags")} == {"茶/tea 🍵", "only-highlight"}


def test_another_folder_is_never_replaced(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "chapter1.docx").write_text("years of work")
    with pytest.raises(OutputFileError, match="already holds other files"):
        _export(small_catalogue, target)
    assert [p.name for p in target.iterdir()] == ["chapter1.docx"]


def test_an_earlier_package_is_replaced_only_when_the_new_one_is_whole(
    small_catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pkg"
    _export(small_catalogue, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}

    def broken(*_args: object) -> object:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(package_tables, "table_rows", broken)
    monkeypatch.setattr("app.formats.datapackage.table_rows", broken)
    with pytest.raises(RuntimeError):
        _export(small_catalogue, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    _annotate(small_catalogue)
    assert _export(small_catalogue, target)["notes"] == 2  # replaced now
    _valid(target / DESCRIPTOR)


def test_the_real_seed_catalogue_validates(catalogue: Catalogue, tmp_path: Path) -> None:
    # Its place notes hold "; " and ", " together: a reader guessing the delimiter must not.
    target = tmp_path / "seed.zip"
    counts = _export(catalogue, target)
    assert counts["cases"] > 10 and counts["figures"] > 100
    _valid(target)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_reads_back_through_the_package_csv(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["uuid", "body"])
        writer.writerow(["u", csv_value(text)])
    resource = datapackage._resource(package_tables.TABLES[0], 1)
    resource = frictionless.Resource(
        path=str(path),
        basepath="",
        format="csv",
        encoding="utf-8",
        dialect=frictionless.Dialect.from_descriptor(resource["dialect"]),
        schema=frictionless.Schema.from_descriptor(
            {"fields": [{"name": "uuid", "type": "string"}, {"name": "body", "type": "string"}]}
        ),
    )
    (row,) = resource.read_rows()
    assert (row["body"] or "") == text


@pytest.mark.parametrize(
    ("name", "after"),
    [(n, a) for n in ("c.zip", "c-folder") for a in (0, 1, 7, 14)]
    + [(n, a) for n in ("c.json", "c.ris", "c.bib", "c.jsonld") for a in (0, 1)],
)
def test_a_cancelled_export_writes_nothing(
    small_catalogue: Catalogue, tmp_path: Path, name: str, after: int
) -> None:
    asked = [0]

    def should_cancel() -> bool:
        asked[0] += 1
        return asked[0] > after

    out = tmp_path / "out"
    out.mkdir()
    target = out / name
    with small_catalogue.sessions() as s, pytest.raises(ExportCancelledError):
        export(s, target, format_of(target), None, should_cancel=should_cancel)
    assert list(out.iterdir()) == []  # no file, no part, no hidden folder
