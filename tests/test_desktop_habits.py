"""Desktop habits (issue 11): the status count, the title, columns, menus, shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from resources import resource_path
from views.case_table_model import COLUMNS
from views.help_actions import guide_path, shortcut_rows
from views.main_window import MainWindow
from views.roles import TAG_CHIPS_ROLE
from views.table_columns import HIDDEN_KEY
from views.tag_chips import TagChipsDelegate, chip_colours

COLUMN = {key: i for i, (key, _label) in enumerate(COLUMNS)}


def test_the_count_stays_after_another_status_message(small_window: MainWindow) -> None:
    small_window.statusBar().showMessage("Backed up to somewhere.")
    assert small_window.count_label.isVisible()
    assert small_window.count_label.text() == "2 case studies"
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert small_window.count_label.text() == "1 of 2 case studies"
    assert small_window.statusBar().currentMessage() == "Backed up to somewhere."


def test_the_title_names_the_catalogue_once(small_window: MainWindow) -> None:
    """The platform appends the display name; the title must not hold it already."""
    title = small_window.windowTitle()
    assert title == "small.sqlite3"
    assert QApplication.applicationDisplayName() not in title


def test_default_columns_fit_a_1024_by_700_window(qtbot: QtBot, small_window: MainWindow) -> None:
    small_window.resize(1024, 700)
    qtbot.waitUntil(lambda: small_window.width() == 1024)
    QApplication.processEvents()
    table = small_window.table
    width = table.viewport().width()
    for key in ("title", "start_year", "tags", "notes"):
        column = COLUMN[key]
        assert not table.isColumnHidden(column)
        left = table.columnViewportPosition(column)
        assert 0 <= left and left + table.columnWidth(column) <= width, key


def _scope(action: QObject) -> str:
    """Where a shortcut is live: the whole window, or only in the widgets it is added to."""
    assert isinstance(action, (QAction, QShortcut))
    context = action.shortcutContext() if isinstance(action, QAction) else action.context()
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return "window"
    if isinstance(action, QShortcut):
        return f"widget {id(action.parent())}"
    owners = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
    owners = [o for o in owners if not isinstance(o, QMenu)] or [action.parent()]
    return " ".join(sorted(f"widget {id(o)}" for o in owners))


def _shortcut_clashes(window: MainWindow) -> list[str]:
    """Keys bound twice where both are live at once (Qt then calls them ambiguous and
    does nothing): any two window-wide bindings, or one in a widget and one window-wide
    or in the same widget."""
    seen: dict[tuple[str, str], str] = {}
    window_keys: dict[str, str] = {}
    clashes: list[str] = []
    objects: list[QObject] = [*window.findChildren(QAction), *window.findChildren(QShortcut)]
    for obj in objects:
        assert isinstance(obj, (QAction, QShortcut))
        keys = obj.shortcuts() if isinstance(obj, QAction) else obj.keys()
        name = obj.text() if isinstance(obj, QAction) else obj.objectName() or "a QShortcut"
        scope = _scope(obj)
        for key in keys:
            text = key.toString()
            if (scope, text) in seen:
                clashes.append(f"{text}: {seen[scope, text]!r} and {name!r}")
            seen[scope, text] = name
            if scope == "window":
                window_keys.setdefault(text, name)
    for (scope, text), name in seen.items():
        if scope != "window" and text in window_keys:
            clashes.append(f"{text}: {window_keys[text]!r} and {name!r} (in a widget)")
    return clashes


def test_no_two_actions_share_a_shortcut(small_window: MainWindow) -> None:
    # Context menus' actions exist once their panels are built: build the lazy ones.
    _ = small_window.notes_dock
    for index in range(small_window.view_tabs.count()):
        small_window.view_tabs.setCurrentIndex(index)
    small_window.view_tabs.setCurrentIndex(0)
    assert _shortcut_clashes(small_window) == []


def test_a_shared_shortcut_is_found(small_window: MainWindow) -> None:
    twin = QAction("Twin", small_window)
    twin.setShortcut(QKeySequence("Ctrl+E"))  # Export's
    assert any("Ctrl+E" in clash for clash in _shortcut_clashes(small_window))
    twin.setShortcut(QKeySequence("Ctrl+Shift+Y"))
    assert _shortcut_clashes(small_window) == []


def test_redo_answers_ctrl_y_and_ctrl_shift_z_once_each(small_window: MainWindow) -> None:
    keys = [k.toString() for k in small_window.redo_action.shortcuts()]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys and len(keys) == len(set(keys))


def test_the_shortcuts_list_is_read_from_the_actions(small_window: MainWindow) -> None:
    help_actions = small_window.help_actions
    rows = shortcut_rows(small_window)
    assert ("Edit", "Find…", "Ctrl+F") in rows
    assert ("View", "Zoom In", "Ctrl+=") in [(w, t, k.split(",")[0]) for w, t, k in rows]
    help_actions.shortcuts_action.trigger()  # shown once before the action exists
    extra = QAction("&Frobnicate", small_window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+F12"))
    small_window.view_menu.addAction(extra)
    help_actions.shortcuts_action.trigger()
    dialog = help_actions.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    shown = [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]
    assert ("View", "Frobnicate", "Ctrl+Shift+F12") in shown
    dialog.close()


def test_the_user_guide_opens_from_the_help_menu(small_window: MainWindow) -> None:
    help_actions = small_window.help_actions
    assert help_actions.guide_action in small_window.help_menu.actions()
    help_actions.guide_action.trigger()
    guide = help_actions.guide_window
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "Casebook User Guide" in text and "Save a Copy" in text
    assert guide_path("en") == resource_path("user-guide.html")
    guide.close()


def test_the_user_guide_ships_with_the_package() -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["resources"]
    assert any(resource_path().joinpath("user-guide.html").match(p) for p in patterns)
    assert resource_path("user-guide.html").is_file()


def _tag(window: MainWindow, names: list[str], colours: dict[str, str]) -> int:
    """Tag the first row's case with `names` (and colour some); return its row."""
    from app.tags import set_tag_colour, tag_cases

    case = window.case_model.case_id(0)
    window.change("tag", tag_cases, [case], names)
    for name, colour in colours.items():
        window.change("colour", set_tag_colour, name, colour)
    return window.case_model.row_of(case)


def test_the_tags_column_shows_the_tag_names_in_their_colours(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    row = _tag(small_window, ["tea", "Craft"], {"tea": "#d81b60"})
    column = COLUMN["tags"]
    index = small_window.case_model.index(row, column)
    assert index.data() == "Craft, tea"  # by name, whatever the case
    assert index.data(TAG_CHIPS_ROLE) == (("Craft", ""), ("tea", "#d81b60"))
    assert "Craft, tea" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(small_window.table.itemDelegateForColumn(column), TagChipsDelegate)
    small_window.table.clearSelection()
    small_window.table.setColumnWidth(column, 160)
    cell = small_window.table.visualRect(index)
    image = small_window.table.viewport().grab(cell).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert "#d81b60" in colours  # the chip of "tea"


def test_chips_that_do_not_fit_end_in_a_count_and_never_spill(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    names = [f"tag number {i}" for i in range(8)]
    row = _tag(small_window, names, {name: "#1e88e5" for name in names})
    column = COLUMN["tags"]
    small_window.table.setColumnWidth(column, 120)
    small_window.table.clearSelection()
    index = small_window.case_model.index(row, column)
    cell = small_window.table.visualRect(index)
    wider = cell.adjusted(0, 0, 60, 0)  # the cell and what lies right of it
    image = small_window.table.viewport().grab(wider).toImage()
    spilled = [
        (x, y)
        for x in range(cell.width() + 1, image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).name() == "#1e88e5"
    ]
    assert spilled == []


def test_chip_text_reads_on_light_and_dark_colours() -> None:
    palette = QApplication.palette()
    assert chip_colours("#ffeb3b", palette)[1].name() == "#000000"
    assert chip_colours("#0d47a1", palette)[1].name() == "#ffffff"
    background, _text = chip_colours("", palette)
    assert background.isValid()
    assert chip_colours("not a colour", palette)[0].isValid()


def test_the_header_menu_hides_and_shows_columns_and_remembers(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    columns = small_window.table_columns
    texts = [a.text() for a in columns.menu.actions()]
    assert texts == ["Title", "Donor", "Recipient", "Sector", "Period", "Tags", "Notes"]
    assert not columns.column_actions["title"].isEnabled()  # the title always shows
    columns.column_actions["sector"].trigger()
    assert small_window.table.isColumnHidden(COLUMN["sector"])
    assert not columns.column_actions["sector"].isChecked()
    small_window.save_state()
    again = MainWindow(None, small_window.settings)
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(COLUMN["sector"])
    assert not again.table.isColumnHidden(COLUMN["donor"])
    assert not again.table_columns.column_actions["sector"].isChecked()
    again.table_columns.column_actions["sector"].trigger()
    assert not again.table.isColumnHidden(COLUMN["sector"])
    assert again.table.columnWidth(COLUMN["sector"]) > 0


def test_the_header_opens_the_column_menu_on_right_click(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    header = small_window.table.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    header.customContextMenuRequested.emit(QPoint(10, 5))
    menu = small_window.table_columns.menu
    qtbot.waitUntil(menu.isVisible)
    menu.close()


def test_the_match_column_is_not_the_menus_and_follows_the_search(
    small_window: MainWindow,
) -> None:
    small_window.settings.setValue(HIDDEN_KEY, ["title", "relevance", "nonsense", "notes"])
    small_window.table_columns.apply()
    assert not small_window.table.isColumnHidden(COLUMN["title"])
    assert small_window.table.isColumnHidden(COLUMN["notes"])
    small_window.filter_edit.setText("solar")
    small_window.apply_filter()
    assert not small_window.table.isColumnHidden(COLUMN["relevance"])


def test_the_title_takes_the_room_a_wider_window_has_until_columns_are_sized(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    table = small_window.table
    small_window.resize(1400, 800)
    qtbot.waitUntil(lambda: small_window.width() == 1400)
    QApplication.processEvents()
    last = max(COLUMN[k] for k in ("notes", "tags", "start_year"))
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert table.viewport().width() - 30 <= right <= table.viewport().width()
    table.horizontalHeader().resizeSection(COLUMN["donor"], 200)  # the user sizes one
    title = table.columnWidth(COLUMN["title"])
    small_window.resize(1300, 800)
    qtbot.waitUntil(lambda: small_window.width() == 1300)
    QApplication.processEvents()
    assert table.columnWidth(COLUMN["title"]) == title
