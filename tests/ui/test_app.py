"""Start and shutdown through `ui.app.run`, the first start, and the demo's platforms feeding the collector."""
from __future__ import annotations

import asyncio
import gc
import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from newsroom.actions import resolve_actor
from newsroom.casefile import case_detail
from newsroom.config import data_location, open_location
from newsroom.demo.seed import DEMO_USER
from newsroom.inbox import InboxFilter, count_cases
from ui import app as desktop_app
from ui.collector import DemoFeed
from ui.mainwindow import MainWindow
from ui.welcome import UserPickerDialog, WelcomeDialog


def _when(condition, then, *, interval: int = 50, timeout_ms: int = 15_000) -> QTimer:
    """Poll `condition` on the Qt loop that run() drives; call `then` once it holds."""
    timer = QTimer()
    timer.setInterval(interval)
    waited = [0]

    def check() -> None:
        waited[0] += interval
        value = condition()
        if value or waited[0] > timeout_ms:
            timer.stop()
            then(value)

    timer.timeout.connect(check)
    timer.start()
    return timer


def _main_window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def _dialog(kind):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def _count(location) -> int:
    db = open_location(location)
    try:
        with db.read() as conn:
            return count_cases(conn, InboxFilter())
    finally:
        db.close()


def test_demo_starts_fills_and_shuts_down_cleanly(qapp, monkeypatch):
    """Citizens post on the loopback fakes, the collector reads them into the open inbox; shutdown leaves nothing behind."""
    monkeypatch.setattr(DemoFeed, "set_interval", lambda self, seconds: setattr(self, "_seconds", 0.1))
    seen = {}
    shutdown = desktop_app.Desktop.shutdown

    async def checked_shutdown(self):
        seen["collector_running"] = self.collector is not None and self.collector.running
        seen["platforms"] = sorted(self.demo_platforms.fakes) if self.demo_platforms is not None else []
        await shutdown(self)
        seen["pending"] = [t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task()]

    monkeypatch.setattr(desktop_app.Desktop, "shutdown", checked_shutdown)

    def fed(window):
        window = window or _main_window()
        seen["window"] = window is not None
        seen["received"] = window.feed.received if window else 0
        seen["title"] = window.windowTitle() if window else ""
        seen["heap_settled"] = gc.get_freeze_count() > 0  # once painted: no full collection walks the start's heap
        if window:
            window.close()

    timer = _when(lambda: (w := _main_window()) is not None and w.feed is not None and w.feed.received >= 3 and w, fed)
    code = desktop_app.run(data_dir=None, demo=True, reset=False, user=None, language=None)
    timer.stop()
    assert code == 0
    assert seen["window"] and seen["received"] >= 3
    assert seen["collector_running"] and "mastodon" in seen["platforms"]
    assert seen["pending"] == []  # the collector's task and every check were awaited
    assert "(demo)" in seen["title"]
    assert seen["heap_settled"]
    location = data_location(None, demo=True)
    assert _count(location) > 374  # the seed plus what the feed brought
    assert not (data_location(None) / "newsroom.sqlite3").exists()  # the own data was never touched
    assert [t.name for t in threading.enumerate() if t.name.startswith(("newsroom-db", "demo-scenario"))] == []
    assert (data_location(None) / "desktop.ini").exists()


def test_reset_starts_the_demo_afresh(qapp):
    location = data_location(None, demo=True)
    timer = _when(_main_window, lambda w: w and w.close())
    assert desktop_app.run(data_dir=None, demo=True, reset=False, user=None, language=None) == 0
    timer.stop()
    db = open_location(location)
    try:
        with db.read() as conn:
            cases_before = count_cases(conn, InboxFilter())
        from newsroom.actions import perform

        perform(db, "claim", resolve_actor(db, DEMO_USER), origin="cli", case_id=1)
    finally:
        db.close()
    timer = _when(_main_window, lambda w: w and w.close())
    assert desktop_app.run(data_dir=None, demo=True, reset=True, user=None, language=None) == 0
    timer.stop()
    db = open_location(location)
    try:
        with db.read() as conn:
            assert case_detail(conn, 1)["assignee"] is None
            assert count_cases(conn, InboxFilter()) <= cases_before  # fresh seed (the feed may add a few)
    finally:
        db.close()


def test_first_start_explains_and_offers_the_demo(qapp):
    seen = {}

    def welcome(dialog):
        seen["welcome"] = dialog is not None
        if dialog:
            assert dialog.demo.hasFocus() or dialog.focusWidget() is dialog.demo
            dialog.demo.click()

    def window_open(window):
        seen["demo"] = bool(window and window.desk.demo)
        if window:
            window.close()

    timers = [_when(lambda: _dialog(WelcomeDialog), welcome), _when(_main_window, window_open)]
    code = desktop_app.run(data_dir=None, demo=False, reset=False, user=None, language=None)
    for timer in timers:
        timer.stop()
    assert code == 0 and seen == {"welcome": True, "demo": True}
    assert (data_location(None, demo=True) / "newsroom.sqlite3").exists()


def test_first_start_can_create_your_own_account(qapp, qtbot):
    def welcome(dialog):
        dialog.own.click()
        qtbot.keyClicks(dialog.login, "jan")
        qtbot.keyClicks(dialog.display_name, "Jan Smit")
        dialog.create.click()

    def window_open(window):
        window.close()

    timers = [_when(lambda: _dialog(WelcomeDialog), welcome), _when(_main_window, window_open)]
    assert desktop_app.run(data_dir=None, demo=False, reset=False, user=None, language=None) == 0
    for timer in timers:
        timer.stop()
    db = open_location(data_location(None))
    try:
        assert resolve_actor(db, "jan").role == "admin"
    finally:
        db.close()


def test_an_unknown_user_is_asked_who_they_are(qapp):
    seen = {}

    def picker(dialog):
        seen["reason"] = dialog.accessibleDescription()
        dialog.combo.setCurrentIndex(dialog.combo.findData("ahmed"))
        dialog.accept()

    def window_open(window):
        seen["user"] = window.desk.actor.name
        window.close()

    timers = [_when(lambda: _dialog(UserPickerDialog), picker), _when(_main_window, window_open)]
    assert desktop_app.run(data_dir=None, demo=True, reset=False, user="nobody", language="en") == 0
    for timer in timers:
        timer.stop()
    assert "nobody" in seen["reason"]
    assert seen["user"] == "ahmed"


def test_a_database_that_cannot_be_opened_is_explained(qapp, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("this is not a folder")
    seen = {}

    def explain(box):
        seen["text"] = box.text() + " " + box.informativeText()
        box.accept()

    from PySide6.QtWidgets import QMessageBox

    timer = _when(lambda: _dialog(QMessageBox), explain)
    code = desktop_app.run(data_dir=str(not_a_folder), demo=False, reset=False, user=None, language=None)
    timer.stop()
    assert code == 1
    assert "kan de gegevens" in seen["text"] and "--data-dir" in seen["text"]


class _Platforms:
    """What DemoFeed drives of DemoPlatforms: the fakes and the rate."""

    def __init__(self):
        self.fakes = {"mastodon": object()}
        self.rates = []

    def set_rate(self, rate):
        self.rates.append(rate)


def test_demo_feed_pauses_and_resumes_with_ctrl_p_through_the_rate(harness):
    window = harness.window
    platforms = _Platforms()
    feed = DemoFeed(platforms, None, 5)
    window.feed = feed
    feed.state_changed.connect(window._feed_state)
    window.actions_by_key["demo_feed"].setEnabled(True)
    feed.start()
    assert platforms.rates == [0.2] and "Ctrl+P pauzeert" in window.feed_label.text()
    harness.table.setFocus()
    harness.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not feed.running and platforms.rates[-1] == 0 and "gepauzeerd" in window.feed_label.text()
    feed.set_interval(2)  # the setting "seconds between messages"
    assert platforms.rates[-1] == 0  # still paused
    harness.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert feed.running and platforms.rates[-1] == 0.5 and "Ctrl+P pauzeert" in window.feed_label.text()


def test_choosing_english_rebuilds_the_window_in_english(qapp):
    seen = {}

    def switch(window):
        seen["before"] = window.pane.buttons["claim"].text()
        window.language_changed.emit("en")  # what the settings dialog does after "Bewaren"

    def english(window):
        seen["after"] = window.pane.buttons["claim"].text()
        seen["menu"] = [action.text() for action in window.menuBar().actions()]
        window.close()

    first = _when(_main_window, switch)
    second = _when(lambda: (w := _main_window()) is not None and w.pane.buttons["claim"].text() == "Claim" and w, english)
    assert desktop_app.run(data_dir=None, demo=True, reset=False, user=None, language=None) == 0
    first.stop()
    second.stop()
    assert seen["before"] == "Claimen" and seen["after"] == "Claim"
    assert seen["menu"][0] == "&File"
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()] == []
