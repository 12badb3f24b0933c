"""The change log: each change, undo and redo logs one step with its rows (both back ends),
a failed write logs nothing, a kill -9 leaves the log and the data in step."""

from __future__ import annotations

import json
import signal
import sqlite3
import time

import pytest
from sqlalchemy import func, select, text

from app.changes import Journal
from app.history import case_history, changes_after, fact_text
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from app.tags import tag_cases
from models import ChangeRow, ChangeStep
from models.migrations import LATEST_VERSION, migrate, schema_version
from tests.annotate_helpers import case_id


def _steps(catalogue: Catalogue) -> list[tuple[int, str, str, str]]:
    with catalogue.sessions() as session:
        return [
            (s.id, s.kind, s.text, s.author)
            for s in session.scalars(select(ChangeStep).order_by(ChangeStep.id))
        ]


def _loaded(value: str | None) -> object:
    return None if value is None else json.loads(value)


def _rows(catalogue: Catalogue, step_id: int) -> list[tuple[str, object, object, object]]:
    with catalogue.sessions() as session:
        rows = session.scalars(
            select(ChangeRow).where(ChangeRow.step_id == step_id).order_by(ChangeRow.id)
        )
        return [
            (r.table_name, r.case_id, _loaded(r.before), _loaded(r.after))
            for r in rows
        ]  # fmt: skip


def test_a_change_an_undo_and_a_redo_each_log_one_step_with_its_rows(
    any_small_catalogue: Catalogue,
) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue, author="me")
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")

    _, changes = service.write_as("tag 2 cases with 'tea'", tag_cases, [alpha, beta], ["tea"])
    service.replay(changes, undo=True, text="tag 2 cases with 'tea'")
    service.replay(changes, undo=False, text="tag 2 cases with 'tea'")

    steps = _steps(catalogue)
    assert [(kind, words, who) for _, kind, words, who in steps] == [
        ("change", "tag 2 cases with 'tea'", "me"),
        ("undo", "tag 2 cases with 'tea'", "me"),
        ("redo", "tag 2 cases with 'tea'", "me"),
    ]
    change, undo, redo = (_rows(catalogue, step_id) for step_id, *_ in steps)
    assert [(t, c) for t, c, _, _ in change] == [
        ("tag", None),
        ("case_tag", alpha),
        ("case_tag", beta),
    ]
    assert change[0][2] is None and change[0][3]["name"] == "tea"  # type: ignore[index]
    assert isinstance(change[0][3]["created_at"], str)  # type: ignore[index]  # ISO text
    # The undo's rows say what the undo did: the links and the tag went, newest first.
    assert [(t, b is not None, a is None) for t, _, b, a in undo] == [
        ("case_tag", True, True), ("case_tag", True, True), ("tag", True, True),
    ]  # fmt: skip
    assert redo == change
    assert service.own_steps == {step_id for step_id, *_ in steps}
    history = case_history_of(catalogue, alpha)
    assert [fact_text(f) for s in history for f in s.facts] == [
        "tag 'tea' added", "tag 'tea' removed", "tag 'tea' added",
    ]  # fmt: skip


def case_history_of(catalogue: Catalogue, case_id: int) -> list:  # type: ignore[type-arg]
    with catalogue.sessions() as session:
        return case_history(session, case_id)


def test_a_failed_write_logs_nothing(any_small_catalogue: Catalogue) -> None:
    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    alpha = case_id(catalogue, "alpha")

    def half(journal: Journal) -> None:
        tag_cases(journal, [alpha], ["tea"])
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        service.write(half)
    assert _steps(catalogue) == []
    with catalogue.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ChangeRow)) == 0


def test_a_step_that_cannot_be_logged_leaves_the_change_unwritten(
    any_small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step is written in the change's own transaction: both, or neither."""
    import app.history

    catalogue = any_small_catalogue
    service = CatalogueService(catalogue)
    alpha = case_id(catalogue, "alpha")
    _, changes = service.write(tag_cases, [alpha], ["tea"])

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the log is full")

    monkeypatch.setattr(app.history, "record_step", broken)
    with pytest.raises(RuntimeError, match="the log is full"):
        service.write(tag_cases, [alpha], ["coffee"])
    with pytest.raises(RuntimeError, match="the log is full"):
        service.replay(changes, undo=True)
    assert [t.name for t in service.tags_of_cases([alpha])] == ["tea"]
    assert len(_steps(catalogue)) == 1


def test_a_write_without_text_logs_the_operation_or_the_command(
    small_catalogue: Catalogue,
) -> None:
    from app.cli import main

    alpha = case_id(small_catalogue, "alpha")
    CatalogueService(small_catalogue).write(tag_cases, [alpha], ["tea"])
    small_catalogue.close()
    try:
        assert main(["--db", str(small_catalogue.path), "tag", "beta", "coffee"]) == 0
    finally:
        CatalogueService.default_step_text = ""
    reopened = open_catalogue(small_catalogue.path, seed=False)
    try:
        assert [words for _, _, words, _ in _steps(reopened)] == ["tag cases", "casebook tag"]
    finally:
        reopened.close()


def test_steps_after_one_come_back_as_change_sets(small_catalogue: Catalogue) -> None:
    service = CatalogueService(small_catalogue)
    alpha = case_id(small_catalogue, "alpha")
    service.write(tag_cases, [alpha], ["tea"])
    _, second = service.write(tag_cases, [alpha], ["coffee"])
    with small_catalogue.sessions() as session:
        (step_id, changes), = changes_after(session, min(service.own_steps))  # fmt: skip
    assert step_id == max(service.own_steps)
    assert [(c.table, c.key) for c in changes.changes] == [(c.table, c.key) for c in second.changes]


def test_migration_9_runs_on_a_postgresql_catalogue_at_version_8(pg_databases: object) -> None:
    from models.backends import postgresql
    from tests.conftest import PgDatabases
    from tests.test_backends import undo_migration_11
    from tests.test_row_versions import undo_migration_10

    assert isinstance(pg_databases, PgDatabases)
    url = pg_databases.new("small")
    catalogue = open_catalogue(url, seed=False)
    with catalogue.engine.begin() as conn:
        undo_migration_11(conn)
        undo_migration_10(conn)
        conn.execute(text("DROP TABLE change_row"))
        conn.execute(text("DROP TABLE change_step"))
        postgresql.stamp(conn, 8)
    assert migrate(catalogue.engine) == [9, 10, 11]
    with catalogue.engine.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION
    service = CatalogueService(catalogue)
    service.write(tag_cases, [case_id(catalogue, "alpha")], ["tea"])
    assert len(_steps(catalogue)) == 1
    catalogue.close()


def test_kill_9_mid_write_keeps_the_log_and_the_data_in_step(small_catalogue: Catalogue) -> None:
    from tests.test_processes import _acknowledged, _worker

    path = small_catalogue.path
    small_catalogue.close()
    worker = _worker("notes", str(path), "100000", "logged")
    time.sleep(1.5)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    assert _acknowledged(out.splitlines())  # the kill landed while notes were being written
    with sqlite3.connect(path) as conn:
        notes = {i for (i,) in conn.execute("SELECT id FROM note")}
        logged = [
            json.loads(after)["id"]
            for (after,) in conn.execute(
                "SELECT after FROM change_row WHERE table_name = 'note' AND before IS NULL"
            )
        ]
        empty_steps = conn.execute(
            "SELECT count(*) FROM change_step WHERE id NOT IN (SELECT step_id FROM change_row)"
        ).fetchone()[0]
    assert notes and sorted(logged) == sorted(notes)  # every note logged once, no more
    assert empty_steps == 0


def test_casebook_history_prints_a_case_changes(
    small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    small_catalogue.close()
    db = str(small_catalogue.path)
    try:
        assert main(["--db", db, "tag", "alpha", "tea"]) == 0
        assert main(["--db", db, "note", "alpha", "Visited in May"]) == 0
    finally:
        CatalogueService.default_step_text = ""
    capsys.readouterr()
    assert main(["--db", db, "history", "alpha", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [(s["text"], s["changes"]) for s in steps] == [
        ("casebook note", ["note 'Visited in May' added"]),
        ("casebook tag", ["tag 'tea' added"]),
    ]
    assert main(["--db", db, "history", "beta"]) == 0
    assert capsys.readouterr().out == "No changes to beta are logged.\n"


def test_a_note_typed_in_many_autosaves_is_one_entry_of_the_history(
    small_catalogue: Catalogue,
) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from app.history import TYPING_PAUSE, case_history
    from app.notes import add_note, update_note
    from models import ChangeStep

    alpha = case_id(small_catalogue, "alpha")
    typist = CatalogueService(small_catalogue, author="Li")
    note_id, _ = typist.write_as("new note", add_note, alpha, "")
    for text_so_far in ("A", "An", "An idea", "An idea."):
        typist.write_as("edit note", update_note, note_id, text_so_far)
    CatalogueService(small_catalogue, author="Wu").write_as(
        "edit note", update_note, note_id, "An idea. Mine."
    )  # another author: an entry of its own
    typist.write_as("edit note", update_note, note_id, "An idea. Mine. Later.")
    with small_catalogue.sessions.begin() as session:  # the next edit comes after a pause
        earlier = datetime.now(UTC).replace(tzinfo=None) - TYPING_PAUSE - timedelta(minutes=1)
        session.execute(update(ChangeStep).values(at=earlier))
    typist.write_as("edit note", update_note, note_id, "An idea. Mine. Later!")

    with small_catalogue.sessions() as session:
        history = case_history(session, alpha)
    shown = [
        (s.author, s.text, [(f.old, f.new) for f in s.facts if f.field == "body"]) for s in history
    ]
    assert shown == [
        ("Li", "edit note", [("An idea. Mine. Later.", "An idea. Mine. Later!")]),  # a pause
        ("Li", "edit note", [("An idea. Mine.", "An idea. Mine. Later.")]),
        ("Wu", "edit note", [("An idea.", "An idea. Mine.")]),
        ("Li", "edit note", [("", "An idea.")]),
        ("Li", "new note", []),
    ]
    assert len(_steps(small_catalogue)) == 8  # the log itself keeps every step


def test_a_case_history_names_fields_as_the_form_does_and_leaves_versions_out(
    small_catalogue: Catalogue,
) -> None:
    from app.case_edit import save_case

    alpha = case_id(small_catalogue, "alpha")
    service = CatalogueService(small_catalogue)
    draft = service.draft(alpha)
    draft.title_zh = "测试"
    service.write(save_case, alpha, draft)
    with small_catalogue.sessions() as session:
        (step, *_) = case_history(session, alpha)
    assert [f.field for f in step.facts] == ["title_zh"]  # not the row's version
