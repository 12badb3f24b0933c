"""File → Export to Excel: choose what and where, then export with progress and cancel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.case_filter import CaseFilter
from views.export_worker import ExportWorker
from views.literal_text import literal

if TYPE_CHECKING:
    from app.xlsx.export import ExportSummary
    from views.main_window import MainWindow

SCOPE_ALL, SCOPE_FILTER, SCOPE_SELECTION = range(3)


class ExportDialog(QDialog):
    """Asks what to export (everything, the current filter, the selection) and where."""

    def __init__(
        self, shown: int, total: int, selected: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to Excel")
        self.scope_group = QButtonGroup(self)
        self.all_button = QRadioButton(f"The whole catalogue ({total} case studies)")
        self.filter_button = QRadioButton(f"The cases shown by the current filter ({shown})")
        self.selection_button = QRadioButton(f"The selected cases ({selected})")
        for scope, button in enumerate(
            (self.all_button, self.filter_button, self.selection_button)
        ):
            self.scope_group.addButton(button, scope)
        self.filter_button.setEnabled(shown != total)
        self.selection_button.setEnabled(selected > 0)
        (self.selection_button if selected > 1 else self.all_button).setChecked(True)

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        default = Path(documents or Path.home()) / f"casebook-{date.today().isoformat()}.xlsx"
        self.path_edit = QLineEdit(str(default))
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # it names the typed path
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Export")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Export"))
        for button in (self.all_button, self.filter_button, self.selection_button):
            layout.addWidget(button)
        layout.addWidget(QLabel("to"))
        layout.addLayout(path_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def scope(self) -> int:
        return self.scope_group.checkedId()

    def target(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    @Slot()
    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to Excel", self.path_edit.text(), "Excel workbook (*.xlsx)"
        )
        if name:
            self.path_edit.setText(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    @Slot()
    def _accept_if_valid(self) -> None:
        target = self.target()
        problem = ""
        if target.suffix.lower() != ".xlsx":
            problem = "The file name must end in .xlsx."
        elif not target.parent.is_dir():
            problem = f"The folder {target.parent} does not exist."
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.accept()


class ExportController(QObject):
    """Owns the Export action of a window and the export running in the background.

    A QObject in the GUI thread, so the worker's signals arrive here queued and
    every widget is touched from the GUI thread only.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.worker_thread: QThread | None = None
        self.worker: ExportWorker | None = None
        self.progress: QProgressDialog | None = None
        self.action = QAction("&Export to Excel…", window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.ask_and_export)
        menu = window.file_menu
        menu.insertAction(window.quit_action, self.action)
        menu.insertSeparator(window.quit_action)

    @Slot()
    def ask_and_export(self) -> None:
        window = self.window
        shown = window.case_model.rowCount()
        selected = [
            window.case_model.case_id(i.row()) for i in window.table.selectionModel().selectedRows()
        ]
        total = window.service.count(CaseFilter())
        dialog = ExportDialog(shown, total, len(selected), window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        flt: CaseFilter | None = None
        if dialog.scope() == SCOPE_FILTER:
            flt = window.current_filter()
        elif dialog.scope() == SCOPE_SELECTION:
            flt = replace(CaseFilter(), case_ids=frozenset(selected))
        self.start(dialog.target(), flt)

    def start(self, target: Path, flt: CaseFilter | None) -> None:
        """Export in a worker thread with a cancellable progress dialog."""
        if self.worker_thread is not None:
            return
        window = self.window
        self.progress = QProgressDialog("Exporting to Excel…", "Cancel", 0, 0, window)
        self.progress.setWindowTitle("Export to Excel")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.worker_thread = QThread(window)
        self.worker = ExportWorker(window.service, target, flt)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_success)
        self.worker.failed.connect(self._on_failure)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.finished.connect(self._on_finished)
        # Called here, not queued to the worker: its thread is busy exporting.
        self.progress.canceled.connect(self._cancel)
        self.action.setEnabled(False)
        self.worker_thread.start()

    @Slot()
    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total - 1))

    @Slot(object)
    def _on_success(self, summary: ExportSummary) -> None:
        counts = ", ".join(f"{n} {sheet.lower()}" for sheet, n in summary.counts.items())
        message = f"Exported to {summary.path}: {counts}."
        if summary.removed_characters:
            message += (
                f" Removed {summary.removed_characters} characters Excel cannot hold"
                " (counted in the About sheet)."
            )
        self.window.statusBar().showMessage(message, 15000)

    @Slot(str)
    def _on_failure(self, message: str) -> None:
        QMessageBox.warning(self.window, "Export to Excel", literal(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self.window.statusBar().showMessage("Export cancelled; no file was written.", 15000)

    @Slot()
    def _on_finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.worker_thread is not None:
            self.worker_thread.quit()
            self.worker_thread.wait()
            self.worker_thread.deleteLater()
            self.worker_thread = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None
        self.action.setEnabled(True)

    def is_running(self) -> bool:
        return self.worker_thread is not None
