"""First start: what Newsroom is, in one screen, with the demo one key away; and 'who are you?'."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.i18n import tr

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")


def _text(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _button(parent: QWidget, text: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    return button


class WelcomeDialog(QDialog):
    """Shown when the data has nobody in it yet. `choice` is 'demo', 'own' or None (quit)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(tr("Welkom bij Newsroom"))
        self.setAccessibleName(tr("Welkom bij Newsroom"))
        self.setAccessibleDescription(tr("Wat Newsroom is, en hoe u begint."))
        layout = QVBoxLayout(self)
        heading = _text(self, tr("Welkom bij Newsroom"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(_text(self, tr(
            "Newsroom is de inbox van het communicatieteam van de gemeente. Berichten van burgers uit alle "
            "kanalen (Mastodon, Bluesky, X, Facebook, Instagram, WhatsApp, e-mail, Signalen en het webformulier) "
            "komen samen in één lijst. Per gesprek is er één zaak: u claimt haar, stuurt haar naar een afdeling, "
            "geeft labels, schrijft notities voor collega's en een antwoord aan de burger."
        )))
        layout.addWidget(_text(self, tr(
            "Alles gaat met het toetsenbord: j en k lopen door de lijst, Enter opent, / zoekt, c claimt, "
            "d stuurt naar een afdeling, r schrijft een antwoord. Een vraagteken toont alle toetsen."
        )))
        layout.addWidget(_text(self, tr(
            "Er staat nog niemand in deze gegevens. Bekijk eerst de demo: een verzonnen gemeente, Stadsveen, "
            "waar terwijl u kijkt berichten binnenkomen. De demo staat in een eigen map en raakt uw eigen "
            "gegevens nooit."
        )))

        self.own_form = QWidget(self)
        form = QFormLayout(self.own_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.login = QLineEdit(self.own_form)
        self.login.setAccessibleName(tr("Gebruikersnaam"))
        self.login.setAccessibleDescription(tr("Kleine letters, cijfers, punt, streepje of liggend streepje, bijvoorbeeld 'sanne'."))
        self.display_name = QLineEdit(self.own_form)
        self.display_name.setAccessibleName(tr("Volledige naam"))
        self.display_name.setAccessibleDescription(tr("Hoe collega's u zien, bijvoorbeeld 'Sanne de Vries'."))
        form.addRow(tr("Gebruikersnaam"), self.login)
        form.addRow(tr("Volledige naam"), self.display_name)
        self.problem = _text(self.own_form, "")
        form.addRow("", self.problem)
        self.create = _button(self.own_form, tr("Account aanmaken en beginnen"),
                              tr("Maakt u de eerste gebruiker, met beheerrechten, en opent uw lege inbox."))
        self.create.clicked.connect(self._create)
        form.addRow("", self.create)
        self.own_form.hide()
        layout.addWidget(self.own_form)

        row = QHBoxLayout()
        self.demo = _button(self, tr("Demo bekijken"), tr("Opent de demo van Stadsveen met berichten die binnenstromen."))
        self.demo.setDefault(True)
        self.demo.clicked.connect(self._demo)
        self.own = _button(self, tr("Eigen nieuwsredactie beginnen"), tr("Maak uw eigen account in deze gegevens."))
        self.own.setAutoDefault(False)
        self.own.clicked.connect(self._show_own)
        self.quit = _button(self, tr("Afsluiten"), tr("Sluit Newsroom."))
        self.quit.setAutoDefault(False)
        self.quit.clicked.connect(self.reject)
        row.addWidget(self.demo)
        row.addWidget(self.own)
        row.addStretch(1)
        row.addWidget(self.quit)
        layout.addLayout(row)
        self.demo.setFocus()
        self.resize(640, 420)

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def _show_own(self) -> None:
        self.own_form.show()
        self.login.setFocus()

    def _create(self) -> None:
        login = self.login.text().strip()
        if not _LOGIN.match(login):
            self.problem.setText(tr("Kies een gebruikersnaam van kleine letters en cijfers, bijvoorbeeld 'sanne'."))
            self.login.setFocus()
            return
        self.choice = "own"
        self.accept()


class UserPickerDialog(QDialog):
    """Who is at this desk, when Newsroom cannot tell."""

    def __init__(self, users: list[tuple[str, str, str]], reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Wie bent u?"))
        self.setAccessibleName(tr("Wie bent u?"))
        self.setAccessibleDescription(reason)
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self, reason))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(tr("Gebruiker"))
        self.combo.setAccessibleDescription(tr("Kies uw naam; Newsroom onthoudt haar voor de volgende keer."))
        for login, display, role in users:
            self.combo.addItem(f"{display} ({login}, {labels.role(role)})", login)
        layout.addWidget(self.combo)
        row = QHBoxLayout()
        ok = _button(self, tr("Verder"), tr("Open Newsroom als deze gebruiker."))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel = _button(self, tr("Afsluiten"), tr("Sluit Newsroom."))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(ok)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.combo.setFocus()

    def login(self) -> str | None:
        return self.combo.currentData()
