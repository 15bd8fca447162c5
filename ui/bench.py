"""The desktop's speed, measured offscreen on an already filled database (`newsroom bench` calls this).

Each figure is what a person feels: the first paint of the inbox after the
window shows, a jump to the middle of the list, the worst frame while
paging through it, the repaint after a filter or search change, the cold
start of a new process to an interactive window, the memory the
process holds, and how long a message posted on a fake platform takes to
show in an open inbox (`fake_to_inbox_ms`). Paints are forced with `repaint()`, which paints at once
and synchronously, so each figure includes fetching the rows it shows.

The figures with targets are taken with the database in the OS page cache
(read once first, as on a desk in use); `from_cold_cache` repeats the first
paint and the jump with it dropped from the cache (a desk's first start of
the day), and says when the landmarks are walked from there.
"""
from __future__ import annotations

import contextlib
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

TARGETS = {
    "first_paint_ms": 150,
    "jump_to_middle_ms": 200,
    "scroll_max_frame_ms": 50,
    "filter_repaint_max_ms": 100,
    "cold_start_ms": 2000,
    "rss_mb": 400,
}
PAGES = 30
COLD_STARTS = 5


def _memory_mb() -> dict[str, float]:
    """Resident memory, and how much of it is the database file mapped by SQLite (RssFile)."""
    wanted = {"VmRSS": "rss_mb", "RssAnon": "rss_anon_mb", "RssFile": "rss_file_mb"}
    out = {}
    with open("/proc/self/status") as status:
        for line in status:
            key = line.split(":")[0]
            if key in wanted:
                out[wanted[key]] = round(int(line.split()[1]) / 1024, 1)
    return out


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _application():
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def _actor(db):
    from sqlalchemy import select

    from newsroom.actions import Actor, resolve_actor
    from newsroom.demo.seed import DEMO_USER
    from newsroom.model import User

    with db.read() as conn:
        names = conn.execute(select(User.name).where(User.active.is_(True)).order_by(User.id)).scalars().all()
    if not names:
        return Actor(None, "bench")
    return resolve_actor(db, DEMO_USER if DEMO_USER in names else names[0])


def _idle(app, ops) -> None:
    """Let queued work finish, as between two key presses (not timed)."""
    from PySide6.QtCore import QEventLoop

    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    deadline = time.perf_counter() + 5
    while ops.busy and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    app.processEvents()


class _FrameClock:
    """Times frames: wall clock, the UI thread's CPU time, and the garbage collections inside."""

    class _Frame:
        wall_ms = cpu_ms = 0.0
        collections: list

    def __init__(self):
        self._frames: list[_FrameClock._Frame] = []

    @contextlib.contextmanager
    def frame(self):
        import gc

        frame = self._Frame()
        frame.collections = []
        started: dict[str, float] = {}

        def collected(phase: str, info: dict) -> None:
            if phase == "start":
                started["at"] = time.perf_counter()
            elif "at" in started:
                frame.collections.append((info["generation"], _ms(started.pop("at"))))

        gc.callbacks.append(collected)
        cpu, wall = time.thread_time(), time.perf_counter()
        try:
            yield frame
        finally:
            frame.wall_ms = _ms(wall)
            frame.cpu_ms = round((time.thread_time() - cpu) * 1000, 1)
            gc.callbacks.remove(collected)
            self._frames.append(frame)

    def worst(self) -> dict:
        frame = max(self._frames, key=lambda f: f.wall_ms)
        return {"wall_ms": frame.wall_ms, "cpu_ms": frame.cpu_ms,
                "collections": [{"generation": g, "ms": ms} for g, ms in frame.collections]}


def cold_start_ms(location: Path, user: str | None) -> dict:
    """A new process from nothing to a painted inbox, as `newsroom --data-dir <location>` starts it."""
    from ui.app import READY_ENV

    env = dict(os.environ, **{READY_ENV: "1", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
    # The installed `newsroom` command's own path: its command line, then the desktop.
    command = [sys.executable, "-c", "from ui.launcher import entry; entry()", "--data-dir", str(location)]
    if user:
        command += ["--as", user]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = reported = screen = None
    deadline = start + 120
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            break
        line = process.stdout.readline()
        if not line:
            break  # the process ended without painting
        if line.startswith("ready "):
            wall = _ms(start)
            reported = float(line.split()[1])
            screen = line.split()[2] if len(line.split()) > 2 else None
            break
    try:
        _out, errors = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, errors = process.communicate()
    # The first screen: MainWindow, or WelcomeDialog for a database without users.
    outcome = {"cold_start_ms": wall, "cold_start_in_process_ms": reported, "cold_start_screen": screen,
               "exit_code": process.returncode}
    if wall is None:
        outcome["cold_start_error"] = errors.strip().splitlines()[-1:] or ["no window within 120 s"]
    return outcome


def cold_starts(location: Path, user: str | None, runs: int = COLD_STARTS) -> dict:
    """Several cold starts one after another: the figure is the slowest of them (a start's
    imports vary with the host's speed), the median and each run are kept beside it.

    Newsroom's modules are compiled to bytecode first, as an installed app's are (and as
    scripts/run does): an editable install has none, and where PYTHONDONTWRITEBYTECODE is set
    every start would compile them again.
    """
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("newsroom", "ui"):
        compileall.compile_dir(root / package, quiet=1)
    outcomes = [cold_start_ms(location, user) for _ in range(runs)]
    walls = [outcome["cold_start_ms"] for outcome in outcomes]
    if any(wall is None for wall in walls):
        return next(outcome for outcome in outcomes if outcome["cold_start_ms"] is None)
    slowest = max(outcomes, key=lambda outcome: outcome["cold_start_ms"])
    return dict(slowest, cold_start_median_ms=statistics.median(walls), cold_start_runs_ms=walls)


def fake_to_inbox_ms(posts: int = 10) -> dict:
    """A citizen posts on a fake Mastodon; how long until the new case is a painted row of an open inbox.

    On a fresh demo database (scratch folder), with the window open
    offscreen, the collector running on a qasync loop as in the app, and the
    inbox on 'all cases, newest first'. Each post waits for the row before
    the next. The figure includes the connector's poll interval (Mastodon: 2 s
    when idle), which is most of it.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    from newsroom.config import open_location
    from newsroom.demo.platforms import DemoPlatforms
    from newsroom.demo.seed import seed_demo
    from ui.collector import DeskCollector
    from ui.mainwindow import Desk, MainWindow
    from ui.ops import Ops
    from ui.settings import Settings

    app = _application()
    scratch = tempfile.TemporaryDirectory(prefix="newsroom-fake-bench-")
    folder = Path(scratch.name)
    db = open_location(folder / "demo")
    seed_demo(db)
    demo = DemoPlatforms(db, platforms=["mastodon"]).start(scenario_rate=0.0)
    fake = demo.fakes["mastodon"]
    actor = _actor(db)
    settings = Settings(folder / "desktop.ini", mode="demo")
    settings.set("last_view", "all")
    settings.set("inbox_order", "newest")
    ops = Ops(db, actor)
    collector = DeskCollector(db, demo.secrets)
    window = MainWindow(Desk(db, actor, folder / "demo", True, settings), ops, None, collector)
    window.resize(1280, 800)
    times: list[float] = []

    async def measure() -> None:
        window.show()
        app.processEvents()
        collector.start()
        await asyncio.sleep(3)  # the first poll reads what the fake already holds
        viewport = window.table.viewport()
        try:
            for n in range(posts):
                before = window.model.rowCount()
                start = time.perf_counter()
                await asyncio.to_thread(fake.post_citizen_message, f"Bench {n}: de straatverlichting is uit.",
                                        username=f"bench{n}", display_name=f"Bench {n}")
                deadline = start + 30
                while window.model.rowCount() <= before and time.perf_counter() < deadline:
                    await asyncio.sleep(0.005)
                if window.model.rowCount() > before:
                    viewport.repaint()
                    times.append(_ms(start))
        finally:
            await collector.close()

    def loop():
        made = qasync.QEventLoop(app)
        made.set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsroom-loop"))
        return made

    try:
        with asyncio.Runner(loop_factory=loop) as runner:
            runner.run(measure())
    finally:
        window.close()
        ops.close()
        demo.stop()
        db.close()
        scratch.cleanup()
    if not times:
        return {"posts": posts, "arrived": 0}
    return {"posts": posts, "arrived": len(times), "p50": round(statistics.median(times), 1), "max": max(times)}


class _Desk:
    """The desk over the database file `db_file` as the bench uses it: its database, its worker, a scratch
    settings file; `build()` makes the main window (not shown). Closes everything on leaving the `with`."""

    def __init__(self, db_file: Path):
        from newsroom.db.engine import open_database, sqlite_url
        from ui.ops import Ops

        self.db_file = db_file
        self.db = open_database(sqlite_url(db_file))
        self.actor = _actor(self.db)
        self.ops = Ops(self.db, self.actor)
        self.scratch = tempfile.TemporaryDirectory(prefix="newsroom-ui-bench-")
        self.window = None

    def build(self):
        """The main window in the bench's size, showing the "all" view."""
        from ui.mainwindow import Desk, MainWindow
        from ui.settings import Settings

        settings = Settings(Path(self.scratch.name) / "desktop.ini", mode="own")
        settings.set("last_view", "all")
        self.window = MainWindow(Desk(self.db, self.actor, self.db_file.parent, False, settings), self.ops)
        self.window.resize(1280, 800)
        return self.window

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc) -> None:
        if self.window is not None:
            self.window.close()
        self.ops.close()
        self.db.close()
        self.scratch.cleanup()


def _database_files(db_file: Path) -> list[Path]:
    return [f for f in (db_file, db_file.with_name(db_file.name + "-wal")) if f.exists()]


def _read_into_cache(db_file: Path) -> float | None:
    """Read the database's files once, so the OS page cache holds them as on a desk in use; the seconds it took.

    This host gives idle page cache back at a few MB/s even with gigabytes free, so
    without it the "warm" figures depended on how long ago the database was last
    read (a full run reads it minutes after writing it). None where the files are
    larger than half the memory available (then they could not stay cached anyway).
    """
    files = _database_files(db_file)
    size = sum(f.stat().st_size for f in files)
    available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 0
    if available and size > available // 2:
        return None
    start = time.perf_counter()
    buffer = bytearray(4 << 20)
    for name in files:
        with open(name, "rb", buffering=0) as f:
            while f.readinto(buffer):
                pass
    return round(time.perf_counter() - start, 2)


def _evict(db_file: Path) -> None:
    """Drop the database's files from the OS page cache (Linux's posix_fadvise; no root needed)."""
    for name in _database_files(db_file):
        fd = os.open(name, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)  # clean pages only: the bench's database is closed
        finally:
            os.close(fd)


def cold_cache_jumps(db_file: Path, *, wait_s: float = 60.0) -> dict:
    """A jump to the middle when the database is not in the OS page cache (a desk's first start of the day).

    Two passes, each after dropping the database file from the page cache and
    opening a new window: one jumps right after the first paint, as
    `jump_to_middle_ms` does (before any landmark exists it walks half the
    view's index, read page by page from disk); one waits until the landmarks
    are walked (`landmarks_ready_s` after the window shows, or None if the list
    is too short to need them) and then jumps to a third of the list. Figures
    for docs/PERFORMANCE.md, not targets: the first is bound by the disk.
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QAbstractItemView

    if not hasattr(os, "posix_fadvise"):
        return {"skipped": "no posix_fadvise on this system"}
    app = _application()
    result: dict = {}
    for wait in (False, True):
        _evict(db_file)
        with _Desk(db_file) as desk:
            window = desk.build()
            ready: list[float] = []
            window.model.landmarks_ready.connect(lambda ready=ready: ready.append(time.perf_counter()))
            shown = time.perf_counter()
            window.show()
            app.processEvents()
            window.table.viewport().repaint()
            total = window.model.rowCount()
            if wait:
                deadline = shown + wait_s
                while not ready and total >= window.model.LANDMARK_MIN_ROWS and time.perf_counter() < deadline:
                    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
                    time.sleep(0.002)
                result["landmarks_ready_s"] = round(ready[0] - shown, 2) if ready else None
            else:
                result["first_paint_ms"] = _ms(shown)
            start = time.perf_counter()
            window.table.scrollTo(window.model.index(total // (3 if wait else 2), 0), QAbstractItemView.ScrollHint.PositionAtCenter)
            window.table.viewport().repaint()
            result["jump_with_landmarks_ms" if wait else "jump_to_middle_ms"] = _ms(start)
    return result


def run_ui_bench(db_path_or_location, *, messages: int, fake_posts: int = 10, cold_runs: int = COLD_STARTS) -> dict:
    """Measure the desktop on the database at `db_path_or_location` (a data folder or the .sqlite3 file)."""
    from PySide6.QtWidgets import QAbstractItemView

    from newsroom.config import DATABASE_FILE
    from newsroom.inbox import InboxFilter, count_cases
    from ui.app import settle_heap

    path = Path(db_path_or_location)
    db_file = path if path.is_file() else path / DATABASE_FILE
    result: dict = {"messages": messages, "database": str(db_file)}
    app = _application()
    result["read_into_cache_s"] = _read_into_cache(db_file)  # the warm figures: a desk in use (cold ones below)
    with _Desk(db_file) as desk:
        ops, actor = desk.ops, desk.actor
        with desk.db.read() as conn:
            result["cases"] = count_cases(conn, InboxFilter())
        start = time.perf_counter()
        window = desk.build()
        result["window_build_ms"] = _ms(start)
        table = window.table
        viewport = table.viewport()

        start = time.perf_counter()
        window.show()
        app.processEvents()
        viewport.repaint()
        result["first_paint_ms"] = _ms(start)
        settle_heap()  # as the desk does once its window has painted
        result["rss_after_first_paint_mb"] = _memory_mb()["rss_mb"]
        total = window.model.rowCount()
        result["rows_in_view"] = total

        start = time.perf_counter()
        table.scrollTo(window.model.index(total // 2, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        viewport.repaint()
        result["jump_to_middle_ms"] = _ms(start)

        bar = table.verticalScrollBar()
        frames = _FrameClock()

        def page(step: int) -> float:
            _idle(app, ops)  # a person reads a page before the next: the window reads ahead meanwhile
            with frames.frame() as frame:
                bar.setValue(bar.value() + step * bar.pageStep())
                viewport.repaint()
            return frame.wall_ms

        down = [page(+1) for _ in range(PAGES)]
        up = [page(-1) for _ in range(PAGES)]
        result["scroll_max_frame_ms"] = max(down)
        result["scroll_median_frame_ms"] = statistics.median(down)
        result["scroll_back_up_max_frame_ms"] = max(up)
        # Upwards from a fresh jump: the core pages only forwards, so each block above is a positional read.
        table.scrollTo(window.model.index(total * 3 // 4, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        viewport.repaint()
        fresh_up = [page(-1) for _ in range(PAGES // 3)]
        result["scroll_up_after_jump_max_frame_ms"] = max(fresh_up)
        result["scroll_frames_ms"] = {"down": down, "up": up, "up_after_jump": fresh_up}
        # The worst frame of all three, with the UI thread's own CPU time in it and any garbage
        # collection that ran inside it: a frame far longer than its CPU time waited (another
        # thread, the host), one with a collection in it paid for the collector.
        result["scroll_worst_frame"] = frames.worst()

        changes = {
            "view_unassigned": lambda: window.views.choose("unassigned"),
            "status_new": lambda: window.filters.status.setCurrentIndex(window.filters.status.findData(("new",))),
            "order_newest": lambda: window.filters.set_order("newest"),
            "search_container": lambda: (window.filters.search.setText("container"), window.filters._submit()),
            "search_lantaarnpaal": lambda: (window.filters.search.setText("lantaarnpaal kapot"), window.filters._submit()),
            "clear": window.filters_clear,
            "view_all": lambda: window.views.choose("all"),
        }
        repaints = {}
        for name, change in changes.items():
            _idle(app, ops)
            start = time.perf_counter()
            change()
            viewport.repaint()
            repaints[name] = _ms(start)
        result["filter_repaint_ms"] = repaints
        result["filter_repaint_max_ms"] = max(repaints.values())
        result.update(_memory_mb())

    if db_file.name == DATABASE_FILE:
        result.update(cold_starts(db_file.parent, actor.name if actor.user_id else None, cold_runs))
    else:
        result["cold_start_ms"] = None  # the desktop opens <folder>/newsroom.sqlite3 only
    result["from_cold_cache"] = cold_cache_jumps(db_file)
    try:
        result["fake_to_inbox_ms"] = fake_to_inbox_ms(fake_posts)
    except ImportError as error:  # a platform fake not installed
        result["fake_to_inbox_ms"] = {"error": str(error)}
    result["targets"] = TARGETS
    result["within_targets"] = {
        key: (result.get(key) is not None and result[key] <= limit) for key, limit in TARGETS.items()
    }
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run_ui_bench(sys.argv[1], messages=int(sys.argv[2]) if len(sys.argv) > 2 else 0), indent=2))
