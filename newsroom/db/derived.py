"""Derived data that follows inserts set-wise: the search index and the live case counts.

Whoever inserts cases or messages calls these once per batch, in the same
transaction. (Changes and deletes are followed by triggers, see the first
migration.)
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

_COUNT_CASE_RANGE = text(
    """
    INSERT INTO case_counts (status, department_id, assignee_id, channel_id, priority, n)
    SELECT status, COALESCE(department_id, 0), COALESCE(assignee_id, 0), channel_id, priority, count(*)
    FROM cases WHERE id BETWEEN :first AND :last AND merged_into_id IS NULL
    GROUP BY status, COALESCE(department_id, 0), COALESCE(assignee_id, 0), channel_id, priority
    ON CONFLICT (status, department_id, assignee_id, channel_id, priority) DO UPDATE SET n = case_counts.n + excluded.n
    """
)
_INDEX_MESSAGE_RANGE = text(
    """
    INSERT INTO message_search (rowid, text, subject, author_name, author_handle)
    SELECT id, text, subject, author_name, author_handle FROM messages WHERE id BETWEEN :first AND :last
    """
)


def _ranges(ids: Sequence[int]):
    """Split ids into runs of consecutive numbers."""
    ordered = sorted(ids)
    start = prev = ordered[0]
    for value in ordered[1:]:
        if value != prev + 1:
            yield start, prev
            start = value
        prev = value
    yield start, prev


def count_new_cases(conn: Connection, ids: Sequence[int]) -> None:
    """Add freshly inserted cases to the live counts."""
    if not ids:
        return
    for first, last in _ranges(ids):
        conn.execute(_COUNT_CASE_RANGE, {"first": first, "last": last})


def index_new_messages(conn: Connection, ids: Sequence[int]) -> None:
    """Add freshly inserted messages to the full-text index (SQLite; PostgreSQL indexes itself)."""
    if not ids or conn.dialect.name != "sqlite":
        return
    for first, last in _ranges(ids):
        conn.execute(_INDEX_MESSAGE_RANGE, {"first": first, "last": last})
