"""Handing a case to a department (H) and sending it back (Shift+H): the two small dialogs.

Both stay open while the action runs on the database worker, so a refusal
("Zaak 12 is al bij Parkeren") is read where it was caused and the note is
not lost; the case pane closes them when the action is done.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.plain import plain_label


class NoteEdit(QPlainTextEdit):
    """A note field where Enter confirms the dialog and Shift+Enter starts a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            return
        super().keyPressEvent(event)


class _ActionDialog(QDialog):
    """A dialog whose OK runs an action: `submitted` asks for it, `finish` or `refused` answer."""

    submitted = Signal()

    def __init__(self, parent: QWidget, title: str, description: str, ok_text: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self._layout = QVBoxLayout(self)
        intro = QLabel(description, self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self._layout.addWidget(intro)
        self.error = plain_label("", self, selectable=False)
        self.error.setAccessibleName(tr("Wat er mis is"))
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.ok.setAccessibleName(ok_text)
        self.ok.setAccessibleDescription(description)
        cancel = self.buttons.addButton(tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("Annuleren"))
        cancel.setAccessibleDescription(tr("Sluit zonder iets te veranderen (Escape)."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._busy = False

    def _problem(self) -> str | None:
        return None

    def accept(self) -> None:
        """Check what was filled in, then ask for the action (the dialog stays open until it is done)."""
        if self._busy:
            return
        problem = self._problem()
        if problem:
            self.refused(problem)
            return
        self._busy = True
        self.ok.setEnabled(False)
        self.error.hide()
        self.submitted.emit()

    def finish(self) -> None:
        self._busy = False
        super().accept()

    def refused(self, message: str) -> None:
        """Show why it did not work; the dialog stays open to correct it."""
        self._busy = False
        self.ok.setEnabled(True)
        self.error.setText(message)
        self.error.setAccessibleDescription(message)
        self.error.show()


class HandoffDialog(_ActionDialog):
    """Which department takes the case over, the note for them, and whether the citizen hears about it."""

    def __init__(self, parent: QWidget, *, case_id: int, departments: Sequence[str], current: str | None = None):
        title = tr("Zaak {id} overdragen").format(id=case_id)
        description = tr(
            "Kies de afdeling die de zaak overneemt en schrijf erbij wat zij moeten weten. "
            "De afdeling krijgt een eigen termijn."
        )
        super().__init__(parent, title, description, tr("Overdragen"))
        layout = self._layout

        find_label = QLabel(tr("&Afdeling"), self)
        self.find = QLineEdit(self)
        self.find.setAccessibleName(tr("Afdeling zoeken"))
        self.find.setAccessibleDescription(
            tr("Typ een deel van de naam; pijltjes omhoog en omlaag kiezen in de lijst. Tab gaat naar de notitie.")
        )
        self.find.setPlaceholderText(tr("Typ om te zoeken…"))
        self.find.setClearButtonEnabled(True)
        find_label.setBuddy(self.find)
        layout.addWidget(find_label)
        layout.addWidget(self.find)
        self.names = QStringListModel(sorted(departments, key=str.lower), self)
        # A handful of departments in memory: a proxy is right here (the inbox filters in SQL).
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.names)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView(self)
        self.list.setModel(self.filtered)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the arrows in the search field move here
        self.list.setAccessibleName(tr("Afdelingen"))
        self.list.setAccessibleDescription(tr("De afdelingen die bij de zoektekst passen; de gekozen afdeling krijgt de zaak."))
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 8)
        layout.addWidget(self.list)
        self.chosen = plain_label("", self, selectable=False)
        self.chosen.setAccessibleName(tr("Gekozen afdeling"))
        layout.addWidget(self.chosen)

        note_label = QLabel(tr("&Notitie voor de afdeling (verplicht)"), self)
        self.note = NoteEdit(self)
        self.note.setAccessibleName(tr("Notitie voor de afdeling"))
        self.note.setAccessibleDescription(
            tr("Verplicht: wat de afdeling moet weten. Enter draagt over, Shift+Enter begint een nieuwe regel.")
        )
        self.note.setTabChangesFocus(True)
        self.note.submitted.connect(self.accept)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note, 1)

        self.holding = QCheckBox(tr("&Tussenbericht aan de burger sturen"), self)
        self.holding.setChecked(True)
        self.holding.setAccessibleName(tr("Tussenbericht aan de burger sturen"))
        self.holding.setAccessibleDescription(
            tr("De burger krijgt een bericht dat de afdeling het overneemt, met de datum waarop hij antwoord kan verwachten.")
        )
        layout.addWidget(self.holding)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.find.textChanged.connect(self._filter)
        self.list.selectionModel().currentChanged.connect(self._show_choice)
        self.setTabOrder(self.find, self.note)
        self.setTabOrder(self.note, self.holding)
        if current and current in departments:
            row = self.names.stringList().index(current)
            self.list.setCurrentIndex(self.filtered.mapFromSource(self.names.index(row, 0)))
        else:
            self._filter("")
        self._show_choice()
        self.resize(520, 480)
        self.find.setFocus()

    def _filter(self, text: str) -> None:
        self.filtered.setFilterFixedString(text.strip())
        if self.filtered.rowCount():
            # The first name that starts with the text, else the first that contains it.
            start = next((r for r in range(self.filtered.rowCount())
                          if str(self.filtered.index(r, 0).data()).lower().startswith(text.strip().lower())), 0)
            self.list.setCurrentIndex(self.filtered.index(start, 0))
        self._show_choice()

    def _show_choice(self, *_args) -> None:
        department = self.department()
        if department:
            self.chosen.setText(tr("Gaat naar: {department}").format(department=department))
        else:
            self.chosen.setText(tr("Geen afdeling past bij deze zoektekst."))
        self.chosen.setAccessibleDescription(self.chosen.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.find.hasFocus() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.list.keyPressEvent(event)  # the search field steers the list, as a combo box does
            return
        super().keyPressEvent(event)

    def department(self) -> str | None:
        current = self.list.currentIndex()
        return str(current.data()) if current.isValid() else None

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def send_holding(self) -> bool:
        return self.holding.isChecked()

    def _problem(self) -> str | None:
        if not self.department():
            self.find.setFocus()
            return tr("Kies een afdeling uit de lijst.")
        if not self.note_text():
            self.note.setFocus()
            return tr("Schrijf een notitie voor de afdeling: wat moeten zij weten?")
        return None


class SendBackDialog(_ActionDialog):
    """Why the department sends the case back; required."""

    def __init__(self, parent: QWidget, *, case_id: int):
        title = tr("Zaak {id} terugsturen").format(id=case_id)
        description = tr("De zaak gaat terug naar wie haar overdroeg. Schrijf waarom; dat komt bij de notities.")
        super().__init__(parent, title, description, tr("Terugsturen"))
        label = QLabel(tr("&Reden (verplicht)"), self)
        self.reason = NoteEdit(self)
        self.reason.setAccessibleName(tr("Reden van terugsturen"))
        self.reason.setAccessibleDescription(tr("Verplicht. Enter stuurt terug, Shift+Enter begint een nieuwe regel."))
        self.reason.setTabChangesFocus(True)
        self.reason.submitted.connect(self.accept)
        label.setBuddy(self.reason)
        self._layout.addWidget(label)
        self._layout.addWidget(self.reason, 1)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self.buttons)
        self.resize(480, 280)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _problem(self) -> str | None:
        if not self.reason_text():
            self.reason.setFocus()
            return tr("Schrijf de reden: waarom gaat de zaak terug?")
        return None
