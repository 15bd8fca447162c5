"""The case on the right: fields, the thread across channels, actions, reply draft, notes and history.

Everything a citizen wrote reaches the screen through `ui.plain`: labels
in plain-text format, the thread as plain text in a QPlainTextEdit
(inserted with QTextCursor.insertText, which never parses markup). A
message longer than `PREVIEW_CHARS` shows its start and a button to show
all of it, so a 1 MB e-mail opens at once.

Below the fields, one line per response-target clock: its state, its due
time in local time and a countdown in business time, orange from 75% and
red from 90% and when late (the text says the level too, so colour is
never the only signal). The countdown is redrawn every 30 s from the case
as read, without reading it again. The pane also hands a case off, sends
it back, inserts a template or the crisis statement into the reply, and
shows readability hints for what is typed (guidance, never a gate).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTextBoundaryFinder,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from newsroom.actions import ActionError
from newsroom.actions.targets import active_crises, load_config
from newsroom.casefile import CaseNotFound, case_detail
from newsroom.db.engine import Database, DatabaseError
from newsroom.inbox import Directory
from newsroom.model import Reply
from newsroom.targets.calendar import ALWAYS, Calendar
from newsroom.targets.policy import TargetsConfig
from newsroom.templates import readability
from newsroom.timeutil import parse_instant
from ui import labels
from ui.core_text import CORE_TEMPLATES, explain
from ui.i18n import N_, tr
from ui.ops import Ops, describe_error
from ui.plain import display_lines, one_line, plain_label, visible

PREVIEW_CHARS = 100_000
CASE_BUTTONS = ("claim", "release", "route", "assign", "tag", "note", "status", "resolve", "priority", "reply", "merge", "split",
                "handoff", "sendback", "template")
BUTTON_COLUMNS = 3
CLOCK_TICK_MS = 30_000
HINTS_DELAY_MS = 600
HINTS_MAX_CHARS = 20_000  # readability of a longer text is read from its start
ORANGE, RED = QColor("#b45309"), QColor("#c62828")  # both readable on a light and a dark window


def _instant(value: str | None) -> datetime | None:
    return parse_instant(value) if value else None


def _value(name: str, value) -> str:
    return one_line(labels.field_change(name, value), 60)


ReplyIdRole = Qt.ItemDataRole.UserRole + 1
ReplyStateRole = Qt.ItemDataRole.UserRole + 2
REPLIES = Reply.__table__


@cache
def reply_limit(platform: str) -> tuple[int | None, bool]:
    """The platform's limit on a reply and whether it counts graphemes.

    From `REPLY_LIMITS`, not the connector class: importing a connector
    (httpx and all) on the first case of a platform froze the window ~200 ms.
    """
    from newsroom.connectors import REPLY_LIMITS

    return REPLY_LIMITS.get(platform), platform == "bluesky"


def graphemes(text: str) -> int:
    """What a person sees as characters (an emoji with modifiers counts once), as Bluesky counts."""
    if not text:
        return 0
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    count = 0
    while finder.toNextBoundary() != -1:
        count += 1
    return count


class RepliesModel(QAbstractListModel):
    """The case's replies (not drafts) as lines: state in words, then the start of the text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int, str, str, str]] = []  # id, state, line, accessible text

    def set_rows(self, rows: list[tuple[int, str, str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reply_id, state, line, spoken = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken
        if role == ReplyIdRole:
            return reply_id
        if role == ReplyStateRole:
            return state
        return None

    def row_of(self, reply_id) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[0] == reply_id), None)

    def states(self) -> list[str]:
        return [r[1] for r in self._rows]


def reply_state_text(reply) -> str:
    """A reply's state in words: in the queue, being sent, sent at, failed with the reason, retry at."""
    state = reply.state
    if state == "queued":
        if reply.next_attempt_at is not None:
            text = tr("Opnieuw proberen om {time}").format(time=labels.when(reply.next_attempt_at))
            return f"{text} ({one_line(reply.failure_reason, 120)})" if reply.failure_reason else text
        return tr("In de wachtrij")
    if state == "sending":
        return tr("Wordt verstuurd")
    if state == "sent":
        return tr("Verstuurd om {time}").format(time=labels.when(reply.sent_at or reply.updated_at))
    if state == "failed":
        return tr("Mislukt: {reason}").format(reason=one_line(reply.failure_reason or "?", 200))
    return tr("Concept")


REPLY_KINDS = {
    "auto_ack": N_("ontvangstbevestiging"),
    "holding": N_("tussenbericht"),
    "incident": N_("incidentantwoord"),
}
HISTORY_ACTIONS = {  # actions of the response targets and templates that labels.ACTION does not name yet
    "handoff": N_("overgedragen aan afdeling"),
    "sendback": N_("teruggestuurd"),
    "queue_reply": N_("antwoord in de wachtrij gezet"),
    "retry_reply": N_("antwoord opnieuw verstuurd"),
}


def _history_action(value: str) -> str:
    return tr(HISTORY_ACTIONS[value]) if value in HISTORY_ACTIONS else labels.action(value)


def business_span(minutes: float) -> str:
    """Business time as a colleague says it: "2 u 10 min", "45 min", "minder dan 1 min"."""
    whole = int(minutes)
    if whole < 1:
        return tr("minder dan 1 min")
    hours, rest = divmod(whole, 60)
    if not hours:
        return tr("{m} min").format(m=rest)
    if not rest:
        return tr("{h} u").format(h=hours)
    return tr("{h} u {m} min").format(h=hours, m=rest)


def clock_name(clock: dict, departments: dict[int, str] | None = None) -> str:
    """Eerste reactie, Volgende reactie #n, Afhandeling, Afdeling #n (name)."""
    kind = clock["clock"]
    if kind == "first_response":
        return tr("Eerste reactie")
    if kind == "next_response":
        return tr("Volgende reactie #{n}").format(n=clock["seq"])
    if kind == "resolution":
        return tr("Afhandeling")
    if kind == "department":
        name = tr("Afdeling #{n}").format(n=clock["seq"])
        department = (departments or {}).get(clock.get("department_id"))
        return f"{name} ({department})" if department else name
    return kind


@dataclass(frozen=True)
class ClockView:
    """One clock as the pane shows it: the line, its warning level (0, 75, 90, 100) and a sentence for screen readers."""

    text: str
    level: int
    description: str


def _seconds(value: str | None) -> int | None:
    instant = _instant(value)
    return None if instant is None else int(instant.timestamp())


def clock_view(clock: dict, now_s: int, calendar: Calendar, departments: dict[int, str] | None = None) -> ClockView:
    """A described clock (newsroom/targets/clocks.describe) at `now_s`: state, due time, business countdown, level.

    The countdown of a running clock is the business time from now to its
    due time on the clock's calendar (24/7 during a crisis), so it stands
    still outside office hours, as the clock does.
    """
    name = clock_name(clock, departments)
    state = clock["state"]
    due_s = _seconds(clock.get("due"))
    stop_s = _seconds(clock.get("stop"))
    target_us = clock["target_minutes"] * 60_000_000
    cal = ALWAYS if clock.get("crisis") else calendar
    due_text = labels.when(datetime.fromtimestamp(due_s, UTC)) if due_s is not None else ""
    level = int(clock.get("warning") or 0)
    parts: list[str] = []
    if state == "running" and due_s is not None:
        if now_s >= due_s:
            level = 100
            late = cal.elapsed_us(due_s * 1_000_000, now_s * 1_000_000) / 60_000_000
            parts.append(tr("{span} te laat").format(span=business_span(late)) if late >= 1 else tr("te laat"))
            parts.append(tr("was uiterlijk {time}").format(time=due_text))
        else:
            remaining_us = cal.elapsed_us(now_s * 1_000_000, due_s * 1_000_000)
            if remaining_us <= target_us // 10:
                level = max(level, 90)
            elif remaining_us <= target_us // 4:
                level = max(level, 75)
            parts.append(tr("nog {span}").format(span=business_span(remaining_us / 60_000_000)))
            if level in (75, 90):
                parts.append(f"{level}%")
            parts.append(tr("uiterlijk {time}").format(time=due_text))
    elif state == "paused":
        parts.append(tr("gepauzeerd: wacht op burger"))
        remaining = clock.get("remaining_minutes")
        if remaining is not None:
            parts.append(tr("nog {span} over").format(span=business_span(remaining)))
        if level == 100:
            parts.append(tr("te laat"))
        elif level in (75, 90):
            parts.append(f"{level}%")
    elif state == "met":
        when = labels.when(datetime.fromtimestamp(stop_s, UTC)) if stop_s is not None else ""
        if clock.get("breached"):
            level = 100
            parts.append(tr("te laat gehaald om {time}").format(time=when))
            if due_text:
                parts.append(tr("was uiterlijk {time}").format(time=due_text))
        else:
            level = 0
            parts.append(tr("gehaald om {time}").format(time=when) if when else tr("gehaald"))
    else:  # stopped (the case was closed before an answer) or returned (sent back by the department)
        when = labels.when(datetime.fromtimestamp(stop_s, UTC)) if stop_s is not None else ""
        words = tr("teruggestuurd") if state == "returned" else tr("gestopt")
        parts.append(f"{words} {tr('om {time}').format(time=when)}" if when else words)
        level = 100 if clock.get("breached") else 0
        if level:
            parts.append(tr("te laat"))
    text = f"{name}: " + " \u00b7 ".join(parts)
    sentence = {
        75: tr("Waarschuwing: 75% van de termijn is op."),
        90: tr("Dringend: 90% van de termijn is op."),
        100: tr("De termijn is verstreken: te laat."),
    }.get(level, "")
    description = f"{text}. {sentence}" if sentence else f"{text}."
    return ClockView(text, level, description)


def hint_text(hint: dict) -> str:
    """A readability hint (newsroom.templates.readability) in the desktop's language."""
    dutch = CORE_TEMPLATES.get(hint.get("message", ""))
    if dutch is None:
        return hint.get("text", "")
    try:
        return tr(dutch).format(**hint.get("params", {}))
    except (KeyError, IndexError, ValueError):
        return hint.get("text", "")


def hints_text(text: str, language: str = "nl") -> str:
    """The readability hints for `text`, one per line (empty when there are none)."""
    return "\n".join(hint_text(h) for h in readability(text[:HINTS_MAX_CHARS], language))


class _TopArea(QScrollArea):
    """A scroll area that asks for all of its content (QScrollArea caps its wish at 24 lines)."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        width = self.viewport().width()
        height = inner.heightForWidth(width) if width > 0 and inner.hasHeightForWidth() else -1
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), height if height > 0 else hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped lines: another width, another height


class CasePane(QWidget):
    """Shows one case; the actions themselves live in the main window (one QAction each)."""

    draft_save_requested = Signal(int, str)  # case id, text
    send_requested = Signal(int, str)  # case id, text
    retry_requested = Signal(int)  # reply id
    failed = Signal(str)
    said = Signal(str)  # what an action of the pane did, for the status bar

    def __init__(self, db: Database, me: str, actions: dict[str, QAction], parent=None, *, ops: Ops | None = None):
        super().__init__(parent)
        self._db = db
        self._me = me
        self._actions = actions
        self._ops = ops
        self._dialog = None
        self._focus_after: QWidget | None = None
        self._detail: dict | None = None
        self._departments: dict[int, str] = {}
        self._targets: TargetsConfig | None = None
        self._targets_cache: dict = {}
        self._show_all = False
        self._draft_case: int | None = None

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = QLabel(tr("Geen zaak gekozen.\n\nKies een zaak in de lijst met j en k of de pijltjes; Enter opent haar hier."), self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(tr("Geen zaak gekozen"))
        self.stack.addWidget(self.empty)

        page = QWidget(self)
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 0, 0)

        self.title = plain_label("", page)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName(tr("Zaak"))
        layout.addWidget(self.title)
        self.banner = plain_label("", page)
        self.banner.setAccessibleName(tr("Melding bij deze zaak"))
        self.banner.hide()
        layout.addWidget(self.banner)

        # Fields, clocks and buttons scroll when the window is low, so the conversation and the reply keep their room.
        self.top = _TopArea(page)
        self.top.setWidgetResizable(True)
        self.top.setFrameShape(QFrame.Shape.NoFrame)
        self.top.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.top.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.top.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        top_widget = QWidget(self.top)
        top_layout = QVBoxLayout(top_widget)
        top_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, name in (
            ("status", tr("Status")),
            ("priority", tr("Prioriteit")),
            ("department", tr("Afdeling")),
            ("assignee", tr("Behandelaar")),
            ("channel", tr("Kanaal")),
            ("author", tr("Afzender")),
            ("tags", tr("Labels")),
            ("received", tr("Ontvangen")),
            ("due", tr("Termijn")),
        ):
            value = plain_label("", page)
            value.setAccessibleName(name)
            self.fields[key] = value
            form.addRow(name, value)
        self.clocks_box = QWidget(page)
        clocks_layout = QVBoxLayout(self.clocks_box)
        clocks_layout.setContentsMargins(0, 0, 0, 0)
        clocks_layout.setSpacing(0)
        self.clock_lines: list[QLabel] = []
        self._clocks_layout = clocks_layout
        self.clocks_heading = QLabel(tr("Termijnen"), page)
        self.clocks_heading.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.clocks_heading, self.clocks_box)
        self.routed = plain_label("", page)
        self.routed.setAccessibleName(tr("Routering"))
        self.incident = plain_label("", page)
        self.incident.setAccessibleName(tr("Incident"))
        form.addRow(tr("Routering"), self.routed)
        form.addRow(tr("Incident"), self.incident)
        self._form = form
        top_layout.addLayout(form)
        self._clock_timer = QTimer(self, interval=CLOCK_TICK_MS, timeout=self.update_clocks)

        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for position, key in enumerate(CASE_BUTTONS):
            action = actions[key]
            button = QPushButton(action.text(), page)
            button.setAccessibleName(action.text())
            button.setAccessibleDescription(action.statusTip())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setAutoDefault(False)
            # On a narrow screen the buttons may clip their text rather than widen the window.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Wwwwwww"))
            self.buttons[key] = button
            buttons.addWidget(button, position // BUTTON_COLUMNS, position % BUTTON_COLUMNS)
        top_layout.addLayout(buttons)
        self.top.setWidget(top_widget)
        self.top.setMinimumHeight(self.fontMetrics().height() * 6)
        layout.addWidget(self.top)

        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

        self.tabs = QTabWidget(split)
        self.tabs.setAccessibleName(tr("Zaakonderdelen"))
        self.tabs.setAccessibleDescription(tr("Gesprek, notities en geschiedenis van de zaak. Alt+1, Alt+2 en Alt+3 wisselen."))
        thread_page = QWidget(self.tabs)
        thread_layout = QVBoxLayout(thread_page)
        thread_layout.setContentsMargins(0, 0, 0, 0)
        self.thread = self._reader(tr("Gesprek"), tr("Alle berichten van deze zaak over alle kanalen, oudste eerst. Alleen lezen."))
        thread_layout.addWidget(self.thread)
        self.show_all = QPushButton(tr("Volledige berichten tonen"), thread_page)
        self.show_all.setAccessibleName(tr("Volledige berichten tonen"))
        self.show_all.setAccessibleDescription(tr("Een heel lang bericht is ingekort; dit toont het helemaal."))
        self.show_all.clicked.connect(self._show_everything)
        self.show_all.hide()
        thread_layout.addWidget(self.show_all)
        self.tabs.addTab(thread_page, tr("Gesprek"))
        self.notes = self._reader(tr("Notities"), tr("Interne notities van collega's; de burger ziet ze nooit."))
        self.tabs.addTab(self.notes, tr("Notities"))
        self.history = self._reader(tr("Geschiedenis"), tr("Alles wat er met deze zaak gebeurde, oudste eerst."))
        self.tabs.addTab(self.history, tr("Geschiedenis"))

        composer = QWidget(split)
        composer_layout = QVBoxLayout(composer)
        composer_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(tr("&Antwoord aan de burger"), composer)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        composer_layout.addWidget(heading)
        self.reply = QPlainTextEdit(composer)
        self.reply.setAccessibleName(tr("Concept-antwoord"))
        self.reply.setAccessibleDescription(
            tr("Uw antwoord aan de burger. Ctrl+Enter bewaart het als concept; Ctrl+Shift+Enter verstuurt het.")
        )
        self.reply.setPlaceholderText(tr("Schrijf een antwoord… (r)  Ctrl+Enter bewaart, Ctrl+Shift+Enter verstuurt."))
        self.reply.setTabChangesFocus(True)
        heading.setBuddy(self.reply)
        composer_layout.addWidget(self.reply, 1)
        row = QHBoxLayout()
        self.reply_state = plain_label("", composer, selectable=False)
        self.reply_state.setAccessibleName(tr("Staat van het concept"))
        row.addWidget(self.reply_state, 1)
        self.save_draft = QPushButton(tr("Concept bewaren"), composer)
        self.save_draft.setAccessibleName(tr("Concept bewaren"))
        self.save_draft.setAccessibleDescription(tr("Bewaart het antwoord als concept bij de zaak (Ctrl+Enter)."))
        self.save_draft.setAutoDefault(False)
        self.save_draft.clicked.connect(self.request_draft_save)
        row.addWidget(self.save_draft)
        self.counter = QLabel("", composer)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAccessibleName(tr("Aantal tekens"))
        self.counter.hide()
        row.addWidget(self.counter)
        self.send = QPushButton(tr("Versturen"), composer)
        self.send.setAccessibleName(tr("Versturen"))
        self.send.setAccessibleDescription(
            tr("Verstuurt het antwoord aan de burger via het kanaal waarop die schreef (Ctrl+Shift+Enter).")
        )
        self.send.setToolTip(actions["send_reply"].toolTip())
        self.send.setAutoDefault(False)
        self.send.clicked.connect(self.request_send)
        row.addWidget(self.send)
        composer_layout.addLayout(row)
        self.replies_model = RepliesModel(self)
        self.replies = QListView(composer)
        self.replies.setModel(self.replies_model)
        self.replies.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.replies.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.replies.setAccessibleName(tr("Verstuurde antwoorden"))
        self.replies.setAccessibleDescription(
            tr("De antwoorden van deze zaak met hun staat: in de wachtrij, wordt verstuurd, verstuurd of mislukt.")
        )
        self.replies.setMaximumHeight(self.replies.fontMetrics().height() * 5 + 8)
        self.replies.setWordWrap(False)
        self.replies.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.replies.selectionModel().currentChanged.connect(self._update_retry)
        composer_layout.addWidget(self.replies)
        self.retry = QPushButton(tr("Opnieuw proberen"), composer)
        self.retry.setAccessibleName(tr("Opnieuw proberen"))
        self.retry.setAccessibleDescription(tr("Verstuurt het gekozen mislukte antwoord nog een keer."))
        self.retry.setAutoDefault(False)
        self.retry.clicked.connect(self.request_retry)
        retry_row = QHBoxLayout()
        retry_row.addStretch(1)
        retry_row.addWidget(self.retry)
        composer_layout.addLayout(retry_row)
        self.replies.hide()
        self.retry.hide()
        self.hints = plain_label("", composer, selectable=False)
        self.hints.setAccessibleName(tr("Tips voor eenvoudige taal"))
        self.hints.setAccessibleDescription(tr("Tips voor duidelijke taal (B1) bij wat u typt; alleen advies, versturen kan altijd."))
        self.hints.hide()
        composer_layout.insertWidget(composer_layout.indexOf(self.reply) + 1, self.hints)
        self._hints_timer = QTimer(self, singleShot=True, interval=HINTS_DELAY_MS, timeout=self.update_hints)
        self.reply.textChanged.connect(self._hints_timer.start)
        self.reply.textChanged.connect(self._update_counter)
        self._limit: tuple[int | None, bool] = (None, False)
        self._over = False
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self._header_format = QTextCharFormat()
        self._header_format.setFontWeight(QFont.Weight.Bold)
        self._subject_format = QTextCharFormat()
        self._subject_format.setFontItalic(True)
        self._body_format = QTextCharFormat()

    def _reader(self, name: str, description: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse)
        view.setAccessibleName(name)
        view.setAccessibleDescription(description)
        view.setTabChangesFocus(True)
        view.setUndoRedoEnabled(False)
        return view

    # -- which case -------------------------------------------------------------

    @property
    def case_id(self) -> int | None:
        return self._detail["id"] if self._detail else None

    @property
    def detail(self) -> dict | None:
        return self._detail

    def load(self, case_id: int | None) -> None:
        """Show case `case_id` (None: nothing); keeps an unsaved draft by saving it first."""
        if case_id != self.case_id:
            self._save_unsaved_draft()
            self._show_all = False
        if case_id is None:
            self._detail = None
            self._clock_timer.stop()
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            with self._db.read() as conn:
                names = Directory(conn)
                detail = case_detail(conn, case_id, names=names)
                self._departments = names.departments
                self._targets = load_config(conn, self._targets_cache)[0] if detail.get("clocks") else self._targets
        except CaseNotFound:
            self.failed.emit(tr("Zaak {id} bestaat niet (meer).").format(id=case_id))
            return
        except DatabaseError as error:
            self.failed.emit(describe_error(error))
            return
        same_case = self.case_id == case_id
        self._detail = detail
        self._render(detail, keep_draft=same_case)
        self.stack.setCurrentIndex(1)

    def reload(self) -> None:
        if self.case_id is not None:
            self.load(self.case_id)

    # -- drawing ----------------------------------------------------------------

    def _render(self, detail: dict, *, keep_draft: bool) -> None:
        subject = one_line(detail.get("subject"), 160)
        title = tr("Zaak {id}").format(id=detail["id"])
        self.title.setText(f"{title} \u00b7 {subject}" if subject else title)
        if detail.get("merged_into"):
            self.banner.setText(tr("Deze zaak is samengevoegd met zaak {id}; werk daar verder.").format(id=detail["merged_into"]))
            self.banner.show()
        else:
            self.banner.hide()
        fields = self.fields
        fields["status"].setText(labels.status(detail["status"]))
        fields["priority"].setText(labels.priority(detail["priority"]))
        fields["department"].setText(detail["department"] or tr("geen"))
        fields["assignee"].setText(detail["assignee"] or tr("niemand"))
        fields["channel"].setText(f"{labels.platform(detail['platform'])} \u00b7 {detail['channel']}")
        fields["author"].setText(one_line(detail["author"], 200))
        fields["tags"].setText(", ".join(detail["tags"]) or tr("geen"))
        fields["received"].setText(labels.when(_instant(detail["created_at"])))
        due = _instant(detail["due_at"])
        fields["due"].setText(labels.when(due) if due else tr("geen termijn"))
        self._render_clocks(detail)
        self._render_thread(detail["messages"])
        self._render_notes(detail["notes"])
        self._render_history(detail.get("history", []))
        self._render_draft(detail, keep_draft=keep_draft)
        self._render_replies(detail)
        self.buttons["split"].setEnabled(len(detail["messages"]) > 1)
        self.top.widget().adjustSize()
        self.top.updateGeometry()

    def _render_clocks(self, detail: dict) -> None:
        clocks = detail.get("clocks") or []
        while len(self.clock_lines) < len(clocks):
            line = plain_label("", self.clocks_box, selectable=False)
            line.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._clocks_layout.addWidget(line)
            self.clock_lines.append(line)
        for extra in self.clock_lines[len(clocks):]:
            extra.hide()
        form = self._form
        form.setRowVisible(self.clocks_box, bool(clocks))
        form.setRowVisible(self.fields["due"], not clocks)  # the clocks say it, per clock
        rule = detail.get("routed_by_rule")
        if rule:
            self.routed.setText(tr("Gerouteerd door regel \u201c{name}\u201d").format(name=one_line(rule.get("name") or f"#{rule['id']}", 120)))
        form.setRowVisible(self.routed, bool(rule))
        incidents = detail.get("incidents") or []
        if incidents:
            self.incident.setText(tr("Hoort bij incident {ids}").format(ids=", ".join(f"#{i}" for i in incidents)))
        form.setRowVisible(self.incident, bool(incidents))
        self.update_clocks()
        if clocks:
            self._clock_timer.start()
        else:
            self._clock_timer.stop()

    def clock_views(self, now_s: int | None = None) -> list[ClockView]:
        """The open case's clocks as shown at `now_s` (now)."""
        if not self._detail:
            return []
        now_s = int(datetime.now(UTC).timestamp()) if now_s is None else now_s
        views = []
        for clock in self._detail.get("clocks") or []:
            try:
                calendar = self._targets.calendar(clock["calendar"]) if self._targets else ALWAYS
            except ValueError:
                calendar = ALWAYS
            views.append(clock_view(clock, now_s, calendar, self._departments))
        return views

    def update_clocks(self) -> None:
        """Redraw the countdowns from the case as read (every 30 s); nothing is read again."""
        for line, view in zip(self.clock_lines, self.clock_views()):
            line.setText(view.text)
            line.setAccessibleName(view.text)
            line.setAccessibleDescription(view.description)
            palette = QPalette(self.palette())
            if view.level >= 90:
                palette.setColor(QPalette.ColorRole.WindowText, RED)
            elif view.level >= 75:
                palette.setColor(QPalette.ColorRole.WindowText, ORANGE)
            line.setPalette(palette)
            font = QFont(self.font())
            font.setBold(view.level >= 90)
            line.setFont(font)
            line.setProperty("level", view.level)
            line.show()

    def _render_thread(self, messages: list[dict]) -> None:
        truncated = False
        self.thread.clear()
        cursor = QTextCursor(self.thread.document())
        cursor.beginEditBlock()
        for position, message in enumerate(messages):
            if position:
                cursor.insertText("\n\n", self._body_format)
            direction = tr("Binnen") if message["direction"] == "in" else tr("Verstuurd")
            author = message["author"]
            who = author.get("name") or author.get("handle") or author.get("email") or author.get("phone") or author.get("id") or ""
            handle = author.get("handle")
            if handle and handle != who:
                who = f"{who} ({handle})"
            header = " \u00b7 ".join(
                part
                for part in (
                    direction,
                    f"{labels.platform(message['platform'])} {message['channel']}",
                    one_line(who, 120),
                    labels.when(_instant(message["received_at"])),
                    tr("bericht {id}").format(id=message["id"]),
                )
                if part
            )
            cursor.insertText(header + "\n", self._header_format)
            if message.get("subject"):
                cursor.insertText(one_line(message["subject"], 300) + "\n", self._subject_format)
            text = message["text"] or ""
            if not self._show_all and len(text) > PREVIEW_CHARS:
                hidden = len(text) - PREVIEW_CHARS
                text = text[:PREVIEW_CHARS]
                truncated = True
                cursor.insertText(display_lines(visible(text)), self._body_format)
                cursor.insertText(
                    "\n" + tr("[… nog {n} tekens; kies 'Volledige berichten tonen']").format(n=labels.number(hidden)),
                    self._subject_format,
                )
            else:
                cursor.insertText(display_lines(visible(text)), self._body_format)
        cursor.endEditBlock()
        self.show_all.setVisible(truncated)
        self.thread.moveCursor(QTextCursor.MoveOperation.End if len(messages) > 1 else QTextCursor.MoveOperation.Start)
        self.thread.ensureCursorVisible()

    def _render_notes(self, notes: list[dict]) -> None:
        self.notes.clear()
        if not notes:
            self.notes.setPlainText(tr("Nog geen notities. Voeg er een toe met n."))
            self.tabs.setTabText(1, tr("Notities"))
            return
        cursor = QTextCursor(self.notes.document())
        for position, note in enumerate(notes):
            if position:
                cursor.insertText("\n\n", self._body_format)
            header = f"{note['author'] or '?'} \u00b7 {labels.when(_instant(note['created_at']))}"
            cursor.insertText(header + "\n", self._header_format)
            cursor.insertText(display_lines(visible(note["text"])), self._body_format)
        self.tabs.setTabText(1, tr("Notities ({n})").format(n=len(notes)))

    def _render_history(self, history: list[dict]) -> None:
        lines = []
        for entry in history:
            line = f"{labels.when(_instant(entry['at']))} \u00b7 {entry['actor']} \u00b7 {_history_action(entry['action'])}"
            details = []
            for name, change in (entry.get("detail", {}).get("fields") or {}).items():
                if isinstance(change, list) and len(change) == 2:
                    old, new = change
                    details.append(f"{labels.field(name)}: {_value(name, old)} \u2192 {_value(name, new)}")
            if entry["result"] != "ok":
                reason = entry.get("detail", {}).get("reason", "")
                details.append(tr("niet gelukt ({result}): {reason}").format(result=entry["result"], reason=one_line(reason, 200)))
            if details:
                line += " \u2014 " + "; ".join(details)
            lines.append(line)
        self.history.setPlainText("\n".join(lines) if lines else tr("Nog geen geschiedenis."))

    def _render_draft(self, detail: dict, *, keep_draft: bool) -> None:
        mine = [r for r in detail["replies"] if r["author"] == self._me and r["state"] == "draft"]
        draft = mine[-1] if mine else None
        if not (keep_draft and self.reply.document().isModified()):
            self.reply.setPlainText(draft["text"] if draft else "")
            self.reply.document().setModified(False)
        self._draft_case = detail["id"]
        if draft:
            self.reply_state.setText(tr("Concept bewaard om {time}.").format(time=labels.when(_instant(draft["updated_at"]))))
        else:
            self.reply_state.setText(tr("Nog geen concept."))

    def _render_replies(self, detail: dict) -> None:
        """The case's replies beyond drafts, with their state; the counter for the platform answered on."""
        incoming = [m for m in detail["messages"] if m["direction"] == "in"]
        platform = incoming[-1]["platform"] if incoming else detail["platform"]
        self._limit = reply_limit(platform)
        self._update_counter()
        current = self.replies.currentIndex()
        keep = current.data(ReplyIdRole) if current.isValid() else None
        try:
            with self._db.read() as conn:
                rows = conn.execute(
                    select(REPLIES.c.id, REPLIES.c.state, REPLIES.c.text, REPLIES.c.failure_reason, REPLIES.c.next_attempt_at,
                           REPLIES.c.sent_at, REPLIES.c.updated_at, REPLIES.c.kind)
                    .where(REPLIES.c.case_id == detail["id"], REPLIES.c.state != "draft")
                    .order_by(REPLIES.c.id)
                ).all()
        except DatabaseError as error:
            self.failed.emit(describe_error(error))
            rows = []
        lines = []
        for reply in rows:
            state = reply_state_text(reply)
            kind = tr(REPLY_KINDS[reply.kind]) if reply.kind in REPLY_KINDS else ""
            shown = f"{kind.capitalize()} \u00b7 {state}" if kind else state
            spoken = (tr("Antwoord {id} ({kind}): {state}").format(id=reply.id, kind=kind, state=state) if kind
                      else tr("Antwoord {id}: {state}").format(id=reply.id, state=state))
            lines.append((reply.id, reply.state, f"{shown} \u2014 {one_line(reply.text, 80)}", spoken))
        self.replies_model.set_rows(lines)
        row = self.replies_model.row_of(keep)
        if row is None and lines:
            states = self.replies_model.states()
            failed = [i for i, state in enumerate(states) if state == "failed"]
            row = failed[-1] if failed else len(lines) - 1
        if row is not None:
            self.replies.setCurrentIndex(self.replies_model.index(row, 0))
        self.replies.setVisible(bool(rows))
        self._update_retry()

    def _update_retry(self, *_args) -> None:
        current = self.replies.currentIndex()
        failed = current.isValid() and current.data(ReplyStateRole) == "failed"
        self.retry.setVisible("failed" in self.replies_model.states())
        self.retry.setEnabled(failed)

    def reply_length(self) -> int:
        text = self.reply.toPlainText()
        return graphemes(text) if self._limit[1] else len(text)

    def _update_counter(self) -> None:
        limit = self._limit[0]
        if limit is None:
            self.counter.hide()
            self.send.setEnabled(True)
            return
        n = self.reply_length()
        self.counter.setText(f"{labels.number(n)} / {labels.number(limit)}")
        over = n > limit
        if over:
            self.counter.setAccessibleDescription(tr("{n} tekens te veel voor dit platform.").format(n=labels.number(n - limit)))
        else:
            self.counter.setAccessibleDescription(tr("Nog {n} tekens over.").format(n=labels.number(limit - n)))
        if over != self._over:  # red while too long (a palette role, so it follows light and dark themes otherwise)
            self._over = over
            palette = QPalette(self.palette())
            if over:
                palette.setColor(QPalette.ColorRole.WindowText, QColor("#c62828"))
            self.counter.setPalette(palette)
        self.counter.show()
        self.send.setEnabled(not over)

    def _show_everything(self) -> None:
        self._show_all = True
        if self._detail:
            self._render_thread(self._detail["messages"])

    # -- the draft --------------------------------------------------------------

    def focus_reply(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.reply.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_tab(self, index: int) -> None:
        """Alt+1, 2, 3: the conversation, the notes, the history; the keyboard goes with it."""
        if self.case_id is None:
            return
        self.tabs.setCurrentIndex(index)
        (self.thread, self.notes, self.history)[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_thread(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.thread.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def request_draft_save(self) -> None:
        if self.case_id is None:
            return
        text = self.reply.toPlainText()
        if not text.strip():
            self.failed.emit(tr("Het concept is leeg. Schrijf eerst een antwoord."))
            return
        self.reply.document().setModified(False)
        self.draft_save_requested.emit(self.case_id, text)

    def request_send(self) -> None:
        if self.case_id is None:
            return
        text = self.reply.toPlainText()
        if not text.strip():
            self.failed.emit(tr("Het antwoord is leeg. Schrijf eerst een antwoord."))
            return
        limit = self._limit[0]
        if limit is not None and self.reply_length() > limit:
            self.failed.emit(tr("Het antwoord is te lang voor dit platform: hoogstens {limit} tekens.").format(limit=labels.number(limit)))
            return
        self.send_requested.emit(self.case_id, text)

    def sent(self, text: str) -> None:
        """The reply is queued: empty the composer (unless the person already typed something else)."""
        if self.reply.toPlainText() == text:
            self.reply.setPlainText("")
        self.reply.document().setModified(False)

    def request_retry(self) -> None:
        current = self.replies.currentIndex()
        if current.isValid() and current.data(ReplyStateRole) == "failed":
            self.retry_requested.emit(int(current.data(ReplyIdRole)))

    def _save_unsaved_draft(self) -> None:
        if self._draft_case is not None and self.reply.document().isModified() and self.reply.toPlainText().strip():
            self.draft_save_requested.emit(self._draft_case, self.reply.toPlainText())
        self.reply.document().setModified(False)

    # -- hand-off, send-back, templates, the crisis statement ---------------------

    @property
    def dialog(self):
        """The dialog the pane opened and that is still open, if any."""
        return self._dialog

    def _ready(self) -> int | None:
        """The open case, when the pane can act on it (else says why)."""
        if self.case_id is None:
            self.failed.emit(tr("Kies eerst een zaak: j en k lopen door de lijst, Enter opent."))
            return None
        if self._ops is None:
            self.failed.emit(tr("Dit kan hier niet: het venster gaf de zaak geen verbinding met de database."))
            return None
        return self.case_id

    def _open(self, dialog) -> None:
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        dialog.activateWindow()  # without a window manager nobody else gives it the keyboard

    def _dialog_closed(self, _result: int) -> None:
        self._dialog = None
        window = self.window()
        if window.isVisible():
            window.activateWindow()  # without a window manager nobody gives the focus back
            if self._focus_after is not None:
                self._focus_after.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_after = None

    def handoff(self) -> None:
        """H: hand the case to a department with a note; the citizen gets a holding answer unless unticked."""
        from ui.handoff import HandoffDialog

        if (case_id := self._ready()) is None:
            return
        names = sorted(self._departments.values(), key=str.lower)
        if not names:
            self.failed.emit(tr("Er zijn nog geen afdelingen. Een beheerder voegt ze toe met 'newsroom department add'."))
            return
        detail = self._detail or {}
        current = detail.get("department") if detail.get("status") != "handed_off" else None
        dialog = HandoffDialog(self, case_id=case_id, departments=names, current=current)

        def submitted() -> None:
            department = dialog.department()
            holding = dialog.send_holding()

            def done(change) -> None:
                self.said.emit(self._handoff_done(case_id, department, holding, change.info))
                dialog.finish()

            self._ops.perform("handoff", case_id=case_id, department=department, note=dialog.note_text(), holding=holding,
                              on_done=done, on_error=lambda error: dialog.refused(self._reason(error)))

        dialog.submitted.connect(submitted)
        self._open(dialog)

    def _handoff_done(self, case_id: int, department: str, holding: bool, info: dict) -> str:
        text = tr("Zaak {id} is overgedragen aan {department}.").format(id=case_id, department=department)
        expected = _instant(info.get("expected"))
        if expected is not None:
            text += " " + tr("Verwacht antwoord: {time}.").format(time=labels.when(expected))
        if holding and info.get("holding_reply"):
            text += " " + tr("De burger krijgt een tussenbericht.")
        elif holding:
            text += " " + tr("Er kon geen tussenbericht uit (het kanaal is niet verbonden of er past geen tekst).")
        return text

    @staticmethod
    def _reason(error: BaseException) -> str:
        return explain(error) if isinstance(error, ActionError) else describe_error(error)

    def sendback(self) -> None:
        """Shift+H: send a handed-off case back to where it came from, with the reason."""
        from ui.handoff import SendBackDialog

        if (case_id := self._ready()) is None:
            return
        if (self._detail or {}).get("status") != "handed_off":
            self.failed.emit(tr("Zaak {id} is niet overgedragen, dus terugsturen kan niet.").format(id=case_id))
            return
        dialog = SendBackDialog(self, case_id=case_id)

        def submitted() -> None:
            def done(change) -> None:
                back = (change.fields or {}).get("department", [None, None])[1]
                self.said.emit(tr("Zaak {id} is teruggestuurd naar {department}.").format(
                    id=case_id, department=back or tr("de afdeling die haar overdroeg")))
                dialog.finish()

            self._ops.perform("sendback", case_id=case_id, reason=dialog.reason_text(), on_done=done,
                              on_error=lambda error: dialog.refused(self._reason(error)))

        dialog.submitted.connect(submitted)
        self._open(dialog)

    def insert_template(self) -> None:
        """Ctrl+Shift+I: pick a template, see it filled in for this case, Enter puts it in the reply."""
        from ui.template_picker import TemplatePicker

        if (case_id := self._ready()) is None:
            return
        dialog = TemplatePicker(self, db=self._db, ops=self._ops, case_id=case_id)
        dialog.chosen.connect(self.insert_text)
        self._open(dialog)

    def insert_crisis_statement(self) -> None:
        """F9: the active crisis's pinned holding statement into the reply, or a plain word that crisis mode is off."""
        if self.case_id is None:
            self.failed.emit(tr("Kies eerst een zaak: j en k lopen door de lijst, Enter opent."))
            return
        try:
            with self._db.read() as conn:
                crises = active_crises(conn)
        except DatabaseError as error:
            self.failed.emit(describe_error(error))
            return
        if not crises:
            self.failed.emit(tr("De crisismodus staat uit: er is geen vastgezet crisisbericht."))
            return
        crisis = crises[-1]  # the newest, when more than one runs
        statement = (crisis.get("statement") or "").strip()
        if not statement:
            self.failed.emit(tr("De crisis \u201c{name}\u201d heeft geen vastgezet bericht.").format(name=one_line(crisis["name"], 100)))
            return
        self.insert_text(statement)
        self.said.emit(tr("Het crisisbericht van \u201c{name}\u201d staat in het antwoord.").format(name=one_line(crisis["name"], 100)))

    def insert_text(self, text: str) -> None:
        """Put `text` into the reply at the cursor (replacing a selection), and give the reply the keyboard."""
        self.tabs.setCurrentIndex(0)
        self.reply.insertPlainText(text)
        self.reply.document().setModified(True)
        if self._dialog is not None:
            self._focus_after = self.reply  # once the picker has closed
        else:
            self.reply.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_hints(self) -> None:
        """The readability hints for the reply as typed (guidance; sending is never blocked by them)."""
        text = hints_text(self.reply.toPlainText())
        if text:
            text = "\n".join(tr("Tip: {hint}").format(hint=line) for line in text.split("\n"))
        self.hints.setText(text)
        self.hints.setAccessibleDescription(text)
        self.hints.setVisible(bool(text))
