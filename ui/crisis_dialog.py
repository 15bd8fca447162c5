"""Crisis mode: switch it on (a name, the topic's tags and/or channels, the pinned holding statement) or off.

While a crisis is on, the response-target clocks of the cases it covers run
24/7 and the holding statement is one key (F9) away in the reply. Only a
supervisor or an admin may switch it; others see what is on, read-only (the
core refuses them too). The work goes through `Ops` (`crisis_on`,
`crisis_off`); `changed` tells the window to refresh its indicator.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from newsroom.actions import Actor, Change, perform
from newsroom.actions.common import MANAGING_ROLES
from newsroom.actions.targets import active_crises
from newsroom.db.engine import Database, DatabaseError
from newsroom.model import Channel, Tag
from ui import labels
from ui.i18n import tr
from ui.ops import Ops, describe_error
from ui.plain import one_line


def _perform(db: Database, actor: Actor, action: str, args: dict) -> Change:
    # Through Ops.read, not Ops.perform: crisis_on takes an argument called
    # `name`, which Ops.perform's own first parameter would swallow.
    return perform(db, action, actor, origin="desktop", **args)


def read_crises(db: Database) -> list[dict]:
    """The crises that are on now (a handful of rows)."""
    with db.read() as conn:
        return active_crises(conn)


class CrisisDialog(QDialog):
    """The crises that are on, switching one off, and switching a new one on."""

    changed = Signal(object)  # the Change of crisis_on / crisis_off, for the window to refresh what it names

    def __init__(self, parent: QWidget | None, *, db: Database, ops: Ops, actor: Actor):
        super().__init__(parent)
        self.db = db
        self.ops = ops
        self.actor = actor
        self.may_switch = actor.role in MANAGING_ROLES
        self.setWindowTitle(tr("Crisismodus"))
        self.setAccessibleName(tr("Crisismodus"))
        self.setAccessibleDescription(tr(
            "Zet de crisismodus aan of uit. Tijdens een crisis lopen de termijnen voor het crisisonderwerp dag en nacht, "
            "en staat het vastgezette tussenbericht onder F9 in het antwoord."))
        layout = QVBoxLayout(self)

        if not self.may_switch:
            note = QLabel(tr("Alleen een teamleider of beheerder zet de crisismodus aan of uit. U ziet hier wat aan staat."), self)
            note.setWordWrap(True)
            layout.addWidget(note)

        # -- what is on ---------------------------------------------------------
        on_box = QGroupBox(tr("Nu aan"), self)
        on_layout = QVBoxLayout(on_box)
        self.active = QListWidget(on_box)
        self.active.setAccessibleName(tr("Crises die aan staan"))
        self.active.setAccessibleDescription(tr("Per crisis: de naam, het onderwerp (labels en kanalen) en sinds wanneer."))
        self.active.setMaximumHeight(110)
        on_layout.addWidget(self.active)
        self.active_statement = QPlainTextEdit(on_box)
        self.active_statement.setReadOnly(True)
        self.active_statement.setMaximumHeight(80)
        self.active_statement.setAccessibleName(tr("Vastgezet tussenbericht"))
        self.active_statement.setAccessibleDescription(tr("Het tussenbericht van de gekozen crisis, zoals F9 het in een antwoord zet."))
        on_layout.addWidget(self.active_statement)
        row = QHBoxLayout()
        row.addStretch(1)
        self.off_button = QPushButton(tr("Crisismodus uitzetten"), on_box)
        self.off_button.setAccessibleName(tr("Crisismodus uitzetten"))
        self.off_button.setAccessibleDescription(tr("Zet de gekozen crisis uit; de termijnen volgen vanaf nu weer hun eigen kalender."))
        self.off_button.clicked.connect(self.switch_off)
        row.addWidget(self.off_button)
        on_layout.addLayout(row)
        layout.addWidget(on_box)

        # -- a new crisis -----------------------------------------------------------
        new_box = QGroupBox(tr("Crisismodus aanzetten"), self)
        form = QFormLayout(new_box)
        self.name = QLineEdit(new_box)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(tr("Bijvoorbeeld: Storm 14 november"))
        self.name.setAccessibleName(tr("Naam van de crisis"))
        self.name.setAccessibleDescription(tr("Een korte naam; die staat in de statusbalk zolang de crisis aan staat."))
        form.addRow(tr("&Naam"), self.name)
        self.tags = QLineEdit(new_box)
        self.tags.setPlaceholderText(tr("storm, wateroverlast"))
        self.tags.setAccessibleName(tr("Labels van het crisisonderwerp"))
        self.tags.setAccessibleDescription(tr("Labels gescheiden door komma's; zaken met een van deze labels horen bij de crisis."))
        form.addRow(tr("&Labels"), self.tags)
        self.channels = QListWidget(new_box)
        self.channels.setMaximumHeight(110)
        self.channels.setAccessibleName(tr("Kanalen van het crisisonderwerp"))
        self.channels.setAccessibleDescription(tr("Vink kanalen aan waarvan alle zaken bij de crisis horen. Spatie vinkt aan of uit."))
        form.addRow(tr("&Kanalen"), self.channels)
        self.statement = QPlainTextEdit(new_box)
        self.statement.setPlaceholderText(tr("Het vastgezette tussenbericht, bijvoorbeeld: We weten van de storing en werken eraan."))
        self.statement.setAccessibleName(tr("Vastgezet tussenbericht"))
        self.statement.setAccessibleDescription(tr("De tekst die F9 in een antwoord zet zolang de crisis aan staat."))
        self.statement.setTabChangesFocus(True)
        form.addRow(tr("&Tussenbericht"), self.statement)
        self.on_button = QPushButton(tr("Crisismodus aanzetten"), new_box)
        self.on_button.setAccessibleName(tr("Crisismodus aanzetten"))
        self.on_button.setAccessibleDescription(tr("Zet de crisis aan; de termijnen van de zaken die erbij horen lopen vanaf nu dag en nacht."))
        self.on_button.clicked.connect(self.switch_on)
        form.addRow("", self.on_button)
        layout.addWidget(new_box)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Melding"))
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(self)
        close = buttons.addButton(tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("Sluiten"))
        close.setAccessibleDescription(tr("Sluit dit venster."))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        for widget in (self.name, self.tags, self.channels, self.statement, self.on_button):
            widget.setEnabled(self.may_switch)
        self.active.currentRowChanged.connect(self._show_statement)
        self._crises: list[dict] = []
        self._fill_channels()
        self._fill_tags()
        self.reload()
        self.resize(560, 620)
        (self.name if self.may_switch else self.active).setFocus()

    # -- reading ------------------------------------------------------------------

    def _fill_channels(self) -> None:
        with self.db.read() as conn:
            rows = conn.execute(select(Channel.id, Channel.name, Channel.account, Channel.platform).order_by(Channel.name)).all()
        for row in rows:
            item = QListWidgetItem(f"{row.name} \u2014 {labels.platform(row.platform)} {row.account}", self.channels)
            item.setData(Qt.ItemDataRole.UserRole, row.account)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _fill_tags(self) -> None:
        from PySide6.QtWidgets import QCompleter

        with self.db.read() as conn:
            names = sorted(conn.execute(select(Tag.name)).scalars())
        completer = QCompleter(names, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)

    def reload(self) -> None:
        """Read the crises that are on again."""
        try:
            self._crises = read_crises(self.db)
        except DatabaseError as error:
            self.show_message(describe_error(error))
            return
        with self.db.read() as conn:
            channel_names = dict(conn.execute(select(Channel.id, Channel.name)).all())
        self.active.clear()
        for crisis in self._crises:
            topic = []
            if crisis["tags"]:
                topic.append(tr("labels: {tags}").format(tags=", ".join(crisis["tags"])))
            if crisis["channel_ids"]:
                topic.append(tr("kanalen: {channels}").format(
                    channels=", ".join(channel_names.get(i, str(i)) for i in crisis["channel_ids"])))
            text = tr("{name} \u2014 {topic} (sinds {when})").format(
                name=one_line(crisis["name"], 80), topic="; ".join(topic), when=labels.when(crisis["started_at"]))
            item = QListWidgetItem(text, self.active)
            item.setData(Qt.ItemDataRole.UserRole, crisis["id"])
        if not self._crises:
            placeholder = QListWidgetItem(tr("De crisismodus staat uit."), self.active)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.active.setCurrentRow(0)
        self._show_statement(self.active.currentRow())
        self.off_button.setEnabled(self.may_switch and bool(self._crises))

    def _show_statement(self, row: int) -> None:
        crisis = self._crises[row] if 0 <= row < len(self._crises) else None
        self.active_statement.setPlainText(crisis["statement"] if crisis else "")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    # -- switching ----------------------------------------------------------------------

    def checked_channels(self) -> list[str]:
        out = []
        for row in range(self.channels.count()):
            item = self.channels.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def switch_on(self) -> None:
        name = self.name.text().strip()
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        channels = self.checked_channels()
        if not name:
            self.show_message(tr("Geef de crisis een naam."))
            self.name.setFocus()
            return
        if not tags and not channels:
            self.show_message(tr("Noem het onderwerp van de crisis: minstens één label of kanaal."))
            self.tags.setFocus()
            return
        self.on_button.setEnabled(False)
        args = {"name": name, "tags": tags, "channels": channels, "statement": self.statement.toPlainText()}
        self.ops.read(_perform, self.db, self.actor, "crisis_on", args,
                      on_done=lambda change: self._switched(change, tr("De crisismodus staat aan: {name}. {n} zaken herberekend.").format(
                          name=name, n=change.info.get("cases", 0))),
                      on_error=self._failed)

    def switch_off(self) -> None:
        row = self.active.currentRow()
        if not 0 <= row < len(self._crises):
            return
        crisis = self._crises[row]
        self.off_button.setEnabled(False)
        self.ops.read(_perform, self.db, self.actor, "crisis_off", {"crisis_id": crisis["id"]},
                      on_done=lambda change: self._switched(change, tr("De crisismodus is uit: {name}.").format(name=crisis["name"])),
                      on_error=self._failed)

    def _switched(self, change: Change, text: str) -> None:
        self.name.clear()
        self.tags.clear()
        self.statement.clear()
        for row in range(self.channels.count()):
            self.channels.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.on_button.setEnabled(self.may_switch)
        self.reload()
        self.show_message(text)
        self.changed.emit(change)

    def _failed(self, error: BaseException) -> None:
        self.on_button.setEnabled(self.may_switch)
        self.off_button.setEnabled(self.may_switch and bool(self._crises))
        self.show_message(describe_error(error))
