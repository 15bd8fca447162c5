"""English for the main window's response-target parts: countdowns, the at-risk view, notifications, crisis mode."""
from __future__ import annotations

ENGLISH = {
    "Eigen wachtrij": "Newsroom queue",
    # The inbox's countdown and the at-risk view
    "75% van de termijn is om": "75% of the target time has passed",
    "90% van de termijn is om": "90% of the target time has passed",
    "termijn verlopen": "target missed",
    "Dreigt te laat": "At risk",
    # The new commands (ui/shortcuts.py), as the window's menus show them
    "Toon open zaken waarvan een termijn voor 75% of meer op is.": "Show open cases with a response target 75% or more used up.",
    "Overdragen": "Hand off",
    "Draag de zaak met een notitie over aan een afdeling; de burger krijgt een tussenbericht.":
        "Hand the case off to a department with a note; the citizen gets a holding reply.",
    "Terugsturen": "Send back",
    "Stuur een overgedragen zaak terug, met de reden.": "Send a handed-off case back, with the reason.",
    "Sjabloon invoegen": "Insert template",
    "Kies een standaardantwoord en zet het in het antwoord.": "Choose a standard answer and put it in the reply.",
    "Crisisbericht invoegen": "Insert crisis statement",
    "Zet het vastgezette tussenbericht van de crisis in het antwoord.": "Put the crisis's pinned holding statement in the reply.",
    "Incidenten…": "Incidents…",
    "Voorgestelde en aanvaarde incidenten: één antwoord aan alle melders.": "Proposed and accepted incidents: one answer to every reporter.",
    "Routeringsregels…": "Routing rules…",
    "Regels die nieuwe berichten naar de juiste afdeling sturen, met een voorbeeld vooraf.":
        "Rules that send new messages to the right department, with a preview first.",
    "Sjablonen…": "Templates…",
    "Standaardantwoorden en de automatische ontvangstbevestiging.": "Standard answers and the automatic acknowledgement.",
    "Crisismodus…": "Crisis mode…",
    "Zet de crisismodus aan of uit: termijnen voor het crisisonderwerp lopen dag en nacht.":
        "Switch crisis mode on or off: targets for the crisis topic run day and night.",
    "Dit onderdeel ontbreekt in deze installatie. Installeer Newsroom opnieuw of vraag de beheerder.":
        "This part is missing from this installation. Reinstall Newsroom or ask your administrator.",
    # Notifications
    "eerste reactie": "first response",
    "volgende reactie": "next response",
    "afhandeling": "resolution",
    "Termijn verlopen": "Target missed",
    "Termijn bijna op": "Target nearly reached",
    "de termijn voor {clock} is verlopen": "the {clock} target has passed",
    "{level}% van de termijn voor {clock} is om": "{level}% of the {clock} target has passed",
    "Zaak {id}{who}: {what}.": "Case {id}{who}: {what}.",
    "1 termijn verlopen": "1 target missed",
    "{n} termijnen verlopen": "{n} targets missed",
    "{n} op {level}%": "{n} at {level}%",
    "{n} termijnen vragen aandacht": "{n} targets need attention",
    "{summary} ({cases} zaken). Openen toont de zaken die dreigen te laat te zijn.":
        "{summary} ({cases} cases). Open shows the cases at risk of being late.",
    "Mogelijk incident: {n} melders": "Possible incident: {n} reporters",
    "Meerdere melders schrijven over hetzelfde. Openen toont de voorgestelde incidenten.":
        "Several people are writing about the same thing. Open shows the proposed incidents.",
    "De laatste melding: termijnen die bijna op zijn of verlopen, of een mogelijk incident.":
        "The latest notification: targets nearly reached or missed, or a possible incident.",
    "Openen": "Open",
    "Melding openen": "Open notification",
    "Open de zaak of de lijst waar de melding over gaat.": "Open the case or the list the notification is about.",
    "Melding sluiten": "Close notification",
    "Verberg deze melding.": "Hide this notification.",
    # Crisis mode
    "Crisismodus": "Crisis mode",
    "\u26a0 Crisismodus: {name}": "\u26a0 Crisis mode: {name}",
    "Crisismodus openen (Ctrl+Shift+M)": "Open crisis mode (Ctrl+Shift+M)",
    "Crisismodus staat aan: {name}. De termijnen van het crisisonderwerp lopen dag en nacht; "
    "F9 zet het tussenbericht in een antwoord, Ctrl+Shift+M opent de crisismodus.":
        "Crisis mode is on: {name}. Targets for the crisis topic run day and night; "
        "F9 puts the holding statement in a reply, Ctrl+Shift+M opens crisis mode.",
    "Zet de crisismodus aan of uit. Tijdens een crisis lopen de termijnen voor het crisisonderwerp dag en nacht, "
    "en staat het vastgezette tussenbericht onder F9 in het antwoord.":
        "Switch crisis mode on or off. During a crisis, targets for the crisis topic run day and night, "
        "and F9 puts the pinned holding statement in the reply.",
    "Alleen een teamleider of beheerder zet de crisismodus aan of uit. U ziet hier wat aan staat.":
        "Only a supervisor or an administrator switches crisis mode on or off. Here you see what is on.",
    "Nu aan": "On now",
    "Crises die aan staan": "Crises that are on",
    "Per crisis: de naam, het onderwerp (labels en kanalen) en sinds wanneer.":
        "Per crisis: the name, the topic (tags and channels) and since when.",
    "Vastgezet tussenbericht": "Pinned holding statement",
    "Het tussenbericht van de gekozen crisis, zoals F9 het in een antwoord zet.":
        "The holding statement of the chosen crisis, as F9 puts it in a reply.",
    "Crisismodus uitzetten": "Switch crisis mode off",
    "Zet de gekozen crisis uit; de termijnen volgen vanaf nu weer hun eigen kalender.":
        "Switch the chosen crisis off; from now on targets follow their own calendar again.",
    "Crisismodus aanzetten": "Switch crisis mode on",
    "Bijvoorbeeld: Storm 14 november": "For example: Storm 14 November",
    "Naam van de crisis": "Name of the crisis",
    "Een korte naam; die staat in de statusbalk zolang de crisis aan staat.":
        "A short name; it shows in the status bar while the crisis is on.",
    "storm, wateroverlast": "storm, flooding",
    "Labels van het crisisonderwerp": "Tags of the crisis topic",
    "Labels gescheiden door komma's; zaken met een van deze labels horen bij de crisis.":
        "Tags separated by commas; cases with one of these tags belong to the crisis.",
    "&Labels": "&Tags",
    "Kanalen van het crisisonderwerp": "Channels of the crisis topic",
    "Vink kanalen aan waarvan alle zaken bij de crisis horen. Spatie vinkt aan of uit.":
        "Tick the channels all of whose cases belong to the crisis. Space ticks or unticks.",
    "&Kanalen": "&Channels",
    "Het vastgezette tussenbericht, bijvoorbeeld: We weten van de storing en werken eraan.":
        "The pinned holding statement, for example: We know about the outage and are working on it.",
    "De tekst die F9 in een antwoord zet zolang de crisis aan staat.": "The text F9 puts in a reply while the crisis is on.",
    "&Tussenbericht": "&Holding statement",
    "Zet de crisis aan; de termijnen van de zaken die erbij horen lopen vanaf nu dag en nacht.":
        "Switch the crisis on; from now on the targets of its cases run day and night.",
    "Sluit dit venster.": "Close this window.",
    "De crisismodus staat uit.": "Crisis mode is off.",
    "Geef de crisis een naam.": "Give the crisis a name.",
    "Noem het onderwerp van de crisis: minstens één label of kanaal.": "Name the crisis topic: at least one tag or channel.",
    "{name} \u2014 {topic} (sinds {when})": "{name} \u2014 {topic} (since {when})",
    "labels: {tags}": "tags: {tags}",
    "kanalen: {channels}": "channels: {channels}",
    "De crisismodus staat aan: {name}. {n} zaken herberekend.": "Crisis mode is on: {name}. {n} cases recomputed.",
    "De crisismodus is uit: {name}.": "Crisis mode is off: {name}.",
}
