"""The comparison matrix: its columns, its cells with citations, its sort, its workbook."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from app.case_filter import CaseFilter
from app.matrix import (
    CHECK,
    Cell,
    Matrix,
    MatrixColumn,
    build_matrix,
    chosen_columns,
    column_choices,
    default_columns,
    filtered_matrix,
)
from app.query import case_ids
from app.store import Catalogue
from app.xlsx.cells import EXCEL_CELL_LIMIT, looks_like_formula, without_illegal_characters
from app.xlsx.matrix_export import write_matrix_workbook
from models import CaseStudy, Highlight, Metric, Note, Tag
from models.annotations import case_tag

CITATION = "\u201cA test report\u201d, A. Writer, Test Press, 2024-01-02"


def _ids(session: Session) -> dict[str, int]:
    return {slug: i for i, slug in session.execute(select(CaseStudy.id, CaseStudy.slug))}


def _cells(session: Session, keys: list[str]) -> dict[str, dict[str, Cell]]:
    """{slug: {column key: cell}} for every case."""
    ids = case_ids(session, CaseFilter())
    columns = chosen_columns(column_choices(session, ids), keys)
    assert sorted(c.key for c in columns) == sorted(keys)
    matrix = build_matrix(session, ids, columns)
    return {
        slug: {c.key: cell for c, cell in zip(columns, row, strict=True)}
        for slug, row in zip(matrix.slugs, matrix.rows, strict=True)
    }


@pytest.fixture
def annotated(small_catalogue: Catalogue) -> Catalogue:
    """alpha tagged "craft/tea" with one note; beta's highlight tagged "craft"; beta
    trained 9 people (below alpha's 170 in number, above it as text)."""
    with small_catalogue.sessions.begin() as session:
        ids = _ids(session)
        tea = Tag(name="craft/tea", name_key="craft/tea")
        craft = Tag(name="Craft", name_key="craft")
        session.add_all([tea, craft])
        session.flush()
        session.execute(insert(case_tag).values(case_id=ids["alpha"], tag_id=tea.id))
        session.add(Note(case_id=ids["alpha"], body="a note"))
        session.add(
            Highlight(case_id=ids["beta"], field="summary", start=0, end=4, quote="Beta",
                      tag_id=craft.id)
        )  # fmt: skip
        session.add(
            Metric(case_id=ids["beta"], key="t", name="People trained", value=9, unit="people")
        )
    return small_catalogue


def test_the_choices_are_the_fields_each_figure_the_tags_and_the_counts(
    annotated: Catalogue,
) -> None:
    with annotated.sessions() as session:
        choices = column_choices(session, case_ids(session, CaseFilter()))
    keys = [c.key for c in choices]
    assert keys[:8] == [
        "field:title", "field:title_zh", "field:sector", "field:period", "field:donor",
        "field:recipient", "field:forms", "field:sources",
    ]  # fmt: skip
    # Figures: the most common first, then by name.
    assert keys[8:11] == [
        "figure:People trained", "figure:Annual sales", "figure:Electricity generated",
    ]  # fmt: skip
    assert [(c.key, c.cases) for c in choices if c.kind == "tag"] == [
        ("tag:craft", 1),
        ("tag:craft/tea", 1),
    ]
    assert keys[-3:] == ["tags", "notes", "highlights"]
    # By default only the figures several cases share (one case's own does not compare).
    assert default_columns(choices) == [
        "field:title", "field:donor", "field:recipient", "field:sector", "field:period",
        "figure:People trained", "notes",
    ]  # fmt: skip


def test_without_shared_figures_the_defaults_take_the_first_three(
    small_catalogue: Catalogue,
) -> None:
    with small_catalogue.sessions() as session:
        choices = column_choices(session, case_ids(session, CaseFilter()))
    assert [k for k in default_columns(choices) if k.startswith("figure:")] == [
        "figure:Annual sales", "figure:Electricity generated", "figure:People trained",
    ]  # fmt: skip


def test_the_choices_are_those_of_the_chosen_cases(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as session:
        choices = column_choices(session, [_ids(session)["beta"]])
    assert [c.label for c in choices if c.kind == "figure"] == ["Electricity generated"]


def test_figures_show_qualifier_range_and_unit_with_their_citation(
    small_catalogue: Catalogue,
) -> None:
    keys = ["field:title", "figure:People trained", "figure:Annual sales"]
    with small_catalogue.sessions() as session:
        cells = _cells(session, keys)
    trained, sales = cells["alpha"]["figure:People trained"], cells["alpha"]["figure:Annual sales"]
    assert (trained.text, trained.key, trained.value) == ("over 170 people", 170.0, 170.0)
    assert trained.tooltip == f"over 170 people (2018\u20132024)\n{CITATION}"
    assert sales.text == "about 5,000\u20136,000 tons"
    assert sales.key == 5500.0
    assert sales.value == "5000\u20136000"
    assert sales.tooltip == f"about 5,000\u20136,000 tons (2023)\n{CITATION}"
    assert cells["beta"]["figure:Annual sales"] == Cell()  # beta has none


def test_a_wide_range_is_written_in_full(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions.begin() as session:
        session.add(
            Metric(case_id=_ids(session)["beta"], key="r", name="Range", low=1_000_000,
                   high=12_345_678.5, unit="yuan", qualifier="about")
        )  # fmt: skip
    with small_catalogue.sessions() as session:
        cell = _cells(session, ["figure:Range"])["beta"]["figure:Range"]
    assert cell.value == "1000000\u201312345678.5"
    assert cell.text == "about 1 million\u201312.35 million yuan"


def test_the_fields(small_catalogue: Catalogue) -> None:
    keys = [
        "field:title", "field:sector", "field:period", "field:donor", "field:recipient",
        "field:forms", "field:sources",
    ]  # fmt: skip
    with small_catalogue.sessions() as session:
        cells = _cells(session, keys)
    alpha = {key: cell.text for key, cell in cells["alpha"].items()}
    assert alpha == {
        "field:title": "Alpha tea workshop",
        "field:sector": "agriculture and food",
        "field:period": "2018\u2013ongoing",
        "field:donor": "Hubei",  # Wuhan rolls up to its province
        "field:recipient": "Kashgar",  # Taxkorgan to its prefecture
        "field:forms": "market access, talent",
        "field:sources": "A test report",
    }
    assert cells["alpha"]["field:sources"].tooltip == CITATION
    assert cells["beta"]["field:period"].key == 2017.0


def test_tags_and_counts(annotated: Catalogue) -> None:
    keys = ["tag:craft", "tag:craft/tea", "tags", "notes", "highlights"]
    with annotated.sessions() as session:
        cells = _cells(session, keys)
    alpha, beta = cells["alpha"], cells["beta"]
    # "craft" is ticked for alpha's "craft/tea" and for beta's highlight.
    assert alpha["tag:craft"].text == CHECK
    assert alpha["tag:craft"].tooltip == "On the case: craft/tea"
    assert beta["tag:craft"].text == CHECK
    assert beta["tag:craft"].tooltip == "On 1 highlight"
    assert beta["tag:craft/tea"] == Cell()
    assert (alpha["tags"].text, beta["tags"].text) == ("craft/tea", "")
    assert (alpha["notes"].value, beta["notes"].value) == (1, 0)
    assert (alpha["highlights"].value, beta["highlights"].value) == (0, 1)


def test_a_figure_column_sorts_by_number_and_empty_cells_go_last(annotated: Catalogue) -> None:
    with annotated.sessions() as session:
        matrix, _choices, total = filtered_matrix(
            session, CaseFilter(), ["field:title", "figure:People trained", "figure:Annual sales"]
        )
    assert total == 2
    by_slug = dict(zip(matrix.slugs, matrix.case_ids, strict=True))
    matrix.sort(1)
    assert matrix.slugs == ["beta", "alpha"]  # 9 before 170, though "over 170" < "9" as text
    matrix.sort(1, descending=True)
    assert matrix.slugs == ["alpha", "beta"]
    for descending in (False, True):
        matrix.sort(2, descending)
        assert matrix.slugs == ["alpha", "beta"]  # beta has no sales: last both ways
    assert dict(zip(matrix.slugs, matrix.case_ids, strict=True)) == by_slug
    assert [row[0].text for row in matrix.rows] == ["Alpha tea workshop", "Beta solar station"]


def test_the_matrix_takes_a_handful_of_queries_whatever_the_cases(catalogue: Catalogue) -> None:
    with catalogue.sessions() as session:
        ids = case_ids(session, CaseFilter())
        choices = column_choices(session, ids)
        figures = [c for c in choices if c.kind == "figure"][:10]
        columns = [c for c in choices if c.kind != "figure"] + figures
        statements: list[str] = []
        engine = session.get_bind()
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            matrix = build_matrix(session, ids, columns)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
    assert len(ids) > 10 and len(matrix.rows) == len(ids)
    # cases, places x2, forms, sources, tags (read once for all tag columns),
    # highlight tags, notes, highlights, all the figures and their sources.
    assert len(figures) == 10
    assert len(statements) <= 11


# --- the workbook -----------------------------------------------------------------


def test_the_workbook_holds_the_matrix_with_numbers_units_and_citations(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as session:
        session.execute(
            CaseStudy.__table__.update()
            .where(CaseStudy.slug == "beta")
            .values(title="=1+1")
        )  # fmt: skip
    with small_catalogue.sessions() as session:
        matrix, _c, _n = filtered_matrix(
            session, CaseFilter(),
            ["field:title", "field:period", "figure:People trained", "figure:Annual sales",
             "notes"],
        )  # fmt: skip
    target = tmp_path / "matrix.xlsx"
    summary = write_matrix_workbook(matrix, target, "the whole catalogue")
    assert summary.counts == {"Matrix": 2, "Citations": 2}
    assert summary.formula_like_cells == 1
    book = load_workbook(target)
    assert book.sheetnames == ["Matrix", "Citations", "About"]
    rows = list(book["Matrix"].iter_rows(values_only=True))
    assert rows[0] == (
        "Slug", "Title", "Period", "Annual sales (tons)", "People trained (people)", "Notes",
    )  # fmt: skip
    assert rows[1:] == [
        ("beta", "=1+1", "2017\u20132019", None, None, 0),  # by title: "=" before "a"
        ("alpha", "Alpha tea workshop", "2018\u2013ongoing", "5000\u20136000", 170, 0),
    ]
    formula_cell = next(c for c in book["Matrix"]["B"] if c.value == "=1+1")
    assert formula_cell.data_type == "s"  # text, never run as a formula
    assert formula_cell.quotePrefix  # and kept as text when Excel edits it
    citations = list(book["Citations"].iter_rows(values_only=True))
    assert citations[2] == (
        "alpha", "People trained", "over 170 people",
        f"over 170 people (2018\u20132024)\n{CITATION}",
    )  # fmt: skip
    about = dict(book["About"].iter_rows(values_only=True))
    assert about["Text written as text though it looks like a formula"] == 1


def test_a_figure_with_several_units_gets_a_unit_column(tmp_path: Path) -> None:
    column = MatrixColumn("figure:Investment", "Investment", "figure")
    matrix = Matrix(
        [column], [1, 2], ["a", "b"],
        [[Cell("1 yuan", 1.0, "", 1.0, "yuan")],
         [Cell("2 million yuan", 2.0, "", 2.0, "million yuan")]],
        {column.key: ""},
    )  # fmt: skip
    write_matrix_workbook(matrix, tmp_path / "m.xlsx", "two cases")
    rows = list(load_workbook(tmp_path / "m.xlsx")["Matrix"].iter_rows(values_only=True))
    assert rows == [
        ("Slug", "Investment", "Investment unit"),
        ("a", 1, "yuan"),
        ("b", 2, "million yuan"),
    ]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    from app.atomic_file import OutputFileError

    with pytest.raises(OutputFileError, match="does not exist"):
        write_matrix_workbook(Matrix([]), tmp_path / "no" / "m.xlsx", "nothing")
    target = tmp_path / "m.xlsx"
    target.write_bytes(b"old")
    matrix = Matrix([MatrixColumn("field:title", "Title", "field")], [1], ["a"], [[Cell("x")]])
    matrix.rows[0][0] = Cell("x", "x", "", object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        write_matrix_workbook(matrix, target, "one case")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.xlsx"]  # no part left behind


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=60))
def test_any_text_reaches_its_cell_as_the_export_guard_allows(scratch: Path, text: str) -> None:
    column = MatrixColumn("field:title", "Title", "field")
    matrix = Matrix([column], [1], ["slug"], [[Cell(text, text.casefold(), "", text)]])
    target = scratch / "prop.xlsx"
    summary = write_matrix_workbook(matrix, target, "one case")
    cell = load_workbook(target)["Matrix"]["B2"]
    expected = without_illegal_characters(text)[:EXCEL_CELL_LIMIT]
    assert (cell.value or "") == expected
    assert summary.removed_characters == len(text) - len(without_illegal_characters(text))
    if expected:
        assert cell.data_type == "s"
        assert cell.quotePrefix == looks_like_formula(expected)


# --- the command line ---------------------------------------------------------------


def test_the_command_line_writes_the_chosen_columns(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = str(small_catalogue.path)
    small_catalogue.close()
    target = tmp_path / "m.xlsx"
    status = main([
        "--db", path, "matrix", str(target), "--query", "alpha",
        "--columns", "title", "People trained", "notes",
    ])  # fmt: skip
    assert status == 0
    assert "Wrote the matrix of 1 case x 3 columns" in capsys.readouterr().out
    rows = list(load_workbook(target)["Matrix"].iter_rows(values_only=True))
    assert rows == [
        ("Slug", "Title", "People trained (people)", "Notes"),
        ("alpha", "Alpha tea workshop", 170, 0),
    ]
    assert main(["--db", path, "matrix", "--list-columns", "--query", "alpha"]) == 0
    assert "figure:People trained\tPeople trained\t1 case\n" in capsys.readouterr().out
    assert main(["--db", path, "matrix", str(target), "--columns", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("casebook: No column 'nonsense'") and err.count("\n") == 1
