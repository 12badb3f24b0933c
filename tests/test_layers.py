"""The layers stay apart: models without Qt, app without a screen, a light window start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(result.stdout.split())


def test_models_import_no_qt_and_nothing_from_app_or_views() -> None:
    loaded = _modules_after("import models, models.engine, models.migrations")
    assert not {m for m in loaded if m.startswith(("PySide6", "app", "views"))}


def test_the_command_line_needs_no_screen() -> None:
    loaded = _modules_after(
        "import app, app.cli, app.query, app.detail, app.store, app.service, app.tag_names, "
        "app.tags, app.notes, app.highlights, app.case_edit, app.changes, app.cli_annotate"
    )
    assert "PySide6.QtWidgets" not in loaded
    assert not {m for m in loaded if m.startswith("views")}


def test_the_window_is_built_before_the_database_layer_loads() -> None:
    loaded = _modules_after("import app.cli, app.gui")
    assert "PySide6.QtWidgets" in loaded
    assert not {m for m in loaded if m.startswith(("sqlalchemy", "openpyxl"))}


def test_views_never_import_models_or_sqlalchemy() -> None:
    """Also imports inside functions, which the module-loading tests above cannot see."""
    import ast

    offenders = []
    for path in sorted((ROOT / "views").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}:{node.lineno} {name}"  # type: ignore[attr-defined]
                for name in names
                if name.split(".")[0] in ("models", "sqlalchemy")
            ]
    assert offenders == []
