"""A path as the user typed it, with "~" for their home folder."""

from __future__ import annotations

from pathlib import Path


def typed_path(text: str) -> Path:
    """`text` as a Path, "~" and "~user" expanded; a "~name" that names no user
    (Path.expanduser raises) stays as typed, an ordinary relative name."""
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        return path
