"""The command line: list, show, and one-line errors without tracebacks."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store import Catalogue

from .test_seed import REQUIRED_SLUGS


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_json_has_slug_and_title(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--db", str(catalogue.path), "list", "--json")
    assert status == 0
    items = json.loads(out)
    assert REQUIRED_SLUGS <= {item["slug"] for item in items}
    assert all(item["title"] for item in items)


def test_list_plain_prints_one_line_per_case(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, "--db", str(catalogue.path), "list")
    assert status == 0
    assert any(line.startswith("jiangguoguo-kashgar ") for line in out.splitlines())


def test_show_json_gives_metrics_as_numbers(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        capsys, "--db", str(catalogue.path), "show", "futa-photovoltaic-station", "--json"
    )
    assert status == 0
    case = json.loads(out)
    assert case["slug"] == "futa-photovoltaic-station"
    assert case["metrics"]
    for metric in case["metrics"]:
        numbers = [metric["value"]] if metric["value"] is not None else [metric["low"]]
        assert all(isinstance(n, int | float) for n in numbers)
        assert metric["source"]
    assert case["sources"] and case["places"]


def test_show_plain_text(catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--db", str(catalogue.path), "show", "bortala-polytechnic")
    assert status == 0
    assert "Figures" in out and "Sources" in out


def test_unknown_slug_is_one_line_and_non_zero(
    catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, "--db", str(catalogue.path), "show", "no-such-case")
    assert status != 0
    assert out == ""
    assert err.count("\n") == 1 and "no-such-case" in err


def test_a_foreign_database_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    status, _, err = _run(capsys, "--db", str(path), "list")
    assert status != 0
    assert err.startswith("casebook: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert path.read_bytes() == before


def test_an_impossible_path_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, _, err = _run(capsys, "--db", str(blocker / "c.sqlite3"), "list")
    assert status != 0 and err.count("\n") == 1


def test_the_environment_variable_chooses_the_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("CASEBOOK_DB", str(target))
    status, _, _ = _run(capsys, "list", "--json")
    assert status == 0 and target.exists()


def test_python_dash_m_app_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "m.sqlite3"), "show", "nope"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "nope" in result.stderr


def test_a_command_leaves_no_step_text_behind(tmp_path: Path) -> None:
    """The change log's "casebook COMMAND" text is the command's only while it runs."""
    from app.cli import main
    from app.service import CatalogueService

    assert main(["--db", str(tmp_path / "c.sqlite3"), "list"]) == 0
    assert CatalogueService.default_step_text == ""
