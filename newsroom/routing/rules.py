"""The routing rule engine: a rule's JSON definition validated, compiled once, evaluated fast.

A rule is ``{"when": {condition: value, ...}, "then": {action: value, ...}}``.
Every condition in ``when`` must hold; within a list any value may match.
Rules run in position order: the first matching rule that sets a field
(department, priority, assignment) wins it, tags of every matching rule are
added, and ``"stop": true`` ends the evaluation. docs/ROUTING.md has the
whole language.

Nothing here touches the database: the caller hands over the department
names (for validation) and the messages; `newsroom.actions.routing` does the
rest. A rule that raises on a message is skipped for that message and the
error is reported in the `Outcome`, never raised.
"""
from __future__ import annotations

import fnmatch
import math
import re
import re._parser as sre_parse  # the parse tree, to bound a pattern's backtracking before it is saved
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from newsroom.model import Platform, Priority

LOCAL = ZoneInfo("Europe/Amsterdam")
PLATFORMS = tuple(p.value for p in Platform)
PRIORITIES = tuple(p.value for p in Priority)
POLICIES = ("manual", "round_robin", "least_loaded")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Words and phrases look at the subject and the first WORDS_WINDOW characters
# of the text (an e-mail's quoted history is not what it is about); a regular
# expression sees the first REGEX_WINDOW characters, and its backtracking is
# bounded at save time (`_backtracking`), so no message can make it hang.
WORDS_WINDOW = 20_000
REGEX_WINDOW = 1_000
REGEX_BUDGET = 2_000
MAX_VALUES = 500  # entries in one list condition
MAX_PATTERN_CHARS = 500
MAX_POLYGON_POINTS = 1_000
MAX_RADIUS_M = 100_000
EARTH_RADIUS_M = 6_371_000.0


class RuleInvalid(ValueError):
    """A definition that cannot be saved: an English `template` with `params`, as `ActionError` has."""

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params
        self.message = template.format(**params) if params else template
        super().__init__(self.message)


@dataclass(slots=True)
class RoutingInput:
    """One new case's first message, as the rules see it."""

    platform: str
    channel_id: int
    channel_name: str
    channel_account: str
    text: str
    subject: str | None
    author_id: str | None
    author_handle: str | None
    author_name: str | None
    author_email: str | None
    category: str | None
    language: str | None
    location: dict | None  # {lat, lon, address}
    received_at: datetime  # aware UTC

    @classmethod
    def from_item(cls, item, channel_id: int = 0, channel_name: str | None = None) -> RoutingInput:
        """The routing view of an `InboundItem` on a channel (name defaults to the account)."""
        author = item.author
        return cls(
            platform=item.platform, channel_id=channel_id, channel_name=channel_name or item.channel,
            channel_account=item.channel, text=item.text, subject=item.subject, author_id=author.id,
            author_handle=author.handle, author_name=author.name, author_email=author.email,
            category=item.category, language=item.language, location=item.location, received_at=item.received_at,
        )


# -- folding ---------------------------------------------------------------------

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without diacritics: 'Afvál' -> 'afval', 'Straße' -> 'strasse'."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text (letters, digits; punctuation separates)."""
    return _WORD.findall(fold(text))


class _View:
    """A message with what the conditions need, each computed on first use."""

    __slots__ = ("_joined", "_local", "_raw", "_tokens", "msg")

    def __init__(self, msg: RoutingInput):
        self.msg = msg
        self._tokens = None
        self._joined = None
        self._raw = None
        self._local = None

    def _words(self) -> list[str]:
        msg = self.msg
        text = msg.text[:WORDS_WINDOW]
        if msg.subject:
            text = msg.subject + "\n" + text
        return words(text)

    def joined(self) -> str:
        if self._joined is None:
            self._joined = " " + " ".join(self._words()) + " "
        return self._joined

    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = frozenset(self._joined.split() if self._joined is not None else self._words())
        return self._tokens

    def raw(self) -> str:
        if self._raw is None:
            msg = self.msg
            self._raw = ((msg.subject + "\n") if msg.subject else "") + msg.text[:REGEX_WINDOW]
            self._raw = self._raw[:REGEX_WINDOW]
        return self._raw

    def local(self) -> tuple[int, int]:
        if self._local is None:
            at = self.msg.received_at.astimezone(LOCAL)
            self._local = (at.weekday(), at.hour * 60 + at.minute)
        return self._local

    def point(self) -> tuple[float, float] | None:
        location = self.msg.location
        if not location or location.get("lat") is None or location.get("lon") is None:
            return None
        return location["lat"], location["lon"]


# -- conditions ------------------------------------------------------------------

Check = Callable[[_View], bool]


def _texts(name: str, value) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if (
        not isinstance(values, list) or not values or len(values) > MAX_VALUES
        or not all(isinstance(v, str) and v.strip() for v in values)
    ):
        raise RuleInvalid("The condition {name!r} needs a text or a list of 1 to {limit} texts.", name=name, limit=MAX_VALUES)
    return [v.strip() for v in values]


def _matcher(values: Iterable[str]) -> Callable[[str | None], bool]:
    """Folded exact or glob ('*', '?') matching of one field against any of `values`."""
    exact = set()
    globs = []
    for value in values:
        folded = fold(value)
        if any(c in folded for c in "*?["):
            globs.append(fnmatch.translate(folded))
        else:
            exact.add(folded)
    pattern = re.compile("|".join(globs)) if globs else None

    def matches(field: str | None) -> bool:
        if not field:
            return False
        folded = fold(field)
        return folded in exact or (pattern is not None and pattern.match(folded) is not None)

    return matches


def _platform(value) -> Check:
    wanted = set()
    for v in _texts("platform", value):
        if v.lower() not in PLATFORMS:
            raise RuleInvalid("{value!r} is not a platform; use one of {choices}.", value=v, choices=", ".join(PLATFORMS))
        wanted.add(v.lower())
    return lambda view: view.msg.platform in wanted


def _channel(value) -> Check:
    match = _matcher(_texts("channel", value))
    return lambda view: match(view.msg.channel_name) or match(view.msg.channel_account)


def _one_word(name: str, value: str) -> str:
    found = words(value)
    if not found:
        raise RuleInvalid("{value!r} has no letters or digits to match.", value=value)
    if len(found) > 1:
        raise RuleInvalid("{value!r} is more than one word; put it under 'phrases'.", value=value)
    return found[0]


def _words_any(value) -> Check:
    wanted = frozenset(_one_word("words_any", v) for v in _texts("words_any", value))
    return lambda view: not wanted.isdisjoint(view.tokens())


def _words_all(value) -> Check:
    wanted = frozenset(_one_word("words_all", v) for v in _texts("words_all", value))
    return lambda view: wanted <= view.tokens()


def _words_none(value) -> Check:
    unwanted = frozenset(_one_word("words_none", v) for v in _texts("words_none", value))
    return lambda view: unwanted.isdisjoint(view.tokens())


def _phrases(value) -> Check:
    phrases = []
    for v in _texts("phrases", value):
        found = words(v)
        if not found:
            raise RuleInvalid("{value!r} has no letters or digits to match.", value=v)
        phrases.append(" " + " ".join(found) + " ")
    return lambda view: any(p in view.joined() for p in phrases)


def _backtracking(parsed) -> int:
    """An upper bound of the paths a pattern can try per start position (REGEX_WINDOW for an unbounded repeat)."""
    total = 1
    for op, av in parsed:
        name = op.name
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = av
            span = REGEX_WINDOW if high == sre_parse.MAXREPEAT else min(high - low + 1, REGEX_WINDOW)
            total *= max(span, 1) * _backtracking(sub)
        elif name == "SUBPATTERN":
            total *= _backtracking(av[-1])
        elif name == "BRANCH":
            # Fixed alternatives ('kapot|stuk') fail at once; only those that repeat can backtrack.
            total *= sum(c for c in (_backtracking(branch) for branch in av[1]) if c > 1) or 1
        elif name in ("ASSERT", "ASSERT_NOT"):
            total *= _backtracking(av[1])
        elif name == "ATOMIC_GROUP":
            total *= _backtracking(av)
        elif name in ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE"):
            return REGEX_BUDGET + 1  # a back-reference can backtrack without bound
        if total > REGEX_BUDGET:
            return total
    return total


def compile_pattern(pattern) -> re.Pattern:
    """A rule's regular expression, or `RuleInvalid` (bad syntax, or too much backtracking)."""
    if not isinstance(pattern, str) or not pattern or len(pattern) > MAX_PATTERN_CHARS:
        raise RuleInvalid("A regular expression is a text of 1 to {limit} characters.", limit=MAX_PATTERN_CHARS)
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as error:
        raise RuleInvalid("The regular expression {pattern!r} is not valid: {reason}.", pattern=pattern, reason=str(error)) from None
    if _backtracking(parsed) > REGEX_BUDGET:
        raise RuleInvalid(
            "The regular expression {pattern!r} could take too long on some messages: use at most one unbounded "
            "repeat (* or +), bound the others (e.g. {{1,30}}), no back-references; or use words and phrases.",
            pattern=pattern,
        )
    return compiled


def _regex(value) -> Check:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or len(values) > MAX_VALUES:
        raise RuleInvalid("The condition {name!r} needs a text or a list of 1 to {limit} texts.", name="regex", limit=MAX_VALUES)
    patterns = [compile_pattern(v) for v in values]
    return lambda view: any(p.search(view.raw()) for p in patterns)


def _category(value) -> Check:
    match = _matcher(_texts("category", value))
    return lambda view: match(view.msg.category)


def _language(value) -> Check:
    wanted = frozenset(v.lower() for v in _texts("language", value))

    def check(view: _View) -> bool:
        language = view.msg.language
        return bool(language) and (language in wanted or language.split("-")[0] in wanted)

    return check


def _author(value) -> Check:
    match = _matcher(_texts("author", value))

    def check(view: _View) -> bool:
        msg = view.msg
        handle = msg.author_handle
        return (
            match(handle) or (handle is not None and handle.startswith("@") and match(handle[1:]))
            or match(msg.author_email) or match(msg.author_name) or match(msg.author_id)
        )

    return check


_AREA_HELP = (
    "The area needs lat, lon and radius_m (a circle, radius up to {limit} m) or 'polygon': "
    "a list of 3 to {points} [lat, lon] points."
)


def _coordinate(value, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)
    return float(value)


def _area(value) -> Check:
    if not isinstance(value, dict):
        raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)
    if set(value) == {"polygon"}:
        points = value["polygon"]
        if not isinstance(points, list) or not 3 <= len(points) <= MAX_POLYGON_POINTS:
            raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)
        polygon = []
        for point in points:
            if not isinstance(point, list) or len(point) != 2:
                raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)
            polygon.append((_coordinate(point[0], -90, 90), _coordinate(point[1], -180, 180)))
        lats = [p[0] for p in polygon]
        lons = [p[1] for p in polygon]
        box = (min(lats), max(lats), min(lons), max(lons))

        def inside(view: _View) -> bool:
            point = view.point()
            if point is None:
                return False
            lat, lon = point
            if not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
                return False
            return _in_polygon(lat, lon, polygon)

        return inside
    if set(value) == {"lat", "lon", "radius_m"}:
        lat0 = _coordinate(value["lat"], -90, 90)
        lon0 = _coordinate(value["lon"], -180, 180)
        radius = _coordinate(value["radius_m"], 0, MAX_RADIUS_M)
        if radius <= 0:
            raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)

        def near(view: _View) -> bool:
            point = view.point()
            return point is not None and distance_m(lat0, lon0, point[0], point[1]) <= radius

        return near
    raise RuleInvalid(_AREA_HELP, limit=MAX_RADIUS_M, points=MAX_POLYGON_POINTS)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def _in_polygon(lat: float, lon: float, polygon: Sequence[tuple[float, float]]) -> bool:
    # Ray casting on the flat map: exact enough for a municipality's areas.
    inside = False
    j = len(polygon) - 1
    for i, (yi, xi) in enumerate(polygon):
        yj, xj = polygon[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _minute(value) -> int:
    if value == "24:00":
        return 24 * 60
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise RuleInvalid("{value!r} is not a time of day; write HH:MM, e.g. 08:30.", value=value)
    return int(match.group(1)) * 60 + int(match.group(2))


def _time(value) -> Check:
    if not isinstance(value, dict) or not value or not set(value) <= {"weekdays", "from", "to"}:
        raise RuleInvalid("The time condition takes 'weekdays' (mon..sun) and/or 'from' and 'to' (HH:MM, Dutch time).")
    days = value.get("weekdays", list(WEEKDAYS))
    if isinstance(days, str):
        days = [days]
    if not isinstance(days, list) or not days:
        raise RuleInvalid("The time condition takes 'weekdays' (mon..sun) and/or 'from' and 'to' (HH:MM, Dutch time).")
    allowed = set()
    for day in days:
        key = day.strip().lower()[:3] if isinstance(day, str) else None
        if key not in WEEKDAYS:
            raise RuleInvalid("{value!r} is not a weekday; use mon, tue, wed, thu, fri, sat or sun.", value=day)
        allowed.add(WEEKDAYS.index(key))
    start = _minute(value.get("from", "00:00"))
    end = _minute(value.get("to", "24:00"))
    if start == end or start == 24 * 60:
        raise RuleInvalid("'from' and 'to' must differ; leave both out for the whole day.")

    def check(view: _View) -> bool:
        weekday, minute = view.local()
        if start < end:
            return start <= minute < end and weekday in allowed
        # Across midnight: the hours after midnight belong to the evening before.
        if minute >= start:
            return weekday in allowed
        return minute < end and (weekday - 1) % 7 in allowed

    return check


# name -> (builder, cost): cheap checks run first so most rules fail fast.
CONDITIONS: dict[str, tuple[Callable[[object], Check], int]] = {
    "platform": (_platform, 0),
    "channel": (_channel, 1),
    "language": (_language, 1),
    "category": (_category, 1),
    "author": (_author, 2),
    "time": (_time, 2),
    "area": (_area, 2),
    "words_any": (_words_any, 3),
    "words_all": (_words_all, 3),
    "words_none": (_words_none, 3),
    "phrases": (_phrases, 4),
    "regex": (_regex, 5),
}
ACTIONS = ("department", "priority", "tags", "assignment", "stop")


# -- compiling -------------------------------------------------------------------

_UNSET = object()


@dataclass(frozen=True, slots=True)
class Then:
    """What a matching rule sets. `department` is _UNSET, None (the newsroom's own queue) or a name."""

    department: object = _UNSET
    department_id: int | None = None
    priority: str | None = None
    tags: tuple[str, ...] = ()
    assignment: str | None = None
    stop: bool = False

    @property
    def sets_department(self) -> bool:
        return self.department is not _UNSET

    def as_dict(self) -> dict:
        """What the rule would set, for previews and listings."""
        out: dict = {}
        if self.sets_department:
            out["department"] = self.department
        if self.priority:
            out["priority"] = self.priority
        if self.tags:
            out["tags"] = list(self.tags)
        if self.assignment:
            out["assignment"] = self.assignment
        if self.stop:
            out["stop"] = True
        return out


@dataclass(frozen=True, slots=True)
class CompiledRule:
    id: int | None
    name: str
    checks: tuple[Check, ...]
    then: Then

    def matches(self, view: _View) -> bool:
        for check in self.checks:
            if not check(view):
                return False
        return True

    def test(self) -> Check:
        """One callable for all the checks (no loop for the common one- and two-condition rules)."""
        checks = self.checks
        if not checks:
            return lambda view: True
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            a, b = checks
            return lambda view: a(view) and b(view)
        return self.matches


def _normalize_tag(name) -> str:
    # Imported here: newsroom.actions imports this package.
    from newsroom.actions.base import ActionError
    from newsroom.actions.cases import normalize_tag

    try:
        return normalize_tag(name)
    except ActionError as error:
        raise RuleInvalid(error.template, **error.params) from None


def _compile_then(then, departments: Mapping[str, int]) -> Then:
    if not isinstance(then, dict) or not then:
        raise RuleInvalid("A rule needs at least one action under 'then' ({choices}).", choices=", ".join(ACTIONS))
    for key in then:
        if key not in ACTIONS:
            raise RuleInvalid("Unknown action {name!r}; use one of {choices}.", name=key, choices=", ".join(ACTIONS))
    values: dict = {}
    if "department" in then:
        name = then["department"]
        if name is None:
            values.update(department=None)
        else:
            if not isinstance(name, str) or not name.strip():
                raise RuleInvalid("'department' is a department's name, or null for the newsroom's own queue.")
            dept_id = departments.get(name.strip().casefold())
            if dept_id is None:
                raise RuleInvalid("There is no department {name!r}. See 'newsroom department list'.", name=name)
            values.update(department=name.strip(), department_id=dept_id)
    if "priority" in then:
        priority = then["priority"]
        if priority not in PRIORITIES:
            raise RuleInvalid("{value!r} is not a priority; use low, normal, high or urgent.", value=priority)
        values["priority"] = priority
    if "tags" in then:
        tags = then["tags"]
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list) or len(tags) > 50:
            raise RuleInvalid("'tags' is a list of at most 50 tags.")
        values["tags"] = tuple(dict.fromkeys(_normalize_tag(t) for t in tags))
    if "assignment" in then:
        if then["assignment"] not in POLICIES:
            raise RuleInvalid(
                "{value!r} is not an assignment policy; use manual, round_robin or least_loaded.", value=then["assignment"]
            )
        values["assignment"] = then["assignment"]
    if "stop" in then:
        if not isinstance(then["stop"], bool):
            raise RuleInvalid("'stop' is true or false.")
        values["stop"] = then["stop"]
    return Then(**values)


def compile_rule(definition, departments: Mapping[str, int], *, rule_id: int | None = None, name: str = "") -> CompiledRule:
    """Validate and compile one definition; `departments` maps casefolded names to ids. Raises `RuleInvalid`."""
    if not isinstance(definition, dict) or set(definition) - {"when", "then"} or "then" not in definition:
        raise RuleInvalid("A rule is an object with 'when' (conditions) and 'then' (actions).")
    when = definition.get("when", {})
    if not isinstance(when, dict):
        raise RuleInvalid("A rule is an object with 'when' (conditions) and 'then' (actions).")
    checks = []
    for key, value in when.items():
        if key not in CONDITIONS:
            raise RuleInvalid("Unknown condition {name!r}; use one of {choices}.", name=key, choices=", ".join(CONDITIONS))
        builder, cost = CONDITIONS[key]
        checks.append((cost, len(checks), builder(value)))
    checks.sort(key=lambda c: c[:2])
    then = _compile_then(definition["then"], departments)
    return CompiledRule(rule_id, name, tuple(c[2] for c in checks), then)


# -- evaluating ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the rules decided for one message."""

    rule_id: int | None  # the rule that set the department, else the first matching rule
    department_id: int | None
    department: str | None
    priority: str | None
    tags: tuple[str, ...]
    assignment: str | None  # a rule's override of the department's policy
    matched: tuple[int | None, ...]
    errors: tuple[tuple[int | None, str], ...]  # (rule id, what went wrong)


def describe_error(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]


class RuleSet:
    """Compiled rules in position order, plus the stored rules that would not compile (`broken`: id -> reason)."""

    def __init__(self, rules: Sequence[CompiledRule], broken: Mapping[int, str] | None = None):
        self.rules = tuple(rules)
        self.broken = dict(broken or {})
        self._broken_errors = tuple(self.broken.items())
        self._steps = tuple((rule.id, rule.test(), rule.then) for rule in self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def evaluate(self, msg: RoutingInput) -> Outcome:
        """Run the rules over one message; a rule that raises is skipped and reported in `errors`."""
        view = _View(msg)
        matched: list = []
        errors = list(self._broken_errors)
        rule_id = first = None
        dept_set = False
        department_id = department = priority = assignment = None
        tags: dict[str, None] = {}
        for step_id, test, then in self._steps:
            try:
                if not test(view):
                    continue
            except Exception as error:  # noqa: BLE001 - one bad rule must never stop routing
                errors.append((step_id, describe_error(error)))
                continue
            matched.append(step_id)
            if first is None:
                first = step_id
            if not dept_set and then.department is not _UNSET:
                dept_set = True
                rule_id = step_id
                department_id = then.department_id
                department = then.department
            if priority is None:
                priority = then.priority
            if assignment is None:
                assignment = then.assignment
            for tag in then.tags:
                tags[tag] = None
            if then.stop:
                break
        return Outcome(
            rule_id=rule_id if dept_set else first,
            department_id=department_id,
            department=department,
            priority=priority,
            tags=tuple(tags),
            assignment=assignment,
            matched=tuple(matched),
            errors=tuple(errors),
        )


def compile_rules(rows: Iterable, departments: Mapping[str, int]) -> RuleSet:
    """A `RuleSet` from stored rules (id, name, definition JSON text), enabled ones, in position order."""
    import json

    compiled = []
    broken = {}
    for row in rows:
        try:
            definition = json.loads(row.definition)
            compiled.append(compile_rule(definition, departments, rule_id=row.id, name=row.name))
        except RuleInvalid as error:
            broken[row.id] = f"the rule cannot be used: {error.message}"
        except (ValueError, TypeError, RecursionError) as error:
            broken[row.id] = f"the rule cannot be used: {describe_error(error)}"
    return RuleSet(compiled, broken)


# -- benchmark -------------------------------------------------------------------

_BENCH_RULES = [
    {"when": {"words_any": ["container", "kliko", "afval", "vuilnis"]}, "then": {"department": "Afval", "tags": ["afval"]}},
    {"when": {"phrases": ["grof vuil", "niet geleegd"]}, "then": {"department": "Afval", "priority": "high"}},
    {"when": {"words_all": ["parkeer", "vergunning"]}, "then": {"department": "Parkeren"}},
    {"when": {"words_any": ["parkeervergunning", "parkeren", "bekeuring"]}, "then": {"department": "Parkeren"}},
    {"when": {"regex": r"\b\d{4}\s?[a-z]{2}\b"}, "then": {"tags": ["postcode"]}},
    {"when": {"platform": ["signalen", "open311"], "category": ["Afval*", "Container*"]}, "then": {"department": "Afval"}},
    {"when": {"platform": "email", "words_any": ["paspoort", "rijbewijs", "identiteitskaart"]}, "then": {"department": "Burgerzaken"}},
    {"when": {"time": {"weekdays": ["sat", "sun"]}}, "then": {"tags": ["weekend"]}},
    {"when": {"time": {"from": "22:00", "to": "06:00"}}, "then": {"tags": ["nacht"]}},
    {"when": {"area": {"lat": 52.09, "lon": 5.12, "radius_m": 1500}}, "then": {"tags": ["centrum"]}},
    {"when": {"area": {"polygon": [[52.0, 5.0], [52.0, 5.2], [52.2, 5.2], [52.2, 5.0]]}}, "then": {"tags": ["gemeente"]}},
    {"when": {"author": ["*@gemeente.example", "@pers*"]}, "then": {"priority": "high"}},
    {"when": {"words_any": ["boom", "omgewaaid", "storm"]}, "then": {"department": "Groen", "priority": "urgent"}},
    {"when": {"phrases": ["lantaarnpaal kapot", "straatverlichting"]}, "then": {"department": "Openbare ruimte"}},
    {"when": {"language": ["en", "de"]}, "then": {"tags": ["anderstalig"]}},
    {"when": {"words_any": ["wethouder", "burgemeester"], "words_none": ["afspraak"]}, "then": {"tags": ["bestuur"]}},
    {"when": {"regex": "(kapot|stuk|defect).*(lamp|licht)"}, "then": {"department": "Openbare ruimte"}},
    {"when": {"channel": ["@gemeente*"], "words_any": ["klacht"]}, "then": {"tags": ["klacht"], "priority": "high"}},
    {"when": {"words_any": ["dank", "bedankt", "top"]}, "then": {"priority": "low"}},
    {"when": {}, "then": {"department": "Burgerzaken", "stop": True}},
]


def bench_routing(messages: int = 20_000) -> dict:
    """Evaluations per second of 20 typical rules over generated citizen messages (for `newsroom bench`)."""
    from newsroom.demo.generator import generate
    from newsroom.inbound import parse_item

    departments = {name.casefold(): i for i, name in enumerate(("Afval", "Parkeren", "Burgerzaken", "Groen", "Openbare ruimte"), 1)}
    rules = RuleSet([compile_rule(d, departments, rule_id=i) for i, d in enumerate(_BENCH_RULES, 1)])
    inputs = [RoutingInput.from_item(parse_item(obj)) for obj in generate(messages, seed=5)]
    started = time.perf_counter()
    cpu_started = time.process_time()
    matched = errors = 0
    for msg in inputs:
        outcome = rules.evaluate(msg)
        matched += len(outcome.matched)
        errors += len(outcome.errors)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "rules": len(rules),
        "messages": len(inputs),
        "seconds": round(seconds, 3),
        "evaluations_per_s": round(len(inputs) / seconds) if seconds else None,
        # On a busy machine wall time includes waiting for a core; CPU time does not.
        "evaluations_per_cpu_s": round(len(inputs) / cpu) if cpu else None,
        "matches_per_message": round(matched / max(len(inputs), 1), 2),
        "errors": errors,
    }
