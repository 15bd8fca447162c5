"""A case in full: its fields, its whole thread across channels, notes, replies and history.

The same shape serves `newsroom case show`, the export and the desktop's
case pane.
"""
from __future__ import annotations

import json

from sqlalchemy import Connection, or_, select

from newsroom.inbox import CASE_TAGS, CASES, MESSAGES, TAGS, Directory
from newsroom.model import AuditEntry, Note, Reply
from newsroom.timeutil import to_iso

NOTES = Note.__table__
REPLIES = Reply.__table__
AUDIT = AuditEntry.__table__


class CaseNotFound(LookupError):
    pass


def _loads(value: str | None):
    return None if value is None else json.loads(value)


def message_dict(row, names: Directory) -> dict:
    platform, account = names.channels.get(row.channel_id, ("other", ""))
    return {
        "id": row.id,
        "external_id": row.external_id,
        "platform": platform,
        "channel": account,
        "direction": row.direction,
        "author": {
            k: v
            for k, v in (
                ("id", row.author_id),
                ("handle", row.author_handle),
                ("name", row.author_name),
                ("email", row.author_email),
                ("phone", row.author_phone),
            )
            if v is not None
        },
        "text": row.text,
        "subject": row.subject,
        "received_at": to_iso(row.received_at),
        "ingested_at": to_iso(row.ingested_at),
        "in_reply_to": row.in_reply_to,
        "thread_id": row.thread_id,
        "url": row.url,
        "language": row.language,
        "category": row.category,
        "location": _loads(row.location),
        "metrics": _loads(row.metrics),
    }


def case_detail(conn: Connection, case_id: int, *, names: Directory | None = None, with_history: bool = True) -> dict:
    """Everything about one case as plain data; CaseNotFound if there is no such case."""
    names = names or Directory(conn)
    case = conn.execute(select(CASES).where(CASES.c.id == case_id)).first()
    if case is None:
        raise CaseNotFound(f"There is no case {case_id}.")
    messages = conn.execute(
        select(MESSAGES).where(MESSAGES.c.case_id == case_id).order_by(MESSAGES.c.received_at, MESSAGES.c.id)
    ).all()
    tags = conn.execute(
        select(TAGS.c.name).join(CASE_TAGS, CASE_TAGS.c.tag_id == TAGS.c.id).where(CASE_TAGS.c.case_id == case_id).order_by(TAGS.c.name)
    ).scalars().all()
    notes = conn.execute(select(NOTES).where(NOTES.c.case_id == case_id).order_by(NOTES.c.created_at, NOTES.c.id)).all()
    replies = conn.execute(select(REPLIES).where(REPLIES.c.case_id == case_id).order_by(REPLIES.c.created_at, REPLIES.c.id)).all()
    platform, account = names.channels.get(case.channel_id, ("other", ""))
    detail = {
        "id": case.id,
        "status": case.status,
        "priority": case.priority,
        "department": names.departments.get(case.department_id),
        "assignee": names.users.get(case.assignee_id),
        "platform": platform,
        "channel": account,
        "author": case.author_label,
        "subject": case.subject,
        "merged_into": case.merged_into_id,
        "message_count": case.message_count,
        "created_at": to_iso(case.created_at),
        "last_message_at": to_iso(case.last_message_at),
        "updated_at": to_iso(case.updated_at),
        "due_at": to_iso(case.due_at),
        "first_response_due_at": to_iso(case.first_response_due_at),
        "next_response_due_at": to_iso(case.next_response_due_at),
        "resolution_due_at": to_iso(case.resolution_due_at),
        "first_responded_at": to_iso(case.first_responded_at),
        "resolved_at": to_iso(case.resolved_at),
        "tags": list(tags),
        "messages": [message_dict(m, names) for m in messages],
        "notes": [
            {"id": n.id, "author": names.users.get(n.author_user_id), "text": n.text, "created_at": to_iso(n.created_at)}
            for n in notes
        ],
        "replies": [
            {
                "id": r.id,
                "author": names.users.get(r.author_user_id),
                "state": r.state,
                "text": r.text,
                "failure_reason": r.failure_reason,
                "created_at": to_iso(r.created_at),
                "updated_at": to_iso(r.updated_at),
            }
            for r in replies
        ],
    }
    if with_history:
        detail["history"] = case_history(conn, case_id)
    return detail


def case_history(conn: Connection, case_id: int) -> list[dict]:
    """Every audited action on the case, including those on cases merged into it, oldest first."""
    merged = conn.execute(select(CASES.c.id).where(CASES.c.merged_into_id == case_id)).scalars().all()
    rows = conn.execute(
        select(AUDIT)
        .where(or_(AUDIT.c.case_id == case_id, AUDIT.c.case_id.in_(merged) if merged else False))
        .order_by(AUDIT.c.id)
    ).all()
    return [
        {
            "at": to_iso(r.at),
            "actor": r.actor_name,
            "action": r.action,
            "result": r.result,
            "origin": r.origin,
            "detail": json.loads(r.detail),
        }
        for r in rows
    ]
