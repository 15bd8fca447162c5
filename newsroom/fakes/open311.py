"""A loopback Open311 GeoReport v2 endpoint (``/open311/v2``): services and service requests.

As the spec says: ``requests.json`` filters on ``requested_datetime`` only
(``start_date``/``end_date``, w3c with a timezone; the last 90 days when
neither is given), caps an answer at `cap` (1000) requests, newest first,
honours ``status``, ``service_code`` and ``service_request_id`` (which
overrides the rest), and the non-standard page/page_size extension.
Errors are GeoReport lists: ``[{"code":403,"description":"..."}]``.
``POST requests.json`` (form-encoded) needs the api_key. Service codes are
always strings.

Hooks: `post_request`, `update_request`, `seed_backlog`, `credentials`;
`paging = False` makes the server ignore page/page_size like most do.
"""
from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from newsroom.fakes.base import FakeServer, Request, Response, now, route
from newsroom.timeutil import parse_instant

AMS = ZoneInfo("Europe/Amsterdam")
PREFIX = "/open311/v2"

SERVICES = (
    ("001", "Losliggende stoeptegel", "Wegen en straatmeubilair"),
    ("002", "Kapotte straatverlichting", "Verlichting"),
    ("003", "Volle afvalcontainer", "Afval"),
    ("004", "Zwerfafval", "Afval"),
    ("005", "Gat in de weg", "Wegen en straatmeubilair"),
    ("006", "Overhangend groen", "Groen"),
    ("007", "Fietswrak", "Overlast"),
)
DESCRIPTIONS = {
    "001": "Tegel ligt los voor de ingang van {adr}, er is al iemand over gestruikeld.",
    "002": "Lantaarnpaal bij {adr} doet het niet meer, al een paar dagen donker.",
    "003": "Container op de {st} is vol, zakken staan ernaast.",
    "004": "Veel zwerfafval in het plantsoen langs de {st}.",
    "005": "Flink gat in het fietspad ter hoogte van {adr}.",
    "006": "Takken hangen over het trottoir bij {adr}, je moet de weg op.",
    "007": "Fietswrak zonder wielen staat al weken bij {adr}.",
}
STREETS = ("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenlaan", "Beukenlaan", "Marktplein", "Julianastraat", "Veenkade")


def _w3c(dt: datetime) -> str:
    return dt.astimezone(AMS).replace(microsecond=0).isoformat()


def _errors(code: int, description: str) -> Response:
    return Response(code, [{"code": code, "description": description}])


class Open311Fake(FakeServer):
    platform = "open311"

    def __init__(self, port: int = 0, host: str = "127.0.0.1", *, cap: int = 1000, seed: int = 11,
                 jurisdiction: str = "stadsveen.nl", api_key: str = "demo-api-key-3f9a", first_id: int | None = None):
        super().__init__(port, host)
        self.cap = cap
        self.rng = random.Random(seed)
        self.jurisdiction = jurisdiction
        self.api_key = api_key
        self.paging = True
        self.requests_by_id: dict[str, dict] = {}
        self._ids = itertools.count(first_id or 638344)

    @property
    def endpoint(self) -> str:
        return self.base_url + PREFIX

    def credentials(self) -> dict[str, str]:
        return {"base_url": self.endpoint, "jurisdiction_id": self.jurisdiction, "api_key": self.api_key}

    # -- hooks -------------------------------------------------------------------------------

    def post_request(self, description: str | None, *, service_code: str = "001", lat: float | None = 52.1385,
                     long: float | None = 5.3012, address_string: str | None = None, at: datetime | None = None,
                     email: str | None = None) -> str:
        """A citizen files a request (status open); returns its service_request_id."""
        with self.lock:
            when = (at or now()).replace(microsecond=0)
            rid = str(next(self._ids))
            name = next((s[1] for s in SERVICES if s[0] == service_code), "Overig")
            self.requests_by_id[rid] = {
                "service_request_id": rid, "status": "open", "status_notes": None, "service_name": name,
                "service_code": str(service_code), "description": description, "agency_responsible": "Gemeente Stadsveen",
                "service_notice": None, "requested_datetime": _w3c(when), "updated_datetime": _w3c(when),
                "expected_datetime": None, "address": address_string, "address_id": None, "zipcode": None,
                "lat": lat, "long": long, "media_url": None,
                **({"email": email} if email else {}),
            }
            return rid

    def update_request(self, rid: str, status: str, status_notes: str | None = None, *, at: datetime | None = None) -> None:
        """The back office changes a request (status open/closed, notes for the citizen)."""
        with self.lock:
            request = self.requests_by_id[rid]
            request.update(status=status, status_notes=status_notes, updated_datetime=_w3c(at or now()))

    def seed_backlog(self, n: int, *, at: datetime | None = None, spread: timedelta = timedelta(days=3)) -> list[str]:
        """`n` requests spread over `spread` before `at` (all at `at` when spread is zero)."""
        end = at or now()
        ids = []
        for _ in range(n):
            code = self.rng.choice(SERVICES)[0]
            street = self.rng.choice(STREETS)
            adr = f"{street} {self.rng.randint(1, 140)}"
            description = DESCRIPTIONS[code].format(adr=adr, st=street) if self.rng.random() < 0.9 else None
            ids.append(self.post_request(
                description, service_code=code, lat=round(52.1385 + self.rng.uniform(-0.03, 0.03), 6),
                long=round(5.3012 + self.rng.uniform(-0.04, 0.04), 6), address_string=f"{adr}, Stadsveen",
                at=end - spread * self.rng.random() if spread else end,
            ))
        return ids

    # -- responses ---------------------------------------------------------------------------

    def rate_limited_response(self, reset_at: datetime) -> Response:
        return _errors(429, "Too many requests")  # GeoReport has no rate-limit headers

    def server_error_response(self, status: int) -> Response:
        return Response(status, "<html><body><h1>503 Service Unavailable</h1></body></html>", content_type="text/html")

    def not_found_response(self, request: Request) -> Response:
        return _errors(404, "Not found")

    def _jurisdiction(self, value: str | None) -> Response | None:
        if value and value != self.jurisdiction:
            return _errors(404, f"jurisdiction_id {value} not found")
        return None

    # -- routes ------------------------------------------------------------------------------

    @route("GET", PREFIX + r"/services\.json")
    def services(self, request: Request) -> Response:
        bad = self._jurisdiction(request.arg("jurisdiction_id"))
        return bad or Response(200, [
            {"service_code": code, "service_name": name, "description": f"Meld een {name.lower()}.", "metadata": False,
             "type": "realtime", "keywords": name.lower().replace(" ", ","), "group": group}
            for code, name, group in SERVICES
        ])

    @route("GET", PREFIX + r"/services/(?P<code>[^/]+)\.json")
    def service_definition(self, request: Request) -> Response:
        code = request.params["code"]
        if code not in {s[0] for s in SERVICES}:
            return _errors(404, f"service_code {code} not found")
        return Response(200, {"service_code": code, "attributes": []})

    @route("GET", PREFIX + r"/requests\.json")
    def list_requests(self, request: Request) -> Response:
        bad = self._jurisdiction(request.arg("jurisdiction_id"))
        if bad:
            return bad
        with self.lock:
            ids = request.args("service_request_id")
            if ids:
                return Response(200, [dict(self.requests_by_id[i]) for i in ids if i in self.requests_by_id])
            try:
                end = parse_instant(request.arg("end_date")) if request.arg("end_date") else now()
            except ValueError:
                return _errors(400, "Invalid end_date: use w3c format with a timezone")
            try:
                start = parse_instant(request.arg("start_date")) if request.arg("start_date") else end - timedelta(days=90)
            except ValueError:
                return _errors(400, "Invalid start_date: use w3c format with a timezone")
            statuses = request.args("status") or ["open", "closed"]
            codes = request.args("service_code")
            rows = [
                r for r in self.requests_by_id.values()
                if start <= parse_instant(r["requested_datetime"]) <= end and r["status"] in statuses
                and (not codes or r["service_code"] in codes)
            ]
            rows.sort(key=lambda r: (parse_instant(r["requested_datetime"]), int(r["service_request_id"])), reverse=True)
            if self.paging and request.arg("page"):
                try:
                    page = max(1, int(request.arg("page")))
                    size = min(self.cap, max(1, int(request.arg("page_size", str(self.cap)))))
                except ValueError:
                    return _errors(400, "Invalid page")
                rows = rows[(page - 1) * size: page * size]
            return Response(200, [dict(r) for r in rows[: self.cap]])

    @route("GET", PREFIX + r"/requests/(?P<rid>[^/]+)\.json")
    def one_request(self, request: Request) -> Response:
        with self.lock:
            found = self.requests_by_id.get(request.params["rid"])
            return Response(200, [dict(found)]) if found else _errors(404, "service_request_id not found")

    @route("POST", PREFIX + r"/requests\.json")
    def create_request(self, request: Request) -> Response:
        form = request.form()
        if form.get("api_key") != self.api_key:
            return _errors(403, "Invalid api_key received -- can't proceed with create_request.")
        bad = self._jurisdiction(form.get("jurisdiction_id"))
        if bad:
            return bad
        code = form.get("service_code")
        if code not in {s[0] for s in SERVICES}:
            return _errors(400, "service_code is missing or unknown")
        lat, lon, address = form.get("lat"), form.get("long"), form.get("address_string")
        if not (lat and lon) and not address:
            return _errors(400, "a location is required: lat and long, or address_string")
        try:
            rid = self.post_request(form.get("description") or None, service_code=code,
                                    lat=float(lat) if lat else None, long=float(lon) if lon else None,
                                    address_string=address, email=form.get("email") or None)
        except ValueError:
            return _errors(400, "lat and long must be numbers")
        return Response(201, [{"service_request_id": rid, "service_notice": "Wij handelen uw melding binnen 5 werkdagen af.",
                               "account_id": None}])


def demo_channel(fake: Open311Fake) -> dict[str, Any]:
    """How `newsroom demo` connects a channel to this fake (reading needs no secret)."""
    return {"platform": "open311", "name": "Open311", "options": {"base_url": fake.endpoint, "jurisdiction_id": fake.jurisdiction},
            "secret": None}
