"""The desk's open-work views read the same rows by position as by page, on both databases."""
import pytest

from newsroom.actions import perform
from newsroom.inbox import InboxFilter, ids_at, list_cases
from newsroom.model import OPEN_STATUS_VALUES
from tests.core.conftest import ingest, make_item


@pytest.mark.parametrize("order", ["due", "newest"])
def test_open_views_by_position_match_the_pages(db, people, order):
    ingest(db, *(make_item(f"v{i}", minutes=i % 11) for i in range(60)))
    with db.read() as conn:
        ids = [row.id for row in list_cases(conn, InboxFilter(), limit=1000).items]
    afval = None
    for n, case_id in enumerate(ids[:30]):
        if n % 3 == 0:
            perform(db, "claim", people.operator, case_id=case_id)
        elif n % 3 == 1:
            perform(db, "route", people.operator, case_id=case_id, department="Afval")
    with db.read() as conn:
        from sqlalchemy import select

        from newsroom.model import Department

        afval = conn.execute(select(Department.id).where(Department.name == "Afval")).scalar_one()
        views = [
            InboxFilter(statuses=OPEN_STATUS_VALUES),
            InboxFilter(statuses=OPEN_STATUS_VALUES, unassigned=True),
            InboxFilter(statuses=OPEN_STATUS_VALUES, assignee_id=people.operator.user_id),
            InboxFilter(statuses=OPEN_STATUS_VALUES, department_id=afval),
            # The newsroom's own queue ("Eigen wachtrij"): open work no department has.
            InboxFilter(statuses=OPEN_STATUS_VALUES, unrouted=True),
            InboxFilter(statuses=OPEN_STATUS_VALUES, unrouted=True, unassigned=True),
        ]
        for flt in views:
            paged = [row.id for row in list_cases(conn, flt, order=order, limit=1000).items]
            assert paged, flt
            by_position = []
            for offset in range(0, len(paged), 7):
                by_position += ids_at(conn, flt, order=order, offset=offset, limit=7)
            assert by_position == paged, flt
            # Past the end of the cases with a due time, and past the end of the list.
            assert ids_at(conn, flt, order=order, offset=len(paged) - 1, limit=5) == paged[-1:], flt
            assert ids_at(conn, flt, order=order, offset=len(paged) + 3, limit=5) == [], flt
