"""Where a new case lands, decided inside ingest: routing, assignment, clocks, acknowledgement.

For each batch of new cases ingest calls `place_new_cases` before it
inserts them (so department, assignee, priority, rule and clocks go in with
the insert itself, no second write), `tag_new_cases` after, and
`acknowledge` once the messages are stored. Routing lives in
newsroom/actions/routing.py, the acknowledgement text in
newsroom/actions/templates.py; the clocks are computed here from the new
case's own messages, the same pure function every later refresh uses.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select

from newsroom.actions.base import Tx
from newsroom.actions.clockstore import stored_values
from newsroom.actions.common import CHANNELS, TAGS
from newsroom.actions.targets import CASE_TAGS
from newsroom.targets.clocks import History, compute, from_seconds, to_us


@dataclass(slots=True)
class Placed:
    priority: str = "normal"
    department_id: int | None = None
    assignee_id: int | None = None
    rule_id: int | None = None
    tags: tuple[str, ...] = ()
    clocks: str | None = None
    due_at: datetime | None = None
    risk_at: datetime | None = None
    urgent_at: datetime | None = None
    alert_at: datetime | None = None
    # The first-response clock's due instant (epoch seconds): the acknowledgement's expected date.
    first_due: int | None = None


def _channels(tx: Tx, ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """id -> (platform, name, account), cached for the database's life (channels are few)."""
    known: dict = tx.cache.setdefault("channel_info", {})
    missing = [i for i in ids if i not in known]
    if missing:
        for r in tx.conn.execute(select(CHANNELS.c.id, CHANNELS.c.platform, CHANNELS.c.name, CHANNELS.c.account).where(CHANNELS.c.id.in_(missing))):
            known[r.id] = (r.platform, r.name, r.account)
    return known


def _route(tx: Tx, summaries: list[dict], channels: dict) -> list:
    try:
        from newsroom.actions.routing import RoutingInput, route_new_cases
    except ImportError:
        return [None] * len(summaries)
    inputs = []
    for v in summaries:
        item = v["item"]
        platform, name, account = channels[v["channel_id"]]
        author = item.author
        inputs.append(RoutingInput(
            platform=platform, channel_id=v["channel_id"], channel_name=name, channel_account=account,
            text=item.text, subject=item.subject, author_id=author.id, author_handle=author.handle,
            author_name=author.name, author_email=author.email, category=item.category, language=item.language,
            location=item.location, received_at=item.received_at,
        ))
    return route_new_cases(tx, inputs)


def place_new_cases(tx: Tx, summaries: list[dict], config, crises) -> list[Placed]:
    """Routing, assignment and clocks for new cases (summaries as ingest builds them, in order).

    `config` and `crises` are `load_config`'s, read once per batch by ingest.
    """
    channels = _channels(tx, {v["channel_id"] for v in summaries})
    decisions = _route(tx, summaries, channels)
    now_s = int(tx.now.timestamp())
    placed = []
    for v, decision in zip(summaries, decisions):
        p = Placed()
        if decision is not None:
            p.priority = decision.priority or "normal"
            p.department_id = decision.department_id
            p.assignee_id = decision.assignee_id
            p.rule_id = decision.rule_id
            p.tags = tuple(decision.tags)
        history = History(channels[v["channel_id"]][0], v["channel_id"], p.priority, frozenset(p.tags),
                          sorted(to_us(t) for t in v["inbound"]), [], [])
        result = compute(history, config, crises)
        values = stored_values(result, now_s)
        p.clocks, p.due_at, p.risk_at, p.urgent_at, p.alert_at = (
            values["clocks"], values["due_at"], values["risk_at"], values["urgent_at"], values["alert_at"])
        p.first_due = next((c.get("due") for c in result.clocks if c["clock"] == "first_response"), None)
        placed.append(p)
    return placed


def tag_new_cases(tx: Tx, pairs: list[tuple[int, tuple[str, ...]]]) -> None:
    """Put the routing rules' tags on new cases (tags created on first use)."""
    names = sorted({t for _case, tags in pairs for t in tags})
    ids: dict = tx.cache.setdefault("tag_ids", {})
    missing = [n for n in names if n not in ids]
    if missing:
        for r in tx.conn.execute(select(TAGS.c.id, TAGS.c.name).where(TAGS.c.name.in_(missing))):
            ids[r.name] = r.id
        for name in missing:
            if name not in ids:
                # Not cached: the transaction that creates it may roll back.
                tag_id = tx.conn.execute(insert(TAGS).values(name=name).returning(TAGS.c.id)).scalar_one()
                tx.cache.setdefault("tag_ids_uncommitted", {})[name] = tag_id
    local = {**ids, **tx.cache.pop("tag_ids_uncommitted", {})}
    rows = [{"case_id": case_id, "tag_id": local[t]} for case_id, tags in pairs for t in sorted(set(tags))]
    if rows:
        tx.conn.execute(insert(CASE_TAGS), rows)


def acknowledge(tx: Tx, new: list[tuple[int, int, dict]]) -> list[int]:
    """Queue the automatic acknowledgement of new cases where the channel wants one."""
    try:
        from newsroom.actions.templates import acknowledge_new_cases
    except ImportError:
        return []
    channels = _channels(tx, {v["channel_id"] for _c, _m, v in new})
    cases = []
    for case_id, message_id, v in new:
        placed: Placed | None = v.get("placed")
        expected = None
        if placed is not None and placed.first_due is not None:
            expected = from_seconds(placed.first_due)
        item = v["item"]
        cases.append({
            "case_id": case_id, "channel_id": v["channel_id"], "platform": channels[v["channel_id"]][0],
            "message_id": message_id, "author_name": item.author.name, "expected": expected, "raw": item.raw,
        })
    return acknowledge_new_cases(tx, cases, fresh=True)
