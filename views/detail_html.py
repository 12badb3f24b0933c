"""A case study rendered as HTML for the detail pane (every value escaped)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from views.data_words import data_word, level_name
from views.text_slice import more_text_line, shown_part
from views.time_text import period_text
from views.translation import arg

if TYPE_CHECKING:
    from app.detail import CaseDetail, PlaceView

# Unicode isolates keep a right-to-left Uyghur name from reordering the
# left-to-right text around it.
translate = QCoreApplication.translate

RLI, PDI = "\u2067", "\u2069"


def _rtl(text: str) -> str:
    return f'<span dir="rtl">{RLI}{escape(text)}{PDI}</span>'


def _place(p: PlaceView) -> str:
    parts = [escape(" › ".join(p.lineage))]
    if p.name_zh:
        parts.append(escape(p.name_zh))
    if p.name_ug:
        parts.append(_rtl(p.name_ug))
    level = escape(level_name(p.level))
    return " · ".join(parts) + f' <span style="color:#777">({level})</span>'


def _paragraphs(text: str) -> str:
    """The text's paragraphs, at most its first SHOWN_CHARACTERS, and a line saying what is left."""
    shown = shown_part(text)
    blocks = [b.strip() for b in shown.text.split("\n\n") if b.strip()]
    html = "".join(f"<p>{escape(b)}</p>" for b in blocks)
    if shown.hidden:
        html += f'<p style="color:#777"><i>{escape(more_text_line(shown))}</i></p>'
    return html


def _bounded(text: str) -> str:
    """`text` escaped, at most its first SHOWN_CHARACTERS, saying what is left out."""
    shown = shown_part(text)
    more = f' <i style="color:#777">{escape(more_text_line(shown))}</i>' if shown.hidden else ""
    return escape(shown.text) + more


def _title_zh(d: CaseDetail) -> str:
    """The Chinese title under the heading, marked as Chinese, with where it comes from."""
    if not d.title_zh:
        return ""
    note = escape(d.title_zh_note, quote=True)
    title = f' title="{note}"' if note else ""
    html = f'<span lang="zh" style="font-size:large"{title}>{_bounded(d.title_zh)}</span>'
    if note:
        html += f'<br><small style="color:#777">{note}</small>'
    return f"<p>{html}</p>"


def overview_html(d: CaseDetail) -> str:
    comma = translate("DetailHtml", ", ")
    sector, period = (
        escape(translate("DetailHtml", "Sector:")),
        escape(translate("DetailHtml", "Period:")),
    )
    meta = [
        f"<b>{sector}</b> {escape(d.sector)}",
        f"<b>{period}</b> {escape(period_text(d.start_year, d.end_year, d.ongoing))}",
    ]
    if d.assistance:
        label = escape(translate("DetailHtml", "Assistance:"))
        meta.append(f"<b>{label}</b> {escape(comma.join(d.assistance))}")
    if d.tags:
        label = escape(translate("DetailHtml", "Tags:"))
        meta.append(f"<b>{label}</b> {escape(comma.join(d.tags))}")
    html = [f"<h2>{_bounded(d.title)}</h2>", _title_zh(d), f"<p>{' &nbsp; '.join(meta)}</p>"]
    sides = (
        ("donor", escape(translate("DetailHtml", "Donor side:"))),
        ("recipient", escape(translate("DetailHtml", "Recipient side:"))),
    )
    for role, label in sides:
        places = d.places_on(role)
        if places:
            html.append(f"<p><b>{label}</b> " + "; ".join(_place(p) for p in places) + "</p>")
    html += [_heading(translate("DetailHtml", "Summary")), _paragraphs(d.summary)]
    if d.narrative:
        html += [_heading(translate("DetailHtml", "Narrative")), _paragraphs(d.narrative)]
    if d.actors:
        html.append(_heading(translate("DetailHtml", "People and organisations")) + "<ul>")
        for a in d.actors:
            kind = data_word(a.kind)
            if a.affiliation:  # "person, Tea Co": the kind and whom they work for
                kind = arg(translate("DetailHtml", "%1, %2"), kind, a.affiliation)
            name = escape(a.name) + (f" {_rtl(a.name_ug)}" if a.name_ug else "")
            html.append(f"<li><b>{name}</b> ({escape(kind)}): {escape(a.role)}</li>")
        html.append("</ul>")
    return "".join(html)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def sources_html(d: CaseDetail) -> str:
    html = []
    if d.perspectives:
        html.append(_heading(translate("DetailHtml", "Perspectives")))
        source = escape(translate("DetailHtml", "Source:"))
        for p in d.perspectives:
            html.append(
                f"<p><b>{escape(_capitalised(data_word(p.viewpoint)))}</b> — {_bounded(p.text)}<br>"
                f'<span style="color:#555">{source} {escape(p.source)}</span></p>'
            )
    if d.sources:
        html.append(_heading(translate("DetailHtml", "Sources")) + "<ol>")
        for s in d.sources:
            account = translate("DetailHtml", "%1, %2 account")
            said = arg(account, data_word(s.kind), data_word(s.outlook))
            extra = f" — {escape(said)}" if s.kind else ""
            # Cited by title, author and date; the seed's file name is bookkeeping, not for readers.
            html.append(f"<li>{escape(s.citation)}{extra}</li>")
        html.append("</ol>")
    none = escape(translate("DetailHtml", "No sources recorded."))
    return "".join(html) or f"<p>{none}</p>"
