"""The demo's live feed: every few seconds a few new citizen messages arrive, while you watch.

The messages come from the core's demo generator and are ingested like
any connector's, through the `ingest` action (origin "demo") on the desk's
database worker. A QTimer paces it; pausing stops the timer.
"""
from __future__ import annotations

import random

from PySide6.QtCore import QObject, QTimer, Signal

from newsroom.actions import SYSTEM, Change
from newsroom.demo.generator import live
from newsroom.inbound import parse_item
from ui.ops import Ops


class DemoFeed(QObject):
    """New demo messages every `seconds`; `state_changed(running, received)` after each step."""

    state_changed = Signal(bool, int)

    def __init__(self, ops: Ops, seconds: int = 4, parent: QObject | None = None, *, seed: int | None = None):
        super().__init__(parent)
        self._ops = ops
        self._items = live(seed=seed)
        self._random = random.Random(seed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.step)
        self._in_flight = False
        self.received = 0
        self.set_interval(seconds)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, seconds: int) -> None:
        self._timer.setInterval(max(1, int(seconds)) * 1000)

    def start(self) -> None:
        self._timer.start()
        self.state_changed.emit(True, self.received)

    def stop(self) -> None:
        self._timer.stop()
        self.state_changed.emit(False, self.received)

    def toggle(self) -> None:
        self.stop() if self.running else self.start()

    def step(self) -> None:
        """Ingest one to three new messages (skipped while the previous ones are still being stored)."""
        if self._in_flight:
            return
        items = [parse_item(next(self._items)) for _ in range(self._random.randint(1, 3))]
        self._in_flight = True
        future = self._ops.perform("ingest", actor=SYSTEM, origin="demo", items=items, on_done=self._stored, on_error=self._not_stored)
        if future is None:  # the worker is closing
            self._in_flight = False

    def _stored(self, change: Change) -> None:
        self._in_flight = False
        self.received += int(change.info.get("imported", 0))
        self.state_changed.emit(self.running, self.received)

    def _not_stored(self, _error: BaseException) -> None:
        self._in_flight = False
