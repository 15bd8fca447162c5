"""Malformed, truncated and hostile notifications never break a fetch: they are set aside with a reason."""
from __future__ import annotations

import asyncio
import json

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.actions import SYSTEM, perform
from newsroom.connectors.bluesky import BlueskyConnector, parse_notification
from newsroom.fakes.bluesky import BlueskyFake
from newsroom.inbound import InvalidItem, dumps
from tests.connectors.test_bluesky_helpers import connect_fake, set_aside_rows

HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\x00", "\ud800", "a\udfffb", "x" * 5000, "<script>alert(1)</script>", "at://", "at://a/b",
                     "did:", "2026-13-45T99:99:99Z", "2026-05-04T08:00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                     "Robert'); DROP TABLE messages;--", "\u202eevil", "🇳🇱" * 400]),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
    max_leaves=8,
)
FIELDS = [
    (), ("uri",), ("cid",), ("author",), ("author", "did"), ("author", "handle"), ("author", "displayName"),
    ("record",), ("record", "text"), ("record", "createdAt"), ("record", "reply"), ("record", "reply", "root"),
    ("record", "reply", "parent", "uri"), ("record", "langs"), ("indexedAt",), ("reason",), ("labels",),
]


def valid(n: int, did: str) -> dict:
    uri = f"at://did:plc:citizen{n:04d}/app.bsky.feed.post/3kabc{n:08d}"
    root = {"uri": f"at://{did}/app.bsky.feed.post/3kroot0000000", "cid": "bafyreiroot"}
    return {
        "uri": uri, "cid": f"bafyrei{n:08d}",
        "author": {"did": f"did:plc:citizen{n:04d}", "handle": f"burger{n}.bsky.social", "displayName": "Bea"},
        "reason": "reply", "reasonSubject": root["uri"],
        "record": {"$type": "app.bsky.feed.post", "text": f"Vraag {n}: is de brug open?", "createdAt": "2026-05-04T08:00:00.000Z",
                   "langs": ["nl"], "reply": {"root": root, "parent": root}},
        "isRead": False, "indexedAt": f"2026-05-04T08:{n // 60:02d}:{n % 60:02d}.123Z", "labels": [],
    }


@st.composite
def mutation(draw):
    kind = draw(st.sampled_from(["keep", "delete", "replace", "not_an_object", "truncated"]))
    path = draw(st.sampled_from(FIELDS[1:]))
    value = draw(JSON)
    return kind, path, value


def mutate(obj: dict, how) -> object:
    kind, path, value = how
    if kind == "keep":
        return obj
    if kind == "not_an_object":
        return value
    if kind == "truncated":
        text = json.dumps(obj)
        return text[: max(1, len(text) // 3)]
    target = obj
    for key in path[:-1]:
        target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            return obj
    if kind == "delete":
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return obj


@settings(max_examples=150, deadline=None)
@given(how=mutation())
def test_parse_notification_raises_only_invalid_item(how):
    obj = mutate(valid(1, "did:plc:gemeente"), how)
    try:
        item = parse_notification(obj, "@gemeente.bsky.social")
    except InvalidItem as error:
        assert error.reason
    else:
        assert item.external_id == obj["uri"] and item.raw is obj


def test_fetch_sets_hostile_notifications_aside(sqlite_db, secrets):
    db = sqlite_db
    with BlueskyFake() as fake:
        channel = connect_fake(db, fake, secrets)
        counter = iter(range(1, 10**6))

        @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(hows=st.lists(mutation(), min_size=1, max_size=6), page_size=st.sampled_from([1, 2, 50]))
        def run(hows, page_size):
            with fake.lock:
                fake.notifications.clear()
            injected = []
            for how in hows:
                n = next(counter)
                obj = mutate(valid(n, fake.own.did), how)
                fake.inject_notification(obj, indexed_at=f"2026-05-04T09:00:00.{n % 1000:03d}Z")
                injected.append((how[0] == "keep", obj))
            pages = asyncio.run(fetch_all(channel, secrets, page_size))
            items = [i for p in pages for i in p.items]
            aside = [a for p in pages for a in p.set_aside]
            for page in pages:  # the database takes whatever the connector hands over
                perform(db, "collect_page", SYSTEM, channel_id=channel.id, items=page.items, set_aside=page.set_aside,
                        cursor=page.cursor)
            item_ids = {i.external_id for i in items}
            for entry in aside:
                assert entry.reason and entry.payload
            payloads = {a.payload for a in aside}
            for kept, obj in injected:
                if kept:
                    assert obj["uri"] in item_ids
                elif isinstance(obj, dict) and isinstance(obj.get("reason"), str) and obj["reason"] not in ("mention", "reply", "quote"):
                    continue  # not a message (a like or a follow): skipped
                else:
                    is_item = isinstance(obj, dict) and isinstance(obj.get("uri"), str) and obj["uri"] in item_ids
                    assert is_item or dumps(obj) in payloads or _dup_key(obj, injected), obj

        run()
        assert set_aside_rows(db)


def _dup_key(obj, injected) -> bool:
    """A payload skipped because an earlier one with the same uri was already set aside."""
    return isinstance(obj, dict) and sum(1 for _, o in injected if isinstance(o, dict) and o.get("uri") == obj.get("uri")) > 1


async def fetch_all(channel, secrets, page_size):
    async with httpx.AsyncClient() as http:
        connector = BlueskyConnector(channel, secrets=secrets, http=http)
        connector.page_size = page_size
        pages, cursor = [], None
        for _ in range(50):
            page = await connector.fetch(cursor)
            pages.append(page)
            cursor = page.cursor
            if not page.more:
                break
        again = await connector.fetch(cursor)  # the next poll: nothing set aside twice
        assert not again.set_aside
        pages.append(again)
        return pages
