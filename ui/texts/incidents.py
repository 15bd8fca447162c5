"""Dutch texts of the incident actions' reasons (newsroom/actions/incidents.py)."""
from __future__ import annotations

from ui.i18n import N_

TEMPLATES = {
    "Incident proposals must be lists of message numbers.": N_("Incidentvoorstellen zijn lijsten van berichtnummers."),
    "Say who you are to decide on an incident (--as USER).": N_(
        "Zeg wie u bent om over een incident te beslissen (--as GEBRUIKER)."
    ),
    "{actor} ({role}) may not decide on incidents; operators, supervisors and admins may.": N_(
        "{actor} ({role}) mag niet over incidenten beslissen; operators, supervisors en beheerders wel."
    ),
    "An incident number must be a whole number, not {value!r}.": N_("Een incidentnummer is een geheel getal, niet {value!r}."),
    "There is no incident {id}.": N_("Er is geen incident {id}."),
    "Incident {id} was already accepted.": N_("Incident {id} is al geaccepteerd."),
    "Incident {id} was already declined.": N_("Incident {id} is al afgewezen."),
    "Incident {id} was accepted; it can no longer be declined.": N_(
        "Incident {id} is geaccepteerd; het kan niet meer worden afgewezen."
    ),
    "Case {case_id} is already in incident {id}.": N_("Zaak {case_id} hoort al bij incident {id}."),
    "Case {case_id} is not in incident {id}.": N_("Zaak {case_id} hoort niet bij incident {id}."),
    "Incident {id} was declined; accept it before answering its reporters.": N_(
        "Incident {id} is afgewezen; accepteer het voordat u de melders antwoordt."
    ),
    "Incident {id} is only proposed; accept it before answering its reporters.": N_(
        "Incident {id} is pas voorgesteld; accepteer het voordat u de melders antwoordt."
    ),
    "This answer is too long for {platform}: it has {length} characters and {platform} takes at most {limit}; "
    "{count} reporters wrote there.": N_(
        "Dit antwoord is te lang voor {platform}: het heeft {length} tekens en {platform} neemt er hoogstens {limit}; "
        "{count} melders schreven daar."
    ),
    "This answer is too long for Bluesky: it has {length} characters (graphemes) and Bluesky takes at most {limit}; "
    "{count} reporters wrote there.": N_(
        "Dit antwoord is te lang voor Bluesky: het heeft {length} tekens (grafemen) en Bluesky neemt er hoogstens {limit}; "
        "{count} melders schreven daar."
    ),
    "An incident is proposed, accepted or declined, not {value!r}.": N_(
        "Een incident is voorgesteld, geaccepteerd of afgewezen, niet {value!r}."
    ),
    "Give a limit of 1 or more, not {value!r}.": N_("Geef een limiet van 1 of meer, niet {value!r}."),
}

# The desktop shows a core reason in English by translating its Dutch text back to the core's own wording.
ENGLISH = {dutch: english for english, dutch in TEMPLATES.items()}
