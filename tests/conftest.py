"""Fixtures for the whole suite: machine isolation and a throwaway PostgreSQL."""

from __future__ import annotations

import gc
import os

# Must precede any Qt import: with neither DISPLAY nor a platform set, Qt
# aborts the whole pytest process. setdefault lets an e2e run choose xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from tests.support.keyring_memory import MemoryKeyring
from tests.support.pg import (
    PgCluster,
    PostgresUnavailable,
    find_bindir,
    reap_stale_clusters,
)

pytest_plugins = ["pytester"]  # tests/test_infra.py checks pytest.ini with it

PG_FIXTURES = {"pg_url", "pg_cluster"}


@pytest.hookimpl(tryfirst=True)  # before -m deselects, so `-m "not postgres"` sees it
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        # fixturenames is the closure: a fixture built on pg_url marks its users too.
        if PG_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Keep every test off the real home folder, settings and keyring.

    Yields the in-memory keyring backend that is installed for the test.
    """
    home = tmp_path / "home"
    dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    # Qt warns (and so fails the test, see qt_log_level_fail) when this is
    # unset or not 0700; it is also where the real session bus socket lives.
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # Not created: the app must cope with a first run.
    monkeypatch.setenv("NEWSROOM_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("NEWSROOM_DATABASE_URL", raising=False)

    # Read the private slot rather than get_keyring(): that would run
    # keyring's backend detection, which probes the real D-Bus secret service.
    previous = keyring.core._keyring_backend
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        # set_keyring() refuses None, which is what "not yet detected" looks like.
        keyring.core._keyring_backend = previous


@pytest.fixture(autouse=True)
def heap_unfrozen() -> Iterator[None]:
    """A desktop started in the test process freezes the heap (ui.app.settle_heap); the next
    test gets a collector that sees everything again, earlier tests' garbage included."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One PostgreSQL server for the session (~1 s to start); see tests/support/pg.py."""
    reap_stale_clusters()
    try:
        cluster = PgCluster(find_bindir())
    except PostgresUnavailable as error:
        problem = str(error)  # reported outside the except: no chained traceback
    else:
        problem = None
    if problem is not None:
        if os.environ.get("NEWSROOM_TEST_SKIP_PG") == "1":
            pytest.skip(f"NEWSROOM_TEST_SKIP_PG=1 and {problem}")
        # Fail, not skip: CI must never pass with the PostgreSQL tests silently skipped.
        pytest.fail(problem, pytrace=False)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop_and_remove()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A SQLAlchemy URL (postgresql+psycopg://...) of a fresh, empty database, dropped afterwards."""
    name = pg_cluster.create_database()
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop_database(name)
