"""`casebook backup`, `backups`, `restore` and `check`: keeping a catalogue safe.

These take the catalogue's path rather than an opened catalogue: they must
work on a file that is damaged, read-only or cannot be opened at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.typed_path import typed_path


def _human_size(size: int) -> str:
    amount = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if amount < 1024 or unit == "GB":
            return f"{int(amount)} {unit}" if unit == "bytes" else f"{amount:.1f} {unit}"
        amount /= 1024
    raise AssertionError("unreachable")


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def _require_catalogue(path: Path) -> None:
    from app.cli import CommandError

    if not path.exists():
        raise CommandError(f"There is no catalogue at {path}.")


def cmd_backup(path: Path, args: argparse.Namespace) -> int:
    from app.backups import make_backup
    from app.cli import CommandError

    _require_catalogue(path)
    target = typed_path(args.file) if args.file else None
    if target is not None and target.exists():
        raise CommandError(f"{target} already exists; choose a new file name. Nothing was written.")
    made = make_backup(path, target)
    print(f"Backed up {path} to {made} ({_human_size(made.stat().st_size)}).")
    return 0


def cmd_backups(path: Path, args: argparse.Namespace) -> int:
    from app.backups import backup_folder, list_backups
    from app.cli import _print_json

    found = list_backups(path)
    if args.json:
        _print_json(
            [
                {
                    "path": str(b.path),
                    "taken": b.taken.isoformat(),
                    "kind": b.kind,
                    "size": b.size,
                    "cases": b.cases,
                    "notes": b.notes,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print(f"No backups of {path} in {backup_folder(path)}.")
        return 0
    for b in found:
        print(
            f"{b.when_text}  {_human_size(b.size):>10}  {_count(b.cases):>5} "
            f"{'case ' if b.cases == 1 else 'cases'}  {_count(b.notes):>6} "
            f"{'note ' if b.notes == 1 else 'notes'}  {b.kind:<14}  {b.path.name}"
        )
    return 0


def _find_backup(path: Path, name: str) -> Path:
    from app.backups import backup_folder
    from app.cli import CommandError

    given = typed_path(name)
    for candidate in (given, backup_folder(path) / name):
        if candidate.is_file():
            return candidate
    raise CommandError(f"No backup {name!r}; `casebook backups` lists them.")


def cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from app.backups import restore_backup
    from app.cli import CommandError
    from app.window_lock import held_by_another

    backup = _find_backup(path, args.backup)
    if held_by_another(path):
        raise CommandError(
            f"A Casebook window has {path} open; restore there with File → Restore from "
            "Backup…, or close it first. Nothing was changed."
        )
    kept = restore_backup(path, backup)
    if kept is None:
        print(f"Restored the missing {path} from {backup.name}.")
    else:
        print(f"Restored {path} from {backup.name}; its previous content is kept in {kept}.")
    return 0


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    from app.check import check_catalogue

    report = check_catalogue(path)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", help="back up the catalogue now")
    backup.add_argument(
        "file", metavar="FILE", nargs="?", help="where to write it (default: the backups folder)"
    )
    backup.set_defaults(path_handler=cmd_backup)

    backups = commands.add_parser("backups", help="list the catalogue's backups")
    backups.add_argument("--json", action="store_true", help="print a JSON array")
    backups.set_defaults(path_handler=cmd_backups)

    restore = commands.add_parser(
        "restore", help="replace the catalogue by a backup (the current one is kept as a backup)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a backup's path or its name")
    restore.set_defaults(path_handler=cmd_restore)

    check = commands.add_parser("check", help="check the catalogue for damage; exit 1 if any")
    check.set_defaults(path_handler=cmd_check)
