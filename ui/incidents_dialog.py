"""Incidents: many reports about one thing, decided on once and answered once.

The list shows what the core's clusterer proposed and what was decided;
the detail the reports (plain text) of the chosen incident. *Accepteren*
(A) and *Afwijzen* (D) decide; a member that does not belong can be taken
out. One answer goes to every reporter, each on their own channel
(`answer_incident`): a counter shows the length against the strictest
platform among the reporters, and the result says how many replies were
queued and which cases were skipped and why. *Nu zoeken* runs the
clusterer over the last six hours on the database worker, with a busy bar;
it writes what it finds, so it runs to the end.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from newsroom.actions import ActionError, Actor
from newsroom.actions.incidents import incident_detail, list_incidents, scan_incidents
from newsroom.connectors import REPLY_LIMITS
from newsroom.db.engine import Database
from newsroom.model import Role
from newsroom.timeutil import parse_instant
from ui import labels
from ui.channels_dialog import _button, _RowsModel, _table
from ui.core_text import explain
from ui.i18n import N_, tr
from ui.plain import one_line

LIST_LIMIT = 200
DECIDERS = frozenset({Role.operator.value, Role.supervisor.value, Role.admin.value})
STATUS_LABELS = {"proposed": N_("Voorgesteld"), "accepted": N_("Geaccepteerd"), "declined": N_("Afgewezen")}
SKIP_REASONS = {
    "not_connected": N_("het kanaal {platform} {account} is niet verbonden"),
    "already_answered": N_("dit antwoord is al verstuurd of onderweg"),
    "no_message": N_("geen bericht van een burger om op te antwoorden"),
}
REPLY_STATES = {"queued": N_("in de wachtrij"), "sending": N_("wordt verstuurd"), "sent": N_("verstuurd"), "failed": N_("mislukt")}
SKIPPED_SHOWN = 10


def status_text(status: str) -> str:
    return tr(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def _instant(text: str | None):
    try:
        return parse_instant(text) if text else None
    except ValueError:
        return None


def reply_length(text: str, platform: str) -> int:
    """The length the core counts for `platform`: graphemes for Bluesky, characters elsewhere."""
    if platform == "bluesky":
        from newsroom.connectors.bluesky import grapheme_count

        return grapheme_count(text)
    return len(text)


def length_report(text: str, platforms: set[str]) -> tuple[str, bool]:
    """The answer's length against each limited platform among the reporters, strictest first; and whether it fits."""
    limited = sorted((REPLY_LIMITS[p], p) for p in platforms if p in REPLY_LIMITS)
    if not limited:
        return tr("{n} tekens; de platforms van deze melders hebben geen lengtegrens.").format(n=labels.number(len(text))), True
    parts = []
    fits = True
    for limit, platform in limited:
        length = reply_length(text, platform)
        part = tr("{platform}: {length} / {limit}").format(platform=labels.platform(platform), length=labels.number(length),
                                                            limit=labels.number(limit))
        if length > limit:
            fits = False
            part += " " + tr("(te lang)")
        parts.append(part)
    return " \u00b7 ".join(parts), fits


def skipped_text(skipped: list[dict]) -> str:
    """The cases an answer was not queued for, and why, in a sentence."""
    pieces = []
    for item in skipped[:SKIPPED_SHOWN]:
        reason = SKIP_REASONS.get(item.get("reason"))
        why = tr(reason).format(platform=labels.platform(item.get("platform") or ""), account=one_line(item.get("account") or "", 80)) \
            if reason else str(item.get("reason"))
        pieces.append(tr("zaak {case} ({why})").format(case=item.get("case"), why=why))
    text = "; ".join(pieces)
    if len(skipped) > SKIPPED_SHOWN:
        text += "; " + tr("en nog {n}").format(n=labels.number(len(skipped) - SKIPPED_SHOWN))
    return text


# -- rows and models ----------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentRow:
    id: int
    status: str
    title: str
    reporters: int
    channels: tuple[tuple[str, int], ...]
    first: str | None
    last: str | None


@dataclass(frozen=True)
class MemberRow:
    id: int  # the message
    case: int
    platform: str
    channel: str
    author: str
    received_at: str | None
    snippet: str


def read_incidents(db: Database, status: str | None = None) -> list[IncidentRow]:
    return [
        IncidentRow(i["id"], i["status"], i["title"] or "", int(i["reporters"] or 0), tuple((i["channels"] or {}).items()),
                    i["first"], i["last"])
        for i in list_incidents(db, status=status, limit=LIST_LIMIT)
    ]


class IncidentsModel(_RowsModel):
    """Status, title, reporters, channels, first and last report."""

    HEADERS = (N_("Status"), N_("Incident"), N_("Melders"), N_("Kanalen"), N_("Eerste"), N_("Laatste"))

    def _text(self, row: IncidentRow, column: int) -> str:
        if column == 0:
            return status_text(row.status)
        if column == 1:
            return one_line(row.title, 120)  # made from citizens' words
        if column == 2:
            return labels.number(row.reporters)
        if column == 3:
            return one_line(", ".join(f"{name} ({n})" for name, n in row.channels), 200)
        return labels.when(_instant(row.first if column == 4 else row.last))

    def _other(self, row: IncidentRow, column: int, role):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MembersModel(_RowsModel):
    """The reports of one incident: case, platform, channel, author, time, message (plain text)."""

    HEADERS = (N_("Zaak"), N_("Platform"), N_("Kanaal"), N_("Afzender"), N_("Tijd"), N_("Bericht"))

    def _text(self, row: MemberRow, column: int) -> str:
        if column == 0:
            return str(row.case)
        if column == 1:
            return labels.platform(row.platform)
        if column == 2:
            return one_line(row.channel, 80)
        if column == 3:
            return one_line(row.author, 80)
        if column == 4:
            return labels.when(_instant(row.received_at))
        return one_line(row.snippet, 300)


# -- the dialog ---------------------------------------------------------------------------


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setAccessibleDescription(text)


def _scan(db: Database) -> dict:
    """On the worker: one scan over the last six hours, recorded (as the system, like the collector's scanner)."""
    return scan_incidents(db, origin="desktop")


class IncidentsDialog(QDialog):
    """Incidents (Ctrl+I): the list, the reports of one, the decision and one answer to every reporter."""

    changed = Signal(object)  # the Change of a decision or an answer (names the cases touched)

    def __init__(self, parent: QWidget, *, db: Database, ops, actor: Actor):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.actor = actor
        self.decider = actor.role in DECIDERS
        self._detail: dict | None = None
        self._scanning = False
        self._sending = False
        self.setWindowTitle(tr("Incidenten"))
        self.setAccessibleName(tr("Incidenten"))
        self.setAccessibleDescription(tr("Veel meldingen over één ding: één keer beslissen, één antwoord aan alle melders."))
        layout = QVBoxLayout(self)
        intro = tr("Newsroom stelt een incident voor als meerdere mensen kort na elkaar over hetzelfde op dezelfde plek schrijven. "
                   "Accepteer het om alle melders met één antwoord te bereiken, elk op het eigen kanaal.")
        if not self.decider:
            intro += " " + tr("Alleen redacteuren, teamleiders en beheerders beslissen over incidenten; u kunt ze bekijken.")
        intro_label = _label(self, tr("Uitleg"))
        _say(intro_label, intro)
        layout.addWidget(intro_label)

        top = QHBoxLayout()
        self.status = QComboBox(self)
        self.status.setAccessibleName(tr("Welke incidenten"))
        self.status.setAccessibleDescription(tr("Alle incidenten, of alleen voorgestelde, geaccepteerde of afgewezen."))
        self.status.addItem(tr("Alle"), None)
        for status in STATUS_LABELS:
            self.status.addItem(status_text(status), status)
        status_label = QLabel(tr("&Toon:"), self)
        status_label.setBuddy(self.status)
        top.addWidget(status_label)
        top.addWidget(self.status)
        self.scan_button = _button(tr("Nu &zoeken"), tr("Zoekt in de berichten van de laatste zes uur naar nieuwe incidenten."), self)
        top.addWidget(self.scan_button)
        self.scan_bar = QProgressBar(self)
        self.scan_bar.setRange(0, 0)
        self.scan_bar.setMaximumWidth(120)
        self.scan_bar.setAccessibleName(tr("Zoeken naar incidenten"))
        self.scan_bar.hide()
        top.addWidget(self.scan_bar)
        self.scan_result = _label(self, tr("Uitslag van het zoeken"))
        top.addWidget(self.scan_result, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = IncidentsModel(self)
        self.table = _table(splitter, self.model, tr("Incidenten"),
                            tr("Per incident: status, titel, aantal melders, kanalen, eerste en laatste melding. "
                               "A accepteert, D wijst af."), stretch=1)
        # The channels of a big incident make a long line: it gets a fixed share, the title the rest.
        channels_header = self.table.horizontalHeader()
        channels_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        channels_header.resizeSection(3, 280)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        splitter.addWidget(self.table)

        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = _label(detail, tr("Gekozen incident"))
        self.title.setStyleSheet("font-weight: bold")
        head.addWidget(self.title, 1)
        self.accept_button = _button(tr("Accepteren (A)"), tr("Dit is één incident: de melders krijgen samen één antwoord (A)."), detail)
        self.decline_button = _button(tr("Afwijzen (D)"), tr("Dit is geen incident; het wordt niet opnieuw voorgesteld (D)."), detail)
        head.addWidget(self.accept_button)
        head.addWidget(self.decline_button)
        detail_layout.addLayout(head)
        self.facts = _label(detail, tr("Gegevens van het incident"))
        detail_layout.addWidget(self.facts)
        self.members = MembersModel(self)
        self.members_view = _table(detail, self.members, tr("Meldingen in het incident"),
                                   tr("Per melding: zaak, platform, kanaal, afzender, tijd en het begin van het bericht, als platte "
                                      "tekst. Delete haalt de gekozen zaak uit het incident."))
        detail_layout.addWidget(self.members_view, 1)
        member_row = QHBoxLayout()
        self.remove_button = _button(tr("Uit incident &halen"), tr("Haalt de gekozen zaak uit het incident (Delete); zoeken zet haar "
                                                                    "er niet terug."), detail)
        member_row.addWidget(self.remove_button)
        member_row.addStretch(1)
        detail_layout.addLayout(member_row)

        composer_label = QLabel(tr("&Eén antwoord aan alle melders"), detail)
        self.composer = QPlainTextEdit(detail)
        self.composer.setTabChangesFocus(True)
        self.composer.setAccessibleName(tr("Eén antwoord aan alle melders"))
        self.composer.setAccessibleDescription(tr("Gaat naar elke melder op het kanaal waarop die schreef. Ctrl+Shift+Enter verstuurt."))
        self.composer.setMaximumHeight(110)
        composer_label.setBuddy(self.composer)
        detail_layout.addWidget(composer_label)
        detail_layout.addWidget(self.composer)
        send_row = QHBoxLayout()
        self.counter = _label(detail, tr("Lengte van het antwoord"))
        send_row.addWidget(self.counter, 1)
        self.send_button = _button(tr("&Versturen"), tr("Zet voor elke melder een antwoord in de wachtrij (Ctrl+Shift+Enter). "
                                                         "Kan niet ongedaan worden gemaakt."), detail)
        send_row.addWidget(self.send_button)
        detail_layout.addLayout(send_row)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message = _label(self, tr("Melding"))
        bottom.addWidget(self.message, 1)
        close = _button(tr("Sluiten"), tr("Sluit de incidenten (Escape)."), self)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scan_button.clicked.connect(self.scan)
        self.accept_button.clicked.connect(self.accept_incident)
        self.decline_button.clicked.connect(self.decline_incident)
        self.remove_button.clicked.connect(self.remove_member)
        self.send_button.clicked.connect(self.send)
        self.composer.textChanged.connect(self._update_counter)
        # Shortcuts, not the buttons' own: a button's shortcut clicks it only after a 100 ms animation.
        QShortcut(QKeySequence(Qt.Key.Key_A), self, self.accept_incident)
        QShortcut(QKeySequence(Qt.Key.Key_D), self, self.decline_incident)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(keys), self.composer, self.send, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.members_view, self.remove_member,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.members_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.show_detail()
        self.table.setFocus()
        self.resize(1000, 720)

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current()
        self.model.set_rows(read_incidents(self.db, self.status.currentData()))
        if keep is not None and (row := self.model.row_of(keep.id)) is not None:
            if self.table.currentIndex().row() != row:
                self.table.selectRow(row)
            else:
                self.show_detail()
        elif self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_detail()

    def current(self) -> IncidentRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def current_member(self) -> MemberRow | None:
        index = self.members_view.currentIndex()
        return self.members.row(index.row()) if index.isValid() else None

    def show_detail(self) -> None:
        row = self.current()
        if row is None:
            self._detail = None
            _say(self.title, tr("Geen incident gekozen."))
            _say(self.facts, "")
            self.members.set_rows([])
            self._update_buttons()
            return
        try:
            detail = incident_detail(self.db, row.id)
        except ActionError as error:  # gone meanwhile (folded into another by a scan)
            self._detail = None
            _say(self.facts, explain(error))
            self.members.set_rows([])
            self._update_buttons()
            return
        changed_incident = self._detail is None or self._detail["id"] != detail["id"]
        self._detail = detail
        _say(self.title, tr("Incident {id}: {title}").format(id=detail["id"], title=one_line(detail["title"] or "", 160)))
        _say(self.facts, self._facts(detail))
        keep = self.current_member()
        self.members.set_rows([
            MemberRow(m["message"], m["case"], m["platform"] or "", m["channel"] or "", m["author"] or "", m["received_at"],
                      m["snippet"] or "")
            for m in detail["members"]
        ])
        if not changed_incident and keep is not None and (index := self.members.row_of(keep.id)) is not None:
            self.members_view.selectRow(index)
        self._update_counter()

    def _facts(self, detail: dict) -> str:
        parts = [status_text(detail["status"])]
        if detail.get("decided_by"):
            parts[0] = tr("{status} door {who}").format(status=parts[0], who=detail["decided_by"])
        parts.append(tr("{reporters} melders, {messages} berichten, {cases} zaken").format(
            reporters=labels.number(detail.get("reporters") or 0), messages=labels.number(detail.get("messages") or 0),
            cases=labels.number(detail.get("cases") or 0)))
        platforms = detail.get("platforms") or {}
        if platforms:
            parts.append(", ".join(f"{labels.platform(p)} ({n})" for p, n in platforms.items()))
        if detail.get("category"):
            parts.append(tr("categorie {name}").format(name=one_line(detail["category"], 80)))
        location = detail.get("location") or {}
        if location.get("address"):
            parts.append(one_line(location["address"], 120))
        replies = detail.get("replies") or []
        if replies:
            counts: dict[str, int] = {}
            for reply in replies:
                counts[reply["state"]] = counts.get(reply["state"], 0) + 1
            states = ", ".join(f"{labels.number(n)} {tr(REPLY_STATES[s]) if s in REPLY_STATES else s}" for s, n in counts.items())
            parts.append(tr("antwoorden: {states}").format(states=states))
        return " \u00b7 ".join(parts)

    def platforms(self) -> set[str]:
        """The platforms the reporters of the chosen incident wrote on."""
        return {m["platform"] for m in (self._detail or {}).get("members", []) if m.get("platform")}

    def _update_counter(self) -> None:
        text = self.composer.toPlainText()
        report, fits = length_report(text, self.platforms())
        _say(self.counter, report)
        self._fits = fits
        self._update_buttons()

    def _update_buttons(self) -> None:
        detail = self._detail
        status = detail["status"] if detail else None
        self.accept_button.setEnabled(self.decider and status in ("proposed", "declined"))
        self.decline_button.setEnabled(self.decider and status == "proposed")
        self.remove_button.setEnabled(self.decider and detail is not None and self.current_member() is not None)
        accepted = status == "accepted"
        self.composer.setEnabled(self.decider and accepted)
        self.composer.setPlaceholderText(
            tr("Het antwoord aan alle melders") if accepted else tr("Accepteer het incident om de melders te antwoorden."))
        can_send = (self.decider and accepted and not self._sending and bool(self.composer.toPlainText().strip())
                    and getattr(self, "_fits", True))
        self.send_button.setEnabled(can_send)
        reporters = detail.get("cases", 0) if detail else 0
        text = tr("&Versturen aan {n} melders").format(n=labels.number(reporters)) if accepted else tr("&Versturen")
        self.send_button.setText(text)
        self.send_button.setAccessibleName(text.replace("&", ""))
        self.scan_button.setEnabled(not self._scanning)

    def say(self, text: str) -> None:
        _say(self.message, text)

    def _refused(self, error: BaseException) -> None:
        self.say(explain(error) if isinstance(error, ActionError) else tr("Dat lukte niet; zie het logboek."))

    def _done(self, text: str, change) -> None:
        self.say(text)
        self.refresh()
        self.changed.emit(change)

    # -- commands ------------------------------------------------------------------------

    def accept_incident(self) -> None:
        detail = self._detail
        if detail is None or not self.accept_button.isEnabled():
            return
        self.ops.perform("accept_incident", incident_id=detail["id"],
                         on_done=lambda change: (self._done(tr("Incident {id} is geaccepteerd; schrijf nu één antwoord aan alle "
                                                               "melders.").format(id=detail["id"]), change),
                                                 self.composer.setFocus()),
                         on_error=self._refused)

    def decline_incident(self) -> None:
        detail = self._detail
        if detail is None or not self.decline_button.isEnabled():
            return
        self.ops.perform("decline_incident", incident_id=detail["id"],
                         on_done=lambda change: self._done(tr("Incident {id} is afgewezen.").format(id=detail["id"]), change),
                         on_error=self._refused)

    def remove_member(self) -> None:
        detail = self._detail
        member = self.current_member()
        if detail is None or member is None or not self.decider:
            return
        self.ops.perform("remove_from_incident", incident_id=detail["id"], case_id=member.case,
                         on_done=lambda change: self._done(tr("Zaak {case} is uit incident {id} gehaald.").format(
                             case=member.case, id=detail["id"]), change),
                         on_error=self._refused)

    def send(self) -> None:
        detail = self._detail
        text = self.composer.toPlainText()
        if detail is None or not self.send_button.isEnabled():
            return
        self._sending = True
        self._update_buttons()

        def done(change) -> None:
            self._sending = False
            info = change.info or {}
            queued, skipped = info.get("queued", []), info.get("skipped", [])
            said = tr("{n} antwoorden in de wachtrij gezet, elk op het kanaal van de melder.").format(n=labels.number(len(queued)))
            if skipped:
                said += " " + tr("Overgeslagen: {cases}.").format(cases=skipped_text(skipped))
            if queued:
                self.composer.clear()
            self._done(said, change)

        def failed(error: BaseException) -> None:
            self._sending = False
            self._refused(error)
            self._update_buttons()

        if self.ops.perform("answer_incident", incident_id=detail["id"], text=text, on_done=done, on_error=failed) is None:
            self._sending = False
            self.say(tr("Newsroom sluit af; er is niets verstuurd."))

    def scan(self) -> None:
        if self._scanning:
            return
        self._scanning = True
        self.scan_bar.show()
        _say(self.scan_result, tr("Zoeken in de berichten van de laatste zes uur…"))
        self._update_buttons()

        def done(report: dict) -> None:
            self._scanned(tr("{messages} berichten bekeken: {new} nieuwe incidenten, {added} meldingen bij bestaande.").format(
                messages=labels.number(report.get("messages", 0)), new=labels.number(len(report.get("new", []))),
                added=labels.number(sum((report.get("added") or {}).values()))))
            self.refresh()

        def failed(error: BaseException) -> None:
            self._scanned(explain(error) if isinstance(error, ActionError) else tr("Zoeken lukte niet; zie het logboek."))

        if self.ops.read(_scan, self.db, on_done=done, on_error=failed) is None:
            self._scanned(tr("Newsroom sluit af."))

    def _scanned(self, text: str) -> None:
        self._scanning = False
        self.scan_bar.hide()
        _say(self.scan_result, text)
        self._update_buttons()


def open_incidents_dialog(parent: QWidget, db: Database, ops, actor: Actor) -> IncidentsDialog:
    """Open the incidents dialog (window-modal, deleted on close) and return it, so the caller can track it."""
    dialog = IncidentsDialog(parent, db=db, ops=ops, actor=actor)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.activateWindow()
    return dialog
