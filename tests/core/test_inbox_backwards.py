"""Paging backwards (a desktop scrolling up after a jump) sees the same rows as paging forwards."""
from datetime import timedelta

import pytest
from sqlalchemy import update

from newsroom.inbox import InboxError, InboxFilter, cursor_after, list_cases
from newsroom.model import Case
from newsroom.timeutil import utcnow
from tests.core.conftest import ingest, make_item


def _fill(db, n=37):
    ingest(db, *(make_item(f"m{i}", minutes=i % 7) for i in range(n)))
    # A few cases with a due time, so the due order has both of its segments.
    with db.transaction() as conn:
        conn.execute(update(Case).where(Case.id.in_([3, 9, 20])).values(due_at=utcnow() + timedelta(hours=1)))


@pytest.mark.parametrize("order", ["due", "newest"])
def test_backward_pages_mirror_forward_pages(db, order):
    _fill(db)
    with db.read() as conn:
        forward = []
        cursor = None
        while True:
            page = list_cases(conn, InboxFilter(), order=order, limit=5, after=cursor)
            forward += [row.id for row in page.items]
            if not page.next:
                break
            cursor = page.next
        everything = list_cases(conn, InboxFilter(), order=order, limit=1000).items
        assert forward == [row.id for row in everything]
        # From the last row, read backwards five at a time.
        backward: list[int] = []
        first = everything[-1]
        backward = [first.id]
        while True:
            page = list_cases(conn, InboxFilter(), order=order, limit=5, before=cursor_after(first, order))
            if not page.items:
                break
            backward = [row.id for row in page.items] + backward
            first = page.items[0]
        assert backward == forward


def test_backward_paging_refuses_searches(sqlite_db):
    with sqlite_db.read() as conn, pytest.raises(InboxError):
        list_cases(conn, InboxFilter(search="afval"), before="x")
