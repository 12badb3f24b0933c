"""The main window: facets | catalogue table | detail pane, with a filter box on top."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeView,
    QWidget,
)

from app import __version__
from app.case_filter import (
    FACET_DONOR,
    FACET_FORM,
    FACET_RECIPIENT,
    FACET_SECTOR,
    SORT_KEYS,
    CaseFilter,
)
from app.change_scope import DETAIL_TABLES, FACET_TABLES, ChangeScope, filter_tables
from app.search.language import QueryError
from app.search.results import Match, has_words, mark_patterns
from views.appearance import AppearanceController
from views.case_form_actions import CaseFormActions
from views.case_table_model import MATCH_COLUMN, CaseTableModel, row_runs
from views.commands import ChangeCommand, ChangeFailed
from views.detail_pane import DetailPane
from views.export_dialog import ExportController
from views.facet_counter import FacetCounter
from views.facet_model import FacetModel
from views.file_actions import FileActions
from views.help_actions import HelpActions
from views.highlights_panel import HighlightsPanel
from views.history_panel import HistoryPanel
from views.import_dialog import ImportController
from views.live_updates import LiveUpdates
from views.log_poller import LogPoller
from views.maintenance_actions import MaintenanceActions
from views.notes_panel import NotesPanel
from views.preferences_dialog import PreferencesController
from views.roles import FACET_GROUP_ROLE, FACET_KEY_ROLE, MATCH_ROLE
from views.saved_searches_panel import SavedSearchesPanel
from views.search_bar import SearchBar
from views.search_marks import mark_words
from views.table_columns import TableColumns
from views.tag_actions import TagActions
from views.tag_panel import TagPanel
from views.team_connect import TeamConnect
from views.toggle_on_click import toggle_on_click
from views.translation import arg, number, tr_message
from views.visual_views import VIEWS, ViewTabs, view_title
from views.vocab_actions import VocabActions
from views.window_title import window_title

if TYPE_CHECKING:
    from app.case_filter import CaseRow, SortKey
    from app.changes import ChangeSet, Journal
    from app.service import CatalogueService
    from views.notes_browser import NotesDock

P = ParamSpec("P")
T = TypeVar("T")

FILTER_DELAY_MS = 150
WATCH_MS = 1000
# Title, donor, recipient, sector, period, tags, notes, match: together they fit
# the table's width in a 1024×700 window (tests/test_desktop_habits.py).
DEFAULT_COLUMN_WIDTHS = (220, 95, 95, 95, 95, 110, 50, 420)  # Period fits "2018–ongoing"
ROW_HEIGHT_PADDING = 8


class MainWindow(QMainWindow):
    """The catalogue window.

    Built with a service, it shows the catalogue at once. Built with None (as
    at start-up, so the window appears before the database layer is even
    imported), it stays empty until `attach` gives it the opened catalogue.

    Every change goes through `change`, which writes it through the service
    and pushes it onto the undo stack. What the change touched (a ChangeScope)
    then goes to `catalogue_changed`, which redraws the table's touched rows
    and the detail if they changed, and on to every panel by
    `catalogueChanged`: each re-reads only if its data changed.
    """

    # A ChangeScope: what changed (ChangeScope.whole() when nobody knows).
    catalogueChanged = Signal(object)
    # The filter the table shows, without a restriction a view set (for the views).
    filterApplied = Signal(object)

    def __init__(
        self,
        service: CatalogueService | None,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.settings = settings
        # The platform adds " — Casebook" (the application's display name) itself.
        self.setWindowTitle("Casebook")

        # Every change the user makes goes through this stack (see views/commands).
        self.undo_stack = QUndoStack(self)
        self.case_model = CaseTableModel(self._load_ids, self._load_rows, self)
        self.case_model.set_match_loader(self._load_matches)
        self.facet_model = FacetModel(self)
        # Facet counts are worked out off the GUI thread, newest keystroke only.
        self.facet_counter = FacetCounter(self)
        self.facet_counter.counted.connect(self.facet_model.update_counts)
        self._searching = False  # whether the query has words (the table is by relevance)
        self._only_cases: frozenset[int] | None = None  # set by a click in a view
        self._only_description = ""
        self._shown_case: int | None = None  # the case the detail shows
        self._build_widgets()
        self._build_actions()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._schedule_filter)
        self.facet_model.selectionChanged.connect(self.apply_filter)
        toggle_on_click(self.facet_view, self._on_facet_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.clicked.connect(self._open_match)
        self.tag_panel.model.checkedChanged.connect(self.apply_filter)
        self.tag_panel.mode_combo.currentIndexChanged.connect(self.apply_filter)
        self.catalogueChanged.connect(self.tag_panel.catalogue_changed)
        self.catalogueChanged.connect(self.notes_panel.catalogue_changed)
        self.catalogueChanged.connect(self.history_panel.catalogue_changed)
        self.tag_actions = TagActions(self)
        self.case_actions = CaseFormActions(self)
        self.vocab_actions = VocabActions(
            self
        )  # a sector's or form's Rename or Merge… on the facets
        self.maintenance = MaintenanceActions(self)  # File → Back Up/Restore, Tools → Check
        self.file_actions: FileActions = FileActions(self)  # File → New, Open, Recent, a Copy
        self.team_connect = TeamConnect(self)  # File → Connect to Team Catalogue…
        # Saved searches: a sidebar list under the tags, Edit → Save Search… and its button.
        self.saved_searches = SavedSearchesPanel(self)

        # Changes other processes make to the catalogue are noticed within a second.
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self._check_external_changes)
        self._watch_timer.start()
        # A team catalogue: woken at once by the server, and a lost connection said.
        self.log_poller = LogPoller(self)  # a team catalogue's log, read off the GUI thread
        self.log_poller.arrived.connect(self._on_log_news)
        self.live = LiveUpdates(self)

        self.exporter: ExportController = ExportController(self)
        self.importer = ImportController(self)
        self.preferences = PreferencesController(self)
        self.appearance = AppearanceController(self)  # theme, font size, View → Zoom
        self.appearance.apply()
        self.help_actions = HelpActions(self)  # Help → User Guide, Keyboard Shortcuts
        self._restore_state()
        self.table_columns = TableColumns(self)  # the header's column menu, tag chips
        if service is None:
            self.count_label.setText(self.tr("Opening the catalogue…"))
        else:
            self.attach(service)

    @property
    def service(self) -> CatalogueService:
        if self._service is None:
            raise RuntimeError("the window has no catalogue yet")
        return self._service

    def attach(self, service: CatalogueService) -> None:
        """Show the catalogue `service` reads from."""
        self.log_poller.wait()  # a question out about the catalogue shown before
        self._service = service
        self._shown_case = -1  # no case of this catalogue shown yet
        self.preferences.apply()
        service.watch_changes()
        self.live.start(service)
        self.setWindowTitle(window_title(service.catalogue.path))
        self.file_actions.catalogue_attached()
        self.tag_panel.reload()
        self.saved_searches.reload()
        self.apply_filter()
        self.facet_view.expandAll()
        if self.selected_case_id() is None and self.case_model.rowCount():
            self._select_row(0)  # a first look at a case, not an empty pane
        self._show_selected()
        self._show_writable()

    def writable(self) -> bool:
        """Whether the catalogue shown can be changed (not a reader's team catalogue, not a
        damaged or read-only file)."""
        return self._service is not None and not self._service.catalogue.read_only

    def _show_writable(self) -> None:
        """Grey out what would change a catalogue that cannot be changed; the status bar
        says why (views/maintenance_actions.py)."""
        writable = self.writable()
        for action in (
            self.case_actions.new_action,
            self.importer.action,
            self.importer.merge_action,
            self.tag_panel.rename_action,
            self.tag_panel.colour_action,
            self.tag_panel.delete_action,
            self.saved_searches.save_action,
            self.saved_searches.rename_action,
            self.saved_searches.delete_action,
            self.vocab_actions.rename_action,
        ):
            action.setEnabled(writable)
        self.tag_actions._update_enabled()
        self.case_actions._update_enabled()
        self.highlights_panel._update_enabled()
        self.notes_panel.set_writable(writable)

    def change(
        self,
        text: str,
        operation: Callable[Concatenate[Journal, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Make one undoable change ("Undo <text>"); a refused value raises, writing nothing.

        If the catalogue cannot be written (locked, full, read-only), nothing
        is written, the user is told why in words, and ChangeFailed is raised
        so the caller stops where it is (a dialog stays open, the text typed in it kept).
        """
        from app.service import WriteFailedError

        try:
            result, changes = self.service.write_as(text, operation, *args, **kwargs)
        except WriteFailedError as exc:
            self.statusBar().showMessage(tr_message(exc))
            QMessageBox.warning(self, self.tr("Not Changed"), tr_message(exc))
            raise ChangeFailed(str(exc)) from exc
        self._push(text, changes, None)
        return result

    def change_merging(
        self,
        merge_key: object,
        text: str,
        operation: Callable[Concatenate[Journal, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Like `change`, but one undo step with the changes before it of the same key.

        Made as the user types (a note's autosave), it says nothing of a failure
        itself: WriteFailedError goes to the caller, which keeps the text and retries.
        """
        result, changes = self.service.write_as(text, operation, *args, **kwargs)
        self._push(text, changes, merge_key)
        return result

    def _push(self, text: str, changes: ChangeSet, merge_key: object) -> None:
        """Put a change on the undo stack; it (and each undo and redo) redraws what it touched."""
        if changes:
            self.undo_stack.push(
                ChangeCommand(self.service, text, changes, self._show_changes, merge_key)
            )

    def _show_changes(self, changes: ChangeSet) -> None:
        self.catalogue_changed(ChangeScope.of(changes))

    @Slot()
    def undo(self) -> None:
        self._step(undo=True)

    @Slot()
    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        """Undo or redo one step, unless others changed its rows since (then say so)."""
        from app.changes import ReplayConflictError
        from app.service import WriteFailedError

        self.notes_panel.flush()
        stack = self.undo_stack
        index = stack.index() - 1 if undo else stack.index()
        if not 0 <= index < stack.count():
            return
        command = stack.command(index)
        if isinstance(command, ChangeCommand):
            try:
                command.replay_ahead(undo=undo)
            except (ReplayConflictError, WriteFailedError) as exc:
                self.statusBar().showMessage(tr_message(exc))
                QMessageBox.warning(
                    self,
                    self.tr("Cannot Undo") if undo else self.tr("Cannot Redo"),
                    tr_message(exc),
                )
                return
        if undo:
            stack.undo()
        else:
            stack.redo()

    def catalogue_changed(self, scope: ChangeScope | None = None) -> None:
        """Redraw what a change, an undo or a redo touched (None: anything may have).

        As Anki's browser does after an operation: the table keeps every
        selected case, the current one and the scroll position; it reads its
        list of cases again only if the change can add, remove or reorder
        some, and otherwise only the rows of the cases touched. The facets,
        the detail and each panel re-read only when their data changed.
        """
        scope = scope or ChangeScope.whole()
        flt = self.case_model.case_filter
        requery = scope.needs_requery(flt, self.case_model.sort_key)
        if requery:
            self._requery_keeping_selection()
        elif scope.changes_rows():
            self.case_model.repaint_cases(scope.rows_to_repaint())
        if requery or scope.touches(FACET_TABLES | filter_tables(flt)):
            self.facet_counter.request(self.service, flt)
        if requery:
            self._show_count(flt)
        case_id = self.selected_case_id()
        notes_counted = case_id in scope.case_ids and "note" in scope.added_or_removed
        if scope.touches_case(case_id, DETAIL_TABLES) or notes_counted:
            marks = scope.touches_case(case_id, {"highlight", "case_study", "tag"})
            self._show_selected(force=True, highlights_changed=marks)
        else:
            self._show_selected()
        self.catalogueChanged.emit(scope)

    def _requery_keeping_selection(self) -> None:
        """Read the table's cases again, then select the same cases (those still shown),
        keep the current one and the scroll position (Anki's _restore_selection)."""
        table = self.table
        selected = self.selected_case_ids()
        current = table.currentIndex()
        current_id = self.case_model.case_id(current.row()) if current.isValid() else None
        first_row = min((i.row() for i in table.selectionModel().selectedRows()), default=-1)
        scrolled = (table.verticalScrollBar().value(), table.horizontalScrollBar().value())
        try:
            self.case_model.reload()
        except QueryError:
            return  # the search bar already says what is wrong with the words
        positions = self.case_model.positions()
        rows = sorted(positions[i] for i in selected if i in positions)
        if not rows and first_row >= 0 and self.case_model.rowCount():
            rows = [min(first_row, self.case_model.rowCount() - 1)]  # the next case down
        selection = QItemSelection()
        for first, last in row_runs(rows):
            selection.select(self.case_model.index(first, 0), self.case_model.index(last, 0))
        flags = QItemSelectionModel.SelectionFlag
        model = table.selectionModel()
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        keep = positions.get(current_id, rows[0] if rows else -1) if current_id else -1
        if keep >= 0:
            model.setCurrentIndex(
                self.case_model.index(keep, max(current.column(), 0)), flags.NoUpdate
            )
        table.updateGeometries()  # the scroll bars' new range, before setting them back
        table.verticalScrollBar().setValue(scrolled[0])
        table.horizontalScrollBar().setValue(scrolled[1])

    def selected_case_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.case_model.case_id(i.row()) for i in sorted(rows, key=lambda i: i.row())]

    def _load_ids(self, flt: CaseFilter, sort: SortKey, descending: bool) -> list[int]:
        return [] if self._service is None else self._service.case_ids(flt, sort, descending)

    def _load_rows(self, ids: list[int]) -> dict[int, CaseRow]:
        from app.service import ConnectionLostError

        if self._service is None:
            return {}
        try:
            return self._service.case_rows(ids)
        except ConnectionLostError:
            return {}  # blank rows; the status bar says why, and they are read again once back

    def _load_matches(self, ids: list[int], text: str) -> dict[int, list[Match]]:
        from app.service import ConnectionLostError

        if self._service is None:
            return {}
        try:
            return self._service.matches(ids, text)
        except (QueryError, ConnectionLostError):
            return {}

    # --- construction -----------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.filter_edit = self.search_bar.edit
        toolbar = QToolBar(self.tr("Search"), self)
        toolbar.setObjectName("filterToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_bar)
        self.addToolBar(toolbar)

        self.facet_view = QTreeView(self)
        self.facet_view.setObjectName("facetView")
        self.facet_view.setModel(self.facet_model)
        self.facet_view.setHeaderHidden(True)
        self.facet_view.setUniformRowHeights(True)
        self.facet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.case_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_PADDING)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(DEFAULT_COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # Where a search matched shows beside the title, and only while searching.
        header.moveSection(header.visualIndex(MATCH_COLUMN), 1)
        self.table.setColumnHidden(MATCH_COLUMN, True)

        self.detail = DetailPane(self)
        self.highlights_panel = HighlightsPanel(self)
        self.notes_panel = NotesPanel(self)
        self.detail.tabs.insertTab(1, self.highlights_panel, self.tr("Read && Highlight"))
        self.detail.tabs.addTab(self.notes_panel, self.tr("Notes"))
        self.history_panel = HistoryPanel(self)
        self.detail.tabs.addTab(self.history_panel, self.tr("History"))
        # Leaving the Notes tab writes the note at once, as switching note or case does.
        self.detail.tabs.currentChanged.connect(lambda _index: self.notes_panel.flush())
        self._notes_dock: NotesDock | None = None  # built when first shown

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.setObjectName("rightSplitter")
        self.view_tabs = ViewTabs(self, self.table)
        self.view_tabs.currentChanged.connect(self._room_for_view)
        self.right_splitter.addWidget(self.view_tabs)
        self.right_splitter.addWidget(self.detail)
        self.right_splitter.setStretchFactor(0, 2)
        self.right_splitter.setStretchFactor(1, 3)
        self.right_splitter.setSizes([300, 500])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.tag_panel = TagPanel(self)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.facet_view)
        self.left_splitter.addWidget(self.tag_panel)
        self.left_splitter.setSizes([420, 380])
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([230, 900])
        self.setCentralWidget(self.main_splitter)
        self.resize(1200, 800)
        # The count of cases shown stays put while other messages come and go.
        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseCountLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a view's words
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_actions(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        self.edit_menu = edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        # Own actions rather than QUndoStack's: each step is written (and checked
        # against others' changes) before the stack moves, so a refusal leaves
        # the stack where it was.
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                arg(self.tr("&Undo %1"), text) if text else self.tr("&Undo")
            )
        )
        self.redo_action = QAction(self.tr("&Redo"), self)
        # Each key once: a sequence listed twice makes Qt call the shortcut ambiguous.
        redo_keys: list[QKeySequence] = []
        for key in (
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        ):
            if key not in redo_keys:
                redo_keys.append(key)
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.setEnabled(False)
        self.redo_action.triggered.connect(self.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                arg(self.tr("&Redo %1"), text) if text else self.tr("&Redo")
            )
        )
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_filter)
        edit_menu.addAction(self.find_action)

        edit_menu.addSeparator()
        edit_menu.addAction(self.notes_panel.new_action)
        edit_menu.addAction(self.highlights_panel.highlight_action)

        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.all_notes_action = QAction(self.tr("All &Notes"), self)
        self.all_notes_action.setCheckable(True)
        self.all_notes_action.setShortcut(QKeySequence("Ctrl+Alt+N"))
        self.all_notes_action.toggled.connect(lambda shown: self.notes_dock.setVisible(shown))
        view_menu.addAction(self.all_notes_action)
        self.clear_filters_action = QAction(self.tr("&Clear Filters"), self)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_filters_action.triggered.connect(self.clear_filters)
        view_menu.addAction(self.clear_filters_action)
        view_menu.addSeparator()
        self.table_view_action = QAction(self.tr("Catalogue &Table"), self)
        self.table_view_action.setShortcut(QKeySequence("Ctrl+1"))
        self.table_view_action.triggered.connect(lambda: self.view_tabs.setCurrentIndex(0))
        view_menu.addAction(self.table_view_action)
        self.view_actions: list[QAction] = []
        for spec in VIEWS:
            action = QAction(view_title(spec), self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, m=spec.module: self.view_tabs.show_view(m))
            view_menu.addAction(action)
            self.view_actions.append(action)

        self.help_menu = help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Casebook"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    # --- filtering --------------------------------------------------------------

    def show_only_cases(self, case_ids: Iterable[int], description: str) -> None:
        """Narrow the table to these cases (a view's click), on top of the search and facets.

        The status bar says what it shows; View → Clear Filters (or a new
        restriction) lifts it. The views themselves keep following the filter
        without it.
        """
        self._only_cases = frozenset(case_ids)
        self._only_description = description
        self.apply_filter()

    @Slot(int)
    def _room_for_view(self, index: int) -> None:
        """A map or chart needs more height than a table page: give it two thirds."""
        top, bottom = self.right_splitter.sizes()
        if index > 0 and top < 2 * (top + bottom) // 3:
            total = top + bottom
            self.right_splitter.setSizes([2 * total // 3, total - 2 * total // 3])

    def go_to_case(self, case_id: int) -> bool:
        """Select the case in the table and show its detail (a view's click); lifts a
        view's restriction if the case is outside it. False if the filter hides it."""
        if self.case_model.row_of(case_id) < 0 and self._only_cases is not None:
            self._only_cases = None
            self.apply_filter()
        return self.select_case(case_id)

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            text=self.filter_edit.text().strip(),
            sectors=self.facet_model.selected(FACET_SECTOR),
            donor_places=frozenset(int(k) for k in self.facet_model.selected(FACET_DONOR)),
            recipient_places=frozenset(int(k) for k in self.facet_model.selected(FACET_RECIPIENT)),
            forms=self.facet_model.selected(FACET_FORM),
            tags=self.tag_panel.model.checked_keys(),
            tag_mode=self.tag_panel.tag_mode(),
            case_ids=self._only_cases,
        )

    @Slot()
    def apply_filter(self) -> None:
        self._filter_timer.stop()
        if self._service is None:
            return
        selected = self.selected_case_id()
        flt = self.current_filter()
        searching = has_words(flt.text)
        if searching and not self._searching:
            self._sort_table_by("relevance")  # a new search: best matches first
        elif not searching and self.case_model.sort_key == "relevance":
            self._sort_table_by("title")
        try:
            self.case_model.set_filter(flt)
        except QueryError as exc:
            # The table keeps the last results; the line under the box says why.
            self.search_bar.show_problem(tr_message(exc))
            return
        self.search_bar.show_problem(None)
        self._searching = searching
        self.table.setColumnHidden(MATCH_COLUMN, not searching)
        self.facet_counter.request(self.service, flt)
        self._reselect(selected)
        self._mark_search_words()  # new words, though perhaps the same case
        self._show_count(flt)
        self.filterApplied.emit(replace(flt, case_ids=None))

    def _show_count(self, flt: CaseFilter) -> None:
        """ "N case studies" in the status bar, or "N of M" while a filter is on."""
        total = self.service.count(CaseFilter()) if not flt.is_empty() else None
        shown = self.case_model.rowCount()
        if total is None:
            message = self.tr("%Ln case study(s)", "", shown)
        else:
            message = arg(self.tr("%1 of %Ln case study(s)", "", total), number(shown))
        if self._only_cases is not None:
            message += arg(self.tr(" (%1; View → Clear Filters shows all)"), self._only_description)
        self.count_label.setText(message)

    def _sort_table_by(self, key: SortKey) -> None:
        """Set the table's order and header arrow for the next query, without running one."""
        self.case_model.set_sort(key)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(SORT_KEYS.index(key), Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    @Slot(QModelIndex)
    def _open_match(self, index: QModelIndex) -> None:
        """A click on a row's Match opens where it matched: the note, the highlight, the text."""
        if index.column() != MATCH_COLUMN:
            return
        matches: list[Match] = index.data(MATCH_ROLE) or []
        if not matches:
            return
        self._reselect(self.case_model.case_id(index.row()))
        self.open_match(matches[0])

    def open_match(self, match: Match) -> None:
        tabs = self.detail.tabs
        if match.note_id is not None:
            tabs.setCurrentWidget(self.notes_panel)
            self.notes_panel.select_note(match.note_id)
        elif match.highlight_id is not None:
            tabs.setCurrentWidget(self.highlights_panel)
            self.highlights_panel.select_highlight(match.highlight_id)
        elif match.field in ("summary", "narrative"):
            tabs.setCurrentWidget(self.highlights_panel)
        elif match.field == "figure":
            tabs.setCurrentWidget(self.detail.metrics_view)
        elif match.field == "source":
            tabs.setCurrentWidget(self.detail.sources)
        else:
            tabs.setCurrentWidget(self.detail.overview)

    def _mark_search_words(self) -> None:
        patterns = mark_patterns(self.case_model.case_filter.text) if self._searching else []
        mark_words(self.detail.overview, patterns)
        self.highlights_panel.set_search_patterns(patterns)

    @Slot(str)
    def _schedule_filter(self, _text: str) -> None:
        """Filter once typing pauses, not on every key."""
        self._filter_timer.start()

    @Slot()
    def clear_filters(self) -> None:
        self._only_cases = None
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.facet_model.clear_selection()
        self.tag_panel.model.clear_checks(notify=False)
        self.apply_filter()

    @Slot()
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    @Slot(QModelIndex)
    def _on_facet_clicked(self, index: QModelIndex) -> None:
        key = index.data(FACET_KEY_ROLE)
        if key is None or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self.facet_model.toggle(index.data(FACET_GROUP_ROLE), key)

    # --- selection --------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.case_model.case_id(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> bool:
        row = self.case_model.row_of(case_id)
        if row < 0:
            return False
        self._select_row(row)
        self.table.scrollTo(self.case_model.index(row, 0))
        return True

    def _select_row(self, row: int) -> None:
        """Select just this row. (QTableView.selectRow would read the keyboard's
        modifiers and, with Ctrl or Shift still down after Ctrl+Shift+Z, toggle
        or extend the selection instead.)"""
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.case_model.index(row, 0), flags)

    def _reselect(self, case_id: int | None) -> None:
        if case_id is None or not self.select_case(case_id):
            self._show_selected()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self, *, force: bool = False, highlights_changed: bool = True) -> None:
        """Show the first selected case in the detail, highlights and notes: read once,
        and only if it is another case than shown, or `force` (its data changed)."""
        case_id = self.selected_case_id()
        if case_id == self._shown_case and not force:
            return
        if case_id != self._shown_case:
            self.notes_panel.flush()  # the note being typed is saved before the case changes
        self._shown_case = case_id
        detail = self.service.detail(case_id) if case_id is not None else None
        self.detail.show_case(detail)
        self.highlights_panel.show_case(detail, highlights_changed=highlights_changed)
        if case_id != self.notes_panel.case_id:
            self.notes_panel.show_case(case_id)
        self.history_panel.show_case(case_id)
        self._mark_search_words()
        notes = len(detail.notes) if detail else 0
        self.detail.tabs.setTabText(
            self.detail.tabs.indexOf(self.notes_panel),
            arg(self.tr("Notes (%1)"), notes) if notes else self.tr("Notes"),
        )

    @property
    def notes_dock(self) -> NotesDock:
        """The All Notes dock, built the first time it is needed (start-up stays light)."""
        if self._notes_dock is None:
            from views.notes_browser import NotesDock

            dock = NotesDock(self)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
            dock.visibilityChanged.connect(self.all_notes_action.setChecked)
            self.catalogueChanged.connect(dock.catalogue_changed)
            self._notes_dock = dock
        return self._notes_dock

    def show_note(self, note_id: int) -> None:
        """Open the Notes tab with this note in the editor."""
        self.detail.tabs.setCurrentWidget(self.notes_panel)
        self.notes_panel.select_note(note_id)

    # --- about, state -----------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Casebook"),
            arg(
                self.tr(
                    "<h3>Casebook %1</h3><p>An offline catalogue of case studies of "
                    "China's pairing assistance to Xinjiang: browse, annotate and export.</p>"
                    "<p>Catalogue: %2</p>"
                ),
                __version__,
                self._service.catalogue.path if self._service else "—",
            ),
        )

    def _restore_state(self) -> None:
        if self.settings.value("window/allNotes", False, type=bool):
            _ = self.notes_dock  # exists before restoreState places it
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/mainSplitter", self.main_splitter.restoreState),
            ("window/rightSplitter", self.right_splitter.restoreState),
            ("window/leftSplitter", self.left_splitter.restoreState),
            ("window/tableHeader", self.table.horizontalHeader().restoreState),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        shown = self._notes_dock is not None and self._notes_dock.isVisible()
        self.settings.setValue("window/allNotes", shown)
        self.settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        self.settings.setValue("window/rightSplitter", self.right_splitter.saveState())
        self.settings.setValue("window/leftSplitter", self.left_splitter.saveState())
        self.settings.setValue("window/tableHeader", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self._watch_timer.stop()
        self.live.stop()
        self.facet_counter.wait()
        self.log_poller.wait()
        self.save_state()
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Save what was typed; if that fails, ask rather than discard it silently."""
        button = QMessageBox.StandardButton
        while not self.notes_panel.flush():
            answer = QMessageBox.warning(
                self,
                self.tr("Unsaved Note"),
                self.tr(
                    "A note could not be saved.\n\n%1\n\nClose anyway and lose that text?"
                ).replace("%1", self.notes_panel.unsaved_problem()),
                button.Retry | button.Discard | button.Cancel,
                button.Retry,
            )
            if answer == button.Discard:
                return True
            if answer != button.Retry:
                return False
        return True

    # --- changes made elsewhere ------------------------------------------------------

    @Slot()
    def _check_external_changes(self) -> None:
        """Another process (the command line, an import elsewhere) wrote: show it.

        A file is asked here (a local question); a team catalogue's server in
        the background (views/log_poller.py), the answer shown when it comes."""
        if self._service is None:
            return
        if self._service.catalogue.server is not None:
            self.log_poller.poll(self._service)
            return
        self._show_news(self._service.changes_elsewhere())

    @Slot(object, object)
    def _on_log_news(self, service: CatalogueService, news: ChangeSet | None) -> None:
        if service is self._service:  # not an answer for a catalogue closed since
            self._show_news(news)

    def _show_news(self, news: ChangeSet | None) -> None:
        """Show what others changed (None: the log cannot tell what, so everything)."""
        self.live.polled()
        if news is not None and not news:
            return
        self.catalogue_changed(ChangeScope.whole() if news is None else ChangeScope.of(news))
        self.statusBar().showMessage(self.tr("Updated with changes made elsewhere."), 5000)
