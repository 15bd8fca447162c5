"""Templates (Ctrl+Shift+L): list, add, change and remove the canned answers; each channel's automatic acknowledgement.

The body is checked as it is typed (unknown variables, stray braces) and
shown filled in with example values, with its length against the
platform's limit and the readability hints (guidance, not a gate). Saving
and removing are the core's actions (`add_template`, `update_template`,
`remove_template`, `set_auto_ack`) on the database worker; the core
decides who may (supervisors and admins), and its reason is shown here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from newsroom import templates as tpl
from newsroom.actions import ActionError, Actor, perform
from newsroom.actions.common import MANAGING_ROLES
from newsroom.actions.templates import ANY_PLATFORM, auto_ack_on, preview
from newsroom.db.engine import Database
from newsroom.model import Channel, Platform
from ui import labels
from ui.case_pane import hint_text
from ui.core_text import CORE_TEMPLATES, explain
from ui.i18n import N_, tr
from ui.ops import Ops, describe_error
from ui.plain import one_line, plain_label
from ui.template_picker import (
    KINDS,
    LANGUAGE_NAMES,
    TemplateListModel,
    TemplateRow,
    length_text,
    preview_block,
    read_templates,
    set_warning,
)

CHANNELS = Channel.__table__
CHECK_DELAY_MS = 250
AUTO_ACK_CHOICES = ((None, N_("standaard")), (True, N_("aan")), (False, N_("uit")))


def read_channels(db: Database) -> list:
    """The connected channels with their automatic-acknowledgement setting."""
    with db.read() as conn:
        return conn.execute(
            select(CHANNELS.c.id, CHANNELS.c.name, CHANNELS.c.platform, CHANNELS.c.account, CHANNELS.c.auto_ack)
            .where(CHANNELS.c.options.is_not(None)).order_by(CHANNELS.c.name, CHANNELS.c.id)
        ).all()


def template_problem(error: tpl.TemplateError) -> str:
    """A template's problem in the desktop's language."""
    dutch = CORE_TEMPLATES.get(error.template)
    try:
        return tr(dutch).format(**error.params) if dutch else error.message
    except (KeyError, IndexError, ValueError):
        return error.message


def run_action(db: Database, action: str, actor: Actor, args: dict):
    """The core's action `action` with `args`, as `Ops.perform` runs it (see `TemplatesDialog._act`)."""
    return perform(db, action, actor, origin="desktop", **args)


def _reason(error: BaseException) -> str:
    return explain(error) if isinstance(error, ActionError) else describe_error(error)


class TemplatesDialog(QDialog):
    """The templates and the automatic acknowledgement per channel."""

    def __init__(self, parent: QWidget | None, *, db: Database, ops: Ops, actor: Actor):
        super().__init__(parent)
        self._db = db
        self._ops = ops
        self._actor = actor
        self._editing: str | None = None  # the stored name of the template in the form; None: a new one
        self.may_change = actor.role in MANAGING_ROLES
        title = tr("Sjablonen")
        description = tr("Standaardantwoorden met variabelen, en per kanaal de automatische ontvangstbevestiging.")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        intro = QLabel(description, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not self.may_change:
            note = plain_label(tr("U kunt de sjablonen bekijken; teamleiders en beheerders kunnen ze wijzigen."), self,
                               selectable=False)
            note.setAccessibleName(tr("Alleen bekijken"))
            layout.addWidget(note)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(split, 1)

        # -- the list ---------------------------------------------------------------
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.find = QLineEdit(left)
        self.find.setAccessibleName(tr("Sjabloon zoeken"))
        self.find.setAccessibleDescription(tr("Zoekt in de naam en de tekst; pijltjes kiezen in de lijst."))
        self.find.setPlaceholderText(tr("Typ om te zoeken…"))
        self.find.setClearButtonEnabled(True)
        left_layout.addWidget(self.find)
        self.model = TemplateListModel(self)
        self.list = QListView(left)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(tr("Sjablonen"))
        self.list.setAccessibleDescription(tr("Naam, soort, platform en taal van elk sjabloon; kies er een om het te wijzigen."))
        left_layout.addWidget(self.list, 1)
        self.new = QPushButton(tr("&Nieuw sjabloon"), left)
        self.new.setAccessibleName(tr("Nieuw sjabloon"))
        self.new.setAccessibleDescription(tr("Maakt het formulier leeg voor een nieuw sjabloon."))
        self.new.setAutoDefault(False)
        left_layout.addWidget(self.new)

        # -- the form ---------------------------------------------------------------
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name = QLineEdit(right)
        self.name.setAccessibleName(tr("Naam"))
        self.name.setAccessibleDescription(tr("Een unieke naam, waarmee u het sjabloon terugvindt."))
        self.name.setMaxLength(200)
        form.addRow(tr("N&aam"), self.name)
        self.kind = QComboBox(right)
        for value, text in KINDS.items():
            self.kind.addItem(tr(text), value)
        self.kind.setAccessibleName(tr("Soort"))
        self.kind.setAccessibleDescription(
            tr("Antwoord: kiest u bij een zaak. Ontvangstbevestiging en tussenbericht gaan automatisch uit. Crisisbericht: voor de crisismodus.")
        )
        form.addRow(tr("&Soort"), self.kind)
        self.platform = QComboBox(right)
        self.platform.addItem(tr("Alle platforms"), None)
        for platform in Platform:
            self.platform.addItem(labels.platform(platform.value), platform.value)
        self.platform.setAccessibleName(tr("Platform"))
        self.platform.setAccessibleDescription(tr("Voor welk platform dit sjabloon is; een sjabloon voor één platform gaat voor."))
        form.addRow(tr("&Platform"), self.platform)
        self.language = QComboBox(right)
        for value, text in LANGUAGE_NAMES.items():
            self.language.addItem(tr(text), value)
        self.language.setAccessibleName(tr("Taal"))
        self.language.setAccessibleDescription(tr("De taal van de tekst; datums worden in die taal geschreven."))
        form.addRow(tr("&Taal"), self.language)
        right_layout.addLayout(form)
        body_label = QLabel(tr("Te&kst (variabelen: {naam}, {zaaknummer}, {verwachte_datum}, {afdeling})"), right)
        body_label.setTextFormat(Qt.TextFormat.PlainText)
        body_label.setWordWrap(True)
        self.body = QPlainTextEdit(right)
        self.body.setAccessibleName(tr("Tekst van het sjabloon"))
        self.body.setAccessibleDescription(
            tr("Gewone tekst met variabelen tussen accolades; twee accolades voor een accolade in de tekst.")
        )
        self.body.setTabChangesFocus(True)
        body_label.setBuddy(self.body)
        right_layout.addWidget(body_label)
        right_layout.addWidget(self.body, 2)
        self.check = plain_label("", right, selectable=False)
        self.check.setAccessibleName(tr("Controle van de tekst"))
        right_layout.addWidget(self.check)
        preview_label = QLabel(tr("Voorbeeld met voorbeeldwaarden"), right)
        preview_label.setTextFormat(Qt.TextFormat.PlainText)
        right_layout.addWidget(preview_label)
        self.preview, self.length, self.hints = preview_block(
            right, right_layout, tr("Voorbeeld"),
            tr("De tekst ingevuld met voorbeeldwaarden (Bea Burger, zaak 123456). Alleen lezen."))
        row = QHBoxLayout()
        row.addStretch(1)
        self.remove = QPushButton(tr("&Verwijderen…"), right)
        self.remove.setAccessibleName(tr("Verwijderen"))
        self.remove.setAccessibleDescription(tr("Verwijdert het gekozen sjabloon (vraagt eerst). Verstuurde antwoorden blijven zoals ze zijn."))
        self.remove.setAutoDefault(False)
        row.addWidget(self.remove)
        self.save = QPushButton(tr("&Bewaren"), right)
        self.save.setAccessibleName(tr("Bewaren"))
        self.save.setAccessibleDescription(tr("Bewaart het sjabloon (Ctrl+Enter in de tekst)."))
        self.save.setAutoDefault(False)
        row.addWidget(self.save)
        right_layout.addLayout(row)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)

        # -- automatic acknowledgement ------------------------------------------------
        self.auto_box = QGroupBox(tr("Automatische ontvangstbevestiging per kanaal"), self)
        self.auto_box.setAccessibleName(tr("Automatische ontvangstbevestiging per kanaal"))
        self.auto_box.setAccessibleDescription(
            tr("Aan: elke nieuwe zaak krijgt een bevestiging met het zaaknummer. Standaard: aan voor e-mail, uit voor de rest.")
        )
        self.auto_form = QFormLayout(self.auto_box)
        self.auto_ack: dict[int, QComboBox] = {}
        layout.addWidget(self.auto_box)

        self.status = plain_label("", self, selectable=False)
        self.status.setAccessibleName(tr("Resultaat"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("Sluiten"))
        close.setAccessibleDescription(tr("Sluit dit venster (Escape)."))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm: QMessageBox | None = None

        for widget in (self.name, self.kind, self.platform, self.language, self.body, self.save, self.remove, self.new):
            widget.setEnabled(self.may_change)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.check_body)
        self.body.textChanged.connect(self._check_timer.start)
        self.platform.currentIndexChanged.connect(self._check_timer.start)
        self.language.currentIndexChanged.connect(self._check_timer.start)
        self.find.textChanged.connect(self.model.set_filter)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self.model.modelReset.connect(self._reselect)
        self.new.clicked.connect(self.start_new)
        self.save.clicked.connect(self.save_template)
        self.remove.clicked.connect(self.ask_remove)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=self.save_template)
        self.resize(900, 720)
        self.start_new()
        self.refresh()
        self.find.setFocus()

    # -- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the templates and channels again (on the worker)."""
        self._ops.read(read_templates, self._db, on_done=self.model.set_templates)
        self._ops.read(read_channels, self._db, on_done=self._show_channels)

    def _reselect(self) -> None:
        if self._editing is not None:
            row = self.model.row_named(self._editing)
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row, 0))

    def _chosen(self, *_args) -> None:
        index = self.list.currentIndex()
        row = self.model.template(index.row()) if index.isValid() else None
        if row is None or row.name == self._editing:
            return
        self._fill(row)

    def _fill(self, row: TemplateRow | None) -> None:
        self._editing = row.name if row else None
        self.name.setText(row.name if row else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else "answer")))
        self.platform.setCurrentIndex(max(0, self.platform.findData(row.platform)) if row and row.platform else 0)
        self.language.setCurrentIndex(max(0, self.language.findData(row.language if row else "nl")))
        self.body.setPlainText(row.body if row else "")
        self.remove.setEnabled(self.may_change and row is not None)
        self.check_body()

    def start_new(self) -> None:
        """An empty form for a new template."""
        self.list.clearSelection()
        self.list.setCurrentIndex(self.model.index(-1, 0))
        self._fill(None)
        if self.may_change:
            self.name.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.find.hasFocus() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.list.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    # -- checking as it is typed ----------------------------------------------------------

    def check_body(self) -> bool:
        """Check the body now: its variables or its problem, and the preview with example values."""
        body = self.body.toPlainText()
        if not body.strip():
            self.check.setText(tr("Schrijf de tekst van het sjabloon."))
            self._clear_preview()
            return False
        try:
            used = tpl.validate(body)
        except tpl.TemplateError as error:
            problem = template_problem(error)
            self.check.setText(tr("Niet goed: {problem}").format(problem=problem))
            self.check.setAccessibleDescription(self.check.text())
            set_warning(self.check, True)
            self._clear_preview()
            return False
        self.check.setText(tr("In orde. Variabelen: {names}.").format(names=", ".join(used)) if used
                           else tr("In orde. Geen variabelen."))
        self.check.setAccessibleDescription(self.check.text())
        set_warning(self.check, False)
        platform, language = self.platform.currentData(), self.language.currentData()
        try:
            reports = [(p, preview(body, p, language)) for p in ((platform,) if platform else ("mastodon", "bluesky"))]
        except ActionError as error:
            self.preview.setPlainText(explain(error))
            return False
        self.preview.setPlainText(reports[0][1]["text"])
        parts, over = [], False
        for name, report in reports:
            text, too_long = length_text(report)
            parts.append(f"{labels.platform(name)}: {text}")
            over = over or too_long
        self.length.setText("  \u00b7  ".join(parts))
        self.length.setAccessibleDescription(self.length.text())
        set_warning(self.length, over)
        hints = [hint_text(h) for h in reports[0][1]["hints"]]
        self.hints.setText("\n".join(hints) if hints else tr("Geen tips: de tekst leest makkelijk."))
        self.hints.setAccessibleDescription(self.hints.text())
        return True

    def _clear_preview(self) -> None:
        self.preview.setPlainText("")
        self.length.setText("")
        self.hints.setText("")

    # -- changing --------------------------------------------------------------------------

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        set_warning(self.status, problem)

    def _refused(self, error: BaseException) -> None:
        self._say(_reason(error), problem=True)

    def _act(self, action: str, on_done, on_error=None, **args) -> None:
        """Run a template action on the database worker.

        These actions take an argument called `name`, which `Ops.perform`
        cannot pass on (its own first parameter is `name`), so they go
        through `Ops.read` on the same worker, in order with the rest.
        """
        self._ops.read(run_action, self._db, action, self._actor, args, on_done=on_done, on_error=on_error or self._refused)

    def save_template(self) -> None:
        """Add the template in the form, or change the chosen one."""
        if not self.may_change:
            return
        self._check_timer.stop()
        name = self.name.text().strip()
        if not name:
            self._say(tr("Geef het sjabloon een naam."), problem=True)
            self.name.setFocus()
            return
        if not self.check_body():
            self._say(tr("De tekst is nog niet in orde: {problem}").format(problem=self.check.text()), problem=True)
            self.body.setFocus()
            return
        values = {"body": self.body.toPlainText(), "kind": self.kind.currentData(), "language": self.language.currentData()}
        platform = self.platform.currentData()

        def done(_change) -> None:
            self._editing = name
            self._say(tr("Sjabloon \u201c{name}\u201d bewaard.").format(name=one_line(name, 100)))
            self.refresh()

        if self._editing is None:
            self._act("add_template", done, name=name, platform=platform, **values)
        else:
            self._act("update_template", done, name=self._editing, new_name=name, platform=platform or ANY_PLATFORM, **values)

    def ask_remove(self) -> None:
        if not self.may_change or self._editing is None:
            return
        name = self._editing
        box = QMessageBox(QMessageBox.Icon.Question, tr("Sjabloon verwijderen"),
                          tr("Sjabloon \u201c{name}\u201d verwijderen? Verstuurde antwoorden blijven zoals ze zijn.").format(
                              name=one_line(name, 100)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName(tr("Sjabloon verwijderen"))
        box.setAccessibleDescription(box.text())
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Verwijderen"))
        box.button(QMessageBox.StandardButton.No).setText(tr("Niet verwijderen"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm = box

        def answered(button) -> None:
            self.confirm = None
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                self._act("remove_template", lambda _c: self._removed(name), name=name)

        box.buttonClicked.connect(answered)
        box.open()

    def _removed(self, name: str) -> None:
        self._say(tr("Sjabloon \u201c{name}\u201d verwijderd.").format(name=one_line(name, 100)))
        self._editing = None
        self.start_new()
        self.refresh()

    # -- automatic acknowledgement ------------------------------------------------------------

    def _show_channels(self, rows: list) -> None:
        while self.auto_form.rowCount():
            self.auto_form.removeRow(0)
        self.auto_ack = {}
        if not rows:
            self.auto_form.addRow(plain_label(tr("Er zijn nog geen verbonden kanalen."), self.auto_box, selectable=False))
            return
        for row in rows:
            combo = QComboBox(self.auto_box)
            for value, text in AUTO_ACK_CHOICES:
                word = tr(text)
                if value is None:
                    word = tr("standaard ({state})").format(state=tr("aan") if auto_ack_on(row.platform, None) else tr("uit"))
                combo.addItem(word, value)
            combo.setCurrentIndex(max(0, [v for v, _ in AUTO_ACK_CHOICES].index(row.auto_ack)))
            label = f"{one_line(row.name, 60)} ({labels.platform(row.platform)})"
            combo.setAccessibleName(tr("Ontvangstbevestiging voor {channel}").format(channel=label))
            combo.setAccessibleDescription(tr("Aan, uit, of standaard: aan voor e-mail, uit voor de andere platforms."))
            combo.setEnabled(self.may_change)
            combo.activated.connect(lambda _i, c=combo, channel=row.id, name=label: self._set_auto_ack(c, channel, name))
            self.auto_form.addRow(label, combo)
            self.auto_ack[row.id] = combo

    def _set_auto_ack(self, combo: QComboBox, channel_id: int, name: str) -> None:
        value = combo.currentData()

        def done(change) -> None:
            state = tr("aan") if change.info.get("effective") else tr("uit")
            self._say(tr("Ontvangstbevestiging voor {channel}: {state}.").format(channel=name, state=state))

        self._ops.perform("set_auto_ack", channel=str(channel_id), value=value, on_done=done,
                          on_error=lambda error: (self._refused(error), self.refresh()))


def open_templates_dialog(parent: QWidget | None, db: Database, ops: Ops, actor: Actor) -> TemplatesDialog:
    """Open the templates dialog window-modal (no nested event loop) and return it; it deletes itself when closed."""
    dialog = TemplatesDialog(parent, db=db, ops=ops, actor=actor)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.activateWindow()
    return dialog
