"""Alembic: a linear chain; upgrade, downgrade and upgrade again; the migrated schema is the models."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from newsroom.db import migrate
from newsroom.db.engine import DatabaseTooNew, open_database, sqlite_url
from newsroom.model import metadata
from tests.core.conftest import ingest, make_item

SEARCH_OBJECTS = ("message_search", "ix_messages_search")


def _include(obj, name, type_, reflected, compare_to):
    # SQLite's FTS5 tables (message_search*) and PostgreSQL's expression index
    # for search are managed by hand in the migration, not by the models.
    return not (name and name.startswith(SEARCH_OBJECTS))


def schema_differences(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _include})
        return compare_metadata(context, metadata)


@pytest.fixture
def url(dialect, tmp_path, request) -> str:
    """An empty database (no tables at all) of the dialect."""
    if dialect == "sqlite":
        return sqlite_url(tmp_path / "migrate.sqlite3")
    return request.getfixturevalue("pg_url")


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


# -- the chain -------------------------------------------------------------------


def test_the_revision_chain_is_linear():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1, f"more than one head: {heads}"
    revisions = list(script.walk_revisions())
    assert revisions, "no revisions"
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for revision in revisions:
        assert not isinstance(revision.down_revision, (tuple, list)), f"{revision.revision} is a merge point"
        assert not revision.branch_labels, f"{revision.revision} has branch labels"
    # Walking down from the head visits every revision once.
    assert len({r.revision for r in revisions}) == len(revisions)
    assert migrate.head_revision() == heads[0]
    assert migrate.known_revisions() == frozenset(r.revision for r in revisions)


def test_every_revision_file_can_be_imported_without_a_database():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    for revision in script.walk_revisions():
        assert callable(revision.module.upgrade) and callable(revision.module.downgrade)


# -- upgrade / downgrade / upgrade -------------------------------------------------


def test_open_upgrades_a_new_database_to_head(url):
    db = open_database(url)
    try:
        with db.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        assert {"cases", "messages", "audit", "case_counts"} <= _tables(db.engine)
    finally:
        db.close()


def test_upgrade_downgrade_upgrade(url, dialect):
    db = open_database(url)
    try:
        ingest(db, make_item("m1", text="lantaarnpaal kapot"))
        with db.transaction() as conn:
            migrate.downgrade(conn, "base")
        assert _tables(db.engine) <= {"alembic_version"}
        if dialect == "sqlite":
            with db.read() as conn:
                leftovers = conn.exec_driver_sql(
                    "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                ).all()
            assert leftovers == []
        else:
            with db.read() as conn:
                functions = conn.execute(text("SELECT proname FROM pg_proc WHERE proname = 'cases_count'")).all()
            assert functions == []
        with db.read() as conn:
            assert migrate.current_revision(conn) is None
        with db.transaction() as conn:
            migrate.upgrade_to_head(conn)
        with db.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        assert schema_differences(db.engine) == []
        # Search and counts work again after the round trip.
        ingest(db, make_item("m2", text="lantaarnpaal kapot"))
        from newsroom.inbox import (
            count_cases,
            list_cases,
            recount,
            resolve_filter,
            stored_counts,
        )

        with db.read() as conn:
            flt = resolve_filter(conn, search="lantaarnpaal")
            assert len(list_cases(conn, flt, order="newest").items) == 1
            assert count_cases(conn, flt) == 1
            assert stored_counts(conn) == recount(conn) != {}
    finally:
        db.close()


def test_the_migrated_schema_equals_the_models(url):
    db = open_database(url)
    try:
        assert schema_differences(db.engine) == []
    finally:
        db.close()


def test_the_comparison_would_notice_a_difference(url):
    """The schema check is not vacuous: a dropped index shows up."""
    db = open_database(url)
    try:
        with db.transaction() as conn:
            conn.execute(text("DROP INDEX ix_cases_recent"))
        differences = schema_differences(db.engine)
        assert any(d[0] == "add_index" and d[1].name == "ix_cases_recent" for d in differences)
    finally:
        db.close()


# -- a database from a newer Newsroom ----------------------------------------------


def _fingerprint(engine) -> dict:
    out = {}
    with engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            out[table] = conn.execute(text(f'SELECT * FROM "{table}"')).all()
    return out


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(url, dialect):
    db = open_database(url)
    ingest(db, make_item("m1"))
    with db.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    engine = create_engine(url)
    try:
        before = _fingerprint(engine)
        engine.dispose()
        file_before = None
        if dialect == "sqlite":
            path = Path(url.partition(":///")[2])
            file_before = hashlib.sha256(path.read_bytes()).hexdigest()
        with pytest.raises(DatabaseTooNew) as caught:
            open_database(url)
        message = str(caught.value)
        assert "newer version" in message and "9999_from_the_future" in message
        assert "not been changed" in message
        assert _fingerprint(engine) == before
        if file_before is not None:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == file_before
    finally:
        engine.dispose()


def test_open_without_upgrade_leaves_an_old_database_alone(tmp_path):
    url = sqlite_url(tmp_path / "old.sqlite3")
    db = open_database(url, upgrade=False)
    try:
        with db.read() as conn:
            assert migrate.current_revision(conn) is None
        assert _tables(db.engine) == set()
    finally:
        db.close()


def test_cases_from_before_response_targets_get_their_clocks_on_upgrade(tmp_path):
    from newsroom.config import database_path, open_location

    db = open_location(tmp_path)
    try:
        ingest(db, make_item("voor-de-klokken"))
        with db.transaction() as conn:
            migrate.downgrade(conn, "0002")  # as a desk of the previous version left it
    finally:
        db.close()
    db = open_location(tmp_path)
    try:
        assert db.upgraded_from == "0002"
        with db.read() as conn:
            clocks, due = conn.execute(text("SELECT clocks, due_at FROM cases")).one()
        assert clocks and '"first_response"' in clocks and due is not None
    finally:
        db.close()
    assert database_path(tmp_path).exists()
