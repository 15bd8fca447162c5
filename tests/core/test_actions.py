"""The actions, one by one, on SQLite and on PostgreSQL.

Every action runs in one transaction and leaves exactly one audit entry;
a refused action leaves only its audit entry (see `refused`).
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from newsroom.actions import SYSTEM, ActionError, perform, resolve_actor
from newsroom.casefile import case_detail, case_history
from newsroom.inbox import recount, stored_counts
from newsroom.model import Case, CaseTag, Message, MessageRaw, Note, Reply, Tag, User
from newsroom.timeutil import utcnow
from tests.core.conftest import (
    CHANNEL,
    T0,
    audit_count,
    audit_rows,
    ingest,
    item_dict,
    make_item,
    new_case,
    refused,
)

CASES = Case.__table__
MESSAGES = Message.__table__
NOTES = Note.__table__
REPLIES = Reply.__table__
TAGS = Tag.__table__
CASE_TAGS = CaseTag.__table__
RAW = MessageRaw.__table__


def case_row(db, case_id):
    with db.read() as conn:
        return conn.execute(select(CASES).where(CASES.c.id == case_id)).one()


def message_case(db, external_id):
    with db.read() as conn:
        return conn.execute(select(MESSAGES.c.case_id).where(MESSAGES.c.external_id == external_id)).scalar_one()


def case_messages(db, case_id) -> list[str]:
    with db.read() as conn:
        return sorted(
            conn.execute(select(MESSAGES.c.external_id).where(MESSAGES.c.case_id == case_id)).scalars()
        )


def count(db, table, *where) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def assert_counts_consistent(db):
    with db.read() as conn:
        assert stored_counts(conn) == recount(conn)


def last_audit(db):
    return audit_rows(db)[-1]


def act(db, name, actor, /, **args):
    """Perform an action that must succeed; check it wrote exactly one audit row."""
    before = audit_count(db)
    started = utcnow()
    change = perform(db, name, actor, origin="test", **args)
    rows = audit_rows(db)
    assert len(rows) == before + 1, f"{name} wrote {len(rows) - before} audit rows"
    row = rows[-1]
    assert row.action == name
    assert row.result == "ok"
    assert row.actor_name == actor.name and row.actor_id == actor.user_id
    assert row.origin == "test"
    assert row.object_type == change.object_type
    assert row.object_id == change.object_id
    assert row.at.tzinfo is not None
    assert started - timedelta(seconds=1) <= row.at <= utcnow() + timedelta(seconds=1)
    detail = json.loads(row.detail)
    assert "args" in detail
    return change


# -- ingest ---------------------------------------------------------------------


def test_ingest_starts_a_case_and_stores_the_message(db):
    obj = item_dict("a1", text="Mijn  container\nis niet geleegd", subject="Container", raw={"id": "a1", "x": [1, 2]})
    change = ingest(db, obj)
    assert change.info["imported"] == 1 and change.info["duplicates"] == 0
    (case_id,) = change.info["new_case_ids"]
    case = case_row(db, case_id)
    assert case.status == "new"
    assert case.priority == "normal"
    assert case.message_count == 1
    assert case.author_label == "Bea Burger"
    assert case.subject == "Container"
    assert case.snippet == "Mijn container is niet geleegd"
    assert case.created_at == T0 and case.last_message_at == T0 and case.last_inbound_at == T0
    assert case.assignee_id is None and case.department_id is None and case.merged_into_id is None
    with db.read() as conn:
        msg = conn.execute(select(MESSAGES)).one()
        raw = conn.execute(select(RAW.c.payload).where(RAW.c.message_id == msg.id)).scalar_one()
    assert msg.direction == "in"
    assert msg.text == "Mijn  container\nis niet geleegd"
    assert msg.case_id == case_id
    assert json.loads(raw) == {"id": "a1", "x": [1, 2]}
    row = last_audit(db)
    assert (row.action, row.result, row.actor_name, row.origin, row.object_type) == ("ingest", "ok", "system", "test", "message")
    assert row.actor_id is None
    assert row.object_id == msg.id
    assert row.case_id == case_id
    # The audit names the item; the text (personal data) lives only in the message.
    assert json.loads(row.detail)["args"]["items"] == [{"platform": "mastodon", "channel": CHANNEL, "external_id": "a1"}]
    assert "container" not in row.detail
    assert_counts_consistent(db)


def test_ingest_keeps_the_whole_item_as_raw_when_no_raw_is_given(db):
    obj = item_dict("a1")
    ingest(db, obj)
    with db.read() as conn:
        raw = conn.execute(select(RAW.c.payload)).scalar_one()
    assert json.loads(raw) == obj


def test_ingest_writes_one_audit_row_per_batch(db):
    before = audit_count(db)
    ingest(db, make_item("a"), make_item("b"), make_item("c"))
    assert audit_count(db) == before + 1
    detail = json.loads(last_audit(db).detail)
    assert detail["info"]["imported"] == 3


def test_ingest_dedupes_on_channel_and_external_id(db):
    ingest(db, make_item("x1", text="eerste"))
    again = ingest(db, make_item("x1", text="een andere tekst, zelfde id"))
    assert again.info == {**again.info, "imported": 0, "duplicates": 1}
    assert again.info["new_case_ids"] == []
    assert count(db, MESSAGES) == 1
    with db.read() as conn:
        assert conn.execute(select(MESSAGES.c.text)).scalar_one() == "eerste"  # never edited
    # Same external id on another account, or on another platform with the same account: other channels.
    other_account = ingest(db, make_item("x1", channel="@andere@social.example"))
    other_platform = ingest(db, make_item("x1", platform="bluesky"))
    assert other_account.info["imported"] == 1 and other_platform.info["imported"] == 1
    assert count(db, MESSAGES) == 3
    assert count(db, CASES) == 3
    assert_counts_consistent(db)


def test_ingest_dedupes_within_one_batch(db):
    change = ingest(db, make_item("d1"), make_item("d1"), make_item("d2"))
    assert change.info["imported"] == 2 and change.info["duplicates"] == 1
    assert count(db, MESSAGES) == 2


def test_a_reply_joins_its_parents_case(db):
    case_id = new_case(db, "p1", text="Waar is mijn paspoort?")
    change = ingest(db, make_item("r1", in_reply_to="p1", minutes=5, text="Nog steeds geen antwoord"))
    assert change.info["new_case_ids"] == []
    assert change.case_ids == (case_id,)
    assert message_case(db, "r1") == case_id
    case = case_row(db, case_id)
    assert case.message_count == 2
    assert case.last_message_at == T0 + timedelta(minutes=5)
    assert case.created_at == T0
    assert case.snippet == "Nog steeds geen antwoord"
    assert count(db, CASES) == 1
    assert_counts_consistent(db)


def test_a_reply_in_the_same_batch_joins_its_parent(db):
    change = ingest(db, make_item("p1"), make_item("r1", in_reply_to="p1", minutes=1), make_item("r2", in_reply_to="r1", minutes=2))
    assert len(change.info["new_case_ids"]) == 1
    (case_id,) = change.info["new_case_ids"]
    assert case_messages(db, case_id) == ["p1", "r1", "r2"]
    assert case_row(db, case_id).message_count == 3


def test_a_reply_to_a_message_on_another_channel_does_not_join(db):
    case_id = new_case(db, "p1")
    other = ingest(db, make_item("r1", in_reply_to="p1", channel="@ander@social.example"))
    assert other.info["new_case_ids"] and other.info["new_case_ids"][0] != case_id


def test_thread_id_joins_the_threads_case(db):
    case_id = new_case(db, "e1", platform="email", channel="info@gemeente.example", thread_id="T-42")
    change = ingest(db, make_item("e2", platform="email", channel="info@gemeente.example", thread_id="T-42", minutes=30))
    assert change.info["new_case_ids"] == []
    assert message_case(db, "e2") == case_id
    assert case_row(db, case_id).message_count == 2
    # Another thread id starts another case.
    assert ingest(db, make_item("e3", platform="email", channel="info@gemeente.example", thread_id="T-43")).info["new_case_ids"]


@pytest.mark.parametrize("status", ["resolved", "closed", "waiting_on_citizen"])
def test_a_reply_reopens_a_resolved_closed_or_waiting_case(db, people, status):
    case_id = new_case(db, "p1")
    act(db, "set_status", people.operator, case_id=case_id, status=status)
    change = ingest(db, make_item("r1", in_reply_to="p1", minutes=10))
    case = case_row(db, case_id)
    assert case.status == "open"
    assert change.fields == {f"case {case_id} status": [status, "open"]}
    assert_counts_consistent(db)


def test_a_reopened_case_is_no_longer_resolved(db, people):
    case_id = new_case(db, "p1")
    act(db, "set_status", people.operator, case_id=case_id, status="resolved")
    assert case_row(db, case_id).resolved_at is not None
    ingest(db, make_item("r1", in_reply_to="p1", minutes=10))
    case = case_row(db, case_id)
    assert case.status == "open"
    # set_status clears resolved_at when a case leaves resolved for open; a citizen's reply must too.
    assert case.resolved_at is None


def test_an_open_or_new_case_keeps_its_status_on_a_reply(db, people):
    new_id = new_case(db, "p1")
    ingest(db, make_item("r1", in_reply_to="p1"))
    assert case_row(db, new_id).status == "new"
    handed = new_case(db, "p2")
    act(db, "set_status", people.operator, case_id=handed, status="handed_off")
    ingest(db, make_item("r2", in_reply_to="p2"))
    assert case_row(db, handed).status == "handed_off"


def test_a_reply_that_arrives_before_its_parent_starts_its_own_case(db):
    early = ingest(db, make_item("r1", in_reply_to="p1", minutes=5))
    (reply_case,) = early.info["new_case_ids"]
    late = ingest(db, make_item("p1"))
    (parent_case,) = late.info["new_case_ids"]
    assert parent_case != reply_case
    assert case_messages(db, reply_case) == ["r1"]
    assert case_messages(db, parent_case) == ["p1"]
    # A later reply to the parent joins the parent's case.
    ingest(db, make_item("r2", in_reply_to="p1", minutes=9))
    assert message_case(db, "r2") == parent_case
    assert_counts_consistent(db)


def test_ingest_into_a_merged_case_follows_to_the_target(db, people):
    source = new_case(db, "a1", thread_id="TA")
    target = new_case(db, "b1")
    act(db, "merge", people.operator, case_id=source, into=target)
    ingest(db, make_item("a2", in_reply_to="a1", minutes=3))
    ingest(db, make_item("a3", thread_id="TA", minutes=4))
    assert message_case(db, "a2") == target
    assert message_case(db, "a3") == target
    assert case_row(db, source).message_count == 0
    assert case_row(db, target).message_count == 4
    assert_counts_consistent(db)


def test_ingest_follows_a_chain_of_merges(db, people):
    a, b, c = new_case(db, "a1"), new_case(db, "b1"), new_case(db, "c1")
    act(db, "merge", people.operator, case_id=a, into=b)
    act(db, "merge", people.operator, case_id=b, into=c)
    ingest(db, make_item("a2", in_reply_to="a1"))
    assert message_case(db, "a2") == c
    assert case_row(db, c).message_count == 4


def test_an_older_message_arriving_later_keeps_the_latest_snippet(db):
    case_id = new_case(db, "p1", text="nieuwste", minutes=60)
    ingest(db, make_item("r0", in_reply_to="p1", text="ouder bericht", minutes=0))
    case = case_row(db, case_id)
    assert case.snippet == "nieuwste"
    assert case.created_at == T0
    assert case.last_message_at == T0 + timedelta(minutes=60)


# -- claim ------------------------------------------------------------------------


def test_claim_takes_a_new_case_and_opens_it(db, people):
    case_id = new_case(db)
    change = act(db, "claim", people.operator, case_id=case_id)
    case = case_row(db, case_id)
    assert case.assignee_id == people.operator.user_id
    assert case.status == "open"
    assert change.fields["assignee"] == [None, "sanne"]
    assert change.fields["status"] == ["new", "open"]
    assert change.case_ids == (case_id,)
    assert last_audit(db).case_id == case_id
    assert_counts_consistent(db)


def test_claiming_your_own_case_again_changes_nothing(db, people):
    case_id = new_case(db)
    act(db, "claim", people.operator, case_id=case_id)
    change = act(db, "claim", people.operator, case_id=case_id)
    assert not change.changed


def test_claim_conflict_names_the_holder(db, people):
    case_id = new_case(db)
    act(db, "claim", people.operator, case_id=case_id)
    error = refused(db, "claim", people.operator2, case_id=case_id)
    assert error.kind == "conflict"
    assert "sanne" in error.message
    assert case_row(db, case_id).assignee_id == people.operator.user_id


def test_claim_needs_a_person(db, people):
    case_id = new_case(db)
    assert refused(db, "claim", SYSTEM, case_id=case_id).kind == "invalid"


def test_claim_of_a_missing_case_is_not_found(db, people):
    error = refused(db, "claim", people.operator, case_id=9999)
    assert error.kind == "not_found"
    assert "9999" in error.message
    assert last_audit(db).case_id == 9999


def test_a_case_number_of_the_wrong_type_is_invalid(db, people):
    new_case(db)
    for bad in ["1", None, 1.5, True]:
        assert refused(db, "claim", people.operator, case_id=bad).kind == "invalid", bad


def test_department_agent_claims_only_their_departments_cases(db, people):
    case_id = new_case(db)
    assert refused(db, "claim", people.agent_afval, case_id=case_id).kind == "denied"
    act(db, "route", people.operator, case_id=case_id, department="Afval")
    assert refused(db, "claim", people.agent_parkeren, case_id=case_id).kind == "denied"
    act(db, "claim", people.agent_afval, case_id=case_id)
    assert case_row(db, case_id).assignee_id == people.agent_afval.user_id


# -- release --------------------------------------------------------------------


def test_the_holder_releases(db, people):
    case_id = new_case(db)
    act(db, "claim", people.operator, case_id=case_id)
    change = act(db, "release", people.operator, case_id=case_id)
    assert case_row(db, case_id).assignee_id is None
    assert change.fields == {"assignee": ["sanne", None]}
    assert_counts_consistent(db)


def test_only_the_holder_or_a_supervisor_or_admin_releases(db, people):
    case_id = new_case(db)
    act(db, "claim", people.operator, case_id=case_id)
    error = refused(db, "release", people.operator2, case_id=case_id)
    assert error.kind == "denied"
    assert "sanne" in error.message
    act(db, "release", people.supervisor, case_id=case_id)
    assert case_row(db, case_id).assignee_id is None
    act(db, "claim", people.operator, case_id=case_id)
    act(db, "release", people.admin, case_id=case_id)
    assert case_row(db, case_id).assignee_id is None


def test_releasing_an_unclaimed_case_is_invalid(db, people):
    case_id = new_case(db)
    assert refused(db, "release", people.operator, case_id=case_id).kind == "invalid"


# -- route ------------------------------------------------------------------------


def test_route_sends_a_case_to_a_department(db, people):
    case_id = new_case(db)
    change = act(db, "route", people.operator, case_id=case_id, department="afval ")  # names fold case and space
    assert case_row(db, case_id).department_id == people.departments["Afval"]
    assert change.fields == {"department": [None, "Afval"]}
    again = act(db, "route", people.operator, case_id=case_id, department="Afval")
    assert not again.changed
    assert_counts_consistent(db)


def test_route_to_an_unknown_department_is_not_found_and_names_it(db, people):
    case_id = new_case(db)
    error = refused(db, "route", people.operator, case_id=case_id, department="Riolering")
    assert error.kind == "not_found"
    assert "Riolering" in error.message


@pytest.mark.parametrize("bad", [None, 5])
def test_route_with_a_department_of_the_wrong_type_is_invalid(db, people, bad):
    case_id = new_case(db)
    assert refused(db, "route", people.operator, case_id=case_id, department=bad).kind in {"invalid", "not_found"}


def test_route_leaves_an_assignee_from_outside_the_department(db, people):
    case_id = new_case(db)
    act(db, "claim", people.operator, case_id=case_id)
    change = act(db, "route", people.operator, case_id=case_id, department="Afval")
    case = case_row(db, case_id)
    assert case.department_id == people.departments["Afval"]
    assert case.assignee_id is None
    assert change.fields["assignee"] == ["sanne", None]
    # A department agent of the new department keeps the case.
    act(db, "claim", people.agent_afval, case_id=case_id)
    other = new_case(db)
    act(db, "route", people.operator, case_id=other, department="Parkeren")
    act(db, "claim", people.agent_parkeren, case_id=other)
    act(db, "route", people.operator, case_id=other, department="Parkeren")
    assert case_row(db, other).assignee_id == people.agent_parkeren.user_id
    assert_counts_consistent(db)


# -- assign -----------------------------------------------------------------------


def test_assign_gives_a_case_to_a_colleague(db, people):
    case_id = new_case(db)
    change = act(db, "assign", people.operator, case_id=case_id, user="ahmed")
    case = case_row(db, case_id)
    assert case.assignee_id == people.operator2.user_id
    assert case.status == "open"
    assert change.fields["assignee"] == [None, "ahmed"]
    assert_counts_consistent(db)


def test_assign_to_an_unknown_user_is_not_found(db, people):
    case_id = new_case(db)
    error = refused(db, "assign", people.operator, case_id=case_id, user="nobody")
    assert error.kind == "not_found"
    assert "nobody" in error.message


def test_a_department_agent_is_assigned_only_cases_of_their_department(db, people):
    case_id = new_case(db)
    error = refused(db, "assign", people.operator, case_id=case_id, user="joost")
    assert error.kind == "invalid"
    assert "joost" in error.message
    act(db, "route", people.operator, case_id=case_id, department="Afval")
    assert refused(db, "assign", people.operator, case_id=case_id, user="pieter").kind == "invalid"
    act(db, "assign", people.operator, case_id=case_id, user="joost")
    assert case_row(db, case_id).assignee_id == people.agent_afval.user_id


def test_a_department_agent_assigns_only_within_their_department(db, people):
    case_id = new_case(db)
    act(db, "route", people.operator, case_id=case_id, department="Afval")
    error = refused(db, "assign", people.agent_afval, case_id=case_id, user="sanne")
    assert error.kind == "denied"
    act(db, "assign", people.agent_afval, case_id=case_id, user="joost")


# -- tag / untag -------------------------------------------------------------------


def test_tags_are_normalised(db, people):
    case_id = new_case(db)
    change = act(db, "tag", people.operator, case_id=case_id, tag="  Grof Vuil ")
    assert change.fields == {"tags": [None, "grof-vuil"]}
    act(db, "tag", people.operator, case_id=case_id, tag="AFVAL")
    other = new_case(db)
    act(db, "tag", people.operator, case_id=other, tag="afval")
    with db.read() as conn:
        assert sorted(conn.execute(select(TAGS.c.name)).scalars()) == ["afval", "grof-vuil"]
        detail = case_detail(conn, case_id)
    assert detail["tags"] == ["afval", "grof-vuil"]


def test_tagging_twice_changes_nothing_but_is_audited(db, people):
    case_id = new_case(db)
    act(db, "tag", people.operator, case_id=case_id, tag="afval")
    change = act(db, "tag", people.operator, case_id=case_id, tag="Afval")
    assert not change.changed
    assert count(db, CASE_TAGS) == 1


def test_an_unusable_tag_is_invalid(db, people):
    case_id = new_case(db)
    for bad in ["", "   ", "!!", "x" * 65, None, 7]:
        assert refused(db, "tag", people.operator, case_id=case_id, tag=bad).kind == "invalid", bad


def test_untag(db, people):
    case_id = new_case(db)
    act(db, "tag", people.operator, case_id=case_id, tag="afval")
    change = act(db, "untag", people.operator, case_id=case_id, tag=" AFVAL")
    assert change.fields == {"tags": ["afval", None]}
    assert count(db, CASE_TAGS) == 0
    assert count(db, TAGS) == 1  # the tag itself stays for other cases


def test_untag_of_a_tag_the_case_does_not_have_is_an_error(db, people):
    case_id = new_case(db)
    other = new_case(db)
    act(db, "tag", people.operator, case_id=other, tag="afval")
    assert refused(db, "untag", people.operator, case_id=case_id, tag="afval").kind == "invalid"
    assert refused(db, "untag", people.operator, case_id=case_id, tag="nooit-gebruikt").kind == "invalid"
    assert count(db, CASE_TAGS) == 1


# -- note -------------------------------------------------------------------------


def test_note(db, people):
    case_id = new_case(db)
    change = act(db, "note", people.operator, case_id=case_id, text="Gebeld met de burger.")
    note_id = change.created["note"]
    with db.read() as conn:
        detail = case_detail(conn, case_id)
    assert detail["notes"] == [
        {"id": note_id, "author": "sanne", "text": "Gebeld met de burger.", "created_at": detail["notes"][0]["created_at"]}
    ]


def test_an_empty_or_oversized_note_is_invalid(db, people):
    case_id = new_case(db)
    for bad in ["", "   \n\t", None, "x" * 20_001]:
        assert refused(db, "note", people.operator, case_id=case_id, text=bad).kind == "invalid", bad


def test_a_note_needs_a_person(db, people):
    case_id = new_case(db)
    assert refused(db, "note", SYSTEM, case_id=case_id, text="hallo").kind == "invalid"


# -- set_status / set_priority ------------------------------------------------------


def test_set_status_and_resolved_at(db, people):
    case_id = new_case(db)
    change = act(db, "set_status", people.operator, case_id=case_id, status="resolved")
    case = case_row(db, case_id)
    assert case.status == "resolved"
    assert case.resolved_at is not None
    assert abs(case.resolved_at - utcnow()) < timedelta(seconds=30)
    assert change.fields["status"] == ["new", "resolved"]
    resolved_at = case.resolved_at
    act(db, "set_status", people.operator, case_id=case_id, status="closed")
    assert case_row(db, case_id).resolved_at == resolved_at  # closing keeps when it was resolved
    act(db, "set_status", people.operator, case_id=case_id, status="open")
    case = case_row(db, case_id)
    assert case.status == "open" and case.resolved_at is None
    assert_counts_consistent(db)


def test_set_status_refuses_unknown_statuses(db, people):
    case_id = new_case(db)
    for bad in ["done", "", None, "NEW"]:
        assert refused(db, "set_status", people.operator, case_id=case_id, status=bad).kind == "invalid", bad


def test_a_case_cannot_become_new_again(db, people):
    case_id = new_case(db)
    act(db, "set_status", people.operator, case_id=case_id, status="open")
    assert refused(db, "set_status", people.operator, case_id=case_id, status="new").kind == "invalid"


def test_set_priority(db, people):
    case_id = new_case(db)
    change = act(db, "set_priority", people.operator, case_id=case_id, priority="urgent")
    assert case_row(db, case_id).priority == "urgent"
    assert change.fields == {"priority": ["normal", "urgent"]}
    assert refused(db, "set_priority", people.operator, case_id=case_id, priority="asap").kind == "invalid"
    assert_counts_consistent(db)


# -- draft_reply -------------------------------------------------------------------


def test_one_draft_per_user_per_case_updated_in_place(db, people):
    case_id = new_case(db, "p1")
    ingest(db, make_item("r1", in_reply_to="p1", minutes=3))
    first = act(db, "draft_reply", people.operator, case_id=case_id, text="Beste burger,")
    reply_id = first.created["reply"]
    second = act(db, "draft_reply", people.operator, case_id=case_id, text="Beste burger, we komen morgen.")
    assert second.info["reply"] == reply_id
    with db.read() as conn:
        rows = conn.execute(select(REPLIES)).all()
        latest = conn.execute(select(MESSAGES.c.id).where(MESSAGES.c.external_id == "r1")).scalar_one()
    assert len(rows) == 1
    assert rows[0].id == reply_id
    assert rows[0].text == "Beste burger, we komen morgen."
    assert rows[0].state == "draft"
    assert rows[0].in_reply_to_message_id == latest
    act(db, "draft_reply", people.operator2, case_id=case_id, text="Mijn versie")
    assert count(db, REPLIES) == 2
    with db.read() as conn:
        replies = case_detail(conn, case_id)["replies"]
    assert sorted((r["author"], r["text"]) for r in replies) == [
        ("ahmed", "Mijn versie"),
        ("sanne", "Beste burger, we komen morgen."),
    ]


def test_an_empty_draft_is_invalid(db, people):
    case_id = new_case(db)
    for bad in ["", "  ", None]:
        assert refused(db, "draft_reply", people.operator, case_id=case_id, text=bad).kind == "invalid", bad


def test_a_draft_needs_a_person(db, people):
    case_id = new_case(db)
    assert refused(db, "draft_reply", SYSTEM, case_id=case_id, text="x").kind == "invalid"


# -- merge -------------------------------------------------------------------------


def test_merge_moves_everything_and_leaves_a_pointer(db, people):
    source = new_case(db, "a1", minutes=0, text="Eerste melding")
    ingest(db, make_item("a2", in_reply_to="a1", minutes=2))
    target = new_case(db, "b1", minutes=10, text="Tweede melding")
    act(db, "claim", people.operator, case_id=source)
    act(db, "note", people.operator, case_id=source, text="notitie bij a")
    act(db, "tag", people.operator, case_id=source, tag="afval")
    act(db, "tag", people.operator, case_id=source, tag="dubbel")
    act(db, "tag", people.operator, case_id=target, tag="afval")
    act(db, "set_priority", people.operator, case_id=source, priority="high")
    act(db, "draft_reply", people.operator, case_id=source, text="concept")

    change = act(db, "merge", people.operator, case_id=source, into=target)
    assert change.case_ids == (target, source)
    assert change.info["moved_messages"] == 2

    src, tgt = case_row(db, source), case_row(db, target)
    assert src.merged_into_id == target
    assert src.status == "closed"
    assert src.message_count == 0
    assert tgt.merged_into_id is None
    assert tgt.message_count == 3
    assert tgt.priority == "high"  # the more urgent priority wins
    assert tgt.created_at == T0  # the thread now starts with the source's first message
    assert tgt.last_message_at == T0 + timedelta(minutes=10)
    assert case_messages(db, target) == ["a1", "a2", "b1"]
    assert case_messages(db, source) == []
    assert count(db, NOTES, NOTES.c.case_id == target) == 1
    assert count(db, REPLIES, REPLIES.c.case_id == target) == 1
    assert count(db, CASE_TAGS, CASE_TAGS.c.case_id == source) == 0
    with db.read() as conn:
        detail = case_detail(conn, target)
        history = case_history(conn, target)
        source_detail = case_detail(conn, source)
    assert detail["tags"] == ["afval", "dubbel"]
    assert source_detail["merged_into"] == target
    # The target's history includes what was done to the source before the merge.
    actions = [(h["action"], h["actor"]) for h in history]
    for done in ("claim", "note", "tag", "set_priority", "draft_reply"):
        assert (done, "sanne") in actions
    assert ("merge", "sanne") in actions
    assert_counts_consistent(db)


def test_merge_reopens_a_closed_target_when_the_source_is_open(db, people):
    source, target = new_case(db), new_case(db)
    act(db, "set_status", people.operator, case_id=target, status="resolved")
    act(db, "merge", people.operator, case_id=source, into=target)
    assert case_row(db, target).status == "open"
    assert_counts_consistent(db)


def test_a_target_reopened_by_merge_is_no_longer_resolved(db, people):
    source, target = new_case(db), new_case(db)
    act(db, "set_status", people.operator, case_id=target, status="resolved")
    act(db, "merge", people.operator, case_id=source, into=target)
    case = case_row(db, target)
    assert case.status == "open"
    assert case.resolved_at is None


def test_merge_refusals(db, people):
    a, b, c = new_case(db), new_case(db), new_case(db)
    assert refused(db, "merge", people.operator, case_id=a, into=a).kind == "invalid"
    assert refused(db, "merge", people.operator, case_id=a, into=9999).kind == "not_found"
    assert refused(db, "merge", people.operator, case_id=9999, into=a).kind == "not_found"
    act(db, "merge", people.operator, case_id=a, into=b)
    error = refused(db, "merge", people.operator, case_id=a, into=c)
    assert error.kind == "invalid" and str(b) in error.message  # names where it went
    assert refused(db, "merge", people.operator, case_id=c, into=a).kind == "invalid"
    # Any other action on a merged case is refused too, naming the target.
    assert str(b) in refused(db, "claim", people.operator, case_id=a).message
    act(db, "route", people.operator, case_id=c, department="Afval")
    assert refused(db, "merge", people.agent_parkeren, case_id=c, into=b).kind == "denied"


def test_history_follows_a_chain_of_merges(db, people):
    a, b, c = new_case(db), new_case(db), new_case(db)
    act(db, "note", people.operator, case_id=a, text="over a")
    act(db, "merge", people.operator, case_id=a, into=b)
    act(db, "merge", people.operator, case_id=b, into=c)
    with db.read() as conn:
        notes = [h for h in case_history(conn, c) if h["action"] == "note"]
    assert len(notes) == 1


# -- split -------------------------------------------------------------------------


def test_split_moves_a_message_into_a_case_of_its_own(db, people):
    case_id = new_case(db, "p1", text="over afval")
    ingest(db, make_item("r1", in_reply_to="p1", minutes=5, text="en iets heel anders", author={"name": "Ander"}))
    act(db, "route", people.operator, case_id=case_id, department="Afval")
    with db.read() as conn:
        msg_id = conn.execute(select(MESSAGES.c.id).where(MESSAGES.c.external_id == "r1")).scalar_one()
    change = act(db, "split", people.operator, message_id=msg_id)
    new_id = change.created["case"]
    assert change.case_ids == (case_id, new_id)
    assert case_messages(db, new_id) == ["r1"]
    assert case_messages(db, case_id) == ["p1"]
    old, new = case_row(db, case_id), case_row(db, new_id)
    assert old.message_count == 1 and new.message_count == 1
    assert old.snippet == "over afval"
    assert old.last_message_at == T0
    assert new.snippet == "en iets heel anders"
    assert new.author_label == "Ander"
    assert new.created_at == T0 + timedelta(minutes=5)
    assert new.status == "open"
    assert new.merged_into_id is None
    assert new.department_id == people.departments["Afval"]
    assert_counts_consistent(db)


def test_the_only_message_cannot_be_split_off(db, people):
    new_case(db, "p1")
    with db.read() as conn:
        msg_id = conn.execute(select(MESSAGES.c.id)).scalar_one()
    error = refused(db, "split", people.operator, message_id=msg_id)
    assert error.kind == "invalid"
    assert refused(db, "split", people.operator, message_id=msg_id + 100).kind == "not_found"
    assert refused(db, "split", people.operator, message_id="1").kind == "invalid"


# -- people and departments ------------------------------------------------------------


def test_setup_is_open_until_an_admin_exists(db):
    act(db, "add_department", SYSTEM, name="Afval")
    act(db, "add_user", SYSTEM, name="sanne", role="operator")
    act(db, "add_user", SYSTEM, name="beheer", role="admin")
    error = refused(db, "add_user", SYSTEM, name="ahmed", role="operator")
    assert error.kind == "denied" and "--as" in error.message
    assert refused(db, "add_user", resolve_actor(db, "sanne"), name="ahmed", role="operator").kind == "denied"
    assert refused(db, "add_department", SYSTEM, name="Parkeren").kind == "denied"
    admin = resolve_actor(db, "beheer")
    act(db, "add_user", admin, name="ahmed", role="operator")
    act(db, "add_department", admin, name="Parkeren")


def test_add_user_and_department_validation(db, people):
    admin = people.admin
    assert refused(db, "add_department", admin, name="AFVAL").kind == "conflict"
    assert refused(db, "add_department", admin, name="  ").kind == "invalid"
    assert refused(db, "add_user", admin, name="sanne", role="operator").kind == "conflict"
    assert refused(db, "add_user", admin, name="Hoofd Letters", role="operator").kind == "invalid"
    assert refused(db, "add_user", admin, name="kees", role="baas").kind == "invalid"
    assert refused(db, "add_user", admin, name="kees", role="department_agent").kind == "invalid"
    assert refused(db, "add_user", admin, name="kees", role="department_agent", department="Nergens").kind == "not_found"


def test_unknown_and_inactive_users(db, people):
    with pytest.raises(ActionError) as caught:
        resolve_actor(db, "nobody")
    assert caught.value.kind == "not_found" and "nobody" in caught.value.message
    users = User.__table__
    with db.transaction() as conn:
        conn.execute(update(users).where(users.c.name == "ahmed").values(active=False))
    with pytest.raises(ActionError) as caught:
        resolve_actor(db, "ahmed")
    assert caught.value.kind == "denied"
    case_id = new_case(db)
    assert refused(db, "assign", people.operator, case_id=case_id, user="ahmed").kind == "invalid"


def test_unknown_action_is_refused():
    with pytest.raises(ActionError):
        perform(None, "does_not_exist", SYSTEM)  # type: ignore[arg-type]


def test_every_action_writes_exactly_one_audit_row(db, people):
    """One pass over every action; `act` checks the single ok row each time."""
    a = new_case(db, "a1")
    ingest(db, make_item("a2", in_reply_to="a1", minutes=1))
    b = new_case(db, "b1")
    op = people.operator
    act(db, "claim", op, case_id=a)
    act(db, "release", op, case_id=a)
    act(db, "route", op, case_id=a, department="Afval")
    act(db, "assign", op, case_id=a, user="joost")
    act(db, "tag", op, case_id=a, tag="x")
    act(db, "untag", op, case_id=a, tag="x")
    act(db, "note", op, case_id=a, text="n")
    act(db, "set_status", op, case_id=a, status="waiting_on_citizen")
    act(db, "set_priority", op, case_id=a, priority="low")
    act(db, "draft_reply", op, case_id=a, text="d")
    with db.read() as conn:
        msg = conn.execute(select(MESSAGES.c.id).where(MESSAGES.c.external_id == "a2")).scalar_one()
    act(db, "split", op, message_id=msg)
    act(db, "merge", op, case_id=b, into=a)
    before = audit_count(db)
    ingest(db, make_item("c1"), actor=SYSTEM)
    assert audit_count(db) == before + 1
    assert_counts_consistent(db)


def test_one_draft_per_user_per_case_also_after_a_merge(db, people):
    a, b = new_case(db), new_case(db)
    act(db, "draft_reply", people.operator, case_id=a, text="concept voor a")
    act(db, "draft_reply", people.operator, case_id=b, text="concept voor b")
    act(db, "merge", people.operator, case_id=a, into=b)
    act(db, "draft_reply", people.operator, case_id=b, text="nieuw concept")
    with db.read() as conn:
        drafts = conn.execute(
            select(REPLIES.c.text).where(REPLIES.c.case_id == b, REPLIES.c.author_user_id == people.operator.user_id,
                                         REPLIES.c.state == "draft")
        ).scalars().all()
    assert drafts == ["nieuw concept"]


def test_importing_the_actions_package_registers_nothing_until_an_action_is_performed(tmp_path):
    """A desk's start imports `newsroom.actions` without the action modules; the first
    `perform` of any name finds it all the same, and an unknown name is still refused."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsroom.actions import SYSTEM, ActionError, perform\n"
        "from pathlib import Path\nfrom newsroom.config import open_location\n"
        "print(sorted(m for m in sys.modules if m.startswith('newsroom.actions.') and m != 'newsroom.actions.base'))\n"
        f"db = open_location(Path({str(tmp_path)!r}))\n"
        "perform(db, 'add_user', SYSTEM, name='anna', role='operator', display_name='Anna')\n"
        "try:\n"
        "    perform(db, 'no_such_action', SYSTEM)\n"
        "except ActionError as error:\n"
        "    print(error.kind)\n"
        "db.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, refused_kind = done.stdout.split()[:-1], done.stdout.split()[-1]
    assert "newsroom.actions.cases" not in " ".join(before)
    assert refused_kind == "invalid"
    from newsroom.config import open_location

    db = open_location(tmp_path)
    try:
        with db.read() as conn:
            assert conn.execute(select(User.display_name).where(User.name == "anna")).scalar_one() == "Anna"
    finally:
        db.close()
