"""The window's door to the catalogue: each call is one short-lived Session.

Views hold a CatalogueService and never see a Session or SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.detail import CaseDetail, case_detail_by_id
from app.query import (
    CaseFilter,
    CaseRow,
    Facets,
    SortKey,
    case_ids,
    case_rows,
    count_cases,
    facet_counts,
)
from app.store import Catalogue

if TYPE_CHECKING:
    from pathlib import Path

    from app.xlsx.export import ExportSummary, Progress, ShouldCancel
    from app.xlsx.importer import AppliedImport, ImportPlan


class CatalogueService:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def case_ids(
        self, flt: CaseFilter, sort: SortKey = "title", descending: bool = False
    ) -> list[int]:
        with self.catalogue.sessions() as session:
            return case_ids(session, flt, sort, descending)

    def count(self, flt: CaseFilter) -> int:
        with self.catalogue.sessions() as session:
            return count_cases(session, flt)

    def case_rows(self, ids: list[int]) -> dict[int, CaseRow]:
        with self.catalogue.sessions() as session:
            return case_rows(session, ids)

    def facets(self, flt: CaseFilter) -> Facets:
        with self.catalogue.sessions() as session:
            return facet_counts(session, flt)

    def detail(self, case_id: int) -> CaseDetail | None:
        with self.catalogue.sessions() as session:
            return case_detail_by_id(session, case_id)

    def export(
        self,
        target: Path,
        flt: CaseFilter | None,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
    ) -> ExportSummary:
        """Export to `target`; safe to call from a worker thread (its own session)."""
        from app.xlsx.export import export_workbook

        with self.catalogue.sessions() as session:
            return export_workbook(
                session, target, flt, progress=progress, should_cancel=should_cancel
            )

    def preview_import(self, path: Path) -> ImportPlan:
        """What importing `path` would change (raises WorkbookError; writes nothing)."""
        from app.xlsx.importer import preview_import

        with self.catalogue.sessions() as session:
            return preview_import(session, path)

    def apply_import(self, plan: ImportPlan) -> AppliedImport:
        from app.xlsx.importer import apply_plan

        with self.catalogue.sessions.begin() as session:
            return apply_plan(session, plan)

    def undo_import(self, applied: AppliedImport) -> None:
        from app.xlsx.importer import undo_import

        with self.catalogue.sessions.begin() as session:
            undo_import(session, applied)
