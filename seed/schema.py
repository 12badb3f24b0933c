"""Reading and checking the seed TOML files into plain typed records."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.chinese_title import checked_title_zh, checked_title_zh_note
from app.validation import FieldValueError
from models.catalogue import ACTOR_KINDS, ASSISTANCE_FORMS, PLACE_LEVELS, PLACE_ROLES, QUALIFIERS

DATA_DIR = Path(__file__).with_name("data")

# A fact that comes from general knowledge rather than from a cited article is
# marked in the seed (`general_knowledge = "..."` on a case, a metric or a
# place). For cases and metrics the mark is also shown to readers: it is added
# to the narrative or to the figure's note behind these words.
GENERAL_KNOWLEDGE_LEAD = "Not from the cited sources (general knowledge): "


class SeedError(ValueError):
    """A seed file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class SeedMetric:
    key: str
    name: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    year: int | None
    start_year: int | None
    end_year: int | None
    source: str
    note: str
    general_knowledge: str = ""


@dataclass(frozen=True)
class SeedCase:
    file: str
    slug: str
    title: str
    sector: str
    assistance: list[str]
    start_year: int | None
    end_year: int | None
    ongoing: bool
    summary: str
    narrative: str
    sources: list[str]
    places: list[dict[str, str]]
    actors: list[dict[str, str]]
    metrics: list[SeedMetric]
    perspectives: list[dict[str, str]]
    general_knowledge: str = ""
    # The Chinese title (optional), and where it comes from when no source gives it.
    title_zh: str = ""
    title_zh_note: str = ""


@dataclass
class SeedData:
    sources: list[dict[str, str]] = field(default_factory=list)
    # A place's text fields, plus "longitude" and "latitude" (float or None).
    places: list[dict[str, Any]] = field(default_factory=list)
    cases: list[SeedCase] = field(default_factory=list)
    digest: str = ""


class _Entry:
    """Typed access to one TOML table, with errors that say where."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, message: str) -> SeedError:
        return SeedError(f"{self.where}: {message}")

    def only(self, allowed: tuple[str, ...]) -> None:
        """Refuse fields the seed does not know, so a misspelt one is not silently lost."""
        for name in self.data:
            if name not in allowed:
                raise self.fail(f"unknown field {name!r}")

    def text(self, name: str, required: bool = True) -> str:
        value = self.data.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"'{name}' must be text")
        if required and not value.strip():
            raise self.fail(f"'{name}' is missing")
        return value.strip()

    def checked(self, name: str, check: Callable[[str], str]) -> str:
        """An optional text field read by one of app's checks (its message, with where)."""
        value = self.data.get(name, "")
        if not isinstance(value, str):
            raise self.fail(f"'{name}' must be text")
        try:
            return check(value)
        except FieldValueError as exc:
            raise self.fail(f"'{name}': {exc}") from None

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        value = self.text(name)
        if value not in allowed:
            raise self.fail(f"'{name}' is {value!r}; expected one of {', '.join(allowed)}")
        return value

    def year(self, name: str) -> int | None:
        value = self.data.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"'{name}' must be a whole number (0 for none)")
        if value == 0:
            return None
        if not 1300 <= value <= 2100:
            raise self.fail(f"'{name}' = {value} is not a plausible year")
        return value

    def number(self, name: str) -> float | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(f"'{name}' must be a number, not {type(value).__name__}")
        return float(value)

    def tables(self, name: str) -> list[dict[str, Any]]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"'{name}' must be a list of tables ([[{name}]])")
        return value

    def strings(self, name: str) -> list[str]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"'{name}' must be a list of text")
        return value


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(f"{path.name}: not valid TOML ({exc})") from exc


def with_general_knowledge(text: str, note: str, separator: str) -> str:
    """`text` followed by the general-knowledge mark for `note` (unchanged if no note)."""
    if not note:
        return text
    mark = GENERAL_KNOWLEDGE_LEAD + note
    return f"{text}{separator}{mark}" if text else mark


METRIC_FIELDS = (
    "key", "name", "value", "low", "high", "unit", "qualifier", "year", "start_year",
    "end_year", "source", "note", "general_knowledge",
)  # fmt: skip
CASE_FIELDS = (
    "slug", "title", "title_zh", "title_zh_note", "sector", "assistance", "start_year",
    "end_year", "ongoing", "summary", "narrative", "general_knowledge", "sources", "place",
    "actor", "metric", "perspective",
)  # fmt: skip
CASE_PLACE_FIELDS = ("place", "role")
ACTOR_FIELDS = ("key", "kind", "name", "name_zh", "name_ug", "role", "affiliation", "source")
PERSPECTIVE_FIELDS = ("key", "source", "viewpoint", "text")


def _metric(entry: _Entry) -> SeedMetric:
    entry.only(METRIC_FIELDS)
    value, low, high = entry.number("value"), entry.number("low"), entry.number("high")
    if value is None and (low is None or high is None):
        raise entry.fail("needs 'value', or both 'low' and 'high'")
    if low is not None and high is not None and low > high:
        raise entry.fail("'low' is greater than 'high'")
    return SeedMetric(
        key=entry.text("key"),
        name=entry.text("name"),
        value=value,
        low=low,
        high=high,
        unit=entry.text("unit", required=False),
        qualifier=entry.choice("qualifier", QUALIFIERS),
        year=entry.year("year"),
        start_year=entry.year("start_year"),
        end_year=entry.year("end_year"),
        source=entry.text("source"),
        note=with_general_knowledge(
            entry.text("note", required=False),
            entry.text("general_knowledge", required=False),
            "; ",
        ),
        general_knowledge=entry.text("general_knowledge", required=False),
    )


def _case(path: Path) -> SeedCase:
    top = _Entry(_read(path), path.name)
    top.only(CASE_FIELDS)
    slug = top.text("slug")
    forms = top.strings("assistance")
    for form in forms:
        if form not in ASSISTANCE_FORMS:
            raise top.fail(f"unknown form of assistance {form!r}")
    places = []
    for i, raw in enumerate(top.tables("place")):
        e = _Entry(raw, f"{path.name} place #{i + 1}")
        e.only(CASE_PLACE_FIELDS)
        places.append({"place": e.text("place"), "role": e.choice("role", PLACE_ROLES)})
    actors = []
    for i, raw in enumerate(top.tables("actor")):
        e = _Entry(raw, f"{path.name} actor #{i + 1}")
        e.only(ACTOR_FIELDS)
        actors.append(
            {
                "key": e.text("key"),
                "kind": e.choice("kind", ACTOR_KINDS),
                "name": e.text("name"),
                "name_zh": e.text("name_zh", required=False),
                "name_ug": e.text("name_ug", required=False),
                "role": e.text("role", required=False),
                "affiliation": e.text("affiliation", required=False),
                "source": e.text("source", required=False),
            }
        )
    metrics = [
        _metric(_Entry(raw, f"{path.name} metric #{i + 1}"))
        for i, raw in enumerate(top.tables("metric"))
    ]
    perspectives = []
    for i, raw in enumerate(top.tables("perspective")):
        e = _Entry(raw, f"{path.name} perspective #{i + 1}")
        e.only(PERSPECTIVE_FIELDS)
        perspectives.append(
            {
                "key": e.text("key"),
                "source": e.text("source"),
                "viewpoint": e.text("viewpoint", required=False),
                "text": e.text("text"),
            }
        )
    return SeedCase(
        file=path.name,
        slug=slug,
        title=top.text("title"),
        sector=top.text("sector"),
        assistance=forms,
        start_year=top.year("start_year"),
        end_year=top.year("end_year"),
        ongoing=bool(top.data.get("ongoing", False)),
        summary=top.text("summary"),
        narrative=with_general_knowledge(
            top.text("narrative", required=False),
            top.text("general_knowledge", required=False),
            "\n\n",
        ),
        sources=top.strings("sources"),
        places=places,
        actors=actors,
        metrics=metrics,
        perspectives=perspectives,
        general_knowledge=top.text("general_knowledge", required=False),
        title_zh=top.checked("title_zh", checked_title_zh),
        title_zh_note=top.checked("title_zh_note", checked_title_zh_note),
    )


def _flat_entries(path: Path, table: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    top = _Entry(_read(path), path.name)
    entries = []
    for i, raw in enumerate(top.tables(table)):
        e = _Entry(raw, f"{path.name} {table} #{i + 1}")
        e.only(fields)
        entries.append({f: e.text(f, required=f in ("key", "title", "name")) for f in fields})
    return entries


SOURCE_FIELDS = (
    "key", "title", "author", "publisher", "date", "date_note", "seed_file", "kind", "outlook",
)  # fmt: skip
# general_knowledge: which of a place's facts (the place itself, or where it
# lies) no cited article gives. Places have no note in the catalogue, so the
# mark lives in the seed; a case that relies on it says so in its own mark.
PLACE_FIELDS = ("key", "name", "name_zh", "name_ug", "level", "parent", "general_knowledge")
# Where a place lies, for the pairing map: the seat of the area's government in
# WGS 84 degrees, and a note saying which seat and where the figures come from.
PLACE_POSITION_FIELDS = ("longitude", "latitude", "position_note")


def _position(entry: _Entry) -> tuple[float | None, float | None]:
    """(longitude, latitude) of a place entry, both or neither, each within its range."""
    lon, lat = entry.number("longitude"), entry.number("latitude")
    if (lon is None) != (lat is None):
        raise entry.fail("needs both 'longitude' and 'latitude', or neither")
    if lon is not None and not -180 <= lon <= 180:
        raise entry.fail(f"'longitude' = {lon} is outside -180..180")
    if lat is not None and not -90 <= lat <= 90:
        raise entry.fail(f"'latitude' = {lat} is outside -90..90")
    return lon, lat


def _places(path: Path) -> list[dict[str, Any]]:
    top = _Entry(_read(path), path.name)
    entries: list[dict[str, Any]] = []
    for i, raw in enumerate(top.tables("place")):
        e = _Entry(raw, f"{path.name} place #{i + 1}")
        e.only(PLACE_FIELDS + PLACE_POSITION_FIELDS)
        entry: dict[str, Any] = {f: e.text(f, required=f in ("key", "name")) for f in PLACE_FIELDS}
        entry["longitude"], entry["latitude"] = _position(e)
        entry["position_note"] = e.text("position_note", required=False)
        entries.append(entry)
    return entries


def _check_references(data: SeedData) -> None:
    source_keys = {s["key"] for s in data.sources}
    place_keys = {p["key"] for p in data.places}
    for place in data.places:
        if place["level"] not in PLACE_LEVELS:
            raise SeedError(f"places.toml: {place['key']}: unknown level {place['level']!r}")
        if place["parent"] and place["parent"] not in place_keys:
            raise SeedError(f"places.toml: {place['key']}: unknown parent {place['parent']!r}")
    slugs: set[str] = set()
    for case in data.cases:
        if case.slug in slugs:
            raise SeedError(f"{case.file}: slug {case.slug!r} is used twice")
        slugs.add(case.slug)
        cited = set(case.sources)
        cited |= {m.source for m in case.metrics} | {p["source"] for p in case.perspectives}
        for key in cited - source_keys:
            raise SeedError(f"{case.file}: unknown source {key!r}")
        for link in case.places:
            if link["place"] not in place_keys:
                raise SeedError(f"{case.file}: unknown place {link['place']!r}")
        metric_keys = [m.key for m in case.metrics]
        if len(metric_keys) != len(set(metric_keys)):
            raise SeedError(f"{case.file}: two metrics share a key")


def _seed_files(folder: Path) -> list[Path]:
    return [
        folder / "sources.toml",
        folder / "places.toml",
        *sorted((folder / "cases").glob("*.toml")),
    ]


def seed_digest(folder: Path = DATA_DIR) -> str:
    """A fingerprint of the seed files: cheap, so start-up can skip unchanged seeds."""
    digest = hashlib.sha256()
    for path in _seed_files(folder):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_seed_files(folder: Path = DATA_DIR) -> SeedData:
    """Parse and check every seed file in `folder`; raise SeedError on the first problem."""
    files = _seed_files(folder)
    data = SeedData(
        sources=_flat_entries(folder / "sources.toml", "source", SOURCE_FIELDS),
        places=_places(folder / "places.toml"),
        cases=[_case(path) for path in files[2:]],
        digest=seed_digest(folder),
    )
    _check_references(data)
    return data
