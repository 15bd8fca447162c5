"""The demo feed generator: shape, determinism, order, threads, bursts, PII."""

from __future__ import annotations

import base64
import itertools
import json
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newsroom.demo import phrases
from newsroom.demo.generator import CHANNELS, PLATFORMS, generate, incident_labels, live, start_ending_before

AMS = ZoneInfo("Europe/Amsterdam")
N = 50_000

REQUIRED = {"platform", "channel", "external_id", "author", "text", "received_at"}
OPTIONAL = {"in_reply_to", "thread_id", "subject", "url", "language", "category", "location",
            "metrics", "raw"}
ID_SHAPES = {
    "mastodon": re.compile(r"^\d{17,19}$"),
    "bluesky": re.compile(r"^at://did:plc:[a-z2-7]{24}/app\.bsky\.feed\.post/[2-7a-z]{13}$"),
    "x": re.compile(r"^\d{15,20}$"),
    "facebook": re.compile(r"^\d+_\d+$"),
    "instagram": re.compile(r"^\d{17}$"),
    "whatsapp": re.compile(r"^wamid\.HBgL[A-Za-z0-9+/]+=*$"),
    "email": re.compile(r"^<[^<>@\s]+@[^<>@\s]+>$"),
    "signalen": re.compile(r"^\d+$"),
    "open311": re.compile(r"^\d+$"),
    "other": re.compile(r"^WF-\d{8}$"),
}
MOBILE = re.compile(r"(?<!\d)(?:06[- ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}|06-\d{3} \d{2} \d{3}|\(06\) \d{4} \d{4}"
                    r"|\+31 ?6 ?\d{8})(?!\d)")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
POSTCODE = re.compile(r"\b\d{4} [A-Z]{2}\b")
BSN = re.compile(r"BSN(?: is)? (\d{9})\b")


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return list(generate(N, seed=0))


def _street_names() -> list[str]:
    return [s for _, _, _, streets in phrases.WIJKEN.values() for s in streets]


def test_every_item_has_the_inbound_shape(items: list[dict]) -> None:
    for item in items:
        assert REQUIRED <= item.keys(), item
        assert item.keys() <= REQUIRED | OPTIONAL, item.keys() - REQUIRED - OPTIONAL
        assert item["platform"] in PLATFORMS
        assert item["channel"] in CHANNELS[item["platform"]]
        assert isinstance(item["external_id"], str) and item["external_id"]
        assert isinstance(item["text"], str) and item["text"].strip()
        author = item["author"]
        assert isinstance(author, dict)
        assert author.keys() & {"id", "handle", "name"}
        assert all(isinstance(v, str) and v for v in author.values()), author
        for key in ("in_reply_to", "thread_id", "subject", "url", "category"):
            assert key not in item or isinstance(item[key], str), (key, item)
        assert item.get("language", "nl") in ("nl", "en")
        if "metrics" in item:
            assert set(item["metrics"]) == {"likes", "reposts", "replies"}
            assert all(isinstance(v, int) and v >= 0 for v in item["metrics"].values())
        if "raw" in item:
            assert isinstance(item["raw"], dict)


def test_items_are_independent_and_json_serialisable(items: list[dict]) -> None:
    json.dumps(items[:2000], ensure_ascii=False)
    by_author: dict[tuple, list[dict]] = defaultdict(list)
    for item in items[:5000]:
        by_author[(item["platform"], json.dumps(item["author"], sort_keys=True))].append(item)
    repeat = next(group for group in by_author.values() if len(group) > 1)
    assert repeat[0]["author"] is not repeat[1]["author"]  # mutating one item leaves the next alone


def test_platform_specifics(items: list[dict]) -> None:
    seen = Counter()
    for item in items:
        platform = item["platform"]
        seen[platform] += 1
        assert ID_SHAPES[platform].match(item["external_id"]), item["external_id"]
        if platform == "email":
            assert "email" in item["author"] and isinstance(item["subject"], str)
            assert item["text"].count("\n\n") >= 2  # greeting, body, sign-off
        if platform == "whatsapp":
            assert re.fullmatch(r"\+316\d{8}", item["author"]["phone"])
        if platform in ("signalen", "open311"):
            assert item["category"] in {"afval", "wegen-verkeer-straatmeubilair", "verlichting",
                                        "overlast", "groen"}
            assert "location" in item
        if platform in ("mastodon", "bluesky", "x", "facebook", "instagram"):
            assert item["url"].startswith("https://") and "metrics" in item
    assert set(seen) == set(PLATFORMS)


def test_whatsapp_ids_decode_like_real_ones(items: list[dict]) -> None:
    for item in (i for i in items[:5000] if i["platform"] == "whatsapp"):
        raw = base64.b64decode(item["external_id"].removeprefix("wamid."))
        sender = item["author"]["phone"].removeprefix("+").encode()
        assert raw[:14] == b"\x1c\x18\x0b" + sender
        assert raw[14:20] == b"\x15\x02\x00\x12\x18\x14" and raw[-1:] == b"\x00"
        assert re.fullmatch(rb"[0-9A-F]{20}", raw[20:-1])


def test_mail_subjects_fit_the_body(items: list[dict]) -> None:
    streets = sorted(_street_names(), key=len, reverse=True)
    checked = 0
    for item in items:
        if item["platform"] not in ("email", "other") or "in_reply_to" in item:
            continue
        named = [s for s in streets if s in item["subject"]]
        if named:
            assert named[0] in item["text"], (item["subject"], item["text"])
            checked += 1
    assert checked > 100


def test_external_ids_are_unique_per_channel(items: list[dict]) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for item in items:
        ids = seen[item["channel"]]
        assert item["external_id"] not in ids, item
        ids.add(item["external_id"])


def test_ids_stay_unique_when_everything_arrives_at_once() -> None:
    seen = set()
    for item in generate(5000, seed=1, mean_gap_seconds=0):
        key = (item["channel"], item["external_id"])
        assert key not in seen
        seen.add(key)


def test_deterministic_for_a_seed() -> None:
    a = list(generate(3000, seed=42))
    assert a == list(generate(3000, seed=42))
    assert a != list(generate(3000, seed=43))
    # a prefix of a longer run is the shorter run
    assert list(generate(500, seed=42)) == a[:500]


def test_time_order_and_offsets(items: list[dict]) -> None:
    previous = None
    for n, item in enumerate(items):
        when = datetime.fromisoformat(item["received_at"])
        assert when.utcoffset() is not None
        if n % 7 == 0:  # the offset is Amsterdam's at that instant
            assert when.astimezone(AMS).isoformat() == item["received_at"]
        if previous is not None:
            assert when >= previous
        previous = when
    first = datetime.fromisoformat(items[0]["received_at"])
    assert first >= datetime(2026, 11, 2, 8, 0, tzinfo=AMS)


def test_offsets_follow_daylight_saving_time() -> None:
    start = datetime(2027, 3, 27, 22, 0, tzinfo=AMS)  # the clocks go forward that night
    stamps = [item["received_at"] for item in generate(3000, seed=2, start=start, mean_gap_seconds=60)]
    offsets = {s[-6:] for s in stamps}
    assert offsets == {"+01:00", "+02:00"}
    for s in stamps:
        assert datetime.fromisoformat(s).astimezone(AMS).isoformat() == s


def test_start_and_mean_gap_are_honoured() -> None:
    start = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    out = list(generate(4000, seed=3, start=start, mean_gap_seconds=5.0))
    first, last = (datetime.fromisoformat(out[i]["received_at"]) for i in (0, -1))
    assert start <= first < start + timedelta(minutes=5)
    mean_gap = (last - start).total_seconds() / len(out)
    assert 2.0 < mean_gap < 10.0
    assert list(generate(0)) == []
    with pytest.raises(ValueError):
        list(generate(1, start=datetime(2026, 1, 1)))


def test_office_hours_are_busier(items: list[dict]) -> None:
    per_hour = Counter(datetime.fromisoformat(i["received_at"]).hour for i in items)
    assert per_hour[10] > 3 * per_hour[3]


def test_follow_ups_point_at_earlier_items_in_the_same_channel(items: list[dict]) -> None:
    index = {}
    follow_ups = same_author = 0
    for i, item in enumerate(items):
        index[(item["channel"], item["external_id"])] = i
        if "in_reply_to" not in item:
            continue
        follow_ups += 1
        j = index.get((item["channel"], item["in_reply_to"]))
        assert j is not None and j < i, item
        parent = items[j]
        assert item["thread_id"] == parent["thread_id"]
        same_author += parent["author"] == item["author"]
        if item["platform"] == "email":
            assert item["subject"].startswith("Re: ")
            assert item["subject"].removeprefix("Re: ") == parent["subject"].removeprefix("Re: ")
        if item["platform"] == "whatsapp":
            assert parent["author"] == item["author"]  # a chat is one person
    assert follow_ups > 0.03 * len(items)
    assert same_author > 0.6 * follow_ups
    # longer threads exist too
    depth = Counter(item["thread_id"] for item in items if "in_reply_to" in item)
    assert max(depth.values()) >= 3


def test_topics_platform_registers_and_variety(items: list[dict]) -> None:
    items = items[:20_000]
    texts = [item["text"].lower() for item in items]
    for words in (("afval", "container", "grofvuil", "kliko"), ("parkeer", "parkeren"),
                  ("wegwerkzaamheden", "omleiding", "afsluiting"), ("lantaarnpaal", "straatverlichting"),
                  ("evenement", "vergunning"), ("woz", "aanslag", "belasting"),
                  ("paspoort", "id-kaart"), ("geluidsoverlast", "herrie", "harde muziek"),
                  ("jongeren", "jongerenwerk"), ("boom", "tak "), ("dank", "compliment", "top")):
        hits = sum(any(w in t for w in words) for t in texts)
        assert hits > 0.01 * len(texts), words
    assert len(set(texts)) > 0.6 * len(texts)  # templates with slots, not a handful of repeats
    social = [i["text"] for i in items if i["platform"] in ("x", "mastodon", "instagram")]
    assert sum("#" in t for t in social) > 0.1 * len(social)
    assert sum("@" in t for t in social) > 0.3 * len(social)
    emoji = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
    assert sum(bool(emoji.search(t)) for t in texts) > 0.02 * len(texts)
    mails = [i["text"] for i in items if i["platform"] == "email" and i["language"] == "nl"]
    assert all(re.match(r"(Geacht|Beste|Goede|Aan de)", t) for t in mails)
    assert sum(t.count("\n\n") >= 4 for t in mails) > 0.03 * len(mails)  # some long letters
    reports = [i["text"] for i in items if i["platform"] == "signalen" and i["language"] == "nl"]
    assert max(map(len, reports)) < 120  # terse


def test_some_english(items: list[dict]) -> None:
    english = [item for item in items if item.get("language") == "en"]
    assert 0.015 * len(items) < len(english) < 0.06 * len(items)
    words = re.compile(r"\b(the|my|i|is|for|you|your|on|a|it's|this|there|here|no|how|any|thanks|we|over)\b", re.IGNORECASE)
    assert all(words.search(i["text"]) for i in english)


def test_personal_data_appears(items: list[dict]) -> None:
    texts = [item["text"] for item in items[:20_000]]
    phones = sum(bool(MOBILE.search(t)) for t in texts)
    mails = sum(bool(EMAIL.search(t)) for t in texts)
    postcodes = sum(bool(POSTCODE.search(t)) for t in texts)
    bsns = [m.group(1) for t in texts for m in BSN.finditer(t)]
    assert phones > 0.005 * len(texts)
    assert mails > 0.0005 * len(texts)
    assert postcodes > 0.005 * len(texts)
    assert bsns
    for bsn in bsns:
        assert bsn.startswith("99999")
        assert (sum(int(bsn[i]) * (9 - i) for i in range(8)) - int(bsn[8])) % 11 == 0


def test_locations_lie_in_the_city(items: list[dict]) -> None:
    lat0, lon0 = phrases.CENTRE
    streets = set(_street_names())
    located = [item for item in items if "location" in item]
    assert len(located) > 0.15 * len(items)
    for item in located:
        loc = item["location"]
        assert abs(loc["lat"] - lat0) < 0.05 and abs(loc["lon"] - lon0) < 0.07, loc
        street = next((s for s in streets if loc["address"].startswith(f"{s} ")), None)
        assert street and loc["address"][len(street) + 1].isdigit(), loc


def test_a_burst_many_messages_about_one_street_in_a_short_window(items: list[dict]) -> None:
    streets = sorted(_street_names(), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(s) for s in streets))
    mentions = []
    for item in items[:25_000]:
        m = pattern.search(item["text"])
        if m:
            mentions.append((datetime.fromisoformat(item["received_at"]), m.group(0), item["platform"]))
    best = 0
    for street, group in itertools.groupby(sorted(mentions, key=lambda x: (x[1], x[0])), key=lambda x: x[1]):
        group = list(group)
        lo = 0
        for hi in range(len(group)):
            while group[hi][0] - group[lo][0] > timedelta(hours=1):
                lo += 1
            if hi - lo + 1 > best:
                best = hi - lo + 1
                platforms = {p for _, _, p in group[lo:hi + 1]}
    assert best >= 12
    assert len(platforms) >= 3


def test_incident_labels_match_the_stream() -> None:
    out = list(generate(8_000, seed=7))
    labels = incident_labels(8_000, seed=7)
    assert labels
    by_key = {(i["channel"], i["external_id"]): i for i in out}
    groups: dict[str, list[dict]] = defaultdict(list)
    for key, label in labels.items():
        groups[label].append(by_key[key])
    for label, group in groups.items():
        street = label.split("/")[1]
        assert all(street in item["text"] or item["language"] == "en" and street in item["text"]
                   for item in group), label
        times = sorted(datetime.fromisoformat(i["received_at"]) for i in group)
        assert times[-1] - times[0] < timedelta(hours=3)
        assert len(group) >= 10


def test_live_stream_is_now_and_endless() -> None:
    before = datetime.now(UTC)
    stream = live(seed=1)
    out = list(itertools.islice(stream, 300))
    after = datetime.now(UTC)
    keys = {(i["channel"], i["external_id"]) for i in out}
    assert len(keys) == len(out)
    for item in out:
        when = datetime.fromisoformat(item["received_at"])
        assert when.utcoffset() == timedelta(0)
        assert before - timedelta(seconds=1) <= when <= after + timedelta(seconds=1)
    assert next(live())["platform"] in PLATFORMS  # seed=None works


@pytest.mark.parametrize(("count", "gap"), [(400, 8.0), (60, 20.0), (3000, 20.0)])
def test_a_history_ending_before_now_does_so_at_every_hour_of_the_week(count: int, gap: float) -> None:
    # Gaps are longer at night: a start a fixed time ago used to put the demo's
    # newest messages up to 3.4 hours in the future when seeded in the evening.
    monday = datetime(2026, 11, 23, tzinfo=UTC)
    for hour in range(7 * 24):
        end = monday + timedelta(hours=hour, minutes=37)
        start = start_ending_before(end, count, seed=7, mean_gap_seconds=gap)
        objs = list(generate(count, seed=7, start=start, mean_gap_seconds=gap))
        first = datetime.fromisoformat(objs[0]["received_at"])
        last = datetime.fromisoformat(objs[-1]["received_at"])
        assert last <= end, f"ending {end:%a %H:%M}: the newest item is at {last:%H:%M}"
        assert end - first < timedelta(seconds=count * gap * 6)  # a history of that size, not a week of it


def test_a_history_ending_before_needs_an_aware_end() -> None:
    with pytest.raises(ValueError, match="aware"):
        start_ending_before(datetime(2026, 11, 27, 23, 0), 10)
    assert start_ending_before(datetime(2026, 11, 27, 23, 0, tzinfo=UTC), 0) <= datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
