"""Fuzzing the inbound item: parse_item returns an item or raises InvalidItem, nothing else."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsroom.importer import import_lines
from newsroom.inbound import InboundItem, InvalidItem, parse_item
from tests.core.conftest import item_dict

FIELDS = ["platform", "channel", "external_id", "author", "text", "received_at", "in_reply_to", "thread_id",
          "subject", "url", "language", "category", "location", "metrics", "raw"]

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(FIELDS) | st.text(max_size=10)
json_objects = st.dictionaries(field_names, json_values, max_size=10)


def valid_item() -> dict:
    return item_dict(
        "v1",
        subject="Onderwerp",
        in_reply_to="v0",
        thread_id="t1",
        url="https://example.social/@x/1",
        language="NL",
        category="afval",
        location={"lat": 52.1, "lon": 5.1, "address": "Kerkstraat 1"},
        metrics={"likes": 1, "reposts": 0, "replies": 2},
        author={"id": "1", "handle": "@x", "name": "X", "email": "x@example.org", "phone": "0612345678"},
    )


@st.composite
def mutated_items(draw):
    """A valid item with a few fields removed, replaced by arbitrary values, or truncated."""
    obj = valid_item()
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(FIELDS))
        how = draw(st.sampled_from(["delete", "replace", "truncate", "nested"]))
        if how == "delete":
            obj.pop(key, None)
        elif how == "replace":
            obj[key] = draw(json_values)
        elif how == "truncate" and isinstance(obj.get(key), str):
            obj[key] = obj[key][: draw(st.integers(0, len(obj[key])))]
        elif how == "nested" and isinstance(obj.get(key), dict):
            inner = dict(obj[key])
            inner[draw(st.sampled_from([*inner, "id", "name", "lat", "likes"]))] = draw(json_values)
            obj[key] = inner
    return obj


def check(obj) -> None:
    try:
        item = parse_item(obj)
    except InvalidItem as error:
        assert isinstance(error.reason, str) and error.reason.strip()
        return
    assert isinstance(item, InboundItem)
    assert item.platform and item.channel and item.external_id
    assert item.received_at.tzinfo is not None
    assert item.author.label
    json.loads(item.raw_json())


def test_a_valid_item_parses():
    item = parse_item(valid_item())
    assert item.language == "nl"
    assert item.location == {"lat": 52.1, "lon": 5.1, "address": "Kerkstraat 1"}
    assert item.raw == valid_item()


@settings(max_examples=300, deadline=None)
@given(json_values | json_objects)
@example({"platform": []})
def test_arbitrary_json_is_parsed_or_refused(obj):
    check(obj)


@settings(max_examples=300, deadline=None)
@given(mutated_items())
@example({**valid_item(), "platform": ["mastodon"]})
@example({**valid_item(), "received_at": "0001-01-01T00:00:00+00:30"})
@example({**valid_item(), "location": {"lat": 10**309}})
def test_mutated_items_are_parsed_or_refused(obj):
    check(obj)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.builds(lambda o: json.dumps(o).encode(), json_values | json_objects),
            st.binary(max_size=40),
            st.builds(lambda k: json.dumps(item_dict(f"good{k}")).encode(), st.integers(0, 5)),
        ),
        min_size=1,
        max_size=12,
    )
)
@example(lines=[b'{"platform": []}', json.dumps(item_dict("good9")).encode()])
def test_the_importer_keeps_going_and_the_good_lines_land(sqlite_db, lines):
    # One database for all examples (a function-scoped fixture): messages dedupe, so count by key.
    good = {json.loads(raw)["external_id"] for raw in lines if raw.startswith(b'{"platform": "mastodon", "channel"')}
    report = import_lines(sqlite_db, [raw.replace(b"\n", b" ") + b"\n" for raw in lines], source="fuzz")
    assert report.imported + report.duplicates + report.rejected == sum(1 for raw in lines if raw.replace(b"\n", b" ").strip())
    assert all(r.reason for r in report.rejects)
    from sqlalchemy import select

    from newsroom.model import Message

    with sqlite_db.read() as conn:
        stored = set(conn.execute(select(Message.external_id)).scalars())
    assert good <= stored
