"""Starting and stopping the desktop: one path in, one path out.

`run` creates the QApplication and runs `_main` on a qasync event loop.
`_main` starts the `Desktop` (settings, language, database, who you are,
the window, the collector and, in the demo, the fake platforms) and waits
for an asyncio.Event that the window sets when it closes. Qt does not quit
on its own when the last window closes (setQuitOnLastWindowClosed(False)):
the clean-up runs first (the collector stopped and its task awaited, the
fakes stopped, the database worker drained, all without blocking the
loop), and then `_main` returns and the loop ends.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import logging.handlers
import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# The core before Qt: once PySide6 is imported, its import hook runs for every
# later import, ~0.15 s of a cold start for SQLAlchemy and the core alone.
from sqlalchemy import func, select  # isort: skip

from newsroom.actions import SYSTEM, ActionError, perform, resolve_actor  # isort: skip
from newsroom.config import data_location, open_location, reset_demo  # isort: skip
from newsroom.db.engine import Database, DatabaseError  # isort: skip
from newsroom.inbox import InboxFilter  # noqa: F401  isort: skip  (imported here for the same reason)
from newsroom.model import User  # isort: skip
from newsroom.secrets import MemorySecretStore, SecretStore  # isort: skip

import qasync  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402
from ui import i18n, theme
from ui.core_text import explain
from ui.i18n import tr
from ui.icons import app_icon
from ui.mainwindow import Desk, MainWindow
from ui.ops import Ops
from ui.settings import SETTINGS_FILE, Settings
from ui.welcome import UserPickerDialog, WelcomeDialog

log = logging.getLogger(__name__)

# For `ui.bench`: print "ready <ms>" when the inbox first painted, then close.
READY_ENV = "NEWSROOM_UI_EXIT_WHEN_READY"
LOG_FILE = "desktop.log"
COLLECT_AT_THE_LATEST_MS = 2_000


def run(*, data_dir: str | None, demo: bool, reset: bool, user: str | None, language: str | None) -> int:
    """The desktop application; returns the process exit code."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Newsroom")
    app.setOrganizationName("Newsroom")
    app.setApplicationDisplayName("Newsroom")
    app.setDesktopFileName("newsroom")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    base = data_location(data_dir)
    log_handler = _log_to_file(base)
    desktop = Desktop(app, base=base, data_dir=data_dir, demo=demo, reset=reset, user=user, language=language,
                      started=started)
    previous_hook = sys.excepthook
    sys.excepthook = desktop.unexpected
    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(_main(desktop))
    finally:
        sys.excepthook = previous_hook
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()


async def _main(desktop: Desktop) -> int:
    # The collector's database work runs in this pool (asyncio.to_thread); the loop joins it when it closes.
    # (qasync's own default is a pool of QThreads, which Python's threading module cannot join.)
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsroom-loop"))
    quit_requested = asyncio.Event()
    desktop.on_quit = quit_requested.set
    previous = _quit_on_signals(desktop)
    try:
        desktop.start()
        await quit_requested.wait()
        await desktop.shutdown()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    return desktop.exit_code


def _quit_on_signals(desktop: Desktop) -> dict:
    """Ctrl+C or SIGTERM close the window the normal way (state saved, worker drained).

    A Python signal handler runs only when Python code runs; the keep-alive
    timer gives it that chance while Qt waits for events.
    """
    previous = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        previous[number] = signal.getsignal(number)
        signal.signal(number, lambda *_: QTimer.singleShot(0, desktop.request_quit))
    desktop.keepalive = QTimer(interval=250, timeout=lambda: None)
    desktop.keepalive.start()
    return previous


def settle_heap() -> None:
    """Once the window has painted: what the process built to get there (modules, the ORM's
    mappings, Qt's wrappers, ~100,000 objects) lives as long as it does, so it leaves the
    collector's generations (gc.freeze). Otherwise every full collection walks it all again:
    ~0.1 s, a visible stutter in whatever frame it lands in."""
    gc.freeze()


def _log_to_file(base: Path) -> logging.Handler | None:
    """Problems go to desktop.log in the data location (warnings and worse)."""
    try:
        base.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(base / LOG_FILE, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return handler


class Desktop:
    """The running desktop: its settings, database, worker, window and demo feed."""

    def __init__(self, app: QApplication, *, base: Path, data_dir: str | None, demo: bool, reset: bool,
                 user: str | None, language: str | None, started: float | None = None):
        self.app = app
        self.base = base
        self.data_dir = data_dir
        self.demo = demo
        self.reset = reset
        self.user = user
        self.language = language
        self.started = started or time.perf_counter()
        self.exit_code = 0
        self.on_quit = lambda: None
        self.keepalive: QTimer | None = None
        self.settings = Settings(base / SETTINGS_FILE, mode="demo" if demo else "own")
        self.translators: list = []
        self.db: Database | None = None
        self.ops: Ops | None = None
        self.feed = None  # a ui.collector.DemoFeed in demo mode
        self.demo_platforms = None  # newsroom.demo.platforms.DemoPlatforms in demo mode
        self.collector = None  # ui.collector.DeskCollector while a window is open
        self.window: MainWindow | None = None
        self.dialog = None
        self.location: Path | None = None

    # -- start ---------------------------------------------------------------------

    def start(self) -> None:
        """Open the data and show the window, or the screen that comes first (welcome, who are you)."""
        self.translators = i18n.install(self.language or self.settings.get("language"), self.base / "cache")
        theme.apply(self.settings.get("theme"))
        if not self._open(self.demo, reset=self.reset):
            return
        if self.demo:
            self._start_demo_data()
        self._choose_user()

    def _open(self, demo: bool, *, reset: bool = False) -> bool:
        self.demo = demo
        self.settings.mode = "demo" if demo else "own"
        location = data_location(self.data_dir, demo=demo)
        try:
            if demo and reset:
                reset_demo(location)
            location.mkdir(parents=True, exist_ok=True)
            self.db = open_location(location)
        except (DatabaseError, OSError) as error:
            self.fail(tr("Newsroom kan de gegevens in {place} niet openen.").format(place=location),
                      str(error) + "\n\n" + tr("Controleer of de map bestaat en schrijfbaar is, en of Newsroom niet al "
                                                "openstaat. Kies een andere map met 'newsroom --data-dir MAP'."))
            return False
        self.location = location
        return True

    def _start_demo_data(self) -> None:
        from newsroom.demo.seed import (
            seed_demo,  # the demo's generator builds its tables on import
        )

        try:
            seed_demo(self.db)
        except (DatabaseError, ActionError) as error:
            self.fail(tr("De demo kon niet worden klaargezet."),
                      str(error) + "\n\n" + tr("Start de demo opnieuw met 'newsroom --demo --reset'."))

    def _users(self) -> list[tuple[str, str, str]]:
        with self.db.read() as conn:
            return [tuple(row) for row in conn.execute(
                select(User.name, User.display_name, User.role).where(User.active.is_(True)).order_by(User.display_name))]

    def _choose_user(self) -> None:
        if self.exit_code:
            return
        with self.db.read() as conn:
            anyone = conn.execute(select(func.count()).select_from(User)).scalar_one() > 0
        if not anyone:
            self._welcome()
            return
        login = self.user or self.settings.get("user") or (self._demo_user() if self.demo else None)
        reason = tr("Newsroom weet niet wie u bent. Kies uw naam.")
        if login:
            try:
                actor = resolve_actor(self.db, login)
            except ActionError:
                reason = tr("Er is geen actieve gebruiker '{name}' in deze gegevens. Kies uw naam.").format(name=login)
            else:
                self._show_window(actor)
                return
        self._pick_user(reason)

    @staticmethod
    def _demo_user() -> str:
        from newsroom.demo.seed import DEMO_USER

        return DEMO_USER

    def _pick_user(self, reason: str) -> None:
        dialog = UserPickerDialog(self._users(), reason)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            login = dialog.login()
            if not result or not login:
                self.request_quit()
                return
            self.settings.set("user", login)
            self._show_window(resolve_actor(self.db, login))

        dialog.finished.connect(finished)
        dialog.open()
        dialog.activateWindow()
        self._ready_when_painted(dialog)

    def _welcome(self) -> None:
        dialog = WelcomeDialog()
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if not result or dialog.choice is None:
                self.request_quit()
            elif dialog.choice == "demo":
                self.db.close()
                if self._open(True):
                    self._start_demo_data()
                    self._choose_user()
            else:
                self._create_first_user(dialog.login.text().strip(), dialog.display_name.text().strip())

        dialog.finished.connect(finished)
        dialog.open()
        dialog.activateWindow()
        self._ready_when_painted(dialog)

    def _create_first_user(self, login: str, display_name: str) -> None:
        try:
            perform(self.db, "add_user", SYSTEM, origin="desktop",
                    name=login, role="admin", display_name=display_name or login)
        except ActionError as error:
            self.fail(tr("Het account kon niet worden aangemaakt."), explain(error))
            return
        self.settings.set("user", login)
        self._show_window(resolve_actor(self.db, login))

    def _show_window(self, actor) -> None:
        self.settings.set("user", actor.name)
        if self.demo and not self.settings.is_set("inbox_order"):
            # The demo shows messages arriving: newest on top, where the eye is.
            self.settings.set("inbox_order", "newest")
        self.ops = Ops(self.db, actor)
        if not self.demo:
            # The window first: the collector (and the HTTP stack it imports) starts once the list has painted.
            self._make_window()
            self.window.first_painted.connect(self._start_collecting)
            QTimer.singleShot(COLLECT_AT_THE_LATEST_MS, self._start_collecting)  # a window that never paints (minimised)
            return
        self._start_collector()  # the demo's window drives its feed from the start
        self._make_window()
        if self.collector is not None:
            self.collector.start()
        if self.feed is not None and self.settings.get("demo_feed_on"):
            self.feed.start()

    def _start_collecting(self) -> None:
        if self.window is None or not self.window.isVisible() or self.collector is not None or self.exit_code:
            return
        self._start_collector()
        self.window.attach_collector(self.collector)
        self.collector.start()

    def _start_collector(self) -> None:
        """The collector over this data's channels; in the demo over the loopback fakes, secrets in memory."""
        from ui.collector import DemoFeed, DeskCollector, start_demo_platforms

        if self.demo:
            try:
                self.demo_platforms = start_demo_platforms(self.db, 0.0)
            except (OSError, DatabaseError, ActionError) as error:
                log.warning("the demo's platforms did not start: %s", error)
                self.demo_platforms = None
            secrets = self.demo_platforms.secrets if self.demo_platforms is not None else MemorySecretStore()
        else:
            secrets = SecretStore()
        self.collector = DeskCollector(self.db, secrets)
        if self.demo:
            self.feed = DemoFeed(self.demo_platforms, self.collector, self.settings.get("demo_feed_seconds"))

    def _make_window(self) -> None:
        desk = Desk(self.db, self.ops.actor, self.location, self.demo, self.settings)
        window = MainWindow(desk, self.ops, self.feed, self.collector)
        window.first_painted.connect(settle_heap)
        window.closed.connect(self._window_closed)
        window.language_changed.connect(self._language_changed)
        self.window = window
        window.show()
        window.activateWindow()
        window.focus_list_after_paint()
        self._ready_when_painted(window.table.viewport(), window)

    def _ready_when_painted(self, widget, closing=None) -> None:
        """For the cold-start bench (READY_ENV): report when the first screen is painted, then close it."""
        if not os.environ.get(READY_ENV):
            return
        screen = type(closing or widget).__name__

        def report() -> None:
            widget.repaint()
            print(f"ready {(time.perf_counter() - self.started) * 1000:.0f} {screen}", flush=True)
            (closing or widget).close()

        QTimer.singleShot(0, report)

    def _language_changed(self, language: str) -> None:
        """Rebuild the window in the new language (state is saved and restored on the way)."""
        old = self.window
        old.closed.disconnect(self._window_closed)
        old.close()
        i18n.uninstall(self.translators)
        self.translators = i18n.install(language, self.base / "cache")
        self._make_window()
        old.deleteLater()

    # -- problems ------------------------------------------------------------------

    def fail(self, problem: str, details: str) -> None:
        """A problem that stops the start: say what and what to do, then quit."""
        self.exit_code = 1
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Newsroom"), problem)
        box.setInformativeText(details)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.dialog = box
        box.finished.connect(lambda _result: self.request_quit())
        box.open()
        self._ready_when_painted(box)

    def unexpected(self, kind, error, trace) -> None:
        """A bug: log it with the traceback; the person sees a sentence, not a traceback."""
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self.window is not None:
            self.window.show_error(tr("Er ging iets onverwachts mis ({kind}); het staat in {log}. Werk gewoon verder "
                                      "of start Newsroom opnieuw.").format(kind=kind.__name__, log=self.base / LOG_FILE))

    # -- stop ----------------------------------------------------------------------

    def request_quit(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.close()  # saves state; its `closed` ends the loop
        else:
            self.on_quit()

    def _window_closed(self) -> None:
        if self.feed is not None:
            self.feed.stop()
        self.on_quit()

    async def shutdown(self) -> None:
        """Stop the feed and the collector, let the worker finish what it was asked, close the database, save settings."""
        if self.feed is not None:
            self.feed.stop()
        if self.collector is not None:
            await self.collector.close()
        if self.demo_platforms is not None:
            await asyncio.to_thread(self.demo_platforms.stop)  # joins the scenario thread, stops the fakes
            self.demo_platforms = None
        if self.ops is not None:
            await self.ops.drain()
            self.ops.close()
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
        if self.keepalive is not None:
            self.keepalive.stop()
        if self.db is not None:
            self.db.close()
        self.settings.sync()
        i18n.uninstall(self.translators)
