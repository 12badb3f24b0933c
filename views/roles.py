"""Custom item-data roles shared by Casebook's models."""

from PySide6.QtCore import Qt

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SLUG_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
MATCH_ROLE = Qt.ItemDataRole.UserRole + 4  # list[app.search.results.Match] of a table row
TAG_CHIPS_ROLE = Qt.ItemDataRole.UserRole + 5  # ((name, colour), ...) of a table row's tags
FACET_GROUP_ROLE = Qt.ItemDataRole.UserRole + 10
FACET_KEY_ROLE = Qt.ItemDataRole.UserRole + 11
FACET_COUNT_ROLE = Qt.ItemDataRole.UserRole + 12
TAG_KEY_ROLE = Qt.ItemDataRole.UserRole + 20
TAG_NAME_ROLE = Qt.ItemDataRole.UserRole + 21
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 30
HIGHLIGHT_ID_ROLE = Qt.ItemDataRole.UserRole + 40
