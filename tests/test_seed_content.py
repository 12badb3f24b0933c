"""The seed's prose and figures say what the articles say (issue 14's fact-check).

One test per corrected file, each guarding the corrections a later edit could
undo: a qualifier, a year, a credited source, a phrase that must not come back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from seed.schema import (
    GENERAL_KNOWLEDGE_LEAD,
    SeedCase,
    SeedData,
    SeedError,
    SeedMetric,
    load_seed_files,
)

from .conftest import FIXTURE_SEED

DATA = load_seed_files()
MONTH_DAY = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December) \d"
)


def _case(slug: str, data: SeedData = DATA) -> SeedCase:
    return next(c for c in data.cases if c.slug == slug)


def _metric(case: SeedCase, key: str) -> SeedMetric:
    return next(m for m in case.metrics if m.key == key)


def _view(case: SeedCase, key: str) -> str:
    return next(p["text"] for p in case.perspectives if p["key"] == key)


def _prose(case: SeedCase) -> str:
    """Every sentence of our own about a case: texts, roles, figure names and notes."""
    parts = [case.title, case.summary, case.narrative]
    parts += [p["text"] for p in case.perspectives]
    parts += [a["role"] for a in case.actors]
    parts += [f"{m.name} {m.note}" for m in case.metrics]
    return "\n".join(parts)


def _sentences_with(text: str, word: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+", text) if word in s]


def _absent(case: SeedCase, *phrases: str) -> None:
    prose = _prose(case)
    for phrase in phrases:
        assert phrase not in prose, f"{case.slug}: {phrase!r} came back"


def test_brick_tea() -> None:
    case = _case("changshengchuan-brick-tea-bortala")
    founding = _metric(case, "founding-period")
    assert founding.qualifier == "about" and (founding.low, founding.high) == (1368, 1644)
    assert "2018" not in _metric(case, "bortala-sales-start").note
    training = _metric(case, "training-sessions-per-year")
    assert (training.year, training.start_year, training.end_year) == (None, None, None)
    _absent(
        case,
        "deputy research director",
        "designated maker of specialty goods for ethnic minority areas",
        "part of Hubei's pairing assistance",
        "at the start of the partnership",
        "Uygur",
    )
    for sentence in _sentences_with(case.narrative, "e-commerce"):
        assert "Jian" not in sentence and "reporter" in sentence
    assert "deputy director" in _view(case, "company-account")


def test_jade_carving() -> None:
    case = _case("yangzhou-hotan-jade-carving")
    workshop = _metric(case, "workshop-founded")
    assert workshop.qualifier == "about" and (workshop.low, workshop.high) == (1980, 1989)
    _absent(case, "one of the oldest", "Uygur")


def test_programme_figures() -> None:
    case = _case("pairing-assistance-programme")
    income = _metric(case, "transferred-worker-income")
    assert income.year is None and "no year" in income.note
    assert _metric(case, "gdp-multiple-since-2012").qualifier == "about"
    population = _metric(case, "population-growth")
    assert (population.start_year, population.end_year) == (2010, 2020)
    assert "headline" in population.name and "census" in population.name
    assert population.general_knowledge and GENERAL_KNOWLEDGE_LEAD in population.note


def test_programme_prose_keeps_both_sides_and_the_right_speakers() -> None:
    case = _case("pairing-assistance-programme")
    _absent(
        case,
        "consistently rejected all of these allegations",
        "consistently rejects",
        'abandoned "ghost cities"',
        "whose conditions, it says, included",
        "instruction in the common language",
        "worries raised by critics and observers",
    )
    labour = _view(case, "labour-transfer")
    assert "chose to work" in labour and "little access" in labour
    assert "cultural assimilation" in labour
    economics = _view(case, "critical-analysis-economics")
    assert "not stable enough" in economics and "ghost cities" in economics
    for text in (_view(case, "white-paper-report-concerns"), case.narrative):
        (critics,) = _sentences_with(text, "critics")
        assert "religious, cultural and political freedoms" in critics
        assert "central transfers" not in critics and "In its own list of risks" in text


def test_textile_park_credits_only_the_investment_to_economic_daily() -> None:
    case = _case("guangdong-textile-park-tumshuq")
    role = next(a["role"] for a in case.actors if a["key"] == "economic-daily")
    assert "3.94 billion" in role and "sales" not in role and "staff" not in role
    for text in (case.summary, case.narrative, _view(case, "state-media-figures")):
        for sentence in _sentences_with(text, "Economic Daily"):
            assert "1.75" not in sentence and "4,168" not in sentence, sentence
    assert "no source" in _metric(case, "sales-2020").note
    _absent(case, "main example", "signs of industrial development", "consistently rejected")


def test_bortala_polytechnic() -> None:
    case = _case("bortala-polytechnic")
    assert "most of its teachers come from Hubei under the pairing programme" not in case.summary
    assert "21" in case.summary and "639" in case.summary and "magazine says" in case.summary
    _absent(case, "is supported by two Hubei colleges", "has support from two Hubei colleges")
    assert "Yichang" in case.general_knowledge and GENERAL_KNOWLEDGE_LEAD in case.narrative


def test_jin_embroidery_credits_each_figure_to_who_gave_it() -> None:
    case = _case("jin-embroidery-wujiaqu")
    _absent(
        case,
        "All of the figures in this entry come from He Zhijian",
        "rather than a replacement",
        "wedding gift",
        "According to He, the Wujiaqu embroiderers",
    )
    (geometric,) = _sentences_with(case.narrative, "geometric")
    assert "reporter" in geometric
    assert "given by the reporter" in case.narrative
    for key in ("cooperative-embroiderers", "average-annual-income"):
        assert "He Zhijian" in _metric(case, key).note


def test_makit_farmer_painting() -> None:
    case = _case("makit-farmer-painting-lacquer")
    _absent(case, "Kashgar", "associated with lacquer", "materials used in lacquer work",
            "alkaline powder and eggshell")  # fmt: skip
    makit = next(p for p in DATA.places if p["key"] == "makit")
    assert "Kashgar" in makit["general_knowledge"]


def test_jiangguoguo() -> None:
    case = _case("jiangguoguo-kashgar")
    _absent(case, "from Guangdong that year", "processes", "grew out of the pairing programme",
            "Uygur")  # fmt: skip


def test_xinchengximen_marks_where_shibadong_lies_as_general_knowledge() -> None:
    case = _case("xinchengximen-village-shibadong")
    text, _, mark = case.narrative.partition(GENERAL_KNOWLEDGE_LEAD)
    assert "Huayuan" not in text and "Hunan" not in text
    assert "Huayuan" in mark and "Hunan" in mark


def test_sadikhjan_follows_the_reports_wording() -> None:
    case = _case("sadikhjan-oil-plant-shufu")
    _absent(case, "the province designated to help the county", "assigned to help", "classed")
    assert '"designated to help the county"' in case.summary
    assert "2021-03-19" in _metric(case, "employees").note


def test_futa_marks_futian_as_general_knowledge() -> None:
    assert "Shenzhen" in _case("futa-photovoltaic-station").general_knowledge


def test_sources_use_one_date_format() -> None:
    for source in DATA.sources:
        assert source["date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["date"])
        assert not re.search(MONTH_DAY, source["date_note"]), source["key"]


def test_our_own_text_spells_uyghur_one_way() -> None:
    for case in DATA.cases:
        assert "Uygur" not in _prose(case), case.slug


def test_places_from_general_knowledge_are_marked() -> None:
    marked = {p["key"] for p in DATA.places if p["general_knowledge"]}
    assert {"xinzhou", "fanshi", "yichang", "yangzhou", "hunan", "xiangxi", "huayuan",
            "shibadong", "makit"} <= marked  # fmt: skip
    yangzhou = next(p for p in DATA.places if p["key"] == "yangzhou")
    assert "Jiangsu" in yangzhou["general_knowledge"]


def test_a_general_knowledge_note_is_shown_after_the_text_and_the_note(tmp_path: Path) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(FIXTURE_SEED, folder)
    alpha = folder / "cases" / "alpha.toml"
    text = alpha.read_text(encoding="utf-8")
    text = text.replace(
        'sources = ["report-a"]',
        'general_knowledge = "Wuhan is in Hubei."\nsources = ["report-a"]',
        1,
    )
    text = text.replace('note = ""', 'note = ""\ngeneral_knowledge = "the year is inferred"', 1)
    alpha.write_text(text, encoding="utf-8")
    case = _case("alpha", load_seed_files(folder))
    assert case.narrative.endswith(
        f"Second paragraph.\n\n{GENERAL_KNOWLEDGE_LEAD}Wuhan is in Hubei."
    )
    assert case.metrics[0].note == f"{GENERAL_KNOWLEDGE_LEAD}the year is inferred"  # fmt: skip


@pytest.mark.parametrize(
    ("file", "old", "new", "where"),
    [
        ("cases/alpha.toml", "summary =", "sumary = 'x'\nsummary =", "alpha.toml"),
        ("cases/alpha.toml", 'note = ""', 'note = ""\ngeneral_knowlege = "x"', "metric #1"),
        ("places.toml", 'parent = ""', 'parent = ""\ngeneral_knowlege = "x"', "place #1"),
    ],
)
def test_a_misspelt_seed_field_is_refused(
    tmp_path: Path, file: str, old: str, new: str, where: str
) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(FIXTURE_SEED, folder)
    path = folder / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(
        SeedError, match=rf"{re.escape(where)}.*unknown field '(sumary|general_knowlege)'"
    ):
        load_seed_files(folder)


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def test_every_case_has_a_chinese_title_and_says_where_it_comes_from() -> None:
    """Issue 8: a Chinese reader finds each case by its Chinese name. The articles are in
    English and give no Chinese titles, so each one is marked as Casebook's translation."""
    for case in DATA.cases:
        assert HAN.search(case.title_zh), case.slug
        assert not re.search(r"[A-Za-z]", case.title_zh), case.slug
        assert case.title_zh_note.startswith("Casebook's translation"), case.slug
    assert "晋绣" in _case("jin-embroidery-wujiaqu").title_zh
    assert "五家渠" in _case("jin-embroidery-wujiaqu").title_zh
    assert "和田玉" in _case("yangzhou-hotan-jade-carving").title_zh
    for slug, name in (
        ("changshengchuan-brick-tea-bortala", "博尔塔拉"),
        ("futa-photovoltaic-station", "塔什库尔干"),
        ("guangdong-textile-park-tumshuq", "图木舒克"),
        ("jiangsu-sock-plant-tumshuq", "图木舒克"),
        ("jiangguoguo-kashgar", "喀什"),
        ("sadikhjan-oil-plant-shufu", "疏附"),
        ("makit-farmer-painting-lacquer", "麦盖提"),
        ("xinchengximen-village-shibadong", "十八洞村"),
    ):
        assert name in _case(slug).title_zh, slug
