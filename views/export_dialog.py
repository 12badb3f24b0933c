"""File → Export: choose what, in which format and where; export with progress and cancel;
then offer to open the file or show it in its folder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
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
from app.formats.choice import FORMATS, ExportFormat, default_folder, format_of
from app.typed_path import typed_path
from views.export_worker import ExportWorker
from views.literal_text import literal
from views.translation import QT_TRANSLATE_NOOP, arg

if TYPE_CHECKING:
    from app.xlsx.export import ExportSummary
    from views.main_window import MainWindow

SCOPE_ALL, SCOPE_FILTER, SCOPE_SELECTION = range(3)
# The labels of app/formats/choice.py's FORMATS, for the translation (a label not
# listed here shows as it is).
FORMAT_LABELS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook"),
    QT_TRANSLATE_NOOP("ExportDialog", "Data Package (CSV tables)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Sources as CSL-JSON (Zotero, Pandoc)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Sources as RIS"),
    QT_TRANSLATE_NOOP("ExportDialog", "Sources as BibTeX"),
    QT_TRANSLATE_NOOP("ExportDialog", "Highlights as Web Annotations"),
)


class ExportDialog(QDialog):
    """Asks what to export (everything, the current filter, the selection), in which
    format (app/formats/choice.py) and where."""

    def __init__(
        self,
        shown: int,
        total: int,
        selected: int,
        parent: QWidget | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.scope_group = QButtonGroup(self)
        self.all_button = QRadioButton(self.tr("The whole catalogue (%n case study(s))", "", total))
        self.filter_button = QRadioButton(
            arg(self.tr("The cases shown by the current filter (%1)"), shown)
        )
        self.selection_button = QRadioButton(arg(self.tr("The selected cases (%1)"), selected))
        for scope, button in enumerate(
            (self.all_button, self.filter_button, self.selection_button)
        ):
            self.scope_group.addButton(button, scope)
        self.filter_button.setEnabled(shown != total)
        self.selection_button.setEnabled(selected > 0)
        (self.selection_button if selected > 1 else self.all_button).setChecked(True)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt in FORMATS:
            self.format_combo.addItem(self.tr(fmt.label), fmt.name)
        self.format_combo.currentIndexChanged.connect(self._format_changed)

        # Preferences' export folder (views/preferences_dialog.py), else the documents folder.
        folder = folder or default_folder(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        default = folder / f"casebook-{date.today().isoformat()}.xlsx"
        self.path_edit = QLineEdit(str(default))
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # it names the typed path
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Export")))
        for button in (self.all_button, self.filter_button, self.selection_button):
            layout.addWidget(button)
        layout.addWidget(QLabel(self.tr("as")))
        layout.addWidget(self.format_combo)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addLayout(path_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def scope(self) -> int:
        return self.scope_group.checkedId()

    def target(self) -> Path:
        return typed_path(self.path_edit.text().strip())

    def export_format(self) -> ExportFormat:
        return format_of(Path(), str(self.format_combo.currentData()))

    def choose_format(self, name: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(name))

    @Slot(int)
    def _format_changed(self, _index: int) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(self.export_format().with_extension(Path(text))))

    @Slot()
    def _browse(self) -> None:
        fmt = self.export_format()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), self.path_edit.text(), f"{self.tr(fmt.label)} ({fmt.patterns})"
        )
        if name:
            self.path_edit.setText(str(fmt.with_extension(Path(name))))

    @Slot()
    def _accept_if_valid(self) -> None:
        target = self.target()
        problem = ""
        if not self.export_format().accepts(target):
            problem = self.export_format().name_rule()
        elif not target.parent.is_dir():
            problem = arg(self.tr("The folder %1 does not exist."), target.parent)
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
        # The last "Exported" message, with its Open and Show in Folder buttons.
        self.done_box: QMessageBox | None = None
        self.action = QAction(self.tr("&Export…"), window)
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
        from views.preferences_dialog import export_folder

        dialog = ExportDialog(shown, total, len(selected), window, export_folder(window.settings))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        flt: CaseFilter | None = None
        if dialog.scope() == SCOPE_FILTER:
            flt = window.current_filter()
        elif dialog.scope() == SCOPE_SELECTION:
            flt = replace(CaseFilter(), case_ids=frozenset(selected))
        self.start(dialog.target(), flt, dialog.export_format().name)

    def start(self, target: Path, flt: CaseFilter | None, fmt: str | None = None) -> None:
        """Export in a worker thread with a cancellable progress dialog.

        `fmt` names the format (app/formats/choice.py); None: by `target`'s extension.
        """
        if self.worker_thread is not None:
            return
        window = self.window
        self.progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, window)
        self.progress.setWindowTitle(self.tr("Export"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.worker_thread = QThread(window)
        self.worker = ExportWorker(window.service, target, flt, fmt)
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
        counts = ", ".join(
            f"{n} {name.lower().replace('_', ' ')}" for name, n in summary.counts.items()
        )
        message = arg(self.tr("Exported to %1: %2."), summary.path, counts)
        if summary.removed_characters:
            message += arg(
                self.tr(" Removed %1 characters Excel cannot hold (counted in the About sheet)."),
                summary.removed_characters,
            )
        self.window.statusBar().showMessage(message, 15000)
        self._offer_to_open(Path(summary.path), message)

    def _offer_to_open(self, path: Path, message: str) -> None:
        """Say it is done, with Open (the file, or the package's folder) and Show in Folder."""
        if self.done_box is not None:
            self.done_box.close()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export"),
            literal(message),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.ActionRole)
        show_button = box.addButton(self.tr("Show in Folder"), QMessageBox.ButtonRole.ActionRole)
        open_button.setObjectName("openExport")
        show_button.setObjectName("showExportFolder")
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button: QAbstractButton) -> None:
            if button is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            elif button is show_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        box.buttonClicked.connect(clicked)
        box.destroyed.connect(self._forget_done_box)
        self.done_box = box
        box.show()

    @Slot()
    def _forget_done_box(self) -> None:
        self.done_box = None

    @Slot(str)
    def _on_failure(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Export"), literal(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self.window.statusBar().showMessage(
            self.tr("Export cancelled; no file was written."), 15000
        )

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
