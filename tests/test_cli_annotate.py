"""`casebook tag/untag/note/tags`: exact text from stdin, one-line errors, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.service import CatalogueService
from app.store import Catalogue
from tests.annotate_helpers import case_id

ROOT = Path(__file__).resolve().parent.parent


def _run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_tag_untag_and_tags_json(small_catalogue: Catalogue, capsys) -> None:
    db = small_catalogue.path
    assert _run(capsys, db, "tag", "alpha", "Tea", "craft/jade")[0] == 0
    assert _run(capsys, db, "tag", "beta", " TEA ")[0] == 0
    status, out, _ = _run(capsys, db, "tags", "--json")
    assert status == 0
    assert json.loads(out) == [
        {"name": "craft/jade", "count": 1, "colour": ""},
        {"name": "Tea", "count": 2, "colour": ""},
    ]
    status, out, _ = _run(capsys, db, "untag", "alpha", "tea")
    assert (status, out) == (0, "Removed 1 tag from alpha.\n")
    status, out, _ = _run(capsys, db, "tags")
    assert out.splitlines() == ["craft/jade  1", "Tea         1"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tag", "no-such-case", "x"], "No case study with the slug 'no-such-case'."),
        (["untag", "no-such-case", "x"], "No case study with the slug 'no-such-case'."),
        (["note", "no-such-case", "x"], "No case study with the slug 'no-such-case'."),
        (["tag", "alpha", "ok", " / "], "A tag name needs at least one letter or digit."),
        (["note", "alpha", "   "], "The note is empty. Nothing was saved."),
    ],
)
def test_errors_are_one_line_and_non_zero(
    small_catalogue: Catalogue, capsys, argv, message
) -> None:
    status, _, err = _run(capsys, small_catalogue.path, *argv)
    assert status != 0
    assert err == f"casebook: {message}\n"
    assert CatalogueService(small_catalogue).tags() == []


def test_note_from_argument(small_catalogue: Catalogue, capsys) -> None:
    status, _, _ = _run(capsys, small_catalogue.path, "note", "alpha", "**bold** 砖茶")
    assert status == 0
    alpha = case_id(small_catalogue, "alpha")
    assert [n.body for n in CatalogueService(small_catalogue).notes_of_case(alpha)] == [
        "**bold** 砖茶"
    ]


def _note_via_stdin(db: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "note", "alpha", "-"],
        input=data,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_note_from_stdin_is_kept_byte_for_byte(small_catalogue: Catalogue) -> None:
    text = "# ئۇيغۇر\r\n\n砖茶 🍵👍🏽\n\n  indented\ttab\nno final newline… "
    result = _note_via_stdin(small_catalogue.path, text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    alpha = case_id(small_catalogue, "alpha")
    (note,) = CatalogueService(small_catalogue).notes_of_case(alpha)
    assert note.body.encode("utf-8") == text.encode("utf-8")


def test_note_from_stdin_refuses_invalid_utf8(small_catalogue: Catalogue) -> None:
    result = _note_via_stdin(small_catalogue.path, b"caf\xe9 latin-1")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "casebook: Standard input is not UTF-8 text (byte 3: 0xe9). Nothing was saved.\n"
    )
    alpha = case_id(small_catalogue, "alpha")
    assert CatalogueService(small_catalogue).notes_of_case(alpha) == []
