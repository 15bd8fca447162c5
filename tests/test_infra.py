"""The test infrastructure itself: if these fail, no other result can be trusted."""

from __future__ import annotations

import os
import pwd
import warnings
from pathlib import Path

import keyring
import platformdirs
import pytest
import sqlalchemy as sa
from keyring.errors import PasswordDeleteError

from tests.support.keyring_memory import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent
# From the password database, not $HOME: the fixture has already replaced that.
REAL_HOME = Path(pwd.getpwuid(os.getuid()).pw_dir)


# -- PostgreSQL ---------------------------------------------------------------


@pytest.mark.parametrize("round", ["first", "second"])
def test_pg_url_is_a_fresh_empty_database(pg_url: str, round: str) -> None:
    # Both rounds create the same table: the second would fail with
    # "already exists" if the database were shared or reused.
    assert pg_url.startswith("postgresql+psycopg://")
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            assert sa.inspect(conn).get_table_names() == []
            conn.execute(sa.text("CREATE TABLE item (id int PRIMARY KEY, title text)"))
            conn.execute(sa.text("INSERT INTO item VALUES (1, :t)"), {"t": round})
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT title FROM item")).scalar_one() == round
            assert conn.execute(sa.text("SHOW server_encoding")).scalar_one() == "UTF8"
    finally:
        engine.dispose()


def test_pg_databases_of_earlier_tests_are_dropped(pg_url, pg_cluster) -> None:
    own = sa.make_url(pg_url).database
    with pg_cluster.connect() as conn:
        test_dbs = [r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")]
    assert test_dbs == [own]


def test_pg_tests_get_the_postgres_marker(pg_url, request) -> None:
    assert request.node.get_closest_marker("postgres") is not None


def test_pg_url_dropped_even_if_a_connection_is_left_open(pg_cluster) -> None:
    # A test that forgets engine.dispose() must not make the drop (and so the
    # next test) fail.
    name = pg_cluster.create_database()
    engine = sa.create_engine(pg_cluster.url(name))
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT 1"))  # returned to the pool, still open
    pg_cluster.drop_database(name)
    with pg_cluster.connect() as admin:
        assert admin.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [name]).fetchone() == (0,)
    engine.dispose()


# -- isolation from the machine -------------------------------------------


def test_home_and_xdg_folders_are_under_tmp_path(tmp_path: Path) -> None:
    for name in ["HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"]:
        path = Path(os.environ[name])
        assert path.is_relative_to(tmp_path), name
        assert path.is_dir(), name
    assert Path.home().is_relative_to(tmp_path)
    assert Path("~").expanduser() != REAL_HOME
    # What the app will actually call to find its folders.
    assert Path(platformdirs.user_config_dir("newsroom")).is_relative_to(tmp_path)
    assert Path(platformdirs.user_data_dir("newsroom")).is_relative_to(tmp_path)


def test_newsroom_data_is_set_but_not_created(tmp_path: Path) -> None:
    assert os.environ["NEWSROOM_DATA"] == str(tmp_path / "data")
    assert not (tmp_path / "data").exists()
    assert "NEWSROOM_DATABASE_URL" not in os.environ


def test_qt_never_needs_a_display() -> None:
    assert os.environ.get("QT_QPA_PLATFORM")


def test_qt_sees_the_isolated_folders(tmp_path: Path) -> None:
    # Qt reads XDG_* itself (QSettings, QStandardPaths), not via platformdirs.
    from PySide6.QtCore import QStandardPaths

    for location in [
        QStandardPaths.StandardLocation.ConfigLocation,
        QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.CacheLocation,
        QStandardPaths.StandardLocation.RuntimeLocation,
    ]:
        assert Path(QStandardPaths.writableLocation(location)).is_relative_to(tmp_path), location


# -- keyring ----------------------------------------------------------------


@pytest.mark.parametrize("round", ["first", "second"])
def test_keyring_is_in_memory_and_fresh_per_test(round: str, isolated_environment) -> None:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    assert backend is isolated_environment
    # Empty at the start of both rounds: nothing leaks between tests.
    assert keyring.get_password("newsroom", "mail") is None
    keyring.set_password("newsroom", "mail", f"secret-{round}")
    assert keyring.get_password("newsroom", "mail") == f"secret-{round}"
    keyring.delete_password("newsroom", "mail")
    assert keyring.get_password("newsroom", "mail") is None
    with pytest.raises(PasswordDeleteError):
        keyring.delete_password("newsroom", "mail")


# -- pytest.ini is in force -------------------------------------------------


def test_a_stray_warning_is_an_error() -> None:
    with pytest.raises(UserWarning):
        warnings.warn("stray", UserWarning, stacklevel=1)
    with pytest.warns(DeprecationWarning):  # expected warnings still work
        warnings.warn("expected", DeprecationWarning, stacklevel=1)


def test_pytest_ini_fails_warnings_xpasses_and_unknown_markers(pytester: pytest.Pytester) -> None:
    # Run the real pytest.ini against tiny tests: asserting its text would
    # prove nothing about how pytest reads it.
    pytester.makefile(".ini", pytest=(ROOT / "pytest.ini").read_text())
    pytester.mkdir("tests")
    pytester.makepyfile(
        **{
            "tests/test_rules": """
                import warnings
                import pytest

                def test_bare_warning():
                    warnings.warn("unexpected", UserWarning)

                def test_expected_warning():
                    with pytest.warns(UserWarning):
                        warnings.warn("expected", UserWarning)

                @pytest.mark.xfail(reason="claims to be broken")
                def test_unexpected_pass():
                    pass
            """,
            "tests/test_typo": """
                import pytest

                @pytest.mark.postgress
                def test_typo():
                    pass
            """,
        }
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--continue-on-collection-errors")
    result.assert_outcomes(passed=1, failed=2, errors=1)
    result.stdout.fnmatch_lines(["*UserWarning: unexpected*", "*XPASS(strict)*", "*'postgress' not found in `markers`*"])
