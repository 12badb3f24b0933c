"""Export edge cases: characters XML cannot hold, file modes, symlinks, killed exports."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.atomic_file import atomic_output
from app.cli import main
from app.store import Catalogue
from app.xlsx.cells import ILLEGAL_XML_CHARACTERS, CellCleaner
from app.xlsx.export import export_workbook
from app.xlsx.sheet_writer import CellRows, StyleBook, Styled, XmlRows
from models import CaseStudy, Note
from tests.writers import sheet_writer  # noqa: F401  (a fixture)

# Every test here runs through both sheet writers (see tests/writers.py).
pytestmark = pytest.mark.usefixtures("sheet_writer")

ROOT = Path(__file__).resolve().parent.parent
XML_CANNOT_HOLD = "\x00\x01\x08\x0b\x0c\x0e\x1f\x80\x85\x9f\ud800\udfff\ufffe\uffff"


def _add_note(catalogue: Catalogue, body: str) -> None:
    with catalogue.sessions.begin() as session:
        alpha = session.scalars(select(CaseStudy).where(CaseStudy.slug == "alpha")).one()
        session.add(Note(case=alpha, body=body))


def _about(target: Path) -> dict[Any, Any]:
    rows = openpyxl.load_workbook(target)["About"].iter_rows(min_row=2, values_only=True)
    return {row[0]: row[1] for row in rows}


# --- characters ------------------------------------------------------------------


def test_every_character_xml_cannot_hold_is_matched_and_nothing_else() -> None:
    for char in XML_CANNOT_HOLD:
        assert ILLEGAL_XML_CHARACTERS.fullmatch(char), repr(char)
    for char in "\t\n\r \x7f\xa0\ufffd\ufeff\U0001fffe\U0010ffff语🍵":
        assert not ILLEGAL_XML_CHARACTERS.search(char), repr(char)


ANY_CHARACTER = st.one_of(
    st.sampled_from(XML_CANNOT_HOLD + "\t\n\r\x7f"), st.characters(exclude_categories=())
)


@given(st.text(alphabet=ANY_CHARACTER))
def test_cleaned_text_always_serialises_as_xml(text: str) -> None:
    from lxml.etree import Element, tostring

    cleaner = CellCleaner()
    cleaned = cleaner.clean(text)
    element = Element("t")
    element.text = cleaned  # lxml refuses what XML cannot hold
    assert tostring(element)
    assert len(cleaned) == len(text) - cleaner.removed_characters


def test_a_note_with_u_fffe_exports_through_the_cli_and_is_counted(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_note(small_catalogue, "before\ufffeafter\uffff C1\x85\x9f end")
    target = tmp_path / "out.xlsx"
    assert main(["--db", str(small_catalogue.path), "export", str(target)]) == 0
    captured = capsys.readouterr()
    assert "Removed 4 characters" in captured.err
    notes = openpyxl.load_workbook(target)["Notes"]
    assert "beforeafter C1 end" in [row[4] for row in notes.iter_rows(values_only=True)]
    assert _about(target)["Characters removed (not allowed in Excel)"] == 4


def _sink_rows(kind: type[Any], tmp_path: Path, values: list[Any]) -> list[Any]:
    """Write `values` as one row through a sink of `kind`; the row read back."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("S")
    styles = StyleBook(workbook, {"bold": {}})
    if kind is XmlRows:
        sheet._get_writer()
    rows = kind(sheet, styles, "S")
    rows.append(values)
    sheet.close()
    target = tmp_path / f"{kind.__name__}.xlsx"
    workbook.save(target)
    return list(next(openpyxl.load_workbook(target)["S"].iter_rows(values_only=True)))


@pytest.mark.parametrize("kind", [XmlRows, CellRows])
def test_both_sheet_writers_drop_what_reaches_them_uncleaned(
    kind: type[Any], tmp_path: Path
) -> None:
    values = ["a\ufffeb", Styled("c\x00\ud800d", "bold"), "plain"]
    assert _sink_rows(kind, tmp_path, values) == ["ab", "cd", "plain"]


# --- the file written ------------------------------------------------------------


def _export(catalogue: Catalogue, target: Path) -> None:
    with catalogue.sessions() as session:
        export_workbook(session, target)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_file_gets_the_usual_mode_from_the_umask(
    small_catalogue: Catalogue, tmp_path: Path, umask: int
) -> None:
    target = tmp_path / "new.xlsx"
    before = os.umask(umask)
    try:
        _export(small_catalogue, target)
    finally:
        os.umask(before)
    assert _mode(target) == 0o666 & ~umask


def test_an_existing_file_keeps_its_mode(small_catalogue: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "shared.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    _export(small_catalogue, target)
    assert _mode(target) == 0o640
    assert openpyxl.load_workbook(target).sheetnames[0] == "Case studies"


def test_a_symlink_target_is_followed_and_stays_a_link(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    real = elsewhere / "real.xlsx"
    real.write_bytes(b"old")
    real.chmod(0o664)
    link = tmp_path / "link.xlsx"
    link.symlink_to(Path("shared") / "real.xlsx")
    _export(small_catalogue, link)
    assert link.is_symlink() and os.readlink(link) == str(Path("shared") / "real.xlsx")
    assert openpyxl.load_workbook(real).sheetnames[0] == "Case studies"
    assert _mode(real) == 0o664
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to(elsewhere / "new.xlsx")
    _export(small_catalogue, dangling)
    assert dangling.is_symlink() and (elsewhere / "new.xlsx").stat().st_size > 0


# --- parts left by a killed export -----------------------------------------------

HOLD_PART = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from app.atomic_file import atomic_output
with atomic_output(Path(sys.argv[1])) as part:
    part.write_bytes(b"half a workbook")
    print(part, flush=True)
    time.sleep(60)
"""


def _exporter_holding_its_part(target: Path) -> tuple[subprocess.Popen[str], Path]:
    """A real process in the middle of writing `target`, and its part."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_PART, str(target), str(ROOT)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    part = Path(process.stdout.readline().strip())
    assert part.exists() and part.name.startswith(f".{target.stem}-")
    return process, part


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


def test_parts_of_killed_exports_are_removed_and_a_running_exports_part_is_kept(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    killed, killed_part = _exporter_holding_its_part(tmp_path / "report.xlsx")
    running, running_part = _exporter_holding_its_part(tmp_path / "report.xlsx")
    try:
        _kill(killed)
        assert killed_part.exists()  # what SIGKILL leaves behind
        _export(small_catalogue, tmp_path / "other.xlsx")
        assert not killed_part.exists()
        assert running_part.exists() and running.poll() is None
    finally:
        _kill(running)
    _export(small_catalogue, tmp_path / "report.xlsx")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_locked_part_is_kept_whatever_its_pid(small_catalogue: Catalogue, tmp_path: Path) -> None:
    """Another machine writing into a shared folder: its pid means nothing here, its lock does."""
    import fcntl

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    part = tmp_path / f".remote-{gone.stdout.strip()}-0123abcd.xlsx.part"
    part.write_bytes(b"being written elsewhere")
    with part.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        _export(small_catalogue, tmp_path / "out.xlsx")
        assert part.exists()
    _export(small_catalogue, tmp_path / "out.xlsx")
    assert not part.exists()


def test_old_style_parts_are_removed_only_when_a_day_old(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    old = tmp_path / ".report-abc_12xy.xlsx.part"
    recent = tmp_path / ".report-zz9_0a1b.xlsx.part"
    unrelated = tmp_path / ".notes.txt.part"
    for path in (old, recent, unrelated):
        path.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    _export(small_catalogue, tmp_path / "report.xlsx")
    assert not old.exists() and recent.exists() and unrelated.exists()


def test_a_failed_write_leaves_no_part_and_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_output(target) as part:
        part.write_bytes(b"half")
        raise RuntimeError("disk on fire")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]


def test_an_unlocked_part_of_a_live_process_is_kept(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        part = tmp_path / f".report-{alive.pid}-0123abcd.xlsx.part"
        part.write_bytes(b"x")
        _export(small_catalogue, tmp_path / "report.xlsx")
        assert part.exists()
    finally:
        alive.kill()
        alive.wait()
    _export(small_catalogue, tmp_path / "report.xlsx")
    assert not part.exists()
