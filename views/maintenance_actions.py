"""File → Back Up Now, File → Restore from Backup…, Tools → Check Catalogue, and the
read-only state of the open catalogue in the title and status bar.

The work is done by app.backups, app.check and app.store (imported when an
action runs, so the window starts before the database layer loads); this
module only asks, shows and reattaches the window to the restored catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from views.error_dialog import show_error
from views.literal_text import literal
from views.translation import arg, tr_message
from views.window_title import window_title

if TYPE_CHECKING:
    from views.main_window import MainWindow

STATUS_MS = 15000


class MaintenanceActions(QObject):
    """The backup, restore and check actions of `window`, put in its menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.backup_action = QAction(self.tr("&Back Up Now"), window)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from Backup…"), window)
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.check_action = QAction(self.tr("&Check Catalogue"), window)
        self.check_action.triggered.connect(self.check)
        file_menu: QMenu = window.file_menu
        file_menu.insertAction(window.quit_action, self.backup_action)
        file_menu.insertAction(window.quit_action, self.restore_action)
        file_menu.insertSeparator(window.quit_action)
        self.tools_menu = QMenu(self.tr("&Tools"), window)
        self.tools_menu.addAction(self.check_action)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.tools_menu)
        self.read_only_label = QLabel(window)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_label.hide()
        window.statusBar().addPermanentWidget(self.read_only_label)

    def _path(self) -> Path:
        return self.window.service.catalogue.path

    # --- the catalogue's state ----------------------------------------------------

    def catalogue_attached(self) -> None:
        """Say in the title and the status bar whether the catalogue is read-only."""
        catalogue = self.window.service.catalogue
        state = ""
        if catalogue.read_only:
            state = self.tr("(damaged, read-only)") if catalogue.damaged else self.tr("(read-only)")
            self.read_only_label.setText(
                self.tr("Damaged: read-only") if catalogue.damaged else self.tr("Read-only")
            )
            self.read_only_label.setToolTip(catalogue.read_only_reason or "")
            self.read_only_label.show()
            self.window.statusBar().showMessage(catalogue.read_only_reason or "", 0)
        else:
            self.read_only_label.hide()
        # Backups, restore and the file check are for files; a team catalogue is
        # kept safe on its server (pg_dump, see the README).
        for action in (self.backup_action, self.restore_action, self.check_action):
            action.setEnabled(catalogue.server is None)
        self.window.setWindowTitle(window_title(catalogue.path, state))

    def offer_restore_if_damaged(self) -> None:
        """For a damaged catalogue: offer to restore the newest good backup."""
        catalogue = self.window.service.catalogue
        if not catalogue.damaged:
            return
        from app.backups import newest_good_backup

        good = newest_good_backup(catalogue.path)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Damaged Catalogue"))
        box.setText(
            literal(catalogue.read_only_reason or arg(self.tr("%1 is damaged."), catalogue.path))
        )
        restore = None
        if good is not None:
            box.setInformativeText(
                literal(
                    arg(
                        self.tr(
                            "Restore the backup of %1 (%2 case studies, %3 notes)? "
                            "The damaged file is kept as a backup first."
                        ),
                        good.when_text,
                        good.cases,
                        good.notes,
                    )
                )
            )
            restore = box.addButton(self.tr("Restore Backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep Read-Only"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if good is not None and box.clickedButton() is restore:
            self.restore(good.path)

    # --- actions ------------------------------------------------------------------

    @Slot()
    def back_up_now(self) -> Path | None:
        from app.backups import BackupError, make_backup

        self.window.notes_panel.flush()
        try:
            made = make_backup(self._path())
        except BackupError as exc:
            show_error(self.window, tr_message(exc))
            return None
        self.window.statusBar().showMessage(arg(self.tr("Backed up to %1."), made), STATUS_MS)
        return made

    @Slot()
    def restore_from_backup(self) -> None:
        from app.backups import list_backups
        from views.backup_dialog import RestoreDialog

        backups = list_backups(self._path())
        if not backups:
            QMessageBox.information(
                self.window,
                self.tr("Restore from Backup"),
                literal(arg(self.tr("There are no backups of %1 yet."), self._path().name)),
            )
            return
        dialog = RestoreDialog(self._path(), backups, self.window)
        chosen = dialog.chosen() if dialog.exec() == RestoreDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore from Backup"),
            literal(
                arg(
                    self.tr(
                        "Replace the catalogue with the backup of %1? "
                        "The catalogue as it is now is kept as a backup first."
                    ),
                    chosen.when_text,
                )
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(chosen.path)

    def restore(self, backup: Path) -> bool:
        """Restore `backup` into the open catalogue and reload the window; False if refused."""
        from app.backups import BackupError, restore_backup

        window = self.window
        window.notes_panel.flush()
        path = self._path()
        window.service.catalogue.close()
        try:
            kept = restore_backup(path, backup)
        except BackupError as exc:
            show_error(window, tr_message(exc))
            self.reopen()
            return False
        self.reopen()
        if kept is not None:
            said = self.tr("Restored %1 from %2; the previous content is in %3.")
        else:
            said = self.tr("Restored %1 from %2.")
        window.statusBar().showMessage(
            arg(said, path.name, backup.name, kept.name if kept else ""), STATUS_MS
        )
        return True

    def reopen(self) -> None:
        """Open the catalogue again and show it (after a restore); undo starts afresh."""
        from app.service import CatalogueService
        from app.store import CatalogueError, open_catalogue

        window = self.window
        path = self._path()
        window.undo_stack.clear()  # the steps refer to rows of the replaced catalogue
        try:
            catalogue = open_catalogue(path, auto_backup=False)
        except CatalogueError as exc:
            show_error(window, tr_message(exc))
            return
        window.attach(CatalogueService(catalogue))
        window.catalogue_changed()
        self.catalogue_attached()

    @Slot()
    def check(self) -> None:
        from app.check import check_catalogue
        from views.check_dialog import CheckDialog

        self.window.notes_panel.flush()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = check_catalogue(self._path())
        finally:
            QGuiApplication.restoreOverrideCursor()
        dialog = CheckDialog(report.ok, report.lines(), self.window)
        dialog.exec()
        wants_restore = dialog.restore_requested
        dialog.deleteLater()
        if wants_restore:
            self.restore_from_backup()
