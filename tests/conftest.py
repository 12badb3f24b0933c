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
def chinese(qapp: object) -> Iterator[None]:
    """The interface in Chinese (and its locale) for one test; English again after it."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from views.translation import install_translation

    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()
    assert install_translation(app, "zh_CN") == "zh_CN"
    yield
    install_translation(app, "en", locale=False)
    QLocale.setDefault(before)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.sqlite3"


# CASEBOOK_TEST_BACKEND=postgresql runs the tests using `catalogue` and
# `small_catalogue` on a team catalogue instead (a survey of what works there;
# tests about files then fail for their own reasons).
ON_SERVER = os.environ.get("CASEBOOK_TEST_BACKEND") == "postgresql"


@pytest.fixture
def catalogue(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Catalogue]:
    """A catalogue seeded with the real seed files."""
    cat = open_catalogue(request.getfixturevalue("pg_databases").new("seeded") if ON_SERVER
                         else db_path)  # fmt: skip
    yield cat
    cat.close()


@pytest.fixture
def small_catalogue(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Catalogue]:
    """A catalogue seeded with the two-case test fixture only (fast, predictable)."""
    from seed import seed_catalogue

    if ON_SERVER:
        cat = open_catalogue(request.getfixturevalue("pg_databases").new("small"), seed=False)
        yield cat
        cat.close()
        return
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


# --- Both back ends: SQLite files and a throwaway PostgreSQL cluster --------------------

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A PostgreSQL cluster for the whole run (tests/pg_cluster.py), stopped at the end.

    Without PostgreSQL the tests that need it are skipped, saying why; in CI
    (CI=true) they fail instead, so CI never passes without them.
    """
    from tests.pg_cluster import start_cluster, unavailable_reason

    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {reason}")
        pytest.skip(f"no PostgreSQL here: {reason}")
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


class PgDatabases:
    """Fresh databases on the cluster, each a copy of a prepared template (fast)."""

    def __init__(self, cluster: object) -> None:
        from tests.pg_cluster import Cluster

        assert isinstance(cluster, Cluster)
        self.cluster = cluster
        self.count = 0
        self.templates: set[str] = set()

    def _sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.cluster.conninfo(), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def _template(self, kind: str) -> str:
        """The template of a kind: "empty" (no tables), "small" (the fixture seed), "seeded"."""
        name = f"template_{kind}"
        if name in self.templates:
            return name
        self._sql(f"CREATE DATABASE {name}")
        if kind != "empty":
            from seed import seed_catalogue

            catalogue = open_catalogue(self.cluster.url(name), seed=kind == "seeded")
            if kind == "small":
                with catalogue.sessions.begin() as session:
                    seed_catalogue(session, load_seed_files(FIXTURE_SEED))
            catalogue.close()
        self.templates.add(name)
        return name

    def new(self, kind: str = "empty") -> str:
        """The URL of a new database copied from the `kind` template."""
        template = self._template(kind)
        self.count += 1
        name = f"test_{self.count}"
        self._sql(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.cluster.url(name)


@pytest.fixture(scope="session")
def pg_databases(pg_cluster: object) -> PgDatabases:
    return PgDatabases(pg_cluster)


@pytest.fixture(params=BACKENDS)
def backend_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _location(backend: str, request: pytest.FixtureRequest, tmp_path: Path, kind: str) -> str:
    """Where a catalogue of this back end lives: a file path, or a new database's URL."""
    if backend == "sqlite":
        return str(tmp_path / f"{kind}.sqlite3")
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    return databases.new(kind)


@pytest.fixture
def empty_location(backend_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new catalogue can be made, on each back end (nothing there yet)."""
    return _location(backend_name, request, tmp_path, "empty")


@pytest.fixture
def any_catalogue(
    backend_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Catalogue]:
    """A catalogue seeded with the real seed files, on each back end."""
    location = _location(backend_name, request, tmp_path, "seeded")
    cat = open_catalogue(location)
    yield cat
    cat.close()


@pytest.fixture
def any_small_catalogue(
    backend_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Catalogue]:
    """The two-case fixture catalogue, on each back end."""
    from seed import seed_catalogue

    location = _location(backend_name, request, tmp_path, "small")
    cat = open_catalogue(location, seed=False)
    if backend_name == "sqlite":
        with cat.sessions.begin() as session:
            seed_catalogue(session, load_seed_files(FIXTURE_SEED))
    yield cat
    cat.close()
