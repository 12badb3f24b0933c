"""Applying an import plan with the editor's own functions, through the journal.

Every row is written by the app function the window uses for the same
change (save_case, add_note, update_highlight, ensure_tag, save_source…),
with the same checks, into the caller's Journal: the whole import is one
change set, undone and redone like any edit. Conflicting fields are written
only where the user chose the workbook's value.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select

from app.case_edit import (
    CaseDraft,
    DraftError,
    MetricDraft,
    add_cases,
    load_draft,
    number_text,
    period_text,
    save_case,
)
from app.changes import Journal
from app.highlights import (
    HighlightError,
    QuotedHighlight,
    add_quoted_highlights,
    update_highlight,
)
from app.messages import QT_TRANSLATE_NOOP, message_of
from app.notes import NewNote, NoteError, add_notes, update_note
from app.sources import SOURCE_FIELDS, SourceError, save_source
from app.tag_names import TagNameError
from app.tags import ensure_tag, rename_tag, set_tag_colour, tag_cases
from app.xlsx import layout
from app.xlsx.plan import ImportPlan, RowChange
from app.xlsx.sync_base import digests_by_field
from models import CaseStudy, Highlight, Source

BATCH = 2000  # rows written a statement at a time

_CASE_FIELDS = ("title", "title_zh", "title_zh_note", "slug", "sector", "summary", "narrative",
                "ongoing", "forms")  # fmt: skip


def _metric_draft(change: RowChange, draft: MetricDraft, source_ids: dict[str, int]) -> None:
    v = change.values
    for name in ("name", "unit", "qualifier", "note"):
        if change.taken(name):
            setattr(draft, name, v[name])
    for name in ("value", "low", "high"):
        if change.taken(name):
            setattr(draft, name, number_text(v[name]))
    if any(change.taken(n) for n in ("year", "start_year", "end_year")):
        draft.period = period_text(v["year"], v["start_year"], v["end_year"])
    if change.taken("source_key"):
        draft.source_id = source_ids.get(v["source_key"])


class _Applier:
    def __init__(self, journal: Journal, plan: ImportPlan) -> None:
        self.journal = journal
        self.session = journal.session
        self.plan = plan
        self.rows = sorted(plan.added + plan.changed, key=lambda c: (c.sheet, c.row))

    def of(self, sheet: str) -> list[RowChange]:
        return [c for c in self.rows if c.sheet == sheet]

    def case_ids(self) -> dict[str, int]:
        return dict(self.session.execute(select(CaseStudy.slug, CaseStudy.id)).all())

    def sources(self) -> None:
        for change in self.of(layout.SOURCES):
            if change.action == "add":
                save_source(self.journal, None, change.values, uuid=change.uuid)
            else:
                wanted = {n: change.values[n] for n in SOURCE_FIELDS if change.taken(n)}
                if wanted:
                    save_source(self.journal, change.target_id, wanted)

    def tags(self) -> None:
        for change in self.of(layout.TAGS):
            name = change.values["name"]
            if change.action == "add":
                ensure_tag(self.journal, name, uuid=change.uuid)
            elif change.taken("name"):
                rename_tag(self.journal, change.label, name)
            if change.values["colour"] and change.taken("colour"):
                set_tag_colour(self.journal, name, change.values["colour"])
            elif change.action == "change" and change.taken("colour"):
                set_tag_colour(self.journal, name, "")

    def cases(self) -> None:
        """Each case touched by the Cases or Metrics sheet is saved once, as the editor saves."""
        source_ids = {k: i for k, i in self.session.execute(select(Source.key, Source.id)) if k}
        by_slug: dict[str, list[RowChange]] = defaultdict(list)
        order: list[str] = []
        for change in self.of(layout.CASES) + self.of(layout.METRICS):
            slug = change.values["slug"] if change.sheet == layout.METRICS else change.label
            if change.sheet == layout.CASES and change.action == "add":
                slug = change.values["slug"]
            if slug not in by_slug:
                order.append(slug)
            by_slug[slug].append(change)
        ids = self.case_ids()
        new: list[tuple[CaseDraft, list[str]]] = []
        for slug in order:
            case_id = ids.get(slug)
            draft, tags = self.case_draft(by_slug[slug], case_id, source_ids)
            if case_id is None:
                new.append((draft, tags))
                continue
            saved = save_case(self.journal, case_id, draft)
            if tags:
                tag_cases(self.journal, [saved], tags)
        # New cases: checked one by one as the editor checks them, written a table at a time.
        by_tag: dict[str, list[int]] = defaultdict(list)
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            made = add_cases(self.journal, [draft for draft, _ in batch])
            for case_id, (_, tags) in zip(made, batch, strict=True):
                for tag in tags:
                    by_tag[tag].append(case_id)
        for tag, case_ids in by_tag.items():
            tag_cases(self.journal, case_ids, [tag])

    def case_draft(
        self, changes: list[RowChange], case_id: int | None, source_ids: dict[str, int]
    ) -> tuple[CaseDraft, list[str]]:
        """The case as the editor would save it with the workbook's rows applied, and its tags."""
        draft = load_draft(self.session, case_id) if case_id is not None else CaseDraft()
        tags: list[str] = []
        for change in changes:
            if change.sheet == layout.CASES:
                self.case_fields(change, draft)
                tags += change.values["tags"]
            elif change.action == "add":
                metric = MetricDraft(key=change.values["key"], uuid=change.uuid)
                _metric_draft(change, metric, source_ids)
                draft.metrics.append(metric)
            else:
                metric = next(m for m in draft.metrics if m.id == change.target_id)
                _metric_draft(change, metric, source_ids)
        return draft, tags

    def case_fields(self, change: RowChange, draft: CaseDraft) -> None:
        v = change.values
        if change.action == "add":
            draft.uuid = change.uuid
            draft.donor_places = v["donor_places"]
            draft.recipient_places = v["recipient_places"]
        for name in _CASE_FIELDS:
            if name in v and change.taken(name):
                setattr(draft, name, v[name])
        for name in ("start_year", "end_year"):
            if change.taken(name):
                setattr(draft, name, number_text(v[name]))

    def notes(self) -> None:
        ids = self.case_ids()
        new = []
        for change in self.of(layout.NOTES):
            v = change.values
            if change.action == "add":
                new.append(NewNote(ids[v["slug"]], v["body"], v["author"], change.uuid,
                                   v["created_at"]))  # fmt: skip
            elif change.taken("body") and change.target_id is not None:
                update_note(self.journal, change.target_id, v["body"])
        for start in range(0, len(new), BATCH):
            add_notes(self.journal, new[start : start + BATCH])

    def highlights(self) -> None:
        ids = self.case_ids()
        new = []
        for change in self.of(layout.HIGHLIGHTS):
            v = change.values
            if change.action == "add":
                new.append(QuotedHighlight(
                    ids[v["slug"]], v["field"], v["quote"], tag=v["tag"], comment=v["comment"],
                    author=v["author"], uuid=change.uuid,
                ))  # fmt: skip
            elif change.target_id is not None and (change.taken("comment") or change.taken("tag")):
                current = self.session.get(Highlight, change.target_id)
                assert current is not None
                tag = current.tag.name if current.tag else ""
                update_highlight(
                    self.journal, change.target_id,
                    tag=v["tag"] if change.taken("tag") else tag,
                    comment=v["comment"] if change.taken("comment") else current.comment,
                )  # fmt: skip
        for start in range(0, len(new), BATCH):
            add_quoted_highlights(self.journal, new[start : start + BATCH])

    def sync_bases(self) -> None:
        """What both sides now hold, for the next exchange's three-way comparison.

        Written in bulk (a first exchange of a large catalogue agrees on every row).
        """
        agreed = {u: (sheet, text) for u, sheet, text in self.plan.agreements}
        agreed.update((c.uuid, (c.sheet, c.agreed)) for c in self.rows if c.agreed)
        rows = [
            {"uuid": u, "digests": json.dumps(digests_by_field(sheet, text), sort_keys=True)}
            for u, (sheet, text) in agreed.items()
        ]
        for start in range(0, len(rows), 5000):
            self.journal.put_rows("sync_base", rows[start : start + 5000])


class ImportRefusedError(ValueError):
    """A row no longer fits the catalogue (it changed since the preview); nothing was written."""


def apply_import(journal: Journal, plan: ImportPlan) -> int:
    """Write the plan's additions and the changes it takes; returns the rows written.

    Raises ImportRefusedError, naming the refusal of the editor's own checks,
    when a row no longer fits what the catalogue holds since the preview;
    the caller's transaction then writes nothing.
    """
    applier = _Applier(journal, plan)
    try:
        applier.sources()
        applier.tags()
        applier.cases()
        applier.notes()
        applier.highlights()
    except (DraftError, NoteError, HighlightError, SourceError, TagNameError, KeyError) as exc:
        raise ImportRefusedError(
            QT_TRANSLATE_NOOP(
                "ImportApply",
                "The catalogue changed since the preview, so the import was stopped (%1).",
            ).arg(message_of(exc))
        ) from exc
    applier.sync_bases()
    return len(applier.rows)
