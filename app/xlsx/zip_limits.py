"""What an untrusted workbook's archive must keep to before any XML in it is parsed.

An .xlsx file is a zip of XML parts. A file from someone else can be built to
exhaust the program that opens it: millions of entries (Python's zipfile reads
the whole central directory into memory on opening), parts that unpack to
gigabytes (a zip bomb), or XML whose document type declaration defines
entities, which read other files (external entities) or multiply into
gigabytes ("billion laughs"). Workbooks need none of these: the Office Open
XML packaging rules forbid document type declarations in parts.

`archive_problem` checks, in this order and reading little: the central
directory's size from the archive's end record, then each entry's declared
sizes and encryption flag, then the prolog (the text before the first element)
of every part. Declared sizes are enough: Python's zipfile never unpacks more
of an entry than its declared size (a lying entry ends in a CRC error, which
reads as a damaged file).

The limits let Casebook's own export of 100,000 case studies through with
room to spare: it holds 16 entries and unpacks to 0.73 GB, its largest sheet
to 0.30 GB, and its parts are packed at most 11-fold (measured with
bench/synthetic.py's catalogue, November 2026, with the UUID columns).
"""

from __future__ import annotations

import codecs
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO, BinaryIO

from app.messages import QT_TRANSLATE_NOOP, Message

MAX_ENTRIES = 1_000
MAX_UNPACKED = 2_000_000_000  # bytes, all entries together
MAX_RATIO = 100  # a part may unpack to this many times its packed size...
RATIO_FLOOR = 10_000_000  # ...once it unpacks to more than this many bytes
PROLOG_LIMIT = 65_536  # characters of a part read to find its first element
_CHUNK = 4096

_END = b"PK\x05\x06"  # end of central directory record
_END_FORMAT = "<4s4H2LH"
_END64_LOCATOR = b"PK\x06\x07"
_END64_LOCATOR_FORMAT = "<4sLQL"
_END64 = b"PK\x06\x06"
_END64_FORMAT = "<4sQ2H2L4Q"
_MAX_COMMENT = 0xFFFF
_ENCRYPTED_FLAG = 0x1
_AES_METHOD = 99  # WinZip AES encryption


def size_words(size: int) -> str:
    """ "3.2 GB", "1 GB", "640 KB": a byte count for people (powers of 1,000)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def archive_problem(path: Path) -> str | None:
    """Why the zip at `path` is not opened, as the end of a sentence after its name; or None.

    None also when the archive is unreadable as a zip: opening it then fails
    and says the file is damaged. Reads the archive's end, its directory and at
    most PROLOG_LIMIT characters of each part.
    """
    try:
        with path.open("rb") as handle:
            count = _declared_entry_count(handle)
            if count is not None and count > MAX_ENTRIES:
                return _too_many(count)
            with zipfile.ZipFile(handle) as archive:
                infos = archive.infolist()
                return _entries_problem(infos) or _prologs_problem(archive, infos)
    except (OSError, zipfile.BadZipFile, struct.error, ValueError, EOFError):
        return None


def _too_many(count: int) -> Message:
    return QT_TRANSLATE_NOOP(
        "Workbook",
        "holds %1 files inside its archive; Casebook opens workbooks of up to "
        "%2 (its own exports hold about 30).",
    ).arg(f"{count:,}", f"{MAX_ENTRIES:,}")


def _declared_entry_count(handle: BinaryIO) -> int | None:
    """The entry count in the archive's end record (zip64's when present), before zipfile.

    None when no end record is found (zipfile will then say the file is damaged).
    """
    handle.seek(0, 2)
    size = handle.tell()
    tail_size = min(size, struct.calcsize(_END_FORMAT) + _MAX_COMMENT)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < struct.calcsize(_END_FORMAT):
        return None
    fields = struct.unpack(_END_FORMAT, tail[at : at + struct.calcsize(_END_FORMAT)])
    count = int(fields[4])
    locator_size = struct.calcsize(_END64_LOCATOR_FORMAT)
    locator_at = size - tail_size + at - locator_size
    if locator_at >= 0:
        handle.seek(locator_at)
        locator = struct.unpack(_END64_LOCATOR_FORMAT, handle.read(locator_size))
        if locator[0] == _END64_LOCATOR:
            handle.seek(locator[2])
            record = handle.read(struct.calcsize(_END64_FORMAT))
            if len(record) == struct.calcsize(_END64_FORMAT) and record.startswith(_END64):
                count = max(count, int(struct.unpack(_END64_FORMAT, record)[7]))
    handle.seek(0)
    return count


def _entries_problem(infos: list[zipfile.ZipInfo]) -> Message | None:
    """Too many entries, encrypted ones, too much when unpacked, or packed too tightly."""
    if len(infos) > MAX_ENTRIES:
        return _too_many(len(infos))
    for info in infos:
        if info.flag_bits & _ENCRYPTED_FLAG or info.compress_type == _AES_METHOD:
            return QT_TRANSLATE_NOOP(
                "Workbook",
                "is password-protected (its part %1 is encrypted). Open it in "
                "Excel or LibreOffice, remove the password and save it again as .xlsx.",
            ).arg(info.filename)
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        return QT_TRANSLATE_NOOP(
            "Workbook", "holds %1 when unpacked; Casebook opens workbooks up to %2."
        ).arg(size_words(total), size_words(MAX_UNPACKED))
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * info.compress_size:
            ratio = info.file_size // max(1, info.compress_size)
            return QT_TRANSLATE_NOOP(
                "Workbook",
                "looks like a zip bomb: its part %1 unpacks from %2 to %3 "
                "(%4 times); Casebook opens parts packed up to %5 times.",
            ).arg(
                info.filename,
                size_words(info.compress_size),
                size_words(info.file_size),
                f"{ratio:,}",
                MAX_RATIO,
            )
    return None


def _prologs_problem(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> Message | None:
    """A part with a document type declaration, or too long a way to its first element."""
    for info in infos:
        if info.is_dir():
            continue
        try:
            with archive.open(info) as member:
                verdict = _prolog_verdict(member)
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            continue  # a damaged part: opening the workbook says which
        if verdict == "doctype":
            return QT_TRANSLATE_NOOP(
                "Workbook",
                "holds XML with a document type declaration (in its part %1), "
                "which can make the program opening it read other files or fill the memory "
                "(XML entities); workbooks never need one, so Casebook does not open it.",
            ).arg(info.filename)
        if verdict == "long":
            return QT_TRANSLATE_NOOP(
                "Workbook",
                "has a part (%1) with over %2 characters before "
                "its first element, which no workbook has; Casebook does not open it.",
            ).arg(info.filename, f"{PROLOG_LIMIT:,}")
    return None


def _prolog_verdict(member: IO[bytes]) -> str:
    """ "doctype", "long", or "ok" (the first element was reached, or the part is not XML).

    The prolog may hold only white space, processing instructions (<?...?>),
    comments (<!--...-->) and a document type declaration (<!DOCTYPE ...>).
    """
    first = member.read(_CHUNK)
    decoder = codecs.getincrementaldecoder(_encoding(first))(errors="replace")
    text = decoder.decode(first)
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        return "ok"  # not XML (a picture, a binary part): no parser reads entities from it
    position = 0
    while True:
        step = _prolog_step(text, position)
        if step == "doctype":
            return "doctype"
        if step == "root":
            return "ok"
        if step is not None:
            position = int(step)
            continue
        if len(text) >= PROLOG_LIMIT:
            return "long"
        more = member.read(_CHUNK)
        if not more:
            return "ok"  # ends inside its prolog: the parser will call it damaged
        text += decoder.decode(more)


def _prolog_step(text: str, position: int) -> str | int | None:
    """From `position`: "doctype", "root", the position after the next prolog item,
    or None when `text` ends before that is known."""
    while position < len(text) and text[position] in "\ufeff \t\r\n":
        position += 1
    rest = text[position : position + 9]
    if len(rest) < 2:
        return None
    if rest[0] != "<":
        return "root"  # not well-formed; the parser will say so
    if rest[1] == "?":
        end = text.find("?>", position + 2)
        return None if end < 0 else end + 2
    if rest[1] != "!":
        return "root"
    if len(rest) < 9:
        return None
    if rest.upper() == "<!DOCTYPE":
        return "doctype"
    if rest.startswith("<!--"):
        end = text.find("-->", position + 4)
        return None if end < 0 else end + 3
    return "root"  # <![CDATA[ or another markup declaration: not well-formed here


def _encoding(start: bytes) -> str:
    """The part's encoding, from its byte order mark or first character."""
    if start.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if start.startswith(b"<\x00\x00\x00"):
        return "utf-32-le"
    if start.startswith(b"\x00\x00\x00<"):
        return "utf-32-be"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if start.startswith(b"<\x00"):
        return "utf-16-le"
    if start.startswith(b"\x00<"):
        return "utf-16-be"
    return "utf-8"
