"""The baseline for bench/export.py: the same cells, plain SQL, plain openpyxl write-only.

python bench/bare_export.py CATALOGUE.sqlite3 OUT.xlsx
"""

import json
import resource
import sqlite3
import sys
import time
from datetime import datetime

from openpyxl import Workbook

CASES = """
SELECT c.slug, c.title, c.sector, dp.name, d.name, rp.name, r.name, c.start_year, c.end_year,
       c.ongoing,
       (SELECT group_concat(form, ', ') FROM case_assistance a WHERE a.case_id = c.id),
       (SELECT group_concat(t.name, '; ') FROM case_tag ct JOIN tag t ON t.id = ct.tag_id
         WHERE ct.case_id = c.id),
       (SELECT count(*) FROM note n WHERE n.case_id = c.id),
       c.summary, c.narrative
FROM case_study c
JOIN case_place cd ON cd.case_id = c.id AND cd.role = 'donor'
JOIN place d ON d.id = cd.place_id JOIN place dp ON dp.id = d.parent_id
JOIN case_place cr ON cr.case_id = c.id AND cr.role = 'recipient'
JOIN place r ON r.id = cr.place_id JOIN place rp ON rp.id = r.parent_id
ORDER BY c.title
"""
METRICS = """
SELECT c.slug, m.name, m.value, m.low, m.high, m.unit, m.qualifier, m.year, m.start_year,
       m.end_year, s.title, s.key, m.note, m.key
FROM metric m JOIN case_study c ON c.id = m.case_id LEFT JOIN source s ON s.id = m.source_id
ORDER BY c.title, m.position
"""
NOTES = """
SELECT c.slug, n.created_at, n.updated_at, n.id, n.body
FROM note n JOIN case_study c ON c.id = n.case_id ORDER BY c.title, n.created_at
"""
TAGS = """
SELECT t.name, t.colour, count(*) FROM tag t JOIN case_tag ct ON ct.tag_id = t.id
GROUP BY t.id ORDER BY t.name_key
"""


def main() -> None:
    start = time.perf_counter()
    # Dates come back as datetimes, as Casebook writes them (real Excel dates).
    db = sqlite3.connect(sys.argv[1], detect_types=sqlite3.PARSE_DECLTYPES)
    sqlite3.register_converter("DATETIME", lambda raw: datetime.fromisoformat(raw.decode()))
    workbook = Workbook(write_only=True)
    for name, width, query in (
        ("Case studies", 15, CASES),
        ("Metrics", 14, METRICS),
        ("Notes", 5, NOTES),
        ("Tags", 3, TAGS),
    ):
        sheet = workbook.create_sheet(name)
        sheet.append([f"Column {i}" for i in range(width)])
        for row in db.execute(query):
            sheet.append(list(row))
    workbook.save(sys.argv[2])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss_mb}))


if __name__ == "__main__":
    main()
