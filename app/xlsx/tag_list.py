"""A case's tags in one cell, "craft/jade; tea", and back, whatever the names hold.

Names are joined with "; ". A name holding ";" (or starting with a double
quote) is written in double quotes, with its own quotes doubled, as in CSV:
`"salt; pepper"; tea`. Reading splits on the semicolons outside quotes, so
every name comes back as it was written.
"""

from __future__ import annotations

from collections.abc import Iterable

SEPARATOR = ";"
QUOTE = '"'


def _quoted(name: str) -> str:
    if SEPARATOR in name or name.startswith(QUOTE):
        return QUOTE + name.replace(QUOTE, QUOTE * 2) + QUOTE
    return name


def join_tag_names(names: Iterable[str]) -> str:
    """The names as one cell's text."""
    return (SEPARATOR + " ").join(_quoted(name) for name in names)


def split_tag_names(text: str) -> list[str]:
    """The names in a cell's text (trimmed, empty ones left out)."""
    names: list[str] = []
    index, length = 0, len(text)
    while index <= length:
        while index < length and text[index].isspace():
            index += 1
        part: list[str] = []
        if index < length and text[index] == QUOTE:
            index += 1
            while index < length:
                if text[index] == QUOTE:
                    if text[index + 1 : index + 2] == QUOTE:
                        part.append(QUOTE)
                        index += 2
                        continue
                    index += 1
                    break
                part.append(text[index])
                index += 1
        end = text.find(SEPARATOR, index)
        end = length if end < 0 else end
        part.append(text[index:end])  # anything after a closing quote is kept as written
        name = "".join(part).strip()
        if name:
            names.append(name)
        index = end + 1
    return names
