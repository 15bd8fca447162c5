"""The golden set of due times, and an independent minute-by-minute reference.

golden_calendar.json holds hand-reasoned cases (start, minutes, calendar ->
expected due); they were written from the semantics in
docs/RESPONSE_TARGETS.md, not copied from the implementation. Each case is
checked against `Calendar.due` and, where it is whole minutes, against
`reference_due` below: a deliberately naive oracle that walks real UTC
minutes one at a time and asks, for each, what the wall clock in the
calendar's zone shows. It shares no code with newsroom.targets.calendar
except the `holidays` package.
"""
from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest

from newsroom.targets.calendar import Calendar, builtin

UTC = UTC
GOLDEN = json.loads((Path(__file__).with_name("golden_calendar.json")).read_text(encoding="utf-8"))
DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KANTOORTIJDEN_SPEC = {
    "name": "kantoortijden", "timezone": "Europe/Amsterdam",
    "hours": {d: ["09:00-17:00"] for d in DAY_KEYS[:5]}, "holidays": "NL", "closed": [],
}
ALWAYS_SPEC = {"name": "24/7", "always_open": True}
SPECS = {"kantoortijden": KANTOORTIJDEN_SPEC, "24/7": ALWAYS_SPEC, **GOLDEN["calendars"]}


def calendar_for(name: str) -> Calendar:
    if name in ("kantoortijden", "24/7"):
        return builtin(name)
    return Calendar.from_dict(GOLDEN["calendars"][name])


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# -- the reference ---------------------------------------------------------

class Reference:
    """A naive reading of a calendar spec (the dict shape), minute by minute."""

    def __init__(self, spec: dict) -> None:
        self.always = spec.get("always_open", False)
        self.zone = ZoneInfo(spec.get("timezone", "Europe/Amsterdam"))
        self.hours: dict[int, list[tuple[int, int]]] = {}
        for key, intervals in spec.get("hours", {}).items():
            day = DAY_KEYS.index(key)
            for text in intervals:
                a, b = text.split("-")
                ah, am = a.split(":")
                bh, bm = b.split(":")
                self.hours.setdefault(day, []).append((int(ah) * 60 + int(am), int(bh) * 60 + int(bm)))
        self.closed = {date.fromisoformat(d) for d in spec.get("closed", [])}
        self.country = spec.get("holidays")
        self._holiday_years: dict[int, set[date]] = {}

    def closed_on(self, d: date) -> bool:
        if d in self.closed:
            return True
        if not self.country:
            return False
        if d.year not in self._holiday_years:
            self._holiday_years[d.year] = set(holidays.country_holidays(self.country, years=d.year))
        return d in self._holiday_years[d.year]

    def open_minute(self, u: datetime) -> bool:
        """Is the real minute starting at UTC instant u open? (All bounds are whole minutes.)"""
        if self.always:
            return True
        local = u.astimezone(self.zone)
        if self.closed_on(local.date()):
            return False
        wall = local.hour * 60 + local.minute
        return any(a <= wall < b for a, b in self.hours.get(local.weekday(), ()))


def reference_due(spec: dict, start: datetime, minutes: int, ref: Reference | None = None) -> datetime:
    """Walk real minutes from `start` (a whole minute) until `minutes` open ones have passed."""
    ref = ref or Reference(spec)
    one = timedelta(minutes=1)
    u = start.astimezone(UTC)
    assert u.second == 0 and u.microsecond == 0, "the reference walks whole minutes"
    assert isinstance(minutes, int)
    limit = u + timedelta(days=800)
    while not ref.open_minute(u):
        u += one
        assert u < limit
    if minutes == 0:
        return u
    count = 0
    while True:
        if ref.open_minute(u):
            count += 1
            if count == minutes:
                return u + one
        u += one
        assert u < limit


# -- the golden set ----------------------------------------------------------

def test_the_golden_set_is_large_and_covers_the_required_days():
    cases = GOLDEN["cases"]
    assert len(cases) >= 200
    starts = " ".join(c["start"] + " " + c["due_local"] for c in cases)
    for day in ("2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26", "2026-04-27", "2026-05-14",
                "2026-05-26", "2026-12-28", "2026-04-07"):
        assert day in starts, day
    assert {c["calendar"] for c in cases} >= {"kantoortijden", "24/7", "gesplitst", "sluitingsdagen", "nacht"}


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: f"{c['calendar']}:{c['start']}+{c['minutes']}")
def test_golden_due(case):
    cal = calendar_for(case["calendar"])
    start = parse(case["start"])
    got = cal.due(start, case["minutes"])
    assert got.tzinfo is UTC
    assert got == parse(case["due_utc"]), f"{case['note']}: got {got.astimezone(cal.zone).isoformat()}"
    assert got.isoformat().replace("+00:00", "Z") == case["due_utc"]
    assert cal.elapsed(start, got) == case["minutes"]


WHOLE = [c for c in GOLDEN["cases"]
         if isinstance(c["minutes"], int) and parse(c["start"]).second == 0 and parse(c["start"]).microsecond == 0]


@pytest.mark.parametrize("case", WHOLE, ids=lambda c: f"{c['calendar']}:{c['start']}+{c['minutes']}")
def test_golden_agrees_with_the_reference(case):
    """The oracle confirms the hand-reasoned value (so a mistake in either shows)."""
    got = reference_due(SPECS[case["calendar"]], parse(case["start"]), case["minutes"])
    assert got == parse(case["due_utc"]), case["note"]
