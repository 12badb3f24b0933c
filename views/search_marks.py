"""Marking the searched words in the text a user reads (the detail pane, the reading tab)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

MARK_COLOUR = QColor(255, 193, 7)  # amber: the matched word, beside the highlight colours
MAX_MARKS = 2000


def word_selections(document: QTextDocument, patterns: list[str]) -> list[QTextEdit.ExtraSelection]:
    """An extra selection (a thick amber underline) on every match of `patterns`.

    Extra selections, not edits: nothing the user could save or highlight
    changes. An underline rather than a background, so a matched word inside a
    highlighted passage shows both.
    """
    selections: list[QTextEdit.ExtraSelection] = []
    fmt = QTextCharFormat()
    fmt.setFontUnderline(True)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(MARK_COLOUR)
    fmt.setFontWeight(700)
    for pattern in patterns:
        expression = QRegularExpression(pattern)
        if not expression.isValid():
            continue
        cursor = document.find(expression, 0)
        while not cursor.isNull() and cursor.hasSelection() and len(selections) < MAX_MARKS:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(cursor)
            selection.format = fmt
            selections.append(selection)
            cursor = document.find(expression, cursor)
    return selections


def mark_words(edit: QTextEdit | QPlainTextEdit, patterns: list[str]) -> int:
    """Mark every match of `patterns` in `edit` (replacing its extra selections); how many."""
    selections = word_selections(edit.document(), patterns)
    edit.setExtraSelections(selections)
    return len(selections)
