"""The core's reasons in the desktop's language.

The core refuses an action with an English template and its parameters
(`ActionError.template`, `.params`). Here each template has its Dutch
source string; `tr` gives it back in English when the desktop speaks
English, so core reasons follow the same translation file as the rest.
"""
from __future__ import annotations

from newsroom.actions import ActionError
from ui import texts
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
    '--{flag} must be a whole number.': N_('--{flag} moet een geheel getal zijn.'),
    'A channel needs a name of 1 to 200 characters.': N_('Een kanaal heeft een naam van 1 tot 200 tekens nodig.'),
    'A channel needs an account of 1 to 320 characters.': N_('Een kanaal heeft een account van 1 tot 320 tekens nodig.'),
    "A sent reply needs the platform's id for it.": N_('Een verstuurd antwoord heeft het nummer nodig dat het platform eraan gaf.'),
    'A {platform} channel has no option {names}.': N_('Een {platform}-kanaal heeft geen instelling {names}.'),
    'A {platform} channel needs --{flag} ({label}).': N_('Een {platform}-kanaal heeft --{flag} nodig ({label}).'),
    'A {platform} channel needs its secret (token or password).': N_('Een {platform}-kanaal heeft een geheim nodig (token of wachtwoord).'),
    'An item for {platform}/{account} arrived on channel {id}.': N_('Een bericht voor {platform}/{account} kwam binnen op kanaal {id}.'),
    'Case {id} has no message from a citizen to answer.': N_('Zaak {id} heeft geen bericht van een burger om op te antwoorden.'),
    'Channel options must be a mapping of names to values.': N_('De instellingen van een kanaal zijn namen met waarden.'),
    'Could not tell which account this channel is; check its options.': N_('Niet duidelijk welk account dit kanaal is; controleer de instellingen.'),
    'Newsroom has no connector for {platform!r}; choose one of {choices}.': N_('Newsroom heeft geen koppeling voor {platform!r}; kies uit {choices}.'),
    'Only the collector stores what a channel delivered.': N_('Alleen de ophaaldienst bewaart wat een kanaal aanleverde.'),
    'Only the sender moves a reply through sending.': N_('Alleen de verzender zet een antwoord op verzenden.'),
    'Reply {id} has not failed (it is {state}).': N_('Antwoord {id} is niet mislukt (het is {state}).'),
    'Reply {id} is {state}, not on its way.': N_('Antwoord {id} is {state}, niet onderweg.'),
    'Reply {id} is {state}, not queued.': N_('Antwoord {id} is {state}, niet in de wachtrij.'),
    'Reply {id} was already sent.': N_('Antwoord {id} is al verstuurd.'),
    'Say who you are to answer a citizen (--as USER).': N_('Zeg wie u bent om een burger te antwoorden (--as GEBRUIKER).'),
    'Say who you are to retry a reply (--as USER).': N_('Zeg wie u bent om een antwoord opnieuw te versturen (--as GEBRUIKER).'),
    "Secrets go in the keyring, not in the channel's options ({key!r}).": N_('Geheimen horen in de sleutelbos, niet in de instellingen van het kanaal ({key!r}).'),
    'The channel option {key!r} has a value that cannot be stored.': N_('De kanaalinstelling {key!r} heeft een waarde die niet kan worden bewaard.'),
    'The channel {name!r} is not connected.': N_('Het kanaal {name!r} is niet verbonden.'),
    'The citizen wrote on {platform} account {account!r}, which is not connected; add the channel before answering here.': N_('De burger schreef via {platform}-account {account!r}, dat niet verbonden is; voeg dat kanaal eerst toe om hier te antwoorden.'),
    'The {platform} account {account!r} is already connected.': N_('Het {platform}-account {account!r} is al verbonden.'),
    'There is already a channel called {name!r}.': N_('Er is al een kanaal met de naam {name!r}.'),
    'There is no channel {id}.': N_('Er is geen kanaal {id}.'),
    "There is no connected channel {name!r}. See 'newsroom channel list'.": N_("Er is geen verbonden kanaal {name!r}. Zie 'newsroom channel list'."),
    'There is no reply {id}.': N_('Er is geen antwoord {id}.'),
    'There is no set-aside item {id}.': N_('Er is geen apart gezet bericht {id}.'),
    'This answer was already sent or is on its way (reply {reply}).': N_('Dit antwoord is al verstuurd of onderweg (antwoord {reply}).'),
    '{actor} ({role}) may not change channels; ask an admin.': N_('{actor} ({role}) mag geen kanalen wijzigen; vraag het een beheerder.'),
    '{platform!r} is not a platform Newsroom knows.': N_('{platform!r} is geen platform dat Newsroom kent.'),
}
CORE_TEMPLATES.update(texts.templates())


def explain(error: ActionError) -> str:
    """The reason of a refused action in the desktop's language."""
    dutch = CORE_TEMPLATES.get(error.template)
    if dutch is None:
        return error.message
    try:
        return tr(dutch).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return error.message
