"""The main window: views on the left, the inbox in the middle, the case on the right.

The window turns commands into the core's actions (through `Ops`) and
refreshes what each action's `Change` names: those rows, the counts, the
open case. It keeps the selection and scroll position while doing so.
"""
from __future__ import annotations

import importlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from newsroom.actions import SYSTEM, Actor, Change, perform
from newsroom.actions.targets import alerts_since
from newsroom.db.engine import Database, DatabaseError
from newsroom.inbox import Directory, InboxFilter, count_cases, fetch_rows, view_counts
from newsroom.model import AuditEntry, Case, ClockAlert, Tag, User
from newsroom.timeutil import utcnow
from ui import labels, theme
from ui.case_pane import CasePane
from ui.channels_dialog import ChannelHealthButton, ChannelsDialog, read_channels
from ui.crisis_dialog import CrisisDialog, read_crises
from ui.dialogs import ChoiceDialog, LineDialog, MergeDialog, SettingsDialog, TextDialog
from ui.filters import FilterBar
from ui.i18n import tr
from ui.icons import app_icon
from ui.inbox_delegate import InboxDelegate
from ui.inbox_model import COLUMN, InboxModel
from ui.notifications import NotificationBar, Notifier, Target, alert_notice, incident_notice
from ui.ops import Ops, describe_error
from ui.plain import one_line
from ui.settings import Settings
from ui.shortcuts import HelpOverlay, build_actions
from ui.views_panel import ViewsModel, ViewsPanel, standard_views

if TYPE_CHECKING:
    from ui.collector import DemoFeed, DeskCollector

log = logging.getLogger(__name__)

COUNTS_DELAY_MS = 120  # coalesce a burst of changes into one recount
CHANNELS_MS = 2000  # how often the channels' health is read for the status bar
WATCH_MS = 3000  # how often to look for changes made outside this window
AGE_TICK_MS = 60_000  # countdowns, their colours and the at-risk view move on
ALERT_SWEEP_MS = 30_000  # record the 75% / 90% / breach alerts time has passed, and show new ones
FIRST_SWEEP_MS = 2_000  # the first sweep soon after start: what passed while the desk was closed
CASES = Case.__table__
ALERTS = ClockAlert.__table__


@dataclass
class Desk:
    """What the window works on: one database, as one person, in one data folder."""

    db: Database
    actor: Actor
    location: Path
    demo: bool
    settings: Settings


def _count(db: Database, flt: InboxFilter) -> int:
    with db.read() as conn:
        return count_cases(conn, flt)


def sweep_alerts(db: Database, after_id: int) -> tuple[Change | None, list[dict]]:
    """Record the alerts time has passed (only when one is due: an idle sweep writes nothing), then those after `after_id`.

    Runs on the database worker. Every desk sweeps; each alert is recorded
    once (the core's unique key), and every desk shows the ones it has not seen.
    """
    now = utcnow()
    with db.read() as conn:
        due = conn.execute(
            select(CASES.c.id).where(CASES.c.alert_at.is_not(None), CASES.c.alert_at <= now).limit(1)
        ).first()
    change = perform(db, "record_alerts", SYSTEM, origin="desktop") if due is not None else None
    with db.read() as conn:
        return change, alerts_since(conn, after_id)


def _last_alert_id(db: Database) -> int:
    with db.read() as conn:
        return conn.execute(select(func.max(ALERTS.c.id))).scalar() or 0


class MainWindow(QMainWindow):
    closed = Signal()
    language_changed = Signal(str)
    # The list painted for the first time (after focus_list_after_paint): the desk starts its background work then.
    first_painted = Signal()

    def __init__(self, desk: Desk, ops: Ops, feed: DemoFeed | None = None, collector: DeskCollector | None = None):
        super().__init__()
        self.desk = desk
        self.ops = ops
        self.feed = feed
        self.collector = collector
        self._restoring = False
        self._open_after_paint = False  # at start: open the current case once the list has painted
        self._current_case: int | None = None
        self._seen_audit = 0
        self._dialog = None  # the open dialog, kept alive and reachable for tests
        self._closing = False
        self._search_total: int | None = None
        self._sweeping = False
        self._crisis_names: list[str] = []

        with desk.db.read() as conn:
            display_name = conn.execute(select(User.display_name).where(User.id == desk.actor.user_id)).scalar()
        title = tr("Newsroom \u2014 {name}").format(name=display_name or desk.actor.name)
        self.setWindowTitle(title + (" " + tr("(demo)") if desk.demo else ""))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(tr("Newsroom"))
        self.setAccessibleDescription(tr("De inbox van het communicatieteam: weergaven, zaken en de gekozen zaak."))

        self.actions_by_key = build_actions(self, self._handlers())
        for action in self.actions_by_key.values():
            self.addAction(action)

        with desk.db.read() as conn:
            self.directory = Directory(conn)
            self._seen_audit = self._audit_mark(conn)
        self._seen_alert = _last_alert_id(desk.db)  # notify what is recorded from now on

        # -- the three panes ---------------------------------------------------
        self.views_model = ViewsModel(standard_views(desk.actor.user_id, self.directory.departments), self)
        self.views = ViewsPanel(self.views_model, self)
        self.views.setMinimumWidth(110)

        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        self.filters = FilterBar(center)
        self.filters.set_departments(self.directory.departments)
        self.filters.set_channels(self.directory.channels)
        self._reload_tags()
        center_layout.addWidget(self.filters)
        self.notification_bar = NotificationBar(center)
        center_layout.addWidget(self.notification_bar)
        self.notifier = Notifier(self.notification_bar, self)

        self.model = InboxModel(desk.db, self, background=ops.read)
        self.table = QTableView(center)
        self.table.setModel(self.model)
        self.table_delegate = InboxDelegate(self.table)
        self.table.setItemDelegate(self.table_delegate)
        self._setup_table()
        center_layout.addWidget(self.table, 1)

        self.pane = CasePane(desk.db, desk.actor.name, self.actions_by_key, self, ops=ops)
        self.pane.setMinimumWidth(270)
        self.pane.said.connect(self.say)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 720, 390])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_status_bar()
        self._set_focus_order()

        # -- wiring ------------------------------------------------------------
        self.views.view_chosen.connect(self._view_chosen)
        self.filters.changed.connect(self._apply_filter)
        self.filters.search_submitted.connect(self._go_to_results)
        self.filters.escape_pressed.connect(self.back_to_list)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_case())
        self.model.failed.connect(self.show_error)
        self.model.modelReset.connect(self._update_count_label)
        self.model.rowsInserted.connect(self._update_count_label)
        self.model.rowsRemoved.connect(self._update_count_label)
        self.pane.failed.connect(self.show_error)
        self.pane.draft_save_requested.connect(self._save_draft)
        self.pane.send_requested.connect(self._send_reply)
        self.pane.retry_requested.connect(self._retry_reply)
        self.attach_collector(collector)
        self.notifier.activated.connect(self.open_target)
        self.ops.changed.connect(self.on_change)
        self.ops.failed.connect(self.show_error)
        if feed is not None:
            feed.state_changed.connect(self._feed_state)
        self.actions_by_key["demo_feed"].setEnabled(feed is not None)

        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS, timeout=self.refresh_counts)
        self._watch_timer = QTimer(self, interval=WATCH_MS, timeout=self._watch)
        self._watch_timer.start()
        self._age_timer = QTimer(self, interval=AGE_TICK_MS, timeout=self.tick)
        self._age_timer.start()
        self._channels_timer = QTimer(self, interval=CHANNELS_MS, timeout=self.refresh_channels)
        self._channels_timer.start()
        self.refresh_channels()
        self._sweep_timer = QTimer(self, interval=ALERT_SWEEP_MS, timeout=self.sweep_alerts)
        self._sweep_timer.start()
        self._first_sweep = QTimer(self, singleShot=True, interval=FIRST_SWEEP_MS, timeout=self.sweep_alerts)
        self._first_sweep.start()
        self.refresh_crisis()

        self._restore_state()
        last = desk.settings.get("last_view")
        if not self.views.choose(last):
            self.views.choose("unassigned")
        self.refresh_counts()
        self.pane.load(None)
        self._feed_state(feed.running if feed else False, feed.received if feed else 0)

    def attach_collector(self, collector: DeskCollector | None) -> None:
        """Show what the collector stores and proposes (it may start after the window has painted)."""
        self.collector = collector
        if collector is not None:
            collector.changed.connect(self.on_collector_change)
            if collector.incidents is not None:
                collector.incidents.proposed.connect(self._incident_proposed)

    # -- construction ------------------------------------------------------------

    def _handlers(self) -> dict:
        return {
            "next": lambda: self.move(1),
            "previous": lambda: self.move(-1),
            "open": self.open_case,
            "search": self.focus_search,
            "back": self.back_to_list,
            "clear_filters": self.filters_clear,
            "refresh": self.refresh_everything,
            "view_mine": lambda: self.views.choose("mine"),
            "view_unassigned": lambda: self.views.choose("unassigned"),
            "view_waiting": lambda: self.views.choose("waiting_on_citizen"),
            "view_open": lambda: self.views.choose("open"),
            "view_all": lambda: self.views.choose("all"),
            "view_at_risk": lambda: self.views.choose("at_risk"),
            "claim": self.claim,
            "release": self.release,
            "route": self.route,
            "assign": self.assign,
            "tag": self.tag,
            "untag": self.untag,
            "note": self.note,
            "status": self.status,
            "resolve": self.resolve,
            "priority": self.priority,
            "reply": self.reply,
            "save_draft": lambda: self.pane.request_draft_save(),
            "send_reply": lambda: self.pane.request_send(),
            "channels": self.show_channels,
            "show_thread": lambda: self.pane.show_tab(0),
            "show_notes": lambda: self.pane.show_tab(1),
            "show_history": lambda: self.pane.show_tab(2),
            "merge": self.merge,
            "split": self.split,
            "handoff": lambda: self._pane_command("handoff"),
            "sendback": lambda: self._pane_command("sendback"),
            "template": lambda: self._pane_command("insert_template"),
            "crisis_statement": lambda: self._pane_command("insert_crisis_statement"),
            "crisis": self.show_crisis,
            "incidents": lambda: self._open_other("ui.incidents_dialog", "open_incidents_dialog"),
            "rules": lambda: self._open_other("ui.rules_dialog", "open_rules_dialog"),
            "templates": lambda: self._open_other("ui.templates_dialog", "open_templates_dialog"),
            "help": self.show_help,
            "settings": self.show_settings,
            "demo_feed": self.toggle_feed,
            "quit": self.close,
        }

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(False)  # the order is chosen above the list and applied in SQL
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setTabKeyNavigation(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setAccessibleName(tr("Inbox"))
        table.setAccessibleDescription(
            tr("De zaken van de gekozen weergave. j en k of de pijltjes lopen erdoor, Enter opent een zaak.")
        )
        vertical = table.verticalHeader()
        vertical.hide()
        # Fixed row heights from the font: the view never measures a million rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.fit_rows_to_font()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN["snippet"], QHeaderView.ResizeMode.Stretch)
        metrics = QFontMetrics(table.font())
        em = metrics.horizontalAdvance("m")
        header_metrics = QFontMetrics(header.font())
        for key, width in (("status", 7), ("channel", 8), ("author", 10), ("department", 8), ("assignee", 6), ("age", 9)):
            title = self.model.headerData(COLUMN[key], Qt.Orientation.Horizontal)
            # Never narrower than the column's title (in this language, at this font size).
            header.resizeSection(COLUMN[key], max(width * em, header_metrics.horizontalAdvance(title) + em * 2))
        header.setHighlightSections(False)
        table.addAction(self.actions_by_key["open"])
        # The pages above and below the screen are laid out while the person reads this one, so
        # paging paints what is ready (after each scroll, and when a block read ahead arrives).
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._lay_out_ahead)
        table.verticalScrollBar().valueChanged.connect(lambda _value: self._ahead.start())
        self.model.rows_arrived.connect(self._ahead.start)
        self.model.modelReset.connect(self._ahead.start)

    LAY_OUT_AHEAD_S = 0.012  # at most this long on the UI thread at a time

    def _lay_out_ahead(self) -> None:
        table, model = self.table, self.model
        count = model.rowCount()
        top = table.rowAt(0)
        if top < 0 or not count:
            return
        bottom = table.rowAt(table.viewport().height() - 1)
        bottom = count - 1 if bottom < 0 else bottom
        page = bottom - top + 1
        rows = [*range(bottom + 1, min(count, bottom + 1 + page)), *range(top - 1, max(-1, top - 1 - page), -1)]
        widths = [table.columnWidth(column) for column in range(model.columnCount())]
        done = self.table_delegate.lay_out_ahead(model, rows, widths, table.textElideMode(),
                                                 until=time.perf_counter() + self.LAY_OUT_AHEAD_S)
        if done < len(rows):
            self._ahead.start()  # the rest on the next turn of the event loop (what is done is kept)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        groups = {
            tr("&Bestand"): ("channels", "rules", "templates", "incidents", "crisis", None, "settings", "quit"),
            tr("&Lijst"): ("search", "clear_filters", "refresh", None, "view_mine", "view_unassigned", "view_waiting",
                           "view_open", "view_all", "view_at_risk", None, "next", "previous", "open", "back"),
            tr("&Zaak"): ("claim", "release", "route", "assign", "handoff", "sendback", None, "tag", "untag", "note",
                          "status", "resolve", "priority", None, "reply", "template", "crisis_statement", "save_draft",
                          "send_reply", None, "merge", "split", None, "show_thread", "show_notes", "show_history"),
            tr("&Demo"): ("demo_feed",),
            tr("&Help"): ("help",),
        }
        for title, keys in groups.items():
            if title == tr("&Demo") and not self.desk.demo:
                continue
            menu = bar.addMenu(title)
            for key in keys:
                if key is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions_by_key[key])

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(tr("Melding"))
        self.error_label.setWordWrap(False)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(tr("Aantal zaken in de lijst"))
        self.feed_label = QLabel(self)
        self.feed_label.setAccessibleName(tr("Demo-berichten"))
        self.user_label = QLabel(tr("Ingelogd als {name}").format(name=self.desk.actor.name), self)
        self.user_label.setAccessibleName(tr("Gebruiker"))
        self.health = ChannelHealthButton(self)
        self.health.clicked.connect(self.show_channels)
        # Persistent while a crisis is on: a word and a symbol, not only a colour.
        self.crisis_indicator = QPushButton(self)
        self.crisis_indicator.setFlat(True)
        self.crisis_indicator.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Shift+M reaches the same dialog
        self.crisis_indicator.setStyleSheet(
            "QPushButton { background: #b91c1c; color: white; font-weight: bold; border-radius: 3px; padding: 1px 8px; }")
        self.crisis_indicator.setAccessibleName(tr("Crisismodus"))
        self.crisis_indicator.clicked.connect(self.show_crisis)
        self.crisis_indicator.hide()
        bar.addWidget(self.error_label, 1)
        bar.addPermanentWidget(self.crisis_indicator)
        bar.addPermanentWidget(self.health)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.feed_label)
        bar.addPermanentWidget(self.user_label)
        self.feed_label.setVisible(self.desk.demo)

    def _set_focus_order(self) -> None:
        f = self.filters
        chain = [self.views, f.search, f.status, f.department, f.channel, f.priority, f.tag, f.order, self.table,
                 *self.pane.buttons.values(), self.pane.tabs, self.pane.thread, self.pane.show_all, self.pane.reply,
                 self.pane.save_draft, self.pane.send, self.pane.replies, self.pane.retry]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # -- state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.desk.settings
        if (geometry := settings.state("geometry")) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if (state := settings.state("state")) is not None:
            self.restoreState(state)
        if (splitter := settings.state("splitter")) is not None:
            self.splitter.restoreState(splitter)
        if (header := settings.state("inbox_header")) is not None:
            self.table.horizontalHeader().restoreState(header)
        self.filters.set_order(settings.get("inbox_order"))

    def save_state(self) -> None:
        settings = self.desk.settings
        settings.set_state("geometry", self.saveGeometry())
        settings.set_state("state", self.saveState())
        settings.set_state("splitter", self.splitter.saveState())
        settings.set_state("inbox_header", self.table.horizontalHeader().saveState())
        view = self.views.current_view()
        if view is not None:
            settings.set("last_view", view.key)
        if not self.filters.search_text():
            settings.set("inbox_order", self.filters.current_order())
        settings.sync()

    def fit_rows_to_font(self) -> None:
        """Rows as tall as the list's font needs (at start, and when the system font changes)."""
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 8)

    def changeEvent(self, event: QEvent) -> None:
        # The system's font size or colour scheme changed while the window is open: follow it.
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows_to_font()
        elif event.type() == QEvent.Type.PaletteChange:
            self.model.restyle()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self.pane.load(None)  # saves an unsaved draft
            self.save_state()
            self._watch_timer.stop()
            self._age_timer.stop()
            self._counts_timer.stop()
            self._channels_timer.stop()
            self._sweep_timer.stop()
            self._first_sweep.stop()
            self.model.stop_landmarks()
            self.notifier.close()
        event.accept()
        self.closed.emit()

    # -- the list ----------------------------------------------------------------

    def _view_chosen(self, _view) -> None:
        self._apply_filter()

    def current_filter(self) -> InboxFilter:
        view = self.views.current_view()
        base = view.filter if view is not None else InboxFilter()
        return self.filters.narrow(base)

    def _apply_filter(self) -> None:
        flt = self.current_filter()
        self.model.set_filter(flt, self.filters.current_order())
        self.table.scrollToTop()  # a new list starts at its top, not at the old list's position
        self._current_case = None
        self._search_total = None
        if flt.search and self.model.canFetchMore():
            # Counting every match of a common word takes a while at a million messages: off the UI thread,
            # and only once the first results have painted (on two cores the count would slow that paint
            # down); until then the count reads "200+".
            QTimer.singleShot(0, lambda flt=flt: self._count_search(flt))
        if self.model.rowCount() and self.pane.case_id is not None:
            # The open case stays open; select it in the list when it is near the top.
            row = self.model.row_of(self.pane.case_id, near=0, radius=self.model.BLOCK)
            if row is not None:
                self._select_row(row, load=False)
        self._update_count_label()

    def _go_to_results(self) -> None:
        # The results paint first; the first one opens in the case pane a
        # moment later (its thread and history take another ~25 ms to read).
        # Focus makes Qt set the first row current at once (QAbstractItemView's
        # focus-in), which must not open it yet either.
        self._focus_list_quietly(Qt.FocusReason.ShortcutFocusReason)
        QTimer.singleShot(0, self._select_first_result)

    def _focus_list_quietly(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        """Focus the list without opening the row Qt makes current on focus-in."""
        self._restoring = True
        try:
            self.table.setFocus(reason)
        finally:
            self._restoring = False

    def focus_list_after_paint(self) -> None:
        """At start: the list takes the focus now and its current (or first) case opens once
        the list has painted, so the window shows without waiting for that case's thread
        and clocks."""
        self._focus_list_quietly()
        self._open_after_paint = True
        self.table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if self._open_after_paint and event.type() == QEvent.Type.Paint and watched is self.table.viewport():
            self._open_after_paint = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._open_current)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)

    def _open_current(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self._select_first_result()
            return
        self._open_row(current.row())

    def _select_first_result(self) -> None:
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self._select_row(0)
            self._open_row(0)  # row 0 may have been current already (focus-in): no row change to open it

    def _open_row(self, row: int) -> None:
        """The case at `row` becomes the current one and opens in the pane (unless it is open)."""
        case_id = self.model.case_id(row)
        self._current_case = case_id
        if case_id is not None and case_id != self.pane.case_id:
            self.pane.load(case_id)

    def _select_row(self, row: int, *, load: bool = True) -> None:
        index = self.model.index(row, 0)
        self._restoring = not load
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        finally:
            self._restoring = False
        self.table.scrollTo(index)
        if not load:
            self._current_case = self.model.case_id(row)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._restoring:
            self._open_row(current.row())

    def move(self, step: int) -> None:
        """j / k: the next or previous case, opened in the pane."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.table.currentIndex()
        if not current.isValid():
            row = 0
        else:
            row = current.row()
            # The open case left the list (claimed away, say): the case now in its
            # place is the next one, so open that rather than skip it.
            here = self.model.case_id(row)
            if not (step > 0 and here is not None and here != self.pane.case_id):
                row = max(0, min(count - 1, row + step))
        self._select_row(row)
        case_id = self.model.case_id(row)
        if case_id is not None and case_id != self.pane.case_id:
            self.pane.load(case_id)

    def open_case(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid() and self.model.rowCount():
            self._select_row(0)
            current = self.table.currentIndex()
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is not None and case_id != self.pane.case_id:
            self.pane.load(case_id)
        if self.pane.case_id is not None:
            self.pane.focus_thread()

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def back_to_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self._select_row(0)

    def filters_clear(self) -> None:
        self.filters.clear()

    def refresh_everything(self) -> None:
        with self.desk.db.read() as conn:
            self.directory = Directory(conn)
        self.filters.set_departments(self.directory.departments)
        self.filters.set_channels(self.directory.channels)
        self._reload_tags()
        self._keep_place(lambda: self.model.refresh_all())
        self.pane.reload()
        self.refresh_counts()

    # -- keeping current ------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        """An action of this desk finished: refresh the rows, counts and case it names."""
        self.clear_error()
        self._keep_place(lambda: self.model.refresh(change.case_ids))
        self._counts_timer.start()
        if change.action in ("tag", "untag") or "tags" in change.fields:
            self._reload_tags()
        if change.action in ("crisis_on", "crisis_off"):
            self.refresh_crisis()
            self._keep_place(lambda: self.model.refresh_all())  # the clocks of the crisis topic changed
        if self.pane.case_id is not None and self.pane.case_id in change.case_ids:
            if change.action == "merge" and self.pane.case_id != change.object_id:
                self.pane.load(change.object_id)  # the open case went into another one
            else:
                self.pane.reload()
        try:
            with self.desk.db.read() as conn:
                self._seen_audit = max(self._seen_audit, self._audit_mark(conn))
        except DatabaseError:
            pass

    def on_collector_change(self, change: Change) -> None:
        """The collector stored messages or moved replies: refresh like after an action (the message bar stays)."""
        if change.case_ids:
            self._keep_place(lambda: self.model.refresh(change.case_ids))
            self._counts_timer.start()
            if self.pane.case_id is not None and self.pane.case_id in change.case_ids:
                self.pane.reload()
        try:
            with self.desk.db.read() as conn:
                self._seen_audit = max(self._seen_audit, self._audit_mark(conn))
        except DatabaseError:
            pass
        if change.info.get("imported") and isinstance(self._dialog, ChannelsDialog):
            self._dialog.refresh()

    def refresh_channels(self) -> None:
        """The channels' health for the status bar (a handful of rows: read here, not on the worker)."""
        try:
            rows = read_channels(self.desk.db)
        except DatabaseError:
            return
        self.health.set_rows(rows)

    def _keep_place(self, refresh) -> None:
        """Run `refresh` on the model; keep the selected case selected and the scroll position."""
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else None
        before = self._current_case
        scroll = self.table.verticalScrollBar().value()
        refresh()
        if row is not None and before is not None and self.model.rowCount():
            found = self.model.row_of(before, near=row)
            target = found if found is not None else min(row, self.model.rowCount() - 1)
            selection = self.table.selectionModel()
            self._restoring = True
            try:
                if found is None:
                    # The open case left this list: nothing is selected, the place is kept for j.
                    selection.setCurrentIndex(self.model.index(target, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                    selection.clearSelection()
                elif target != self.table.currentIndex().row() or not selection.isRowSelected(target):
                    selection.setCurrentIndex(
                        self.model.index(target, 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                    )
            finally:
                self._restoring = False
            self._current_case = self.model.case_id(target) if found is not None else before
        self.table.verticalScrollBar().setValue(scroll)

    def refresh_counts(self) -> None:
        try:
            with self.desk.db.read() as conn:
                counts = view_counts(conn, self.desk.actor.user_id)
        except DatabaseError as error:
            self.show_error(describe_error(error))
            return
        self.views_model.set_counts(counts)
        if not self.model.searching:
            self._update_count_label()

    def _count_search(self, flt: InboxFilter) -> None:
        if flt == self.model.filter and self._search_total is None:
            self.ops.read(_count, self.desk.db, flt, on_done=lambda n, flt=flt: self._search_counted(flt, n),
                          on_error=lambda _error: None)

    def _search_counted(self, flt: InboxFilter, total: int) -> None:
        if flt == self.model.filter:
            self._search_total = total
            self._update_count_label()

    def _update_count_label(self, *_args) -> None:
        n = self.model.rowCount()
        if self.model.searching:
            if self._search_total is not None:
                n = max(n, self._search_total)
                more = ""
            else:
                more = "+" if self.model.canFetchMore() else ""
            self.count_label.setText(tr("{n}{more} zaken gevonden").format(n=labels.number(n), more=more))
        else:
            self.count_label.setText(tr("{n} zaken").format(n=labels.number(n)))

    @staticmethod
    def _audit_mark(conn) -> int:
        return conn.execute(select(func.max(AuditEntry.id))).scalar() or 0

    def _watch(self) -> None:
        """Notice work done outside this window (the command line, another program) and show it."""
        if self.ops.busy:
            return
        try:
            with self.desk.db.read() as conn:
                mark = self._audit_mark(conn)
        except DatabaseError:
            return
        if mark > self._seen_audit:
            self._seen_audit = mark
            self._keep_place(lambda: self.model.refresh_all())
            self.pane.reload()
            self.refresh_counts()
            self.refresh_crisis()

    def _reload_tags(self) -> None:
        with self.desk.db.read() as conn:
            tags = dict(conn.execute(select(Tag.id, Tag.name)).all())
        self.filters.set_tags(tags)
        self._tag_names = sorted(tags.values())

    # -- messages ----------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error_label.setText("\u26a0 " + message)
        self.error_label.setToolTip("")
        self.error_label.setAccessibleDescription(message)

    def clear_error(self) -> None:
        self.error_label.clear()

    def say(self, message: str) -> None:
        self.clear_error()
        self.statusBar().showMessage(message, 8000)

    def _feed_state(self, running: bool, received: int) -> None:
        if not self.desk.demo:
            return
        if running:
            text = tr("Demo: berichten komen binnen ({n} nieuw) \u2014 Ctrl+P pauzeert").format(n=labels.number(received))
        else:
            text = tr("Demo: gepauzeerd ({n} nieuw) \u2014 Ctrl+P hervat").format(n=labels.number(received))
        self.feed_label.setText(text)

    # -- case commands -----------------------------------------------------------

    def _case(self) -> int | None:
        case_id = self.pane.case_id
        if case_id is None:
            self.show_error(tr("Kies eerst een zaak: j en k lopen door de lijst, Enter opent."))
        return case_id

    def _run(self, name: str, done: str, **args) -> None:
        self.ops.perform(name, on_done=lambda _change: self.say(done), **args)

    def _open_dialog(self, dialog, on_accept) -> None:
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        dialog.activateWindow()  # without a window manager nobody else gives it the keyboard

    def _dialog_closed(self, _result: int) -> None:
        self._dialog = None
        # Without a window manager (a kiosk, Xvfb) nobody gives the focus back.
        if self.isVisible() and not self._closing:
            self.activateWindow()
            if self.focusWidget() is None:
                self.table.setFocus()

    @property
    def dialog(self):
        """The dialog a command opened and that is still open, if any."""
        return self._dialog

    def claim(self) -> None:
        if (case_id := self._case()) is not None:
            self._run("claim", tr("Zaak {id} is nu van u.").format(id=case_id), case_id=case_id)

    def release(self) -> None:
        if (case_id := self._case()) is not None:
            self._run("release", tr("Zaak {id} is terug in de wachtrij.").format(id=case_id), case_id=case_id)

    def route(self) -> None:
        if (case_id := self._case()) is None:
            return
        names = sorted(self.directory.departments.values(), key=str.lower)
        if not names:
            self.show_error(tr("Er zijn nog geen afdelingen. Een beheerder voegt ze toe met 'newsroom department add'."))
            return
        dialog = ChoiceDialog(
            self,
            title=tr("Zaak {id} naar een afdeling").format(id=case_id),
            prompt=tr("Afdeling"),
            description=tr("Naar welke afdeling gaat deze zaak? Ze verdwijnt dan bij de huidige behandelaar als die daar niet werkt."),
            choices=[(name, name) for name in names],
            current=(self.pane.detail or {}).get("department"),
            ok_text=tr("Doorsturen"),
        )
        self._open_dialog(dialog, lambda: self._run(
            "route", tr("Zaak {id} is naar {department} gestuurd.").format(id=case_id, department=dialog.value()),
            case_id=case_id, department=dialog.value()))

    def assign(self) -> None:
        if (case_id := self._case()) is None:
            return
        with self.desk.db.read() as conn:
            people = conn.execute(
                select(User.name, User.display_name, User.role).where(User.active.is_(True)).order_by(User.display_name)
            ).all()
        dialog = ChoiceDialog(
            self,
            title=tr("Zaak {id} toewijzen").format(id=case_id),
            prompt=tr("Collega"),
            description=tr("Aan wie geeft u deze zaak?"),
            choices=[(p.name, f"{p.display_name} ({p.name})") for p in people],
            current=(self.pane.detail or {}).get("assignee"),
            ok_text=tr("Toewijzen"),
        )
        self._open_dialog(dialog, lambda: self._run(
            "assign", tr("Zaak {id} is toegewezen aan {user}.").format(id=case_id, user=dialog.value()),
            case_id=case_id, user=dialog.value()))

    def tag(self) -> None:
        if (case_id := self._case()) is None:
            return
        dialog = LineDialog(
            self,
            title=tr("Label voor zaak {id}").format(id=case_id),
            prompt=tr("Label"),
            description=tr("Een woord dat de zaak vindbaar maakt, zoals 'afval' of 'storm'. Bestaande labels worden voorgesteld."),
            ok_text=tr("Label geven"),
            suggestions=self._tag_names,
        )

        def accepted() -> None:
            if dialog.text():
                self._run("tag", tr("Zaak {id} heeft label '{tag}'.").format(id=case_id, tag=dialog.text()),
                          case_id=case_id, tag=dialog.text())

        self._open_dialog(dialog, accepted)

    def untag(self) -> None:
        if (case_id := self._case()) is None:
            return
        tags = (self.pane.detail or {}).get("tags") or []
        if not tags:
            self.show_error(tr("Zaak {id} heeft geen labels.").format(id=case_id))
            return
        dialog = ChoiceDialog(
            self,
            title=tr("Label weghalen van zaak {id}").format(id=case_id),
            prompt=tr("Label"),
            description=tr("Welk label haalt u weg?"),
            choices=[(t, t) for t in tags],
            ok_text=tr("Weghalen"),
        )
        self._open_dialog(dialog, lambda: self._run(
            "untag", tr("Label '{tag}' is weg.").format(tag=dialog.value()), case_id=case_id, tag=dialog.value()))

    def note(self) -> None:
        if (case_id := self._case()) is None:
            return
        dialog = TextDialog(
            self,
            title=tr("Notitie bij zaak {id}").format(id=case_id),
            description=tr("Een interne notitie voor collega's. De burger ziet haar nooit."),
            ok_text=tr("Notitie bewaren"),
            placeholder=tr("Bijvoorbeeld: gebeld met de afdeling, ze pakken het morgen op."),
        )

        def accepted() -> None:
            if dialog.text().strip():
                self._run("note", tr("Notitie bij zaak {id} bewaard.").format(id=case_id), case_id=case_id, text=dialog.text())
            else:
                self.show_error(tr("De notitie was leeg en is niet bewaard."))

        self._open_dialog(dialog, accepted)

    def status(self) -> None:
        if (case_id := self._case()) is None:
            return
        choices = [(value, labels.status(value)) for value in labels.STATUS if value != "new"]
        dialog = ChoiceDialog(
            self,
            title=tr("Status van zaak {id}").format(id=case_id),
            prompt=tr("Status"),
            description=tr("Waar staat deze zaak nu?"),
            choices=choices,
            current=(self.pane.detail or {}).get("status"),
            ok_text=tr("Status zetten"),
        )
        self._open_dialog(dialog, lambda: self._run(
            "set_status", tr("Zaak {id} staat nu op {status}.").format(id=case_id, status=labels.status(dialog.value())),
            case_id=case_id, status=dialog.value()))

    def resolve(self) -> None:
        if (case_id := self._case()) is not None:
            self._run("set_status", tr("Zaak {id} is afgehandeld.").format(id=case_id), case_id=case_id, status="resolved")

    def priority(self) -> None:
        if (case_id := self._case()) is None:
            return
        dialog = ChoiceDialog(
            self,
            title=tr("Prioriteit van zaak {id}").format(id=case_id),
            prompt=tr("Prioriteit"),
            description=tr("Hoe dringend is deze zaak?"),
            choices=[(value, labels.priority(value)) for value in labels.PRIORITY],
            current=(self.pane.detail or {}).get("priority"),
            ok_text=tr("Prioriteit zetten"),
        )
        self._open_dialog(dialog, lambda: self._run(
            "set_priority", tr("Zaak {id} heeft nu prioriteit {priority}.").format(id=case_id, priority=labels.priority(dialog.value())),
            case_id=case_id, priority=dialog.value()))

    def reply(self) -> None:
        if self._case() is not None:
            self.pane.focus_reply()

    def _save_draft(self, case_id: int, text: str) -> None:
        self._run("draft_reply", tr("Concept-antwoord bij zaak {id} bewaard; er is niets verstuurd.").format(id=case_id),
                  case_id=case_id, text=text)

    def _send_reply(self, case_id: int, text: str) -> None:
        self.ops.perform("queue_reply", case_id=case_id, text=text, on_done=lambda change: (
            self.pane.sent(text),
            self.say(tr("Antwoord bij zaak {id} staat in de wachtrij voor {channel}.").format(
                id=case_id, channel=change.info.get("channel", "")))))

    def _retry_reply(self, reply_id: int) -> None:
        self._run("retry_reply", tr("Antwoord {id} wordt opnieuw verstuurd.").format(id=reply_id), reply_id=reply_id)

    def merge(self) -> None:
        if (case_id := self._case()) is None:
            return
        dialog = MergeDialog(self, case_id=case_id, describe=self._describe_case)

        def accepted() -> None:
            into = dialog.target()
            if into is None:
                self.show_error(tr("Typ het nummer van de zaak om mee samen te voegen."))
                return
            self._run("merge", tr("Zaak {id} is samengevoegd met zaak {into}.").format(id=case_id, into=into),
                      case_id=case_id, into=into)

        self._open_dialog(dialog, accepted)

    def _describe_case(self, case_id: int) -> str | None:
        try:
            with self.desk.db.read() as conn:
                rows = fetch_rows(conn, [case_id])
        except DatabaseError:
            return None
        if not rows:
            return tr("Er is geen zaak {id}.").format(id=case_id)
        row = rows[0]
        return tr("Zaak {id}: {author} \u2014 {snippet} ({status})").format(
            id=row.id, author=one_line(row.author, 60), snippet=one_line(row.snippet, 120), status=labels.status(row.status))

    def split(self) -> None:
        if (case_id := self._case()) is None:
            return
        messages = (self.pane.detail or {}).get("messages") or []
        if len(messages) < 2:
            self.show_error(tr("Zaak {id} heeft maar één bericht; er valt niets af te splitsen.").format(id=case_id))
            return
        choices = []
        for message in messages:
            author = message["author"]
            who = author.get("name") or author.get("handle") or author.get("email") or ""
            choices.append((message["id"], tr("Bericht {id}: {who} \u2014 {text}").format(
                id=message["id"], who=one_line(who, 40), text=one_line(message["text"], 80))))
        dialog = ChoiceDialog(
            self,
            title=tr("Bericht afsplitsen van zaak {id}").format(id=case_id),
            prompt=tr("Bericht"),
            description=tr("Welk bericht gaat over iets anders? Het wordt een eigen zaak."),
            choices=choices,
            current=messages[-1]["id"],
            ok_text=tr("Afsplitsen"),
        )

        def accepted() -> None:
            message_id = dialog.value()
            self.ops.perform("split", message_id=message_id, on_done=lambda change: self.say(
                tr("Bericht {id} is nu zaak {case}.").format(id=message_id, case=change.created.get("case"))))

        self._open_dialog(dialog, accepted)

    # -- general commands -------------------------------------------------------------

    def show_help(self) -> None:
        overlay = HelpOverlay(self)
        self._open_dialog(overlay, lambda: None)

    def show_settings(self) -> None:
        dialog = SettingsDialog(self, self.desk.settings, self.desk.location)

        def accepted() -> None:
            changed = dialog.save()
            if "theme" in changed:
                theme.apply(changed["theme"])  # the rows restyle on the palette change it posts
            if self.feed is not None and "demo_feed_seconds" in changed:
                self.feed.set_interval(changed["demo_feed_seconds"])
            if "inbox_order" in changed and not self.filters.search_text():
                self.filters.set_order(changed["inbox_order"])
            if "language" in changed:
                self.language_changed.emit(changed["language"])
            self.say(tr("Instellingen bewaard."))

        self._open_dialog(dialog, accepted)

    def show_channels(self) -> None:
        if isinstance(self._dialog, ChannelsDialog) and self._dialog.isVisible():
            self._dialog.activateWindow()
            return
        dialog = ChannelsDialog(self, db=self.desk.db, ops=self.ops, actor=self.desk.actor, collector=self.collector)
        dialog.changed.connect(self._channels_changed)
        self._open_dialog(dialog, lambda: None)

    def _channels_changed(self) -> None:
        self.refresh_channels()
        with self.desk.db.read() as conn:
            self.directory = Directory(conn)
        self.filters.set_channels(self.directory.channels)

    def toggle_feed(self) -> None:
        if self.feed is not None:
            self.feed.toggle()


    # -- response targets: countdowns, alerts, crisis mode ------------------------------

    @property
    def case_pane(self) -> CasePane:
        """The case on the right (also `pane`)."""
        return self.pane

    def tick(self) -> None:
        """A minute passed: countdowns and their colours move on, and so does what is at risk."""
        self.model.tick()
        view = self.views.current_view()
        if view is not None and view.filter.at_risk and not self.model.searching:
            self._keep_place(lambda: self.model.refresh())
        self.refresh_counts()

    def sweep_alerts(self) -> None:
        """Record the alerts time has passed, off the UI thread, and notify the new ones."""
        if self._sweeping or self._closing:
            return
        self._sweeping = True

        def failed(_error: BaseException) -> None:
            self._sweeping = False

        future = self.ops.read(sweep_alerts, self.desk.db, self._seen_alert, on_done=self._alerts_swept, on_error=failed)
        if future is None:
            self._sweeping = False

    def _alerts_swept(self, result: tuple[Change | None, list[dict]]) -> None:
        self._sweeping = False
        change, alerts = result
        if change is not None:
            try:
                with self.desk.db.read() as conn:
                    self._seen_audit = max(self._seen_audit, self._audit_mark(conn))
            except DatabaseError:
                pass
        fresh = [alert for alert in alerts if alert["id"] > self._seen_alert]
        if not fresh:
            return
        self._seen_alert = max(alert["id"] for alert in fresh)
        # A row that just crossed a threshold shows its new colour now, not at the next minute.
        self.model.tick()
        self.refresh_counts()
        self.notifier.show(alert_notice(fresh))

    def _incident_proposed(self, incident_id: int | None, reporters: int) -> None:
        self.notifier.show(incident_notice(incident_id, reporters))

    def open_target(self, target: Target) -> None:
        """Open what a notification names: a case, a view, the incidents."""
        self.activateWindow()
        if target.kind == "case":
            case_id = int(target.value)
            row = self.model.row_of(case_id, near=0, radius=self.model.BLOCK)
            if row is not None:
                self._select_row(row)
            elif case_id != self.pane.case_id:
                self.pane.load(case_id)
            self.pane.focus_thread()
        elif target.kind == "view":
            self.views.choose(str(target.value))
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif target.kind == "incidents":
            self._open_other("ui.incidents_dialog", "open_incidents_dialog")

    def refresh_crisis(self) -> None:
        """Show or hide the crisis indicator (a handful of rows: read here)."""
        try:
            crises = read_crises(self.desk.db)
        except DatabaseError:
            return
        names = [one_line(crisis["name"], 60) for crisis in crises]
        if names == self._crisis_names and self.crisis_indicator.isVisible() == bool(names):
            return
        self._crisis_names = names
        if not names:
            self.crisis_indicator.hide()
            return
        text = tr("\u26a0 Crisismodus: {name}").format(name=", ".join(names))
        self.crisis_indicator.setText(text)
        self.crisis_indicator.setAccessibleDescription(tr(
            "Crisismodus staat aan: {name}. De termijnen van het crisisonderwerp lopen dag en nacht; "
            "F9 zet het tussenbericht in een antwoord, Ctrl+Shift+M opent de crisismodus.").format(name=", ".join(names)))
        self.crisis_indicator.setToolTip(tr("Crisismodus openen (Ctrl+Shift+M)"))
        self.crisis_indicator.show()

    def show_crisis(self) -> None:
        if isinstance(self._dialog, CrisisDialog) and self._dialog.isVisible():
            self._dialog.activateWindow()
            return
        dialog = CrisisDialog(self, db=self.desk.db, ops=self.ops, actor=self.desk.actor)
        dialog.changed.connect(self.on_change)  # refreshes the indicator and the recomputed clocks
        self._open_dialog(dialog, lambda: None)

    def _open_other(self, module: str, function: str) -> None:
        """Open a dialog of another part of the desktop, imported when first asked for."""
        try:
            opener = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError) as error:
            log.warning("%s.%s is not available: %s", module, function, error)
            self.show_error(tr("Dit onderdeel ontbreekt in deze installatie. Installeer Newsroom opnieuw of vraag de beheerder."))
            return
        dialog = opener(self, self.desk.db, self.ops, self.desk.actor)
        if isinstance(dialog, QDialog):
            self._dialog = dialog
            dialog.finished.connect(self._dialog_closed)

    def _pane_command(self, name: str) -> None:
        """A command the case pane carries out (hand-off, send-back, templates, the crisis statement)."""
        if self._case() is None:
            return
        method = getattr(self.pane, name, None)
        if method is None:
            log.warning("the case pane has no %s()", name)
            self.show_error(tr("Dit onderdeel ontbreekt in deze installatie. Installeer Newsroom opnieuw of vraag de beheerder."))
            return
        method()
