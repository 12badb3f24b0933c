"""File → Connect to Team Catalogue…: an address asked for, checked in words, remembered,
and opened in a Casebook of its own; a password never kept."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.paths import SERVER_SCHEMES, server_address_problem
from views.main_window import MainWindow
from views.team_connect import TeamConnect, recent_addresses

GOOD = "postgresql+psycopg://ana@db.example.org/casebook"


@pytest.fixture
def connect(small_window: MainWindow) -> tuple[TeamConnect, list[str]]:
    launched: list[str] = []
    team = small_window.team_connect
    team.launch = lambda address: (launched.append(address), True)[1]
    return team, launched


def test_an_address_opens_a_new_window_and_is_remembered_first(
    small_window: MainWindow, connect: tuple[TeamConnect, list[str]]
) -> None:
    team, launched = connect
    assert team.connect_to("postgresql://bo@host:5433/group")
    assert team.connect_to(GOOD)
    assert launched == ["postgresql://bo@host:5433/group", GOOD]
    assert recent_addresses(small_window.settings) == [GOOD, "postgresql://bo@host:5433/group"]
    assert GOOD in small_window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("postgresql+psycopg://ana:secret@db/casebook", "Leave the password out"),
        ("postgresql+psycopg://ana@db", "names no database"),
        ("db.example.org/casebook", "starts with postgresql+psycopg://"),
        ("postgresql://[::1/casebook", "is not a database address"),
    ],
)
def test_a_bad_address_is_refused_in_words_and_never_kept(
    small_window: MainWindow,
    connect: tuple[TeamConnect, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    address: str,
    said: str,
) -> None:
    team, launched = connect
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    assert not team.connect_to(address)
    assert launched == [] and recent_addresses(small_window.settings) == []
    assert len(told) == 1 and said in told[0] and "secret" not in told[0]


def test_the_menu_item_asks_offering_the_last_address(
    small_window: MainWindow,
    connect: tuple[TeamConnect, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    team, launched = connect
    team.connect_to(GOOD)
    offered: list[list[str]] = []

    def get_item(_parent: object, _title: str, _label: str, items: list[str], *_a: object):  # type: ignore[no-untyped-def]
        offered.append(items)
        return "  postgresql://bo@host/group ", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    actions = small_window.file_menu.actions()
    assert team.action in actions
    assert actions.index(team.action) < actions.index(small_window.file_actions.copy_action)
    team.action.trigger()
    assert offered == [[GOOD]]
    assert launched == [GOOD, "postgresql://bo@host/group"]


@given(st.one_of(st.text(), st.builds(str.__add__, st.sampled_from(SERVER_SCHEMES), st.text())))
@example("postgresql://[\nhost/db")  # a pasted line break in a refused address
def test_any_text_gets_an_answer_in_one_line(text: str) -> None:
    problem = server_address_problem(text)
    assert problem is None or ("\n" not in problem and problem)
