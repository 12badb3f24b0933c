"""Others' changes read from the change log: a tag written by another process repaints its
rows without a full re-read; a gap in the log or a replaced catalogue re-reads it all."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.change_scope import ChangeScope
from app.notes import add_note
from app.service import CatalogueService
from app.store import Catalogue
from app.tags import tag_cases
from tests.annotate_helpers import case_id, reopen
from views.main_window import WATCH_MS, MainWindow


def test_others_changes_come_from_the_log_and_own_ones_do_not(
    any_small_catalogue: Catalogue,
) -> None:
    catalogue = any_small_catalogue
    mine = CatalogueService(catalogue)
    mine.watch_changes()
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")
    assert not mine.changes_elsewhere()

    mine.write(add_note, alpha, "mine")
    other = reopen(catalogue)
    CatalogueService(other).write(tag_cases, [alpha, beta], ["tea"])
    other.close()

    news = mine.changes_elsewhere()
    assert news is not None
    assert [c.table for c in news.changes] == ["tag", "case_tag", "case_tag"]  # not the note
    scope = ChangeScope.of(news)
    assert scope.case_ids == {alpha, beta} and not scope.everything
    assert not mine.changes_elsewhere()  # told once


def _late_step(catalogue: Catalogue, offset: int, case_id: int) -> None:
    """Log a step with one note row at max(id) + offset (a step committed out of order)."""
    with catalogue.engine.begin() as conn:
        step = conn.execute(text("SELECT max(id) + :o FROM change_step"), {"o": offset}).scalar()
        conn.execute(
            text(
                "INSERT INTO change_step (id, at, author, text, kind) "
                "VALUES (:id, '2026-01-01', 'x', 'x', 'change')"
            ),
            {"id": step},
        )
        conn.execute(
            text(
                "INSERT INTO change_row (step_id, table_name, row_key, case_id, before, after) "
                "VALUES (:id, 'note', '[999]', :case, NULL, :after)"
            ),
            {"id": step, "case": case_id, "after": json.dumps({"id": 999, "case_id": case_id})},
        )


def test_a_step_committed_out_of_order_is_given_when_it_arrives(
    any_small_catalogue: Catalogue,
) -> None:
    """PostgreSQL hands out step ids before commit: step 5 may commit after step 6."""
    catalogue = any_small_catalogue
    mine = CatalogueService(catalogue)
    mine.watch_changes()
    alpha, beta = case_id(catalogue, "alpha"), case_id(catalogue, "beta")
    other = reopen(catalogue)
    CatalogueService(other).write(tag_cases, [alpha], ["tea"])
    _late_step(other, 2, beta)  # the step before it is not committed yet
    news = mine.changes_elsewhere()
    assert news is not None
    assert [c.table for c in news.changes] == ["tag", "case_tag", "note"]
    assert not mine.changes_elsewhere()
    _late_step(other, -1, beta)  # now it is
    news = mine.changes_elsewhere()
    assert news is not None
    assert ChangeScope.of(news).case_ids == {beta}
    assert not mine.changes_elsewhere()  # told once
    other.close()


def test_a_replaced_catalogue_means_read_everything(any_small_catalogue: Catalogue) -> None:
    catalogue = any_small_catalogue
    mine = CatalogueService(catalogue)
    mine.watch_changes()
    other = reopen(catalogue)
    with other.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = 'another' WHERE key = 'catalogue_uuid'"))
    CatalogueService(other).write(tag_cases, [case_id(catalogue, "beta")], ["tea"])
    other.close()
    assert mine.changes_elsewhere() is None


def test_another_process_tag_repaints_rows_without_a_full_reread(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    resets: list[bool] = []
    win.case_model.modelReset.connect(lambda: resets.append(True))
    scopes: list[ChangeScope] = []
    win.catalogueChanged.connect(scopes.append)

    other = reopen(win.service.catalogue)
    CatalogueService(other).write(tag_cases, [case_id], ["added-by-cli"])
    other.close()

    qtbot.waitUntil(lambda: bool(scopes), timeout=WATCH_MS * 4)
    assert not scopes[0].everything and scopes[0].case_ids == {case_id}
    assert resets == []  # the table was not read again
    assert win.selected_case_id() == case_id
    row = win.case_model.positions()[case_id]
    shown = [str(win.case_model.index(row, c).data()) for c in range(win.case_model.columnCount())]
    assert any("added-by-cli" in s for s in shown)
    assert "elsewhere" in win.statusBar().currentMessage()


def test_a_log_that_cannot_be_read_now_is_asked_again_later(
    small_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = CatalogueService(small_catalogue)
    mine.watch_changes()
    reader = mine._log
    assert reader is not None

    def locked(_session: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(reader, "news", locked)
    other = reopen(small_catalogue)
    CatalogueService(other).write(tag_cases, [case_id(small_catalogue, "alpha")], ["tea"])
    other.close()
    news = mine.changes_elsewhere()  # no traceback from the watch timer
    assert news is not None and not news
