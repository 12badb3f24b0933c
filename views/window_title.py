"""The main window's title.

The platform (xcb, Windows) appends " — Casebook", the application's display
name, to every window title itself, so the title names only the catalogue;
"Casebook — file" would read "Casebook — file — Casebook" on screen.
"""

from __future__ import annotations

from pathlib import Path


def window_title(path: Path, state: str = "") -> str:
    """The title for the catalogue at `path`: its file name, then a state such as
    "(read-only)" when given."""
    return f"{path.name} {state}" if state else path.name
