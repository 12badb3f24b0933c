"""The Chinese interface: complete translations, up to date with the code, shown in the window."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from resources import build_translations
from views.translation import (
    LANGUAGE_KEY,
    arg,
    install_translation,
    installed_files,
    language_names,
    resolve_language,
)

TRANSLATIONS = Path(build_translations.TRANSLATIONS)
ZH_TS = TRANSLATIONS / "casebook_zh_CN.ts"
EN_TS = TRANSLATIONS / "casebook_en.ts"
# Names that stay in Latin letters in a Chinese interface, as in other Chinese apps.
LATIN_NAMES = {
    "Casebook", "Excel", "PNG", "SVG", "GeoJSON", "Markdown", "CSV", "RIS", "BibTeX",
    "CSL", "JSON", "Zotero", "Pandoc", "Web", "Annotation", "Ctrl", "Shift", "Alt",
}  # fmt: skip
PLACEHOLDER = re.compile(r"%L?n|%\d|\{\d\}")


def _messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("ts", [ZH_TS, EN_TS], ids=lambda p: p.name)
def test_every_entry_is_translated(ts: Path) -> None:
    count = 0
    for context, message in _messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
            f"{ts.name}: not translated in {context}: {source!r}"
        )
        forms = _translations(message)
        assert forms and all(f.strip() for f in forms), f"{ts.name}: empty: {source!r}"
        count += 1
    assert count > (300 if ts is ZH_TS else 10)
    assert build_translations.untranslated(ts) == []


@pytest.mark.parametrize("ts", [ZH_TS, EN_TS], ids=lambda p: p.name)
def test_translations_keep_placeholders_and_accelerators(ts: Path) -> None:
    for context, message in _messages(ts):
        source = message.findtext("source") or ""
        for text in _translations(message):
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: {source!r} → {text!r}"
            )
            keys = re.findall(r"&(\w)", source.replace("&&", ""))
            if keys:  # the same access key, written the Chinese way: 文件(&F)
                assert f"(&{keys[0].upper()})" in text, f"{context}: {source!r} → {text!r}"


def test_chinese_entries_are_chinese() -> None:
    """No entry left in English: each has Chinese, or only names kept in Latin letters."""
    for context, message in _messages(ZH_TS):
        for text in _translations(message):
            if re.search(r"[\u4e00-\u9fff]", text):
                continue
            words = set(re.findall(r"[A-Za-z]{2,}", PLACEHOLDER.sub("", text)))
            assert words <= LATIN_NAMES | {"geojson"}, f"{context}: {text!r}"


def test_ts_and_qm_are_up_to_date_with_the_code() -> None:
    """Every tr() string in views/ is in the .ts files (lupdate into a copy changes
    nothing, so none is missing or left over) and the committed .qm match the .ts."""
    assert build_translations.stale() == []


# --- installing -------------------------------------------------------------------


def test_plural_forms(chinese: None) -> None:
    translate = QCoreApplication.translate
    assert translate("MainWindow", "%Ln case study(s)", "", 1) == "1 个案例"
    assert translate("MainWindow", "%Ln case study(s)", "", 25) == "25 个案例"
    assert translate("TimelineView", "%Ln case(s)", "", 12345) == "12,345 个案例"
    assert any(f.endswith("qtbase_zh_CN.qm") for f in installed_files())


def test_english_plural_forms() -> None:
    translate = QCoreApplication.translate
    assert translate("MainWindow", "%Ln case study(s)", "", 1) == "1 case study"
    assert translate("MainWindow", "%Ln case study(s)", "", 2) == "2 case studies"
    assert translate("TagActions", "tag %n case(s) with %1", "", 1) == "tag 1 case with %1"


@pytest.mark.parametrize(
    ("setting", "system", "shown"),
    [
        ("en", "zh_CN", "en"),
        ("zh_CN", "en_US", "zh_CN"),
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_SG", "zh_CN"),
        ("system", "zh_TW", "en"),  # traditional characters: not this translation
        ("system", "zh_HK", "en"),
        ("system", "fr_FR", "en"),
        ("system", "en_GB", "en"),
        ("nonsense", "zh_CN", "zh_CN"),
    ],
)
def test_language_follows_setting_then_system(setting: str, system: str, shown: str) -> None:
    assert resolve_language(setting, QLocale(system)) == shown


def test_language_names_for_a_chooser() -> None:
    codes = [code for code, _name in language_names()]
    assert codes == ["system", "en", "zh_CN"]
    assert dict(language_names())["zh_CN"] == "简体中文"


def test_gui_applies_the_setting(qapp: object, tmp_path: Path) -> None:
    from app.gui import apply_language

    app = QCoreApplication.instance()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    before = QLocale()
    try:
        assert apply_language(app, settings) == "zh_CN"  # type: ignore[arg-type]
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        settings.setValue(LANGUAGE_KEY, "en")
        assert apply_language(app, settings) == "en"  # type: ignore[arg-type]
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        install_translation(app, "en", locale=False)  # type: ignore[arg-type]
        QLocale.setDefault(before)


@given(st.text(), st.text())
def test_arg_fills_each_placeholder_once(first: str, second: str) -> None:
    assert arg("%1 and %2", first, second) == f"{first} and {second}"
    assert arg("%2%1", first, second) == second + first


# --- the window in Chinese --------------------------------------------------------------


def _english_words(text: str) -> set[str]:
    words = set(re.findall(r"[A-Za-z]{2,}", text.replace("&", "")))
    return words - LATIN_NAMES


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


@pytest.fixture
def chinese_window(chinese: None, small_window):  # type: ignore[no-untyped-def]
    return small_window


def test_menus_and_headers_have_no_english(chinese_window) -> None:  # type: ignore[no-untyped-def]
    win = chinese_window
    texts: list[str] = []
    for action in win.menuBar().actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += list(_menu_texts(action.menu()))
    assert "文件(&F)" in texts and "撤销(&U)" in texts
    model = win.case_model
    texts += [str(model.headerData(c, _horizontal())) for c in range(model.columnCount())]
    facets = win.facet_model
    texts += [facets.item(r).text() for r in range(facets.rowCount())]
    texts += [str(facets.headerData(0, _horizontal()))]
    tags = win.tag_panel.model
    texts += [str(tags.headerData(c, _horizontal())) for c in range(tags.columnCount())]
    for bar in win.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    texts.append(win.statusBar().currentMessage())
    english = {t: _english_words(t) for t in texts if _english_words(t)}
    assert english == {}


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _clipped(widget: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text needs."""
    widget.show()
    QCoreApplication.processEvents()
    clipped = []
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        if not child.isVisible() or not child.text():
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            continue
        if child.width() < child.minimumSizeHint().width():
            clipped.append(f"{child.text()!r}: {child.width()} < {child.minimumSizeHint().width()}")
    return clipped


def test_long_chinese_labels_fit_in_the_window(chinese_window) -> None:  # type: ignore[no-untyped-def]
    win = chinese_window
    for index in range(win.detail.tabs.count()):
        win.detail.tabs.setCurrentIndex(index)
        assert _clipped(win) == []


def test_long_chinese_labels_fit_in_dialogs(chinese_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from views.backup_dialog import RestoreDialog
    from views.check_dialog import CheckDialog
    from views.export_dialog import ExportDialog
    from views.tag_entry import AddTagsDialog

    win = chinese_window
    dialogs: list[QDialog] = [
        ExportDialog(2, 10, 1, win),
        AddTagsDialog(3, ["tea"], lambda _names: None, win),
        CheckDialog(False, ["a problem"], win),
        RestoreDialog(tmp_path / "c.sqlite3", [], win),
    ]
    win.case_actions.new_case()
    assert win.case_actions.dialog is not None
    dialogs.append(win.case_actions.dialog)
    for dialog in dialogs:
        assert _clipped(dialog) == [], type(dialog).__name__
        assert _english_words(dialog.windowTitle()) == set()
        dialog.close()


def test_facet_values_sort_in_the_interface_locale(chinese: None) -> None:
    """Chinese names sort by pinyin in a Chinese interface (not by code point)."""
    from app.case_filter import FACET_DONOR, Facets, FacetValue
    from views.facet_model import FacetModel

    model = FacetModel()
    names = ["上海", "北京", "安徽"]
    values = [FacetValue(FACET_DONOR, str(i), name, 1) for i, name in enumerate(names)]
    model.update_counts(Facets({FACET_DONOR: values}))
    group = next(
        model.item(r) for r in range(model.rowCount()) if model.item(r).text() == "援助省市"
    )
    names = [group.child(r).text() for r in range(group.rowCount())]
    assert names == ["安徽 (1)", "北京 (1)", "上海 (1)"]


def test_the_compiled_translations_ship_in_the_package() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    shipped = pyproject["tool"]["setuptools"]["package-data"]["resources"]
    assert "translations/*.qm" in shipped
    assert (TRANSLATIONS / "casebook_zh_CN.qm").stat().st_size > 10_000


def test_periods_in_the_interface_language(chinese: None) -> None:
    from views.time_text import period_text

    assert period_text(2018, None, True) == "2018 年至今"
    assert period_text(2018, None) == "2018 年起"
    assert period_text(None, 2010) == "至 2010 年"
    assert period_text(2015, 2020) == "2015–2020"


def test_periods_in_english_read_as_before() -> None:
    from app.formatting import format_period
    from views.time_text import period_text

    for start, end, ongoing in [(2018, None, True), (2018, None, False), (None, 2010, False),
                                (2015, 2020, False), (None, None, False)]:  # fmt: skip
        assert period_text(start, end, ongoing) == format_period(None, start, end, ongoing)


def test_sentences_follow_each_other_as_each_language_writes_them() -> None:
    from views.translation import then

    assert then("Saved.", "Undo brings it back.") == "Saved. Undo brings it back."
    assert then("已保存。", "可以撤销。") == "已保存。可以撤销。"
    assert then("", "可以撤销。") == "可以撤销。"


@given(st.text(), st.text(min_size=1))
def test_then_keeps_both_texts_whole(first: str, second: str) -> None:
    from views.translation import then

    joined = then(first, second)
    assert joined.startswith(first) and joined.endswith(second)
    assert len(joined) - len(first) - len(second) in (0, 1)
