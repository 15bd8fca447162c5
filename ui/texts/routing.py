"""Dutch texts of the routing area's reasons (newsroom/routing, newsroom/actions/routing.py)."""
from __future__ import annotations

from ui.i18n import N_

TEMPLATES = {
    # Saving a rule: the definition.
    "A rule is an object with 'when' (conditions) and 'then' (actions).": N_(
        "Een regel is een object met 'when' (voorwaarden) en 'then' (acties)."
    ),
    "A rule needs at least one action under 'then' ({choices}).": N_(
        "Een regel heeft minstens één actie onder 'then' nodig ({choices})."
    ),
    "Unknown condition {name!r}; use one of {choices}.": N_("Onbekende voorwaarde {name!r}; kies uit {choices}."),
    "Unknown action {name!r}; use one of {choices}.": N_("Onbekende actie {name!r}; kies uit {choices}."),
    "The condition {name!r} needs a text or a list of 1 to {limit} texts.": N_(
        "De voorwaarde {name!r} heeft een tekst of een lijst van 1 tot {limit} teksten nodig."
    ),
    "{value!r} is not a platform; use one of {choices}.": N_("{value!r} is geen platform; kies uit {choices}."),
    "{value!r} has no letters or digits to match.": N_("{value!r} bevat geen letters of cijfers om op te zoeken."),
    "{value!r} is more than one word; put it under 'phrases'.": N_(
        "{value!r} is meer dan één woord; zet het onder 'phrases'."
    ),
    "A regular expression is a text of 1 to {limit} characters.": N_(
        "Een reguliere expressie is een tekst van 1 tot {limit} tekens."
    ),
    "The regular expression {pattern!r} is not valid: {reason}.": N_(
        "De reguliere expressie {pattern!r} is niet geldig: {reason}."
    ),
    "The regular expression {pattern!r} could take too long on some messages: use at most one unbounded "
    "repeat (* or +), bound the others (e.g. {{1,30}}), no back-references; or use words and phrases.": N_(
        "De reguliere expressie {pattern!r} kan bij sommige berichten te lang duren: gebruik hoogstens één "
        "onbegrensde herhaling (* of +), begrens de andere (bijv. {{1,30}}), geen terugverwijzingen; of gebruik "
        "woorden en zinsdelen."
    ),
    "The area needs lat, lon and radius_m (a circle, radius up to {limit} m) or 'polygon': "
    "a list of 3 to {points} [lat, lon] points.": N_(
        "Een gebied heeft lat, lon en radius_m nodig (een cirkel, straal tot {limit} m) of 'polygon': "
        "een lijst van 3 tot {points} punten [lat, lon]."
    ),
    "The time condition takes 'weekdays' (mon..sun) and/or 'from' and 'to' (HH:MM, Dutch time).": N_(
        "De tijdvoorwaarde kent 'weekdays' (mon..sun) en/of 'from' en 'to' (UU:MM, Nederlandse tijd)."
    ),
    "{value!r} is not a weekday; use mon, tue, wed, thu, fri, sat or sun.": N_(
        "{value!r} is geen weekdag; gebruik mon, tue, wed, thu, fri, sat of sun."
    ),
    "{value!r} is not a time of day; write HH:MM, e.g. 08:30.": N_(
        "{value!r} is geen tijdstip; schrijf UU:MM, bijvoorbeeld 08:30."
    ),
    "'from' and 'to' must differ; leave both out for the whole day.": N_(
        "'from' en 'to' moeten verschillen; laat beide weg voor de hele dag."
    ),
    "'department' is a department's name, or null for the newsroom's own queue.": N_(
        "'department' is de naam van een afdeling, of null voor de eigen wachtrij van de redactie."
    ),
    "{value!r} is not a priority; use low, normal, high or urgent.": N_(
        "{value!r} is geen prioriteit; gebruik low, normal, high of urgent."
    ),
    "'tags' is a list of at most 50 tags.": N_("'tags' is een lijst van hoogstens 50 labels."),
    "{value!r} is not an assignment policy; use manual, round_robin or least_loaded.": N_(
        "{value!r} is geen toewijzingswijze; gebruik manual, round_robin of least_loaded."
    ),
    "'stop' is true or false.": N_("'stop' is true of false."),
    "The rule is not valid JSON: {reason}.": N_("De regel is geen geldige JSON: {reason}."),
    "A rule can be at most {limit} characters of JSON.": N_("Een regel kan hoogstens {limit} tekens JSON lang zijn."),
    # The rule actions.
    "A rule needs a name of 1 to {limit} characters.": N_("Een regel heeft een naam van 1 tot {limit} tekens nodig."),
    "A rule number is a whole number, not {value!r}.": N_("Een regelnummer is een geheel getal, niet {value!r}."),
    "There is no routing rule {rule_id}. See 'newsroom rules list'.": N_(
        "Er is geen routeringsregel {rule_id}. Zie 'newsroom rules list'."
    ),
    "A position is a whole number of 1 or more, not {value!r}.": N_(
        "Een positie is een geheel getal van 1 of meer, niet {value!r}."
    ),
    "'enabled' is true or false.": N_("'enabled' is true of false."),
    "Give the rule a new name or a new definition.": N_("Geef de regel een nieuwe naam of een nieuwe definitie."),
    "Only an admin may change routing rules; say who you are with --as.": N_(
        "Alleen een beheerder mag routeringsregels wijzigen; zeg wie u bent met --as."
    ),
    "{actor} ({role}) may not change routing rules.": N_("{actor} ({role}) mag geen routeringsregels wijzigen."),
    "A preview looks at 1 to {limit} messages.": N_("Een voorbeeld bekijkt 1 tot {limit} berichten."),
    # Assignment.
    "Only an admin may change how cases are assigned; say who you are with --as.": N_(
        "Alleen een beheerder mag wijzigen hoe zaken worden toegewezen; zeg wie u bent met --as."
    ),
    "{actor} ({role}) may not change how a department's cases are assigned.": N_(
        "{actor} ({role}) mag niet wijzigen hoe de zaken van een afdeling worden toegewezen."
    ),
    "{actor} ({role}) may only mark themselves absent or present.": N_(
        "{actor} ({role}) mag alleen zichzelf afwezig of aanwezig melden."
    ),
    "Say what changes: absent or present, and/or a capacity.": N_(
        "Zeg wat er verandert: afwezig of aanwezig, en/of een capaciteit."
    ),
    "'absent' is true or false.": N_("'absent' is true of false."),
    "Give a capacity or no capacity, not both.": N_("Geef een capaciteit of geen capaciteit, niet allebei."),
    "A capacity is a whole number of open cases from 0 to 100000, not {value!r}.": N_(
        "Een capaciteit is een geheel aantal open zaken van 0 tot 100000, niet {value!r}."
    ),
}
