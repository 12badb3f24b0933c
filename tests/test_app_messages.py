"""Messages built in app/ keep their English text and reach the window in its language."""

from __future__ import annotations

import ast
import errno
import pickle
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app import db_errors
from app.case_edit import CaseChangedElsewhereError, DraftError, MetricDraft, check_metric
from app.changes import ReplayConflictError, replay
from app.chinese_title import checked_title_zh, checked_title_zh_note
from app.messages import QT_TRANSLATE_NOOP, Message, join, message_of
from app.notes import add_note, update_note
from app.places import PlaceDraft, check_place
from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from app.tag_names import TagNameError, normalise_tag_name
from app.validation import FieldValueError, parse_number, parse_period, parse_year
from app.vocab import FORM, SECTOR, TermError, normalise_term
from app.xlsx.export import export_workbook
from app.xlsx.plan import ImportPlan, Rejection
from models import CaseStudy
from models.engine import RESTORE_ADVICE
from resources import build_translations
from views.translation import install_translation, tr_message

ROOT = Path(__file__).resolve().parent.parent
ZH_TS = Path(build_translations.TRANSLATIONS) / "casebook_zh_CN.ts"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _raised(call: Any, *args: Any) -> BaseException:
    try:
        call(*args)
    except Exception as exc:
        return exc
    raise AssertionError("nothing raised")


# --- (a) the English text stays exactly as it was -------------------------------------


def test_english_text_is_unchanged() -> None:
    problems: dict[str, str] = {}
    check_metric(0, MetricDraft(name="", value="12abc", low="9", high="3", qualifier="x"), problems)
    assert problems == {
        "metrics.0.name": "Figure 1 needs a name.",
        "metrics.0.value": "Figure 1: value '12abc' is not a number",
        "metrics.0.high": "Figure 1: the low value must not exceed the high value.",
        "metrics.0.qualifier": "Figure 1: choose one of exact, about, over, nearly, under.",
    }
    inside: dict[str, str] = {}
    check_metric(2, MetricDraft(name="n", value="3000", low="100", high="500"), inside)
    assert inside == {"metrics.2.value": "Figure 3: the value must lie inside its range (100–500)."}
    assert str(_raised(parse_year, "1800", "Start year")) == (
        "Start year '1800' is not a year between 1900 and 2100"
    )
    assert str(_raised(parse_period, "2020–2015", "Figure 1: year")) == (
        "Figure 1: year: 2020 comes after 2015"
    )
    assert str(_raised(parse_number, True, "Value")) == "Value must be a number, not True"
    assert str(_raised(checked_title_zh, "x" * 301)) == (
        "The Chinese title can be at most 300 characters; this one has 301."
    )
    assert str(_raised(checked_title_zh_note, "a\tb")) == (
        "The note on the Chinese title cannot hold control characters such as tabs or line breaks."
    )
    assert str(_raised(normalise_tag_name, " a//b ")) == (
        "The tag 'a//b' has an empty level between slashes."
    )
    assert str(_raised(normalise_term, FORM, " ")) == (
        "A form of assistance needs at least one letter or digit."
    )
    assert str(CaseChangedElsewhereError([QT_TRANSLATE_NOOP("CaseEdit", "title")] * 2)) == (
        "This case study was changed elsewhere since you opened it (title, title)."
    )
    assert db_errors.DAMAGED == f"The catalogue is damaged; nothing was changed. {RESTORE_ADVICE}"
    assert db_errors.LOCKED == (
        "Another Casebook process is writing to the catalogue; tried for 5 s. "
        "Try again in a moment."
    )
    missing = OSError(errno.ENOENT, "gone", "/tmp/a\nb")
    assert db_errors.user_message(missing) == "No such file or folder: /tmp/a b."
    assert db_errors.user_message(OSError(errno.EACCES, "no")) == "Permission denied."
    assert Rejection("Notes", 4, "the Note cell is empty", "E (Note)").details == (
        "column E (Note): the Note cell is empty"
    )


def test_the_undo_conflict_reads_as_before(small_catalogue: Catalogue) -> None:
    service = CatalogueService(small_catalogue)
    with small_catalogue.sessions() as session:
        cid = session.scalar(select(CaseStudy.id).order_by(CaseStudy.id))
    note_id, _ = service.write(add_note, cid, "mine")
    _, edit = service.write(update_note, note_id, "mine, edited")
    _, more = service.write(add_note, cid, "second")
    edit.extend(more)
    other = open_catalogue(small_catalogue.path, seed=False)
    CatalogueService(other).write(update_note, note_id, "theirs")
    CatalogueService(other).write(update_note, more.changes[0].key[0], "theirs too")
    other.close()
    with small_catalogue.sessions.begin() as session:
        exc = _raised(lambda: replay(session, edit, undo=True))
    assert isinstance(exc, ReplayConflictError)
    assert str(exc) == (
        "Cannot undo this step: the note 'mine, edited' was changed (and 1 more) elsewhere "
        "since (by another Casebook process or an import). Nothing was changed."
    )


_TEXT = st.text(max_size=30)


@given(_TEXT, st.one_of(_TEXT, st.integers(), st.floats()))
def test_filled_messages_read_as_the_f_strings_they_replaced(name: str, value: object) -> None:
    """Placeholders are filled once: a value holding "%2" or "%n" stays as it is."""
    number = QT_TRANSLATE_NOOP("Validation", "%1 %2 is not a number").arg(name, repr(value))
    assert number == f"{name} {value!r} is not a number"
    label = QT_TRANSLATE_NOOP("CaseEdit", "%1: value").arg(
        QT_TRANSLATE_NOOP("CaseEdit", "Figure %1").arg(name)
    )
    assert label == f"Figure {name}: value"
    assert join(", ", [name, label]) == f"{name}, {label}"
    assert pickle.loads(pickle.dumps(number)) == number


@given(_TEXT, st.integers(min_value=0, max_value=10**6))
def test_a_count_fills_only_its_own_placeholder(name: str, n: int) -> None:
    more = QT_TRANSLATE_NOOP("Changes", "%1 (and %n more)").arg(name).counted(n)
    assert more == f"{name} (and {n} more)"
    assert tr_message(more) == more  # English: the text itself


def test_an_exception_keeps_its_message() -> None:
    exc = _raised(normalise_tag_name, "")
    assert isinstance(exc, TagNameError) and isinstance(message_of(exc), Message)
    assert type(str(exc)) is str  # the command line and logs get plain English
    assert message_of(ValueError("plain")) == "plain"
    assert isinstance(_raised(normalise_term, SECTOR, "a\x01"), TermError)
    assert isinstance(_raised(parse_year, "x", "Year"), FieldValueError)


# --- (c) every marked message has a finished translation --------------------------------


def _marked_in_app() -> Iterator[tuple[str, str, str]]:
    """(file:line, context, source) of each QT_TRANSLATE_NOOP call in app/."""
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                args = node.args
                literal = all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
                )
                assert len(args) == 2 and literal, f"{where}: lupdate reads only literal strings"
                yield where, args[0].value, args[1].value  # type: ignore[attr-defined]


def _finished_chinese() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ZH_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            text = "".join(translation.itertext()).strip()
            if text:
                found[(name, message.findtext("source") or "")] = text
    return found


def test_every_marked_app_message_has_a_finished_chinese_translation() -> None:
    finished = _finished_chinese()
    marked = list(_marked_in_app())
    assert len(marked) > 120
    missing = [f"{where}: {context} {source!r}" for where, context, source in marked
               if (context, source) not in finished]  # fmt: skip
    assert missing == []


# --- (b) in Chinese ----------------------------------------------------------------------


def test_tr_message_translates_templates_and_message_arguments(chinese: None) -> None:
    problems: dict[str, str] = {}
    check_metric(0, MetricDraft(name="", value="12abc"), problems)
    assert tr_message(problems["metrics.0.name"]) == "指标 1需要一个名称。"
    assert tr_message(problems["metrics.0.value"]) == "指标 1：数值 '12abc' 不是数字"
    exc = _raised(normalise_tag_name, " a//b ")
    assert tr_message(exc) == "标签 'a//b' 的斜杠之间有空的层级。"  # the data stays as typed
    assert tr_message(ValueError("plain English")) == "plain English"
    assert tr_message(db_errors.DAMAGED).startswith("案例库已损坏；未作任何更改。请用 `casebook")
    problems = check_place(_NoPlaces(), PlaceDraft(name="", level="nowhere"), None)[0]  # type: ignore[arg-type]
    assert tr_message(problems["name"]) == "地点需要一个名称。"


class _NoPlaces:
    """A session stand-in for check_place with an empty list of places."""

    def execute(self, *_args: object) -> list[object]:
        return []


def test_english_interface_shows_the_english_text() -> None:
    exc = _raised(normalise_tag_name, "")
    assert tr_message(exc) == "A tag name needs at least one letter or digit."
    plural = QT_TRANSLATE_NOOP("Changes", "%1 (and %n more)").arg("x").counted(3)
    assert tr_message(plural) == "x (and 3 more)"


def test_the_case_editor_shows_problems_in_chinese(
    chinese: None, qtbot: QtBot, small_window: Any
) -> None:
    from views.case_form import CaseFormDialog

    win = small_window
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_F2)
    dialog = win.case_actions.dialog
    assert isinstance(dialog, CaseFormDialog)
    dialog.start_edit.clear()
    qtbot.keyClicks(dialog.start_edit, "1800")
    dialog.title_edit.clear()
    model = dialog.metrics_model
    model.setData(model.index(0, 1), "12abc")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.isVisible()
    assert dialog.messages["title"].text() == "案例需要一个标题。"
    assert dialog.messages["start_year"].text() == "起始年份 '1800' 不是 1900 至 2100 之间的年份"
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "不是数字" in tip and "value" not in tip
    assert "不是数字" in dialog.metrics_message.text()
    dialog.reject()


def test_an_undo_conflict_is_told_in_chinese(
    chinese: None, small_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = small_window
    cid = win.selected_case_id()
    note_id = win.change("new note", add_note, cid, "mine")
    win.change("edit note", update_note, note_id, "mine, edited")
    other = open_catalogue(win.service.catalogue.path, seed=False)
    CatalogueService(other).write(update_note, note_id, "a colleague's text")
    other.close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    win.undo()
    assert told == [
        "无法撤销这一步：此后别处（另一个 Casebook 进程或一次导入）修改了笔记“mine, edited”。"
        "未作任何更改。"
    ]
    assert win.statusBar().currentMessage() == told[0]


def test_a_write_failure_is_told_in_chinese(
    chinese: None, small_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.tags
    from views.commands import ChangeFailed

    win = small_window

    def ensure_tag(journal: Any, name: str) -> int:
        locked = sqlite3.OperationalError("database is locked")
        locked.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
        raise OperationalError("INSERT INTO tag", {}, locked)

    monkeypatch.setattr(app.tags, "ensure_tag", ensure_tag)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    with pytest.raises(ChangeFailed):
        win.tag_actions.add(win.selected_case_ids(), ["first"])
    assert told == ["另一个 Casebook 进程正在写入案例库；已尝试 5 秒。请稍后再试。"]


def test_the_import_preview_lines_are_chinese(
    chinese: None, small_catalogue: Catalogue, tmp_path: Path
) -> None:
    from views.import_dialog import ImportPreviewModel

    path = tmp_path / "edited.xlsx"
    with small_catalogue.sessions() as session:
        export_workbook(session, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Case studies"]
    header = [c.value for c in ws[1]]

    def row(**cells: object) -> list[object]:
        return [cells.get(name) for name in header]

    ws.append(row(Slug="gamma", Title="Gamma", Tags="craft//tea"))
    ws.append(row(Title="No slug"))
    ws.append(row(Slug="delta", Title="Delta", **{"Donor province": "Atlantis"}))
    ws.append(row(Slug="epsilon", Title="Epsilon", Sector="Agritourism"))
    wb.save(path)
    plan = CatalogueService(small_catalogue).preview_import(path)
    model = ImportPreviewModel(plan)
    lines = [
        [group.child(r, c).text() for c in (0, 3)]
        for group in (model.item(g) for g in range(model.rowCount()))
        for r in range(group.rowCount())
        if group.child(r, 1).text() != "Case studies" or group.text().startswith("已拒绝")
    ]
    texts = [text for line in lines for text in line if text]
    tags = get_column_letter(header.index("Tags") + 1)
    assert f"第 {tags} (Tags) 列：标签 'craft//tea' 的斜杠之间有空的层级。" in texts
    assert "Slug（标识名）单元格为空" in texts
    assert (
        "Case studies，第 6 行：地点“Atlantis”不在本案例库的地点列表中；案例将不带该地点导入。"
    ) in texts
    assert "领域“Agritourism”" in texts
    assert all(HAN.search(text) for text in texts), texts


def test_plan_words_are_english_without_a_window() -> None:
    plan = ImportPlan(rejected=[Rejection("Notes", 3, "no case", "A (Case slug)")])
    assert str(plan.rejected[0]) == "Notes, row 3, column A (Case slug): no case"
    assert isinstance(DraftError({"title": "x"}), ValueError)


def test_the_check_report_is_chinese_in_the_window(
    chinese: None, small_catalogue: Catalogue
) -> None:
    from app.check import check_catalogue
    from views.check_dialog import CheckDialog

    report = check_catalogue(small_catalogue.path)
    lines = report.lines()
    assert lines[0] == f"{small_catalogue.path}: no problems found."
    assert "  ok: SQLite's integrity check (pages, indexes, constraints)" in lines
    dialog = CheckDialog(report.ok, lines)
    shown = dialog.report.toPlainText().splitlines()
    assert shown[0] == f"{small_catalogue.path}：未发现问题。"
    assert "  通过：SQLite 完整性检查（页、索引、约束）" in shown
    broken = (
        QT_TRANSLATE_NOOP("Check", "%1: %n problem(s) found.")
        .arg("x")
        .counted(2, "x: 2 problems found.")
    )
    assert (str(broken), tr_message(broken)) == ("x: 2 problems found.", "x：发现 2 个问题。")
    dialog.deleteLater()


def test_tag_and_highlight_refusals_in_both_languages() -> None:
    from app.highlights import HighlightError
    from app.tags import UnknownTagError, checked_colour

    assert str(UnknownTagError("tea")) == "There is no tag 'tea'."
    colour = _raised(checked_colour, "red")
    assert str(colour) == "'red' is not a colour like #a0c4ff."
    app = QCoreApplication.instance()
    assert app is not None
    install_translation(app, "zh_CN", locale=False)
    try:
        assert tr_message(UnknownTagError("tea")) == "没有标签 'tea'。"
        assert tr_message(colour) == "'red' 不是 #a0c4ff 这样的颜色。"
        gone = HighlightError(QT_TRANSLATE_NOOP("Highlights", "That highlight no longer exists."))
        assert tr_message(gone) == "该标注已不存在。"
    finally:
        install_translation(app, "en", locale=False)


def test_a_failed_copy_is_told_in_both_languages(tmp_path: Path) -> None:
    from app.catalogue_copy import save_copy

    folder = tmp_path / "copies"
    folder.mkdir()
    exc = _raised(save_copy, tmp_path / "c.sqlite3", folder)
    assert str(exc) == f"{folder} is a folder; choose a file name."
    app = QCoreApplication.instance()
    assert app is not None
    install_translation(app, "zh_CN", locale=False)
    try:
        assert tr_message(exc) == f"{folder} 是一个文件夹；请选择一个文件名。"
    finally:
        install_translation(app, "en", locale=False)
