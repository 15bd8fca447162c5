"""Business-time calendars: properties, the reference on random cases, validation, serialisation."""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsroom.targets.calendar import (
    ALWAYS,
    BUILTINS,
    KANTOORTIJDEN,
    Calendar,
    bench_due,
    builtin,
)
from tests.targets.test_calendar_golden import GOLDEN, SPECS, Reference, reference_due

UTC = UTC
AMS = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


CALENDARS = {name: (builtin(name) if name in BUILTINS else Calendar.from_dict(spec)) for name, spec in SPECS.items()}

# -- the built-ins -----------------------------------------------------------


def test_builtins():
    assert builtin("kantoortijden") is KANTOORTIJDEN
    assert builtin("24/7") is ALWAYS
    assert KANTOORTIJDEN.to_dict() == {
        "name": "kantoortijden", "timezone": "Europe/Amsterdam",
        "hours": {d: ["09:00-17:00"] for d in WEEKDAYS}, "holidays": "NL", "closed": [],
    }
    assert ALWAYS.to_dict() == {"name": "24/7", "always_open": True}
    with pytest.raises(ValueError, match=r"no built-in calendar 'kantoor'.*'kantoortijden', '24/7'"):
        builtin("kantoor")


def test_the_dutch_holidays_the_package_gives_for_2026():
    closed = KANTOORTIJDEN.closed_dates(2026)
    assert closed == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 3): "Goede vrijdag",
        date(2026, 4, 5): "Eerste paasdag",
        date(2026, 4, 6): "Tweede paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 24): "Eerste pinksterdag",
        date(2026, 5, 25): "Tweede pinksterdag",
        date(2026, 12, 25): "Eerste kerstdag",
        date(2026, 12, 26): "Tweede kerstdag",
    }
    # Bevrijdingsdag is a day off only in lustrum years (2025, 2030), as the package says.
    assert date(2026, 5, 5) not in closed
    assert KANTOORTIJDEN.closed_dates(2025)[date(2025, 5, 5)] == "Bevrijdingsdag"
    assert date(2030, 5, 5) in KANTOORTIJDEN.closed_dates(2030)


def test_extra_closures_are_listed_with_a_reason():
    cal = CALENDARS["sluitingsdagen"]
    closed = cal.closed_dates(2026)
    assert closed[date(2026, 12, 24)] == "gesloten"
    assert closed[date(2026, 12, 25)] == "Eerste kerstdag"


def test_openings_are_wall_clock_times_across_daylight_saving():
    # 09:00 is 08:00Z in winter and 07:00Z in summer.
    assert KANTOORTIJDEN.next_open(ams(2026, 3, 27, 17, 0)) == utc(2026, 3, 30, 7, 0)
    assert KANTOORTIJDEN.next_open(ams(2026, 10, 23, 17, 0)) == utc(2026, 10, 26, 8, 0)
    assert KANTOORTIJDEN.next_close(ams(2026, 3, 30, 12, 0)) == utc(2026, 3, 30, 15, 0)
    assert KANTOORTIJDEN.next_close(ams(2026, 10, 24, 12, 0)) == utc(2026, 10, 26, 16, 0)
    assert ALWAYS.next_close(ams(2026, 10, 24, 12, 0)) is None


def test_is_open_and_next_open_are_half_open():
    assert KANTOORTIJDEN.is_open(ams(2026, 2, 2, 9, 0))
    assert KANTOORTIJDEN.is_open(ams(2026, 2, 2, 16, 59, 59))
    assert not KANTOORTIJDEN.is_open(ams(2026, 2, 2, 17, 0))
    assert not KANTOORTIJDEN.is_open(ams(2026, 2, 2, 8, 59, 59))
    assert not KANTOORTIJDEN.is_open(ams(2026, 4, 27, 12, 0))  # Koningsdag
    assert KANTOORTIJDEN.next_open(ams(2026, 2, 2, 10, 0)) == ams(2026, 2, 2, 10, 0)
    assert KANTOORTIJDEN.next_open(ams(2026, 2, 2, 10, 0)).tzinfo is UTC
    assert ALWAYS.is_open(ams(2026, 12, 25, 3, 0))


def test_the_repeated_hour_counts_twice_on_a_night_interval():
    cal = CALENDARS["tot-halfdrie"]  # 00:00-02:30 every day
    # Fall back: 00:00-02:30 CEST, then 02:00-02:30 CET once more: 180 real minutes.
    assert cal.elapsed(ams(2026, 10, 25, 0, 0), ams(2026, 10, 25, 12, 0)) == 180
    # Spring forward: 00:00-02:00 CET, then the clock shows 03:00: 120 real minutes.
    assert cal.elapsed(ams(2026, 3, 29, 0, 0), ams(2026, 3, 29, 12, 0)) == 120
    assert not cal.is_open(utc(2026, 10, 25, 0, 45))  # 02:45 CEST
    assert cal.is_open(utc(2026, 10, 25, 1, 15))  # 02:15 CET


def test_zero_minutes():
    # Inside opening hours: the start itself. Outside: the next opening.
    assert KANTOORTIJDEN.due(ams(2026, 2, 2, 10, 0), 0) == ams(2026, 2, 2, 10, 0)
    assert KANTOORTIJDEN.due(ams(2026, 2, 2, 17, 0), 0) == ams(2026, 2, 3, 9, 0)
    # A target used up exactly at closing is due at closing; 0 more from there is the next opening.
    assert KANTOORTIJDEN.due(ams(2026, 2, 2, 9, 0), 480) == ams(2026, 2, 2, 17, 0)
    assert KANTOORTIJDEN.due(ams(2026, 2, 2, 17, 0), 0) == ams(2026, 2, 3, 9, 0)


def test_elapsed():
    k = KANTOORTIJDEN
    assert k.elapsed(ams(2026, 2, 2, 8, 0), ams(2026, 2, 2, 9, 30)) == 30
    assert k.elapsed(ams(2026, 2, 6, 16, 0), ams(2026, 2, 9, 10, 0)) == 120
    assert k.elapsed(ams(2026, 2, 2, 12, 0), ams(2026, 2, 2, 11, 0)) == 0.0  # end before start
    assert k.elapsed(ams(2026, 2, 2, 12, 0), ams(2026, 2, 2, 12, 0)) == 0.0
    assert k.elapsed(ams(2026, 2, 2, 9, 0), ams(2026, 2, 2, 9, 0, 30)) == 0.5
    assert ALWAYS.elapsed(ams(2026, 3, 29, 1, 0), ams(2026, 3, 29, 4, 0)) == 120  # a real two hours
    # For percentages: 75% and 90% of a 480-minute target.
    start = ams(2026, 2, 2, 9, 0)
    assert k.elapsed(start, ams(2026, 2, 2, 15, 0)) / 480 == 0.75
    assert k.due(start, 480 * 0.9) == ams(2026, 2, 2, 16, 12)


def test_across_years_and_far_away():
    k = KANTOORTIJDEN
    # Ten years of working days, and a query before the cached range afterwards.
    far = k.due(ams(2026, 1, 5, 9, 0), 480 * 2500)
    assert far.year in (2035, 2036)
    assert k.elapsed(ams(2026, 1, 5, 9, 0), far) == 480 * 2500
    assert k.due(ams(2020, 12, 31, 16, 0), 120) == ams(2021, 1, 4, 10, 0)  # Fri 1 Jan 2021 closed
    assert k.due(ams(2099, 12, 31, 16, 0), 120).year == 2100


def test_a_calendar_closed_for_good_says_so():
    cal = Calendar("dicht", hours={"mon": ["09:00-17:00"]}, closed_intervals=["2026-01-01T00:00/2045-01-01T00:00"])
    with pytest.raises(ValueError, match="no opening hours in the 12 years after"):
        cal.due(ams(2026, 2, 2, 9, 0), 1)
    assert cal.due(ams(2044, 12, 31, 9, 0), 1) == ams(2045, 1, 2, 9, 1)


def test_closed_intervals_are_wall_clock_ranges():
    cal = Calendar("middag-dicht", hours={d: ["09:00-17:00"] for d in WEEKDAYS}, holidays="NL",
                   closed_intervals=["2026-12-24T12:00/2026-12-24T17:00", "2026-03-29T00:00/2026-03-30T10:00"])
    assert cal.due(ams(2026, 12, 24, 11, 0), 120) == ams(2026, 12, 28, 10, 0)
    assert cal.due(ams(2026, 3, 27, 16, 0), 61) == ams(2026, 3, 30, 10, 1)
    assert cal.elapsed(ams(2026, 3, 30, 0, 0), ams(2026, 3, 30, 17, 0)) == 420
    assert Calendar.from_dict(cal.to_dict()) == cal


def test_other_input_offsets_and_output_in_utc():
    start = datetime(2026, 2, 2, 3, 0, tzinfo=timezone(timedelta(hours=-5)))  # 09:00 in Amsterdam
    got = KANTOORTIJDEN.due(start, 30)
    assert got == ams(2026, 2, 2, 9, 30) and got.tzinfo is UTC
    odd = datetime(2026, 2, 2, 8, 0, 0, 250, tzinfo=timezone(timedelta(microseconds=0)))
    assert KANTOORTIJDEN.due(odd, 1) == utc(2026, 2, 2, 8, 1, 0, 250)


def test_bench_due_runs():
    result = bench_due(200)
    assert result["n"] == 200 and result["calendar"] == "kantoortijden"
    assert result["due_per_second"] > 0 and result["elapsed_per_second"] > 0


# -- the reference on random cases -------------------------------------------

RANDOM_CALENDARS = {
    "kantoortijden": SPECS["kantoortijden"],
    "gesplitst": SPECS["gesplitst"],
    "nacht": SPECS["nacht"],
    "vroeg": SPECS["vroeg"],
    "tot-halfdrie": SPECS["tot-halfdrie"],
    "24/7": SPECS["24/7"],
    "sluitingsdagen": SPECS["sluitingsdagen"],
    "rommelig": {
        "name": "rommelig", "timezone": "Europe/Amsterdam", "holidays": "NL", "closed": ["2026-03-30", "2026-10-26"],
        "hours": {"mon": ["00:00-01:15", "02:10-02:50", "08:30-12:00"], "tue": ["23:00-24:00"],
                  "sat": ["00:00-24:00"], "sun": ["01:59-02:01", "02:30-02:31", "02:59-03:01", "12:00-12:01"]},
    },
    "new-york": {
        "name": "new-york", "timezone": "America/New_York", "holidays": None, "closed": [],
        "hours": {d: ["01:00-03:00", "08:00-18:00"] for d in ("sat", "sun", "mon")},
    },
}
# Dense around the daylight-saving changes (Europe and the US) and the holidays.
HOT_SPOTS = [ams(2026, 3, 27), ams(2026, 10, 23), ams(2026, 4, 2), ams(2026, 4, 24), ams(2026, 5, 13),
             ams(2026, 5, 22), ams(2026, 12, 23), ams(2026, 12, 30), utc(2026, 3, 7), utc(2026, 10, 31),
             ams(2026, 7, 1), ams(2025, 4, 25)]


def random_cases(n: int, seed: int):
    rng = random.Random(seed)
    names = list(RANDOM_CALENDARS)
    for _ in range(n):
        name = rng.choice(names)
        start = rng.choice(HOT_SPOTS) + timedelta(minutes=rng.randrange(4 * 24 * 60))
        minutes = rng.choice([0, 1, 2, rng.randrange(1, 120), rng.randrange(1, 1500)])
        yield name, start.astimezone(UTC), minutes


@pytest.mark.parametrize("seed", range(4))
def test_random_cases_agree_with_the_reference(seed):
    refs = {name: Reference(spec) for name, spec in RANDOM_CALENDARS.items()}
    cals = {name: Calendar.from_dict(spec) for name, spec in RANDOM_CALENDARS.items()}
    for name, start, minutes in random_cases(100, seed):
        expected = reference_due(RANDOM_CALENDARS[name], start, minutes, refs[name])
        got = cals[name].due(start, minutes)
        assert got == expected, (name, start.isoformat(), minutes)
        assert cals[name].elapsed(start, got) == minutes
        # is_open agrees minute by minute around the start.
        for k in range(0, 180, 7):
            u = start + timedelta(minutes=k)
            assert cals[name].is_open(u) == refs[name].open_minute(u), (name, u.isoformat())


# -- properties ----------------------------------------------------------------

PROPERTY_CALENDARS = st.sampled_from(
    [KANTOORTIJDEN, ALWAYS] + [CALENDARS[n] for n in ("gesplitst", "nacht", "vroeg", "tot-halfdrie", "sluitingsdagen")]
)
ZONES = st.sampled_from([UTC, AMS, ZoneInfo("America/New_York"), timezone(timedelta(hours=5, minutes=30))])
INSTANTS = st.builds(
    lambda seconds, micro, zone: (utc(2025, 12, 1) + timedelta(seconds=seconds, microseconds=micro)).astimezone(zone),
    st.integers(0, 400 * 86_400), st.sampled_from([0, 0, 0, 1, 500_000, 999_999]), ZONES,
)
MINUTES = st.integers(0, 6_000)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(cal=PROPERTY_CALENDARS, start=INSTANTS, a=MINUTES, b=st.integers(1, 6_000))
def test_due_is_additive_for_starts_inside_opening_hours(cal, start, a, b):
    if not cal.is_open(start):
        start = cal.next_open(start)
    assert cal.due(start, a + b) == cal.due(cal.due(start, a), b)


@SETTINGS
@given(cal=PROPERTY_CALENDARS, start=INSTANTS, a=MINUTES)
def test_due_is_additive_with_zero_when_the_split_point_is_open(cal, start, a):
    start = cal.next_open(start)
    middle = cal.due(start, a)
    assume(cal.is_open(middle))
    assert cal.due(middle, 0) == middle == cal.due(start, a + 0)


@SETTINGS
@given(cal=PROPERTY_CALENDARS, start=INSTANTS, a=MINUTES, b=MINUTES)
def test_due_is_monotone_in_minutes(cal, start, a, b):
    a, b = sorted((a, b))
    assert cal.due(start, a) <= cal.due(start, b)


@SETTINGS
@given(cal=PROPERTY_CALENDARS, s1=INSTANTS, s2=INSTANTS, m=MINUTES)
def test_due_is_monotone_in_start(cal, s1, s2, m):
    s1, s2 = sorted((s1, s2))
    assert cal.due(s1, m) <= cal.due(s2, m)


@SETTINGS
@given(cal=PROPERTY_CALENDARS, start=INSTANTS, m=MINUTES, fraction=st.sampled_from([0, 0.5, 0.25, 0.125]))
def test_elapsed_inverts_due_and_results_are_utc(cal, start, m, fraction):
    minutes = m + fraction
    due = cal.due(start, minutes)
    assert due.tzinfo is UTC
    assert due >= start
    assert cal.elapsed(start, due) == minutes
    assert cal.next_open(start).tzinfo is UTC


@SETTINGS
@given(cal=PROPERTY_CALENDARS, a=INSTANTS, b=INSTANTS, c=INSTANTS)
def test_elapsed_adds_up(cal, a, b, c):
    a, b, c = sorted((a, b, c))
    whole = cal.elapsed(a, c)
    assert whole == pytest.approx(cal.elapsed(a, b) + cal.elapsed(b, c), abs=1e-6)
    assert whole <= (c - a).total_seconds() / 60 + 1e-9


# -- serialisation ---------------------------------------------------------------

def test_round_trips():
    for cal in list(CALENDARS.values()) + [Calendar("ny", timezone="America/New_York", always_open=True)]:
        again = Calendar.from_dict(cal.to_dict())
        assert again == cal and again.to_dict() == cal.to_dict()
        assert hash(again) == hash(cal)
    split = CALENDARS["gesplitst"]
    assert split.to_dict()["hours"]["mon"] == ["09:00-12:00", "13:00-17:00"]
    assert Calendar.from_dict({"name": "x", "hours": {"mon": ["09:00-17:00"]}}).holidays is None  # missing = none
    late = Calendar.from_dict({"name": "laat", "hours": {"fri": ["18:00-24:00"]}})
    assert late.hours() == {"fri": ["18:00-24:00"]}
    assert late.due(ams(2026, 2, 6, 23, 0), 60) == ams(2026, 2, 7, 0, 0)
    # Intervals given out of order are sorted; touching ones are allowed.
    touch = Calendar("t", hours={"mon": ["13:00-17:00", "09:00-13:00"]})
    assert touch.hours() == {"mon": ["09:00-13:00", "13:00-17:00"]}
    assert touch.due(ams(2026, 2, 2, 12, 0), 120) == ams(2026, 2, 2, 14, 0)


# -- validation -------------------------------------------------------------------

BASE = {"name": "x", "timezone": "Europe/Amsterdam", "hours": {"mon": ["09:00-17:00"]}, "holidays": "NL", "closed": []}


@pytest.mark.parametrize(("change", "message"), [
    ({"hours": {"mon": ["17:00-09:00"]}}, r"hours\.mon\[0\]: 17:00-09:00: the start must be before the end"),
    ({"hours": {"mon": ["09:00-09:00"]}}, r"hours\.mon\[0\]: .*start must be before the end"),
    ({"hours": {"mon": ["09:00-12:00", "11:00-17:00"]}}, r"hours\.mon: 09:00-12:00 and 11:00-17:00 overlap"),
    ({"hours": {"mon": ["9:00-17:00"]}}, r"hours\.mon\[0\]: '9:00' is not a time HH:MM"),
    ({"hours": {"mon": ["09:00:30-17:00"]}}, r"hours\.mon\[0\]: .*not an interval|hours\.mon\[0\]: .*HH:MM"),
    ({"hours": {"mon": ["09:00-25:00"]}}, r"hours\.mon\[0\]: '25:00' is not a time of day"),
    ({"hours": {"mon": ["24:00-24:00"]}}, r"hours\.mon\[0\]: '24:00' is not a time of day"),
    ({"hours": {"mon": ["09:00-12:60"]}}, r"hours\.mon\[0\]: '12:60' is not a time of day"),
    ({"hours": {"mon": ["09:00"]}}, r"hours\.mon\[0\]: '09:00' is not an interval"),
    ({"hours": {"mon": "09:00-17:00"}}, r"hours\.mon: expected a list"),
    ({"hours": {"maandag": ["09:00-17:00"]}}, r"hours: unknown day 'maandag'"),
    ({"hours": {}}, r"hours: a calendar needs at least one opening interval"),
    ({"hours": ["09:00-17:00"]}, r"hours: expected a mapping"),
    ({"timezone": "Europe/Amsterdamm"}, r"timezone: unknown time zone 'Europe/Amsterdamm'"),
    ({"timezone": ""}, r"timezone: expected an IANA zone name"),
    ({"holidays": "XX"}, r"holidays: the holidays package has no country 'XX'"),
    ({"holidays": 5}, r"holidays: expected a country code"),
    ({"closed": ["2026-02-30"]}, r"closed\[0\]: '2026-02-30' is not a date"),
    ({"closed": "2026-12-24"}, r"closed: expected a list of dates"),
    ({"closed_intervals": ["2026-12-24T12:00+01:00/2026-12-24T17:00"]}, r"closed_intervals\[0\]: .*has a UTC offset"),
    ({"closed_intervals": ["2026-12-24T17:00/2026-12-24T12:00"]}, r"closed_intervals\[0\]: .*start must be before"),
    ({"closed_intervals": ["2026-12-24T12:00"]}, r"closed_intervals\[0\]: .*is not 'YYYY-MM-DDTHH:MM/"),
    ({"name": ""}, r"name: a calendar needs a non-empty name"),
    ({"kleur": "rood"}, r"calendar 'x': unknown field 'kleur'"),
    ({"always_open": "ja"}, r"always_open: expected true or false"),
])
def test_validation_errors_name_the_field(change, message):
    with pytest.raises(ValueError, match=message):
        Calendar.from_dict({**BASE, **change})


def test_more_validation_errors():
    with pytest.raises(ValueError, match=r"calendar 'x': hours: missing"):
        Calendar.from_dict({"name": "x"})
    with pytest.raises(ValueError, match=r"calendar: name: missing"):
        Calendar.from_dict({"hours": {"mon": ["09:00-17:00"]}})
    with pytest.raises(ValueError, match=r"calendar '24/7': hours: a 24/7 calendar \(always_open\) has no hours"):
        Calendar.from_dict({"name": "24/7", "always_open": True, "hours": {"mon": ["09:00-17:00"]}})
    with pytest.raises(ValueError, match=r"always_open: a 24/7 calendar has no closed"):
        Calendar("x", always_open=True, closed=["2026-12-25"])
    with pytest.raises(ValueError, match=r"calendar: expected a mapping"):
        Calendar.from_dict(["name"])
    with pytest.raises(ValueError, match=r"start: the datetime has no time zone"):
        KANTOORTIJDEN.due(datetime(2026, 2, 2, 9, 0), 10)
    with pytest.raises(ValueError, match=r"start: expected an aware datetime, got date"):
        KANTOORTIJDEN.due(date(2026, 2, 2), 10)
    with pytest.raises(ValueError, match=r"end: the datetime has no time zone"):
        KANTOORTIJDEN.elapsed(ams(2026, 2, 2, 9, 0), datetime(2026, 2, 2, 10, 0))
    for bad in (-1, -0.5, float("nan"), float("inf"), True, "10", None):
        with pytest.raises(ValueError, match=r"minutes: "):
            KANTOORTIJDEN.due(ams(2026, 2, 2, 9, 0), bad)
        with pytest.raises(ValueError, match=r"minutes: "):
            ALWAYS.due(ams(2026, 2, 2, 9, 0), bad)
    with pytest.raises(ValueError, match=r"beyond the year 9999|outside the years"):
        ALWAYS.due(datetime(9999, 12, 31, 12, 0, tzinfo=UTC), 10**6)


def test_the_golden_file_names_only_known_calendars():
    assert {c["calendar"] for c in GOLDEN["cases"]} <= set(SPECS)


def test_a_calendar_open_all_day_every_day_is_24_7():
    every_day = Calendar("altijd", hours={d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    rng = random.Random(7)
    for _ in range(300):
        start = utc(2026, 1, 1) + timedelta(seconds=rng.randrange(366 * 86_400))
        minutes = rng.randrange(0, 5_000)
        assert every_day.due(start, minutes) == ALWAYS.due(start, minutes)
        assert every_day.elapsed(start, start + timedelta(minutes=minutes)) == minutes
