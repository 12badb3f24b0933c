"""How text becomes index terms, the same way for what is stored and what is asked.

FTS5's unicode61 tokenizer splits Latin and Uyghur text into words, folding
case and diacritics, but keeps a run of Chinese characters as one long token,
so 刺绣 inside 晋绣刺绣工坊 could never be found. Before text reaches the
index, each run of Han characters is therefore written as its overlapping
pairs (晋绣 绣刺 刺绣 …, at consecutive positions so phrases of pairs work),
and the run's single characters are added after the field's text. A query
is cut the same way: one character looks up the singles, two a pair, three
or more a phrase of pairs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# CJK ideographs (with extensions and compatibility forms) and kana: scripts
# written without spaces between words.
_UNSPACED = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f"
)
UNSPACED_RUN = re.compile(f"[{_UNSPACED}]+")
HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
# What unicode61 keeps inside a token (letters, numbers, private use); the
# rest separates tokens. Mirrored here to find matches for snippets.
WORD = re.compile(r"[^\W_]+|[\u0300-\u036f]+")

SINGLES_MARK = " \u2029 "  # a paragraph separator: never part of a token


def normalise(text: str) -> str:
    """NFKC, so full-width letters and composed accents index as their plain forms."""
    return unicodedata.normalize("NFKC", text)


def pairs(run: str) -> list[str]:
    """The overlapping pairs of a run of characters; the run itself when it has one."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """`text` as the index should read it: unspaced runs as pairs, then their single characters."""
    text = normalise(text)
    if not HAS_UNSPACED.search(text):
        return text
    singles: dict[str, None] = {}

    def cut(match: re.Match[str]) -> str:
        run = match.group()
        singles.update(dict.fromkeys(run))
        return " " + " ".join(pairs(run)) + " "

    return UNSPACED_RUN.sub(cut, text) + SINGLES_MARK + " ".join(singles)


def query_text(term: str) -> str:
    """One query term as the index holds it: a single character alone, longer runs as pairs."""
    term = normalise(term)
    return UNSPACED_RUN.sub(lambda m: " " + " ".join(pairs(m.group())) + " ", term).strip()


def fold(text: str) -> str:
    """Case- and accent-free text, for comparing a query with stored words as unicode61 does."""
    decomposed = unicodedata.normalize("NFKD", normalise(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Administrative and ethnic words a place's Chinese name ends with, longest
# first: 喀什地区 is also found as "kashi", 博尔塔拉蒙古自治州 as "boertala".
_NAME_ENDINGS = (
    "自治州", "自治县", "自治区", "地区", "蒙古", "哈萨克", "柯尔克孜", "塔吉克", "维吾尔",
    "回族", "锡伯", "省", "市", "县", "区", "州", "镇", "乡", "村",
)  # fmt: skip


def name_stem(name: str) -> str:
    """A Chinese place name without its administrative endings (喀什地区 → 喀什)."""
    stem = name.strip()
    changed = True
    while changed:
        changed = False
        for ending in _NAME_ENDINGS:
            if stem.endswith(ending) and len(stem) > len(ending) + 1:
                stem = stem[: -len(ending)]
                changed = True
    return stem


@lru_cache(maxsize=4096)
def pinyin(name: str) -> str:
    """The toneless pinyin of a Chinese name run together, also without its endings, or "".

    "kashidiqu kashi" for 喀什地区, so a reader without a Chinese keyboard finds it.
    """
    if not HAS_UNSPACED.search(name):
        return ""
    from pypinyin import lazy_pinyin  # a large dictionary: loaded only when a name needs it

    def spelled(text: str) -> str:
        # One syllable per character; in place names 什 reads shí (喀什, 塔什库尔干).
        chinese = "".join(HAS_UNSPACED.findall(text))
        syllables = lazy_pinyin(chinese, errors="ignore")
        return "".join(
            "shi" if char == "什" else syllable
            for char, syllable in zip(chinese, syllables, strict=False)
        )

    forms = dict.fromkeys(spelled(n) for n in (name, name_stem(name)))
    return " ".join(f for f in forms if f)
