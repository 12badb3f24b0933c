"""The query language of the search box and `casebook search`, parsed into plain data.

    solar school          both words, anywhere in a case
    "jade carving"        the exact phrase
    -teachers             cases without the word
    tea OR jade           either (OR binds before the implied AND)
    photo*                words starting with photo
    tag:craft  sector:energy  form:talent  source:xinhua
    donor:hubei  recipient:kashgar   (the places inside them too)
    year:2015..2020  year:2018  year:..2010  year:2015..
    has:notes  has:highlights  has:figures  has:tags

A field name this language does not know (as in "10:30") is plain text. A
malformed query raises QueryError with one line for the user; nothing a
user types ever reaches FTS5's own syntax unquoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.search.text import WORD, normalise

FIELDS = ("tag", "sector", "donor", "recipient", "form", "source", "year", "has")
HAS_VALUES = ("notes", "highlights", "figures", "tags", "sources", "perspectives")
_YEAR = re.compile(r"^(\d{3,4})?(?:(\.\.)(\d{3,4})?)?$")


class QueryError(ValueError):
    """A query that cannot be searched; the message is one line for the user."""


@dataclass(frozen=True)
class Term:
    """One thing to look for: words or a phrase in the text, or a field's value."""

    text: str
    field: str | None = None
    negated: bool = False
    phrase: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class YearRange:
    first: int | None
    last: int | None


@dataclass
class Query:
    """Groups that must all match; within a group, any term may (OR)."""

    groups: list[list[Term]] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.groups

    def words(self) -> list[Term]:
        """The positive text terms, whose matches a result shows."""
        return [t for g in self.groups for t in g if t.field is None and not t.negated]


BARE, PHRASE, QUOTED_VALUE = 0, 1, 2


def _read_token(query: str, pos: int) -> tuple[str, int, int]:
    """(text, BARE/PHRASE/QUOTED_VALUE, next position) of the token at `pos`."""
    if query[pos] == '"':
        end = query.find('"', pos + 1)
        if end < 0:
            raise QueryError('A quotation mark is not closed: add the closing " or remove it.')
        return query[pos + 1 : end], PHRASE, end + 1
    end = pos
    while end < len(query) and not query[end].isspace():
        if query[end] == '"' and end > pos and query[end - 1] == ":":
            value, _kind, after = _read_token(query, end)
            return query[pos:end] + value, QUOTED_VALUE, after
        end += 1
    return query[pos:end], BARE, end


def _term(raw: str, kind: int, negated: bool) -> Term:
    quoted = kind != BARE
    name, colon, value = raw.partition(":")
    if colon and name.casefold() in FIELDS and kind != PHRASE:
        field_name = name.casefold()
        value = value.strip()
        if not value:
            raise QueryError(f"{name}: needs a value, as in {_example(field_name)}.")
        if field_name == "year":
            year_range(value)
        if field_name == "has" and value.casefold() not in HAS_VALUES:
            raise QueryError(f"has: takes one of {', '.join(HAS_VALUES)}, not “{value}”.")
        return Term(value, field=field_name, negated=negated)
    text = raw
    prefix = False
    if not quoted and text.endswith("*"):
        text = text.rstrip("*")
        prefix = True
    if not WORD.search(normalise(text)):
        shown = raw if raw.strip() else '""'
        raise QueryError(f"“{shown}” has no letters or digits to search for.")
    return Term(text, negated=negated, phrase=quoted, prefix=prefix)


def _example(field_name: str) -> str:
    return {
        "tag": "tag:craft",
        "sector": "sector:energy",
        "donor": "donor:hubei",
        "recipient": "recipient:kashgar",
        "form": "form:talent",
        "source": "source:xinhua",
        "year": "year:2015..2020",
        "has": "has:notes",
    }[field_name]


def year_range(value: str) -> YearRange:
    """2015 → 2015..2015; 2015..2020; ..2010; 2015.. (a case's period must overlap it)."""
    match = _YEAR.match(value.strip())
    if not match or not (match.group(1) or match.group(3)):
        raise QueryError(f"year: takes a year or a range like 2015..2020, not “{value}”.")
    first = int(match.group(1)) if match.group(1) else None
    last = int(match.group(3)) if match.group(3) else None
    if match.group(2) is None:
        last = first
    if first is not None and last is not None and first > last:
        raise QueryError(f"year: the range {value} ends before it starts.")
    return YearRange(first, last)


def parse(query: str) -> Query:
    """The query as groups of terms; QueryError for what cannot be searched."""
    groups: list[list[Term]] = []
    pos = 0
    joining = False  # the previous token was OR
    text = query.strip()
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        negated = text[pos] == "-" and pos + 1 < len(text) and not text[pos + 1].isspace()
        if text[pos] == "-" and not negated:
            raise QueryError("A - must stand right before what to leave out, as in -teachers.")
        start = pos + 1 if negated else pos
        raw, quoted, pos = _read_token(text, start)
        if raw == "OR" and not quoted and not negated:
            if not groups or joining:
                raise QueryError("OR must stand between two things to look for, as in tea OR jade.")
            joining = True
            continue
        term = _term(raw, quoted, negated)
        if joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if joining:
        raise QueryError("OR must stand between two things to look for, as in tea OR jade.")
    return Query(groups)
