"""Full-text search over everything a case holds: the index, the query language, the matches.

- text.py: how text becomes index terms (Han cut into characters and pairs).
- documents.py: each case's searchable text, by part.
- index.py: keeping the FTS5 index and the place roll-up in step with every write.
- language.py: the query language a user types, parsed into FTS5 and SQL.
- matches.py: where a case matched, with a snippet, for the rows on screen.
"""
