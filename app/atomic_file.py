"""Writing a file so that a failure never leaves a half file over a good one.

The new file is written as a hidden part beside the target,
".NAME-PID-TOKEN.xlsx.part", and renamed over the target when complete.
An export killed half-way leaves its part behind; the next export into the
same folder removes the parts whose process is gone, and only those: a part
whose process still runs (by its pid on this machine, and by the lock it
holds on the file, which also covers another machine writing into a shared
folder) is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

PART_SUFFIX = ".part"
# ".NAME-PID-TOKEN.xlsx.part", as `_part_path` names them.
_PART = re.compile(r"^\..+-(?P<pid>\d+)-[0-9a-f]{8}\.[^.]+\.part$")
# ".NAME-XXXXXXXX.xlsx.part": tempfile.mkstemp's names, from versions before the pid was kept.
_OLD_PART = re.compile(r"^\..+-[a-z0-9_]{8}\.[^.]+\.part$")
OLD_PART_AGE = 24 * 3600  # seconds: no export runs that long


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


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when unsure).

    On Windows os.kill would end the process, so it is not asked there; the
    running export holds its part open, and Windows refuses to delete an open file.
    """
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, OSError):
        return True  # another user's process, or a pid we cannot ask about
    return True


def _locked(part: Path) -> bool:
    """Whether a running export holds the lock on `part` (False where locks are unknown)."""
    if fcntl is None:
        return False
    try:
        descriptor = os.open(part, os.O_RDONLY)
    except OSError:
        return True  # cannot tell: leave it
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)  # also releases the lock just taken
    return False


def _abandoned(part: Path) -> bool:
    """Whether `part` is a leftover of an export that no longer runs."""
    match = _PART.match(part.name)
    if match is not None:
        return not _process_alive(int(match["pid"])) and not _locked(part)
    if _OLD_PART.match(part.name):
        with contextlib.suppress(OSError):
            return time.time() - part.stat().st_mtime > OLD_PART_AGE and not _locked(part)
    return False


def remove_abandoned_parts(folder: Path) -> list[Path]:
    """Delete the hidden parts that killed exports left in `folder`; returns those removed."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for part in folder.glob(".*" + PART_SUFFIX):
            if _abandoned(part):
                with contextlib.suppress(OSError):
                    part.unlink()
                    removed.append(part)
    return removed


def _create_part(path: Path) -> tuple[Path, int]:
    """A new, empty, locked part beside `path`, and its open descriptor.

    Created with mode 0o666 less the umask, as any new file is (not mkstemp's 0o600).
    """
    while True:
        part = path.with_name(
            f".{path.stem}-{os.getpid()}-{secrets.token_hex(4)}{path.suffix}{PART_SUFFIX}"
        )
        try:
            descriptor = os.open(part, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return part, descriptor


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success move it into place.

    The temporary file lives in the same folder so the final rename is atomic.
    If the block raises (an error, or a cancel), the temporary file is removed
    and any existing file at `path` is left exactly as it was.

    An existing file keeps its permissions; a new one gets the usual ones
    (0o666 less the umask). When `path` is a symbolic link the file it points
    to is written, and the link stays a link.
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise OutputFileError(errno.EISDIR, f"{path} is a folder.")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputFileError(errno.EACCES, _explain(path, PermissionError(errno.EACCES, "")))
    remove_abandoned_parts(path.parent)
    try:
        temporary, descriptor = _create_part(path)
    except OSError as exc:
        raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    lock = _Lock(descriptor)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        lock.release()  # Windows renames no open file; the pid in the name still guards it
        os.replace(temporary, path)
        _sync_folder(path.parent)
    except OSError as exc:
        lock.release()
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OutputFileError):
            raise
        raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    except BaseException:
        lock.release()
        temporary.unlink(missing_ok=True)
        raise


class _Lock:
    """The part's open descriptor, holding its lock until released (once)."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor: int | None = descriptor

    def release(self) -> None:
        if self.descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self.descriptor)
            self.descriptor = None
