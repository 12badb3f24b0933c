"""Writing a file so that a failure never leaves a half file over a good one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


class OutputFileError(OSError):
    """The target cannot be written; the message is for the user."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def _explain(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return f"The folder {path.parent} does not exist."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write {path}: it or its folder is read-only, or locked by another program."
    if exc.errno == errno.ENOSPC:
        return f"Cannot write {path}: the disk is full."
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder."
    return f"Cannot write {path}: {exc.strerror or exc}."


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success move it into place.

    The temporary file lives in the same folder so the final rename is atomic.
    If the block raises (an error, or a cancel), the temporary file is removed
    and any existing file at `path` is left exactly as it was.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputFileError(errno.EISDIR, f"{path} is a folder.")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputFileError(errno.EACCES, _explain(path, PermissionError(errno.EACCES, "")))
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=path.suffix + ".part", dir=path.parent
        )
    except OSError as exc:
        raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OutputFileError):
            raise
        raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
