"""Alembic environment: runs on the connection Newsroom hands it (SQLite or PostgreSQL)."""
from alembic import context

from newsroom.model import metadata


def _include_object(obj, name, type_, reflected, compare_to):
    # The full-text search tables are SQLite virtual tables managed by hand.
    if type_ == "table" and name and name.startswith("message_search"):
        return False
    return True


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _configure_and_run(connection)
        engine.dispose()
    else:
        _configure_and_run(connection)


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        render_as_batch=True,
        literal_binds=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
