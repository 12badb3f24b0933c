"""The export formats a user can choose, and which one a file name stands for.

Light on imports: the command line's parser and the export dialog read it
before any database code is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportFormat:
    """One format a user can choose: its name, label, file pattern and default extension."""

    name: str
    label: str
    extension: str  # "" for a folder
    patterns: str


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("xlsx", "Excel workbook", ".xlsx", "*.xlsx"),
    ExportFormat("datapackage", "Data Package (CSV tables)", ".zip", "*.zip"),
    ExportFormat("csl-json", "Sources as CSL-JSON (Zotero, Pandoc)", ".json", "*.json"),
    ExportFormat("ris", "Sources as RIS", ".ris", "*.ris"),
    ExportFormat("bibtex", "Sources as BibTeX", ".bib", "*.bib"),
    ExportFormat("annotations", "Highlights as Web Annotations", ".jsonld", "*.jsonld"),
)
FORMAT_NAMES = tuple(f.name for f in FORMATS)
_BY_EXTENSION = {
    ".xlsx": "xlsx",
    ".zip": "datapackage",
    "": "datapackage",
    ".json": "csl-json",
    ".ris": "ris",
    ".bib": "bibtex",
    ".jsonld": "annotations",
}


class UnknownFormatError(ValueError):
    """Neither a format name nor a known extension says what to write; the message says so."""


def format_of(target: Path, name: str | None = None) -> ExportFormat:
    """The format `name` names, else the one `target`'s extension stands for.

    A target without an extension, or an existing folder, is a Data Package folder.
    """
    if name is None:
        suffix = "" if target.is_dir() else target.suffix.lower()
        if suffix not in _BY_EXTENSION:
            raise UnknownFormatError(
                f"{target.name}: Casebook does not know which format a {suffix} file is; "
                "end the name in .xlsx, .zip, .json, .ris, .bib or .jsonld, or give --format."
            )
        name = _BY_EXTENSION[suffix]
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise UnknownFormatError(f"unknown format {name!r}; choose one of {', '.join(FORMAT_NAMES)}.")
