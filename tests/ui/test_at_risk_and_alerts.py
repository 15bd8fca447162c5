"""Response targets on the desk: coloured countdowns, the "at risk" view, alert notifications, crisis mode, incidents."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import func, select, text

from newsroom.actions import SYSTEM, perform, resolve_actor
from newsroom.actions.targets import active_crises
from newsroom.inbound import parse_item
from newsroom.inbox import InboxFilter
from newsroom.model import OPEN_STATUS_VALUES, Case, ClockAlert
from newsroom.timeutil import utcnow
from tests.ui.conftest import WindowHarness
from ui import inbox_model
from ui.collector import IncidentWatch
from ui.crisis_dialog import CrisisDialog
from ui.inbox_model import COLUMN, WARNING, InboxModel, warning_colour
from ui.notifications import NotificationBar, Notifier

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CASES = Case.__table__
ALERTS = ClockAlert.__table__
# One tight 24/7 target for e-mail, so a test can put a case just past 75% of it.
QUICK_TARGETS = """
[[policy]]
name = "Snel"
platform = "email"
calendar = "24/7"
first_response = 10
next_response = 10
resolution = 100000
"""


def _ingest(db, *, minutes_ago: float, external_id: str) -> int:
    item = {
        "platform": "email",
        "channel": "info@stadsveen.nl",
        "external_id": external_id,
        "author": {"name": "Bea Burger", "email": "bea@example.nl"},
        "text": "De lantaarnpaal bij ons huis is al dagen kapot.",
        "received_at": (utcnow() - timedelta(minutes=minutes_ago)).isoformat(),
    }
    change = perform(db, "ingest", SYSTEM, origin="test", items=[parse_item(item)])
    return change.info["new_case_ids"][0]


def _at_risk_now(db) -> set[int]:
    with db.read() as conn:
        return set(conn.execute(
            select(CASES.c.id).where(CASES.c.merged_into_id.is_(None), CASES.c.status.in_(OPEN_STATUS_VALUES),
                                     CASES.c.risk_at.is_not(None), CASES.c.risk_at <= utcnow())
        ).scalars())


def _quiet(window) -> None:
    """No sweep on its own during the test: the test sweeps when it wants to."""
    window._sweep_timer.stop()
    window._first_sweep.stop()


def test_at_risk_view_lists_exactly_the_cases_past_75_percent(harness):
    window = harness.window
    _quiet(window)
    # Whatever the time of day (office hours stop the demo's own clocks at night):
    # a 24/7 e-mail target of ten minutes, and two mails eight and nine minutes old.
    perform(harness.db, "import_targets", resolve_actor(harness.db, "beheer"), origin="test", text=QUICK_TARGETS)
    _ingest(harness.db, minutes_ago=8, external_id="at-risk-1")
    _ingest(harness.db, minutes_ago=9, external_id="at-risk-2")
    window.refresh_everything()
    expected = _at_risk_now(harness.db)
    assert len(expected) >= 2
    harness.table.setFocus()
    harness.key(Qt.Key.Key_6, CTRL)
    assert window.views.current_view().key == "at_risk"
    assert window.model.filter.at_risk
    model = window.model
    shown = [model.case_id(row) for row in range(model.rowCount())]
    assert set(shown) == expected and len(shown) == len(expected)
    # Soonest due first, every one of them at least orange.
    dues = [model.case_row(row).due_at for row in range(model.rowCount())]
    assert dues == sorted(dues)
    assert all(model.index(row, COLUMN["age"]).data(WARNING) >= 75 for row in range(model.rowCount()))
    views = window.views_model
    assert views.data(views.index(views.row_of("at_risk"), 1)) == str(len(expected))
    # Resolving one takes it out, and the count follows.
    first = harness.open_first("at_risk")
    harness.key("e")
    harness.wait_idle()
    harness.qtbot.waitUntil(lambda: views.data(views.index(views.row_of("at_risk"), 1)) == str(len(expected) - 1))
    assert first not in {model.case_id(row) for row in range(model.rowCount())}


def test_countdown_colour_and_text_at_75_90_and_late(qtbot, db, monkeypatch):
    case_id = _ingest(db, minutes_ago=0, external_id="countdown-1")
    model = InboxModel(db)
    model.set_filter(InboxFilter(statuses=OPEN_STATUS_VALUES))
    row = next(r for r in range(model.rowCount()) if model.case_id(r) == case_id)
    case_row = model.case_row(row)
    index = model.index(row, COLUMN["age"])
    second = timedelta(seconds=1)

    def at(instant):
        monkeypatch.setattr(inbox_model, "utcnow", lambda: instant)
        with qtbot.waitSignal(model.dataChanged):
            model.tick()

    at(case_row.risk_at - second)
    assert index.data(WARNING) == 0
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert index.data().startswith("nog ")

    at(case_row.risk_at)
    assert index.data(WARNING) == 75
    assert index.data(Qt.ItemDataRole.ForegroundRole) == warning_colour(75)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()  # a shape, not only a colour
    assert index.data().startswith("nog ")
    assert "75% van de termijn is om" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "75% van de termijn is om"

    at(case_row.warn90_at)
    assert index.data(WARNING) == 90
    assert index.data(Qt.ItemDataRole.ForegroundRole) == warning_colour(90)
    assert warning_colour(90) != warning_colour(75)
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "90% van de termijn is om" in index.data(Qt.ItemDataRole.AccessibleTextRole)

    at(case_row.due_at + timedelta(minutes=12))
    assert index.data(WARNING) == 100
    assert index.data() == "12 min te laat"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == warning_colour(100)
    assert "termijn verlopen" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    # Other columns keep their own colours.
    assert model.index(row, COLUMN["author"]).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_sweep_records_an_alert_once_and_shows_one_notification(harness):
    window = harness.window
    _quiet(window)
    db = harness.db
    admin = resolve_actor(db, "beheer")
    perform(db, "import_targets", admin, origin="test", text=QUICK_TARGETS)
    # Whatever the new targets made overdue in the demo is seen and summarised first.
    window.sweep_alerts()
    harness.wait_idle()
    harness.qtbot.waitUntil(lambda: not window._sweeping)
    window.notifier.history.clear()
    window.notification_bar.hide()
    # 7.45 of 10 minutes gone: 75% comes in three seconds (a threshold already
    # past when the message arrives is not alerted; the sweep records what time passes).
    case_id = _ingest(db, minutes_ago=7.45, external_id="alert-1")
    with db.read() as conn:
        risk_at = conn.execute(select(CASES.c.risk_at).where(CASES.c.id == case_id)).scalar()
    assert risk_at > utcnow()
    harness.qtbot.waitUntil(lambda: utcnow() > risk_at + timedelta(seconds=1), timeout=10_000)
    window.sweep_alerts()
    harness.wait_idle()
    harness.qtbot.waitUntil(lambda: len(window.notifier.history) == 1)
    notice = window.notifier.history[0]
    assert notice.target.kind == "case" and notice.target.value == case_id
    assert f"Zaak {case_id}" in notice.text and "75%" in notice.text and "eerste reactie" in notice.text
    bar = window.notification_bar
    assert bar.isVisible() and f"Zaak {case_id}" in bar.label.text()
    with db.read() as conn:
        rows = conn.execute(select(ALERTS.c.clock, ALERTS.c.level).where(ALERTS.c.case_id == case_id)).all()
    assert [tuple(r) for r in rows] == [("first_response", 75)]
    # Sweeping again records nothing twice and shows nothing new.
    perform(db, "record_alerts", SYSTEM, origin="test")
    window.sweep_alerts()
    harness.wait_idle()
    harness.qtbot.waitUntil(lambda: not window._sweeping)
    assert len(window.notifier.history) == 1
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(ALERTS).where(ALERTS.c.case_id == case_id)).scalar() == 1
    # Opening the notification opens the case.
    bar.open_button.click()
    harness.qtbot.waitUntil(lambda: harness.pane.case_id == case_id)
    assert not bar.isVisible()


def test_many_alerts_are_summarised(qtbot):
    bar = NotificationBar()
    qtbot.addWidget(bar)
    notifier = Notifier(bar, use_tray=False)
    from ui.notifications import alert_notice

    alerts = [{"id": n, "case_id": n, "clock": "first_response", "level": 100, "author_label": "x"} for n in range(12)]
    alerts += [{"id": 100 + n, "case_id": 100 + n, "clock": "resolution", "level": 90, "author_label": "y"} for n in range(3)]
    notifier.show(alert_notice(alerts))
    assert len(notifier.history) == 1
    notice = notifier.history[0]
    assert "12 termijnen verlopen" in notice.text and "3 op 90%" in notice.text
    assert notice.target.kind == "view" and notice.target.value == "at_risk"
    with qtbot.waitSignal(notifier.activated) as got:
        bar.open_button.click()
    assert got.args[0].value == "at_risk"


def test_crisis_dialog_switches_on_and_off_and_the_indicator_shows(qtbot, db, demo_location):
    harness = WindowHarness(qtbot, db, demo_location, user="marieke")  # a supervisor
    try:
        window = harness.window
        _quiet(window)
        assert not window.crisis_indicator.isVisible()
        harness.table.setFocus()
        harness.key(Qt.Key.Key_M, CTRL | SHIFT)
        dialog = harness.wait_dialog()
        assert isinstance(dialog, CrisisDialog)
        assert dialog.name.isEnabled() and not dialog.off_button.isEnabled()
        dialog.name.setText("Storm november")
        dialog.tags.setText("storm, Wateroverlast")
        dialog.statement.setPlainText("We weten van de stormschade en ruimen zo snel mogelijk op.")
        dialog.on_button.click()
        harness.wait_idle()
        harness.qtbot.waitUntil(window.crisis_indicator.isVisible)
        assert "Crisismodus: Storm november" in window.crisis_indicator.text()
        assert "Storm november" in window.crisis_indicator.accessibleDescription()
        with db.read() as conn:
            (crisis,) = active_crises(conn)
        assert crisis["tags"] == ["storm", "wateroverlast"]
        assert crisis["statement"].startswith("We weten van de stormschade")
        assert dialog.active.count() == 1 and dialog.off_button.isEnabled()
        assert dialog.active_statement.toPlainText() == crisis["statement"]

        dialog.off_button.click()
        harness.wait_idle()
        harness.qtbot.waitUntil(lambda: not window.crisis_indicator.isVisible())
        with db.read() as conn:
            assert active_crises(conn) == []
        harness.key(Qt.Key.Key_Escape, widget=dialog.focusWidget() or dialog)
        harness.qtbot.waitUntil(lambda: window.dialog is None)
    finally:
        harness.close()


def test_an_operator_sees_crisis_mode_but_cannot_switch_it(harness):
    supervisor = resolve_actor(harness.db, "marieke")
    perform(harness.db, "crisis_on", supervisor, origin="test", name="Storing", tags=["storing"], statement="We werken eraan.")
    window = harness.window
    _quiet(window)
    window.refresh_crisis()
    assert window.crisis_indicator.isVisible() and "Storing" in window.crisis_indicator.text()
    harness.table.setFocus()
    harness.key(Qt.Key.Key_M, CTRL | SHIFT)
    dialog = harness.wait_dialog()
    assert not dialog.on_button.isEnabled() and not dialog.off_button.isEnabled() and not dialog.name.isEnabled()
    assert dialog.active.count() == 1
    for widget in (dialog, dialog.name, dialog.tags, dialog.channels, dialog.statement, dialog.on_button, dialog.off_button,
                   dialog.active, dialog.active_statement):
        assert widget.accessibleName() and widget.accessibleDescription()
    harness.key(Qt.Key.Key_Escape, widget=dialog.focusWidget() or dialog)
    harness.qtbot.waitUntil(lambda: window.dialog is None)


class _Scanner:
    """Stands in for IncidentScanner: the first feed proposes incident 7 with three messages."""

    def __init__(self, db):
        self.last = {}
        self.feeds = 0

    def feed(self):
        self.feeds += 1
        return {"new": [7], "added": {"7": 3}, "absorbed": []} if self.feeds == 1 else {"new": [], "added": {}}


def test_a_proposed_incident_is_a_notification(harness):
    window = harness.window
    _quiet(window)
    watch = IncidentWatch(harness.db, scanner_factory=_Scanner)
    watch.proposed.connect(window._incident_proposed)
    try:
        watch.feed()
        harness.qtbot.waitUntil(lambda: bool(window.notifier.history))
        assert window.notifier.history[-1].title == "Mogelijk incident: 3 melders"
        assert window.notification_bar.isVisible()
        watch.feed()
        with harness.qtbot.waitSignal(watch.fed):
            pass
        assert len(window.notifier.history) == 1
    finally:
        watch.close()


def test_incident_scanning_logs_errors_and_goes_on(qtbot, db, caplog):
    class Broken:
        def __init__(self, db):
            raise RuntimeError("kapot")

    watch = IncidentWatch(db, scanner_factory=Broken)
    try:
        with caplog.at_level("ERROR", logger="ui.collector"):
            watch.feed()
            qtbot.waitUntil(lambda: any("incidents" in r.getMessage() for r in caplog.records))
        caplog.clear()  # expected: logged, not raised
    finally:
        watch.close()


def test_the_at_risk_count_uses_its_index(db):
    # The count names its index: without statistics (a small or new database) or with a
    # sampled few, SQLite may walk a status index instead (0.9 s at a million cases).
    from newsroom.inbox import _AT_RISK_COUNT_SQLITE, _case_conditions, count_cases

    with db.read() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + _AT_RISK_COUNT_SQLITE.text.replace(":at", "?"),
                                    (str(utcnow().replace(tzinfo=None)),)).all()
        assert any("ix_cases_risk" in str(row) for row in plan), plan
        flt = InboxFilter(statuses=OPEN_STATUS_VALUES, at_risk=True)
        generic = conn.execute(select(func.count()).select_from(Case).where(*_case_conditions(flt))).scalar_one()
        assert count_cases(conn, flt) == generic
    assert text  # sqlalchemy's text is imported for readers who extend this
