"""A case's Chinese title: checked once, edited with undo, shown, exchanged and seeded."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.case_edit import CaseDraft, DraftError, load_draft, save_case
from app.case_filter import CaseRow
from app.changes import Journal
from app.chinese_title import TITLE_ZH_LIMIT, checked_title_zh, checked_title_zh_note
from app.cli import main
from app.detail import case_detail
from app.service import CatalogueService
from app.store import Catalogue
from app.text_report import case_report
from app.validation import FieldValueError
from app.xlsx.export import export_workbook
from app.xlsx.importer import apply_plan, preview_import
from models import CaseStudy
from seed import load_seed_files, seed_catalogue
from seed.fingerprint import add_release
from seed.schema import SeedError
from tests.annotate_helpers import case_id
from tests.exchange_helpers import colleague_catalogue
from views.detail_html import overview_html

from .conftest import FIXTURE_SEED

ZH = "五家渠妇女晋绣培训"
NOTE = "Casebook's translation; the article gives no Chinese title."


def _set(catalogue: Catalogue, slug: str, **fields: str) -> None:
    with catalogue.sessions.begin() as s:
        case = s.scalars(select(CaseStudy).where(CaseStudy.slug == slug)).one()
        for name, value in fields.items():
            setattr(case, name, value)


def _held(catalogue: Catalogue, slug: str = "alpha") -> tuple[str, str]:
    with catalogue.sessions() as s:
        case = s.scalars(select(CaseStudy).where(CaseStudy.slug == slug)).one()
        return case.title_zh, case.title_zh_note


# --- the one check --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("晋绣\t培训", "control characters"),
        ("晋绣\n培训", "control characters"),
        ("晋绣\u2028培训", "control characters"),
        ("晋绣\x85", "control characters"),
        ("晋绣\ufffe", "control characters"),
        ("绣" * (TITLE_ZH_LIMIT + 1), f"at most {TITLE_ZH_LIMIT} characters"),
    ],
)
def test_the_check_refuses_control_characters_and_overlong_titles(text: str, message: str) -> None:
    with pytest.raises(FieldValueError, match=message):
        checked_title_zh(text)


def test_the_check_trims_and_allows_blank() -> None:
    assert checked_title_zh("  晋绣 \u3000") == "晋绣"
    assert checked_title_zh("") == "" and checked_title_zh_note("") == ""
    assert checked_title_zh("绣" * TITLE_ZH_LIMIT) == "绣" * TITLE_ZH_LIMIT
    with pytest.raises(FieldValueError, match="at most 200"):
        checked_title_zh_note("x" * 201)


# --- the editor -------------------------------------------------------------------


@pytest.fixture
def service(small_catalogue: Catalogue) -> CatalogueService:
    return CatalogueService(small_catalogue)


def test_the_editor_saves_the_chinese_title_and_undo_takes_it_back(
    service: CatalogueService, small_catalogue: Catalogue
) -> None:
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    assert (draft.title_zh, draft.title_zh_note) == ("", "")
    draft.title_zh, draft.title_zh_note = f" {ZH} ", NOTE
    _, changes = service.write(save_case, alpha, draft)
    assert _held(small_catalogue) == (ZH, NOTE)
    again = service.draft(alpha)
    assert (again.title_zh, again.title_zh_note) == (ZH, NOTE)
    service.replay(changes, undo=True)
    assert _held(small_catalogue) == ("", "")
    service.replay(changes, undo=False)
    assert _held(small_catalogue) == (ZH, NOTE)


def test_a_new_case_keeps_its_chinese_title(service: CatalogueService) -> None:
    new_id, _ = service.write(save_case, None, CaseDraft(title="Embroidery", title_zh=ZH))
    detail = service.detail(new_id)
    assert detail is not None and detail.title_zh == ZH


@pytest.mark.parametrize(
    ("field", "text"), [("title_zh", "晋\n绣"), ("title_zh", "绣" * 301), ("title_zh_note", "a\tb")]
)
def test_a_bad_chinese_title_is_shown_at_its_field_and_nothing_is_written(
    service: CatalogueService, small_catalogue: Catalogue, field: str, text: str
) -> None:
    alpha = case_id(small_catalogue, "alpha")
    draft = service.draft(alpha)
    setattr(draft, field, text)
    assert field in service.draft_problems(draft, alpha)
    with pytest.raises(DraftError) as raised:
        service.write(save_case, alpha, draft)
    assert field in raised.value.problems
    assert _held(small_catalogue) == ("", "")


def test_the_form_reads_and_shows_the_chinese_title(qtbot) -> None:  # type: ignore[no-untyped-def]
    from views.case_form import CaseFormDialog

    dialog = CaseFormDialog(
        CaseDraft(title="T", title_zh=ZH, title_zh_note=NOTE), [], [], lambda d: {}, lambda d: None
    )
    qtbot.addWidget(dialog)
    assert dialog.title_zh_edit.text() == ZH and dialog.title_zh_note_edit.text() == NOTE
    dialog.title_zh_edit.setText("晋绣")
    assert dialog.current_draft().title_zh == "晋绣"
    dialog.show_problems({"title_zh": "The Chinese title cannot hold control characters."})
    assert not dialog.messages["title_zh"].isHidden()
    assert "control characters" in dialog.messages["title_zh"].text()


# --- what the window and `show` say -------------------------------------------------


def test_the_detail_shows_the_chinese_title_under_the_heading_with_its_note(
    small_catalogue: Catalogue,
) -> None:
    _set(small_catalogue, "alpha", title_zh="晋绣 <b>&", title_zh_note=NOTE)
    with small_catalogue.sessions() as s:
        detail = case_detail(s, "alpha")
    html = overview_html(detail)
    heading = html.index("</h2>")
    zh = html.index('<span lang="zh"')
    assert heading < zh < html.index("<b>Sector:</b>")
    assert "晋绣 &lt;b&gt;&amp;" in html and "<b>&" not in html
    assert f'title="{NOTE.replace(chr(39), "&#x27;")}"' in html
    _set(small_catalogue, "alpha", title_zh="", title_zh_note="")
    with small_catalogue.sessions() as s:
        assert 'lang="zh"' not in overview_html(case_detail(s, "alpha"))


def test_show_and_its_json_give_the_chinese_title(
    small_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(small_catalogue, "alpha", title_zh=ZH, title_zh_note=NOTE)
    with small_catalogue.sessions() as s:
        lines = case_report(case_detail(s, "alpha")).splitlines()
    assert lines[1] == ZH and f"Chinese title: {NOTE}" in lines
    assert main(["--db", str(small_catalogue.path), "show", "alpha", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["title_zh"], shown["title_zh_note"]) == (ZH, NOTE)


def test_the_table_shows_the_chinese_title_as_the_title_tooltip(  # type: ignore[no-untyped-def]
    qtbot, small_catalogue: Catalogue
) -> None:
    from PySide6.QtCore import Qt

    from app.query import case_rows
    from views.case_table_model import CaseTableModel

    def rows(ids: list[int]) -> dict[int, CaseRow]:
        with small_catalogue.sessions() as s:
            return case_rows(s, ids)

    alpha = case_id(small_catalogue, "alpha")
    model = CaseTableModel(lambda *_: [alpha], rows)
    model.reload()
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Alpha tea workshop" in tip and "晋绣" not in tip
    _set(small_catalogue, "alpha", title_zh="晋绣<培训>")
    model.reload()
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Alpha tea workshop" in tip and "晋绣&lt;培训&gt;" in tip
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None


# --- the workbook -----------------------------------------------------------------


def _export(catalogue: Catalogue, target: Path) -> Path:
    with catalogue.sessions() as s:
        export_workbook(s, target)
    return target


def _import(catalogue: Catalogue, path: Path) -> None:
    with catalogue.sessions.begin() as s:
        plan = preview_import(s, path)
        assert not plan.rejected, [str(r) for r in plan.rejected]
        apply_plan(s, plan)


def test_export_puts_the_chinese_title_beside_the_title_and_import_brings_it_back(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    _set(small_catalogue, "alpha", title_zh=ZH, title_zh_note=NOTE)
    path = _export(small_catalogue, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(path)["Case studies"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Slug", "Title", "Chinese title", "Chinese title note"]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "alpha")
    assert row[2:4] == (ZH, NOTE)
    colleague = colleague_catalogue(tmp_path / "colleague.sqlite3")  # alpha without them
    assert _held(colleague) == ("", "")
    _import(colleague, path)
    assert _held(colleague) == (ZH, NOTE)
    colleague.close()


def test_a_new_case_from_a_workbook_brings_its_chinese_title(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Case studies"]
    header = [c.value for c in sheet[1]]
    new = {"Slug": "gamma", "Title": "Gamma", "Chinese title": "伽马"}
    sheet.append([new.get(h) for h in header])
    book.save(path)
    _import(small_catalogue, path)
    assert _held(small_catalogue, "gamma") == ("伽马", "")


def _without_chinese_columns(path: Path) -> Path:
    """The workbook as an export from before the Chinese titles would have it."""
    book = openpyxl.load_workbook(path)
    sheet = book["Case studies"]
    sheet.delete_cols(3, 2)  # "Chinese title", "Chinese title note"
    assert [c.value for c in sheet[1]][:3] == ["Slug", "Title", "Sector"]
    book.save(path)
    return path


def test_an_older_workbook_without_the_column_imports_and_leaves_the_chinese_title(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    _set(small_catalogue, "alpha", title="Alpha", title_zh=ZH, title_zh_note=NOTE)
    path = _without_chinese_columns(_export(small_catalogue, tmp_path / "old.xlsx"))
    book = openpyxl.load_workbook(path)
    for row in book["Case studies"].iter_rows(min_row=2):
        if row[0].value == "alpha":
            row[1].value = "Retitled by a colleague"
    book.save(path)
    with small_catalogue.sessions.begin() as s:
        plan = preview_import(s, path)
        assert not plan.rejected
        (change,) = plan.changed
        assert [c.field for c in change.changes] == ["title"]
        apply_plan(s, plan)
    assert _held(small_catalogue) == (ZH, NOTE)
    path = _without_chinese_columns(_export(small_catalogue, tmp_path / "new-case.xlsx"))
    book = openpyxl.load_workbook(path)
    header = [c.value for c in book["Case studies"][1]]
    book["Case studies"].append([{"Slug": "gamma", "Title": "G"}.get(h) for h in header])
    book.save(path)
    _import(small_catalogue, path)
    assert _held(small_catalogue, "gamma") == ("", "")


def test_a_bad_chinese_title_in_a_workbook_rejects_its_row_naming_the_cell(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    path = _export(small_catalogue, tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Case studies"]
    sheet.cell(row=2, column=3, value="晋\n绣")
    book.save(path)
    with small_catalogue.sessions() as s:
        plan = preview_import(s, path)
    (rejection,) = plan.rejected
    assert rejection.column == "C (Chinese title)" and "control characters" in rejection.reason


CHARACTERS = st.one_of(
    st.sampled_from("晋绣五家渠和田玉 \u3000=+-@_x000D_&<>\t\n\x85\u2028\ufffe🍵قەشقەر"),
    st.characters(exclude_categories=("Cs",)),
)
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(title_zh=st.text(CHARACTERS, max_size=40), note=st.text(CHARACTERS, max_size=20))
@example(title_zh="=1+1 晋绣", note="_x000D_")
@example(title_zh=" 晋绣\u3000", note="")
def test_any_accepted_chinese_title_survives_save_export_and_import(
    small_catalogue: Catalogue, tmp_path: Path, title_zh: str, note: str
) -> None:
    try:
        stored = (checked_title_zh(title_zh), checked_title_zh_note(note))
    except FieldValueError:
        return  # refused with a message; nothing to keep
    alpha = case_id(small_catalogue, "alpha")
    with small_catalogue.sessions.begin() as s:
        journal = Journal(s)
        draft = load_draft(s, alpha)
        draft.title_zh, draft.title_zh_note = title_zh, note
        save_case(journal, alpha, draft)
    assert _held(small_catalogue) == stored
    path = _export(small_catalogue, tmp_path / "prop.xlsx")
    colleague = colleague_catalogue(tmp_path / f"colleague-{uuid.uuid4()}.sqlite3")
    _set(colleague, "alpha", title_zh="其他", title_zh_note="other")
    _import(colleague, path)
    assert _held(colleague) == stored
    colleague.close()


# --- the seed -------------------------------------------------------------------------


def _seed_copy(tmp_path: Path, title_zh: str, note: str = NOTE) -> Path:
    folder = tmp_path / "seed-with-chinese"
    shutil.copytree(FIXTURE_SEED, folder, dirs_exist_ok=True)
    alpha = folder / "cases" / "alpha.toml"
    text = alpha.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    line = f"title_zh = {json.dumps(title_zh, ensure_ascii=False)}"
    alpha.write_text(f"{first}\n{line}\ntitle_zh_note = {json.dumps(note)}\n{rest}", "utf-8")
    return folder


def test_the_seed_reads_the_chinese_title_and_refuses_a_bad_one(tmp_path: Path) -> None:
    data = load_seed_files(_seed_copy(tmp_path, ZH))
    alpha = next(c for c in data.cases if c.slug == "alpha")
    assert (alpha.title_zh, alpha.title_zh_note) == (ZH, NOTE)
    with pytest.raises(SeedError, match=r"alpha.toml: 'title_zh': .*control characters"):
        load_seed_files(_seed_copy(tmp_path, "晋\t绣"))
    with pytest.raises(SeedError, match=r"alpha.toml: 'title_zh': .*at most 300"):
        load_seed_files(_seed_copy(tmp_path, "绣" * 301))


def test_a_seed_with_chinese_titles_reaches_an_older_catalogue_but_not_a_users_own(
    small_catalogue: Catalogue, tmp_path: Path
) -> None:
    """Catalogues seeded before the Chinese titles hold them blank: the case is untouched,
    so the newer seed writes the title; a Chinese title the user wrote is theirs."""
    released = add_release({}, load_seed_files(FIXTURE_SEED))
    newer = load_seed_files(_seed_copy(tmp_path, ZH))
    with small_catalogue.sessions.begin() as s:
        report = seed_catalogue(s, newer, released)
    assert report.updated["case"] == 1 and report.kept == []
    assert _held(small_catalogue) == (ZH, NOTE)

    released = add_release(released, newer)
    _set(small_catalogue, "alpha", title_zh="我自己的标题")
    newest = load_seed_files(_seed_copy(tmp_path / "newest", "甲：茶叶作坊"))
    with small_catalogue.sessions.begin() as s:
        report = seed_catalogue(s, newest, released)
    assert report.kept == ["case alpha"] and not report.updated["case"]
    assert _held(small_catalogue)[0] == "我自己的标题"


def test_a_first_seeding_writes_the_chinese_title_with_the_case(tmp_path: Path) -> None:
    from app.store import open_catalogue

    catalogue = open_catalogue(tmp_path / "fresh.sqlite3", seed=False)
    with catalogue.sessions.begin() as s:
        report = seed_catalogue(s, load_seed_files(_seed_copy(tmp_path, ZH)), {})
    assert report.added["case"] == 2 and not report.updated and not report.kept
    assert _held(catalogue) == (ZH, NOTE)
    catalogue.close()


def test_a_seed_case_without_its_chinese_title_is_as_an_older_release_wrote_it(
    catalogue: Catalogue,
) -> None:
    """The prints in released.json from before the Chinese titles must still match a
    case whose Chinese title is blank, or catalogues from then would never get one."""
    from seed.fingerprint import load_released, stored_case

    released = load_released()
    with catalogue.sessions() as s:  # never committed
        for case in s.scalars(select(CaseStudy)):
            assert case.title_zh
            prints = released["case"][case.slug]
            assert stored_case(case) in prints, case.slug
            case.title_zh, case.title_zh_note = "", ""
            assert stored_case(case) in prints, case.slug


def test_a_chinese_reader_finds_the_seed_cases_by_their_chinese_titles(
    catalogue: Catalogue,
) -> None:
    """Issue 8: the embroidery case by 绣 or by its Chinese name (search is the index's;
    this holds the seed's titles to it)."""
    from tests.search_helpers import found

    assert "jin-embroidery-wujiaqu" in found(catalogue, "绣")
    assert found(catalogue, "五家渠妇女晋绣培训") == {"jin-embroidery-wujiaqu"}
    assert "yangzhou-hotan-jade-carving" in found(catalogue, "和田玉")
    assert "jiangguoguo-kashgar" in found(catalogue, "疆果果")
