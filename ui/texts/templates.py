"""Dutch texts of the core's reasons about templates and automatic answers, and of the readability hints."""
from __future__ import annotations

from ui.i18n import N_

TEMPLATES = {
    # newsroom/templates.py (TemplateError, shown through the template actions)
    "A template needs some text.": N_("Een sjabloon heeft tekst nodig."),
    "A template can be at most {limit} characters.": N_("Een sjabloon kan hoogstens {limit} tekens lang zijn."),
    "Templates are written in nl or en, not {language!r}.": N_("Sjablonen zijn in het nl of en geschreven, niet in {language!r}."),
    "The closing brace at character {position} closes nothing; write two braces for a brace in the text.": N_(
        "De sluitaccolade bij teken {position} sluit niets af; schrijf twee accolades voor een accolade in de tekst."
    ),
    "The brace at character {position} does not enclose a variable name; write two braces for a brace in the text.": N_(
        "De accolade bij teken {position} omsluit geen naam van een variabele; schrijf twee accolades voor een accolade in de tekst."
    ),
    "Unknown variable {name!r} at character {position}; the variables are {known}.": N_(
        "Onbekende variabele {name!r} bij teken {position}; de variabelen zijn {known}."
    ),
    "The template uses the variable {name!r}, but there is no value for it here.": N_(
        "Het sjabloon gebruikt de variabele {name!r}, maar daar is hier geen waarde voor."
    ),
    # newsroom/actions/templates.py
    "{actor} ({role}) may not manage templates and automatic answers.": N_(
        "{actor} ({role}) mag sjablonen en automatische antwoorden niet beheren."
    ),
    "Say who you are to manage templates and automatic answers (--as USER).": N_(
        "Zeg wie u bent om sjablonen en automatische antwoorden te beheren (--as GEBRUIKER)."
    ),
    "A template needs a name of 1 to {limit} characters.": N_("Een sjabloon heeft een naam van 1 tot {limit} tekens nodig."),
    "A template's kind is one of {kinds}, not {given!r}.": N_("De soort van een sjabloon is een van {kinds}, niet {given!r}."),
    "There is no platform {platform!r}; use one of {platforms}, or none for every platform.": N_(
        "Er is geen platform {platform!r}; kies uit {platforms}, of geen voor alle platforms."
    ),
    "There is no template {name!r}. See 'newsroom template list'.": N_(
        "Er is geen sjabloon {name!r}. Zie 'newsroom template list'."
    ),
    "There is already a template {name!r}.": N_("Er is al een sjabloon {name!r}."),
    "Automatic acknowledgement is on, off or default, not {value!r}.": N_(
        "Automatische ontvangstbevestiging staat aan, uit of op standaard, niet op {value!r}."
    ),
    "There is no channel {name!r}. See 'newsroom channel list'.": N_("Er is geen kanaal {name!r}. Zie 'newsroom channel list'."),
    "More than one channel is called {name!r}; name it by its number ({ids}).": N_(
        "Meer dan één kanaal heet {name!r}; noem het bij zijn nummer ({ids})."
    ),
    "An automatic answer is one of {kinds}, not {given!r}.": N_("Een automatisch antwoord is een van {kinds}, niet {given!r}."),
    # Readability hints (newsroom.templates.HINT_MESSAGES): guidance, shown beside the text.
    "Sentences are {average} words long on average; aim for at most {target}.": N_(
        "Zinnen zijn gemiddeld {average} woorden lang; houd ze op hoogstens {target}."
    ),
    "Sentence {number} has {words} words; split it up (at most {limit}).": N_(
        "Zin {number} heeft {words} woorden; maak er meer zinnen van (hoogstens {limit})."
    ),
    "Long words: {words}. Is there a shorter, more common word?": N_("Lange woorden: {words}. Is er een korter, gewoner woord?"),
    "Sentence {number} may be passive ({marker}); say who does what.": N_(
        "Zin {number} is misschien lijdend ({marker}); zeg wie wat doet."
    ),
}
