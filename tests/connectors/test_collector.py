"""The collector with a scripted connector: cursor with its page, health states, the reply outbox.

The platform connectors have their own tests against their fakes; these pin
the collector's promises that every connector relies on.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from newsroom import connectors
from newsroom.actions import SYSTEM, ActionError, perform
from newsroom.channels import connect
from newsroom.connectors.base import (
    Connector,
    CredentialError,
    Health,
    Option,
    Page,
    PermanentError,
    RateLimited,
    SendResult,
    SetAside,
    TransientError,
)
from newsroom.connectors.runner import Collector, load_channels
from newsroom.inbound import Author, InboundItem
from newsroom.model import Channel, Message, Reply
from newsroom.model import SetAside as SetAsideRow
from newsroom.timeutil import utcnow
from tests.core.conftest import T0, add_people

ACCOUNT = "scripted@platform.test"


class Platform:
    """The 'platform' the scripted connector reads: numbered posts and what was sent."""

    def __init__(self) -> None:
        self.posts: list[int] = []
        self.sent: dict[str, str] = {}  # client key -> text
        self.fail_fetch: list[Exception] = []
        self.fail_send: list[Exception] = []
        self.crash_after_send = False
        self.page_size = 3

    def post(self, n: int) -> None:
        start = len(self.posts)
        self.posts.extend(range(start + 1, start + n + 1))


PLATFORM = Platform()


class ScriptedConnector(Connector):
    platform = "other"
    OPTIONS = (Option("base_url", "Address", required=True),)

    @classmethod
    def account_for(cls, options) -> str:
        return ACCOUNT

    async def check(self) -> Health:
        self.secret()
        return Health(True, "scripted")

    async def fetch(self, cursor) -> Page:
        if PLATFORM.fail_fetch:
            raise PLATFORM.fail_fetch.pop(0)
        last = cursor or 0
        batch = [p for p in PLATFORM.posts if p > last][: PLATFORM.page_size]
        items = [
            InboundItem("other", ACCOUNT, str(p), Author(id="c", name="Citizen"), f"post {p}", T0 + timedelta(seconds=p), raw={"n": p})
            for p in batch
            if p % 7
        ]
        bad = [SetAside("post 7 is malformed", '{"n": 7', str(p)) for p in batch if p % 7 == 0]
        new_cursor = batch[-1] if batch else last
        more = any(p > new_cursor for p in PLATFORM.posts)
        return Page(items, new_cursor, bad, more)

    async def send(self, reply) -> SendResult:
        if PLATFORM.fail_send:
            raise PLATFORM.fail_send.pop(0)
        if reply.key not in PLATFORM.sent:
            PLATFORM.sent[reply.key] = reply.text
        if PLATFORM.crash_after_send:
            PLATFORM.crash_after_send = False
            raise KeyboardInterrupt  # the app dies between the platform's answer and our record of it
        return SendResult(external_id=f"out-{reply.key}")


@pytest.fixture
def scripted(monkeypatch, db, secrets):
    global PLATFORM
    PLATFORM = Platform()
    monkeypatch.setitem(connectors.REGISTRY, "other", f"{__name__}:ScriptedConnector")
    connect(db, SYSTEM, platform="other", name="Scripted", options={"base_url": "http://127.0.0.1:9"}, secret="s3cret", secrets=secrets)
    return load_channels(db)[0]


def _messages(db) -> list[str]:
    with db.read() as conn:
        return sorted(conn.execute(select(Message.__table__.c.external_id)).scalars(), key=int)


def _channel_row(db):
    with db.read() as conn:
        return conn.execute(select(Channel.__table__)).first()


@pytest.mark.asyncio
async def test_pages_are_stored_with_their_cursor_and_a_crash_rereads_at_most_one_page(db, scripted, secrets):
    PLATFORM.post(20)
    async with Collector(db, secrets=secrets) as collector:
        result = await collector.poll(scripted, max_pages=2)
    assert (result.pages, result.imported, result.set_aside) == (2, 6, 0)
    assert _channel_row(db).cursor == "6"
    # A crash after the platform answered but before the page was stored: the page is fetched again.
    PLATFORM.fail_fetch = []
    async with Collector(db, secrets=secrets) as collector:
        original = collector._perform

        async def crash_once(name, **args):
            if name == "collect_page" and args["cursor"] == 9:
                collector._perform = original
                raise KeyboardInterrupt
            return await original(name, **args)

        collector._perform = crash_once
        with pytest.raises(KeyboardInterrupt):
            await collector.poll(scripted)
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(scripted)
    assert _messages(db) == [str(p) for p in range(1, 21) if p % 7]
    with db.read() as conn:
        kept = conn.execute(select(SetAsideRow.__table__.c.reason, SetAsideRow.__table__.c.payload)).all()
    assert [tuple(k) for k in kept] == [("post 7 is malformed", '{"n": 7')] * 2


@pytest.mark.asyncio
async def test_health_follows_the_platform(db, scripted, secrets):
    PLATFORM.post(2)
    until = utcnow() + timedelta(minutes=3)
    PLATFORM.fail_fetch = [RateLimited("slow down", until)]
    async with Collector(db, secrets=secrets) as collector:
        await collector.cycle(scripted)
        row = _channel_row(db)
        assert (row.health, row.health_reason) == ("rate_limited", "slow down")
        assert abs((row.retry_at - until).total_seconds()) < 1

        PLATFORM.fail_fetch = [TransientError("HTTP 503: Service Unavailable")]
        await collector.cycle(scripted)
        row = _channel_row(db)
        assert row.health == "backing_off" and timedelta(seconds=0.9) < row.retry_at - utcnow() < timedelta(seconds=2.1)

        PLATFORM.fail_fetch = [CredentialError("The access token is invalid")]
        await collector.cycle(scripted)
        assert _channel_row(db).health == "needs_attention"

        await collector.cycle(scripted)
        row = _channel_row(db)
        assert (row.health, row.health_reason, row.retry_at) == ("ok", None, None)
    assert _messages(db) == ["1", "2"]


@pytest.mark.asyncio
async def test_a_reply_leaves_once_through_crashes_and_failures(db, scripted, secrets):
    people = add_people(db)
    PLATFORM.post(1)
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(scripted)
    with db.read() as conn:
        case_id = conn.execute(select(Message.__table__.c.case_id)).scalar()
    operator = people.operator
    perform(db, "claim", operator, case_id=case_id)
    perform(db, "queue_reply", operator, case_id=case_id, text="Dank voor uw melding.")
    with pytest.raises(ActionError) as twice:
        perform(db, "queue_reply", operator, case_id=case_id, text="Dank voor uw melding.")
    assert twice.value.kind == "conflict"

    PLATFORM.fail_send = [TransientError("HTTP 502: Bad Gateway")]
    async with Collector(db, secrets=secrets) as collector:
        with pytest.raises(TransientError):
            await collector.send_pending(scripted)
    with db.read() as conn:
        reply = conn.execute(select(Reply.__table__)).first()
    assert reply.state == "queued" and reply.failure_reason == "HTTP 502: Bad Gateway" and reply.next_attempt_at > utcnow()

    # Not due yet: nothing is sent.
    async with Collector(db, secrets=secrets) as collector:
        assert await collector.send_pending(scripted) == []
    with db.transaction() as conn:
        conn.execute(Reply.__table__.update().values(next_attempt_at=None))

    PLATFORM.crash_after_send = True
    async with Collector(db, secrets=secrets) as collector:
        with pytest.raises(KeyboardInterrupt):
            await collector.send_pending(scripted)
    with db.read() as conn:
        assert conn.execute(select(Reply.__table__.c.state)).scalar() == "sending"
    async with Collector(db, secrets=secrets) as collector:
        outcomes = await collector.send_pending(scripted)
    assert [o.state for o in outcomes] == ["sent"]
    assert list(PLATFORM.sent.values()) == ["Dank voor uw melding."]
    with db.read() as conn:
        reply = conn.execute(select(Reply.__table__)).first()
        out = conn.execute(select(Message.__table__).where(Message.__table__.c.direction == "out")).first()
        n_out = conn.execute(select(func.count()).select_from(Message.__table__).where(Message.__table__.c.direction == "out")).scalar()
    assert (reply.state, reply.attempts, reply.external_id, n_out) == ("sent", 3, out.external_id, 1)
    assert out.in_reply_to == "1" and out.text == "Dank voor uw melding."

    # A permanent refusal fails this reply only; an operator may retry it with the same key.
    perform(db, "queue_reply", operator, case_id=case_id, text="Nog een vraag?")
    PLATFORM.fail_send = [PermanentError("Validation failed: Text can't be blank")]
    async with Collector(db, secrets=secrets) as collector:
        outcomes = await collector.send_pending(scripted)
        assert [(o.state, o.detail) for o in outcomes] == [("failed", "Validation failed: Text can't be blank")]
        failed = outcomes[0].reply_id
        perform(db, "retry_reply", operator, reply_id=failed)
        assert [o.state for o in await collector.send_pending(scripted)] == ["sent"]
    assert sorted(PLATFORM.sent.values()) == ["Dank voor uw melding.", "Nog een vraag?"]


def test_a_channel_without_a_usable_keyring_is_refused(db, monkeypatch, secrets):
    import keyring
    from keyring.backends import fail

    from newsroom.secrets import NoKeyring

    monkeypatch.setitem(connectors.REGISTRY, "other", f"{__name__}:ScriptedConnector")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NoKeyring, match="will not store them in plain text"):
        connect(db, SYSTEM, platform="other", name="Scripted", options={"base_url": "http://127.0.0.1:9"}, secret="s3cret", secrets=secrets)
    assert load_channels(db) == []
