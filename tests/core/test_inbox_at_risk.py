"""The "at risk" filter: open live cases whose running clock has passed 75% of its target, soonest due first."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from newsroom.actions import perform
from newsroom.inbox import (
    InboxFilter,
    count_cases,
    cursor_after,
    fetch_rows,
    ids_at,
    list_cases,
    view_counts,
)
from newsroom.model import OPEN_STATUS_VALUES, Case
from newsroom.timeutil import utcnow
from tests.cli.test_cli import make_cli, ok
from tests.core.conftest import item_dict, new_case

OPEN = OPEN_STATUS_VALUES
CASES = Case.__table__


def _risk(db) -> dict[int, tuple]:
    with db.read() as conn:
        return {r.id: (r.risk_at, r.due_at) for r in conn.execute(select(CASES.c.id, CASES.c.risk_at, CASES.c.due_at))}


def test_at_risk_lists_exactly_the_cases_past_75_percent(db, people):
    # Ten cases a few minutes apart; each gets its clocks at ingest.
    ids = [new_case(db, minutes=7 * n) for n in range(10)]
    resolved = ids[0]
    perform(db, "set_status", people.operator, origin="test", case_id=resolved, status="resolved")
    merged = ids[1]
    perform(db, "merge", people.operator, origin="test", case_id=merged, into=ids[2])
    stored = _risk(db)
    assert stored[resolved][0] is None  # no running clock: never at risk
    live = [i for i in ids if i not in (resolved, merged)]
    assert all(stored[i][0] is not None for i in live)
    # Judge at an instant between the 75% points of the live cases.
    instants = sorted(stored[i][0] for i in live)
    as_of = instants[3] + (instants[4] - instants[3]) / 2
    expected = sorted((i for i in live if stored[i][0] <= as_of), key=lambda i: (stored[i][1], i))
    assert len(expected) == 4

    flt = InboxFilter(statuses=OPEN, at_risk=True, as_of=as_of)
    with db.read() as conn:
        assert count_cases(conn, flt) == 4
        page = list_cases(conn, flt, limit=100)
        assert [row.id for row in page.items] == expected
        # Sorted by due time, as the queue is.
        dues = [row.due_at for row in page.items]
        assert dues == sorted(dues)
        # Paging and positions agree with the whole list.
        first = list_cases(conn, flt, limit=2)
        rest = list_cases(conn, flt, limit=100, after=first.next)
        assert [r.id for r in first.items + rest.items] == expected
        assert ids_at(conn, flt, offset=1, limit=2) == expected[1:3]
        above = list_cases(conn, flt, limit=100, before=cursor_after(rest.items[0]))
        assert [r.id for r in above.items] == expected[:2]
        # Without statuses the filter still means open work.
        assert count_cases(conn, InboxFilter(at_risk=True, as_of=as_of)) == 4
        # A narrower filter narrows it.
        assert count_cases(conn, InboxFilter(statuses=("waiting_on_citizen",), at_risk=True, as_of=as_of)) == 0
        # Before any 75% point nothing is at risk; long after, every live case is.
        assert count_cases(conn, InboxFilter(at_risk=True, as_of=instants[0] - timedelta(seconds=1))) == 0
        late = InboxFilter(at_risk=True, as_of=instants[-1] + timedelta(days=30))
        assert count_cases(conn, late) == len(live)
        assert view_counts(conn, None, now=as_of)["at_risk"] == 4


def test_rows_carry_the_warning_thresholds(db, people):
    case_id = new_case(db)
    with db.read() as conn:
        clocks = json.loads(conn.execute(select(CASES.c.clocks).where(CASES.c.id == case_id)).scalar())
        (row,) = fetch_rows(conn, [case_id])
    running = [c for c in clocks if c["state"] == "running"]
    assert row.risk_at is not None and row.warn90_at is not None and row.due_at is not None
    assert int(row.warn90_at.timestamp()) == min(c["warn90"] for c in running)
    assert int(row.risk_at.timestamp()) == min(c["warn75"] for c in running)
    assert row.risk_at < row.warn90_at < row.due_at
    second = timedelta(seconds=1)
    assert row.warning(row.risk_at - second) == 0
    assert row.warning(row.risk_at) == 75
    assert row.warning(row.warn90_at) == 90
    assert row.warning(row.due_at) == 100
    # A resolved case has no running clock and no warning.
    perform(db, "set_status", people.operator, origin="test", case_id=case_id, status="resolved")
    with db.read() as conn:
        (row,) = fetch_rows(conn, [case_id])
    assert row.risk_at is None and row.warn90_at is None and row.warning(utcnow() + timedelta(days=365)) == 0


def test_cli_inbox_at_risk(capsys, monkeypatch, tmp_path):
    cli = make_cli(capsys, monkeypatch)
    now = utcnow()
    lines = [
        # A week old: its first-response target is long past.
        item_dict("old", at=now - timedelta(days=7), text="Al een week geen antwoord."),
        # Just arrived: nowhere near 75% of a target.
        item_dict("fresh", at=now, text="Net gemeld."),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    ok(cli("import", feed))
    everything = ok(cli("inbox", "--json")).json
    assert everything["total"] == 2
    at_risk = ok(cli("inbox", "--at-risk", "--json")).json
    assert at_risk["total"] == 1
    (item,) = at_risk["items"]
    assert "week" in item["snippet"] and item["due_at"] is not None
    text = ok(cli("inbox", "--at-risk")).out
    assert text.startswith("1 cases")


def test_the_newsroom_queue_holds_the_open_cases_no_one_gave_a_department(db, people):
    ids = [new_case(db, minutes=n) for n in range(6)]  # no routing rules: every case lands in the newsroom's queue
    perform(db, "route", people.operator, origin="test", case_id=ids[0], department="Afval")
    perform(db, "set_status", people.operator, origin="test", case_id=ids[1], status="resolved")
    flt = InboxFilter(statuses=OPEN, unrouted=True)
    with db.read() as conn:
        listed = [row.id for row in list_cases(conn, flt, limit=100).items]
        assert sorted(listed) == sorted(ids[2:])
        assert count_cases(conn, flt) == 4 == view_counts(conn, None)["unrouted"]
