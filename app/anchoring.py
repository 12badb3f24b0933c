"""Finding a highlighted passage again after the text around it was edited.

A highlight stores its offsets, the quoted text, and some context before and
after it (the approach of the W3C Web Annotation "text quote selector", which
Hypothesis uses). To re-anchor:

1. if the offsets still hold the quote, nothing moved;
2. else every exact occurrence of the quote is scored by how much of the
   stored context surrounds it and how near it is to the old place;
3. else the quote's first and last 32 characters are looked for with Google's
   diff-match-patch fuzzy matcher near the old place, and the passage between
   them is accepted if it is still close to the quote;
4. else the highlight is orphaned: the caller keeps it, marked, with its quote.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

CONTEXT = 32
MATCH_BITS = 32  # diff-match-patch's pattern limit
MIN_FUZZY_LENGTH = 8  # shorter quotes are only ever matched exactly
MIN_SIMILARITY = 0.75


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor for text[start:end], with its context."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside a text of {len(text)} characters")
    prefix = text[max(0, start - CONTEXT) : start]
    return Anchor(start, end, text[start:end], prefix, text[end : end + CONTEXT])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _exact(text: str, old: Anchor) -> int | None:
    best: tuple[int, int, int] | None = None
    at = text.find(old.quote)
    while at >= 0:
        end = at + len(old.quote)
        context = _common_suffix(text[max(0, at - CONTEXT) : at], old.prefix) + _common_prefix(
            text[end : end + CONTEXT], old.suffix
        )
        score = (context, -abs(at - old.start), at)
        if best is None or score > best:
            best = score
        at = text.find(old.quote, at + 1)
    return None if best is None else best[2]


def _fuzzy(text: str, old: Anchor) -> tuple[int, int] | None:
    if len(old.quote) < MIN_FUZZY_LENGTH:
        return None
    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.4
    dmp.Match_Distance = 5000
    head = old.quote[:MATCH_BITS]
    start = dmp.match_main(text, head, min(old.start, len(text)))
    if start < 0:
        return None
    # The matcher places a pattern's first character best, so the tail is
    # matched in the reversed text, where its first character is the end.
    tail = old.quote[-MATCH_BITS:][::-1]
    expected_end = min(start + len(old.quote), len(text))
    at = dmp.match_main(text[::-1], tail, len(text) - expected_end)
    if at < 0:
        return None
    end = len(text) - at
    if end <= start:
        return None
    similarity = difflib.SequenceMatcher(None, old.quote, text[start:end], autojunk=False).ratio()
    return (start, end) if similarity >= MIN_SIMILARITY else None


def reanchor(text: str, old: Anchor) -> Anchor | None:
    """Where `old` is in the edited `text` now, or None if its passage is gone."""
    if text[old.start : old.end] == old.quote and old.quote:
        return anchor_at(text, old.start, old.end)
    if old.quote:
        at = _exact(text, old)
        if at is not None:
            return anchor_at(text, at, at + len(old.quote))
    span = _fuzzy(text, old)
    return anchor_at(text, *span) if span else None
