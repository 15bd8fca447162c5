"""Handing out row ids in bulk, so batches can be inserted without RETURNING.

SQLite runs an INSERT ... RETURNING row by row; with ids known up front a
batch goes in with one executemany. On SQLite the caller holds the write
lock (BEGIN IMMEDIATE), so max(id) cannot move; on PostgreSQL the ids come
from the column's own sequence and never collide with other writers.
"""
from __future__ import annotations

from sqlalchemy import Connection, Table, func, select, text


def reserve_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """`count` fresh ids for `table`'s integer primary key."""
    if count <= 0:
        return []
    if conn.dialect.name == "sqlite":
        start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        return list(range(start, start + count))
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
    ).scalar_one()
    return list(
        conn.execute(text("SELECT nextval(:seq) FROM generate_series(1, :n)"), {"seq": sequence, "n": count}).scalars()
    )
