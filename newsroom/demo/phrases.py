"""Text material for the demo feed generator (data only, no logic).

Everything here is fictional: the municipality "gemeente Stadsveen", its
streets, neighbourhoods, channels and citizens. Templates are plain strings
with ``{slot}`` placeholders that :mod:`newsroom.demo.generator` compiles into
fast functions once, at import. The slots a template may use:

==============  ============================================================
``st``          the street of the item (also in ``location``)
``nr``          house number on that street
``adr``         ``"{st} {nr}"``
``pc``          the postcode of that street ("3734 KB")
``wk``          the neighbourhood (wijk) of that street
``nm``          the author's first name
``st2``         some other street
``tel``         a Dutch mobile number in one of its common spellings (PII)
``mail``        an e-mail address (PII)
``bsn``         a BSN-like test number that passes the 11-check (PII)
other           a word from :data:`SLOT_VALUES` (``dagen``, ``afvalc`` ...)
==============  ============================================================

Registers: ``social`` (Mastodon, Bluesky, X, Facebook, Instagram), ``chat``
(WhatsApp), ``mail`` (e-mail body between greeting and sign-off, also the web
form), ``subj`` (e-mail subject), ``report`` (Signalen/Open311: ``(text,
category, sub_category)``), ``en`` (the occasional English message, any
platform) and ``en_subj``. ``subj`` holds, for each ``mail`` body in the same
order, the subjects that fit it; subjects use only the slots that are fixed
for a message (``st``, ``wk``, ``pc``, ``nr``, ``adr``, ``nm``) so they never
contradict the body.
"""

from __future__ import annotations

MUNICIPALITY = "gemeente Stadsveen"
CITY = "Stadsveen"
#: Rough centre of the fictional city; every location lies within ~4 km.
CENTRE = (52.1385, 5.3012)

# --------------------------------------------------------------------------
# Channels: the municipality's own accounts, one or two per platform.
# --------------------------------------------------------------------------
CHANNELS: dict[str, tuple[str, ...]] = {
    "mastodon": ("@stadsveen@social.overheid.nl",),
    "bluesky": ("stadsveen.bsky.social",),
    "x": ("@GemStadsveen",),
    "facebook": ("facebook.com/gemeentestadsveen",),
    "instagram": ("instagram.com/gemeentestadsveen",),
    "whatsapp": ("+31850041700",),
    "email": ("info@stadsveen.nl", "belastingen@stadsveen.nl"),
    "signalen": ("signalen.stadsveen.nl",),
    "open311": ("open311.stadsveen.nl",),
    "other": ("stadsveen.nl/contactformulier",),
}

#: Share of the traffic per platform (relative weights).
PLATFORM_WEIGHTS: dict[str, int] = {
    "mastodon": 9,
    "bluesky": 8,
    "x": 11,
    "facebook": 14,
    "instagram": 7,
    "whatsapp": 14,
    "email": 15,
    "signalen": 13,
    "open311": 5,
    "other": 4,
}

#: Platform weights during an incident burst: people grab their phone.
BURST_PLATFORM_WEIGHTS: dict[str, int] = {
    "mastodon": 8,
    "bluesky": 8,
    "x": 16,
    "facebook": 16,
    "instagram": 4,
    "whatsapp": 16,
    "email": 3,
    "signalen": 20,
    "open311": 7,
    "other": 2,
}

MENTION = {
    "mastodon": "@stadsveen@social.overheid.nl",
    "bluesky": "@stadsveen.bsky.social",
    "x": "@GemStadsveen",
    "instagram": "@gemeentestadsveen",
}

FACEBOOK_PAGE_ID = "104829375514902"
MASTODON_INSTANCES = (
    "mastodon.nl", "mastodon.nl", "mastodon.social", "mastodon.social", "mas.to",
    "mastodon.online", "toot.community", "todon.nl", "mstdn.social", "mastodon.green",
)
MAIL_PROVIDERS = (
    "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "outlook.com",
    "live.nl", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "planet.nl", "icloud.com", "proton.me",
)
#: Message-ID host per mail provider.
MAIL_MSGID_HOST = {
    "gmail.com": "mail.gmail.com",
    "hotmail.com": "AM0PR07MB4417.eurprd07.prod.outlook.com",
    "outlook.com": "DB9PR02MB7212.eurprd02.prod.outlook.com",
    "live.nl": "AS8PR10MB6189.EURPRD10.PROD.OUTLOOK.COM",
    "ziggo.nl": "smtp.ziggo.nl",
    "kpnmail.nl": "mail.kpnmail.nl",
    "xs4all.nl": "xs4all.nl",
    "planet.nl": "mail.kpnmail.nl",
    "icloud.com": "icloud.com",
    "proton.me": "proton.me",
}

# --------------------------------------------------------------------------
# Geography
# --------------------------------------------------------------------------
#: wijk -> (postcode digits, lat offset, lon offset from CENTRE, streets)
WIJKEN: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "Binnenstad": ("3731", 0.0, 0.0, (
        "Lange Nieuwstraat", "Korte Nieuwstraat", "Kerkstraat", "Kerksteeg", "Markt",
        "Voorstraat", "Achterstraat", "Turfmarkt", "Zuidwal", "Noordwal", "Schoolstraat",
        "Steenstraat", "Vismarkt",
    )),
    "Stationskwartier": ("3732", -0.0065, 0.0110, (
        "Stationsweg", "Stationslaan", "Spoorlaan", "Nieuwe Stationsstraat", "Emmastraat",
    )),
    "Oranjewijk": ("3733", 0.0085, 0.0125, (
        "Julianalaan", "Wilhelminalaan", "Beatrixstraat", "Prins Bernhardlaan",
        "Oranjestraat", "Nassaulaan", "Prinses Margrietstraat",
    )),
    "Vogelbuurt": ("3734", 0.0150, -0.0080, (
        "Merelstraat", "Lijsterstraat", "Spreeuwstraat", "Zwaluwstraat", "Meeuwenlaan",
        "Reigerweg", "Koekoekstraat", "Roodborstlaan",
    )),
    "Bomenbuurt": ("3735", -0.0120, -0.0140, (
        "Eikenlaan", "Beukenlaan", "Berkenlaan", "Lindelaan", "Kastanjelaan",
        "Acacialaan", "Populierenweg", "Esdoornstraat", "Wilgenlaan",
    )),
    "Schildersbuurt": ("3736", 0.0040, -0.0210, (
        "Rembrandtlaan", "Vermeerstraat", "Frans Halsstraat", "Van Goghstraat",
        "Mondriaanlaan", "Jan Steenstraat", "Ruysdaelstraat",
    )),
    "Componistenbuurt": ("3737", -0.0190, 0.0060, (
        "Beethovenlaan", "Mozartstraat", "Schubertlaan", "Chopinstraat", "Händelstraat",
        "Sweelinckstraat",
    )),
    "Havenkwartier": ("3738", 0.0110, 0.0260, (
        "Havenstraat", "Havenkade", "Veerweg", "Sluisstraat", "Schippersgracht",
    )),
    "Veenpark": ("3739", -0.0050, 0.0290, (
        "Veenweg", "Veendijk", "Turfstraat", "Burgemeester de Withlaan", "Dr. Schaepmanstraat",
        "Thorbeckelaan", "Kennedylaan",
    )),
    "De Turf": ("3740", -0.0240, 0.0230, (
        "Industrieweg", "Nijverheidsweg", "Ambachtsweg", "Energieweg",
    )),
}

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------
FIRST_NAMES = (
    "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Finn", "Anna", "Noah",
    "Mila", "Levi", "Sophie", "Jesse", "Lotte", "Thijs", "Fleur", "Bram", "Lisa", "Ruben",
    "Eva", "Lars", "Iris", "Stijn", "Femke", "Tim", "Anouk", "Jeroen", "Marieke", "Kees",
    "Ans", "Henk", "Ria", "Wim", "Joke", "Gerrit", "Corrie", "Peter", "Monique", "Erik",
    "Marloes", "Bas", "Esther", "Mark", "Linda", "Sander", "Ingrid", "Hans", "Petra",
    "Mohammed", "Fatima", "Yusuf", "Aisha", "Mehmet", "Elif", "Ayoub", "Noor", "Ibrahim",
    "Yasmina", "Rachid", "Samira", "Emre", "Zeynep", "Priya", "Shanti", "Dewi", "Kevin",
    "Jennifer", "Gijs", "Floor", "Maarten", "Marjolein", "Wouter", "Willemijn", "Chloë",
    "Zoë", "Hüseyin", "Jan", "Johan", "Kim", "Jolanda", "Roel", "Hanneke", "Niels",
    "Annemiek", "Rob", "Karin", "Dirk", "Mirjam", "Arjen", "Nienke", "Thomas", "Sarah",
)
LAST_NAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "van Dijk", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
    "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "de Jong", "Janssen", "Verhoeven",
    "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Kuipers", "Postma",
    "van Beek", "Yılmaz", "Kaya", "Öztürk", "Demir", "El Amrani", "Bouzid", "Benali",
    "Ramdin", "Sewnath", "Kartosen", "Nguyen", "Wijaya", "van 't Hof", "ter Horst",
    "Blom", "Koç", "Haddou", "Timmermans", "van Vliet", "Boersma",
)

# --------------------------------------------------------------------------
# Slot values
# --------------------------------------------------------------------------
SLOT_VALUES: dict[str, tuple[str, ...]] = {
    "afvalc": ("restafvalcontainer", "gft-container", "papiercontainer", "glasbak",
               "plasticcontainer", "pmd-container", "textielcontainer", "ondergrondse container"),
    "afvalsoort": ("restafval", "gft", "oud papier", "plastic", "pmd"),
    "dagen": ("twee dagen", "drie dagen", "vier dagen", "vijf dagen", "een week",
              "ruim een week", "tien dagen", "twee weken"),
    "weken": ("twee weken", "drie weken", "vier weken", "zes weken", "ruim een maand",
              "twee maanden", "een half jaar"),
    "dag": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "tijd": ("half twaalf", "kwart over twaalf", "één uur 's nachts", "half twee 's nachts",
             "02:30", "03:15", "23:45", "00:40", "middernacht"),
    "n": ("2", "3", "4", "5", "6", "8", "10", "12"),
    "aantal": ("40", "60", "75", "80", "120", "150", "200"),
    "event": ("de kermis", "het Veenfestival", "de braderie", "Koningsdag",
              "de Sinterklaasintocht", "de kerstmarkt", "het Bevrijdingsfestival",
              "de Stadsveen Marathon", "het Havenfeest", "de ijsbaan op de Markt"),
    "horeca": ("café De Zwaan", "Bar Centraal", "snackbar 't Hoekje", "grand café De Waag",
               "club Vibe", "eetcafé De Turf", "de shishalounge", "het terras van Bij Bram"),
    "emo": ("😡", "🙄", "😤", "👍", "🙏", "😊", "😩", "👏", "😅", "🤬", "❤️", "😢"),
    "boom": ("eik", "linde", "kastanje", "plataan", "berk", "esdoorn", "populier", "beuk"),
    "bedrag": ("€ 87,50", "€ 124,00", "€ 312,16", "€ 412,80", "€ 96,20", "€ 1.032,40",
               "€ 68,75", "€ 245,30", "€ 590,00"),
    "wozbedrag": ("€ 287.000", "€ 312.000", "€ 345.000", "€ 398.000", "€ 421.000",
                  "€ 476.000", "€ 512.000", "€ 265.000"),
    "maand": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"),
}

EMOJI = ("😡", "🙄", "😤", "👍", "🙏", "😊", "😩", "👏", "😅", "🤬", "❤️", "😢", "🤷", "💪", "😂")

# --------------------------------------------------------------------------
# E-mail furniture
# --------------------------------------------------------------------------
MAIL_GREETINGS = (
    "Geachte heer/mevrouw,", "Geachte heer, mevrouw,", "Beste medewerker,",
    "Geacht college,", "Goedemorgen,", "Goedemiddag,", "Beste gemeente Stadsveen,",
    "Aan de gemeente Stadsveen,", "Beste mensen,", "Geachte heer/mevrouw,",
)
MAIL_CLOSINGS = (
    "Met vriendelijke groet,", "Met vriendelijke groet,", "Met vriendelijke groeten,",
    "Hoogachtend,", "Groet,", "Alvast bedankt en vriendelijke groet,", "Mvg,",
    "Met vriendelijke groet,", "Vriendelijke groeten,",
)
EN_GREETINGS = ("Dear Sir or Madam,", "Hello,", "Hi,", "Dear municipality,")
EN_CLOSINGS = ("Kind regards,", "Best regards,", "Thanks in advance,", "Best,")
#: Appended after the sender's name (some carry PII).
MAIL_SIGNATURES = (
    "", "", "", "", "", "", "",
    "\n{adr}\n{pc} Stadsveen",
    "\nTel. {tel}",
    "\n{tel}",
    "\n{adr}\n{pc} STADSVEEN\ntel: {tel}",
    "\n\nVerstuurd vanaf mijn iPhone",
    "\n\nVerzonden vanaf mijn Galaxy",
)
#: Extra paragraphs for the longer e-mails.
MAIL_EXTRAS = (
    "Ik heb hier eerder telefonisch melding van gemaakt, maar tot op heden is er niets "
    "gebeurd. Ook een melding via de website heeft niet tot resultaat geleid.",
    "Ik begrijp dat de gemeente het druk heeft, maar ik verwacht toch dat er binnen een "
    "redelijke termijn wordt gereageerd.",
    "Foto's van de situatie stuur ik als bijlage mee.",
    "Mocht u aanvullende informatie nodig hebben, dan hoor ik dat graag. Ik ben het beste "
    "bereikbaar op {tel}.",
    "Als er niets verandert, overweeg ik de Nationale ombudsman in te schakelen.",
    "Ook mijn buren hebben hier last van en zij ondersteunen dit verzoek.",
    "Ik woon inmiddels ruim {n} jaar in {wk} en heb het nog nooit zo slecht meegemaakt.",
    "Mijn gegevens: {adr}, {pc} Stadsveen. Telefonisch ben ik bereikbaar op {tel}.",
    "Voor de volledigheid: mijn BSN is {bsn}.",
    "Ik zie uw reactie graag binnen twee weken tegemoet.",
    "Excuses voor de lange mail, maar ik wilde de situatie zo volledig mogelijk schetsen.",
)
#: Extra paragraphs for the longer Facebook posts.
SOCIAL_EXTRAS = (
    "Ik snap echt niet dat dit zo lang moet duren. We betalen genoeg belasting.",
    "Wie is hier nou eigenlijk verantwoordelijk voor? Iedereen wijst naar elkaar.",
    "Delen graag, dan ziet de gemeente misschien dat het niet alleen mij stoort.",
    "Ik heb het al {n} keer gemeld via de app. Niks.",
    "Ben benieuwd of iemand van de gemeente dit leest.",
    "Verder fijn wonen hier hoor, maar dit moet echt anders.",
    "Wie heeft hetzelfde? Laat even een reactie achter.",
)

# --------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------
TOPICS: dict[str, dict] = {
    "afval": {
        "weight": 16,
        "report_weight": 30,
        "tags": ("#afval", "#grofvuil", "#zwerfafval", "#afvalinzameling"),
        "social": (
            "De {afvalc} op de {adr} is al {dagen} niet geleegd. Het stinkt en de zakken staan ernaast.",
            "Weer een volle container op de {st}. Wanneer wordt hier eens wat aan gedaan?",
            "Vuilniszakken op straat bij de {st}, de meeuwen hebben alles opengetrokken. Kan iemand dit opruimen?",
            "Is het {afvalsoort} deze week niet opgehaald in {wk}? Bij ons in de {st} staat alles nog.",
            "Hoe meld ik grofvuil aan? Ik heb een oude bank die weg moet.",
            "Iemand heeft een matras en een kast bij de container op de {st} gedumpt. Haalt de gemeente dat op?",
            "Afvalpas werkt niet meer bij de container op de {st}. Nu kan ik nergens mijn afval kwijt.",
            "Ondergrondse container op de {st} zit vast, de klep gaat niet open.",
            "Al {dagen} staat de {afvalc} vol op de {st}. Dit is niet normaal meer.",
            "Waarom is de afvalkalender voor {wk} veranderd zonder dat iemand het weet?",
            "Zwerfafval overal langs de {st}. Kunnen er meer prullenbakken komen?",
            "Vuilniswagen heeft de {st} gewoon overgeslagen. Weer.",
            "Kan de {afvalc} bij de {st} vaker geleegd worden? Elk weekend vol.",
            "Afvalbrengstation op {dag} dicht? Stond voor een dichte poort met een volle aanhanger.",
        ),
        "chat": (
            "Goedemiddag, de {afvalc} bij {adr} is vol. Kan die geleegd worden?",
            "Hoi, ik wil grofvuil laten ophalen ({n} stuks: bank, kast en een matras). Hoe maak ik een afspraak?",
            "Mijn afvalpas is kwijt. Hoe vraag ik een nieuwe aan? Adres is {adr}, postcode {pc}.",
            "Er staan al {dagen} vuilniszakken naast de container op de {st}. Wie ruimt dat op?",
            "Kunnen jullie de container op de {st} legen? Hij zit helemaal vol",
            "Mijn kliko is vanochtend niet geleegd. {adr}. Kan de wagen nog langskomen?",
            "Hallo, waar kan ik een nieuwe gft-bak aanvragen? De oude is gebroken.",
            "Is het afvalbrengstation op {dag} open?",
            "Goedemorgen. Ik woon op {adr} ({pc}) en de container bij ons is al {dagen} kapot.",
        ),
        "mail": (
            "Sinds {dag} is de {afvalc} op de {adr} niet meer geleegd. Inmiddels staan er diverse "
            "vuilniszakken naast de container, die door meeuwen en ratten worden opengetrokken. Ik "
            "verzoek u vriendelijk de container zo spoedig mogelijk te laten legen.",
            "Graag wil ik een afspraak maken voor het ophalen van grofvuil. Het gaat om {n} stuks "
            "huisraad, waaronder een bankstel en een kledingkast. Mijn adres is {adr}, {pc} Stadsveen. "
            "Kunt u mij laten weten wanneer dit mogelijk is?",
            "Mijn afvalpas werkt sinds kort niet meer bij de ondergrondse containers in {wk}. Ik heb het "
            "meerdere keren geprobeerd, maar de klep blijft dicht. Kunt u een nieuwe pas naar mij opsturen?",
            "Op de {st} wordt structureel afval gedumpt naast de containers. Als bewoner erger ik mij hier "
            "enorm aan. Ik wil u vragen vaker te controleren en handhavend op te treden.",
            "Deze week is het {afvalsoort} in onze straat ({st}) niet opgehaald, terwijl dat volgens de "
            "afvalkalender wel had moeten gebeuren. Wat is hiervan de reden en wanneer wordt het alsnog "
            "opgehaald?",
        ),
        "subj": (  # one tuple of subjects per mail body, in the same order
            ("Container {st} niet geleegd", "Volle container {st}"),
            ("Aanvraag ophalen grofvuil", "Afspraak grofvuil {adr}"),
            ("Afvalpas werkt niet", "Nieuwe afvalpas aanvragen"),
            ("Gedumpt afval {st}", "Klacht afvaldumping {wk}"),
            ("Afval niet opgehaald {st}", "Klacht afvalinzameling {wk}"),
        ),
        "report": (
            ("Container vol: {afvalc} bij {adr}. Zakken staan ernaast.", "afval", "container-is-vol"),
            ("Grofvuil gedumpt naast container {st} ter hoogte van nr {nr}: matras, kast.", "afval", "grofvuil"),
            ("Klep ondergrondse container klemt, {adr}.", "afval", "container-is-kapot"),
            ("Zwerfafval langs de {st}, veel blikjes en plastic.", "afval", "zwerfafval"),
            ("Vuilniszakken op straat {adr}, opengetrokken door meeuwen.", "afval", "huisafval"),
            ("Kliko niet geleegd. {adr}", "afval", "huisafval"),
            ("Container vol ({afvalc}), {st}. Al {dagen}.", "afval", "container-is-vol"),
        ),
        "en": (
            "Hi, the bin on {st} hasn't been emptied for days. Bags are piling up next to it.",
            "How do I get rid of an old sofa? Is there a bulky waste pickup in Stadsveen?",
            "My waste pass doesn't open the underground container on {st}. Can you help?",
        ),
        "en_subj": ("Question about waste collection", "Waste"),
    },
    "parkeren": {
        "weight": 10,
        "report_weight": 10,
        "tags": ("#parkeren", "#parkeervergunning", "#bekeuring"),
        "social": (
            "Waarom duurt het aanvragen van een parkeervergunning in {wk} zo lang? Al {weken} aan het wachten.",
            "Boete gekregen terwijl ik gewoon een parkeervergunning heb. Kenteken {kenteken}. Hoe maak ik bezwaar?",
            "Parkeerautomaat op de {st} doet het weer eens niet. En dan wel een boete krijgen natuurlijk.",
            "Elke avond staan er auto's op de stoep in de {st}. Met een kinderwagen kom je er niet langs.",
            "Bezoekersparkeren via de app werkt niet. Mijn moeder krijgt zo een bon.",
            "Nieuwe parkeertarieven in de binnenstad zijn echt belachelijk. {bedrag} voor een dagje winkelen?!",
            "Fietswrakken in het rek bij de {st} staan er al maanden. Wordt dat ooit opgeruimd?",
            "Waarom wordt er in de {st} nooit gehandhaafd? Dubbel parkeren is hier normaal geworden.",
            "Kan iemand uitleggen hoe de nieuwe parkeerzone in {wk} werkt? De borden zijn onduidelijk.",
            "Handhavers op de {st} schrijven bonnen uit terwijl de automaat kapot is. Lekker.",
            "Geen enkele laadpaal vrij in {wk}. Komen er meer bij?",
        ),
        "chat": (
            "Hoi, ik heb een nieuwe auto. Hoe zet ik het kenteken ({kenteken}) over op mijn parkeervergunning?",
            "Ik heb een parkeerboete gekregen op de {st} maar de automaat was kapot. Kan ik bezwaar maken?",
            "Goedemorgen, hoeveel bezoekersuren heb ik nog dit jaar? Mijn vergunning staat op {adr}.",
            "Er staat al {dagen} een auto zonder kenteken op de {st}. Mag dat zomaar?",
            "Hoe lang duurt een aanvraag voor een gehandicaptenparkeerplaats?",
            "Mijn buurman zet zijn bus elke dag voor mijn uitrit op de {st}. Wat kan ik doen?",
        ),
        "mail": (
            "Op {dag} heb ik een naheffingsaanslag parkeerbelasting ontvangen voor mijn auto met kenteken "
            "{kenteken}. Op dat moment was de parkeerautomaat op de {st} echter buiten werking, waardoor ik "
            "niet kon betalen. Hierbij maak ik bezwaar tegen deze aanslag. Een foto van de automaat voeg ik "
            "als bijlage toe.",
            "Sinds {weken} wacht ik op een besluit over mijn aanvraag voor een bewonersvergunning. Ik woon op "
            "{adr} ({pc}) en moet nu elke dag betalen om voor mijn eigen deur te parkeren. Kunt u mij laten "
            "weten wanneer ik een besluit kan verwachten?",
            "Als bewoners van de {st} maken wij ons zorgen over het parkeren op de stoep. Ouderen met een "
            "rollator en ouders met kinderwagens moeten de weg op. Wij verzoeken u paaltjes te plaatsen of "
            "vaker te handhaven.",
            "Graag wil ik een gehandicaptenparkeerplaats aanvragen bij mijn woning aan de {adr}. Ik beschik "
            "over een gehandicaptenparkeerkaart. Welke stukken moet ik hiervoor aanleveren?",
        ),
        "subj": (
            ("Bezwaar naheffingsaanslag parkeerbelasting", "Bezwaar parkeerboete"),
            ("Aanvraag parkeervergunning", "Bewonersvergunning {adr}"),
            ("Parkeeroverlast {st}",),
            ("Aanvraag gehandicaptenparkeerplaats", "Gehandicaptenparkeerplaats {adr}"),
        ),
        "report": (
            ("Auto geparkeerd op stoep {adr}, geen doorgang.", "wegen-verkeer-straatmeubilair", "parkeeroverlast"),
            ("Fietswrakken in fietsenrek {st}.", "wegen-verkeer-straatmeubilair", "fietswrak"),
            ("Parkeerautomaat {st} defect, scherm zwart.", "wegen-verkeer-straatmeubilair", "parkeerautomaat"),
            ("Verlaten auto zonder kenteken, {adr}, staat er al {dagen}.", "wegen-verkeer-straatmeubilair", "autowrak"),
            ("Aanhanger al {weken} op parkeerplaats {st}, kenteken {kenteken}.", "wegen-verkeer-straatmeubilair", "parkeeroverlast"),
        ),
        "en": (
            "Got a parking ticket on {st} but the machine was broken. How do I appeal?",
            "How do I apply for a residents' parking permit? I just moved to {wk}.",
            "Is visitor parking free on Sundays in the city centre?",
        ),
        "en_subj": ("Parking question", "Parking"),
    },
    "wegwerkzaamheden": {
        "weight": 9,
        "report_weight": 15,
        "tags": ("#wegwerkzaamheden", "#omleiding", "#verkeer"),
        "social": (
            "Wegwerkzaamheden op de {st} en nergens een omleiding aangegeven. Iedereen rijdt zich vast.",
            "Hoe lang gaat de afsluiting van de {st} nog duren? Staat al {weken} zo.",
            "Omleiding via de {st2} is een drama. Vrachtwagens door een woonwijk, echt?",
            "Gat in het fietspad op de {st}. Ik lag er vanochtend bijna af.",
            "Waarom wordt de {st} nu alweer opengebroken? Vorig jaar was het net klaar.",
            "Bushalte {st} is door de werkzaamheden verplaatst maar niemand weet waarheen.",
            "Herrie van de wegwerkzaamheden op de {st} begint al om 6 uur. Mag dat?",
            "Losliggende stoeptegels op de {adr}. Mijn moeder is gestruikeld.",
            "Bouwhekken op de {st} zijn omgewaaid en liggen op het fietspad.",
            "Werkzaamheden op de {st}: wanneer kan de bus weer normaal rijden?",
            "Nieuwe drempels op de {st}, maar de auto's rijden nog steeds veel te hard.",
        ),
        "chat": (
            "Hoi, wanneer is de {st} weer open voor verkeer?",
            "Er zit een groot gat in de weg bij {adr}. Gevaarlijk voor fietsers!",
            "Kan ik met de auto nog bij mijn huis op de {st} komen tijdens de werkzaamheden?",
            "Waarom kreeg ik geen brief over de werkzaamheden in de {st}? Ik woon op nummer {nr}.",
            "Door de werkzaamheden op de {st} kan mijn vader met zijn scootmobiel er niet meer langs.",
        ),
        "mail": (
            "Sinds {dag} is de {st} afgesloten in verband met wegwerkzaamheden. Als ondernemer merk ik dat "
            "klanten mijn winkel niet meer kunnen bereiken. Er is geen omleiding aangegeven en ook geen "
            "informatie verstrekt over de duur van de werkzaamheden. Ik verzoek u mij te informeren over de "
            "planning en over eventuele compensatie voor ondernemers.",
            "Ter hoogte van {adr} ligt het wegdek er ernstig beschadigd bij. Er zit een diep gat waar al "
            "meerdere fietsers in zijn geraakt. Ik verzoek u dit met spoed te herstellen, voordat er een "
            "ernstig ongeluk gebeurt.",
            "De werkzaamheden op de {st} beginnen elke ochtend al rond zes uur, inclusief zwaar materieel en "
            "trillingen. Is hiervoor een ontheffing verleend? En bij wie kan ik terecht met schade aan mijn "
            "woning door de trillingen?",
        ),
        "subj": (
            ("Afsluiting {st}", "Bereikbaarheid winkel {st}"),
            ("Gat in wegdek {st}", "Gevaarlijke situatie {adr}"),
            ("Overlast wegwerkzaamheden {st}", "Schade door trillingen"),
        ),
        "report": (
            ("Gat in wegdek {adr}, circa 30 cm diep.", "wegen-verkeer-straatmeubilair", "wegdek"),
            ("Losliggende stoeptegels {adr}.", "wegen-verkeer-straatmeubilair", "stoep"),
            ("Omgevallen bouwhekken op fietspad {st}.", "wegen-verkeer-straatmeubilair", "obstakel"),
            ("Verkeersbord omver gereden, kruising {st}/{st2}.", "wegen-verkeer-straatmeubilair", "verkeersbord"),
            ("Put steekt uit boven wegdek bij {adr}.", "wegen-verkeer-straatmeubilair", "put-riolering"),
            ("Bankje kapot, {st} bij speeltuin.", "wegen-verkeer-straatmeubilair", "straatmeubilair"),
        ),
        "en": (
            "How long will {st} be closed? The detour signs are confusing.",
            "There's a big pothole on {st}, I nearly fell off my bike.",
        ),
        "en_subj": ("Road works {st}", "Question about {st}"),
    },
    "verlichting": {
        "weight": 7,
        "report_weight": 15,
        "tags": ("#straatverlichting", "#veiligheid"),
        "social": (
            "Lantaarnpaal voor {adr} is al {dagen} kapot. Pikkedonker 's avonds.",
            "Halve {st} zit in het donker. Voelt echt onveilig als je 's avonds naar huis loopt.",
            "De straatverlichting op de {st} brandt overdag wel en 's nachts niet 🙃",
            "Wie moet ik bellen voor een kapotte lantaarnpaal? Staat op de hoek {st}/{st2}.",
            "Fietspad langs de {st} is helemaal donker sinds {dag}. Gevaarlijk!",
            "Knipperende lantaarnpaal voor mijn slaapkamerraam op de {st}. Al {weken}.",
            "Lantaarnpaal op de {st} is door een auto geraakt en hangt scheef.",
        ),
        "chat": (
            "Goedenavond, de lantaarnpaal bij {adr} doet het niet. Paalnummer weet ik niet.",
            "Straatverlichting in de {st} is uit. Wordt daar al aan gewerkt?",
            "Hoi, kan er een extra lantaarnpaal komen bij het speeltuintje in de {st}? Het is er erg donker.",
        ),
        "mail": (
            "Al {weken} is de straatverlichting in een groot deel van de {st} defect. Vooral voor ouderen en "
            "kinderen voelt het 's avonds onveilig. Ik heb dit eerder gemeld, maar er is nog niets gebeurd. "
            "Graag hoor ik wanneer de verlichting wordt hersteld.",
            "Namens een aantal bewoners van de {st} verzoek ik u extra verlichting te plaatsen bij het pad "
            "naar het park. Er zijn de afgelopen maanden meerdere incidenten geweest en het pad is na "
            "zonsondergang volledig donker.",
        ),
        "subj": (("Straatverlichting {st} defect", "Lantaarnpalen kapot {wk}"), ("Verzoek extra verlichting {st}",)),
        "report": (
            ("Lantaarnpaal defect voor {adr}.", "verlichting", "lantaarnpaal"),
            ("Straatverlichting uit, hele {st}.", "verlichting", "straatverlichting"),
            ("Lamp knippert, {adr}.", "verlichting", "lantaarnpaal"),
            ("Lantaarnpaal scheef na aanrijding, {st} thv nr {nr}.", "verlichting", "lantaarnpaal"),
        ),
        "en": ("The street light outside {adr} has been broken for days. It's really dark at night.",),
        "en_subj": ("Broken street light",),
    },
    "evenementen": {
        "weight": 6,
        "report_weight": 3,
        "tags": ("#evenement", "#Stadsveen"),
        "social": (
            "Waar kan ik een vergunning aanvragen voor een buurtfeest in de {st}?",
            "Wat een geluid vanavond van {event}. Tot hoe laat mag dat doorgaan?",
            "Is er nog plek voor kramen bij {event}? Wil graag met de buurtvereniging meedoen.",
            "Top georganiseerd, {event}! Volgend jaar weer 🎉",
            "Waarom is de {st} de hele week afgesloten voor {event}? Niemand is ingelicht.",
            "Mag je bij {event} gewoon je eigen drank meenemen?",
            "Bassen van {event} voel je tot in {wk}. Het is {tijd}!",
            "Waar kun je parkeren tijdens {event}? Alles rond de {st} is dicht.",
        ),
        "chat": (
            "Hoi, we willen op {dag} een straatfeest houden in de {st}. Hebben we daar een vergunning voor nodig?",
            "Tot hoe laat mag de muziek bij {event} doorgaan? Wij wonen op de {st}.",
            "Waar kan ik terecht met een klacht over {event}?",
        ),
        "mail": (
            "Namens de bewonerscommissie van de {st} wil ik een evenementenvergunning aanvragen voor een "
            "buurtbarbecue op {dag}. Wij verwachten ongeveer {aantal} bezoekers en willen de straat tussen "
            "14.00 en 22.00 uur afsluiten. Kunt u mij informeren welke stappen wij moeten doorlopen?",
            "Afgelopen weekend heeft {event} plaatsgevonden op korte afstand van onze woning aan de {st}. "
            "Tot ver na middernacht was er harde muziek te horen. Ik wil u vragen hoe de geluidsnormen in de "
            "vergunning zijn vastgelegd en of hierop is gecontroleerd.",
        ),
        "subj": (("Aanvraag evenementenvergunning", "Buurtbarbecue {st}"),
                 ("Geluidsoverlast evenement", "Klacht evenement {wk}")),
        "report": (
            ("Harde muziek evenement bij {st}, na {tijd}.", "overlast", "geluidsoverlast-muziek"),
            ("Afval van evenement blijft liggen, {st}.", "afval", "zwerfafval"),
        ),
        "en": (
            "Do I need a permit for a street party on {st}?",
            "What time does the music at the event on {st} have to stop?",
        ),
        "en_subj": ("Question about events", "Permit question"),
    },
    "belastingen": {
        "weight": 8,
        "tags": ("#WOZ", "#belasting"),
        "social": (
            "WOZ-waarde weer flink omhoog. Hoe kan dat als er niks aan het huis is veranderd?",
            "Aanslag gemeentelijke belastingen ontvangen: {bedrag}. Serieus?",
            "Kan iemand uitleggen waarom de afvalstoffenheffing zo hard stijgt?",
            "Hoe vraag je kwijtschelding aan voor de gemeentelijke belastingen?",
            "Bezwaar maken tegen de WOZ-beschikking, hoe lang heb je daar de tijd voor?",
            "Kan ik de aanslag in termijnen betalen? Krijg het deze maand niet rond.",
            "Dubbel betaald voor de hondenbelasting en nog steeds niks teruggekregen.",
            "Mijn WOZ-waarde is {wozbedrag}, het huis van de buren {bedrag} minder?? Hoe dan.",
        ),
        "chat": (
            "Hoi, ik wil bezwaar maken tegen mijn WOZ-waarde. Aanslagnummer {aanslag}. Hoe doe ik dat?",
            "Kan ik de aanslag van {bedrag} in termijnen betalen?",
            "Ik heb mijn aanslag niet ontvangen. Adres {adr}, {pc}.",
            "Waarom staat er hondenbelasting op mijn aanslag? Ik heb geen hond meer.",
        ),
        "mail": (
            "Hierbij maak ik bezwaar tegen de WOZ-beschikking met aanslagnummer {aanslag} voor de woning aan "
            "de {adr}. De vastgestelde waarde van {wozbedrag} ligt naar mijn mening aanzienlijk hoger dan de "
            "marktwaarde. Vergelijkbare woningen in {wk} zijn het afgelopen jaar voor minder verkocht.",
            "Graag wil ik kwijtschelding aanvragen voor de gemeentelijke belastingen. Mijn inkomen bestaat "
            "uit een bijstandsuitkering. Mijn BSN is {bsn}. Kunt u mij laten weten welke documenten u van mij "
            "nodig heeft?",
            "Ik heb de aanslag gemeentelijke belastingen ({aanslag}) twee keer betaald. Graag ontvang ik het "
            "te veel betaalde bedrag van {bedrag} terug op mijn rekening.",
            "Op mijn aanslag staat nog hondenbelasting, terwijl onze hond in {maand} is overleden. Ik verzoek "
            "u de aanslag aan te passen.",
            "Ik wil graag een betalingsregeling treffen voor de aanslag van {bedrag}. Door omstandigheden "
            "lukt het mij niet dit bedrag in één keer te voldoen. BSN {bsn}.",
        ),
        "subj": (
            ("Bezwaar WOZ-beschikking", "Bezwaar WOZ-waarde {adr}"),
            ("Verzoek kwijtschelding",),
            ("Dubbele betaling aanslag", "Terugbetaling gemeentelijke belastingen"),
            ("Hondenbelasting", "Aanpassing aanslag hondenbelasting"),
            ("Betalingsregeling", "Verzoek betalingsregeling aanslag"),
        ),
        "en": (
            "I received a municipal tax assessment but I think it's wrong. Who can I contact?",
            "How can I object to my WOZ value?",
        ),
        "en_subj": ("Municipal tax question", "Tax assessment"),
    },
    "burgerzaken": {
        "weight": 9,
        "tags": ("#paspoort", "#stadskantoor"),
        "social": (
            "Waarom is er pas over {weken} plek voor een afspraak voor een paspoort? Ik vlieg over een maand!",
            "Online afspraak maken voor een ID-kaart lukt niet, de site geeft steeds een foutmelding.",
            "Paspoort opgehaald, binnen 10 minuten klaar. Zo kan het ook 👍",
            "Kun je ook zonder afspraak langskomen bij het stadskantoor voor een uittreksel?",
            "Is het stadskantoor op {dag} open? Moet mijn rijbewijs ophalen.",
            "Mijn ID-kaart is gestolen. Wat moet ik eerst doen, aangifte of afspraak?",
            "Verhuizing doorgegeven maar de post van de gemeente komt nog steeds op het oude adres.",
            "Alle afspraken voor een ID-kaart zijn vol tot na de zomer. Hoe dan?",
        ),
        "chat": (
            "Hoi, kan ik mijn afspraak voor het paspoort van {dag} verzetten?",
            "Ik moet dringend een noodpaspoort. Ik vertrek {dag}. Kan dat nog?",
            "Welke pasfoto-eisen gelden er voor een ID-kaart van een kind?",
            "Goedemorgen, ik wil mijn verhuizing doorgeven. Nieuw adres: {adr}, {pc}. Kan dat via WhatsApp?",
            "Mijn paspoort is verlopen, ik heb een afspraak nodig. Bereikbaar op {tel}.",
        ),
        "mail": (
            "Op {dag} heb ik een afspraak om mijn nieuwe paspoort op te halen, maar door ziekte kan ik niet "
            "komen. Mijn BSN is {bsn}. Kunt u de afspraak verzetten naar een moment volgende week?",
            "Ik probeer al {dagen} online een afspraak te maken voor een nieuwe ID-kaart, maar de "
            "afsprakenmodule geeft steeds een foutmelding. Telefonisch krijg ik ook niemand te pakken. Kunt u "
            "mij helpen? U kunt mij bereiken op {tel}.",
            "Graag ontvang ik een uittreksel uit de Basisregistratie Personen (BRP) met adreshistorie, ten "
            "behoeve van een aanvraag bij de woningcorporatie. Mijn gegevens: BSN {bsn}, adres {adr}, {pc} "
            "Stadsveen.",
            "Mijn vader is slecht ter been en kan niet naar het stadskantoor komen voor zijn nieuwe ID-kaart. "
            "Is het mogelijk dat een medewerker aan huis komt? Hij woont aan de {adr}.",
        ),
        "subj": (
            ("Afspraak paspoort verzetten",),
            ("Probleem online afspraak ID-kaart", "Afspraak maken lukt niet"),
            ("Aanvraag uittreksel BRP",),
            ("Verzoek thuisbezoek ID-kaart",),
        ),
        "en": (
            "Hi, I just moved to Stadsveen. How do I register at the municipality and get a BSN?",
            "Can I make an appointment for a passport in English?",
            "I need to register my new address: {adr}. Is there an English form?",
        ),
        "en_subj": ("Question", "Registration and passports"),
    },
    "geluidsoverlast": {
        "weight": 8,
        "report_weight": 10,
        "tags": ("#geluidsoverlast", "#overlast"),
        "social": (
            "Alweer feest bij de buren op de {st}. Het is {tijd} en ik moet morgen werken.",
            "Terras van {horeca} is weer tot diep in de nacht open. Wie handhaaft hier eigenlijk?",
            "Bladblazers om 7 uur 's ochtends op de {st}. Kan dat niet later?",
            "Wat is het nummer voor geluidsoverlast? Bovenburen zijn al uren aan het boren.",
            "Scooters die elke nacht door de {st} scheuren. Niet normaal meer.",
            "Blaffende hond op de {st}, de hele dag. Eigenaar is nooit thuis.",
            "Geluidsoverlast van {horeca} in de {st}. Al {weken} elk weekend hetzelfde.",
        ),
        "chat": (
            "Goedenavond, er is al uren harde muziek bij {adr}. Kan er iemand langskomen?",
            "Wat kan ik doen tegen geluidsoverlast van mijn buren? Praten helpt niet.",
            "Bij {horeca} gaat elke vrijdag de muziek keihard aan. Wij wonen erboven, op de {st}.",
        ),
        "mail": (
            "Al {weken} ervaren wij ernstige geluidsoverlast van {horeca} op de {st}. Met name in het weekend "
            "staat er tot ver na sluitingstijd harde muziek aan en verzamelen bezoekers zich luidruchtig op "
            "straat. Wij hebben hierover al eerder contact gehad met de uitbater, maar zonder resultaat. Wij "
            "verzoeken u te controleren of de vergunningsvoorwaarden worden nageleefd.",
            "Ik wil melding maken van aanhoudende geluidsoverlast door mijn bovenburen op {adr}. Het gaat om "
            "harde muziek en gestamp tot diep in de nacht. Buurtbemiddeling is al geprobeerd. Welke "
            "mogelijkheden heeft de gemeente nog?",
        ),
        "subj": (("Geluidsoverlast horeca {st}", "Overlast {st}"),
                 ("Melding geluidsoverlast buren", "Geluidsoverlast {adr}")),
        "report": (
            ("Harde muziek uit woning {adr}, al {n} uur.", "overlast", "geluidsoverlast-muziek"),
            ("Overlast horeca ({horeca}), {st}: muziek en schreeuwende bezoekers.", "overlast", "overlast-horeca"),
            ("Scooters scheuren door de {st}, elke avond.", "overlast", "overlast-verkeer"),
        ),
        "en": (
            "Loud music from a bar on {st} every weekend until late. Who do I contact?",
            "My neighbours on {st} have parties every night. Is there anything the city can do?",
        ),
        "en_subj": ("Noise complaint",),
    },
    "jongerenwerk": {
        "weight": 4,
        "report_weight": 5,
        "tags": ("#jongerenwerk", "#overlast"),
        "social": (
            "Elke avond hangjongeren bij het winkelcentrum in {wk}. Vuurwerk, scooters, troep.",
            "Waarom is het jongerencentrum in {wk} dicht? Nu hangen ze allemaal op straat.",
            "Complimenten aan de jongerenwerkers in {wk}. Het is een stuk rustiger sinds zij er zijn.",
            "Groep jongeren bij het speeltuintje op de {st}, lachgas en harde muziek tot {tijd}.",
            "Is er voor mijn zoon van 15 iets te doen in {wk}? Sport of zo?",
        ),
        "chat": (
            "Er staan weer jongeren bij de bankjes op de {st}, veel lawaai. Kan er een jongerenwerker langs?",
            "Hoe kom ik in contact met het jongerenwerk in {wk}? Mijn dochter zoekt vrijwilligerswerk.",
        ),
        "mail": (
            "Als bewoners van de {st} ervaren wij al maanden overlast van een groep jongeren bij het speelveld. "
            "Er wordt lachgas gebruikt, er blijft veel afval achter en omwonenden worden uitgescholden. Wij "
            "vragen de gemeente de inzet van jongerenwerk en handhaving in onze buurt te vergroten.",
            "Graag wil ik mijn waardering uitspreken voor het jongerenwerk in {wk}. Mijn zoon heeft via de "
            "jongerenwerker een stageplek gevonden. Ik hoop dat dit werk ook volgend jaar gefinancierd blijft.",
        ),
        "subj": (("Overlast jongeren {st}",), ("Compliment jongerenwerk", "Jongerenwerk {wk}")),
        "report": (
            ("Groep jongeren bij speeltuin {st}, lachgas, afval.", "overlast", "overlast-jongeren"),
            ("Lachgaspatronen op straat, {st}.", "afval", "zwerfafval"),
        ),
        "en": ("Is there a youth centre in {wk}? My teenager is looking for activities.",),
        "en_subj": ("Youth activities",),
    },
    "groen": {
        "weight": 7,
        "report_weight": 15,
        "tags": ("#bomen", "#groen", "#storm"),
        "social": (
            "Boom op de {st} hangt gevaarlijk scheef sinds de storm. Kan iemand kijken?",
            "Grote tak afgebroken, ligt half op het fietspad bij de {st}.",
            "Waarom worden er {n} gezonde bomen gekapt op de {st}? Ik zie nergens een vergunning.",
            "Gras in het park in {wk} is al weken niet gemaaid. Tot je knieën!",
            "Eikenprocessierupsen in de bomen langs de {st}, mijn kind heeft uitslag.",
            "Wortels van de {boom} voor ons huis drukken de stoep omhoog. {st}.",
            "Mooi dat er nieuwe bomen zijn geplant op de {st} 🌳",
            "Onkruid op de stoep in de {st} is niet meer bij te houden. Wanneer komt de veegwagen?",
        ),
        "chat": (
            "Er ligt een grote tak op de weg bij {adr}. Kan die worden opgehaald?",
            "Hoi, de {boom} voor {adr} is half afgebroken na de storm. Gevaarlijk!",
            "Kan ik een boom adopteren of een geveltuin aanleggen in de {st}?",
        ),
        "mail": (
            "De {boom} voor onze woning aan de {adr} vertoont sinds de laatste storm een flinke scheur in de "
            "stam. Ik maak mij zorgen dat de boom bij de volgende storm omvalt op een auto of voorbijganger. "
            "Ik verzoek u de boom te laten inspecteren.",
            "Tot mijn verbazing zijn vanochtend {n} bomen op de {st} gekapt. Ik heb geen kapvergunning kunnen "
            "vinden en bewoners zijn niet geïnformeerd. Graag ontvang ik uitleg over de reden van de kap en "
            "of er nieuwe bomen worden teruggeplaatst.",
            "Langs de {st} staan {n} eiken die besmet zijn met de eikenprocessierups. Mijn kinderen lopen "
            "hier dagelijks langs naar school. Wanneer worden de nesten verwijderd?",
        ),
        "subj": (("Beschadigde boom {st}", "Verzoek inspectie boom {adr}"), ("Bomenkap {st}",),
                 ("Eikenprocessierups {st}", "Eikenprocessierups {wk}")),
        "report": (
            ("Afgebroken tak op fietspad {st}.", "groen", "boom-tak"),
            ("Boom scheef, dreigt om te vallen, {adr}.", "groen", "boom"),
            ("Eikenprocessierups in bomen {st}.", "groen", "eikenprocessierups"),
            ("Gras niet gemaaid, speelveld {st}.", "groen", "gras"),
            ("Overhangende struiken, fietspad {st} versperd.", "groen", "beplanting"),
        ),
        "en": ("A big branch fell on the bike path on {st}. Someone could get hurt.",),
        "en_subj": ("Fallen branch {st}",),
    },
    "compliment": {
        "weight": 6,
        "tags": ("#dankjewel", "#Stadsveen"),
        "social": (
            "Dank aan de gemeente voor het snelle opruimen van de omgevallen boom op de {st}! 👏",
            "Binnen een dag was de lantaarnpaal op de {st} gerepareerd. Top service!",
            "Fijn geholpen aan de balie van het stadskantoor vandaag. Vriendelijk en snel.",
            "Complimenten voor de vuilnisophalers in {wk}, altijd vriendelijk en netjes.",
            "De nieuwe speeltuin in de {st} is prachtig. Kinderen zijn er niet weg te slaan 😊",
            "Eindelijk is het fietspad langs de {st} klaar. Rijdt heerlijk!",
            "Wat een mooie kerstverlichting in de binnenstad dit jaar ✨",
        ),
        "chat": (
            "Dank jullie wel voor de snelle hulp met mijn afvalpas!",
            "Bedankt, de container op de {st} is geleegd 👍",
            "Top, het is geregeld. Fijne dag nog!",
        ),
        "mail": (
            "Graag wil ik mijn complimenten overbrengen aan de medewerkers die op {dag} de omgevallen boom op "
            "de {st} hebben opgeruimd. Binnen een uur was de weg weer vrij en alles netjes opgeveegd.",
            "Onlangs ben ik aan de balie van het stadskantoor bijzonder vriendelijk geholpen bij de aanvraag "
            "van een nieuw paspoort. De medewerker nam uitgebreid de tijd om alles uit te leggen. Dat mag ook "
            "weleens gezegd worden.",
        ),
        "subj": (("Compliment", "Dank voor snelle hulp"),
                 ("Complimenten aan uw medewerkers", "Compliment balie stadskantoor")),
        "en": (
            "Thanks for fixing the street light on {st} so quickly!",
            "Great service at the city office today, very helpful staff.",
        ),
        "en_subj": ("Thank you",),
    },
    "klacht": {
        "weight": 7,
        "tags": ("#klantcontact", "#Stadsveen"),
        "social": (
            "Al {weken} wacht ik op antwoord op mijn mail. Leest er eigenlijk iemand mee bij de gemeente?",
            "{n} keer gebeld met de gemeente, {n} keer een ander verhaal. Dit kan toch niet.",
            "Telefonisch wachten bij de gemeente: 45 minuten. Daarna opgehangen.",
            "Melding over de {st} gewoon afgesloten zonder dat er iets is gebeurd. Lekker dan.",
            "Waarom kan ik nergens een klacht indienen op jullie website? Formulier werkt niet.",
            "Wordt er überhaupt iets gedaan met meldingen? Ik meld het nu voor de {n}e keer.",
        ),
        "chat": (
            "Ik heb al {n} keer gebeld over mijn melding en niemand belt terug. Mijn nummer is {tel}.",
            "Ik wil een klacht indienen over een medewerker van het klantcontactcentrum.",
            "Waarom is mijn melding over de {st} gesloten? Het probleem is er nog steeds.",
        ),
        "mail": (
            "Hierbij dien ik een formele klacht in over de afhandeling van mijn melding over de {st}. Ik heb "
            "deze melding op {dag} gedaan en ontving daarna bericht dat de melding was afgehandeld, terwijl "
            "er niets is gebeurd. Ik verwacht dat de melding opnieuw in behandeling wordt genomen.",
            "Al {weken} wacht ik op een reactie op mijn brief. Ik heb meerdere keren gebeld en steeds werd mij "
            "toegezegd dat ik zou worden teruggebeld. Dat is niet gebeurd. U kunt mij bereiken op {tel} of "
            "per mail via {mail}.",
        ),
        "subj": (("Klacht over afhandeling melding", "Formele klacht"),
                 ("Geen reactie op mijn brief", "Nog steeds geen reactie")),
        "en": (
            "I've been waiting weeks for a reply to my email. Is anyone reading these?",
            "Your website's contact form keeps giving an error.",
        ),
        "en_subj": ("Complaint",),
    },
}

# --------------------------------------------------------------------------
# Incidents: bursts of many messages about one thing on one street.
# Every template names the street ({st}) so the messages can be clustered, and
# only that street: no {st2}, which would differ from message to message.
# --------------------------------------------------------------------------
INCIDENTS: dict[str, dict] = {
    "storm-boom": {
        "weight": 5,
        "tags": ("#storm", "#Stadsveen"),
        "social": (
            "Er ligt een enorme boom over de {st}! Niemand kan erlangs.",
            "Boom omgewaaid op de {st}, ligt dwars over de weg. Bijna op een auto.",
            "Storm heeft een boom geveld op de {st}. Brandweer is er net.",
            "Weg geblokkeerd door omgevallen boom op de {st}, rijd om!",
            "Pas op: de {st} is dicht, grote boom op de rijbaan bij nummer {nr}. 🌳💨",
            "Zijn jullie al op de hoogte van de boom op de {st}? Ligt er al een half uur.",
            "Omgevallen boom op de {st} heeft een geparkeerde auto geraakt. Gelukkig niemand gewond.",
            "Takken en een halve boom over het fietspad langs de {st}. Kinderen moeten zo naar school!",
        ),
        "chat": (
            "Er is een boom omgevallen op de {st}, ter hoogte van nummer {nr}. Hij ligt over de hele weg.",
            "Boom omgewaaid op de {st}, hij ligt op de auto van de buren.",
            "Dringend: boom ligt over de {st}, fietsers kunnen er niet langs.",
        ),
        "mail": (
            "Zojuist is op de {st}, ter hoogte van nummer {nr}, een grote boom omgewaaid. De boom ligt over de "
            "gehele rijbaan en heeft een geparkeerde auto geraakt. Ik verzoek u met spoed maatregelen te nemen.",
        ),
        "subj": (("Omgewaaide boom {st}", "Spoed: boom over de weg {st}"),),
        "report": (
            ("Boom omgewaaid, ligt over de rijbaan bij {adr}.", "groen", "boom-omgevallen"),
            ("Omgevallen boom blokkeert de {st}.", "groen", "boom-omgevallen"),
            ("Grote tak op de weg {st} thv {nr}, storm.", "groen", "boom-tak"),
        ),
        "en": ("A huge tree has fallen across {st}, the road is blocked.",),
        "en_subj": ("Fallen tree {st}",),
    },
    "waterleiding": {
        "weight": 2,
        "tags": ("#wateroverlast",),
        "social": (
            "Waterleidingbreuk op de {st}, de hele straat staat blank!",
            "Water spuit uit de grond op de {st}. Is het waterbedrijf al gebeld?",
            "Geen water meer in huis en de {st} is een rivier. Wat is er aan de hand?",
            "De {st} is afgesloten door water op straat, fietsers moeten omrijden.",
        ),
        "chat": (
            "Er stroomt heel veel water over de {st}, lijkt een gesprongen leiding bij nummer {nr}.",
            "Wij hebben geen water meer, {adr}. Heeft dat met de lekkage in de straat te maken?",
        ),
        "mail": (
            "Vanochtend is op de {st} een waterleiding gesprongen. Het water staat inmiddels tot aan de voordeur "
            "van {adr}. Ik wil u vragen wie aansprakelijk is voor eventuele schade.",
        ),
        "subj": (("Wateroverlast {st}", "Gesprongen leiding {st}"),),
        "report": (
            ("Water op straat, vermoedelijk leidingbreuk, {adr}.", "wegen-verkeer-straatmeubilair", "wateroverlast"),
            ("Straat blank {st}, put loopt over.", "wegen-verkeer-straatmeubilair", "riolering"),
        ),
        "en": ("There's a burst water main on {st}, the whole street is flooded.",),
        "en_subj": ("Flooding {st}",),
    },
    "verlichting-storing": {
        "weight": 2,
        "tags": ("#storing",),
        "social": (
            "Hele {st} in het donker, alle lantaarnpalen uit. Storing?",
            "Straatverlichting valt uit in de {st} en omgeving. Heel {wk} donker?",
            "Is er een storing? Geen enkele lantaarnpaal brandt op de {st}.",
        ),
        "chat": (
            "Alle straatlantaarns in de {st} zijn uit sinds een uur.",
            "Hoi, bij ons op de {st} is alle straatverlichting uit. Weten jullie ervan?",
        ),
        "mail": (
            "Sinds vanavond is de volledige straatverlichting op de {st} uitgevallen. Het is pikdonker en er "
            "lopen veel kinderen en ouderen op straat. Graag verneem ik wanneer dit wordt verholpen.",
        ),
        "subj": (("Storing straatverlichting {st}",),),
        "report": (
            ("Straatverlichting uit, complete {st}.", "verlichting", "storing"),
            ("Meerdere lantaarnpalen uit op de {st} vanaf nr {nr}.", "verlichting", "storing"),
        ),
        "en": ("All the street lights on {st} are out. Is there a power cut?",),
        "en_subj": ("Street lights out {st}",),
    },
    "brand": {
        "weight": 2,
        "tags": ("#brand", "#Stadsveen"),
        "social": (
            "Grote rookwolk boven de {st}. Ramen dicht houden!",
            "Brand bij een bedrijfspand op de {st}? Je ruikt het in heel {wk}.",
            "Wat brandt er op de {st}? Veel sirenes en zwarte rook.",
            "As regent neer in de tuin, brand op de {st}. Moeten we binnen blijven?",
        ),
        "chat": (
            "Er komt veel rook van de {st}, moeten we ramen en deuren sluiten?",
            "Is er een NL-Alert voor de brand op de {st}?",
        ),
        "mail": (
            "Vanmiddag is er brand uitgebroken in een pand aan de {st}. Onze tuin en auto liggen vol roet en as. "
            "Kunt u aangeven of dit schadelijk is en wie de schoonmaak vergoedt?",
        ),
        "subj": (("Brand {st}", "Roet en as na brand {st}"),),
        "report": (
            ("Rookoverlast door brand {st}.", "overlast", "stank-rook"),
            ("Afvalcontainer in brand bij {adr}.", "afval", "container-brand"),
        ),
        "en": ("Big plume of smoke over {st}. Should we keep windows closed?",),
        "en_subj": ("Fire on {st}",),
    },
    "verkeerslichten": {
        "weight": 2,
        "tags": ("#verkeer",),
        "social": (
            "Verkeerslichten op de kruising bij de {st} doen het niet. Chaos!",
            "Stoplichten op de {st} uit, bijna een aanrijding gezien.",
            "Kruising bij de {st} zonder stoplichten in de spits. Levensgevaarlijk.",
        ),
        "chat": ("De stoplichten op de grote kruising bij de {st} zijn uit.",),
        "mail": (
            "De verkeerslichten op de kruising bij de {st} zijn sinds vanochtend buiten werking. "
            "Er ontstaan gevaarlijke situaties, met name voor overstekende schoolkinderen.",
        ),
        "subj": (("Verkeerslichten {st} defect",),),
        "report": (
            ("Verkeerslichten defect, kruising bij de {st}.", "wegen-verkeer-straatmeubilair", "verkeerslicht"),
        ),
        "en": ("The traffic lights at the crossing on {st} are out.",),
        "en_subj": ("Traffic lights {st}",),
    },
    "feest": {
        "weight": 2,
        "tags": ("#geluidsoverlast",),
        "social": (
            "Wat is dat voor herrie op de {st}? Het is {tijd}!",
            "Illegaal feest in een loods aan de {st}? Bassen tot in {wk}.",
            "Kan iemand de politie sturen naar de {st}? Muziek keihard, al uren.",
        ),
        "chat": ("Er is een feest met keiharde muziek op de {st}, al uren.",),
        "mail": (
            "Vannacht was er tot {tijd} een luidruchtig feest aan de {st}. Ik wil hierover formeel een klacht "
            "indienen en vraag u te onderzoeken of hier een vergunning voor was afgegeven.",
        ),
        "subj": (("Nachtelijke overlast {st}",),),
        "report": (("Harde muziek, feest in pand aan de {st}, {tijd}.", "overlast", "geluidsoverlast-muziek"),),
        "en": ("Extremely loud party on {st}, it's {tijd}.",),
        "en_subj": ("Noise {st}",),
    },
}

# --------------------------------------------------------------------------
# Follow-ups in a thread
# --------------------------------------------------------------------------
FOLLOW_SAME: dict[str, tuple[str, ...]] = {
    "social": (
        "Update: nog steeds niks gebeurd.",
        "Nog steeds geen reactie. Hallo?",
        "Inmiddels {dagen} verder en er is niemand geweest.",
        "Is hier al iets over bekend?",
        "Aanvulling: het gaat om de {adr}.",
        "Top, het is opgelost! Dank jullie wel 👍",
        "Bedankt voor de reactie, ik wacht het af.",
        "Ik heb het ook via de app gemeld, maar nog niks gehoord.",
        "En weer een dag verder...",
        "Dm gestuurd met mijn gegevens.",
        "Nog even een duwtje: dit speelt nog steeds op de {st}.",
    ),
    "chat": (
        "Is er al nieuws?",
        "Hallo? Ik heb nog geen antwoord gekregen.",
        "Hier nog een foto erbij. Het is echt erg.",
        "Sorry, het huisnummer is {nr}.",
        "Oké, dank je wel!",
        "Mijn telefoonnummer is {tel}, bel me gerust.",
        "Het is inmiddels opgelost, bedankt.",
        "Mijn postcode is {pc}, huisnummer {nr}.",
        "👍",
    ),
    "mail": (
        "Graag verwijs ik naar mijn onderstaande e-mail, waarop ik nog geen reactie heb ontvangen. Kunt u "
        "mij laten weten wanneer ik een antwoord kan verwachten?",
        "Dank voor uw reactie. Helaas is het probleem nog niet opgelost. Ik verzoek u nogmaals hier aandacht "
        "aan te besteden.",
        "Aanvullend op mijn eerdere bericht: ik ben overdag bereikbaar op {tel}.",
        "Hartelijk dank voor de snelle afhandeling.",
        "Inmiddels zijn we {dagen} verder. Ik wil u vragen mijn bericht alsnog in behandeling te nemen.",
    ),
    "en": ("Any update on this?", "Still no reply...", "Thanks, it's fixed now!"),
}
FOLLOW_OTHER: dict[str, tuple[str, ...]] = {
    "social": (
        "Hier ook! Bij ons in de {st2} precies hetzelfde.",
        "Zelfde probleem in {wk}. Al weken.",
        "Klopt, ik heb het vorige week ook al gemeld.",
        "Heb je het al via de MijnStadsveen-app gemeld? Dan gaat het vaak sneller.",
        "Haha herkenbaar 😂",
        "Eens. Dit moet echt beter.",
        "Het is vanochtend al opgelost hoor, net langs gefietst.",
        "Wij wonen om de hoek op de {st2}, daar is het net zo erg.",
    ),
    "en": ("Same here!", "Same problem on my street."),
}
