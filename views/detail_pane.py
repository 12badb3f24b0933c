"""Everything about the selected case: overview, figures, sources and perspectives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from views.detail_html import overview_html, sources_html
from views.metrics_model import MetricsTableModel
from views.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.detail import CaseDetail

EMPTY_TEXT = QT_TRANSLATE_NOOP("DetailPane", "Select a case study to see everything about it.")


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: CaseDetail | None = None
        self.tabs = QTabWidget(self)
        self.overview = QTextBrowser(self)
        self.overview.setOpenExternalLinks(False)
        self.metrics_model = MetricsTableModel(self)
        self.metrics_view = QTableView(self)
        self.metrics_view.setObjectName("metricsView")
        self.metrics_view.setModel(self.metrics_model)
        self.metrics_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.metrics_view.setWordWrap(False)
        self.metrics_view.verticalHeader().hide()
        self.metrics_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.metrics_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.sources = QTextBrowser(self)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.metrics_view, self.tr("Figures"))
        self.tabs.addTab(self.sources, self.tr("Sources && perspectives"))
        self.placeholder = QLabel(self.tr(EMPTY_TEXT), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.tabs)
        self.show_case(None)

    def show_case(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.placeholder.setVisible(detail is None)
        self.tabs.setVisible(detail is not None)
        if detail is None:
            self.metrics_model.set_metrics([])
            self.overview.clear()
            self.sources.clear()
            return
        self.overview.setHtml(overview_html(detail))
        self.sources.setHtml(sources_html(detail))
        self.metrics_model.set_metrics(detail.metrics)
        self.tabs.setTabText(
            self.tabs.indexOf(self.metrics_view),
            self.tr("Figures (%1)").replace("%1", str(len(detail.metrics))),
        )
        self.metrics_view.resizeColumnsToContents()
