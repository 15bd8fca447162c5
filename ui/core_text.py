"""The core's reasons in the desktop's language.

The core refuses an action with an English template and its parameters
(`ActionError.template`, `.params`). Here each template has its Dutch
source string; `tr` gives it back in English when the desktop speaks
English, so core reasons follow the same translation file as the rest.
"""
from __future__ import annotations

from newsroom.actions import ActionError
from ui.i18n import N_, tr

CORE_TEMPLATES = {
    "A case cannot be merged into itself.": N_("Een zaak kan niet met zichzelf worden samengevoegd."),
    "A case cannot become new again; use open.": N_("Een zaak kan niet weer nieuw worden; kies open."),
    "A department agent needs a department (--department).": N_("Een afdelingsmedewerker hoort bij een afdeling (--department)."),
    "A department needs a name of 1 to 100 characters.": N_("Een afdeling heeft een naam van 1 tot 100 tekens nodig."),
    "A note can be at most {limit} characters.": N_("Een notitie kan hoogstens {limit} tekens lang zijn."),
    "A note needs some text.": N_("Een notitie heeft tekst nodig."),
    "A reply can be at most {limit} characters.": N_("Een antwoord kan hoogstens {limit} tekens lang zijn."),
    "A reply needs some text.": N_("Een antwoord heeft tekst nodig."),
    "A tag must be text.": N_("Een label moet tekst zijn."),
    "Case number must be a whole number, not {value!r}.": N_("Een zaaknummer is een geheel getal, niet {value!r}."),
    "Case {case_id} has no tag {tag!r}.": N_("Zaak {case_id} heeft geen label {tag!r}."),
    "Case {case_id} is already claimed by {holder} (since {since:%Y-%m-%d %H:%M} UTC).": N_(
        "Zaak {case_id} is al geclaimd door {holder} (sinds {since:%Y-%m-%d %H:%M} UTC)."
    ),
    "Case {case_id} is not claimed by anyone.": N_("Zaak {case_id} is door niemand geclaimd."),
    "Case {case_id} was merged into case {target}; work on that case.": N_(
        "Zaak {case_id} is samengevoegd met zaak {target}; werk verder in die zaak."
    ),
    "Message number must be a whole number, not {value!r}.": N_("Een berichtnummer is een geheel getal, niet {value!r}."),
    "Message {message_id} is the only message of case {case_id}; there is nothing to split off.": N_(
        "Bericht {message_id} is het enige bericht van zaak {case_id}; er valt niets af te splitsen."
    ),
    "Name the department (see 'newsroom department list').": N_("Noem de afdeling (zie 'newsroom department list')."),
    "Name the user (see 'newsroom user list').": N_("Noem de gebruiker (zie 'newsroom user list')."),
    "Only an admin may add departments and people; say who you are with --as.": N_(
        "Alleen een beheerder mag afdelingen en mensen toevoegen; zeg wie u bent met --as."
    ),
    "Say who you are to claim a case (--as USER).": N_("Zeg wie u bent om een zaak te claimen (--as GEBRUIKER)."),
    "Say who you are to draft a reply (--as USER).": N_("Zeg wie u bent om een antwoord op te stellen (--as GEBRUIKER)."),
    "Say who you are to write a note (--as USER).": N_("Zeg wie u bent om een notitie te schrijven (--as GEBRUIKER)."),
    "The user {name!r} is no longer active.": N_("De gebruiker {name!r} is niet meer actief."),
    "There is already a department {name!r}.": N_("Er is al een afdeling {name!r}."),
    "There is already a user {name!r}.": N_("Er is al een gebruiker {name!r}."),
    "There is no case {case_id}.": N_("Er is geen zaak {case_id}."),
    "There is no department {name!r}. See 'newsroom department list'.": N_(
        "Er is geen afdeling {name!r}. Zie 'newsroom department list'."
    ),
    "There is no message {message_id}.": N_("Er is geen bericht {message_id}."),
    "There is no user {name!r}. See 'newsroom user list'.": N_("Er is geen gebruiker {name!r}. Zie 'newsroom user list'."),
    "Unknown action {name!r}.": N_("Onbekende handeling {name!r}."),
    "{actor} ({role}) may not add departments and people.": N_("{actor} ({role}) mag geen afdelingen en mensen toevoegen."),
    "{actor} ({role}) may not release case {case_id}, which {holder} holds.": N_(
        "{actor} ({role}) mag zaak {case_id} niet vrijgeven; {holder} heeft die."
    ),
    "{actor} may only assign within their own department.": N_("{actor} mag alleen binnen de eigen afdeling toewijzen."),
    "{actor} works in another department and cannot change case {case_id}.": N_(
        "{actor} werkt bij een andere afdeling en kan zaak {case_id} niet wijzigen."
    ),
    "{name!r} is not a usable tag: use letters, digits and - / . + # & (at most 64 characters).": N_(
        "{name!r} is geen bruikbaar label: gebruik letters, cijfers en - / . + # & (hoogstens 64 tekens)."
    ),
    "{name!r} is not a usable user name: lower-case letters, digits, '.', '_' or '-', at most 100.": N_(
        "{name!r} is geen bruikbare gebruikersnaam: kleine letters, cijfers, '.', '_' of '-', hoogstens 100."
    ),
    "{priority!r} is not a priority; use one of {choices}.": N_("{priority!r} is geen prioriteit; kies uit {choices}."),
    "{role!r} is not a role; use one of {choices}.": N_("{role!r} is geen rol; kies uit {choices}."),
    "{status!r} is not a status; use one of {choices}.": N_("{status!r} is geen status; kies uit {choices}."),
    "{user} is no longer active.": N_("{user} is niet meer actief."),
    "{user} works in another department; route case {case_id} there first.": N_(
        "{user} werkt bij een andere afdeling; stuur zaak {case_id} eerst daarheen."
    ),
}


def explain(error: ActionError) -> str:
    """The reason of a refused action in the desktop's language."""
    dutch = CORE_TEMPLATES.get(error.template)
    if dutch is None:
        return error.message
    try:
        return tr(dutch).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return error.message
