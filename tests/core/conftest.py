"""Fixtures for the core tests: a migrated database on SQLite and on PostgreSQL, people, inbound items.

Every test that takes `db` runs twice, once per database (ids `sqlite` and
`postgresql`; the latter carries the `postgres` marker). Migrating a fresh
database and adding the people costs ~150 ms, so each session builds one
template per dialect and kind (empty, or with `add_people`) through
`open_database`, and every test starts from a copy of it (a file copy on
SQLite, ``CREATE DATABASE ... TEMPLATE`` on PostgreSQL) that it opens with
`open_database` again. The migrations themselves are tested in
test_migrations.py.
"""
from __future__ import annotations

import itertools
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from psycopg import sql
from sqlalchemy import func, select

from newsroom.actions import SYSTEM, ActionError, Actor, Change, perform, resolve_actor
from newsroom.db.engine import Database, open_database, sqlite_url
from newsroom.inbound import InboundItem, parse_item
from newsroom.model import AuditEntry, metadata
from newsroom.timeutil import UTC

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
CHANNEL = "@gemeente@social.example"
AUDIT = AuditEntry.__table__


# -- databases -----------------------------------------------------------------


def _fill(db: Database, kind: str) -> People | None:
    return add_people(db) if kind == "people" else None


class _SqliteTemplates:
    """Migrated SQLite files (empty, and with `add_people`), made once per session and copied per test."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: dict[str, tuple[Path, People | None]] = {}

    def open_copy(self, path: Path, kind: str = "empty") -> tuple[Database, People | None]:
        if kind not in self.files:
            template = self.folder / f"template-{kind}.sqlite3"
            db = open_database(sqlite_url(template))
            try:
                people = _fill(db, kind)
            finally:
                db.close()  # closing the last connection checkpoints the WAL into the file
            self.files[kind] = (template, people)
        template, people = self.files[kind]
        shutil.copyfile(template, path)
        return open_database(sqlite_url(path)), people


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory) -> _SqliteTemplates:
    return _SqliteTemplates(tmp_path_factory.mktemp("db-templates"))


class _PgTemplates:
    """Migrated PostgreSQL template databases, the templates of every test's database."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.names: dict[str, tuple[str, People | None]] = {}

    def _execute(self, statement) -> None:
        with self.cluster.connect() as conn:
            conn.execute(statement)

    def create(self, kind: str = "empty") -> tuple[str, People | None]:
        if kind not in self.names:
            template = f"core_template_{kind}_{uuid.uuid4().hex[:8]}"
            self._execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(template)))
            self.names[kind] = (template, None)  # dropped at the end even if filling it fails
            db = open_database(self.cluster.url(template))
            try:
                people = _fill(db, kind)
            finally:
                db.close()
            self.names[kind] = (template, people)
        template, people = self.names[kind]
        name = f"core_{uuid.uuid4().hex[:16]}"
        self._execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(name), sql.Identifier(template))
        )
        return name, people

    def drop(self, name: str) -> None:
        self.cluster.drop_database(name)

    def drop_templates(self) -> None:
        for template, _ in self.names.values():
            self.cluster.drop_database(template)
        self.names.clear()


@pytest.fixture(scope="session")
def pg_templates(pg_cluster) -> Iterator[_PgTemplates]:
    templates = _PgTemplates(pg_cluster)
    try:
        yield templates
    finally:
        templates.drop_templates()


DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


class DbFactory:
    """Makes fresh migrated databases of one dialect; closes and drops them at the end."""

    def __init__(self, dialect: str, request: pytest.FixtureRequest, folder: Path):
        self.dialect = dialect
        self.request = request
        self.folder = folder
        self._open: list[Database] = []
        self._pg: list[str] = []
        self._n = itertools.count()
        self.people: People | None = None

    def __call__(self, kind: str = "empty") -> Database:
        """A new database: `kind` "empty", or "people" (with `add_people` done; see `.people`)."""
        if self.dialect == "sqlite":
            templates = self.request.getfixturevalue("sqlite_templates")
            db, people = templates.open_copy(self.folder / f"core-{next(self._n)}.sqlite3", kind)
        else:
            templates = self.request.getfixturevalue("pg_templates")
            name, people = templates.create(kind)
            self._pg.append(name)
            db = open_database(templates.cluster.url(name))
        if people is not None:
            self.people = people
        self._open.append(db)
        return db

    def dispose(self, db: Database) -> None:
        """Close and throw away one database early (property tests make many)."""
        db.close()
        self._open.remove(db)
        if self.dialect == "postgresql":
            name = db.engine.url.database
            self.request.getfixturevalue("pg_templates").drop(name)
            self._pg.remove(name)
        else:
            path = Path(db.engine.url.database)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

    def close_all(self) -> None:
        for db in self._open:
            db.close()
        self._open.clear()
        if self._pg:
            templates = self.request.getfixturevalue("pg_templates")
            for name in self._pg:
                templates.drop(name)
            self._pg.clear()


@pytest.fixture(params=DIALECTS)
def dialect(request) -> str:
    return request.param


@pytest.fixture
def db_factory(dialect, request, tmp_path) -> Iterator[DbFactory]:
    factory = DbFactory(dialect, request, tmp_path)
    try:
        yield factory
    finally:
        factory.close_all()


@pytest.fixture
def db(db_factory, request) -> Database:
    """A freshly migrated database; SQLite (a file in tmp_path) or PostgreSQL.

    Empty, unless the test also asks for `people`: then it has them (see `add_people`).
    """
    return db_factory("people" if "people" in request.fixturenames else "empty")


@pytest.fixture
def sqlite_db(tmp_path, sqlite_templates) -> Iterator[Database]:
    """SQLite only, empty, for what only SQLite has (FTS5 details, file-level problems)."""
    database, _ = sqlite_templates.open_copy(tmp_path / "only.sqlite3")
    try:
        yield database
    finally:
        database.close()


# -- inbound items ---------------------------------------------------------------

_ids = itertools.count(1)


def item_dict(
    external_id: str | None = None,
    *,
    text: str = "De container in de Kerkstraat is niet geleegd.",
    platform: str = "mastodon",
    channel: str = CHANNEL,
    at: datetime | None = None,
    minutes: float = 0,
    author: dict | None = None,
    **extra,
) -> dict:
    """An inbound item as a JSON object (the import line format)."""
    when = at or (T0 + timedelta(minutes=minutes))
    obj = {
        "platform": platform,
        "channel": channel,
        "external_id": external_id if external_id is not None else f"m{next(_ids)}",
        "author": author or {"id": "u1", "handle": "@burger@example.social", "name": "Bea Burger"},
        "text": text,
        "received_at": when.isoformat(),
    }
    obj.update({k: v for k, v in extra.items() if v is not None})
    return obj


def make_item(external_id: str | None = None, **kwargs) -> InboundItem:
    return parse_item(item_dict(external_id, **kwargs))


def ingest(db: Database, *items: InboundItem | dict, actor: Actor = SYSTEM, origin: str = "test") -> Change:
    parsed = [parse_item(i) if isinstance(i, dict) else i for i in items]
    return perform(db, "ingest", actor, origin=origin, items=parsed)


def new_case(db: Database, external_id: str | None = None, **kwargs) -> int:
    """Ingest one message that starts a case; return the case id."""
    change = ingest(db, make_item(external_id, **kwargs))
    (case_id,) = change.info["new_case_ids"]
    return case_id


# -- people ------------------------------------------------------------------------


@dataclass
class People:
    admin: Actor
    operator: Actor
    operator2: Actor
    supervisor: Actor
    agent_afval: Actor  # department agent of "Afval"
    agent_parkeren: Actor  # department agent of "Parkeren"
    departments: dict[str, int]


def add_people(db: Database) -> People:
    """Departments Afval and Parkeren; admin beheer, operators sanne and ahmed,
    supervisor marieke, department agents joost (Afval) and pieter (Parkeren)."""
    departments = {}
    for name in ("Afval", "Parkeren"):
        departments[name] = perform(db, "add_department", SYSTEM, origin="test", name=name).object_id
    perform(db, "add_user", SYSTEM, origin="test", name="beheer", role="admin", display_name="Beheerder")
    admin = resolve_actor(db, "beheer")
    for name, role, dept in (
        ("sanne", "operator", None),
        ("ahmed", "operator", None),
        ("marieke", "supervisor", None),
        ("joost", "department_agent", "Afval"),
        ("pieter", "department_agent", "Parkeren"),
    ):
        perform(db, "add_user", admin, origin="test", name=name, role=role, department=dept)
    return People(
        admin=admin,
        operator=resolve_actor(db, "sanne"),
        operator2=resolve_actor(db, "ahmed"),
        supervisor=resolve_actor(db, "marieke"),
        agent_afval=resolve_actor(db, "joost"),
        agent_parkeren=resolve_actor(db, "pieter"),
        departments=departments,
    )


@pytest.fixture
def people(db, db_factory) -> People:
    """The people of `add_people`, already in `db` (it was copied from a template that has them)."""
    assert db_factory.people is not None
    return db_factory.people


# -- looking at the database -------------------------------------------------------


def audit_rows(db: Database) -> list:
    with db.read() as conn:
        return conn.execute(select(AUDIT).order_by(AUDIT.c.id)).all()


def audit_count(db: Database) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()


def snapshot(db: Database, *, skip: tuple[str, ...] = ("audit",)) -> dict[str, list[tuple]]:
    """Every row of every table (but `skip`), for "nothing else changed" checks."""
    out = {}
    with db.read() as conn:
        for table in metadata.sorted_tables:
            if table.name in skip:
                continue
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return out


def refused(db: Database, name: str, actor: Actor, /, **args) -> ActionError:
    """Perform an action that must be refused; check the refusal changed nothing but the audit.

    Returns the ActionError; the caller checks its kind and message.
    """
    before = snapshot(db)
    audits = audit_count(db)
    with pytest.raises(ActionError) as caught:
        perform(db, name, actor, origin="test", **args)
    assert snapshot(db) == before, f"refused {name} changed the database"
    rows = audit_rows(db)
    assert len(rows) == audits + 1, f"refused {name} wrote {len(rows) - audits} audit rows"
    last = rows[-1]
    error = caught.value
    assert last.action == name
    assert last.result == error.kind
    assert last.result in {"denied", "invalid", "not_found", "conflict"}
    assert last.actor_name == actor.name
    assert last.actor_id == actor.user_id
    assert last.origin == "test"
    assert error.message
    return error
