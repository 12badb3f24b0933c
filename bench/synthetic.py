"""A large synthetic catalogue for benchmarks, written with bulk Core inserts.

The text is varied enough for search to be measured honestly: each case is
about a theme (tea, solar power, embroidery, schools...; see
bench/vocabulary.py) and its title, Chinese title, summary, narrative, notes
and highlight are drawn from a vocabulary of a few hundred words, so a word
like "solar" matches about a tenth of the cases, "embroidery" a few per cent
and "saffron" a fraction of one per cent. Places carry Chinese and Uyghur
names.
"""

from __future__ import annotations

import importlib
import itertools
import random
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert

from app.store import Catalogue, open_catalogue
from bench.vocabulary import (
    CHINESE_GENERAL,
    CITY_SUFFIX_ZH,
    COUNTY_ENDS_ZH,
    COUNTY_STEMS_ZH,
    GENERAL,
    NOTE_OPENINGS,
    PREFECTURES,
    PROVINCES_ZH,
    RARE,
    REGION_UG,
    REGION_ZH,
    THEMES,
    UG_ADJECTIVES,
    UG_NOUNS,
    Theme,
)
from models import CasePlace, CaseStudy, Metric, Note, Place, Tag
from models.annotations import Highlight, case_tag
from models.catalogue import CaseAssistance

SECTORS = ("handicraft", "agriculture and food", "energy", "education", "manufacturing")
FORMS = ("talent", "technology", "management", "funds", "market access", "culture")
BATCH = 5000
CONTEXT = 32  # characters of a highlight's prefix and suffix, as app/anchoring.py keeps

# Seconds the last `build` spent building the search index (None: no index module yet).
last_index_seconds: float | None = None

# Shares of a case's running text: general words, its theme's words, other themes' words.
# The rest goes to the rare tail (about one rare word in every 700).
_GENERAL_SHARE = 0.6285
_THEME_SHARE = 0.36
_STRAY_SHARE = 0.01
_RARE_SHARE = 0.0015


class _Writer:
    """One theme's word distribution, drawn from in one `choices` call per text."""

    def __init__(self, name: str, theme: Theme) -> None:
        self.name = name
        self.theme = theme
        stray = sorted({w for n, t in THEMES.items() if n != name for w in t.words})
        weighted: list[tuple[str, float]] = []
        weighted += _zipf(GENERAL, _GENERAL_SHARE)
        weighted += [(w, _THEME_SHARE / len(theme.words)) for w in theme.words]
        weighted += [(w, _STRAY_SHARE / len(stray)) for w in stray]
        weighted += _zipf(RARE, _RARE_SHARE)
        self.words = [w for w, _ in weighted]
        self.cum_weights = list(itertools.accumulate(weight for _, weight in weighted))

    def words_for(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)

    def prose(self, rng: random.Random, low: int, high: int) -> str:
        """Sentences of `low` to `high` words in all."""
        return _sentences(self.words_for(rng, rng.randint(low, high)), rng)


def _zipf(words: Sequence[str], share: float) -> list[tuple[str, float]]:
    raw = [1 / (rank + 1) for rank in range(len(words))]
    total = sum(raw)
    return [(w, share * r / total) for w, r in zip(words, raw, strict=True)]


def _sentences(words: list[str], rng: random.Random) -> str:
    out: list[str] = []
    at = 0
    while at < len(words):
        chunk = words[at : at + rng.randint(6, 16)]
        at += len(chunk)
        out.append(" ".join([chunk[0].capitalize(), *chunk[1:]]) + ".")
    return " ".join(out)


# Titles skip the commonest little words ("the", "of"...).
_TITLE_GENERAL = GENERAL[8:]
_WRITERS = [_Writer(name, theme) for name, theme in THEMES.items()]
_WRITER_WEIGHTS = list(itertools.accumulate(w.theme.share for w in _WRITERS))


def build(path: Path, cases: int, seed: int = 7) -> Catalogue:
    """Create a catalogue at `path` with `cases` synthetic case studies.

    Each case has a donor city and a recipient county, two forms of
    assistance, 3 metrics, 2 notes, 1 highlight in its narrative and 3 tags
    (of 300). When the search index exists (app.search.index), it is built at
    the end and the seconds it took are left in `last_index_seconds`.
    """
    global last_index_seconds
    rng = random.Random(seed)
    catalogue = open_catalogue(path, seed=False)
    now = datetime(2025, 1, 1)
    with catalogue.engine.begin() as conn:
        places, donors, recipients = _places()
        conn.execute(insert(Place), places)
        tags = [
            {"id": i + 1, "name": f"topic/{i}", "name_key": f"topic/{i}", "colour": "",
             "created_at": now}
            for i in range(300)
        ]  # fmt: skip
        conn.execute(insert(Tag), tags)
        zh_of = {p["id"]: str(p["name_zh"]) for p in places}
        for start in range(0, cases, BATCH):
            ids = range(start + 1, min(cases, start + BATCH) + 1)
            writers = rng.choices(_WRITERS, cum_weights=_WRITER_WEIGHTS, k=len(ids))
            recipient_of = {i: rng.choice(recipients) for i in ids}
            rows = [
                _case(i, w, rng, now, zh_of[recipient_of[i]])
                for i, w in zip(ids, writers, strict=True)
            ]
            conn.execute(insert(CaseStudy), rows)
            conn.execute(
                insert(CasePlace),
                [
                    row
                    for i in ids
                    for row in (
                        {"case_id": i, "place_id": rng.choice(donors), "role": "donor"},
                        {"case_id": i, "place_id": recipient_of[i], "role": "recipient"},
                    )
                ],
            )
            conn.execute(
                insert(CaseAssistance),
                [{"case_id": i, "form": f} for i in ids for f in rng.sample(FORMS, 2)],
            )
            conn.execute(insert(Metric), [_metric(i, k, rng) for i in ids for k in range(3)])
            conn.execute(
                insert(Note),
                [
                    {"case_id": row["id"], "body": _note(w, rng, str(row["title_zh"])),
                     "created_at": now, "updated_at": now}
                    for row, w in zip(rows, writers, strict=True)
                    for _ in range(2)
                ],
            )  # fmt: skip
            conn.execute(
                insert(Highlight),
                [_highlight(row, w, rng, now) for row, w in zip(rows, writers, strict=True)],
            )
            conn.execute(
                insert(case_tag),
                [{"case_id": i, "tag_id": t} for i in ids for t in rng.sample(range(1, 301), 3)],
            )
    last_index_seconds = _build_index(catalogue)
    return catalogue


def _build_index(catalogue: Catalogue) -> float | None:
    """Build the search index if this Casebook has one; the seconds it took."""
    try:
        index = importlib.import_module("app.search.index")
    except ModuleNotFoundError:
        return None
    start = time.perf_counter()
    with catalogue.sessions.begin() as session:
        index.rebuild(session)
    return time.perf_counter() - start


def _places() -> tuple[list[dict[str, object]], list[int], list[int]]:
    """19 provinces of 5 donor cities; Xinjiang's 14 prefectures of 6 recipient counties."""
    places: list[dict[str, object]] = []
    donors: list[int] = []
    recipients: list[int] = []
    next_id = 1

    def add(name: str, level: str, parent: int | None, zh: str, ug: str = "") -> int:
        nonlocal next_id
        places.append({"id": next_id, "name": name, "level": level, "parent_id": parent,
                       "name_zh": zh, "name_ug": ug})  # fmt: skip
        next_id += 1
        return next_id - 1

    for p in range(19):
        province = add(f"Province {p}", "province", None, PROVINCES_ZH[p])
        for c in range(5):
            city_zh = PROVINCES_ZH[p] + CITY_SUFFIX_ZH[c]
            donors.append(add(f"City {p}.{c}", "city", province, city_zh))
    region = add("Xinjiang", "region", None, REGION_ZH, REGION_UG)
    for p, (zh, ug) in enumerate(PREFECTURES):
        prefecture = add(f"Prefecture {p}", "prefecture", region, zh, ug)
        for c in range(6):
            recipients.append(
                add(f"County {p}.{c}", "county", prefecture,
                    COUNTY_STEMS_ZH[p] + COUNTY_ENDS_ZH[c] + "县", county_ug(p, c))
            )  # fmt: skip
    return places, donors, recipients


def county_ug(prefecture: int, county: int) -> str:
    """The Uyghur name `build` gives County {prefecture}.{county}."""
    return UG_ADJECTIVES[prefecture] + UG_NOUNS[county]


def _case(
    i: int, writer: _Writer, rng: random.Random, now: datetime, recipient_zh: str
) -> dict[str, object]:
    start = rng.randint(2005, 2023)
    theme = writer.theme
    title_words = rng.choices(theme.words, k=rng.randint(1, 2))
    title_words += rng.choices(_TITLE_GENERAL, k=rng.randint(2, 4))
    rng.shuffle(title_words)
    zh = rng.choices(theme.chinese, k=rng.randint(1, 2))
    zh += rng.choices(CHINESE_GENERAL, k=rng.randint(1, 3))
    if rng.random() < 0.3:
        zh.insert(0, recipient_zh)
    summary = writer.prose(rng, 30, 70)
    paragraphs = [writer.prose(rng, 40, 100) for _ in range(rng.randint(2, 4))]
    if writer.name == "jade" or (writer.name == "tourism" and rng.random() < 0.1):
        # The phrase the phrase query looks for, in most jade cases.
        if rng.random() < 0.7:
            paragraphs[0] = f"Jade carving is the theme. {paragraphs[0]}"
        if rng.random() < 0.3:
            summary = f"{summary} The jade carving workshop grew."
    end = start + rng.randint(0, 4) if rng.random() < 0.4 else None
    return {
        "id": i,
        "slug": f"case-{i:06d}",
        "title": " ".join(title_words).capitalize(),
        "title_zh": "".join(zh),
        "summary": summary,
        "narrative": "\n\n".join(paragraphs),
        "sector": theme.sector,
        "start_year": start,
        "end_year": end,
        "ongoing": end is None,
        "created_at": now,
        "updated_at": now,
    }


def _note(writer: _Writer, rng: random.Random, title_zh: str) -> str:
    body = f"{rng.choice(NOTE_OPENINGS)} {writer.prose(rng, 8, 60)}"
    roll = rng.random()
    if roll < 0.15:
        body += f" 原文：{title_zh}"
    elif roll < 0.25:
        items = "\n".join(f"- {w}" for w in writer.words_for(rng, 3))
        body = f"# {rng.choice(writer.theme.words).capitalize()}\n\n{body}\n\n{items}"
    return body


def _highlight(
    row: dict[str, object], writer: _Writer, rng: random.Random, now: datetime
) -> dict[str, object]:
    """A passage of 30-120 characters of the narrative, anchored as app/anchoring does."""
    text = str(row["narrative"])
    start = text.find(" ", rng.randint(0, max(0, len(text) - 120))) + 1
    end = min(len(text), start + rng.randint(30, 120))
    return {
        "case_id": row["id"],
        "field": "narrative",
        "start": start,
        "end": end,
        "quote": text[start:end],
        "prefix": text[max(0, start - CONTEXT) : start],
        "suffix": text[end : end + CONTEXT],
        "comment": writer.prose(rng, 3, 12) if rng.random() < 0.5 else "",
        "tag_id": rng.randint(1, 300) if rng.random() < 0.3 else None,
        "orphaned": False,
        "created_at": now,
        "updated_at": now,
    }


def _metric(case_id: int, k: int, rng: random.Random) -> dict[str, object]:
    return {
        "case_id": case_id,
        "key": f"m{k}",
        "position": k,
        "name": f"Figure {k}",
        "value": float(rng.randint(1, 10_000_000)),
        "low": None,
        "high": None,
        "unit": "yuan",
        "qualifier": rng.choice(("exact", "about", "over", "nearly")),
        "year": rng.randint(2010, 2024),
        "start_year": None,
        "end_year": None,
        "source_id": None,
        "note": "",
    }
