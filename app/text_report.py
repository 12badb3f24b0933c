"""A case study as plain text, for `casebook show`."""

from __future__ import annotations

from app.detail import CaseDetail, HighlightView


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def _highlight(h: HighlightView) -> str:
    """- "quoted words" (narrative; tag: x; not found after an edit): comment"""
    about = [h.field]
    if h.tag:
        about.append(f"tag: {h.tag}")
    if h.author:
        about.append(f"by {h.author}")
    if h.orphaned:
        about.append("its text was not found after an edit")
    line = f"- \u201c{' '.join(h.quote.split())}\u201d ({'; '.join(about)})"
    return f"{line}: {h.comment}" if h.comment.strip() else line


def case_report(d: CaseDetail) -> str:
    lines = [d.title]
    if d.title_zh:
        lines.append(d.title_zh)
    lines += ["=" * len(d.title), f"slug: {d.slug}"]
    if d.title_zh_note:
        lines.append(f"Chinese title: {d.title_zh_note}")
    lines.append(f"sector: {d.sector}    period: {d.period}")
    if d.assistance:
        lines.append("assistance: " + ", ".join(d.assistance))
    for role in ("donor", "recipient"):
        places = [" › ".join(p.lineage) for p in d.places_on(role)]
        if places:
            lines.append(f"{role}: " + "; ".join(places))
    if d.tags:
        lines.append("tags: " + ", ".join(d.tags))
    lines += ["", d.summary]
    if d.narrative:
        lines += ["", d.narrative]
    lines += _section(
        "People and organisations",
        [f"- {a.name} ({a.kind}): {a.role}" for a in d.actors],
    )
    lines += _section(
        "Figures",
        [
            f"- {m.name}: {m.display}" + (f" ({m.period})" if m.period else "") + f" [{m.source}]"
            for m in d.metrics
        ],
    )
    lines += _section(
        "Perspectives",
        [f"- {p.viewpoint}: {p.text} [{p.source}]" for p in d.perspectives],
    )
    lines += _section("Highlights", [_highlight(h) for h in d.highlights])
    lines += _section("Sources", [f"- {s.citation}" for s in d.sources])
    lines += _section("Notes", [f"- {n.body}" for n in d.notes])
    return "\n".join(lines)
