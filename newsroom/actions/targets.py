"""Response targets in the database: clocks kept current, alerts recorded once, hand-off, crisis mode.

Every action that changes what a case's clocks depend on (a message in, an
answer sent, a status, priority or tag change, a hand-off or send-back)
records a case event and calls `refresh_clocks`, which recomputes the
clocks from the stored history (newsroom/targets/clocks.py) and writes
``cases.clocks``, ``due_at`` (the soonest running due time), ``risk_at``
(the soonest 75% instant) and ``alert_at`` (the next threshold no alert
has been recorded for yet). `recompute_all` does the same for every open
case; it is what changing the policies, the calendars or crisis mode runs.

Alerts (75%, 90%, breach) are rows in ``clock_alerts`` with a unique key per
case, clock, sequence and level, so each is recorded once, whoever records
it first. `record_alerts` records the thresholds that time has passed.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, insert, or_, select, text, update

from newsroom.actions import clockstore
from newsroom.actions.base import ActionError, Change, Tx, action
from newsroom.actions.clockstore import load_histories, stored_values
from newsroom.actions.common import (
    CASES,
    CHANNELS,
    DEPARTMENTS,
    MANAGING_ROLES,
    TAGS,
    USERS,
    department_by_name,
    load_case,
    require_role,
)
from newsroom.model import (
    OPEN_STATUS_VALUES,
    CalendarRow,
    CaseEvent,
    CaseTag,
    ClockAlert,
    Crisis,
    Note,
    Reply,
    Role,
    TargetPolicy,
)
from newsroom.targets.calendar import BUILTINS, Calendar
from newsroom.targets.clocks import (
    CrisisWindow,
    compute,
    decode,
    to_us,
)
from newsroom.targets.policy import DEFAULT_POLICIES, Policy, TargetsConfig, load_toml

EVENTS = CaseEvent.__table__
CALENDARS = CalendarRow.__table__
POLICIES = TargetPolicy.__table__
ALERTS = ClockAlert.__table__
CRISES = Crisis.__table__
CASE_TAGS = CaseTag.__table__
NOTES = Note.__table__
REPLIES = Reply.__table__
CHUNK = 2000
MAX_NOTE_CHARS = 20_000
HANDOFF_ROLES = frozenset({Role.contact_centre.value, Role.operator.value, Role.supervisor.value, Role.admin.value})


def _chunks(seq, size=CHUNK):
    seq = list(seq)
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


# -- configuration -----------------------------------------------------------------


_CONFIG_VERSION = text(
    "SELECT (SELECT count(*) FROM calendars), (SELECT max(updated_at) FROM calendars),"
    " (SELECT count(*) FROM target_policies), (SELECT max(updated_at) FROM target_policies),"
    " (SELECT count(*) FROM crises), (SELECT max(started_at) FROM crises), (SELECT max(ended_at) FROM crises)"
)


def _config_version(conn) -> tuple:
    """What changes when calendars, policies or crises change: one cheap statement per batch."""
    return tuple(conn.execute(_CONFIG_VERSION).one())


def load_config(conn, cache: dict | None = None) -> tuple[TargetsConfig, list[CrisisWindow]]:
    """The stored calendars and policies (the defaults when none are stored) and every crisis window."""
    version = _config_version(conn)
    if cache is not None:
        cached = cache.get("targets")
        if cached is not None and cached[0] == version:
            return cached[1], cached[2]
    calendars = tuple(
        Calendar.from_dict(json.loads(row.definition))
        for row in conn.execute(select(CALENDARS.c.definition).order_by(CALENDARS.c.name))
    )
    rows = conn.execute(select(POLICIES).order_by(POLICIES.c.position, POLICIES.c.id)).all()
    policies = tuple(
        Policy(r.name, r.calendar, r.platform, r.priority, r.tag, r.first_response_minutes, r.next_response_minutes,
               r.resolution_minutes, r.handoff_minutes)
        for r in rows
    )
    config = TargetsConfig(calendars, policies or DEFAULT_POLICIES, defaults=not policies)
    crises = [
        CrisisWindow(to_us(r.started_at), to_us(r.ended_at) if r.ended_at else None,
                     frozenset(json.loads(r.tags or "[]")), frozenset(json.loads(r.channel_ids or "[]")))
        for r in conn.execute(select(CRISES).order_by(CRISES.c.started_at))
    ]
    if cache is not None:
        cache["targets"] = (version, config, crises)
    return config, crises


# -- history -----------------------------------------------------------------------


def record_event(tx: Tx, case_id: int, kind: str, value) -> None:
    """Note a change the clocks depend on (status, priority, tag, untag, handoff, sendback)."""
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    tx.conn.execute(insert(EVENTS).values(case_id=case_id, at=tx.now, kind=kind, value=text, actor_id=tx.actor.user_id))


# -- keeping the stored clocks current ------------------------------------------------


def refresh_clocks(tx: Tx, case_ids: Iterable[int], *, alerts: bool = True) -> set[int]:
    """Recompute the clocks of `case_ids` from history; write and return the ones that changed.

    With `alerts`, thresholds passed within the last day are recorded now (a
    priority change can make a clock overdue at once); older ones only show
    in the clocks (see clockstore.ALERT_LOOKBACK_S).
    """
    ids = [i for i in set(case_ids) if i is not None]
    if not ids:
        return set()
    config, crises = load_config(tx.conn, tx.cache)
    return clockstore.refresh(tx, ids, config, crises, alerts=alerts)


def open_case_ids(conn, *, channel_ids=(), tags=()) -> list[int]:
    """Live open cases (all of them, or those on `channel_ids` or carrying one of `tags`)."""
    where = [CASES.c.merged_into_id.is_(None), CASES.c.status.in_(OPEN_STATUS_VALUES)]
    if channel_ids or tags:
        scope = []
        if channel_ids:
            scope.append(CASES.c.channel_id.in_(list(channel_ids)))
        if tags:
            tagged = select(CASE_TAGS.c.case_id).join(TAGS, TAGS.c.id == CASE_TAGS.c.tag_id).where(TAGS.c.name.in_(list(tags)))
            scope.append(CASES.c.id.in_(tagged))
        where.append(or_(*scope))
    return list(conn.execute(select(CASES.c.id).where(*where).order_by(CASES.c.id)).scalars())


def recompute_all(tx: Tx, case_ids: Iterable[int] | None = None) -> dict:
    """Recompute the clocks of every open case (or of `case_ids`); returns counts."""
    ids = open_case_ids(tx.conn) if case_ids is None else list(case_ids)
    changed = set()
    for part in _chunks(ids, 20_000):
        changed |= refresh_clocks(tx, part)
    return {"cases": len(ids), "changed": len(changed)}


@action("recompute_clocks")
def recompute_clocks(tx: Tx) -> Change:
    """Recompute every open case's clocks from its history (after a policy or calendar change)."""
    counts = recompute_all(tx)
    return Change("recompute_clocks", "target", None, info=counts)


# -- the alert sweep ----------------------------------------------------------------


@action("record_alerts")
def record_alerts(tx: Tx, limit: int = 5000) -> Change:
    """Record the 75%, 90% and breach alerts that time has passed (each once), for up to `limit` cases."""
    due = tx.conn.execute(
        select(CASES.c.id, CASES.c.alert_at).where(CASES.c.alert_at.is_not(None), CASES.c.alert_at <= tx.now)
        .order_by(CASES.c.alert_at, CASES.c.id).limit(limit)
    ).all()
    if not due:
        return Change("record_alerts", "target", None, info={"cases": 0, "alerts": 0})
    config, crises = load_config(tx.conn, tx.cache)
    histories = clockstore.load_histories(tx.conn, [r.id for r in due], tx.dialect)
    now_s = int(tx.now.timestamp())
    rows = []
    updates = []
    for case_id, alert_at in due:
        history = histories.get(case_id)
        if history is None:  # merged away meanwhile
            updates.append({"b_id": case_id, "b_alert_at": None})
            continue
        result = compute(history, config, crises)
        # Thresholds from the one the sweep waited for on: older ones were
        # either recorded already or were too old to raise an alert.
        since = int(alert_at.timestamp()) - 1
        rows.extend(clockstore.alert_rows(case_id, result, now_s, tx.now, since))
        updates.append({"b_id": case_id, "b_alert_at": clockstore.instant(clockstore.next_alert(result, now_s))})
    recorded = clockstore.insert_alerts(tx, rows)
    from sqlalchemy import bindparam

    tx.conn.execute(update(CASES).where(CASES.c.id == bindparam("b_id")).values(alert_at=bindparam("b_alert_at")), updates)
    return Change("record_alerts", "target", None, tuple(sorted({r["case_id"] for r in rows})),
                  info={"cases": len(due), "alerts": recorded})


def alerts_since(conn, after_id: int = 0, limit: int = 200) -> list[dict]:
    """Alerts recorded after alert id `after_id` (for desktop notifications), oldest first."""
    rows = conn.execute(
        select(ALERTS, CASES.c.author_label, CASES.c.snippet)
        .join(CASES, CASES.c.id == ALERTS.c.case_id)
        .where(ALERTS.c.id > after_id)
        .order_by(ALERTS.c.id)
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]


# -- hand-off and send-back ---------------------------------------------------------------


def _note(tx: Tx, case_id: int, text: str) -> int:
    return tx.conn.execute(
        insert(NOTES).values(case_id=case_id, author_user_id=tx.actor.user_id, text=text, created_at=tx.now).returning(NOTES.c.id)
    ).scalar_one()


def _clean_text(value, what: str, case_id: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ActionError("A {what} needs a note that says why.", kind="invalid", object_id=case_id, what=what)
    if len(value) > MAX_NOTE_CHARS:
        raise ActionError("A note can be at most {limit} characters.", kind="invalid", object_id=case_id, limit=MAX_NOTE_CHARS)
    return value.strip()


def department_clock_due(tx: Tx, case_id: int) -> datetime | None:
    """The due time of the case's running department clock (the date a holding answer promises)."""
    row = tx.conn.execute(select(CASES.c.clocks).where(CASES.c.id == case_id)).scalar()
    for clock in reversed(decode(row)):
        if clock["clock"] == "department" and clock.get("due") is not None:
            return clockstore.instant(clock["due"])
    return None


@action("handoff")
def handoff(tx: Tx, case_id: int, department: str, note: str, holding: bool = True) -> Change:
    """Hand a case from the contact centre to a department, with a note; the department's own clock starts."""
    if tx.actor.is_system:
        raise ActionError("Say who you are to hand a case off (--as USER).", kind="denied", object_id=case_id)
    require_role(tx, HANDOFF_ROLES, "{actor} ({role}) may not hand cases off; the contact centre does.", object_id=case_id)
    case = load_case(tx, case_id)
    if case.status in ("resolved", "closed"):
        raise ActionError("Case {case_id} is {status}; reopen it before handing it off.", kind="invalid", object_id=case_id,
                          case_id=case_id, status=case.status)
    text = _clean_text(note, "hand-off", case_id)
    dept = department_by_name(tx, department)
    if case.status == "handed_off" and case.department_id == dept.id:
        raise ActionError("Case {case_id} is already with {department}.", kind="conflict", object_id=case_id,
                          case_id=case_id, department=dept.name)
    note_id = _note(tx, case.id, text)
    record_event(tx, case.id, "handoff", {"from": case.department_id, "to": dept.id, "note": note_id, "by": tx.actor.user_id})
    values = {"status": "handed_off", "department_id": dept.id, "assignee_id": None, "updated_at": tx.now}
    tx.conn.execute(update(CASES).where(CASES.c.id == case.id).values(**values))
    refresh_clocks(tx, [case.id])
    info: dict = {"department": dept.name, "note": note_id}
    due = department_clock_due(tx, case.id)
    if due is not None:
        info["expected"] = due.isoformat().replace("+00:00", "Z")
    if holding:
        reply_id = queue_holding_answer(tx, case.id, due, dept.name)
        if reply_id is not None:
            info["holding_reply"] = reply_id
    old_dept = None
    if case.department_id is not None:
        old_dept = tx.conn.execute(select(DEPARTMENTS.c.name).where(DEPARTMENTS.c.id == case.department_id)).scalar()
    fields = {"status": [case.status, "handed_off"], "department": [old_dept, dept.name]}
    if case.assignee_id is not None:
        fields["assignee"] = [tx.conn.execute(select(USERS.c.name).where(USERS.c.id == case.assignee_id)).scalar(), None]
    return Change("handoff", "case", case_id, (case_id,), fields, created={"note": note_id}, info=info)


def queue_holding_answer(tx: Tx, case_id: int, expected: datetime | None, department: str) -> int | None:
    """The citizen's holding answer after a hand-off, with the department's expected date; None when none can go out."""
    from newsroom.actions.common import latest_inbound
    from newsroom.actions.templates import automatic_text, queue_automatic_reply

    latest = latest_inbound(tx, case_id)
    if latest is None:
        return None
    text = automatic_text(tx, case_id, "holding", expected=expected)
    if text is None:
        return None
    return queue_automatic_reply(tx, case_id, "holding", text, channel_id=latest.channel_id, in_reply_to_message_id=latest.id)


def _last_handoff(tx: Tx, case_id: int):
    row = tx.conn.execute(
        select(EVENTS.c.value, EVENTS.c.actor_id).where(EVENTS.c.case_id == case_id, EVENTS.c.kind == "handoff")
        .order_by(EVENTS.c.at.desc(), EVENTS.c.id.desc()).limit(1)
    ).first()
    return (json.loads(row.value), row.actor_id) if row else (None, None)


@action("sendback")
def sendback(tx: Tx, case_id: int, reason: str) -> Change:
    """Send a handed-off case back to where it came from, with the reason; the department's clock ends."""
    if tx.actor.is_system:
        raise ActionError("Say who you are to send a case back (--as USER).", kind="denied", object_id=case_id)
    case = load_case(tx, case_id)
    if case.status != "handed_off":
        raise ActionError("Case {case_id} was not handed off, so it cannot be sent back.", kind="invalid", object_id=case_id,
                          case_id=case_id)
    if tx.actor.role == Role.department_agent.value and tx.actor.department_id != case.department_id:
        raise ActionError("{actor} works in another department and cannot change case {case_id}.", kind="denied",
                          object_id=case_id, actor=tx.actor.name, case_id=case_id)
    if tx.actor.role not in (Role.department_agent.value, *MANAGING_ROLES):
        raise ActionError("{actor} ({role}) may not send cases back; the department does.", kind="denied", object_id=case_id,
                          actor=tx.actor.name, role=tx.actor.role)
    text = _clean_text(reason, "send-back", case_id)
    handoff_value, handed_by = _last_handoff(tx, case.id)
    back_to = handoff_value.get("from") if handoff_value else None
    note_id = _note(tx, case.id, text)
    record_event(tx, case.id, "sendback", {"from": case.department_id, "to": back_to, "note": note_id})
    assignee = None
    if handed_by is not None:
        active = tx.conn.execute(select(USERS.c.active).where(USERS.c.id == handed_by)).scalar()
        assignee = handed_by if active else None
    tx.conn.execute(
        update(CASES).where(CASES.c.id == case.id).values(status="open", department_id=back_to, assignee_id=assignee, updated_at=tx.now)
    )
    refresh_clocks(tx, [case.id])
    names = {}
    for dept_id in {case.department_id, back_to} - {None}:
        names[dept_id] = tx.conn.execute(select(DEPARTMENTS.c.name).where(DEPARTMENTS.c.id == dept_id)).scalar()
    fields = {"status": [case.status, "open"], "department": [names.get(case.department_id), names.get(back_to)]}
    return Change("sendback", "case", case_id, (case_id,), fields, created={"note": note_id})


# -- crisis mode -------------------------------------------------------------------------


def active_crises(conn) -> list[dict]:
    rows = conn.execute(select(CRISES).where(CRISES.c.ended_at.is_(None)).order_by(CRISES.c.started_at))
    return [dict(r._mapping) | {"tags": json.loads(r.tags or "[]"), "channel_ids": json.loads(r.channel_ids or "[]")} for r in rows]


@action("crisis_on")
def crisis_on(tx: Tx, name: str, tags: list[str] = (), channels: list[str] = (), statement: str = "") -> Change:
    """Switch crisis mode on: cases with these tags or on these channels count business time 24/7 from now."""
    require_role(tx, MANAGING_ROLES, "{actor} ({role}) may not switch crisis mode; a supervisor does.", object_type="crisis")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise ActionError("A crisis needs a name of 1 to 200 characters.", kind="invalid", object_type="crisis")
    from newsroom.actions.cases import normalize_tag

    tag_names = sorted({normalize_tag(t) for t in (tags or ())})
    channel_ids = []
    for channel in channels or ():
        row = tx.conn.execute(
            select(CHANNELS.c.id).where(or_(CHANNELS.c.name == channel, CHANNELS.c.account == channel))
        ).first()
        if row is None:
            raise ActionError("There is no channel {name!r}. See 'newsroom channel list'.", kind="not_found", object_type="crisis",
                              name=channel)
        channel_ids.append(row.id)
    if not tag_names and not channel_ids:
        raise ActionError("Name the crisis topic: at least one tag or channel.", kind="invalid", object_type="crisis")
    if not isinstance(statement, str) or len(statement) > 100_000:
        raise ActionError("The holding statement must be text.", kind="invalid", object_type="crisis")
    crisis_id = tx.conn.execute(
        insert(CRISES).values(name=name.strip(), tags=json.dumps(tag_names), channel_ids=json.dumps(sorted(channel_ids)),
                              statement=statement.strip(), started_at=tx.now, started_by=tx.actor.user_id).returning(CRISES.c.id)
    ).scalar_one()
    counts = recompute_all(tx, open_case_ids(tx.conn, channel_ids=channel_ids, tags=tag_names))
    return Change("crisis_on", "crisis", crisis_id, created={"crisis": crisis_id},
                  info={"tags": tag_names, "channel_ids": sorted(channel_ids), **counts})


@action("crisis_off")
def crisis_off(tx: Tx, crisis_id: int | None = None) -> Change:
    """Switch crisis mode off (one crisis, or every active one): clocks go back to their own calendars from now."""
    require_role(tx, MANAGING_ROLES, "{actor} ({role}) may not switch crisis mode; a supervisor does.", object_type="crisis")
    where = [CRISES.c.ended_at.is_(None)]
    if crisis_id is not None:
        where.append(CRISES.c.id == crisis_id)
    rows = tx.conn.execute(select(CRISES).where(*where)).all()
    if not rows:
        raise ActionError("Crisis mode is not on.", kind="invalid", object_type="crisis", object_id=crisis_id)
    tx.conn.execute(update(CRISES).where(CRISES.c.id.in_([r.id for r in rows])).values(ended_at=tx.now, ended_by=tx.actor.user_id))
    tags = sorted({t for r in rows for t in json.loads(r.tags or "[]")})
    channel_ids = sorted({c for r in rows for c in json.loads(r.channel_ids or "[]")})
    counts = recompute_all(tx, open_case_ids(tx.conn, channel_ids=channel_ids, tags=tags))
    return Change("crisis_off", "crisis", rows[0].id, fields={"ended": [None, [r.id for r in rows]]}, info=counts)


# -- importing and exporting targets -----------------------------------------------------------


def current_config(conn) -> TargetsConfig:
    config, _ = load_config(conn)
    return config


@action("import_targets")
def import_targets(tx: Tx, text: str) -> Change:
    """Replace the calendars and policies with those of a TOML document; every open case's clocks follow."""
    require_role(tx, frozenset({Role.admin.value}), "{actor} ({role}) may not change response targets; an admin does.",
                 object_type="target")
    try:
        config = load_toml(text)
    except ValueError as error:
        raise ActionError("The targets file is not usable: {reason}", kind="invalid", object_type="target", reason=str(error)) from None
    in_use = {p.calendar for p in config.policies}
    stored_names = {c.name for c in config.calendars}
    missing = in_use - stored_names - set(BUILTINS)
    if missing:  # pragma: no cover - load_toml already refuses these
        raise ActionError("The targets file is not usable: {reason}", kind="invalid", object_type="target",
                          reason=f"unknown calendars {sorted(missing)}")
    tx.conn.execute(delete(POLICIES))
    tx.conn.execute(delete(CALENDARS))
    for calendar in config.calendars:
        tx.conn.execute(insert(CALENDARS).values(name=calendar.name, definition=json.dumps(calendar.to_dict()), updated_at=tx.now))
    for position, policy in enumerate(config.policies, 1):
        tx.conn.execute(
            insert(POLICIES).values(
                position=position, name=policy.name, platform=policy.platform, priority=policy.priority, tag=policy.tag,
                calendar=policy.calendar, first_response_minutes=policy.first_response,
                next_response_minutes=policy.next_response, resolution_minutes=policy.resolution,
                handoff_minutes=policy.handoff, updated_at=tx.now,
            )
        )
    tx.cache.pop("targets", None)
    counts = recompute_all(tx)
    return Change("import_targets", "target", None, info={"calendars": len(config.calendars), "policies": len(config.policies), **counts})


# -- reading -----------------------------------------------------------------------------


def at_risk(conn, now: datetime, limit: int = 200) -> list[int]:
    """Open cases whose running clock has passed 75%, soonest due first."""
    return list(
        conn.execute(
            select(CASES.c.id).where(
                CASES.c.merged_into_id.is_(None), CASES.c.status.in_(OPEN_STATUS_VALUES),
                CASES.c.risk_at.is_not(None), CASES.c.risk_at <= now,
            ).order_by(CASES.c.due_at, CASES.c.id).limit(limit)
        ).scalars()
    )


__all__ = [
    "active_crises", "alerts_since", "at_risk", "crisis_off", "crisis_on", "current_config", "department_clock_due",
    "handoff", "import_targets", "load_config", "load_histories", "recompute_all", "record_alerts", "record_event",
    "refresh_clocks", "sendback", "stored_values",
]

