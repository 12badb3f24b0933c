"""A large synthetic catalogue for benchmarks, written with bulk Core inserts."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert

from app.store import Catalogue, open_catalogue
from models import CasePlace, CaseStudy, Metric, Note, Place, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance

SECTORS = ("handicraft", "agriculture and food", "energy", "education", "manufacturing")
FORMS = ("talent", "technology", "management", "funds", "market access", "culture")
BATCH = 5000


def build(path: Path, cases: int, seed: int = 7) -> Catalogue:
    """Create a catalogue at `path` with `cases` synthetic case studies.

    Each case has a donor city and a recipient county, two forms of
    assistance, 3 metrics, 2 notes and 3 tags (of 300).
    """
    rng = random.Random(seed)
    catalogue = open_catalogue(path, seed=False)
    now = datetime(2025, 1, 1)
    with catalogue.engine.begin() as conn:
        places: list[dict[str, object]] = []
        donors: list[int] = []
        recipients: list[int] = []
        next_id = 1
        for p in range(19):
            province = next_id
            places.append({"id": province, "name": f"Province {p}", "level": "province"})
            next_id += 1
            for c in range(5):
                places.append(
                    {"id": next_id, "name": f"City {p}.{c}", "level": "city", "parent_id": province}
                )
                donors.append(next_id)
                next_id += 1
        region = next_id
        places.append({"id": region, "name": "Xinjiang", "level": "region"})
        next_id += 1
        for p in range(14):
            prefecture = next_id
            places.append(
                {"id": prefecture, "name": f"Prefecture {p}", "level": "prefecture",
                 "parent_id": region}
            )  # fmt: skip
            next_id += 1
            for c in range(6):
                places.append(
                    {"id": next_id, "name": f"County {p}.{c}", "level": "county",
                     "parent_id": prefecture}
                )  # fmt: skip
                recipients.append(next_id)
                next_id += 1
        for place in places:
            place.setdefault("parent_id", None)
            place.update(name_zh="", name_ug="")
        conn.execute(insert(Place), places)
        tags = [
            {"id": i + 1, "name": f"topic/{i}", "name_key": f"topic/{i}", "colour": "",
             "created_at": now}
            for i in range(300)
        ]  # fmt: skip
        conn.execute(insert(Tag), tags)
        for start in range(0, cases, BATCH):
            ids = range(start + 1, min(cases, start + BATCH) + 1)
            conn.execute(insert(CaseStudy), [_case(i, rng, now) for i in ids])
            conn.execute(
                insert(CasePlace),
                [
                    row
                    for i in ids
                    for row in (
                        {"case_id": i, "place_id": rng.choice(donors), "role": "donor"},
                        {"case_id": i, "place_id": rng.choice(recipients), "role": "recipient"},
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
                    {"case_id": i, "body": f"Note {k} on case {i}: follow up the figures.",
                     "created_at": now, "updated_at": now}
                    for i in ids
                    for k in range(2)
                ],
            )  # fmt: skip
            conn.execute(
                insert(case_tag),
                [{"case_id": i, "tag_id": t} for i in ids for t in rng.sample(range(1, 301), 3)],
            )
    return catalogue


def _case(i: int, rng: random.Random, now: datetime) -> dict[str, object]:
    start = rng.randint(2005, 2023)
    return {
        "id": i,
        "slug": f"case-{i:06d}",
        "title": f"Synthetic case {i:06d} {rng.choice(('tea', 'jade', 'solar', 'school'))}",
        "summary": f"Summary of synthetic case {i}, a {rng.choice(SECTORS)} project. " * 3,
        "narrative": "Narrative paragraph. " * 40,
        "sector": rng.choice(SECTORS),
        "start_year": start,
        "end_year": None,
        "ongoing": True,
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
