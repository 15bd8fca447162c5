"""Every command of the window with its keys, in one table; the menus, buttons and help overlay read it.

One-letter keys (c, d, t ...) are window shortcuts; Qt hands a key to a
text field first when it types it (ShortcutOverride), so typing in the
search box or the reply never triggers a command.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import N_, tr


@dataclass(frozen=True)
class Command:
    key: str
    label: str  # Dutch source text
    description: str
    keys: tuple[str, ...]  # QKeySequence strings (portable form)
    group: str


LIST, CASE, GENERAL = N_("Lijst"), N_("Zaak"), N_("Algemeen")

COMMANDS: tuple[Command, ...] = (
    Command("next", N_("Volgende zaak"), N_("Ga naar de volgende zaak in de lijst en open haar."), ("J",), LIST),
    Command("previous", N_("Vorige zaak"), N_("Ga naar de vorige zaak in de lijst en open haar."), ("K",), LIST),
    Command("open", N_("Zaak openen"), N_("Open de gekozen zaak en ga naar het gesprek."), ("Return", "Enter"), LIST),
    Command("search", N_("Zoeken"), N_("Ga naar het zoekvak."), ("/", "Ctrl+F"), LIST),
    Command("back", N_("Terug naar de lijst"), N_("Ga terug naar de lijst met zaken."), ("Esc",), LIST),
    Command("clear_filters", N_("Filters wissen"), N_("Wis de zoekopdracht en alle filters."), ("Ctrl+Backspace",), LIST),
    Command("refresh", N_("Vernieuwen"), N_("Lees de lijst en de aantallen opnieuw."), ("F5",), LIST),
    Command("view_mine", N_("Mijn zaken"), N_("Toon uw open zaken."), ("Ctrl+1",), LIST),
    Command("view_unassigned", N_("Niet toegewezen"), N_("Toon open zaken zonder behandelaar."), ("Ctrl+2",), LIST),
    Command("view_waiting", N_("Wacht op burger"), N_("Toon zaken die op de burger wachten."), ("Ctrl+3",), LIST),
    Command("view_open", N_("Alle open zaken"), N_("Toon alle open zaken."), ("Ctrl+4",), LIST),
    Command("view_all", N_("Alle zaken"), N_("Toon alle zaken, ook afgehandelde."), ("Ctrl+5",), LIST),
    Command("view_at_risk", N_("Dreigt te laat"), N_("Toon open zaken waarvan een termijn voor 75% of meer op is."), ("Ctrl+6",), LIST),
    Command("claim", N_("Claimen"), N_("Neem de zaak op uw naam."), ("C",), CASE),
    Command("release", N_("Vrijgeven"), N_("Geef de zaak terug aan de wachtrij."), ("U",), CASE),
    Command("route", N_("Naar afdeling"), N_("Stuur de zaak naar een afdeling."), ("D",), CASE),
    Command("assign", N_("Toewijzen"), N_("Geef de zaak aan een collega."), ("A",), CASE),
    Command("tag", N_("Label"), N_("Geef de zaak een label."), ("T",), CASE),
    Command("untag", N_("Label weghalen"), N_("Haal een label van de zaak."), ("Shift+T",), CASE),
    Command("note", N_("Notitie"), N_("Schrijf een interne notitie bij de zaak."), ("N",), CASE),
    Command("status", N_("Status"), N_("Zet de zaak op een andere status."), ("S",), CASE),
    Command("resolve", N_("Afhandelen"), N_("Zet de zaak op afgehandeld."), ("E",), CASE),
    Command("priority", N_("Prioriteit"), N_("Maak de zaak meer of minder dringend."), ("P",), CASE),
    Command("reply", N_("Antwoorden"), N_("Schrijf een concept-antwoord aan de burger."), ("R",), CASE),
    Command("save_draft", N_("Concept bewaren"), N_("Bewaar het concept-antwoord."), ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"), CASE),
    Command("send_reply", N_("Versturen"), N_("Verstuur het antwoord aan de burger via het kanaal waarop die schreef."),
            ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), CASE),
    Command("show_thread", N_("Gesprek tonen"), N_("Toon het gesprek van de zaak."), ("Alt+1",), CASE),
    Command("show_notes", N_("Notities tonen"), N_("Toon de notities bij de zaak."), ("Alt+2",), CASE),
    Command("show_history", N_("Geschiedenis tonen"), N_("Toon wat er met de zaak gebeurde."), ("Alt+3",), CASE),
    Command("merge", N_("Samenvoegen"), N_("Voeg deze zaak samen met een andere zaak over hetzelfde."), ("M",), CASE),
    Command("split", N_("Afsplitsen"), N_("Maak van één bericht een eigen zaak."), ("X",), CASE),
    Command("handoff", N_("Overdragen"), N_("Draag de zaak met een notitie over aan een afdeling; de burger krijgt een tussenbericht."), ("H",), CASE),
    Command("sendback", N_("Terugsturen"), N_("Stuur een overgedragen zaak terug, met de reden."), ("Shift+H",), CASE),
    Command("template", N_("Sjabloon invoegen"), N_("Kies een standaardantwoord en zet het in het antwoord."), ("Ctrl+Shift+I",), CASE),
    Command("crisis_statement", N_("Crisisbericht invoegen"), N_("Zet het vastgezette tussenbericht van de crisis in het antwoord."), ("F9",), CASE),
    Command("help", N_("Sneltoetsen"), N_("Toon deze lijst met sneltoetsen."), ("?", "F1"), GENERAL),
    Command("settings", N_("Instellingen…"), N_("Taal, thema en de plek van uw gegevens."), ("Ctrl+,",), GENERAL),
    Command("incidents", N_("Incidenten…"), N_("Voorgestelde en aanvaarde incidenten: één antwoord aan alle melders."), ("Ctrl+I",), GENERAL),
    Command("rules", N_("Routeringsregels…"), N_("Regels die nieuwe berichten naar de juiste afdeling sturen, met een voorbeeld vooraf."), ("Ctrl+Shift+R",), GENERAL),
    Command("templates", N_("Sjablonen…"), N_("Standaardantwoorden en de automatische ontvangstbevestiging."), ("Ctrl+Shift+L",), GENERAL),
    Command("crisis", N_("Crisismodus…"), N_("Zet de crisismodus aan of uit: termijnen voor het crisisonderwerp lopen dag en nacht."), ("Ctrl+Shift+M",), GENERAL),
    Command("channels", N_("Kanalen…"), N_("De verbonden kanalen, hoe ze werken, en apart gezette berichten."), ("Ctrl+K",), GENERAL),
    Command("demo_feed", N_("Demo-berichten pauzeren of hervatten"), N_("Zet de stroom nieuwe demo-berichten stil of weer aan."), ("Ctrl+P",), GENERAL),
    Command("quit", N_("Afsluiten"), N_("Sluit Newsroom; alles is al bewaard."), ("Ctrl+Q",), GENERAL),
)
BY_KEY = {command.key: command for command in COMMANDS}
# Commands that only make sense while the case list has the focus (Enter elsewhere presses buttons).
LIST_ONLY = frozenset({"open"})


def key_text(command: Command) -> str:
    """The command's keys as this platform writes them."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in command.keys)


def build_actions(parent: QWidget, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """A QAction per command, with its keys, texts for menus, tooltips and screen readers."""
    actions: dict[str, QAction] = {}
    for command in COMMANDS:
        action = QAction(tr(command.label), parent)
        action.setShortcuts([QKeySequence(k) for k in command.keys])
        action.setStatusTip(tr(command.description))
        action.setToolTip(f"{tr(command.description)} ({key_text(command)})")
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut if command.key in LIST_ONLY else Qt.ShortcutContext.WindowShortcut
        )
        handler = handlers.get(command.key)
        if handler is not None:
            action.triggered.connect(handler)
        actions[command.key] = action
    return actions


class HelpOverlay(QDialog):
    """The keys, grouped; Escape or ? closes it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sneltoetsen"))
        self.setAccessibleName(tr("Sneltoetsen"))
        self.setAccessibleDescription(tr("Alle sneltoetsen van Newsroom. Escape sluit."))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Newsroom werkt helemaal met het toetsenbord. Letters werken als de lijst of de zaak de focus heeft."), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(len(COMMANDS), 3, self)  # a handful of fixed rows: a widget table is right here
        table.setHorizontalHeaderLabels([tr("Toets"), tr("Opdracht"), tr("Wat het doet")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setAccessibleName(tr("Lijst met sneltoetsen"))
        table.setAccessibleDescription(tr("Per regel: de toets, de opdracht en wat ze doet."))
        for row, command in enumerate(COMMANDS):
            for column, text in enumerate((key_text(command), f"{tr(command.group)}: {tr(command.label)}", tr(command.description))):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table = table
        layout.addWidget(table)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("Sluiten"))
        close.setAccessibleDescription(tr("Sluit de lijst met sneltoetsen."))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def keyPressEvent(self, event) -> None:
        if event.text() == "?":
            self.reject()
            return
        super().keyPressEvent(event)
