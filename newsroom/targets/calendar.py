"""Business-time calendars: when a response target falls due.

A calendar is a time zone, weekly opening intervals in wall-clock time
(several per day allowed), public holidays from the `holidays` package and
extra closure dates (and, optionally, closed wall-clock intervals); or it is
always open (24/7). The exact semantics are in docs/RESPONSE_TARGETS.md; in
short:

* A real instant is *open* when, at that instant, the calendar's wall clock
  shows a time inside an opening interval of that weekday, on a date that is
  not closed. Business time is real elapsed time while open, so an opening
  interval that spans a daylight-saving change counts the real minutes the
  wall clock spends inside it (00:00-24:00 is 23 hours on the spring-forward
  day and 25 hours on the fall-back day). 24/7 counts every real minute.
* Intervals are half-open: open at 09:00:00, closed at 17:00:00.
* ``due(start, m)``: the first instant at which the business time elapsed
  since ``start`` reaches ``m`` minutes. A start outside opening hours counts
  from the next opening, so ``due(start, 0)`` is ``start`` when open and the
  next opening otherwise. A target that is used up exactly at a closing time
  is due *at* that closing time (09:00 + 480 minutes is 17:00 the same day).
* ``elapsed(start, end)``: business minutes in ``[start, end)``; 0.0 when
  ``end <= start``. ``elapsed(s, due(s, m)) == m``.

Instants go in as aware datetimes (any zone) and come out in UTC, exact to
the microsecond. Internally everything is integer microseconds since the
epoch: per UTC year the opening intervals are computed once (lazily, cached)
and concatenated into one sorted table with cumulative business time, so
``due`` and ``elapsed`` are two bisections.
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import numbers
import random
import re
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from newsroom.targets.holidays_nl import FIRST as _NL_FIRST
from newsroom.targets.holidays_nl import LAST as _NL_LAST
from newsroom.targets.holidays_nl import YEARS as _NL_YEARS

__all__ = [
    "ALWAYS",
    "BUILTINS",
    "DEFAULT_TIMEZONE",
    "KANTOORTIJDEN",
    "Calendar",
    "bench_due",
    "builtin",
]

UTC = UTC
DEFAULT_TIMEZONE = "Europe/Amsterdam"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_US_PER_SECOND = 1_000_000
_US_PER_MINUTE = 60_000_000
_US_PER_DAY = 86_400_000_000
# Offsets are sampled this often to find the zone's transitions; a zone
# changing its offset twice within 6 hours would be missed (none does).
_SAMPLE_US = 6 * 3_600_000_000
# How far past an instant we look for an opening before calling a calendar
# closed for good (only possible with closures covering every opening).
_SEARCH_YEARS = 12
_MIN_YEAR, _MAX_YEAR = 1971, 9998

_TIME = re.compile(r"^(\d\d):(\d\d)$")
_INTERVAL_FIELDS = {"name", "timezone", "hours", "holidays", "closed", "closed_intervals"}
_ALWAYS_FIELDS = {"name", "timezone", "always_open"}


# -- instants ----------------------------------------------------------------

def _to_us(value: object, field: str) -> int:
    """An aware datetime as integer microseconds since the epoch (UTC), exactly."""
    if type(value) is datetime:
        tz = value.tzinfo
        if type(tz) is ZoneInfo or tz is UTC:
            # Fast path: these zones have whole-second offsets, so rounding the
            # float timestamp without its microseconds gives the exact second.
            micro = value.microsecond
            return round(value.timestamp() - micro * 1e-6) * _US_PER_SECOND + micro
    if not isinstance(value, datetime):
        raise ValueError(f"{field}: expected an aware datetime, got {type(value).__name__}")
    if value.utcoffset() is None:
        raise ValueError(f"{field}: the datetime has no time zone (naive); give an aware datetime")
    d = value - _EPOCH
    return (d.days * 86_400 + d.seconds) * _US_PER_SECOND + d.microseconds


_fromtimestamp = datetime.fromtimestamp


def _from_us(us: int) -> datetime:
    """Microseconds since the epoch as an aware UTC datetime."""
    seconds, micro = divmod(us, _US_PER_SECOND)
    try:
        value = _fromtimestamp(seconds, UTC)
    except (OverflowError, ValueError, OSError):
        raise ValueError("the instant falls outside the years 1-9999") from None
    return value.replace(microsecond=micro) if micro else value


def _minutes_to_us(minutes: object) -> int:
    if type(minutes) is int and minutes >= 0:
        return minutes * _US_PER_MINUTE
    if isinstance(minutes, bool) or not isinstance(minutes, numbers.Real):
        raise ValueError(f"minutes: expected a number, got {type(minutes).__name__}")
    if isinstance(minutes, int):
        if minutes < 0:
            raise ValueError(f"minutes: must be >= 0, got {minutes}")
        return minutes * _US_PER_MINUTE
    value = float(minutes)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"minutes: must be a finite number >= 0, got {minutes!r}")
    # Whole microseconds: exact for whole minutes and anything to the microsecond.
    return round(minutes * _US_PER_MINUTE)


# -- parsing -----------------------------------------------------------------

def _parse_time(text: str, field: str, *, end: bool) -> int:
    m = _TIME.match(text)
    if not m:
        raise ValueError(f"{field}: {text!r} is not a time HH:MM (minute resolution)")
    h, mi = int(m.group(1)), int(m.group(2))
    if end and (h, mi) == (24, 0):
        return 1440
    if h > 23 or mi > 59:
        raise ValueError(f"{field}: {text!r} is not a time of day (00:00-23:59{', or 24:00 as an end' if end else ''})")
    return h * 60 + mi


def _parse_interval(value: object, field: str) -> tuple[int, int]:
    if isinstance(value, str):
        parts = value.split("-")
        if len(parts) != 2:
            raise ValueError(f"{field}: {value!r} is not an interval 'HH:MM-HH:MM'")
        a_text, b_text = (p.strip() for p in parts)
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, str) for v in value):
        a_text, b_text = value
    else:
        raise ValueError(f"{field}: {value!r} is not an interval 'HH:MM-HH:MM'")
    a = _parse_time(a_text, field, end=False)
    b = _parse_time(b_text, field, end=True)
    if a >= b:
        raise ValueError(f"{field}: {a_text}-{b_text}: the start must be before the end")
    return a, b


def _fmt_minute(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def _parse_hours(hours: object) -> tuple[tuple[tuple[int, int], ...], ...]:
    if not isinstance(hours, Mapping):
        raise ValueError(f"hours: expected a mapping of day ('mon'..'sun') to a list of 'HH:MM-HH:MM', got {type(hours).__name__}")
    week: list[tuple[tuple[int, int], ...]] = [() for _ in DAYS]
    for key, intervals in hours.items():
        if key not in DAYS:
            raise ValueError(f"hours: unknown day {key!r}; use {', '.join(DAYS)}")
        field = f"hours.{key}"
        if isinstance(intervals, str) or not isinstance(intervals, Iterable):
            raise ValueError(f"{field}: expected a list of 'HH:MM-HH:MM', got {intervals!r}")
        parsed = [_parse_interval(iv, f"{field}[{n}]") for n, iv in enumerate(intervals)]
        parsed.sort()
        for (a1, b1), (a2, b2) in itertools.pairwise(parsed):
            if a2 < b1:
                raise ValueError(
                    f"{field}: {_fmt_minute(a1)}-{_fmt_minute(b1)} and {_fmt_minute(a2)}-{_fmt_minute(b2)} overlap"
                )
        week[DAYS.index(key)] = tuple(parsed)
    if not any(week):
        raise ValueError("hours: a calendar needs at least one opening interval (or always_open)")
    return tuple(week)


def _parse_date(value: object, field: str) -> date:
    if isinstance(value, datetime):
        raise ValueError(f"{field}: {value!r} is a datetime; give a date 'YYYY-MM-DD'")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{field}: {value!r} is not a date 'YYYY-MM-DD'")


def _parse_wall(value: object, field: str) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{field}: {value!r} is not a local date-time 'YYYY-MM-DDTHH:MM'") from None
    if not isinstance(value, datetime):
        raise ValueError(f"{field}: {value!r} is not a local date-time 'YYYY-MM-DDTHH:MM'")
    if value.tzinfo is not None:
        raise ValueError(f"{field}: {value.isoformat()} has a UTC offset; closed intervals are wall-clock times "
                         "in the calendar's zone, without an offset")
    if value.second or value.microsecond:
        raise ValueError(f"{field}: {value.isoformat()}: closed intervals have minute resolution")
    return value


def _parse_closed_interval(value: object, field: str) -> tuple[datetime, datetime]:
    if isinstance(value, str):
        parts = value.split("/")
        if len(parts) != 2:
            raise ValueError(f"{field}: {value!r} is not 'YYYY-MM-DDTHH:MM/YYYY-MM-DDTHH:MM'")
    elif isinstance(value, (tuple, list)) and len(value) == 2:
        parts = list(value)
    else:
        raise ValueError(f"{field}: {value!r} is not 'YYYY-MM-DDTHH:MM/YYYY-MM-DDTHH:MM'")
    a = _parse_wall(parts[0], field)
    b = _parse_wall(parts[1], field)
    if a >= b:
        raise ValueError(f"{field}: {a.isoformat()}/{b.isoformat()}: the start must be before the end")
    return a, b


def _wall_us(naive: datetime) -> int:
    """A naive wall-clock date-time as microseconds on the 'local epoch' axis."""
    d = naive - datetime(1970, 1, 1)
    return (d.days * 86_400 + d.seconds) * _US_PER_SECOND + d.microseconds


# -- the calendar ------------------------------------------------------------

class Calendar:
    """A business-time calendar; immutable after construction.

    ``Calendar(name, hours={...})`` or ``Calendar(name, always_open=True)``.
    ``hours`` maps 'mon'..'sun' to lists of 'HH:MM-HH:MM' wall-clock intervals
    (minute resolution, start < end, no overlaps, '24:00' allowed as an end;
    days left out are closed). ``holidays`` is a country code of the
    `holidays` package ('NL') or None; ``closed`` are extra closed dates;
    ``closed_intervals`` are extra closed wall-clock ranges
    'YYYY-MM-DDTHH:MM/YYYY-MM-DDTHH:MM' in the calendar's zone.
    """

    def __init__(
        self,
        name: str,
        *,
        timezone: str = DEFAULT_TIMEZONE,
        hours: Mapping[str, Iterable[str]] | None = None,
        holidays: str | None = None,
        closed: Iterable[date | str] = (),
        closed_intervals: Iterable[str | tuple] = (),
        always_open: bool = False,
    ) -> None:
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"name: a calendar needs a non-empty name, got {name!r}")
        self._name = name
        if not isinstance(timezone, str) or not timezone:
            raise ValueError(f"timezone: expected an IANA zone name such as 'Europe/Amsterdam', got {timezone!r}")
        try:
            self._zone = ZoneInfo(timezone)
        except Exception:  # ZoneInfoNotFoundError, ValueError for odd keys
            raise ValueError(f"timezone: unknown time zone {timezone!r} (expected an IANA name such as "
                             "'Europe/Amsterdam')") from None
        self._timezone = timezone
        if not isinstance(always_open, bool):
            raise ValueError(f"always_open: expected true or false, got {always_open!r}")
        self._always_open = always_open
        closed = list(closed)
        closed_intervals = list(closed_intervals)
        if always_open:
            extra = [f for f, v in (("hours", hours), ("holidays", holidays), ("closed", closed),
                                    ("closed_intervals", closed_intervals)) if v]
            if extra:
                raise ValueError(f"always_open: a 24/7 calendar has no {', '.join(extra)}; for 24/7 with "
                                 "closures use hours 00:00-24:00 on every day")
            self._week: tuple[tuple[tuple[int, int], ...], ...] = ()
        else:
            if hours is None:
                raise ValueError("hours: a calendar needs opening hours (or always_open)")
            self._week = _parse_hours(hours)
        if holidays is not None and holidays is not False and holidays != "":
            if not isinstance(holidays, str):
                raise ValueError(f"holidays: expected a country code such as 'NL' or null, got {holidays!r}")
            try:
                if holidays != "NL":  # NL, the built-in's, is known good; the package costs 0.2 s to import
                    import holidays as _holidays

                    _holidays.country_holidays(holidays, years=2026)
            except NotImplementedError:
                raise ValueError(f"holidays: the holidays package has no country {holidays!r} (use 'NL')") from None
            self._holidays: str | None = holidays
        else:
            self._holidays = None
        self._closed = frozenset(_parse_date(v, f"closed[{n}]") for n, v in enumerate(closed))
        walls = sorted(_parse_closed_interval(v, f"closed_intervals[{n}]") for n, v in enumerate(closed_intervals))
        self._closed_walls = tuple(walls)
        self._closed_wall_us = tuple((_wall_us(a), _wall_us(b)) for a, b in walls)

        self._lock = threading.Lock()
        self._year_cache: dict[int, list[tuple[int, int]]] = {}
        self._holiday_cache: dict[int, dict[date, str]] = {}
        # (lo, hi, starts, ends, cum, cumend, first_year, last_year); lo > hi = empty.
        self._table: tuple = (1, 0, [], [], [], [], 0, -1)

    # -- identity --------------------------------------------------------

    @property
    def name(self) -> str:
        return self._name

    @property
    def timezone(self) -> str:
        return self._timezone

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    @property
    def always_open(self) -> bool:
        return self._always_open

    @property
    def holidays(self) -> str | None:
        return self._holidays

    @property
    def closed(self) -> frozenset[date]:
        return self._closed

    def hours(self) -> dict[str, list[str]]:
        """The weekly opening intervals as {'mon': ['09:00-17:00'], ...} (open days only)."""
        return {
            DAYS[i]: [f"{_fmt_minute(a)}-{_fmt_minute(b)}" for a, b in day]
            for i, day in enumerate(self._week) if day
        }

    def to_dict(self) -> dict:
        """A plain dict in the shape `from_dict` reads (see docs/RESPONSE_TARGETS.md)."""
        if self._always_open:
            out: dict = {"name": self._name, "always_open": True}
            if self._timezone != DEFAULT_TIMEZONE:
                out["timezone"] = self._timezone
            return out
        out = {
            "name": self._name,
            "timezone": self._timezone,
            "hours": self.hours(),
            "holidays": self._holidays,
            "closed": sorted(d.isoformat() for d in self._closed),
        }
        if self._closed_walls:
            out["closed_intervals"] = [
                f"{a.isoformat(timespec='minutes')}/{b.isoformat(timespec='minutes')}" for a, b in self._closed_walls
            ]
        return out

    @classmethod
    def from_dict(cls, data: Mapping) -> Calendar:
        """Read the shape `to_dict` writes; a ValueError names the offending field.

        A missing 'holidays' means none (TOML has no null); a missing
        'timezone' means Europe/Amsterdam; a missing 'closed' means none.
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"calendar: expected a mapping, got {type(data).__name__}")
        label = f"calendar {data.get('name')!r}" if isinstance(data.get("name"), str) else "calendar"
        if "name" not in data:
            raise ValueError(f"{label}: name: missing")
        always = data.get("always_open", False)
        allowed = _ALWAYS_FIELDS if always is True else _INTERVAL_FIELDS | {"always_open"}
        for key in data:
            if key not in allowed:
                if always is True and key in _INTERVAL_FIELDS:
                    raise ValueError(f"{label}: {key}: a 24/7 calendar (always_open) has no {key}")
                raise ValueError(f"{label}: unknown field {key!r}; expected one of {', '.join(sorted(allowed))}")
        try:
            if always is True:
                return cls(data["name"], timezone=data.get("timezone", DEFAULT_TIMEZONE), always_open=True)
            if always is not False:
                raise ValueError(f"always_open: expected true or false, got {always!r}")
            if "hours" not in data:
                raise ValueError("hours: missing (or set always_open = true)")
            closed = data.get("closed", ())
            if isinstance(closed, str) or not isinstance(closed, (list, tuple)):
                raise ValueError(f"closed: expected a list of dates 'YYYY-MM-DD', got {closed!r}")
            closed_intervals = data.get("closed_intervals", ())
            if isinstance(closed_intervals, str) or not isinstance(closed_intervals, (list, tuple)):
                raise ValueError(f"closed_intervals: expected a list of 'YYYY-MM-DDTHH:MM/YYYY-MM-DDTHH:MM', "
                                 f"got {closed_intervals!r}")
            return cls(
                data["name"],
                timezone=data.get("timezone", DEFAULT_TIMEZONE),
                hours=data["hours"],
                holidays=data.get("holidays"),
                closed=closed,
                closed_intervals=closed_intervals,
            )
        except ValueError as exc:
            if str(exc).startswith(label):
                raise
            raise ValueError(f"{label}: {exc}") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Calendar):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    def __repr__(self) -> str:
        return f"Calendar({self.to_dict()!r})"

    # -- closed dates ----------------------------------------------------

    def _holidays_of(self, year: int) -> dict[date, str]:
        cached = self._holiday_cache.get(year)
        if cached is None:
            if self._holidays is None:
                cached = {}
            elif self._holidays == "NL" and _NL_FIRST <= year <= _NL_LAST:
                # From the generated table: importing the package costs a desk 0.2-0.5 s at start.
                cached = {date(year, month, day): name for month, day, name in _NL_YEARS[year]}
            else:
                import holidays as _holidays  # only when a year's table is first built

                cached = dict(_holidays.country_holidays(self._holidays, years=year, language="nl").items())
            self._holiday_cache[year] = cached
        return cached

    def closed_dates(self, year: int) -> dict[date, str]:
        """The whole dates of `year` this calendar is closed on, with the reason.

        Public holidays carry their Dutch name from the `holidays` package,
        extra closures say 'gesloten'. Weekly closed days are not listed.
        """
        out = {d: n for d, n in self._holidays_of(year).items()}
        for d in self._closed:
            if d.year == year:
                out.setdefault(d, "gesloten")
        return dict(sorted(out.items()))

    def _date_closed(self, d: date) -> bool:
        return d in self._closed or d in self._holidays_of(d.year)

    # -- the per-year interval tables ------------------------------------

    def _offset_us(self, us: int) -> int:
        off = (_EPOCH + timedelta(microseconds=us)).astimezone(self._zone).utcoffset()
        return (off.days * 86_400 + off.seconds) * _US_PER_SECOND + off.microseconds

    def _offset_pieces(self, u0: int, u1: int) -> list[tuple[int, int, int]]:
        """[u0, u1) split into pieces of constant UTC offset: (start, end, offset)."""
        pieces = []
        start, off = u0, self._offset_us(u0)
        probe = u0
        while True:
            nxt = min(probe + _SAMPLE_US, u1 - 1)
            off_n = self._offset_us(nxt)
            if off_n != off:
                # The first whole second in (probe, nxt] with another offset
                # (zones change their offsets at whole seconds).
                lo, hi = probe // _US_PER_SECOND, nxt // _US_PER_SECOND
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if self._offset_us(mid * _US_PER_SECOND) == off:
                        lo = mid
                    else:
                        hi = mid
                change = hi * _US_PER_SECOND
                pieces.append((start, change, off))
                start, off, probe = change, self._offset_us(change), change
                continue
            if nxt >= u1 - 1:
                break
            probe = nxt
        pieces.append((start, u1, off))
        return pieces

    def _year_intervals(self, year: int) -> list[tuple[int, int]]:
        """The open UTC intervals within UTC year `year`, sorted and merged."""
        cached = self._year_cache.get(year)
        if cached is not None:
            return cached
        u0 = _to_us(datetime(year, 1, 1, tzinfo=UTC), "year")
        u1 = _to_us(datetime(year + 1, 1, 1, tzinfo=UTC), "year")
        raw: list[tuple[int, int]] = []
        walls = self._closed_wall_us
        for p0, p1, off in self._offset_pieces(u0, u1):
            w0, w1 = p0 + off, p1 + off  # this piece on the wall-clock axis
            for day_no in range(w0 // _US_PER_DAY, (w1 - 1) // _US_PER_DAY + 1):
                d = date.fromordinal(_EPOCH_ORDINAL + day_no)
                if self._date_closed(d):
                    continue
                base = day_no * _US_PER_DAY
                for a, b in self._week[d.weekday()]:
                    lo = max(base + a * _US_PER_MINUTE, w0)
                    hi = min(base + b * _US_PER_MINUTE, w1)
                    if lo >= hi:
                        continue
                    segments = [(lo, hi)]
                    for ca, cb in walls:
                        if cb <= lo or ca >= hi:
                            continue
                        cut = []
                        for s, e in segments:
                            if s < ca:
                                cut.append((s, min(e, ca)))
                            if e > cb:
                                cut.append((max(s, cb), e))
                        segments = [(s, e) for s, e in cut if s < e]
                    raw.extend((s - off, e - off) for s, e in segments)
        raw.sort()
        merged: list[tuple[int, int]] = []
        for s, e in raw:
            if merged and s <= merged[-1][1]:
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        self._year_cache[year] = merged
        return merged

    def _build(self, first: int, last: int) -> tuple:
        starts: list[int] = []
        ends: list[int] = []
        for y in range(first, last + 1):
            for s, e in self._year_intervals(y):
                if ends and s == ends[-1]:  # joins across a year boundary
                    ends[-1] = e
                else:
                    starts.append(s)
                    ends.append(e)
        cum: list[int] = []
        cumend: list[int] = []
        total = 0
        for s, e in zip(starts, ends):
            cum.append(total)
            total += e - s
            cumend.append(total)
        lo = _to_us(datetime(first, 1, 1, tzinfo=UTC), "year")
        hi = _to_us(datetime(last + 1, 1, 1, tzinfo=UTC), "year")
        return (lo, hi, starts, ends, cum, cumend, first, last)

    def _cover(self, us: int) -> tuple:
        """The table, extended so that it covers instant `us`."""
        with self._lock:
            table = self._table
            if table[0] <= us < table[1]:
                return table
            year = _from_us(us).year
            if not _MIN_YEAR <= year <= _MAX_YEAR:
                raise ValueError(f"instant {_from_us(us).isoformat()} is outside the years {_MIN_YEAR}-{_MAX_YEAR}")
            first, last = table[6], table[7]
            if first > last:
                first = last = year
            first, last = min(first, year), max(last, year)
            self._table = table = self._build(first, last)
            return table

    def _extend(self, table: tuple, after: int) -> tuple:
        """The table, extended by one year past its end; ValueError when no opening is near."""
        with self._lock:
            if self._table[7] > table[7]:
                return self._table
            last = table[7] + 1
            if last > _MAX_YEAR:
                raise ValueError("the due time falls beyond the year 9999")
            if last - _from_us(after).year > _SEARCH_YEARS and (not table[2] or table[3][-1] <= after):
                raise ValueError(f"calendar {self._name!r} has no opening hours in the {_SEARCH_YEARS} years after "
                                 f"{_from_us(after).isoformat()}")
            self._table = table = self._build(table[6], last)
            return table

    # -- the arithmetic --------------------------------------------------

    def due(self, start: datetime, minutes: float) -> datetime:
        """The instant (UTC) at which `minutes` of business time have elapsed since `start`.

        A start outside opening hours counts from the next opening: with
        0 minutes that is the next opening; inside opening hours, `start`.
        """
        return _from_us(self.due_us(_to_us(start, "start"), _minutes_to_us(minutes)))

    def due_us(self, t: int, m: int) -> int:
        """`due` on integer microseconds since the epoch (instant `t`, `m` business microseconds)."""
        if self._always_open:
            return t + m
        table = self._table
        if not table[0] <= t < table[1]:
            table = self._cover(t)
        while True:
            starts = table[2]
            i = bisect.bisect_right(starts, t) - 1
            if i >= 0 and t < table[3][i]:
                target = table[4][i] + (t - starts[i]) + m
            else:
                i += 1
                if i == len(starts):
                    table = self._extend(table, t)
                    continue
                target = table[4][i] + m
            cumend = table[5]
            j = bisect.bisect_left(cumend, target, i)
            if j == len(cumend):
                table = self._extend(table, t)
                continue
            return starts[j] + (target - table[4][j])

    def elapsed(self, start: datetime, end: datetime) -> float:
        """Business minutes in [start, end); 0.0 when `end` is not after `start`."""
        return self.elapsed_us(_to_us(start, "start"), _to_us(end, "end")) / _US_PER_MINUTE

    def elapsed_us(self, s: int, e: int) -> int:
        """`elapsed` on integer microseconds since the epoch, in business microseconds."""
        if e <= s:
            return 0
        if self._always_open:
            return e - s
        table = self._table
        if not (table[0] <= s < table[1] and table[0] <= e < table[1]):
            self._cover(s)
            table = self._cover(e)
        return self._position(table, e) - self._position(table, s)

    @staticmethod
    def _position(table: tuple, t: int) -> int:
        """Business microseconds from the table's start to instant t."""
        starts = table[2]
        i = bisect.bisect_right(starts, t) - 1
        if i < 0:
            return 0
        return table[4][i] + min(t, table[3][i]) - starts[i]

    def is_open(self, t: datetime) -> bool:
        """Whether the calendar is open at instant t (intervals are half-open)."""
        u = _to_us(t, "t")
        if self._always_open:
            return True
        table = self._table
        if not table[0] <= u < table[1]:
            table = self._cover(u)
        i = bisect.bisect_right(table[2], u) - 1
        return i >= 0 and u < table[3][i]

    def next_open(self, t: datetime) -> datetime:
        """`t` in UTC when open, otherwise the next opening (UTC)."""
        return self.due(t, 0)

    def next_close(self, t: datetime) -> datetime | None:
        """The end (UTC) of the opening interval that contains or follows `t`; None for 24/7."""
        if self._always_open:
            _to_us(t, "t")
            return None
        u = _to_us(self.due(t, 0), "t")
        table = self._cover(u)
        i = bisect.bisect_right(table[2], u) - 1
        return _from_us(table[3][i])


# -- built-ins ---------------------------------------------------------------

KANTOORTIJDEN = Calendar(
    "kantoortijden",
    timezone=DEFAULT_TIMEZONE,
    hours={day: ["09:00-17:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
    holidays="NL",
)
ALWAYS = Calendar("24/7", always_open=True)
BUILTINS: dict[str, Calendar] = {KANTOORTIJDEN.name: KANTOORTIJDEN, ALWAYS.name: ALWAYS}


def builtin(name: str) -> Calendar:
    """The built-in calendar `name` ('kantoortijden' or '24/7'); ValueError otherwise."""
    try:
        return BUILTINS[name]
    except (KeyError, TypeError):
        raise ValueError(f"calendar: no built-in calendar {name!r}; built-ins are "
                         f"{', '.join(repr(n) for n in BUILTINS)}") from None


# -- speed -------------------------------------------------------------------

def bench_due(n: int = 200_000, calendar: Calendar | None = None, *, seed: int = 1) -> dict:
    """Time `n` `due` (and `elapsed`) computations in-process; returns rates per second.

    Starts are random instants in 2026 (to the second, in Europe/Amsterdam),
    targets random whole minutes up to 5 working days; the year table is
    warmed first (a one-off ~10 ms per calendar-year).
    """
    cal = KANTOORTIJDEN if calendar is None else calendar
    rng = random.Random(seed)
    zone = ZoneInfo(DEFAULT_TIMEZONE)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    starts = [(base + timedelta(seconds=rng.randrange(365 * 86_400))).astimezone(zone) for _ in range(n)]
    minutes = [rng.randrange(0, 2_401) for _ in range(n)]
    cal.due(starts[0], 2_400)  # warm the table
    cal.due(base + timedelta(days=364), 100_000)
    due = cal.due
    t0 = time.perf_counter()
    dues = [due(s, m) for s, m in zip(starts, minutes)]
    t1 = time.perf_counter()
    elapsed = cal.elapsed
    for s, d in zip(starts, dues):
        elapsed(s, d)
    t2 = time.perf_counter()
    return {
        "calendar": cal.name,
        "n": n,
        "due_seconds": round(t1 - t0, 6),
        "due_per_second": round(n / (t1 - t0)) if t1 > t0 else None,
        "elapsed_per_second": round(n / (t2 - t1)) if t2 > t1 else None,
    }
