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
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterator
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
    """Delete the hidden parts that killed exports left in `folder`; returns those removed.

    A part is a file, or a folder for an export written as a folder.
    """
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for part in folder.glob(".*" + PART_SUFFIX):
            if _abandoned(part):
                with contextlib.suppress(OSError):
                    if part.is_dir() and not part.is_symlink():
                        shutil.rmtree(part)
                    else:
                        part.unlink()
                    removed.append(part)
    return removed


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _umask_lock:  # elsewhere the only way to read it is to set it and set it back
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def usual_mode(folder: bool = False) -> int:
    """The mode a new file (or folder) gets from the umask: 0o644 (0o755) under umask 022."""
    return (0o777 if folder else 0o666) & ~current_umask()


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
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            # A writer that made its own temporary file (mkstemp: 0o600) and moved it
            # over the part would leave the colleague unable to read the file.
            mode = usual_mode()
        os.chmod(temporary, mode)
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


@contextlib.contextmanager
def atomic_folder(path: Path, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """Yield a new empty folder beside `path`; on success it takes the place of `path`.

    For an export that is a folder of files. If the block raises, the new
    folder is removed and `path` is left as it was. An existing folder at
    `path` is replaced only when `replaceable(path)` says so (an earlier
    export of the same kind); otherwise OutputFileError, before anything is
    written. The new folder gets the usual mode (0o755 under umask 022).
    """
    path = Path(os.path.abspath(path))  # "." and "dir/.." have a name to put beside
    if path.exists() and not path.is_dir():
        raise OutputFileError(errno.EEXIST, f"{path} is a file, not a folder.")
    if path.is_dir() and not replaceable(path):
        raise OutputFileError(
            errno.ENOTEMPTY,
            f"The folder {path} already holds other files; choose a new folder name.",
        )
    if not path.parent.is_dir():
        raise OutputFileError(errno.ENOENT, _explain(path, FileNotFoundError(errno.ENOENT, "")))
    remove_abandoned_parts(path.parent)
    while True:
        temporary = path.with_name(
            f".{path.name}-{os.getpid()}-{secrets.token_hex(4)}.dir{PART_SUFFIX}"
        )
        try:
            os.mkdir(temporary, usual_mode(folder=True))
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    try:
        yield temporary
        os.chmod(temporary, usual_mode(folder=True))
        _swap_in(temporary, path)
        _sync_folder(path.parent)
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OutputFileError):
            raise
        raise OutputFileError(exc.errno, _explain(path, exc)) from exc
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _swap_in(new: Path, path: Path) -> None:
    """Put the folder `new` at `path`, the old one (if any) set aside and removed after."""
    if not path.exists():
        os.rename(new, path)
        return
    # Not named as a part: were the process killed between the two renames, the earlier
    # export would wait here, hidden, rather than be removed as an abandoned part.
    old = path.with_name(f".{path.name}-previous-{secrets.token_hex(4)}")
    os.rename(path, old)
    try:
        os.rename(new, path)
    except OSError:
        os.rename(old, path)  # put the earlier export back
        raise
    shutil.rmtree(old, ignore_errors=True)
