"""Issue 11's defects: figures inside their range, ranges shown, sources by title, plurals, show."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.case_edit import DraftError, MetricDraft, check_metric, save_case
from app.cli import main
from app.detail import case_detail
from app.formatting import format_quantity
from app.highlights import add_highlight
from app.plurals import counted, singular
from app.service import CatalogueService
from app.store import Catalogue
from tests.annotate_helpers import case_id
from views.detail_html import sources_html


def _figure(value: str, low: str, high: str) -> MetricDraft:
    return MetricDraft(name="Distance", value=value, low=low, high=high, unit="km")


def test_a_value_outside_its_range_is_refused() -> None:
    problems: dict[str, str] = {}
    check_metric(0, _figure("3000", "100", "500"), problems)
    assert problems == {
        "metrics.0.value": "Figure 1: the value must lie inside its range (100–500)."
    }
    for inside in ("100", "300", "500"):
        problems = {}
        check_metric(0, _figure(inside, "100", "500"), problems)
        assert problems == {}


@given(st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_a_value_with_a_range_is_accepted_exactly_when_inside(v: int, a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    problems: dict[str, str] = {}
    check_metric(0, _figure(str(v), str(low), str(high)), problems)
    assert ("metrics.0.value" in problems) == (not low <= v <= high)


def test_saving_a_case_with_a_figure_outside_its_range_writes_nothing(
    small_catalogue: Catalogue,
) -> None:
    service = CatalogueService(small_catalogue)
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    draft.metrics.append(_figure("3000", "100", "500"))
    with pytest.raises(DraftError):
        service.write(save_case, alpha, draft)
    assert len(service.draft(alpha).metrics) == len(draft.metrics) - 1


def test_ranges_are_shown() -> None:
    assert format_quantity(None, 100, 500, "km", "exact") == "100–500 km"
    assert format_quantity(300, 100, 500, "km", "about") == "about 300 km (100–500 km)"
    assert format_quantity(2018, None, None, "year", "exact") == "2018"
    assert format_quantity(1, None, None, "year", "exact") == "1 year"
    assert format_quantity(None, 1368, 1644, "year", "about") == "about 1368–1644"
    assert format_quantity(None, 5, 2000, "year", "exact") == "5–2,000 year"


def test_sources_are_shown_by_title_not_by_seed_file(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        detail = case_detail(s, "jin-embroidery-wujiaqu")
    html = sources_html(detail)
    assert detail.sources
    for source in detail.sources:
        assert source.seed_file and source.seed_file not in html
        assert source.title in html.replace("&#x27;", "'").replace("&quot;", '"')


def test_no_figure_reads_like_4_generation(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        detail = case_detail(s, "jin-embroidery-wujiaqu")
    shown = [m.display for m in detail.metrics]
    assert "4 generation" not in shown
    assert "4 generations" in shown


@pytest.mark.parametrize(
    ("plural", "one"),
    [("case studies", "case study"), ("cases", "case"), ("people", "person"),
     ("saved searches", "saved search"), ("case assistance", "case assistance"),
     ("columns", "column"), ("Sources", "Source")],
)  # fmt: skip
def test_singulars(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert counted(1, plural) == f"1 {one}"
    assert counted(2, plural) == f"2 {plural}"


def test_export_counts_say_1_case_study(
    small_catalogue: Catalogue, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "one.xlsx"
    db = str(small_catalogue.path)
    assert main(["--db", db, "export", str(target), "--query", "alpha"]) == 0
    out = capsys.readouterr().out
    assert "1 case study" in out and "1 case studies" not in out


def test_show_includes_highlights_and_ranges(
    small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    service = CatalogueService(small_catalogue)
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    draft.metrics.append(
        MetricDraft(
            name="Distance", value="300", low="100", high="500", unit="km", qualifier="about"
        )
    )
    service.write(save_case, alpha, draft)
    service.write(add_highlight, alpha, "summary", 0, 5, tag="key point", comment="why")
    db = str(small_catalogue.path)
    assert main(["--db", db, "show", "alpha"]) == 0
    out = capsys.readouterr().out
    assert "Highlights" in out and "tag: key point" in out and ": why" in out
    assert "about 300 km (100–500 km)" in out
    assert main(["--db", db, "show", "alpha", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (h,) = data["highlights"]
    assert h["tag"] == "key point" and h["comment"] == "why" and h["field"] == "summary"
    (figure,) = [m for m in data["metrics"] if m["name"] == "Distance"]
    assert (figure["low"], figure["high"]) == (100, 500)
    assert figure["display"] == "about 300 km (100–500 km)"
