"""The case pane's texts: the core's reasons about hand-off and send-back in Dutch, and English for the pane's own strings."""
from __future__ import annotations

from ui.i18n import N_

TEMPLATES = {
    # newsroom/actions/targets.py: hand-off and send-back
    "A {what} needs a note that says why.": N_("Schrijf een notitie die zegt waarom; zonder kan het niet."),
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
}

ENGLISH: dict[str, str] = {}
