"""One tag whatever the spelling: trimming, NFC normalisation, case-insensitive keys."""

from __future__ import annotations

import unicodedata

from app.messages import QT_TRANSLATE_NOOP

MAX_LENGTH = 200


class TagNameError(ValueError):
    """A tag name that cannot be used; the message is for the user."""


def normalise_tag_name(name: str) -> tuple[str, str]:
    """(display name, key) for `name`.

    The display keeps the user's spelling, trimmed and NFC-normalised, with
    spaces around each "/" removed; the key is its case-folded form, which is
    what makes " Tea ", "tea" and "TEA" the same tag.
    """
    text = unicodedata.normalize("NFC", name).strip()
    parts = [part.strip() for part in text.split("/")]
    if not text or all(not part for part in parts):
        raise TagNameError(
            QT_TRANSLATE_NOOP("TagNames", "A tag name needs at least one letter or digit.")
        )
    if any(not part for part in parts):
        raise TagNameError(
            QT_TRANSLATE_NOOP("TagNames", "The tag %1 has an empty level between slashes.").arg(
                repr(name.strip())
            )
        )
    display = "/".join(" ".join(part.split()) for part in parts)
    if len(display) > MAX_LENGTH:
        raise TagNameError(
            QT_TRANSLATE_NOOP(
                "TagNames", "A tag name can be at most %1 characters; this one has %2."
            ).arg(MAX_LENGTH, len(display))
        )
    if any(unicodedata.category(c) == "Cc" for c in display):
        raise TagNameError(
            QT_TRANSLATE_NOOP(
                "TagNames", "A tag name cannot hold control characters such as tabs or line breaks."
            )
        )
    return display, unicodedata.normalize("NFC", display.casefold())
