"""Instants: always timezone-aware, stored and compared in UTC."""
from __future__ import annotations

from datetime import UTC, datetime

UTC = UTC


def utcnow() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def parse_instant(value: str) -> datetime:
    """Parse an ISO-8601 instant that carries an offset; return it in UTC.

    A time without an offset is refused: guessing the zone of a citizen's
    message would shift response-time clocks by an hour or two.
    """
    if not isinstance(value, str):
        raise ValueError("expected an ISO-8601 string")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("the time has no UTC offset")
    return dt.astimezone(UTC)


def to_iso(dt: datetime | None) -> str | None:
    """Format an instant as ISO-8601 in UTC with a 'Z' suffix."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")
