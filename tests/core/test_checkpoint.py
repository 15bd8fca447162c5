"""The desk's write-ahead log is copied into the file by a background checkpointer, not by commits."""
from __future__ import annotations

import sqlite3
import threading
import time

from newsroom.actions import SYSTEM, perform
from newsroom.db.engine import open_database, sqlite_url
from tests.core.conftest import make_item


def _checkpointers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "newsroom-checkpoint"]


def test_commits_leave_checkpoints_to_the_background_and_close_stops_it(tmp_path):
    path = tmp_path / "desk.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        assert len(_checkpointers()) == 1
        for n in range(20):
            perform(db, "ingest", SYSTEM, items=[make_item(f"m{n}-{k}") for k in range(50)])
        # Within a few rounds every log frame is in the database file.
        deadline = time.monotonic() + 10
        while True:
            probe = sqlite3.connect(path)
            busy, log, done = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            probe.close()
            if log == done or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert (busy, log) != (0, -1) and log == done
    finally:
        db.close()
    assert _checkpointers() == []
    reopened = sqlite3.connect(path)
    assert reopened.execute("SELECT count(*) FROM messages").fetchone()[0] == 1000
    reopened.close()
