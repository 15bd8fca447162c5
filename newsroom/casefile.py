"""A case in full: its fields, its whole thread across channels, notes, replies and history.

The same shape serves `newsroom case show`, the export and the desktop's
case pane.
"""
from __future__ import annotations

import json

from sqlalchemy import Connection, select

from newsroom.inbox import CASE_TAGS, CASES, MESSAGES, TAGS, Directory
from newsroom.model import AuditEntry, IncidentMember, Note, Reply, RoutingRule
from newsroom.targets.clocks import decode, describe
from newsroom.timeutil import to_iso, utcnow

NOTES = Note.__table__
REPLIES = Reply.__table__
AUDIT = AuditEntry.__table__
MEMBERS = IncidentMember.__table__
RULES = RoutingRule.__table__


def clock_fields(clocks_json: str | None, now_s: int) -> dict:
    """The case's clocks for people (see newsroom/targets/clocks.describe) and the due times they imply."""
    clocks = [describe(c, now_s) for c in decode(clocks_json)]

    def due_of(kind: str, running_only: bool = False):
        found = [c for c in clocks if c["clock"] == kind and (not running_only or c["state"] == "running")]
        return found[-1]["due"] if found else None

    return {
        "clocks": clocks,
        "first_response_due_at": due_of("first_response"),
        "next_response_due_at": due_of("next_response", running_only=True),
        "resolution_due_at": due_of("resolution"),
        "warning": max((c["warning"] for c in clocks if c["state"] in ("running", "paused")), default=0),
    }


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
    incidents: dict[int, set[int]] = {}
    for case_id, incident_id in conn.execute(select(MEMBERS.c.case_id, MEMBERS.c.incident_id).where(MEMBERS.c.case_id.in_(ids))):
        incidents.setdefault(case_id, set()).add(incident_id)
    rule_ids = {c.rule_id for c in cases.values() if c.rule_id is not None}
    rules = {r.id: r.name for r in conn.execute(select(RULES.c.id, RULES.c.name).where(RULES.c.id.in_(rule_ids)))} if rule_ids else {}
    now_s = int(utcnow().timestamp())
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
            **clock_fields(case.clocks, now_s),
            "at_risk": case.risk_at is not None and case.risk_at.timestamp() <= now_s and case.merged_into_id is None
            and case.status in ("new", "open", "handed_off", "waiting_on_citizen"),
            "routed_by_rule": None if case.rule_id is None else {"id": case.rule_id, "name": rules.get(case.rule_id)},
            "incidents": sorted(incidents.get(case_id, ())),
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
                    "kind": r.kind,
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
