"""Which cases carry a tag: on the case itself, or on one of its highlights.

A tag used only on highlights still describes the cases those highlights are
in, so counting and filtering read both (a case counts once).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Subquery, select, union

from models import Highlight
from models.annotations import case_tag


def tagged_cases(tag_ids: Collection[int] | None = None) -> Subquery:
    """(case_id, tag_id) of every case-tag link and every tagged highlight, without repeats;
    only those of `tag_ids` when given, read by the tag indexes."""
    links = select(case_tag.c.case_id, case_tag.c.tag_id)
    marks = select(Highlight.case_id, Highlight.tag_id).where(Highlight.tag_id.is_not(None))
    if tag_ids is not None:
        wanted = list(tag_ids)
        links = links.where(case_tag.c.tag_id.in_(wanted))
        marks = marks.where(Highlight.tag_id.in_(wanted))
    return union(links, marks).subquery("tagged")
