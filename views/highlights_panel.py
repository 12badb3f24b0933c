"""The Read & Highlight tab: a case's summary and narrative with its highlighted passages.

Select text and press Highlight Selection: the passage is coloured (by its
tag's colour) and listed beside the text with its tag and comment. Clicking
an entry scrolls to its passage. A highlight whose passage was edited away is
listed as orphaned with its quote; it is never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from views.literal_text import literal
from views.open_dialog import OpenDialog
from views.roles import HIGHLIGHT_ID_ROLE
from views.search_marks import word_selections
from views.text_offsets import from_utf16, to_utf16
from views.text_slice import more_text_line, shown_part
from views.translation import arg, number

if TYPE_CHECKING:
    from app.detail import CaseDetail
    from app.highlights import HighlightInfo
    from views.highlight_dialog import HighlightDialog
    from views.main_window import MainWindow

EXCERPT = 90
ORPHANED_COLOUR = "#9e9e9e"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


class HighlightsPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.detail: CaseDetail | None = None
        self.highlights: dict[int, HighlightInfo] = {}
        self.opened: OpenDialog[HighlightDialog] = OpenDialog()
        self.texts: dict[str, QPlainTextEdit] = {}
        self.search_patterns: list[str] = []
        # Each text shows at most its first SHOWN_CHARACTERS (a prefix, so the
        # offsets of passages inside it are the text's own); this line says what is left.
        self.more_labels: dict[str, QLabel] = {}
        reading = QWidget(self)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        for field, label in (("summary", self.tr("Summary")), ("narrative", self.tr("Narrative"))):
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"{field}Text")
            edit.setReadOnly(True)
            edit.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            edit.selectionChanged.connect(lambda f=field: self._on_selection(f))
            self.texts[field] = edit
            more = QLabel(self)
            more.setObjectName(f"{field}More")
            more.setWordWrap(True)
            more.setTextFormat(Qt.TextFormat.PlainText)
            more.hide()
            self.more_labels[field] = more
            reading_layout.addWidget(QLabel(f"<b>{label}</b>", self))
            reading_layout.addWidget(edit, 1 if field == "summary" else 3)
            reading_layout.addWidget(more)
        self._last_field = "summary"

        self.list_model = QStandardItemModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("highlightList")
        self.list_view.setModel(self.list_model)
        self.list_view.setWordWrap(True)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.clicked.connect(self.go_to)
        self.list_view.activated.connect(self.go_to)
        self.list_view.doubleClicked.connect(self.edit_current)

        self.highlight_action = QAction(self.tr("&Highlight Selection…"), self)
        self.highlight_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.highlight_action.triggered.connect(self.highlight_selection)
        self.highlight_button = QPushButton(self.tr("&Highlight Selection…"), self)
        self.highlight_button.setObjectName("highlightButton")
        self.highlight_button.clicked.connect(self.highlight_selection)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteHighlightButton")
        self.delete_button.clicked.connect(self.delete_current)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(arg("<b>%1</b>", self.tr("Highlights")), self))
        side_layout.addWidget(self.list_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        side_layout.addWidget(self.highlight_button)
        side_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(reading)
        splitter.addWidget(side)
        splitter.setSizes([560, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._update_enabled()

    # --- showing ----------------------------------------------------------------------

    def show_case(self, detail: CaseDetail | None, *, highlights_changed: bool = True) -> None:
        """Show a case's texts and its highlights (read again unless the same case's
        highlights are known not to have changed)."""
        changed_case = self.detail is None or detail is None or self.detail.id != detail.id
        self.detail = detail
        for field, edit in self.texts.items():
            shown = shown_part(getattr(detail, field) if detail else "")
            if edit.toPlainText() != shown.text or changed_case:
                edit.setPlainText(shown.text)
            more = self.more_labels[field]
            more.setText(more_text_line(shown))
            more.setVisible(bool(shown.hidden))
        if highlights_changed or changed_case:
            self.reload()
        else:
            self._paint()

    @Slot()
    def reload(self) -> None:
        if self.detail is None or self.window_._service is None:
            self.highlights = {}
        else:
            found = self.window_.service.highlights_of_case(self.detail.id)
            self.highlights = {h.id: h for h in found}
        current = self.current_id()
        self.list_model.clear()
        for h in self.highlights.values():
            item = QStandardItem()
            lines = [f"“{_excerpt(h.quote)}”"]
            extra = " · ".join(x for x in (h.tag, _excerpt(h.comment), h.author) if x)
            if extra:
                lines.append(extra)
            if h.orphaned:
                lines.insert(0, self.tr("Passage no longer in the text (kept):"))
                item.setForeground(QBrush(QColor("#666")))
            item.setText("\n".join(lines))
            item.setToolTip(literal(h.comment or h.quote))
            item.setData(QColor(ORPHANED_COLOUR if h.orphaned else h.colour),
                         Qt.ItemDataRole.DecorationRole)  # fmt: skip
            item.setData(h.id, HIGHLIGHT_ID_ROLE)
            self.list_model.appendRow(item)
            if h.id == current:
                self.list_view.setCurrentIndex(item.index())
        self._paint()
        self._update_enabled()

    def _paint(self) -> None:
        """Colour every anchored highlight in its text."""
        for field, edit in self.texts.items():
            text = edit.toPlainText()
            selections = []
            for h in self.highlights.values():
                if h.field != field or h.orphaned or h.end > len(text):
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(to_utf16(text, h.start))
                cursor.setPosition(to_utf16(text, h.end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                fmt = QTextCharFormat()
                colour = QColor(h.colour)
                colour.setAlpha(150)
                fmt.setBackground(colour)
                selection.format = fmt
                selections.append(selection)
            selections += word_selections(edit.document(), self.search_patterns)
            edit.setExtraSelections(selections)

    def set_search_patterns(self, patterns: list[str]) -> None:
        """Mark the words the current search looks for (see views/search_marks)."""
        if patterns != self.search_patterns:
            self.search_patterns = patterns
            self._paint()

    def current_id(self) -> int | None:
        index = self.list_view.currentIndex()
        return int(index.data(HIGHLIGHT_ID_ROLE)) if index.isValid() else None

    def select_highlight(self, highlight_id: int) -> None:
        """Make the highlight current in the list and show its passage."""
        row = self.row_of(highlight_id)
        if row >= 0:
            index = self.list_model.index(row, 0)
            self.list_view.setCurrentIndex(index)
            self.go_to(index)

    def row_of(self, highlight_id: int) -> int:
        for row in range(self.list_model.rowCount()):
            if self.list_model.item(row).data(HIGHLIGHT_ID_ROLE) == highlight_id:
                return row
        return -1

    def _on_selection(self, field: str) -> None:
        """The text last selected in is the one Highlight Selection uses."""
        if self.texts[field].textCursor().hasSelection():
            self._last_field = field
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        has_selection = self.texts[self._last_field].textCursor().hasSelection()
        writable = self.window_.writable()
        enabled = self.detail is not None and has_selection and writable
        self.highlight_action.setEnabled(enabled)
        self.highlight_button.setEnabled(enabled)
        has_current = self.current_id() is not None and writable
        self.edit_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)

    @Slot(QModelIndex)
    def go_to(self, index: QModelIndex) -> None:
        """Scroll to the highlight's passage and select it."""
        h = self.highlights.get(int(index.data(HIGHLIGHT_ID_ROLE))) if index.isValid() else None
        self._update_enabled()
        if h is None:
            return
        if h.orphaned:
            self.window_.statusBar().showMessage(
                self.tr("This passage is no longer in the text; its quote and comment are kept."),
                8000,
            )
            return
        edit = self.texts[h.field]
        text = edit.toPlainText()
        if h.end > len(text):
            self.window_.statusBar().showMessage(
                arg(
                    self.tr("This passage is past the first %1 characters shown here."),
                    number(len(text)),
                ),
                8000,
            )
            return
        cursor = QTextCursor(edit.document())
        cursor.setPosition(to_utf16(text, h.start))
        cursor.setPosition(to_utf16(text, h.end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.centerCursor()

    # --- changing ---------------------------------------------------------------------

    def selected_span(self) -> tuple[str, int, int] | None:
        """(field, start, end) in Python offsets of the text selected for highlighting."""
        edit = self.texts[self._last_field]
        cursor = edit.textCursor()
        if not cursor.hasSelection():
            return None
        text = edit.toPlainText()
        return (
            self._last_field,
            from_utf16(text, cursor.selectionStart()),
            from_utf16(text, cursor.selectionEnd()),
        )

    @Slot()
    def highlight_selection(self) -> None:
        span = self.selected_span()
        if self.detail is None or span is None:
            return
        field, start, end = span
        quote = self.texts[field].toPlainText()[start:end]
        case_id = self.detail.id

        def apply(tag: str, comment: str) -> None:
            from app.highlights import add_highlight

            self.window_.change(
                arg(self.tr("highlight '%1'"), _excerpt(quote)[:40]), add_highlight, case_id,
                field, start, end,
                tag=tag, comment=comment,
            )  # fmt: skip

        self._dialog(quote, apply)

    def add(self, field: str, start: int, end: int, tag: str = "", comment: str = "") -> None:
        """Highlight text[start:end] of a field directly (no dialog)."""
        from app.highlights import add_highlight

        if self.detail is not None:
            self.window_.change(self.tr("highlight"), add_highlight, self.detail.id, field,
                                start, end, tag=tag, comment=comment)  # fmt: skip

    @Slot()
    def edit_current(self) -> None:
        current = self.current_id()
        h = self.highlights.get(current) if current is not None else None
        if h is None:
            return

        def apply(tag: str, comment: str) -> None:
            from app.highlights import HighlightChangedElsewhereError, update_highlight

            started = (h.tag, h.comment)
            try:
                self.window_.change(self.tr("edit highlight"), update_highlight, h.id,
                                    tag=tag, comment=comment, expected=started)  # fmt: skip
            except HighlightChangedElsewhereError as exc:
                if self.keep_mine(exc.theirs, (tag, comment)):
                    self.window_.change(self.tr("edit highlight"), update_highlight, h.id,
                                        tag=tag, comment=comment, expected=exc.theirs)  # fmt: skip

        self._dialog(h.quote, apply, h.tag, h.comment)

    def keep_mine(self, theirs: tuple[str, str], mine: tuple[str, str]) -> bool:
        """Someone else saved the highlight meanwhile: both versions shown, the user picks."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Highlight Saved by Someone Else"))
        none = self.tr("(none)")
        box.setText(
            self.tr(
                "This highlight was changed elsewhere while you edited it.\n\n"
                "Theirs (saved now): tag %1; comment %2\nYours: tag %3; comment %4"
            )
            .replace("%1", theirs[0] or none)
            .replace("%2", theirs[1] or none)
            .replace("%3", mine[0] or none)
            .replace("%4", mine[1] or none)
        )
        mine_button = box.addButton(self.tr("Save Mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep Theirs"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine_button)
        self.ask(box)
        return box.clickedButton() is mine_button

    def ask(self, box: QMessageBox) -> int:
        """Show the question and wait (tests stand in for this)."""
        return box.exec()

    @Slot()
    def delete_current(self) -> None:
        from app.highlights import delete_highlight

        current = self.current_id()
        h = self.highlights.get(current) if current is not None else None
        if h is not None:
            self.window_.change(
                arg(self.tr("delete highlight '%1'"), _excerpt(h.quote)[:40]),
                delete_highlight,
                h.id,
            )

    def _tag_names(self) -> list[str]:
        return [t.name for t in self.window_.service.tags()]

    def _dialog(
        self, quote: str, apply: Callable[[str, str], None], tag: str = "", comment: str = ""
    ) -> None:
        from views.highlight_dialog import HighlightDialog  # only when asked

        dialog = HighlightDialog(quote, self._tag_names(), apply, self, tag=tag, comment=comment)
        self.opened.open(dialog)

    @property
    def dialog(self) -> HighlightDialog | None:
        return self.opened.dialog
