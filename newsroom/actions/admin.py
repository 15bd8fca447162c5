"""Setting up the newsroom: departments and people."""
from __future__ import annotations

import re

from sqlalchemy import func, insert, select

from newsroom.actions.base import ROLES, ActionError, Change, Tx, action
from newsroom.actions.common import DEPARTMENTS, USERS, department_by_name, require_role
from newsroom.model import Role

ADMIN_ONLY = frozenset({Role.admin.value})
_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")


def _require_admin(tx: Tx, object_type: str) -> None:
    # A new newsroom has nobody to ask: until an admin exists, setup is open.
    has_admin = tx.conn.execute(select(USERS.c.id).where(USERS.c.role == Role.admin.value).limit(1)).first()
    if has_admin is not None:
        if tx.actor.is_system:
            raise ActionError(
                "Only an admin may add departments and people; say who you are with --as.", kind="denied", object_type=object_type
            )
        require_role(tx, ADMIN_ONLY, "{actor} ({role}) may not add departments and people.", object_type=object_type)


@action("add_department")
def add_department(tx: Tx, name: str, description: str = "") -> Change:
    """Create a department cases can be routed to."""
    _require_admin(tx, "department")
    clean = (name or "").strip()
    if not clean or len(clean) > 100:
        raise ActionError("A department needs a name of 1 to 100 characters.", kind="invalid", object_type="department")
    exists = tx.conn.execute(select(DEPARTMENTS.c.id).where(func.lower(DEPARTMENTS.c.name) == clean.lower())).first()
    if exists:
        raise ActionError("There is already a department {name!r}.", kind="conflict", object_type="department", name=clean)
    dept_id = tx.conn.execute(
        insert(DEPARTMENTS).values(name=clean, description=description or "", created_at=tx.now).returning(DEPARTMENTS.c.id)
    ).scalar_one()
    return Change("add_department", "department", dept_id, created={"department": dept_id})


@action("add_user")
def add_user(tx: Tx, name: str, role: str, display_name: str | None = None, department: str | None = None) -> Change:
    """Add a person with a role (and, for department agents, their department)."""
    _require_admin(tx, "user")
    login = (name or "").strip()
    if not _LOGIN.match(login):
        raise ActionError(
            "{name!r} is not a usable user name: lower-case letters, digits, '.', '_' or '-', at most 100.",
            name=name,
            kind="invalid",
            object_type="user",
        )
    if role not in ROLES:
        raise ActionError("{role!r} is not a role; use one of {choices}.", kind="invalid", object_type="user", role=role, choices=", ".join(sorted(ROLES)))
    dept_id = department_by_name(tx, department).id if department else None
    if role == Role.department_agent.value and dept_id is None:
        raise ActionError("A department agent needs a department (--department).", kind="invalid", object_type="user")
    if tx.conn.execute(select(USERS.c.id).where(USERS.c.name == login)).first():
        raise ActionError("There is already a user {name!r}.", kind="conflict", object_type="user", name=login)
    user_id = tx.conn.execute(
        insert(USERS)
        .values(name=login, display_name=(display_name or login).strip()[:200], role=role, department_id=dept_id, active=True, created_at=tx.now)
        .returning(USERS.c.id)
    ).scalar_one()
    return Change("add_user", "user", user_id, created={"user": user_id})
