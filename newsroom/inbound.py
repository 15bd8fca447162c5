"""The inbound item: one citizen message as the importer and every connector hand it over.

`parse_item` validates a decoded JSON object and returns an `InboundItem`,
or raises `InvalidItem` with a reason a person can act on. Nothing here
touches the database.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime

import orjson

from newsroom.model import Platform
from newsroom.timeutil import parse_instant

PLATFORMS = frozenset(p.value for p in Platform)
MAX_TEXT_CHARS = 2_000_000  # a 1 MB message is normal e-mail; this is a guard, not a target
MAX_ID_CHARS = 512
MAX_FIELD_CHARS = 320


class InvalidItem(ValueError):
    """An inbound item that cannot be stored; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Author:
    id: str | None = None
    handle: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    @property
    def label(self) -> str:
        """How the author is shown in the inbox: name, else handle, else e-mail, else id."""
        return self.name or self.handle or self.email or self.phone or self.id or ""


@dataclass(frozen=True, slots=True)
class InboundItem:
    platform: str
    channel: str
    external_id: str
    author: Author
    text: str
    received_at: datetime
    in_reply_to: str | None = None
    thread_id: str | None = None
    subject: str | None = None
    url: str | None = None
    language: str | None = None
    category: str | None = None
    location: dict | None = None
    metrics: dict | None = None
    raw: object = None

    def raw_json(self) -> str:
        """The platform payload as stored (the whole item when no `raw` was given)."""
        return dumps(self.raw)


def dumps(value) -> str:
    """Compact JSON text; orjson when it can (5-10x faster), the standard library otherwise."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # e.g. integers beyond 64 bits, non-string keys, lone surrogates
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def loads(data: bytes | str):
    """Parse JSON; orjson first, the standard library for what orjson refuses but JSON allows."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str, key: str) -> str:
    # A lone UTF-16 half ("\\ud800" in JSON) is valid JSON but not text; no database can store it.
    if _SURROGATE.search(value):
        raise InvalidItem(f"'{key}' contains an invalid character (a lone UTF-16 surrogate)")
    return value


def _opt_str(obj: dict, key: str, limit: int = MAX_FIELD_CHARS) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is not str:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InvalidItem(f"'{key}' must be a string")
        value = str(value)
    if len(value) > limit:
        raise InvalidItem(f"'{key}' is longer than {limit} characters")
    if "\x00" in value:
        raise InvalidItem(f"'{key}' contains a NUL character")
    return _no_surrogates(value, key) or None


def _location(value: object) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidItem("'location' must be an object with lat, lon and/or address")
    out: dict = {}
    for key in ("lat", "lon"):
        number = value.get(key)
        if number is None:
            continue
        try:
            finite = not isinstance(number, bool) and isinstance(number, (int, float)) and math.isfinite(number)
        except OverflowError:
            finite = False
        if not finite:
            raise InvalidItem(f"'location.{key}' must be a number")
        if key == "lat" and not -90 <= number <= 90 or key == "lon" and not -180 <= number <= 180:
            raise InvalidItem(f"'location.{key}' is out of range")
        out[key] = float(number)
    address = value.get("address")
    if address is not None:
        if not isinstance(address, str):
            raise InvalidItem("'location.address' must be a string")
        out["address"] = address[:MAX_FIELD_CHARS]
    return out or None


def _metrics(value: object) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidItem("'metrics' must be an object with likes, reposts and replies")
    out = {}
    for key in ("likes", "reposts", "replies"):
        number = value.get(key)
        if number is None:
            continue
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise InvalidItem(f"'metrics.{key}' must be a whole number, 0 or more")
        out[key] = number
    return out or None


def parse_item(obj: object) -> InboundItem:
    """Validate one decoded inbound object; raise `InvalidItem` with the reason."""
    if not isinstance(obj, dict):
        raise InvalidItem("each line must be a JSON object")
    platform = obj.get("platform")
    if not isinstance(platform, str) or platform not in PLATFORMS:
        raise InvalidItem(
            f"'platform' must be one of {', '.join(sorted(PLATFORMS))} (got {str(platform)[:40]!r})"
        )
    channel = _opt_str(obj, "channel")
    if not channel:
        raise InvalidItem("'channel' is missing (the account the message arrived on)")
    external_id = _opt_str(obj, "external_id", MAX_ID_CHARS)
    if not external_id:
        raise InvalidItem("'external_id' is missing")
    author_obj = obj.get("author")
    if not isinstance(author_obj, dict):
        raise InvalidItem("'author' must be an object with at least one of id, handle, name")
    author = Author(
        id=_opt_str(author_obj, "id"),
        handle=_opt_str(author_obj, "handle"),
        name=_opt_str(author_obj, "name"),
        email=_opt_str(author_obj, "email"),
        phone=_opt_str(author_obj, "phone", 64),
    )
    if not (author.id or author.handle or author.name):
        raise InvalidItem("'author' needs at least one of id, handle, name")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InvalidItem("'text' must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidItem(f"'text' is longer than {MAX_TEXT_CHARS} characters")
    if "\x00" in text:
        # SQLite and PostgreSQL disagree on NUL in text; keep it out of both.
        text = text.replace("\x00", "\ufffd")
    _no_surrogates(text, "text")
    received = obj.get("received_at")
    try:
        received_at = parse_instant(received)
    except (ValueError, TypeError, OverflowError):
        raise InvalidItem(
            f"'received_at' must be an ISO-8601 time with an offset, e.g. 2026-11-27T09:15:00+01:00 "
            f"(got {str(received)[:40]!r})"
        ) from None
    language = _opt_str(obj, "language", 16)
    return InboundItem(
        platform=platform,
        channel=channel,
        external_id=external_id,
        author=author,
        text=text,
        received_at=received_at,
        in_reply_to=_opt_str(obj, "in_reply_to", MAX_ID_CHARS),
        thread_id=_opt_str(obj, "thread_id", MAX_ID_CHARS),
        subject=_opt_str(obj, "subject", 2000),
        url=_opt_str(obj, "url", 2000),
        language=language.lower() if language else None,
        category=_opt_str(obj, "category", 200),
        location=_location(obj.get("location")),
        metrics=_metrics(obj.get("metrics")),
        raw=obj.get("raw", obj),
    )
