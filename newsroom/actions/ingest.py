"""Ingest: store inbound messages (each once) and file each in the right case.

A message is unique per (channel, external id): ingesting it again changes
nothing. A message that answers a known message (``in_reply_to``) or shares
a known thread (``thread_id``) joins that message's case, and reopens it if
it was waiting, resolved or closed; any other message starts a new case.

Ingest works on a batch (a connector's page, or a slice of an import file)
in one transaction with set-wise statements: per-message statements would
cap a desk at a few hundred messages a second.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, case, select, text, update

from newsroom.actions.base import Change, Tx, action
from newsroom.actions.clockstore import refresh
from newsroom.actions.common import CASES, MESSAGES, channel_id_for, snippet
from newsroom.actions.placement import acknowledge, place_new_cases, tag_new_cases
from newsroom.actions.targets import load_config
from newsroom.db.bulk import insert_rows
from newsroom.db.derived import count_new_cases, index_new_messages
from newsroom.db.ids import reserve_ids
from newsroom.inbound import InboundItem, dumps
from newsroom.model import CaseStatus, MessageRaw

RAW = MessageRaw.__table__
REOPENING = frozenset({CaseStatus.waiting_on_citizen.value, CaseStatus.resolved.value, CaseStatus.closed.value})
LOOKUP_CHUNK = 5000  # keys per lookup statement

# Built once: an IN list built per batch costs more to construct than to run.
_CASE_STATE = select(
    CASES.c.id, CASES.c.snippet, CASES.c.status, CASES.c.merged_into_id, CASES.c.created_at, CASES.c.last_message_at, CASES.c.last_inbound_at
).where(CASES.c.id.in_(bindparam("ids", expanding=True)))
_UPDATE_CASE = (
    update(CASES)
    .where(CASES.c.id == bindparam("b_id"))
    .values(
        status=bindparam("b_status"),
        created_at=bindparam("b_created_at"),
        last_message_at=bindparam("b_last_message_at"),
        last_inbound_at=bindparam("b_last_inbound_at"),
        snippet=bindparam("b_snippet"),
        message_count=CASES.c.message_count + bindparam("b_added"),
        updated_at=bindparam("b_updated_at"),
        # A reopened case is no longer resolved.
        resolved_at=case((bindparam("b_reopened"), None), else_=CASES.c.resolved_at),
    )
)


_CASE_COLUMNS = ("id", "status", "priority", "channel_id", "subject", "author_label", "snippet", "message_count",
                 "created_at", "last_message_at", "last_inbound_at", "updated_at", "department_id", "assignee_id",
                 "rule_id", "clocks", "due_at", "risk_at", "urgent_at", "alert_at")
_CASE_INSTANTS = ("created_at", "last_message_at", "last_inbound_at", "updated_at", "due_at", "risk_at", "urgent_at", "alert_at")
_MESSAGE_COLUMNS = ("id", "channel_id", "external_id", "case_id", "direction", "author_id", "author_handle",
                    "author_name", "author_email", "author_phone", "text", "subject", "received_at", "ingested_at",
                    "in_reply_to", "thread_id", "url", "language", "category", "location", "metrics")


def _json(value) -> str | None:
    return None if value is None else dumps(value)


@dataclass(slots=True)
class IngestResult:
    """What a batch did: new message and case ids, duplicates, reopened cases."""

    message_ids: list[int] = field(default_factory=list)
    new_case_ids: list[int] = field(default_factory=list)
    touched_case_ids: set[int] = field(default_factory=set)
    duplicates: int = 0
    reopened: dict[int, str] = field(default_factory=dict)


def _chunks(seq: Sequence, size: int):
    for start in range(0, len(seq), size):
        yield seq[start : start + size]


def _lookup(tx: Tx, column, keys: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """(channel id, key) -> case id for stored messages, by `column` (external_id or thread_id).

    SQLite: every (channel, key) pair of the batch as one JSON parameter,
    walked in order, each an index lookup (one statement instead of one per
    channel: a page spans many channels). PostgreSQL: one statement per
    channel with the keys as an array. An IN list of hundreds of bound
    values costs more to compile than to run on either.
    """
    found: dict[tuple[int, str], int] = {}
    if tx.dialect == "sqlite":
        statement = _LOOKUP_SQLITE[column.name]
        pairs = sorted(keys)
        for part in _chunks(pairs, LOOKUP_CHUNK):
            for channel_id, key, case_id in tx.conn.execute(statement, {"pairs": dumps(part)}):
                found.setdefault((channel_id, key), case_id)
        return found
    by_channel: dict[int, list[str]] = {}
    for channel_id, key in keys:
        by_channel.setdefault(channel_id, []).append(key)
    statement = _LOOKUP_PG[column.name]
    for channel_id, values in by_channel.items():
        for part in _chunks(values, LOOKUP_CHUNK):
            for key, case_id in tx.conn.execute(statement, {"channel_id": channel_id, "keys": list(part)}):
                found.setdefault((channel_id, key), case_id)
    return found


# CROSS JOIN keeps the pairs as the outer loop: each is one probe of the
# (channel_id, key) index, whatever the planner thinks of json_each's size.
_LOOKUP_SQLITE = {
    name: text(
        f"SELECT m.channel_id, m.{name}, m.case_id FROM json_each(:pairs) AS j CROSS JOIN messages AS m"
        f" WHERE m.channel_id = json_extract(j.value, '$[0]') AND m.{name} = json_extract(j.value, '$[1]')"
    )
    for name in ("external_id", "thread_id")
}
_LOOKUP_PG = {
    name: text(f"SELECT {name}, case_id FROM messages WHERE channel_id = :channel_id AND {name} = ANY(:keys)")
    for name in ("external_id", "thread_id")
}


def _case_states(tx: Tx, case_ids: set[int]) -> dict[int, dict]:
    """Current summary of existing cases, following merges to where they went."""
    states: dict[int, dict] = {}
    pending = set(case_ids)
    while pending:
        batch = sorted(pending)
        pending = set()
        for part in _chunks(batch, LOOKUP_CHUNK):
            for row in tx.conn.execute(_CASE_STATE, {"ids": part}):
                states[row.id] = row._asdict()
                if row.merged_into_id is not None and row.merged_into_id not in states:
                    pending.add(row.merged_into_id)
    return states


def _final(states: dict[int, dict], case_id: int) -> int:
    seen = set()
    while states.get(case_id, {}).get("merged_into_id") is not None and case_id not in seen:
        seen.add(case_id)
        case_id = states[case_id]["merged_into_id"]
    return case_id


def ingest_items(tx: Tx, items: Sequence[InboundItem]) -> IngestResult:
    """Store `items` (in order) and file them in cases; the set-wise core of ingest."""
    conn = tx.conn
    result = IngestResult()
    channels = tx.cache.setdefault("channels", {})
    keyed = [(channel_id_for(tx, it.platform, it.channel, channels), it) for it in items]

    lookups = {(c, it.external_id) for c, it in keyed}
    lookups.update((c, it.in_reply_to) for c, it in keyed if it.in_reply_to)
    known = _lookup(tx, MESSAGES.c.external_id, lookups)
    thread_keys = {(c, it.thread_id) for c, it in keyed if it.thread_id}
    threads = _lookup(tx, MESSAGES.c.thread_id, thread_keys) if thread_keys else {}
    states = _case_states(tx, set(known.values()) | set(threads.values()))

    # Decide, in order, where each new message goes. A new case gets a
    # negative placeholder until the database hands out its id.
    placement: list[tuple[int, InboundItem, int]] = []
    batch_messages: dict[tuple[int, str], int] = {}
    batch_threads: dict[tuple[int, str], int] = {}
    new_cases: dict[int, dict] = {}
    for channel_id, item in keyed:
        key = (channel_id, item.external_id)
        if key in known or key in batch_messages:
            result.duplicates += 1
            continue
        case_ref = None
        if item.in_reply_to:
            parent = (channel_id, item.in_reply_to)
            case_ref = batch_messages.get(parent, known.get(parent))
        if case_ref is None and item.thread_id:
            tkey = (channel_id, item.thread_id)
            case_ref = batch_threads.get(tkey, threads.get(tkey))
        if case_ref is not None and case_ref > 0:
            case_ref = _final(states, case_ref)
        received = item.received_at
        text_snippet = snippet(item.text)
        if case_ref is None:
            case_ref = -(len(new_cases) + 1)
            new_cases[case_ref] = dict(
                item=item,
                inbound=[],
                status=CaseStatus.new.value,
                priority="normal",
                channel_id=channel_id,
                subject=item.subject,
                author_label=item.author.label[:320],
                snippet=text_snippet,
                message_count=0,
                created_at=received,
                last_message_at=received,
                last_inbound_at=received,
                updated_at=tx.now,
            )
        summary = new_cases[case_ref] if case_ref < 0 else states[case_ref]
        if case_ref < 0:
            summary["inbound"].append(received)
        summary["message_count_added"] = summary.get("message_count_added", 0) + 1
        if case_ref > 0 and summary["status"] in REOPENING:
            result.reopened[case_ref] = summary["status"]
            summary["status"] = CaseStatus.open.value
        summary["created_at"] = min(summary["created_at"], received)
        summary["last_message_at"] = max(summary["last_message_at"], received)
        if summary["last_inbound_at"] is None or received >= summary["last_inbound_at"]:
            summary["last_inbound_at"] = received
            summary["snippet"] = text_snippet
        summary["touched"] = True
        batch_messages[key] = case_ref
        if item.thread_id:
            batch_threads.setdefault((channel_id, item.thread_id), case_ref)
        placement.append((channel_id, item, case_ref))

    if not placement:
        return result

    # Calendars, policies and crises: one version check per batch, for new and touched cases alike.
    targets = load_config(tx.conn, tx.cache)
    real_ids: dict[int, int] = {}
    new_case_tags: list[tuple[int, tuple[str, ...]]] = []
    if new_cases:
        refs = list(new_cases)
        decisions = place_new_cases(tx, [new_cases[ref] for ref in refs], *targets)
        ids = reserve_ids(conn, CASES, len(refs))
        real_ids = dict(zip(refs, ids))
        result.new_case_ids = ids
        rows = []
        for ref, case_id, placed in zip(refs, ids, decisions):
            v = new_cases[ref]
            rows.append((case_id, v["status"], placed.priority, v["channel_id"], v["subject"], v["author_label"],
                         v["snippet"], v["message_count_added"], v["created_at"], v["last_message_at"],
                         v["last_inbound_at"], v["updated_at"], placed.department_id, placed.assignee_id,
                         placed.rule_id, placed.clocks, placed.due_at, placed.risk_at, placed.urgent_at, placed.alert_at))
            if placed.tags:
                new_case_tags.append((case_id, placed.tags))
            v["placed"] = placed
        insert_rows(conn, CASES, _CASE_COLUMNS, rows, _CASE_INSTANTS)
        count_new_cases(conn, ids)
        if new_case_tags:
            tag_new_cases(tx, new_case_tags)

    updates = [
        {
            "b_id": case_id,
            "b_status": s["status"],
            "b_created_at": s["created_at"],
            "b_last_message_at": s["last_message_at"],
            "b_last_inbound_at": s["last_inbound_at"],
            "b_snippet": s["snippet"],
            "b_added": s["message_count_added"],
            "b_updated_at": tx.now,
            "b_reopened": case_id in result.reopened,
        }
        for case_id, s in states.items()
        if s.get("touched")
    ]
    if updates:
        conn.execute(_UPDATE_CASE, updates)

    message_ids = reserve_ids(conn, MESSAGES, len(placement))
    message_rows = []
    raw_rows = []
    now = tx.now
    for message_id, (channel_id, item, case_ref) in zip(message_ids, placement):
        case_id = real_ids[case_ref] if case_ref < 0 else case_ref
        author = item.author
        message_rows.append(
            (message_id, channel_id, item.external_id, case_id, "in", author.id, author.handle, author.name,
             author.email, author.phone, item.text, item.subject, item.received_at, now, item.in_reply_to,
             item.thread_id, item.url, item.language, item.category, _json(item.location), _json(item.metrics))
        )
        raw_rows.append((message_id, item.raw_json()))
        result.touched_case_ids.add(case_id)
    insert_rows(conn, MESSAGES, _MESSAGE_COLUMNS, message_rows, ("received_at", "ingested_at"))
    insert_rows(conn, RAW, ("message_id", "payload"), raw_rows)
    index_new_messages(conn, message_ids)
    result.message_ids = list(message_ids)
    # Existing cases with new messages: their clocks follow from the stored history.
    existing = [case_id for case_id, s in states.items() if s.get("touched")]
    if existing:
        refresh(tx, existing, *targets)
    if new_cases:
        first_message = {}
        for message_id, (_channel_id, _item, case_ref) in zip(message_ids, placement):
            if case_ref < 0:
                first_message.setdefault(case_ref, message_id)
        acknowledge(tx, [(real_ids[ref], first_message[ref], v) for ref, v in new_cases.items()])
    return result


@action("ingest")
def ingest(tx: Tx, items: Sequence[InboundItem]) -> Change:
    """Store inbound messages (each once) and file them in their cases."""
    result = ingest_items(tx, list(items))
    fields = {f"case {cid} status": [old, CaseStatus.open.value] for cid, old in result.reopened.items()}
    return Change(
        "ingest",
        "message",
        result.message_ids[0] if len(result.message_ids) == 1 else None,
        tuple(sorted(result.touched_case_ids)),
        fields,
        info={
            "imported": len(result.message_ids),
            "duplicates": result.duplicates,
            "message_ids": result.message_ids,
            "new_case_ids": result.new_case_ids,
        },
    )
