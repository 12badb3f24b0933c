"""Python counts characters by code point, Qt's text classes by UTF-16 unit.

An emoji such as 🍵 is one character to Python and two to QTextCursor, so
every offset crossing between the two goes through these functions.
"""

from __future__ import annotations


def to_utf16(text: str, index: int) -> int:
    """The QTextCursor position of Python index `index` in `text`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """The Python index of QTextCursor position `position` in `text`."""
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
