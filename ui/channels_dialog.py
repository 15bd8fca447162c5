"""Channels: what is connected, how each is doing, adding and changing them, and what was set aside.

Everyone may look; only an admin may change (the core refuses the others
too). The health of a channel is said in plain words (`health_text`).
Payloads that a connector could not take in are shown as plain text in a
read-only view, never interpreted. Testing a connection runs the
connector's `check` on the window's event loop through the collector; it
shows progress and can be stopped.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from newsroom.actions import ActionError, Actor
from newsroom.connectors import connector_class, platforms
from newsroom.connectors.base import ChannelSettings, Health
from newsroom.db.engine import Database
from newsroom.model import Channel, SetAside
from newsroom.secrets import NoKeyring, SecretStore
from ui import labels
from ui.core_text import explain
from ui.i18n import N_, tr
from ui.icons import channel_icon
from ui.plain import display_lines, one_line, visible

Index = QModelIndex | QPersistentModelIndex
CHANNELS = Channel.__table__
SET_ASIDE = SetAside.__table__
PAYLOAD_PREVIEW = 100_000
REFRESH_MS = 2000

# The connectors' option labels (English in the core) in the desktop's words.
OPTION_LABELS = {
    "Server address": N_("Serveradres"),
    "Account name": N_("Accountnaam"),
    "PDS address": N_("PDS-adres"),
    "Handle": N_("Handle"),
    "API address": N_("API-adres"),
    "Account (label)": N_("Account (alleen ter informatie)"),
    "Page size": N_("Aantal per verzoek"),
    "First run: days back": N_("Eerste keer: aantal dagen terug"),
    "IMAP server": N_("IMAP-server"),
    "IMAP port": N_("IMAP-poort"),
    "IMAP security (tls, starttls or none)": N_("IMAP-beveiliging (tls, starttls of none)"),
    "User name (usually the mailbox address)": N_("Gebruikersnaam (meestal het adres van de mailbox)"),
    "Mailbox to read": N_("Postvak om te lezen"),
    "SMTP server": N_("SMTP-server"),
    "SMTP port": N_("SMTP-poort"),
    "SMTP security (starttls, tls or none)": N_("SMTP-beveiliging (starttls, tls of none)"),
    "Address replies are sent from (default: the user name)": N_("Afzenderadres van antwoorden (standaard: de gebruikersnaam)"),
    "Folder for copies of sent replies": N_("Map voor kopieën van verstuurde antwoorden"),
    "Largest attachment kept (bytes)": N_("Grootste bijlage die bewaard wordt (bytes)"),
    "Folder for attachment files (optional; named by their SHA-256)": N_("Map voor bijlagen (mag leeg; bestandsnaam is de SHA-256)"),
    "Service code": N_("Dienstcode"),
    "Jurisdiction": N_("Jurisdictie"),
}


def option_label(label: str) -> str:
    return tr(OPTION_LABELS[label]) if label in OPTION_LABELS else label


@dataclass(frozen=True)
class ChannelRow:
    id: int
    name: str
    platform: str
    account: str
    enabled: bool
    health: str
    reason: str | None
    retry_at: datetime | None
    last_item_at: datetime | None
    last_poll_at: datetime | None
    set_aside: int
    options: str | None = None

    def settings(self) -> ChannelSettings:
        return ChannelSettings(self.id, self.platform, self.account, self.name, json.loads(self.options or "{}"))


@dataclass(frozen=True)
class SetAsideRow:
    id: int
    channel: str
    reason: str
    created_at: datetime | None
    external_id: str | None
    payload: str


def read_channels(db: Database) -> list[ChannelRow]:
    """The connected channels with their health and the number of payloads set aside (not dismissed)."""
    with db.read() as conn:
        counts = dict(conn.execute(
            select(SET_ASIDE.c.channel_id, func.count()).where(SET_ASIDE.c.dismissed_at.is_(None)).group_by(SET_ASIDE.c.channel_id)
        ).all())
        rows = conn.execute(select(CHANNELS).where(CHANNELS.c.options.is_not(None)).order_by(CHANNELS.c.name, CHANNELS.c.id)).all()
    return [
        ChannelRow(r.id, r.name, r.platform, r.account, bool(r.enabled), r.health or "ok", r.health_reason, r.retry_at,
                   r.last_item_at, r.last_poll_at, counts.get(r.id, 0), r.options)
        for r in rows
    ]


def read_set_aside(db: Database, limit: int = 1000) -> list[SetAsideRow]:
    """Payloads set aside and not yet dismissed, newest first."""
    with db.read() as conn:
        rows = conn.execute(
            select(SET_ASIDE.c.id, SET_ASIDE.c.reason, SET_ASIDE.c.created_at, SET_ASIDE.c.external_id, SET_ASIDE.c.payload,
                   CHANNELS.c.name)
            .select_from(SET_ASIDE.outerjoin(CHANNELS, CHANNELS.c.id == SET_ASIDE.c.channel_id))
            .where(SET_ASIDE.c.dismissed_at.is_(None))
            .order_by(SET_ASIDE.c.id.desc())
            .limit(limit)
        ).all()
    return [SetAsideRow(r.id, r.name or "", r.reason, r.created_at, r.external_id, r.payload) for r in rows]


def _clock(instant: datetime | None) -> str:
    return instant.astimezone().strftime("%H:%M") if instant else "?"


def health_text(row: ChannelRow) -> str:
    """How a channel is doing, in words a person at the desk can act on."""
    if not row.enabled:
        return tr("Uitgezet")
    reason = one_line(row.reason or "", 200)
    if row.health == "ok":
        return tr("Werkt")
    if row.health == "rate_limited":
        return tr("Wacht tot {time} (limiet van het platform)").format(time=_clock(row.retry_at))
    if row.health == "backing_off":
        text = tr("Probeert opnieuw om {time}").format(time=row.retry_at.astimezone().strftime("%H:%M:%S") if row.retry_at else "?")
        return f"{text} \u2014 {reason}" if reason else text
    if row.health == "needs_attention":
        return tr("Actie nodig: het token is verlopen of ingetrokken \u2014 voer een nieuw in")
    if row.health == "error":
        return tr("Fout: {reason}").format(reason=reason or "?")
    return row.health


def problems(rows: list[ChannelRow]) -> list[ChannelRow]:
    return [r for r in rows if r.enabled and r.health != "ok"]


def available_platforms() -> list[str]:
    """The platforms whose connector is installed (a connector that does not import is left out)."""
    out = []
    for platform in platforms():
        try:
            connector_class(platform)
        except (ImportError, AttributeError, KeyError):
            continue
        out.append(platform)
    return out


# -- models -------------------------------------------------------------------------------


class _RowsModel(QAbstractTableModel):
    """A small read-only table of dataclass rows with an `id`; subclasses give HEADERS and `_text`."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def rows(self) -> list:
        return list(self._rows)

    def row(self, index: int):
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def set_rows(self, rows: list) -> None:
        """New rows; the same ids in the same order only repaint, so selection and scroll stay."""
        if [r.id for r in rows] == [r.id for r in self._rows]:
            if rows != self._rows:
                self._rows = list(rows)
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None

    def _text(self, row, column: int) -> str:
        raise NotImplementedError

    def _other(self, row, column: int, role):
        """Roles besides the text (icons, alignment); None by default."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(row, column)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{tr(self.HEADERS[column])}: {text}"
            return text
        return self._other(row, column, role)


class ChannelsModel(_RowsModel):
    """Name, platform, account, health, last message, set aside."""

    HEADERS = (N_("Kanaal"), N_("Platform"), N_("Account"), N_("Staat"), N_("Laatste bericht"), N_("Apart gezet"))

    def _text(self, row: ChannelRow, column: int) -> str:
        if column == 0:
            return one_line(row.name, 100)
        if column == 1:
            return labels.platform(row.platform)
        if column == 2:
            return one_line(row.account, 100)
        if column == 3:
            return health_text(row)
        if column == 4:
            return labels.when(row.last_item_at) if row.last_item_at else tr("nog niets")
        return labels.number(row.set_aside)

    def _other(self, row: ChannelRow, column: int, role):
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return channel_icon(row.platform)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SetAsideModel(_RowsModel):
    """Time, channel, reason of each payload set aside."""

    HEADERS = (N_("Tijd"), N_("Kanaal"), N_("Reden"))

    def _text(self, row: SetAsideRow, column: int) -> str:
        # The reason comes from a connector and may quote the payload: one plain line.
        return (labels.when(row.created_at), one_line(row.channel, 80), one_line(row.reason, 300))[column]


# -- small pieces -------------------------------------------------------------------------


def _button(text: str, description: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", ""))
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    button.setAutoDefault(False)
    return button


def _plain(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def _table(parent: QWidget, model, name: str, description: str, *, stretch: int = -1) -> QTableView:
    """A read-only table: columns fit their contents, column `stretch` (default the last) takes the rest."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % model.columnCount(), QHeaderView.ResizeMode.Stretch)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    return view


class TestProgress(QWidget):
    """A busy bar, the result in words, and a button to stop a test that takes long."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setAccessibleName(tr("Verbinding wordt getest"))
        self.bar.hide()
        self.result = _plain("", self)
        self.result.setAccessibleName(tr("Uitslag van de test"))
        self.cancel = _button(tr("Test stoppen"), tr("Stopt de test van de verbinding."), self)
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.bar)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.cancel)

    def running(self, text: str) -> None:
        self.bar.show()
        self.cancel.show()
        self._say(text)

    def done(self, health: Health | None) -> None:
        self.bar.hide()
        self.cancel.hide()
        if health is None:
            self._say(tr("Test gestopt."))
        elif health.ok:
            self._say(tr("Verbinding werkt: {detail}").format(detail=one_line(health.detail, 200)))
        else:
            self._say(tr("Verbinding werkt niet: {detail}").format(detail=one_line(health.detail, 300)))

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setAccessibleDescription(text)


# -- adding a channel ---------------------------------------------------------------------


class AddChannelDialog(QDialog):
    """Platform, name, the connector's options, the secret; test; save."""

    def __init__(self, parent: QWidget, *, check: Callable | None, save: Callable[[AddChannelDialog], None]):
        super().__init__(parent)
        self._check = check
        self._save = save
        self._task = None
        self.setWindowTitle(tr("Kanaal toevoegen"))
        self.setAccessibleName(tr("Kanaal toevoegen"))
        self.setAccessibleDescription(tr("Verbind een account van een platform met Newsroom."))
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(tr("Kies het platform en vul de gegevens van het account in. Het geheim (token of wachtwoord) "
                                   "gaat naar de sleutelbos van deze computer, nooit naar de database."), self))
        top = QFormLayout()
        self.platform = QComboBox(self)
        self.platform.setAccessibleName(tr("Platform"))
        for platform in available_platforms():
            self.platform.addItem(channel_icon(platform), labels.platform(platform), platform)
        top.addRow(tr("&Platform"), self.platform)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(tr("Naam van het kanaal"))
        self.name.setAccessibleDescription(tr("Hoe het kanaal in Newsroom heet, bijvoorbeeld 'Mastodon gemeente'."))
        top.addRow(tr("&Naam"), self.name)
        layout.addLayout(top)
        self.options_box = QWidget(self)
        self.options_form = QFormLayout(self.options_box)
        self.options_form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.options_box)
        secret_form = QFormLayout()
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(tr("Geheim (token of wachtwoord)"))
        self.secret.setAccessibleDescription(tr("Wordt bewaard in de sleutelbos van deze computer."))
        self.secret_label = QLabel(tr("&Geheim"), self)
        self.secret_label.setBuddy(self.secret)
        secret_form.addRow(self.secret_label, self.secret)
        layout.addLayout(secret_form)
        self.test_button = _button(tr("Verbinding &testen"), tr("Probeert met deze gegevens verbinding te maken."), self)
        self.test_button.clicked.connect(self.test)
        layout.addWidget(self.test_button)
        self.progress = TestProgress(self)
        self.progress.cancel_requested.connect(self.cancel_test)
        layout.addWidget(self.progress)
        self.problem = _plain("", self)
        self.problem.setAccessibleName(tr("Melding"))
        layout.addWidget(self.problem)
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(tr("Opslaan"))
        self.save_button.setAccessibleDescription(tr("Bewaart het kanaal; Newsroom begint meteen met lezen."))
        self.save_button.setDefault(True)
        cancel = box.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Annuleren"))
        cancel.setAccessibleDescription(tr("Sluit zonder iets te veranderen (Escape)."))
        box.accepted.connect(self._try_save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.fields: dict[str, QWidget] = {}
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self._platform_changed()
        self.resize(520, 0)

    def current_platform(self) -> str | None:
        return self.platform.currentData()

    def _platform_changed(self, *_args) -> None:
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.fields = {}
        platform = self.current_platform()
        if platform is None:
            self.problem.setText(tr("Er is geen enkele connector geïnstalleerd."))
            return
        cls = connector_class(platform)
        for option in cls.OPTIONS:
            title = option_label(option.label) + (" *" if option.required else "")
            if option.kind == "bool":
                field: QWidget = QCheckBox(self.options_box)
                field.setChecked(bool(option.default))
            else:
                field = QLineEdit(self.options_box)
                if option.default not in (None, ""):
                    field.setText(str(option.default))
                if option.kind == "int":
                    field.setValidator(QIntValidator(0, 10_000_000, field))
                if option.help:
                    field.setPlaceholderText(option.help)
            field.setAccessibleName(option_label(option.label))
            if option.help:
                field.setAccessibleDescription(option.help)
            self.options_form.addRow(title, field)
            self.fields[option.name] = field
        self.secret.setVisible(cls.needs_secret)
        self.secret_label.setVisible(cls.needs_secret)

    def options(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, field in self.fields.items():
            out[name] = field.isChecked() if isinstance(field, QCheckBox) else field.text().strip()
        return out

    def settings(self) -> ChannelSettings | str:
        """The channel as typed, or a sentence saying what is missing."""
        from newsroom.channels import clean_options

        platform = self.current_platform()
        if platform is None:
            return tr("Er is geen enkele connector geïnstalleerd.")
        typed = self.options()
        for option in connector_class(platform).OPTIONS:
            if option.required and typed.get(option.name) in (None, "") and option.default in (None, ""):
                return tr("Vul '{label}' in.").format(label=option_label(option.label))
        try:
            options = clean_options(platform, typed)
        except ActionError as error:
            return explain(error)
        account = connector_class(platform).account_for(options)
        return ChannelSettings(0, platform, account, self.name.text().strip() or account, options)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)

    def test(self) -> None:
        if self._check is None or self._task is not None:
            return
        settings = self.settings()
        if isinstance(settings, str):
            self.show_problem(settings)
            return
        self.show_problem("")
        self.progress.running(tr("Verbinding testen…"))
        self.test_button.setEnabled(False)
        self._task = self._check(settings, self._tested, secret=self.secret.text())

    def _tested(self, health: Health) -> None:
        self._task = None
        self.test_button.setEnabled(True)
        self.progress.done(health)

    def cancel_test(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.test_button.setEnabled(True)
        self.progress.done(None)

    def _try_save(self) -> None:
        settings = self.settings()
        if isinstance(settings, str):
            self.show_problem(settings)
            return
        if connector_class(settings.platform).needs_secret and not self.secret.text():
            self.show_problem(tr("Dit platform heeft een geheim nodig (token of wachtwoord)."))
            return
        self.save_button.setEnabled(False)
        self._save(self)

    def saved(self, problem: str | None) -> None:
        """The save finished: close, or say what went wrong (nothing was stored)."""
        self.save_button.setEnabled(True)
        if problem:
            self.show_problem(problem)
        else:
            self.accept()

    def done(self, result: int) -> None:
        if self._task is not None:
            self.cancel_test()
        super().done(result)


class SecretDialog(QDialog):
    """A new token or password for a channel (shown as dots)."""

    def __init__(self, parent: QWidget, channel: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Nieuw geheim voor {channel}").format(channel=one_line(channel, 80)))
        self.setAccessibleName(tr("Nieuw geheim"))
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(tr("Het nieuwe token of wachtwoord gaat naar de sleutelbos van deze computer. "
                                   "Newsroom probeert het kanaal daarna meteen opnieuw."), self))
        form = QFormLayout()
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(tr("Geheim (token of wachtwoord)"))
        form.addRow(tr("&Geheim"), self.secret)
        layout.addLayout(form)
        box = QDialogButtonBox(self)
        ok = box.addButton(tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setAccessibleName(tr("Opslaan"))
        ok.setDefault(True)
        cancel = box.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Annuleren"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def value(self) -> str:
        return self.secret.text()


# -- the channels dialog ------------------------------------------------------------------


def _connect(db: Database, actor: Actor, settings: ChannelSettings, secret: str, secrets: SecretStore):
    """On the worker: store the secret and add the channel; a refusal is returned, not raised."""
    from newsroom.channels import connect

    try:
        return connect(db, actor, platform=settings.platform, name=settings.name, options=dict(settings.options),
                       secret=secret or None, secrets=secrets, origin="desktop")
    except (NoKeyring, ActionError) as error:
        return error


def _new_secret(db: Database, settings: ChannelSettings, secret: str, secrets: SecretStore):
    from newsroom.connectors.runner import set_health

    try:
        secrets.set(settings, secret)
    except NoKeyring as error:
        return error
    set_health(db, settings.id, "ok")  # 'needs attention' waits for a new secret: this is it
    return None


def _remove(db: Database, actor: Actor, settings: ChannelSettings, secrets: SecretStore):
    from newsroom.channels import remove

    try:
        remove(db, actor, settings, secrets, origin="desktop")
    except (NoKeyring, ActionError) as error:
        return error
    return None


def refusal(error: BaseException) -> str:
    if isinstance(error, NoKeyring):
        return tr("Er is op deze computer geen veilige sleutelbos voor het geheim, en Newsroom bewaart het niet als "
                  "gewone tekst. Er is niets opgeslagen. Installeer en ontgrendel een sleutelbos (GNOME Keyring of "
                  "KWallet op Linux; Windows heeft er een) en probeer het opnieuw.")
    if isinstance(error, ActionError):
        return explain(error)
    return str(error)


class ChannelsDialog(QDialog):
    """The connected channels and the payloads set aside (Ctrl+K)."""

    changed = Signal()  # a channel was added, changed or removed

    def __init__(self, parent: QWidget, *, db: Database, ops, actor: Actor, collector=None):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.actor = actor
        self.collector = collector
        self.admin = actor.role == "admin"
        self._task = None
        self._dialog: QDialog | None = None
        self.setWindowTitle(tr("Kanalen"))
        self.setAccessibleName(tr("Kanalen"))
        self.setAccessibleDescription(tr("De verbonden kanalen, hoe ze werken, en berichten die apart zijn gezet."))
        layout = QVBoxLayout(self)
        intro = tr("De accounts waarop Newsroom berichten ontvangt en antwoorden verstuurt.")
        if not self.admin:
            intro += " " + tr("Alleen een beheerder kan kanalen toevoegen of wijzigen; u kunt ze bekijken.")
        layout.addWidget(_plain(intro, self))

        self.model = ChannelsModel(self)
        self.table = _table(self, self.model, tr("Kanalen"),
                            tr("Per kanaal: naam, platform, account, staat, laatste bericht en aantal apart gezette berichten."),
                            stretch=3)
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.add_button = _button(tr("Kanaal &toevoegen…"), tr("Verbind een nieuw account."), self)
        self.test_button = _button(tr("Verbinding t&esten"), tr("Test de verbinding van het gekozen kanaal."), self)
        self.secret_button = _button(tr("Nieuw &geheim…"), tr("Voer een nieuw token of wachtwoord in voor het gekozen kanaal."), self)
        self.enable_button = _button(tr("&Uitzetten"), tr("Zet het gekozen kanaal uit of weer aan."), self)
        self.remove_button = _button(tr("&Verwijderen…"), tr("Verbreek de verbinding met het gekozen kanaal; de zaken blijven."), self)
        for button in (self.add_button, self.test_button, self.secret_button, self.enable_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = TestProgress(self)
        self.progress.cancel_requested.connect(self.cancel_test)
        layout.addWidget(self.progress)

        layout.addWidget(_plain(tr("Apart gezet: berichten die Newsroom niet kon inlezen, met de reden. "
                                   "De inhoud staat er als platte tekst."), self))
        self.set_aside_model = SetAsideModel(self)
        self.set_aside = _table(self, self.set_aside_model, tr("Apart gezette berichten"),
                                tr("Per bericht: tijd, kanaal en waarom het niet kon worden ingelezen."))
        layout.addWidget(self.set_aside, 1)
        self.payload = QPlainTextEdit(self)
        self.payload.setReadOnly(True)
        self.payload.setTabChangesFocus(True)
        self.payload.setUndoRedoEnabled(False)
        self.payload.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.payload.setAccessibleName(tr("Inhoud van het apart gezette bericht"))
        self.payload.setAccessibleDescription(tr("Zoals het van het platform kwam, als platte tekst. Alleen lezen."))
        layout.addWidget(self.payload, 1)
        bottom = QHBoxLayout()
        self.dismiss_button = _button(tr("&Wegleggen"), tr("Haal het gekozen bericht uit deze lijst (het blijft bewaard)."), self)
        bottom.addWidget(self.dismiss_button)
        bottom.addStretch(1)
        self.message = _plain("", self)
        self.message.setAccessibleName(tr("Melding"))
        bottom.addWidget(self.message, 3)
        close = _button(tr("Sluiten"), tr("Sluit het overzicht van de kanalen (Escape)."), self)
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self.add_channel)
        self.test_button.clicked.connect(self.test_channel)
        self.secret_button.clicked.connect(self.new_secret)
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.remove_button.clicked.connect(self.remove_channel)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.set_aside.selectionModel().currentRowChanged.connect(lambda *_: self._show_payload())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.set_aside_model.modelReset.connect(self._show_payload)

        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()
        self.resize(900, 620)

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current()
        keep_item = self.current_item()
        self.model.set_rows(read_channels(self.db))
        self.set_aside_model.set_rows(read_set_aside(self.db))
        if keep is not None and (row := self.model.row_of(keep.id)) is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)
        if keep_item is not None and (row := self.set_aside_model.row_of(keep_item.id)) is not None \
                and self.set_aside.currentIndex().row() != row:
            self.set_aside.selectRow(row)

    def current(self) -> ChannelRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def current_item(self) -> SetAsideRow | None:
        index = self.set_aside.currentIndex()
        return self.set_aside_model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.current()
        self.add_button.setEnabled(self.admin)
        self.test_button.setEnabled(row is not None and self._task is None)
        for button in (self.secret_button, self.enable_button, self.remove_button):
            button.setEnabled(self.admin and row is not None)
        self.dismiss_button.setEnabled(self.admin and self.current_item() is not None)
        text = tr("&Aanzetten") if row is not None and not row.enabled else tr("&Uitzetten")
        self.enable_button.setText(text)
        self.enable_button.setAccessibleName(text.replace("&", ""))

    def _show_payload(self) -> None:
        item = self.current_item()
        self.payload.clear()
        if item is None:
            self.dismiss_button.setEnabled(False)
            return
        text = item.payload or ""
        shown = text[:PAYLOAD_PREVIEW]
        cursor = self.payload.textCursor()
        cursor.insertText(display_lines(visible(shown)))  # inserted as text: never parsed as markup
        if len(text) > len(shown):
            cursor.insertText("\n" + tr("[… nog {n} tekens]").format(n=labels.number(len(text) - len(shown))))
        self.payload.moveCursor(self.payload.textCursor().MoveOperation.Start)
        self.dismiss_button.setEnabled(self.admin)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def _changed(self) -> None:
        self.refresh()
        if self.collector is not None:
            self.collector.restart()
        self.changed.emit()

    # -- commands -----------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept) -> None:
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: setattr(self, "_dialog", None))
        dialog.open()
        dialog.activateWindow()

    @property
    def dialog(self) -> QDialog | None:
        return self._dialog

    def add_channel(self) -> None:
        if not self.admin:
            return
        check = self.collector.check if self.collector is not None else None
        dialog = AddChannelDialog(self, check=check, save=self._save_new)
        self._open(dialog, lambda: (self.say(tr("Kanaal '{name}' is toegevoegd.").format(name=dialog.name.text().strip()
                                                                                          or dialog.settings().name)),
                                    self._changed()))

    def _save_new(self, dialog: AddChannelDialog) -> None:
        settings = dialog.settings()
        secrets = self.collector.secrets if self.collector is not None else SecretStore()

        def done(result) -> None:
            dialog.saved(refusal(result) if isinstance(result, BaseException) else None)

        future = self.ops.read(_connect, self.db, self.actor, settings, dialog.secret.text(), secrets,
                               on_done=done, on_error=lambda error: dialog.saved(refusal(error)))
        if future is None:
            dialog.saved(tr("Newsroom sluit af; er is niets opgeslagen."))

    def test_channel(self) -> None:
        row = self.current()
        if row is None or self.collector is None or self._task is not None:
            return
        self.progress.running(tr("Verbinding van {channel} testen…").format(channel=one_line(row.name, 60)))
        self._task = self.collector.check(row.settings(), self._tested)
        self._update_buttons()

    def _tested(self, health: Health) -> None:
        self._task = None
        self.progress.done(health)
        self._update_buttons()

    def cancel_test(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.progress.done(None)
        self._update_buttons()

    def new_secret(self) -> None:
        row = self.current()
        if row is None or not self.admin:
            return
        dialog = SecretDialog(self, row.name)
        secrets = self.collector.secrets if self.collector is not None else SecretStore()

        def accepted() -> None:
            secret = dialog.value()
            if not secret:
                self.say(tr("Het geheim was leeg en is niet bewaard."))
                return

            def done(error) -> None:
                if error is not None:
                    self.say(refusal(error))
                else:
                    self.say(tr("Nieuw geheim voor '{channel}' bewaard; Newsroom probeert het opnieuw.").format(channel=row.name))
                    self._changed()

            self.ops.read(_new_secret, self.db, row.settings(), secret, secrets, on_done=done, on_error=lambda e: self.say(refusal(e)))

        self._open(dialog, accepted)

    def toggle_enabled(self) -> None:
        row = self.current()
        if row is None or not self.admin:
            return
        enabled = not row.enabled
        done = tr("Kanaal '{channel}' staat weer aan.") if enabled else tr("Kanaal '{channel}' staat uit.")
        self.ops.perform("update_channel", channel_id=row.id, enabled=enabled,
                         on_done=lambda _c: (self.say(done.format(channel=row.name)), self._changed()),
                         on_error=lambda error: self.say(refusal(error)))

    def remove_channel(self) -> None:
        row = self.current()
        if row is None or not self.admin:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Kanaal verwijderen"),
                          tr("De verbinding met '{channel}' verbreken? De zaken en berichten blijven; Newsroom leest en "
                             "verstuurt er niet meer.").format(channel=one_line(row.name, 80)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(tr("Verwijderen"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        yes.setAccessibleName(tr("Verwijderen"))
        no.setAccessibleName(tr("Annuleren"))
        box.setDefaultButton(no)
        secrets = self.collector.secrets if self.collector is not None else SecretStore()

        def finished(_result: int) -> None:
            if box.clickedButton() is not yes:
                return

            def done(error) -> None:
                if error is not None:
                    self.say(refusal(error))
                else:
                    self.say(tr("Kanaal '{channel}' is verwijderd.").format(channel=row.name))
                    self._changed()

            self.ops.read(_remove, self.db, self.actor, row.settings(), secrets, on_done=done, on_error=lambda e: self.say(refusal(e)))

        box.finished.connect(finished)
        self._dialog = box
        box.open()

    def dismiss(self) -> None:
        item = self.current_item()
        if item is None or not self.admin:
            return
        self.ops.perform("dismiss_set_aside", set_aside_id=item.id,
                         on_done=lambda _c: (self.say(tr("Weggelegd.")), self.refresh()),
                         on_error=lambda error: self.say(refusal(error)))

    def done(self, result: int) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)


# -- health in the status bar ------------------------------------------------------------


class ChannelHealthButton(QToolButton):
    """Shown in the status bar while a channel is not well: icon, words, and a click opens the channels."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.setAccessibleName(tr("Staat van de kanalen"))
        self.hide()

    def set_rows(self, rows: list[ChannelRow]) -> None:
        trouble = problems(rows)
        if not trouble:
            self.setText("")
            self.setAccessibleDescription(tr("Alle kanalen werken."))
            self.hide()
            return
        if len(trouble) == 1:
            text = tr("{channel}: {health}").format(channel=one_line(trouble[0].name, 40), health=health_text(trouble[0]))
        else:
            text = tr("{n} kanalen hebben aandacht nodig").format(n=len(trouble))
        details = "\n".join(f"{one_line(r.name, 60)}: {health_text(r)}" for r in trouble)
        self.setText(one_line(text, 90))
        self.setToolTip(tr("Klik voor de kanalen (Ctrl+K)."))  # no platform text in a tooltip: Qt guesses rich text
        self.setAccessibleDescription(details)
        self.show()
