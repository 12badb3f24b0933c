"""Icons, the .desktop file and screenshots; `resource_path` finds them installed or not."""

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return RESOURCE_DIR.joinpath(*parts)
