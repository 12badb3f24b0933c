"""Merging a colleague's catalogue: the import's preview, never a deletion, never a write there."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.case_edit import CaseDraft, load_draft, save_case
from app.cli import main
from app.merge import MergeError, preview_merge
from app.notes import add_note
from app.store import Catalogue
from models import CasePlace, CaseStudy, Note, Place
from tests.exchange_helpers import case_id, colleague_catalogue, write
from views.main_window import MainWindow


@pytest.fixture
def colleague(tmp_path: Path) -> Catalogue:
    cat = colleague_catalogue(tmp_path / "colleague.sqlite3")
    yield cat  # type: ignore[misc]
    cat.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _new_case(catalogue: Catalogue) -> None:
    with catalogue.sessions() as session:
        places = list(session.scalars(select(Place.id).order_by(Place.id)))

    def make(journal) -> int:  # type: ignore[no-untyped-def]
        draft = CaseDraft(title="Gamma workshop 作坊", sector="handicraft", summary="Looms.",
                          donor_places=places[:1], recipient_places=places[-1:])  # fmt: skip
        return save_case(journal, None, draft)

    new = write(catalogue, make, author="Li")
    write(catalogue, add_note, new, "Li's note on gamma", author="Li")


def test_merge_brings_a_colleagues_new_case_with_its_places_and_notes_once(
    small_catalogue: Catalogue, colleague: Catalogue
) -> None:
    _new_case(colleague)
    colleague.close()  # a catalogue on a shared drive, not open
    before = _digest(colleague.path)
    with small_catalogue.sessions() as session:
        plan = preview_merge(session, colleague.path, small_catalogue.path)
    assert {c.sheet for c in plan.added} == {"Case studies", "Notes"}
    assert not plan.rejected and not plan.warnings
    assert main(["--db", str(small_catalogue.path), "merge", str(colleague.path), "--yes"]) == 0
    assert main(["--db", str(small_catalogue.path), "merge", str(colleague.path), "--yes"]) == 0
    assert _digest(colleague.path) == before  # never written
    with small_catalogue.sessions() as session:
        gamma = session.scalars(select(CaseStudy).where(CaseStudy.slug == "gamma-workshop")).one()
        roles = sorted(session.scalars(select(CasePlace.role).where(CasePlace.case_id == gamma.id)))
        assert roles == ["donor", "recipient"]
        assert session.scalar(select(func.count()).select_from(Note)) == 1
        plan = preview_merge(session, colleague.path)
    assert not plan.has_changes


def test_merge_conflicts_keep_yours_unless_theirs_is_asked_for(
    small_catalogue: Catalogue,
    colleague: Catalogue,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = str(small_catalogue.path)
    assert main(["--db", str(colleague.path), "merge", db, "--yes"]) == 0  # in step
    for catalogue, title in ((small_catalogue, "Mine"), (colleague, "Theirs")):

        def retitle(journal, case: int, title: str = title) -> None:  # type: ignore[no-untyped-def]
            draft = load_draft(journal.session, case)
            draft.title = title
            save_case(journal, case, draft)

        write(catalogue, retitle, case_id(catalogue, "alpha"))
    capsys.readouterr()
    assert main(["--db", db, "merge", str(colleague.path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Merge preview" in out and "CONFLICT" in out and "keeping yours" in out

    def title() -> str:
        with small_catalogue.sessions() as session:
            return session.scalars(select(CaseStudy.title).where(CaseStudy.slug == "alpha")).one()

    assert title() == "Mine"  # a dry run writes nothing
    assert main(["--db", db, "merge", str(colleague.path), "--yes", "--theirs"]) == 0
    assert title() == "Theirs"


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"not a database at all", "not"), (b"", "not a Casebook catalogue")],
)
def test_merging_something_else_says_so_in_one_line(
    small_catalogue: Catalogue, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    content: bytes, said: str,
) -> None:  # fmt: skip
    other = tmp_path / "other.sqlite3"
    other.write_bytes(content)
    status = main(["--db", str(small_catalogue.path), "merge", str(other), "--yes"])
    err = capsys.readouterr().err
    assert status == 1 and said in err and "Nothing was merged." in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_catalogue_cannot_be_merged_into_itself(small_catalogue: Catalogue) -> None:
    with small_catalogue.sessions() as session, pytest.raises(MergeError, match="is open"):
        preview_merge(session, small_catalogue.path, small_catalogue.path)


def test_file_merge_catalogue_in_the_window_is_one_undo_step(
    small_window: MainWindow, colleague: Catalogue, qtbot: QtBot
) -> None:
    win = small_window
    write(colleague, add_note, case_id(colleague, "alpha"), "from Li", author="Li")
    assert win.importer.merge_action in win.file_menu.actions()

    def apply() -> None:
        dialog = win.importer.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, apply)
            return
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, apply)
    assert win.importer.merge(colleague.path)
    assert win.undo_stack.count() == 1
    assert "merge of" in win.undo_stack.undoText()
    win.undo()
    assert win.service.count_notes() == 0
