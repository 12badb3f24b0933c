"""The log file: a rotating file in the platform's user log folder.

`setup_logging` is called once per start by app/cli.py's `main`, for the
command line and the window alike. It records the version and each error
with its traceback; the window adds the catalogue path and Qt's warnings.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from platformdirs import user_log_path

from app import __version__
from app.paths import APP_NAME

LOG_FILENAME = "casebook.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("casebook")


class _CasebookHandler(logging.handlers.RotatingFileHandler):
    """The handler this module installs (a second setup replaces it).

    A failure to write the log (a full disk) is ignored: the log must never be
    why a command fails or prints logging's own traceback.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_folder() -> Path:
    """The platform's user log folder for Casebook (on Linux, under $XDG_STATE_HOME)."""
    return user_log_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    return log_folder() / LOG_FILENAME


def setup_logging(command: str | None = None) -> Path | None:
    """Log INFO and above to the rotating log file; return its path (None if it
    cannot be created: Casebook then runs without a log rather than not at all)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _CasebookHandler):
            root.removeHandler(handler)
            handler.close()
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _CasebookHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    log.info(
        "Casebook %s (Python %s) started: %s",
        __version__,
        sys.version.split()[0],
        command or "gui",
    )
    return path


def log_location() -> str:
    """Where the log is, for messages ("details in …")."""
    return str(log_path())
