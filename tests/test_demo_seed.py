"""The demo's first batch of messages: whatever the hour it is seeded, it lies in the past
(the generator's side of it is tested in test_demo_generator.py)."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from newsroom.config import open_location
from newsroom.demo import seed
from newsroom.model import Message


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
