"""Workbooks built to harm: each is refused in one line, quickly, in little memory,
and the catalogue is left as it was.

Every hostile file is built here from a real export of the two-case catalogue.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from app.cli import main
from app.store import Catalogue
from app.xlsx import read as read_module
from app.xlsx import zip_limits
from app.xlsx.export import export_workbook
from app.xlsx.read import WorkbookError, read_workbook

SHEET = "xl/worksheets/sheet1.xml"  # the Case studies sheet
XXE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)
LAUGHS = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY lol0 "lol">' + (
    b"".join(b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10))
    + b"]>\n"
)


def _export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as session:
        export_workbook(session, target)
    return target


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _write(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _body(xml: bytes) -> bytes:
    """The part without its XML declaration, to put another prolog before it."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _with_entity_cell(xml: bytes, reference: bytes) -> bytes:
    """The sheet with `reference` (an entity reference) in the first text cell."""
    return _body(xml).replace(b"<t>", b"<t>" + reference, 1)


def _patch_headers(path: Path, name: str, local: int, central: int, fmt: str, value: int) -> None:
    """Set one field of `name`'s local header (at offset `local`) and of its central
    directory entry (at offset `central`) to `value`."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    struct.pack_into(fmt, data, info.header_offset + local, value)
    at = 0
    while (at := data.find(b"PK\x01\x02", at + 1)) >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name.encode():
            struct.pack_into(fmt, data, at + central, value)
    path.write_bytes(bytes(data))


def _patch_declared_size(path: Path, name: str, size: int) -> None:
    """Make the archive declare `size` bytes unpacked for `name`, in both of its headers."""
    _patch_headers(path, name, 22, 24, "<L", size)


def _mark_encrypted(path: Path, name: str) -> None:
    """Set `name`'s "encrypted" flag, as a password-protected zip's entries have it."""
    _patch_headers(path, name, 6, 8, "<H", 0x1)


def _patch_end_record_count(path: Path, count: int) -> None:
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, count, count)
    path.write_bytes(bytes(data))


# name → (builder from a good export into a new path, words the message must hold)
Builder = Callable[[Path, Path], Path]


def _old_style(good: Path, path: Path) -> Path:
    path.write_bytes(read_module.OLE_SIGNATURE + b"\x00" * 4096)
    return path


def _encrypted_entry(good: Path, path: Path) -> Path:
    _write(path, _members(good))
    _mark_encrypted(path, "xl/workbook.xml")
    return path


def _external_entity(good: Path, path: Path) -> Path:
    members = _members(good)
    members[SHEET] = XXE + _with_entity_cell(members[SHEET], b"&xxe;")
    return _write(path, members)


def _billion_laughs(good: Path, path: Path) -> Path:
    members = _members(good)
    members[SHEET] = LAUGHS + _with_entity_cell(members[SHEET], b"&lol9;")
    return _write(path, members)


def _utf16_laughs(good: Path, path: Path) -> Path:
    members = _members(good)
    xml = LAUGHS.replace(b"UTF-8", b"UTF-16") + _with_entity_cell(members[SHEET], b"&lol9;")
    members[SHEET] = xml.decode().encode("utf-16")
    return _write(path, members)


def _laughs_after_a_comment(good: Path, path: Path) -> Path:
    members = _members(good)
    members["xl/workbook.xml"] = (
        b"<?xml version='1.0'?>\n<!-- a comment -->\n"
        + LAUGHS.split(b"\n", 1)[1]
        + _body(members["xl/workbook.xml"])
    )
    return _write(path, members)


def _long_prolog(good: Path, path: Path) -> Path:
    members = _members(good)
    members[SHEET] = b"<!--" + b" " * 200_000 + b"-->" + _body(members[SHEET])
    return _write(path, members)


def _zip_bomb(good: Path, path: Path) -> Path:
    members = _members(good)
    members["xl/media/image1.png"] = b"\x00" * 30_000_000  # packs about 1,000 times
    return _write(path, members)


def _lying_zip_bomb(good: Path, path: Path) -> Path:
    """A sheet that unpacks to 30 MB while its headers say a few kilobytes."""
    members = _members(good)
    real = len(members[SHEET])
    members[SHEET] += b" " * 30_000_000  # white space after the root element: well-formed
    _write(path, members)
    _patch_declared_size(path, SHEET, real)
    return path


def _gigabytes(good: Path, path: Path) -> Path:
    _write(path, _members(good))
    _patch_declared_size(path, SHEET, 3_200_000_000)
    return path


def _many_entries(good: Path, path: Path) -> Path:
    members = _members(good)
    members.update({f"xl/media/n{n}.txt": b"" for n in range(zip_limits.MAX_ENTRIES + 1)})
    return _write(path, members)


def _many_entries_declared(good: Path, path: Path) -> Path:
    """An end record counting 60,000 entries: refused before zipfile reads the directory."""
    _write(path, _members(good))
    _patch_end_record_count(path, 60_000)
    return path


HOSTILE: dict[str, tuple[Builder, str]] = {
    "old-style or encrypted": (_old_style, "password-protected"),
    "encrypted entry": (_encrypted_entry, "is password-protected (its part xl/workbook.xml"),
    "external entity": (_external_entity, "document type declaration (in its part " + SHEET),
    "billion laughs": (_billion_laughs, "document type declaration"),
    "billion laughs in UTF-16": (_utf16_laughs, "document type declaration"),
    "laughs after a comment": (_laughs_after_a_comment, "(in its part xl/workbook.xml)"),
    "long prolog": (_long_prolog, "characters before its first element"),
    "zip bomb": (_zip_bomb, "looks like a zip bomb: its part xl/media/image1.png"),
    "lying zip bomb": (_lying_zip_bomb, "is damaged: its 'Case studies' sheet"),
    "gigabytes": (_gigabytes, "holds 3.2 GB when unpacked; Casebook opens workbooks up to 2 GB"),
    "many entries": (_many_entries, "holds 1,017 files inside its archive"),
    "many entries declared": (_many_entries_declared, "holds 60,000 files inside its archive"),
}


@pytest.fixture
def good(small_catalogue: Catalogue, tmp_path: Path) -> Path:
    return _export(small_catalogue, tmp_path / "good.xlsx")


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_each_hostile_file_is_refused_in_one_line(good: Path, tmp_path: Path, kind: str) -> None:
    build, words = HOSTILE[kind]
    path = build(good, tmp_path / "hostile.xlsx")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    assert message.startswith("hostile.xlsx ") and words in message, message


def _catalogue_rows(catalogue: Catalogue) -> list[str]:
    with sqlite3.connect(catalogue.path) as connection:
        return list(connection.iterdump())


@pytest.mark.parametrize(
    "kind", ["encrypted entry", "external entity", "billion laughs", "zip bomb", "gigabytes"]
)
def test_the_command_line_refuses_and_the_catalogue_is_unchanged(
    small_catalogue: Catalogue,
    good: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    path = HOSTILE[kind][0](good, tmp_path / "hostile.xlsx")
    db = str(small_catalogue.path)
    assert main(["--db", db, "import", str(good), "--dry-run"]) == 0  # opening may seed
    capsys.readouterr()
    before = _catalogue_rows(small_catalogue)
    assert main(["--db", db, "import", str(path), "--yes"]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Nothing was imported" in captured.err
    assert _catalogue_rows(small_catalogue) == before


@pytest.mark.parametrize("kind", ["external entity", "billion laughs"])
def test_defusedxml_refuses_entities_even_past_the_archive_check(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Defence in depth: with the prolog scan skipped, openpyxl's parser still refuses."""
    path = HOSTILE[kind][0](good, tmp_path / "hostile.xlsx")
    monkeypatch.setattr(zip_limits, "_prologs_problem", lambda archive, infos: None)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    assert "holds XML that declares entities" in str(caught.value)


def test_the_export_of_a_large_catalogue_is_within_the_limits(good: Path) -> None:
    """The limits were chosen from the 100,000-case export (0.73 GB, 16 entries, 11-fold)."""
    assert zip_limits.MAX_UNPACKED >= 2.5 * 734_000_000
    assert zip_limits.MAX_ENTRIES >= 50 and zip_limits.MAX_RATIO >= 5 * 11
    assert zip_limits.archive_problem(good) is None


def test_size_words() -> None:
    assert zip_limits.size_words(3_200_000_000) == "3.2 GB"
    assert zip_limits.size_words(2_000_000_000) == "2 GB"
    assert zip_limits.size_words(30_500) == "30.5 KB"
    assert zip_limits.size_words(12) == "12 bytes"


CHILD = """
import json, resource, sys, time
from app.xlsx.read import WorkbookError, read_workbook
results = {}
for path in sys.argv[1:]:
    start = time.perf_counter()
    try:
        read_workbook(path)
        said = None
    except WorkbookError as exc:
        said = str(exc)
    results[path] = [time.perf_counter() - start, said]
try:  # this process's own peak: ru_maxrss would count the parent it was forked from
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
print(json.dumps({"results": results, "peak_kb": peak}))
"""


def test_every_hostile_file_is_refused_fast_and_in_little_memory(
    good: Path, tmp_path: Path
) -> None:
    """One child process reads them all: its peak memory bounds each one's."""
    paths = []
    for number, (build, _) in enumerate(HOSTILE.values()):
        paths.append(str(build(good, tmp_path / f"hostile{number}.xlsx")))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    report = json.loads(done.stdout)
    for path, (seconds, said) in report["results"].items():
        assert said is not None, path
        assert seconds < 5, (path, seconds)
    assert report["peak_kb"] < 300 * 1024, report["peak_kb"]
