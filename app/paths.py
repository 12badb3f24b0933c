"""Where the catalogue lives: --db, then $CASEBOOK_DB, then the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from app.typed_path import typed_path

APP_NAME = "Casebook"
DB_FILENAME = "casebook.sqlite3"
DB_ENV_VAR = "CASEBOOK_DB"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(cli_value: str | None = None) -> Path:
    """The catalogue file to use, from the command line, the environment or the default."""
    chosen = cli_value or os.environ.get(DB_ENV_VAR) or ""
    if chosen:
        return typed_path(chosen)
    return default_db_path()
