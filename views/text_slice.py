"""How much of a long text the window shows at once, and the line saying what is left out.

A narrative can hold tens of millions of characters; laying all of them out
in a read-only view freezes the window for minutes. The views show the first
`SHOWN_CHARACTERS` (a prefix, so every offset inside it is the text's own)
and say how much more there is. The case editor keeps the whole text.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from views.translation import arg, number

SHOWN_CHARACTERS = 200_000


class Shown(NamedTuple):
    """The part of a text that is shown (a prefix) and the text's full length."""

    text: str
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.text)


def shown_part(text: str, limit: int = SHOWN_CHARACTERS) -> Shown:
    """The first `limit` characters of `text` (all of it when shorter)."""
    return Shown(text if len(text) <= limit else text[:limit], len(text))


def more_text_line(shown: Shown) -> str:
    """ "Showing the first 200,000 of 45,000,000 characters; …" or "" when all is shown."""
    if not shown.hidden:
        return ""
    return arg(
        QCoreApplication.translate(
            "TextSlice",
            "Showing the first %1 of %2 characters; %3 more are not shown here. "
            "Edit the case or export it to read them all.",
        ),
        number(len(shown.text)),
        number(shown.total),
        number(shown.hidden),
    )
