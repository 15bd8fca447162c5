"""Alembic, driven from code: the app upgrades a database to head on open.

Alembic itself is imported only when a database needs upgrading (it costs
a third of a second at every start otherwise); `HEAD` and `KNOWN` name the
revisions this version ships, and a test keeps them equal to the scripts.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, text

MIGRATIONS = Path(__file__).resolve().parent.parent.parent / "migrations"
HEAD = "0003"
KNOWN = frozenset({"0001", "0002", "0003"})


def alembic_config(connection: Connection | None = None, url: str | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> frozenset[str]:
    return KNOWN


def head_revision() -> str:
    return HEAD


def current_revision(connection: Connection) -> str | None:
    """The schema revision stored in the database (None for an empty one)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(connection: Connection) -> None:
    if current_revision(connection) == HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def downgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), revision)
