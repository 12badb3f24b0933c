"""User text shown literally where Qt guesses whether text is HTML.

Tooltips, message boxes and labels treat a string that looks like markup
("<b>…", "<img src=…>") as rich text. A title, tag or note could hold such
text, so it is escaped and marked as rich text on purpose, which shows it
exactly as typed.
"""

from __future__ import annotations

import html


def literal(text: str) -> str:
    """`text` as rich text that displays exactly as written (line breaks kept)."""
    return f'<p style="white-space: pre-wrap">{html.escape(text)}</p>'
