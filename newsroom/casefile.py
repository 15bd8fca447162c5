"""A case in full: its fields, its whole thread across channels, notes, replies and history.

The same shape serves `newsroom case show`, the export and the desktop's
case pane.
"""
from __future__ import annotations

import json

from sqlalchemy import Connection, select

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
    details = case_details(conn, [case_id], names=names, with_history=with_history)
    if not details:
        raise CaseNotFound(f"There is no case {case_id}.")
    return details[0]


def _grouped(rows, key: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for row in rows:
        out.setdefault(getattr(row, key), []).append(row)
    return out


def case_details(conn: Connection, case_ids: list[int], *, names: Directory | None = None, with_history: bool = True) -> list[dict]:
    """Several cases in full, in the given order, with one query per kind of record (for export)."""
    names = names or Directory(conn)
    cases = {row.id: row for row in conn.execute(select(CASES).where(CASES.c.id.in_(case_ids)))}
    if not cases:
        return []
    ids = list(cases)
    messages = _grouped(
        conn.execute(select(MESSAGES).where(MESSAGES.c.case_id.in_(ids)).order_by(MESSAGES.c.received_at, MESSAGES.c.id)), "case_id"
    )
    tags: dict[int, list[str]] = {}
    for case_id, name in conn.execute(
        select(CASE_TAGS.c.case_id, TAGS.c.name).join(TAGS, TAGS.c.id == CASE_TAGS.c.tag_id).where(CASE_TAGS.c.case_id.in_(ids)).order_by(TAGS.c.name)
    ):
        tags.setdefault(case_id, []).append(name)
    notes = _grouped(conn.execute(select(NOTES).where(NOTES.c.case_id.in_(ids)).order_by(NOTES.c.created_at, NOTES.c.id)), "case_id")
    replies = _grouped(conn.execute(select(REPLIES).where(REPLIES.c.case_id.in_(ids)).order_by(REPLIES.c.created_at, REPLIES.c.id)), "case_id")
    history = _histories(conn, ids) if with_history else {}
    out = []
    for case_id in case_ids:
        case = cases.get(case_id)
        if case is None:
            continue
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
            "tags": tags.get(case_id, []),
            "messages": [message_dict(m, names) for m in messages.get(case_id, [])],
            "notes": [
                {"id": n.id, "author": names.users.get(n.author_user_id), "text": n.text, "created_at": to_iso(n.created_at)}
                for n in notes.get(case_id, [])
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
                for r in replies.get(case_id, [])
            ],
        }
        if with_history:
            detail["history"] = history.get(case_id, [])
        out.append(detail)
    return out


def _audit_dict(r) -> dict:
    return {
        "at": to_iso(r.at),
        "actor": r.actor_name,
        "action": r.action,
        "result": r.result,
        "origin": r.origin,
        "detail": json.loads(r.detail),
    }


def _histories(conn: Connection, ids: list[int]) -> dict[int, list[dict]]:
    """History per case, a merged case's entries shown with the case it went into."""
    owner = {case_id: case_id for case_id in ids}
    frontier = list(ids)
    while frontier:  # a case merged into a case that was merged in turn
        found = conn.execute(select(CASES.c.id, CASES.c.merged_into_id).where(CASES.c.merged_into_id.in_(frontier))).all()
        frontier = [merged_id for merged_id, _ in found if merged_id not in owner]
        for merged_id, target in found:
            owner.setdefault(merged_id, owner[target])
    out: dict[int, list[dict]] = {}
    for row in conn.execute(select(AUDIT).where(AUDIT.c.case_id.in_(list(owner))).order_by(AUDIT.c.id)):
        out.setdefault(owner[row.case_id], []).append(_audit_dict(row))
    return out


def case_history(conn: Connection, case_id: int) -> list[dict]:
    """Every audited action on the case, including those on cases merged into it, oldest first."""
    return _histories(conn, [case_id]).get(case_id, [])
