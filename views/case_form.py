"""The case study editor: fields, figures, people, places and sources in one dialog.

OK asks the app layer to check the whole draft first. Each problem is shown
at its field (a red message under a field, a red cell with a tooltip in a
table), the dialog stays open on the tab of the first one, and nothing is
written until every value fits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from views.choice_delegate import ChoiceDelegate
from views.draft_table_model import Column, DraftTableModel
from views.field_messages import message_line, text_field
from views.open_dialog import error_label
from views.place_dialog import PlaceDialog
from views.place_picker import PlacePicker
from views.translation import tr_message

if TYPE_CHECKING:
    from app.case_edit import CaseDraft, Choice
    from app.places import PlaceDraft, PlaceInfo

FIELD_TAB = {
    "title": 0,
    "title_zh": 0,
    "title_zh_note": 0,
    "slug": 0,
    "start_year": 0,
    "end_year": 0,
    "forms": 0,
}
TABLE_TAB = {"metrics": 1, "actors": 2}


class CaseFormDialog(QDialog):
    """Edit a draft; OK calls `check(draft)` for problems, then `save(draft)`."""

    def __init__(
        self,
        draft: CaseDraft,
        places: list[PlaceInfo],
        sources: list[Choice],
        check: Callable[[CaseDraft], dict[str, str]],
        save: Callable[[CaseDraft], object],
        parent: QWidget | None = None,
        *,
        sectors: list[str] | None = None,
        forms: list[str] | None = None,
        save_place: Callable[[int | None, PlaceDraft], int] | None = None,
        load_places: Callable[[], list[PlaceInfo]] | None = None,
    ) -> None:
        """`sectors`, `forms`: the catalogue's vocabularies (app.vocab) to choose from.

        `save_place(place_id or None, draft)` adds or changes a place (one undo
        step) and `load_places` reads them again; without them the pickers
        offer no New Place… or Edit Place….
        """
        from app.case_edit import ACTOR_KINDS, ASSISTANCE_FORMS, QUALIFIERS, ActorDraft, MetricDraft
        from views.vocab_fields import FormChecks, SectorCombo

        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Edit “%1”").replace("%1", draft.title)
            if draft.title
            else self.tr("New Case Study")
        )
        self.draft = draft
        self._check = check
        self._save = save
        self.messages: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)

        # Case tab ---------------------------------------------------------------------
        case_tab = QWidget(self)
        form = QFormLayout(case_tab)
        self.title_edit = self._line(form, "title", self.tr("&Title:"), draft.title)
        self.title_zh_edit = self._line(
            form, "title_zh", self.tr("C&hinese title:"), draft.title_zh
        )
        self.title_zh_edit.setPlaceholderText(self.tr("optional: the title in Chinese"))
        self.title_zh_note_edit = self._line(
            form, "title_zh_note", self.tr("Chinese title note:"), draft.title_zh_note
        )
        self.title_zh_note_edit.setPlaceholderText(
            self.tr("where the Chinese title comes from, if no source gives it")
        )
        self.slug_edit = self._line(form, "slug", self.tr("&Slug:"), draft.slug)
        self.slug_edit.setPlaceholderText(self.tr("made from the title if left empty"))
        self.sector_combo = SectorCombo(sectors or [], draft.sector, self)
        form.addRow(self.tr("S&ector:"), self.sector_combo)
        form.addRow("", self._message("sector"))
        years = QHBoxLayout()
        self.start_edit = QLineEdit(draft.start_year, self)
        self.start_edit.setObjectName("start_year")
        self.end_edit = QLineEdit(draft.end_year, self)
        self.end_edit.setObjectName("end_year")
        self.ongoing_check = QCheckBox(self.tr("&ongoing"), self)
        self.ongoing_check.setChecked(draft.ongoing)
        for widget in (QLabel(self.tr("from"), self), self.start_edit, QLabel(self.tr("to"), self),
                       self.end_edit,
                       self.ongoing_check):  # fmt: skip
            years.addWidget(widget)
        years.addStretch()
        form.addRow(self.tr("Years:"), years)
        for name in ("start_year", "end_year"):
            form.addRow("", self._message(name))
        self.forms_field = FormChecks(list(ASSISTANCE_FORMS) if forms is None else forms,
                                      draft.forms, self)  # fmt: skip
        self.form_checks = self.forms_field.checks
        form.addRow(self.tr("Assistance:"), self.forms_field)
        form.addRow("", self._message("forms"))
        self.summary_edit = QPlainTextEdit(draft.summary, self)
        self.summary_edit.setObjectName("summary")
        self.narrative_edit = QPlainTextEdit(draft.narrative, self)
        self.narrative_edit.setObjectName("narrative")
        form.addRow(self.tr("Su&mmary:"), self.summary_edit)
        form.addRow(self.tr("&Narrative:"), self.narrative_edit)
        self.tabs.addTab(case_tab, self.tr("Case"))

        # Figures and people -------------------------------------------------------------
        source_choices = [(None, "")] + [(s.id, s.label) for s in sources]
        self.metrics_model = DraftTableModel(
            [
                Column("name", self.tr("Figure")),
                Column("value", self.tr("Value")),
                Column("low", self.tr("Low")),
                Column("high", self.tr("High")),
                Column("unit", self.tr("Unit")),
                Column("qualifier", self.tr("Qualifier"), [(q, q) for q in QUALIFIERS]),
                Column("period", self.tr("Year or period")),
                Column("source_id", self.tr("Source"), source_choices),
                Column("note", self.tr("Note")),
            ],
            draft.metrics,
            MetricDraft,
            "metrics",
            self,
        )
        self.metrics_view, self.metrics_message = self._table_tab(
            self.metrics_model, self.tr("Figures")
        )
        self.actors_model = DraftTableModel(
            [
                Column("name", self.tr("Name")),
                Column("kind", self.tr("Kind"), [(k, k) for k in ACTOR_KINDS]),
                Column("role", self.tr("Role in this case")),
            ],
            draft.actors,
            ActorDraft,
            "actors",
            self,
        )
        self.actors_view, self.actors_message = self._table_tab(
            self.actors_model, self.tr("People")
        )

        # Places and sources ---------------------------------------------------------------
        places_tab = QWidget(self)
        places_layout = QHBoxLayout(places_tab)
        self._places = places
        self._save_place = save_place
        self._load_places = load_places
        self.donor_list = PlacePicker(places, draft.donor_places, "donorPlaces", self)
        self.recipient_list = PlacePicker(places, draft.recipient_places, "recipientPlaces", self)
        self.place_dialog: PlaceDialog | None = None
        for picker in (self.donor_list, self.recipient_list):
            picker.new_button.setVisible(save_place is not None)
            picker.edit_button.setVisible(save_place is not None)
            picker.newRequested.connect(lambda parent, p=picker: self.new_place(p, parent))
            picker.editRequested.connect(self.edit_place)
        for heading, checklist in ((self.tr("Donor side"), self.donor_list),
                                   (self.tr("Recipient side"), self.recipient_list)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{heading}</b>", self))
            column.addWidget(checklist)
            places_layout.addLayout(column)
        self.tabs.addTab(places_tab, self.tr("Places"))
        self.source_list = self._checklist(sources, draft.source_ids, "sources")
        self.tabs.addTab(self.source_list, self.tr("Sources"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(860, 640)

    # --- building ---------------------------------------------------------------------

    def _message(self, name: str) -> QLabel:
        return message_line(self, self.messages, name)

    def _line(self, form: QFormLayout, name: str, label: str, text: str) -> QLineEdit:
        return text_field(self, self.messages, form, name, label, text)

    def _table_tab(self, model: DraftTableModel, title: str) -> tuple[QTableView, QLabel]:
        tab = QWidget(self)
        view = QTableView(tab)
        view.setObjectName(f"{model.prefix}Table")
        view.setModel(model)
        view.setItemDelegate(ChoiceDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.resizeColumnsToContents()
        add = QPushButton(self.tr("&Add"), tab)
        add.setObjectName(f"{model.prefix}Add")
        remove = QPushButton(self.tr("&Remove"), tab)
        remove.setObjectName(f"{model.prefix}Remove")
        add.clicked.connect(lambda: self._add_row(view, model))
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))
        message = error_label(tab)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(tab)
        layout.addWidget(view)
        layout.addWidget(message)
        layout.addLayout(buttons)
        self.tabs.addTab(tab, title)
        return view, message

    @staticmethod
    def _add_row(view: QTableView, model: DraftTableModel) -> None:
        row = model.add_row()
        view.setCurrentIndex(model.index(row, 0))
        view.edit(model.index(row, 0))

    def _checklist(self, choices: list[Choice], checked: list[int], name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        for choice in choices:
            item = QListWidgetItem(choice.label, widget)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.id in checked else Qt.CheckState.Unchecked
            )
        return widget

    # --- places -------------------------------------------------------------------------

    def new_place(self, picker: PlacePicker, inside: int | None) -> None:
        """New Place…: inside the selected place, a level down; checked on this side once saved."""
        from app.places import PLACE_LEVELS, PlaceDraft

        level = "province"
        parent = next((p for p in self._places if p.id == inside), None)
        if parent is not None and parent.level in PLACE_LEVELS:
            level = PLACE_LEVELS[min(PLACE_LEVELS.index(parent.level) + 1, len(PLACE_LEVELS) - 1)]
        draft = PlaceDraft(level=level, parent_id=inside)
        self._open_place(draft, None, picker)

    @Slot(int)
    def edit_place(self, place_id: int) -> None:
        from app.places import PlaceDraft

        place = next((p for p in self._places if p.id == place_id), None)
        if place is not None:
            draft = PlaceDraft(
                place.name, place.name_zh, place.name_ug, place.level, place.parent_id
            )
            self._open_place(draft, place_id, None)

    def _open_place(self, draft: PlaceDraft, place_id: int | None,
                    picker: PlacePicker | None) -> None:  # fmt: skip
        save_place = self._save_place
        if save_place is None:
            return
        dialog = PlaceDialog(draft, self._places, lambda d: save_place(place_id, d), place_id, self)
        self.place_dialog = dialog

        def saved() -> None:
            if self._load_places is not None:
                self._places = self._load_places()
            for each in (self.donor_list, self.recipient_list):
                each.set_places(self._places)
            if picker is not None and dialog.saved_id is not None:
                picker.check(dialog.saved_id)

        dialog.accepted.connect(saved)
        dialog.open()

    # --- reading and checking -----------------------------------------------------------

    @staticmethod
    def _checked(widget: QListWidget) -> list[int]:
        items = (widget.item(i) for i in range(widget.count()))
        return [
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def current_draft(self) -> CaseDraft:
        """The draft as the fields hold it now."""
        d = self.draft
        d.title, d.slug, d.sector = (
            self.title_edit.text(), self.slug_edit.text(), self.sector_combo.value(),
        )  # fmt: skip
        d.title_zh, d.title_zh_note = self.title_zh_edit.text(), self.title_zh_note_edit.text()
        d.start_year, d.end_year = self.start_edit.text(), self.end_edit.text()
        d.ongoing = self.ongoing_check.isChecked()
        d.forms = self.forms_field.checked()
        d.summary, d.narrative = self.summary_edit.toPlainText(), self.narrative_edit.toPlainText()
        d.donor_places = self.donor_list.checked()
        d.recipient_places = self.recipient_list.checked()
        d.source_ids = self._checked(self.source_list)
        return d

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message beside its field; the first problem's tab comes to the front."""
        for name, label in self.messages.items():
            label.setText(tr_message(problems.get(name, "")))
            label.setVisible(name in problems)
        edits = (self.title_edit, self.title_zh_edit, self.title_zh_note_edit, self.slug_edit,
                 self.start_edit, self.end_edit)  # fmt: skip
        for edit in edits:
            edit.setStyleSheet("border: 1px solid #b00020" if edit.objectName() in problems else "")
        for model, message in (
            (self.metrics_model, self.metrics_message),
            (self.actors_model, self.actors_message),
        ):
            model.set_problems(problems)
            message.setText("\n".join(tr_message(p) for p in model.problems.values()))
            message.setVisible(bool(model.problems))
        first = next(iter(problems), None)
        if first is None:
            return
        prefix = first.split(".")[0]
        if prefix in ("metrics", "actors"):
            view = self.metrics_view if prefix == "metrics" else self.actors_view
            self.tabs.setCurrentIndex(TABLE_TAB[prefix])
            model = self.metrics_model if prefix == "metrics" else self.actors_model
            view.setCurrentIndex(model.first_problem())
            view.setFocus()
        else:
            self.tabs.setCurrentIndex(FIELD_TAB.get(first, 0))
            field = self.findChild(QLineEdit, first)
            if field is not None:
                field.setFocus()

    @Slot()
    def accept(self) -> None:
        from app.case_edit import DraftError
        from views.commands import ChangeFailed

        draft = self.current_draft()
        problems = self._check(draft)
        if problems:
            self.show_problems(problems)
            return
        try:
            self._save(draft)
        except DraftError as exc:  # changed meanwhile (another slug taken, say)
            self.show_problems(exc.problems)
            return
        except ChangeFailed:  # not written (the server gone, the disk full): already said
            return  # the form stays open with what was typed
        super().accept()
