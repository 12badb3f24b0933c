"""A source as the parts every citation format needs: kind, names, date.

Shared by the CSL-JSON, RIS and BibTeX writers so the three agree.

Names: an author written "Family, Given" is split there; any other name is
kept whole (a literal): Chinese names are written family name first, and
an agency such as Xinhua has no given name, so reordering them would be
wrong. Several authors are separated by ";".

Dates: `date_text` is kept as the text gives it ("2023-08-14",
"14 August 2023", "2023年8月14日"); `date_parts` reads the common forms and
returns None for anything else, which the writers then carry as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month_name>[A-Za-z]+)\\.?"
_DATE_FORMS = (
    re.compile(r"^(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?$"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^{_MONTH}\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year>\d{{4}})$"),
    re.compile(
        r"^(?P<year>\d{4})\s*年\s*(?:(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日)?)?$"
    ),
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Name:
    """One author: `family` and `given`, or `literal` alone for a name kept whole."""

    family: str = ""
    given: str = ""
    literal: str = ""


def split_names(author: str) -> list[Name]:
    """The authors in an author field (see the module's note on names)."""
    names: list[Name] = []
    for part in author.split(";"):
        text = " ".join(part.split())
        if not text:
            continue
        family, comma, given = text.partition(",")
        if comma and family.strip() and given.strip() and "," not in given:
            names.append(Name(family=family.strip(), given=given.strip()))
        else:
            names.append(Name(literal=text))
    return names


def date_parts(date_text: str) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) for a date in a common form, else None."""
    text = " ".join(date_text.split())
    for form in _DATE_FORMS:
        match = form.match(text)
        if match is None:
            continue
        found = match.groupdict()
        month_name = found.get("month_name")
        if month_name is not None:
            month: int | None = _MONTHS.get(month_name.lower())
            if month is None:
                return None
        else:
            month = int(found["month"]) if found.get("month") else None
        day = int(found["day"]) if found.get("day") else None
        year = int(found["year"])
        if month is None:
            return (year,) if day is None else None
        if not 1 <= month <= 12:
            return None
        if day is None:
            return (year, month)
        if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
            return None
        return (year, month, day)
    return None


# Source kinds (as the catalogue words them) to CSL types; the first match wins.
_KIND_TYPES = (
    ("news", "article-newspaper"),
    ("feature", "article-newspaper"),
    ("editorial", "article-newspaper"),
    ("interview", "interview"),
    ("white paper", "report"),
    ("report", "report"),
    ("book", "book"),
    ("chapter", "chapter"),
    ("thesis", "thesis"),
    ("journal", "article-journal"),
    ("academic", "article-journal"),
    ("blog", "post-weblog"),
    ("web", "webpage"),
    ("law", "legislation"),
    ("regulation", "legislation"),
    ("speech", "speech"),
)


def csl_type(kind: str) -> str:
    """The CSL item type for a source kind; news articles by default."""
    lowered = kind.lower()
    for word, item_type in _KIND_TYPES:
        if word in lowered:
            return item_type
    return "article-newspaper"


_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def one_line(text: str) -> str:
    """`text` for a line-based format: whitespace runs (line breaks too) become one space,
    other control characters go (RIS and BibTeX files cannot hold them)."""
    return " ".join(_CONTROL.sub("", text).split())


_KEY_UNSAFE = re.compile(r"[^\w.:+/-]+")


class CitationKeys:
    """Each source's id in one citation file: its key made safe for BibTeX, else its UUID.

    Unique within the file: a key that two sources share once made safe gets
    the start of its UUID added.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def key(self, key: str | None, uuid: str) -> str:
        chosen = _KEY_UNSAFE.sub("-", key or "").strip("-") or uuid
        if chosen.lower() in self._used:
            chosen = f"{chosen}-{uuid[:8]}" if chosen != uuid else f"{uuid}-{len(self._used)}"
        self._used.add(chosen.lower())
        return chosen
