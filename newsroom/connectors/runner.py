"""The collector: polls every connected channel, stores pages, sends queued replies.

One asyncio task per channel. Each poll fetches pages from the cursor
stored with the channel until the connector says nothing more waits, and
stores each page through the `collect_page` action (items, set-aside
payloads and the new cursor in one transaction). Database work runs in a
worker thread so the desktop's event loop never waits on it.

Trouble is handled per channel and shown on it (`channels.health`):

* network errors and 5xx: `backing_off`, retried after 2 s doubling to
  5 min with jitter;
* a rate limit: `rate_limited` until the platform's reset time;
* a bad or expired credential: `needs_attention`, no more tries until an
  admin enters a new secret (or the app restarts);
* anything else unexpected: `error` with the reason, retried with backoff.

The other channels go on regardless.
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select, update

from newsroom.actions.base import SYSTEM, ActionError, Change, perform
from newsroom.connectors import connector_class
from newsroom.connectors.base import (
    ChannelSettings,
    Connector,
    ConnectorError,
    CredentialError,
    Health,
    Original,
    OutboundReply,
    PermanentError,
    RateLimited,
    TransientError,
    backoff_delay,
)
from newsroom.db.engine import Database
from newsroom.inbound import Author, loads
from newsroom.model import Channel, Message, MessageRaw, Reply, ReplyState, User
from newsroom.secrets import SecretStore
from newsroom.timeutil import utcnow

log = logging.getLogger(__name__)

CHANNELS = Channel.__table__
REPLIES = Reply.__table__
MESSAGES = Message.__table__
RAW = MessageRaw.__table__
USERS = User.__table__

MAX_PAGES_PER_POLL = 1000
SEND_BATCH = 50


@dataclass
class PollResult:
    pages: int = 0
    imported: int = 0
    duplicates: int = 0
    set_aside: int = 0
    case_ids: set[int] = field(default_factory=set)


@dataclass
class SendOutcome:
    reply_id: int
    state: str  # sent | failed | queued (retry later)
    detail: str = ""


def load_channels(db: Database, *, names: Iterable[str] | None = None, ids: Iterable[int] | None = None,
                  include_disabled: bool = False) -> list[ChannelSettings]:
    """The connected channels (those with options), as `ChannelSettings`."""
    query = select(CHANNELS).where(CHANNELS.c.options.is_not(None)).order_by(CHANNELS.c.id)
    if not include_disabled:
        query = query.where(CHANNELS.c.enabled.is_(True))
    with db.read() as conn:
        rows = conn.execute(query).all()
    wanted_names = set(names) if names is not None else None
    wanted_ids = set(ids) if ids is not None else None
    out = []
    for row in rows:
        if wanted_names is not None and row.name not in wanted_names:
            continue
        if wanted_ids is not None and row.id not in wanted_ids:
            continue
        out.append(ChannelSettings(row.id, row.platform, row.account, row.name, json.loads(row.options or "{}")))
    return out


def set_health(db: Database, channel_id: int, health: str, reason: str | None = None, retry_at: datetime | None = None) -> None:
    """Record how a channel is doing (shown in the app and by `newsroom channel list`)."""
    with db.transaction() as conn:
        conn.execute(
            update(CHANNELS).where(CHANNELS.c.id == channel_id).values(
                health=health, health_reason=(reason or None) and reason[:2000], retry_at=retry_at, last_poll_at=utcnow()
            )
        )


class Collector:
    """Runs the connectors of one database. Use `async with`, or call `aclose()`."""

    def __init__(
        self,
        db: Database,
        *,
        secrets: SecretStore | None = None,
        http: httpx.AsyncClient | None = None,
        origin: str = "collector",
        on_change: Callable[[Change], None] | None = None,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ):
        self.db = db
        self.secrets = secrets or SecretStore()
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0), follow_redirects=False)
        self.origin = origin
        self.on_change = on_change
        self.sleep = sleep
        self._connectors: dict[int, tuple[ChannelSettings, Connector]] = {}
        self._failures: dict[int, int] = {}

    async def __aenter__(self) -> Collector:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for _settings, connector in list(self._connectors.values()):
            try:
                await connector.aclose()
            except Exception:
                log.debug("closing a connector failed", exc_info=True)
        self._connectors.clear()
        if self._own_http:
            await self.http.aclose()

    # -- plumbing ---------------------------------------------------------------------------

    async def _perform(self, name: str, **args) -> Change:
        change = await asyncio.to_thread(perform, self.db, name, SYSTEM, origin=self.origin, **args)
        if self.on_change is not None:
            self.on_change(change)
        return change

    def connector(self, channel: ChannelSettings) -> Connector:
        """The live connector for `channel` (re-made when its settings changed)."""
        cached = self._connectors.get(channel.id)
        if cached is not None and cached[0] == channel:
            return cached[1]
        if cached is not None:
            asyncio.ensure_future(cached[1].aclose())
        connector = connector_class(channel.platform)(channel, secrets=self.secrets, http=self.http)
        self._connectors[channel.id] = (channel, connector)
        return connector

    def _cursor(self, channel_id: int) -> Any:
        with self.db.read() as conn:
            text = conn.execute(select(CHANNELS.c.cursor).where(CHANNELS.c.id == channel_id)).scalar()
        return None if text is None else loads(text)

    # -- the three jobs -----------------------------------------------------------------------

    async def check(self, channel: ChannelSettings) -> Health:
        """"Test connection": the connector's own check, with errors as a Health."""
        try:
            return await self.connector(channel).check()
        except ConnectorError as error:
            return Health(False, error.reason)
        except httpx.HTTPError as error:
            return Health(False, f"cannot reach the platform: {error}")

    async def poll(self, channel: ChannelSettings, *, max_pages: int = MAX_PAGES_PER_POLL) -> PollResult:
        """Fetch and store pages until nothing more waits (or `max_pages`). Errors propagate."""
        connector = self.connector(channel)
        cursor = await asyncio.to_thread(self._cursor, channel.id)
        result = PollResult()
        while result.pages < max_pages:
            page = await connector.fetch(cursor)
            change = await self._perform(
                "collect_page", channel_id=channel.id, items=page.items, set_aside=page.set_aside, cursor=page.cursor
            )
            cursor = page.cursor
            result.pages += 1
            result.imported += change.info["imported"]
            result.duplicates += change.info["duplicates"]
            result.set_aside += change.info["set_aside"]
            result.case_ids.update(change.case_ids)
            if not page.more:
                break
        return result

    def _pending(self, channel_id: int, now: datetime) -> list:
        with self.db.read() as conn:
            rows = conn.execute(
                select(REPLIES.c.id, REPLIES.c.next_attempt_at)
                .where(REPLIES.c.channel_id == channel_id, REPLIES.c.state.in_((ReplyState.queued.value, ReplyState.sending.value)))
                .order_by(REPLIES.c.id)
                .limit(SEND_BATCH)
            ).all()
        return [r.id for r in rows if r.next_attempt_at is None or r.next_attempt_at <= now]

    def _outbound(self, reply_id: int) -> OutboundReply | None:
        with self.db.read() as conn:
            reply = conn.execute(select(REPLIES).where(REPLIES.c.id == reply_id)).first()
            if reply is None or reply.state not in (ReplyState.queued.value, ReplyState.sending.value):
                return None
            original = None
            if reply.in_reply_to_message_id is not None:
                m = conn.execute(select(MESSAGES).where(MESSAGES.c.id == reply.in_reply_to_message_id)).first()
                payload = conn.execute(select(RAW.c.payload).where(RAW.c.message_id == m.id)).scalar()
                original = Original(
                    external_id=m.external_id, thread_id=m.thread_id, in_reply_to=m.in_reply_to,
                    author=Author(m.author_id, m.author_handle, m.author_name, m.author_email, m.author_phone),
                    subject=m.subject, url=m.url, received_at=m.received_at, raw=loads(payload) if payload else None,
                )
            sender = conn.execute(select(USERS.c.display_name).where(USERS.c.id == reply.author_user_id)).scalar()
        return OutboundReply(reply.id, reply.client_key, reply.text, original, reply.attempts + 1, sender)

    async def send_pending(self, channel: ChannelSettings) -> list[SendOutcome]:
        """Send this channel's queued replies (and retry those a crash left in 'sending')."""
        connector = self.connector(channel)
        outcomes: list[SendOutcome] = []
        for reply_id in await asyncio.to_thread(self._pending, channel.id, utcnow()):
            outbound = await asyncio.to_thread(self._outbound, reply_id)
            if outbound is None:
                continue
            if not outbound.key:
                await self._perform("reply_failed", reply_id=reply_id, reason="the reply has no client key; queue it again")
                continue
            await self._perform("reply_sending", reply_id=reply_id)
            try:
                result = await connector.send(outbound)
            except PermanentError as error:
                await self._perform("reply_failed", reply_id=reply_id, reason=error.reason)
                outcomes.append(SendOutcome(reply_id, ReplyState.failed.value, error.reason))
                continue
            except (RateLimited, TransientError, CredentialError, httpx.HTTPError) as error:
                # Back in the queue; the channel's own error handling (cycle) takes it from here.
                reason = error.reason if isinstance(error, ConnectorError) else f"network error: {error}"
                retry_at = error.until if isinstance(error, RateLimited) else (
                    utcnow() + timedelta(seconds=backoff_delay(outbound.attempt))
                )
                await self._perform("reply_later", reply_id=reply_id, reason=reason, retry_at=retry_at)
                outcomes.append(SendOutcome(reply_id, ReplyState.queued.value, reason))
                if isinstance(error, ConnectorError):
                    raise
                raise TransientError(reason) from error
            await self._perform(
                "reply_sent", reply_id=reply_id, external_id=result.external_id, url=result.url, thread_id=result.thread_id, raw=result.raw
            )
            outcomes.append(SendOutcome(reply_id, ReplyState.sent.value, result.external_id))
        return outcomes

    # -- the loop -----------------------------------------------------------------------------

    async def cycle(self, channel: ChannelSettings) -> PollResult:
        """One poll and one send round for `channel`, with health recorded; returns what came in.

        Errors are caught and recorded on the channel with the time of the next
        try (`channels.retry_at`), which `run_channel` waits for.
        """
        result = PollResult()
        try:
            result = await self.poll(channel)
            if self.connector(channel).can_reply:
                await self.send_pending(channel)
        except RateLimited as error:
            self._failures.pop(channel.id, None)
            await self._record(channel.id, "rate_limited", error.reason, error.until)
        except CredentialError as error:
            await self._record(channel.id, "needs_attention", error.reason, None)
        except (TransientError, httpx.HTTPError, OSError) as error:
            reason = error.reason if isinstance(error, ConnectorError) else f"cannot reach the platform: {error}"
            await self._back_off(channel.id, "backing_off", reason, getattr(error, "retry_after", None))
        except ConnectorError as error:  # configuration errors and the like
            await self._back_off(channel.id, "error", error.reason)
        except ActionError as error:
            await self._back_off(channel.id, "error", error.message)
        else:
            self._failures.pop(channel.id, None)
        return result

    async def _record(self, channel_id: int, health: str, reason: str | None, retry_at: datetime | None) -> None:
        await asyncio.to_thread(set_health, self.db, channel_id, health, reason, retry_at)

    async def _back_off(self, channel_id: int, health: str, reason: str, delay: float | None = None) -> None:
        """Count another failure in a row and wait longer before the next try (or `delay` seconds)."""
        attempt = self._failures.get(channel_id, 0) + 1
        self._failures[channel_id] = attempt
        seconds = delay or backoff_delay(attempt)
        await self._record(channel_id, health, reason, utcnow() + timedelta(seconds=seconds))

    def _health(self, channel_id: int):
        with self.db.read() as conn:
            return conn.execute(select(CHANNELS.c.health, CHANNELS.c.retry_at).where(CHANNELS.c.id == channel_id)).first()

    async def run_channel(self, channel: ChannelSettings, stop: asyncio.Event) -> None:
        """Cycle `channel` until `stop` is set, honouring backoff, rate limits and 'needs attention'."""
        while not stop.is_set():
            state = await asyncio.to_thread(self._health, channel.id)
            if state is not None and state.health == "needs_attention":
                await _wait(stop, 5.0)  # until an admin fixes it (update_channel resets the health)
                continue
            if state is not None and state.retry_at is not None:
                delay = (state.retry_at - utcnow()).total_seconds()
                if delay > 0:
                    await _wait(stop, min(delay, 5.0))
                    continue
            result = await self.cycle(channel)
            if stop.is_set():
                break
            if result.pages and result.imported:
                continue  # more may be arriving: look again at once
            connector = self.connector(channel)
            waiter = asyncio.ensure_future(connector.wait_for_new(connector.poll_interval))
            stopper = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in (waiter, stopper):
                    if not task.done():
                        task.cancel()
                await asyncio.gather(waiter, stopper, return_exceptions=True)

    async def run(self, stop: asyncio.Event, *, names: Iterable[str] | None = None) -> None:
        """Run every connected, enabled channel (or those named) until `stop` is set."""
        channels = await asyncio.to_thread(load_channels, self.db, names=names)
        tasks = [asyncio.ensure_future(self.run_channel(channel, stop)) for channel in channels]
        if not tasks:
            return
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def once(self, *, names: Iterable[str] | None = None) -> dict[str, PollResult]:
        """One cycle of every channel (the CLI's `collect --once`)."""
        channels = await asyncio.to_thread(load_channels, self.db, names=names)
        out = {}
        for channel in channels:
            out[channel.name] = await self.cycle(channel)
        return out


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        pass
