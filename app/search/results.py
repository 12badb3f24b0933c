"""What the window needs of a search without loading the database layer: matches, marks.

`Match` says where a case matched; `mark_patterns` gives regular expressions
(Qt's QRegularExpression reads them too) for the words to mark in the text
the user reads, compared as the index compares them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.search.language import QueryError, parse
from app.search.text import HAS_UNSPACED, WORD, normalise

Span = tuple[int, int]


@dataclass(frozen=True)
class Match:
    """One field of a case where the query's words occur.

    `field` names it for people ("title", "narrative", "note", "highlight",
    "figure", "source", …); `spans` mark the words inside `snippet`;
    `note_id` / `highlight_id` say which note or highlight it was.
    """

    field: str
    snippet: str
    spans: tuple[Span, ...] = ()
    note_id: int | None = None
    highlight_id: int | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"field": self.field, "snippet": self.snippet}
        if self.note_id is not None:
            data["note_id"] = self.note_id
        if self.highlight_id is not None:
            data["highlight_id"] = self.highlight_id
        return data

    def label(self) -> str:
        return f"{self.field}: {self.snippet}"


def has_words(text: str) -> bool:
    """Whether `text` is a query with words to rank by (not only filters or exclusions)."""
    try:
        return bool(parse(text).words()) if text.strip() else False
    except QueryError:
        return False


def mark_patterns(text: str) -> list[str]:
    """Case-insensitive regular expressions for the query's words: whole words, a prefix
    for `word*`, any run for Chinese. Empty for no words or a malformed query."""
    try:
        terms = parse(text).words() if text.strip() else []
    except QueryError:
        return []
    patterns: list[str] = []
    for term in terms:
        words = WORD.findall(normalise(term.text))
        for i, word in enumerate(words):
            if HAS_UNSPACED.search(word):
                patterns.append(re.escape(word))
            else:
                open_end = term.prefix and i == len(words) - 1
                patterns.append(r"(?i)\b" + re.escape(word) + (r"\w*" if open_end else r"\b"))
    return list(dict.fromkeys(patterns))
