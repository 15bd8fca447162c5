"""Landmarks (newsroom.positions): rows read from the nearest landmark are the rows at that position, on both databases."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from newsroom import positions
from newsroom.actions import perform
from newsroom.inbox import InboxError, InboxFilter, count_cases, ids_at, list_cases
from newsroom.model import OPEN_STATUS_VALUES, Case, Department
from tests.core.conftest import (  # noqa: F401 - fixtures used by name
    T0,
    db,
    db_factory,
    dialect,
    ingest,
    make_item,
    people,
    pg_templates,
    sqlite_templates,
)

CASES = Case.__table__


def _fill(db, people, n: int = 45) -> int:
    """`n` cases with many ties: due times shared by runs of cases, some without a due time, some routed or claimed."""
    ingest(db, *(make_item(f"p{i}", minutes=i % 7, author={"id": f"a{i}", "handle": f"@a{i}@x.example", "name": f"A {i}"})
                 for i in range(n)))
    with db.read() as conn:
        ids = [row.id for row in list_cases(conn, InboxFilter(), order="newest", limit=1000).items]
    with db.transaction() as conn:
        for n_case, case_id in enumerate(ids):
            # Every third case without a due time; the others in runs of four sharing one.
            due = None if n_case % 3 == 0 else T0 + timedelta(hours=n_case // 4)
            conn.execute(update(CASES).where(CASES.c.id == case_id).values(due_at=due))
    for n_case, case_id in enumerate(ids[:12]):
        if n_case % 3 == 1:
            perform(db, "claim", people.operator, case_id=case_id)
        elif n_case % 3 == 2:
            perform(db, "route", people.operator, case_id=case_id, department="Afval")
    return len(ids)


def _views(conn, people) -> list[InboxFilter]:
    afval = conn.execute(select(Department.id).where(Department.name == "Afval")).scalar_one()
    return [
        InboxFilter(),
        InboxFilter(statuses=OPEN_STATUS_VALUES),
        InboxFilter(statuses=OPEN_STATUS_VALUES, unassigned=True),
        InboxFilter(statuses=OPEN_STATUS_VALUES, assignee_id=people.operator.user_id),
        InboxFilter(statuses=OPEN_STATUS_VALUES, department_id=afval),
        InboxFilter(statuses=("new",)),
        InboxFilter(priority="normal"),
    ]


@pytest.mark.parametrize("order", ["due", "newest"])
def test_rows_from_landmarks_are_the_rows_at_each_position(db, people, order):
    total = _fill(db, people)
    with db.read() as conn:
        for flt in _views(conn, people):
            n = count_cases(conn, flt)
            expected = ids_at(conn, flt, order=order, offset=0, limit=1000)
            assert len(expected) == n
            for every in (1, 3, 7, 64):
                marks = positions.compute(conn, flt, order, every=every)
                assert marks.total == n
                assert len(marks.keys) == n // every
                for offset in range(n + 2):
                    for limit in (1, 5):
                        got = positions.ids_at(conn, marks, flt, order=order, offset=offset, limit=limit)
                        assert got == expected[offset:offset + limit], (flt, every, offset, limit)
    assert total >= 40


@pytest.mark.parametrize("order", ["due", "newest"])
@pytest.mark.parametrize("every", [1, 4])
def test_partial_landmarks_and_none_give_the_same_rows(db, people, order, every):
    _fill(db, people)
    for flt in (InboxFilter(), InboxFilter(statuses=OPEN_STATUS_VALUES)):  # the second: the core names its index
        seen = []
        with db.read() as conn:
            expected = ids_at(conn, flt, order=order, offset=0, limit=1000)
            marks = positions.compute(conn, flt, order, every=every, progress=seen.append, report_every=2)
            assert seen and all(len(partial.keys) % 2 == 0 for partial in seen)
            assert [partial.keys for partial in seen] == [marks.keys[:len(partial.keys)] for partial in seen]
            # (a walk under way: near its last landmark and far below it, where open views go to the core)
            for partial in [None, positions.Landmarks(flt, order, every, (), len(expected)), *seen]:
                for offset in range(0, len(expected), 3):
                    got = positions.ids_at(conn, partial, flt, order=order, offset=offset, limit=4)
                    assert got == expected[offset:offset + 4]


def test_a_walk_can_be_stopped_and_keys_past_the_end_are_none(db, people):
    _fill(db, people)
    flt = InboxFilter()
    with db.read() as conn:
        steps = []
        marks = positions.compute(conn, flt, "due", every=2, stop=lambda: steps.append(1) or len(steps) > 3)
        assert len(marks.keys) == 3
        n = count_cases(conn, flt)
        assert positions.key_after(conn, flt, "due", None, skip=n) is None
        assert positions.key_after(conn, flt, "due", None, skip=n - 1) is not None


def test_landmarks_from_another_view_are_not_used(db, people):
    _fill(db, people)
    with db.read() as conn:
        all_marks = positions.compute(conn, InboxFilter(), "due", every=3)
        flt = InboxFilter(statuses=("new",))
        expected = ids_at(conn, flt, order="due", offset=0, limit=1000)
        for offset in range(len(expected)):
            assert positions.ids_at(conn, all_marks, flt, order="due", offset=offset, limit=2) == expected[offset:offset + 2]


def test_searches_and_the_at_risk_view_have_no_landmarks(db):
    with db.read() as conn:
        for flt, order in ((InboxFilter(search="container"), "newest"), (InboxFilter(at_risk=True), "due"),
                           (InboxFilter(), "relevance")):
            assert not positions.usable(flt, order)
            with pytest.raises(InboxError):
                positions.compute(conn, flt, order)
