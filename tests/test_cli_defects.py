"""Command-line defects from issue 11: --db after the subcommand, untag of a tag not there."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.store import Catalogue


def test_db_is_accepted_before_or_after_the_subcommand(
    small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(small_catalogue.path)
    small_catalogue.close()
    assert main(["list", "--json", "--db", db]) == 0
    after = {r["slug"] for r in json.loads(capsys.readouterr().out)}
    assert main(["--db", db, "list", "--json"]) == 0
    before = {r["slug"] for r in json.loads(capsys.readouterr().out)}
    assert after == before and {"alpha", "beta"} <= after


def test_untag_of_a_tag_not_on_the_case_fails_in_words(
    small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(small_catalogue.path)
    small_catalogue.close()
    assert main(["--db", db, "tag", "alpha", "craft"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "untag", "alpha", "craft", "crafts"]) == 1
    out, err = capsys.readouterr()
    assert out == "Removed 1 tag from alpha.\n"
    assert err == "casebook: Not on alpha, so not removed: crafts.\n"
    assert main(["--db", db, "untag", "alpha", "Craft"]) == 1  # already removed
    assert main(["--db", db, "tag", "alpha", "craft"]) == 0
    assert main(["--db", db, "untag", "alpha", "CRAFT"]) == 0  # any spelling of the tag
