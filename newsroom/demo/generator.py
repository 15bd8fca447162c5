"""Demo feed: realistic, deterministic citizen messages as inbound items.

A pure module (standard library only, no I/O) that invents what the
newsroom of the fictional *gemeente Stadsveen* receives on all its channels:
Mastodon, Bluesky, X, Facebook, Instagram, WhatsApp, e-mail, Signalen,
Open311 and the web form. Each item is a plain dict in the inbound item
format that the importer and the connectors use::

    {"platform": "mastodon", "channel": "@stadsveen@social.overheid.nl",
     "external_id": "115520413190668314",
     "author": {"id": ..., "handle": "@sanne_dv@mastodon.nl", "name": "Sanne de Vries"},
     "text": "...", "received_at": "2026-11-02T08:00:14+01:00",
     # optional: in_reply_to, thread_id, subject, url, language, category,
     # location {lat, lon, address}, metrics {likes, reposts, replies}, raw
    }

What the stream looks like:

* topics of a municipal newsroom (waste, parking, road works, street lights,
  events, taxes, passports, noise, youth work, trees, compliments,
  complaints), in the register of the platform (short with hashtags on
  social, formal with greeting and sign-off in e-mail, terse on Signalen);
  about 3 % English;
* threads: follow-ups whose ``in_reply_to`` is an earlier ``external_id`` in
  the same channel, usually by the same author;
* bursts: every now and then an incident (a storm-felled tree, a burst
  water main, ...) on one street draws many messages on several channels
  within minutes (:func:`incident_labels` tells which);
* personal data the way citizens type it: mobile numbers, e-mail addresses,
  postcode and house number, now and then a BSN (11-check test numbers);
* time runs on by random gaps, busier in office hours, tight during bursts;
  ``received_at`` is Europe/Amsterdam local time with its offset.

Speed: templates are compiled once into f-string functions and timestamps
are formatted from a per-hour cache, so a million items take seconds.
"""

from __future__ import annotations

import base64
import itertools
import operator
import os
import random
import string
import time
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from math import log as _log
from zoneinfo import ZoneInfo

from newsroom.demo import phrases as P

__all__ = [
    "CHANNELS",
    "DEFAULT_START",
    "PLATFORMS",
    "TZ",
    "generate",
    "incident_labels",
    "live",
]

TZ = ZoneInfo("Europe/Amsterdam")
#: Monday morning, 08:00 in Stadsveen: the default start of :func:`generate`.
DEFAULT_START = datetime(2026, 11, 2, 8, 0, tzinfo=TZ)

PLATFORMS: tuple[str, ...] = (
    "mastodon", "bluesky", "x", "facebook", "instagram",
    "whatsapp", "email", "signalen", "open311", "other",
)
(_MASTODON, _BLUESKY, _X, _FACEBOOK, _INSTAGRAM,
 _WHATSAPP, _EMAIL, _SIGNALEN, _OPEN311, _OTHER) = range(10)
#: platform -> the municipality's accounts on it
CHANNELS: dict[str, tuple[str, ...]] = {p: P.CHANNELS[p] for p in PLATFORMS}

# Registers (which template set a platform writes in).
_SOCIAL, _CHAT, _MAIL, _REPORT = range(4)
_REG = (_SOCIAL, _SOCIAL, _SOCIAL, _SOCIAL, _SOCIAL, _CHAT, _MAIL, _REPORT, _REPORT, _MAIL)
_REG_NAME = ("social", "chat", "mail", "report")

# Chances are powers of two: a getrandbits() call is the cheapest die.
_ENGLISH_BITS = 5  # 1 in 32 (~3 %) is in English
_FOLLOW_UP_BITS = 3  # 1 in 8 non-report messages tries to continue a thread
#: chance (in 16ths) that a follow-up on this platform comes from someone else
_OTHER_AUTHOR = (6, 6, 6, 7, 6, 0, 0, 0, 0, 0)
_RING = 64  # recent messages per channel that can get a follow-up (a power of two)
_MIN_AGE_SAME = 600.0  # seconds before an author writes again in a thread
_MIN_AGE_OTHER = 30.0  # seconds before someone else chimes in
_BURST_BITS = 11  # 1 in 2048 items starts an incident burst
_BURST_SHARE = 6  # in 8ths: share of the items during a burst about the incident
_BURST_GAP = 0.4  # gap factor during a burst
_AUTHOR_BITS = 12  # 4096 authors per platform, drawn skewed: some write often
_LOCATION_BITS = 4  # 1 in 16 new social/chat messages is geotagged

# ---------------------------------------------------------------------------
# Lookup tables. Every table the stream picks from has a power-of-two length
# so that a pick is ``table[getrandbits(bits)]``: one C call, no float maths.
# ---------------------------------------------------------------------------

_prng = random.Random(20261102)  # only for import-time tables: fixed output
_T_BITS = 6  # template lists and slot values are padded to 64 entries
_T_SIZE = 1 << _T_BITS


def _pad(seq, size: int = _T_SIZE) -> tuple:
    """Repeat ``seq`` to ``size`` entries (near-uniform pick by getrandbits)."""
    seq = tuple(seq)
    if not seq:
        return ()
    if len(seq) > size:
        raise ValueError(f"{len(seq)} entries do not fit a table of {size}")
    return tuple(seq[i % len(seq)] for i in range(size))


def _table(pairs, bits: int) -> tuple:
    """Weighted lookup table of 2**bits entries (largest-remainder rounding)."""
    pairs = [(v, w) for v, w in pairs if w > 0]
    size = 1 << bits
    total = sum(w for _, w in pairs)
    exact = [w * size / total for _, w in pairs]
    counts = [int(x) for x in exact]
    for i in sorted(range(len(pairs)), key=lambda i: counts[i] - exact[i])[: size - sum(counts)]:
        counts[i] += 1
    out = tuple(itertools.chain.from_iterable([v] * c for (v, _), c in zip(pairs, counts)))
    assert len(out) == size
    return out


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def _bsn_numbers(count: int) -> tuple[str, ...]:
    """BSN-like test numbers: they start with 99999 and pass the 11-check (elfproef:
    9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11)."""
    out = []
    for prefix in range(99_999_003, 100_000_000, 5):  # the first 8 digits
        check = sum(int(c) * w for c, w in zip(str(prefix), range(9, 1, -1))) % 11
        if check <= 9:  # the 9th digit makes the sum a multiple of 11
            out.append(f"{prefix}{check}")
        if len(out) == count:
            return tuple(out)
    raise AssertionError("not enough BSN test numbers")


_BSN = _bsn_numbers(128)


def _kenteken() -> str:
    """A Dutch licence plate in one of the common side codes."""
    letters, digits = "BDFGHJKLNPRSTVXZ", "0123456789"

    def L(k: int) -> str:
        return "".join(_prng.choice(letters) for _ in range(k))

    def D(k: int) -> str:
        return "".join(_prng.choice(digits) for _ in range(k))

    return (
        f"{L(2)}-{D(3)}-{L(1)}", f"{D(2)}-{L(3)}-{D(1)}", f"{L(1)}-{D(3)}-{L(2)}",
        f"{L(2)}-{D(2)}-{D(2)}", f"{D(1)}-{L(3)}-{D(2)}", f"{L(3)}-{D(2)}-{L(1)}",
    )[_prng.randrange(6)]


_V_kenteken = tuple(_kenteken() for _ in range(256))
_V_aanslag = tuple(
    f"{_prng.randrange(1000, 9999)}.{_prng.randrange(0, 9999):04d}.{_prng.randrange(0, 999):03d}"
    for _ in range(256)
)
for _k, _vals in P.SLOT_VALUES.items():
    globals()[f"_V_{_k}"] = _pad(_vals)


def _build_streets() -> tuple[tuple, ...]:
    lat0, lon0 = P.CENTRE
    out = []
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    for wijk, (pc4, dlat, dlon, streets) in P.WIJKEN.items():
        for name in streets:
            # in micro-degrees: (lat + nr * step) / 1e6 is cheaper than round()
            lat = round((lat0 + dlat + _prng.uniform(-0.004, 0.004)) * 1e6)
            lon = round((lon0 + dlon + _prng.uniform(-0.006, 0.006)) * 1e6)
            # the direction the house numbers run, some 5 m per number
            step_lat, step_lon = _prng.choice(((50, 0), (0, 80), (40, 50), (-40, 60)))
            pc = f"{pc4} {_prng.choice(letters)}{_prng.choice(letters)}"
            out.append((name, wijk, pc, lat, lon, step_lat, step_lon))
    return tuple(out)


#: (name, wijk, postcode, lat, lon, lat step per house number, lon step), in micro-degrees
_STREETS = _build_streets()
_STREET_T = _pad(_STREETS, 1024)  # pick: _STREET_T[g(10)]
_STN = _pad((s[0] for s in _STREETS), 1024)


def _house_numbers() -> tuple[tuple[str, ...], tuple[int, ...]]:
    strs, nums = [], []
    for _ in range(256):
        if _prng.random() < 0.7:
            n = int(_prng.paretovariate(1.2) * 3)
        else:
            n = _prng.randint(1, 160)
        n = max(1, min(n, 240))
        suffix = _prng.choice(("",) * 14 + ("a", "b", "A", "-bis", "-2", " hs", "-1"))
        strs.append(f"{n}{suffix}")
        nums.append(n)
    return tuple(strs), tuple(nums)


_NR_STR, _NR_NUM = _house_numbers()  # pick: index g(8)
_MMSS = tuple(f"{m:02d}:{s:02d}" for m in range(60) for s in range(60))

_PHONE_FORMS: tuple[Callable[[str], str], ...] = _pad((
    lambda d: f"06-{d}",
    lambda d: f"06-{d}",
    lambda d: f"06{d}",
    lambda d: f"06 {d}",
    lambda d: f"06 {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}",
    lambda d: f"06-{d[:3]} {d[3:5]} {d[5:]}",
    lambda d: f"+31 6 {d}",
    lambda d: f"+316{d}",
    lambda d: f"(06) {d[:4]} {d[4:]}",
), 16)


def _tel(g: Callable[[int], int]) -> str:
    """A Dutch mobile number, typed the way people type it."""
    return _PHONE_FORMS[g(4)](f"{g(27) % 100_000_000:08d}")


_FIRST = P.FIRST_NAMES
_LAST = P.LAST_NAMES
_FIRST_S = tuple(_slug(x) for x in _FIRST)
_LAST_S = tuple(_slug(x) for x in _LAST)
_LAST_CORE_S = tuple(_slug(x.split()[-1]) for x in _LAST)
_FI = _pad(range(len(_FIRST)), 1024)  # pick: _FI[g(10)]
_LI = _pad(range(len(_LAST)), 1024)
_PROVIDERS = _pad(P.MAIL_PROVIDERS, 256)  # pick: g(8)
_EMOJI = _pad(P.EMOJI, 16)


def _local_part(g: Callable[[int], int], fi: int, li: int) -> str:
    f, l, core = _FIRST_S[fi], _LAST_S[li], _LAST_CORE_S[li]
    form = g(3)
    if form < 2:
        return f"{f}.{l}"
    if form == 2:
        return f"{f[0]}.{l}"
    if form == 3:
        return f"{f}{l}{10 + g(6)}"
    if form == 4:
        return f"{f}_{core}"
    if form == 5:
        return f"{f}.{core}{70 + g(5)}"
    return f"{f[0]}{core}"


def _mail(g: Callable[[int], int]) -> str:
    """Somebody's e-mail address."""
    return f"{_local_part(g, _FI[g(10)], _LI[g(10)])}@{_PROVIDERS[g(8)]}"


# ---------------------------------------------------------------------------
# Template compilation: "De {afvalc} op de {adr}" -> fast f-string function
# ---------------------------------------------------------------------------

_SLOT_EXPR: dict[str, str] = {
    "st": "S[0]",
    "wk": "S[1]",
    "pc": "S[2]",
    "nr": "nr",
    "nm": "nm",
    "adr": "S[0]} {nr",  # the braces around it make "{S[0]} {nr}"
    "st2": "_STN[g(10)]",
    "tel": "_tel(g)",
    "mail": "_mail(g)",
    "bsn": "_BSN[g(7)]",
    "kenteken": "_V_kenteken[g(8)]",
    "aanslag": "_V_aanslag[g(8)]",
}
for _k in P.SLOT_VALUES:
    _SLOT_EXPR[_k] = f"_V_{_k}[g({_T_BITS})]"

#: the slots that are the same wherever they occur in one message
_FIXED_SLOTS = {"st", "wk", "pc", "nr", "adr", "nm"}

#: f(g, S, nr, nm, a, b) -> a + text + b; g: rng.getrandbits, S: street tuple,
#: nr: house number, nm: first name; a, b: prefix and suffix (mention, hashtags, emoji)
_Tpl = Callable[[Callable[[int], int], tuple, str, str, str, str], str]


def _compile(template: str) -> _Tpl:
    """Turn a template into an f-string function (the templates are our own constants)."""
    parts = []
    for literal, field, spec, conv in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            if field not in _SLOT_EXPR or spec or conv:
                raise ValueError(f"unknown slot {{{field}}} in template {template!r}")
            parts.append("{" + _SLOT_EXPR[field] + "}")
    return eval('lambda g, S, nr, nm, a="", b="": f' + repr("{a}" + "".join(parts) + "{b}"), globals())


def _compile_all(templates) -> tuple[_Tpl, ...]:
    return _pad(_compile(t) for t in templates)


class _TopicSet:
    """The compiled templates of one topic or incident kind."""

    __slots__ = ("en", "en_subj", "idx", "name", "reg", "report")

    def __init__(self, name: str, idx: int, spec: dict) -> None:
        self.name = name
        self.idx = idx  # position in _TOPICS + _INCIDENTS (decoration tables)
        mail, subjects = spec.get("mail", ()), spec.get("subj", ())
        if len(mail) != len(subjects):
            raise ValueError(f"{name}: one tuple of subjects per mail body, please")
        for subject in itertools.chain.from_iterable(subjects):
            fields = {f for _, f, _, _ in string.Formatter().parse(subject) if f is not None}
            if fields - _FIXED_SLOTS:  # a random slot would contradict the body
                raise ValueError(f"{name}: subject {subject!r} uses {fields - _FIXED_SLOTS}")
        self.reg = (
            _compile_all(spec.get("social", ())),
            _compile_all(spec.get("chat", ())),
            # e-mail and web form: (body, the subjects that fit it)
            _pad((_compile(body), _compile_all(subj)) for body, subj in zip(mail, subjects)),
            (),  # reports carry a category: see .report
        )
        self.report = _pad((_compile(t), cat, sub) for t, cat, sub in spec.get("report", ()))
        self.en = _compile_all(spec.get("en", ()))
        self.en_subj = _compile_all(spec.get("en_subj", ()) or ("Question",))
        for name_, tbl in (("social", self.reg[0]), ("chat", self.reg[1]), ("mail", self.reg[2]),
                           ("en", self.en)):
            if not tbl:
                raise ValueError(f"{name}: no {name_} templates")


_TOPICS = tuple(_TopicSet(k, i, v) for i, (k, v) in enumerate(P.TOPICS.items()))
_INCIDENTS = tuple(
    _TopicSet(k, len(_TOPICS) + i, v) for i, (k, v) in enumerate(P.INCIDENTS.items()))
for _spec in P.INCIDENTS.values():  # one incident, one street
    for _tpl in itertools.chain(*(v for v in _spec.values() if isinstance(v, tuple))):
        if "{st2}" in str(_tpl):
            raise ValueError(f"incident template with a second street: {_tpl!r}")
_INCIDENT_T = _table(((i, v["weight"]) for i, v in enumerate(P.INCIDENTS.values())), 6)

_FOLLOW_SAME = {k: _compile_all(v) for k, v in P.FOLLOW_SAME.items()}
_FOLLOW_OTHER = {k: _compile_all(v) for k, v in P.FOLLOW_OTHER.items()}
#: per register: (same-author templates, other-author templates)
_FOLLOW = tuple(
    (_FOLLOW_SAME.get(name, _FOLLOW_SAME["social"]), _FOLLOW_OTHER.get(name, _FOLLOW_OTHER["social"]))
    for name in _REG_NAME
)
_FOLLOW_EN = (_FOLLOW_SAME["en"], _FOLLOW_OTHER["en"])

_MAIL_GREET = _pad(P.MAIL_GREETINGS)
_MAIL_CLOSE = _pad(P.MAIL_CLOSINGS)
_EN_GREET = _pad(P.EN_GREETINGS)
_EN_CLOSE = _pad(P.EN_CLOSINGS)
_MAIL_SIG = _compile_all(P.MAIL_SIGNATURES)
_MAIL_EXTRA = _compile_all(P.MAIL_EXTRAS)
_SOCIAL_EXTRA = _compile_all(P.SOCIAL_EXTRAS)

_BURST_PLATFORM_T = _table(
    ((PLATFORMS.index(p), w) for p, w in P.BURST_PLATFORM_WEIGHTS.items()), 10)


def _topic_table(platform: int) -> tuple[_TopicSet, ...]:
    if _REG[platform] == _REPORT:
        pairs = ((t, P.TOPICS[t.name].get("report_weight", 0) if t.report else 0) for t in _TOPICS)
    else:
        pairs = ((t, P.TOPICS[t.name]["weight"]) for t in _TOPICS)
    return _table(pairs, 10)


_TOPIC_T = tuple(_topic_table(p) for p in range(len(PLATFORMS)))  # pick: g(10)


def _joint_table() -> tuple[tuple[tuple[int, int, _TopicSet], ...], tuple[int, ...]]:
    """What a new message is: (platform, channel number on it, topic) combinations,
    and a table of 2**12 combination indices in proportion to their weights.

    One pick from it decides platform, channel and topic at once. Tax mail
    mostly goes to the second e-mail address (belastingen@).
    """
    combos: list[tuple[int, int, _TopicSet]] = []
    weights: list[float] = []
    p_total = sum(P.PLATFORM_WEIGHTS.values())
    for p in range(len(PLATFORMS)):
        share_p = P.PLATFORM_WEIGHTS[PLATFORMS[p]] / p_total
        table = _TOPIC_T[p]
        for topic, n in Counter(table).items():
            share = share_p * n / len(table)
            if p == _EMAIL and topic.name == "belastingen":
                combos += [(p, len(CHANNELS["email"]) - 1, topic), (p, 0, topic)]
                weights += [share * 0.7, share * 0.3]
            else:
                combos.append((p, 0, topic))
                weights.append(share)
    return tuple(combos), _table(enumerate(weights), 12)


_JOINT_COMBOS, _JOINT_T = _joint_table()


def _decorations(platform: int) -> tuple[tuple[tuple[tuple[str, str], ...], ...], tuple[str, ...]]:
    """Per topic 256 (prefix, suffix) pairs for a new post: a mention of the
    municipality's account, hashtags, an emoji; and 256 emoji suffixes for
    follow-ups and chat messages."""
    name = PLATFORMS[platform]
    mention = P.MENTION.get(name)
    share = {"mastodon": 7, "bluesky": 5, "x": 8, "instagram": 4}.get(name, 0)
    pre = _table(((f"{mention} " if mention else "", share), ("", 10 - share)), 6)
    tag_share = {"mastodon": 5, "bluesky": 2, "x": 3, "instagram": 4, "facebook": 1}.get(name, 0)
    emo_share = {"instagram": 4, "facebook": 2, "whatsapp": 2, "x": 2, "bluesky": 1,
                 "mastodon": 1}.get(name, 0)
    emo = _table([("", (10 - emo_share) * len(P.EMOJI))] + [(f" {e}", emo_share) for e in P.EMOJI], 8)
    per_topic = []
    for topic in (_TOPICS + _INCIDENTS if _REG[platform] == _SOCIAL else ()):
        spec = P.TOPICS.get(topic.name) or P.INCIDENTS[topic.name]
        tags = spec.get("tags") or ("#Stadsveen",)
        opts = [f" {t}" for t in tags] + [f" {tags[0]} #Stadsveen", " #Stadsveen"]
        tag = _table([("", (10 - tag_share) * len(opts))] + [(o, tag_share) for o in opts], 8)
        rb = _prng.getrandbits
        per_topic.append(tuple((pre[rb(6)], tag[rb(8)] + emo[rb(8)]) for _ in range(256)))
    return tuple(per_topic), emo


_DECOR = tuple(_decorations(p) for p in range(len(PLATFORMS)))


def _metrics_table(reposts: bool) -> tuple[dict, ...]:
    """256 likes/reposts/replies dicts (copied per item), mostly small, a few popular."""
    likes = _table(((0, 22), (1, 12), (2, 8), (3, 6), (4, 4), (5, 3), (7, 2), (9, 2), (12, 1),
                    (17, 1), (24, 1), (41, 1), (88, 1)), 6)
    shares = _table(((0, 44), (1, 9), (2, 4), (3, 2), (5, 2), (8, 1), (14, 1), (37, 1)), 6)
    replies = _table(((0, 36), (1, 14), (2, 6), (3, 3), (5, 2), (9, 2), (16, 1)), 6)
    return tuple(
        {"likes": likes[_prng.randrange(64)],
         "reposts": shares[_prng.randrange(64)] if reposts else 0,
         "replies": replies[_prng.randrange(64)]}
        for _ in range(256))


_METRICS = _metrics_table(True)
_METRICS_NO_REPOSTS = _metrics_table(False)  # Instagram
#: exponential distribution (mean 1) as 4096 quantiles: a gap is _EXP[g(12)] * mean
_EXP = tuple(-_log(1.0 - (i + 0.5) / 4096) for i in range(4096))
#: author pool index, skewed like the product of two uniforms: a few regulars write a lot
_AUTHOR_SKEW = tuple(
    (_prng.getrandbits(_AUTHOR_BITS) * _prng.getrandbits(_AUTHOR_BITS)) >> _AUTHOR_BITS
    for _ in range(1 << 14))

_B32_SORT = "234567abcdefghijklmnopqrstuvwxyz"
_B32_PAIRS = tuple(a + b for a in _B32_SORT for b in _B32_SORT)  # 10 bits -> 2 chars
#: base64 of 3 hex digits (12 bits) and of 1 hex digit plus NUL: the tail of a WhatsApp id
_B64_HEX3 = tuple(base64.b64encode(f"{v:03X}".encode()).decode() for v in range(4096))
_B64_HEX1_NUL = tuple(base64.b64encode(f"{v:X}\x00".encode()).decode() for v in range(16))
_IG_SHORTCODES = tuple(
    "".join(_prng.choice(string.ascii_letters + string.digits + "_-") for _ in range(11))
    for _ in range(64)
)
_MASTODON_INSTANCES = _pad(P.MASTODON_INSTANCES, 16)

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _hour_factors() -> tuple[tuple[float, ...], ...]:
    """Gap multiplier per (weekday, local hour), normalised so the mean rate holds."""
    raw = []
    for wd in range(7):
        row = []
        for h in range(24):
            if wd < 5:  # office hours are busy, nights are quiet
                f = (6.0 if h < 7 else 2.0 if h == 7 else 0.55 if h < 17 else 0.8 if h < 18
                     else 1.0 if h < 22 else 2.0 if h == 22 else 3.5)
            else:
                f = 6.0 if h < 8 else 2.5 if h == 8 else 1.1 if h < 22 else 2.0 if h == 22 else 3.0
            row.append(f)
        raw.append(row)
    k = sum(1.0 / f for row in raw for f in row) / (7 * 24)
    return tuple(tuple(f * k for f in row) for row in raw)


_HOUR_FACTOR = _hour_factors()


def _hour_info(hour_key: int, tz) -> tuple[str, str, str, str, str, float]:
    """The strings shared by every timestamp in one UTC hour.

    Returns (local "YYYY-MM-DDTHH:", its offset "+01:00", UTC "YYYY-MM-DDTHH:",
    RFC 2822 "Mon, 02 Nov 2026 08:", " +0100", gap factor of that hour).
    """
    utc = datetime.fromtimestamp(hour_key * 3600, UTC)
    local = utc.astimezone(tz)
    off = int(local.utcoffset().total_seconds())
    if off % 3600:
        raise ValueError("only whole-hour UTC offsets are supported")
    sign = "+" if off >= 0 else "-"
    hh = abs(off) // 3600
    rfc = (f"{_WEEKDAYS_EN[local.weekday()]}, {local.day:02d} {_MONTHS_EN[local.month]} "
           f"{local.year} {local.hour:02d}:")
    return (
        local.strftime("%Y-%m-%dT%H:"),
        f"{sign}{hh:02d}:00",
        utc.strftime("%Y-%m-%dT%H:"),
        rfc,
        f" {sign}{hh:02d}00",
        _HOUR_FACTOR[local.weekday()][local.hour],
    )


def _tid_high(v: int) -> str:
    """The first 7 characters of the AT Protocol TID (13 chars, base32-sortable) of
    ``v << 30``; the stream adds the last 6 itself. They change about once a second."""
    p = _B32_PAIRS
    return _B32_SORT[(v >> 30) & 31] + p[(v >> 20) & 1023] + p[(v >> 10) & 1023] + p[v & 1023]


def _html(text: str) -> str:
    """Mastodon-style status HTML of plain text."""
    return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;").replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"


# ---------------------------------------------------------------------------
# Authors: (author dict, first name, platform extras); the dict is copied per item
# ---------------------------------------------------------------------------

def _display_name(g, fi: int, li: int) -> str:
    x = g(5)
    if x < 20:
        return f"{_FIRST[fi]} {_LAST[li]}"
    if x < 26:
        return _FIRST[fi]
    if x < 29:
        return f"{_FIRST[fi][0]}. {_LAST[li]}"
    return f"{_FIRST[fi]} {_EMOJI[g(4)]}"


def _handle_base(g, fi: int, li: int) -> str:
    f, l, core = _FIRST_S[fi], _LAST_S[li], _LAST_CORE_S[li]
    form = g(3)
    if form < 2:
        return f"{f}{l}"
    if form == 2:
        return f"{f}_{core[:3]}"
    if form == 3:
        return f"{f[0]}{core}"
    if form == 4:
        return f"{f}{10 + g(6)}"
    if form == 5:
        return f"{f}.{core}"
    if form == 6:
        return f"{core}{f[:2]}"
    return f"{f}_{l}{70 + g(5)}"


def _new_author(platform: int, g) -> tuple[dict, str, object]:
    fi, li = _FI[g(10)], _LI[g(10)]
    first = _FIRST[fi]
    full = f"{first} {_LAST[li]}"
    if platform == _MASTODON:
        user = _handle_base(g, fi, li).replace(".", "_")
        inst = _MASTODON_INSTANCES[g(4)]
        aid = str(109_300_000_000_000_000 + g(52))
        return ({"id": aid, "handle": f"@{user}@{inst}", "name": _display_name(g, fi, li)},
                first, (f"https://{inst}/@{user}/", f"{user}@{inst}"))
    if platform == _BLUESKY:
        handle = f"{_handle_base(g, fi, li).replace('_', '-')}.bsky.social"
        did = "did:plc:" + base64.b32encode(g(120).to_bytes(15, "big")).decode().lower()
        return ({"id": did, "handle": handle, "name": _display_name(g, fi, li)}, first,
                (f"at://{did}/app.bsky.feed.post/", f"https://bsky.app/profile/{handle}/post/", did))
    if platform == _X:
        base = _handle_base(g, fi, li).replace(".", "")
        handle = (base[0].upper() + base[1:])[:15]
        aid = str(10_000_000 + g(60))
        return ({"id": aid, "handle": f"@{handle}", "name": _display_name(g, fi, li)}, first,
                f"https://x.com/{handle}/status/")
    if platform == _FACEBOOK:
        aid = str(100_000_000_000_000 + g(46))
        return {"id": aid, "name": full}, first, {"id": aid, "name": full}
    if platform == _INSTAGRAM:
        handle = _handle_base(g, fi, li)
        aid = str(17_841_400_000_000_000 + g(36))
        return {"id": aid, "handle": handle, "name": _display_name(g, fi, li)}, first, handle
    if platform == _WHATSAPP:
        wa_id = f"316{g(27) % 100_000_000:08d}"
        name = full if g(1) else _display_name(g, fi, li)
        # A WhatsApp message id is base64 of a protobuf with the sender's number
        # and a 20-character hex id. These first 21 bytes (the sender and the
        # id's leading "3") encode separately: 21 is a multiple of 3.
        head = b"\x1c\x18\x0b" + wa_id.encode() + b"\x15\x02\x00\x12\x18\x14" + b"3"
        prefix = "wamid." + base64.b64encode(head).decode()
        return {"id": wa_id, "name": name, "phone": f"+{wa_id}"}, first, (wa_id, prefix)
    if platform == _EMAIL or platform == _OTHER:
        provider = _PROVIDERS[g(8)]
        author = {"name": full, "email": f"{_local_part(g, fi, li)}@{provider}"}
        if platform == _OTHER and g(1):
            author["phone"] = _tel(g)
        # everyone signs their letters the same way (some with address and phone)
        k = g(8)
        sign = full + _MAIL_SIG[g(6)](g, _STREET_T[g(10)], _NR_STR[k], first)
        return author, first, (P.MAIL_MSGID_HOST[provider], f"{full} <{author['email']}>", sign)
    if platform == _SIGNALEN:
        x = g(4)
        if x < 5:
            return {"name": "Anonieme melder"}, "", None
        author = {"name": full, "email": f"{_local_part(g, fi, li)}@{_PROVIDERS[g(8)]}"}
        if x < 11:
            author["phone"] = _tel(g)
        return author, first, None
    # Open311: the reporting app's device id, sometimes with name and e-mail
    author = {"id": f"device-{g(48):012x}"}
    if g(1):
        author["name"] = full
        author["email"] = f"{_local_part(g, fi, li)}@{_PROVIDERS[g(8)]}"
    return author, first, None


# ---------------------------------------------------------------------------
# The stream
# ---------------------------------------------------------------------------

def _items(count: int | None, seed: int, start: datetime, mean_gap: float,
           labels: dict | None, live: bool) -> Iterator[dict]:
    rng = random.Random(seed)
    r = rng.random
    g = rng.getrandbits
    clock = time.time
    tz = UTC if live else TZ
    # Module constants as locals: this loop runs a million times, and every
    # line in it is written to do as little as the output allows.
    MASTODON, BLUESKY, X, FACEBOOK, INSTAGRAM = _MASTODON, _BLUESKY, _X, _FACEBOOK, _INSTAGRAM
    WHATSAPP, EMAIL, SIGNALEN = _WHATSAPP, _EMAIL, _SIGNALEN
    SOCIAL, CHAT, MAIL, REPORT = _SOCIAL, _CHAT, _MAIL, _REPORT
    reg_of, other_author = _REG, _OTHER_AUTHOR
    mmss_t, street_t, nr_str, nr_num, exp_t = _MMSS, _STREET_T, _NR_STR, _NR_NUM, _EXP
    decor = _DECOR
    follow, follow_en, social_extra, mail_extra = _FOLLOW, _FOLLOW_EN, _SOCIAL_EXTRA, _MAIL_EXTRA
    greet_nl, close_nl, greet_en, close_en = _MAIL_GREET, _MAIL_CLOSE, _EN_GREET, _EN_CLOSE
    metrics_t, metrics_ig = _METRICS, _METRICS_NO_REPOSTS
    new_author, html, tid_high = _new_author, _html, _tid_high
    hex3, hex1 = _B64_HEX3, _B64_HEX1_NUL
    b32_pairs, ig_codes = _B32_PAIRS, _IG_SHORTCODES
    fb_page = P.FACEBOOK_PAGE_ID
    fb_url = f"https://www.facebook.com/{fb_page}/posts/"
    author_skew = _AUTHOR_SKEW
    # Random bits come from getrandbits(30) calls (above 32 bits it is 3x slower).
    # x: what (platform, channel, topic) 0-11, street 12-21, geotag 22-25.
    # y: the dice, each in its own bit field (tested without shifting): house
    #    number 0-7, follow-up 8-10, English 11-15, burst share 16-18, new burst
    #    19-29 (all zero: y < 2**19).
    assert _FOLLOW_UP_BITS <= 3 and _ENGLISH_BITS <= 5 and _LOCATION_BITS <= 4 and _BURST_BITS == 11
    follow_field = ((1 << _FOLLOW_UP_BITS) - 1) << 8
    en_field = ((1 << _ENGLISH_BITS) - 1) << 11
    share_field, share_limit = 7 << 16, _BURST_SHARE << 16
    loc_field = ((1 << _LOCATION_BITS) - 1) << 22
    new_burst_below = 1 << 19
    min_same, min_other = _MIN_AGE_SAME, _MIN_AGE_OTHER

    channels = [(p, j, c) for p in range(len(PLATFORMS)) for j, c in enumerate(CHANNELS[PLATFORMS[p]])]
    ch_index = {(p, j): i for i, (p, j, _) in enumerate(channels)}
    last_id = [0] * len(channels)  # time-based ids: strictly increasing per channel
    seq = [0] * len(channels)  # counter-based ids
    rings = [deque(maxlen=_RING) for _ in channels]  # recent messages, for follow-ups
    authors: list[list] = [[None] * (1 << _AUTHOR_BITS) for _ in PLATFORMS]

    def combo(p: int, j: int, tset: _TopicSet | None) -> tuple:
        # (platform, register, channel index, channel, follow-ups possible,
        #  topic, author pool, templates of the register, decorations)
        reg = reg_of[p]
        ci = ch_index[(p, j)]
        threads = reg != REPORT and p != _OTHER  # no follow-ups on reports and web forms
        if tset is None:
            return (p, reg, ci, channels[ci][2], threads, None, authors[p], None, decor[p][1])
        tpl = tset.report if reg == REPORT else tset.reg[reg]
        deco = decor[p][0][tset.idx] if reg == SOCIAL else decor[p][1]
        return (p, reg, ci, channels[ci][2], threads, tset, authors[p], tpl, deco)

    joint = operator.itemgetter(*_JOINT_T)([combo(*c) for c in _JOINT_COMBOS])  # pick: x & 4095
    burst_joint = tuple(combo(p, 0, None) for p in _BURST_PLATFORM_T)  # pick: x & 1023
    tid_key, tid_hi = -1, ""

    burst_left = bursts = 0
    burst_set = burst_street = burst_label = None
    t = clock() if live else start.timestamp()
    hs = int(t) // 3600 * 3600
    lpre, suf, upre, rpre, rsuf, fac = _hour_info(hs // 3600, tz)
    hour_end = hs + 3600
    gap = mean_gap * fac
    burst_gap = mean_gap * _BURST_GAP
    cur_gap = gap  # gap, or burst_gap while a burst runs
    recent_bursts: dict = {}  # (kind, street) -> (start, label) of the latest burst

    for _ in (range(count) if count is not None else itertools.count()):
        # -- time -------------------------------------------------------------
        if live:
            now = clock()
            t = max(t, now)
        else:
            t += exp_t[g(12)] * cur_gap
        s = int(t)
        if s >= hour_end:
            hs = s // 3600 * 3600
            hour_end = hs + 3600
            lpre, suf, upre, rpre, rsuf, fac = _hour_info(hs // 3600, tz)
            gap = mean_gap * fac
            if not burst_left:
                cur_gap = gap
        mmss = mmss_t[s - hs]
        received = f"{lpre}{mmss}{suf}"

        # -- what it is about: an incident, a new message or a follow-up ----------
        x = g(26)  # what, street, geotag: see above
        y = g(30)  # the dice
        if y < new_burst_below and not burst_left:
            bursts += 1
            burst_left = 12 + g(5) + g(4)
            burst_set = _INCIDENTS[_INCIDENT_T[g(6)]]
            burst_street = street_t[g(10)]
            # The same kind of trouble on the same street within six hours is
            # the same incident flaring up again (the main bursts once more),
            # not a second one: nothing in the messages could tell them apart.
            again = recent_bursts.get((burst_set.name, burst_street[0]))
            if again is not None and t - again[0] < 6 * 3600:
                burst_label = again[1]
            else:
                burst_label = f"{burst_set.name}/{burst_street[0]}/{bursts}"
            recent_bursts[(burst_set.name, burst_street[0])] = (t, burst_label)
            cur_gap = burst_gap
        nr = nr_str[y & 255]
        english = not y & en_field
        entry = label = in_reply_to = thread_id = subject = None
        if burst_left and y & share_field < share_limit:
            burst_left -= 1
            if not burst_left:
                cur_gap = gap
            plat, reg, ci, channel, thr, tset, pool, tpl, deco = burst_joint[x & 1023]
            tset = burst_set
            tpl = tset.report if reg == REPORT else tset.reg[reg]
            if reg == SOCIAL:
                deco = decor[plat][0][tset.idx]
            S = burst_street
            label = burst_label
        else:
            plat, reg, ci, channel, thr, tset, pool, tpl, deco = joint[x & 4095]
            S = street_t[(x >> 12) & 1023]
            if thr and not y & follow_field:
                ring = rings[ci]
                if ring:
                    entry = ring[int(r() * len(ring))]
                    same = g(4) >= other_author[plat]
                    if t - entry[7] < (min_same if same else min_other):
                        entry = None  # too fresh: an ordinary new message instead

        # -- author and text --------------------------------------------------------
        if entry is None:
            ai = author_skew[g(14)]
            arec = pool[ai]
            if arec is None:
                arec = pool[ai] = new_author(plat, g)
            if reg == SOCIAL:
                d = deco[g(8)]
                if plat == FACEBOOK and not english and not g(4):  # a longer post
                    text = (f"{tpl[g(6)](g, S, nr, arec[1])}\n\n{tpl[g(6)](g, S, nr, arec[1])}\n\n"
                            f"{social_extra[g(6)](g, S, nr, arec[1], '', d[1])}")
                else:
                    text = (tset.en if english else tpl)[g(6)](g, S, nr, arec[1], d[0], d[1])
            elif reg == REPORT:
                fn, category, sub = tpl[g(6)]
                text = (tset.en[g(6)] if english else fn)(g, S, nr, arec[1])
            elif reg == CHAT:
                text = (tset.en if english else tpl)[g(6)](g, S, nr, arec[1], "", deco[g(8)])
            else:  # e-mail and the web form
                if english:
                    subject = tset.en_subj[g(6)](g, S, nr, arec[1])
                    text = tset.en[g(6)](g, S, nr, arec[1])
                else:
                    body_fn, subjects = tpl[g(6)]
                    subject = subjects[g(6)](g, S, nr, arec[1])
                    text = body_fn(g, S, nr, arec[1])
                    if plat == EMAIL and not g(3):  # a longer letter
                        text = f"{text}\n\n{mail_extra[g(6)](g, S, nr, arec[1])}"
                        if g(1):
                            text = f"{text}\n\n{mail_extra[g(6)](g, S, nr, arec[1])}"
                if plat == EMAIL:
                    text = (f"{greet_en[g(6)]}\n\n{text}\n\n{close_en[g(6)]}\n{arec[2][2]}" if english
                            else f"{greet_nl[g(6)]}\n\n{text}\n\n{close_nl[g(6)]}\n{arec[2][2]}")
        else:
            # (external id, thread, author record, subject, street, english, topic, time)
            in_reply_to, thread_id, arec, subject, S, english, tset, _when = entry
            if not same:
                ai = author_skew[g(14)]
                arec = pool[ai]
                if arec is None:
                    arec = pool[ai] = new_author(plat, g)
            fn = (follow_en if english else follow[reg])[0 if same else 1][g(6)]
            if reg == MAIL:
                if not subject.startswith("Re: "):
                    subject = f"Re: {subject}"
                text = (fn(g, S, nr, arec[1], f"{greet_en[g(6)]}\n\n", f"\n\n{close_en[g(6)]}\n{arec[2][2]}")
                        if english else
                        fn(g, S, nr, arec[1], f"{greet_nl[g(6)]}\n\n", f"\n\n{close_nl[g(6)]}\n{arec[2][2]}"))
            else:
                text = fn(g, S, nr, arec[1], "", decor[plat][1][g(8)])
        lang = "en" if english else "nl"

        # -- the item, with ids and payload shaped like the platform's own -------
        if plat == EMAIL:
            seq[ci] = n = seq[ci] + 1
            host, from_header, _sign = arec[2]
            eid = f"<{s}.{g(30)}.{n}@{host}>"
            raw = {"message_id": eid, "from": from_header, "to": channel, "subject": subject,
                   "date": f"{rpre}{mmss}{rsuf}"}
            if in_reply_to is not None:
                raw["in_reply_to"] = in_reply_to
                raw["references"] = (in_reply_to if in_reply_to == thread_id
                                     else f"{thread_id} {in_reply_to}")
            item = {"platform": "email", "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "subject": subject, "raw": raw}
        elif plat == FACEBOOK:
            seq[ci] = n = seq[ci] + 1
            post = 122_100_000_000_000_000 + n * 1000 + g(9)
            eid = f"{fb_page}_{post}"
            raw = {"id": eid, "message": text, "from": arec[2].copy(),
                   "created_time": f"{upre}{mmss}+0000"}
            if in_reply_to is not None:
                raw["parent"] = {"id": in_reply_to}
            item = {"platform": "facebook", "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "url": f"{fb_url}{post}",
                    "metrics": metrics_t[g(8)].copy(), "raw": raw}
        elif plat == WHATSAPP:
            seq[ci] = n = seq[ci] + 1
            wa_id, id_prefix = arec[2]
            # base64 of: 7 hex digits of the counter, 12 random ones, NUL (see _new_author)
            r24 = g(24)
            eid = (f"{id_prefix}{hex3[(n >> 16) & 4095]}{hex3[(n >> 4) & 4095]}"
                   f"{hex3[((n & 15) << 8) | (r24 >> 16)]}{hex3[(r24 >> 4) & 4095]}{hex3[g(12)]}"
                   f"{hex3[g(12)]}{hex1[r24 & 15]}")
            raw = {"from": wa_id, "id": eid, "timestamp": str(s), "type": "text", "text": {"body": text}}
            if in_reply_to is not None:
                raw["context"] = {"from": channel[1:], "id": in_reply_to}
            item = {"platform": "whatsapp", "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "raw": raw}
        elif reg == REPORT:  # Signalen, Open311
            seq[ci] = n = seq[ci] + 1
            num = nr_num[y & 255]
            lat = (S[3] + num * S[5]) / 1e6
            lon = (S[4] + num * S[6]) / 1e6
            address = f"{S[0]} {nr}"
            if plat == SIGNALEN:
                eid = str(240_000 + n)
                raw = {"id": 240_000 + n, "text": text,
                       "category": {"main_slug": category, "sub_slug": sub},
                       "location": {"address_text": f"{address}, {S[2]} Stadsveen",
                                    "geometrie": {"type": "Point", "coordinates": [lon, lat]}},
                       "source": "online", "created_at": received}
            else:
                eid = str(1_500_000 + n)
                raw = {"service_request_id": eid, "service_code": sub, "service_name": category,
                       "description": text, "lat": lat, "long": lon, "address_string": address,
                       "requested_datetime": received, "status": "open"}
            item = {"platform": PLATFORMS[plat], "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": eid, "category": category,
                    "location": {"lat": lat, "lon": lon, "address": address}, "raw": raw}
        elif plat == X:
            v = ((int(t * 1000) - 1_288_834_974_657) << 22) | g(22)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            eid = str(v)
            author = arec[0].copy()
            raw = {"id": eid, "text": text, "author_id": author["id"], "created_at": f"{upre}{mmss}.000Z"}
            if in_reply_to is not None:
                raw["conversation_id"] = thread_id
                raw["referenced_tweets"] = [{"type": "replied_to", "id": in_reply_to}]
            item = {"platform": "x", "channel": channel, "external_id": eid,
                    "author": author, "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "url": f"{arec[2]}{eid}",
                    "metrics": metrics_t[g(8)].copy(), "raw": raw}
        elif plat == MASTODON:
            v = (int(t * 1000) << 16) | g(16)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            eid = str(v)
            url_prefix, acct = arec[2]
            author = arec[0].copy()
            content = (html(text) if "&" in text or "<" in text or ">" in text or "\n" in text
                       else f"<p>{text}</p>")
            raw = {"id": eid, "created_at": f"{upre}{mmss}.000Z", "content": content,
                   "visibility": "public", "account": {"acct": acct}}
            if in_reply_to is not None:
                raw["in_reply_to_id"] = in_reply_to
            item = {"platform": "mastodon", "channel": channel, "external_id": eid,
                    "author": author, "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "url": f"{url_prefix}{eid}",
                    "metrics": metrics_t[g(8)].copy(), "raw": raw}
        elif plat == BLUESKY:
            v = (int(t * 1_000_000) << 10) | g(10)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            if v >> 30 != tid_key:
                tid_key = v >> 30
                tid_hi = tid_high(tid_key)
            rkey = f"{tid_hi}{b32_pairs[(v >> 20) & 1023]}{b32_pairs[(v >> 10) & 1023]}{b32_pairs[v & 1023]}"
            uri_prefix, url_prefix, did = arec[2]
            eid = f"{uri_prefix}{rkey}"
            record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": f"{upre}{mmss}.000Z"}
            if in_reply_to is not None:
                record["reply"] = {"root": {"uri": thread_id}, "parent": {"uri": in_reply_to}}
            item = {"platform": "bluesky", "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "url": f"{url_prefix}{rkey}",
                    "metrics": metrics_t[g(8)].copy(),
                    "raw": {"repo": did, "uri": eid, "record": record}}
        elif plat == INSTAGRAM:
            seq[ci] = n = seq[ci] + 1
            eid = str(17_850_000_000_000_000 + n * 1000 + g(9))
            raw = {"id": eid, "text": text, "username": arec[2], "timestamp": f"{upre}{mmss}+0000"}
            if in_reply_to is not None:
                raw["parent_id"] = in_reply_to
            code = ig_codes[int((thread_id or eid)[-6:]) & 63]  # the post commented on
            item = {"platform": "instagram", "channel": channel, "external_id": eid,
                    "author": arec[0].copy(), "text": text, "received_at": received, "language": lang,
                    "thread_id": thread_id or eid, "url": f"https://www.instagram.com/p/{code}/c/{eid}/",
                    "metrics": metrics_ig[g(8)].copy(), "raw": raw}
        else:  # the web form
            seq[ci] = n = seq[ci] + 1
            eid = f"WF-{n:08d}"
            author = arec[0].copy()
            item = {"platform": "other", "channel": channel, "external_id": eid,
                    "author": author, "text": text, "received_at": received, "language": lang,
                    "thread_id": eid, "subject": subject,
                    "raw": {"form": "contactformulier", "submission_id": eid,
                            "fields": {"naam": author["name"], "e-mail": author["email"],
                                       "onderwerp": subject, "bericht": text}}}

        # -- optional parts, bookkeeping ------------------------------------------
        if in_reply_to is not None:
            item["in_reply_to"] = in_reply_to
        elif reg < REPORT and not x & loc_field:  # geotagged
            num = nr_num[y & 255]
            item["location"] = {"lat": (S[3] + num * S[5]) / 1e6, "lon": (S[4] + num * S[6]) / 1e6,
                                "address": f"{S[0]} {nr}"}
        if thr:
            rings[ci].append((eid, thread_id or eid, arec, subject, S, english, tset, t))
        if label is not None and labels is not None:
            labels[(channel, eid)] = label
        yield item


def _check_start(start: datetime | None) -> datetime:
    if start is None:
        return DEFAULT_START
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must be an aware datetime")
    return start


def generate(count: int, *, seed: int = 0, start: datetime | None = None,
             mean_gap_seconds: float = 20.0) -> Iterator[dict]:
    """Yield `count` inbound items in time order, deterministic for a seed.

    ``start`` is an aware datetime (default :data:`DEFAULT_START`, Monday
    2026-11-02 08:00 Europe/Amsterdam); the first item comes one random gap
    after it. Gaps average about ``mean_gap_seconds``: shorter in office hours,
    longer at night, much shorter during an incident burst.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    if not mean_gap_seconds >= 0:
        raise ValueError("mean_gap_seconds must be >= 0")
    return _items(count, seed, _check_start(start), float(mean_gap_seconds), None, False)


def start_ending_before(end: datetime, count: int, *, seed: int = 0,
                        mean_gap_seconds: float = 20.0) -> datetime:
    """A start from which ``generate(count, seed=..., start=...)`` ends before ``end``.

    For a history that ends now whatever the hour: gaps are longer at night, so
    a start a fixed time before ``end`` can put the last items in the future.
    Each try starts earlier by the overshoot and generates again, so the whole
    timeline stays the generator's own (not shifted after the fact).
    """
    end = _check_start(end)
    start = end - timedelta(seconds=count * mean_gap_seconds * 1.25)
    for _ in range(20):
        last = None
        for last in generate(count, seed=seed, start=start, mean_gap_seconds=mean_gap_seconds):
            pass
        if last is None:
            return start
        overshoot = datetime.fromisoformat(last["received_at"]) - (end - timedelta(seconds=30))
        if overshoot <= timedelta(0):
            return start
        start -= overshoot + timedelta(minutes=5)
    raise ValueError(f"no start found from which {count} items end before {end.isoformat()}")


def incident_labels(count: int, *, seed: int = 0, start: datetime | None = None,
                    mean_gap_seconds: float = 20.0) -> dict[tuple[str, str], str]:
    """Ground truth of the bursts in ``generate(count, ...)`` with the same arguments.

    Maps ``(channel, external_id)`` of every item about an incident to a
    label ``"<kind>/<street>/<number>"``, e.g. ``"storm-boom/Kerkstraat/3"``.
    Items not in the mapping are ordinary traffic.
    """
    labels: dict[tuple[str, str], str] = {}
    for _ in _items(count, seed, _check_start(start), float(mean_gap_seconds), labels, False):
        pass
    return labels


def live(*, seed: int | None = None) -> Iterator[dict]:
    """Endless stream for the demo, received_at = now (UTC-aware) for each item when drawn."""
    if seed is None:
        seed = int.from_bytes(os.urandom(8), "big")
    return _items(None, seed, DEFAULT_START, 20.0, None, True)


del _k, _vals, _spec, _tpl  # import-time loop variables
