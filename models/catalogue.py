"""Case studies and what describes them: places, actors, metrics, sources, perspectives."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, utcnow
from models.identity import Identified, Versioned

if TYPE_CHECKING:
    from models.annotations import Note, Tag

ASSISTANCE_FORMS = ("talent", "technology", "management", "funds", "market access", "culture")
PLACE_LEVELS = (
    "region",
    "province",
    "municipality",
    "prefecture",
    "city",
    "county",
    "district",
    "township",
    "village",
)
QUALIFIERS = ("exact", "about", "over", "nearly", "under")
PLACE_ROLES = ("donor", "recipient")
ACTOR_KINDS = ("person", "organisation")


class CaseStudy(Identified, Versioned, Base):
    __tablename__ = "case_study"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    # The title in Chinese: the source's own where it gives one, else ours
    # (seed/data marks which).
    title_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # Where the Chinese title comes from when it is not the source's own,
    # e.g. "Casebook's translation"; empty when a source gives it.
    title_zh_note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    sector: Mapped[str] = mapped_column(String(80), default="", index=True)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    ongoing: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    assistance: Mapped[list[CaseAssistance]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    places: Mapped[list[CasePlace]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    actors: Mapped[list[CaseActor]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CaseActor.id",
    )
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Metric.position",
    )
    sources: Mapped[list[Source]] = relationship(secondary="case_source", order_by="Source.id")
    perspectives: Mapped[list[Perspective]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Perspective.id",
    )
    tags: Mapped[list[Tag]] = relationship(secondary="case_tag", back_populates="cases")
    notes: Mapped[list[Note]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Note.created_at",
    )

    __table_args__ = (
        CheckConstraint(
            "end_year IS NULL OR start_year IS NULL OR end_year >= start_year", name="period"
        ),
        # The table's default order (by title, whatever the case) read from an index.
        Index("ix_case_study_title_key", func.lower(title), id),
        # year: filters read the periods from here, not from the wide case rows.
        Index("ix_case_study_period", start_year, end_year, ongoing),
    )

    @property
    def assistance_forms(self) -> list[str]:
        return [a.form for a in self.assistance]

    def __repr__(self) -> str:
        return f"CaseStudy({self.slug!r})"


class CaseAssistance(Base):
    """One form of assistance (talent, funds, ...) a case involves."""

    __tablename__ = "case_assistance"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), primary_key=True
    )
    form: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    case: Mapped[CaseStudy] = relationship(back_populates="assistance")


class Place(Identified, Versioned, Base):
    """A place at some administrative level, inside its parent (county in prefecture ...)."""

    __tablename__ = "place"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_ug: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("place.id", ondelete="SET NULL"), index=True
    )
    # The seat of the area's government (WGS 84 degrees), for the pairing map.
    longitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)
    position_note: Mapped[str] = mapped_column(String(300), default="", server_default="")

    parent: Mapped[Place | None] = relationship(remote_side=[id])

    def lineage(self) -> list[Place]:
        """This place and its ancestors, outermost first."""
        chain: list[Place] = []
        node: Place | None = self
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))


class CasePlace(Base):
    """A place on the donor or the recipient side of a case's pairing."""

    __tablename__ = "case_place"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"),
        primary_key=True,
    )
    place_id: Mapped[int] = mapped_column(
        ForeignKey("place.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    case: Mapped[CaseStudy] = relationship(back_populates="places")
    place: Mapped[Place] = relationship()

    __table_args__ = (CheckConstraint("role IN ('donor', 'recipient')", name="role"),)


class Actor(Identified, Versioned, Base):
    """A person or an organisation that takes part in one or more cases."""

    __tablename__ = "actor"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300), index=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_ug: Mapped[str] = mapped_column(String(200), default="")
    affiliation_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="SET NULL"))

    affiliation: Mapped[Actor | None] = relationship(remote_side=[id])

    __table_args__ = (CheckConstraint("kind IN ('person', 'organisation')", name="kind"),)


class CaseActor(Base):
    """An actor's role in one case (a master who trains, a founder, an engineer)."""

    __tablename__ = "case_actor"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))

    case: Mapped[CaseStudy] = relationship(back_populates="actors")
    actor: Mapped[Actor] = relationship()
    source: Mapped[Source | None] = relationship()


class Source(Identified, Versioned, Base):
    """A published text the catalogue takes facts from, cited as the text gives itself."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(120), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(300), default="")
    publisher: Mapped[str] = mapped_column(String(300), default="")
    date_text: Mapped[str] = mapped_column(String(100), default="")
    date_note: Mapped[str] = mapped_column(String(300), default="")
    seed_file: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(60), default="")
    outlook: Mapped[str] = mapped_column(String(40), default="")

    def citation(self) -> str:
        """A short human citation: "Title", author, publisher, date."""
        parts = [f"\u201c{self.title}\u201d"]
        parts += [p for p in (self.author, self.publisher, self.date_text) if p]
        if not self.date_text and self.date_note:
            parts.append(f"({self.date_note})")
        return ", ".join(parts)


class CaseSource(Base):
    __tablename__ = "case_source"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Metric(Identified, Versioned, Base):
    """A figure about a case: a value or a low-high range, with unit, qualifier and source."""

    __tablename__ = "metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str | None] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(80), default="")
    qualifier: Mapped[str] = mapped_column(String(20), default="exact")
    year: Mapped[int | None] = mapped_column(Integer)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[CaseStudy] = relationship(back_populates="metrics")
    source: Mapped[Source | None] = relationship()

    __table_args__ = (
        UniqueConstraint("case_id", "key", name="uq_metric_case_key"),
        CheckConstraint(
            "value IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL)", name="has_number"
        ),
        CheckConstraint("low IS NULL OR high IS NULL OR low <= high", name="range_order"),
        CheckConstraint(
            "qualifier IN ('exact', 'about', 'over', 'nearly', 'under')", name="qualifier"
        ),
    )

    @property
    def is_range(self) -> bool:
        return self.value is None


class Perspective(Identified, Versioned, Base):
    """What one source says about a case or the programme, attributed and neutrally worded."""

    __tablename__ = "perspective"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_study.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str | None] = mapped_column(String(120))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))
    viewpoint: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[CaseStudy] = relationship(back_populates="perspectives")
    source: Mapped[Source | None] = relationship()


class SeedRecord(Base):
    """Every seed entry ever inserted, so a re-seed never re-adds what the user removed."""

    __tablename__ = "seed_record"

    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True)


class Meta(Base):
    """Small key/value facts about the catalogue itself (seed version, ...)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
