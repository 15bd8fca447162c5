"""The newsroom's data model: SQLAlchemy 2 typed tables, UTC instants.

The same tables live in each desk's SQLite file and in the shared
PostgreSQL. Messages are immutable once stored; everything a person does to
a case is an action (see ``newsroom.actions``) and leaves an audit entry.
"""
# No `from __future__ import annotations` here: SQLAlchemy would evaluate each of the ~200
# Mapped[...] strings at import (~20 ms of every start); as objects they are read directly.
import enum
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from newsroom.timeutil import UTC

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only aliases the rowid (fast, compact keys) for "INTEGER PRIMARY KEY".
Id = BigInteger().with_variant(Integer, "sqlite")


class Instant(TypeDecorator):
    """An aware UTC instant; naive UTC on SQLite, timestamptz on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Platform(str, enum.Enum):
    mastodon = "mastodon"
    bluesky = "bluesky"
    email = "email"
    signalen = "signalen"
    open311 = "open311"
    facebook = "facebook"
    instagram = "instagram"
    whatsapp = "whatsapp"
    x = "x"
    other = "other"


class CaseStatus(str, enum.Enum):
    new = "new"
    open = "open"
    waiting_on_citizen = "waiting_on_citizen"
    handed_off = "handed_off"
    resolved = "resolved"
    closed = "closed"


class Priority(str, enum.Enum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"


class Role(str, enum.Enum):
    operator = "operator"
    contact_centre = "contact_centre"
    department_agent = "department_agent"
    supervisor = "supervisor"
    admin = "admin"


class Direction(str, enum.Enum):
    inbound = "in"
    outbound = "out"


class ReplyState(str, enum.Enum):
    draft = "draft"
    queued = "queued"
    sending = "sending"
    sent = "sent"
    failed = "failed"


def _in(column: str, enum_cls: type[enum.Enum]) -> str:
    values = ", ".join(f"'{member.value}'" for member in enum_cls)
    return f"{column} IN ({values})"


# The exact terms inbox queries repeat so that SQLite can use the partial
# indexes below (it matches index and query terms textually, constants included).
LIVE = "merged_into_id IS NULL"
OPEN_STATUS_VALUES = ("handed_off", "new", "open", "waiting_on_citizen")
OPEN_WORK = "status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUS_VALUES) + ")"
# A new message's case is unrouted and unassigned: keeping those out of the
# per-department and per-assignee indexes spares every ingest six index
# inserts. A query naming a department or assignee implies these terms.
ROUTED = "department_id IS NOT NULL"
ASSIGNED = "assignee_id IS NOT NULL"


def _partial(name: str, *columns: str, where: str = LIVE) -> Index:
    return Index(name, *columns, sqlite_where=text(where), postgresql_where=text(where))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Channel(Base):
    """A platform account the newsroom listens on (one Mastodon account, one mailbox, ...)."""

    __tablename__ = "channels"
    __table_args__ = (
        UniqueConstraint("platform", "account"),
        CheckConstraint(_in("platform", Platform), name="platform"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(Instant())
    # A connected channel has options (JSON: base_url, imap_host, ...); channels
    # that only ever came in through an import file have none. The secret is
    # in the OS keyring, never here.
    options: Mapped[str | None] = mapped_column(Text)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    # The connector's cursor (JSON), stored with the items it covers.
    cursor: Mapped[str | None] = mapped_column(Text)
    # ok | backing_off | rate_limited | needs_attention | error
    health: Mapped[str] = mapped_column(String(20), default="ok", server_default="ok")
    health_reason: Mapped[str | None] = mapped_column(Text)
    retry_at: Mapped[datetime | None] = mapped_column(Instant())
    last_poll_at: Mapped[datetime | None] = mapped_column(Instant())
    last_item_at: Mapped[datetime | None] = mapped_column(Instant())
    # Automatic acknowledgement of a new case: None follows the platform's
    # default (on for e-mail, as the Dutch government e-mail code asks).
    auto_ack: Mapped[bool | None] = mapped_column(Boolean)


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Instant())
    # How new cases are given to the department's agents: manual | round_robin | least_loaded.
    assignment_policy: Mapped[str] = mapped_column(String(20), default="manual", server_default="manual")
    # Round robin: the agent who got the last case.
    last_assigned_user_id: Mapped[int | None] = mapped_column(BigInteger)


class User(Base):
    """A person working in the newsroom; `name` is the login name used by `--as`."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", Role), name="role"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Instant())
    # Assignment: an absent agent gets no new cases; capacity caps open cases (None: no cap).
    absent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    capacity: Mapped[int | None] = mapped_column(Integer)


class Case(Base):
    """A conversation with a citizen: a thread of messages and the work on it.

    The summary columns (created_at .. snippet) are derived from the case's
    messages and kept current by the actions that add or move messages.
    """

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint(_in("status", CaseStatus), name="status"),
        CheckConstraint(_in("priority", Priority), name="priority"),
        # The inbox queue (due time, then age) and newest-first, under the
        # common filters, over live cases only (a merged case is a pointer);
        # and the same for open work, the desk's default views. Partial
        # indexes keep every inbox page an index walk, also at an offset.
        _partial("ix_cases_queue", "status", "due_at", "created_at", "id"),
        _partial("ix_cases_queue_all", "due_at", "created_at", "id"),
        _partial("ix_cases_department_queue", "department_id", "status", "due_at", "created_at", "id", where=f"{LIVE} AND {ROUTED}"),
        _partial("ix_cases_assignee_queue", "assignee_id", "status", "due_at", "created_at", "id", where=f"{LIVE} AND {ASSIGNED}"),
        _partial("ix_cases_channel_queue", "channel_id", "due_at", "created_at", "id"),
        _partial("ix_cases_open_queue", "due_at", "created_at", "id", where=f"{LIVE} AND {OPEN_WORK}"),
        _partial("ix_cases_open_department_queue", "department_id", "due_at", "created_at", "id", where=f"{LIVE} AND {OPEN_WORK} AND {ROUTED}"),
        _partial("ix_cases_open_assignee_queue", "assignee_id", "due_at", "created_at", "id", where=f"{LIVE} AND {OPEN_WORK}"),
        _partial("ix_cases_recent", "last_message_at", "id"),
        _partial("ix_cases_status_recent", "status", "last_message_at", "id"),
        _partial("ix_cases_department_recent", "department_id", "last_message_at", "id", where=f"{LIVE} AND {ROUTED}"),
        _partial("ix_cases_assignee_recent", "assignee_id", "last_message_at", "id", where=f"{LIVE} AND {ASSIGNED}"),
        _partial("ix_cases_open_recent", "last_message_at", "id", where=f"{LIVE} AND {OPEN_WORK}"),
        _partial("ix_cases_open_department_recent", "department_id", "last_message_at", "id", where=f"{LIVE} AND {OPEN_WORK} AND {ROUTED}"),
        _partial("ix_cases_open_assignee_recent", "assignee_id", "last_message_at", "id", where=f"{LIVE} AND {OPEN_WORK}"),
        _partial("ix_cases_merged_into_id", "merged_into_id", where="merged_into_id IS NOT NULL"),
        # The "at risk" view: open cases by the instant their first running clock reaches 75%.
        _partial("ix_cases_risk", "risk_at", "id", where=f"{LIVE} AND {OPEN_WORK} AND risk_at IS NOT NULL"),
        # The alert sweep: cases whose next unrecorded 75% / 90% / due instant has come.
        _partial("ix_cases_alert", "alert_at", "id", where="alert_at IS NOT NULL"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    status: Mapped[str] = mapped_column(String(24), default=CaseStatus.new.value)
    priority: Mapped[str] = mapped_column(String(10), default=Priority.normal.value)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    subject: Mapped[str | None] = mapped_column(Text)
    author_label: Mapped[str] = mapped_column(String(320), default="")
    snippet: Mapped[str] = mapped_column(String(300), default="")
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(Instant())
    last_message_at: Mapped[datetime] = mapped_column(Instant())
    last_inbound_at: Mapped[datetime | None] = mapped_column(Instant())
    updated_at: Mapped[datetime] = mapped_column(Instant())
    # Response targets (filled by the response-target clocks; reserved here).
    due_at: Mapped[datetime | None] = mapped_column(Instant())
    first_response_due_at: Mapped[datetime | None] = mapped_column(Instant())
    next_response_due_at: Mapped[datetime | None] = mapped_column(Instant())
    resolution_due_at: Mapped[datetime | None] = mapped_column(Instant())
    first_responded_at: Mapped[datetime | None] = mapped_column(Instant())
    resolved_at: Mapped[datetime | None] = mapped_column(Instant())
    # The response-target clocks (JSON list, see newsroom/targets/clocks.py),
    # a pure function of the case's history; due_at is the soonest running
    # clock's due time and risk_at the soonest 75% instant.
    clocks: Mapped[str | None] = mapped_column(Text)
    risk_at: Mapped[datetime | None] = mapped_column(Instant())
    # The soonest 90% instant of a running clock (the inbox colours red from it).
    urgent_at: Mapped[datetime | None] = mapped_column(Instant())
    # Bookkeeping for the alert sweep (not part of the clocks): the next
    # threshold instant of a running clock that has not been recorded yet.
    alert_at: Mapped[datetime | None] = mapped_column(Instant())
    # The routing rule that placed the case (no foreign key: a rule can go, its trace stays).
    rule_id: Mapped[int | None] = mapped_column(BigInteger)


class Message(Base):
    """One message as it arrived (inbound) or left (outbound). Never edited."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("channel_id", "external_id"),
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
        Index("ix_messages_case_id", "case_id", "received_at"),
        Index("ix_messages_thread", "channel_id", "thread_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    external_id: Mapped[str] = mapped_column(String(512))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    direction: Mapped[str] = mapped_column(String(3))
    author_id: Mapped[str | None] = mapped_column(String(320))
    author_handle: Mapped[str | None] = mapped_column(String(320))
    author_name: Mapped[str | None] = mapped_column(String(320))
    author_email: Mapped[str | None] = mapped_column(String(320))
    author_phone: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(Instant())
    ingested_at: Mapped[datetime] = mapped_column(Instant())
    in_reply_to: Mapped[str | None] = mapped_column(String(512))
    thread_id: Mapped[str | None] = mapped_column(String(512))
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(Text)  # JSON {lat, lon, address}
    metrics: Mapped[str | None] = mapped_column(Text)  # JSON {likes, reposts, replies}


class MessageRaw(Base):
    """The platform's payload, verbatim, kept apart so inbox scans stay narrow."""

    __tablename__ = "message_raw"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)


class Reply(Base):
    """An answer being written or sent: draft -> queued -> sending -> sent / failed."""

    __tablename__ = "replies"
    __table_args__ = (
        CheckConstraint(_in("state", ReplyState), name="state"),
        Index("ix_replies_case_id", "case_id"),
        Index("ix_replies_client_key", "client_key", unique=True),
        _partial("ix_replies_outbox", "channel_id", "id", where="state IN ('queued', 'sending')"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    # None for the newsroom's own automatic answers (acknowledgement, holding answer).
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id"))
    in_reply_to_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default=ReplyState.draft.value)
    failure_reason: Mapped[str | None] = mapped_column(Text)
    sent_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    created_at: Mapped[datetime] = mapped_column(Instant())
    updated_at: Mapped[datetime] = mapped_column(Instant())
    # The client UUID given to the platform (Idempotency-Key, Message-ID,
    # record key): set when the reply is queued, the same on every retry.
    client_key: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(Instant())
    queued_at: Mapped[datetime | None] = mapped_column(Instant())
    sent_at: Mapped[datetime | None] = mapped_column(Instant())
    external_id: Mapped[str | None] = mapped_column(String(512))
    # answer (a person's answer) | auto_ack | holding (hand-off) | incident (one answer to every reporter).
    # Only answers and incident answers meet a response target.
    kind: Mapped[str] = mapped_column(String(12), default="answer", server_default="answer")


class SetAside(Base):
    """A payload that could not be taken in (malformed, hostile, truncated), kept with the reason for an admin."""

    __tablename__ = "set_aside"
    __table_args__ = (Index("ix_set_aside_channel_id", "channel_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    source: Mapped[str] = mapped_column(String(20))  # connector | import
    external_id: Mapped[str | None] = mapped_column(String(512))
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Instant())
    dismissed_at: Mapped[datetime | None] = mapped_column(Instant())


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class CaseTag(Base):
    __tablename__ = "case_tags"
    __table_args__ = (Index("ix_case_tags_tag_id", "tag_id", "case_id"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id"), primary_key=True)


class Note(Base):
    """An internal note on a case; never shown to the citizen."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    author_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Instant())


class AuditEntry(Base):
    """Who did what to which object, with what result, from where, when (BIO 8.15)."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_case_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(Instant())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int | None] = mapped_column(BigInteger)
    case_id: Mapped[int | None] = mapped_column(BigInteger)
    result: Mapped[str] = mapped_column(String(10))
    origin: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class CaseCount(Base):
    """Live case counts per inbox dimension, kept by triggers (SQLite).

    Counting 700,000 cases by status takes ~20 ms in SQLite; summing this
    small table takes well under one. Zero stands for "none" so that the
    unique key also covers unassigned cases.
    """

    __tablename__ = "case_counts"

    status: Mapped[str] = mapped_column(String(24), primary_key=True)
    department_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    assignee_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    channel_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    priority: Mapped[str] = mapped_column(String(10), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))



class CaseEvent(Base):
    """What happened to a case that its clocks depend on: status, priority, tags, hand-off, send-back.

    Messages and sent replies carry their own times; together with these
    events they are the history the clocks are computed from.
    """

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id", "case_id", "at", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(Instant())
    kind: Mapped[str] = mapped_column(String(20))  # status | priority | tag | untag | handoff | sendback
    value: Mapped[str] = mapped_column(Text, default="")  # the new value, or JSON for handoff/sendback
    actor_id: Mapped[int | None] = mapped_column(BigInteger)


class RoutingRule(Base):
    """One routing rule: ordered, conditions and actions as JSON (see newsroom/routing)."""

    __tablename__ = "routing_rules"
    __table_args__ = (Index("ix_routing_rules_position", "position", "id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    definition: Mapped[str] = mapped_column(Text)  # JSON {"when": {...}, "then": {...}}
    created_at: Mapped[datetime] = mapped_column(Instant())
    updated_at: Mapped[datetime] = mapped_column(Instant())
    # A rule that fails on a message is skipped; the failures are counted here for the admin.
    error_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(Instant())


class CalendarRow(Base):
    """A business-time calendar besides the built-ins (definition as Calendar.to_dict)."""

    __tablename__ = "calendars"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    definition: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(Instant())


class TargetPolicy(Base):
    """Response targets in business minutes for cases of a platform and priority (optionally a tag)."""

    __tablename__ = "target_policies"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str | None] = mapped_column(String(16))  # None: any platform
    priority: Mapped[str | None] = mapped_column(String(10))  # None: any priority
    tag: Mapped[str | None] = mapped_column(String(64))
    calendar: Mapped[str] = mapped_column(String(100))
    first_response_minutes: Mapped[int | None] = mapped_column(Integer)
    next_response_minutes: Mapped[int | None] = mapped_column(Integer)
    resolution_minutes: Mapped[int | None] = mapped_column(Integer)
    handoff_minutes: Mapped[int | None] = mapped_column(Integer)  # the department's clock after a hand-off
    updated_at: Mapped[datetime] = mapped_column(Instant())


class ClockAlert(Base):
    """A clock passed 75% or 90% of its target, or its due time (level 100): recorded once."""

    __tablename__ = "clock_alerts"
    __table_args__ = (
        UniqueConstraint("case_id", "clock", "seq", "level"),
        Index("ix_clock_alerts_recorded", "recorded_at", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    clock: Mapped[str] = mapped_column(String(24))
    seq: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(Instant())  # the instant the threshold was reached
    recorded_at: Mapped[datetime] = mapped_column(Instant())


class Crisis(Base):
    """Crisis mode: while on, clocks of cases with these tags or on these channels run 24/7."""

    __tablename__ = "crises"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of tag names
    channel_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of channel ids
    statement: Mapped[str] = mapped_column(Text, default="")  # the pinned holding statement
    started_at: Mapped[datetime] = mapped_column(Instant())
    ended_at: Mapped[datetime | None] = mapped_column(Instant())
    started_by: Mapped[int | None] = mapped_column(BigInteger)
    ended_by: Mapped[int | None] = mapped_column(BigInteger)


class Incident(Base):
    """One incident reported on many channels: proposed by the clusterer, accepted or declined by a person."""

    __tablename__ = "incidents"
    __table_args__ = (CheckConstraint("status IN ('proposed', 'accepted', 'declined')", name="status"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    title: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON: category, location, score
    created_at: Mapped[datetime] = mapped_column(Instant())
    updated_at: Mapped[datetime] = mapped_column(Instant())
    decided_at: Mapped[datetime | None] = mapped_column(Instant())
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    answered_at: Mapped[datetime | None] = mapped_column(Instant())


class IncidentMember(Base):
    """A message (and its case) that belongs to an incident."""

    __tablename__ = "incident_members"
    __table_args__ = (Index("ix_incident_members_case_id", "case_id"),)

    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    added_at: Mapped[datetime] = mapped_column(Instant())


class Template(Base):
    """A canned answer with variables ({naam}, {zaaknummer}, {verwachte_datum}, {afdeling})."""

    __tablename__ = "templates"
    __table_args__ = (CheckConstraint("kind IN ('answer', 'auto_ack', 'holding', 'crisis')", name="kind"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="answer")
    platform: Mapped[str | None] = mapped_column(String(16))  # None: every platform
    language: Mapped[str] = mapped_column(String(8), default="nl")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Instant())
    updated_at: Mapped[datetime] = mapped_column(Instant())


metadata = Base.metadata
