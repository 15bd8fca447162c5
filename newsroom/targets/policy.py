"""Target policies: which response targets a case gets, and the TOML file that holds them.

A policy matches cases by platform and priority (either may be "any") and
optionally a tag, and gives targets in business minutes on a named
calendar: first response, next response, resolution, and the department's
own clock after a hand-off. Policies are tried in order; the first that
matches wins. A target left out means "no clock of that kind".

When the database holds no policies, `DEFAULT_POLICIES` apply (see
docs/RESPONSE_TARGETS.md). ``newsroom targets import|export FILE.toml``
reads and writes calendars and policies in the format `dump_toml` writes
and `load_toml` reads.
"""
from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsroom.targets.calendar import BUILTINS, Calendar

PRIORITIES = ("low", "normal", "high", "urgent")
PLATFORMS = ("mastodon", "bluesky", "email", "signalen", "open311", "facebook", "instagram", "whatsapp", "x", "other")
SOCIAL = ("mastodon", "bluesky", "facebook", "instagram", "whatsapp", "x")
KINDS = ("first_response", "next_response", "resolution", "handoff")
MAX_MINUTES = 10 * 365 * 24 * 60  # ten years of business minutes is surely a typo


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    calendar: str
    platform: str | None = None
    priority: str | None = None
    tag: str | None = None
    first_response: int | None = None
    next_response: int | None = None
    resolution: int | None = None
    handoff: int | None = None  # the department's clock after a hand-off; None: the resolution target

    def matches(self, platform: str, priority: str, tags: frozenset[str]) -> bool:
        return (
            (self.platform is None or self.platform == platform)
            and (self.priority is None or self.priority == priority)
            and (self.tag is None or self.tag in tags)
        )

    def minutes(self, kind: str) -> int | None:
        if kind == "handoff":
            return self.handoff if self.handoff is not None else self.resolution
        return getattr(self, kind)

    def to_dict(self) -> dict:
        out: dict = {"name": self.name}
        for key in ("platform", "priority", "tag"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["calendar"] = self.calendar
        for key in KINDS:
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


def _defaults() -> tuple[Policy, ...]:
    """Urgent: 24/7. Social media: an answer within the working hour. E-mail and reports: two working days."""
    rows = [Policy("Urgent, elk kanaal", "24/7", priority="urgent", first_response=30, next_response=60, resolution=480)]
    for platform in SOCIAL:
        rows.append(Policy(f"{platform}, hoog", "kantoortijden", platform=platform, priority="high",
                           first_response=30, next_response=30, resolution=960))
        rows.append(Policy(f"{platform}", "kantoortijden", platform=platform,
                           first_response=60, next_response=120, resolution=2400))
    rows.append(Policy("Hoog, overige kanalen", "kantoortijden", priority="high",
                       first_response=240, next_response=240, resolution=1440))
    rows.append(Policy("Laag, overige kanalen", "kantoortijden", priority="low",
                       first_response=1440, next_response=1440, resolution=7200))
    rows.append(Policy("E-mail en meldingen", "kantoortijden",
                       first_response=960, next_response=960, resolution=4800))
    return tuple(rows)


DEFAULT_POLICIES: tuple[Policy, ...] = _defaults()


@dataclass(frozen=True, slots=True)
class TargetsConfig:
    """Calendars (besides the built-ins) and policies, as stored or as read from a file."""

    calendars: tuple[Calendar, ...] = ()
    policies: tuple[Policy, ...] = ()
    defaults: bool = False  # the policies are DEFAULT_POLICIES because none are stored
    _by_name: dict = field(default_factory=dict, compare=False, repr=False)

    def calendar(self, name: str) -> Calendar:
        if name not in self._by_name:
            self._by_name.update(BUILTINS)
            self._by_name.update({c.name: c for c in self.calendars})
        try:
            return self._by_name[name]
        except KeyError:
            raise ValueError(f"there is no calendar {name!r}") from None

    def policy_for(self, platform: str, priority: str, tags: frozenset[str]) -> Policy | None:
        key = (platform, priority, tags)
        memo = self._by_name.setdefault("\0policies", {})
        try:
            return memo[key]
        except KeyError:
            pass
        found = next((p for p in self.policies if p.matches(platform, priority, tags)), None)
        if len(memo) < 10_000:
            memo[key] = found
        return found


# -- reading and validating ----------------------------------------------------------


def _minutes(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where}: expected a whole number of business minutes, got {value!r}")
    if not 0 <= value <= MAX_MINUTES:
        raise ValueError(f"{where}: {value} minutes is out of range (0 to {MAX_MINUTES})")
    return value


def policy_from_dict(data: Mapping, where: str, calendars: Iterable[str]) -> list[Policy]:
    """One policy table; `platform` and `priority` may be lists, which expand to one policy each."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a table, got {type(data).__name__}")
    unknown = set(data) - {"name", "platform", "priority", "tag", "calendar", *KINDS}
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        raise ValueError(f"{where}: a policy needs a name of 1 to 200 characters")
    where = f"policy {name!r}"
    calendar = data.get("calendar", "kantoortijden")
    if calendar not in set(calendars):
        raise ValueError(f"{where}: there is no calendar {calendar!r} (known: {', '.join(sorted(set(calendars)))})")

    def options(key: str, allowed: tuple[str, ...]) -> list[str | None]:
        value = data.get(key)
        if value is None or value == "any":
            return [None]
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v not in allowed:
                raise ValueError(f"{where}: {key} {v!r} is not one of {', '.join(allowed)}")
        return list(values)

    tag = data.get("tag")
    if tag is not None and (not isinstance(tag, str) or not tag.strip() or len(tag) > 64):
        raise ValueError(f"{where}: tag must be a tag name")
    targets = {kind: _minutes(data.get(kind), f"{where}: {kind}") for kind in KINDS}
    if all(v is None for v in targets.values()):
        raise ValueError(f"{where}: give at least one target ({', '.join(KINDS)})")
    out = []
    for platform in options("platform", PLATFORMS):
        for priority in options("priority", PRIORITIES):
            out.append(Policy(name, calendar, platform, priority, tag.strip().lower() if tag else None, **targets))
    return out


def config_from_dict(data: Mapping) -> TargetsConfig:
    """Calendars and policies from the parsed TOML document; ValueError names what is wrong."""
    unknown = set(data) - {"calendar", "policy"}
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(sorted(unknown))}; expected [[calendar]] and [[policy]]")
    raw_calendars = data.get("calendar", [])
    raw_policies = data.get("policy", [])
    if not isinstance(raw_calendars, list) or not isinstance(raw_policies, list):
        raise ValueError("write calendars as [[calendar]] and policies as [[policy]]")
    calendars = []
    names = set(BUILTINS)
    for n, raw in enumerate(raw_calendars, 1):
        calendar = Calendar.from_dict(raw)
        if calendar.name in names:
            raise ValueError(f"calendar {calendar.name!r} (number {n}) is defined twice or is a built-in")
        names.add(calendar.name)
        calendars.append(calendar)
    policies: list[Policy] = []
    for n, raw in enumerate(raw_policies, 1):
        policies.extend(policy_from_dict(raw, f"policy number {n}", names))
    if not policies:
        raise ValueError("the file has no [[policy]]; without policies no case would get a clock")
    return TargetsConfig(tuple(calendars), tuple(policies))


def load_toml(text: str) -> TargetsConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"not valid TOML: {error}") from None
    return config_from_dict(data)


# -- writing ---------------------------------------------------------------------


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def dump_toml(config: TargetsConfig) -> str:
    """The TOML document `load_toml` reads back to the same config."""
    lines = [
        "# Newsroom response targets: calendars and policies (see docs/RESPONSE_TARGETS.md).",
        "# Built-in calendars: kantoortijden (Mon-Fri 09:00-17:00 Europe/Amsterdam, NL holidays) and 24/7.",
        "# Policies are tried in order; the first whose platform, priority and tag match gives the targets,",
        "# in business minutes on its calendar.",
        "",
    ]
    for calendar in config.calendars:
        data = calendar.to_dict()
        lines.append("[[calendar]]")
        hours = data.pop("hours", None)
        for key, value in data.items():
            if value is None:
                continue  # TOML has no null: a missing 'holidays' means none
            lines.append(f"{key} = {_toml_value(value)}")
        if hours is not None:
            lines.append("[calendar.hours]")
            for day, intervals in hours.items():
                lines.append(f"{day} = {_toml_value(intervals)}")
        lines.append("")
    for policy in config.policies:
        lines.append("[[policy]]")
        for key, value in policy.to_dict().items():
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)
