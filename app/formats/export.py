"""Export in any format: choose it by name or by the file's extension, write the file whole.

Formats: "xlsx" (the workbook, app/xlsx), "datapackage" (a folder, or a
.zip), "csl-json", "ris", "bibtex" (the sources) and "annotations" (the
highlights as Web Annotations). Every format takes the same filter; the
file is written beside its target and moved into place only when complete,
with the mode the user's umask gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from app.atomic_file import atomic_output
from app.case_filter import CaseFilter
from app.formats import selection
from app.formats.choice import ExportFormat
from app.xlsx.export import (
    ExportCancelledError,
    ExportSummary,
    Progress,
    ShouldCancel,
    describe_filter,
)

CANCEL_EVERY = 1000  # rows between two looks at the cancel button


def export(
    session: Session,
    target: Path,
    fmt: ExportFormat,
    flt: CaseFilter | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ExportSummary:
    """Write the cases matching `flt` (all when None) to `target` in `fmt`.

    Raises ExportCancelledError when `should_cancel` says so (nothing is
    written) and app.atomic_file.OutputFileError when the target cannot be
    written (any existing file is left as it was).
    """
    if fmt.name == "xlsx":
        from app.xlsx.export import export_workbook

        return export_workbook(session, target, flt, progress=progress, should_cancel=should_cancel)
    summary = ExportSummary(path=target, scope=describe_filter(flt))
    whole = selection.whole(flt)
    ids = selection.chosen_case_ids(session, flt)

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise ExportCancelledError

    if fmt.name == "datapackage":
        from app.formats.datapackage import write_package
        from app.formats.package_tables import TABLES

        names = [t.name for t in TABLES]

        def step(table: str, _rows: int) -> None:
            check()
            if progress is not None:
                progress(names.index(table), len(TABLES))

        summary.counts.update(write_package(session, target, ids, whole, summary.scope, step))
        if progress is not None:
            progress(len(TABLES), len(TABLES))
        return summary
    check()
    writer = _text_writer(session, fmt, ids, whole, summary.scope, check)
    with atomic_output(target) as part, part.open("w", encoding="utf-8", newline="\n") as out:
        count = writer(out)
        check()
    summary.counts["Highlights" if fmt.name == "annotations" else "Sources"] = count
    if progress is not None:
        progress(1, 1)
    return summary


def _text_writer(
    session: Session,
    fmt: ExportFormat,
    ids: list[int],
    whole: bool,
    scope: str,
    check: Callable[[], None],
) -> Callable[[IO[str]], int]:
    """The function that writes `fmt` for these cases to an open text file."""
    if fmt.name == "annotations":
        from app.formats.annotations import HighlightRecord, highlight_records, write_annotations

        def records() -> Iterator[HighlightRecord]:
            for n, record in enumerate(highlight_records(session, ids)):
                if n % CANCEL_EVERY == 0:
                    check()
                yield record

        return lambda out: write_annotations(records(), out, f"Casebook highlights: {scope}")
    sources = list(selection.sources(session, selection.source_ids(session, ids, whole)))
    if fmt.name == "csl-json":
        from app.formats.csl_json import write_csl_json

        return lambda out: write_csl_json(sources, out)
    if fmt.name == "ris":
        from app.formats.ris import write_ris

        return lambda out: write_ris(sources, out)
    from app.formats.bibtex import write_bibtex

    return lambda out: write_bibtex(sources, out)
