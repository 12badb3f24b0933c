"""Shared set-up: offscreen Qt, a fresh catalogue per test, isolated settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.store import Catalogue, open_catalogue
from seed.schema import load_seed_files

FIXTURE_SEED = Path(__file__).with_name("fixtures") / "seed"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data folder and settings."""
    monkeypatch.setenv("CASEBOOK_DB", str(tmp_path / "env-default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the log folder


@pytest.fixture(autouse=True)
def _english_interface(qapp: object) -> None:
    """Every test starts in English, with its plural forms ("1 case study"), whatever the
    machine's locale or a test's language before; the locale for dates stays the system's."""
    from PySide6.QtCore import QCoreApplication

    from views.translation import install_translation

    app = QCoreApplication.instance()
    assert app is not None
    install_translation(app, "en", locale=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.sqlite3"


@pytest.fixture
def catalogue(db_path: Path) -> Iterator[Catalogue]:
    """A catalogue seeded with the real seed files."""
    cat = open_catalogue(db_path)
    yield cat
    cat.close()


@pytest.fixture
def small_catalogue(tmp_path: Path) -> Iterator[Catalogue]:
    """A catalogue seeded with the two-case test fixture only (fast, predictable)."""
    from seed import seed_catalogue

    cat = open_catalogue(tmp_path / "small.sqlite3", seed=False)
    with cat.sessions.begin() as session:
        seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    yield cat
    cat.close()


@pytest.fixture
def small_window(qtbot, small_catalogue: Catalogue, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The main window on the two-case catalogue, shown, with its own settings file."""
    from PySide6.QtCore import QSettings

    from app.service import CatalogueService
    from views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CatalogueService(small_catalogue), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # keyboard focus needs the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window
