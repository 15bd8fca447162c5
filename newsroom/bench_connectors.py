"""Connector speed: a backlog on a loopback fake, end-to-end into the inbox.

For each platform fake: a fresh desk database, the channel connected and
polled once while the platform is empty (so its cursor is where a running
desk's would be), then a backlog of 10,000 citizen messages posted on the
fake with its rate limits off, and the time until every one of them is in
the inbox (fetched, parsed, threaded, stored, counted, indexed) through the
collector. E-mail runs against a real Dovecot when this machine can start
one (root and dovecot-imapd), else it is reported as skipped with the reason;
its figure also includes the push path: IMAP IDLE from APPEND to stored.
"""
from __future__ import annotations

import asyncio
import importlib
import inspect
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from newsroom.actions import SYSTEM
from newsroom.channels import connect
from newsroom.connectors.runner import Collector, load_channels
from newsroom.db.engine import open_database, sqlite_url
from newsroom.demo.platforms import FAKES
from newsroom.model import Message
from newsroom.secrets import MemorySecretStore

BACKLOG = 10_000


def _count(db) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(Message.__table__)).scalar_one()


def _quiet(fake) -> None:
    """Rate limits off: the figure is about our side, not the platform's pacing."""
    for name in ("rate_limit_per_period", "rate_limit", "write_points_per_hour"):
        if isinstance(getattr(fake, name, None), int):
            setattr(fake, name, 10**9)
    if hasattr(fake, "rate_limits_enabled"):
        fake.rate_limits_enabled = False


async def _drain(collector: Collector, channel, db, want: int, timeout: float = 300.0) -> float:
    start = time.perf_counter()
    while _count(db) < want:
        await collector.poll(channel)
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"only {_count(db)} of {want} messages after {timeout:.0f} s")
    return time.perf_counter() - start


def bench_platform(platform: str, work: Path, backlog: int = BACKLOG) -> dict:
    module = importlib.import_module(FAKES[platform][0])
    fake = getattr(module, FAKES[platform][1])(port=0).start()
    path = work / f"connector-{platform}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(sqlite_url(path))
    try:
        _quiet(fake)
        spec = module.demo_channel(fake)
        secrets = MemorySecretStore()
        connect(db, SYSTEM, platform=platform, name=spec["name"], options=spec["options"], secret=spec.get("secret"), secrets=secrets)
        channel = load_channels(db)[0]

        async def run() -> dict:
            async with Collector(db, secrets=secrets, origin="bench") as collector:
                await collector.poll(channel)  # the platform is empty: the cursor is now "up to date"
                if "spread" in inspect.signature(fake.seed_backlog).parameters:
                    # Reports made over the last minute, after the desk last looked (not days ago).
                    fake.seed_backlog(backlog, spread=timedelta(seconds=60))
                else:
                    fake.seed_backlog(backlog)
                seconds = await _drain(collector, channel, db, backlog)
                return {"messages": backlog, "seconds": round(seconds, 2), "messages_per_s": round(backlog / seconds)}

        return asyncio.run(run())
    finally:
        db.close()
        fake.stop()


def run_connector_bench(work: Path, *, platforms: list[str] | None = None, backlog: int = BACKLOG,
                        progress=None) -> dict:
    out: dict = {}
    for platform in platforms or list(FAKES):
        if progress:
            progress(f"connector {platform}: {backlog} messages")
        try:
            out[platform] = bench_platform(platform, work, backlog)
        except Exception as error:  # noqa: BLE001 - one platform's failure is a figure, not a crash
            out[platform] = {"error": f"{type(error).__name__}: {error}"}
    rates = [v["messages_per_s"] for v in out.values() if "messages_per_s" in v]
    out["worst_messages_per_s"] = min(rates) if rates else None
    out["target"] = ">= 1000 messages/s per connector"
    return out
