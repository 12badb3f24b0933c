"""Applying an import plan in one transaction, and undoing exactly what it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.changes import Journal, ReplayConflictError
from app.highlights import reanchor_case
from app.tag_names import normalise_tag_name
from app.xlsx import layout
from app.xlsx.plan import ImportPlan, RowChange
from models import Base, CaseStudy, Highlight, Metric, Note, Source, Tag
from models.annotations import case_tag
from models.catalogue import CaseAssistance

MODELS: dict[str, type[Base]] = {
    layout.CASES: CaseStudy,
    layout.METRICS: Metric,
    layout.NOTES: Note,
    layout.HIGHLIGHTS: Highlight,
    layout.TAGS: Tag,
    layout.SOURCES: Source,
}
CONTEXT = 32


@dataclass
class AppliedImport:
    """What an applied import did, so that undo can take exactly that back."""

    created: list[tuple[str, int]] = field(default_factory=list)
    previous: list[tuple[str, int, str, Any]] = field(default_factory=list)
    tag_links: list[tuple[int, int]] = field(default_factory=list)
    forms_before: dict[int, list[str]] = field(default_factory=dict)
    # Each field the import changed, with the value it left: undo first checks
    # that nobody changed it since.
    left: dict[tuple[str, int, str], Any] = field(default_factory=dict)


class _Applier:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.done = AppliedImport()

    def case_by_slug(self, slug: str) -> CaseStudy:
        return self.session.scalars(select(CaseStudy).where(CaseStudy.slug == slug)).one()

    def source_by_key(self, key: str) -> Source | None:
        if not key:
            return None
        return self.session.scalars(select(Source).where(Source.key == key)).first()

    def created(self, sheet: str, row: Base) -> None:
        self.session.flush()
        self.done.created.append((sheet, row.id))  # type: ignore[attr-defined]

    def set_fields(self, sheet: str, row: Any, change: RowChange, fields: set[str]) -> None:
        for item in change.changes:
            if item.field in fields:
                self.done.previous.append((sheet, row.id, item.field, getattr(row, item.field)))
                setattr(row, item.field, item.new)

    def tag(self, name: str) -> Tag:
        display, key = normalise_tag_name(name)
        tag = self.session.scalars(select(Tag).where(Tag.name_key == key)).first()
        if tag is None:
            tag = Tag(name=display, name_key=key, colour="")
            self.session.add(tag)
            self.created(layout.TAGS, tag)
        return tag

    def add_tags(self, case: CaseStudy, names: list[str]) -> None:
        for name in names:
            tag = self.tag(name)
            if tag not in case.tags:
                case.tags.append(tag)
                self.done.tag_links.append((case.id, tag.id))

    def set_forms(self, case: CaseStudy, forms: list[str]) -> None:
        self.done.forms_before[case.id] = sorted(case.assistance_forms)
        case.assistance = [CaseAssistance(form=f) for f in forms]

    def add(self, change: RowChange) -> None:
        v = change.values
        if change.sheet == layout.SOURCES:
            self.session.add(source := Source(**v))
            self.created(change.sheet, source)
        elif change.sheet == layout.TAGS:
            self.session.add(tag := Tag(**v))
            self.created(change.sheet, tag)
        elif change.sheet == layout.CASES:
            case = CaseStudy(
                **{
                    k: v[k]
                    for k in (
                        "slug",
                        "title",
                        "sector",
                        "start_year",
                        "end_year",
                        "ongoing",
                        "summary",
                        "narrative",
                    )
                },
                title_zh=v.get("title_zh", ""),
                title_zh_note=v.get("title_zh_note", ""),
                assistance=[CaseAssistance(form=f) for f in v["forms"]],
            )
            self.session.add(case)
            self.created(change.sheet, case)
            self.add_tags(case, v["tags"])
        elif change.sheet == layout.METRICS:
            case = self.case_by_slug(v["slug"])
            fields = {k: v[k] for k in ("name", "value", "low", "high", "unit", "qualifier",
                                        "year", "start_year", "end_year", "note")}  # fmt: skip
            position = max((m.position for m in case.metrics), default=-1) + 1
            metric = Metric(case=case, key=v["key"], position=position, **fields)
            metric.source = self.source_by_key(v["source_key"])
            self.session.add(metric)
            self.created(change.sheet, metric)
        elif change.sheet == layout.NOTES:
            note = Note(case=self.case_by_slug(v["slug"]), body=v["body"])
            self.session.add(note)
            self.created(change.sheet, note)
        elif change.sheet == layout.HIGHLIGHTS:
            case = self.case_by_slug(v["slug"])
            text = getattr(case, v["field"])
            start = text.find(v["quote"])
            end = start + len(v["quote"]) if start >= 0 else 0
            item = Highlight(
                case=case,
                field=v["field"],
                start=max(start, 0),
                end=end,
                quote=v["quote"],
                prefix=text[max(0, start - CONTEXT) : start] if start >= 0 else "",
                suffix=text[end : end + CONTEXT] if start >= 0 else "",
                comment=v["comment"],
                orphaned=start < 0,
            )
            self.session.add(item)
            self.created(change.sheet, item)

    def change(self, change: RowChange) -> None:
        model = MODELS[change.sheet]
        row: Any = self.session.get(model, change.target_id)
        if row is None:
            return
        if change.sheet == layout.CASES:
            self.set_fields(change.sheet, row, change, {
                "title", "title_zh", "title_zh_note", "sector", "start_year", "end_year",
                "ongoing", "summary", "narrative",
            })  # fmt: skip
            if any(c.field == "forms" for c in change.changes):
                self.set_forms(row, change.values["forms"])
            self.add_tags(row, change.values["tags"])
        elif change.sheet == layout.METRICS:
            self.set_fields(change.sheet, row, change, {
                "name", "value", "low", "high", "unit", "qualifier", "year", "start_year",
                "end_year", "note",
            })  # fmt: skip
            if any(c.field == "source_key" for c in change.changes):
                self.done.previous.append((change.sheet, row.id, "source_id", row.source_id))
                source = self.source_by_key(change.values["source_key"])
                row.source_id = source.id if source else None
        else:
            self.set_fields(change.sheet, row, change, {c.field for c in change.changes})


def apply_plan(session: Session, plan: ImportPlan) -> AppliedImport:
    """Write the plan's additions and changes; the caller's transaction makes it all-or-nothing."""
    applier = _Applier(session)
    order = (layout.SOURCES, layout.TAGS, layout.CASES, layout.METRICS, layout.NOTES,
             layout.HIGHLIGHTS)  # fmt: skip
    for sheet in order:
        # In the workbook's row order, so the first spelling of a new tag is kept.
        rows = sorted(
            (c for c in plan.added + plan.changed if c.sheet == sheet), key=lambda c: c.row
        )
        for change in rows:
            if change.action == "add":
                applier.add(change)
            else:
                applier.change(change)
    session.flush()
    _reanchor_edited_texts(applier, plan)
    for sheet, row_id, name, _old in applier.done.previous:
        row = session.get(MODELS[sheet], row_id)
        if row is not None:
            applier.done.left[(sheet, row_id, name)] = getattr(row, name)
    return applier.done


def _changed_since(session: Session, applied: AppliedImport) -> list[str]:
    """The fields the import wrote that someone changed since, in words."""
    problems = []
    for (sheet, row_id, name), value in applied.left.items():
        row = session.get(MODELS[sheet], row_id)
        if row is None or getattr(row, name) != value:
            title = getattr(row, "title", None) if row is not None else None
            where = f"'{title}'" if title else f"a row of the {sheet} sheet"
            problems.append(f"the {name.replace('_', ' ')} of {where}")
    return problems


def _reanchor_edited_texts(applier: _Applier, plan: ImportPlan) -> None:
    """Find highlights again in summaries and narratives the import changed.

    Their old anchors go into the record, so undoing the import puts them back.
    """
    journal = Journal(applier.session)
    for change in plan.changed:
        if (
            change.sheet == layout.CASES
            and change.target_id is not None
            and any(c.field in ("summary", "narrative") for c in change.changes)
        ):
            reanchor_case(journal, change.target_id)
    for row in journal.changes.changes:
        before, after = row.before or {}, row.after or {}
        for name, old in before.items():
            if after.get(name) != old:
                applier.done.previous.append((layout.HIGHLIGHTS, row.key[0], name, old))


def undo_import(session: Session, applied: AppliedImport) -> None:
    """Take back exactly what `apply_plan` did (in one transaction, the caller's).

    Refuses with ReplayConflictError, writing nothing, when a field the import
    wrote was changed since (by the window, the command line or a colleague's
    later import): undo never reverts someone else's text.
    """
    problems = _changed_since(session, applied)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReplayConflictError(
            f"Cannot undo this import: {problems[0]}{more} was changed elsewhere since. "
            "Nothing was changed."
        )
    for case_id, tag_id in applied.tag_links:
        session.execute(
            delete(case_tag).where(case_tag.c.case_id == case_id, case_tag.c.tag_id == tag_id)
        )
    for sheet, row_id, name, old in reversed(applied.previous):
        row = session.get(MODELS[sheet], row_id)
        if row is not None:
            setattr(row, name, old)
    for case_id, forms in applied.forms_before.items():
        case = session.get(CaseStudy, case_id)
        if case is not None:
            case.assistance = [CaseAssistance(form=f) for f in forms]
    for sheet, row_id in reversed(applied.created):
        row = session.get(MODELS[sheet], row_id)
        if row is not None:
            session.delete(row)
    session.flush()
