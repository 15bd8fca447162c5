"""The case pane's texts: the core's reasons about hand-off and send-back in Dutch, and English for the pane's own strings."""
from __future__ import annotations

from ui.i18n import N_

TEMPLATES = {
    # newsroom/actions/targets.py: hand-off and send-back
    # {what} is the core's English word (hand-off, send-back); the Dutch sentence names it in brackets.
    "A {what} needs a note that says why.": N_("Schrijf een notitie die zegt waarom ({what}); zonder kan het niet."),
    "Say who you are to hand a case off (--as USER).": N_("Zeg wie u bent om een zaak over te dragen (--as GEBRUIKER)."),
    "{actor} ({role}) may not hand cases off; the contact centre does.": N_(
        "{actor} ({role}) mag geen zaken overdragen; dat doet het klantcontactcentrum."
    ),
    "Case {case_id} is {status}; reopen it before handing it off.": N_(
        "Zaak {case_id} is {status}; open haar weer voordat u haar overdraagt."
    ),
    "Case {case_id} is already with {department}.": N_("Zaak {case_id} is al bij {department}."),
    "Say who you are to send a case back (--as USER).": N_("Zeg wie u bent om een zaak terug te sturen (--as GEBRUIKER)."),
    "Case {case_id} was not handed off, so it cannot be sent back.": N_(
        "Zaak {case_id} is niet overgedragen, dus terugsturen kan niet."
    ),
    "{actor} ({role}) may not send cases back; the department does.": N_(
        "{actor} ({role}) mag geen zaken terugsturen; dat doet de afdeling."
    ),
    # newsroom/actions/targets.py: crisis mode and importing targets (no other desk file names them yet)
    "A crisis needs a name of 1 to 200 characters.": N_("Een crisis heeft een naam van 1 tot 200 tekens nodig."),
    "Crisis mode is not on.": N_("De crisismodus staat niet aan."),
    "Name the crisis topic: at least one tag or channel.": N_("Noem het onderwerp van de crisis: minstens één label of kanaal."),
    "The holding statement must be text.": N_("Het vastgezette bericht moet tekst zijn."),
    "The targets file is not usable: {reason}": N_("Het bestand met termijnen is niet bruikbaar: {reason}"),
    "{actor} ({role}) may not change response targets; an admin does.": N_(
        "{actor} ({role}) mag de termijnen niet wijzigen; dat doet een beheerder."
    ),
    "{actor} ({role}) may not switch crisis mode; a supervisor does.": N_(
        "{actor} ({role}) mag de crisismodus niet aan- of uitzetten; dat doet een teamleider."
    ),
}

ENGLISH: dict[str, str] = {}  # filled below, by the file the strings come from

ENGLISH.update({
    # the core's reasons above
    "Schrijf een notitie die zegt waarom ({what}); zonder kan het niet.": "Write a note that says why ({what}); it cannot be done without one.",
    "Zeg wie u bent om een zaak over te dragen (--as GEBRUIKER).": "Say who you are to hand a case off (--as USER).",
    "{actor} ({role}) mag geen zaken overdragen; dat doet het klantcontactcentrum.":
        "{actor} ({role}) may not hand cases off; the contact centre does.",
    "Zaak {case_id} is {status}; open haar weer voordat u haar overdraagt.": "Case {case_id} is {status}; reopen it before handing it off.",
    "Zaak {case_id} is al bij {department}.": "Case {case_id} is already with {department}.",
    "Zeg wie u bent om een zaak terug te sturen (--as GEBRUIKER).": "Say who you are to send a case back (--as USER).",
    "Zaak {case_id} is niet overgedragen, dus terugsturen kan niet.": "Case {case_id} was not handed off, so it cannot be sent back.",
    "{actor} ({role}) mag geen zaken terugsturen; dat doet de afdeling.": "{actor} ({role}) may not send cases back; the department does.",
    "Een crisis heeft een naam van 1 tot 200 tekens nodig.": "A crisis needs a name of 1 to 200 characters.",
    "De crisismodus staat niet aan.": "Crisis mode is not on.",
    "Noem het onderwerp van de crisis: minstens één label of kanaal.": "Name the crisis topic: at least one tag or channel.",
    "Het vastgezette bericht moet tekst zijn.": "The holding statement must be text.",
    "Het bestand met termijnen is niet bruikbaar: {reason}": "The targets file is not usable: {reason}",
    "{actor} ({role}) mag de termijnen niet wijzigen; dat doet een beheerder.":
        "{actor} ({role}) may not change response targets; an admin does.",
    "{actor} ({role}) mag de crisismodus niet aan- of uitzetten; dat doet een teamleider.":
        "{actor} ({role}) may not switch crisis mode; a supervisor does.",
    # ui/case_pane.py
    "ontvangstbevestiging": "acknowledgement",
    "tussenbericht": "holding answer",
    "incidentantwoord": "incident answer",
    "overgedragen aan afdeling": "handed off to a department",
    "teruggestuurd": "sent back",
    "antwoord in de wachtrij gezet": "answer queued",
    "antwoord opnieuw verstuurd": "answer retried",
    "minder dan 1 min": "less than 1 min",
    "Eerste reactie": "First response",
    "Afhandeling": "Resolution",
    "{h} u {m} min": "{h} h {m} min",
    "{m} min": "{m} min",
    "{h} u": "{h} h",
    "Termijnen": "Response targets",
    "Routering": "Routing",
    "Incident": "Incident",
    "Tips voor eenvoudige taal": "Plain language tips",
    "Tips voor duidelijke taal (B1) bij wat u typt; alleen advies, versturen kan altijd.":
        "Tips for plain language (B1) on what you type; advice only, you can always send.",
    "Volgende reactie #{n}": "Next response #{n}",
    "Afdeling #{n}": "Department #{n}",
    "gepauzeerd: wacht op burger": "paused: waiting on the citizen",
    "Waarschuwing: 75% van de termijn is op.": "Warning: 75% of the target time is used.",
    "Dringend: 90% van de termijn is op.": "Urgent: 90% of the target time is used.",
    "De termijn is verstreken: te laat.": "The target has passed: late.",
    "Dit kan hier niet: het venster gaf de zaak geen verbinding met de database.":
        "This cannot be done here: the window gave the case no connection to the database.",
    "Zaak {id} is overgedragen aan {department}.": "Case {id} was handed off to {department}.",
    "De burger krijgt een tussenbericht.": "The citizen gets a holding answer.",
    "De crisismodus staat uit: er is geen vastgezet crisisbericht.": "Crisis mode is off: there is no pinned crisis statement.",
    "te laat": "late",
    "gestopt": "stopped",
    "Er kon geen tussenbericht uit (het kanaal is niet verbonden of er past geen tekst).":
        "No holding answer could go out (the channel is not connected or no text fits).",
    "Het crisisbericht van \u201c{name}\u201d staat in het antwoord.": "The crisis statement of \u201c{name}\u201d is in the reply.",
    "was uiterlijk {time}": "was due {time}",
    "uiterlijk {time}": "due {time}",
    "Gerouteerd door regel \u201c{name}\u201d": "Routed by rule \u201c{name}\u201d",
    "Hoort bij incident {ids}": "Part of incident {ids}",
    "Antwoord {id} ({kind}): {state}": "Answer {id} ({kind}): {state}",
    "Verwacht antwoord: {time}.": "Expected answer: {time}.",
    "Zaak {id} is niet overgedragen, dus terugsturen kan niet.": "Case {id} was not handed off, so it cannot be sent back.",
    "De crisis \u201c{name}\u201d heeft geen vastgezet bericht.": "The crisis \u201c{name}\u201d has no pinned statement.",
    "nog {span} over": "{span} left",
    "gehaald": "met",
    "Zaak {id} is teruggestuurd naar {department}.": "Case {id} was sent back to {department}.",
    "Tip: {hint}": "Tip: {hint}",
    "te laat gehaald om {time}": "met late at {time}",
    "de afdeling die haar overdroeg": "the department that handed it off",
    "gehaald om {time}": "met at {time}",
    "om {time}": "at {time}",
    # ui/handoff.py
    "Kies de afdeling die de zaak overneemt en schrijf erbij wat zij moeten weten. De afdeling krijgt een eigen termijn.":
        "Choose the department that takes the case over and write what they need to know. The department gets its own target.",
    "De zaak gaat terug naar wie haar overdroeg. Schrijf waarom; dat komt bij de notities.":
        "The case goes back to whoever handed it off. Write why; it goes into the notes.",
    "Wat er mis is": "What is wrong",
    "Overdragen": "Hand off",
    "&Afdeling": "&Department",
    "Afdeling zoeken": "Find a department",
    "Typ een deel van de naam; pijltjes omhoog en omlaag kiezen in de lijst. Tab gaat naar de notitie.":
        "Type part of the name; the up and down arrows choose in the list. Tab goes to the note.",
    "Typ om te zoeken\u2026": "Type to search\u2026",
    "Afdelingen": "Departments",
    "De afdelingen die bij de zoektekst passen; de gekozen afdeling krijgt de zaak.":
        "The departments that match the search; the chosen department gets the case.",
    "Gekozen afdeling": "Chosen department",
    "&Notitie voor de afdeling (verplicht)": "&Note for the department (required)",
    "Notitie voor de afdeling": "Note for the department",
    "Verplicht: wat de afdeling moet weten. Enter draagt over, Shift+Enter begint een nieuwe regel.":
        "Required: what the department needs to know. Enter hands off, Shift+Enter starts a new line.",
    "&Tussenbericht aan de burger sturen": "Send the citizen a &holding answer",
    "Tussenbericht aan de burger sturen": "Send the citizen a holding answer",
    "De burger krijgt een bericht dat de afdeling het overneemt, met de datum waarop hij antwoord kan verwachten.":
        "The citizen hears that the department takes it over, with the date an answer can be expected.",
    "Kies een afdeling uit de lijst.": "Choose a department from the list.",
    "Schrijf een notitie voor de afdeling: wat moeten zij weten?": "Write a note for the department: what do they need to know?",
    "Terugsturen": "Send back",
    "&Reden (verplicht)": "&Reason (required)",
    "Reden van terugsturen": "Reason for sending back",
    "Verplicht. Enter stuurt terug, Shift+Enter begint een nieuwe regel.": "Required. Enter sends back, Shift+Enter starts a new line.",
    "Schrijf de reden: waarom gaat de zaak terug?": "Write the reason: why does the case go back?",
    "Zaak {id} overdragen": "Hand off case {id}",
    "Geen afdeling past bij deze zoektekst.": "No department matches this search.",
    "Zaak {id} terugsturen": "Send case {id} back",
    "Gaat naar: {department}": "Goes to: {department}",
    # ui/template_picker.py
    "Antwoord": "Answer",
    "Ontvangstbevestiging": "Acknowledgement",
    "Tussenbericht": "Holding answer",
    "Crisisbericht": "Crisis statement",
    "Nederlands": "Dutch",
    "Engels": "English",
    "alle platforms": "all platforms",
    "tekens zoals Bluesky telt": "characters as Bluesky counts them",
    "tekens": "characters",
    "Typ om te zoeken; pijltjes kiezen; Enter zet de tekst in het antwoord. Escape annuleert.":
        "Type to search; arrows choose; Enter puts the text into the reply. Escape cancels.",
    "Sjabloon zoeken": "Find a template",
    "Zoekt in de naam en de tekst van de sjablonen.": "Searches the names and texts of the templates.",
    "Sjablonen": "Templates",
    "De sjablonen die bij de zoektekst passen: naam, soort, platform en taal.":
        "The templates that match the search: name, kind, platform and language.",
    "Voorbeeld voor deze zaak": "Preview for this case",
    "De tekst van het gekozen sjabloon, ingevuld voor deze zaak. Alleen lezen.":
        "The chosen template's text, filled in for this case. Read only.",
    "Lengte": "Length",
    "Invoegen": "Insert",
    "Zet de ingevulde tekst in het antwoord (Enter).": "Puts the filled-in text into the reply (Enter).",
    "Sluit zonder iets in te voegen (Escape).": "Closes without inserting anything (Escape).",
    "Sjablonen worden gelezen\u2026": "Reading the templates\u2026",
    "Sjabloon invoegen in zaak {id}": "Insert a template into case {id}",
    "Geen tips: de tekst leest makkelijk.": "No tips: the text reads easily.",
    "{n} tekens (geen limiet op dit kanaal)": "{n} characters (no limit on this channel)",
    "{n} te veel: inkorten voor dit kanaal": "{n} too many: shorten it for this channel",
    "Geen sjabloon past bij deze zoektekst.": "No template matches this search.",
    "Er zijn nog geen sjablonen. Teamleiders maken ze via Sjablonen\u2026 (Ctrl+Shift+L).":
        "There are no templates yet. Supervisors make them in Templates\u2026 (Ctrl+Shift+L).",
    "Dit sjabloon past hier niet: {reason}": "This template does not fit here: {reason}",
    # ui/templates_dialog.py
    "standaard": "default",
    "aan": "on",
    "uit": "off",
    "standaard ({state})": "default ({state})",
    "Standaardantwoorden met variabelen, en per kanaal de automatische ontvangstbevestiging.":
        "Canned answers with variables, and each channel's automatic acknowledgement.",
    "Zoekt in de naam en de tekst; pijltjes kiezen in de lijst.": "Searches names and texts; arrows choose in the list.",
    "Naam, soort, platform en taal van elk sjabloon; kies er een om het te wijzigen.":
        "Name, kind, platform and language of each template; choose one to change it.",
    "&Nieuw sjabloon": "&New template",
    "Nieuw sjabloon": "New template",
    "Maakt het formulier leeg voor een nieuw sjabloon.": "Empties the form for a new template.",
    "Naam": "Name",
    "Een unieke naam, waarmee u het sjabloon terugvindt.": "A unique name to find the template by.",
    "N&aam": "N&ame",
    "Soort": "Kind",
    "Antwoord: kiest u bij een zaak. Ontvangstbevestiging en tussenbericht gaan automatisch uit. Crisisbericht: voor de crisismodus.":
        "Answer: chosen in a case. Acknowledgement and holding answer go out automatically. Crisis statement: for crisis mode.",
    "&Soort": "&Kind",
    "Alle platforms": "All platforms",
    "Voor welk platform dit sjabloon is; een sjabloon voor één platform gaat voor.":
        "Which platform this template is for; a template for one platform comes first.",
    "De taal van de tekst; datums worden in die taal geschreven.": "The language of the text; dates are written in it.",
    "&Taal": "&Language",
    "Te&kst (variabelen: {naam}, {zaaknummer}, {verwachte_datum}, {afdeling})":
        "Te&xt (variables: {naam}, {zaaknummer}, {verwachte_datum}, {afdeling})",
    "Tekst van het sjabloon": "Template text",
    "Gewone tekst met variabelen tussen accolades; twee accolades voor een accolade in de tekst.":
        "Plain text with variables in braces; two braces for a brace in the text.",
    "Controle van de tekst": "Check of the text",
    "Voorbeeld met voorbeeldwaarden": "Preview with example values",
    "Voorbeeld": "Preview",
    "De tekst ingevuld met voorbeeldwaarden (Bea Burger, zaak 123456). Alleen lezen.":
        "The text filled in with example values (Bea Burger, case 123456). Read only.",
    "Verwijdert het gekozen sjabloon (vraagt eerst). Verstuurde antwoorden blijven zoals ze zijn.":
        "Removes the chosen template (asks first). Answers already sent stay as they are.",
    "&Bewaren": "&Save",
    "Bewaart het sjabloon (Ctrl+Enter in de tekst).": "Saves the template (Ctrl+Enter in the text).",
    "Automatische ontvangstbevestiging per kanaal": "Automatic acknowledgement per channel",
    "Aan: elke nieuwe zaak krijgt een bevestiging met het zaaknummer. Standaard: aan voor e-mail, uit voor de rest.":
        "On: every new case gets an acknowledgement with its case number. Default: on for e-mail, off for the rest.",
    "Resultaat": "Result",
    "Sluit dit venster (Escape).": "Closes this window (Escape).",
    "Sjabloon verwijderen": "Remove template",
    "Niet verwijderen": "Do not remove",
    "U kunt de sjablonen bekijken; teamleiders en beheerders kunnen ze wijzigen.":
        "You can look at the templates; supervisors and admins can change them.",
    "Alleen bekijken": "View only",
    "Schrijf de tekst van het sjabloon.": "Write the template's text.",
    "In orde. Geen variabelen.": "Fine. No variables.",
    "Geef het sjabloon een naam.": "Give the template a name.",
    "Aan, uit, of standaard: aan voor e-mail, uit voor de andere platforms.":
        "On, off, or default: on for e-mail, off for the other platforms.",
    "Sjabloon \u201c{name}\u201d verwijderen? Verstuurde antwoorden blijven zoals ze zijn.":
        "Remove template \u201c{name}\u201d? Answers already sent stay as they are.",
    "Sjabloon \u201c{name}\u201d verwijderd.": "Template \u201c{name}\u201d removed.",
    "Er zijn nog geen verbonden kanalen.": "There are no connected channels yet.",
    "In orde. Variabelen: {names}.": "Fine. Variables: {names}.",
    "De tekst is nog niet in orde: {problem}": "The text is not right yet: {problem}",
    "Sjabloon \u201c{name}\u201d bewaard.": "Template \u201c{name}\u201d saved.",
    "Ontvangstbevestiging voor {channel}": "Acknowledgement for {channel}",
    "Ontvangstbevestiging voor {channel}: {state}.": "Acknowledgement for {channel}: {state}.",
    "Niet goed: {problem}": "Not right: {problem}",
    "&Verwijderen\u2026": "&Remove\u2026",
    "Verwijderen": "Remove",
    "Bewaren": "Save",
})
