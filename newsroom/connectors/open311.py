"""Open311 GeoReport v2: service requests (meldingen) from a municipality's public endpoint, read-only.

Reading: ``GET {base}/requests.json?start_date=S&end_date=E&status=open,closed``
(plus ``jurisdiction_id`` and ``service_code`` when set). The date filter
applies to ``requested_datetime`` only and servers cap a response (1000 by
default), so the connector walks time windows:

* each fetch reads one window [S, E]; when the answer holds `max_results`
  requests the window is halved and read again (down to one second, then
  the non-standard page/page_size extension is tried);
* the cursor keeps the watermark (the end of the last window read in
  full), the current window span (it doubles again after a short answer)
  and the ids of the requests already taken from the last `overlap_minutes`;
* a new poll starts at watermark - overlap, so requests committed late
  with an earlier requested_datetime are still found; the recent ids keep
  them from being offered twice (the database's dedupe on the external id
  is the second net).

Every request becomes one message (external id = ``service_request_id``).
Status changes (``status``, ``status_notes``, ``updated_datetime``) are
written by the back office, not the citizen: they make no message. The
payload as first seen is kept in ``raw``.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from newsroom.connectors.base import (
    ConfigError,
    Connector,
    CredentialError,
    Health,
    Option,
    Page,
    PermanentError,
    SetAside,
    TransientError,
    decode_json,
    http_error,
    json_body,
)
from newsroom.inbound import InboundItem, InvalidItem, dumps, parse_item
from newsroom.timeutil import UTC, parse_instant, to_iso, utcnow

DEFAULT_DAYS = 90
MIN_WINDOW = timedelta(seconds=1)
MAX_PAGES = 50


class Open311Connector(Connector):
    platform = "open311"
    OPTIONS = (
        Option("base_url", "Endpoint", required=True, help="the GeoReport v2 root, with requests.json under it"),
        Option("jurisdiction_id", "Jurisdiction", help="only when the endpoint serves several jurisdictions"),
        Option("service_code", "Service code(s)", help="only these services (comma-separated codes)"),
        Option("max_results", "Server's result cap", default=1000, kind="int", help="the most requests one answer holds"),
        Option("overlap_minutes", "Overlap (minutes)", default=15, kind="int", help="how far back each poll looks again"),
        Option("since_days", "First run: days back", default=DEFAULT_DAYS, kind="int"),
    )
    needs_secret = False
    can_reply = False
    poll_interval = 15.0  # public report servers: polite, and still within seconds for the desk

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        parts = urlsplit(str(options.get("base_url") or ""))
        account = (parts.netloc + parts.path.rstrip("/")) if parts.netloc else ""
        extra = {k: options.get(k) for k in ("jurisdiction_id", "service_code") if options.get(k)}
        return f"{account}?{urlencode(extra)}" if account and extra else account

    @property
    def base(self) -> str:
        return self.http_base("Open311")

    # -- HTTP ------------------------------------------------------------------------------

    async def _get(self, path: str, params: dict | None = None) -> Any:
        query = dict(params or {})
        if self.channel.option("jurisdiction_id"):
            query["jurisdiction_id"] = self.channel.option("jurisdiction_id")
        response = await self.request("GET", self.base + path, label="the Open311 endpoint", params=query,
                                      headers={"Accept": "application/json"})
        if response.status_code >= 400:
            raise self._error(response)
        return decode_json(response, "the Open311 endpoint")

    def _error(self, response: httpx.Response) -> Exception:
        status = response.status_code
        text = _georeport_error(response)
        if status in (401, 403):
            return CredentialError(f"Open311 refused access: {text}")
        if status == 404:
            return ConfigError(f"Open311: {text} (HTTP 404; check base_url and jurisdiction_id)")
        if status == 400:
            return PermanentError(f"Open311: {text}")
        return http_error(response, reason=f"Open311: HTTP {status}: {text}")

    # -- the calls ----------------------------------------------------------------------------

    async def check(self) -> Health:
        services = await self._get("/services.json")
        if not isinstance(services, list):
            return Health(False, "services.json is not a list of services")
        return Health(True, f"{len(services)} services at {self.channel.account}")

    async def fetch(self, cursor: Any) -> Page:
        state = _cursor(cursor)
        cap = max(1, int(self.channel.option("max_results", 1000)))
        overlap = timedelta(minutes=max(0, int(self.channel.option("overlap_minutes", 15))))
        now = utcnow().replace(microsecond=0)
        if state["watermark"] is None:
            start = now - timedelta(days=int(self.channel.option("since_days", DEFAULT_DAYS)))
        elif state["catching_up"]:
            start = state["watermark"]
        else:
            start = state["watermark"] - overlap
        start = min(start, now)
        span = timedelta(seconds=state["span"]) if state["span"] else now - start
        end = min(now, start + max(span, MIN_WINDOW))

        set_aside: list[SetAside] = []
        while True:
            results = await self._window(start, end)
            if len(results) < cap:
                break
            if end - start > MIN_WINDOW:
                half = (end - start) / 2
                end = start + max(MIN_WINDOW, timedelta(seconds=math.floor(half.total_seconds())))
                continue
            results, complete = await self._pages(start, end, results, cap)
            warned = f"#no-paging@{_w3c(start)}"
            if not complete and warned not in state["recent"]:
                state["recent"][warned] = to_iso(end)
                set_aside.append(SetAside(
                    f"more than {cap} requests within one second at {_w3c(start)} and the endpoint has no paging; "
                    "some of them may be missing", dumps({"start_date": _w3c(start), "end_date": _w3c(end)})))
            break

        recent: dict[str, str] = dict(state["recent"])
        items: list[InboundItem] = []
        for obj in results:
            key = _key(obj)
            if key in recent:
                continue
            try:
                item = self._item(obj)
            except InvalidItem as error:
                set_aside.append(SetAside(error.reason, _raw_text(obj), key if not key.startswith("#") else None))
                recent[key] = to_iso(end)
                continue
            recent[key] = to_iso(item.received_at)
            items.append(item)

        horizon = end - overlap - timedelta(minutes=1)
        recent = {k: v for k, v in recent.items() if _instant(v) is None or _instant(v) >= horizon}
        catching_up = end < now
        next_span = (end - start) * 2 if len(results) < cap // 2 else (end - start)
        new = {
            "watermark": to_iso(end),
            "span": min(next_span, timedelta(days=DEFAULT_DAYS)).total_seconds() if catching_up else None,
            "catching_up": catching_up,
            "recent": recent,
        }
        return Page(items=items, cursor=new, set_aside=set_aside, more=catching_up)

    async def _window(self, start: datetime, end: datetime, **extra) -> list:
        params = {"start_date": _w3c(start), "end_date": _w3c(end), "status": "open,closed", **extra}
        if self.channel.option("service_code"):
            params["service_code"] = self.channel.option("service_code")
        body = await self._get("/requests.json", params)
        if isinstance(body, dict):  # some servers wrap the list
            lists = [v for v in body.values() if isinstance(v, list)]
            body = lists[0] if len(lists) == 1 else None
        if not isinstance(body, list):
            raise TransientError("the Open311 endpoint sent requests.json in an unknown shape (not a list)")
        return body

    async def _pages(self, start: datetime, end: datetime, first: list, cap: int) -> tuple[list, bool]:
        """More than `cap` requests in a one-second window: try the page/page_size extension."""
        out = list(first)
        keys = {_key(o) for o in first}
        for page in range(2, MAX_PAGES + 1):
            more = await self._window(start, end, page=page, page_size=cap)
            fresh = [o for o in more if _key(o) not in keys]
            if more and not fresh:
                return out, False  # the server ignores paging: the same first page again
            out.extend(fresh)
            keys.update(_key(o) for o in fresh)
            if len(more) < cap:
                return out, True
        return out, False

    def _item(self, obj: Any) -> InboundItem:
        if not isinstance(obj, dict):
            raise InvalidItem("a service request must be a JSON object")
        rid = obj.get("service_request_id")
        if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
            raise InvalidItem("the service request has no service_request_id")
        rid = str(rid).strip()
        description = obj.get("description")
        name = obj.get("service_name") if isinstance(obj.get("service_name"), str) else None
        text = description if isinstance(description, str) and description.strip() else (name or "")
        code = obj.get("service_code")
        code = str(code) if isinstance(code, (str, int)) and not isinstance(code, bool) else None
        first, last = (obj.get(k) if isinstance(obj.get(k), str) else "" for k in ("first_name", "last_name"))
        email = obj.get("email") if isinstance(obj.get("email"), str) else None
        phone = obj.get("phone") if isinstance(obj.get("phone"), str) else None
        label = " ".join(p for p in (first, last) if p).strip() or "Melder"
        return parse_item({
            "platform": self.platform, "channel": self.channel.account, "external_id": rid, "thread_id": rid,
            "author": {"name": label, "email": email, "phone": phone},
            "text": text, "received_at": obj.get("requested_datetime"),
            "subject": name, "category": code or name, "location": _location(obj), "raw": obj,
        })


# -- helpers ---------------------------------------------------------------------------


def _w3c(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cursor(cursor: Any) -> dict:
    out: dict = {"watermark": None, "span": None, "catching_up": False, "recent": {}}
    if isinstance(cursor, dict):
        out["watermark"] = _instant(cursor.get("watermark"))
        span = cursor.get("span")
        if isinstance(span, (int, float)) and not isinstance(span, bool) and span > 0:
            out["span"] = float(span)
        out["catching_up"] = cursor.get("catching_up") is True
        if isinstance(cursor.get("recent"), dict):
            out["recent"] = {str(k): str(v) for k, v in cursor["recent"].items()}
    return out


def _instant(value: Any) -> datetime | None:
    try:
        return parse_instant(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _key(obj: Any) -> str:
    if isinstance(obj, dict):
        rid = obj.get("service_request_id")
        if isinstance(rid, (str, int)) and not isinstance(rid, bool) and str(rid).strip():
            return str(rid).strip()
    return "#" + hashlib.sha1(_raw_text(obj).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _location(obj: dict) -> dict | None:
    out: dict = {}
    lat, lon = _number(obj.get("lat")), _number(obj.get("long"))
    if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
        out.update(lat=lat, lon=lon)
    address = obj.get("address")
    if isinstance(address, str) and address.strip():
        out["address"] = address.strip()
    return out or None


def _raw_text(obj: Any) -> str:
    try:
        return dumps(obj)
    except Exception:  # noqa: BLE001
        return repr(obj)


def _georeport_error(response: httpx.Response) -> str:
    """GeoReport's error list [{"code":403,"description":"..."}] as one line."""
    body = json_body(response)
    if body is None:
        return response.reason_phrase or f"HTTP {response.status_code}"
    if isinstance(body, dict):
        body = [body]
    if isinstance(body, list):
        parts = [str(e.get("description")) for e in body if isinstance(e, dict) and e.get("description")]
        if parts:
            return "; ".join(parts)[:1000]
    return response.reason_phrase or f"HTTP {response.status_code}"
