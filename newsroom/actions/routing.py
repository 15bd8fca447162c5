"""Routing rules and assignment: the actions that change them, the ingest hook, preview and test.

Rules are rows of `routing_rules` (position order, JSON definition, see
`newsroom.routing.rules`); every change is an action, so it is audited.
`route_new_cases` runs inside the ingest transaction for a whole batch:
the compiled rules are cached on the database (`tx.cache`) and checked
with one cheap query per batch, agents' loads are read once per batch and
counted in memory as the batch assigns. `preview_rule` and `test_rules`
only read.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, delete, false, func, insert, select, true, update

from newsroom.actions.base import SYSTEM, ActionError, Change, Tx, action
from newsroom.actions.common import (
    CHANNELS,
    DEPARTMENTS,
    MESSAGES,
    USERS,
    department_by_name,
    require_role,
    snippet,
    user_by_name,
)
from newsroom.db.engine import Database
from newsroom.inbound import InboundItem
from newsroom.model import OPEN_STATUS_VALUES, CaseCount, Role, RoutingRule
from newsroom.routing.assign import MANUAL, Agent, Pool, pick
from newsroom.routing.rules import (
    POLICIES,
    CompiledRule,
    Outcome,
    RoutingInput,
    RuleInvalid,
    RuleSet,
    compile_rule,
    compile_rules,
)
from newsroom.timeutil import to_iso, utcnow

RULES = RoutingRule.__table__
COUNTS = CaseCount.__table__
ADMIN_ONLY = frozenset({Role.admin.value})
AVAILABILITY_ROLES = frozenset({Role.admin.value, Role.supervisor.value})
MAX_NAME_CHARS = 200
MAX_DEFINITION_CHARS = 200_000
MAX_PREVIEW = 10_000
CACHE_KEY = "routing_rules"

__all__ = ["Decision", "RoutingInput", "list_rules", "preview_rule", "route_new_cases", "test_rules"]


@dataclass(slots=True)
class Decision:
    """Where a new case goes."""

    rule_id: int | None  # the rule that set the department (or the first matching rule), None if none matched
    department_id: int | None  # None: the newsroom's own queue
    priority: str | None  # None: leave 'normal'
    tags: tuple[str, ...]  # normalized tag names
    assignee_id: int | None  # by the department's (or the rule's) assignment policy; None for manual or nobody available


# -- checks ----------------------------------------------------------------------


def _refuse(error: RuleInvalid) -> ActionError:
    template = error.template  # the engine's templates have their Dutch text in ui/texts/routing.py
    return ActionError(template, kind="invalid", object_type="rule", **error.params)


def _has_admin(tx: Tx) -> bool:
    return tx.conn.execute(select(USERS.c.id).where(USERS.c.role == Role.admin.value).limit(1)).first() is not None


def _require_rule_admin(tx: Tx) -> None:
    # As with departments and people: until an admin exists, setup is open.
    if not _has_admin(tx):
        return
    if tx.actor.is_system:
        raise ActionError("Only an admin may change routing rules; say who you are with --as.", kind="denied", object_type="rule")
    require_role(tx, ADMIN_ONLY, "{actor} ({role}) may not change routing rules.", object_type="rule")


def _departments(conn) -> dict[str, int]:
    return {name.casefold(): dept_id for dept_id, name in conn.execute(select(DEPARTMENTS.c.id, DEPARTMENTS.c.name))}


def _definition(tx: Tx, definition) -> tuple[str, CompiledRule]:
    """The definition as stored (JSON text) and compiled, or the reason it cannot be saved."""
    if isinstance(definition, str):
        try:
            definition = json.loads(definition)
        except ValueError as error:
            raise ActionError("The rule is not valid JSON: {reason}.", kind="invalid", object_type="rule", reason=str(error)) from None
    try:
        compiled = compile_rule(definition, _departments(tx.conn))
    except RuleInvalid as error:
        raise _refuse(error) from None
    stored = json.dumps(definition, ensure_ascii=False, separators=(",", ":"))
    if len(stored) > MAX_DEFINITION_CHARS:
        raise ActionError("A rule can be at most {limit} characters of JSON.", kind="invalid", object_type="rule", limit=MAX_DEFINITION_CHARS)
    return stored, compiled


def _name(name) -> str:
    clean = name.strip() if isinstance(name, str) else ""
    if not clean or len(clean) > MAX_NAME_CHARS:
        raise ActionError("A rule needs a name of 1 to {limit} characters.", kind="invalid", object_type="rule", limit=MAX_NAME_CHARS)
    return clean


def _whole(value, low: int, template: str, **params) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ActionError(template, kind="invalid", object_type="rule", value=value, **params)
    return value


def _load_rule(tx: Tx, rule_id):
    if isinstance(rule_id, bool) or not isinstance(rule_id, int):
        raise ActionError("A rule number is a whole number, not {value!r}.", kind="invalid", object_type="rule", value=rule_id)
    row = tx.conn.execute(select(RULES).where(RULES.c.id == rule_id)).first()
    if row is None:
        raise ActionError(
            "There is no routing rule {rule_id}. See 'newsroom rules list'.", kind="not_found", object_type="rule",
            object_id=rule_id, rule_id=rule_id,
        )
    return row


def _stamp(tx: Tx):
    """`updated_at` for a changed rule: now, but always after every stored one, so the cache key moves
    even when another desk's clock is behind (see `ruleset`)."""
    latest = tx.conn.execute(select(func.max(RULES.c.updated_at))).scalar()
    return tx.now if latest is None or tx.now > latest else latest + timedelta(microseconds=1)


def _count(tx: Tx) -> int:
    return tx.conn.execute(select(func.count()).select_from(RULES)).scalar_one()


# -- rule actions ----------------------------------------------------------------


@action("add_rule")
def add_rule(tx: Tx, name: str, definition: dict, position: int | None = None, enabled: bool = True) -> Change:
    """Save a new routing rule, at `position` (1 is first; default: last)."""
    _require_rule_admin(tx)
    clean = _name(name)
    stored, _ = _definition(tx, definition)
    last = _count(tx) + 1
    if position is None:
        position = last
    position = min(_whole(position, 1, "A position is a whole number of 1 or more, not {value!r}."), last)
    if not isinstance(enabled, bool):
        raise ActionError("'enabled' is true or false.", kind="invalid", object_type="rule")
    if position < last:
        tx.conn.execute(update(RULES).where(RULES.c.position >= position).values(position=RULES.c.position + 1))
    rule_id = tx.conn.execute(
        insert(RULES)
        .values(position=position, name=clean, enabled=enabled, definition=stored, created_at=tx.now, updated_at=_stamp(tx))
        .returning(RULES.c.id)
    ).scalar_one()
    return Change("add_rule", "rule", rule_id, created={"rule": rule_id}, info={"position": position})


@action("update_rule")
def update_rule(tx: Tx, rule_id: int, name: str | None = None, definition: dict | None = None) -> Change:
    """Change a rule's name and/or definition; a new definition starts its error count afresh."""
    _require_rule_admin(tx)
    row = _load_rule(tx, rule_id)
    if name is None and definition is None:
        raise ActionError("Give the rule a new name or a new definition.", kind="invalid", object_type="rule", object_id=rule_id)
    values: dict = {}
    fields: dict = {}
    if name is not None:
        clean = _name(name)
        if clean != row.name:
            values["name"] = clean
            fields["name"] = [row.name, clean]
    if definition is not None:
        stored, _ = _definition(tx, definition)
        if stored != row.definition:
            values.update(definition=stored, error_count=0, last_error=None, last_error_at=None)
            fields["definition"] = [json.loads(row.definition), json.loads(stored)]
    if values:
        tx.conn.execute(update(RULES).where(RULES.c.id == rule_id).values(**values, updated_at=_stamp(tx)))
    return Change("update_rule", "rule", rule_id, fields=fields)


@action("remove_rule")
def remove_rule(tx: Tx, rule_id: int) -> Change:
    """Delete a rule; the rules after it move up. Cases it placed keep its number (`cases.rule_id`)."""
    _require_rule_admin(tx)
    row = _load_rule(tx, rule_id)
    tx.conn.execute(delete(RULES).where(RULES.c.id == rule_id))
    tx.conn.execute(update(RULES).where(RULES.c.position > row.position).values(position=RULES.c.position - 1))
    return Change("remove_rule", "rule", rule_id, fields={"rule": [row.name, None]},
                  info={"definition": json.loads(row.definition), "position": row.position})


@action("move_rule")
def move_rule(tx: Tx, rule_id: int, position: int) -> Change:
    """Put a rule at `position` (1 is first; past the end means last); the others shift."""
    _require_rule_admin(tx)
    row = _load_rule(tx, rule_id)
    new = min(_whole(position, 1, "A position is a whole number of 1 or more, not {value!r}."), _count(tx))
    old = row.position
    if new == old:
        return Change("move_rule", "rule", rule_id)
    if new < old:
        shift = (RULES.c.position >= new) & (RULES.c.position < old)
        tx.conn.execute(update(RULES).where(shift).values(position=RULES.c.position + 1))
    else:
        shift = (RULES.c.position > old) & (RULES.c.position <= new)
        tx.conn.execute(update(RULES).where(shift).values(position=RULES.c.position - 1))
    tx.conn.execute(update(RULES).where(RULES.c.id == rule_id).values(position=new, updated_at=_stamp(tx)))
    return Change("move_rule", "rule", rule_id, fields={"position": [old, new]})


@action("set_rule_enabled")
def set_rule_enabled(tx: Tx, rule_id: int, enabled: bool) -> Change:
    """Switch a rule on or off (a disabled rule keeps its place)."""
    _require_rule_admin(tx)
    row = _load_rule(tx, rule_id)
    if not isinstance(enabled, bool):
        raise ActionError("'enabled' is true or false.", kind="invalid", object_type="rule", object_id=rule_id)
    if bool(row.enabled) == enabled:
        return Change("set_rule_enabled", "rule", rule_id)
    tx.conn.execute(update(RULES).where(RULES.c.id == rule_id).values(enabled=enabled, updated_at=_stamp(tx)))
    return Change("set_rule_enabled", "rule", rule_id, fields={"enabled": [bool(row.enabled), enabled]})


# -- assignment actions ----------------------------------------------------------


@action("set_assignment_policy")
def set_assignment_policy(tx: Tx, department: str, policy: str) -> Change:
    """How a department's new cases are given to its agents: manual, round_robin or least_loaded."""
    if _has_admin(tx):
        if tx.actor.is_system:
            raise ActionError(
                "Only an admin may change how cases are assigned; say who you are with --as.", kind="denied", object_type="department"
            )
        require_role(tx, ADMIN_ONLY, "{actor} ({role}) may not change how a department's cases are assigned.", object_type="department")
    dept = department_by_name(tx, department)
    if policy not in POLICIES:
        raise ActionError(
            "{value!r} is not an assignment policy; use manual, round_robin or least_loaded.", kind="invalid",
            object_type="department", object_id=dept.id, value=policy,
        )
    if dept.assignment_policy == policy:
        return Change("set_assignment_policy", "department", dept.id)
    tx.conn.execute(update(DEPARTMENTS).where(DEPARTMENTS.c.id == dept.id).values(assignment_policy=policy))
    return Change("set_assignment_policy", "department", dept.id, fields={"assignment_policy": [dept.assignment_policy, policy]})


@action("set_availability")
def set_availability(tx: Tx, user: str, absent: bool | None = None, capacity: int | None = None, no_capacity: bool = False) -> Change:
    """Mark a person absent or present and/or set the most open cases they get (`no_capacity`: no cap).

    Admins and supervisors may change anyone; a person may mark themselves absent or present.
    """
    person = user_by_name(tx, user)
    self_only = absent is not None and capacity is None and not no_capacity and tx.actor.user_id == person.id
    if not self_only:
        require_role(tx, AVAILABILITY_ROLES, "{actor} ({role}) may only mark themselves absent or present.", object_type="user",
                     object_id=person.id)
    if absent is None and capacity is None and not no_capacity:
        raise ActionError("Say what changes: absent or present, and/or a capacity.", kind="invalid", object_type="user", object_id=person.id)
    if absent is not None and not isinstance(absent, bool):
        raise ActionError("'absent' is true or false.", kind="invalid", object_type="user", object_id=person.id)
    if capacity is not None and no_capacity:
        raise ActionError("Give a capacity or no capacity, not both.", kind="invalid", object_type="user", object_id=person.id)
    if capacity is not None and (isinstance(capacity, bool) or not isinstance(capacity, int) or not 0 <= capacity <= 100_000):
        raise ActionError(
            "A capacity is a whole number of open cases from 0 to 100000, not {value!r}.", kind="invalid", object_type="user",
            object_id=person.id, value=capacity,
        )
    values: dict = {}
    if absent is not None:
        values["absent"] = absent
    if capacity is not None:
        values["capacity"] = capacity
    if no_capacity:
        values["capacity"] = None
    before = {"absent": bool(person.absent), "capacity": person.capacity}
    fields = {k: [before[k], v] for k, v in values.items() if before[k] != v}
    if fields:
        tx.conn.execute(update(USERS).where(USERS.c.id == person.id).values(**{k: values[k] for k in fields}))
    return Change("set_availability", "user", person.id, fields=fields)


# -- the ingest hook -------------------------------------------------------------

_RULESET_KEY = select(
    select(func.count()).select_from(RULES).scalar_subquery(),
    select(func.max(RULES.c.updated_at)).scalar_subquery(),
    select(func.count()).select_from(DEPARTMENTS).scalar_subquery(),
    select(func.max(DEPARTMENTS.c.id)).scalar_subquery(),
)
_ENABLED_RULES = (
    select(RULES.c.id, RULES.c.name, RULES.c.definition).where(RULES.c.enabled == true()).order_by(RULES.c.position, RULES.c.id)
)
_RECORD_ERROR = (
    update(RULES)
    .where(RULES.c.id == bindparam("b_id"))
    .values(error_count=RULES.c.error_count + bindparam("b_n"), last_error=bindparam("b_error"), last_error_at=bindparam("b_at"))
)
_MOVE_ROUND_ROBIN = (
    update(DEPARTMENTS).where(DEPARTMENTS.c.id == bindparam("b_id")).values(last_assigned_user_id=bindparam("b_user"))
)


def ruleset(tx: Tx) -> RuleSet:
    """The enabled rules, compiled; recompiled only when a rule or the departments changed (one query to know)."""
    key = tuple(tx.conn.execute(_RULESET_KEY).one())
    cached = tx.cache.get(CACHE_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    rules = compile_rules(tx.conn.execute(_ENABLED_RULES), _departments(tx.conn))
    tx.cache[CACHE_KEY] = (key, rules)
    return rules


def _record_errors(tx: Tx, outcomes: Sequence[Outcome]) -> dict[int, tuple[int, str]]:
    failures: dict[int, tuple[int, str]] = {}
    for outcome in outcomes:
        for rule_id, reason in outcome.errors:
            count, _ = failures.get(rule_id, (0, ""))
            failures[rule_id] = (count + 1, reason)
    if failures:
        tx.conn.execute(
            _RECORD_ERROR, [{"b_id": rid, "b_n": n, "b_error": reason, "b_at": tx.now} for rid, (n, reason) in failures.items()]
        )
    return failures


# Built once (per-batch IN lists cost more to construct than to run): ingest assigns every batch.
_POLICIES_OF = select(DEPARTMENTS.c.id, DEPARTMENTS.c.assignment_policy, DEPARTMENTS.c.last_assigned_user_id).where(
    DEPARTMENTS.c.id.in_(bindparam("ids", expanding=True)))
_AGENTS_OF = select(USERS.c.id, USERS.c.department_id, USERS.c.capacity).where(
    USERS.c.role == Role.department_agent.value,
    USERS.c.department_id.in_(bindparam("ids", expanding=True)),
    USERS.c.active == true(),
    USERS.c.absent == false(),
)
_LOADS_OF = (
    select(COUNTS.c.assignee_id, func.sum(COUNTS.c.n))
    .where(COUNTS.c.assignee_id.in_(bindparam("ids", expanding=True)), COUNTS.c.status.in_(OPEN_STATUS_VALUES))
    .group_by(COUNTS.c.assignee_id)
)


def _assign(tx: Tx, outcomes: Sequence[Outcome], *, persist: bool) -> list[int | None]:
    """An assignee per outcome (None: manual, no department, or nobody with room); set-wise per batch."""
    conn = tx.conn
    wanted = {o.department_id for o in outcomes if o.department_id is not None}
    if not wanted:
        return [None] * len(outcomes)
    depts = {row.id: row for row in conn.execute(_POLICIES_OF, {"ids": sorted(wanted)})}
    needed = {
        o.department_id for o in outcomes
        if o.department_id in depts and (o.assignment or depts[o.department_id].assignment_policy) != MANUAL
    }
    if not needed:
        return [None] * len(outcomes)
    pools = {d: Pool(depts[d].assignment_policy, [], depts[d].last_assigned_user_id) for d in needed}
    agents = conn.execute(_AGENTS_OF, {"ids": sorted(needed)}).all()
    if agents:
        # Open cases per agent from the live counts (kept on both databases: inserts by
        # db/derived.py, changes by triggers); this batch's cases are counted by `pick`.
        loads = dict(conn.execute(_LOADS_OF, {"ids": [a.id for a in agents]}).all())
        for agent in agents:
            pools[agent.department_id].agents.append(Agent(agent.id, int(loads.get(agent.id) or 0), agent.capacity))
        for pool in pools.values():
            pool.agents.sort(key=lambda a: a.id)
    chosen = [
        pick(pools[o.department_id], o.assignment) if o.department_id in pools else None
        for o in outcomes
    ]
    if persist:
        moved = [{"b_id": d, "b_user": p.last_assigned_id} for d, p in pools.items() if p.moved]
        if moved:
            conn.execute(_MOVE_ROUND_ROBIN, moved)
    return chosen


_NOBODY = Decision(None, None, None, (), None)


def route_new_cases(tx: Tx, inputs: list[RoutingInput]) -> list[Decision]:
    """Decide department, priority, tags and assignee for a batch of new cases, inside the ingest transaction.

    A rule that fails on a message is skipped for it (the others still
    apply) and its failure is recorded on the rule, one UPDATE per failing
    rule per batch. Round robin's position is stored once per batch.
    """
    if not inputs:
        return []
    rules = ruleset(tx)
    if not rules.rules and not rules.broken:
        return [_NOBODY] * len(inputs)
    outcomes = [rules.evaluate(msg) for msg in inputs]
    _record_errors(tx, outcomes)
    assignees = _assign(tx, outcomes, persist=True)
    return [
        Decision(o.rule_id, o.department_id, o.priority, o.tags, assignee)
        for o, assignee in zip(outcomes, assignees)
    ]


# -- reading: list, preview, test ------------------------------------------------


def _rule_dict(row, departments: dict[str, int]) -> dict:
    definition = None
    problem = None
    try:
        definition = json.loads(row.definition)
        compile_rule(definition, departments)
    except RuleInvalid as error:
        problem = error.message
    except ValueError as error:
        problem = str(error)
    return {
        "id": row.id, "position": row.position, "name": row.name, "enabled": bool(row.enabled), "definition": definition,
        "problem": problem, "error_count": row.error_count, "last_error": row.last_error,
        "last_error_at": to_iso(row.last_error_at), "created_at": to_iso(row.created_at), "updated_at": to_iso(row.updated_at),
    }


def list_rules(db: Database) -> list[dict]:
    """Every rule in position order, with `problem` set when a stored rule no longer compiles (e.g. its department went)."""
    with db.read() as conn:
        departments = _departments(conn)
        rows = conn.execute(select(RULES).order_by(RULES.c.position, RULES.c.id)).all()
    return [_rule_dict(row, departments) for row in rows]


def get_rule(db: Database, rule_id: int) -> dict:
    """One rule as `list_rules` shows it, or ActionError not_found."""
    with db.read() as conn:
        tx = Tx(conn, SYSTEM, utcnow(), "read", db.dialect, {})
        row = _load_rule(tx, rule_id)
        return _rule_dict(row, _departments(conn))


_RECENT = (
    select(
        MESSAGES.c.id, MESSAGES.c.case_id, MESSAGES.c.text, MESSAGES.c.subject, MESSAGES.c.author_id, MESSAGES.c.author_handle,
        MESSAGES.c.author_name, MESSAGES.c.author_email, MESSAGES.c.category, MESSAGES.c.language, MESSAGES.c.location,
        MESSAGES.c.received_at, MESSAGES.c.channel_id, CHANNELS.c.platform, CHANNELS.c.name.label("channel_name"),
        CHANNELS.c.account,
    )
    .join(CHANNELS, CHANNELS.c.id == MESSAGES.c.channel_id)
    .where(MESSAGES.c.direction == "in")
    .order_by(MESSAGES.c.id.desc())
)


def _location(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _input_from_row(row) -> RoutingInput:
    return RoutingInput(
        platform=row.platform, channel_id=row.channel_id, channel_name=row.channel_name, channel_account=row.account,
        text=row.text, subject=row.subject, author_id=row.author_id, author_handle=row.author_handle,
        author_name=row.author_name, author_email=row.author_email, category=row.category, language=row.language,
        location=_location(row.location), received_at=row.received_at,
    )


def preview_rule(db: Database, definition: dict, limit: int = 1000) -> dict:
    """Which of the last `limit` inbound messages (newest first) `definition` would catch, before it is saved.

    Read-only. An invalid definition raises the same ActionError saving it would.
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PREVIEW:
        raise ActionError("A preview looks at 1 to {limit} messages.", kind="invalid", object_type="rule", limit=MAX_PREVIEW)
    with db.read() as conn:
        tx = Tx(conn, SYSTEM, utcnow(), "preview", db.dialect, {})
        _, compiled = _definition(tx, definition)
        rows = conn.execute(_RECENT.limit(limit)).all()
    rules = RuleSet([compiled])
    sets = compiled.then.as_dict()
    matches = []
    errors = []
    for row in rows:
        outcome = rules.evaluate(_input_from_row(row))
        if outcome.errors:
            errors.append({"message_id": row.id, "error": outcome.errors[0][1]})
        elif outcome.matched:
            matches.append({
                "message_id": row.id, "case_id": row.case_id, "received_at": to_iso(row.received_at),
                "platform": row.platform, "channel": row.channel_name,
                "author": row.author_name or row.author_handle or row.author_email or row.author_id or "",
                "snippet": snippet(row.text), "sets": sets,
            })
    return {"scanned": len(rows), "matched": len(matches), "matches": matches, "errors": errors, "sets": sets}


def test_rules(db: Database, items: list[InboundItem]) -> list[dict]:
    """Each item's decision under the saved rules, as ingest would make it now; nothing is written."""
    with db.read() as conn:
        tx = Tx(conn, SYSTEM, utcnow(), "test", db.dialect, db.cache)
        channels = {
            (row.platform, row.account): (row.id, row.name)
            for row in conn.execute(select(CHANNELS.c.id, CHANNELS.c.platform, CHANNELS.c.account, CHANNELS.c.name))
        }
        inputs = [RoutingInput.from_item(item, *channels.get((item.platform, item.channel), (0, None))) for item in items]
        rules = ruleset(tx)
        outcomes = [rules.evaluate(msg) for msg in inputs]
        assignees = _assign(tx, outcomes, persist=False)
        rule_names = dict(conn.execute(select(RULES.c.id, RULES.c.name)).all())
        user_ids = sorted({a for a in assignees if a is not None})
        user_names = dict(conn.execute(select(USERS.c.id, USERS.c.name).where(USERS.c.id.in_(user_ids))).all()) if user_ids else {}
    return [
        {
            "platform": item.platform, "channel": item.channel, "external_id": item.external_id,
            "rule_id": o.rule_id, "rule": rule_names.get(o.rule_id), "department": o.department,
            "priority": o.priority or "normal", "tags": list(o.tags), "assignee": user_names.get(a),
            "matched": [{"id": rid, "name": rule_names.get(rid)} for rid in o.matched],
            "errors": [{"rule_id": rid, "error": reason} for rid, reason in o.errors],
        }
        for item, o, a in zip(items, outcomes, assignees)
    ]


test_rules.__test__ = False  # a library function, not a pytest test
