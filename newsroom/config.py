"""Where a desk keeps its data: one folder, chosen once, shared by the app and every command.

Order of precedence: ``--data-dir DIR``, then ``NEWSROOM_DATA``, then the
platform's user data folder. ``--demo`` selects the ``demo`` folder inside
that location, so demo data never mixes with the newsroom's own cases.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import platformdirs

from newsroom.db.engine import Database, open_database, sqlite_url

APP_NAME = "newsroom"
DATABASE_FILE = "newsroom.sqlite3"
DEMO_FOLDER = "demo"


def data_location(data_dir: str | os.PathLike | None = None, *, demo: bool = False) -> Path:
    """The data folder for this run (not created here)."""
    if data_dir:
        base = Path(data_dir).expanduser()
    elif os.environ.get("NEWSROOM_DATA"):
        base = Path(os.environ["NEWSROOM_DATA"]).expanduser()
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return base / DEMO_FOLDER if demo else base


def database_path(location: Path) -> Path:
    return location / DATABASE_FILE


CLOCKLESS_REVISIONS = frozenset({"0001", "0002"})


def open_location(location: Path) -> Database:
    """Open (creating and upgrading as needed) the database in a data folder."""
    url = os.environ.get("NEWSROOM_DATABASE_URL") or sqlite_url(database_path(location))
    db = open_database(url)
    if getattr(db, "upgraded_from", None) in CLOCKLESS_REVISIONS:
        # Cases stored before response targets existed get their clocks, once, from their history.
        from newsroom.actions import SYSTEM, perform

        perform(db, "recompute_clocks", SYSTEM, origin="upgrade")
    return db


def reset_demo(location: Path) -> None:
    """Remove the demo folder's contents so the demo starts afresh."""
    if location.name != DEMO_FOLDER:
        raise ValueError("only the demo folder can be reset")
    if location.exists():
        shutil.rmtree(location)
