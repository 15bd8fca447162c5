"""The collector inside the desktop, and the demo's platforms that feed it.

`DeskCollector` runs the core's `Collector` as a task on the window's
qasync event loop (the collector's database work runs in worker threads;
the loop itself never waits on it). Every action the collector performs
(`collect_page`, `reply_sending`, `reply_sent`, ...) is reported on the
loop, which qasync runs on the UI thread; a burst is folded into one `changed(Change)` that
names every case touched, which the window handles like its own actions'
changes: those rows, the counts, the open case.

Channel settings change while it runs (a channel added, switched off,
removed, a new secret): `restart()` stops every channel's loop and starts
them again from the channels table. `close()` is the shutdown path: stop,
await the task (cancelling it after a grace period), close the connectors.

`IncidentWatch` keeps the core's `IncidentScanner` warm on a thread of its
own (the scanner is not thread-safe: that one thread owns it) and feeds it
after every page the collector stores; a proposed incident comes back as
`proposed(incident id, reporters)` on the UI thread.

`DemoFeed` drives `newsroom.demo.platforms.DemoPlatforms` for `newsroom
--demo`: citizens post on loopback fakes of the platforms and the collector
reads them like real ones. It keeps the old demo feed's controls: pause,
resume, and the seconds between messages (mapped onto `set_rate`).
"""
from __future__ import annotations

import asyncio
import importlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from newsroom.actions import Change
from newsroom.connectors.base import ChannelSettings, Health
from newsroom.connectors.runner import Collector
from newsroom.db.engine import Database
from newsroom.secrets import MemorySecretStore, SecretStore

log = logging.getLogger(__name__)

FLUSH_MS = 30  # fold a burst of collector actions into one refresh
CLOSE_GRACE_S = 10.0  # how long shutdown waits for a platform call in flight before cancelling it
COLLECTOR_ACTION = "collect"  # the action name of the folded Change


class DeskCollector(QObject):
    """The core's collector on the desktop's event loop; `changed` carries what it touched."""

    changed = Signal(object)  # Change: case_ids touched, info["imported"], info["actions"]
    restarted = Signal()

    def __init__(self, db: Database, secrets: SecretStore, parent: QObject | None = None, *,
                 factory: Callable[..., Collector] = Collector, incidents: IncidentWatch | None = None):
        super().__init__(parent)
        self.db = db
        # Fed after every stored page; None: no incident scanning on this desk.
        self.incidents = incidents if incidents is not None else IncidentWatch(db, self)
        self.secrets = secrets
        self._factory = factory
        self.collector: Collector | None = None
        self._task: asyncio.Task | None = None
        self._stop: asyncio.Event | None = None
        self._closing = False
        self._checks: set[asyncio.Task] = set()
        self._case_ids: set[int] = set()
        self._imported = 0
        self._actions: list[str] = []
        self.received = 0  # messages stored since start
        self._flush_timer = QTimer(self, singleShot=True, interval=FLUSH_MS, timeout=self._flush)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> bool:
        """Start on the running event loop; False (and nothing started) without one."""
        if self.running or self._closing:
            return self.running
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            log.warning("no running event loop: the collector does not run in this window")
            return False
        self.collector = self._factory(self.db, secrets=self.secrets, on_change=self._collect, origin="collector")
        self._task = loop.create_task(self._supervise(), name="newsroom-collector")
        return True

    def restart(self) -> None:
        """Read the channels again (one was added, changed, removed, or got a new secret)."""
        if self._stop is not None:
            self._stop.set()

    async def _supervise(self) -> None:
        while not self._closing:
            stop = asyncio.Event()
            self._stop = stop
            try:
                await self.collector.run(stop)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the collector stopped unexpectedly; starting it again in 5 s")
                try:
                    await asyncio.wait_for(stop.wait(), timeout=5)
                except TimeoutError:
                    pass
                continue
            # run() returns at once when no channel is connected: wait for a restart or the end.
            await stop.wait()
            if not self._closing:
                self.restarted.emit()

    async def close(self, grace: float = CLOSE_GRACE_S) -> None:
        """Stop collecting and close the connectors; nothing is left pending."""
        self._closing = True
        if self._stop is not None:
            self._stop.set()
        for task in list(self._checks):
            task.cancel()
        if self._checks:
            await asyncio.gather(*self._checks, return_exceptions=True)
        if self._task is not None:
            done, _pending = await asyncio.wait({self._task}, timeout=grace)
            if not done:
                log.warning("the collector did not stop within %.0f s; cancelling it", grace)
                self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self.collector is not None:
            await self.collector.aclose()
            self.collector = None
        self._flush_timer.stop()
        if self.incidents is not None:
            await asyncio.to_thread(self.incidents.close)

    # -- test connection ----------------------------------------------------------------

    def check(self, channel: ChannelSettings, on_done: Callable[[Health], None], *, secret: str | None = None) -> asyncio.Task | None:
        """Run the connector's `check` on the loop; `on_done(Health)` follows (not after cancel()).

        With `secret` (a channel not saved yet) the check runs on a collector of
        its own with the secret in memory only, so nothing reaches the keyring
        before the person saves. Returns the task (cancel it to stop the check).
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            on_done(Health(False, "no event loop"))
            return None

        async def run() -> Health:
            if secret is None and self.collector is not None:
                return await self.collector.check(channel)
            store = MemorySecretStore()
            if secret:
                store.set(channel, secret)
            async with Collector(self.db, secrets=store if secret is not None else self.secrets) as own:
                return await own.check(channel)

        task = loop.create_task(run(), name="newsroom-check")
        self._checks.add(task)

        def finished(done: asyncio.Task) -> None:
            self._checks.discard(done)
            if done.cancelled():
                return
            error = done.exception()
            if error is not None:
                log.warning("testing channel %s failed", channel.name, exc_info=error)
                on_done(Health(False, f"{type(error).__name__}: {error}"))
            else:
                on_done(done.result())

        task.add_done_callback(finished)
        return task

    # -- changes to the UI thread ---------------------------------------------------------

    def _collect(self, change: Change) -> None:
        # Called by the collector on the event loop, which qasync runs on the UI thread.
        self._case_ids.update(change.case_ids)
        imported = int(change.info.get("imported", 0) or 0) if change.action == "collect_page" else 0
        self._imported += imported
        self.received += imported
        self._actions.append(change.action)
        if imported and self.incidents is not None:
            self.incidents.feed()
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        change = Change(COLLECTOR_ACTION, "channel", None, tuple(sorted(self._case_ids)),
                        info={"imported": self._imported, "actions": self._actions})
        self._case_ids = set()
        self._imported = 0
        self._actions = []
        self.changed.emit(change)


# -- incidents ------------------------------------------------------------------------------


DRAIN_MS = 200  # how often the window's thread looks for a finished scan


class IncidentWatch(QObject):
    """The incident scanner on one thread of its own, fed after each stored page.

    Feeds are folded: while one is waiting for the thread, another request
    adds nothing (the scanner reads everything since its last feed anyway).
    Errors are logged, never shown as a traceback; the next page tries again.
    """

    proposed = Signal(object, int)  # incident id, messages (reporters) in it
    fed = Signal(object)  # the scanner's report, after each feed

    def __init__(self, db: Database, parent: QObject | None = None, *, scanner_factory: Callable[[Database], Any] | None = None):
        super().__init__(parent)
        self.db = db
        self._factory = scanner_factory
        self._scanner = None
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting = False
        self._closed = False
        # The scanner's thread never touches a Qt object (this one may be gone
        # by the time a scan ends): it leaves its report in a plain queue, and a
        # timer on the window's thread hands the reports on.
        self._reports: queue.SimpleQueue = queue.SimpleQueue()
        self._drain = QTimer(self, interval=DRAIN_MS, timeout=self._drain_reports)
        self._drain.start()

    def feed(self) -> None:
        """Scan what arrived since the last feed, on the scanner's thread."""
        with self._lock:
            if self._closed or self._waiting:
                return
            self._waiting = True
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsroom-incidents")
            self._pool.submit(self._run)

    def _run(self) -> None:
        # On the scanner's thread: the only thread that ever touches the scanner.
        with self._lock:
            self._waiting = False  # what arrives from now on needs another pass
        try:
            if self._scanner is None:
                if self._factory is None:
                    from newsroom.actions.incidents import IncidentScanner

                    self._factory = IncidentScanner
                self._scanner = self._factory(self.db)  # reads the recent window; may propose at once
                report = dict(self._scanner.last or {})
                more = self._scanner.feed()
                report = _merge_reports(report, more)
            else:
                report = self._scanner.feed()
        except Exception:
            log.exception("scanning for incidents failed; trying again after the next page")
            return
        self._reports.put(report)

    def _drain_reports(self) -> None:
        while True:
            try:
                report = self._reports.get_nowait()
            except queue.Empty:
                return
            self._deliver(report)

    def _deliver(self, report: dict) -> None:
        self.fed.emit(report)
        added = report.get("added") or {}
        for incident_id in report.get("new") or ():
            self.proposed.emit(incident_id, int(added.get(str(incident_id), 0)))

    def close(self) -> None:
        """Finish a scan in progress and stop the thread."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


def _merge_reports(first: dict, second: dict) -> dict:
    added = dict(first.get("added") or {})
    for key, n in (second.get("added") or {}).items():
        added[key] = added.get(key, 0) + n
    return {"new": [*(first.get("new") or ()), *(second.get("new") or ())], "added": added,
            "absorbed": [*(first.get("absorbed") or ()), *(second.get("absorbed") or ())]}


# -- the demo -----------------------------------------------------------------------------


def demo_platforms_available() -> list[str]:
    """The demo platforms whose fake and connector both import (others are skipped and logged)."""
    from newsroom.connectors import connector_class
    from newsroom.demo.platforms import FAKES

    found = []
    for platform, (module, cls) in FAKES.items():
        try:
            fake = importlib.import_module(module)
            getattr(fake, cls)
            connector_class(platform)
        except (ImportError, AttributeError, KeyError) as error:
            log.info("demo: no fake %s platform (%s); skipped", platform, error)
            continue
        found.append(platform)
    return found


def start_demo_platforms(db: Database, rate: float) -> Any:
    """`DemoPlatforms` started on the fakes that exist; its `secrets` are in memory only."""
    from newsroom.demo.platforms import DemoPlatforms

    platforms = demo_platforms_available()
    if not platforms:
        log.warning("demo: no platform fakes available; the demo shows its seeded cases only")
    demo = DemoPlatforms(db, platforms=platforms)
    return demo.start(scenario_rate=rate if platforms else 0.0)


class DemoFeed(QObject):
    """The demo's controls over `DemoPlatforms`: pause, resume, seconds between messages.

    `received` counts the messages the collector stored from the fakes, so
    the status bar shows what really arrived in the inbox.
    """

    state_changed = Signal(bool, int)

    def __init__(self, demo: Any, collector: DeskCollector | None, seconds: int = 4, parent: QObject | None = None):
        super().__init__(parent)
        self.demo = demo
        self._collector = collector
        self._seconds = 4
        self._running = False
        self.set_interval(seconds)
        if collector is not None:
            collector.changed.connect(self._collected)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def received(self) -> int:
        return self._collector.received if self._collector is not None else 0

    @property
    def has_platforms(self) -> bool:
        return bool(getattr(self.demo, "fakes", None))

    def set_interval(self, seconds: int) -> None:
        self._seconds = max(1, int(seconds))
        if self._running:
            self.demo.set_rate(1.0 / self._seconds)

    def start(self) -> None:
        self._running = self.has_platforms
        if self._running:
            self.demo.set_rate(1.0 / self._seconds)
        self.state_changed.emit(self._running, self.received)

    def stop(self) -> None:
        self._running = False
        if self.demo is not None:
            self.demo.set_rate(0)
        self.state_changed.emit(False, self.received)

    def toggle(self) -> None:
        self.stop() if self._running else self.start()

    def _collected(self, change: Change) -> None:
        if change.info.get("imported"):
            self.state_changed.emit(self._running, self.received)
