"""Exported files and folders get the mode the umask gives, whoever made the temporary file."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from app.atomic_file import atomic_folder, atomic_output, remove_abandoned_parts, usual_mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_a_writer_that_swaps_in_a_private_file_still_gives_the_usual_mode(
    tmp_path: Path, umask: int, mode: int
) -> None:
    before = os.umask(umask)
    try:
        assert usual_mode() == mode and usual_mode(folder=True) == mode | (0o111 & ~umask)
        target = tmp_path / "out.ris"
        with atomic_output(target) as part:
            # As a library saving through tempfile.mkstemp (mode 0o600) and a rename does.
            descriptor, private = tempfile.mkstemp(dir=tmp_path)
            os.write(descriptor, b"TY  - NEWS\n")
            os.close(descriptor)
            os.replace(private, part)
        folder = tmp_path / "package"
        with atomic_folder(folder, lambda _p: True) as inside:
            (inside / "a.csv").write_text("x\n")
    finally:
        os.umask(before)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert stat.S_IMODE(folder.stat().st_mode) == mode | (0o111 & ~umask)
    assert stat.S_IMODE((folder / "a.csv").stat().st_mode) == mode


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.bib"
    target.write_text("old")
    target.chmod(0o664)
    with atomic_output(target) as part:
        part.write_text("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664 and target.read_text() == "new"


def test_a_killed_folder_export_is_cleared_by_the_next(tmp_path: Path) -> None:
    dead = tmp_path / ".pkg-999999999-0123abcd.dir.part"
    dead.mkdir()
    (dead / "cases.csv").write_text("half")
    assert remove_abandoned_parts(tmp_path) == [dead]
    assert not dead.exists()


def test_a_file_in_the_way_of_a_folder_export(tmp_path: Path) -> None:
    from app.atomic_file import OutputFileError

    target = tmp_path / "pkg"
    target.write_text("a file")
    with pytest.raises(OutputFileError, match="is a file"), atomic_folder(target, lambda _p: True):
        pass
    assert target.read_text() == "a file"
