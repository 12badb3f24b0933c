"""Several processes on one catalogue at once: nothing lost, nothing doubled, conflicts told.

Each editor is a process of its own (tests/concurrency_workers.py, started
with spawn), logged in as a member of the team catalogue (two editors made
with `casebook team add-member`), or opening the same SQLite file. They start
together at a barrier; what they report is checked against what the
catalogue holds afterwards, whatever order the server let them in.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.notes import add_note, update_note
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from models import CaseStudy, Note, Tag
from models.annotations import case_tag
from models.history import ChangeStep
from tests import concurrency_workers
from tests.concurrency_workers import Result
from tests.conftest import PgDatabases

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ("ana", "ben")
ROUNDS = 15  # each editor: 15 notes and 15 tag writes on the two cases


def _as(url: str, name: str) -> str:
    """The same catalogue's address for another login (the test cluster trusts any)."""
    scheme, rest = url.split("//", 1)
    return f"{scheme}//{name}@{rest.split('@', 1)[1]}"


@dataclass
class Team:
    """The catalogue, and where each editor opens it (their login, or the same file)."""

    catalogue: Catalogue
    editors: dict[str, str]

    def count(self, query: Any) -> int:
        with self.catalogue.sessions() as session:
            return int(session.scalar(query) or 0)

    def steps_by(self, author: str) -> int:
        return self.count(select(func.count()).where(ChangeStep.author == author))


def _team(catalogue: Catalogue, on_server: bool) -> Team:
    """Two editors (and, on the server, a reader, rita), added as the owner adds them."""
    location = catalogue.location
    if not on_server:
        return Team(catalogue, dict.fromkeys(EDITORS, location))
    for name, role in ((EDITORS[0], "editor"), (EDITORS[1], "editor"), ("rita", "reader")):
        assert main(["team", "add-member", location, name, "--role", role]) == 0
    return Team(catalogue, {n: _as(location, n) for n in EDITORS})


@pytest.fixture
def team(
    any_small_catalogue: Catalogue, backend_name: str, capsys: pytest.CaptureFixture[str]
) -> Team:
    """On each back end."""
    found = _team(any_small_catalogue, backend_name == "postgresql")
    capsys.readouterr()
    return found


@pytest.fixture
def server_team(pg_databases: PgDatabases, capsys: pytest.CaptureFixture[str]) -> Iterator[Team]:
    catalogue = open_catalogue(pg_databases.new("small"), seed=False)
    try:
        yield _team(catalogue, True)
    finally:
        catalogue.close()
    capsys.readouterr()


def _case_ids(team: Team) -> list[int]:
    with team.catalogue.sessions() as session:
        return list(session.scalars(select(CaseStudy.id).order_by(CaseStudy.id)))


@pytest.fixture
def run_together() -> Iterator[Callable[..., dict[str, tuple[str, Any]]]]:
    """Start one process per editor running `worker(location, name, *args, barrier, queue)`;
    return {name: (outcome, detail)} once all are done (their crashes fail the test)."""
    context = multiprocessing.get_context("spawn")
    started: list[multiprocessing.process.BaseProcess] = []

    def run(
        worker: Callable[..., None], editors: dict[str, str], *args: object
    ) -> dict[str, tuple[str, Any]]:
        start = context.Barrier(len(editors))
        results: multiprocessing.Queue[Result] = context.Queue()
        for name, location in editors.items():
            process = context.Process(target=worker, args=(location, name, *args, start, results))
            process.start()
            started.append(process)
        found = [results.get(timeout=120) for _ in editors]
        for process in started:
            process.join(timeout=30)
        crashed = [detail for _, outcome, detail in found if outcome == "crashed"]
        assert not crashed, crashed[0]
        return {name: (outcome, detail) for name, outcome, detail in found}

    yield run
    for process in started:  # a failed test leaves none running
        if process.is_alive():
            process.kill()
        process.join()


def test_two_editors_annotating_the_same_cases_at_once_keep_every_note_and_tag(
    team: Team, run_together: Callable[..., dict[str, tuple[str, Any]]]
) -> None:
    cases = _case_ids(team)
    notes_before = team.count(select(func.count()).select_from(Note))
    done = run_together(concurrency_workers.annotate, team.editors, cases, ROUNDS)
    assert done == {name: ("done", ROUNDS) for name in EDITORS}
    with team.catalogue.sessions() as session:
        notes = sorted(session.execute(select(Note.author, Note.body, Note.case_id)).all())
        links = sorted(
            session.execute(
                select(Tag.name, case_tag.c.case_id).join(case_tag, Tag.id == case_tag.c.tag_id)
            ).all()
        )
        tag_names = list(session.scalars(select(Tag.name)))
    assert len(notes) == notes_before + 2 * ROUNDS
    wanted_notes = {
        (name, f"{name}'s note {n}", cases[n % len(cases)])
        for name in EDITORS
        for n in range(ROUNDS)
    }
    assert wanted_notes <= set(notes)  # each note once, signed by its editor, on its case
    wanted_links = sorted(
        (f"{who}/{n}", cases[n % len(cases)]) for who in (*EDITORS, "both") for n in range(ROUNDS)
    )
    assert [link for link in links if "/" in link[0]] == wanted_links  # none lost, none doubled
    assert sorted(t for t in tag_names if t.startswith("both/")) == sorted(
        f"both/{n}" for n in range(ROUNDS)
    )  # the tag both created at once exists once
    for name in EDITORS:
        assert team.steps_by(name) == 2 * ROUNDS  # one step in the change log per write


def test_two_editors_saving_one_field_from_the_same_draft_one_is_told_of_the_conflict(
    team: Team, run_together: Callable[..., dict[str, tuple[str, Any]]]
) -> None:
    case_id = _case_ids(team)[0]
    done = run_together(concurrency_workers.save_title, team.editors, case_id)
    outcomes = sorted(outcome for outcome, _ in done.values())
    assert outcomes == ["conflict", "saved"]  # exactly one was written from the old draft
    winner = next(n for n, (outcome, _) in done.items() if outcome == "saved")
    loser = next(n for n in EDITORS if n != winner)
    told, fields, seen_after = done[loser][1]
    assert fields == ["title"] and "changed elsewhere" in told
    assert seen_after == f"{winner}'s title"  # the fresh draft holds the winner's title
    with team.catalogue.sessions() as session:
        assert session.get_one(CaseStudy, case_id).title == f"{loser}'s title, again"
    assert (team.steps_by(winner), team.steps_by(loser)) == (1, 1)  # the refused save wrote none


def test_two_processes_editing_one_note_from_the_same_text_lose_neither(
    team: Team, run_together: Callable[..., dict[str, tuple[str, Any]]]
) -> None:
    service = CatalogueService(team.catalogue, author="owner")
    case_id = _case_ids(team)[0]
    note_id, _ = service.write(add_note, case_id, "")
    service.write(update_note, note_id, "shared start")
    done = run_together(concurrency_workers.edit_note, team.editors, note_id)
    assert sorted(outcome for outcome, _ in done.values()) == ["conflict", "saved"]
    winner = next(n for n, (outcome, _) in done.items() if outcome == "saved")
    loser = next(n for n in EDITORS if n != winner)
    told, kept_as = done[loser][1]
    assert "changed elsewhere" in told
    with team.catalogue.sessions() as session:
        body = session.get_one(Note, note_id).body
        kept = session.get_one(Note, kept_as)
        assert (kept.body, kept.author, kept.case_id) == (
            f"shared start, then {loser}'s words",
            loser,
            case_id,
        )
    assert body == f"shared start, then {winner}'s words"


def test_a_reader_process_is_refused_by_the_server_in_one_line_and_nothing_changes(
    server_team: Team,
) -> None:
    team = server_team
    reader = _as(team.catalogue.location, "rita")
    steps = team.count(select(func.count()).select_from(ChangeStep))
    links = team.count(select(func.count()).select_from(case_tag))
    notes = team.count(select(func.count()).select_from(Note))
    with team.catalogue.sessions() as session:
        slug = session.scalars(select(CaseStudy.slug).order_by(CaseStudy.id)).first()
    assert slug is not None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", *command], cwd=ROOT, env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip

    for command in (["tag", slug, "mine"], ["note", slug, "a reader's note"]):
        ran = run("app", "--db", reader, *command)
        assert ran.returncode == 1, ran.stderr
        assert len(ran.stderr.strip().splitlines()) == 1 and "Traceback" not in ran.stderr
        assert "You are a reader of" in ran.stderr
    # A Casebook that wrongly believes it may write is refused by the server's grants.
    ran = run("tests.concurrency_workers", reader, slug)
    assert ran.returncode == 1, ran.stderr
    said = ran.stderr.strip().splitlines()
    assert len(said) == 2 and "Traceback" not in ran.stderr  # the note's write, the tag's
    assert all("refused the change: your role" in line for line in said)
    assert team.count(select(func.count()).select_from(ChangeStep)) == steps
    assert team.count(select(func.count()).select_from(case_tag)) == links
    assert team.count(select(func.count()).select_from(Note)) == notes
