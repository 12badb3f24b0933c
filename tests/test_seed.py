"""The seed catalogue: the six required cases, numeric cited metrics, idempotent loading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.store import Catalogue, open_catalogue
from models import CaseStudy, Metric, Perspective, SeedRecord, Source
from seed import SeedError, load_seed_files, seed_catalogue

from .conftest import FIXTURE_SEED

REQUIRED_SLUGS = {
    "jin-embroidery-wujiaqu",
    "changshengchuan-brick-tea-bortala",
    "yangzhou-hotan-jade-carving",
    "jiangguoguo-kashgar",
    "futa-photovoltaic-station",
    "bortala-polytechnic",
}


def _counts(catalogue: Catalogue) -> dict[str, int]:
    with catalogue.sessions() as s:
        return {
            model.__name__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (CaseStudy, Metric, Perspective, Source, SeedRecord)
        }


def test_the_six_case_studies_are_there_from_the_first_start(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        slugs = set(s.scalars(select(CaseStudy.slug)))
    assert REQUIRED_SLUGS <= slugs


def test_every_seeded_metric_is_a_number_with_a_source(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        metrics = list(s.scalars(select(Metric)))
        assert len(metrics) >= 40
        for m in metrics:
            assert m.source is not None, m.name
            if m.value is None:
                assert isinstance(m.low, float) and isinstance(m.high, float), m.name
                assert m.low <= m.high
            else:
                assert isinstance(m.value, float), m.name
            assert m.qualifier in {"exact", "about", "over", "nearly", "under"}


def test_each_required_case_has_figures_places_people_and_sources(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        for slug in REQUIRED_SLUGS:
            case = s.scalars(select(CaseStudy).where(CaseStudy.slug == slug)).one()
            assert case.summary and case.sources and case.metrics, slug
            assert {p.role for p in case.places} == {"donor", "recipient"}, slug
            assert case.actors, slug


def test_critical_and_official_perspectives_are_both_kept(catalogue: Catalogue) -> None:
    with catalogue.sessions() as s:
        outlooks = {p.source.outlook for p in s.scalars(select(Perspective)) if p.source}
    assert {"official", "critical"} <= outlooks


def test_the_seed_digest_skips_work_when_nothing_changed(catalogue: Catalogue) -> None:
    with catalogue.sessions.begin() as s:
        assert seed_catalogue(s).skipped


def test_reseeding_never_duplicates(small_catalogue: Catalogue) -> None:
    before = _counts(small_catalogue)
    data = load_seed_files(FIXTURE_SEED)
    data.digest = "forced-rerun"
    with small_catalogue.sessions.begin() as s:
        report = seed_catalogue(s, data)
    assert report.total == 0 and not report.skipped
    assert _counts(small_catalogue) == before


def test_a_users_edit_and_deletion_survive_a_reseed(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions.begin() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        alpha.title = "My own title"
        alpha.metrics[0].value = 171.0
        beta = s.scalars(select(CaseStudy).where(CaseStudy.slug == "beta")).one()
        s.delete(beta)
    data = load_seed_files(FIXTURE_SEED)
    data.digest = "changed"
    with small_catalogue.sessions.begin() as s:
        seed_catalogue(s, data)
    with small_catalogue.sessions() as s:
        alpha = s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        assert alpha.title == "My own title"
        assert alpha.metrics[0].value == 171.0
        assert s.scalars(select(CaseStudy).where(CaseStudy.slug == "beta")).first() is None


def test_a_newer_seed_adds_only_what_is_new(small_catalogue: Catalogue, tmp_path: Path) -> None:
    newer = tmp_path / "newer-seed"
    shutil.copytree(FIXTURE_SEED, newer)
    alpha = newer / "cases" / "alpha.toml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8")
        + '\n[[metric]]\nkey = "new-figure"\nname = "New figure"\nvalue = 7\nunit = "x"\n'
        'qualifier = "exact"\nyear = 2024\nstart_year = 0\nend_year = 0\nsource = "report-a"\n',
        encoding="utf-8",
    )
    gamma = (newer / "cases" / "beta.toml").read_text(encoding="utf-8")
    (newer / "cases" / "gamma.toml").write_text(
        gamma.replace('slug = "beta"', 'slug = "gamma"'), encoding="utf-8"
    )
    before = _counts(small_catalogue)
    with small_catalogue.sessions.begin() as s:
        report = seed_catalogue(s, load_seed_files(newer))
    after = _counts(small_catalogue)
    assert report.added["case"] == 1 and report.added["metric"] == 2
    assert after["CaseStudy"] == before["CaseStudy"] + 1
    assert after["Metric"] == before["Metric"] + 2


def test_a_malformed_seed_file_names_the_file_and_entry(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURE_SEED, broken)
    beta = broken / "cases" / "beta.toml"
    beta.write_text(beta.read_text().replace("value = 200000000", 'value = "200,000,000"'))
    with pytest.raises(SeedError, match=r"beta.toml metric #1: 'value' must be a number"):
        load_seed_files(broken)


def test_opening_twice_seeds_once(db_path: Path) -> None:
    first = open_catalogue(db_path)
    counts = _counts(first)
    first.close()
    second = open_catalogue(db_path)
    assert second.seed_report.skipped
    assert _counts(second) == counts
    second.close()
