"""Import in two steps: `preview` reads and compares, `apply` writes in one transaction."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.xlsx.apply import AppliedImport, apply_plan, undo_import
from app.xlsx.plan import ImportPlan, plan_import
from app.xlsx.read import WorkbookError, read_workbook

__all__ = [
    "AppliedImport",
    "ImportPlan",
    "WorkbookError",
    "apply_plan",
    "describe_plan",
    "preview_import",
    "undo_import",
]


def preview_import(session: Session, path: Path) -> ImportPlan:
    """What importing `path` would change. Raises WorkbookError; writes nothing."""
    return plan_import(session, read_workbook(path))


def _short(value: object, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_plan(plan: ImportPlan) -> list[str]:
    """The preview as lines for the command line."""
    lines = [f"Import preview: {plan.summary()}."]
    for change in plan.added:
        lines.append(f"  add     {change.sheet}, row {change.row}: {change.label}")
    for change in plan.changed:
        lines.append(f"  change  {change.sheet}, row {change.row}: {change.label}")
        for item in change.changes:
            lines.append(f"          {item.field}: {_short(item.old)!r} → {_short(item.new)!r}")
    for rejection in plan.rejected:
        lines.append(f"  reject  {rejection}")
    return lines
