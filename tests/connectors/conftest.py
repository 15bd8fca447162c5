"""Fixtures for connector tests: the core's databases (SQLite and PostgreSQL) plus a collector.

`db` runs each test on both databases, as in tests/core. `secrets` is a
`SecretStore` over the in-memory keyring the root conftest installs.
"""
from __future__ import annotations

import pytest

from newsroom.secrets import SecretStore
from tests.core.conftest import (  # noqa: F401  (fixtures, re-exported for pytest)
    db,
    db_factory,
    dialect,
    people,
    pg_templates,
    sqlite_db,
    sqlite_templates,
)


@pytest.fixture
def secrets() -> SecretStore:
    return SecretStore()
