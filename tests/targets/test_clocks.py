"""The pure clock engine (newsroom/targets/clocks.py): hand-computed instants on `kantoortijden`, and the TOML file.

Every expected instant below is worked out by hand in Amsterdam wall-clock
time (Mon-Fri 09:00-17:00, NL holidays) and written as such; `ams()` turns it
into the UTC second the engine stores.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from newsroom.targets.calendar import Calendar
from newsroom.targets.clocks import CrisisWindow, History, compute, decode, describe, encode, level, to_us
from newsroom.targets.policy import DEFAULT_POLICIES, Policy, TargetsConfig, dump_toml, load_toml

AMS = ZoneInfo("Europe/Amsterdam")
MIN = 60


def ams(*args: int, us: int = 0) -> int:
    """Amsterdam wall clock -> microseconds since the epoch."""
    return to_us(datetime(*args, tzinfo=AMS)) + us


def s(*args: int) -> int:
    """Amsterdam wall clock -> whole seconds since the epoch (what the clocks store)."""
    return int(datetime(*args, tzinfo=AMS).timestamp())


def utc_s(*args: int) -> int:
    return int(datetime(*args, tzinfo=UTC).timestamp())


# first 60, next 120, resolution 480, department 240 business minutes on kantoortijden
BASE = Policy("basis", "kantoortijden", first_response=60, next_response=120, resolution=480, handoff=240)
CONFIG = TargetsConfig((), (BASE,))


def history(inbound=(), responses=(), events=(), *, platform="email", channel_id=1, priority="normal", tags=()):
    return History(platform, channel_id, priority, frozenset(tags), sorted(inbound), sorted(responses), list(events))


def clocks_of(h: History, config: TargetsConfig = CONFIG, crises=()) -> dict[tuple[str, int], dict]:
    result = compute(h, config, list(crises))
    out = {(c["clock"], c["seq"]): c for c in result.clocks}
    assert len(out) == len(result.clocks)
    return out


def status(at: int, value: str) -> tuple[int, str, str]:
    return (at, "status", value)


def priority(at: int, old: str, new: str) -> tuple[int, str, str]:
    return (at, "priority", json.dumps({"from": old, "to": new}))


def handoff(at: int, to: int | None = 7, frm: int | None = None) -> tuple[int, str, str]:
    return (at, "handoff", json.dumps({"from": frm, "to": to, "note": 1, "by": 1}))


def sendback(at: int) -> tuple[int, str, str]:
    return (at, "sendback", json.dumps({"from": 7, "to": None, "note": 2}))


# -- first response ------------------------------------------------------------------


def test_nothing_without_inbound():
    result = compute(history(), CONFIG)
    assert result.clocks == [] and result.due_at is None and result.risk_at is None
    assert result.encoded() is None and encode([]) is None and decode(None) == []


def test_first_response_and_resolution_running():
    h = history([ams(2026, 2, 2, 10, 0)])  # Monday
    result = compute(h, CONFIG)
    c = {(x["clock"], x["seq"]): x for x in result.clocks}
    first = c["first_response", 0]
    assert first == {
        "clock": "first_response", "seq": 0, "start": s(2026, 2, 2, 10, 0), "target": 60, "calendar": "kantoortijden",
        "state": "running", "due": s(2026, 2, 2, 11, 0), "warn75": s(2026, 2, 2, 10, 45), "warn90": s(2026, 2, 2, 10, 54),
    }
    res = c["resolution", 0]
    assert res["state"] == "running"
    assert res["due"] == s(2026, 2, 3, 10, 0)  # 420 on Monday, 60 on Tuesday
    assert res["warn75"] == s(2026, 2, 2, 16, 0)  # 360: Monday 10:00-16:00
    assert res["warn90"] == s(2026, 2, 3, 9, 12)  # 432: 420 on Monday, 12 on Tuesday
    assert result.due_at == s(2026, 2, 2, 11, 0)
    assert result.risk_at == s(2026, 2, 2, 10, 45)
    assert ("next_response", 1) not in c and len(c) == 2


def test_first_response_start_at_night_and_weekend_counts_from_next_opening():
    friday_night = clocks_of(history([ams(2026, 2, 6, 20, 0)]))
    assert friday_night["first_response", 0]["start"] == s(2026, 2, 6, 20, 0)
    assert friday_night["first_response", 0]["due"] == s(2026, 2, 9, 10, 0)
    assert friday_night["first_response", 0]["warn75"] == s(2026, 2, 9, 9, 45)
    saturday = clocks_of(history([ams(2026, 2, 7, 11, 30)]))
    assert saturday["first_response", 0]["due"] == s(2026, 2, 9, 10, 0)
    early = clocks_of(history([ams(2026, 2, 3, 6, 15)]))  # Tuesday before opening
    assert early["first_response", 0]["due"] == s(2026, 2, 3, 10, 0)
    holiday = clocks_of(history([ams(2026, 4, 27, 10, 0)]))  # Koningsdag (Monday)
    assert holiday["first_response", 0]["due"] == s(2026, 4, 28, 10, 0)


def test_first_response_met_in_time():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 30)])
    first = clocks_of(h)["first_response", 0]
    assert first["state"] == "met"
    assert first["stop"] == s(2026, 2, 2, 10, 30)
    assert "breached" not in first
    d = describe(first, s(2026, 2, 2, 12, 0))
    assert d["met"] is True and d["breached"] is False and d["warning"] == 0
    # A clock that finished stays out of due_at and risk_at.
    result = compute(h, CONFIG)
    assert result.due_at == s(2026, 2, 3, 10, 0)


def test_first_response_met_exactly_at_due_is_in_time():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 11, 0)])
    first = clocks_of(h)["first_response", 0]
    assert first["state"] == "met" and first["due"] == s(2026, 2, 2, 11, 0) and "breached" not in first
    assert level(first, s(2026, 2, 3, 12, 0)) == 90


def test_first_response_met_late_is_breached():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 11, 30)])
    first = clocks_of(h)["first_response", 0]
    assert first["state"] == "met"
    assert first["breached"] is True
    assert first["due"] == s(2026, 2, 2, 11, 0)
    assert first["warn75"] == s(2026, 2, 2, 10, 45) and first["warn90"] == s(2026, 2, 2, 10, 54)
    assert level(first, s(2026, 2, 2, 11, 30)) == 100
    d = describe(first, s(2026, 2, 5, 0, 0))
    assert d["met"] is False and d["breached"] is True and d["warning"] == 100


def test_first_response_stopped_when_resolved_without_an_answer():
    h = history([ams(2026, 2, 2, 10, 0)], events=[status(ams(2026, 2, 2, 10, 20), "closed")])
    c = clocks_of(h)
    assert c["first_response", 0]["state"] == "stopped"
    assert c["first_response", 0]["stop"] == s(2026, 2, 2, 10, 20)
    assert "breached" not in c["first_response", 0]
    assert c["resolution", 0]["state"] == "met" and c["resolution", 0]["stop"] == s(2026, 2, 2, 10, 20)
    assert compute(h, CONFIG).due_at is None


# -- next response --------------------------------------------------------------------


def test_next_response_starts_at_an_inbound_after_a_sent_answer():
    h = history(
        [ams(2026, 2, 2, 10, 0), ams(2026, 2, 2, 10, 10), ams(2026, 2, 2, 13, 0), ams(2026, 2, 2, 13, 30), ams(2026, 2, 2, 16, 30)],
        [ams(2026, 2, 2, 10, 30), ams(2026, 2, 2, 14, 0)],
    )
    c = clocks_of(h)
    # The second message (10:10) arrives while the first response runs: no new clock.
    assert c["first_response", 0]["state"] == "met" and c["first_response", 0]["stop"] == s(2026, 2, 2, 10, 30)
    one = c["next_response", 1]
    assert one["start"] == s(2026, 2, 2, 13, 0) and one["state"] == "met" and one["stop"] == s(2026, 2, 2, 14, 0)
    two = c["next_response", 2]
    assert two["start"] == s(2026, 2, 2, 16, 30) and two["state"] == "running"
    assert two["due"] == s(2026, 2, 3, 10, 30)  # 30 on Monday, 90 on Tuesday
    assert ("next_response", 3) not in c
    assert compute(h, CONFIG).due_at == s(2026, 2, 3, 10, 0)  # resolution (Mon 10:00 + 480) comes first


def test_answers_without_an_inbound_meet_nothing():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 30), ams(2026, 2, 2, 11, 0)])
    assert set(clocks_of(h)) == {("first_response", 0), ("resolution", 0)}


# -- resolution: pause, resume, reopen ---------------------------------------------------


def test_resolution_paused_while_waiting_on_citizen():
    h = history([ams(2026, 2, 2, 10, 0)], events=[status(ams(2026, 2, 2, 12, 0), "waiting_on_citizen")])
    res = clocks_of(h)["resolution", 0]
    assert res["state"] == "paused"
    assert res["paused_since"] == s(2026, 2, 2, 12, 0)
    assert res["elapsed_s"] == 120 * MIN
    assert "due" not in res
    d = describe(res, s(2026, 2, 2, 13, 0))
    assert d["state"] == "paused" and d["paused_seconds"] == 3600 and d["remaining_minutes"] == 360.0
    assert d["warning"] == 0 and d["breached"] is False
    # A paused clock is not in due_at / risk_at; the running first response is.
    assert compute(h, CONFIG).due_at == s(2026, 2, 2, 11, 0)


def test_a_new_inbound_ends_the_pause_and_shifts_due_by_the_paused_business_time():
    unpaused = clocks_of(history([ams(2026, 2, 2, 10, 0)]))["resolution", 0]
    assert unpaused["due"] == s(2026, 2, 3, 10, 0)
    h = history(
        [ams(2026, 2, 2, 10, 0), ams(2026, 2, 4, 14, 0)],
        [ams(2026, 2, 2, 11, 0)],
        [status(ams(2026, 2, 2, 12, 0), "waiting_on_citizen")],
    )
    c = clocks_of(h)
    res = c["resolution", 0]
    assert res["state"] == "running"
    # Paused Mon 12:00 - Wed 14:00: 300 + 480 + 300 = 1080 business minutes.
    # Tue 10:00 + 1080 business minutes: Tue 420, Wed 480, Thu 180 -> Thu 12:00.
    assert res["due"] == s(2026, 2, 5, 12, 0)
    assert res["paused_s"] == (2 * 24 + 2) * 3600
    # 75% = 360: Mon 10:00-12:00 is 120, then Wed 14:00-17:00 180, Thu 09:00 + 60.
    assert res["warn75"] == s(2026, 2, 5, 10, 0)
    assert res["start"] == s(2026, 2, 2, 10, 0)
    # The inbound after the sent answer starts a next-response clock.
    assert c["next_response", 1]["start"] == s(2026, 2, 4, 14, 0)
    assert c["next_response", 1]["due"] == s(2026, 2, 4, 16, 0)


def test_status_open_also_resumes():
    h = history([ams(2026, 2, 2, 10, 0)], events=[status(ams(2026, 2, 2, 12, 0), "waiting_on_citizen"),
                                                 status(ams(2026, 2, 3, 9, 0), "open")])
    res = clocks_of(h)["resolution", 0]
    assert res["state"] == "running" and res["due"] == s(2026, 2, 3, 15, 0)
    assert res["paused_s"] == 21 * 3600


def test_reopen_after_resolved_continues_the_same_resolution_clock():
    h = history(
        [ams(2026, 2, 2, 10, 0), ams(2026, 2, 3, 9, 0)],
        [ams(2026, 2, 2, 10, 30)],
        [status(ams(2026, 2, 2, 12, 0), "resolved")],
    )
    c = clocks_of(h)
    res = c["resolution", 0]
    assert res["state"] == "running" and res["start"] == s(2026, 2, 2, 10, 0)
    assert res["due"] == s(2026, 2, 3, 15, 0)  # 120 counted on Monday, 360 from Tuesday 09:00
    assert res["paused_s"] == 21 * 3600
    assert "stop" not in res
    assert c["next_response", 1]["due"] == s(2026, 2, 3, 11, 0)
    resolved_again = clocks_of(history(h.inbound, h.responses, h.events + [status(ams(2026, 2, 3, 10, 0), "resolved")]))
    assert resolved_again["resolution", 0]["state"] == "met"
    assert resolved_again["resolution", 0]["stop"] == s(2026, 2, 3, 10, 0)
    assert resolved_again["next_response", 1]["state"] == "stopped"


def test_resolution_met_late():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 5)], [status(ams(2026, 2, 4, 9, 0), "resolved")])
    res = clocks_of(h)["resolution", 0]
    assert res["state"] == "met" and res["breached"] is True and res["due"] == s(2026, 2, 3, 10, 0)


# -- priority, tags, policies ------------------------------------------------------------

HIGH = Policy("hoog", "kantoortijden", priority="high", first_response=30, next_response=30, resolution=240)
PRIO_CONFIG = TargetsConfig((), (HIGH, BASE))


def test_priority_change_recomputes_a_running_clock_from_its_original_start():
    h = history([ams(2026, 2, 2, 10, 0)], events=[priority(ams(2026, 2, 2, 10, 20), "normal", "high")], priority="high")
    c = clocks_of(h, PRIO_CONFIG)
    assert c["first_response", 0]["target"] == 30
    assert c["first_response", 0]["due"] == s(2026, 2, 2, 10, 30)
    assert c["resolution", 0]["target"] == 240 and c["resolution", 0]["due"] == s(2026, 2, 2, 14, 0)
    # Routing never resets a clock: the start stays the first message.
    assert c["first_response", 0]["start"] == s(2026, 2, 2, 10, 0)


def test_a_clock_that_finished_before_the_priority_change_keeps_its_target():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 15)],
                [priority(ams(2026, 2, 2, 10, 20), "normal", "high")], priority="high")
    c = clocks_of(h, PRIO_CONFIG)
    assert c["first_response", 0]["target"] == 60 and c["first_response", 0]["state"] == "met"
    assert c["resolution", 0]["target"] == 240


def test_priority_lowered_back():
    events = [priority(ams(2026, 2, 2, 10, 20), "normal", "high"), priority(ams(2026, 2, 2, 10, 40), "high", "normal")]
    c = clocks_of(history([ams(2026, 2, 2, 10, 0)], events=events, priority="normal"), PRIO_CONFIG)
    assert c["first_response", 0]["target"] == 60 and c["first_response", 0]["due"] == s(2026, 2, 2, 11, 0)
    # Met at 10:35 while high: the target in force when it stopped (30) applies, and it was late.
    c = clocks_of(history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 35)], events, priority="normal"), PRIO_CONFIG)
    assert c["first_response", 0]["target"] == 30 and c["first_response", 0]["breached"] is True


def test_tag_matched_policy_and_tags_in_force_when_stopped():
    tagged = Policy("afval", "kantoortijden", tag="afval", first_response=15, resolution=120)
    config = TargetsConfig((), (tagged, BASE))
    c = clocks_of(history([ams(2026, 2, 2, 10, 0)], tags=["afval"]), config)
    assert c["first_response", 0]["target"] == 15 and c["first_response", 0]["due"] == s(2026, 2, 2, 10, 15)
    # No next-response target in the matching policy: no next-response clock, though BASE has one.
    h = history([ams(2026, 2, 2, 10, 0), ams(2026, 2, 2, 11, 0)], [ams(2026, 2, 2, 10, 10)], tags=["afval"])
    assert set(clocks_of(h, config)) == {("first_response", 0), ("resolution", 0)}
    # Tagged after the first answer: the met first response keeps BASE's target; resolution follows the tag.
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 10)], [(ams(2026, 2, 2, 10, 30), "tag", "afval")], tags=["afval"])
    c = clocks_of(h, config)
    assert c["first_response", 0]["target"] == 60 and c["resolution", 0]["target"] == 120
    # Untagged again: back to BASE.
    h = history([ams(2026, 2, 2, 10, 0)], events=[(ams(2026, 2, 2, 10, 30), "untag", "afval")], tags=[])
    assert clocks_of(h, config)["resolution", 0]["target"] == 480


def test_no_policy_or_no_target_gives_no_clock():
    only_first = TargetsConfig((), (Policy("alleen eerste", "kantoortijden", first_response=60),))
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 10)], [handoff(ams(2026, 2, 2, 11, 0))])
    assert set(clocks_of(h, only_first)) == {("first_response", 0)}
    none = TargetsConfig((), (Policy("alleen x", "kantoortijden", platform="x", first_response=60),))
    assert compute(h, none).clocks == []


def test_default_policies():
    config = TargetsConfig((), DEFAULT_POLICIES, defaults=True)
    mastodon = clocks_of(history([ams(2026, 2, 2, 10, 0)], platform="mastodon"), config)
    assert mastodon["first_response", 0]["target"] == 60
    urgent = clocks_of(history([ams(2026, 2, 7, 22, 0)], platform="email", priority="urgent"), config)
    assert urgent["first_response", 0]["calendar"] == "24/7"
    assert urgent["first_response", 0]["due"] == s(2026, 2, 7, 22, 30)
    email = clocks_of(history([ams(2026, 2, 2, 10, 0)], platform="email"), config)
    assert email["first_response", 0]["due"] == s(2026, 2, 4, 10, 0)  # 960 = two working days


# -- hand-off -----------------------------------------------------------------------------


def test_department_clock_starts_at_the_handoff_and_routing_does_not_reset_others():
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 30)], [handoff(ams(2026, 2, 2, 11, 0))])
    c = clocks_of(h)
    dept = c["department", 1]
    assert dept["start"] == s(2026, 2, 2, 11, 0) and dept["target"] == 240 and dept["state"] == "running"
    assert dept["due"] == s(2026, 2, 2, 15, 0) and dept["department_id"] == 7
    assert c["resolution", 0]["due"] == s(2026, 2, 3, 10, 0)
    d = describe(dept, s(2026, 2, 2, 12, 0))
    assert d["department_id"] == 7 and d["due"] == "2026-02-02T14:00:00Z"


def test_department_clock_returned_by_sendback_and_a_second_handoff():
    h = history([ams(2026, 2, 2, 10, 0)], events=[handoff(ams(2026, 2, 2, 11, 0)), sendback(ams(2026, 2, 2, 13, 0)),
                                                 handoff(ams(2026, 2, 3, 9, 0), to=8), handoff(ams(2026, 2, 3, 10, 0), to=9)])
    c = clocks_of(h)
    assert c["department", 1]["state"] == "returned" and c["department", 1]["stop"] == s(2026, 2, 2, 13, 0)
    assert c["department", 2]["state"] == "stopped" and c["department", 2]["department_id"] == 8
    assert c["department", 3]["state"] == "running" and c["department", 3]["due"] == s(2026, 2, 3, 14, 0)


def test_department_clock_pauses_and_is_met_when_resolved():
    h = history([ams(2026, 2, 2, 10, 0)], events=[handoff(ams(2026, 2, 2, 11, 0)),
                                                 status(ams(2026, 2, 2, 12, 0), "waiting_on_citizen")])
    dept = clocks_of(h)["department", 1]
    assert dept["state"] == "paused" and dept["elapsed_s"] == 3600
    h.inbound.append(ams(2026, 2, 3, 9, 0))
    dept = clocks_of(h)["department", 1]
    assert dept["state"] == "running" and dept["due"] == s(2026, 2, 3, 12, 0)
    h.events.append(status(ams(2026, 2, 3, 10, 0), "resolved"))
    dept = clocks_of(h)["department", 1]
    assert dept["state"] == "met" and dept["stop"] == s(2026, 2, 3, 10, 0) and "breached" not in dept


def test_department_clock_ends_at_resolution_and_stays_ended_after_a_reopen():
    """The department clock "ends when the case is resolved" (clocks.py docstring); only resolution continues."""
    h = history([ams(2026, 2, 2, 10, 0), ams(2026, 2, 4, 10, 0)], [ams(2026, 2, 2, 10, 30)],
                [handoff(ams(2026, 2, 2, 11, 0)), status(ams(2026, 2, 2, 12, 0), "resolved")])
    c = clocks_of(h)
    assert c["resolution", 0]["state"] == "running"
    assert c["department", 1]["state"] == "met"
    assert c["department", 1]["stop"] == s(2026, 2, 2, 12, 0)


# -- crisis mode -------------------------------------------------------------------------


def test_crisis_counts_24_7_inside_the_window_only():
    h = history([ams(2026, 2, 2, 10, 0)], channel_id=3, tags=["storm"])
    # On at 16:00 and never off: 360 business minutes 10-16, then 120 real minutes.
    on = [CrisisWindow(ams(2026, 2, 2, 16, 0), None, frozenset({"storm"}), frozenset())]
    res = clocks_of(h, crises=on)["resolution", 0]
    assert res["due"] == s(2026, 2, 2, 18, 0) and res["crisis"] is True
    assert describe(res, s(2026, 2, 2, 16, 0))["crisis"] is True
    # First response (due 11:00) is unchanged: the crisis starts after it is due.
    assert clocks_of(h, crises=on)["first_response", 0]["due"] == s(2026, 2, 2, 11, 0)
    # On 16:00, off 17:30: 360 + 90 = 450, then 30 office minutes from Tuesday 09:00.
    window = [CrisisWindow(ams(2026, 2, 2, 16, 0), ams(2026, 2, 2, 17, 30), frozenset(), frozenset({3}))]
    assert clocks_of(h, crises=window)["resolution", 0]["due"] == s(2026, 2, 3, 9, 30)
    # 75% (360) is reached at 16:00 exactly, before the window counts anything.
    assert clocks_of(h, crises=window)["resolution", 0]["warn75"] == s(2026, 2, 2, 16, 0)
    # A crisis about something else changes nothing.
    other = [CrisisWindow(ams(2026, 2, 2, 16, 0), None, frozenset({"hitte"}), frozenset({4}))]
    plain = clocks_of(h)["resolution", 0]
    assert clocks_of(h, crises=other)["resolution", 0] == plain and "crisis" not in plain


def test_crisis_over_a_night_and_a_pause():
    # Inbound Friday 16:00; crisis Friday 20:00 - Saturday 02:00 (360 real minutes); resolution 480:
    # Fri 16-17 = 60, crisis 360 (420), Monday 09:00 + 60 = 10:00.
    h = history([ams(2026, 2, 6, 16, 0)])
    window = [CrisisWindow(ams(2026, 2, 6, 20, 0), ams(2026, 2, 7, 2, 0), frozenset(), frozenset({1}))]
    assert clocks_of(h, crises=window)["resolution", 0]["due"] == s(2026, 2, 9, 10, 0)
    # Paused (waiting) Friday 21:00 - Saturday 01:00 inside the crisis: only 120 crisis minutes count.
    h = history([ams(2026, 2, 6, 16, 0), ams(2026, 2, 7, 1, 0)],
                events=[status(ams(2026, 2, 6, 21, 0), "waiting_on_citizen")])
    res = clocks_of(h, crises=window)["resolution", 0]
    # 60 + 60 (20-21) + 60 (01-02) = 180; Monday 09:00 + 300 = 14:00.
    assert res["due"] == s(2026, 2, 9, 14, 0)


# -- daylight saving time ----------------------------------------------------------------


def test_dst_spring_forward_office_hours():
    # Friday 27 March 16:00 CET (15:00Z) + 480: 60 on Friday, Monday 30 March 09:00 CEST (07:00Z) + 420 = 16:00 CEST.
    res = clocks_of(history([ams(2026, 3, 27, 16, 0)]))["resolution", 0]
    assert res["due"] == utc_s(2026, 3, 30, 14, 0) == s(2026, 3, 30, 16, 0)
    assert clocks_of(history([ams(2026, 3, 27, 16, 0)]))["first_response", 0]["due"] == utc_s(2026, 3, 27, 16, 0)


def test_dst_24_7_exact_to_the_second():
    urgent = TargetsConfig((), (Policy("24/7", "24/7", first_response=240, resolution=480),))
    # 22:30:17.25Z on Saturday 28 March (23:30:17 CET) + 240 real minutes = 02:30:17.25Z (04:30 CEST), rounded up.
    start = to_us(datetime(2026, 3, 28, 22, 30, 17, 250_000, tzinfo=UTC))
    c = clocks_of(history([start]), urgent)
    assert c["first_response", 0]["start"] == utc_s(2026, 3, 28, 22, 30, 18)
    assert c["first_response", 0]["due"] == utc_s(2026, 3, 29, 2, 30, 18) == s(2026, 3, 29, 4, 30, 18)
    assert c["first_response", 0]["warn75"] == utc_s(2026, 3, 29, 1, 30, 18)
    # Fall back: 01:30 CEST on 25 October (23:30Z on the 24th) + 120 real minutes is the second 02:30 (01:30Z).
    start = ams(2026, 10, 25, 1, 30)
    c = clocks_of(history([start]), TargetsConfig((), (Policy("24/7", "24/7", first_response=120),)))
    assert c["first_response", 0]["due"] == utc_s(2026, 10, 25, 1, 30)


def test_dst_fall_back_office_hours_and_crisis():
    # Friday 23 October 16:00 CEST (14:00Z) + 120: 60 on Friday, Monday 26 October 09:00 CET (08:00Z) + 60.
    c = clocks_of(history([ams(2026, 10, 23, 16, 0)]), TargetsConfig((), (Policy("p", "kantoortijden", first_response=120),)))
    assert c["first_response", 0]["due"] == utc_s(2026, 10, 26, 9, 0)
    # A crisis over the weekend of the change: Saturday 24 Oct 22:00 CEST to Sunday 25 Oct 04:00 CET is 7 real hours.
    h = history([ams(2026, 10, 23, 16, 0)], channel_id=5)
    window = [CrisisWindow(ams(2026, 10, 24, 22, 0), ams(2026, 10, 25, 4, 0), frozenset(), frozenset({5}))]
    c = clocks_of(h, TargetsConfig((), (Policy("p", "kantoortijden", resolution=480),)), window)
    # 60 Friday + 420 crisis = 480 exactly at the end of the window: due 04:00 CET = 03:00Z.
    assert c["resolution", 0]["due"] == utc_s(2026, 10, 25, 3, 0)


def test_due_rounds_up_to_the_second_and_microseconds_count():
    h = history([ams(2026, 2, 2, 10, 0, us=1)])
    c = clocks_of(h)["first_response", 0]
    assert c["start"] == s(2026, 2, 2, 10, 0) + 1
    assert c["due"] == s(2026, 2, 2, 11, 0) + 1
    # Met 1 µs after the exact due instant: late, though both round to the same second.
    late = clocks_of(history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 11, 0, us=1)]))["first_response", 0]
    assert late["breached"] is True


# -- level and describe ---------------------------------------------------------------------


def test_level_of_a_running_clock():
    first = clocks_of(history([ams(2026, 2, 2, 10, 0)]))["first_response", 0]
    assert level(first, s(2026, 2, 2, 10, 44, 59)) == 0
    assert level(first, s(2026, 2, 2, 10, 45)) == 75
    assert level(first, s(2026, 2, 2, 10, 53, 59)) == 75
    assert level(first, s(2026, 2, 2, 10, 54)) == 90
    assert level(first, s(2026, 2, 2, 11, 0)) == 100
    d = describe(first, s(2026, 2, 2, 11, 0))
    assert d == {
        "clock": "first_response", "seq": 0, "start": "2026-02-02T09:00:00Z", "target_minutes": 60,
        "calendar": "kantoortijden", "state": "running", "due": "2026-02-02T10:00:00Z", "stop": None,
        "met": False, "breached": True, "warning": 100, "paused_seconds": 0,
    }
    assert describe(first, s(2026, 2, 2, 10, 59, 59))["breached"] is False


def test_level_of_a_paused_clock_keeps_what_it_reached():
    # Paused at 16:00 Monday after 360 business minutes: exactly 75% of 480.
    h = history([ams(2026, 2, 2, 10, 0)], events=[status(ams(2026, 2, 2, 16, 0), "waiting_on_citizen")])
    res = clocks_of(h)["resolution", 0]
    assert res["warn75"] == s(2026, 2, 2, 16, 0) and "warn90" not in res
    assert level(res, s(2026, 2, 9, 0, 0)) == 75
    d = describe(res, s(2026, 2, 2, 18, 0))
    assert d["paused_seconds"] == 7200 and d["remaining_minutes"] == 120.0 and d["warning"] == 75


def test_level_of_a_met_clock_is_what_it_reached_before_it_stopped():
    first = clocks_of(history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 50)]))["first_response", 0]
    assert first["warn75"] == s(2026, 2, 2, 10, 45) and "due" not in first
    assert level(first, s(2026, 2, 2, 10, 46)) == 75
    assert level(first, s(2026, 2, 3, 10, 0)) == 75
    d = describe(first, s(2026, 2, 3, 10, 0))
    assert d["met"] is True and d["stop"] == "2026-02-02T09:50:00Z" and d["warning"] == 75


def test_describe_paused_seconds_add_up_over_pauses():
    h = history([ams(2026, 2, 2, 10, 0), ams(2026, 2, 2, 12, 0), ams(2026, 2, 2, 15, 0)],
                events=[status(ams(2026, 2, 2, 11, 0), "waiting_on_citizen"), status(ams(2026, 2, 2, 14, 0), "waiting_on_citizen"),
                        status(ams(2026, 2, 2, 16, 0), "waiting_on_citizen")])
    res = clocks_of(h)["resolution", 0]
    assert res["state"] == "paused" and res["paused_s"] == 3600 + 3600
    assert res["elapsed_s"] == (60 + 120 + 60) * MIN
    d = describe(res, s(2026, 2, 2, 16, 30))
    assert d["paused_seconds"] == 7200 + 1800 and d["remaining_minutes"] == 240.0


def test_compute_is_pure_and_deterministic():
    h = history([ams(2026, 2, 2, 10, 0), ams(2026, 2, 3, 9, 0)], [ams(2026, 2, 2, 10, 30)],
                [status(ams(2026, 2, 2, 12, 0), "resolved"), handoff(ams(2026, 2, 3, 10, 0))])
    before = (list(h.inbound), list(h.responses), list(h.events))
    a = compute(h, CONFIG).encoded()
    assert compute(h, CONFIG).encoded() == a
    assert (h.inbound, h.responses, h.events) == before
    assert decode(a) == compute(h, CONFIG).clocks


# -- the TOML file ------------------------------------------------------------------------


def test_toml_round_trip_defaults():
    config = TargetsConfig((), DEFAULT_POLICIES)
    assert load_toml(dump_toml(config)) == config


def test_toml_round_trip_custom_calendars():
    split = Calendar.from_dict({
        "name": "loket", "timezone": "Europe/Amsterdam",
        "hours": {"mon": ["09:00-12:00", "13:00-17:00"], "tue": ["13:00-17:00", "09:00-12:00"], "sat": ["10:00-12:00"]},
        "holidays": "NL", "closed": ["2026-12-24", "2026-12-31"], "closed_intervals": ["2026-12-23T12:00/2026-12-23T17:00"],
    })
    night = Calendar.from_dict({"name": "nacht \"dienst\"", "hours": {"mon": ["22:00-24:00"], "tue": ["00:00-06:00"]}})
    always = Calendar.from_dict({"name": "altijd", "always_open": True})
    config = TargetsConfig((split, night, always), (
        Policy("Loket, hoog", "loket", platform="email", priority="high", first_response=30, resolution=600, handoff=120),
        Policy("Nacht", "nacht \"dienst\"", tag="storm", next_response=5),
        Policy("Rest é", "kantoortijden", first_response=0, next_response=1, resolution=2, handoff=3),
    ))
    text = dump_toml(config)
    back = load_toml(text)
    assert back == config
    assert back.calendar("loket").to_dict() == split.to_dict()
    assert back.calendar("nacht \"dienst\"").to_dict()["holidays"] is None
    assert dump_toml(back) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[policy]]\nname = "a"\nfirst_response = 5\nkleur = "rood"\n', "unknown field(s) kleur"),
        ('[[policy]]\nname = "a"\ncalendar = "nergens"\nfirst_response = 5\n', "there is no calendar 'nergens'"),
        ('[[policy]]\nname = "a"\nfirst_response = -5\n', "-5 minutes is out of range"),
        ('[[policy]]\nname = "a"\nfirst_response = 1.5\n', "expected a whole number"),
        ('[[policy]]\nname = "a"\n', "give at least one target"),
        ('[[policy]]\nname = "a"\npriority = "dringend"\nfirst_response = 5\n', "priority 'dringend' is not one of"),
        ("# nothing\n", "has no [[policy]]"),
        ('[[calendar]]\nname = "x"\nalways_open = true\n', "has no [[policy]]"),
        ("[[policy]\nname = 1", "not valid TOML"),
        ('[regels]\nx = 1\n', "unknown section(s) regels"),
        ('[[calendar]]\nname = "kantoortijden"\nalways_open = true\n[[policy]]\nname = "a"\nfirst_response = 5\n',
         "is defined twice or is a built-in"),
        ('[[calendar]]\nname = "x"\nkleur = 1\n[[policy]]\nname = "a"\nfirst_response = 5\n', "kleur"),
    ],
)
def test_bad_toml_files(text, message):
    with pytest.raises(ValueError) as caught:
        load_toml(text)
    assert message in str(caught.value)


def test_policy_lists_expand_and_any_matches_all():
    config = load_toml('[[policy]]\nname = "a"\nplatform = ["email", "x"]\npriority = "any"\ntag = " Afval "\nfirst_response = 5\n')
    assert [(p.platform, p.priority, p.tag) for p in config.policies] == [("email", None, "afval"), ("x", None, "afval")]
    assert config.policy_for("x", "urgent", frozenset({"afval"})).name == "a"
    assert config.policy_for("x", "urgent", frozenset()) is None
    assert config.policies[0].minutes("handoff") is None
    with pytest.raises(ValueError, match="there is no calendar"):
        config.calendar("nergens")


def test_a_clock_that_ended_before_a_crisis_is_not_marked():
    """A crisis switched on later changes nothing about a case closed before it (stored == recomputed)."""
    h = history([ams(2026, 2, 2, 10, 0)], [ams(2026, 2, 2, 10, 30)], [status(ams(2026, 2, 2, 12, 0), "closed")], channel_id=3)
    later = [CrisisWindow(ams(2026, 2, 3, 9, 0), None, frozenset(), frozenset({3}))]
    assert compute(h, CONFIG, later).clocks == compute(h, CONFIG).clocks
    during = [CrisisWindow(ams(2026, 2, 2, 11, 0), ams(2026, 2, 2, 11, 30), frozenset(), frozenset({3}))]
    c = clocks_of(h, crises=during)
    assert "crisis" not in c["first_response", 0] and c["resolution", 0]["crisis"] is True


def test_the_fast_path_for_a_new_case_equals_the_fold():
    """A history of one inbound message takes a shortcut at ingest; it must give the fold's result exactly."""
    import random

    from newsroom.targets.clocks import CrisisWindow, History, _fresh, _general
    from newsroom.targets.policy import DEFAULT_POLICIES, PLATFORMS, PRIORITIES, TargetsConfig

    config = TargetsConfig(policies=DEFAULT_POLICIES)
    rnd = random.Random(5)
    base = 1_767_225_600 * 1_000_000  # 2026-01-01
    nowhere = [CrisisWindow(0, 1, frozenset({"geen-onderwerp"}), frozenset({-1}))]  # a crisis elsewhere changes nothing
    for _ in range(3000):
        h = History(rnd.choice(PLATFORMS), 1, rnd.choice(PRIORITIES), frozenset(rnd.sample(["storing", "pers"], rnd.randint(0, 2))),
                    [base + rnd.randrange(0, 366 * 86_400_000_000)], [], [])
        fast, slow = _fresh(h, config), _general(h, config, nowhere)
        assert (fast.encoded(), fast.due_at, fast.risk_at) == (slow.encoded(), slow.due_at, slow.risk_at)
