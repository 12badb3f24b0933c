"""Who is writing: the name new notes and highlights are signed with."""

from __future__ import annotations

import getpass
import os

AUTHOR_LIMIT = 200


def default_author() -> str:
    """$CASEBOOK_AUTHOR, else the login name, else "" (never raises)."""
    name = os.environ.get("CASEBOOK_AUTHOR", "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no login name (a container, an odd uid): unsigned
            name = ""
    return checked_author(name)


def checked_author(name: str) -> str:
    """A name as stored: one line, single spaces, at most 200 characters."""
    return " ".join(name.split())[:AUTHOR_LIMIT]
