"""The tabs beside the catalogue table: pairing map, timeline, figures, comparison matrix.

Each lives in its own module exposing `create_view(window) -> QWidget`, and is
imported only when its tab is first shown, so start-up never loads a plotting
library. A view follows the window's `filterApplied` signal (the search,
facets and tags, without a restriction the views themselves set), reads its
data through `window.service.read(app_function, ...)`, and narrows the table
with `window.show_only_cases(ids, description)` or selects a case with
`window.go_to_case(case_id)`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from app.case_filter import CaseFilter
from views.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from views.main_window import MainWindow


@dataclass(frozen=True)
class ViewSpec:
    module: str
    title: str
    shortcut: str


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("views.pairing_map", QT_TRANSLATE_NOOP("ViewTabs", "Pairing Map"), "Ctrl+2"),
    ViewSpec("views.timeline_view", QT_TRANSLATE_NOOP("ViewTabs", "Timeline"), "Ctrl+3"),
    ViewSpec("views.figures_chart", QT_TRANSLATE_NOOP("ViewTabs", "Figures Chart"), "Ctrl+4"),
    ViewSpec(
        "views.comparison_matrix", QT_TRANSLATE_NOOP("ViewTabs", "Comparison Matrix"), "Ctrl+5"
    ),
)


def view_title(spec: ViewSpec) -> str:
    """The view's title in the interface language."""
    return QCoreApplication.translate("ViewTabs", spec.title)


class ViewTabs(QTabWidget):
    """The table's tab and one lazily built tab per view."""

    def __init__(self, window: MainWindow, table: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("viewTabs")
        self.setDocumentMode(True)
        self.window_ = window
        self.addTab(table, self.tr("Table"))
        self.built: dict[str, QWidget] = {}
        for spec in VIEWS:
            holder = QWidget(self)
            holder.setObjectName(spec.module)
            self.addTab(holder, view_title(spec))
        self.currentChanged.connect(self._build_current)

    def view(self, module: str) -> QWidget:
        """The view of `module`, built now if it was not yet."""
        if module not in self.built:
            index = [s.module for s in VIEWS].index(module) + 1
            widget: QWidget = importlib.import_module(module).create_view(self.window_)
            self.built[module] = widget
            self.blockSignals(True)
            current = self.currentIndex()
            self.removeTab(index)
            self.insertTab(index, widget, view_title(VIEWS[index - 1]))
            self.setCurrentIndex(current)
            self.blockSignals(False)
        return self.built[module]

    def show_view(self, module: str) -> QWidget:
        widget = self.view(module)
        self.setCurrentWidget(widget)
        return widget

    def _build_current(self, index: int) -> None:
        if index > 0:
            self.view(VIEWS[index - 1].module)


class FilterFollower(QObject):
    """Keeps a view in step with the window's filter, redrawing only while it is shown.

    A filter change or a catalogue change while the view is hidden only marks
    it stale; it redraws when next shown. `before_reload` runs on a catalogue
    change first (a view's caches of what the catalogue holds).
    """

    def __init__(
        self,
        view: QWidget,
        window: MainWindow,
        redraw: Callable[[], None],
        before_reload: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.window_ = window
        self.flt: CaseFilter = replace(window.current_filter(), case_ids=None)
        self.stale = True
        self._redraw = redraw
        self._before_reload = before_reload
        window.filterApplied.connect(self.follow)
        window.catalogueChanged.connect(self._catalogue_changed)
        view.installEventFilter(self)

    def follow(self, flt: CaseFilter) -> None:
        self.flt = flt
        self.stale = True
        if self.view.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self._redraw()

    def _catalogue_changed(self, scope: ChangeScope) -> None:
        if not scope.changes_views():
            return
        if self._before_reload is not None:
            self._before_reload()
        self.follow(replace(self.window_.current_filter(), case_ids=None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False
