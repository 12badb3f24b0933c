"""The History tab: what the change log says was done to the shown case, newest first.

Each step shows its local time, author and text (an undo or redo says so),
and under it what it did to this case ("Title: old → new", "tag 'tea'
added", "note added"…), every word through tr(). Read only while the tab is
shown: when the case or the tab changes, and when a change touched the case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from views.time_text import local_time_text
from views.translation import QT_TRANSLATE_NOOP, arg, tr_message

if TYPE_CHECKING:
    from app.change_scope import ChangeScope
    from app.history import Fact, LoggedStep
    from views.main_window import MainWindow

CONTEXT = "HistoryPanel"

# What a row of each table is, with its name (%1) and without.
_ROWS = {
    "case_study": QT_TRANSLATE_NOOP("HistoryPanel", "case study"),
    "note": QT_TRANSLATE_NOOP("HistoryPanel", "note"),
    "highlight": QT_TRANSLATE_NOOP("HistoryPanel", "highlight"),
    "metric": QT_TRANSLATE_NOOP("HistoryPanel", "figure"),
    "perspective": QT_TRANSLATE_NOOP("HistoryPanel", "perspective"),
    "case_place": QT_TRANSLATE_NOOP("HistoryPanel", "place"),
    "case_actor": QT_TRANSLATE_NOOP("HistoryPanel", "person or organisation"),
    "case_source": QT_TRANSLATE_NOOP("HistoryPanel", "source"),
    "case_assistance": QT_TRANSLATE_NOOP("HistoryPanel", "form of assistance"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _field_name(column: str) -> str:
    """A case study's column as the case form names it ("Chinese title"), capitalised."""
    from app.case_edit import field_words

    try:
        words = tr_message(field_words(column))
    except KeyError:
        return column
    return words[:1].upper() + words[1:]


def fact_words(fact: Fact) -> str:
    """One thing a step did to the case, in the interface language."""
    if fact.table == "case_tag":
        said = {
            "added": QCoreApplication.translate("HistoryPanel", "tag '%1' added"),
            "removed": QCoreApplication.translate("HistoryPanel", "tag '%1' removed"),
        }.get(fact.action, QCoreApplication.translate("HistoryPanel", "tag '%1' changed"))
        return arg(said, fact.name)
    if fact.table == "case_study" and fact.action == "changed":
        field = _field_name(fact.field)
        return arg(
            QCoreApplication.translate("HistoryPanel", "%1: %2 → %3"), field, fact.old, fact.new
        )
    what = _tr(_ROWS[fact.table]) if fact.table in _ROWS else fact.table
    if fact.action == "added":
        said = (
            QCoreApplication.translate("HistoryPanel", "%1 '%2' added")
            if fact.name
            else QCoreApplication.translate("HistoryPanel", "%1 added")
        )
    elif fact.action == "removed":
        said = (
            QCoreApplication.translate("HistoryPanel", "%1 '%2' removed")
            if fact.name
            else QCoreApplication.translate("HistoryPanel", "%1 removed")
        )
    else:
        said = (
            QCoreApplication.translate("HistoryPanel", "%1 '%2' changed")
            if fact.name
            else QCoreApplication.translate("HistoryPanel", "%1 changed")
        )
    return arg(said, what, fact.name) if fact.name else arg(said, what)


def step_words(step: LoggedStep) -> str:
    """A step's heading: local time, author and its text (an undo or redo says so)."""
    text = step.text
    if step.kind == "undo":
        text = arg(QCoreApplication.translate("HistoryPanel", "Undo %1"), text)
    elif step.kind == "redo":
        text = arg(QCoreApplication.translate("HistoryPanel", "Redo %1"), text)
    when = local_time_text(step.at)
    if step.author:
        return arg(
            QCoreApplication.translate("HistoryPanel", "%1 — %2: %3"), when, step.author, text
        )
    return arg(QCoreApplication.translate("HistoryPanel", "%1: %2"), when, text)


class HistoryPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.case_id: int | None = None
        self._shown: int | None = -1  # the case the tree was read for (-1: none yet)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.empty = QLabel(self.tr("No changes to this case study are logged."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.empty.hide()

    def show_case(self, case_id: int | None) -> None:
        """The case to show (read now if the tab is shown, else when it is)."""
        self.case_id = case_id
        if self.isVisible() and case_id != self._shown:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_case(self.window_.selected_case_id() if self.window_._service else None)

    def catalogue_changed(self, scope: ChangeScope) -> None:
        if scope.everything or (self.case_id is not None and self.case_id in scope.case_ids):
            if self.isVisible():
                self.reload()
            else:
                self._shown = -1  # read again when shown

    def reload(self) -> None:
        self._shown = self.case_id
        service = self.window_._service
        steps = service.case_history(self.case_id) if service and self.case_id else []
        self.tree.clear()
        for step in steps:
            item = QTreeWidgetItem([step_words(step)])
            item.addChildren([QTreeWidgetItem([fact_words(f)]) for f in step.facts])
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.empty.setVisible(not steps and self.case_id is not None)
        self.tree.setVisible(bool(steps))

    def lines(self) -> list[str]:
        """What the tab shows, line by line (steps, each followed by its changes indented)."""
        shown: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            shown.append(item.text(0))
            for j in range(item.childCount()):
                child = item.child(j)
                assert child is not None
                shown.append("    " + child.text(0))
        return shown
