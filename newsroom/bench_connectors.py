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
    """Rate limits off: the figure is about our side, not the platform's pacing.

    (Only the Mastodon fake counts requests against a budget; the others
    answer 429 only when a test injects it.)
    """
    if hasattr(fake, "rate_limit_per_period"):
        fake.rate_limit_per_period = 10**9


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


def _mail(n: int, item: dict) -> bytes:
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    from newsroom.timeutil import parse_instant

    msg = EmailMessage()
    author = item.get("author") or {}
    msg["From"] = f"{author.get('name') or 'Burger'} <burger{n}@example.nl>"
    msg["To"] = "info@gemeente.test"
    msg["Subject"] = " ".join((item.get("subject") or item["text"][:60]).split())
    msg["Date"] = format_datetime(parse_instant(item["received_at"]))
    msg["Message-ID"] = make_msgid(f"b{n}", "example.nl")
    msg.set_content(item["text"])
    return bytes(msg)


def bench_email(work: Path, backlog: int = BACKLOG, idle_samples: int = 10) -> dict:
    """The e-mail connector against a real Dovecot: a backlog, then new mail pushed through IDLE."""
    from newsroom.demo.generator import generate
    from newsroom.fakes.dovecot import Dovecot, DovecotUnavailable, append_many

    server = Dovecot()
    user, password = "info@gemeente.test", "bench-secret"
    try:
        host, port = server.start(users={user: password})
    except DovecotUnavailable as error:
        return {"skipped": str(error)}
    path = work / "connector-email.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(sqlite_url(path))
    try:
        secrets = MemorySecretStore()
        options = {"imap_host": host, "imap_port": port, "imap_security": "none", "username": user,
                   "smtp_host": "127.0.0.1", "smtp_port": 25, "smtp_security": "none"}
        connect(db, SYSTEM, platform="email", name="Mail", options=options, secret=password, secrets=secrets)
        channel = load_channels(db)[0]
        mails = [_mail(n, item) for n, item in enumerate(generate(backlog + idle_samples, seed=5))]

        async def run() -> dict:
            async with Collector(db, secrets=secrets, origin="bench") as collector:
                await collector.poll(channel)  # the empty mailbox: the cursor is up to date
                append_many(server, user, mails[:backlog])
                seconds = await _drain(collector, channel, db, backlog)
                connector = collector.connector(channel)
                pushes = []
                for n in range(idle_samples):
                    waiting = asyncio.ensure_future(connector.wait_for_new(30.0))
                    await asyncio.sleep(0.3)  # IDLE is established
                    start = time.perf_counter()
                    await asyncio.to_thread(append_many, server, user, [mails[backlog + n]])
                    await waiting
                    await collector.poll(channel)
                    pushes.append((time.perf_counter() - start) * 1000)
                pushes.sort()
                return {
                    "messages": backlog, "seconds": round(seconds, 2), "messages_per_s": round(backlog / seconds),
                    "idle_new_mail_to_stored_ms": {"p50": round(pushes[len(pushes) // 2], 1), "max": round(pushes[-1], 1)},
                    "stored": _count(db),
                }

        return asyncio.run(run())
    finally:
        db.close()
        server.stop()


def run_connector_bench(work: Path, *, platforms: list[str] | None = None, backlog: int = BACKLOG,
                        progress=None) -> dict:
    out: dict = {}
    for platform in [p for p in (platforms or list(FAKES)) if p in FAKES]:
        if progress:
            progress(f"connector {platform}: {backlog} messages")
        try:
            out[platform] = bench_platform(platform, work, backlog)
        except Exception as error:  # noqa: BLE001 - one platform's failure is a figure, not a crash
            out[platform] = {"error": f"{type(error).__name__}: {error}"}
    if platforms is None or "email" in platforms:
        if progress:
            progress(f"connector email: {backlog} messages on a private Dovecot")
        try:
            out["email"] = bench_email(work, backlog)
        except Exception as error:  # noqa: BLE001
            out["email"] = {"error": f"{type(error).__name__}: {error}"}
    rates = [v["messages_per_s"] for v in out.values() if "messages_per_s" in v]
    out["worst_messages_per_s"] = min(rates) if rates else None
    out["target"] = ">= 1000 messages/s per connector"
    return out
