"""A storm for the demo: one fallen tree reported by dozens of citizens on many channels at once.

`newsroom --demo demo storm` ingests it and scans for incidents, so a
newcomer sees what the newsroom does with one incident reported everywhere:
one proposal with every reporter, accepted and answered once (Ctrl+I).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from newsroom.demo.generator import generate, incident_labels

# The generator's seed whose first 400 messages (8 s apart on average) hold a
# burst of 47 reports about a tree that fell across the Van Goghstraat.
STORM_SEED = 14
_COUNT, _GAP = 400, 8.0


def storm_items(now: datetime, *, limit: int | None = None) -> list[dict]:
    """The storm's reports as inbound items, the last one a minute before `now`, with ids of their own."""
    labels = incident_labels(_COUNT, seed=STORM_SEED, mean_gap_seconds=_GAP)
    items = [o for o in generate(_COUNT, seed=STORM_SEED, mean_gap_seconds=_GAP)
             if labels.get((o["channel"], o["external_id"]), "").startswith("storm-boom/")]
    if limit is not None:
        items = items[: max(0, limit)]
    if not items:
        return []
    last = max(datetime.fromisoformat(o["received_at"]) for o in items)
    shift = (now - timedelta(minutes=1)) - last
    tag = now.strftime("%Y%m%d%H%M%S")
    out = []
    for o in items:
        item = dict(o)
        item["received_at"] = (datetime.fromisoformat(o["received_at"]) + shift).isoformat()
        item["external_id"] = f"storm-{tag}-{o['external_id']}"
        if item.get("thread_id"):
            item["thread_id"] = f"storm-{tag}-{o['thread_id']}"
        item.pop("in_reply_to", None)
        out.append(item)
    return out
