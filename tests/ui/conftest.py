"""Fixtures for the desktop tests: a seeded demo database per test, a shown main window, hostile messages."""
from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom.actions import SYSTEM, perform, resolve_actor
from newsroom.config import DATABASE_FILE, data_location, open_location
from newsroom.db.engine import Database
from newsroom.demo.seed import DEMO_USER, seed_demo
from newsroom.inbound import parse_item
from newsroom.timeutil import utcnow


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded demo database for the session; each test gets a copy (seeding costs more than copying)."""
    folder = tmp_path_factory.mktemp("template")
    db = open_location(folder)
    try:
        seed_demo(db)
    finally:
        db.close()  # checkpoints the WAL into the file, so one file is the whole database
    return folder / DATABASE_FILE


@pytest.fixture
def demo_location(seeded_template: Path) -> Path:
    """The demo folder of this test's data location, holding a fresh copy of the seeded demo."""
    location = data_location(None, demo=True)
    location.mkdir(parents=True)
    shutil.copy(seeded_template, location / DATABASE_FILE)
    return location


@pytest.fixture
def db(demo_location: Path) -> Iterator[Database]:
    database = open_location(demo_location)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """A test must stop every thread it started (the database worker above all)."""
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for thread in leaked:
        thread.join(timeout=5)
    still = [t.name for t in leaked if t.is_alive()]
    assert not still, f"threads left running: {still}"


class WindowHarness:
    """A shown, active main window over the demo database, as sanne."""

    def __init__(self, qtbot, db: Database, location: Path, *, demo: bool = True, user: str = DEMO_USER, collector=None):
        from ui.mainwindow import Desk, MainWindow
        from ui.ops import Ops
        from ui.settings import SETTINGS_FILE, Settings

        self.qtbot = qtbot
        self.db = db
        self.actor = resolve_actor(db, user)
        self.settings = Settings(data_location(None) / SETTINGS_FILE, mode="demo")
        self.ops = Ops(db, self.actor)
        self.window = MainWindow(Desk(db, self.actor, location, demo, self.settings), self.ops, None, collector)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow)

    @property
    def table(self):
        return self.window.table

    @property
    def pane(self):
        return self.window.pane

    def key(self, key, modifier=None, widget=None) -> None:
        from PySide6.QtCore import Qt

        target = widget or self.window.focusWidget() or self.table
        # Shortcuts only reach the active window (after a dialog closes it takes a moment).
        self.qtbot.waitUntil(target.window().isActiveWindow)
        self.qtbot.keyClick(target, key, modifier or Qt.KeyboardModifier.NoModifier)

    def type(self, text: str, widget=None) -> None:
        self.qtbot.keyClicks(widget or self.window.focusWidget(), text)

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ops.busy, timeout=10_000)

    def wait_dialog(self):
        self.qtbot.waitUntil(lambda: self.window.dialog is not None and self.window.dialog.isVisible())
        dialog = self.window.dialog
        # Keys go where a person's would: to the active window's focus widget.
        self.qtbot.waitUntil(dialog.isActiveWindow)
        return dialog

    def open_first(self, view: str = "all") -> int:
        from PySide6.QtCore import Qt

        """Choose a view, go to the list and open its first case; returns the case id."""
        assert self.window.views.choose(view)
        self.table.setFocus()
        self.key(Qt.Key.Key_Home)
        self.qtbot.waitUntil(lambda: self.pane.case_id is not None)
        assert self.pane.case_id == self.window.model.case_id(0)
        return self.pane.case_id

    def close(self) -> None:
        self.window.close()
        self.ops.close()


@pytest.fixture
def harness(qtbot, db: Database, demo_location: Path) -> Iterator[WindowHarness]:
    h = WindowHarness(qtbot, db, demo_location)
    try:
        yield h
    finally:
        h.close()


HOSTILE = {
    "html": '<b>vet</b> <a href="https://evil.example/">klik</a> <img src=x onerror=alert(1)>',
    "script": "<script>alert('xss')</script> Mijn container is niet geleegd.",
    "rtl": "Factuur \u202eexe.fdp\u202c betaald?",
    "zero_width": "af\u200bval\u200c is\u200d nie\ufefft op\u2060gehaald",
}


def ingest_text(db: Database, text: str, *, author: str = "Burger", external_id: str = "hostile-1", subject=None) -> int:
    """Store one inbound message; returns the id of its case."""
    item = {
        "platform": "email",
        "channel": "info@stadsveen.nl",
        "external_id": external_id,
        "author": {"name": author, "email": "burger@example.nl"},
        "text": text,
        "received_at": utcnow().isoformat(),
    }
    if subject:
        item["subject"] = subject
    change = perform(db, "ingest", SYSTEM, origin="demo", items=[parse_item(item)])
    return change.info["new_case_ids"][0] if change.info["new_case_ids"] else change.case_ids[0]


# -- the qasync loop, for tests of what runs on it (the collector, connection tests) -------------


def run_on_loop(qapp, main):
    """Run the coroutine function `main` on a qasync loop over `qapp`, as `ui.app.run` does; returns its result.

    Inside, wait with `await until(...)`, never with qtbot.waitUntil: a nested
    Qt event loop would step other asyncio tasks inside the running one.
    """
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    def loop():
        made = qasync.QEventLoop(qapp)
        made.set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsroom-loop"))  # as ui.app does
        return made

    with asyncio.Runner(loop_factory=loop) as runner:
        return runner.run(main())


async def until(condition, timeout: float = 15.0, step: float = 0.02):
    """Wait on the loop until `condition()` is true; its value, or AssertionError after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await asyncio.sleep(step)
