"""Sources as BibTeX (written by bibtexparser), for LaTeX users and every reference manager.

Text is UTF-8 (biber and BibTeX 0.99 read it) with LaTeX's special
characters escaped, so "{", "%" or "&" in a headline cannot break the file
(braces become \\textbraceleft{} and \\textbraceright{}: BibTeX counts even
an escaped brace, so "\\{" alone would unbalance the entry); `from_latex`
undoes exactly that escaping. A name kept whole (Xinhua, a
Chinese name) is braced so BibTeX never splits it into first and last names.
News articles with a publisher are @article with the publisher as the
journal; the date goes to `year` and, when it reads as one, to biblatex's
ISO `date`; other date text goes to `note`. The UUID is in `uuid`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from app.formats.citation_fields import (
    CitationKeys,
    csl_type,
    date_parts,
    one_line,
    split_names,
)
from models import Source

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))
_ESCAPED = re.compile(
    "|".join(re.escape(e) for e in sorted(_LATEX_SPECIALS.values(), key=len, reverse=True))
)
_UNESCAPE = {escaped: char for char, escaped in _LATEX_SPECIALS.items()}


def to_latex(text: str) -> str:
    """`text` on one line with LaTeX's special characters escaped."""
    return _SPECIAL.sub(lambda m: _LATEX_SPECIALS[m.group()], one_line(text))


def from_latex(text: str) -> str:
    """The inverse of `to_latex` (for reading back what it wrote)."""
    return _ESCAPED.sub(lambda m: _UNESCAPE[m.group()], text)


def _authors(author: str) -> str:
    names = [
        "{" + to_latex(n.literal) + "}"
        if n.literal
        else f"{to_latex(n.family)}, {to_latex(n.given)}"
        for n in split_names(author)
    ]
    return " and ".join(names)


def bibtex_entry(source: Source, keys: CitationKeys) -> dict[str, str]:
    """The bibtexparser entry for one source (empty fields left out)."""
    item_type = csl_type(source.kind)
    publisher = to_latex(source.publisher)
    entry: dict[str, str] = {
        "ID": keys.key(source.key, source.uuid),
        "title": to_latex(source.title),
    }
    if item_type == "article-newspaper" and publisher:
        entry.update(ENTRYTYPE="article", journal=publisher)
    elif item_type == "report" and publisher:
        entry.update(ENTRYTYPE="techreport", institution=publisher)
    elif item_type == "book":
        entry["ENTRYTYPE"] = "book"
        if publisher:
            entry["publisher"] = publisher
    else:
        entry["ENTRYTYPE"] = "misc"
        if publisher:
            entry["howpublished"] = publisher
    authors = _authors(source.author)
    if authors:
        entry["author"] = authors
    notes: list[str] = []
    date_text = one_line(source.date_text)
    parts = date_parts(date_text) if date_text else None
    if parts is not None:
        entry["year"] = f"{parts[0]:04d}"
        entry["date"] = "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
    elif date_text:
        notes.append(to_latex(date_text))
    if source.date_note.strip():
        notes.append(to_latex(source.date_note))
    if notes:
        entry["note"] = "; ".join(notes)
    if source.kind.strip():
        entry["type"] = to_latex(source.kind)
    entry["uuid"] = source.uuid
    return entry


def write_bibtex(sources: Iterable[Source], out: IO[str]) -> int:
    """Write the sources as BibTeX entries to `out`; returns how many."""
    keys = CitationKeys()
    database = BibDatabase()
    database.entries = [bibtex_entry(source, keys) for source in sources]
    writer = BibTexWriter()
    writer.order_entries_by = None  # keep the catalogue's order
    out.write(writer.write(database))
    return len(database.entries)
