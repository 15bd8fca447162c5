"""The Signalen connector against its loopback fake: resume, replies as status changes, health, fuzz."""
from __future__ import annotations

import asyncio
import json
import random
from datetime import timedelta

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from newsroom.actions import SYSTEM, perform, resolve_actor
from newsroom.channels import connect
from newsroom.connectors import runner
from newsroom.connectors.base import ChannelSettings, ConnectorError, Page
from newsroom.connectors.runner import Collector, load_channels
from newsroom.connectors.signalen import SignalenConnector
from newsroom.fakes.signalen import REACTIONS, SignalenFake, demo_channel
from newsroom.model import Channel, Message, Reply, SetAside
from newsroom.timeutil import parse_instant, to_iso, utcnow
from tests.core.conftest import add_people

MESSAGES = Message.__table__
CHANNELS = Channel.__table__
REPLIES = Reply.__table__
SET_ASIDE = SetAside.__table__


class Crash(Exception):
    """The process dies here (nothing after it is stored)."""


def add_channel(db, secrets, fake, **options) -> ChannelSettings:
    connect(db, SYSTEM, platform="signalen", name="Signalen", options={"base_url": fake.base_url, **options},
            secret=fake.token, secrets=secrets)
    (channel,) = load_channels(db)
    return channel


def stored(db, channel_id) -> list:
    with db.read() as conn:
        return conn.execute(
            select(MESSAGES.c.external_id, MESSAGES.c.case_id, MESSAGES.c.direction, MESSAGES.c.in_reply_to)
            .where(MESSAGES.c.channel_id == channel_id)
        ).all()


def health(db, channel_id):
    with db.read() as conn:
        return conn.execute(select(CHANNELS.c.health, CHANNELS.c.health_reason, CHANNELS.c.retry_at)
                            .where(CHANNELS.c.id == channel_id)).first()


def expected_ids(fake: SignalenFake) -> set[str]:
    out = set()
    with fake.lock:
        for sid, entries in fake.history.items():
            out.add(f"SIG-{sid}")
            for entry in entries:
                if entry["state"] == "reaction received":
                    out.add(f"SIG-{sid}:reaction:{to_iso(parse_instant(entry['when']))}")
    return out


async def drain(db, secrets, channel) -> None:
    async with Collector(db, secrets=secrets) as collector:
        for _ in range(200):
            result = await collector.poll(channel)
            if result.imported == 0:
                return
    raise AssertionError("the channel never ran dry")


# -- resume ----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_resume_with_crashes_and_faults_imports_every_item_once(db, secrets, dialect):
    seed = {"sqlite": 1, "postgresql": 2}[dialect]
    rng = random.Random(seed)
    with SignalenFake(seed=seed) as fake:
        tie = (utcnow() - timedelta(days=1)).replace(microsecond=123456)
        fake.seed_backlog(rng.randint(20, 35), at=tie, spread=timedelta(0))  # one updated_at for many
        fake.seed_backlog(rng.randint(20, 40), spread=timedelta(days=5))
        channel = add_channel(db, secrets, fake, page_size=rng.choice([3, 7, 10, 25]))
        reacted: set[int] = set()
        for _round in range(rng.randint(14, 20)):
            for _ in range(rng.randint(0, 3)):
                fake.seed_backlog(1, spread=timedelta(0))
            sids = list(fake.signals)
            if rng.random() < 0.5:
                sid = rng.choice(sids)
                reacted.add(sid)
                fake.citizen_reacts(sid, rng.choice(REACTIONS) + f" ({_round})")
            if rng.random() < 0.4:
                sid = rng.choice([s for s in sids if s not in reacted] or sids)
                if sid not in reacted:
                    fake.back_office(sid, rng.choice(["b", "ingepland", "i"]), "Wij pakken dit op.")
            fault = rng.random()
            if fault < 0.15:
                fake.faults.rate_limit(1, reset_in=rng.randint(1, 90))
            elif fault < 0.3:
                fake.faults.server_errors(rng.randint(1, 3))
            elif fault < 0.4:
                fake.faults.expire_tokens()
            async with Collector(db, secrets=secrets) as collector:
                connector = collector.connector(channel)
                crash_at = rng.choice([None, 1, 2, 3])
                calls = 0
                real_fetch = connector.fetch

                async def fetch(cursor, real_fetch=real_fetch):
                    nonlocal calls
                    page = await real_fetch(cursor)
                    calls += 1
                    if calls == crash_at:
                        raise Crash()  # the page is lost, the cursor not stored
                    return page

                connector.fetch = fetch
                try:
                    if rng.random() < 0.5:
                        await collector.cycle(channel)
                    else:
                        try:
                            await collector.poll(channel, max_pages=rng.randint(1, 4))
                        except ConnectorError:
                            pass
                except Crash:
                    pass
            if health(db, channel.id).health == "needs_attention" or fault < 0.4 and fault >= 0.3:
                fake.faults.clear()
                secrets.set(channel, fake.new_token())
        fake.faults.clear()
        secrets.set(channel, fake.new_token())
        await drain(db, secrets, channel)
        rows = stored(db, channel.id)
        ids = [r.external_id for r in rows]
        assert len(ids) == len(set(ids)), "duplicates"
        assert set(ids) == expected_ids(fake)
        # every reaction sits in its report's case
        cases = {r.external_id: r.case_id for r in rows}
        for r in rows:
            if r.in_reply_to:
                assert r.case_id == cases[r.in_reply_to]


@pytest.mark.asyncio
async def test_tie_group_bigger_than_a_page(sqlite_db, secrets):
    db = sqlite_db
    with SignalenFake() as fake:
        tie = utcnow() - timedelta(hours=2)
        fake.seed_backlog(23, at=tie, spread=timedelta(0))
        channel = add_channel(db, secrets, fake, page_size=5)
        await drain(db, secrets, channel)
        fake.seed_backlog(4, at=tie, spread=timedelta(0))  # late arrivals at the watermark itself
        fake.seed_backlog(3, spread=timedelta(0))
        await drain(db, secrets, channel)
        ids = [r.external_id for r in stored(db, channel.id)]
        assert sorted(ids) == sorted(expected_ids(fake)) and len(ids) == 30


@pytest.mark.asyncio
async def test_reaction_hidden_by_a_later_status_change_is_found_in_the_history(sqlite_db, secrets):
    db = sqlite_db
    with SignalenFake() as fake:
        sid = fake.post_citizen_report("Stoeptegel los voor nr 3.")
        fake.back_office(sid, "reaction requested", "Welke kant van de straat?")
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        fake.citizen_reacts(sid, "De oneven kant, bij de brievenbus.")
        fake.back_office(sid, "b", "Dank, we gaan aan de slag.")
        await drain(db, secrets, channel)
        rows = {r.external_id: r for r in stored(db, channel.id)}
        assert set(rows) == expected_ids(fake) and len(rows) == 2
        reaction = next(r for r in rows.values() if r.in_reply_to)
        assert reaction.case_id == rows[f"SIG-{sid}"].case_id


# -- replies ---------------------------------------------------------------------------


def queue(db, case_id: int, text: str) -> int:
    change = perform(db, "queue_reply", resolve_actor(db, "sanne"), case_id=case_id, text=text)
    return change.info["reply"]


def case_of(db, channel_id, external_id) -> int:
    with db.read() as conn:
        return conn.execute(select(MESSAGES.c.case_id).where(
            MESSAGES.c.channel_id == channel_id, MESSAGES.c.external_id == external_id)).scalar_one()


def reply_row(db, reply_id):
    with db.read() as conn:
        return conn.execute(select(REPLIES).where(REPLIES.c.id == reply_id)).first()


@pytest.mark.asyncio
async def test_reply_lands_once_when_interrupted_at_every_step(sqlite_db, secrets, monkeypatch):
    db = sqlite_db
    add_people(db)
    monkeypatch.setattr(runner, "backoff_delay", lambda attempt, rng=None: 0.0)
    with SignalenFake() as fake:
        sids = [fake.post_citizen_report(f"Losse tegel bij nummer {n}.") for n in range(6)]
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        interruptions = ["get_503", "patch_throttled", "patch_lost", "crash_after_send", "token_expired", "none"]
        for sid, how in zip(sids, interruptions):
            text = f"Beste melder, we gaan de tegel herstellen ({how})."
            reply_id = queue(db, case_of(db, channel.id, f"SIG-{sid}"), text)
            for attempt in range(6):
                async with Collector(db, secrets=secrets) as collector:
                    connector = collector.connector(channel)
                    if attempt == 0:
                        if how == "get_503":
                            fake.faults.server_errors(1)
                        elif how == "patch_throttled":
                            fake.fail_next_patch(429)
                        elif how == "patch_lost":
                            fake.lose_next_patch_response()
                        elif how == "token_expired":
                            fake.faults.expire_tokens()
                        elif how == "crash_after_send":
                            real_send = connector.send

                            async def send(reply, real_send=real_send):
                                await real_send(reply)
                                raise Crash()

                            connector.send = send
                    try:
                        await collector.send_pending(channel)
                    except (ConnectorError, Crash):
                        pass
                if how == "token_expired" and attempt == 0:
                    secrets.set(channel, fake.new_token())
                with db.transaction() as conn:  # time passes: the rate limit's reset is behind us
                    conn.execute(update(REPLIES).where(REPLIES.c.id == reply_id).values(next_attempt_at=None))
                if reply_row(db, reply_id).state == "sent":
                    break
            row = reply_row(db, reply_id)
            assert row.state == "sent", (how, row.failure_reason)
            assert len(fake.statuses_with_text(sid, text)) == 1, how
            assert fake.signals[sid]["status"]["state"] == "b"
            assert row.external_id.startswith(f"SIG-{sid}:status:")
        # the answers are outbound messages in their cases, and polling again brings no new items
        await drain(db, secrets, channel)
        rows = stored(db, channel.id)
        assert sorted(r.external_id for r in rows if r.direction == "in") == sorted(f"SIG-{s}" for s in sids)
        assert len([r for r in rows if r.direction == "out"]) == len(sids)


@pytest.mark.asyncio
async def test_forbidden_transition_fails_the_reply_with_signalens_reason(sqlite_db, secrets):
    db = sqlite_db
    add_people(db)
    with SignalenFake() as fake:
        sid = fake.post_citizen_report("Lantaarnpaal kapot op de Molenlaan.")
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        fake.back_office(sid, "o", "De lamp is vervangen.")
        reply_id = queue(db, case_of(db, channel.id, f"SIG-{sid}"), "Fijn dat het is opgelost!")
        async with Collector(db, secrets=secrets) as collector:
            (outcome,) = await collector.send_pending(channel)
        row = reply_row(db, reply_id)
        assert row.state == "failed" == outcome.state
        assert "Invalid state transition from `Afgehandeld` to `In behandeling`." in row.failure_reason
        assert fake.signals[sid]["status"]["state"] == "o"


@pytest.mark.asyncio
async def test_citizen_reaction_joins_the_case_after_our_answer(sqlite_db, secrets):
    db = sqlite_db
    add_people(db)
    with SignalenFake() as fake:
        sid = fake.post_citizen_report("Gat in de weg op de Stationsweg.")
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        case_id = case_of(db, channel.id, f"SIG-{sid}")
        queue(db, case_id, "Kunt u aangeven bij welk huisnummer?")
        async with Collector(db, secrets=secrets) as collector:
            await collector.send_pending(channel)
        fake.citizen_reacts(sid, "Bij nummer 44, naast de bushalte.")
        await drain(db, secrets, channel)
        rows = [r for r in stored(db, channel.id) if r.direction == "in"]
        assert len(rows) == 2 and {r.case_id for r in rows} == {case_id}


# -- health ----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_health_after_401_429_and_5xx(sqlite_db, secrets):
    db = sqlite_db
    with SignalenFake() as fake:
        fake.seed_backlog(2)
        channel = add_channel(db, secrets, fake)
        async with Collector(db, secrets=secrets) as collector:
            assert (await collector.check(channel)).ok
            fake.faults.expire_tokens()
            await collector.cycle(channel)
            h = health(db, channel.id)
            assert h.health == "needs_attention" and "new token" in h.health_reason
            assert not (await collector.check(channel)).ok
            secrets.set(channel, fake.new_token())
            fake.faults.rate_limit(1, reset_in=40)
            before = utcnow()
            await collector.cycle(channel)
            h = health(db, channel.id)
            assert h.health == "rate_limited" and "throttled" in h.health_reason
            assert before + timedelta(seconds=35) <= h.retry_at <= utcnow() + timedelta(seconds=45)
            fake.faults.server_errors(1, status=503)
            await collector.cycle(channel)
            assert health(db, channel.id).health == "backing_off"
            await collector.cycle(channel)
            assert health(db, channel.id).health == "ok"
            assert len(stored(db, channel.id)) == 2


def test_demo_channel_and_categories():
    with SignalenFake() as fake:
        info = demo_channel(fake)
        assert info["platform"] == "signalen" and info["secret"] == fake.token
        body = httpx.get(fake.base_url + "/signals/v1/public/terms/categories/").json()
        slugs = {s["slug"] for c in body["results"] for s in c["sub_categories"]}
        assert "losse-stoeptegel" in slugs and body["count"] == len(body["results"])
        denied = httpx.get(fake.base_url + "/signals/v1/private/signals/")
        assert denied.status_code == 401 and denied.json() == {"detail": "Authentication credentials were not provided."}


# -- parser fuzz -----------------------------------------------------------------------


def good_signal(n: int) -> dict:
    at = f"2026-05-04T09:{n % 60:02d}:00+02:00"
    return {
        "id": 5000 + n, "text": f"Melding {n}: losse stoeptegel", "created_at": at, "updated_at": at,
        "status": {"state": "m", "text": None, "created_at": at},
        "location": {"address_text": "Dam 1", "geometrie": {"type": "Point", "coordinates": [4.89, 52.37]}},
        "category": {"sub_slug": "losse-stoeptegel", "sub": "Losse stoeptegel"},
        "reporter": {"email": "a@example.nl"},
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["id", "text", "created_at", "updated_at", "status", "location", "category", "reporter"]


@st.composite
def pages(draw):
    n_good = draw(st.integers(0, 4))
    results: list = [good_signal(i) for i in range(n_good)]
    bad = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            item = good_signal(100 + len(bad))
            item[draw(st.sampled_from(FIELDS))] = draw(json_values)
        else:
            item = draw(json_values)
        bad.append(item)
        results.insert(draw(st.integers(0, len(results))), item)
    body: object = {"_links": {"next": {"href": None}}, "count": len(results), "results": results}
    mode = draw(st.sampled_from(["ok", "ok", "ok", "truncate", "garbage", "shape"]))
    text = json.dumps(body, allow_nan=True)
    if mode == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif mode == "garbage":
        text = draw(st.text(max_size=50))
    elif mode == "shape":
        text = json.dumps(draw(json_values), allow_nan=True)
    return mode, n_good, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=pages())
def test_fuzzed_pages_never_break_fetch(secrets, case):
    mode, n_good, text = case
    channel = ChannelSettings(1, "signalen", "api.example.nl", "S", {"base_url": "https://api.example.nl"})
    secrets.set(channel, "token")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/history"):
            return httpx.Response(200, json=[])
        return httpx.Response(200, content=text.encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"})

    async def run():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            connector = SignalenConnector(channel, secrets=secrets, http=http)
            return await connector.fetch({"updated_after": "2026-05-01T00:00:00+00:00", "seen": [], "page": 1})

    try:
        page = asyncio.run(run())
    except ConnectorError:
        assert mode != "ok"
        return
    assert isinstance(page, Page)
    if mode == "ok":
        got = {i.external_id for i in page.items}
        assert {f"SIG-{5000 + i}" for i in range(n_good)} <= got
        assert all(isinstance(s.payload, str) and s.reason for s in page.set_aside)


@pytest.mark.asyncio
async def test_bad_signal_is_set_aside_and_its_neighbours_import(db, secrets):
    results = [good_signal(1), {"id": 9, "text": 12, "updated_at": "2026-05-04T09:05:00+02:00"}, "nonsense", good_signal(2)]
    body = {"_links": {"next": {"href": None}}, "count": 4, "results": results}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with SignalenFake() as fake:  # only for connect(): the channel points at the mock
        channel = add_channel(db, secrets, fake, since_days=3650)
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        async with Collector(db, secrets=secrets, http=http) as collector:
            result = await collector.poll(channel)
    assert result.imported == 2 and result.set_aside == 2
    with db.read() as conn:
        aside = conn.execute(select(SET_ASIDE.c.reason, SET_ASIDE.c.payload, SET_ASIDE.c.external_id)).all()
    assert {a.external_id for a in aside} == {"SIG-9", None}
    assert any("text" in a.reason for a in aside) and any(a.payload == '"nonsense"' for a in aside)
