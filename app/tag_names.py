"""One tag whatever the spelling: trimming, NFC normalisation, case-insensitive keys."""

from __future__ import annotations

import unicodedata

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
        raise TagNameError("A tag name needs at least one letter or digit.")
    if any(not part for part in parts):
        raise TagNameError(f"The tag {name.strip()!r} has an empty level between slashes.")
    display = "/".join(" ".join(part.split()) for part in parts)
    if len(display) > MAX_LENGTH:
        raise TagNameError(
            f"A tag name can be at most {MAX_LENGTH} characters; this one has {len(display)}."
        )
    if any(unicodedata.category(c) == "Cc" for c in display):
        raise TagNameError("A tag name cannot hold control characters such as tabs or line breaks.")
    return display, unicodedata.normalize("NFC", display.casefold())
