"""Running export tests through both sheet writers.

`sheet_writer` is parametrised: "stream" leaves the export as it is (XmlRows,
through openpyxl's internals), "cells" makes `open_rows` find the internals
missing, so the export falls back to CellRows (openpyxl's public API). A test
module takes it for all its tests with:

    from tests.writers import sheet_writer  # noqa: F401  (a fixture)
    pytestmark = pytest.mark.usefixtures("sheet_writer")
"""

from __future__ import annotations

import pytest

from app.xlsx import sheet_writer as sheet_writer_module

WRITERS = {"stream": "XmlRows", "cells": "CellRows"}


@pytest.fixture(params=list(WRITERS))
def sheet_writer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The name of the RowSink class the export's sheets are written with."""
    if request.param == "cells":
        monkeypatch.setattr(sheet_writer_module, "_has_stream_internals", lambda sheet: False)
    return WRITERS[request.param]
