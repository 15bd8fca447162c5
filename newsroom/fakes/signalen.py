"""A loopback Signalen (Amsterdam/signals) private API: signals, status history, categories.

Serves the paths the connector uses, in Signalen's shapes: HAL lists
(``_links.self/next/previous`` with absolute URLs, ``count``, ``results``),
the ``updated_after`` (>=), ``created_after``, ``status``, ``category_slug``
and ``ordering`` filters, page/page_size (max 100, "Invalid page." past the
end), PATCH of the status with a realistic subset of
``ALLOWED_STATUS_CHANGES``, the history, DRF error bodies, DRF throttling
(429, ``Retry-After``) and 401 for a missing, unknown or expired token.

Test hooks: `post_citizen_report`, `citizen_reacts`, `back_office`,
`seed_backlog`, `new_token`, `lose_next_patch_response`, `fail_next_patch`, `clock`.
"""
from __future__ import annotations

import functools
import itertools
import random
import secrets as _secrets
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from newsroom.fakes.base import FakeServer, Request, Response, now, route
from newsroom.timeutil import parse_instant

AMS = ZoneInfo("Europe/Amsterdam")
PREFIX = "/signals/v1/private/signals"
MAX_PAGE_SIZE = 100

STATE_DISPLAY = {
    "m": "Gemeld",
    "i": "In afwachting van behandeling",
    "b": "In behandeling",
    "h": "On hold",
    "ingepland": "Ingepland",
    "o": "Afgehandeld",
    "a": "Geannuleerd",
    "reopened": "Heropend",
    "reaction requested": "Reactie gevraagd",
    "reaction received": "Reactie ontvangen",
    "forward to external": "Doorgezet naar extern",
}

# A subset of Signalen's workflow.ALLOWED_STATUS_CHANGES (states the fake knows).
ALLOWED = {
    "": {"m"},
    "m": {"m", "i", "b", "o", "a", "ingepland", "reaction requested", "forward to external"},
    "i": {"m", "i", "ingepland", "o", "b", "a", "reaction requested", "forward to external"},
    "b": {"m", "ingepland", "b", "o", "a", "reaction requested", "forward to external"},
    "ingepland": {"m", "ingepland", "b", "o", "a", "reaction requested", "forward to external"},
    "h": {"ingepland", "a"},
    "o": {"reopened"},
    "a": {"a", "reopened", "b"},
    "reopened": {"reopened", "b", "o", "a", "m", "reaction requested", "forward to external"},
    "reaction requested": {"m", "i", "b", "ingepland", "o", "a", "reaction requested", "reaction received", "forward to external"},
    "reaction received": {"m", "i", "b", "o", "a", "ingepland", "reaction requested", "forward to external"},
    "forward to external": {"m", "i", "b", "ingepland", "o", "a", "reaction requested", "reaction received"},
}

CATEGORIES = {
    "afval": ("Afval", {
        "container-is-vol": "Container is vol",
        "grofvuil": "Grofvuil",
        "huisafval": "Huisafval",
    }),
    "wegen-verkeer-straatmeubilair": ("Wegen, verkeer, straatmeubilair", {
        "losse-stoeptegel": "Losse stoeptegel",
        "gat-in-de-weg": "Gat in de weg",
        "verkeerslicht": "Verkeerslicht",
    }),
    "openbaar-groen-en-water": ("Openbaar groen en water", {
        "boom": "Boom",
        "onkruid": "Onkruid",
    }),
    "wegen-verkeer-straatmeubilair-verlichting": ("Straatverlichting", {
        "lantaarnpaal-straatverlichting": "Lantaarnpaal straatverlichting",
    }),
    "overlast-in-de-openbare-ruimte": ("Overlast in de openbare ruimte", {
        "fietswrak": "Fietswrak",
        "parkeeroverlast": "Parkeeroverlast",
    }),
}

REPORTS = (
    ("Losliggende stoeptegel voor nr. {nr}, mijn moeder is er bijna over gevallen.", "losse-stoeptegel"),
    ("Container bij {adr} zit helemaal vol, de zakken staan ernaast.", "container-is-vol"),
    ("Iemand heeft een bank en een matras naast de container op de {st} gezet.", "grofvuil"),
    ("Diep gat in het wegdek op de {st} ter hoogte van nr {nr}. Gevaarlijk voor fietsers.", "gat-in-de-weg"),
    ("Lantaarnpaal op de {st} brandt al een week niet. Het is 's avonds aardedonker.", "lantaarnpaal-straatverlichting"),
    ("Grote tak hangt los in de boom voor {adr}, valt zo op de stoep.", "boom"),
    ("Verkeerslicht op de kruising {st} staat steeds op rood voor fietsers.", "verkeerslicht"),
    ("Fietswrak staat al maanden tegen het hek op de {st}.", "fietswrak"),
    ("Elke avond staan er auto's op de stoep bij {adr}, ik kan er met de kinderwagen niet langs.", "parkeeroverlast"),
    ("Huisvuil is op de {st} niet opgehaald, hele straat staat vol.", "huisafval"),
)
REACTIONS = (
    "Het gaat om de tegel vlak voor de voordeur, links van de lantaarnpaal.",
    "Ja, de container staat op de hoek bij de bakker. Hij is nog steeds vol.",
    "Foto heb ik net nog een keer gemaakt, het is sinds gisteren erger geworden.",
    "Het is aan de kant van de even huisnummers, ter hoogte van nr 14.",
    "Dank voor het navragen. Het probleem is nog niet opgelost.",
)
STREETS = ("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenlaan", "Beukenlaan", "Marktplein", "Julianastraat", "Veenkade")

def _iso(dt: datetime) -> str:
    return dt.astimezone(AMS).isoformat()


class SignalenFake(FakeServer):
    platform = "signalen"

    def __init__(self, port: int = 0, host: str = "127.0.0.1", *, seed: int = 7, first_id: int | None = None):
        super().__init__(port, host)
        self.rng = random.Random(seed)
        self.signals: dict[int, dict] = {}
        self.history: dict[int, list[dict]] = {}
        self.tokens: dict[str, float] = {}
        self.token = self.new_token()
        self.clock: Callable[[], datetime] = now
        self._ids = itertools.count(first_id or 1001)
        self._status_ids = itertools.count(1)
        self.lose_patch_responses = 0
        self.refuse_patches: list[int] = []

    # -- hooks -------------------------------------------------------------------------------

    def new_token(self) -> str:
        """Issue a fresh access token (what logging in again at the IdP gives)."""
        token = "eyJhbGciOiJSUzI1NiJ9." + _secrets.token_urlsafe(24) + "." + _secrets.token_urlsafe(16)
        with self.lock:
            self.tokens[token] = time.monotonic()
            self.token = token
        return token

    def credentials(self) -> dict[str, str]:
        return {"base_url": self.base_url, "token": self.token}

    def lose_next_patch_response(self, count: int = 1) -> None:
        """The next `count` PATCHes are applied, but the client gets a 502 (a proxy dropped the answer)."""
        with self.lock:
            self.lose_patch_responses = count

    def fail_next_patch(self, status: int = 429, reset_in: float = 2.0) -> None:
        """The next PATCH is refused with `status` before it is applied (429 throttled, 503, ...)."""
        with self.lock:
            self.refuse_patches.append(status)
            self.faults.rate_reset_in = reset_in

    def post_citizen_report(
        self, text: str, *, category: str = "losse-stoeptegel", address: str = "Kerkstraat 12, Stadsveen",
        lat: float = 52.1385, lon: float = 5.3012, email: str | None = "burger@example.nl", phone: str | None = None,
        at: datetime | None = None,
    ) -> int:
        """A citizen files a melding (state "m"); returns its id."""
        with self.lock:
            when = at or self.clock()
            sid = next(self._ids)
            main_slug, main, sub = self._category(category)
            signal = {
                "id": sid,
                "id_display": f"SIG-{sid}",
                "signal_id": str(uuid.UUID(int=self.rng.getrandbits(128))),
                "source": "online",
                "text": text,
                "text_extra": "",
                "status": None,
                "location": {
                    "address_text": address,
                    "geometrie": {"type": "Point", "coordinates": [lon, lat]},
                    "stadsdeel": "C",
                },
                "category": {"main": main, "main_slug": main_slug, "sub": sub, "sub_slug": category,
                             "departments": "ASC", "created_by": None, "text": None, "deadline": None},
                "reporter": {"email": email, "phone": phone, "sharing_allowed": False},
                "priority": {"priority": "normal"},
                "type": {"code": "SIG"},
                "created_at": _iso(when),
                "updated_at": _iso(when),
                "incident_date_start": _iso(when - timedelta(minutes=10)),
                "incident_date_end": None,
            }
            self.signals[sid] = signal
            self.history[sid] = []
            self._set_status(sid, "m", None, user=None, when=when)
            return sid

    def back_office(self, sid: int, state: str, text: str | None = None, *, at: datetime | None = None) -> None:
        """A back-office user changes the status (no transition check: tests set up any state)."""
        with self.lock:
            self._set_status(sid, state, text, user="behandelaar@stadsveen.nl", when=at or self.clock())

    def citizen_reacts(self, sid: int, text: str, *, at: datetime | None = None) -> None:
        """The reporter answers a question: "reaction requested" (if not already) then "reaction received"."""
        with self.lock:
            when = at or self.clock()
            if self.signals[sid]["status"]["state"] != "reaction requested":
                self._set_status(sid, "reaction requested", "Kunt u aangeven waar het precies is?",
                                 user="behandelaar@stadsveen.nl", when=when)
            self._set_status(sid, "reaction received", text, user=None, when=when)

    def seed_backlog(self, n: int, *, at: datetime | None = None, spread: timedelta = timedelta(days=3)) -> list[int]:
        """`n` reports spread over `spread` before `at` (or all at `at` when spread is zero)."""
        end = at or self.clock()
        ids = []
        for _ in range(n):
            text, cat = self.rng.choice(REPORTS)
            street = self.rng.choice(STREETS)
            nr = self.rng.randint(1, 140)
            when = end - spread * self.rng.random() if spread else end
            ids.append(self.post_citizen_report(
                text.format(nr=nr, st=street, adr=f"{street} {nr}"), category=cat, address=f"{street} {nr}, Stadsveen",
                lat=52.1385 + self.rng.uniform(-0.03, 0.03), lon=5.3012 + self.rng.uniform(-0.04, 0.04),
                email=f"melder{self.rng.randint(1, 9999)}@example.nl" if self.rng.random() < 0.8 else None,
                at=when.replace(microsecond=0) if spread else when,
            ))
        return ids

    def statuses_with_text(self, sid: int, text: str) -> list[dict]:
        with self.lock:
            return [h for h in self.history[sid] if h["what"] == "UPDATE_STATUS" and h["description"] == text]

    # -- internals ---------------------------------------------------------------------------

    def _category(self, slug: str) -> tuple[str, str, str]:
        for main_slug, (main, subs) in CATEGORIES.items():
            if slug in subs:
                return main_slug, main, subs[slug]
        return "overig", "Overig", slug.replace("-", " ").capitalize()

    def _set_status(self, sid: int, state: str, text: str | None, *, user: str | None, when: datetime,
                    send_email: bool = False) -> dict:
        signal = self.signals[sid]
        status_id = next(self._status_ids)
        status = {
            "id": status_id, "text": text, "user": user, "state": state, "state_display": STATE_DISPLAY.get(state, state),
            "target_api": None, "extra_properties": None, "send_email": send_email, "created_at": _iso(when),
        }
        signal["status"] = status
        signal["updated_at"] = _iso(when)
        self.history[sid].insert(0, {
            "identifier": f"UPDATE_STATUS_{status_id}", "when": _iso(when), "what": "UPDATE_STATUS",
            "action": f"Status gewijzigd naar: {STATE_DISPLAY.get(state, state)}", "state": state,
            "description": text, "who": user or "Signalen systeem", "_signal": sid,
        })
        return status

    def _public(self, signal: dict) -> dict:
        out = dict(signal)
        out["status"] = {k: v for k, v in signal["status"].items() if k != "id"}
        out["_links"] = {"self": {"href": f"{self.base_url}{PREFIX}/{signal['id']}"}}
        return out

    def _auth(self, request: Request) -> Response | None:
        token = request.bearer()
        if token is None:
            return Response(401, {"detail": "Authentication credentials were not provided."})
        issued = self.tokens.get(token)
        if issued is None or self.token_expired(issued):
            return Response(401, {"detail": "Invalid or expired token."}, {"WWW-Authenticate": 'Bearer realm="api"'})
        return None

    def rate_limited_response(self, reset_at: datetime) -> Response:
        wait = max(1, int((reset_at - now()).total_seconds() + 0.999))
        return Response(429, {"detail": f"Request was throttled. Expected available in {wait} seconds."}, {"Retry-After": str(wait)})

    def server_error_response(self, status: int) -> Response:
        return Response(status, "<h1>Server Error (500)</h1>", content_type="text/html; charset=utf-8")

    def not_found_response(self, request: Request) -> Response:
        return Response(404, {"detail": "Niet gevonden."})

    # -- routes ------------------------------------------------------------------------------

    @route("GET", r"/signals/v1/private/me/?")
    def me(self, request: Request) -> Response:
        return self._auth(request) or Response(200, {"username": "redactie@stadsveen.nl", "email": "redactie@stadsveen.nl",
                                                    "roles": ["Behandelaar"], "is_superuser": False})

    @route("GET", r"/signals/v1/private/signals/?")
    def list_signals(self, request: Request) -> Response:
        denied = self._auth(request)
        if denied:
            return denied
        errors: dict[str, list[str]] = {}
        filters: list[Callable[[dict], bool]] = []
        for name, key in (("updated_after", "updated_at"), ("created_after", "created_at"),
                          ("updated_before", "updated_at"), ("created_before", "created_at")):
            value = request.arg(name)
            if value:
                try:
                    bound = parse_instant(value)
                except ValueError:
                    errors[name] = ["Voer een geldige datum/tijd in."]
                    continue
                if name.endswith("after"):
                    filters.append(lambda s, k=key, b=bound: _instant(s[k]) >= b)
                else:
                    filters.append(lambda s, k=key, b=bound: _instant(s[k]) <= b)
        states = request.args("status")
        if states:
            filters.append(lambda s: s["status"]["state"] in states)
        slugs = request.args("category_slug")
        if slugs:
            filters.append(lambda s: s["category"]["sub_slug"] in slugs)
        if errors:
            return Response(400, errors)
        ordering = request.arg("ordering", "-created_at")
        field = ordering.lstrip("-")
        if field not in ("updated_at", "created_at", "id"):
            field = "created_at"
        with self.lock:
            rows = [s for s in self.signals.values() if all(f(s) for f in filters)]
            key = (lambda s: (s["id"],)) if field == "id" else (lambda s: (_instant(s[field]), s["id"]))
            rows.sort(key=key, reverse=ordering.startswith("-"))
            try:
                page = int(request.arg("page", "1"))
                size = min(MAX_PAGE_SIZE, max(1, int(request.arg("page_size", str(MAX_PAGE_SIZE)))))
            except ValueError:
                return Response(404, {"detail": "Ongeldige pagina."})
            pages = max(1, -(-len(rows) // size))
            if page < 1 or page > pages:
                return Response(404, {"detail": "Ongeldige pagina."})
            chunk = rows[(page - 1) * size: page * size]
            results = [self._public(s) for s in chunk]

        def link(p: int | None) -> dict:
            if p is None:
                return {"href": None}
            query = {k: v[-1] for k, v in request.query.items()}
            query["page"] = str(p)
            from urllib.parse import urlencode

            return {"href": f"{self.base_url}{request.path}?{urlencode(query)}"}

        return Response(200, {
            "_links": {"self": link(page), "next": link(page + 1 if page < pages else None),
                       "previous": link(page - 1 if page > 1 else None)},
            "count": len(rows),
            "results": results,
        })

    @route("GET", r"/signals/v1/private/signals/(?P<sid>\d+)/?")
    def detail(self, request: Request) -> Response:
        denied = self._auth(request)
        if denied:
            return denied
        with self.lock:
            signal = self.signals.get(int(request.params["sid"]))
            return Response(200, self._public(signal)) if signal else Response(404, {"detail": "Niet gevonden."})

    @route("GET", r"/signals/v1/private/signals/(?P<sid>\d+)/history/?")
    def history_of(self, request: Request) -> Response:
        denied = self._auth(request)
        if denied:
            return denied
        with self.lock:
            sid = int(request.params["sid"])
            if sid not in self.signals:
                return Response(404, {"detail": "Niet gevonden."})
            return Response(200, [dict(h) for h in self.history[sid]])

    @route("PATCH", r"/signals/v1/private/signals/(?P<sid>\d+)/?")
    def patch(self, request: Request) -> Response:
        denied = self._auth(request)
        if denied:
            return denied
        try:
            body = request.json()
        except ValueError:
            return Response(400, {"detail": "JSON parse error - Expecting value: line 1 column 1 (char 0)"})
        with self.lock:
            if self.refuse_patches:
                code = self.refuse_patches.pop(0)
                if code == 429:
                    return self.rate_limited_response(now() + timedelta(seconds=self.faults.rate_reset_in))
                return self.server_error_response(code)
            sid = int(request.params["sid"])
            signal = self.signals.get(sid)
            if signal is None:
                return Response(404, {"detail": "Niet gevonden."})
            status = body.get("status") if isinstance(body, dict) else None
            if not isinstance(status, dict):
                return Response(400, {"status": ["Dit veld is vereist."]})
            state = status.get("state")
            text = status.get("text")
            if state not in STATE_DISPLAY:
                return Response(400, {"status": {"state": [f'"{state}" is een ongeldige keuze.']}})
            current = signal["status"]["state"]
            if state not in ALLOWED.get(current, set()):
                return Response(400, {"status": [
                    f"Invalid state transition from `{STATE_DISPLAY.get(current, current)}` to `{STATE_DISPLAY[state]}`."
                ]})
            if state == "reaction requested":
                if not text:
                    return Response(400, {"status": {"text": ["This field is required when requesting a reaction."]}})
                if len(text) > 1000:
                    return Response(400, {"status": {"text": ["Zorg ervoor dat dit veld niet meer dan 1000 karakters bevat."]}})
                if not signal["reporter"].get("email"):
                    return Response(400, {"status": {"state": ["No email address known for reporter."]}})
            self._set_status(sid, state, text, user="redactie@stadsveen.nl", when=self.clock(),
                             send_email=bool(status.get("send_email")))
            if self.lose_patch_responses > 0:
                self.lose_patch_responses -= 1
                return Response(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", content_type="text/html")
            return Response(200, self._public(signal))

    @route("GET", r"/signals/v1/public/terms/categories/?")
    def categories(self, request: Request) -> Response:
        results = []
        for main_slug, (main, subs) in CATEGORIES.items():
            base = f"{self.base_url}/signals/v1/public/terms/categories/{main_slug}"
            results.append({
                "_links": {"self": {"href": base}}, "_display": main, "slug": main_slug, "name": main, "is_active": True,
                "sub_categories": [
                    {"_links": {"self": {"href": f"{base}/sub_categories/{slug}"}}, "_display": f"{name} ({main})",
                     "slug": slug, "name": name, "is_active": True, "handling_message": "Wij handelen uw melding binnen 5 werkdagen af."}
                    for slug, name in subs.items()
                ],
            })
        return Response(200, {"_links": {"self": {"href": f"{self.base_url}/signals/v1/public/terms/categories/"},
                                         "next": {"href": None}, "previous": {"href": None}},
                              "count": len(results), "results": results})


@functools.lru_cache(maxsize=1 << 16)
def _instant(text: str):
    """parse_instant, remembered: every list request filters and sorts every signal by its times."""
    return parse_instant(text)


def demo_channel(fake: SignalenFake) -> dict[str, Any]:
    """How `newsroom demo` connects a channel to this fake."""
    return {"platform": "signalen", "name": "Signalen", "options": {"base_url": fake.base_url, "username": "redactie"},
            "secret": fake.token}
