"""Small tmpfs mounts for full-disk and read-only-disk tests (root only, as in CI)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    """Mount a tmpfs of `size` at `where`; skip the test where mounting is impossible."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def fill(where: Path) -> None:
    """Fill the file system at `where` up to the last byte (files `filler*`)."""
    for name, block in (("filler", 64 * 1024), ("filler2", 1)):
        try:
            with (where / name).open("wb", buffering=0) as handle:
                while True:
                    handle.write(b"\0" * block)
        except OSError:
            pass
