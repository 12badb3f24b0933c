"""Small helpers shared by the annotation tests."""

from __future__ import annotations

from sqlalchemy import select

from app.service import CatalogueService
from app.store import Catalogue, open_catalogue
from models import CaseStudy


def case_id(catalogue: Catalogue, slug: str) -> int:
    with catalogue.sessions() as session:
        return int(session.scalars(select(CaseStudy.id).where(CaseStudy.slug == slug)).one())


def reopen(catalogue: Catalogue) -> Catalogue:
    """A second, independent connection to the same catalogue (another process's, as the
    command line or a colleague's Casebook has)."""
    return open_catalogue(catalogue.server or catalogue.path, seed=False)


def tag_counts(service: CatalogueService) -> dict[str, int]:
    return {t.name: t.count for t in service.tags()}
