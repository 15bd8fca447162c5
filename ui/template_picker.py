"""Picking a template for the reply (Ctrl+Shift+I): filter as you type, see it filled in for this case, Enter inserts it.

The preview is the core's `render_for_case` on the database worker: the
text with the case's name, number, expected date and department, its
length against the channel's limit (Mastodon 500 characters, Bluesky 300
graphemes) and the readability hints. A template that cannot be filled in
for this case (it needs a date the case does not have) says so and is not
inserted.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from newsroom.actions import ActionError
from newsroom.actions.templates import TEMPLATES, render_for_case
from newsroom.db.engine import Database
from ui import labels
from ui.case_pane import hint_text
from ui.core_text import explain
from ui.i18n import N_, tr
from ui.ops import Ops
from ui.plain import display_lines, one_line, plain_label, visible

KINDS = {
    "answer": N_("Antwoord"),
    "auto_ack": N_("Ontvangstbevestiging"),
    "holding": N_("Tussenbericht"),
    "crisis": N_("Crisisbericht"),
}
LANGUAGE_NAMES = {"nl": N_("Nederlands"), "en": N_("Engels")}
TemplateRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    kind: str
    platform: str | None
    language: str
    body: str


def read_templates(db: Database) -> list[TemplateRow]:
    """Every stored template, by name (a short table)."""
    with db.read() as conn:
        rows = conn.execute(
            select(TEMPLATES.c.id, TEMPLATES.c.name, TEMPLATES.c.kind, TEMPLATES.c.platform, TEMPLATES.c.language,
                   TEMPLATES.c.body).order_by(TEMPLATES.c.name)
        ).all()
    return [TemplateRow(r.id, r.name, r.kind, r.platform, r.language, r.body) for r in rows]


def template_line(row: TemplateRow) -> str:
    """One line of a template list: name, kind, platform, language."""
    kind = tr(KINDS.get(row.kind, row.kind))
    platform = labels.platform(row.platform) if row.platform else tr("alle platforms")
    return f"{one_line(row.name, 120)} \u00b7 {kind} \u00b7 {platform} \u00b7 {row.language}"


def render_preview(db: Database, name: str, case_id: int) -> dict:
    """`render_for_case` on the worker; a refusal comes back as {"error": ActionError} (it is no failure of the desk)."""
    try:
        with db.read() as conn:
            return render_for_case(conn, name, case_id)
    except ActionError as error:
        return {"error": error}


class TemplateListModel(QAbstractListModel):
    """Templates as lines, narrowed by a filter on name and text (a short list, filtered in memory)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[TemplateRow] = []
        self._rows: list[TemplateRow] = []
        self._filter = ""

    def set_templates(self, rows: list[TemplateRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.strip().lower()
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> list[TemplateRow]:
        if not self._filter:
            return list(self._all)
        words = self._filter.split()
        return [r for r in self._all if all(w in r.name.lower() or w in r.body.lower() for w in words)]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return template_line(row)
        if role == TemplateRole:
            return row
        return None

    def row_named(self, name: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.name == name), None)

    def template(self, row: int) -> TemplateRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


def length_text(report: dict) -> tuple[str, bool]:
    """"123 / 500 tekens" (or graphemes on Bluesky) and whether it is over the limit; "" without a limit."""
    limit = report.get("limit")
    if limit is None:
        return tr("{n} tekens (geen limiet op dit kanaal)").format(n=labels.number(report.get("length", 0))), False
    n = report.get("length", 0)
    unit = tr("tekens zoals Bluesky telt") if report.get("unit") == "graphemes" else tr("tekens")
    text = f"{labels.number(n)} / {labels.number(limit)} {unit}"
    over = n > limit
    if over:
        text += " \u2014 " + tr("{n} te veel: inkorten voor dit kanaal").format(n=labels.number(n - limit))
    return text, over


def preview_block(parent: QWidget, layout, name: str, description: str) -> tuple[QPlainTextEdit, QLabel, QLabel]:
    """A read-only preview of a rendered template with its length and plain-language tips under it, added to `layout`."""
    preview = QPlainTextEdit(parent)
    preview.setReadOnly(True)
    preview.setTabChangesFocus(True)
    preview.setAccessibleName(name)
    preview.setAccessibleDescription(description)
    layout.addWidget(preview, 1)
    length = plain_label("", parent, selectable=False)
    length.setAccessibleName(tr("Lengte"))
    layout.addWidget(length)
    hints = plain_label("", parent, selectable=False)
    hints.setAccessibleName(tr("Tips voor eenvoudige taal"))
    layout.addWidget(hints)
    return preview, length, hints


def set_warning(label: QLabel, on: bool) -> None:
    palette = QPalette(label.parentWidget().palette() if label.parentWidget() else label.palette())
    if on:
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#c62828"))
    label.setPalette(palette)


class TemplatePicker(QDialog):
    """The templates for the reply; `chosen(text)` carries the filled-in text when one is taken."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, *, db: Database, ops: Ops, case_id: int):
        super().__init__(parent)
        self._db = db
        self._ops = ops
        self._case_id = case_id
        self._asked = 0  # the newest preview asked for; older answers are ignored
        self._report: dict | None = None
        title = tr("Sjabloon invoegen in zaak {id}").format(id=case_id)
        description = tr("Typ om te zoeken; pijltjes kiezen; Enter zet de tekst in het antwoord. Escape annuleert.")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        layout = QVBoxLayout(self)
        intro = QLabel(description, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.find = QLineEdit(self)
        self.find.setAccessibleName(tr("Sjabloon zoeken"))
        self.find.setAccessibleDescription(tr("Zoekt in de naam en de tekst van de sjablonen."))
        self.find.setPlaceholderText(tr("Typ om te zoeken…"))
        self.find.setClearButtonEnabled(True)
        layout.addWidget(self.find)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = TemplateListModel(self)
        self.list = QListView(split)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setAccessibleName(tr("Sjablonen"))
        self.list.setAccessibleDescription(tr("De sjablonen die bij de zoektekst passen: naam, soort, platform en taal."))
        preview_box = QWidget(split)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview, self.length, self.hints = preview_block(
            preview_box, preview_layout, tr("Voorbeeld voor deze zaak"),
            tr("De tekst van het gekozen sjabloon, ingevuld voor deze zaak. Alleen lezen."))
        layout.addWidget(split, 1)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(tr("Invoegen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.ok.setAccessibleName(tr("Invoegen"))
        self.ok.setAccessibleDescription(tr("Zet de ingevulde tekst in het antwoord (Enter)."))
        cancel = buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Annuleren"))
        cancel.setAccessibleDescription(tr("Sluit zonder iets in te voegen (Escape)."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.find.textChanged.connect(self._filter)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._select_first)
        self.resize(620, 560)
        self.find.setFocus()
        self.preview.setPlainText(tr("Sjablonen worden gelezen…"))
        self._ops.read(read_templates, db, on_done=self.model.set_templates)

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        else:
            self._report = None
            self.preview.setPlainText(tr("Geen sjabloon past bij deze zoektekst.") if self.find.text()
                                      else tr("Er zijn nog geen sjablonen. Teamleiders maken ze via Sjablonen… (Ctrl+Shift+L)."))
            self.length.setText("")
            self.hints.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.find.hasFocus() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.list.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def current(self) -> TemplateRow | None:
        index = self.list.currentIndex()
        return self.model.template(index.row()) if index.isValid() else None

    def _current_changed(self, *_args) -> None:
        row = self.current()
        self._report = None
        if row is None:
            return
        self._asked += 1
        asked = self._asked
        self._ops.read(render_preview, self._db, row.name, self._case_id,
                       on_done=lambda report, asked=asked, name=row.name: self._show(asked, name, report))

    def _show(self, asked: int, name: str, report: dict) -> None:
        if asked != self._asked:
            return
        error = report.get("error")
        if error is not None:
            self._report = None
            self.preview.setPlainText(tr("Dit sjabloon past hier niet: {reason}").format(reason=explain(error)))
            self.length.setText("")
            self.hints.setText("")
            return
        self._report = {**report, "name": name}
        self.preview.setPlainText(display_lines(visible(report["text"])))
        text, over = length_text(report)
        self.length.setText(text)
        self.length.setAccessibleDescription(text)
        set_warning(self.length, over)
        hints = [hint_text(h) for h in report.get("hints") or []]
        self.hints.setText("\n".join(hints) if hints else tr("Geen tips: de tekst leest makkelijk."))
        self.hints.setAccessibleDescription(self.hints.text())

    def text(self) -> str | None:
        """The filled-in text of the chosen template, once its preview is there."""
        return self._report["text"] if self._report else None

    def accept(self) -> None:
        text = self.text()
        if text is None:
            return  # nothing usable chosen (yet); the preview says why
        self.chosen.emit(text)
        super().accept()
