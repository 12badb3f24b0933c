"""Processes for crash and contention tests: they write and say what was acknowledged.

`python -m bench.crash_workers notes DB N TAG` adds N notes to the first case,
one transaction each, printing "ok <id> <body>" after each commit returns.
`bulk DB N` tags every case and takes the tag off again (with undo and redo),
`export DB FILE N` exports N times, `migrate DB` opens (and so migrates) once.
`python -m bench.crash_workers typing DB` opens the window offscreen, makes a
note and types into it a key every 100 ms, printing "typed <n>" after each key.
A parent kills either with SIGKILL and checks that everything acknowledged is
on disk and the file passes integrity_check.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _first_case(catalogue: object) -> int:
    from sqlalchemy import select

    from models import CaseStudy

    with catalogue.sessions() as session:  # type: ignore[attr-defined]
        return int(session.scalars(select(CaseStudy.id).order_by(CaseStudy.id).limit(1)).one())


def write_notes(path: Path, count: int, tag: str) -> int:
    from app.notes import add_note
    from app.service import CatalogueService
    from app.store import open_catalogue

    catalogue = open_catalogue(path, seed=False)
    service = CatalogueService(catalogue)
    case_id = _first_case(catalogue)
    for n in range(count):
        body = f"{tag}-{n} 笔记 ✓"
        note_id, _ = service.write(add_note, case_id, body)
        print(f"ok {note_id} {body}", flush=True)
    catalogue.close()
    return 0


def bulk_tags(path: Path, rounds: int) -> int:
    """Tag every case and take the tag off again, over and over; also undo and redo."""
    from sqlalchemy import select

    from app.service import CatalogueService
    from app.store import open_catalogue
    from app.tags import tag_cases, untag_cases
    from models import CaseStudy

    catalogue = open_catalogue(path, seed=False)
    service = CatalogueService(catalogue)
    with catalogue.sessions() as session:
        ids = list(session.scalars(select(CaseStudy.id)))
    for n in range(rounds):
        _, changes = service.write(tag_cases, ids, [f"bulk-{n}"])
        print(f"tagged bulk-{n}", flush=True)
        service.replay(changes, undo=True)
        print(f"undone bulk-{n}", flush=True)
        service.replay(changes, undo=False)
        print(f"redone bulk-{n}", flush=True)
        service.write(untag_cases, ids, [f"bulk-{n}"])
        print(f"untagged bulk-{n}", flush=True)
    catalogue.close()
    return 0


def export_loop(path: Path, target: Path, rounds: int) -> int:
    from app.service import CatalogueService
    from app.store import open_catalogue

    service = CatalogueService(open_catalogue(path, seed=False))
    for n in range(rounds):
        service.export(target, None)
        print(f"exported {n}", flush=True)
    return 0


def migrate_once(path: Path) -> int:
    from app.store import open_catalogue

    open_catalogue(path, seed=False).close()
    print("migrated", flush=True)
    return 0


TYPED = "Field notes from Kashgar: 喀什 brick tea, carpets and jade; steady typing. " * 3


def type_into_a_note(path: Path) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from app.service import CatalogueService
    from app.store import open_catalogue
    from views.main_window import MainWindow

    app = QApplication([])
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(CatalogueService(open_catalogue(path, seed=False)), settings)
    window.show()
    window.detail.tabs.setCurrentWidget(window.notes_panel)
    window.notes_panel.new_note()
    print(f"note {window.notes_panel.note_id}", flush=True)
    typed = 0

    def key() -> None:
        nonlocal typed
        if typed < len(TYPED):
            window.notes_panel.editor.insertPlainText(TYPED[typed])  # as a key press does
            typed += 1
            print(f"typed {typed}", flush=True)

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(100)
    return app.exec()


def main(argv: list[str]) -> int:
    kind, path = argv[0], Path(argv[1])
    if kind == "notes":
        return write_notes(path, int(argv[2]), argv[3])
    if kind == "typing":
        return type_into_a_note(path)
    if kind == "bulk":
        return bulk_tags(path, int(argv[2]))
    if kind == "export":
        return export_loop(path, Path(argv[2]), int(argv[3]))
    if kind == "migrate":
        return migrate_once(path)
    raise SystemExit(f"unknown worker {kind}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
