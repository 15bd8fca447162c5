"""Signalen (Amsterdam/signals): meldingen openbare ruimte from the private API, answers as status changes.

Reading: ``GET /signals/v1/private/signals/?updated_after=W&ordering=updated_at&page=P&page_size=N``
with the OIDC access token as Bearer. ``updated_after`` is ``>=``, so the
cursor keeps the watermark W (the highest ``updated_at`` fully processed)
plus the keys ``id@updated_at`` already handled at exactly W. A page whose
items all sit at W (a tie group bigger than a page) is walked with page
numbers under the same W; otherwise the next query restarts at page 1 with
the new W (keyset paging, so updates during a walk cannot shift items past
us).

What becomes a message:

* the citizen's report, once: external id ``SIG-<id>`` (text, sub category
  slug as category, location, reporter as author);
* every citizen reaction (status "reaction received" with the citizen's
  text): ``SIG-<id>:reaction:<status created_at>``, ``in_reply_to`` the
  report, so it joins the same case.

Status changes by the back office (or our own answers) are not citizen
messages and produce no item; the signal as seen is kept in ``raw`` of the
items above. To find reactions that a later status change hid, the cursor
remembers signals in "reaction requested" and reads their history when
they change.

Answering: ``PATCH /signals/v1/private/signals/{id}`` with
``{"status": {"state": S, "text": ..., "send_email": true}}``; Signalen
mails the reporter. See `_target_state` for S.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from newsroom.connectors.base import (
    Connector,
    CredentialError,
    Health,
    Option,
    OutboundReply,
    Page,
    PermanentError,
    RateLimited,
    SendResult,
    SetAside,
    TransientError,
    decode_json,
    http_error,
    json_body,
    parse_reset,
)
from newsroom.inbound import InboundItem, InvalidItem, dumps, parse_item
from newsroom.timeutil import parse_instant, to_iso, utcnow

LIST_PATH = "/signals/v1/private/signals/"
ME_PATH = "/signals/v1/private/me/"
REACTION_REQUESTED = "reaction requested"
REACTION_RECEIVED = "reaction received"
#: states from which an answer moves the signal to "b" (In behandeling)
TO_IN_PROGRESS = frozenset({"m", "i", "reopened", REACTION_RECEIVED, REACTION_REQUESTED, "forward to external", "closure requested"})
#: states an answer keeps (Signalen allows the self-transition), so the back office's planning stays
KEEP = frozenset({"b", "ingepland", "planned", "a"})
MAX_SEEN = 5000


class _NotFound(PermanentError):
    """HTTP 404 (an unknown signal, or a page number past the end)."""


class SignalenConnector(Connector):
    platform = "signalen"
    OPTIONS = (
        Option("base_url", "API address", required=True, help="e.g. https://api.meldingen.gemeente.nl"),
        Option("username", "Account (label)", help="the account the access token belongs to; shown only"),
        Option("page_size", "Page size", default=100, kind="int", help="signals per request (Signalen's maximum is 100)"),
        Option("since_days", "First run: days back", default=30, kind="int", help="how far back the first run reads"),
    )
    needs_secret = True
    can_reply = True
    poll_interval = 5.0

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        return urlsplit(str(options.get("base_url") or "")).netloc

    # -- HTTP ------------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return self.http_base("Signalen")

    async def _request(self, method: str, path: str, *, params: dict | None = None, body: Any = None) -> Any:
        headers = {"Authorization": f"Bearer {self.secret()}", "Accept": "application/json"}
        response = await self.request(method, self.base + path, label="Signalen", params=params, json=body, headers=headers)
        if response.status_code >= 400:
            raise self._error(response)
        return decode_json(response, "Signalen")

    def _error(self, response: httpx.Response) -> Exception:
        status = response.status_code
        message = _drf_message(response)
        if status in (401, 403):
            return CredentialError(f"Signalen refused the access token ({message}); enter a new token for this channel")
        if status == 429:
            until = parse_reset(response.headers.get("retry-after"), server_date=response.headers.get("date"))
            if until is None:
                found = re.search(r"available in (\d+) second", message)
                until = utcnow() + timedelta(seconds=int(found.group(1)) if found else 60)
            return RateLimited(f"Signalen: {message}", until)
        if status >= 500:
            return TransientError(f"Signalen is having trouble (HTTP {status})")
        if status == 400:
            return PermanentError(f"Signalen: {message}")
        if status == 404:
            return _NotFound(f"Signalen: {message} (HTTP 404; check the base_url)")
        return http_error(response, reason=f"Signalen: HTTP {status}: {message}")

    # -- the three calls --------------------------------------------------------------------

    async def check(self) -> Health:
        try:
            me = await self._request("GET", ME_PATH)
        except CredentialError as error:
            return Health(False, error.reason)
        who = me.get("username") or me.get("email") if isinstance(me, dict) else None
        return Health(True, f"connected to {self.channel.account}" + (f" as {who}" if who else ""))

    async def fetch(self, cursor: Any) -> Page:
        state = _cursor(cursor)
        page_size = max(1, min(100, int(self.channel.option("page_size", 100))))
        watermark: str | None = state["updated_after"]
        if watermark is None:
            days = int(self.channel.option("since_days", 30))
            watermark = to_iso(utcnow() - timedelta(days=days))
            state["seen"] = []
        page_no = state["page"]
        params = {"updated_after": watermark, "ordering": "updated_at", "page": page_no, "page_size": page_size}
        try:
            body = await self._request("GET", LIST_PATH, params=params)
        except _NotFound:
            if page_no == 1:
                raise
            # The tie group shrank while we walked it ("Invalid page."): start again at page 1.
            return Page(items=[], cursor={**state, "updated_after": watermark, "page": 1}, more=True)
        if not isinstance(body, dict) or not isinstance(body.get("results"), list):
            raise TransientError("Signalen sent a signal list in an unknown shape (no 'results')")
        links = body.get("_links") if isinstance(body.get("_links"), dict) else {}
        nxt = links.get("next")
        has_next = bool(nxt.get("href") if isinstance(nxt, dict) else nxt)

        w_at = parse_instant(watermark)
        seen = set(state["seen"])
        awaiting: dict[str, str] = dict(state["awaiting"])
        items: list[InboundItem] = []
        set_aside: list[SetAside] = []
        page_max = w_at
        page_max_iso = watermark
        at_max: set[str] = set()
        for obj in body["results"]:
            updated = _instant(obj.get("updated_at")) if isinstance(obj, dict) else None
            if updated is None:
                set_aside.append(SetAside("a signal without a readable updated_at", _raw_text(obj), _sid(obj)))
                continue
            key = f"{obj.get('id')}@{to_iso(updated)}"
            if updated > page_max:
                page_max, page_max_iso, at_max = updated, to_iso(updated), set()
            if updated == page_max:
                at_max.add(key)
            if updated < w_at or key in seen:
                continue  # handled before (updated_after is >=)
            try:
                items.extend(await self._items(obj, awaiting))
            except InvalidItem as error:
                set_aside.append(SetAside(error.reason, _raw_text(obj), _sid(obj)))

        if page_max == w_at and has_next:
            # The whole page sits at the watermark: walk the tie group by page number.
            new = {"updated_after": watermark, "seen": sorted(seen | at_max)[-MAX_SEEN:], "page": page_no + 1}
        elif page_max == w_at:
            # Nothing past the watermark yet: stay on this (last) page of the tie group.
            new = {"updated_after": watermark, "seen": sorted(seen | at_max)[-MAX_SEEN:], "page": page_no}
        else:
            new = {"updated_after": page_max_iso, "seen": sorted(at_max), "page": 1}
        new["awaiting"] = awaiting
        return Page(items=items, cursor=new, set_aside=set_aside, more=has_next)

    async def _items(self, obj: dict, awaiting: dict[str, str]) -> list[InboundItem]:
        """The citizen messages in one signal version (the report, and reactions)."""
        sid = obj.get("id")
        if isinstance(sid, bool) or not isinstance(sid, (int, str)) or not str(sid).strip():
            raise InvalidItem("the signal has no id")
        sid = str(sid).strip()
        ref = f"SIG-{sid}"
        reporter = obj.get("reporter") if isinstance(obj.get("reporter"), dict) else {}
        email = reporter.get("email") if isinstance(reporter.get("email"), str) else None
        phone = reporter.get("phone") if isinstance(reporter.get("phone"), str) else None
        author = {"id": email or phone or None, "name": email or phone or "Melder", "email": email, "phone": phone}
        category = obj.get("category") if isinstance(obj.get("category"), dict) else {}
        sub_slug = category.get("sub_slug") or category.get("slug")
        sub = category.get("sub")
        location = _location(obj.get("location"))
        text = obj.get("text")
        if not isinstance(text, str):
            raise InvalidItem("the signal has no text")
        extra = obj.get("text_extra")
        if isinstance(extra, str) and extra.strip():
            text = f"{text}\n\n{extra}"
        report = {
            "platform": self.platform, "channel": self.channel.account, "external_id": ref, "thread_id": ref,
            "author": author, "text": text, "received_at": obj.get("created_at"),
            "subject": f"{ref} · {sub}" if isinstance(sub, str) and sub else ref,
            "category": sub_slug if isinstance(sub_slug, str) else None,
            "location": location, "language": "nl", "raw": obj,
        }
        out = [parse_item(report)]
        status = obj.get("status") if isinstance(obj.get("status"), dict) else {}
        state = status.get("state")
        reactions: list[tuple[Any, Any]] = []
        if state == REACTION_RECEIVED or sid in awaiting:
            reactions = await self._reactions(sid)
            if state == REACTION_RECEIVED and isinstance(status.get("text"), str):
                reactions.append((status.get("created_at"), status.get("text")))
        if state == REACTION_REQUESTED:
            awaiting[sid] = str(status.get("created_at") or obj.get("updated_at"))
        else:
            awaiting.pop(sid, None)
        for created, reaction in reactions:
            when = _instant(created)
            if when is None or not isinstance(reaction, str) or not reaction.strip():
                continue
            out.append(parse_item({
                **report, "external_id": f"{ref}:reaction:{to_iso(when)}", "in_reply_to": ref, "text": reaction,
                "received_at": to_iso(when), "subject": None, "location": None,
            }))
        return out

    async def _reactions(self, sid: str) -> list[tuple[Any, Any]]:
        """(created_at, text) of every "reaction received" status in the signal's history."""
        history = await self._request("GET", f"{LIST_PATH}{sid}/history")
        if isinstance(history, dict):
            history = history.get("results")
        out = []
        for entry in history if isinstance(history, list) else []:
            if isinstance(entry, dict) and entry.get("what") == "UPDATE_STATUS" and _is_reaction(entry):
                out.append((entry.get("when"), entry.get("description")))
        return out

    async def send(self, reply: OutboundReply) -> SendResult:
        sid = _signal_id(reply)
        if sid is None:
            raise PermanentError("this reply does not answer a Signalen melding (no signal id)")
        signal = await self._request("GET", f"{LIST_PATH}{sid}")
        status = signal.get("status") if isinstance(signal, dict) and isinstance(signal.get("status"), dict) else {}
        current = status.get("state")
        ref = f"SIG-{sid}"
        # Idempotency: the answer may have landed before a crash or a lost response.
        if status.get("text") == reply.text and _instant(status.get("created_at")):
            return SendResult(f"{ref}:status:{to_iso(_instant(status['created_at']))}", thread_id=ref, raw=signal, already_sent=True)
        if reply.attempt > 1:
            since = reply.original.received_at if reply.original else None
            history = await self._request("GET", f"{LIST_PATH}{sid}/history")
            for entry in history if isinstance(history, list) else []:
                when = _instant(entry.get("when")) if isinstance(entry, dict) else None
                if (when and entry.get("what") == "UPDATE_STATUS" and entry.get("description") == reply.text
                        and (since is None or when >= since)):
                    return SendResult(f"{ref}:status:{to_iso(when)}", thread_id=ref, raw=entry, already_sent=True)
        target = _target_state(current)
        body = {"status": {"state": target, "text": reply.text, "send_email": True}}
        result = await self._request("PATCH", f"{LIST_PATH}{sid}", body=body)
        new_status = result.get("status") if isinstance(result, dict) and isinstance(result.get("status"), dict) else {}
        when = _instant(new_status.get("created_at")) or utcnow()
        return SendResult(f"{ref}:status:{to_iso(when)}", thread_id=ref, raw=result)


# -- helpers -----------------------------------------------------------------------------


def _target_state(current: Any) -> str:
    """The state an answer sets, from the signal's current state.

    Answering means the desk handles it: Gemeld, In afwachting, Heropend and
    the reaction states move to "b" (In behandeling). "b", "ingepland" and
    "a" are kept (Signalen allows the self-transition), so the back office's
    planning is not undone. From anything else ("o" Afgehandeld, "h" On hold,
    the external states) we still ask for "b" and let Signalen decide: it
    refuses with "Invalid state transition ...", and the reply fails with
    that reason for a person to decide (reopen in Signalen first).
    """
    if current in KEEP:
        return str(current)
    return "b"


def _signal_id(reply: OutboundReply) -> str | None:
    original = reply.original
    if original is None:
        return None
    raw = original.raw if isinstance(original.raw, dict) else {}
    if isinstance(raw.get("id"), (int, str)) and not isinstance(raw.get("id"), bool):
        return str(raw["id"])
    for ref in (original.thread_id, original.in_reply_to, original.external_id):
        found = re.match(r"SIG-([^:]+)", ref or "")
        if found:
            return found.group(1)
    return None


def _is_reaction(entry: dict) -> bool:
    state = entry.get("state") or ""
    action = str(entry.get("action") or "").lower()
    return state == REACTION_RECEIVED or "reactie ontvangen" in action or "reaction received" in action


def _cursor(cursor: Any) -> dict:
    out = {"updated_after": None, "seen": [], "page": 1, "awaiting": {}}
    if isinstance(cursor, dict):
        if isinstance(cursor.get("updated_after"), str) and _instant(cursor["updated_after"]):
            out["updated_after"] = cursor["updated_after"]
        if isinstance(cursor.get("seen"), list):
            out["seen"] = [s for s in cursor["seen"] if isinstance(s, str)]
        if isinstance(cursor.get("page"), int) and cursor["page"] >= 1:
            out["page"] = cursor["page"]
        if isinstance(cursor.get("awaiting"), dict):
            out["awaiting"] = {str(k): str(v) for k, v in cursor["awaiting"].items()}
    return out


def _instant(value: Any) -> datetime | None:
    try:
        return parse_instant(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _location(value: Any) -> dict | None:
    if not isinstance(value, dict):
        return None
    out: dict = {}
    geo = value.get("geometrie")
    if isinstance(geo, dict) and isinstance(geo.get("coordinates"), list) and len(geo["coordinates"]) == 2:
        lon, lat = geo["coordinates"]
        if all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in (lat, lon)) and -90 <= lat <= 90 and -180 <= lon <= 180:
            out.update(lat=float(lat), lon=float(lon))
    address = value.get("address_text")
    if not isinstance(address, str) and isinstance(value.get("address"), dict):
        a = value["address"]
        parts = [str(a.get(k) or "") for k in ("openbare_ruimte", "huisnummer")]
        address = " ".join(p for p in parts if p) + (f", {a.get('woonplaats')}" if a.get("woonplaats") else "")
    if isinstance(address, str) and address.strip():
        out["address"] = address.strip()
    return out or None


def _sid(obj: Any) -> str | None:
    if isinstance(obj, dict) and isinstance(obj.get("id"), (int, str)) and not isinstance(obj.get("id"), bool):
        return f"SIG-{obj['id']}"[:512]
    return None


def _raw_text(obj: Any) -> str:
    try:
        return dumps(obj)
    except Exception:  # noqa: BLE001 - keep something for the admin
        return repr(obj)


def _drf_message(response: httpx.Response) -> str:
    """A DRF error body as one line: {"detail": ...} or {"field": ["..."]} (nested)."""
    body = json_body(response)
    if body is None:
        return response.reason_phrase or f"HTTP {response.status_code}"
    parts: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for inner in value:
                walk(inner, path)
        elif value is not None:
            label = "" if path in ("", "detail", "non_field_errors") else f"{path}: "
            parts.append(f"{label}{value}")

    walk(body, "")
    return "; ".join(parts)[:1000] or f"HTTP {response.status_code}"

