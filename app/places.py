"""The two sides of a pairing, as case_place and case_area name them.

Which areas a case's places roll up to (a donor's province, a recipient's
prefecture) is worked out once per write by app/search/documents.py and kept
in the case_area table, so filters and facet counts never walk the place tree
per query.
"""

from __future__ import annotations

DONOR = "donor"
RECIPIENT = "recipient"
