"""The action machinery: one named function per user action, one transaction, one audit entry.

An action is a plain function ``fn(tx, **args) -> Change`` registered with
`@action`. `perform` runs it in a write transaction, records the audit entry
(actor, action, object, result, origin, time) in the same transaction, and
returns the `Change`. The desktop, the command line, the connectors and
(later) the sync engine all call actions through `perform`, so the same
validation and audit apply everywhere, on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, exc, insert, select

from newsroom.db.engine import Database, translate_operational
from newsroom.model import AuditEntry, Role, User
from newsroom.timeutil import utcnow

AUDIT = AuditEntry.__table__
USERS = User.__table__
_INSERT_AUDIT = insert(AUDIT)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who performs an action: a user, or the system (connectors, import)."""

    user_id: int | None
    name: str
    role: str | None = None
    department_id: int | None = None

    @property
    def is_system(self) -> bool:
        return self.user_id is None


SYSTEM = Actor(None, "system")


@dataclass(slots=True)
class Change:
    """What an action changed: enough for a view to refresh only what it shows."""

    action: str
    object_type: str
    object_id: int | None
    case_ids: tuple[int, ...] = ()
    fields: dict[str, list] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.fields or self.created)

    def as_dict(self) -> dict:
        return {
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "case_ids": list(self.case_ids),
            "fields": self.fields,
            "created": self.created,
            **({"info": self.info} if self.info else {}),
        }


class ActionError(Exception):
    """An action that cannot be done, with a reason for the person who asked.

    `kind` is one of: not_found, invalid, denied, conflict. The reason is a
    `template` (English, str.format placeholders) with its `params`, so a
    desktop in Dutch can show it in Dutch; `message` is the English text.
    """

    def __init__(self, template: str, *, kind: str = "invalid", object_type: str = "case", object_id=None, **params):
        message = template.format(**params) if params else template
        super().__init__(message)
        self.template = template
        self.params = params
        self.message = message
        self.kind = kind
        self.object_type = object_type
        self.object_id = object_id


@dataclass(slots=True)
class Tx:
    """What an action works with: the open transaction, who acts, and when."""

    conn: Connection
    actor: Actor
    now: datetime
    origin: str
    dialect: str
    cache: dict = field(default_factory=dict)


ActionFn = Callable[..., Change]
ACTIONS: dict[str, ActionFn] = {}
# The modules that register actions: imported when an action is first looked up, not with the
# package, so that a desk's start imports only what its window needs (see `registered`).
ACTION_MODULES = ("admin", "cases", "channels", "incidents", "ingest", "replies", "routing", "targets", "templates")
_all_registered = False


def registered() -> dict[str, ActionFn]:
    """Every action by name (imports the action modules on first use)."""
    global _all_registered
    if not _all_registered:
        import importlib

        for module in ACTION_MODULES:
            importlib.import_module(f"newsroom.actions.{module}")
        _all_registered = True
    return ACTIONS


def action(name: str) -> Callable[[ActionFn], ActionFn]:
    """Register a function as the action `name` (also its audit name)."""

    def register(fn: ActionFn) -> ActionFn:
        if name in ACTIONS:
            raise RuntimeError(f"action {name!r} registered twice")
        ACTIONS[name] = fn
        fn.action_name = name  # type: ignore[attr-defined]
        return fn

    return register


def _jsonable(value):
    if hasattr(value, "external_id") and hasattr(value, "channel"):
        # An inbound item: the audit names it; its text lives in the message.
        return {"platform": value.platform, "channel": value.channel, "external_id": value.external_id}
    if hasattr(value, "reason") and hasattr(value, "payload"):
        # A payload set aside: the audit keeps the reason; the payload has its own table.
        return {"set_aside": value.reason, "external_id": getattr(value, "external_id", None)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def write_audit(
    conn: Connection,
    *,
    actor: Actor,
    action_name: str,
    object_type: str,
    object_id: int | None,
    case_id: int | None,
    result: str,
    origin: str,
    at: datetime,
    detail: dict,
) -> None:
    conn.execute(
        _INSERT_AUDIT,
        dict(
            at=at,
            actor_id=actor.user_id,
            actor_name=actor.name,
            action=action_name,
            object_type=object_type,
            object_id=object_id,
            case_id=case_id,
            result=result,
            origin=origin,
            detail=json.dumps(_jsonable(detail), ensure_ascii=False, separators=(",", ":")),
        ),
    )


def perform(db: Database, name: str, actor: Actor, /, *, origin: str = "cli", **args) -> Change:
    """Run action `name` with `args` as `actor`; audited; returns the `Change`.

    An `ActionError` rolls the action back, is audited with its result
    (denied / invalid / not_found / conflict) and is raised again.
    """
    fn = ACTIONS.get(name) or registered().get(name)
    if fn is None:
        raise ActionError("Unknown action {name!r}.", kind="invalid", name=name)
    try:
        with db.transaction() as conn:
            tx = Tx(conn=conn, actor=actor, now=utcnow(), origin=origin, dialect=db.dialect, cache=db.cache)
            change = fn(tx, **args)
            audit_change(tx, change, args)
            return change
    except ActionError as error:
        with db.transaction() as conn:
            write_audit(
                conn,
                actor=actor,
                action_name=name,
                object_type=error.object_type,
                object_id=error.object_id if isinstance(error.object_id, int) else None,
                case_id=error.object_id if error.object_type == "case" and isinstance(error.object_id, int) else None,
                result=error.kind,
                origin=origin,
                at=utcnow(),
                detail={"args": args, "reason": error.message},
            )
        raise
    except exc.OperationalError as error:
        raise translate_operational(error, db) from error


def audit_change(tx: Tx, change: Change, args: dict) -> None:
    """Record a successful action's audit entry inside its transaction."""
    detail: dict = {"args": args}
    if change.fields:
        detail["fields"] = change.fields
    if change.created:
        detail["created"] = change.created
    if change.info:
        detail["info"] = change.info
    write_audit(
        tx.conn,
        actor=tx.actor,
        action_name=change.action,
        object_type=change.object_type,
        object_id=change.object_id,
        case_id=change.case_ids[0] if change.case_ids else None,
        result="ok",
        origin=tx.origin,
        at=tx.now,
        detail=detail,
    )


def resolve_actor(db: Database, name: str | None) -> Actor:
    """The user called `name` as an `Actor`; the system actor for None."""
    if name is None:
        return SYSTEM
    with db.read() as conn:
        row = conn.execute(
            select(USERS.c.id, USERS.c.name, USERS.c.role, USERS.c.department_id, USERS.c.active).where(
                USERS.c.name == name
            )
        ).first()
    if row is None:
        raise ActionError("There is no user {name!r}. See 'newsroom user list'.", kind="not_found", object_type="user", name=name)
    if not row.active:
        raise ActionError("The user {name!r} is no longer active.", kind="denied", object_type="user", name=name)
    return Actor(row.id, row.name, row.role, row.department_id)


ROLES = frozenset(r.value for r in Role)
