"""Sources as CSL-JSON, RIS and BibTeX, read back by their own libraries."""

from __future__ import annotations

import io
import json
import re
import uuid

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.bparser import BibTexParser
from hypothesis import given, settings
from hypothesis import strategies as st

from app.formats.bibtex import from_latex, to_latex, write_bibtex
from app.formats.citation_fields import date_parts, one_line, split_names
from app.formats.csl_json import write_csl_json
from app.formats.ris import write_ris
from models import Source

HARD_TITLES = [
    "对口援疆：新疆喀什的茶叶 🍵",
    "قەشقەر ۋىلايىتى ياردەم 💎",
    r"Budget {draft} at 100% & #1 \ C:\path $5 a_b ~x ^y @home",
    "Line one\nline two\ttabbed",
    "Control \x00\x07\x1b\x7f characters\x85",
]

# The CSL-JSON items Casebook writes, as the CSL data schema shapes them (the parts used).
_NAME = {
    "type": "object",
    "properties": {k: {"type": "string"} for k in ("family", "given", "literal")},
    "additionalProperties": False,
}
_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "items": {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 3},
            "minItems": 1,
            "maxItems": 2,
        },
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_ITEMS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": ["string", "number"]},
            "type": {
                "enum": [
                    "article-newspaper",
                    "article-journal",
                    "report",
                    "book",
                    "chapter",
                    "thesis",
                    "post-weblog",
                    "webpage",
                    "legislation",
                    "interview",
                    "speech",
                ]
            },
            "title": {"type": "string"},
            "container-title": {"type": "string"},
            "genre": {"type": "string"},
            "note": {"type": "string"},
            "author": {"type": "array", "items": _NAME},
            "issued": _DATE,
            "custom": {"type": "object"},
        },
        "additionalProperties": False,
    },
}


def _source(title: str = "Forging bonds", **fields: str) -> Source:
    values = {
        "key": "yang-2025",
        "author": "Yang Feiyue",
        "publisher": "China Daily",
        "date_text": "2023-08-14",
        "date_note": "",
        "kind": "news report",
        "outlook": "official",
        "seed_file": "000_secret.txt",
    }
    values.update(fields)
    return Source(uuid=str(uuid.uuid4()), title=title, **values)


def _csl(sources: list[Source]) -> list[dict[str, object]]:
    out = io.StringIO()
    assert write_csl_json(sources, out) == len(sources)
    items: list[dict[str, object]] = json.loads(out.getvalue())
    jsonschema.validate(items, CSL_ITEMS)
    return items


def _ris(sources: list[Source]) -> list[dict[str, object]]:
    out = io.StringIO()
    assert write_ris(sources, out) == len(sources)
    records: list[dict[str, object]] = rispy.loads(out.getvalue())
    return records


def _bib(sources: list[Source]) -> list[dict[str, str]]:
    out = io.StringIO()
    assert write_bibtex(sources, out) == len(sources)
    parser = BibTexParser(common_strings=False, interpolate_strings=False)
    entries: list[dict[str, str]] = bibtexparser.loads(out.getvalue(), parser).entries
    return entries


def test_a_news_article_in_csl_json() -> None:
    source = _source()
    (item,) = _csl([source])
    assert item == {
        "id": "yang-2025",
        "type": "article-newspaper",
        "title": "Forging bonds",
        "author": [{"literal": "Yang Feiyue"}],
        "container-title": "China Daily",
        "issued": {"date-parts": [[2023, 8, 14]]},
        "genre": "news report",
        "custom": {"uuid": source.uuid},
    }


def test_csl_names_dates_and_ids() -> None:
    a = _source(author="Xinhua; Smith, John", date_text="14 August 2023", key="")
    b = _source(date_text="spring 2021", date_note="no date in the text", kind="white paper")
    items = _csl([a, b])
    assert items[0]["id"] == a.uuid  # no key: the UUID
    assert items[0]["author"] == [{"literal": "Xinhua"}, {"family": "Smith", "given": "John"}]
    assert items[0]["issued"] == {"date-parts": [[2023, 8, 14]]}
    assert items[1]["issued"] == {"literal": "spring 2021"}
    assert items[1]["type"] == "report" and items[1]["note"] == "no date in the text"
    assert "seed_file" not in json.dumps(items) and "000_secret" not in json.dumps(items)


def test_two_sources_whose_keys_clash_get_two_ids() -> None:
    a, b = _source(key="a b"), _source(key="a/b")
    b.key = "a b"
    ids = [item["id"] for item in _csl([a, b])]
    assert ids[0] == "a-b" and ids[1] == f"a-b-{b.uuid[:8]}"
    assert [e["ID"] for e in _bib([a, b])] == ids


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2023-08-14", (2023, 8, 14)),
        ("2023-8", (2023, 8)),
        ("2023", (2023,)),
        ("14 August 2023", (2023, 8, 14)),
        ("August 14, 2023", (2023, 8, 14)),
        ("Sept. 2021", (2021, 9)),
        ("2023年8月14日", (2023, 8, 14)),
        ("2023-02-30", None),
        ("2023-13", None),
        ("14 Smarch 2023", None),
        ("spring 2021", None),
        ("", None),
    ],
)
def test_dates_that_read_as_dates(text: str, parts: tuple[int, ...] | None) -> None:
    assert date_parts(text) == parts


def test_names_split_only_at_a_comma() -> None:
    names = split_names("Xinhua;  Yang Feiyue ; Smith, John; ; 杨飞越")
    assert [(n.family, n.given, n.literal) for n in names] == [
        ("", "", "Xinhua"),
        ("", "", "Yang Feiyue"),
        ("Smith", "John", ""),
        ("", "", "杨飞越"),
    ]


@pytest.mark.parametrize("title", HARD_TITLES)
def test_hard_titles_read_back_by_each_library(title: str) -> None:
    source = _source(title, author="Xinhua; Smith, John", publisher="人民日报 & Co {x}")
    (item,) = _csl([source])
    assert item["title"] == title
    (record,) = _ris([source])
    assert record["title"] == one_line(title)
    assert record["type_of_reference"] == "NEWS"
    assert record["authors"] == ["Xinhua", "Smith, John"]
    assert record["secondary_title"] == "人民日报 & Co {x}"
    assert record["date"] == "2023/08/14/" and record["year"] == "2023"
    assert record["custom1"] == source.uuid
    (entry,) = _bib([source])
    assert from_latex(entry["title"]) == one_line(title)
    # LaTeX would read these as a comment, a table column, a parameter, math, a subscript.
    assert re.search(r"(?<!\\)[%&#$_]", entry["title"]) is None
    assert from_latex(entry["journal"]) == "人民日报 & Co {x}"
    assert entry["author"] == "{Xinhua} and Smith, John"
    assert entry["ENTRYTYPE"] == "article" and entry["year"] == "2023"
    assert entry["date"] == "2023-08-14" and entry["uuid"] == source.uuid


def test_bibtex_braces_stay_balanced() -> None:
    (entry,) = _bib([_source("}}} {{ unbalanced { \\")])
    title = entry["title"]
    assert title.count("{") == title.count("}")
    assert from_latex(title) == "}}} {{ unbalanced { \\"


def test_ris_and_bibtex_carry_undated_text_as_a_note() -> None:
    source = _source(date_text="Summer 2019", date_note="events up to 2019", kind="book")
    (record,) = _ris([source])
    assert record["notes"] == ["Date: Summer 2019", "events up to 2019"]
    assert "date" not in record and record["type_of_reference"] == "BOOK"
    assert record["publisher"] == "China Daily"
    (entry,) = _bib([source])
    assert entry["note"] == "Summer 2019; events up to 2019" and "year" not in entry
    assert entry["ENTRYTYPE"] == "book" and entry["publisher"] == "China Daily"


def test_no_sources_make_valid_empty_files() -> None:
    assert _csl([]) == [] and _ris([]) == [] and _bib([]) == []


# Text a catalogue may hold: any printable character, from any script.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).filter(
    lambda t: t.strip() != ""
)


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, publisher=_TEXT, author=_TEXT)
def test_any_text_reads_back(title: str, publisher: str, author: str) -> None:
    source = _source(title, publisher=publisher, author=author.replace(";", ""))
    (item,) = _csl([source])
    assert item["title"] == title and item["container-title"] == publisher
    (record,) = _ris([source])
    assert record["title"] == one_line(title)
    assert record["secondary_title"] == one_line(publisher)
    (entry,) = _bib([source])
    assert from_latex(entry["title"]) == one_line(title)
    assert from_latex(entry["journal"]) == one_line(publisher)


@given(text=st.text())
def test_latex_escaping_is_undone_exactly(text: str) -> None:
    assert from_latex(to_latex(text)) == one_line(text)
