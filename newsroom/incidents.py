"""Incident clustering: one incident, reported by many people on many channels.

A storm fells a tree on the Kerkstraat and within the hour forty people write
about it on Mastodon, X, WhatsApp and Signalen. This module notices that those
messages are one incident and proposes them as such; an operator accepts or
declines the proposal (the wiring step: database, UI, CLI).

It is a pure module: standard library only, no database, no I/O. The input is
a :class:`Message` (or an :class:`~newsroom.inbound.InboundItem`, converted by
:meth:`Message.from_item`); the output is a :class:`Proposal` from
:meth:`Clusterer.add` (online, one message at a time) or a list of
:class:`Incident` from :func:`cluster` (batch).

How a message is compared (details and measured quality: docs/INCIDENTS.md):

* the text is folded (diacritics removed, lower case), tokenised, Dutch and
  English stopwords and e-mail boilerplate are dropped and the words are
  lightly stemmed (``bomen``, ``boom`` -> ``bom``); each word weighs its IDF,
  counted online over every message seen so far;
* street names are found by their Dutch suffix (``-straat``, ``-laan``,
  ``-weg``, ...) in the text and in ``location.address``, with a house
  number when one follows (``Kerkstraat 12``, ``nummer 12``): a street is a
  heavy feature, and two messages that both name streets but share none are
  never the same incident;
* a small bilingual lexicon maps words to incident kinds (``boom``,
  ``omgewaaid``, ``tree`` -> *boom*; ``rook``, ``smoke`` -> *brand*, ...), so
  the English report of a fallen tree meets the Dutch ones;
* a candidate incident is the centroid of its messages; the score is the
  cosine between the message and that centroid, plus a bonus for a matching
  category and for a location within ``near_m`` metres (and a veto for one
  further than ``far_m``);
* only candidates that share one of the message's rarer features are looked
  at (an inverted index over the open candidates of the last ``window``), so
  the cost per message does not grow with the traffic in the window.

A candidate becomes a proposal when ``min_messages`` (5) of its messages from
at least ``min_reporters`` (2) distinct authors arrive within ``burst`` (30
min) and two of them name the same street (or three are located near each
other). The same author writing three times is one reporter.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

__all__ = [
    "Clusterer",
    "Incident",
    "Message",
    "Proposal",
    "cluster",
    "distance_m",
    "evaluate",
    "extract_addresses",
    "fold",
    "normalise",
    "pair_scores",
]

# ---------------------------------------------------------------------------
# Text: folding, tokens, stopwords, stemming
# ---------------------------------------------------------------------------

#: Dutch stopwords (the usual list, folded), a few English ones for the ~3 %
#: English messages, and the boilerplate of letters and social posts.
STOPWORDS: frozenset[str] = frozenset("""
aan al alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch doen door dus
een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik
in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om
omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was
wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
jullie hun hen onze ons jouw jou uw wij mijn zijn haar hun wat welke waar wanneer waarom
even weer al nog ook wel niet nu toch gewoon echt heel erg zeer wordt worden graag
nummer nr huisnummer thv hoogte ter sinds vanaf
a an and are at be by for from has have i in is it its my of on or so that the this to was we
with you your there here what our us
geachte heer mevrouw beste hallo hoi hi goedemorgen goedemiddag goedenavond dag
groet groeten vriendelijke hartelijke met vriendelijke regards kind dear sincerely thanks thank
bedankt dank alvast gemeente stadsveen gemstadsveen gemeentestadsveen overheid social bsky
""".split())  # noqa: SIM905 - a word list reads better as text

_COMBINING = re.compile("[\u0300-\u036f]+")
_WORD = re.compile(r"[^\W_]+")
#: longest text looked at: a 1 MB e-mail says what it is about in its first pages
MAX_CHARS = 4000
MAX_TOKEN = 32  # longer "words" are URLs, hashes, base64: not evidence


def fold(text: str) -> str:
    """Lower case with the diacritics removed: ``"Händelstraat Café"`` -> ``"handelstraat cafe"``."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.lower()


_VOWEL_PAIRS = re.compile(r"([aeou])\1")
_DOUBLE_END = re.compile(r"([bdfgklmnprst])\1$")


def stem(word: str) -> str:
    """A light Dutch stemmer: plural/diminutive/inflection endings off, double letters single.

    ``bomen``/``boom`` -> ``bom``, ``lantaarnpalen``/``lantaarnpaal`` -> ``lantarnpal``,
    ``straten``/``straat`` -> ``strat``. Good enough to match, not meant to be read.
    """
    n = len(word)
    if n > 6 and word.endswith(("tjes", "etje")):
        word = word[:-4]
    elif n > 5 and word.endswith(("jes", "tje")):
        word = word[:-3]
    elif n > 4 and word.endswith(("en", "es")) or n > 4 and word.endswith("je"):
        word = word[:-2]
    elif n > 3 and word.endswith(("e", "s")) and not word.endswith("ss"):
        word = word[:-1]
    word = _VOWEL_PAIRS.sub(r"\1", word)
    return _DOUBLE_END.sub(r"\1", word)


_TOKENS: dict[str, tuple[str | None, tuple[str, ...]]] = {}


def _token(token: str) -> tuple[str | None, tuple[str, ...]]:
    """(stem or None for a stopword/number/junk, incident kinds the word names), cached."""
    hit = _TOKENS.get(token)
    if hit is not None:
        return hit
    if token in STOPWORDS or token[0].isdigit() or len(token) < 2 or len(token) > MAX_TOKEN:
        s = None
    else:
        s = stem(token)
        if len(s) < 2:
            s = None
    hit = (s, _kinds_of(token) if s is not None else ())
    if len(_TOKENS) > 200_000:  # arbitrary text must not grow it without bound
        _TOKENS.clear()
        _SURFACE.clear()
    _TOKENS[token] = hit
    if s is not None:
        # A readable word for the stem in labels: the shortest seen ("boom" for bom, not "bomen").
        seen = _SURFACE.get(s)
        if seen is None or len(token) < len(seen):
            _SURFACE[s] = token
    return hit


_SURFACE: dict[str, str] = {}  # stem -> a folded word it came from


def surface(stem: str) -> str:
    """A word a person reads for a stem (the shortest folded word seen with it; the stem itself otherwise)."""
    return _SURFACE.get(stem, stem)


def _stem_cached(token: str) -> str | None:
    return _token(token)[0]


def analyse(text: str) -> tuple[set[str], set[str]]:
    """The stems of a text's content words and the incident kinds it names."""
    stems: set[str] = set()
    kinds: set[str] = set()
    for tok in _WORD.findall(fold(text[:MAX_CHARS])):
        s, k = _token(tok)
        if s is not None:
            stems.add(s)
            if k:
                kinds.update(k)
    if "verkeerslicht" in kinds:
        kinds.discard("licht")  # "traffic lights", "stoplichten uit"
    return stems, kinds


def normalise(text: str) -> list[str]:
    """The content words of a text: folded, tokenised, stopwords and numbers out, stemmed.

    >>> normalise("De bomen zijn omgewaaid op de Händelstraat!")
    ['bom', 'omgewaid', 'handelstrat']
    """
    out = []
    for token in _WORD.findall(fold(text[:MAX_CHARS])):
        s = _token(token)[0]
        if s is not None:
            out.append(s)
    return out


#: incident kinds: a word (folded) that contains one of these marks the kind.
#: Dutch and English, so the English report meets the Dutch ones. A domain
#: lexicon, not the generator's labels: it names what municipalities get
#: bursts about (see docs/INCIDENTS.md).
KINDS: dict[str, tuple[str, ...]] = {
    "boom": ("boom", "bomen", "takken", "omgewaaid", "tree", "branch"),
    "water": ("water", "leiding", "lekkage", "blank", "overstroom", "flood", "riool"),
    "licht": ("verlichting", "lantaarn", "lantaren", "straatlamp", "streetlight", "lights", "donker", "dark"),
    "verkeerslicht": ("stoplicht", "verkeerslicht", "traffic"),
    "brand": ("brand", "rook", "roet", "smoke", "fire", "vlammen"),
    "lawaai": ("herrie", "lawaai", "feest", "muziek", "bassen", "party", "noise", "loud"),
    "stroom": ("stroomstoring", "stroomuitval", "power"),
    "gas": ("gaslek", "gaslucht", "gas"),
}
_KIND_WORDS = [(w, k) for k, words in KINDS.items() for w in words]
#: words that contain a kind's mark but do not name it
_NOT_KIND = frozenset({"brandweer", "brandweerman", "brandweerlieden", "bomenbuurt", "gasten", "gastvrij",
                       "gasthuis", "street", "streets"})
# "stoplicht" must not also count as street lighting, "waterleiding" is water once
_KIND_CACHE: dict[str, tuple[str, ...]] = {}


def _kinds_of(token: str) -> tuple[str, ...]:
    hit = _KIND_CACHE.get(token)
    if hit is None and token in _NOT_KIND:
        hit = ()
    if hit is None:
        found = []
        for w, k in _KIND_WORDS:
            if w in token and k not in found:
                found.append(k)
        if "verkeerslicht" in found or "stroom" in found:
            found = [k for k in found if k != "licht"]
        hit = tuple(found)
        if len(_KIND_CACHE) > 200_000:
            _KIND_CACHE.clear()
        _KIND_CACHE[token] = hit
    return hit


# ---------------------------------------------------------------------------
# Streets and house numbers
# ---------------------------------------------------------------------------

_SUFFIXES = ("straat", "steeg", "laan", "weg", "plein", "markt", "gracht", "kade", "singel",
             "dijk", "wal", "dreef")
#: capitalised words that end like a street but are not one (or not on their own)
_NOT_STREETS = frozenset("""
straat steeg laan weg plein gracht kade singel dijk wal dreef
onderweg snelweg rijweg fietsweg halfweg zijstraat hoofdstraat woonstraat winkelstraat fietsstraat
dwarsstraat straatweg wegweg binnenhof buitenhof
""".split())  # noqa: SIM905 - a word list reads better as text
_STREET_RE = re.compile(
    r"\b(?P<head>[A-Z][^\W\d_]*(?:" + "|".join(_SUFFIXES) + r")|Markt|Plein|Dam)\b"
    r"(?:[ \t]+(?P<num>\d{1,4})(?:[a-zA-Z]\b)?)?"
)
_BEFORE = re.compile(r"([^\W\d_]+\.?|'t)[ \t]+$")
_PARTICLES = frozenset({"de", "van", "der", "den", "het", "'t", "la", "le", "ten", "ter", "te", "op"})
_SENTENCE_END = re.compile(r"(^|[.!?:;\n(\"'])\s*$")


def _qualified(plain: str, hs: int, head: str) -> str:
    """The street's full name: capitalised words (and particles between them) before the head.

    ``op de Burgemeester de Withlaan`` -> ``burgemeester de withlaan``; a
    capitalised word that starts the sentence (``Hele Kerkstraat``) is not part of it.
    """
    words: list[str] = []
    pos = hs
    full = head
    for _ in range(4):
        m = _BEFORE.search(plain, max(0, pos - 30), pos)
        if m is None:
            break
        w = m.group(1)
        ws = m.start(1)
        at_start = ws == 0 or _SENTENCE_END.search(plain, max(0, ws - 3), ws) is not None
        if w[0].isupper() and (len(w) > 1 and not w.endswith(".") or len(w) <= 4):
            if at_start and not w.endswith("."):
                break
            words.insert(0, w.lower())
            full = " ".join(words + [head])
        elif w.lower() in _PARTICLES:
            words.insert(0, w.lower())
        else:
            break
        if at_start:
            break
        pos = ws
    return full
_LOWER_STREET = re.compile(
    r"\b([a-z][a-z]{2,}(?:straat|laan|gracht|kade|singel|steeg|plein))\b(?:[ \t]+(\d{1,4}))?")
_NUMBER_WORD = re.compile(r"\b(?:nummer|nr\.?|huisnummer|thv|number|no\.)[ \t]*(\d{1,4})\b", re.IGNORECASE)


_SIGN_OFF = re.compile(
    r"^[ \t]*(?:(?:met |alvast bedankt en )?(?:vriendelijke|hartelijke|beste|warme) groet(?:en)?|met groet(?:en)?"
    r"|groet(?:en|jes)?|mvg|m\.v\.g\.|hoogachtend|alvast bedankt|(?:kind|best|warm) regards|regards|best"
    r"|sincerely|yours sincerely|thanks in advance|cheers)[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


def strip_signature(text: str) -> str:
    """The text up to a letter's sign-off line ("Met vriendelijke groet,", "Mvg,", "Kind regards,").

    What follows is the sender's name, address and phone: their home street
    is not where the incident is.
    """
    m = _SIGN_OFF.search(text, 0, MAX_CHARS)
    while m is not None and m.start() == 0:
        m = _SIGN_OFF.search(text, m.end(), MAX_CHARS)
    return text[: m.start()] if m is not None else text


def _plain(text: str) -> str:
    """Diacritics removed, case kept (street detection needs capitals)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def extract_addresses(text: str) -> list[tuple[str, str, int | None]]:
    """Streets named in a text: ``[(head, full name, house number or None)]``, folded.

    ``head`` is the word that ends in a street suffix (``kerkstraat``); ``full``
    adds a capitalised word before it that does not start the sentence
    (``lange nieuwstraat``). A number right after the street or after
    ``nummer``/``nr``/``thv`` is the house number.

    >>> extract_addresses("Boom omgevallen op de Lange Nieuwstraat 12a, bij nummer 14")
    [('nieuwstraat', 'lange nieuwstraat', 12)]
    """
    plain = _plain(text[:MAX_CHARS])
    out: list[tuple[str, str, int | None]] = []
    seen: set[str] = set()
    for m in _STREET_RE.finditer(plain):
        head = m.group("head").lower()
        if head in _NOT_STREETS:
            continue
        full = _qualified(plain, m.start("head"), head)
        num = m.group("num")
        if head not in seen:
            seen.add(head)
            out.append((head, full, int(num) if num else None))
        elif num:
            out = [(h, f, int(num) if h == head and n is None else n) for h, f, n in out]
    for m in _LOWER_STREET.finditer(plain):
        head = m.group(1)
        if head in _NOT_STREETS or head in seen:
            continue
        seen.add(head)
        out.append((head, head, int(m.group(2)) if m.group(2) else None))
    if out and all(n is None for _, _, n in out):
        m = _NUMBER_WORD.search(plain)
        if m:
            h, f, _ = out[0]
            out[0] = (h, f, int(m.group(1)))
    return out


def _address_street(address: str) -> tuple[str, str, int | None] | None:
    """The street of a structured address (``"Kerkstraat 12a"``, ``"Lange Nieuwstraat 3, 3731 AB"``)."""
    m = re.match(r"\s*([^\d,]+?)\s*(\d{1,5})?\s*[a-zA-Z]?\b", _plain(address))
    if not m or not m.group(1).strip():
        return None
    words = m.group(1).lower().split()
    if not words:
        return None
    num = m.group(2)
    return words[-1], " ".join(words[-2:]), int(num) if num else None


# ---------------------------------------------------------------------------
# Geography
# ---------------------------------------------------------------------------

_EARTH_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_M * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------

_ANONYMOUS = frozenset({"anonieme melder", "anoniem", "anonymous", "onbekend", "unknown"})


def author_key(platform: str, *, id: str | None = None, handle: str | None = None, name: str | None = None,
               email: str | None = None, phone: str | None = None) -> str | None:
    """A stable key of the person who wrote a message, or None when the sender is unknown.

    It prefers what identifies a person across platforms (the e-mail address,
    then the phone number), then the platform's account id or handle; an
    anonymous name alone identifies nobody.
    """
    if email:
        return "email:" + email.strip().lower()
    if phone:
        return "tel:" + re.sub(r"\D", "", phone)[-9:]
    if id or handle:
        return f"{platform}:{id or handle}"
    if name and name.strip().lower() not in _ANONYMOUS:
        return f"{platform}:name:{name.strip().lower()}"
    return None


@dataclass(frozen=True, slots=True)
class Message:
    """What the clusterer needs of a message.

    ``id`` is any hashable key (a database id, or ``(channel, external_id)``);
    ``author`` is a stable key of the person (see :meth:`from_item`), or None
    when the sender is unknown (then every message counts as its own reporter).
    ``received_at`` is an aware datetime or POSIX seconds.
    """

    id: object
    text: str
    received_at: datetime | float
    author: str | None = None
    channel: str = ""
    platform: str = ""
    category: str | None = None
    location: dict | None = None
    subject: str | None = None

    @classmethod
    def from_item(cls, item, id: object = None) -> Message:
        """From an :class:`~newsroom.inbound.InboundItem` (``id`` defaults to ``(channel, external_id)``).

        The author key prefers what identifies a person across platforms (the
        e-mail address, then the phone number), then the platform's account id
        or handle; an anonymous name alone identifies nobody.
        """
        a = item.author
        key = author_key(item.platform, id=a.id, handle=a.handle, name=a.name, email=a.email, phone=a.phone)
        return cls(
            id=(item.channel, item.external_id) if id is None else id,
            text=item.text,
            received_at=item.received_at,
            author=key,
            channel=item.channel,
            platform=item.platform,
            category=item.category,
            location=item.location,
            subject=item.subject,
        )


@dataclass(slots=True)
class Incident:
    """A group of messages about one incident (a proposal's content, or a batch result)."""

    id: int
    members: list = field(default_factory=list)  # message ids, in arrival order
    reporters: int = 0  # distinct authors (an unknown author counts once per message)
    channels: frozenset[str] = frozenset()
    first: float = 0.0  # POSIX seconds
    last: float = 0.0
    label: str = ""  # e.g. "Kerkstraat: boom, omgewaaid, weg"
    street: str | None = None
    kind: str | None = None
    status: str = "open"  # open | proposed | accepted | declined
    score: float | None = None  # the mean score with which members joined (None: one member)

    @property
    def first_at(self) -> datetime:
        return datetime.fromtimestamp(self.first, UTC)

    @property
    def last_at(self) -> datetime:
        return datetime.fromtimestamp(self.last, UTC)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What :meth:`Clusterer.add` returns when a message makes or grows a proposed incident.

    ``new`` is True the first time the incident qualifies (show it to the
    operator), False when an already proposed or accepted incident grew by
    ``added`` (update it; for an accepted one, attach the message).
    ``merged`` lists proposals (not yet accepted or declined) that turned out
    to be the same incident and are now part of this one: withdraw them.
    """

    incident: Incident
    added: tuple  # the message ids this step added (all members the first time)
    new: bool
    merged: tuple = ()  # ids of earlier proposals this incident absorbed (withdraw them)


# ---------------------------------------------------------------------------
# The clusterer
# ---------------------------------------------------------------------------

_ST = "\x01"  # feature prefixes (sort below any word): street head, full street, street+number, kind
_SQ = "\x02"
_AD = "\x03"
_KD = "\x04"


class _Cand:
    """An open candidate incident."""

    __slots__ = (
        "anon",
        "authors",
        "cats",
        "channels",
        "cnt",
        "dead",
        "first",
        "id",
        "kinds",
        "last",
        "lat",
        "locs",
        "lon",
        "members",
        "nloc",
        "place",
        "proposed",
        "score_n",
        "score_sum",
        "status",
        "streets",
        "sumsq",
        "surface",
        "times",
        "w",
        "who",
    )

    def __init__(self, cid: int) -> None:
        self.id = cid
        self.members: list = []
        self.times: list[float] = []  # per member: received, author key (None: unknown)
        self.who: list = []
        self.kinds: set[str] = set()  # kind features of the members
        self.place: list = []  # per member: (street heads, (lat, lon) or None)
        self.authors: set = set()
        self.anon = 0
        self.channels: set = set()
        self.first = self.last = 0.0
        self.cnt: dict[str, int] = {}  # feature -> members that have it
        self.w: dict[str, float] = {}  # feature -> weight when it joined (keeps sumsq exact)
        self.sumsq = 0.0  # sum over features of (cnt * w) ** 2
        self.streets: dict[str, int] = {}
        self.lat = self.lon = 0.0  # sums of the located members
        self.nloc = 0
        self.locs: list[tuple[float, float]] = []  # the first located members
        self.cats: dict[str, int] = {}
        self.status = "open"
        self.proposed = False
        self.dead = False
        self.surface: Counter = Counter()  # street spellings, for the label
        self.score_sum = 0.0  # the scores with which members joined (the first member has none)
        self.score_n = 0

    @property
    def reporters(self) -> int:
        return len(self.authors) + self.anon


class Clusterer:
    """Online incident clustering: call :meth:`add` for every message, in time order.

    Knobs (defaults measured in docs/INCIDENTS.md):

    ``window``
        seconds an incident stays open after its last message (6 h): a later
        message about the same thing starts a new candidate.
    ``burst``, ``min_messages``, ``min_reporters``, ``require_place``
        a candidate is proposed once ``min_messages`` (5) of its messages from
        ``min_reporters`` (2) distinct authors arrived within ``burst``
        seconds (30 min) and two of those name the same street (or three are
        located near each other). A candidate that never had its burst closes
        ``burst`` seconds after its last message.
    ``threshold``
        the least score to join a candidate. The score is the TF-IDF cosine
        of the message's words with the candidate's centroid, plus
        ``street_bonus`` (0.3) for the candidate's street, ``kind_bonus``
        (0.2) for its incident kind, ``address_bonus`` (0.1) for the same
        street and house number, ``location_bonus`` (0.1) within ``near_m``
        metres, ``category_bonus`` (0.05) for the same category (half of it
        off for another one), minus ``time_penalty`` x (gap / window).
    ``min_text``
        the least word cosine when the street and kind bonuses do not both apply.
    ``unplaced_threshold``
        a message that names no street and has no location joins only with
        this score, and only within ``burst`` of the candidate's last message.
    ``far_m``
        located further apart than this: never the same incident.
    ``lookup``
        how many of a message's rarest features are used to find candidates.
    """

    def __init__(self, *, window: float = 6 * 3600, burst: float = 1800.0, min_messages: int = 5,
                 min_reporters: int = 2, require_place: bool = True, threshold: float = 0.55,
                 min_text: float = 0.2, street_bonus: float = 0.3, kind_bonus: float = 0.2,
                 address_bonus: float = 0.1, location_bonus: float = 0.1, category_bonus: float = 0.05,
                 time_penalty: float = 0.5, unplaced_threshold: float = 0.65, near_m: float = 250.0,
                 far_m: float = 3000.0, lookup: int = 10) -> None:
        self.window = float(window)
        self.burst = float(burst)
        self.min_messages = min_messages
        self.min_reporters = min_reporters
        self.require_place = require_place
        self.threshold = threshold
        self.min_text = min_text
        self.street_bonus = street_bonus
        self.kind_bonus = kind_bonus
        self.address_bonus = address_bonus
        self.location_bonus = location_bonus
        self.category_bonus = category_bonus
        self.time_penalty = time_penalty
        self.unplaced_threshold = unplaced_threshold
        self.near_m = near_m
        self.far_m = far_m
        self.lookup = lookup
        self._df: dict[str, int] = {}
        self._n = 0
        self._ids = itertools.count(1)
        self._open: dict[int, _Cand] = {}
        self._index: dict[str, set[int]] = {}
        self._expiry: list[tuple[float, int]] = []  # (last + window, candidate id), lazy
        self._of: dict[object, int] = {}  # message id -> candidate id (open candidates only)
        self._closed: list[_Cand] = []  # closed candidates that were proposed (for cluster())
        self._now = -math.inf
        self.keep_closed = False

    # -- features ----------------------------------------------------------------

    def _idf(self, f: str) -> float:
        return math.log((self._n + 20) / (self._df.get(f, 0) + 1))

    def _features(self, msg: Message) -> tuple[dict[str, float], list[tuple[str, str, int | None]]]:
        text = msg.text if isinstance(msg.text, str) else str(msg.text)
        text = strip_signature(text[:MAX_CHARS])
        if msg.subject:
            text = f"{msg.subject}\n{text}"
        words, kinds = analyse(text)
        addresses = extract_addresses(text)
        loc = msg.location
        if isinstance(loc, dict) and isinstance(loc.get("address"), str):
            a = _address_street(loc["address"])
            if a is not None and a[0].endswith(_SUFFIXES) and all(h != a[0] for h, _, _ in addresses):
                addresses.insert(0, a)
        # document frequencies first (a message counts itself), then weights
        self._n += 1
        df = self._df
        for w in words:
            df[w] = df.get(w, 0) + 1
        if len(df) > 1_000_000:  # prune the hapaxes of arbitrary input
            self._df = df = {k: v for k, v in df.items() if v > 1}
        for _, full, _ in addresses:  # the street is place evidence, not text
            for part in _WORD.findall(full):
                words.discard(_stem_cached(part))
        feats: dict[str, float] = {}
        idf = self._idf
        for w in words:
            feats[w] = idf(w)
        # places and kinds: not in the cosine (they have their bonuses); the high
        # weight makes them the first keys to look candidates up by
        for k in kinds:
            feats[_KD + k] = 90.0
        for head, full, num in addresses[:4]:
            feats[_ST + head] = 100.0
            if full != head:
                feats[_SQ + full] = 1.0
            if num is not None:
                feats[f"{_AD}{head}#{num}"] = 1.0
        return feats, addresses

    # -- the online step ---------------------------------------------------------

    def add(self, message) -> Proposal | None:
        """Take one message; return a :class:`Proposal` when it makes or grows a proposed incident.

        Never raises on odd text (empty, huge, emoji, control characters).
        Messages should come in time order; a late one is compared with the
        candidates still open.
        """
        msg = message if isinstance(message, Message) else Message.from_item(message)
        t = msg.received_at
        t = t.timestamp() if isinstance(t, datetime) else float(t)
        if t > self._now:
            self._now = t
            self._expire(t)
        feats, addresses = self._features(msg)
        heads = {_ST + h for h, _, _ in addresses}
        lat = lon = None
        loc = msg.location
        if isinstance(loc, dict):
            la, lo = loc.get("lat"), loc.get("lon")
            if isinstance(la, (int, float)) and isinstance(lo, (int, float)) and math.isfinite(la) \
                    and math.isfinite(lo):
                lat, lon = float(la), float(lo)

        unplaced = not heads and lat is None
        words = [(f, w) for f, w in feats.items() if f[0] > _KD]
        m = (words, sum(w * w for _, w in words), [f for f in feats if f[0] == _KD],
             [f for f in feats if f[0] == _AD])
        matches: list[tuple[float, _Cand]] = []
        for cand in self._candidates(feats):
            if t - cand.last > self._ttl(cand) or cand.first - t > self.window:
                continue
            if heads and cand.streets and heads.isdisjoint(cand.streets):
                continue  # another street (the full rule is in _score)
            score = self._score(cand, m, heads, lat, lon, msg.category)
            gap = t - cand.last
            if gap > 0:
                score -= self.time_penalty * gap / self.window
            if unplaced and (score < self.unplaced_threshold or gap > self.burst):
                continue
            if score >= self.threshold:
                matches.append((score, cand))
        if matches:
            # the survivor: an accepted or proposed one before an open one, then the best match
            rank = {"accepted": 0, "declined": 0, "proposed": 1, "open": 2}
            matches.sort(key=lambda sc: (rank[sc[1].status], -sc[0], sc[1].id))
            best = matches[0][1]
            best.score_sum += matches[0][0]
            best.score_n += 1
            # the message bridges candidates that grew apart from one start: one incident
            merged = []
            for _, other in matches[1:]:
                if other.status in ("open", "proposed") and best.status != "declined" and (
                        not other.proposed or best.proposed):
                    self._merge(best, other)
                    if other.proposed:
                        merged.append(other.id)
        else:
            merged = []
            best = _Cand(next(self._ids))
            self._open[best.id] = best
            best.first = best.last = t
        self._join(best, msg, t, feats, addresses, lat, lon)
        if best.proposed or self._qualifies(best):
            merged.extend(self._merge_twins(best))
        heapq.heappush(self._expiry, (best.last + self._ttl(best), best.id))
        return self._proposal(best, msg.id, tuple(merged))

    def _ttl(self, cand: _Cand) -> float:
        """How long a candidate stays open after its last message: an incident ``window``,
        a candidate that never had its burst only ``burst``."""
        return self.window if cand.proposed else self.burst

    def _candidates(self, feats: dict[str, float]) -> Iterable[_Cand]:
        # the rarest features find the candidates: streets and kinds weigh most
        keys = sorted(feats, key=feats.__getitem__, reverse=True)[: self.lookup]
        seen: set[int] = set()
        index, open_ = self._index, self._open
        for k in keys:
            ids = index.get(k)
            if not ids or (len(ids) > 400 and not k.startswith(_ST)):
                continue  # a common word: someone else's evidence
            for cid in ids:
                if cid not in seen:
                    seen.add(cid)
                    c = open_.get(cid)
                    if c is not None:
                        yield c

    def _score(self, cand: _Cand, m: tuple, heads: set[str], lat, lon, category) -> float:
        """Word cosine plus the place, kind and category bonuses; -1 when vetoed.

        ``m`` is the message's (words with weights, sum of squared weights, kind keys,
        street+number keys), prepared once per message."""
        if heads and cand.streets:
            top = max(cand.streets.values())
            if not any(cand.streets.get(h, 0) * 4 >= top for h in heads):
                return -1.0  # both name streets, none in common: another place
            bonus = self.street_bonus
        else:
            bonus = 0.0
        if lat is not None and cand.nloc:
            d = distance_m(lat, lon, cand.lat / cand.nloc, cand.lon / cand.nloc)
            if d > self.far_m:
                return -1.0
            if d <= self.near_m:
                bonus += self.location_bonus
        if category and cand.cats:
            bonus += self.category_bonus if category in cand.cats else -self.category_bonus / 2
        cnt, cw = cand.cnt, cand.w
        words, msq, kinds, addrs = m
        dot = 0.0
        get = cnt.get
        for f, w in words:
            c = get(f)
            if c:
                dot += w * c * cw[f]
        if addrs and any(f in cnt for f in addrs):
            bonus += self.address_bonus
        if kinds and cand.kinds:
            # the kinds the candidate is mostly about (a third of its members or more)
            n3 = len(cand.members)
            main = [f for f in cand.kinds if cnt[f] * 3 >= n3]
            if main:
                if any(f in kinds for f in main):
                    bonus += self.kind_bonus
                elif not any(f in kinds for f in cand.kinds):
                    return -1.0  # a tree is not a fire
        cos = dot / math.sqrt(msq * cand.sumsq) if dot > 0.0 else 0.0
        if cos < self.min_text and bonus < self.street_bonus + self.kind_bonus:
            return -1.0
        return cos + bonus

    def _join(self, cand: _Cand, msg: Message, t: float, feats, addresses, lat, lon) -> None:
        cand.members.append(msg.id)
        cand.times.append(t)
        cand.who.append(msg.author)
        cand.place.append((tuple(h for h, _, _ in addresses[:4]), (lat, lon) if lat is not None else None))
        self._of[msg.id] = cand.id
        if msg.author:
            cand.authors.add(msg.author)
        else:
            cand.anon += 1
        if msg.channel:
            cand.channels.add(msg.channel)
        cand.last = max(cand.last, t)
        cand.first = min(cand.first, t)
        cnt, cw = cand.cnt, cand.w
        index = self._index
        s = cand.sumsq
        for f, w in feats.items():
            c = cnt.get(f, 0)
            if c:
                w = cw[f]
            else:
                cw[f] = w
                if f[0] == _KD:
                    cand.kinds.add(f)
                ids = index.get(f)
                if ids is None:
                    index[f] = {cand.id}
                else:
                    ids.add(cand.id)
            if f[0] > _KD:
                s += (2 * c + 1) * w * w
            cnt[f] = c + 1
        cand.sumsq = s
        for head, full, _ in addresses[:4]:
            key = _ST + head
            cand.streets[key] = cand.streets.get(key, 0) + 1
            cand.surface[full] += 1
        if lat is not None:
            cand.lat += lat
            cand.lon += lon
            cand.nloc += 1
            if len(cand.locs) < 50:
                cand.locs.append((lat, lon))
        if msg.category:
            cand.cats[msg.category] = cand.cats.get(msg.category, 0) + 1

    def _main(self, cand: _Cand) -> tuple[str | None, str | None]:
        """The street and the kind most of a candidate's members name (feature keys), if any."""
        street = max(cand.streets, key=cand.streets.__getitem__) if cand.streets else None
        kinds = [(cand.cnt[f], f) for f in cand.kinds]
        kind = max(kinds)[1] if kinds and max(kinds)[0] * 3 >= len(cand.members) else None
        return street, kind

    def _merge_twins(self, cand: _Cand) -> list[int]:
        """Merge other proposals (not yet decided) of the same street and kind, active within
        ``burst`` of this one: one fire on the Wilgenlaan, not two. Returns their ids."""
        street, kind = self._main(cand)
        if street is None or kind is None or cand.status == "declined":
            return []
        out = []
        for cid in list(self._index.get(street, ())):
            other = self._open.get(cid)
            if (other is None or other is cand or not other.proposed or other.status != "proposed"
                    or abs(other.last - cand.last) > self.burst or self._main(other) != (street, kind)):
                continue
            if not cand.proposed:  # cand is about to be proposed: let it be the older one instead
                continue
            self._merge(cand, other)
            out.append(other.id)
        return out

    def _merge(self, into: _Cand, other: _Cand) -> None:
        """Move every member of ``other`` into ``into`` (features, counts, places) and drop ``other``."""
        self._drop(other)
        cnt, cw, index = into.cnt, into.w, self._index
        for f, c in other.cnt.items():
            old = cnt.get(f, 0)
            if not old:
                cw[f] = other.w[f]
                if f[0] == _KD:
                    into.kinds.add(f)
                index.setdefault(f, set()).add(into.id)
            cnt[f] = old + c
        into.sumsq = sum((c * cw[f]) ** 2 for f, c in cnt.items() if f[0] > _KD)
        order = sorted(zip(into.times + other.times, range(len(into.times) + len(other.times))))
        members, who, place = into.members + other.members, into.who + other.who, into.place + other.place
        into.members = [members[i] for _, i in order]
        into.who = [who[i] for _, i in order]
        into.place = [place[i] for _, i in order]
        into.times = [t for t, _ in order]
        for m in other.members:
            self._of[m] = into.id
        into.authors |= other.authors
        into.anon += other.anon
        into.channels |= other.channels
        into.first = min(into.first, other.first)
        into.last = max(into.last, other.last)
        for k, v in other.streets.items():
            into.streets[k] = into.streets.get(k, 0) + v
        into.surface.update(other.surface)
        into.lat += other.lat
        into.lon += other.lon
        into.nloc += other.nloc
        into.locs = (into.locs + other.locs)[:50]
        for k, v in other.cats.items():
            into.cats[k] = into.cats.get(k, 0) + v
        into.score_sum += other.score_sum
        into.score_n += other.score_n
        heapq.heappush(self._expiry, (into.last + self._ttl(into), into.id))

    def _drop(self, cand: _Cand) -> None:
        """Take a candidate out of the open set and the index."""
        del self._open[cand.id]
        for f in cand.cnt:
            ids = self._index.get(f)
            if ids is not None:
                ids.discard(cand.id)
                if not ids:
                    del self._index[f]

    def _qualifies(self, cand: _Cand) -> bool:
        if cand.proposed:
            return True
        if len(cand.members) < self.min_messages or cand.reporters < self.min_reporters:
            return False
        # a burst: min_messages from min_reporters within burst seconds, in one place
        times = cand.times
        end = times[-1]
        recent = [i for i in range(len(times)) if end - self.burst <= times[i] <= end]
        if len(recent) < self.min_messages:
            return False
        who = {cand.who[i] if cand.who[i] is not None else ("anon", i) for i in recent}
        if len(who) < self.min_reporters:
            return False
        return not self.require_place or self._placed([cand.place[i] for i in recent])

    def _placed(self, places: list) -> bool:
        """Two of these members name the same street, or three are located within ``near_m``
        of another one: the burst happens somewhere."""
        streets: Counter = Counter()
        for heads, _ in places:
            streets.update(heads)
        if streets and max(streets.values()) >= 2:
            return True
        locs = [loc for _, loc in places if loc is not None][:50]
        near = 0
        for i in range(len(locs)):
            if any(distance_m(*locs[i], *locs[j]) <= self.near_m for j in range(len(locs)) if j != i):
                near += 1
                if near >= 3:
                    return True
        return False

    def _proposal(self, cand: _Cand, mid, merged: tuple) -> Proposal | None:
        if cand.status == "declined" or not self._qualifies(cand):
            return None
        if not cand.proposed:
            cand.proposed = True
            if cand.status == "open":
                cand.status = "proposed"
            return Proposal(self._incident(cand), tuple(cand.members), True, merged)
        return Proposal(self._incident(cand), (mid,), False, merged)

    def _expire(self, now: float) -> None:
        heap = self._expiry
        while heap and heap[0][0] < now:
            _, cid = heapq.heappop(heap)
            cand = self._open.get(cid)
            if cand is None or cand.last + self._ttl(cand) >= now:
                continue  # gone already, or grew since (a newer entry is in the heap)
            self._drop(cand)
            for m in cand.members:
                self._of.pop(m, None)
            if self.keep_closed and cand.proposed:
                self._closed.append(cand)

    # -- the operator's decisions ------------------------------------------------

    def decline(self, incident_id: int) -> None:
        """The operator says "not one incident": the candidate stays open but silent.

        Messages that match it keep joining it (so the same burst does not come
        back as a fresh proposal), and :meth:`add` returns None for them. It
        closes like any candidate, ``window`` after its last message.
        """
        cand = self._open.get(incident_id)
        if cand is not None:
            cand.status = "declined"

    def accept(self, incident_id: int) -> None:
        """The operator accepts: later messages that join come back as ``Proposal(new=False)``."""
        cand = self._open.get(incident_id)
        if cand is not None:
            cand.status = "accepted"

    def incident_id_of(self, message_id) -> int | None:
        """The id of the open candidate a message is in, or None once it closed (cheap: no copy)."""
        cid = self._of.get(message_id)
        return cid if cid is not None and cid in self._open else None

    def is_open(self, incident_id: int) -> bool:
        """Whether the candidate is still open (it may still grow)."""
        return incident_id in self._open

    def incident_of(self, message_id) -> Incident | None:
        """The open candidate a message is in (proposed or not), or None once it closed."""
        cid = self._of.get(message_id)
        cand = self._open.get(cid) if cid is not None else None
        return self._incident(cand) if cand is not None else None

    def open_incidents(self) -> list[Incident]:
        """The open candidates that qualify as proposals (any status)."""
        return [self._incident(c) for c in self._open.values() if self._qualifies(c)]

    # -- describing --------------------------------------------------------------

    def _incident(self, cand: _Cand) -> Incident:
        street = None
        if cand.streets:
            head = max(cand.streets, key=cand.streets.__getitem__)[1:]
            fulls = [(n, f) for f, n in cand.surface.items() if f.endswith(head)]
            street = max(fulls)[1] if fulls else head
        kinds = [(n, f[1:]) for f, n in cand.cnt.items() if f[0] == _KD]
        kind = max(kinds)[1] if kinds and max(kinds)[0] * 2 >= len(cand.members) else None
        n = len(cand.members)
        words = sorted(((c / n) * self._idf(f), f) for f, c in cand.cnt.items()
                       if f[0] not in (_ST, _SQ, _AD, _KD) and c * 3 >= n and c >= 2)
        top = [f for _, f in reversed(words[-4:])]
        words = [surface(w) for w in top if w != kind]
        words = [w for n, w in enumerate(words) if w != kind and w not in words[:n]]
        if street:
            label = " ".join(w.capitalize() for w in street.split())
            label += ": " + ", ".join(([kind] if kind else []) + words[:3])
        else:
            label = ", ".join(([kind] if kind else []) + words[:3])
        return Incident(
            id=cand.id, members=list(cand.members), reporters=cand.reporters,
            channels=frozenset(cand.channels), first=cand.first, last=cand.last,
            label=label.rstrip(": "), street=street, kind=kind, status=cand.status,
            score=round(cand.score_sum / cand.score_n, 3) if cand.score_n else None,
        )


# ---------------------------------------------------------------------------
# Batch, pairs and the evaluation
# ---------------------------------------------------------------------------


def cluster(messages: Iterable, **knobs) -> list[Incident]:
    """Run a fresh :class:`Clusterer` over messages (sorted by time) and return the incidents
    that qualify as proposals, in order of their first message."""
    msgs = [m if isinstance(m, Message) else Message.from_item(m) for m in messages]
    msgs.sort(key=lambda m: m.received_at.timestamp() if isinstance(m.received_at, datetime)
              else float(m.received_at))
    c = Clusterer(**knobs)
    c.keep_closed = True
    for m in msgs:
        c.add(m)
    out = [c._incident(x) for x in c._closed]
    out += [c._incident(x) for x in c._open.values() if x.proposed]
    out.sort(key=lambda i: (i.first, i.id))
    return out


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_scores(predicted: Iterable[Iterable], truth: dict) -> dict:
    """Pairwise precision and recall of predicted groups against true labels.

    ``predicted``: groups of message ids (a message in no group is alone);
    ``truth``: message id -> incident label (a message without one is alone).
    A pair of messages is *predicted together* when one group holds both and
    *truly together* when both carry the same label. Precision = pairs both
    predicted and truly together / pairs predicted together; recall = the
    same / pairs truly together.
    """
    tp = pp = 0
    for group in predicted:
        labels = Counter(truth.get(m) for m in group)
        size = sum(labels.values())
        pp += _pairs(size)
        tp += sum(_pairs(k) for lab, k in labels.items() if lab is not None)
    tpairs = sum(_pairs(k) for k in Counter(truth.values()).values())
    return {
        "precision": tp / pp if pp else 1.0,
        "recall": tp / tpairs if tpairs else 1.0,
        "true_pairs": tpairs, "predicted_pairs": pp, "correct_pairs": tp,
    }


def same_place_truth(truth: dict, times: dict, gap: float) -> dict:
    """The generator's labels read with this module's definition of one incident.

    The generator draws its bursts independently and labels each
    ``"<kind>/<street>/<n>"``; now and then it draws two bursts of the same
    kind on the same street an hour or two apart (seed 5: a burst water main
    on the Reigerweg at 10:54 and again at 12:55). Here such bursts are one
    incident when the later one starts within ``gap`` seconds after the
    earlier one's last message: same thing, same place, close in time.
    ``times``: message id -> POSIX seconds.
    """
    spans: dict[str, list[float]] = {}
    for mid, lab in truth.items():
        t = times[mid]
        span = spans.setdefault(lab, [t, t])
        span[0], span[1] = min(span[0], t), max(span[1], t)
    rename: dict[str, str] = {}
    last: dict[str, tuple[str, float]] = {}  # kind/street -> (label it folds into, end of its last burst)
    for lab, (start, end) in sorted(spans.items(), key=lambda kv: kv[1][0]):
        place = lab.rsplit("/", 1)[0]
        prev = last.get(place)
        if prev is not None and start - prev[1] <= gap:
            rename[lab] = prev[0]
            last[place] = (prev[0], max(end, prev[1]))
        else:
            last[place] = (lab, end)
    return {mid: rename.get(lab, lab) for mid, lab in truth.items()}


def evaluate(count: int = 20_000, seed: int = 1, *, mean_gap_seconds: float = 20.0, **knobs) -> dict:
    """Generate ``count`` labelled messages with the demo generator, cluster them, score it.

    Returns pairwise precision/recall (see :func:`pair_scores`) and cluster-level
    figures: true incidents; proposals; incidents *found* (one proposal holds
    at least half of the incident's messages and is mostly about it);
    *merged* (that proposal is mostly about another incident); *missed* (no
    proposal holds half of it); *split* (incidents that are the majority of
    more than one proposal); *false* proposals (not mostly one incident); and
    the throughput of the batch run (messages per second through the clusterer).

    ``same_place`` scores the same proposals against :func:`same_place_truth`
    (bursts of the same kind on the same street within the clusterer's window
    are one incident): ``{"precision", "recall", "true_incidents"}``. The
    other figures are against the generator's labels as they are.
    """
    from newsroom.demo.generator import generate, incident_labels  # the demo only here
    from newsroom.inbound import parse_item

    items = [parse_item(d) for d in generate(count, seed=seed, mean_gap_seconds=mean_gap_seconds)]
    truth = incident_labels(count, seed=seed, mean_gap_seconds=mean_gap_seconds)
    msgs = [Message.from_item(i) for i in items]
    t0 = time.perf_counter()
    incidents = cluster(msgs, **knobs)
    elapsed = time.perf_counter() - t0
    scores = pair_scores((i.members for i in incidents), truth)
    place_truth = same_place_truth(truth, {m.id: m.received_at.timestamp() for m in msgs},
                                   float(knobs.get("window", 6 * 3600)))
    place = pair_scores((i.members for i in incidents), place_truth)

    true_sizes = Counter(truth.values())
    majority: dict[int, str | None] = {}
    split: Counter = Counter()
    false = 0
    holder: dict[str, Counter] = {lab: Counter() for lab in true_sizes}
    for inc in incidents:
        labs = Counter(truth.get(m) for m in inc.members)
        lab, k = labs.most_common(1)[0]
        majority[inc.id] = lab if lab is not None and k * 2 >= len(inc.members) else None
        if majority[inc.id] is None:
            false += 1
        else:
            split[lab] += 1
        for other, n in labs.items():
            if other is not None:
                holder[other][inc.id] += n
    found = merged = 0
    for lab, size in true_sizes.items():
        if not holder[lab]:
            continue
        iid, n = holder[lab].most_common(1)[0]
        if n * 2 < size:
            continue  # scattered: missed
        if majority[iid] == lab:
            found += 1
        else:
            merged += 1  # most of it sits in a proposal about another incident
    scores.update({
        "messages": count,
        "seed": seed,
        "true_incidents": len(true_sizes),
        "incident_messages": len(truth),
        "proposed": len(incidents),
        "found": found,
        "merged": merged,
        "missed": len(true_sizes) - found - merged,
        "split": sum(1 for v in split.values() if v > 1),
        "false": false,
        "messages_per_second": round(count / elapsed) if elapsed > 0 else None,
        "same_place": {"precision": place["precision"], "recall": place["recall"],
                       "true_incidents": len(set(place_truth.values()))},
    })
    return scores


def _main(argv: list[str] | None = None) -> int:  # python -m newsroom.incidents [COUNT] [SEED...]
    import json
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    count = int(args[0]) if args else 20_000
    seeds = [int(s) for s in args[1:]] or [1, 2, 3]
    for s in seeds:
        print(json.dumps(evaluate(count, seed=s)))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
