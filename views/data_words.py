"""The catalogue's fixed words in the interface's language: a place's level, a person's or
organisation's kind, a source's kind and outlook, a perspective's viewpoint.

Only these controlled words are translated; names, titles, sectors and every
other value a user typed are shown as stored. A word not listed here (a new
kind someone typed) is shown as stored too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.translation import QT_TRANSLATE_NOOP

CONTEXT = "DataWord"

# Every level models.catalogue.PLACE_LEVELS allows.
LEVEL_NAMES = {
    "region": QT_TRANSLATE_NOOP("DataWord", "region"),
    "province": QT_TRANSLATE_NOOP("DataWord", "province"),
    "municipality": QT_TRANSLATE_NOOP("DataWord", "municipality"),
    "prefecture": QT_TRANSLATE_NOOP("DataWord", "prefecture"),
    "city": QT_TRANSLATE_NOOP("DataWord", "city"),
    "county": QT_TRANSLATE_NOOP("DataWord", "county"),
    "district": QT_TRANSLATE_NOOP("DataWord", "district"),
    "township": QT_TRANSLATE_NOOP("DataWord", "township"),
    "village": QT_TRANSLATE_NOOP("DataWord", "village"),
}
# Every kind models.catalogue.ACTOR_KINDS allows, and the words the seed uses for
# sources' kinds and outlooks and for perspectives' viewpoints.
OTHER_WORDS = {
    "person": QT_TRANSLATE_NOOP("DataWord", "person"),
    "organisation": QT_TRANSLATE_NOOP("DataWord", "organisation"),
    "feature": QT_TRANSLATE_NOOP("DataWord", "feature"),
    "news report": QT_TRANSLATE_NOOP("DataWord", "news report"),
    "news analysis": QT_TRANSLATE_NOOP("DataWord", "news analysis"),
    "official": QT_TRANSLATE_NOOP("DataWord", "official"),
    "critical": QT_TRANSLATE_NOOP("DataWord", "critical"),
    "supportive": QT_TRANSLATE_NOOP("DataWord", "supportive"),
    "mixed": QT_TRANSLATE_NOOP("DataWord", "mixed"),
}
WORDS = {**LEVEL_NAMES, **OTHER_WORDS}


def data_word(word: str) -> str:
    """`word` in the interface's language if it is one of the catalogue's fixed words."""
    known = WORDS.get(word.strip().casefold())
    return QCoreApplication.translate(CONTEXT, known) if known else word


def level_name(level: str) -> str:
    """A place's level as the interface names it."""
    return data_word(level)
