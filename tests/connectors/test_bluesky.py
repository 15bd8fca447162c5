"""The Bluesky connector against its loopback fake: items, session, replies, health, lexicon shapes."""
from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from newsroom.actions import perform, resolve_actor
from newsroom.connectors.base import (
    ChannelSettings,
    Original,
    OutboundReply,
    PermanentError,
    TransientError,
)
from newsroom.connectors.bluesky import (
    BlueskyConnector,
    grapheme_count,
    jwt_exp,
    tid_for_key,
)
from newsroom.connectors.runner import Collector, load_channels
from newsroom.fakes.bluesky import TID_RE, BlueskyFake, demo_channel
from newsroom.inbound import Author, loads
from newsroom.model import Channel, Message
from newsroom.timeutil import utcnow
from tests.connectors.test_bluesky_helpers import REPLIES, connect_fake, inbound_ids
from tests.core.conftest import people  # noqa: F401  (fixture)

CHANNELS = Channel.__table__
MESSAGES = Message.__table__


@pytest.fixture
def fake():
    with BlueskyFake() as server:
        yield server


def health(db, channel):
    with db.read() as conn:
        return conn.execute(select(CHANNELS.c.health, CHANNELS.c.health_reason, CHANNELS.c.retry_at)
                            .where(CHANNELS.c.id == channel.id)).first()


def case_of(db, external_id):
    with db.read() as conn:
        return conn.execute(select(MESSAGES.c.case_id).where(MESSAGES.c.external_id == external_id)).scalar_one()


# -- small pure parts ---------------------------------------------------------------------------


def test_grapheme_count():
    assert grapheme_count("") == 0
    assert grapheme_count("abc") == 3
    assert grapheme_count("e\u0301") == 1  # combining acute
    assert grapheme_count("👨\u200d👩\u200d👧\u200d👦") == 1  # ZWJ family
    assert grapheme_count("👍🏽") == 1  # skin tone modifier
    assert grapheme_count("❤️") == 1  # variation selector
    assert grapheme_count("🇳🇱🇧🇪") == 2  # two flags
    assert grapheme_count("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f") == 1  # tag sequence
    assert grapheme_count("a\r\nb") == 3


def test_tid_is_valid_and_deterministic():
    keys = [f"key-{i}" for i in range(200)]
    tids = [tid_for_key(k) for k in keys]
    assert all(TID_RE.match(t) for t in tids)
    assert len(set(tids)) == len(tids)
    assert tids == [tid_for_key(k) for k in keys]


def test_account_and_options():
    assert BlueskyConnector.account_for({"username": "@gemeente.bsky.social"}) == "@gemeente.bsky.social"
    assert {o.name for o in BlueskyConnector.OPTIONS} == {"base_url", "username"}


# -- inbound ----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_mentions_and_replies_become_items(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    announcement = fake.own_post("De Kerkbrug is vanaf maandag dicht voor onderhoud.")
    mention = fake.post_citizen_message("Is de brug weer open?", handle="burger.bsky.social", display_name="Bea Burger")
    reply = fake.post_citizen_message("Hoe lang duurt dat?", handle="piet.bsky.social", reply_to_uri=announcement)
    fake.inject_notification({**fake.notifications[-1]["obj"], "reason": "like", "uri": "at://did:plc:x/app.bsky.feed.like/3k"},
                             reason="like")  # filtered by the server
    async with Collector(db, secrets=secrets) as collector:
        result = await collector.poll(channel)
        assert result.imported == 2
        again = await collector.poll(channel)
        assert again.imported == 0 and again.duplicates == 0
    with db.read() as conn:
        rows = {r.external_id: r for r in conn.execute(select(MESSAGES).where(MESSAGES.c.channel_id == channel.id))}
    m = rows[mention]
    assert m.author_id == fake.account("burger.bsky.social").did
    assert m.author_handle == "@burger.bsky.social" and m.author_name == "Bea Burger"
    assert m.text == "@gemeente.bsky.social Is de brug weer open?"
    assert m.thread_id == mention and m.in_reply_to is None
    assert m.url == f"https://bsky.app/profile/burger.bsky.social/post/{mention.rsplit('/', 1)[1]}"
    assert m.language == "nl"
    r = rows[reply]
    assert r.thread_id == announcement and r.in_reply_to == announcement
    with db.read() as conn:
        cursor = loads(conn.execute(select(CHANNELS.c.cursor).where(CHANNELS.c.id == channel.id)).scalar())
    # The newest notification the server hands out: the filtered "like" may carry a millisecond more.
    delivered = max(n["at"] for n in fake.notifications if n["reason"] in ("mention", "reply"))
    assert cursor["watermark"] == delivered and cursor["backfill"] is None


@pytest.mark.asyncio
async def test_backlog_pages_down_and_then_only_new(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    backlog = fake.seed_backlog(120)
    async with Collector(db, secrets=secrets) as collector:
        collector.connector(channel).page_size = 25
        result = await collector.poll(channel)
        assert result.imported == 120 and result.pages == 6  # 5 full pages, then the empty end
        assert sorted(inbound_ids(db, channel)) == sorted(backlog)
        before = len(fake.requests)
        new = [fake.post_citizen_message(f"Nieuw bericht {i}") for i in range(3)]
        result = await collector.poll(channel)
        assert result.imported == 3 and result.pages == 1
        assert len([r for r in fake.requests[before:] if "listNotifications" in r[1]]) == 1
    assert sorted(inbound_ids(db, channel)) == sorted(backlog + new)


# -- session ----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_session_lives_in_the_keyring_and_is_refreshed_not_recreated(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    async with Collector(db, secrets=secrets) as collector:
        for i in range(6):
            fake.post_citizen_message(f"Vraag {i}")
            await collector.poll(channel)
    async with Collector(db, secrets=secrets) as collector:  # a restart reuses the stored session
        await collector.poll(channel)
        assert fake.create_session_calls == 1 and fake.refresh_session_calls == 0
        fake.faults.expire_tokens()
        fake.post_citizen_message("Na het verlopen")
        result = await collector.poll(channel)
        assert result.imported == 1
        assert fake.create_session_calls == 1 and fake.refresh_session_calls == 1
        await collector.poll(channel)
        assert fake.refresh_session_calls == 1
        # The refresh token refused too: then, and only then, log in again.
        fake.revoke_sessions()
        await collector.poll(channel)
        assert fake.refresh_session_calls == 2 and fake.create_session_calls == 2
    session = json.loads(secrets.get(channel, "session"))
    assert session["did"] == fake.own.did and jwt_exp(session["accessJwt"]) > time.time() + 3600
    assert jwt_exp(session["refreshJwt"]) > time.time() + 80 * 86400
    db.close()
    path = Path(db.engine.url.database)
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for secret in (session["accessJwt"], session["refreshJwt"], fake.own.app_passwords[0]):
        assert secret.encode() not in data
        assert secret.split(".")[-1].encode() not in data
    assert b"accessJwt" not in data and b"refreshJwt" not in data


@pytest.mark.asyncio
async def test_access_token_expiring_by_exp_is_refreshed_before_use(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(channel)
        connector = collector.connector(channel)
        # Pretend the access token's exp has passed: the connector refreshes before the call.
        session = dict(connector._session)
        header, _payload, sig = session["accessJwt"].split(".")
        import base64
        payload = base64.urlsafe_b64encode(json.dumps({"exp": int(time.time()) - 5}).encode()).rstrip(b"=").decode()
        connector._session = {**session, "accessJwt": f"{header}.{payload}.{sig}"}
        before = len(fake.requests)
        await collector.poll(channel)
        paths = [p for _, p in fake.requests[before:]]
        assert paths[0].endswith("refreshSession") and fake.create_session_calls == 1


@pytest.mark.asyncio
async def test_create_session_is_rate_limited_like_bsky(fake):
    async with httpx.AsyncClient(base_url=fake.base_url) as client:
        creds = fake.credentials()
        codes = []
        for _ in range(31):
            r = await client.post("/xrpc/com.atproto.server.createSession",
                                  json={"identifier": creds["handle"], "password": creds["app_password"]})
            codes.append(r.status_code)
        assert codes[:30] == [200] * 30 and codes[30] == 429
        assert r.json()["error"] == "RateLimitExceeded"
        assert r.headers["RateLimit-Policy"] == "30;w=300" and r.headers["RateLimit-Remaining"] == "0"
        assert int(r.headers["RateLimit-Reset"]) > time.time() + 200


# -- health ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_health_states(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    async with Collector(db, secrets=secrets) as collector:
        ok = await collector.check(channel)
        assert ok.ok and ok.detail == f"@{fake.own.handle}, {fake.own.did}"
        fake.faults.rate_limit(1, reset_in=120)
        await collector.cycle(channel)
        state = health(db, channel)
        assert state.health == "rate_limited"
        expected = utcnow() + timedelta(seconds=120)
        assert abs((state.retry_at.replace(tzinfo=expected.tzinfo) - expected).total_seconds()) < 5
        fake.faults.server_errors(3, status=503)
        await collector.cycle(channel)
        assert health(db, channel).health == "backing_off"
        fake.faults.clear()
        await collector.cycle(channel)
        assert health(db, channel).health == "ok"


@pytest.mark.asyncio
async def test_wrong_app_password_needs_attention(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets, secret="xxxx-xxxx-xxxx-xxxx")
    async with Collector(db, secrets=secrets) as collector:
        await collector.cycle(channel)
        state = health(db, channel)
        assert state.health == "needs_attention"
        assert "app password" in state.health_reason
        assert not (await collector.check(channel)).ok
    assert fake.create_session_calls == 2


# -- replies ----------------------------------------------------------------------------------


async def _answer(db, collector, channel, citizen_uri, text):
    case_id = case_of(db, citizen_uri)
    change = perform(db, "queue_reply", resolve_actor(db, "sanne"), case_id=case_id, text=text)
    outcomes = await collector.send_pending(channel)
    assert [o.state for o in outcomes] == ["sent"], outcomes
    with db.read() as conn:
        return conn.execute(select(REPLIES).where(REPLIES.c.id == change.info["reply"])).first()


@pytest.mark.asyncio
async def test_reply_refs_keep_the_thread_root(db, people, fake, secrets):  # noqa: F811
    channel = connect_fake(db, fake, secrets)
    own = fake.own.did
    announcement = fake.own_post("Afvalinzameling verschuift door Koningsdag.")
    async with Collector(db, secrets=secrets) as collector:
        mention = fake.post_citizen_message("Wanneer wordt de papiercontainer geleegd?")
        await collector.poll(channel)
        sent = await _answer(db, collector, channel, mention, "Donderdag, excuses voor het ongemak.")
        (post,) = fake.posts_by(own)[1:]
        ref = {"uri": mention, "cid": fake.posts[mention]["cid"]}
        assert post["record"]["reply"] == {"root": ref, "parent": ref}
        assert post["record"]["langs"] == ["nl"] and sent.external_id == post["uri"]

        c1 = fake.post_citizen_message("Ook bij ons?", handle="jan.bsky.social", reply_to_uri=announcement)
        await collector.poll(channel)
        await _answer(db, collector, channel, c1, "Ja, ook in uw wijk.")
        r1 = fake.posts_by(own)[-1]
        root = {"uri": announcement, "cid": fake.posts[announcement]["cid"]}
        assert r1["record"]["reply"] == {"root": root, "parent": {"uri": c1, "cid": fake.posts[c1]["cid"]}}

        c2 = fake.post_citizen_message("Dank je!", handle="jan.bsky.social", reply_to_uri=r1["uri"])
        await collector.poll(channel)
        await _answer(db, collector, channel, c2, "Graag gedaan.")
        r2 = fake.posts_by(own)[-1]
        assert r2["record"]["reply"] == {"root": root, "parent": {"uri": c2, "cid": fake.posts[c2]["cid"]}}
        assert TID_RE.match(r2["rkey"])
    with db.read() as conn:
        out = conn.execute(select(MESSAGES).where(MESSAGES.c.direction == "out").order_by(MESSAGES.c.id)).all()
    assert [m.external_id for m in out] == [p["uri"] for p in fake.posts_by(own)[1:]]
    assert out[-1].thread_id == announcement


class Crash(Exception):
    pass


class CrashingCollector(Collector):
    """Dies just before or after one step of sending."""

    def __init__(self, *args, crash_before: str | None = None, crash_after: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.crash_before, self.crash_after = crash_before, crash_after

    async def _perform(self, name, **args):
        if name == self.crash_before:
            raise Crash(name)
        change = await super()._perform(name, **args)
        if name == self.crash_after:
            raise Crash(name)
        return change


@pytest.mark.asyncio
@pytest.mark.parametrize("crash", [
    {"crash_after": "reply_sending"},   # died before calling Bluesky
    {"crash_before": "reply_sent"},     # the post exists; we never recorded it
    {"crash_after": "reply_sent"},      # all done; the restart must not send again
    {"network": True},                  # the create timed out after the PDS made the post
])
async def test_reply_interrupted_and_retried_lands_once(sqlite_db, fake, secrets, crash):
    from tests.core.conftest import add_people

    db = sqlite_db
    add_people(db)
    channel = connect_fake(db, fake, secrets)
    mention = fake.post_citizen_message("Mijn fiets is weggehaald bij het station, waar staat hij?")
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(channel)
    perform(db, "queue_reply", resolve_actor(db, "sanne"), case_id=case_of(db, mention), text="In het fietsdepot aan de Havenweg.")
    if crash.get("network"):
        class LosingTransport(httpx.AsyncHTTPTransport):
            async def handle_async_request(self, request):
                response = await super().handle_async_request(request)
                if request.url.path.endswith("createRecord"):
                    await response.aclose()
                    raise httpx.ReadTimeout("the answer got lost", request=request)
                return response

        async with httpx.AsyncClient(transport=LosingTransport()) as http, Collector(db, secrets=secrets, http=http) as c:
            with pytest.raises(TransientError):
                await c.send_pending(channel)
        with db.transaction() as conn:  # skip the backoff wait
            conn.execute(update(REPLIES).values(next_attempt_at=None))
    else:
        async with CrashingCollector(db, secrets=secrets, **crash) as collector:
            with pytest.raises(Crash):
                await collector.send_pending(channel)
    async with Collector(db, secrets=secrets) as collector:  # the restart
        await collector.send_pending(channel)
        await collector.send_pending(channel)
    replies = fake.posts_by(fake.own.did)
    assert len(replies) == 1
    with db.read() as conn:
        (row,) = conn.execute(select(REPLIES)).all()
    assert row.state == "sent" and row.external_id == replies[0]["uri"]
    with db.read() as conn:
        assert conn.execute(select(MESSAGES.c.external_id).where(MESSAGES.c.direction == "out")).scalars().all() == [replies[0]["uri"]]


@pytest.mark.asyncio
async def test_create_on_an_existing_key_is_recognised(sqlite_db, fake, secrets):
    db = sqlite_db
    channel = connect_fake(db, fake, secrets)
    mention = fake.post_citizen_message("Hallo?")
    raw = next(n["obj"] for n in fake.notifications if n["obj"]["uri"] == mention)
    original = Original(mention, mention, None, Author("did:x"), None, None, utcnow(), raw)
    reply = OutboundReply(1, "the-client-key", "Hallo!", original, attempt=1)
    async with httpx.AsyncClient() as http:
        connector = BlueskyConnector(channel, secrets=secrets, http=http)
        first = await connector.send(reply)
        second = await connector.send(reply)  # attempt 1 again: the 500 of the PDS, then getRecord
    assert not first.already_sent and second.already_sent and first.external_id == second.external_id
    assert len(fake.posts_by(fake.own.did)) == 1


@pytest.mark.asyncio
async def test_reply_over_300_graphemes_fails_with_reason(sqlite_db, fake, secrets):
    from tests.core.conftest import add_people

    db = sqlite_db
    add_people(db)
    channel = connect_fake(db, fake, secrets)
    mention = fake.post_citizen_message("Vraagje")
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(channel)
        case_id = case_of(db, mention)
        long_ok = "e\u0301" * 300  # 600 characters, 300 graphemes: allowed
        perform(db, "queue_reply", resolve_actor(db, "sanne"), case_id=case_id, text=long_ok)
        assert [o.state for o in await collector.send_pending(channel)] == ["sent"]
        perform(db, "queue_reply", resolve_actor(db, "sanne"), case_id=case_id, text="x" * 301)
        (outcome,) = await collector.send_pending(channel)
    assert outcome.state == "failed" and "301" in outcome.detail and "300" in outcome.detail
    assert len(fake.posts_by(fake.own.did)) == 1


@pytest.mark.asyncio
async def test_send_without_original_is_permanent(fake, secrets):
    channel = ChannelSettings(1, "bluesky", "@" + fake.own.handle, "b", demo_channel(fake)["options"])
    connector = BlueskyConnector(channel, secrets=secrets)
    try:
        with pytest.raises(PermanentError):
            await connector.send(OutboundReply(1, "k", "tekst", None))
    finally:
        await connector.aclose()


# -- the fake's shapes against the lexicons --------------------------------------------------------

# Required fields, from bluesky-social/atproto lexicons/*.json
LEXICON_REQUIRED = {
    "createSession": ["accessJwt", "refreshJwt", "handle", "did"],
    "refreshSession": ["accessJwt", "refreshJwt", "handle", "did"],
    "getSession": ["handle", "did"],
    "listNotifications": ["notifications"],
    "notification": ["uri", "cid", "author", "reason", "record", "isRead", "indexedAt"],
    "profileView": ["did", "handle"],
    "createRecord": ["uri", "cid"],
    "getRecord": ["uri", "value"],
    "post": ["text", "createdAt"],
    "strongRef": ["uri", "cid"],
}


def _has(obj, kind):
    missing = [k for k in LEXICON_REQUIRED[kind] if k not in obj]
    assert not missing, f"{kind} lacks {missing}: {obj}"


@pytest.mark.asyncio
async def test_fake_answers_in_lexicon_shape(fake):
    reply_to = fake.own_post("Aankondiging")
    fake.post_citizen_message("Vraag", reply_to_uri=reply_to)
    async with httpx.AsyncClient(base_url=fake.base_url) as client:
        creds = fake.credentials()
        r = await client.post("/xrpc/com.atproto.server.createSession",
                              json={"identifier": creds["handle"], "password": creds["app_password"]})
        session = r.json()
        _has(session, "createSession")
        assert "didDoc" not in session
        for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"):
            assert name in r.headers
        auth = {"Authorization": f"Bearer {session['accessJwt']}"}
        r = await client.get("/xrpc/app.bsky.notification.listNotifications",
                             params=[("reasons", "mention"), ("reasons", "reply"), ("limit", "100")], headers=auth)
        body = r.json()
        _has(body, "listNotifications")
        for n in body["notifications"]:
            _has(n, "notification")
            _has(n["author"], "profileView")
            _has(n["record"], "post")
            assert n["record"]["$type"] == "app.bsky.feed.post"
            for part in ("root", "parent"):
                _has(n["record"]["reply"][part], "strongRef")
        r = await client.get("/xrpc/app.bsky.notification.listNotifications", params={"limit": "101"}, headers=auth)
        assert r.status_code == 400 and r.json()["error"] == "InvalidRequest"
        r = await client.get("/xrpc/com.atproto.server.getSession", headers=auth)
        _has(r.json(), "getSession")
        record = {"$type": "app.bsky.feed.post", "text": "Dag", "createdAt": "2026-05-04T08:00:00.000Z"}
        r = await client.post("/xrpc/com.atproto.repo.createRecord", headers=auth,
                              json={"repo": session["did"], "collection": "app.bsky.feed.post", "record": record})
        _has(r.json(), "createRecord")
        rkey = r.json()["uri"].rsplit("/", 1)[1]
        r = await client.get("/xrpc/com.atproto.repo.getRecord",
                             params={"repo": session["did"], "collection": "app.bsky.feed.post", "rkey": rkey})
        _has(r.json(), "getRecord")
        r = await client.get("/xrpc/com.atproto.repo.getRecord",
                             params={"repo": session["did"], "collection": "app.bsky.feed.post", "rkey": "3kaaaaaaaaaaa"})
        assert r.status_code == 400 and r.json()["error"] == "RecordNotFound"
        bad = {**record, "text": "x" * 301}
        r = await client.post("/xrpc/com.atproto.repo.createRecord", headers=auth,
                              json={"repo": session["did"], "collection": "app.bsky.feed.post", "record": bad})
        assert r.status_code == 400 and "300 graphemes" in r.json()["message"]
        r = await client.post("/xrpc/com.atproto.server.refreshSession",
                              headers={"Authorization": f"Bearer {session['refreshJwt']}"})
        _has(r.json(), "refreshSession")
        r = await client.get("/xrpc/com.atproto.server.getSession", headers={"Authorization": f"Bearer {session['refreshJwt']}"})
        assert r.status_code == 400 and r.json()["error"] == "InvalidToken"
        fake.faults.expire_tokens()
        r = await client.get("/xrpc/com.atproto.server.getSession", headers=auth)
        assert r.status_code == 400 and r.json() == {"error": "ExpiredToken", "message": "Token has expired"}
        fake.faults.rate_limit(1, reset_in=30)
        r = await client.get("/xrpc/com.atproto.repo.getRecord", params={"repo": "x", "collection": "y", "rkey": "z"})
        assert r.status_code == 429 and r.json()["error"] == "RateLimitExceeded"
        assert int(r.headers["Retry-After"]) == 30 and r.headers["RateLimit-Remaining"] == "0"


def test_demo_channel_connects(sqlite_db, secrets):
    with BlueskyFake() as fake:
        spec = demo_channel(fake)
        assert spec["platform"] == "bluesky" and spec["secret"] == fake.credentials()["app_password"]
        channel = connect_fake(sqlite_db, fake, secrets)
        assert channel.account == "@gemeente.bsky.social"
        assert load_channels(sqlite_db)[0].options["base_url"] == fake.base_url
