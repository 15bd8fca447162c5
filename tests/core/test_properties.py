"""Random sequences of actions, valid and invalid, keep the core's invariants (hypothesis).

After any sequence of ingest / claim / release / route / assign / tag / untag /
note / set_status / set_priority / merge / split, on SQLite and PostgreSQL:

* every message is in exactly one existing, non-merged case;
* each case's message_count equals its messages (0 for a merged case);
* the live case counts equal a brute-force recount, and `count_cases` for
  many filters equals a brute-force SQL count;
* every performed action, done or refused, left exactly one audit entry.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import and_, exists, func, select

from newsroom.actions import SYSTEM, ActionError, perform
from newsroom.inbox import InboxFilter, count_cases, recount, stored_counts
from newsroom.model import (
    AuditEntry,
    Case,
    CaseTag,
    Channel,
    Department,
    Message,
    Tag,
    User,
)
from tests.core.conftest import make_item

CASES = Case.__table__
MESSAGES = Message.__table__
AUDIT = AuditEntry.__table__
CASE_TAGS = CaseTag.__table__

ACCOUNTS = ["@gemeente@social.example", "@stad@social.example"]
EXTERNAL_IDS = [f"m{i}" for i in range(10)]
THREADS = ["t0", "t1", "t2"]
DEPARTMENT_NAMES = ["Afval", "parkeren", "Riolering"]  # the last does not exist
USER_NAMES = ["sanne", "ahmed", "marieke", "joost", "pieter", "beheer", "nobody"]
TAG_NAMES = ["afval", " Afval", "spoed", "Grof Vuil", "!!", ""]
STATUSES = ["new", "open", "waiting_on_citizen", "handed_off", "resolved", "closed", "bogus"]
PRIORITIES = ["low", "normal", "high", "urgent", "asap"]
NOTES = ["Gebeld.", "", "   "]

items = st.fixed_dictionaries(
    {
        "external_id": st.sampled_from(EXTERNAL_IDS),
        "channel": st.sampled_from([ACCOUNTS[0], ACCOUNTS[0], ACCOUNTS[1]]),
        "minutes": st.integers(0, 600),
        "in_reply_to": st.none() | st.sampled_from(EXTERNAL_IDS) | st.sampled_from(EXTERNAL_IDS[:3]),
        "thread_id": st.none() | st.sampled_from(THREADS),
    }
)
actor = st.integers(0, 6)  # index into the actors, 6 = the system
# A case or message, picked from those there are (few, so that actions meet); 9 is one that does not exist.
pick = st.integers(0, 9)

steps = st.one_of(
    st.tuples(st.just("ingest"), st.lists(items, min_size=1, max_size=4)),
    st.tuples(st.just("claim"), actor, pick),
    st.tuples(st.just("release"), actor, pick),
    st.tuples(st.just("route"), actor, pick, st.sampled_from(DEPARTMENT_NAMES)),
    st.tuples(st.just("assign"), actor, pick, st.sampled_from(USER_NAMES)),
    st.tuples(st.just("tag"), actor, pick, st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("untag"), actor, pick, st.sampled_from(TAG_NAMES)),
    st.tuples(st.just("note"), actor, pick, st.sampled_from(NOTES)),
    st.tuples(st.just("set_status"), actor, pick, st.sampled_from(STATUSES)),
    st.tuples(st.just("set_priority"), actor, pick, st.sampled_from(PRIORITIES)),
    st.tuples(st.just("merge"), actor, pick, pick),
    st.tuples(st.just("split"), actor, pick),
)


def _pick(ids: list[int], k: int, missing: int) -> int:
    return ids[k % len(ids)] if ids and k != 9 else missing


def _run_step(db, actors, step) -> None:
    """Perform one abstract step; check it left exactly one audit entry, done or refused."""
    with db.read() as conn:
        audits = conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()
        case_ids = sorted(conn.execute(select(CASES.c.id)).scalars())  # merged ones too: refused
        message_ids = sorted(conn.execute(select(MESSAGES.c.id)).scalars())
    _perform_step(db, actors, step, case_ids, message_ids)
    assert _audit_count(db) == audits + 1, f"{step[0]} did not leave exactly one audit entry"


def _perform_step(db, actors, step, case_ids, message_ids) -> None:
    name, *args = step
    if name == "ingest":
        batch = [
            make_item(
                it["external_id"],
                channel=it["channel"],
                minutes=it["minutes"],
                in_reply_to=it["in_reply_to"],
                thread_id=it["thread_id"],
                text=f"bericht {it['external_id']} over afval",
            )
            for it in args[0]
        ]
        perform(db, "ingest", SYSTEM, origin="test", items=batch)
        return
    who = actors[args[0]]
    if name == "split":
        params = {"message_id": _pick(message_ids, args[1], 99_999)}
    else:
        params = {"case_id": _pick(case_ids, args[1], 99_999)}
    extra = args[2] if len(args) > 2 else None
    if name == "route":
        params["department"] = extra
    elif name == "assign":
        params["user"] = extra
    elif name in ("tag", "untag"):
        params["tag"] = extra
    elif name == "note":
        params["text"] = extra
    elif name == "set_status":
        params["status"] = extra
    elif name == "set_priority":
        params["priority"] = extra
    elif name == "merge":
        params["into"] = _pick(case_ids, args[2], 99_998)
    try:
        perform(db, name, who, origin="test", **params)
    except ActionError as error:
        assert error.kind in {"denied", "invalid", "not_found", "conflict"}
        assert error.message
        outcome = error.kind
    else:
        outcome = "done"
    if currently_in_test_context():  # for --hypothesis-show-statistics
        event(f"{name}: {outcome}")


def _audit_count(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()


def _brute_count(cases: list, tagged: dict[int, set[int]], flt: InboxFilter) -> int:
    """The cases `flt` shows, counted row by row in Python."""
    n = 0
    for case in cases:
        if case.merged_into_id is not None:
            continue
        if flt.statuses and case.status not in flt.statuses:
            continue
        if flt.department_id is not None and case.department_id != flt.department_id:
            continue
        if flt.unassigned and case.assignee_id is not None:
            continue
        if not flt.unassigned and flt.assignee_id is not None and case.assignee_id != flt.assignee_id:
            continue
        if flt.channel_id is not None and case.channel_id != flt.channel_id:
            continue
        if flt.priority is not None and case.priority != flt.priority:
            continue
        if flt.tag_id is not None and flt.tag_id not in tagged.get(case.id, set()):
            continue
        n += 1
    return n


def _filters(conn) -> list[InboxFilter]:
    departments = list(conn.execute(select(Department.id)).scalars())
    users = list(conn.execute(select(User.id)).scalars())
    channels = list(conn.execute(select(Channel.id)).scalars())
    tags = list(conn.execute(select(Tag.id)).scalars())
    open_statuses = ("new", "open", "waiting_on_citizen", "handed_off")
    filters = [InboxFilter(), InboxFilter(statuses=open_statuses), InboxFilter(unassigned=True),
               InboxFilter(statuses=open_statuses, unassigned=True)]
    filters += [InboxFilter(statuses=(s,)) for s in STATUSES[:-1]]
    filters += [InboxFilter(priority=p) for p in PRIORITIES[:-1]]
    for d in departments:
        filters += [InboxFilter(department_id=d), InboxFilter(department_id=d, statuses=open_statuses),
                    InboxFilter(department_id=d, unassigned=True)]
    for u in users:
        filters += [InboxFilter(assignee_id=u), InboxFilter(assignee_id=u, statuses=("open",))]
    for c in channels:
        filters += [InboxFilter(channel_id=c), InboxFilter(channel_id=c, priority="normal")]
    for t in [*tags, -1]:
        filters += [InboxFilter(tag_id=t), InboxFilter(tag_id=t, statuses=open_statuses)]
    return filters


def check_invariants(db) -> None:
    with db.read() as conn:
        messages = conn.execute(select(func.count()).select_from(MESSAGES)).scalar_one()
        in_live_cases = conn.execute(
            select(func.count())
            .select_from(MESSAGES.join(CASES, CASES.c.id == MESSAGES.c.case_id))
            .where(CASES.c.merged_into_id.is_(None))
        ).scalar_one()
        assert in_live_cases == messages, "a message is in a merged or missing case"
        actual = dict(
            conn.execute(select(MESSAGES.c.case_id, func.count()).group_by(MESSAGES.c.case_id)).all()
        )
        for case in conn.execute(select(CASES.c.id, CASES.c.message_count, CASES.c.merged_into_id)):
            assert case.message_count == actual.get(case.id, 0), f"case {case.id}: message_count is stale"
            if case.merged_into_id is None:
                # Every live case has messages: nothing empty is left in the inbox.
                assert actual.get(case.id, 0) > 0, f"case {case.id} has no messages"
        merged_with_tags = conn.execute(
            select(func.count()).select_from(CASES).where(
                CASES.c.merged_into_id.is_not(None),
                exists().where(and_(CASE_TAGS.c.case_id == CASES.c.id)),
            )
        ).scalar_one()
        assert merged_with_tags == 0
        assert stored_counts(conn) == recount(conn)
        cases = conn.execute(select(CASES)).all()
        tagged: dict[int, set[int]] = {}
        for case_id, tag_id in conn.execute(select(CASE_TAGS.c.case_id, CASE_TAGS.c.tag_id)):
            tagged.setdefault(case_id, set()).add(tag_id)
        for flt in _filters(conn):
            assert count_cases(conn, flt) == _brute_count(cases, tagged, flt), flt


def _actors(people):
    return [people.operator, people.operator2, people.supervisor, people.agent_afval,
            people.agent_parkeren, people.admin, SYSTEM]


@pytest.mark.slow
def test_random_action_sequences_keep_the_invariants(db_factory, dialect):
    examples = 60 if dialect == "sqlite" else 25

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(st.lists(items, min_size=1, max_size=8), st.lists(steps, min_size=1, max_size=20))
    def run(first, sequence):
        sequence = [("ingest", first), *sequence]
        db = db_factory("people")
        try:
            actors = _actors(db_factory.people)
            for step in sequence:
                _run_step(db, actors, step)
            check_invariants(db)
        finally:
            db_factory.dispose(db)

    run()


def test_invariants_after_a_busy_scripted_day(db_factory):
    """A deterministic long sequence, so a failure here is easy to replay."""
    db = db_factory("people")
    actors = _actors(db_factory.people)
    script = [("ingest", [{"external_id": f"m{i}", "channel": ACCOUNTS[i % 2], "minutes": i,
                           "in_reply_to": f"m{i - 3}" if i % 4 == 0 and i >= 3 else None,
                           "thread_id": THREADS[i % 3] if i % 5 == 0 else None} for i in range(16)])]
    for i in range(60):
        name = ["claim", "route", "tag", "merge", "split", "set_status", "assign", "release", "untag", "note"][i % 10]
        extra = {"route": DEPARTMENT_NAMES[i % 3], "tag": TAG_NAMES[i % 6], "untag": TAG_NAMES[(i + 1) % 6],
                 "set_status": STATUSES[i % 7], "assign": USER_NAMES[i % 7], "note": NOTES[i % 3], "merge": i * 7}
        step = (name, i % 7, i * 13)
        if name in extra:
            step = (*step, extra[name])
        script.append(step)
    for step in script:
        _run_step(db, actors, step)
    check_invariants(db)


def test_check_invariants_notices_a_stale_count(db_factory):
    """The checker itself: a broken message_count must be caught."""
    db = db_factory("people")
    perform(db, "ingest", SYSTEM, origin="test", items=[make_item("x")])
    check_invariants(db)
    from sqlalchemy import update

    with db.transaction() as conn:
        conn.execute(update(CASES).values(message_count=5))
    with pytest.raises(AssertionError):
        check_invariants(db)
