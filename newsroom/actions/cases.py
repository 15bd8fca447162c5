"""What people do to a case: claim, release, route, assign, tag, note, status, reply draft, merge, split."""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import delete, insert, select, update

from newsroom.actions.base import ActionError, Change, Tx, action
from newsroom.actions.common import (
    CASES,
    MANAGING_ROLES,
    MESSAGES,
    TAGS,
    USERS,
    check_reply_text,
    department_by_name,
    latest_inbound,
    load_case,
    refresh_summary,
    require_role,
    set_case_fields,
    user_by_name,
)
from newsroom.actions.targets import record_event, refresh_clocks
from newsroom.db.derived import count_new_cases
from newsroom.db.ids import reserve_ids
from newsroom.model import CaseStatus, CaseTag, Note, Priority, Reply, ReplyState, Role

CASE_TAGS = CaseTag.__table__
NOTES = Note.__table__
REPLIES = Reply.__table__

MAX_NOTE_CHARS = 20_000
STATUSES = tuple(s.value for s in CaseStatus)
PRIORITIES = tuple(p.value for p in Priority)
_TAG_OK = re.compile(r"^[\w][\w\-/.+#&]*$")


def _user_name(tx: Tx, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return tx.conn.execute(select(USERS.c.name).where(USERS.c.id == user_id)).scalar()


def _named(tx: Tx, fields: dict) -> dict:
    """Audit and show people by name, not by id."""
    if "assignee_id" in fields:
        old, new = fields.pop("assignee_id")
        fields["assignee"] = [_user_name(tx, old), _user_name(tx, new)]
    if "department_id" in fields:
        from newsroom.actions.common import DEPARTMENTS

        names = [
            None if d is None else tx.conn.execute(select(DEPARTMENTS.c.name).where(DEPARTMENTS.c.id == d)).scalar()
            for d in fields.pop("department_id")
        ]
        fields["department"] = names
    return fields


def _opened(case) -> dict:
    """Picking up a new case opens it."""
    return {"status": CaseStatus.open.value} if case.status == CaseStatus.new.value else {}


def _require_person(tx: Tx, template: str) -> None:
    if tx.actor.is_system:
        raise ActionError(template, kind="invalid")


@action("claim")
def claim(tx: Tx, case_id: int) -> Change:
    """Take a case: it becomes yours unless a colleague already has it."""
    _require_person(tx, "Say who you are to claim a case (--as USER).")
    case = load_case(tx, case_id)
    if case.assignee_id not in (None, tx.actor.user_id):
        holder = _user_name(tx, case.assignee_id)
        raise ActionError(
            "Case {case_id} is already claimed by {holder} (since {since:%Y-%m-%d %H:%M} UTC).",
            case_id=case_id,
            holder=holder,
            since=case.updated_at,
            kind="conflict",
            object_id=case_id,
        )
    fields = set_case_fields(tx, case, assignee_id=tx.actor.user_id, **_opened(case))
    return Change("claim", "case", case_id, (case_id,), _named(tx, fields))


@action("release")
def release(tx: Tx, case_id: int) -> Change:
    """Give a case back to its queue."""
    case = load_case(tx, case_id)
    if case.assignee_id is None:
        raise ActionError("Case {case_id} is not claimed by anyone.", kind="invalid", object_id=case_id, case_id=case_id)
    if case.assignee_id != tx.actor.user_id:
        require_role(
            tx, MANAGING_ROLES, "{actor} ({role}) may not release case {case_id}, which {holder} holds.",
            object_id=case_id, case_id=case_id, holder=_user_name(tx, case.assignee_id),
        )
    fields = set_case_fields(tx, case, assignee_id=None)
    return Change("release", "case", case_id, (case_id,), _named(tx, fields))


@action("route")
def route(tx: Tx, case_id: int, department: str) -> Change:
    """Send a case to a department's queue; it leaves the current assignee."""
    case = load_case(tx, case_id)
    dept = department_by_name(tx, department)
    values: dict = {"department_id": dept.id}
    if case.department_id != dept.id and case.assignee_id is not None:
        assignee_dept = tx.conn.execute(select(USERS.c.department_id).where(USERS.c.id == case.assignee_id)).scalar()
        if assignee_dept != dept.id:
            values["assignee_id"] = None
    fields = set_case_fields(tx, case, **values)
    return Change("route", "case", case_id, (case_id,), _named(tx, fields))


@action("assign")
def assign(tx: Tx, case_id: int, user: str) -> Change:
    """Give a case to a named colleague."""
    case = load_case(tx, case_id)
    person = user_by_name(tx, user)
    if not person.active:
        raise ActionError("{user} is no longer active.", kind="invalid", object_id=case_id, user=user)
    if person.role == Role.department_agent.value and person.department_id != case.department_id:
        raise ActionError(
            "{user} works in another department; route case {case_id} there first.", kind="invalid", object_id=case_id,
            user=user, case_id=case_id,
        )
    if tx.actor.role == Role.department_agent.value and person.department_id != tx.actor.department_id:
        raise ActionError("{actor} may only assign within their own department.", kind="denied", object_id=case_id, actor=tx.actor.name)
    fields = set_case_fields(tx, case, assignee_id=person.id, **_opened(case))
    return Change("assign", "case", case_id, (case_id,), _named(tx, fields))


def normalize_tag(name: str) -> str:
    """Tags are compared folded: 'Afval ' and 'afval' are the same tag."""
    if not isinstance(name, str):
        raise ActionError("A tag must be text.", kind="invalid")
    tag = unicodedata.normalize("NFC", name).strip().lower().replace(" ", "-")
    if not tag or len(tag) > 64 or not _TAG_OK.match(tag):
        raise ActionError(
            "{name!r} is not a usable tag: use letters, digits and - / . + # & (at most 64 characters).", kind="invalid", name=name
        )
    return tag


@action("tag")
def tag(tx: Tx, case_id: int, tag: str) -> Change:
    """Put a tag on a case (created on first use)."""
    case = load_case(tx, case_id)
    name = normalize_tag(tag)
    tag_id = tx.conn.execute(select(TAGS.c.id).where(TAGS.c.name == name)).scalar()
    if tag_id is None:
        tag_id = tx.conn.execute(insert(TAGS).values(name=name).returning(TAGS.c.id)).scalar_one()
    present = tx.conn.execute(
        select(CASE_TAGS.c.tag_id).where(CASE_TAGS.c.case_id == case.id, CASE_TAGS.c.tag_id == tag_id)
    ).first()
    if present:
        return Change("tag", "case", case_id, (case_id,))
    tx.conn.execute(insert(CASE_TAGS).values(case_id=case.id, tag_id=tag_id))
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(updated_at=tx.now))
    record_event(tx, case.id, "tag", name)
    refresh_clocks(tx, [case.id])
    return Change("tag", "case", case_id, (case_id,), {"tags": [None, name]})


@action("untag")
def untag(tx: Tx, case_id: int, tag: str) -> Change:
    """Take a tag off a case."""
    case = load_case(tx, case_id)
    name = normalize_tag(tag)
    tag_id = tx.conn.execute(select(TAGS.c.id).where(TAGS.c.name == name)).scalar()
    removed = 0
    if tag_id is not None:
        removed = tx.conn.execute(
            delete(CASE_TAGS).where(CASE_TAGS.c.case_id == case.id, CASE_TAGS.c.tag_id == tag_id)
        ).rowcount
    if not removed:
        raise ActionError("Case {case_id} has no tag {tag!r}.", kind="invalid", object_id=case_id, case_id=case_id, tag=name)
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(updated_at=tx.now))
    record_event(tx, case.id, "untag", name)
    refresh_clocks(tx, [case.id])
    return Change("untag", "case", case_id, (case_id,), {"tags": [name, None]})


@action("note")
def note(tx: Tx, case_id: int, text: str) -> Change:
    """Add an internal note (colleagues see it; the citizen never does)."""
    _require_person(tx, "Say who you are to write a note (--as USER).")
    case = load_case(tx, case_id)
    if not isinstance(text, str) or not text.strip():
        raise ActionError("A note needs some text.", kind="invalid", object_id=case_id)
    if len(text) > MAX_NOTE_CHARS:
        raise ActionError("A note can be at most {limit} characters.", kind="invalid", object_id=case_id, limit=MAX_NOTE_CHARS)
    note_id = tx.conn.execute(
        insert(NOTES).values(case_id=case.id, author_user_id=tx.actor.user_id, text=text, created_at=tx.now).returning(NOTES.c.id)
    ).scalar_one()
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(updated_at=tx.now))
    return Change("note", "case", case_id, (case_id,), created={"note": note_id})


@action("set_status")
def set_status(tx: Tx, case_id: int, status: str) -> Change:
    """Move a case to another status (open, waiting_on_citizen, handed_off, resolved, closed)."""
    case = load_case(tx, case_id)
    if status not in STATUSES:
        raise ActionError("{status!r} is not a status; use one of {choices}.", kind="invalid", object_id=case_id, status=status, choices=", ".join(STATUSES))
    if status == CaseStatus.new.value and case.status != CaseStatus.new.value:
        raise ActionError("A case cannot become new again; use open.", kind="invalid", object_id=case_id)
    values: dict = {"status": status}
    if status == CaseStatus.resolved.value and case.status != status:
        values["resolved_at"] = tx.now
    elif status != CaseStatus.closed.value and case.resolved_at is not None and status != CaseStatus.resolved.value:
        values["resolved_at"] = None
    fields = set_case_fields(tx, case, **values)
    if "status" in fields:
        record_event(tx, case.id, "status", status)
        refresh_clocks(tx, [case.id])
    return Change("set_status", "case", case_id, (case_id,), fields)


@action("set_priority")
def set_priority(tx: Tx, case_id: int, priority: str) -> Change:
    """Change how urgent a case is (low, normal, high, urgent)."""
    case = load_case(tx, case_id)
    if priority not in PRIORITIES:
        raise ActionError("{priority!r} is not a priority; use one of {choices}.", kind="invalid", object_id=case_id, priority=priority, choices=", ".join(PRIORITIES))
    fields = set_case_fields(tx, case, priority=priority)
    if fields:
        record_event(tx, case.id, "priority", {"from": case.priority, "to": priority})
        refresh_clocks(tx, [case.id])
    return Change("set_priority", "case", case_id, (case_id,), fields)


@action("draft_reply")
def draft_reply(tx: Tx, case_id: int, text: str) -> Change:
    """Write (or rewrite) your draft answer to the citizen; nothing is sent."""
    _require_person(tx, "Say who you are to draft a reply (--as USER).")
    case = load_case(tx, case_id)
    check_reply_text(text, case_id)
    latest_in = latest_inbound(tx, case.id)
    channel_id = latest_in.channel_id if latest_in else case.channel_id
    existing = tx.conn.execute(
        select(REPLIES.c.id).where(
            REPLIES.c.case_id == case.id,
            REPLIES.c.author_user_id == tx.actor.user_id,
            REPLIES.c.state == ReplyState.draft.value,
        )
    ).scalar()
    values = dict(text=text, channel_id=channel_id, in_reply_to_message_id=latest_in.id if latest_in else None, updated_at=tx.now)
    if existing is not None:
        tx.conn.execute(update(REPLIES).where(REPLIES.c.id == existing).values(**values))
        return Change("draft_reply", "case", case_id, (case_id,), {"draft": [existing, existing]}, info={"reply": existing})
    reply_id = tx.conn.execute(
        insert(REPLIES)
        .values(case_id=case.id, author_user_id=tx.actor.user_id, state=ReplyState.draft.value, created_at=tx.now, **values)
        .returning(REPLIES.c.id)
    ).scalar_one()
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(updated_at=tx.now))
    return Change("draft_reply", "case", case_id, (case_id,), created={"reply": reply_id})


@action("merge")
def merge(tx: Tx, case_id: int, into: int) -> Change:
    """Merge case `case_id` into case `into`: one conversation about one thing.

    Messages, notes, replies and tags move; the merged case stays as a
    closed pointer to `into`, so links and the audit trail keep working.
    """
    if case_id == into:
        raise ActionError("A case cannot be merged into itself.", kind="invalid", object_id=case_id)
    source = load_case(tx, case_id)
    target = load_case(tx, into)
    conn = tx.conn
    moved = conn.execute(update(MESSAGES).where(MESSAGES.c.case_id == source.id).values(case_id=target.id)).rowcount
    conn.execute(update(NOTES).where(NOTES.c.case_id == source.id).values(case_id=target.id))
    _merge_drafts(tx, source.id, target.id)
    conn.execute(update(REPLIES).where(REPLIES.c.case_id == source.id).values(case_id=target.id))
    target_tags = select(CASE_TAGS.c.tag_id).where(CASE_TAGS.c.case_id == target.id)
    new_tags = conn.execute(
        select(CASE_TAGS.c.tag_id).where(CASE_TAGS.c.case_id == source.id, CASE_TAGS.c.tag_id.not_in(target_tags))
    ).scalars().all()
    if new_tags:
        conn.execute(insert(CASE_TAGS), [{"case_id": target.id, "tag_id": t} for t in new_tags])
        # The clocks see the moved tags arrive now, not as always there.
        for name in conn.execute(select(TAGS.c.name).where(TAGS.c.id.in_(new_tags))).scalars():
            record_event(tx, target.id, "tag", name)
    conn.execute(delete(CASE_TAGS).where(CASE_TAGS.c.case_id == source.id))
    conn.execute(
        update(CASES)
        .where(CASES.c.id == source.id)
        .values(merged_into_id=target.id, status=CaseStatus.closed.value, message_count=0, updated_at=tx.now,
                clocks=None, due_at=None, risk_at=None, alert_at=None)
    )
    # The more urgent priority and an open status win: nothing falls through.
    values: dict = {}
    if PRIORITIES.index(source.priority) > PRIORITIES.index(target.priority):
        values["priority"] = source.priority
    if target.status in (CaseStatus.resolved.value, CaseStatus.closed.value) and source.status not in (
        CaseStatus.resolved.value,
        CaseStatus.closed.value,
    ):
        values["status"] = CaseStatus.open.value
        values["resolved_at"] = None
    fields = set_case_fields(tx, target, **values)
    if "priority" in fields:
        record_event(tx, target.id, "priority", {"from": target.priority, "to": values["priority"]})
    if "status" in fields:
        record_event(tx, target.id, "status", values["status"])
    refresh_summary(tx, target.id)
    refresh_clocks(tx, [target.id])
    fields["merged"] = [None, source.id]
    return Change("merge", "case", target.id, (target.id, source.id), fields, info={"moved_messages": moved})


def _merge_drafts(tx: Tx, source_id: int, target_id: int) -> None:
    """One draft per person per case: a person's draft on the merged case is
    appended to their draft on the target, so no text is lost."""
    drafts = tx.conn.execute(
        select(REPLIES.c.id, REPLIES.c.case_id, REPLIES.c.author_user_id, REPLIES.c.text)
        .where(REPLIES.c.case_id.in_([source_id, target_id]), REPLIES.c.state == ReplyState.draft.value)
        .order_by(REPLIES.c.id)
    ).all()
    kept = {d.author_user_id: d for d in drafts if d.case_id == target_id}
    for draft in drafts:
        if draft.case_id != source_id or draft.author_user_id not in kept:
            continue
        into = kept[draft.author_user_id]
        tx.conn.execute(
            update(REPLIES).where(REPLIES.c.id == into.id).values(text=f"{into.text}\n\n{draft.text}", updated_at=tx.now)
        )
        tx.conn.execute(delete(REPLIES).where(REPLIES.c.id == draft.id))


@action("split")
def split(tx: Tx, message_id: int) -> Change:
    """Move one message out of its case into a case of its own."""
    if isinstance(message_id, bool) or not isinstance(message_id, int):
        raise ActionError("Message number must be a whole number, not {value!r}.", kind="invalid", object_type="message", value=message_id)
    msg = tx.conn.execute(select(MESSAGES).where(MESSAGES.c.id == message_id)).first()
    if msg is None:
        raise ActionError("There is no message {message_id}.", kind="not_found", object_type="message", object_id=message_id, message_id=message_id)
    case = load_case(tx, msg.case_id)
    if case.message_count <= 1:
        raise ActionError(
            "Message {message_id} is the only message of case {case_id}; there is nothing to split off.",
            message_id=message_id,
            case_id=case.id,
            kind="invalid",
            object_type="message",
            object_id=message_id,
        )
    new_id = reserve_ids(tx.conn, CASES, 1)[0]
    tx.conn.execute(
        insert(CASES)
        .values(
            id=new_id,
            status=CaseStatus.open.value,
            priority=case.priority,
            department_id=case.department_id,
            channel_id=msg.channel_id,
            created_at=msg.received_at,
            last_message_at=msg.received_at,
            updated_at=tx.now,
        )
    )
    count_new_cases(tx.conn, [new_id])
    tx.conn.execute(update(MESSAGES).where(MESSAGES.c.id == message_id).values(case_id=new_id))
    refresh_summary(tx, new_id)
    refresh_summary(tx, case.id)
    refresh_clocks(tx, [case.id, new_id])
    return Change("split", "message", message_id, (case.id, new_id), {"case": [case.id, new_id]}, created={"case": new_id})
