"""The Open311 GeoReport v2 connector against its loopback fake: windows, caps, resume, health, fuzz."""
from __future__ import annotations

import asyncio
import json
import random
from datetime import timedelta

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from newsroom.actions import SYSTEM
from newsroom.channels import connect
from newsroom.connectors.base import ChannelSettings, ConnectorError, Page
from newsroom.connectors.open311 import Open311Connector
from newsroom.connectors.runner import Collector, load_channels
from newsroom.fakes.open311 import Open311Fake, demo_channel
from newsroom.model import Channel, Message, SetAside
from newsroom.timeutil import utcnow

MESSAGES = Message.__table__
CHANNELS = Channel.__table__
SET_ASIDE = SetAside.__table__


class Crash(Exception):
    """The process dies here (nothing after it is stored)."""


def add_channel(db, secrets, fake, **options) -> ChannelSettings:
    connect(db, SYSTEM, platform="open311", name="Open311",
            options={"base_url": fake.endpoint, "jurisdiction_id": fake.jurisdiction, **options}, secret=None, secrets=secrets)
    (channel,) = load_channels(db)
    return channel


def stored(db, channel_id) -> list:
    with db.read() as conn:
        return conn.execute(select(MESSAGES.c.external_id, MESSAGES.c.text, MESSAGES.c.category, MESSAGES.c.location)
                            .where(MESSAGES.c.channel_id == channel_id)).all()


def health(db, channel_id):
    with db.read() as conn:
        return conn.execute(select(CHANNELS.c.health, CHANNELS.c.health_reason, CHANNELS.c.retry_at)
                            .where(CHANNELS.c.id == channel_id)).first()


async def drain(db, secrets, channel) -> None:
    async with Collector(db, secrets=secrets) as collector:
        for _ in range(200):
            result = await collector.poll(channel)
            if result.imported == 0:
                return
    raise AssertionError("the channel never ran dry")


def assert_exactly(db, channel, fake) -> None:
    ids = [r.external_id for r in stored(db, channel.id)]
    assert len(ids) == len(set(ids)), "duplicates"
    assert set(ids) == set(fake.requests_by_id), (len(ids), len(fake.requests_by_id))


@pytest.mark.asyncio
async def test_resume_with_crashes_caps_and_faults_imports_every_request_once(db, secrets, dialect):
    rng = random.Random({"sqlite": 3, "postgresql": 4}[dialect])
    cap = rng.randint(6, 15)
    with Open311Fake(cap=cap) as fake:
        same = (utcnow() - timedelta(days=2)).replace(microsecond=0)
        fake.seed_backlog(cap * 2 + 3, at=same, spread=timedelta(0))  # more than a cap at one second: paging
        fake.seed_backlog(rng.randint(40, 70), spread=timedelta(days=6))
        channel = add_channel(db, secrets, fake, max_results=cap, overlap_minutes=rng.choice([5, 15]))
        for _round in range(rng.randint(9, 12)):
            for _ in range(rng.randint(0, 4)):
                late = timedelta(seconds=rng.choice([0, 0, 30, 200]))  # committed late, requested earlier
                fake.seed_backlog(1, at=utcnow() - late, spread=timedelta(0))
            if rng.random() < 0.3:
                fake.update_request(rng.choice(list(fake.requests_by_id)), "closed", "Opgelost door de buitendienst.")
            fault = rng.random()
            if fault < 0.15:
                fake.faults.rate_limit(1)
            elif fault < 0.35:
                fake.faults.server_errors(rng.randint(1, 3))
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
                        raise Crash()
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
            fake.faults.clear()
        await drain(db, secrets, channel)
        assert_exactly(db, channel, fake)
        with db.read() as conn:
            assert conn.execute(select(SET_ASIDE.c.id)).first() is None


@pytest.mark.asyncio
async def test_backlog_over_1000_in_one_window(sqlite_db, secrets):
    db = sqlite_db
    with Open311Fake() as fake:  # the spec's cap of 1000
        fake.seed_backlog(1400, spread=timedelta(hours=20))
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        assert_exactly(db, channel, fake)
        rows = stored(db, channel.id)
        sample = next(r for r in rows if r.location)
        assert json.loads(sample.location)["address"].endswith("Stadsveen")
        assert all(r.category and r.category.isdigit() for r in rows)


@pytest.mark.asyncio
async def test_item_fields_and_status_updates_make_no_message(sqlite_db, secrets):
    db = sqlite_db
    with Open311Fake() as fake:
        rid = fake.post_request("Tegel los bij de school.", service_code="001", lat=52.14, long=5.30, address_string="Schoolstraat 3")
        nodesc = fake.post_request(None, service_code="002")
        channel = add_channel(db, secrets, fake)
        await drain(db, secrets, channel)
        fake.update_request(rid, "closed", "Tegel is teruggelegd.")
        await drain(db, secrets, channel)
        rows = {r.external_id: r for r in stored(db, channel.id)}
        assert set(rows) == {rid, nodesc}
        assert rows[rid].text == "Tegel los bij de school." and rows[rid].category == "001"
        assert json.loads(rows[rid].location) == {"lat": 52.14, "lon": 5.30, "address": "Schoolstraat 3"}
        assert rows[nodesc].text == "Kapotte straatverlichting"


@pytest.mark.asyncio
async def test_server_without_paging_sets_aside_a_warning(sqlite_db, secrets):
    db = sqlite_db
    with Open311Fake(cap=5) as fake:
        fake.paging = False
        fake.seed_backlog(8, at=(utcnow() - timedelta(hours=1)).replace(microsecond=0), spread=timedelta(0))
        channel = add_channel(db, secrets, fake, max_results=5)
        await drain(db, secrets, channel)
        assert len(stored(db, channel.id)) == 5
        with db.read() as conn:
            reasons = conn.execute(select(SET_ASIDE.c.reason)).scalars().all()
        assert 1 <= len(reasons) <= 2 and all("no paging" in r for r in reasons)


@pytest.mark.asyncio
async def test_health_after_403_429_and_5xx(sqlite_db, secrets):
    db = sqlite_db
    with Open311Fake() as fake:
        fake.seed_backlog(2)
        channel = add_channel(db, secrets, fake)
        async with Collector(db, secrets=secrets) as collector:
            assert (await collector.check(channel)).ok
            fake.jurisdiction = "elders.nl"  # our jurisdiction is gone: 404 with GeoReport's body
            await collector.cycle(channel)
            h = health(db, channel.id)
            assert h.health == "error" and "jurisdiction_id stadsveen.nl not found" in h.health_reason
            fake.jurisdiction = "stadsveen.nl"
            fake.faults.rate_limit(1)
            await collector.cycle(channel)
            h = health(db, channel.id)
            assert h.health == "rate_limited" and h.retry_at > utcnow()
            fake.faults.server_errors(2)
            await collector.cycle(channel)
            assert health(db, channel.id).health == "backing_off"
            await collector.cycle(channel)
            await collector.cycle(channel)
            assert health(db, channel.id).health == "ok"
            assert len(stored(db, channel.id)) == 2


def test_post_requires_api_key_and_demo_channel():
    with Open311Fake() as fake:
        url = fake.endpoint + "/requests.json"
        refused = httpx.post(url, data={"service_code": "001", "lat": "52.1", "long": "5.3"})
        assert refused.status_code == 403
        assert refused.json() == [{"code": 403, "description": "Invalid api_key received -- can't proceed with create_request."}]
        made = httpx.post(url, data={"api_key": fake.api_key, "service_code": "003", "address_string": "Dam 1", "description": "Vol"})
        (created,) = made.json()
        one = httpx.get(f"{fake.endpoint}/requests/{created['service_request_id']}.json").json()
        assert one[0]["service_code"] == "003" and isinstance(one[0]["service_code"], str)
        assert demo_channel(fake)["options"]["base_url"] == fake.endpoint and demo_channel(fake)["secret"] is None


def test_account_is_host_and_path():
    assert Open311Connector.account_for({"base_url": "https://open311.stadsveen.nl/georeport/v2/"}) == "open311.stadsveen.nl/georeport/v2"
    assert Open311Connector.account_for({"base_url": "https://x.nl/v2", "jurisdiction_id": "a.nl"}) == "x.nl/v2?jurisdiction_id=a.nl"


# -- parser fuzz -----------------------------------------------------------------------


def good_request(n: int) -> dict:
    return {"service_request_id": str(9000 + n), "status": "open", "service_code": "001", "service_name": "Tegel",
            "description": f"Tegel {n}", "requested_datetime": "2026-05-04T09:12:00+02:00",
            "updated_datetime": "2026-05-04T09:12:00+02:00", "lat": 52.1, "long": 5.3, "address": "Dam 1"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ["service_request_id", "description", "service_name", "service_code", "requested_datetime", "lat", "long", "address"]


@st.composite
def bodies(draw):
    n_good = draw(st.integers(0, 4))
    results: list = [good_request(i) for i in range(n_good)]
    for k in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            item = good_request(100 + k)
            item[draw(st.sampled_from(FIELDS))] = draw(json_values)
        else:
            item = draw(json_values)
        results.insert(draw(st.integers(0, len(results))), item)
    mode = draw(st.sampled_from(["ok", "ok", "ok", "truncate", "garbage", "shape"]))
    text = json.dumps(results, allow_nan=True)
    if mode == "truncate":
        text = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif mode == "garbage":
        text = draw(st.text(max_size=50))
    elif mode == "shape":
        text = json.dumps(draw(json_values), allow_nan=True)
    return mode, n_good, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=bodies())
def test_fuzzed_answers_never_break_fetch(secrets, case):
    mode, n_good, text = case
    channel = ChannelSettings(1, "open311", "x.nl/v2", "O", {"base_url": "https://x.nl/v2"})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=text.encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"})

    async def run():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            connector = Open311Connector(channel, secrets=secrets, http=http)
            return await connector.fetch(None)

    try:
        page = asyncio.run(run())
    except ConnectorError:
        assert mode != "ok"
        return
    assert isinstance(page, Page)
    if mode == "ok":
        assert {str(9000 + i) for i in range(n_good)} <= {i.external_id for i in page.items}
        assert all(s.reason and isinstance(s.payload, str) for s in page.set_aside)


@pytest.mark.asyncio
async def test_bad_request_is_set_aside_and_its_neighbours_import(db, secrets):
    answer = [good_request(1), {"service_request_id": "77", "requested_datetime": "gisteren"}, 42, good_request(2)]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=answer)

    with Open311Fake() as fake:
        channel = add_channel(db, secrets, fake, since_days=3650)
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        async with Collector(db, secrets=secrets, http=http) as collector:
            first = await collector.poll(channel)
            again = await collector.poll(channel)
    assert first.imported == 2 and first.set_aside == 2
    assert again.imported == 0 and again.set_aside == 0  # the overlap re-read does not set them aside again
    with db.read() as conn:
        aside = conn.execute(select(SET_ASIDE.c.reason, SET_ASIDE.c.payload, SET_ASIDE.c.external_id)).all()
    assert {a.external_id for a in aside} == {"77", None}
    assert any("received_at" in a.reason for a in aside) and any(a.payload == "42" for a in aside)
