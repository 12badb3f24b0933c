"""What the editors of tests/test_team_concurrency.py do, each in a process of its own.

Each worker opens the catalogue at its own address (a member's login on the
server, or the shared file), waits at the barrier so both start together,
does its part through CatalogueService.write as the window and the command
line do, and puts what happened on `results`: `(name, outcome, detail)`.
An exception becomes `(name, "crashed", traceback)`, so the test shows it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any

from sqlalchemy import select

from app.service import CatalogueService
from app.store import open_catalogue

WAIT = 60  # seconds at a barrier before giving up (a partner crashed)

Result = tuple[str, str, Any]


def _run(
    location: str, name: str, results: Queue[Result], part: Callable[[CatalogueService], Any]
) -> None:
    try:
        catalogue = open_catalogue(location, seed=False, auto_backup=False)
        try:
            outcome, detail = part(CatalogueService(catalogue, author=name))
        finally:
            catalogue.close()
        results.put((name, outcome, detail))
    except BaseException:
        results.put((name, "crashed", traceback.format_exc()))


def annotate(
    location: str, name: str, cases: list[int], rounds: int, start: Barrier, results: Queue[Result]
) -> None:
    """`rounds` times, on the cases in turn: a note, then a tag of its own and one both put on."""
    from app.notes import add_note
    from app.tags import tag_cases

    def part(service: CatalogueService) -> tuple[str, int]:
        start.wait(WAIT)
        for n in range(rounds):
            case = cases[n % len(cases)]
            service.write(add_note, case, f"{name}'s note {n}")
            service.write(tag_cases, [case], [f"{name}/{n}", f"both/{n}"])
        return "done", rounds

    _run(location, name, results, part)


def save_title(
    location: str, name: str, case_id: int, start: Barrier, results: Queue[Result]
) -> None:
    """Load the case, wait until the other has loaded it too, save a new title from that
    draft; told of a conflict, load the case again and save from the fresh draft."""
    from dataclasses import replace

    from app.case_edit import CaseChangedElsewhereError, load_draft, save_case

    def part(service: CatalogueService) -> tuple[str, Any]:
        with service.catalogue.sessions() as session:
            loaded = load_draft(session, case_id)
        start.wait(WAIT)  # both hold the same draft
        try:
            service.write(save_case, case_id, replace(loaded, title=f"{name}'s title"), loaded)
        except CaseChangedElsewhereError as exc:
            told = str(exc)
            with service.catalogue.sessions() as session:
                fresh = load_draft(session, case_id)
            again = replace(fresh, title=f"{name}'s title, again")
            service.write(save_case, case_id, again, fresh)
            return "conflict", (told, [str(f) for f in exc.fields], fresh.title)
        return "saved", None

    _run(location, name, results, part)


def edit_note(
    location: str, name: str, note_id: int, start: Barrier, results: Queue[Result]
) -> None:
    """Both started from the note's text "shared start": save its own text with that as
    `expected`; told of a conflict, keep its text as a new note, as the notes panel does."""
    from app.notes import NoteChangedElsewhereError, add_note, update_note
    from models import Note

    def part(service: CatalogueService) -> tuple[str, Any]:
        text = f"shared start, then {name}'s words"
        start.wait(WAIT)
        try:
            service.write(update_note, note_id, text, expected="shared start")
        except NoteChangedElsewhereError as exc:
            with service.catalogue.sessions() as session:
                case_id = session.get_one(Note, note_id).case_id
            new_id, _ = service.write(add_note, case_id, text)
            return "conflict", (str(exc), new_id)
        return "saved", None

    _run(location, name, results, part)


def write_unguarded(location: str, slug: str) -> int:
    """As a member whose Casebook wrongly believes it may write (its check of the role
    skipped): add a note and a tag through the service; print what the service says to
    stderr and return 1 when refused. Whatever the client believes, the server decides."""
    import sys

    import app.store
    from app.notes import add_note
    from app.service import WriteFailedError
    from app.tags import tag_cases
    from models import CaseStudy

    app.store._may_write = lambda engine, url: True  # type: ignore[assignment]
    catalogue = open_catalogue(location, seed=False)
    try:
        assert not catalogue.read_only
        service = CatalogueService(catalogue)
        with catalogue.sessions() as session:
            case_id = session.scalar(select(CaseStudy.id).where(CaseStudy.slug == slug))
        assert case_id is not None
        refused = 0
        for write in (
            lambda: service.write(add_note, case_id, "unguarded"),
            lambda: service.write(tag_cases, [case_id], ["unguarded"]),
        ):
            try:
                write()
            except WriteFailedError as exc:
                print(exc, file=sys.stderr)
                refused += 1
        return 1 if refused else 0
    finally:
        catalogue.close()


if __name__ == "__main__":
    import sys

    sys.exit(write_unguarded(*sys.argv[1:]))
