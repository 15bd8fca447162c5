"""Bluesky (AT Protocol): mentions, replies and quotes in; replies out as posts.

Talks XRPC over plain httpx to the account's PDS (``base_url``, default
https://bsky.social), which proxies the app.bsky calls to the AppView.

Session. The app password (the channel's secret) is used only for
``com.atproto.server.createSession``, which Bluesky limits to 30 per 5
minutes and 300 per day. The session it returns (accessJwt, refreshJwt,
did, handle) is kept in the keyring under the name "session" -- never in the
database -- and renewed with ``com.atproto.server.refreshSession``:
proactively when the access token's ``exp`` claim has (nearly) passed, and
when the server answers ``ExpiredToken``/``InvalidToken``. Only when there is
no session or the refresh token is refused do we log in again.

Inbound. ``app.bsky.notification.listNotifications`` pages from the newest
notification down and has no "since" parameter. The cursor is::

    {"v": 1,
     "watermark": <indexedAt of the newest notification fully stored, or null>,
     "at_watermark": [uris with exactly that indexedAt],
     "backfill": null | {"cursor": <server cursor of the next older page>,
                         "top": <newest indexedAt of this sweep>, "at_top": [uris]},
     "aside": [keys of payloads already set aside, the latest few]}

A sweep starts at the top and pages down until it meets a notification older
than the watermark (or the end). While sweeping, each stored page moves
``backfill.cursor`` one page down, so a crash re-reads at most the one page
that was fetched but not stored and never skips one, however many pages
piled up. When the sweep reaches the watermark, the watermark becomes the
sweep's ``top``. Notifications with the same indexedAt as the watermark are
told apart by their URIs; the dedupe key (external id = notification URI)
absorbs any re-read.

Outbound. A reply is a post created with a record key derived from the
reply's client key (a valid TID), so a retry addresses the same record: a
retry first asks ``com.atproto.repo.getRecord`` whether the post is already
there. (The PDS answers a create on an existing key with a generic 500 from
its MST, not a clean error, so we never rely on the error.)
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import unicodedata
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import httpx

from newsroom.connectors import REPLY_LIMITS
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
    json_body,
    parse_reset,
)
from newsroom.inbound import InboundItem, InvalidItem, dumps, parse_item
from newsroom.timeutil import parse_instant, to_iso, utcnow

log = logging.getLogger(__name__)

REASONS = ("mention", "reply", "quote")
PAGE_SIZE = 100
MAX_GRAPHEMES = REPLY_LIMITS["bluesky"]
MAX_TEXT_BYTES = 3000
POST = "app.bsky.feed.post"
#: refresh the access token this long before its `exp`
REFRESH_MARGIN = 60.0
#: URIs kept in the cursor per timestamp, and set-aside keys remembered
MAX_URIS = 500
MAX_ASIDE = 200
#: a createdAt later than indexedAt by more than this is not believed
CLOCK_TOLERANCE = timedelta(minutes=5)

_S32 = "234567abcdefghijklmnopqrstuvwxyz"  # base32-sortable, the TID alphabet


# -- small helpers -------------------------------------------------------------------------


def grapheme_count(text: str) -> int:
    """Roughly the number of user-perceived characters (extended grapheme clusters).

    Covers what matters for the 300-grapheme limit: combining marks, variation
    selectors, emoji modifiers, ZWJ sequences, tag sequences (subdivision
    flags), regional-indicator pairs (flags), CR LF and Hangul jamo.
    """
    count = 0
    prev: str | None = None
    after_zwj = False
    ri_open = False  # the previous cluster is a lone regional indicator
    for ch in text:
        cp = ord(ch)
        regional = 0x1F1E6 <= cp <= 0x1F1FF
        if prev is not None and (after_zwj or _extends(ch, cp, prev) or (regional and ri_open)):
            if regional:
                ri_open = False
        else:
            count += 1
            ri_open = regional
        after_zwj = cp == 0x200D
        prev = ch
    return count


def _extends(ch: str, cp: int, prev: str) -> bool:
    """Whether `ch` continues the grapheme cluster `prev` belongs to (ZWJ and flags aside)."""
    return (
        cp == 0x200D  # zero-width joiner
        or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF  # variation selectors
        or 0x1F3FB <= cp <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0020 <= cp <= 0xE007F  # tag characters (subdivision flags)
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")  # combining and spacing marks
        or (ch == "\n" and prev == "\r")
        or (0x1160 <= cp <= 0x11FF and (0x1100 <= ord(prev) <= 0x11FF or 0xAC00 <= ord(prev) <= 0xD7A3))  # jamo V/T
    )


def tid_for_key(key: str) -> str:
    """A valid TID (13 chars, base32-sortable) derived from a reply's client key.

    The same key always gives the same record key, so a retried create
    addresses the record the first try may already have made. The timestamp
    part is a hash, kept within 2020-2023 so it never lies in the future.
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    h = int.from_bytes(digest[:8], "big")
    micros = 1_600_000_000_000_000 + h % 100_000_000_000_000
    clock = int.from_bytes(digest[8:10], "big") & 0x3FF
    value = (micros << 10) | clock  # top bit stays 0: micros < 2**53
    out = []
    for _ in range(13):
        out.append(_S32[value & 31])
        value >>= 5
    return "".join(reversed(out))


def jwt_exp(token: str | None) -> float | None:
    """The `exp` claim (epoch seconds) of a JWT, without checking its signature."""
    if not token or token.count(".") != 2:
        return None
    try:
        part = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        exp = claims.get("exp") if isinstance(claims, dict) else None
        return float(exp) if isinstance(exp, (int, float)) and not isinstance(exp, bool) else None
    except (ValueError, TypeError):
        return None


def split_at_uri(uri: str) -> tuple[str, str, str] | None:
    """(authority, collection, rkey) of ``at://authority/collection/rkey``, or None."""
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    parts = uri[5:].split("/")
    if len(parts) != 3 or not all(parts):
        return None
    return parts[0], parts[1], parts[2]


def _instant(value: Any) -> datetime | None:
    try:
        return parse_instant(value)
    except (ValueError, TypeError, OverflowError):
        return None


def _strong_ref(value: Any) -> dict | None:
    if not isinstance(value, Mapping):
        return None
    uri, cid = value.get("uri"), value.get("cid")
    if isinstance(uri, str) and isinstance(cid, str) and cid and split_at_uri(uri):
        return {"uri": uri, "cid": cid}
    return None


def _aside_key(obj: Any) -> str:
    if isinstance(obj, Mapping) and isinstance(obj.get("uri"), str) and obj["uri"]:
        return obj["uri"][:300]
    return "sha1:" + hashlib.sha1(dumps(obj).encode("utf-8", "surrogatepass")).hexdigest()


def parse_notification(obj: Any, channel: str) -> InboundItem:
    """One listNotifications entry as an `InboundItem`; `InvalidItem` says why it cannot be one."""
    if not isinstance(obj, dict):
        raise InvalidItem("a notification must be a JSON object")
    uri = obj.get("uri")
    if not isinstance(uri, str) or not split_at_uri(uri):
        raise InvalidItem("the notification has no valid at:// uri")
    if not isinstance(obj.get("cid"), str) or not obj["cid"]:
        raise InvalidItem("the notification has no cid (needed to reply)")
    author = obj.get("author")
    if not isinstance(author, dict):
        raise InvalidItem("the notification has no author")
    did, handle, name = author.get("did"), author.get("handle"), author.get("displayName")
    if not isinstance(did, str) or not did.startswith("did:"):
        raise InvalidItem("the author has no valid did")
    if not isinstance(handle, str) or not handle:
        raise InvalidItem("the author has no handle")
    record = obj.get("record")
    if not isinstance(record, dict):
        raise InvalidItem("the notification has no record")
    text = record.get("text")
    if not isinstance(text, str):
        raise InvalidItem("the post has no text")
    indexed = _instant(obj.get("indexedAt"))
    if indexed is None:
        raise InvalidItem("the notification has no valid indexedAt")
    created = _instant(record.get("createdAt"))
    received = created if created is not None and created <= indexed + CLOCK_TOLERANCE else indexed
    reply = record.get("reply")
    root = parent = None
    if reply is not None:
        if not isinstance(reply, dict):
            raise InvalidItem("the post's reply reference is not an object")
        root, parent = _strong_ref(reply.get("root")), _strong_ref(reply.get("parent"))
        if root is None or parent is None:
            raise InvalidItem("the post's reply reference lacks a root or parent uri and cid")
    langs = record.get("langs")
    language = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else None
    if language is not None and (len(language) > 16 or not language.replace("-", "").isalnum()):
        language = None
    rkey = split_at_uri(uri)[2]
    item = {
        "platform": "bluesky",
        "channel": channel,
        "external_id": uri,
        "author": {"id": did, "handle": "@" + handle, **({"name": name} if isinstance(name, str) and name.strip() else {})},
        "text": text,
        "received_at": to_iso(received),
        "thread_id": root["uri"] if root else uri,
        "in_reply_to": parent["uri"] if parent else None,
        "url": f"https://bsky.app/profile/{handle}/post/{rkey}",
        "language": language,
        "raw": obj,
    }
    return parse_item(item)


# -- the connector -----------------------------------------------------------------------------


class BlueskyConnector(Connector):
    platform = "bluesky"
    OPTIONS = (
        Option("base_url", "PDS address", required=True, default="https://bsky.social",
               help="The account's PDS (https://bsky.social for most accounts)."),
        Option("username", "Handle", required=True, help="The account's handle, e.g. gemeente.bsky.social."),
    )
    poll_interval = 2.0
    max_reply_chars = MAX_GRAPHEMES

    #: notifications asked per page (1-100); tests lower it
    page_size: int = PAGE_SIZE

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        handle = str(options.get("username") or "").strip().lstrip("@")
        return "@" + handle if handle else ""

    def __init__(self, channel, *, secrets, http=None):
        super().__init__(channel, secrets=secrets, http=http)
        self._own_http = http is None
        if self.http is None:
            self.http = httpx.AsyncClient(timeout=httpx.Timeout(30.0, connect=10.0), follow_redirects=False)
        self._session: dict | None = None
        self._lock = asyncio.Lock()
        self.last_rate_limit: dict[str, str] = {}

    async def aclose(self) -> None:
        if self._own_http and self.http is not None:
            await self.http.aclose()

    # -- plumbing -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return str(self.channel.option("base_url", "https://bsky.social")).rstrip("/")

    @property
    def handle(self) -> str:
        return str(self.channel.option("username", "")).strip().lstrip("@")

    def _url(self, nsid: str) -> str:
        return f"{self.base_url}/xrpc/{nsid}"

    async def _raw(self, method: str, nsid: str, *, token: str | None = None, params: Any = None,
                   body: Any = None) -> httpx.Response:
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = await self.http.request(method, self._url(nsid), params=params, json=body, headers=headers)
        except httpx.HTTPError as error:
            raise TransientError(f"cannot reach the Bluesky server: {type(error).__name__}: {error}") from error
        limits = {k: v for k, v in response.headers.items() if k.lower().startswith("ratelimit-")}
        if limits:
            self.last_rate_limit = limits
        return response

    @staticmethod
    def _error(response: httpx.Response) -> tuple[str, str]:
        body = json_body(response)
        if isinstance(body, dict):
            name = body.get("error") if isinstance(body.get("error"), str) else ""
            message = body.get("message") if isinstance(body.get("message"), str) else ""
            return name, message
        return "", ""

    def _failure(self, response: httpx.Response, what: str):
        """The ConnectorError for an error response that no special rule caught."""
        status = response.status_code
        name, message = self._error(response)
        text = f"{what}: HTTP {status}" + (f" {name}" if name else "") + (f": {message}" if message else "")
        if status == 429 or name == "RateLimitExceeded":
            date = response.headers.get("date")
            until = parse_reset(response.headers.get("ratelimit-reset"), server_date=date) or parse_reset(
                response.headers.get("retry-after"), server_date=date
            )
            return RateLimited(text, until or utcnow() + timedelta(seconds=60))
        if status >= 500 or status in (408, 425):
            retry = parse_reset(response.headers.get("retry-after"))
            return TransientError(text, retry_after=max(0.0, (retry - utcnow()).total_seconds()) if retry else None)
        if status in (401, 403) or name in ("AuthenticationRequired", "AuthFactorTokenRequired", "AccountTakedown",
                                            "AccountDeactivated", "InvalidToken", "ExpiredToken"):
            return CredentialError(text)
        return PermanentError(text)

    # -- the session ------------------------------------------------------------------------

    def _load_session(self) -> dict | None:
        if self._session is None:
            text = self.secrets.get(self.channel, "session")
            if text:
                try:
                    data = json.loads(text)
                except ValueError:
                    data = None
                if isinstance(data, dict) and all(isinstance(data.get(k), str) for k in ("accessJwt", "refreshJwt", "did")):
                    self._session = data
        return self._session

    def _store_session(self, body: Any) -> dict:
        if not isinstance(body, dict) or not all(isinstance(body.get(k), str) and body.get(k) for k in ("accessJwt", "refreshJwt", "did")):
            raise TransientError("the Bluesky server answered the login without a session")
        session = {k: body[k] for k in ("accessJwt", "refreshJwt", "did")}
        session["handle"] = body.get("handle") if isinstance(body.get("handle"), str) else self.handle
        self._session = session
        try:
            self.secrets.set(self.channel, json.dumps(session), "session")
        except Exception as error:  # noqa: BLE001 - keep working with the session in memory
            log.warning("could not keep the Bluesky session in the keyring: %s", error)
        return session

    async def _create_session(self) -> dict:
        password = self.secret()
        response = await self._raw("POST", "com.atproto.server.createSession",
                                   body={"identifier": self.handle, "password": password})
        if response.status_code == 200:
            return self._store_session(response.json())
        name, _message = self._error(response)
        if name == "AuthFactorTokenRequired":
            raise CredentialError("Bluesky asks for a sign-in code: use an app password (Settings > App passwords), not the account password")
        if response.status_code == 401 or name in ("AuthenticationRequired", "AccountTakedown", "AccountDeactivated"):
            raise CredentialError(self._failure(response, "Bluesky refused the handle or app password").reason)
        raise self._failure(response, "logging in to Bluesky failed")

    async def _refresh(self, session: dict) -> dict:
        response = await self._raw("POST", "com.atproto.server.refreshSession", token=session["refreshJwt"])
        if response.status_code == 200:
            return self._store_session(response.json())
        name, _ = self._error(response)
        if response.status_code in (400, 401) and name in ("ExpiredToken", "InvalidToken", "AuthenticationRequired", ""):
            log.info("Bluesky refused the refresh token (%s); logging in again", name or response.status_code)
            self._session = None
            return await self._create_session()
        raise self._failure(response, "renewing the Bluesky session failed")

    async def _ensure_session(self, *, stale: str | None = None) -> dict:
        """A usable session: the stored one, refreshed when due (or when `stale` was refused), else a new login."""
        async with self._lock:
            session = self._load_session()
            if session is None:
                return await self._create_session()
            if stale is not None:
                if session["accessJwt"] != stale:
                    return session  # someone else renewed it meanwhile
                return await self._refresh(session)
            exp = jwt_exp(session["accessJwt"])
            if exp is not None and exp - REFRESH_MARGIN <= utcnow().timestamp():
                return await self._refresh(session)
            return session

    async def _call(self, method: str, nsid: str, *, params: Any = None, body: Any = None, what: str = "") -> httpx.Response:
        """An authenticated XRPC call; an expired or refused access token is renewed once."""
        session = await self._ensure_session()
        response = await self._raw(method, nsid, token=session["accessJwt"], params=params, body=body)
        name, _ = self._error(response) if response.status_code in (400, 401) else ("", "")
        if name in ("ExpiredToken", "InvalidToken") or (response.status_code == 401 and name in ("AuthenticationRequired", "")):
            session = await self._ensure_session(stale=session["accessJwt"])
            response = await self._raw(method, nsid, token=session["accessJwt"], params=params, body=body)
        return response

    # -- check ------------------------------------------------------------------------------

    async def check(self) -> Health:
        response = await self._call("GET", "com.atproto.server.getSession")
        if response.status_code != 200:
            raise self._failure(response, "checking the Bluesky session failed")
        body = response.json()
        handle = body.get("handle") if isinstance(body, dict) else None
        did = body.get("did") if isinstance(body, dict) else None
        return Health(True, f"@{handle or self.handle}, {did or '?'}")

    # -- fetch -------------------------------------------------------------------------------

    async def fetch(self, cursor: Any) -> Page:
        state = cursor if isinstance(cursor, dict) and cursor.get("v") == 1 else {}
        watermark_text = state.get("watermark") if isinstance(state.get("watermark"), str) else None
        watermark = _instant(watermark_text)
        at_watermark = set(state.get("at_watermark") or ())
        backfill = state.get("backfill") if isinstance(state.get("backfill"), dict) else None
        aside_seen = list(state.get("aside") or ())

        params: list[tuple[str, str]] = [("reasons", r) for r in REASONS]
        params.append(("limit", str(max(1, min(100, int(self.page_size))))))
        if backfill:
            params.append(("cursor", str(backfill["cursor"])))
        response = await self._call("GET", "app.bsky.notification.listNotifications", params=params)
        if response.status_code != 200:
            raise self._failure(response, "reading Bluesky notifications failed")
        body = decode_json(response, "the Bluesky server")
        if not isinstance(body, dict) or not isinstance(body.get("notifications"), list):
            raise TransientError("the Bluesky server sent a notification list without 'notifications'")
        server_cursor = body.get("cursor") if isinstance(body.get("cursor"), str) and body.get("cursor") else None

        items: list[InboundItem] = []
        set_aside: list[SetAside] = []
        reached = False
        newest: datetime | None = None
        newest_text: str | None = None
        horizon = utcnow() + timedelta(days=1)
        page_times: list[tuple[datetime, str, Any]] = []  # (indexedAt, its text, uri) of what this page holds
        for obj in body["notifications"]:
            indexed = _instant(obj.get("indexedAt")) if isinstance(obj, dict) else None
            if indexed is not None and indexed > horizon:
                indexed = None  # a time in the future must not become the watermark
            uri = obj.get("uri") if isinstance(obj, dict) and isinstance(obj.get("uri"), str) else None
            if indexed is not None and watermark is not None:
                if indexed < watermark:
                    reached = True
                    break
                if indexed == watermark and uri in at_watermark:
                    continue  # stored in an earlier sweep
            if indexed is not None:
                page_times.append((indexed, obj["indexedAt"], uri))
                if newest is None or indexed > newest:
                    newest, newest_text = indexed, obj["indexedAt"]
            if isinstance(obj, dict) and isinstance(obj.get("reason"), str) and obj["reason"] not in REASONS:
                continue  # a like or follow the server should have filtered out: not a message
            try:
                items.append(parse_notification(obj, self.channel.account))
            except InvalidItem as error:
                key = _aside_key(obj)
                if key in aside_seen:
                    continue
                aside_seen.append(key)
                set_aside.append(SetAside(error.reason, dumps(obj), uri))
        if server_cursor is None:
            reached = True

        if backfill:
            top_text = backfill.get("top")
            top = _instant(top_text)
            at_top = list(backfill.get("at_top") or ())
        elif newest is not None:
            top, top_text, at_top = newest, newest_text, []
        else:  # nothing new on the top page: ties at the watermark found further down join it
            top, top_text, at_top = watermark, watermark_text, []
        if top is not None:
            at_top.extend(u for t, _, u in page_times if t == top and isinstance(u, str) and u not in at_top)

        new_state: dict[str, Any] = {"v": 1, "watermark": watermark_text, "at_watermark": sorted(at_watermark),
                                     "backfill": None, "aside": aside_seen[-MAX_ASIDE:]}
        if reached:
            if top is not None and (watermark is None or top > watermark):
                new_state["watermark"], new_state["at_watermark"] = top_text, at_top[-MAX_URIS:]
            elif top is not None and top == watermark:
                new_state["at_watermark"] = sorted(at_watermark | set(at_top))[-MAX_URIS:]
            return Page(items, new_state, set_aside, more=False)
        new_state["backfill"] = {"cursor": server_cursor, "top": top_text, "at_top": at_top[-MAX_URIS:]}
        return Page(items, new_state, set_aside, more=True)

    # -- send ---------------------------------------------------------------------------------

    async def _get_record(self, did: str, rkey: str) -> dict | None:
        response = await self._raw("GET", "com.atproto.repo.getRecord",
                                   params={"repo": did, "collection": POST, "rkey": rkey})
        if response.status_code == 200:
            body = response.json()
            return body if isinstance(body, dict) and isinstance(body.get("uri"), str) else None
        name, _ = self._error(response)
        if response.status_code in (400, 404) and name in ("RecordNotFound", "NotFound", ""):
            return None
        raise self._failure(response, "looking up an earlier try of this reply failed")

    def _result(self, uri: str, cid: Any, root_uri: str, *, record: dict, already: bool) -> SendResult:
        parts = split_at_uri(uri)
        url = f"https://bsky.app/profile/{self.handle}/post/{parts[2]}" if parts else None
        return SendResult(external_id=uri, url=url, thread_id=root_uri,
                          raw={"uri": uri, "cid": cid, "record": record}, already_sent=already)

    async def send(self, reply: OutboundReply) -> SendResult:
        original = reply.original
        raw = original.raw if original is not None else None
        parent = _strong_ref(raw)
        if parent is None:
            raise PermanentError("this reply answers no Bluesky post we know the uri and cid of")
        text = reply.text or ""
        graphemes = grapheme_count(text)
        if graphemes > MAX_GRAPHEMES:
            raise PermanentError(f"the reply is {graphemes} characters long; Bluesky allows at most {MAX_GRAPHEMES}")
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            raise PermanentError(f"the reply is more than {MAX_TEXT_BYTES} bytes long; Bluesky does not allow that")
        record_in = raw.get("record") if isinstance(raw.get("record"), dict) else {}
        reply_in = record_in.get("reply") if isinstance(record_in.get("reply"), dict) else {}
        root = _strong_ref(reply_in.get("root")) or parent
        rkey = tid_for_key(reply.key)

        session = await self._ensure_session()
        did = session["did"]
        if reply.attempt > 1:
            existing = await self._get_record(did, rkey)
            if existing is not None:
                return self._result(existing["uri"], existing.get("cid"), root["uri"], record=existing.get("value") or {}, already=True)
        record = {
            "$type": POST,
            "text": text,
            "createdAt": utcnow().isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "langs": ["nl"],
            "reply": {"root": root, "parent": parent},
        }
        body = {"repo": did, "collection": POST, "rkey": rkey, "record": record}
        response = await self._call("POST", "com.atproto.repo.createRecord", body=body)
        if response.status_code == 200:
            created = response.json()
            if not isinstance(created, dict) or not isinstance(created.get("uri"), str):
                raise TransientError("Bluesky answered the reply without its uri")
            return self._result(created["uri"], created.get("cid"), root["uri"], record=record, already=False)
        error = self._failure(response, "Bluesky refused the reply")
        if not isinstance(error, RateLimited):
            # A create on an existing key fails (the PDS says 500 or InvalidRequest): was it an earlier try?
            _name, message = self._error(response)
            if response.status_code >= 500 or "exist" in message.lower() or "already" in message.lower():
                try:
                    existing = await self._get_record(did, rkey)
                except (TransientError, PermanentError):
                    existing = None
                if existing is not None:
                    return self._result(existing["uri"], existing.get("cid"), root["uri"],
                                        record=existing.get("value") or {}, already=True)
        raise error


__all__ = ["BlueskyConnector", "grapheme_count", "jwt_exp", "parse_notification", "tid_for_key"]
