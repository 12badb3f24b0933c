"""Exchange formats other programs read: citations, annotations, data packages.

Each module writes one format from a Session; app/formats/export.py chooses
the format (by name or by the file's extension) and writes the file whole or
not at all. Workbooks stay in app/xlsx.
"""
