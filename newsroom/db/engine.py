"""Opening a Newsroom database: SQLite (the desk's own file) or PostgreSQL.

Opening upgrades the schema to the newest revision this version knows, and
refuses a database written by a newer Newsroom instead of damaging it.
Problems a user can cause or meet (locked, corrupt, unwritable, too new)
become `DatabaseError`s with a message that says what to do.
"""
from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc

from newsroom.db import migrate


class DatabaseError(Exception):
    """A database problem explained for the person at the desk."""


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseLocked(DatabaseError):
    pass


class DatabaseCorrupt(DatabaseError):
    pass


BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the desktop read while a collector writes; NORMAL sync is
    # durable across application crashes (an OS crash may lose the last
    # commit, never corrupt the file).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # 16 MiB of page cache per connection; no memory map: mapped pages of a
    # gigabyte file count as the desk's resident memory.
    cursor.execute("PRAGMA cache_size=-16384")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _no_auto_checkpoint(dbapi_connection, _record) -> None:
    # The desk's checkpointer (below) copies the WAL into the file instead.
    dbapi_connection.execute("PRAGMA wal_autocheckpoint=0")


class _Checkpointer:
    """Copies the write-ahead log into the database file on a thread of its own.

    SQLite's automatic checkpoint runs inside the commit that crosses 1,000
    log pages, so every few ingest pages one commit also rewrites 4 MB of the
    file. A passive checkpoint never blocks readers or the writer; on a
    thread of its own it runs on the machine's other core (the sqlite3 module
    releases the GIL while SQLite works).
    """

    INTERVAL = 0.5  # seconds

    def __init__(self, path: Path):
        self._path = path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsroom-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            while not self._stop.wait(self.INTERVAL):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass  # busy or gone: the next round tries again, close() checkpoints anyway
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def _sqlite_begin(conn) -> None:
    # pysqlite's own transaction handling defers BEGIN until the first
    # write, which lets a read-then-write action race another writer; we
    # issue BEGIN IMMEDIATE for writes ourselves (see Database.transaction).
    conn.exec_driver_sql("BEGIN")


class Database:
    """One database (SQLite file or PostgreSQL URL) with its engine."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.upgraded_from: str | None = None  # the schema revision an upgrade on open started from
        self.dialect = engine.dialect.name
        self._checkpointer: _Checkpointer | None = None
        # Lookups that never change once made (channel ids), shared by actions.
        self.cache: dict = {}

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; on SQLite it takes the write lock up front."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.begin()
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (one transaction, so counts and pages agree)."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn.exec_driver_sql("BEGIN")
            else:
                conn.begin()
            try:
                yield conn
            finally:
                conn.rollback()

    def start_checkpointer(self, path: Path) -> None:
        """Checkpoint on a background thread from now on (see `_Checkpointer`)."""
        if self._checkpointer is None:
            event.listen(self.engine, "connect", _no_auto_checkpoint)
            self.engine.dispose()  # pooled connections get the setting on their next connect
            self._checkpointer = _Checkpointer(path)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        if self.is_sqlite:
            try:
                # Not PRAGMA optimize: it takes the partial indexes' smaller row
                # counts for stale statistics and re-analyses the cases at every
                # close (2.5 s at a million).
                _analyze_if_grown(self)
            except exc.DBAPIError:
                pass  # closing must not fail over a statistics refresh
        self.engine.dispose()


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_db_engine(url: str) -> Engine:
    """Create an engine with Newsroom's connection settings for the dialect."""
    if url.startswith("sqlite"):
        # Pooled connections: opening one and setting its pragmas costs more
        # than a whole ingest.
        engine = create_engine(
            url,
            pool_size=3,
            max_overflow=4,
            connect_args={"check_same_thread": False, "isolation_level": None},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open (and by default upgrade) the database at `url`.

    Raises `DatabaseError` subclasses with a clear message for a locked,
    corrupt or too-new database, or a folder that cannot be written.
    """
    if url.startswith("sqlite"):
        _check_sqlite_file(url)
    engine = create_db_engine(url)
    db = Database(engine)
    try:
        with engine.connect() as conn:
            if db.is_sqlite:
                _check_sqlite_integrity(conn, url)
            current = migrate.current_revision(conn)
            known = migrate.known_revisions()
            if current is not None and current not in known:
                raise DatabaseTooNew(
                    f"This database was written by a newer version of Newsroom (schema {current}). "
                    "Update Newsroom to open it; it has not been changed."
                )
        if upgrade and current != migrate.HEAD:
            # Only an upgrade takes the write lock: a desk must open while
            # an import or a collector is writing.
            with db.transaction() as conn:
                migrate.upgrade_to_head(conn)
            db.upgraded_from = current
            current = migrate.HEAD
        if db.is_sqlite and current == migrate.HEAD:
            ensure_statistics(db)
            path = _sqlite_path(url)
            if path is not None:
                db.start_checkpointer(path)
    except DatabaseError:
        engine.dispose()
        raise
    except exc.OperationalError as error:
        engine.dispose()
        raise _explain(error, url) from error
    except exc.DatabaseError as error:
        engine.dispose()
        raise _explain(error, url) from error
    return db


def _sqlite_path(url: str) -> Path | None:
    _, _, rest = url.partition(":///")
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def _check_sqlite_file(url: str) -> None:
    path = _sqlite_path(url)
    if path is None:
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            f"Cannot create the data folder {folder}: {error.strerror}. "
            "Choose another location with --data-dir or NEWSROOM_DATA."
        ) from error
    probe = folder / ".newsroom-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise DatabaseError(
            f"The data folder {folder} cannot be written ({error.strerror}). "
            "Fix its permissions or choose another location with --data-dir or NEWSROOM_DATA."
        ) from error
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise DatabaseCorrupt(
                f"{path} is not a Newsroom database (it is not an SQLite file). "
                "It has not been changed. Move it aside or choose another data folder."
            )


QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def _check_sqlite_integrity(conn: Connection, url: str) -> None:
    # A full check reads every page: 6 s for a million messages. Small
    # files are checked at every open; a large file's damage surfaces as a
    # DatabaseCorrupt when a damaged page is read.
    path = _sqlite_path(url)
    if path is not None and path.exists() and path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        return
    result = conn.exec_driver_sql("PRAGMA quick_check(1)").scalar()
    if result != "ok":
        raise DatabaseCorrupt(
            f"The database {_sqlite_path(url)} is damaged ({result}). It has not been changed. "
            "Restore it from a backup, or move it aside to start a new one."
        )


def _explain(error: exc.DBAPIError, url: str) -> DatabaseError:
    message = str(error.orig) if error.orig is not None else str(error)
    where = _sqlite_path(url) or url.split("@")[-1]
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseLocked(
            f"The database {where} is locked by another program (another Newsroom window or a "
            "collector?). Close it, or wait a moment and try again."
        )
    if isinstance(error.orig, sqlite3.DatabaseError) and (
        "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered
    ):
        return DatabaseCorrupt(
            f"The database {where} is damaged ({message}). It has not been changed. "
            "Restore it from a backup, or move it aside to start a new one."
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return DatabaseError(
            f"The database {where} cannot be opened for writing ({message}). "
            "Check the folder's permissions or choose another with --data-dir."
        )
    return DatabaseError(f"The database {where} could not be opened: {message}")


ANALYZE_MIN_CASES = 10_000


def ensure_statistics(db: Database, *, force: bool = False) -> None:
    """Give SQLite's planner statistics once a database is big enough to need them.

    Without them the first inbox page at a million cases takes a second
    instead of milliseconds. A full ANALYZE (~3 s at a million, once): a
    sample (`analysis_limit`) misjudges a column with few values, such as a
    case's status (1,000 rows sampled made SQLite believe one status picks
    out a thousand cases of a million, and count the at-risk view through
    the status index: 0.9 s instead of 20 ms).
    """
    with db.engine.connect() as conn:
        if not force:
            cases, analysed = _case_statistics(conn)
            if analysed is not None or cases < ANALYZE_MIN_CASES:
                return
        conn.exec_driver_sql("PRAGMA analysis_limit=0")
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def _case_statistics(conn: Connection) -> tuple[int, int | None]:
    """(cases now, cases when the planner's statistics were gathered; None: never)."""
    cases = conn.exec_driver_sql("SELECT max(id) FROM cases").scalar() or 0
    analysed = None
    if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar():
        for (stat,) in conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'cases'"):
            first = str(stat or "").split()[:1]
            rows = int(first[0]) if first and first[0].isdigit() else 0
            analysed = max(analysed or 0, rows)
    return cases, analysed


def _analyze_if_grown(db: Database) -> None:
    """A full ANALYZE when the cases have doubled since the statistics were gathered (or never were)."""
    with db.engine.connect() as conn:
        cases, analysed = _case_statistics(conn)
    if cases >= ANALYZE_MIN_CASES and cases >= 2 * (analysed or 0):
        ensure_statistics(db, force=True)


def translate_operational(error: exc.DBAPIError, db: Database) -> DatabaseError:
    """Turn a driver error met during work into an explained `DatabaseError`."""
    return _explain(error, str(db.engine.url))
