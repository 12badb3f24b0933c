"""A newer seed updates what the user never changed, keeps (and logs) what they changed,
and leaves every note, tag and highlight attached to the updated cases."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.changes import Journal
from app.highlights import add_highlight, highlights_of_case
from app.notes import add_note, notes_of_case
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases, tags_of_cases
from models import CaseActor, CaseStudy, Metric, Perspective, SeedRecord, Source
from seed import SeedReport, load_seed_files, seed_catalogue
from seed.fingerprint import (
    add_release,
    catalogue_fingerprints,
    load_released,
    seed_fingerprints,
)
from seed.schema import DATA_DIR, SeedData

from .conftest import FIXTURE_SEED

PREVIOUS = Path(__file__).with_name("fixtures") / "seed_previous"
OLD_SUMMARY = "A short summary of the alpha case."
NEW_SUMMARY = "Corrected: a short summary of the alpha case, as the report gives it."


def _released() -> dict[str, dict[str, list[str]]]:
    """The fixture seed as the one released version before the newer one."""
    return add_release({}, load_seed_files(FIXTURE_SEED))


def _newer_seed(tmp_path: Path) -> SeedData:
    """The fixture seed with corrections in a case, a figure, a view, a source and a role."""
    newer = tmp_path / "newer-seed"
    shutil.copytree(FIXTURE_SEED, newer)
    alpha = newer / "cases" / "alpha.toml"
    text = alpha.read_text(encoding="utf-8")
    for old, new in (
        (OLD_SUMMARY, NEW_SUMMARY),
        ('qualifier = "over"', 'qualifier = "about"'),
        ("the workshop raised incomes.", "the workshop raised some incomes."),
        ('role = "Trainer"', 'role = "Trainer of trainers"'),
    ):
        assert old in text
        text = text.replace(old, new)
    alpha.write_text(text, encoding="utf-8")
    sources = newer / "sources.toml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace('date_note = ""', 'date_note = "checked"', 1),
        encoding="utf-8",
    )
    return load_seed_files(newer)


def _alpha(s: Session) -> CaseStudy:
    return s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()


def _reseed(catalogue: Catalogue, data: SeedData) -> SeedReport:
    with catalogue.sessions.begin() as s:
        return seed_catalogue(s, data, _released())


def test_a_newer_seed_updates_the_entries_the_user_never_changed(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    report = _reseed(small_catalogue, _newer_seed(tmp_path))
    assert report.updated == {
        "case": 1, "metric": 1, "perspective": 1, "case_actor": 1, "source": 1,
    }  # fmt: skip
    assert report.kept == [] and report.total == 0
    with small_catalogue.sessions() as s:
        alpha = _alpha(s)
        assert alpha.summary == NEW_SUMMARY
        assert {m.key: m.qualifier for m in alpha.metrics}["trainees"] == "about"
        assert alpha.perspectives[0].text.endswith("raised some incomes.")
        roles = {link.actor.key: link.role for link in alpha.actors}
        assert roles["jane-doe"] == "Trainer of trainers"
        source = s.scalars(select(Source).where(Source.key == "report-a")).one()
        assert source.date_note == "checked"
        assert len(alpha.metrics) == 2 and len(alpha.perspectives) == 1


def test_the_updated_catalogue_matches_the_newer_seed_exactly(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    data = _newer_seed(tmp_path)
    _reseed(small_catalogue, data)
    with small_catalogue.sessions() as s:
        held = dict(catalogue_fingerprints(s, {"alpha", "beta"}))
    wanted = seed_fingerprints(data)
    assert {e: p for e, p in wanted.items() if e in held} == {
        e: p for e, p in held.items() if e in wanted
    }


def test_entries_the_user_changed_are_kept_and_logged(
    small_catalogue: Catalogue, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with small_catalogue.sessions.begin() as s:
        alpha = _alpha(s)
        alpha.summary = "My own summary."
        trainees = next(m for m in alpha.metrics if m.key == "trainees")
        trainees.note = "my note on the figure"
    with caplog.at_level(logging.INFO, logger="seed.loader"):
        report = _reseed(small_catalogue, _newer_seed(tmp_path))
    assert sorted(report.kept) == ["case alpha", "metric alpha/trainees"]
    assert report.updated["perspective"] == 1
    assert "case 'alpha'" in caplog.text and "metric 'alpha/trainees'" in caplog.text
    with small_catalogue.sessions() as s:
        alpha = _alpha(s)
        assert alpha.summary == "My own summary."
        trainees = next(m for m in alpha.metrics if m.key == "trainees")
        assert (trainees.qualifier, trainees.note) == ("over", "my note on the figure")
        assert alpha.perspectives[0].text.endswith("raised some incomes.")


def test_an_entry_no_released_seed_wrote_is_the_users(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as s:
        report = seed_catalogue(s, _newer_seed(tmp_path), released={})
    assert "case alpha" in report.kept and not report.updated
    with small_catalogue.sessions() as s:
        assert _alpha(s).summary == OLD_SUMMARY


def test_a_deleted_case_stays_deleted_when_the_seed_corrects_it(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as s:
        s.delete(_alpha(s))
    report = _reseed(small_catalogue, _newer_seed(tmp_path))
    assert not report.updated["case"] and not report.kept
    with small_catalogue.sessions() as s:
        assert s.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).first() is None
        assert s.scalar(select(Metric).where(Metric.key == "trainees")) is None


def test_notes_tags_and_highlights_stay_with_an_updated_case(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    quote = "summary of the alpha case"
    with small_catalogue.sessions.begin() as s:
        alpha = _alpha(s)
        journal = Journal(s)
        add_note(journal, alpha.id, "my reading notes")
        tag_cases(journal, [alpha.id], ["tea"])
        start = alpha.summary.index(quote)
        add_highlight(journal, alpha.id, "summary", start, start + len(quote), comment="key")
        case_id = alpha.id
    _reseed(small_catalogue, _newer_seed(tmp_path))
    with small_catalogue.sessions() as s:
        alpha = _alpha(s)
        assert alpha.id == case_id and alpha.summary == NEW_SUMMARY
        assert [n.body for n in notes_of_case(s, case_id)] == ["my reading notes"]
        assert [t.name for t in tags_of_cases(s, [case_id])] == ["tea"]
        (mark,) = highlights_of_case(s, case_id)
        assert not mark.orphaned and mark.comment == "key"
        assert NEW_SUMMARY[mark.start : mark.end] == quote  # found again in the new text
        assert mark.start != start


def test_the_released_fingerprints_cover_the_current_seed() -> None:
    """Run `python -m seed.release` after changing seed/data, or the next seed cannot
    tell this version's entries from a user's edits."""
    released = load_released()
    missing = [
        f"{kind} {key}"
        for (kind, key), print_ in seed_fingerprints(load_seed_files(DATA_DIR)).items()
        if print_ not in released.get(kind, {}).get(key, [])
    ]
    assert missing == []


def test_a_catalogue_from_the_previous_seed_gets_the_corrections(tmp_path: Path) -> None:
    previous = tmp_path / "previous-seed"
    shutil.copytree(DATA_DIR, previous)
    for name in ("sources.toml", "pairing-assistance-programme.toml"):
        target = previous / name if name == "sources.toml" else previous / "cases" / name
        shutil.copy(PREVIOUS / name, target)
    old = open_catalogue(tmp_path / "old.sqlite3", seed=False)
    with old.sessions.begin() as s:
        seed_catalogue(s, load_seed_files(previous))
    with old.sessions.begin() as s:
        report = seed_catalogue(s, load_seed_files(DATA_DIR))
    assert report.kept == [] and report.updated["metric"] >= 3 and report.updated["source"] >= 1
    with old.sessions() as s:
        held = dict(catalogue_fingerprints(s, {c.slug for c in load_seed_files().cases}))
        gdp = s.scalars(select(Metric).where(Metric.key == "gdp-multiple-since-2012")).one()
        assert gdp.qualifier == "about"
        views = {p.key: p for p in s.scalars(select(Perspective))}
        assert "In its own list of risks" in views["white-paper-report-concerns"].text
        assert s.scalars(select(CaseActor)).first() is not None
    old.close()
    wanted = seed_fingerprints(load_seed_files(DATA_DIR))
    assert {e: p for e, p in held.items() if e in wanted} == {
        e: p for e, p in wanted.items() if e in held
    }


def test_the_seeding_session_sees_the_updated_values(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    with small_catalogue.sessions.begin() as s:
        alpha = _alpha(s)  # held, so the session keeps it cached
        assert alpha.summary == OLD_SUMMARY
        seed_catalogue(s, _newer_seed(tmp_path), _released())
        assert alpha.summary == NEW_SUMMARY


def test_a_case_the_seed_never_wrote_here_is_not_updated(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    """A user's own case that happens to have a seed case's slug stays the user's."""
    with small_catalogue.sessions.begin() as s:
        s.execute(delete(SeedRecord).where(SeedRecord.kind == "case"))
    report = _reseed(small_catalogue, _newer_seed(tmp_path))
    assert not report.updated["case"]
    with small_catalogue.sessions() as s:
        assert _alpha(s).summary == OLD_SUMMARY
