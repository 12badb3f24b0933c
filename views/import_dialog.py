"""File → Import from Excel: a preview of every change before anything is written."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt, Slot
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from views.literal_text import literal
from views.translation import QT_TRANSLATE_NOOP, arg, number, tr_message

if TYPE_CHECKING:
    from app.xlsx.importer import ImportPlan
    from app.xlsx.plan import FieldChange
    from views.main_window import MainWindow

COLUMNS = (
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Change"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Sheet"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Row"),
    QT_TRANSLATE_NOOP("ImportPreviewModel", "Details"),
)
# Rows of each kind the preview lists: a workbook of 100,000 changes would
# take seconds to list in full; `casebook import --json` gives everything.
SHOWN_ROWS = 1000


def _short(value: object, limit: int = 80) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ImportPreviewModel(QStandardItemModel):
    """Conflicts (each with a "take theirs" box), added, changed (a child per field:
    old → new), rejected rows, and values new to the catalogue."""

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.choices: dict[int, FieldChange] = {}  # id of a conflict's check item → its field
        conflicts = plan.conflicts
        if conflicts:
            group = self._group(
                self.tr("Conflicts: changed on both sides ({0}); ticked takes theirs").format(
                    len(conflicts)
                )
            )
            for change, item in conflicts[:SHOWN_ROWS]:
                row = self._row(
                    f"{item.field}: {change.label}", change.sheet, change.row,
                    self.tr("yours: {0}   ⟷   theirs: {1}").format(
                        _short(item.old, 60), _short(item.new, 60)
                    ),
                )  # fmt: skip
                row[3].setToolTip(self.tr("yours:\n{0}\n\ntheirs:\n{1}").format(item.old, item.new))
                row[0].setCheckable(True)
                row[0].setCheckState(
                    Qt.CheckState.Checked if item.take_theirs else Qt.CheckState.Unchecked
                )
                self.choices[id(row[0])] = item
                group.appendRow(row)
            self._more(group, len(conflicts))
        self.itemChanged.connect(self._chosen)
        added = self._group(self.tr("To add ({0})").format(len(plan.added)))
        for change in plan.added[:SHOWN_ROWS]:
            added.appendRow(self._row(change.label, change.sheet, change.row, self.tr("new")))
        self._more(added, len(plan.added))
        changed = self._group(self.tr("To change ({0})").format(len(plan.changed)))
        for change in plan.changed[:SHOWN_ROWS]:
            fields = ", ".join(c.field for c in change.changes)
            row = self._row(change.label, change.sheet, change.row, fields)
            for item in change.changes:
                row[0].appendRow(
                    self._row(item.field, "", None, f"{_short(item.old)} → {_short(item.new)}")
                )
            changed.appendRow(row)
        self._more(changed, len(plan.changed))
        rejected = self._group(self.tr("Rejected ({0})").format(len(plan.rejected)))
        for rejection in plan.rejected[:SHOWN_ROWS]:
            rejected.appendRow(
                self._row(
                    self.tr("rejected"),
                    rejection.sheet,
                    rejection.row,
                    tr_message(rejection.details),
                )
            )
        self._more(rejected, len(plan.rejected))
        unchanged = sum(plan.unchanged.values())
        self._group(self.tr("Unchanged ({0})").format(unchanged))
        if plan.new_values:
            new = self._group(self.tr("New to this catalogue ({0})").format(len(plan.new_values)))
            for value in plan.new_values[:SHOWN_ROWS]:
                new.appendRow(self._row(tr_message(value), "", None, self.tr("added to the list")))
        if plan.warnings:
            notes = self._group(self.tr("Left out ({0})").format(len(plan.warnings)))
            for warning in plan.warnings[:SHOWN_ROWS]:
                notes.appendRow(self._row(self.tr("left out"), "", None, tr_message(warning)))
        if plan.kept_yours:
            self._group(
                self.tr("Kept yours: {0} fields you changed since they last matched").format(
                    plan.kept_yours
                )
            )

    @Slot(QStandardItem)
    def _chosen(self, item: QStandardItem) -> None:
        choice = self.choices.get(id(item))
        if choice is not None:
            choice.take_theirs = item.checkState() == Qt.CheckState.Checked

    def _more(self, group: QStandardItem, total: int) -> None:
        """A last row saying how many are not listed, when some are not."""
        if total > SHOWN_ROWS:
            more = self.tr("… and {0} more (casebook import --json lists them all)").format(
                number(total - SHOWN_ROWS)
            )
            group.appendRow(self._row(more, "", None, ""))

    def _group(self, label: str) -> QStandardItem:
        items = [QStandardItem(label)] + [QStandardItem("") for _ in COLUMNS[1:]]
        for item in items:
            item.setEditable(False)
        self.appendRow(items)
        return items[0]

    @staticmethod
    def _row(label: str, sheet: str, row: int | None, details: str) -> list[QStandardItem]:
        items = [QStandardItem(label), QStandardItem(sheet)]
        number = QStandardItem()
        if row is not None:
            number.setData(row, Qt.ItemDataRole.DisplayRole)
        items += [number, QStandardItem(details)]
        for item in items:
            item.setEditable(False)
            item.setToolTip(item.text())
        return items


class ImportPreviewDialog(QDialog):
    def summary(self, plan: ImportPlan) -> str:
        """The counts in a sentence, in the interface's language."""
        text = arg(
            self.tr("%1 to add, %2 to change, %3 unchanged, %4 rejected."),
            number(len(plan.added)), number(len(plan.changed)),
            number(sum(plan.unchanged.values())), number(len(plan.rejected)),
        )  # fmt: skip
        conflicts = len(plan.conflicts)
        if conflicts:
            text += " " + self.tr("%n field(s) changed on both sides.", "", conflicts)
        return text

    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {0}").format(file_name))
        self.resize(900, 560)
        self.model = ImportPreviewModel(plan, self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.expandToDepth(0)
        self.view.setColumnWidth(0, 280)
        for row in range(self.model.rowCount()):  # a group's label may use the whole width
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        note = self.tr("Nothing has been written yet. An import never deletes anything.")
        label = QLabel(f"<b>{html.escape(self.summary(plan))}</b> {note}")
        label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        # Nothing to change but rows found alike: applying notes it (no undo step).
        self.apply_button.setEnabled(plan.has_changes or bool(plan.agreements))
        self.apply_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)


class ImportController(QObject):
    """Owns File → Import from Excel for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("&Import from Excel…"), window)
        self.action.triggered.connect(self.choose_and_import)
        window.file_menu.insertAction(window.exporter.action, self.action)
        self.merge_action = QAction(self.tr("&Merge Catalogue…"), window)
        self.merge_action.triggered.connect(self.choose_and_merge)
        window.file_menu.insertAction(window.exporter.action, self.merge_action)
        self.dialog: ImportPreviewDialog | None = None

    @Slot()
    def choose_and_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import from Excel"), "", self.tr("Excel workbook (*.xlsx)")
        )
        if name:
            self.preview_and_apply(Path(name))

    @Slot()
    def choose_and_merge(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Merge Catalogue"),
            "",
            self.tr("Casebook catalogue (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if name:
            self.merge(Path(name))

    def merge(self, path: Path) -> bool:
        """Preview a colleague's catalogue like a workbook; apply (one undo step) if chosen."""
        from app.merge import MergeError, preview_merge

        window = self.window
        try:
            plan = window.service.read(preview_merge, path, window.service.catalogue.path)
        except MergeError as exc:
            QMessageBox.warning(
                window,
                self.tr("Merge Catalogue"),
                literal(self.tr("{0} Nothing was merged.").format(tr_message(exc))),
            )
            return False
        return self._confirm_and_apply(plan, path, self.tr("merge of {0}").format(path.name))

    def preview_and_apply(self, path: Path) -> bool:
        """Show the preview; apply (one undo step) if the user says so."""
        from app.xlsx.read import WorkbookError

        window = self.window
        try:
            plan = window.service.preview_import(path)
        except WorkbookError as exc:
            QMessageBox.warning(
                window,
                self.tr("Import from Excel"),
                literal(self.tr("{0} Nothing was imported.").format(tr_message(exc))),
            )
            return False
        return self._confirm_and_apply(plan, path, self.tr("import of {0}").format(path.name))

    def _confirm_and_apply(self, plan: ImportPlan, path: Path, step: str) -> bool:
        window = self.window
        dialog = ImportPreviewDialog(plan, path.name, window)
        self.dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.dialog = None
        dialog.deleteLater()
        window.activateWindow()
        if not accepted:
            return False
        from app.service import WriteFailedError
        from app.xlsx.apply import ImportRefusedError
        from app.xlsx.importer import apply_import

        try:
            if plan.has_changes:
                window.change(step, apply_import, plan)
            else:  # bookkeeping only: which rows match, for later merges
                window.service.write(apply_import, plan)
        except (ImportRefusedError, WriteFailedError) as exc:
            QMessageBox.warning(
                window,
                self.tr("Import from Excel"),
                literal(self.tr("{0} Nothing was imported.").format(tr_message(exc))),
            )
            return False
        window.statusBar().showMessage(
            self.tr("{0}: {1} added, {2} changed.").format(
                step[:1].upper() + step[1:], len(plan.added), len(plan.changed)
            ),
            15000,
        )
        return True
