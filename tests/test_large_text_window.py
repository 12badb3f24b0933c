"""An enormous narrative: the window shows a bounded prefix, says how much more there is,
keeps highlight offsets right inside it, and stays responsive."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.store import Catalogue
from models import CaseStudy
from views.main_window import MainWindow
from views.text_offsets import to_utf16
from views.text_slice import SHOWN_CHARACTERS, more_text_line, shown_part

PARAGRAPH = "Brick tea 砖茶 from Changshengchuan 🍵 reached Bortala by truck.\n\n"
TOTAL = 5_000_000


def _enormous() -> str:
    return (PARAGRAPH * (TOTAL // len(PARAGRAPH) + 1))[:TOTAL]


def _show_again(win: MainWindow, case_id: int) -> float:
    """Show the case afresh as selecting it does; the seconds it took."""
    started = time.perf_counter()
    detail = win.service.detail(case_id)
    win.detail.show_case(detail)
    win.highlights_panel.show_case(detail)
    return time.perf_counter() - started


def test_shown_part_is_a_prefix_with_a_line_saying_what_is_left() -> None:
    assert shown_part("short") == ("short", 5) and more_text_line(shown_part("short")) == ""
    shown = shown_part("x" * 250_000)
    assert shown.text == "x" * SHOWN_CHARACTERS and shown.hidden == 50_000
    assert more_text_line(shown).startswith("Showing the first 200,000 of 250,000 characters")


def test_an_enormous_narrative_is_shown_in_part_with_highlights_in_place(
    qtbot: QtBot, small_window: MainWindow, small_catalogue: Catalogue
) -> None:
    win = small_window
    case_id = win.selected_case_id()
    assert case_id is not None
    narrative = _enormous()
    with small_catalogue.sessions.begin() as session:
        session.execute(
            update(CaseStudy).where(CaseStudy.id == case_id).values(narrative=narrative)
        )
    inside = narrative.index("Bortala", 150_000)
    beyond = narrative.index("Bortala", 1_000_000)
    panel = win.highlights_panel
    panel.add("narrative", inside, inside + 7, comment="inside")
    panel.add("narrative", beyond, beyond + 7, comment="beyond")
    seconds = _show_again(win, case_id)
    assert seconds < 20  # about 0.3 s here; the whole text took minutes
    overview = win.detail.overview.toPlainText()
    assert len(overview) < SHOWN_CHARACTERS + 5_000
    assert f"of {TOTAL:,} characters" in overview
    text_view = panel.texts["narrative"]
    shown = text_view.toPlainText()
    assert shown == narrative[:SHOWN_CHARACTERS]
    more = panel.more_labels["narrative"]
    assert not more.isHidden() and f"{TOTAL - SHOWN_CHARACTERS:,} more" in more.text()
    assert panel.more_labels["summary"].isHidden()
    (painted,) = text_view.extraSelections()  # only the passage inside the shown part
    cursor = painted.cursor
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        to_utf16(shown, inside), to_utf16(shown, inside + 7)
    )  # fmt: skip
    assert cursor.selectedText() == "Bortala"
    rows = {h.comment: panel.row_of(h.id) for h in panel.highlights.values()}
    panel.go_to(panel.list_model.index(rows["inside"], 0))
    assert text_view.textCursor().selectedText() == "Bortala"
    panel.go_to(panel.list_model.index(rows["beyond"], 0))
    assert "past the first 200,000 characters" in win.statusBar().currentMessage()
    # A passage selected in the shown part is highlighted at the text's own offsets.
    cursor = text_view.textCursor()
    start = narrative.index("Changshengchuan", 100_000)
    cursor.setPosition(to_utf16(shown, start))
    cursor.setPosition(to_utf16(shown, start + 15), cursor.MoveMode.KeepAnchor)
    text_view.setTextCursor(cursor)
    assert panel.selected_span() == ("narrative", start, start + 15)
