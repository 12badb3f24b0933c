"""Automatic and on-demand backups of a catalogue, and restoring one.

Backups are whole copies made with SQLite's online backup API (consistent
even while the catalogue is in use), kept in a `backups/` folder beside the
catalogue and named `<catalogue stem>-<UTC time>[-<kind>]<suffix>`, e.g.
`casebook-20261125T123456Z.sqlite3`. Each is written under a temporary name
and renamed when complete, so a crash never leaves half a backup under a
backup's name.

Automatic backups ("auto") are made at most once a day when a catalogue is
opened for writing, and when the window quits after changes; they are
rotated: the newest of each of the last 7 days and of each of the last 4
weeks are kept. Backups made on demand ("manual") and before a restore
("before-restore") are never deleted by the rotation.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.messages import QT_TRANSLATE_NOOP
from models.engine import CatalogueError, connect_for_check, connect_read_only, inspect_file

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
AUTO, MANUAL, BEFORE_RESTORE = "auto", "manual", "before-restore"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_INTERVAL = timedelta(days=1)
PARTIAL_SUFFIX = ".partial"


class BackupError(CatalogueError):
    """A backup cannot be made, read or restored; the message is for the user."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken (UTC), its kind, size, and what it holds.

    `cases` and `notes` are None when the file cannot be read.
    """

    path: Path
    taken: datetime
    kind: str
    size: int
    cases: int | None
    notes: int | None

    @property
    def when_text(self) -> str:
        return self.taken.astimezone().strftime("%Y-%m-%d %H:%M")


def backup_folder(catalogue: Path) -> Path:
    return catalogue.parent / BACKUP_FOLDER


def _name_pattern(catalogue: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(catalogue.stem)}-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?"
        rf"(?:-({MANUAL}|{BEFORE_RESTORE}))?{re.escape(catalogue.suffix)}$"
    )


def _new_backup_path(catalogue: Path, kind: str, now: datetime) -> Path:
    folder = backup_folder(catalogue)
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    tail = "" if kind == AUTO else f"-{kind}"
    candidate = folder / f"{catalogue.stem}-{stamp}{tail}{catalogue.suffix}"
    number = 1
    while candidate.exists():  # two backups in one second: number the later ones
        number += 1
        candidate = folder / f"{catalogue.stem}-{stamp}-{number}{tail}{catalogue.suffix}"
    return candidate


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at `source` to `target` with the backup API, atomically.

    Written to a temporary name beside `target`, synced and renamed: `target`
    is either absent or complete. The copy is switched out of WAL mode so it is
    one self-contained file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}{PARTIAL_SUFFIX}")
    try:
        src = connect_read_only(source)
        try:
            dest = sqlite3.connect(partial)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_backup(
    catalogue: Path, target: Path | None = None, kind: str = MANUAL, now: datetime | None = None
) -> Path:
    """Back up `catalogue` to `target` (default: a new file in its backups folder).

    Raises BackupError with a one-line message.
    """
    when = now or datetime.now(UTC)
    destination = target or _new_backup_path(catalogue, kind, when)
    try:
        copy_database(catalogue, destination)
    except (OSError, sqlite3.Error) as exc:
        from app.db_errors import user_message

        said = user_message(exc, destination) or str(exc).splitlines()[0]
        raise BackupError(
            QT_TRANSLATE_NOOP("Backups", "Could not back up %1 to %2: %3").arg(
                catalogue, destination, said
            )
        ) from exc
    log.info("backed up %s to %s", catalogue, destination)
    return destination


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        conn = connect_read_only(path, timeout_ms=0)
    except sqlite3.Error:
        return None, None
    try:
        cases = conn.execute("SELECT count(*) FROM case_study").fetchone()[0]
        notes = conn.execute("SELECT count(*) FROM note").fetchone()[0]
        return int(cases), int(notes)
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()


def _backup_files(catalogue: Path) -> list[tuple[Path, datetime, str]]:
    folder = backup_folder(catalogue)
    pattern = _name_pattern(catalogue)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        taken = datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
        found.append((entry, taken, match.group(3) or AUTO))
    found.sort(key=lambda item: (item[1], _mtime(item[0])), reverse=True)
    return found


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def list_backups(catalogue: Path, with_counts: bool = True) -> list[BackupInfo]:
    """The backups of `catalogue`, newest first."""
    result = []
    for path, taken, kind in _backup_files(catalogue):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        cases, notes = _counts(path) if with_counts else (None, None)
        result.append(BackupInfo(path, taken, kind, size, cases, notes))
    return result


def backup_problem(backup: Path) -> str | None:
    """Why `backup` cannot be restored, in one line, or None if it is a good catalogue."""
    try:
        state = inspect_file(backup)
    except CatalogueError as exc:
        return str(exc)
    if state.damage is not None:
        return f"{backup} is damaged ({state.damage})."
    if state.version == 0:
        return f"{backup} is empty, not a Casebook catalogue."
    try:
        conn = connect_for_check(backup)
        try:
            first = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"{backup} cannot be read: {exc}."
    if first != "ok":
        return f"{backup} is damaged ({first})."
    return None


def newest_good_backup(catalogue: Path) -> BackupInfo | None:
    """The newest backup that passes the check, or None."""
    for info in list_backups(catalogue, with_counts=False):
        if backup_problem(info.path) is None:
            cases, notes = _counts(info.path)
            return BackupInfo(info.path, info.taken, info.kind, info.size, cases, notes)
    return None


def _to_delete(backups: Iterable[tuple[Path, datetime, str]]) -> list[Path]:
    """The automatic backups the rotation drops: all but the newest of each of the
    last KEEP_DAILY days and of each of the last KEEP_WEEKLY ISO weeks."""
    autos = [(path, taken) for path, taken, kind in backups if kind == AUTO]
    autos.sort(key=lambda item: item[1], reverse=True)
    keep: set[Path] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for path, taken in autos:
        day = taken.date()
        week = taken.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(path)
    return [path for path, _ in autos if path not in keep]


def rotate(catalogue: Path) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps, and stale
    temporary files of interrupted backups; return what was deleted."""
    deleted = []
    for path in _to_delete(_backup_files(catalogue)):
        try:
            path.unlink()
            deleted.append(path)
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", path, exc)
    folder = backup_folder(catalogue)
    cutoff = datetime.now(UTC).timestamp() - 3600
    for partial in folder.glob(f".*{PARTIAL_SUFFIX}"):
        try:
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
        except OSError:
            pass
    return deleted


def auto_backup_due(catalogue: Path, now: datetime | None = None) -> bool:
    """Whether no backup of `catalogue` was made in the last day."""
    when = now or datetime.now(UTC)
    newest = _backup_files(catalogue)
    return not newest or when - newest[0][1] >= AUTO_INTERVAL


def auto_backup(catalogue: Path, now: datetime | None = None) -> Path | None:
    """Make an automatic backup and rotate; never raises (a failure is logged)."""
    try:
        made = make_backup(catalogue, kind=AUTO, now=now)
        rotate(catalogue)
        return made
    except Exception:
        log.warning("automatic backup of %s failed", catalogue, exc_info=True)
        return None


def auto_backup_if_due(catalogue: Path, now: datetime | None = None) -> Path | None:
    """The daily automatic backup, if none was made in the last day; never raises."""
    try:
        if not auto_backup_due(catalogue, now):
            return None
    except Exception:
        log.warning("could not look for backups of %s", catalogue, exc_info=True)
        return None
    return auto_backup(catalogue, now)


def restore_backup(catalogue: Path, backup: Path) -> Path | None:
    """Put the content of `backup` into `catalogue`; return the backup made of the
    current catalogue first (None when there was no catalogue file: it is created).

    The backup is checked first (integrity_check, a Casebook catalogue this
    version reads); nothing is changed when it fails. The content is copied
    into the live file with the backup API, so other connections see it as one
    committed change. Raises BackupError with a one-line message.
    """
    problem = backup_problem(backup)
    if problem is not None:
        raise BackupError(
            QT_TRANSLATE_NOOP("Backups", "Cannot restore: %1 Nothing was changed.").arg(problem)
        )
    if backup.resolve() == catalogue.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Backups", "Cannot restore a catalogue from itself. Nothing was changed."
            )
        )
    if not catalogue.exists():
        try:
            _set_aside_stale_journal(catalogue)
            copy_database(backup, catalogue)
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP("Backups", "Could not restore %1 to %2: %3").arg(
                    backup.name, catalogue, exc
                )
            ) from exc
        log.info("restored the missing %s from %s", catalogue, backup)
        return None
    kept = _keep_current(catalogue)
    try:
        src = connect_read_only(backup)
        try:
            dest = sqlite3.connect(catalogue, timeout=5)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        from app.db_errors import DAMAGED, user_message

        if user_message(exc) != DAMAGED:
            said = user_message(exc) or str(exc).splitlines()[0]
            raise BackupError(
                QT_TRANSLATE_NOOP("Backups", "Could not restore %1 into %2: %3").arg(
                    backup.name, catalogue, said
                )
            ) from exc
        # The live file is too damaged for SQLite to write into: replace the file.
        _replace_file(catalogue, backup)
    log.info("restored %s from %s (previous content kept in %s)", catalogue, backup, kept)
    return kept


def _set_aside_stale_journal(catalogue: Path) -> None:
    """Move a -wal and -shm left without their catalogue out of the way: SQLite
    would otherwise replay the old log onto the restored file."""
    for extra in ("-wal", "-shm"):
        stale = Path(f"{catalogue}{extra}")
        if stale.exists():
            aside = backup_folder(catalogue) / f"{catalogue.name}{extra}.orphaned"
            aside.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stale, aside)


def _keep_current(catalogue: Path) -> Path:
    """Back up the current catalogue before a restore; a damaged one is copied as files."""
    try:
        return make_backup(catalogue, kind=BEFORE_RESTORE)
    except BackupError:
        target = _new_backup_path(catalogue, BEFORE_RESTORE, datetime.now(UTC))
        try:
            _copy_files(catalogue, target)
        except OSError as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "Could not keep a copy of %1 before restoring: %2. Nothing was changed.",
                ).arg(catalogue, exc.strerror)
            ) from exc
        return target


def _copy_files(catalogue: Path, target: Path) -> None:
    """A raw copy of the catalogue and its -wal (for a file SQLite cannot back up)."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(catalogue, target)
    wal = Path(f"{catalogue}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))


def _replace_file(catalogue: Path, backup: Path) -> None:
    partial = catalogue.with_name(f".{catalogue.name}.restore{PARTIAL_SUFFIX}")
    copy_database(backup, partial)
    for extra in ("-wal", "-shm"):
        Path(f"{catalogue}{extra}").unlink(missing_ok=True)
    os.replace(partial, catalogue)
