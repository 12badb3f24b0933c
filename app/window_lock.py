"""The single-window lock: a QLockFile beside the catalogue's real file.

Only QtCore: the command line uses it too (to refuse a restore under an open
window) without needing a screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_STALE_MS = 0  # a lock left by a crashed Casebook is detected by its dead PID


def lock_for(path: Path) -> QLockFile:
    """The lock of the catalogue at `path`, beside the real file: a symlink or
    another spelling of the path gets the same lock."""
    real = path.resolve()
    lock = QLockFile(str(real.with_name(real.name + ".lock")))
    lock.setStaleLockTime(LOCK_STALE_MS)
    return lock


def take_lock(path: Path, wait_ms: int = 100) -> tuple[QLockFile | None, bool]:
    """Try to lock the catalogue at `path` for one window.

    Returns (the lock, True) when taken; (None, False) when another Casebook
    holds it; (None, True) when no lock file can be made (a read-only folder or
    disk): such a catalogue opens read-only, where a second window does no harm.
    """
    lock = lock_for(path)
    if lock.tryLock(wait_ms):
        return lock, True
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None, False
    return None, True


def held_by_another(path: Path) -> bool:
    """Whether a running Casebook window holds the lock of the catalogue at `path`."""
    lock, free = take_lock(path, 0)
    if lock is not None:
        lock.unlock()
    return not free
