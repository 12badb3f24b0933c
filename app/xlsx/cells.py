"""Making any text safe to put in a spreadsheet cell, and saying what was changed.

Three hazards, each handled here and nowhere else:
- text that a spreadsheet would run as a formula (=, +, -, @, tab, CR, LF first);
- characters XML cannot hold (C0 controls but tab, LF and CR; C1 controls;
  lone surrogates; U+FFFE and U+FFFF), which make lxml raise in the middle
  of a row;
- Excel's 32,767-character cell limit, which openpyxl would silently cut at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXCEL_CELL_LIMIT = 32_767
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# What XML 1.0 cannot hold (its Char production: no C0 controls but tab, LF
# and CR, no surrogates, not U+FFFE or U+FFFF), plus the C1 controls, which
# XML allows but discourages and Excel shows as boxes or drops.
ILLEGAL_XML_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\ud800-\udfff\ufffe\uffff]"
)


def without_illegal_characters(text: str) -> str:
    """`text` without the characters XML cannot hold (uncounted: see CellCleaner)."""
    return ILLEGAL_XML_CHARACTERS.sub("", text)


# Excel and LibreOffice read "_x000D_" in a cell as the character it names (and
# calamine does, as they do); text that holds such a sequence is written with its
# underscore escaped ("_x005F_x000D_"), as Excel writes it, so it reads back as typed.
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def escaped_for_excel(text: str) -> str:
    """`text` with each "_xHHHH_" written so a spreadsheet reads it literally."""
    return _ESCAPE_LIKE.sub("_x005F_", text) if "_x" in text else text


def unescaped_from_excel(value: object) -> object:
    """A cell read without unescaping (openpyxl) as a spreadsheet reads it."""
    if isinstance(value, str) and "_x" in value:
        from openpyxl.utils.escape import unescape

        return unescape(value)
    return value


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def utf16_length(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_for_cells(text: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """`text` in pieces that each fit a cell; joining them gives `text` back.

    Never splits a character: pieces end on code-point boundaries.
    """
    if len(text) <= limit // 2 or utf16_length(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > limit:
            pieces.append(text[start:index])
            start, units = index, 0
        units += width
    pieces.append(text[start:])
    return pieces


@dataclass
class CellCleaner:
    """Cleans values for XML and counts what it had to remove."""

    removed_characters: int = 0
    cells_changed: int = 0

    def clean(self, text: str) -> str:
        cleaned, count = ILLEGAL_XML_CHARACTERS.subn("", text)
        if count:
            self.removed_characters += count
            self.cells_changed += 1
        return cleaned
