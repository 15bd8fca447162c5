"""The demo newsroom's routing rules and assignment: what a municipality would start with.

Used by the demo seed (so a newcomer sees cases land in departments) and by
the benchmark (ingest with routing, assignment and targets).
"""
from __future__ import annotations

from newsroom.actions import perform
from newsroom.actions.base import Actor

RULES: list[tuple[str, dict]] = [
    ("Spoed: gevaar en calamiteiten", {
        "when": {"words_any": ["brand", "gaslucht", "gaslek", "lekkage", "ongeluk", "gevaarlijk", "levensgevaarlijk", "overstroming"]},
        "then": {"priority": "urgent", "tags": ["spoed"]}}),
    ("Waterleiding", {"when": {"words_any": ["waterleiding", "hoofdleiding", "waterlek"]},
                      "then": {"department": "Wegen en Verkeer", "priority": "high", "tags": ["water"]}}),
    ("Afval", {"when": {"words_any": ["afval", "container", "containers", "vuilnis", "vuilniszakken", "grofvuil", "zwerfafval",
                                      "afvalpas", "vuilniswagen", "afvalkalender", "prullenbak", "prullenbakken", "kliko", "matras"]},
               "then": {"department": "Afval en Reiniging", "tags": ["afval"]}}),
    ("Parkeren", {"when": {"words_any": ["parkeren", "parkeervergunning", "parkeerautomaat", "parkeerboete", "bekeuring",
                                         "parkeerplaats", "parkeergarage", "vergunning"]},
                  "then": {"department": "Parkeren"}}),
    ("Verkeerslichten", {"when": {"words_any": ["verkeerslicht", "verkeerslichten", "stoplicht", "stoplichten"]},
                         "then": {"department": "Wegen en Verkeer", "priority": "high", "tags": ["verkeer"]}}),
    ("Wegen", {"when": {"words_any": ["wegwerkzaamheden", "omleiding", "afgesloten", "kuil", "gat", "stoep", "fietspad",
                                      "asfalt", "drempel", "wegdek"]},
               "then": {"department": "Wegen en Verkeer"}}),
    ("Verlichting", {"when": {"words_any": ["lantaarnpaal", "lantaarnpalen", "straatverlichting", "verlichting", "lamp"]},
                     "then": {"department": "Openbare Verlichting"}}),
    ("Groen en stormschade", {"when": {"words_any": ["boom", "bomen", "tak", "takken", "omgewaaid", "park", "gras", "storm",
                                                     "stormschade", "snoeien"]},
                              "then": {"department": "Groen", "tags": ["groen"]}}),
    ("Evenementen", {"when": {"words_any": ["evenement", "festival", "concert", "kermis", "optocht"]},
                     "then": {"department": "Evenementen"}}),
    ("Belastingen", {"when": {"words_any": ["woz", "belasting", "belastingen", "aanslag", "kwijtschelding"]},
                     "then": {"department": "Belastingen"}}),
    ("Burgerzaken", {"when": {"words_any": ["paspoort", "rijbewijs", "uittreksel", "verhuizing", "verhuizen", "afspraak"],
                              "phrases": ["id kaart"]},
                     "then": {"department": "Burgerzaken", "assignment": "least_loaded"}}),
    ("Jongeren", {"when": {"words_any": ["jongeren", "jongerenwerk", "hangjongeren", "jeugd"]},
                  "then": {"department": "Jeugd en Welzijn"}}),
    ("Geluidsoverlast", {"when": {"words_any": ["herrie", "lawaai", "geluidsoverlast", "overlast", "muziek"]},
                         "then": {"tags": ["overlast"]}}),
    ("Meldingen uit Signalen en Open311", {"when": {"platform": ["signalen", "open311"]}, "then": {"tags": ["melding"]}}),
    ("Pers en raad", {"when": {"author": ["*@pers.example", "*@raad.example"]}, "then": {"priority": "high", "tags": ["pers"]}}),
    ("Engelstalig", {"when": {"language": ["en"]}, "then": {"tags": ["engels"]}}),
    ("Nacht en weekend", {"when": {"time": {"weekdays": ["sat", "sun"]}}, "then": {"tags": ["weekend"]}}),
    ("Compliment", {"when": {"words_any": ["bedankt", "compliment", "topdienst", "dankjewel"]}, "then": {"priority": "low", "tags": ["compliment"]}}),
    ("Klacht", {"when": {"words_any": ["klacht", "schandalig", "belachelijk"]}, "then": {"tags": ["klacht"]}}),
    ("Postcodegebied centrum", {"when": {"area": {"lat": 52.1385, "lon": 5.3012, "radius_m": 1500}}, "then": {"tags": ["centrum"]}}),
]

POLICIES = {"Afval en Reiniging": "round_robin", "Burgerzaken": "least_loaded", "Groen": "round_robin"}


def install(db, admin: Actor, *, origin: str = "demo") -> None:
    """Add the demo rules and department policies (the departments must exist)."""
    for name, definition in RULES:
        perform(db, "add_rule", admin, origin=origin, name=name, definition=definition)
    for department, policy in POLICIES.items():
        perform(db, "set_assignment_policy", admin, origin=origin, department=department, policy=policy)
