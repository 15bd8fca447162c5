"""Hostile notification JSON never breaks a fetch: it is set aside with a reason, the rest imports.

A MockTransport serves the page (no server): some valid mentions, and
around them notifications that hypothesis truncated, retyped or filled
with junk. Also checked: the request never resumes with since_id, and a
set-aside payload is the notification's JSON as received.
"""
from __future__ import annotations

import asyncio
import copy
import json

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.actions import SYSTEM
from newsroom.channels import connect
from newsroom.connectors.base import ChannelSettings
from newsroom.connectors.mastodon import MastodonConnector
from newsroom.connectors.runner import Collector, load_channels
from newsroom.model import SetAside
from newsroom.secrets import SecretStore

BASE = "https://social.example"
CHANNEL = ChannelSettings(1, "mastodon", "@gemeente@social.example", "Mastodon", {"base_url": BASE, "username": "gemeente"})


def valid(n: int) -> dict:
    account = {"id": str(500 + n), "username": f"burger{n}", "acct": f"burger{n}@elders.example", "display_name": f"Burger {n}"}
    return {
        "id": str(1000 + n), "type": "mention", "created_at": "2026-11-23T07:49:02.064Z", "group_key": f"ungrouped-{1000 + n}",
        "account": account,
        "status": {
            "id": str(9_000_000 + n), "created_at": "2026-11-23T07:49:01.940Z", "in_reply_to_id": None, "visibility": "direct",
            "uri": f"https://elders.example/users/burger{n}/statuses/{9_000_000 + n}", "url": f"https://elders.example/@burger{n}/{9_000_000 + n}",
            "content": f'<p><span class="h-card"><a href="{BASE}/@gemeente" class="u-url mention">@<span>gemeente</span></a></span> melding {n}</p>',
            "language": "nl", "account": account, "mentions": [{"id": "1", "username": "gemeente", "acct": "gemeente", "url": f"{BASE}/@gemeente"}],
        },
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
hostile_text = st.sampled_from([
    "<script>alert(1)</script>", "\x00", "\ud800", "2026-13-45T99:99:99Z", "", " ", "x" * 400, "&#0;&#xD800;", "<p", "🙂",
])


def _paths(value, prefix=()):
    """Every key path in a JSON object."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield prefix + (key,)
            yield from _paths(inner, prefix + (key,))


@st.composite
def broken(draw, n: int) -> object:
    """A valid notification with one to three fields removed or replaced by junk, or junk altogether."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    value = valid(n)
    paths = list(_paths(value))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        holder = value
        for key in path[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        if not isinstance(holder, dict) or path[-1] not in holder:
            continue
        if draw(st.booleans()):
            del holder[path[-1]]
        else:
            holder[path[-1]] = draw(json_values | hostile_text)
    return value


def _may_be_valid(entry: object) -> bool:
    return isinstance(entry, dict)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_notifications_are_set_aside_and_never_raise(data):
    count = data.draw(st.integers(1, 6))
    entries = []
    good: list[str] = []
    for n in range(count):
        if data.draw(st.booleans()):
            entries.append(valid(n))
            good.append(str(9_000_000 + n))
        else:
            entries.append(data.draw(broken(n)))
    page = json.dumps(entries)
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, text=page, headers={"Content-Type": "application/json"})

    secrets = SecretStore()
    secrets.set(CHANNEL, "token")

    async def run():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            return await MastodonConnector(CHANNEL, secrets=secrets, http=http).fetch("999")

    result = asyncio.run(run())
    assert "since_id" not in seen[0].params and seen[0].params["min_id"] == "999"
    assert seen[0].params.get_list("types[]") == ["mention"] and seen[0].params["include_filtered"] == "true"
    imported = [item.external_id for item in result.items]
    assert set(good) <= set(imported)
    assert len(result.items) + len(result.set_aside) == len(entries)
    for aside in result.set_aside:
        assert aside.reason
        assert json.loads(aside.payload) in json.loads(page)
    for item in result.items:
        assert "alert(1)" not in item.text
    # the cursor never goes back
    assert int(result.cursor) >= 999


@pytest.mark.asyncio
async def test_set_aside_payloads_are_stored_with_their_reason(db, secrets: SecretStore):
    """Through the collector into the database (both), with NUL, a lone surrogate and junk."""
    bad_date = valid(2)
    bad_date["status"]["created_at"] = "gisteren"
    surrogate = valid(3)
    surrogate["status"]["account"]["display_name"] = "\ud800"
    entries = [valid(1), bad_date, surrogate, {"id": "1005", "type": "mention", "status": None}, ["not", "an", "object"], valid(6)]
    body = json.dumps(entries)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=body if "min_id=0" in str(request.url) or "min_id" not in str(request.url) else "[]",
                              headers={"Content-Type": "application/json"})

    channel_id = connect(db, SYSTEM, platform="mastodon", name="M", options=dict(CHANNEL.options), secret="token", secrets=secrets)
    (channel,) = load_channels(db, ids=[channel_id])
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http, Collector(db, secrets=secrets, http=http) as collector:
        result = await collector.poll(channel)
    assert result.imported == 2 and result.set_aside == 4
    table = SetAside.__table__
    with db.read() as conn:
        rows = conn.execute(table.select().where(table.c.channel_id == channel_id).order_by(table.c.id)).all()
    reasons = [r.reason for r in rows]
    assert "received_at" in reasons[0] and "surrogate" in reasons[1] and "no status" in reasons[2] and "not a JSON object" in reasons[3]
    assert [r.external_id for r in rows[:3]] == ["9000002", "9000003", "1005"]
    assert json.loads(rows[1].payload) == copy.deepcopy(surrogate)
