"""The search box: the query, a help popup with the language, and a line for a malformed query."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class SearchBar(QWidget):
    """The query line edit with its help button, and the message line under it."""

    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("filterEdit")
        self.edit.setPlaceholderText(
            self.tr('Search everything: words, "phrases", -word, OR, tag:, year:… (Ctrl+F)')
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(420)
        clear_text = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.edit)
        clear_text.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear_text.activated.connect(self.edit.clear)
        self.help_button = QToolButton(self)
        self.help_button.setObjectName("searchHelp")
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("How to search"))
        self.help_button.clicked.connect(self.show_help)
        self.help_popup = QLabel(self, Qt.WindowType.Popup)
        self.help_popup.setObjectName("searchHelpPopup")
        self.help_popup.setTextFormat(Qt.TextFormat.RichText)
        self.help_popup.setContentsMargins(10, 8, 10, 8)
        self.message = QLabel(self)
        self.message.setObjectName("searchError")
        self.message.setStyleSheet("color: #c62828;")  # readable on light and dark
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        line.addWidget(self.help_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.message)

    def show_problem(self, text: str | None) -> None:
        """Show one line under the box (None hides it)."""
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def problem(self) -> str | None:
        return self.message.text() if self.message.isVisible() else None

    def help_html(self) -> str:
        """The query language, with examples (the README has the same)."""
        rows = [
            ("solar school", self.tr("both words, anywhere: titles, texts, places, people, "
                                     "figures, sources, tags, notes, highlights")),
            ("刺绣 · 绣 · kashi · قەشقەر", self.tr("Chinese by any of its characters, the "
                                                "pinyin of Chinese names, Uyghur")),
            ('"jade carving"', self.tr("the exact phrase")),
            ("-teachers", self.tr("leave out cases with the word")),
            ("tea OR jade", self.tr("either word")),
            ("photo*", self.tr("words starting with photo")),
            ("tag:craft", self.tr("tagged craft or a tag under it, on the case or a highlight")),
            ("sector:energy  form:talent", self.tr("a sector, a form of assistance")),
            ("donor:hubei  recipient:kashgar", self.tr("a side of the pairing, places inside too")),
            ("source:xinhua", self.tr("a source's title, author or publisher")),
            ("year:2015..2020  year:..2010", self.tr("the case's period overlaps")),
            ("has:notes  has:highlights", self.tr("cases with notes, highlights, figures, tags")),
        ]  # fmt: skip
        body = "".join(
            f"<tr><td><code>{html.escape(q)}</code></td><td>{html.escape(d)}</td></tr>"
            for q, d in rows
        )
        return (
            f"<b>{self.tr('How to search')}</b><table cellspacing='4'>{body}</table>"
            f"<p>{self.tr('Results come best match first; click a column to sort by it.')}</p>"
        )

    def show_help(self) -> None:
        """A popup under the button; a click anywhere else closes it."""
        popup = self.help_popup
        popup.setText(self.help_html())
        popup.resize(popup.sizeHint())
        corner = self.help_button.mapToGlobal(self.help_button.rect().bottomRight())
        screen = self.help_button.screen().availableGeometry()
        x = max(screen.left(), min(corner.x() - popup.width(), screen.right() - popup.width()))
        popup.move(x, corner.y())
        popup.show()
