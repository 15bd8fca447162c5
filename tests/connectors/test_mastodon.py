"""The Mastodon connector against its loopback fake: reading, resuming, replying, trouble.

Every test that takes `db` runs on SQLite and on PostgreSQL. The fake is a
real HTTP server on 127.0.0.1; the parser fuzz uses httpx's MockTransport
to serve hostile notification JSON without a server.
"""
from __future__ import annotations

import asyncio
import json
import random
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, update

from newsroom.actions import SYSTEM, perform
from newsroom.channels import connect
from newsroom.connectors.base import (
    ChannelSettings,
    CredentialError,
    OutboundReply,
    RateLimited,
    TransientError,
)
from newsroom.connectors.mastodon import MastodonConnector, html_to_text, status_length
from newsroom.connectors.runner import Collector, load_channels
from newsroom.db.engine import Database
from newsroom.fakes.mastodon import MastodonFake, demo_channel
from newsroom.model import Channel, Message, Reply, SetAside
from newsroom.secrets import SecretStore
from newsroom.timeutil import utcnow
from tests.core.conftest import people  # noqa: F401  (fixture: the users of add_people)

MESSAGES = Message.__table__
CHANNELS = Channel.__table__
REPLIES = Reply.__table__
SET_ASIDE = SetAside.__table__


# -- helpers ---------------------------------------------------------------------------------


class Crash(Exception):
    """The desk's process dying at this point."""


@pytest.fixture
def fake():
    with MastodonFake(rate_limit=1_000_000) as server:
        yield server


def connect_fake(db: Database, secrets: SecretStore, fake: MastodonFake, name: str = "Mastodon") -> ChannelSettings:
    spec = demo_channel(fake)
    channel_id = connect(db, SYSTEM, platform="mastodon", name=name, options=spec["options"], secret=spec["secret"], secrets=secrets)
    (channel,) = load_channels(db, ids=[channel_id])
    return channel


def inbound_ids(db: Database, channel_id: int) -> list[str]:
    """External ids of the channel's inbound messages, duplicates kept (there must be none)."""
    with db.read() as conn:
        return list(conn.execute(
            select(MESSAGES.c.external_id).where(MESSAGES.c.channel_id == channel_id, MESSAGES.c.direction == "in")
        ).scalars())


def message(db: Database, channel_id: int, external_id: str):
    with db.read() as conn:
        return conn.execute(select(MESSAGES).where(MESSAGES.c.channel_id == channel_id, MESSAGES.c.external_id == external_id)).first()


def health(db: Database, channel_id: int):
    with db.read() as conn:
        return conn.execute(
            select(CHANNELS.c.health, CHANNELS.c.health_reason, CHANNELS.c.retry_at, CHANNELS.c.cursor).where(CHANNELS.c.id == channel_id)
        ).first()


def reply_row(db: Database, reply_id: int):
    with db.read() as conn:
        return conn.execute(select(REPLIES).where(REPLIES.c.id == reply_id)).first()


def due_now(db: Database, reply_id: int) -> None:
    """Skip a reply's backoff (the test does not wait for the clock)."""
    with db.transaction() as conn:
        conn.execute(update(REPLIES).where(REPLIES.c.id == reply_id).values(next_attempt_at=None))


async def poll(db: Database, secrets: SecretStore, channel: ChannelSettings):
    async with Collector(db, secrets=secrets) as collector:
        return await collector.poll(channel)


# -- HTML and lengths ----------------------------------------------------------------------------


def test_html_to_text_keeps_lines_and_drops_markup():
    html = (
        '<p><span class="h-card" translate="no"><a href="https://s.example/@gemeente" class="u-url mention">@<span>gemeente</span></a>'
        "</span> De lamp is kapot &amp; het is donker.<br />Kerkstraat 3</p><p>Groet, Bea</p>"
        "<script>alert('x')</script><p>zie <a href=\"https://example.nl/a/b\"><span class=\"invisible\">https://</span>"
        '<span class="ellipsis">example.nl/a</span><span class="invisible">/b</span></a></p>'
    )
    assert html_to_text(html) == "@gemeente De lamp is kapot & het is donker.\nKerkstraat 3\n\nGroet, Bea\n\nzie https://example.nl/a/b"
    assert html_to_text("&lt;script&gt;alert(1)&lt;/script&gt;") == "<script>alert(1)</script>"  # shown as text, never run
    assert html_to_text("<p>onafgesloten <b>tag") == "onafgesloten tag"


def test_status_length_counts_like_mastodon():
    assert status_length("@burger@mastodon.social hoi") == len("@burger hoi")
    assert status_length("zie https://www.stadsveen.nl/" + "x" * 200) == len("zie ") + 23


def test_account_and_options():
    assert MastodonConnector.account_for({"base_url": "https://Social.Overheid.nl/", "username": "@Stadsveen"}) == "@stadsveen@social.overheid.nl"
    assert MastodonConnector.account_for({"base_url": "", "username": "x"}) == ""
    assert {o.name for o in MastodonConnector.OPTIONS} == {"base_url", "username"}
    assert MastodonConnector.max_reply_chars == 500 and 1.0 <= MastodonConnector.poll_interval <= 2.0


# -- reading -------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_mentions_and_direct_messages_arrive_with_threads(db, secrets, fake):
    channel = connect_fake(db, secrets, fake)
    assert channel.account == f"@gemeente@{fake.host}"
    first = fake.post_citizen_message(
        "@gemeente De container in de <Kerkstraat> is niet geleegd &amp; stinkt.\n\nGroet, Bea",
        username="bea", display_name="Bea Burger",
    )
    dm = fake.post_citizen_message("Mijn BSN staat op de brief, mag dat?", username="kees", visibility="direct")
    result = await poll(db, secrets, channel)
    assert result.imported == 2 and result.set_aside == 0
    row = message(db, channel.id, first)
    assert row.author_handle == "@bea" and row.author_name == "Bea Burger"
    assert row.text == "De container in de <Kerkstraat> is niet geleegd &amp; stinkt.\n\nGroet, Bea"
    assert row.url == f"{fake.base_url}/@bea/{first}" and row.language == "nl"
    # the private mention is filtered by Mastodon 4.3's default policy; include_filtered brings it in
    assert fake.notifications[-1].filtered
    with db.read() as conn:
        from newsroom.model import MessageRaw

        raw = json.loads(conn.execute(select(MessageRaw.__table__.c.payload).where(MessageRaw.__table__.c.message_id == message(db, channel.id, dm).id)).scalar())
    assert raw["type"] == "mention" and raw["status"]["visibility"] == "direct"

    # Bea answers in the same thread: the item points at her first status, so it joins her case
    again = fake.post_citizen_message("Nog steeds niet geleegd!", username="bea", in_reply_to=first)
    result = await poll(db, secrets, channel)
    assert result.imported == 1
    follow_up = message(db, channel.id, again)
    assert follow_up.in_reply_to == first
    assert follow_up.case_id == message(db, channel.id, first).case_id


@pytest.mark.asyncio
async def test_first_run_takes_the_newest_page_then_resumes_without_gaps(sqlite_db, secrets, fake, monkeypatch):
    db = sqlite_db
    monkeypatch.setattr(MastodonConnector, "page_limit", 5)
    old = [fake.post_citizen_message(f"oud bericht {i}", username=f"b{i}") for i in range(8)]
    channel = connect_fake(db, secrets, fake)
    await poll(db, secrets, channel)
    assert sorted(inbound_ids(db, channel.id)) == sorted(old[-5:])  # no backfill before the channel was connected
    new = [fake.post_citizen_message(f"nieuw bericht {i}", username=f"n{i}") for i in range(13)]  # more than two pages
    result = await poll(db, secrets, channel)
    assert result.pages >= 3 and result.duplicates == 0
    assert sorted(inbound_ids(db, channel.id)) == sorted(old[-5:] + new)


@pytest.mark.asyncio
async def test_an_empty_first_run_starts_from_the_beginning(sqlite_db, secrets, fake, monkeypatch):
    """Nothing there on the first run: the next run must read *everything* since, not only its newest page."""
    db = sqlite_db
    monkeypatch.setattr(MastodonConnector, "page_limit", 3)
    channel = connect_fake(db, secrets, fake)
    await poll(db, secrets, channel)
    assert json.loads(health(db, channel.id).cursor) == "0"
    posted = [fake.post_citizen_message(f"bericht {i}", username="bea") for i in range(10)]
    await poll(db, secrets, channel)
    assert sorted(inbound_ids(db, channel.id)) == sorted(posted)


@pytest.mark.asyncio
@pytest.mark.parametrize("seed", [7, 2024])
async def test_resume_through_crashes_and_faults_loses_and_repeats_nothing(db, secrets, seed, monkeypatch):
    """Random page sizes, crashes before/after a page is stored, 429s, 5xx bursts and an expired token:
    in the end the channel holds exactly the statuses citizens posted, each once."""
    rng = random.Random(seed)
    # one HTTP client for every "process" (making one costs ~70 ms); each still gets a fresh collector and connector
    async with httpx.AsyncClient() as http:
        await _resume_scenario(db, secrets, rng, monkeypatch, http)


async def _resume_scenario(db, secrets, rng: random.Random, monkeypatch, http: httpx.AsyncClient) -> None:
    with MastodonFake(rate_limit=1_000_000) as fake:
        channel = connect_fake(db, secrets, fake)
        posted: list[str] = []
        crashes = {"fetch": 0, "store": 0, "after_store": 0}
        original_fetch = MastodonConnector.fetch

        async def fetch(self, cursor):
            page = await original_fetch(self, cursor)
            if crashes["fetch"] > 0:
                crashes["fetch"] -= 1
                raise Crash("after fetch, before storing")
            return page

        monkeypatch.setattr(MastodonConnector, "fetch", fetch)
        original_perform = Collector._perform

        async def perform_or_crash(self, name, **args):
            if name == "collect_page" and crashes["store"] > 0:
                crashes["store"] -= 1
                raise Crash("while storing (rolled back)")
            change = await original_perform(self, name, **args)
            if name == "collect_page" and crashes["after_store"] > 0:
                crashes["after_store"] -= 1
                raise Crash("after the page was committed")
            return change

        monkeypatch.setattr(Collector, "_perform", perform_or_crash)
        await poll(db, secrets, channel)  # connected before any traffic
        for round_no in range(8):
            for _ in range(rng.choice([0, 1, 3, 9, 17])):
                posted.append(fake.post_citizen_message(
                    f"ronde {round_no}: melding {len(posted)}", username=f"burger{rng.randrange(5)}",
                    visibility=rng.choice(["public", "public", "unlisted", "direct"]),
                    in_reply_to=rng.choice(posted) if posted and rng.random() < 0.3 else None,
                ))
            monkeypatch.setattr(MastodonConnector, "page_limit", rng.choice([1, 2, 3, 5, 8, 80]))
            trouble = rng.choice(["none", "crash_fetch", "crash_store", "crash_after_store", "429", "5xx", "expired"])
            if trouble.startswith("crash"):
                crashes[trouble[len("crash_"):]] = rng.randint(1, 2)
            elif trouble == "429":
                fake.faults.rate_limit(1, reset_in=rng.choice([5, 60, 900]))
            elif trouble == "5xx":
                fake.faults.server_errors(rng.randint(1, 3), status=rng.choice([500, 502, 503]))
            elif trouble == "expired":
                fake.faults.expire_tokens()
            for _attempt in range(4):  # each attempt is a new process: a fresh collector on the same database
                try:
                    async with Collector(db, secrets=secrets, http=http) as collector:
                        await collector.cycle(channel)
                except Crash:
                    continue
                state = health(db, channel.id)
                if state.health == "needs_attention":
                    assert "expired or was revoked" in state.health_reason
                    secrets.set(channel, fake.issue_token("gemeente"))  # the admin enters a new token
                elif state.health == "rate_limited" or state.health == "backing_off":
                    assert state.retry_at > utcnow()
        crashes.update(fetch=0, store=0, after_store=0)
        fake.faults.clear()
        monkeypatch.setattr(MastodonConnector, "page_limit", 7)
        await poll(db, secrets, channel)
        stored = inbound_ids(db, channel.id)
        assert len(stored) == len(set(stored)), "a status was stored twice"
        assert set(stored) == set(posted), f"missing {set(posted) - set(stored)}, extra {set(stored) - set(posted)}"


# -- trouble ---------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_rate_limit_token_and_server_trouble_show_on_the_channel(db, secrets, fake):
    channel = connect_fake(db, secrets, fake)
    fake.post_citizen_message("hallo")
    async with Collector(db, secrets=secrets) as collector:
        fake.faults.rate_limit(1, reset_in=120)
        await collector.cycle(channel)
        state = health(db, channel.id)
        assert state.health == "rate_limited"
        assert abs((state.retry_at - (utcnow() + timedelta(seconds=120))).total_seconds()) < 10

        # no tight loop: while rate limited, run_channel makes no request at all
        served = len(fake.requests)
        stop = asyncio.Event()
        runner = asyncio.ensure_future(collector.run_channel(channel, stop))
        await asyncio.sleep(0.4)
        stop.set()
        await runner
        assert len(fake.requests) == served

        # a revoked token: the channel needs attention and says what to do
        with db.transaction() as conn:
            conn.execute(update(CHANNELS).where(CHANNELS.c.id == channel.id).values(retry_at=None))
        fake.faults.expire_tokens()
        await collector.cycle(channel)
        state = health(db, channel.id)
        assert state.health == "needs_attention"
        assert "expired or was revoked" in state.health_reason and "new access token" in state.health_reason

        secrets.set(channel, fake.issue_token("gemeente"))
        fake.faults.server_errors(2, status=503)
        await collector.cycle(channel)
        state = health(db, channel.id)
        assert state.health == "backing_off" and state.retry_at > utcnow()

        # the server recovers (the burst is used up by now? one 503 is left)
        await collector.cycle(channel)
        assert health(db, channel.id).health == "backing_off"
        result = await collector.cycle(channel)
        assert result.imported == 1
        assert health(db, channel.id).health == "ok"


@pytest.mark.asyncio
async def test_errors_map_to_what_the_collector_does(fake, secrets):
    channel = ChannelSettings(1, "mastodon", "@gemeente@x", "M", {"base_url": fake.base_url, "username": "gemeente"})
    secrets.set(channel, fake.token)
    async with httpx.AsyncClient() as http:
        connector = MastodonConnector(channel, secrets=secrets, http=http)
        fake.faults.rate_limit(1, reset_in=300)
        with pytest.raises(RateLimited) as limited:
            await connector.fetch(None)
        assert 280 < (limited.value.until - utcnow()).total_seconds() < 320
        fake.faults.server_errors(1, status=502)
        with pytest.raises(TransientError):
            await connector.fetch(None)
        fake.faults.expire_tokens()
        with pytest.raises(CredentialError, match="expired or was revoked"):
            await connector.fetch(None)
        secrets.set(channel, "not-a-token")
        with pytest.raises(CredentialError):
            await connector.check()

    # nobody listening: a network error is transient
    async with httpx.AsyncClient() as http:
        with MastodonFake() as gone:
            url = gone.base_url
        closed = ChannelSettings(2, "mastodon", "@g@y", "N", {"base_url": url, "username": "g"})
        secrets.set(closed, "token")
        with pytest.raises(TransientError):
            await MastodonConnector(closed, secrets=secrets, http=http).fetch("5")


@pytest.mark.asyncio
async def test_check_reports_the_account_and_the_notification_policy(fake, secrets):
    channel = ChannelSettings(1, "mastodon", "@gemeente@x", "M", {"base_url": fake.base_url, "username": "gemeente"})
    secrets.set(channel, fake.token)
    async with httpx.AsyncClient() as http:
        connector = MastodonConnector(channel, secrets=secrets, http=http)
        health_ = await connector.check()
        assert health_.ok and health_.detail.startswith("@gemeente")
        assert "private mentions" in health_.detail and "collects them anyway" in health_.detail
        fake.policy["for_not_following"] = "drop"
        health_ = await connector.check()
        assert not health_.ok and "DROPS" in health_.detail
        secrets.set(channel, fake.issue_token("iemand"))
        health_ = await connector.check()
        assert not health_.ok and "@iemand" in health_.detail


# -- replying ---------------------------------------------------------------------------------------


async def _case_with_message(db, secrets, fake, channel, **post) -> tuple[int, str]:
    status_id = fake.post_citizen_message(**post)
    await poll(db, secrets, channel)
    return message(db, channel.id, status_id).case_id, status_id


@pytest.mark.asyncio
@pytest.mark.parametrize("crash", ["before_post", "after_post", "timeout"])
async def test_a_reply_lands_once_whatever_step_fails(db, people, secrets, fake, crash, monkeypatch):  # noqa: F811
    channel = connect_fake(db, secrets, fake)
    case_id, original = await _case_with_message(
        db, secrets, fake, channel, text="@gemeente Wanneer wordt mijn grofvuil opgehaald? Kenmerk 123.", username="kees",
        visibility="direct",
    )
    fake.post_citizen_message("@gemeente @anna weet jij het?", username="piet")  # another thread, not answered
    reply_id = perform(db, "queue_reply", people.operator, case_id=case_id, text="Dag Kees, volgende week dinsdag.").info["reply"]

    if crash == "before_post":
        perform(db, "reply_sending", SYSTEM, reply_id=reply_id)  # committed, then the process died
    elif crash == "after_post":
        original_perform = Collector._perform

        async def die_before_sent(self, name, **args):
            if name == "reply_sent":
                raise Crash("the status exists, the database does not know")
            return await original_perform(self, name, **args)

        monkeypatch.setattr(Collector, "_perform", die_before_sent)
        with pytest.raises(Crash):
            async with Collector(db, secrets=secrets) as collector:
                await collector.send_pending(channel)
        monkeypatch.setattr(Collector, "_perform", original_perform)
        assert reply_row(db, reply_id).state == "sending" and len(fake.replies_to(original)) == 1
    else:  # the POST times out after the server made the status
        fake.faults.latency(0.6)
        async with httpx.AsyncClient(timeout=0.2) as http, Collector(db, secrets=secrets, http=http) as collector:
            with pytest.raises(TransientError, match="in time"):
                await collector.send_pending(channel)
        fake.faults.clear()
        row = reply_row(db, reply_id)
        assert row.state == "queued" and row.next_attempt_at > utcnow()
        # The fake makes the status, then answers late; on a busy machine the client's 0.2 s can
        # run out before the fake's thread has even read the request, so give the fake time.
        for _ in range(200):
            if fake.replies_to(original):
                break
            await asyncio.sleep(0.025)
        assert len(fake.replies_to(original)) == 1
        due_now(db, reply_id)

    async with Collector(db, secrets=secrets) as collector:
        outcomes = await collector.send_pending(channel)
    assert [o.state for o in outcomes] == ["sent"]
    replies = fake.replies_to(original)
    assert len(replies) == 1, "the reply was posted twice"
    status = replies[0]
    row = reply_row(db, reply_id)
    assert row.state == "sent" and row.external_id == status["id"]
    assert status["visibility"] == "direct" and status["in_reply_to_id"] == original and status["language"] == "nl"
    assert html_to_text(status["content"]) == "@kees Dag Kees, volgende week dinsdag."
    assert len(fake.statuses_by("gemeente")) == 1
    sent = message(db, channel.id, status["id"])
    assert sent.direction == "out" and sent.case_id == case_id and sent.in_reply_to == original

    # sending again finds nothing to do
    async with Collector(db, secrets=secrets) as collector:
        assert await collector.send_pending(channel) == []
    assert len(fake.statuses_by("gemeente")) == 1


@pytest.mark.asyncio
async def test_reply_addresses_everyone_but_us_and_keeps_visibility(sqlite_db, secrets, fake):
    db = sqlite_db
    channel = connect_fake(db, secrets, fake)
    fake._account("anna")
    status_id = fake.post_citizen_message("@gemeente en @anna: de stoep ligt open", username="piet", visibility="unlisted")
    await poll(db, secrets, channel)
    row = message(db, channel.id, status_id)
    from newsroom.connectors.base import Original
    from newsroom.inbound import Author

    with db.read() as conn:
        from newsroom.model import MessageRaw

        raw = json.loads(conn.execute(select(MessageRaw.__table__.c.payload).where(MessageRaw.__table__.c.message_id == row.id)).scalar())
    original = Original(status_id, None, None, Author(row.author_id, row.author_handle), None, row.url, row.received_at, raw)
    async with httpx.AsyncClient() as http:
        connector = MastodonConnector(channel, secrets=secrets, http=http)
        body = connector.compose(OutboundReply(1, "k1", "We komen kijken.", original))
        assert body == {"status": "@piet @anna We komen kijken.", "in_reply_to_id": status_id, "visibility": "unlisted", "language": "nl"}
        result = await connector.send(OutboundReply(1, "k1", "We komen kijken.", original))
        assert result.external_id in fake.statuses and result.url.endswith(result.external_id)
        again = await connector.send(OutboundReply(1, "k1", "We komen kijken.", original, attempt=2))
        assert again.external_id == result.external_id
        # a retry after the server forgot the key (kept one hour) finds the answer in the thread
        fake.idempotency.clear()
        late = await connector.send(OutboundReply(1, "k1", "We komen  kijken.", original, attempt=3))
        assert late.already_sent and late.external_id == result.external_id
        assert len(fake.replies_to(status_id)) == 1
        # no raw payload (e.g. an imported message): answer the author only, and privately
        bare = Original(status_id, None, None, Author(None, "@piet"), None, None, row.received_at, None)
        assert connector.compose(OutboundReply(2, "k2", "Hoi", bare))["visibility"] == "direct"
        assert connector.compose(OutboundReply(2, "k2", "Hoi", bare))["status"] == "@piet Hoi"


@pytest.mark.asyncio
async def test_too_long_or_refused_replies_fail_with_the_reason(db, people, secrets, fake, monkeypatch):  # noqa: F811
    channel = connect_fake(db, secrets, fake)
    case_id, original = await _case_with_message(db, secrets, fake, channel, text="vraag", username="kees")
    too_long = perform(db, "queue_reply", people.operator, case_id=case_id, text="a" * 495).info["reply"]
    async with Collector(db, secrets=secrets) as collector:
        await collector.send_pending(channel)
    row = reply_row(db, too_long)
    assert row.state == "failed" and "500" in row.failure_reason and "Shorten it by 1" in row.failure_reason
    assert fake.replies_to(original) == []

    # the platform's own refusal (422) is kept word for word
    monkeypatch.setattr(MastodonConnector, "max_reply_chars", 10_000)
    refused = perform(db, "queue_reply", people.operator, case_id=case_id, text="b" * 600).info["reply"]
    async with Collector(db, secrets=secrets) as collector:
        await collector.send_pending(channel)
    row = reply_row(db, refused)
    assert row.state == "failed" and row.failure_reason == "HTTP 422: Validation failed: Text character limit of 500 exceeded"
    assert fake.replies_to(original) == []


def test_demo_channel_and_credentials(fake):
    spec = demo_channel(fake)
    assert spec["platform"] == "mastodon" and spec["options"] == {"base_url": fake.base_url, "username": "gemeente"}
    assert spec["secret"] == fake.credentials()["token"]


@pytest.mark.asyncio
async def test_idle_polling_slows_down_when_the_budget_runs_low(secrets, monkeypatch):
    channel = ChannelSettings(1, "mastodon", "@g@x", "M", {"base_url": "https://x.example", "username": "g"})
    connector = MastodonConnector(channel, secrets=secrets)
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    await connector.wait_for_new(2.0)  # nothing known yet: the poll interval
    connector._remaining, connector._reset = 3, utcnow() + timedelta(seconds=60)
    await connector.wait_for_new(2.0)  # 3 requests left for 60 s: one every ~20 s
    connector._remaining = 250
    await connector.wait_for_new(2.0)
    assert slept[0] == 2.0 and 19 < slept[1] <= 20 and slept[2] == 2.0
