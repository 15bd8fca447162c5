"""Fixtures for the response-target tests on a database: the core's databases (SQLite and PostgreSQL) and people."""
from __future__ import annotations

import newsroom.actions.routing  # noqa: F401  (registers the routing actions)
import newsroom.actions.targets  # noqa: F401  (registers the target actions)
from tests.core.conftest import (  # noqa: F401  (fixtures, re-exported for pytest)
    db,
    db_factory,
    dialect,
    people,
    pg_templates,
    sqlite_db,
    sqlite_templates,
)
