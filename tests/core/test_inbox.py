"""Inbox queries: filters, order, keyset paging, counts (SQLite and PostgreSQL)."""
from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from newsroom.actions import perform
from newsroom.db.engine import Database, open_database
from newsroom.inbox import (
    InboxError,
    InboxFilter,
    count_cases,
    ids_at,
    list_cases,
    resolve_filter,
    view_counts,
)
from newsroom.model import Case, CaseTag, Channel, Message, Tag
from tests.core.conftest import DIALECTS, T0, People, ingest, make_item

CASES = Case.__table__
CASE_TAGS = CaseTag.__table__
OTHER = "@stad@social.example"
N = 23


def _do(db, name, actor, **args):
    return perform(db, name, actor, origin="test", **args)


@dataclass
class Inbox:
    db: Database
    people: People
    case: list[int]  # case ids of the items c0 .. c{N-1}


@pytest.fixture(scope="module", params=DIALECTS)
def inbox(request, tmp_path_factory) -> Iterator[Inbox]:
    """One database per dialect for the whole module (these tests only read): see `fill_inbox`."""
    if request.param == "sqlite":
        templates = request.getfixturevalue("sqlite_templates")
        db, people = templates.open_copy(tmp_path_factory.mktemp("inbox") / "inbox.sqlite3", "people")
        name = None
    else:
        templates = request.getfixturevalue("pg_templates")
        name, people = templates.create("people")
        db = open_database(templates.cluster.url(name))
    try:
        yield Inbox(db, people, fill_inbox(db, people))
    finally:
        db.close()
        if name is not None:
            templates.drop(name)


def fill_inbox(db, people) -> list[int]:
    """N cases with a spread of statuses, departments, assignees, channels, tags, priorities and due times.

    Created in an order unlike their age, with some thread replies, two merges
    (merged cases never show) and due times on a few.
    """
    items = []
    for i in range(N):
        minutes = (i * 37) % 300  # ages not in id order
        channel = OTHER if i % 3 == 0 else "@gemeente@social.example"
        platform = "bluesky" if i % 3 == 0 else "mastodon"
        items.append(make_item(f"c{i}", minutes=minutes, channel=channel, platform=platform, text=f"melding {i}"))
    ingest(db, *items)
    ingest(db, make_item("c1-reply", in_reply_to="c1", minutes=400), make_item("c4-reply", in_reply_to="c4", minutes=401))
    with db.read() as conn:
        ids = dict(conn.execute(select(Message.external_id, Message.case_id)).all())
    case = [ids[f"c{i}"] for i in range(N)]
    op, sup = people.operator, people.supervisor
    for i, case_id in enumerate(case):
        if i % 4 == 0:
            _do(db, "route", op, case_id=case_id, department="Afval")
        elif i % 4 == 1:
            _do(db, "route", op, case_id=case_id, department="Parkeren")
        if i % 5 == 0:
            _do(db, "claim", op, case_id=case_id)
        elif i % 5 == 1 and i % 4 == 0:
            _do(db, "assign", op, case_id=case_id, user="joost")
        elif i % 5 == 2:
            _do(db, "assign", sup, case_id=case_id, user="ahmed")
        if i % 3 == 1:
            _do(db, "tag", op, case_id=case_id, tag="afval")
        if i % 6 == 2:
            _do(db, "tag", op, case_id=case_id, tag="spoed")
        _do(db, "set_priority", op, case_id=case_id, priority=["low", "normal", "high", "urgent"][i % 4])
        status = ["open", "waiting_on_citizen", "handed_off", "resolved", "closed", None][i % 6]
        if status:
            _do(db, "set_status", op, case_id=case_id, status=status)
    _do(db, "merge", op, case_id=case[21], into=case[2])
    _do(db, "merge", op, case_id=case[22], into=case[5])
    # Response targets: a few cases are due, in an order unlike their age and ids
    # (the others' clocks are cleared so that the due order has both its segments).
    with db.transaction() as conn:
        conn.execute(update(CASES).values(due_at=None))
        for k, i in enumerate([7, 3, 11, 16, 9]):
            conn.execute(update(CASES).where(CASES.c.id == case[i]).values(due_at=T0 + timedelta(hours=[5, 1, 3, 1, 2][k])))
    return case


def all_cases(conn):
    return conn.execute(select(CASES).where(CASES.c.merged_into_id.is_(None))).all()


def tags_of(conn):
    out = {}
    for case_id, tag_id in conn.execute(select(CASE_TAGS.c.case_id, CASE_TAGS.c.tag_id)):
        out.setdefault(case_id, set()).add(tag_id)
    return out


def due_key(row):
    return (row.due_at is None, row.due_at or T0, row.created_at, row.id)


def walk(conn, flt, order, limit):
    """Every page's ids, following `next` to the end."""
    pages = []
    after = None
    while True:
        page = list_cases(conn, flt, order=order, limit=limit, after=after, with_total=True)
        pages.append([row.id for row in page.items])
        assert len(pages) < 200, "paging does not end"
        if page.next is None:
            return pages, page.total
        after = page.next


# -- filters -----------------------------------------------------------------


def test_filters_by_name_match_a_brute_force_selection(inbox):
    db, people = inbox.db, inbox.people
    with db.read() as conn:
        rows = all_cases(conn)
        tags = tags_of(conn)
        tag_id = {n: i for i, n in conn.execute(select(Tag.id, Tag.name))}
        channel_id = {a: i for i, a in conn.execute(select(Channel.id, Channel.account))}
        cases = {
            "status open": (dict(statuses=("open",)), lambda r: r.status == "open"),
            "two statuses": (dict(statuses=("new", "handed_off")), lambda r: r.status in ("new", "handed_off")),
            "department": (dict(department="afval"), lambda r: r.department_id == people.departments["Afval"]),
            "assignee": (dict(assignee="sanne"), lambda r: r.assignee_id == people.operator.user_id),
            "unassigned": (dict(unassigned=True), lambda r: r.assignee_id is None),
            "channel": (dict(channel=OTHER), lambda r: r.channel_id == channel_id[OTHER]),
            "tag": (dict(tag="AFVAL"), lambda r: tag_id["afval"] in tags.get(r.id, ())),
            "priority": (dict(priority="urgent"), lambda r: r.priority == "urgent"),
            "combined": (
                dict(department="Parkeren", unassigned=True, statuses=("new", "open", "waiting_on_citizen", "handed_off")),
                lambda r: r.department_id == people.departments["Parkeren"] and r.assignee_id is None
                and r.status in ("new", "open", "waiting_on_citizen", "handed_off"),
            ),
        }
        for label, (names, keep) in cases.items():
            flt = resolve_filter(conn, **names)
            expected = {r.id for r in rows if keep(r)}
            assert expected, f"{label}: the fixture should give this filter something to show"
            page = list_cases(conn, flt, limit=1000, with_total=True)
            got = [row.id for row in page.items]
            assert len(got) == len(set(got)), label
            assert set(got) == expected, label
            assert page.total == len(expected) == count_cases(conn, flt), label
            assert page.next is None


def test_merged_cases_never_show(inbox):
    db = inbox.db
    with db.read() as conn:
        page = list_cases(conn, InboxFilter(), limit=1000, with_total=True)
    shown = {row.id for row in page.items}
    assert inbox.case[21] not in shown and inbox.case[22] not in shown
    assert page.total == N - 2


def test_resolve_filter_refuses_unknown_names(inbox):
    db = inbox.db
    with db.read() as conn:
        for names in (dict(statuses=("done",)), dict(department="Riolering"), dict(assignee="nobody"),
                      dict(channel="@nergens"), dict(priority="asap")):
            with pytest.raises(InboxError) as caught:
                resolve_filter(conn, **names)
            assert str(caught.value)
        # A tag nobody used yet is an empty view, not an error.
        flt = resolve_filter(conn, tag="nog-nooit")
        page = list_cases(conn, flt, with_total=True)
        assert page.items == [] and page.total == 0 and page.next is None


def test_rows_carry_names_not_ids(inbox):
    db = inbox.db
    with db.read() as conn:
        page = list_cases(conn, resolve_filter(conn, assignee="ahmed"), limit=1000)
    row = page.items[0].as_dict()
    assert row["assignee"] == "ahmed"
    assert set(row) == {"id", "status", "priority", "department", "assignee", "platform", "channel", "author",
                        "subject", "snippet", "message_count", "created_at", "last_message_at", "due_at", "tags"}
    assert json.dumps(page.as_dict())  # plain JSON
    assert set(page.as_dict()) == {"total", "items", "next"}


def test_view_counts(inbox):
    db, people = inbox.db, inbox.people
    with db.read() as conn:
        rows = all_cases(conn)
        counts = view_counts(conn, people.operator.user_id)
    open_statuses = {"new", "open", "waiting_on_citizen", "handed_off"}
    assert counts["all"] == len(rows)
    assert counts["open"] == sum(r.status in open_statuses for r in rows)
    assert counts["unassigned"] == sum(r.status in open_statuses and r.assignee_id is None for r in rows)
    assert counts["mine"] == sum(r.status in open_statuses and r.assignee_id == people.operator.user_id for r in rows)
    assert counts["waiting_on_citizen"] == sum(r.status == "waiting_on_citizen" for r in rows)
    dept = people.departments["Afval"]
    assert counts[f"department:{dept}"] == sum(r.status in open_statuses and r.department_id == dept for r in rows)


# -- order ---------------------------------------------------------------------


def test_due_order_puts_due_cases_first_then_the_oldest(inbox):
    db = inbox.db
    with db.read() as conn:
        rows = all_cases(conn)
        page = list_cases(conn, InboxFilter(), order="due", limit=1000)
    expected = [r.id for r in sorted(rows, key=due_key)]
    assert [row.id for row in page.items] == expected
    due = [row for row in page.items if row.due_at is not None]
    assert [row.id for row in page.items[: len(due)]] == [row.id for row in due]
    assert len(due) == 5
    assert due[0].due_at == T0 + timedelta(hours=1)
    ages = [row.created_at for row in page.items[len(due):]]
    assert ages == sorted(ages)


def test_newest_order(inbox):
    db = inbox.db
    with db.read() as conn:
        rows = all_cases(conn)
        page = list_cases(conn, InboxFilter(), order="newest", limit=1000)
    expected = [r.id for r in sorted(rows, key=lambda r: (r.last_message_at, r.id), reverse=True)]
    assert [row.id for row in page.items] == expected
    assert page.items[0].id in (inbox.case[1], inbox.case[4])  # their replies came last


# -- paging --------------------------------------------------------------------


@pytest.mark.parametrize("order", ["due", "newest"])
@pytest.mark.parametrize("limit", [1, 4, 7])
def test_keyset_paging_visits_every_case_once(inbox, order, limit):
    db = inbox.db
    with db.read() as conn:
        everything = [row.id for row in list_cases(conn, InboxFilter(), order=order, limit=1000).items]
        pages, total = walk(conn, InboxFilter(), order, limit)
    flat = [i for page in pages for i in page]
    assert flat == everything
    assert len(flat) == len(set(flat)) == total == N - 2
    assert all(len(page) == limit for page in pages[:-1])


@pytest.mark.parametrize("order", ["due", "newest"])
def test_keyset_paging_with_a_filter(inbox, order):
    db = inbox.db
    with db.read() as conn:
        flt = resolve_filter(conn, unassigned=True, statuses=("new", "open", "waiting_on_citizen", "handed_off", "resolved"))
        everything = [row.id for row in list_cases(conn, flt, order=order, limit=1000).items]
        pages, total = walk(conn, flt, order, 2)
    flat = [i for page in pages for i in page]
    assert flat == everything
    assert len(flat) == len(set(flat)) == total
    assert total >= 5


def test_paging_when_the_last_page_is_exactly_full(inbox):
    db = inbox.db
    with db.read() as conn:
        pages, total = walk(conn, InboxFilter(), "due", total_cases := N - 2)
    assert pages[0] and len(pages[0]) == total_cases
    assert pages[1:] in ([], [[]])


@pytest.mark.parametrize("order", ["due", "newest"])
def test_positional_access_agrees_with_paging(inbox, order):
    db = inbox.db
    with db.read() as conn:
        everything = [row.id for row in list_cases(conn, InboxFilter(), order=order, limit=1000).items]
        windows = [ids_at(conn, InboxFilter(), order=order, offset=o, limit=4) for o in range(0, N, 4)]
    assert [i for w in windows for i in w] == everything


def test_paging_an_empty_inbox(db):
    with db.read() as conn:
        page = list_cases(conn, InboxFilter(), with_total=True)
    assert (page.items, page.next, page.total) == ([], None, 0)


def _cursor(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    ["garbage!!", "e30", _cursor("newest", "2026-11-02T08:00:00Z", 3), _cursor("search", 5), "bm90IGpzb24"],
    ids=["not-base64", "json-object", "other-order", "search-cursor", "not-json"],
)
def test_a_bad_cursor_is_an_inbox_error(inbox, cursor):
    db = inbox.db
    with db.read() as conn, pytest.raises(InboxError) as caught:
        list_cases(conn, InboxFilter(), order="due", after=cursor)
    assert "cursor" in str(caught.value)


@pytest.mark.parametrize("order", ["due"])
def test_an_empty_cursor_is_refused_or_means_the_first_page(inbox, order):
    db = inbox.db
    with db.read() as conn:
        first = [r.id for r in list_cases(conn, InboxFilter(), order=order).items]
        try:
            page = list_cases(conn, InboxFilter(), order=order, after="")
        except InboxError:
            return
    assert [r.id for r in page.items] == first


@pytest.mark.parametrize(
    "order,cursor",
    [
        ("due", _cursor("due")),
        ("due", _cursor("due", "yesterday", "2026-11-02T08:00:00Z", 1)),
        ("due", _cursor("due", None, 5, 1)),
        ("newest", _cursor("newest", "2026-11-02T08:00:00Z", "abc")),
        ("newest", _cursor("newest", "2026-11-02T08:00:00")),
    ],
    ids=["too-short", "bad-date", "number-as-date", "text-as-id", "missing-id"],
)
def test_a_malformed_cursor_of_the_right_kind_is_an_inbox_error(inbox, order, cursor):
    db = inbox.db
    with db.read() as conn, pytest.raises(InboxError):
        list_cases(conn, InboxFilter(), order=order, after=cursor)


def test_bad_order_and_limit(inbox):
    db = inbox.db
    with db.read() as conn:
        for kwargs in (dict(order="oldest"), dict(order="relevance"), dict(limit=0), dict(limit=1001)):
            with pytest.raises(InboxError):
                list_cases(conn, InboxFilter(), **kwargs)


@pytest.mark.parametrize("order", ["due", "newest"])
def test_paging_through_ties_and_microseconds(db, order):
    """Equal times (ties broken by id) and sub-second times page without loss or repeats."""
    at = T0 + timedelta(microseconds=250_001)
    items = [make_item(f"same{i}", at=at) for i in range(9)]
    items += [make_item(f"micro{i}", at=at + timedelta(microseconds=i * 7 - 30)) for i in range(9)]
    ingest(db, *items)
    with db.transaction() as conn:  # some due at one and the same time, too
        conn.execute(update(CASES).where(CASES.c.id.in_([2, 5, 11, 17])).values(due_at=at))
    with db.read() as conn:
        everything = [row.id for row in list_cases(conn, InboxFilter(), order=order, limit=1000).items]
        pages, total = walk(conn, InboxFilter(), order, 4)
        rows = conn.execute(select(CASES)).all()
    flat = [i for page in pages for i in page]
    assert flat == everything
    assert len(set(flat)) == total == 18
    if order == "due":
        assert flat == [r.id for r in sorted(rows, key=due_key)]
    else:
        assert flat == [r.id for r in sorted(rows, key=lambda r: (r.last_message_at, r.id), reverse=True)]


def test_the_tag_filter_folds_names_as_tagging_does(db, people):
    ingest(db, make_item("t1"))
    perform(db, "tag", people.operator, case_id=1, tag="Grof Vuil")
    with db.read() as conn:
        for typed in ("grof-vuil", "GROF-VUIL", " Grof Vuil "):
            page = list_cases(conn, resolve_filter(conn, tag=typed), with_total=True)
            assert [r.id for r in page.items] == [1] and page.total == 1, typed
