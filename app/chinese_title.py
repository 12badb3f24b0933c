"""A case study's Chinese title and the note on where it comes from: one check for all.

The editor, the Excel import and the seed loader read these two fields with
the functions here, so a title one of them accepts the others accept too,
and an accepted title survives saving, export and import unchanged.

Both fields are optional (blank is fine). Each is trimmed, and refused when
it is too long for its column or holds a character that has no place in a
one-line title and that a workbook cannot carry: control characters (tabs,
line breaks and the like), line and paragraph separators, lone surrogates,
and U+FFFE/U+FFFF.
"""

from __future__ import annotations

import unicodedata

from app.messages import QT_TRANSLATE_NOOP, Message
from app.validation import FieldValueError

TITLE_ZH_LIMIT = 300  # CaseStudy.title_zh is String(300)
TITLE_ZH_NOTE_LIMIT = 200  # CaseStudy.title_zh_note is String(200)
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_NONCHARACTERS = frozenset("\ufffe\uffff")
_TITLE = QT_TRANSLATE_NOOP("ChineseTitle", "The Chinese title")
_NOTE = QT_TRANSLATE_NOOP("ChineseTitle", "The note on the Chinese title")


def _checked(text: str, label: Message, limit: int) -> str:
    if any(c in _NONCHARACTERS or unicodedata.category(c) in _REFUSED_CATEGORIES for c in text):
        raise FieldValueError(
            QT_TRANSLATE_NOOP(
                "ChineseTitle", "%1 cannot hold control characters such as tabs or line breaks."
            ).arg(label)
        )
    value = text.strip()
    if len(value) > limit:
        raise FieldValueError(
            QT_TRANSLATE_NOOP(
                "ChineseTitle", "%1 can be at most %2 characters; this one has %3."
            ).arg(label, limit, len(value))
        )
    return value


def checked_title_zh(text: str) -> str:
    """The Chinese title as stored: `text` trimmed. Raises FieldValueError (for the user)."""
    return _checked(text, _TITLE, TITLE_ZH_LIMIT)


def checked_title_zh_note(text: str) -> str:
    """The note on the Chinese title as stored: `text` trimmed. Raises FieldValueError."""
    return _checked(text, _NOTE, TITLE_ZH_NOTE_LIMIT)
