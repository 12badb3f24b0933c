"""The note conflict dialog's marks: the words each side has and the other lacks."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from views.note_conflict_dialog import MARK, marked_html

_TAG = re.compile(r"<[^>]*>")


def _plain(marked: str) -> str:
    return html.unescape(_TAG.sub("", marked))


def _marked_words(marked: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(f'<span style="{MARK}">(.*?)</span>', marked)]


def test_the_words_that_differ_are_marked_on_each_side() -> None:
    yours, theirs = marked_html("Ask the teachers in Kashgar.", "Ask the doctors in Kashgar.")
    assert _marked_words(yours) == ["teachers"]
    assert _marked_words(theirs) == ["doctors"]
    same, _ = marked_html("no change", "no change")
    assert _marked_words(same) == []


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_each_side_shows_its_own_text_whole(yours: str, theirs: str) -> None:
    shown_yours, shown_theirs = marked_html(yours, theirs)
    assert _plain(shown_yours) == yours
    assert _plain(shown_theirs) == theirs


def test_chinese_is_compared_character_by_character() -> None:
    yours, theirs = marked_html("援疆教师在喀什任教", "援疆医生在喀什任教")
    assert _marked_words(yours) == ["教师"]
    assert _marked_words(theirs) == ["医生"]
