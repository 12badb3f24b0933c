"""Small helpers shared by the annotation tests."""

from __future__ import annotations

from sqlalchemy import select

from app.service import CatalogueService
from app.store import Catalogue
from models import CaseStudy


def case_id(catalogue: Catalogue, slug: str) -> int:
    with catalogue.sessions() as session:
        return int(session.scalars(select(CaseStudy.id).where(CaseStudy.slug == slug)).one())


def tag_counts(service: CatalogueService) -> dict[str, int]:
    return {t.name: t.count for t in service.tags()}
