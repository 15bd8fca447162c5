"""Pieces the actions share: loading a case, writing fields, case summaries, permissions."""
from __future__ import annotations

import re

from sqlalchemy import bindparam, func, insert, select, update

from newsroom.actions.base import ActionError, Tx
from newsroom.model import (
    OPEN_STATUS_VALUES,
    Case,
    Channel,
    Department,
    Message,
    Role,
    Tag,
    User,
)

CASES = Case.__table__
MESSAGES = Message.__table__
CHANNELS = Channel.__table__
DEPARTMENTS = Department.__table__
USERS = User.__table__
TAGS = Tag.__table__

SNIPPET_CHARS = 160
_SPACE = re.compile(r"\s+")

# Roles that work on every case; a department agent works on their department's.
ALL_CASES_ROLES = frozenset({Role.operator.value, Role.contact_centre.value, Role.supervisor.value, Role.admin.value})
MANAGING_ROLES = frozenset({Role.supervisor.value, Role.admin.value})


def snippet(text: str) -> str:
    """The first words of a message, whitespace collapsed, for the inbox row."""
    head = text[: SNIPPET_CHARS * 4]
    return _SPACE.sub(" ", head).strip()[:SNIPPET_CHARS]


def load_case(tx: Tx, case_id: int, *, for_change: bool = True):
    """The case row, or ActionError; a merged case names where it went."""
    if isinstance(case_id, bool) or not isinstance(case_id, int):
        raise ActionError("Case number must be a whole number, not {value!r}.", kind="invalid", value=case_id)
    row = tx.conn.execute(select(CASES).where(CASES.c.id == case_id)).first()
    if row is None:
        raise ActionError("There is no case {case_id}.", kind="not_found", object_id=case_id, case_id=case_id)
    if for_change and row.merged_into_id is not None:
        raise ActionError(
            "Case {case_id} was merged into case {target}; work on that case.",
            kind="invalid",
            object_id=case_id,
            case_id=case_id,
            target=row.merged_into_id,
        )
    if for_change:
        require_case_access(tx, row)
    return row


def require_case_access(tx: Tx, case) -> None:
    actor = tx.actor
    if actor.is_system or actor.role in ALL_CASES_ROLES:
        return
    if actor.role == Role.department_agent.value and case.department_id is not None and case.department_id == actor.department_id:
        return
    raise ActionError(
        "{actor} works in another department and cannot change case {case_id}.",
        kind="denied",
        object_id=case.id,
        actor=actor.name,
        case_id=case.id,
    )


def require_role(tx: Tx, roles: frozenset[str], template: str, object_type: str = "case", object_id=None, **params) -> None:
    """Refuse unless the actor has one of `roles`; `template` gets {actor}, {role} and `params`."""
    if tx.actor.is_system or tx.actor.role in roles:
        return
    raise ActionError(
        template, kind="denied", object_type=object_type, object_id=object_id, actor=tx.actor.name, role=tx.actor.role, **params
    )


def set_case_fields(tx: Tx, case, **values) -> dict[str, list]:
    """Write the fields that differ; return {field: [old, new]} for those."""
    changed = {k: v for k, v in values.items() if getattr(case, k) != v}
    if not changed:
        return {}
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(**changed, updated_at=tx.now))
    return {k: [getattr(case, k), v] for k, v in changed.items()}


def refresh_summary(tx: Tx, case_id: int) -> None:
    """Recompute a case's summary columns from its messages (after merge or split)."""
    conn = tx.conn
    in_case = MESSAGES.c.case_id == case_id
    inbound = MESSAGES.c.direction == "in"
    oldest = (MESSAGES.c.received_at, MESSAGES.c.id)
    newest = (MESSAGES.c.received_at.desc(), MESSAGES.c.id.desc())
    first = conn.execute(select(MESSAGES.c.received_at).where(in_case).order_by(*oldest).limit(1)).scalar()
    if first is None:
        return
    last = conn.execute(select(MESSAGES.c.received_at).where(in_case).order_by(*newest).limit(1)).scalar()
    count = conn.execute(select(func.count()).where(in_case)).scalar_one()
    citizen = conn.execute(select(MESSAGES).where(in_case, inbound).order_by(*oldest).limit(1)).first()
    latest_in = conn.execute(
        select(MESSAGES.c.text, MESSAGES.c.received_at).where(in_case, inbound).order_by(*newest).limit(1)
    ).first()
    values = dict(created_at=first, last_message_at=last, message_count=count, updated_at=tx.now)
    if citizen is not None:
        values.update(
            channel_id=citizen.channel_id,
            author_label=author_label(citizen),
            subject=citizen.subject,
            snippet=snippet(latest_in.text),
            last_inbound_at=latest_in.received_at,
        )
    conn.execute(update(CASES).where(CASES.c.id == case_id).values(**values))


def author_label(row) -> str:
    return (row.author_name or row.author_handle or row.author_email or row.author_phone or row.author_id or "")[:320]


_FIND_CHANNEL = select(CHANNELS.c.id).where(
    CHANNELS.c.platform == bindparam("platform"), CHANNELS.c.account == bindparam("account")
)


def channel_id_for(tx: Tx, platform: str, account: str, cache: dict | None = None) -> int:
    """The id of the channel (platform, account), created on first sight."""
    key = (platform, account)
    if cache is not None and key in cache:
        return cache[key]
    conn = tx.conn
    found = conn.execute(_FIND_CHANNEL, {"platform": platform, "account": account}).scalar()
    if found is None:
        # Not cached yet: the transaction that creates it may still roll back.
        return conn.execute(
            insert(CHANNELS).values(platform=platform, account=account, name=account, created_at=tx.now).returning(CHANNELS.c.id)
        ).scalar_one()
    if cache is not None:
        cache[key] = found
    return found


def department_by_name(tx: Tx, name: str):
    if not isinstance(name, str) or not name.strip():
        raise ActionError("Name the department (see 'newsroom department list').", kind="invalid", object_type="department")
    row = tx.conn.execute(select(DEPARTMENTS).where(func.lower(DEPARTMENTS.c.name) == name.strip().lower())).first()
    if row is None:
        raise ActionError(
            "There is no department {name!r}. See 'newsroom department list'.", kind="not_found", object_type="department", name=name
        )
    return row


def user_by_name(tx: Tx, name: str):
    if not isinstance(name, str) or not name.strip():
        raise ActionError("Name the user (see 'newsroom user list').", kind="invalid", object_type="user")
    row = tx.conn.execute(select(USERS).where(USERS.c.name == name)).first()
    if row is None:
        raise ActionError("There is no user {name!r}. See 'newsroom user list'.", kind="not_found", object_type="user", name=name)
    return row


OPEN_STATUSES = frozenset(OPEN_STATUS_VALUES)


MAX_REPLY_CHARS = 100_000


def check_reply_text(text, case_id: int) -> str:
    """A reply's text, or the `ActionError` a person sees for an empty or oversized one."""
    if not isinstance(text, str) or not text.strip():
        raise ActionError("A reply needs some text.", kind="invalid", object_id=case_id)
    if len(text) > MAX_REPLY_CHARS:
        raise ActionError("A reply can be at most {limit} characters.", kind="invalid", object_id=case_id, limit=MAX_REPLY_CHARS)
    return text


def latest_inbound(tx: Tx, case_id: int):
    """The case's newest message from a citizen (id, channel_id), or None: what a reply answers."""
    return tx.conn.execute(
        select(MESSAGES.c.id, MESSAGES.c.channel_id)
        .where(MESSAGES.c.case_id == case_id, MESSAGES.c.direction == "in")
        .order_by(MESSAGES.c.received_at.desc(), MESSAGES.c.id.desc())
        .limit(1)
    ).first()
