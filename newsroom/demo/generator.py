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
import os
import random
import string
import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
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

_ENGLISH_SHARE = 0.03
_FOLLOW_UP_SHARE = 0.12
#: chance that a follow-up on this platform comes from someone else
_OTHER_AUTHOR = (0.35, 0.35, 0.35, 0.40, 0.40, 0.0, 0.0, 0.0, 0.0, 0.0)
_RING = 64  # recent messages per channel that can get a follow-up
_MIN_AGE_SAME = 600.0  # seconds before an author writes again in a thread
_MIN_AGE_OTHER = 30.0  # seconds before someone else chimes in
_BURST_CHANCE = 1 / 2500  # per item, when no burst is running
_BURST_SHARE = 0.8  # of the items during a burst that are about the incident
_BURST_GAP = 0.4  # gap factor during a burst
_AUTHOR_POOL = 8192  # authors per platform (drawn skewed: some write often)

# ---------------------------------------------------------------------------
# Precomputed material
# ---------------------------------------------------------------------------

_prng = random.Random(20261102)  # only for import-time tables: fixed output


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


def _bsn_ok(n: int) -> bool:
    d = f"{n:09d}"
    total = sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])
    return total % 11 == 0


#: BSN-like test numbers (start with 99999, pass the 11-check).
_BSN = tuple(f"{n:09d}" for n in range(999990000, 999999999) if _bsn_ok(n))[:: 7][:120]


def _kenteken() -> str:
    letters = "BDFGHJKLNPRSTVXZ"
    L = lambda k: "".join(_prng.choice(letters) for _ in range(k))  # noqa: E731
    D = lambda k: "".join(_prng.choice("0123456789") for _ in range(k))  # noqa: E731
    form = _prng.randrange(6)
    return (
        f"{L(2)}-{D(3)}-{L(1)}", f"{D(2)}-{L(3)}-{D(1)}", f"{L(1)}-{D(3)}-{L(2)}",
        f"{L(2)}-{D(2)}-{D(2)}", f"{D(1)}-{L(3)}-{D(2)}", f"{L(3)}-{D(2)}-{L(1)}",
    )[form]


_V_kenteken = tuple(_kenteken() for _ in range(240))
_V_aanslag = tuple(
    f"{_prng.randrange(1000, 9999)}.{_prng.randrange(0, 9999):04d}.{_prng.randrange(0, 999):03d}"
    for _ in range(240)
)
for _k, _vals in P.SLOT_VALUES.items():
    globals()[f"_V_{_k}"] = tuple(_vals)


def _build_streets() -> tuple[tuple, ...]:
    lat0, lon0 = P.CENTRE
    out = []
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    for wijk, (pc4, dlat, dlon, streets) in P.WIJKEN.items():
        for name in streets:
            lat = lat0 + dlat + _prng.uniform(-0.004, 0.004)
            lon = lon0 + dlon + _prng.uniform(-0.006, 0.006)
            # direction the house numbers run, ~6 m per number
            step_lat, step_lon = _prng.choice(((0.00005, 0.0), (0.0, 0.00008), (0.00004, 0.00005),
                                               (-0.00004, 0.00006)))
            pc = f"{pc4} {_prng.choice(letters)}{_prng.choice(letters)}"
            out.append((name, wijk, pc, lat, lon, step_lat, step_lon))
    return tuple(out)


#: (name, wijk, postcode, lat, lon, lat step per number, lon step per number)
_STREETS = _build_streets()
_NSTREETS = len(_STREETS)
_STN = tuple(s[0] for s in _STREETS)


def _house_numbers() -> tuple[tuple[str, ...], tuple[int, ...]]:
    strs, nums = [], []
    for _ in range(256):
        n = int(_prng.paretovariate(1.2) * 3) if _prng.random() < 0.7 else _prng.randint(1, 160)
        n = max(1, min(n, 240))
        suffix = _prng.choice(("",) * 14 + ("a", "b", "A", "-bis", "-2", " hs", "-1"))
        strs.append(f"{n}{suffix}")
        nums.append(n)
    return tuple(strs), tuple(nums)


_NR_STR, _NR_NUM = _house_numbers()

_MMSS = tuple(f"{m:02d}:{s:02d}" for m in range(60) for s in range(60))

_PHONE_FORMS: tuple[Callable[[str], str], ...] = (
    lambda d: f"06-{d}",
    lambda d: f"06-{d}",
    lambda d: f"06{d}",
    lambda d: f"06 {d}",
    lambda d: f"06 {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}",
    lambda d: f"06-{d[:3]} {d[3:5]} {d[5:]}",
    lambda d: f"+31 6 {d}",
    lambda d: f"+316{d}",
    lambda d: f"(06) {d[:4]} {d[4:]}",
)
_NPHONE = len(_PHONE_FORMS)


def _tel(r: Callable[[], float]) -> str:
    return _PHONE_FORMS[int(r() * _NPHONE)](f"{int(r() * 100_000_000):08d}")


_FIRST = P.FIRST_NAMES
_LAST = P.LAST_NAMES
_FIRST_S = tuple(_slug(x) for x in _FIRST)
_LAST_S = tuple(_slug(x) for x in _LAST)
_LAST_CORE_S = tuple(_slug(x.split()[-1]) for x in _LAST)
_NFIRST, _NLAST = len(_FIRST), len(_LAST)
_PROVIDERS = P.MAIL_PROVIDERS
_NPROV = len(_PROVIDERS)


def _local_part(r: Callable[[], float], fi: int, li: int) -> str:
    f, l, core = _FIRST_S[fi], _LAST_S[li], _LAST_CORE_S[li]
    form = int(r() * 6)
    if form == 0:
        return f"{f}.{l}"
    if form == 1:
        return f"{f[0]}.{l}"
    if form == 2:
        return f"{f}{l}{int(r() * 90) + 10}"
    if form == 3:
        return f"{f}_{core}"
    if form == 4:
        return f"{f}.{core}{int(r() * 30) + 70}"
    return f"{f[0]}{core}"


def _mail(r: Callable[[], float]) -> str:
    fi, li = int(r() * _NFIRST), int(r() * _NLAST)
    return f"{_local_part(r, fi, li)}@{_PROVIDERS[int(r() * _NPROV)]}"


# ---------------------------------------------------------------------------
# Template compilation: "De {afvalc} op de {adr}" -> fast f-string function
# ---------------------------------------------------------------------------

_SLOT_EXPR: dict[str, str] = {
    "st": "S[0]",
    "wk": "S[1]",
    "pc": "S[2]",
    "nr": "nr",
    "nm": "nm",
    "adr": "S[0]} {nr",  # becomes "{S[0]} {nr}"
    "st2": f"_STN[int(r()*{_NSTREETS})]",
    "tel": "_tel(r)",
    "mail": "_mail(r)",
    "bsn": f"_BSN[int(r()*{len(_BSN)})]",
    "kenteken": f"_V_kenteken[int(r()*{len(_V_kenteken)})]",
    "aanslag": f"_V_aanslag[int(r()*{len(_V_aanslag)})]",
}
for _k, _vals in P.SLOT_VALUES.items():
    _SLOT_EXPR[_k] = f"_V_{_k}[int(r()*{len(_vals)})]"

_Tpl = Callable[[Callable[[], float], tuple, str, str], str]


def _compile(template: str) -> _Tpl:
    """Turn a template into ``f(r, S, nr, nm) -> str`` (r: rng.random, S: street)."""
    parts = []
    for literal, field, spec, conv in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            if field not in _SLOT_EXPR or spec or conv:
                raise ValueError(f"unknown slot {{{field}}} in template {template!r}")
            parts.append("{" + _SLOT_EXPR[field] + "}")
    src = "lambda r, S, nr, nm: f" + repr("".join(parts))
    return eval(src, globals())  # noqa: S307 - our own constant templates


def _compile_all(templates) -> tuple[_Tpl, ...]:
    return tuple(_compile(t) for t in templates)


def _weighted(pairs) -> tuple:
    """Lookup table: pick with ``table[int(r() * len(table))]``."""
    return tuple(itertools.chain.from_iterable([v] * w for v, w in pairs if w > 0))


class _TopicSet:
    """Compiled templates of one topic or incident kind."""

    __slots__ = ("name", "idx", "tags", "reg", "report", "en", "en_subj", "subj")

    def __init__(self, name: str, idx: int, spec: dict) -> None:
        self.name = name
        self.idx = idx  # position in _TOPICS + _INCIDENTS (decoration tables)
        self.tags = spec.get("tags", ())
        self.reg = (
            _compile_all(spec.get("social", ())),
            _compile_all(spec.get("chat", ())),
            _compile_all(spec.get("mail", ())),
            (),  # reports carry a category: see .report
        )
        self.report = tuple((_compile(t), cat, sub) for t, cat, sub in spec.get("report", ()))
        self.en = _compile_all(spec.get("en", ()))
        self.en_subj = _compile_all(spec.get("en_subj", ()) or ("Question",))
        self.subj = _compile_all(spec.get("subj", ()))


_TOPICS = tuple(_TopicSet(k, i, v) for i, (k, v) in enumerate(P.TOPICS.items()))
_TOPIC_NAMES = tuple(t.name for t in _TOPICS)
_BELASTINGEN = _TOPIC_NAMES.index("belastingen")
_INCIDENTS = tuple(_TopicSet(k, len(_TOPICS) + i, v) for i, (k, v) in enumerate(P.INCIDENTS.items()))
_INCIDENT_TABLE = _weighted((i, v["weight"]) for i, v in enumerate(P.INCIDENTS.values()))

_FOLLOW_SAME = {k: _compile_all(v) for k, v in P.FOLLOW_SAME.items()}
_FOLLOW_OTHER = {k: _compile_all(v) for k, v in P.FOLLOW_OTHER.items()}
#: per register: (same-author templates, other-author templates)
_FOLLOW = tuple(
    (_FOLLOW_SAME[name] if name in _FOLLOW_SAME else _FOLLOW_SAME["social"],
     _FOLLOW_OTHER.get(name, _FOLLOW_OTHER["social"]))
    for name in _REG_NAME
)
_FOLLOW_EN = (_FOLLOW_SAME["en"], _FOLLOW_OTHER["en"])

_MAIL_GREET = P.MAIL_GREETINGS
_MAIL_CLOSE = P.MAIL_CLOSINGS
_EN_GREET = P.EN_GREETINGS
_EN_CLOSE = P.EN_CLOSINGS
_MAIL_SIG = _compile_all(P.MAIL_SIGNATURES)
_MAIL_EXTRA = _compile_all(P.MAIL_EXTRAS)
_SOCIAL_EXTRA = _compile_all(P.SOCIAL_EXTRAS)

_PLATFORM_TABLE = _weighted((PLATFORMS.index(p), w) for p, w in P.PLATFORM_WEIGHTS.items())
_BURST_PLATFORM_TABLE = _weighted(
    (PLATFORMS.index(p), w) for p, w in P.BURST_PLATFORM_WEIGHTS.items()
)


def _topic_table(platform: int) -> tuple[int, ...]:
    if _REG[platform] == _REPORT:
        pairs = [(i, P.TOPICS[t.name].get("report_weight", 0) if t.report else 0)
                 for i, t in enumerate(_TOPICS)]
    else:
        pairs = [(i, P.TOPICS[t.name]["weight"]) for i, t in enumerate(_TOPICS)]
    return _weighted(pairs)


_TOPIC_TABLE = tuple(_topic_table(p) for p in range(len(PLATFORMS)))


def _decorations(platform: int) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(prefixes, suffixes per topic, emoji suffixes) as lookup tables."""
    name = PLATFORMS[platform]
    mention = P.MENTION.get(name)
    share = {"mastodon": 7, "bluesky": 5, "x": 8, "instagram": 4}.get(name, 0)
    pre = _weighted(((f"{mention} " if mention else "", share), ("", 10 - share)))
    tag_share = {"mastodon": 5, "bluesky": 2, "x": 3, "instagram": 4, "facebook": 1}.get(name, 0)
    suffixes = []
    for topic in _TOPICS + _INCIDENTS:
        tags = topic.tags or ("#Stadsveen",)
        opts = [f" {t}" for t in tags] + [f" {tags[0]} #Stadsveen", " #Stadsveen"]
        table = [("", (10 - tag_share) * len(opts))] + [(o, tag_share) for o in opts]
        suffixes.append(_weighted(table))
    emo_share = {"instagram": 4, "facebook": 2, "whatsapp": 2, "x": 2, "bluesky": 1, "mastodon": 1}.get(name, 0)
    emo = _weighted([("", (10 - emo_share) * len(P.EMOJI))] + [(f" {e}", emo_share) for e in P.EMOJI])
    return pre, tuple(suffixes), emo


_DECOR = tuple(_decorations(p) for p in range(len(PLATFORMS)))

_LIKES = _weighted(((0, 22), (1, 12), (2, 8), (3, 6), (4, 4), (5, 3), (7, 2), (9, 2), (12, 1),
                    (17, 1), (24, 1), (41, 1), (88, 1)))  # 64 entries
_REPOSTS = _weighted(((0, 44), (1, 9), (2, 4), (3, 2), (5, 2), (8, 1), (14, 1), (37, 1)))
_REPLIES = _weighted(((0, 36), (1, 14), (2, 6), (3, 3), (5, 2), (9, 2), (16, 1)))
assert len(_LIKES) == 64 and len(_REPOSTS) == 64 and len(_REPLIES) == 64

_B32_SORT = "234567abcdefghijklmnopqrstuvwxyz"
_B32_PAIRS = tuple(a + b for a in _B32_SORT for b in _B32_SORT)  # 10 bits -> 2 chars
_IG_SHORTCODES = tuple(
    "".join(_prng.choice(string.ascii_letters + string.digits + "_-") for _ in range(11))
    for _ in range(40)
)

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _hour_factors() -> tuple[tuple[float, ...], ...]:
    """Gap multiplier per (weekday, local hour), normalised so the mean rate holds."""
    raw = []
    for wd in range(7):
        row = []
        for h in range(24):
            if wd < 5:
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
    """Strings shared by every timestamp in one UTC hour.

    Returns (local "YYYY-MM-DDTHH:", offset "+01:00", UTC "YYYY-MM-DDTHH:",
    RFC 2822 "Mon, 02 Nov 2026 08:", " +0100", gap factor).
    """
    utc = datetime.fromtimestamp(hour_key * 3600, timezone.utc)
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


def _tid(v: int) -> str:
    """AT Protocol TID (13 chars, base32-sortable) of a 63-bit integer."""
    p = _B32_PAIRS
    return (_B32_SORT[(v >> 60) & 31] + p[(v >> 50) & 1023] + p[(v >> 40) & 1023]
            + p[(v >> 30) & 1023] + p[(v >> 20) & 1023] + p[(v >> 10) & 1023] + p[v & 1023])


def _html(text: str) -> str:
    return "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;").replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>"


# ---------------------------------------------------------------------------
# Authors: (author dict, first name, platform extras); copied per item
# ---------------------------------------------------------------------------

def _display_name(r, fi: int, li: int) -> str:
    x = r()
    if x < 0.62:
        return f"{_FIRST[fi]} {_LAST[li]}"
    if x < 0.80:
        return _FIRST[fi]
    if x < 0.90:
        return f"{_FIRST[fi][0]}. {_LAST[li]}"
    return f"{_FIRST[fi]} {P.EMOJI[int(r() * len(P.EMOJI))]}"


def _handle_base(r, fi: int, li: int) -> str:
    f, l, core = _FIRST_S[fi], _LAST_S[li], _LAST_CORE_S[li]
    form = int(r() * 6)
    if form == 0:
        return f"{f}{l}"
    if form == 1:
        return f"{f}_{core[:3]}"
    if form == 2:
        return f"{f[0]}{core}"
    if form == 3:
        return f"{f}{int(r() * 90) + 10}"
    if form == 4:
        return f"{f}.{core}"
    return f"{core}{f[:2]}"


def _new_author(platform: int, r) -> tuple[dict, str, object]:
    fi, li = int(r() * _NFIRST), int(r() * _NLAST)
    first = _FIRST[fi]
    full = f"{first} {_LAST[li]}"
    if platform == _MASTODON:
        user = _handle_base(r, fi, li).replace(".", "_")
        inst = P.MASTODON_INSTANCES[int(r() * len(P.MASTODON_INSTANCES))]
        aid = str(109_300_000_000_000_000 + int(r() * 5_000_000_000_000_000))
        return ({"id": aid, "handle": f"@{user}@{inst}", "name": _display_name(r, fi, li)},
                first, (user, inst))
    if platform == _BLUESKY:
        handle = f"{_handle_base(r, fi, li).replace('_', '-')}.bsky.social"
        did = "did:plc:" + "".join(_B32_SORT[int(r() * 32)] for _ in range(24))
        return {"id": did, "handle": handle, "name": _display_name(r, fi, li)}, first, (handle, did)
    if platform == _X:
        base = _handle_base(r, fi, li).replace(".", "")
        handle = (base[0].upper() + base[1:])[:15]
        aid = str(int(r() * 1_800_000_000_000_000_000) + 10_000_000)
        return {"id": aid, "handle": f"@{handle}", "name": _display_name(r, fi, li)}, first, handle
    if platform == _FACEBOOK:
        aid = str(100_000_000_000_000 + int(r() * 90_000_000_000_000))
        return {"id": aid, "name": full}, first, None
    if platform == _INSTAGRAM:
        handle = _handle_base(r, fi, li)
        aid = str(17_841_400_000_000_000 + int(r() * 99_999_999_999))
        return {"id": aid, "handle": handle, "name": _display_name(r, fi, li)}, first, handle
    if platform == _WHATSAPP:
        digits = f"{int(r() * 100_000_000):08d}"
        wa_id = f"316{digits}"
        name = full if r() < 0.5 else _display_name(r, fi, li)
        return ({"id": wa_id, "name": name, "phone": f"+{wa_id}"}, first,
                (wa_id, b"\x1c\x18\x0b" + wa_id.encode() + b"\x15\x02\x00\x12\x18\x14"))
    if platform in (_EMAIL, _OTHER):
        provider = _PROVIDERS[int(r() * _NPROV)]
        email = f"{_local_part(r, fi, li)}@{provider}"
        author = {"name": full, "email": email}
        if platform == _OTHER and r() < 0.5:
            author["phone"] = _tel(r)
        return author, first, P.MAIL_MSGID_HOST[provider]
    if platform == _SIGNALEN:
        x = r()
        if x < 0.3:
            return {"name": "Anonieme melder"}, "", None
        author = {"name": full, "email": f"{_local_part(r, fi, li)}@{_PROVIDERS[int(r() * _NPROV)]}"}
        if x < 0.65:
            author["phone"] = _tel(r)
        return author, first, None
    # Open311: an app's device id, sometimes with an e-mail address
    author = {"id": f"device-{int(r() * 2**48):012x}"}
    if r() < 0.5:
        author["name"] = full
        author["email"] = f"{_local_part(r, fi, li)}@{_PROVIDERS[int(r() * _NPROV)]}"
    return author, first, None


# ---------------------------------------------------------------------------
# The stream
# ---------------------------------------------------------------------------

def _items(count: int | None, seed: int, start: datetime, mean_gap: float,
           labels: dict | None, live: bool) -> Iterator[dict]:
    rng = random.Random(seed)
    r = rng.random
    gb = rng.getrandbits
    log = _log
    mmss_t = _MMSS
    streets, nstreets = _STREETS, _NSTREETS
    nr_str, nr_num = _NR_STR, _NR_NUM
    topics, incidents = _TOPICS, _INCIDENTS
    ptab, nptab = _PLATFORM_TABLE, len(_PLATFORM_TABLE)
    bptab, nbptab = _BURST_PLATFORM_TABLE, len(_BURST_PLATFORM_TABLE)
    ttabs = _TOPIC_TABLE
    decor = _DECOR
    likes_t, reposts_t, replies_t = _LIKES, _REPOSTS, _REPLIES
    reg_of, other_author = _REG, _OTHER_AUTHOR
    tz = timezone.utc if live else TZ
    clock = time.time

    channels = [(p, c) for p in range(len(PLATFORMS)) for c in CHANNELS[PLATFORMS[p]]]
    ch_name = [c for _, c in channels]
    ch_of = [[i for i, (p, _) in enumerate(channels) if p == plat] for plat in range(len(PLATFORMS))]
    email_info, email_tax = ch_of[_EMAIL][0], ch_of[_EMAIL][-1]
    last_id = [0] * len(channels)
    seq = [0] * len(channels)
    rings: list[list] = [[] for _ in channels]
    ring_pos = [0] * len(channels)
    authors: list[list] = [[None] * _AUTHOR_POOL for _ in PLATFORMS]

    burst_left = 0
    burst_set = burst_s = burst_label = None
    bursts = 0
    t = clock() if live else start.timestamp()
    hs = int(t) // 3600 * 3600
    lpre, suf, upre, rpre, rsuf, fac = _hour_info(hs // 3600, tz)
    hour_end = hs + 3600
    gap = mean_gap * fac
    bgap = mean_gap * _BURST_GAP

    for _ in (range(count) if count is not None else itertools.count()):
        # -- time -----------------------------------------------------------
        if live:
            now = clock()
            if now > t:
                t = now
        elif burst_left:
            t += -log(1.0 - r()) * bgap
        else:
            t += -log(1.0 - r()) * gap
        s = int(t)
        if s >= hour_end:
            hs = s // 3600 * 3600
            hour_end = hs + 3600
            lpre, suf, upre, rpre, rsuf, fac = _hour_info(hs // 3600, tz)
            gap = mean_gap * fac
        mmss = mmss_t[s - hs]
        received = f"{lpre}{mmss}{suf}"

        # -- what is it about -------------------------------------------------
        if not burst_left and r() < _BURST_CHANCE:
            bursts += 1
            burst_left = 12 + int(r() * 40)
            burst_set = incidents[_INCIDENT_TABLE[int(r() * len(_INCIDENT_TABLE))]]
            burst_s = streets[int(r() * nstreets)]
            burst_label = f"{burst_set.name}/{burst_s[0]}/{bursts}"

        k = int(r() * 256)
        nr = nr_str[k]
        in_reply_to = thread_id = subject = None
        label = None
        entry = None
        if burst_left and r() < _BURST_SHARE:
            burst_left -= 1
            plat = bptab[int(r() * nbptab)]
            tset = burst_set
            S = burst_s
            label = burst_label
            reg = reg_of[plat]
            english = r() < _ENGLISH_SHARE
        else:
            plat = ptab[int(r() * nptab)]
            reg = reg_of[plat]
            if reg != _REPORT and r() < _FOLLOW_UP_SHARE:
                ci = ch_of[plat][int(r() * len(ch_of[plat]))]
                ring = rings[ci]
                if ring:
                    entry = ring[int(r() * len(ring))]
                    same = r() >= other_author[plat]
                    if t - entry[7] < (_MIN_AGE_SAME if same else _MIN_AGE_OTHER):
                        entry = None  # too fresh: an ordinary new message instead
            tset = topics[ttabs[plat][int(r() * len(ttabs[plat]))]]
            S = streets[int(r() * nstreets)]
            english = r() < _ENGLISH_SHARE

        # -- channel and author ----------------------------------------------
        if entry is not None:
            # (eid, thread, author record, subject, street, english, topic set, time)
            in_reply_to, thread_id, arec, subject, S, english, tset, _t0 = entry
            if not same:
                pool = authors[plat]
                ai = int(r() * r() * _AUTHOR_POOL)
                arec = pool[ai]
                if arec is None:
                    arec = pool[ai] = _new_author(plat, r)
        else:
            if plat == _EMAIL:
                ci = email_tax if (tset is topics[_BELASTINGEN] and r() < 0.7) else email_info
            else:
                ci = ch_of[plat][0]
            pool = authors[plat]
            ai = int(r() * r() * _AUTHOR_POOL)
            arec = pool[ai]
            if arec is None:
                arec = pool[ai] = _new_author(plat, r)
        author = arec[0].copy()
        nm = arec[1]
        channel = ch_name[ci]

        # -- text ---------------------------------------------------------------
        category = sub = None
        if entry is not None:
            tl = (_FOLLOW_EN if english else _FOLLOW[reg])[0 if same else 1]
            body = tl[int(r() * len(tl))](r, S, nr, nm)
        elif reg == _REPORT:
            rt = tset.report
            fn, category, sub = rt[int(r() * len(rt))]
            if english:
                body = tset.en[int(r() * len(tset.en))](r, S, nr, nm)
            else:
                body = fn(r, S, nr, nm)
        elif english:
            body = tset.en[int(r() * len(tset.en))](r, S, nr, nm)
        else:
            tl = tset.reg[reg]
            body = tl[int(r() * len(tl))](r, S, nr, nm)

        lang = "en" if english else "nl"
        if reg == _SOCIAL:
            if plat == _FACEBOOK and entry is None and r() < 0.06 and not english:
                tl = tset.reg[_SOCIAL]
                body = (f"{body}\n\n{tl[int(r() * len(tl))](r, S, nr, nm)}\n\n"
                        f"{_SOCIAL_EXTRA[int(r() * len(_SOCIAL_EXTRA))](r, S, nr, nm)}")
            pre, sufs, emo = decor[plat]
            if entry is None:
                tsuf = sufs[tset.idx]
                text = f"{pre[int(r() * len(pre))]}{body}{tsuf[int(r() * len(tsuf))]}{emo[int(r() * len(emo))]}"
            else:
                text = f"{body}{emo[int(r() * len(emo))]}"
        elif reg == _CHAT:
            emo = decor[plat][2]
            text = f"{body}{emo[int(r() * len(emo))]}"
        elif reg == _MAIL:
            if entry is None:
                subj_l = tset.en_subj if english else (tset.subj or tset.en_subj)
                subject = subj_l[int(r() * len(subj_l))](r, S, nr, nm)
            elif not subject.startswith("Re: "):
                subject = f"Re: {subject}"
            if plat == _EMAIL:
                if english:
                    greet, close = _EN_GREET[int(r() * 4)], _EN_CLOSE[int(r() * 4)]
                    sig = ""
                else:
                    greet = _MAIL_GREET[int(r() * len(_MAIL_GREET))]
                    close = _MAIL_CLOSE[int(r() * len(_MAIL_CLOSE))]
                    sig = _MAIL_SIG[int(r() * len(_MAIL_SIG))](r, S, nr, nm)
                    if entry is None and r() < 0.15:
                        n_extra = 1 + int(r() * 2.5)
                        extras = "".join(
                            f"\n\n{_MAIL_EXTRA[int(r() * len(_MAIL_EXTRA))](r, S, nr, nm)}"
                            for _ in range(n_extra))
                        body = f"{body}{extras}"
                text = f"{greet}\n\n{body}\n\n{close}\n{arec[0]['name']}{sig}"
            else:
                text = body
        else:
            text = body

        # -- ids, raw payload -----------------------------------------------------
        seq[ci] = n = seq[ci] + 1
        item = {
            "platform": PLATFORMS[plat],
            "channel": channel,
            "external_id": "",
            "author": author,
            "text": text,
            "received_at": received,
            "language": lang,
        }
        if plat == _MASTODON:
            v = (int(t * 1000) << 16) | gb(16)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            eid = str(v)
            user, inst = arec[2]
            item["url"] = f"https://{inst}/@{user}/{eid}"
            item["metrics"] = {"likes": likes_t[gb(6)], "reposts": reposts_t[gb(6)],
                               "replies": replies_t[gb(6)]}
            item["raw"] = {"id": eid, "created_at": f"{upre}{mmss}.000Z", "content": _html(text),
                           "visibility": "public", "language": lang, "in_reply_to_id": in_reply_to,
                           "account": {"acct": f"{user}@{inst}", "display_name": author["name"]}}
        elif plat == _BLUESKY:
            v = (int(t * 1_000_000) << 10) | gb(10)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            handle, did = arec[2]
            rkey = _tid(v)
            eid = f"at://{did}/app.bsky.feed.post/{rkey}"
            item["url"] = f"https://bsky.app/profile/{handle}/post/{rkey}"
            item["metrics"] = {"likes": likes_t[gb(6)], "reposts": reposts_t[gb(6)],
                               "replies": replies_t[gb(6)]}
            record = {"$type": "app.bsky.feed.post", "text": text,
                      "createdAt": f"{upre}{mmss}.000Z", "langs": [lang]}
            if in_reply_to:
                record["reply"] = {"root": {"uri": thread_id}, "parent": {"uri": in_reply_to}}
            item["raw"] = {"uri": eid, "author": {"did": did, "handle": handle}, "record": record}
        elif plat == _X:
            v = ((int(t * 1000) - 1_288_834_974_657) << 22) | gb(22)
            if v <= last_id[ci]:
                v = last_id[ci] + 1
            last_id[ci] = v
            eid = str(v)
            item["url"] = f"https://x.com/{arec[2]}/status/{eid}"
            item["metrics"] = {"likes": likes_t[gb(6)], "reposts": reposts_t[gb(6)],
                               "replies": replies_t[gb(6)]}
            raw = {"id": eid, "text": text, "author_id": author["id"],
                   "conversation_id": thread_id or eid, "created_at": f"{upre}{mmss}.000Z", "lang": lang}
            if in_reply_to:
                raw["referenced_tweets"] = [{"type": "replied_to", "id": in_reply_to}]
            item["raw"] = raw
        elif plat == _FACEBOOK:
            post = 122_100_000_000_000_000 + n * 1000 + gb(9)
            eid = f"{P.FACEBOOK_PAGE_ID}_{post}"
            item["url"] = f"https://www.facebook.com/{P.FACEBOOK_PAGE_ID}/posts/{post}"
            item["metrics"] = {"likes": likes_t[gb(6)], "reposts": reposts_t[gb(6)],
                               "replies": replies_t[gb(6)]}
            raw = {"id": eid, "message": text, "from": {"id": author["id"], "name": author["name"]},
                   "created_time": f"{upre}{mmss}+0000"}
            if in_reply_to:
                raw["parent"] = {"id": in_reply_to}
            item["raw"] = raw
        elif plat == _INSTAGRAM:
            eid = str(17_850_000_000_000_000 + n * 1000 + gb(9))
            code = _IG_SHORTCODES[int((thread_id or eid)[-4:]) % len(_IG_SHORTCODES)]
            item["url"] = f"https://www.instagram.com/p/{code}/c/{eid}/"
            item["metrics"] = {"likes": likes_t[gb(6)], "reposts": 0, "replies": replies_t[gb(6)]}
            raw = {"id": eid, "text": text, "username": arec[2], "timestamp": f"{upre}{mmss}+0000"}
            if in_reply_to:
                raw["parent_id"] = in_reply_to
            item["raw"] = raw
        elif plat == _WHATSAPP:
            wa_id, head = arec[2]
            eid = "wamid." + base64.b64encode(
                head + f"{n:08X}{gb(48):012X}".encode() + b"\x00").decode()
            raw = {"from": wa_id, "id": eid, "timestamp": str(s), "type": "text", "text": {"body": text}}
            if in_reply_to:
                raw["context"] = {"from": channel.lstrip("+"), "id": in_reply_to}
            item["raw"] = raw
        elif plat == _EMAIL:
            eid = f"<{gb(64):016x}.{n:x}@{arec[2]}>"
            item["subject"] = subject
            raw = {"message_id": eid, "from": f"{author['name']} <{author['email']}>", "to": channel,
                   "subject": subject, "date": f"{rpre}{mmss}{rsuf}"}
            if in_reply_to:
                raw["in_reply_to"] = in_reply_to
                raw["references"] = in_reply_to if in_reply_to == thread_id else f"{thread_id} {in_reply_to}"
            item["raw"] = raw
        elif plat == _SIGNALEN:
            eid = str(240_000 + n)
        elif plat == _OPEN311:
            eid = str(1_500_000 + n)
        else:
            eid = f"WF-{n:08d}"
            item["subject"] = subject
            item["raw"] = {"form": "contactformulier", "submission_id": eid,
                           "fields": {"naam": author.get("name", ""), "e-mail": author.get("email", ""),
                                      "onderwerp": subject, "bericht": text}}
        item["external_id"] = eid
        if thread_id is None:
            thread_id = eid
        item["thread_id"] = thread_id
        if in_reply_to is not None:
            item["in_reply_to"] = in_reply_to

        # -- location -------------------------------------------------------------
        if reg == _REPORT or (entry is None and r() < (0.3 if label else 0.06)):
            num = nr_num[k]
            lat = round(S[3] + num * S[5], 6)
            lon = round(S[4] + num * S[6], 6)
            address = f"{S[0]} {nr}"
            item["location"] = {"lat": lat, "lon": lon, "address": address}
            if reg == _REPORT:
                item["category"] = category
                if plat == _SIGNALEN:
                    item["raw"] = {"id": int(eid), "text": text,
                                   "category": {"main_slug": category, "sub_slug": sub},
                                   "location": {"address_text": f"{address}, {S[2]} Stadsveen",
                                                "geometrie": {"type": "Point", "coordinates": [lon, lat]}},
                                   "source": "online", "status": {"state": "m"}, "created_at": received}
                else:
                    item["raw"] = {"service_request_id": eid, "service_code": sub,
                                   "service_name": category, "description": text, "lat": lat,
                                   "long": lon, "address_string": address,
                                   "requested_datetime": received, "status": "open"}

        # -- bookkeeping ----------------------------------------------------------
        if reg != _REPORT:
            ring = rings[ci]
            rec = (eid, thread_id, arec, subject, S, english, tset, t)
            if len(ring) < _RING:
                ring.append(rec)
            else:
                ring[ring_pos[ci]] = rec
                ring_pos[ci] = (ring_pos[ci] + 1) % _RING
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
    after it. Gaps average ``mean_gap_seconds`` (shorter in office hours,
    longer at night, much shorter during an incident burst).
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    if mean_gap_seconds < 0:
        raise ValueError("mean_gap_seconds must be >= 0")
    return _items(count, seed, _check_start(start), float(mean_gap_seconds), None, False)


def incident_labels(count: int, *, seed: int = 0, start: datetime | None = None,
                    mean_gap_seconds: float = 20.0) -> dict[tuple[str, str], str]:
    """Ground truth of the bursts in ``generate(count, ...)`` with the same arguments.

    Maps ``(channel, external_id)`` of every item that is about an incident
    to a label such as ``"storm-boom/Kerkstraat/3"`` (kind, street, number).
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


del _k, _vals  # import-time loop variables
