"""Inserting many rows fast on either database.

On SQLite the rows go straight to the driver's executemany with instants
pre-formatted the way SQLAlchemy stores them (per-value type processing
costs more than SQLite's own insert). On PostgreSQL they go through
SQLAlchemy's executemany, which batches them.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Table, insert

from newsroom.timeutil import UTC


def sqlite_instant(dt: datetime | None) -> str | None:
    """An aware instant as SQLAlchemy's SQLite DateTime stores it (naive UTC)."""
    if dt is None:
        return None
    if dt.tzinfo is not UTC:
        dt = dt.astimezone(UTC)
    return dt.isoformat(" ", "microseconds")[:26]


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple], instants: Sequence[str] = ()) -> None:
    """Insert `rows` (tuples in `columns` order); `instants` names the datetime columns."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        positions = [columns.index(name) for name in instants]
        if positions:
            # Rows of one batch share most instants (the batch's own time, a
            # new case's first message); format each distinct one once.
            formatted: dict = {}
            converted = []
            for row in rows:
                row = list(row)
                for pos in positions:
                    value = row[pos]
                    text = formatted.get(value)
                    if text is None and value is not None:
                        text = formatted[value] = sqlite_instant(value)
                    row[pos] = text
                converted.append(tuple(row))
            rows = converted
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        conn.exec_driver_sql(sql, rows)
        return
    conn.execute(insert(table), [dict(zip(columns, row)) for row in rows])
