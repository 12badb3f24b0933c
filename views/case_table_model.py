"""The catalogue table: holds only the ordered case ids, fetches rows a page at a time.

Sorting and filtering are done in SQL by app.query; the model asks for a new
id list and resets. Rows are fetched on demand in pages of PAGE_SIZE and kept
in a bounded cache, so 100,000 cases cost a list of ints, not 100,000 rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.case_filter import SORT_KEYS, CaseFilter, CaseRow, SortKey
from app.search.results import Match, has_words
from views.literal_text import literal
from views.roles import CASE_ID_ROLE, MATCH_ROLE, SLUG_ROLE, TAG_CHIPS_ROLE
from views.time_text import period_text
from views.translation import QT_TRANSLATE_NOOP, in_chinese

PAGE_SIZE = 200
MAX_CACHED_PAGES = 64

COLUMNS: tuple[tuple[SortKey, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("CaseTableModel", "Title")),
    ("donor", QT_TRANSLATE_NOOP("CaseTableModel", "Donor")),
    ("recipient", QT_TRANSLATE_NOOP("CaseTableModel", "Recipient")),
    ("sector", QT_TRANSLATE_NOOP("CaseTableModel", "Sector")),
    ("start_year", QT_TRANSLATE_NOOP("CaseTableModel", "Period")),
    ("tags", QT_TRANSLATE_NOOP("CaseTableModel", "Tags")),
    ("notes", QT_TRANSLATE_NOOP("CaseTableModel", "Notes")),
    (
        "relevance",
        QT_TRANSLATE_NOOP("CaseTableModel", "Match"),
    ),  # where a search found each case; sorting by it: best first
)
MATCH_COLUMN = len(COLUMNS) - 1
MATCH_BATCH = 25
assert tuple(key for key, _ in COLUMNS) == SORT_KEYS

IdLoader = Callable[[CaseFilter, SortKey, bool], list[int]]
MatchLoader = Callable[[list[int], str], dict[int, list[Match]]]
RowLoader = Callable[[list[int]], dict[int, CaseRow]]
AnyIndex = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(
        self, load_ids: IdLoader, load_rows: RowLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._load_ids = load_ids
        self._load_rows = load_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, CaseRow]] = OrderedDict()
        self._filter = CaseFilter()
        self._sort: SortKey = "title"
        self._descending = False
        self._load_matches: MatchLoader | None = None
        self._matches: dict[int, list[Match]] = {}
        self._has_words = False
        self._positions: dict[int, int] | None = None  # case id -> row, built when asked

    # --- what the window drives -------------------------------------------------

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, flt: CaseFilter) -> None:
        """Show the cases `flt` finds. The id query runs first: a malformed query raises
        QueryError and leaves the table as it was."""
        ids = self._load_ids(flt, self._sort, self._descending)
        self.beginResetModel()
        self._filter = flt
        self._has_words = has_words(flt.text)
        self._set_ids(ids)
        self.endResetModel()

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._positions = None
        self._pages.clear()
        self._matches.clear()

    def set_match_loader(self, loader: MatchLoader) -> None:
        self._load_matches = loader

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    def set_sort(self, key: SortKey, descending: bool = False) -> None:
        """Sort by `key` from the next query on (no query now)."""
        self._sort = key
        self._descending = descending

    def reload(self) -> None:
        """Re-run the query (after a filter, sort or data change)."""
        ids = self._load_ids(self._filter, self._sort, self._descending)
        self.beginResetModel()
        self._set_ids(ids)
        self.endResetModel()

    def invalidate_rows(self) -> None:
        """Drop cached rows (their counts or titles changed) and repaint."""
        self._pages.clear()
        self._matches.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def repaint_cases(self, case_ids: frozenset[int] | None) -> None:
        """Read these cases' rows again when next painted (None: every row); the
        list of cases, the selection and the scroll position stay as they are."""
        if case_ids is None:
            self.invalidate_rows()
            return
        positions = self.positions()
        rows = sorted(positions[i] for i in case_ids if i in positions)
        for case_id in case_ids:
            self._matches.pop(case_id, None)
        for page_no in {row // PAGE_SIZE for row in rows}:
            self._pages.pop(page_no, None)
        last = len(COLUMNS) - 1
        for first, end in row_runs(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def case_id(self, row: int) -> int:
        return self._ids[row]

    def positions(self) -> dict[int, int]:
        """Each shown case's row."""
        if self._positions is None:
            self._positions = {case_id: row for row, case_id in enumerate(self._ids)}
        return self._positions

    def row_of(self, case_id: int) -> int:
        return self.positions().get(case_id, -1)

    def case_ids(self) -> list[int]:
        return list(self._ids)

    # --- Qt's model interface ---------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section][1])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[index.row()]
        if role == TAG_CHIPS_ROLE:
            return self._row(index.row()).tags if COLUMNS[index.column()][0] == "tags" else None
        if index.column() == MATCH_COLUMN and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            MATCH_ROLE,
        ):
            return self._match_data(index.row(), role)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            SLUG_ROLE,
        ):
            return None
        row = self._row(index.row())
        if role == SLUG_ROLE:
            return row.slug
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "notes":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "tags":
                return literal(", ".join(name for name, _colour in row.tags)) or None
            return _title_tip(row) if key == "title" else None
        return _display(row, key)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] for i in old]
        self._set_ids(self._load_ids(self._filter, self._sort, self._descending))
        positions = self.positions()
        self.changePersistentIndexList(
            old,
            [
                self.index(positions[cid], i.column()) if cid in positions else QModelIndex()
                for cid, i in zip(old_ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

    # --- matches ----------------------------------------------------------------

    def matches_of(self, row: int) -> list[Match]:
        """Where the search found the case on `row` (read for a few rows at a time)."""
        if not self._has_words or self._load_matches is None:
            return []
        case_id = self._ids[row]
        if case_id not in self._matches:
            batch = [i for i in self._ids[row : row + MATCH_BATCH] if i not in self._matches]
            if len(self._matches) > PAGE_SIZE * 4:
                self._matches.clear()
            found = self._load_matches(batch, self._filter.text)
            for i in batch:
                self._matches[i] = found.get(i, [])
        return self._matches.get(case_id, [])

    def _match_data(self, row: int, role: int) -> Any:
        matches = self.matches_of(row)
        if role == MATCH_ROLE:
            return matches
        if role == Qt.ItemDataRole.ToolTipRole:
            return "".join(literal(m.label()) for m in matches) or None
        return matches[0].label() if matches else ""

    # --- paging -----------------------------------------------------------------

    def _row(self, row: int) -> CaseRow:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
            page = self._load_rows(ids)
            self._pages[page_no] = page
            if len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        found = page.get(self._ids[row])
        # A case deleted since the ids were read shows as a blank row until the next reload.
        return found if found is not None else _gone(self._ids[row])


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _title_tip(row: CaseRow) -> str:
    """The whole title, and under it the Chinese title when the case has one."""
    return literal(f"{row.title}\n{row.title_zh}" if row.title_zh else row.title)


def _gone(case_id: int) -> CaseRow:
    return CaseRow(case_id, "", "", "", "", "", None, None, False, 0, 0)


def _display(row: CaseRow, key: SortKey) -> str | int:
    match key:
        case "title":
            return row.title
        case "donor":
            return row.donor_zh or row.donor if in_chinese() else row.donor
        case "recipient":
            return row.recipient_zh or row.recipient if in_chinese() else row.recipient
        case "sector":
            return row.sector
        case "start_year":
            return period_text(row.start_year, row.end_year, row.ongoing)
        case "tags":
            # The names, for copying and screen readers; views/tag_chips.py paints chips.
            return ", ".join(name for name, _colour in row.tags)
        case "notes":
            return row.note_count
        case "relevance":
            return ""
