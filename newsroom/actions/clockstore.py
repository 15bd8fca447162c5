"""Reading clock histories and writing clocks fast, on SQLite and PostgreSQL.

The clocks of a batch of cases are recomputed from their history in a few
set-wise statements: the cases, their inbound message times, their sent
answers and their events, each one query over the whole batch (the ids as
one JSON parameter on SQLite, an array on PostgreSQL). Only cases whose
clocks JSON changed are written back. On SQLite the statements bypass
SQLAlchemy's per-value type processing (instants are read as the text
SQLAlchemy stores and parsed once, and written pre-formatted): at 100,000
cases that processing cost more than the clocks themselves.
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import text

from newsroom.actions.base import Tx
from newsroom.db.bulk import sqlite_instant
from newsroom.targets.clocks import History, Result, from_seconds, to_us

ALERT_LOOKBACK_S = 24 * 3600
"""A case's thresholds are recorded from the one the sweep was waiting for
(``cases.alert_at``) on, so nothing is lost when no sweep ran for days. A case
that had nothing to wait for (new, or all its thresholds were in the past when
it arrived: an import of old mail) raises alerts only for thresholds of the
last day; its clocks show the older ones as breached all the same."""

CHUNK = 20_000


def _us(value) -> int:
    """Microseconds since the epoch from what the driver returns (text on SQLite, an aware datetime on PostgreSQL)."""
    if isinstance(value, str):  # SQLAlchemy's naive-UTC text
        value = datetime.fromisoformat(value + "+00:00")
    return to_us(value)


instant = from_seconds


def _ids_sql(dialect: str, column: str) -> str:
    if dialect == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(:ids))"
    return f"{column} = ANY(CAST(:ids AS BIGINT[]))"


def _ids_param(dialect: str, ids: list[int]):
    return json.dumps(ids) if dialect == "sqlite" else ids


def _rows(conn, dialect: str, sql: str, params: dict):
    """All rows of a query; on SQLite straight from the driver (no per-row result processing)."""
    if dialect == "sqlite":
        raw = conn.connection.dbapi_connection
        return raw.execute(sql.replace(":ids", "?"), (params["ids"],)).fetchall()
    return conn.execute(text(sql), params).all()


def load_histories(conn, case_ids, dialect: str | None = None, *, with_stored: bool = False):
    """The clock history of each live case; with `with_stored`, also its stored (clocks JSON, alert_at seconds)."""
    dialect = dialect or conn.dialect.name
    ids = sorted({int(i) for i in case_ids if i is not None})
    histories: dict[int, History] = {}
    stored: dict[int, str | None] = {}
    empty = frozenset()
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        p = {"ids": _ids_param(dialect, part)}
        for case_id, channel_id, priority, platform, clocks, alert_at in _rows(conn, dialect, (
                "SELECT c.id, c.channel_id, c.priority, ch.platform, c.clocks, c.alert_at FROM cases c JOIN channels ch ON ch.id = c.channel_id"
                f" WHERE {_ids_sql(dialect, 'c.id')} AND c.merged_into_id IS NULL"), p):
            histories[case_id] = History(platform, channel_id, priority, empty, [], [], [])
            stored[case_id] = (clocks, None if alert_at is None else _us(alert_at) // 1_000_000)
        tags: dict[int, set] = {}
        for case_id, name in _rows(conn, dialect,
                f"SELECT ct.case_id, t.name FROM case_tags ct JOIN tags t ON t.id = ct.tag_id WHERE {_ids_sql(dialect, 'ct.case_id')}", p):
            tags.setdefault(case_id, set()).add(name)
        for case_id, names in tags.items():
            h = histories.get(case_id)
            if h is not None:
                h.tags = frozenset(names)
        get = histories.get
        for case_id, at in _rows(conn, dialect,
                f"SELECT case_id, received_at FROM messages WHERE {_ids_sql(dialect, 'case_id')} AND direction = 'in'", p):
            h = get(case_id)
            if h is not None:
                h.inbound.append(_us(at))
        for case_id, at in _rows(conn, dialect,
                f"SELECT case_id, sent_at FROM replies WHERE {_ids_sql(dialect, 'case_id')} AND state = 'sent'"
                " AND kind IN ('answer', 'incident') AND sent_at IS NOT NULL", p):
            h = get(case_id)
            if h is not None:
                h.responses.append(_us(at))
        for case_id, at, kind, value in _rows(conn, dialect,
                f"SELECT case_id, at, kind, value FROM case_events WHERE {_ids_sql(dialect, 'case_id')} ORDER BY case_id, at, id", p):
            h = get(case_id)
            if h is not None:
                h.events.append((_us(at), kind, value))
    for h in histories.values():
        if len(h.inbound) > 1:
            h.inbound.sort()
        if len(h.responses) > 1:
            h.responses.sort()
    return (histories, stored) if with_stored else histories


def next_alert(result: Result, now_s: int) -> int | None:
    """The first threshold of a running clock after `now_s` (what the alert sweep waits for)."""
    best = None
    for c in result.clocks:
        if c["state"] != "running":
            continue
        for key in ("warn75", "warn90", "due"):
            at = c.get(key)
            if at is not None and at > now_s and (best is None or at < best):
                best = at
    return best


def urgent_at(result: Result) -> int | None:
    """The soonest 90% instant of a running clock (the inbox turns red from it)."""
    found = [c["warn90"] for c in result.clocks if c["state"] == "running" and c.get("warn90") is not None]
    return min(found) if found else None


def stored_values(result: Result, now_s: int, encoded: str | None = None) -> dict:
    return {
        "clocks": result.encoded() if encoded is None else encoded,
        "due_at": instant(result.due_at),
        "risk_at": instant(result.risk_at),
        "urgent_at": instant(urgent_at(result)),
        "alert_at": instant(next_alert(result, now_s)),
    }


def alert_rows(case_id: int, result: Result, now_s: int, recorded_at: datetime, since_s: int | None = None) -> list[dict]:
    """Alerts for thresholds reached by `now_s` while the clock counted (after `since_s`, if given)."""
    rows = []
    for c in result.clocks:
        state = c["state"]
        end = now_s if state == "running" else (c.get("paused_since") if state == "paused" else c.get("stop"))
        if end is None:
            continue
        for level, key in ((75, "warn75"), (90, "warn90"), (100, "due")):
            at = c.get(key)
            if at is None or at > now_s or at > end:
                continue
            if state not in ("running", "paused") and at == end:
                continue  # reached exactly when the clock stopped: not passed (met at the due time is in time), as level() says
            if since_s is not None and at <= since_s:
                continue
            rows.append({"case_id": case_id, "clock": c["clock"], "seq": c["seq"], "level": level,
                         "at": instant(at), "recorded_at": recorded_at})
    return rows


def insert_alerts(tx: Tx, rows: list[dict]) -> int:
    """Insert alerts, each once (the unique key decides); returns how many were new."""
    if not rows:
        return 0
    if tx.dialect == "sqlite":
        cursor = tx.conn.exec_driver_sql(
            "INSERT INTO clock_alerts (case_id, clock, seq, level, at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (case_id, clock, seq, level) DO NOTHING",
            [(r["case_id"], r["clock"], r["seq"], r["level"], sqlite_instant(r["at"]), sqlite_instant(r["recorded_at"])) for r in rows],
        )
        return max(cursor.rowcount or 0, 0)
    result = tx.conn.execute(text(
        "INSERT INTO clock_alerts (case_id, clock, seq, level, at, recorded_at) VALUES (:case_id, :clock, :seq, :level, :at, :recorded_at)"
        " ON CONFLICT (case_id, clock, seq, level) DO NOTHING"), rows)
    return max(result.rowcount or 0, 0)


def write_clocks(tx: Tx, updates: list[tuple[int, dict]]) -> None:
    """Write (case id, stored_values) pairs."""
    if not updates:
        return
    if tx.dialect == "sqlite":
        tx.conn.exec_driver_sql(
            "UPDATE cases SET clocks = ?, due_at = ?, risk_at = ?, urgent_at = ?, alert_at = ? WHERE id = ?",
            [(v["clocks"], sqlite_instant(v["due_at"]), sqlite_instant(v["risk_at"]), sqlite_instant(v["urgent_at"]),
              sqlite_instant(v["alert_at"]), case_id)
             for case_id, v in updates],
        )
        return
    tx.conn.execute(
        text("UPDATE cases SET clocks = :clocks, due_at = :due_at, risk_at = :risk_at, urgent_at = :urgent_at,"
             " alert_at = :alert_at WHERE id = :id"),
        [{"id": case_id, **v} for case_id, v in updates],
    )


def refresh(tx: Tx, case_ids, config, crises, *, alerts: bool = True) -> set[int]:
    """Recompute and write the clocks of `case_ids` whose stored clocks differ; record passed thresholds."""
    from newsroom.targets.clocks import compute

    histories, stored = load_histories(tx.conn, case_ids, tx.dialect, with_stored=True)
    now_s = int(tx.now.timestamp())
    lookback = now_s - ALERT_LOOKBACK_S
    updates = []
    rows: list[dict] = []
    for case_id, history in histories.items():
        result = compute(history, config, crises)
        encoded = result.encoded()
        old_clocks, waiting_for = stored.get(case_id, (None, None))
        if alerts and result.clocks:
            # From the threshold the sweep was waiting for (nothing in between is
            # lost when no sweep ran for days); a case the sweep waited for
            # nothing on: the last day only.
            since = waiting_for - 1 if waiting_for is not None else lookback
            rows.extend(alert_rows(case_id, result, now_s, tx.now, since))
        if encoded != old_clocks:
            updates.append((case_id, stored_values(result, now_s, encoded)))
    write_clocks(tx, updates)
    insert_alerts(tx, rows)
    return {case_id for case_id, _ in updates}
