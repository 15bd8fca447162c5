"""The demo's first batch of messages: whatever the hour it is seeded, it lies in the past."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

import newsroom.demo.seed as seed
from newsroom.config import open_location
from newsroom.model import Message
from newsroom.timeutil import parse_instant


def test_the_history_ends_before_now_at_every_hour_of_the_week(monkeypatch: pytest.MonkeyPatch) -> None:
    # The generator's gaps are longer at night: a history started a fixed time
    # ago used to end in the future in the evening, above anything that really
    # arrived after the seed.
    monday = datetime(2026, 11, 23, tzinfo=UTC)
    for hour in range(7 * 24):
        now = monday + timedelta(hours=hour, minutes=37)
        monkeypatch.setattr(seed, "utcnow", lambda now=now: now)
        objs = seed._history(400, 7)
        assert len(objs) == 400
        first, last = parse_instant(objs[0]["received_at"]), parse_instant(objs[-1]["received_at"])
        assert last <= now, f"seeded at {now:%a %H:%M}: newest message at {last:%H:%M}"
        assert now - first < timedelta(hours=12)  # still a lived-in inbox, not a week of history


def test_a_demo_seeded_late_in_the_evening_has_no_message_from_the_future(tmp_path, monkeypatch) -> None:
    now = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)  # 23:30 in Amsterdam, a Friday: the old seed ended 3 hours ahead
    monkeypatch.setattr(seed, "utcnow", lambda: now)
    db = open_location(tmp_path)
    try:
        seed.seed_demo(db)
        with db.read() as conn:
            newest = conn.execute(select(func.max(Message.received_at))).scalar_one()
            count = conn.execute(select(func.count()).select_from(Message)).scalar_one()
    finally:
        db.close()
    assert count == 400
    assert newest <= now
