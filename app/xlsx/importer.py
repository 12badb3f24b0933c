"""Import in two steps: `preview` reads and compares, `apply` writes in one transaction.

The window applies through `MainWindow.change(…, apply_import, plan)` like
any edit (one undo step); the command line through `apply_plan`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.changes import ChangeSet, Journal
from app.plurals import counted
from app.xlsx.apply import apply_import
from app.xlsx.plan import ImportPlan, plan_import
from app.xlsx.read import WorkbookError, read_workbook

__all__ = [
    "ImportPlan",
    "WorkbookError",
    "apply_import",
    "apply_plan",
    "describe_plan",
    "plan_to_json",
    "preview_import",
]


def apply_plan(session: Session, plan: ImportPlan, author: str = "") -> ChangeSet:
    """Apply the plan in the caller's transaction; returns what it changed."""
    journal = Journal(session, author)
    apply_import(journal, plan)
    return journal.changes


def preview_import(session: Session, path: Path) -> ImportPlan:
    """What importing `path` would change. Raises WorkbookError; writes nothing."""
    return plan_import(session, read_workbook(path))


def _short(value: object, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


SHOWN = 20  # rows of each kind the terminal shows; --json gives them all


def describe_plan(plan: ImportPlan, shown: int = SHOWN) -> list[str]:
    """The preview as lines for the command line: the counts and the first rows of each kind."""
    lines = [f"Import preview: {plan.summary()}."]
    if plan.new_values:
        lines.append(f"  new to this catalogue: {', '.join(plan.new_values[:shown])}")
    for warning in plan.warnings[:shown]:
        lines.append(f"  note    {warning}")
    lines += _more(len(plan.warnings), shown, "notes")
    if plan.kept_yours:
        lines.append(
            f"  kept {plan.kept_yours} field{'s' if plan.kept_yours != 1 else ''} you changed "
            "since the workbook's rows last matched"
        )
    unchanged = ", ".join(counted(n, sheet) for sheet, n in plan.unchanged.items() if n)
    if unchanged:
        lines.append(f"  unchanged: {unchanged}")
    for change in plan.added[:shown]:
        lines.append(f"  add     {change.sheet}, row {change.row}: {_short(change.label)}")
    lines += _more(len(plan.added), shown, "additions")
    for change in plan.changed[:shown]:
        lines.append(f"  change  {change.sheet}, row {change.row}: {_short(change.label)}")
        for item in change.changes[:shown]:
            if item.conflict:
                lines.append(
                    f"          {item.field}: CONFLICT, changed on both sides: yours "
                    f"{_short(item.old)!r}, theirs {_short(item.new)!r}; "
                    + ("taking theirs" if item.take_theirs else "keeping yours")
                )
            else:
                lines.append(f"          {item.field}: {_short(item.old)!r} → {_short(item.new)!r}")
        lines += _more(len(change.changes), shown, "changed fields", indent=10)
    lines += _more(len(plan.changed), shown, "changed rows")
    for rejection in plan.rejected[:shown]:
        lines.append(f"  reject  {_short(str(rejection), 200)}")
    lines += _more(len(plan.rejected), shown, "rejections")
    return lines


def _more(total: int, shown: int, kind: str, indent: int = 2) -> list[str]:
    if total <= shown:
        return []
    more = counted(total - shown, f"more {kind}")
    return [f"{' ' * indent}… and {more} (--json lists them all)"]


def plan_to_json(plan: ImportPlan) -> dict[str, Any]:
    """Everything the preview found, for `casebook import --json`."""
    return {
        "summary": {
            "added": len(plan.added),
            "changed": len(plan.changed),
            "unchanged": sum(plan.unchanged.values()),
            "rejected": len(plan.rejected),
            "conflicts": len(plan.conflicts),
        },
        "new_values": list(plan.new_values),
        "kept_yours": plan.kept_yours,
        "warnings": list(plan.warnings),
        "unchanged": dict(plan.unchanged),
        "added": [
            {"sheet": c.sheet, "row": c.row, "label": c.label, "values": c.values}
            for c in plan.added
        ],
        "changed": [
            {
                "sheet": c.sheet,
                "row": c.row,
                "label": c.label,
                "changes": [
                    {"field": f.field, "old": f.old, "new": f.new, "conflict": f.conflict}
                    for f in c.changes
                ],
            }
            for c in plan.changed
        ],
        "rejected": [
            {"sheet": r.sheet, "row": r.row, "column": r.column, "reason": r.reason}
            for r in plan.rejected
        ],
    }
