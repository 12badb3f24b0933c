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
    extension: str  # the default one
    patterns: str  # for a file dialog's filter
    suffixes: tuple[str, ...]  # the name may end in any of these ("" for a folder)

    def accepts(self, target: Path) -> bool:
        """Whether `target`'s name ends as this format's files do."""
        return target.suffix.lower() in self.suffixes

    def with_extension(self, target: Path) -> Path:
        """`target` renamed to this format's default extension (a known one replaced)."""
        if self.accepts(target):
            return target
        known = {s for f in FORMATS for s in f.suffixes if s}
        stem = target.with_suffix("") if target.suffix.lower() in known else target
        return stem.with_name(stem.name + self.extension)

    def name_rule(self) -> str:
        """What the file name must end in, in words."""
        if self.name == "datapackage":
            return "The name must end in .zip, or have no extension to make a folder."
        return f"The file name must end in {' or '.join(self.suffixes)}."


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("xlsx", "Excel workbook", ".xlsx", "*.xlsx", (".xlsx",)),
    ExportFormat("datapackage", "Data Package (CSV tables)", ".zip", "*.zip", (".zip", "")),
    ExportFormat("csl-json", "Sources as CSL-JSON (Zotero, Pandoc)", ".json", "*.json", (".json",)),
    ExportFormat("ris", "Sources as RIS", ".ris", "*.ris", (".ris",)),
    ExportFormat("bibtex", "Sources as BibTeX", ".bib", "*.bib", (".bib",)),
    ExportFormat(
        "annotations", "Highlights as Web Annotations", ".jsonld", "*.jsonld", (".jsonld",)
    ),
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


def default_folder(documents: str | None) -> Path:
    """Where exports go unless the user says otherwise: the documents folder, made if missing.

    The home folder when there is no documents folder and it cannot be made
    (a read-only home, a name taken by a file).
    """
    if documents:
        folder = Path(documents)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path.home()
        if folder.is_dir():
            return folder
    return Path.home()
