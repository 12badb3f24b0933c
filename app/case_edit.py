"""Creating, editing and deleting case studies, with their figures, people, places, sources.

The editor works on a CaseDraft: the fields as the user typed them (numbers
and years are still text). `check_draft` reads every field and returns the
problems by field, so the dialog can show each message beside its field;
`save_case` refuses a draft with problems and writes the rest through the
Journal, re-anchoring highlights when the summary or narrative changed.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.changes import Journal, RowChangedElsewhereError
from app.chinese_title import checked_title_zh, checked_title_zh_note
from app.formatting import format_number
from app.highlights import reanchor_case
from app.messages import QT_TRANSLATE_NOOP, Message, join, message_of
from app.validation import FieldValueError, parse_number, parse_period, parse_year
from app.vocab import (
    FORM,
    SECTOR,
    TermError,
    Vocabularies,
    all_spellings,
    canonical,
    term_key,
)
from models import (
    Actor,
    Base,
    CaseActor,
    CasePlace,
    CaseSource,
    CaseStudy,
    Metric,
    Place,
    Source,
)

# The editor's choices, re-exported for the views (which never import models).
from models.catalogue import ACTOR_KINDS as ACTOR_KINDS
from models.catalogue import ASSISTANCE_FORMS as ASSISTANCE_FORMS
from models.catalogue import QUALIFIERS as QUALIFIERS
from models.catalogue import CaseAssistance
from models.identity import new_uuid

FORMS = "forms"  # check_draft's values: the forms of assistance to store
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG_TAKEN = QT_TRANSLATE_NOOP("CaseEdit", "Another case study already has the slug “%1”.")


@dataclass
class MetricDraft:
    name: str = ""
    value: str = ""
    low: str = ""
    high: str = ""
    unit: str = ""
    qualifier: str = "exact"
    period: str = ""  # "2019" or "2015–2020"
    source_id: int | None = None
    note: str = ""
    id: int | None = None
    # A figure from a colleague's workbook keeps its key and identity.
    key: str | None = None
    uuid: str = ""


@dataclass
class ActorDraft:
    name: str = ""
    kind: str = "person"
    role: str = ""
    id: int | None = None  # the case_actor row


@dataclass
class CaseDraft:
    title: str = ""
    title_zh: str = ""  # optional; see app.chinese_title for what it may hold
    title_zh_note: str = ""  # where the Chinese title comes from, when not a source
    slug: str = ""
    sector: str = ""
    summary: str = ""
    narrative: str = ""
    start_year: str = ""
    end_year: str = ""
    ongoing: bool = False
    forms: list[str] = field(default_factory=list)
    donor_places: list[int] = field(default_factory=list)
    recipient_places: list[int] = field(default_factory=list)
    source_ids: list[int] = field(default_factory=list)
    metrics: list[MetricDraft] = field(default_factory=list)
    actors: list[ActorDraft] = field(default_factory=list)
    uuid: str = ""  # a new case from a colleague's workbook keeps its identity
    # The case's row version when loaded (0: a new case); a save checks it.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Choice:
    """A place or source to pick from."""

    id: int
    label: str


class DraftError(ValueError):
    """A draft with problems; `problems` maps a field ("title", "metrics.2.year") to a message."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


class CaseChangedElsewhereError(DraftError):
    """The case is no longer as the editor loaded it; nothing was written.

    `fields` names what changed (in words). Saving again without `expected`
    writes the user's version over it (and undo brings the other one back).
    """

    def __init__(self, fields: list[Message], theirs: CaseDraft | None = None) -> None:
        super().__init__({})
        self.fields = fields
        self.theirs = theirs  # the case as it is stored now
        self.args = (
            QT_TRANSLATE_NOOP(
                "CaseEdit", "This case study was changed elsewhere since you opened it (%1)."
            ).arg(join(", ", fields)),
        )


_FIELD_WORDS: dict[str, Message] = {
    "title": QT_TRANSLATE_NOOP("CaseEdit", "title"),
    "title_zh": QT_TRANSLATE_NOOP("CaseEdit", "Chinese title"),
    "title_zh_note": QT_TRANSLATE_NOOP("CaseEdit", "note on the Chinese title"),
    "slug": QT_TRANSLATE_NOOP("CaseEdit", "slug"),
    "sector": QT_TRANSLATE_NOOP("CaseEdit", "sector"),
    "summary": QT_TRANSLATE_NOOP("CaseEdit", "summary"),
    "narrative": QT_TRANSLATE_NOOP("CaseEdit", "narrative"),
    "start_year": QT_TRANSLATE_NOOP("CaseEdit", "start year"),
    "end_year": QT_TRANSLATE_NOOP("CaseEdit", "end year"),
    "ongoing": QT_TRANSLATE_NOOP("CaseEdit", "ongoing"),
    "forms": QT_TRANSLATE_NOOP("CaseEdit", "forms of assistance"),
    "donor_places": QT_TRANSLATE_NOOP("CaseEdit", "donors"),
    "recipient_places": QT_TRANSLATE_NOOP("CaseEdit", "recipients"),
    "source_ids": QT_TRANSLATE_NOOP("CaseEdit", "sources"),
    "metrics": QT_TRANSLATE_NOOP("CaseEdit", "figures"),
    "actors": QT_TRANSLATE_NOOP("CaseEdit", "people"),
}


def changed_fields(before: CaseDraft, now: CaseDraft) -> list[Message]:
    """The fields, in words, where two drafts of one case differ."""
    return [
        words for name, words in _FIELD_WORDS.items() if getattr(before, name) != getattr(now, name)
    ]


def field_words(name: str) -> Message:
    """A draft field's name in words ("title", "figures")."""
    return _FIELD_WORDS[name]


@dataclass(frozen=True)
class FieldConflict:
    """A field someone else changed while the editor was open.

    `both` is True when the user changed it too, to something else: then
    only the user can choose. Otherwise theirs is the sensible default.
    """

    name: str
    both: bool


def merge_drafts(
    base: CaseDraft, mine: CaseDraft, theirs: CaseDraft
) -> tuple[CaseDraft, list[FieldConflict]]:
    """A three-way merge of the user's draft with the case as stored now.

    `base` is the case as the editor loaded it. Each field only one side
    changed takes that side; a field both changed alike is simply that. The
    merged draft keeps the user's value where both changed it differently;
    the conflicts list every field the others changed (see FieldConflict), in
    the form's order. The merged draft carries the stored version.
    """
    merged = copy.deepcopy(mine)
    merged.version = theirs.version
    conflicts: list[FieldConflict] = []
    for name in _FIELD_WORDS:
        was, ours, now = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        if now == was:
            continue  # not changed elsewhere: the user's value stands
        both = ours != was and ours != now
        if not both:
            setattr(merged, name, copy.deepcopy(now))
        conflicts.append(FieldConflict(name, both))
    return merged, conflicts


def with_fields(draft: CaseDraft, source: CaseDraft, names: Collection[str]) -> CaseDraft:
    """`draft` with these fields taken from `source` (the user's choices in a conflict)."""
    out = copy.deepcopy(draft)
    for name in names:
        setattr(out, name, copy.deepcopy(getattr(source, name)))
    return out


def draft_texts(session: Session, *drafts: CaseDraft) -> list[dict[str, str]]:
    """Each field of each draft as one line of text, for showing versions side by side
    (places and sources read once for all)."""
    places = {i: name for i, name in session.execute(select(Place.id, Place.name))}
    sources = {i: title for i, title in session.execute(select(Source.id, Source.title))}

    def names(ids: list[int], known: dict[int, str]) -> str:
        return "; ".join(known.get(i, f"#{i}") for i in ids)

    def metric(m: MetricDraft) -> str:
        value = m.value or "–".join(v for v in (m.low, m.high) if v)
        return " ".join(p for p in (f"{m.name}:", value, m.unit, f"({m.period})" if m.period
                                    else "") if p)  # fmt: skip

    def texts(draft: CaseDraft) -> dict[str, str]:
        plain = ("title", "title_zh", "title_zh_note", "slug", "sector", "summary",
                 "narrative", "start_year", "end_year")  # fmt: skip
        out = {name: str(getattr(draft, name)) for name in plain}
        out["ongoing"] = "✓" if draft.ongoing else "–"
        out["forms"] = "; ".join(draft.forms)
        out["donor_places"] = names(draft.donor_places, places)
        out["recipient_places"] = names(draft.recipient_places, places)
        out["source_ids"] = names(draft.source_ids, sources)
        out["metrics"] = "; ".join(metric(m) for m in draft.metrics)
        out["actors"] = "; ".join(
            f"{a.name} ({a.role})" if a.role else a.name for a in draft.actors
        )
        return out

    return [texts(d) for d in drafts]


class UnknownCaseIdError(LookupError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("CaseEdit", "That case study no longer exists."))


def slug_for(title: str) -> str:
    """A slug from a title: ASCII letters and digits joined by hyphens."""
    decomposed = unicodedata.normalize("NFKD", title)
    ascii_text = "".join(
        c if c.isascii() else ("" if unicodedata.combining(c) else " ") for c in decomposed
    )
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:80].strip("-")


def _free_slug(session: Session) -> str:
    """ "case-N" for a title with no Latin letters (the user may type a better one)."""
    n = (session.scalar(select(func.count()).select_from(CaseStudy)) or 0) + 1
    while session.scalar(select(CaseStudy.id).where(CaseStudy.slug == f"case-{n}")):
        n += 1
    return f"case-{n}"


def place_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(Place.id, Place.name, Place.level, Place.name_zh))
    labels = [(i, f"{n} ({lv}{', ' + zh if zh else ''})") for i, n, lv, zh in rows]
    return [Choice(i, label) for i, label in sorted(labels, key=lambda p: p[1].casefold())]


def source_choices(session: Session) -> list[Choice]:
    return [Choice(s.id, s.citation()) for s in session.scalars(select(Source).order_by(Source.id))]


def load_draft(session: Session, case_id: int) -> CaseDraft:
    case = session.get(CaseStudy, case_id)
    if case is None:
        raise UnknownCaseIdError
    return CaseDraft(
        title=case.title,
        title_zh=case.title_zh or "",
        title_zh_note=case.title_zh_note or "",
        slug=case.slug,
        sector=case.sector,
        summary=case.summary,
        narrative=case.narrative,
        start_year="" if case.start_year is None else str(case.start_year),
        end_year="" if case.end_year is None else str(case.end_year),
        ongoing=case.ongoing,
        forms=sorted(case.assistance_forms),
        donor_places=[p.place_id for p in case.places if p.role == "donor"],
        recipient_places=[p.place_id for p in case.places if p.role == "recipient"],
        source_ids=[s.id for s in case.sources],
        metrics=[_metric_draft(m) for m in case.metrics],
        actors=[ActorDraft(a.actor.name, a.actor.kind, a.role, a.id) for a in case.actors],
        version=case.version,
    )


def number_text(number: float | None) -> str:
    """A stored number as the editor shows it for typing: 1200, 3.5, "" for none."""
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else repr(number)


def period_text(year: int | None, start: int | None, end: int | None) -> str:
    """A figure's year or period as the editor takes it: "2019", "2015–2020", "2015–"."""
    if start is not None or end is not None:
        return f"{start or ''}–{end or ''}"
    return number_text(year)


def _metric_draft(m: Metric) -> MetricDraft:
    return MetricDraft(
        m.name, number_text(m.value), number_text(m.low), number_text(m.high), m.unit,
        m.qualifier, period_text(m.year, m.start_year, m.end_year), m.source_id, m.note, m.id,
        m.key, m.uuid,
    )  # fmt: skip


# --- checking --------------------------------------------------------------------


def check_metric(i: int, m: MetricDraft, problems: dict[str, str]) -> dict[str, object]:
    """The metric's stored values; adds any problem to `problems` under "metrics.I.FIELD"."""
    values: dict[str, object] = {}

    def read(name: str, parse: object, label: str) -> object:
        try:
            return parse(getattr(m, name), label)  # type: ignore[operator]
        except FieldValueError as exc:
            problems[f"metrics.{i}.{name}"] = message_of(exc)
            return None

    label = QT_TRANSLATE_NOOP("CaseEdit", "Figure %1").arg(i + 1)
    if not m.name.strip():
        problems[f"metrics.{i}.name"] = QT_TRANSLATE_NOOP("CaseEdit", "%1 needs a name.").arg(label)
    values["value"] = read(
        "value", parse_number, QT_TRANSLATE_NOOP("CaseEdit", "%1: value").arg(label)
    )
    values["low"] = read("low", parse_number, QT_TRANSLATE_NOOP("CaseEdit", "%1: low").arg(label))
    values["high"] = read(
        "high", parse_number, QT_TRANSLATE_NOOP("CaseEdit", "%1: high").arg(label)
    )
    try:
        values["year"], values["start_year"], values["end_year"] = parse_period(
            m.period, QT_TRANSLATE_NOOP("CaseEdit", "%1: year").arg(label)
        )
    except FieldValueError as exc:
        problems[f"metrics.{i}.period"] = message_of(exc)
    low, high = values["low"], values["high"]
    if isinstance(low, float) and isinstance(high, float) and low > high:
        problems[f"metrics.{i}.high"] = QT_TRANSLATE_NOOP(
            "CaseEdit", "%1: the low value must not exceed the high value."
        ).arg(label)
    elif (
        isinstance(low, float)
        and isinstance(high, float)
        and isinstance(values["value"], float)
        and not low <= values["value"] <= high
    ):
        # A value with its range: the range says where the value may lie, so it holds it.
        problems[f"metrics.{i}.value"] = QT_TRANSLATE_NOOP(
            "CaseEdit", "%1: the value must lie inside its range (%2–%3)."
        ).arg(label, format_number(low), format_number(high))
    has_range = low is not None and high is not None
    if values["value"] is None and not has_range and f"metrics.{i}.value" not in problems:
        problems[f"metrics.{i}.value"] = QT_TRANSLATE_NOOP(
            "CaseEdit", "%1 needs a value, or both a low and a high."
        ).arg(label)
    if m.qualifier not in QUALIFIERS:
        problems[f"metrics.{i}.qualifier"] = QT_TRANSLATE_NOOP(
            "CaseEdit", "%1: choose one of %2."
        ).arg(label, ", ".join(QUALIFIERS))
    values.update(
        name=m.name.strip(), unit=m.unit.strip(), qualifier=m.qualifier,
        source_id=m.source_id, note=m.note, position=i,
    )  # fmt: skip
    return values


def check_draft(
    session: Session,
    draft: CaseDraft,
    case_id: int | None,
    taken: set[str] | None = None,
    known: Vocabularies | None = None,
) -> tuple[dict[str, str], dict[str, object]]:
    """(problems by field, the case's values to store).

    Sectors and forms are matched to the catalogue's spelling (app.vocab):
    the forms to store, spelt so, are under FORMS (not a column; the caller
    pops it). `taken` and `known`: the slugs in use and the vocabularies, when
    the caller read them for many drafts.
    """
    problems: dict[str, str] = {}
    if not draft.title.strip():
        problems["title"] = QT_TRANSLATE_NOOP("CaseEdit", "A case study needs a title.")
    chinese: dict[str, str] = {}
    for name, check in (("title_zh", checked_title_zh), ("title_zh_note", checked_title_zh_note)):
        try:
            chinese[name] = check(getattr(draft, name))
        except FieldValueError as exc:
            problems[name] = message_of(exc)
    slug = draft.slug.strip() or slug_for(draft.title) or _free_slug(session)
    if not SLUG.match(slug):
        problems["slug"] = QT_TRANSLATE_NOOP(
            "CaseEdit",
            "The slug may hold only lower-case letters, digits and single hyphens "
            "(for example “jin-embroidery”).",
        )
    elif (
        slug in taken
        if taken is not None
        else session.scalar(
            select(func.count()).where(CaseStudy.slug == slug, CaseStudy.id != (case_id or -1))
        )
    ):
        problems["slug"] = _SLUG_TAKEN.arg(slug)
    years: dict[str, int | None] = {}
    for name, label in (
        ("start_year", QT_TRANSLATE_NOOP("CaseEdit", "Start year")),
        ("end_year", QT_TRANSLATE_NOOP("CaseEdit", "End year")),
    ):
        try:
            years[name] = parse_year(getattr(draft, name), label)
        except FieldValueError as exc:
            problems[name] = message_of(exc)
    start, end = years.get("start_year"), years.get("end_year")
    if start is not None and end is not None and start > end:
        problems["end_year"] = QT_TRANSLATE_NOOP(
            "CaseEdit", "The end year must not come before the start year."
        )
    vocab = all_spellings(session) if known is None else known
    sector = ""
    if draft.sector.strip():
        try:
            sector = canonical(session, SECTOR, draft.sector, vocab[SECTOR])
        except TermError as exc:
            problems["sector"] = message_of(exc)
    forms: list[str] = []
    for form in draft.forms:
        try:
            forms.append(canonical(session, FORM, form, vocab[FORM]))
        except TermError as exc:
            problems["forms"] = message_of(exc)
    for i, a in enumerate(draft.actors):
        if not a.name.strip():
            problems[f"actors.{i}.name"] = QT_TRANSLATE_NOOP(
                "CaseEdit", "Person or organisation %1 needs a name."
            ).arg(i + 1)
        if a.kind not in ACTOR_KINDS:
            problems[f"actors.{i}.kind"] = QT_TRANSLATE_NOOP(
                "CaseEdit", "Choose person or organisation for entry %1."
            ).arg(i + 1)
    values: dict[str, object] = {
        "title": draft.title.strip(),
        **chinese,
        "slug": slug,
        "sector": sector,
        "summary": draft.summary,
        "narrative": draft.narrative,
        "start_year": start,
        "end_year": end,
        "ongoing": draft.ongoing,
        # " Funds" and "funds" are one form, stored once with the catalogue's spelling.
        FORMS: sorted(dict.fromkeys(forms)),
    }
    return problems, values


def _metric_values(draft: CaseDraft) -> tuple[dict[str, str], list[dict[str, object]]]:
    problems: dict[str, str] = {}
    return problems, [check_metric(i, m, problems) for i, m in enumerate(draft.metrics)]


def problems_in(
    session: Session,
    draft: CaseDraft,
    case_id: int | None,
    taken: set[str] | None = None,
    known: Vocabularies | None = None,
) -> dict[str, str]:
    """Every problem in the draft, by field; empty when it can be saved.

    `taken`, `known`: the slugs of the other cases and the vocabularies, when the caller holds them.
    """
    problems, _ = check_draft(session, draft, case_id, taken, known)
    metric_problems, _ = _metric_values(draft)
    return {**problems, **metric_problems}


# --- saving ----------------------------------------------------------------------


def _sync_links(journal: Journal, table: str, where: object, have: set[int], want: list[int],
                column: str, fixed: dict[str, object]) -> None:  # fmt: skip
    model = Base.metadata.tables[table]
    gone = have - set(want)
    if gone:
        journal.delete(table, and_(where, model.c[column].in_(gone)))  # type: ignore[arg-type]
    for item in dict.fromkeys(want):
        if item not in have:
            journal.insert(table, {**fixed, column: item})


def _actor_id(journal: Journal, name: str, kind: str) -> int:
    existing = journal.session.scalar(
        select(Actor.id).where(func.lower(Actor.name) == name.strip().lower(), Actor.kind == kind)
    )
    if existing is not None:
        return int(existing)
    return int(journal.insert("actor", {"name": name.strip(), "kind": kind})["id"])


def _save_children(journal: Journal, case_id: int, draft: CaseDraft, wanted_forms: list[str],
                   metrics: list[dict[str, object]]) -> None:  # fmt: skip
    session = journal.session
    where_case = CaseAssistance.case_id == case_id
    forms = set(session.scalars(select(CaseAssistance.form).where(where_case)))
    gone_forms = forms - set(wanted_forms)
    if gone_forms:
        journal.delete(
            "case_assistance",
            and_(CaseAssistance.case_id == case_id, CaseAssistance.form.in_(gone_forms)),
        )
    for form in sorted(set(wanted_forms) - forms):
        journal.insert("case_assistance", {"case_id": case_id, "form": form})
    for role, wanted in (("donor", draft.donor_places), ("recipient", draft.recipient_places)):
        where = and_(CasePlace.case_id == case_id, CasePlace.role == role)
        have = set(session.scalars(select(CasePlace.place_id).where(where)))
        _sync_links(journal, "case_place", where, have, wanted, "place_id",
                    {"case_id": case_id, "role": role})  # fmt: skip
    where = CaseSource.case_id == case_id
    have = set(session.scalars(select(CaseSource.source_id).where(where)))
    _sync_links(journal, "case_source", where, have, draft.source_ids, "source_id",
                {"case_id": case_id})  # fmt: skip

    kept = {m.id for m in draft.metrics if m.id is not None}
    journal.delete("metric", and_(Metric.case_id == case_id, Metric.id.not_in(kept)))
    for m, values in zip(draft.metrics, metrics, strict=True):
        if m.id is None:
            identity = {"key": m.key, **({"uuid": m.uuid} if m.uuid else {})}
            journal.insert("metric", {**values, **identity, "case_id": case_id})
        else:
            journal.update("metric", and_(Metric.id == m.id, Metric.case_id == case_id), values)

    kept = {a.id for a in draft.actors if a.id is not None}
    journal.delete("case_actor", and_(CaseActor.case_id == case_id, CaseActor.id.not_in(kept)))
    for a in draft.actors:
        actor_id = _actor_id(journal, a.name, a.kind)
        values = {"actor_id": actor_id, "role": a.role.strip()}
        if a.id is None:
            journal.insert("case_actor", {**values, "case_id": case_id})
        else:
            journal.update("case_actor", CaseActor.id == a.id, values)


def add_cases(journal: Journal, drafts: list[CaseDraft]) -> list[int]:
    """Create cases from drafts (the editor's New Case, and an import's many); returns their ids.

    Each draft is checked as the editor checks one; if any has a problem,
    raises DraftError (its fields prefixed with the draft's number when there
    are several) and writes nothing. Rows are written a table at a time.
    """
    session = journal.session
    wanted = [d.slug.strip() for d in drafts if d.slug.strip()]
    taken: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        taken.update(session.scalars(select(CaseStudy.slug).where(CaseStudy.slug.in_(chunk))))
    cases: list[dict[str, object]] = []
    all_metrics: list[list[dict[str, object]]] = []
    made: set[str] = set()
    known = all_spellings(session)
    all_forms: list[list[str]] = []
    for number, draft in enumerate(drafts, start=1):
        # A slug made from the title was not among those read: ask for it alone.
        slugs = taken if draft.slug.strip() else None
        problems, values = check_draft(session, draft, None, slugs, known)
        forms = cast(list[str], values.pop(FORMS))
        # A new value one draft brings is the spelling the next drafts use.
        if values["sector"]:
            known[SECTOR].setdefault(term_key(str(values["sector"])), str(values["sector"]))
        for form in forms:
            known[FORM].setdefault(term_key(form), form)
        all_forms.append(forms)
        if values["slug"] in made and "slug" not in problems:
            problems["slug"] = _SLUG_TAKEN.arg(values["slug"])
        metric_problems, metrics = _metric_values(draft)
        problems.update(metric_problems)
        if problems:
            if len(drafts) > 1:
                problems = {
                    f"{number}.{k}": QT_TRANSLATE_NOOP("CaseEdit", "Case %1: %2").arg(number, v)
                    for k, v in problems.items()
                }
            raise DraftError(problems)
        made.add(str(values["slug"]))
        cases.append({**values, "uuid": draft.uuid or new_uuid()})
        all_metrics.append(metrics)
    ids = [int(row["id"]) for row in journal.insert_many("case_study", cases)]
    journal.insert_many("case_assistance", [
        {"case_id": i, "form": f} for i, forms in zip(ids, all_forms, strict=True) for f in forms
    ])  # fmt: skip
    journal.insert_many("case_place", [
        {"case_id": i, "place_id": p, "role": role} for i, d in zip(ids, drafts, strict=True)
        for role, places in (("donor", d.donor_places), ("recipient", d.recipient_places))
        for p in dict.fromkeys(places)
    ])  # fmt: skip
    journal.insert_many("case_source", [
        {"case_id": i, "source_id": s} for i, d in zip(ids, drafts, strict=True)
        for s in dict.fromkeys(d.source_ids)
    ])  # fmt: skip
    journal.insert_many("metric", [
        {**values, "key": m.key, "uuid": m.uuid or new_uuid(), "case_id": i}
        for i, d, metrics in zip(ids, drafts, all_metrics, strict=True)
        for m, values in zip(d.metrics, metrics, strict=True)
    ])  # fmt: skip
    for case_id, draft in zip(ids, drafts, strict=True):
        for a in draft.actors:
            values = {"actor_id": _actor_id(journal, a.name, a.kind), "role": a.role.strip()}
            journal.insert("case_actor", {**values, "case_id": case_id})
    return ids


def save_case(
    journal: Journal, case_id: int | None, draft: CaseDraft, expected: CaseDraft | None = None
) -> int:
    """Create (case_id None) or update a case from a draft; returns its id.

    Raises DraftError, writing nothing, if any field has a problem. With
    `expected` (the draft as the editor loaded it), raises
    CaseChangedElsewhereError, writing nothing, if the case no longer matches
    it: another process or an import changed it while the editor was open.
    """
    session = journal.session
    version = None
    if case_id is not None and expected is not None:
        theirs = load_draft(session, case_id)
        fields = changed_fields(expected, theirs)
        if fields:
            raise CaseChangedElsewhereError(fields, theirs)
        version = theirs.version  # the values are as loaded: the save goes over this version
    problems, values = check_draft(session, draft, case_id)
    metric_problems, metrics = _metric_values(draft)
    problems.update(metric_problems)
    if problems:
        raise DraftError(problems)
    if case_id is None:
        return add_cases(journal, [draft])[0]
    else:
        if session.scalar(select(CaseStudy.id).where(CaseStudy.id == case_id)) is None:
            raise UnknownCaseIdError
        forms = cast(list[str], values.pop(FORMS))
        try:
            journal.update("case_study", CaseStudy.id == case_id, values, expected_version=version)
        except RowChangedElsewhereError:  # saved by someone else since the read above
            assert expected is not None
            session.expire_all()  # the case as committed now, not as read above
            theirs = load_draft(session, case_id)
            raise CaseChangedElsewhereError(changed_fields(expected, theirs), theirs) from None
    _save_children(journal, case_id, draft, forms, metrics)
    reanchor_case(journal, case_id)
    return case_id


def delete_case(journal: Journal, case_id: int) -> str:
    """Delete a case and everything attached to it; returns its title.

    Child rows are deleted (and journalled) before the case, so undo brings
    every one of them back. The seed's record of the case stays, so a newer
    seed does not bring a deleted case back.
    """
    title = journal.session.scalar(select(CaseStudy.title).where(CaseStudy.id == case_id))
    if title is None:
        raise UnknownCaseIdError
    case_table = Base.metadata.tables["case_study"]
    for table in reversed(Base.metadata.sorted_tables):
        for fk in table.foreign_keys:
            if fk.column.table is case_table:
                journal.delete(table.name, fk.parent == case_id)
    journal.delete("case_study", CaseStudy.id == case_id)
    return str(title)
