"""A typed path never raises: "~name" for a user who does not exist stays as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.paths import resolve_db_path
from app.typed_path import typed_path


def test_home_is_expanded_and_an_unknown_user_is_left_as_typed() -> None:
    assert typed_path("~/x.sqlite3") == Path.home() / "x.sqlite3"
    assert typed_path("~0") == Path("~0")
    assert typed_path("~no-such-user-here/notes.sqlite3") == Path(
        "~no-such-user-here/notes.sqlite3"
    )


def test_the_catalogue_named_in_the_environment_may_start_with_an_unknown_user(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CASEBOOK_DB", "~0/catalogue.sqlite3")
    assert resolve_db_path() == Path("~0/catalogue.sqlite3")


@given(st.text(alphabet=st.characters(blacklist_characters="\x00")))
def test_any_text_gives_a_path(text: str) -> None:
    assert isinstance(typed_path(text), Path)
