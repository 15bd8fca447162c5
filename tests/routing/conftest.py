"""Fixtures for the routing tests: the core's databases (SQLite and PostgreSQL) and people, as in tests/core."""
from __future__ import annotations

import newsroom.actions.routing  # noqa: F401  (registers the routing actions)
from tests.core.conftest import (  # noqa: F401  (fixtures, re-exported for pytest)
    db,
    db_factory,
    dialect,
    people,
    pg_templates,
    sqlite_db,
    sqlite_templates,
)
