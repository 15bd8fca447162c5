"""A loopback Bluesky PDS + AppView: sessions, notifications, posts.

Serves the XRPC paths Newsroom's Bluesky connector uses, with the shapes of
the lexicons (bluesky-social/atproto ``lexicons/``):

* ``com.atproto.server.createSession`` -- app password login, limited like
  bsky.social to 30 per 5 minutes and 300 per day per account (429
  ``RateLimitExceeded``); counted in ``create_session_calls``;
* ``com.atproto.server.refreshSession`` -- ``Bearer refreshJwt``; rotates the
  refresh token (the old one stays usable for a 2-hour grace period, as on
  the PDS);
* ``com.atproto.server.getSession``;
* ``app.bsky.notification.listNotifications`` -- ``reasons`` filter,
  ``limit`` 1-100 (default 50), opaque keyset ``cursor`` ("<ms>::<cid>"),
  newest first, ``seenAt`` and ``priority``;
* ``com.atproto.repo.createRecord`` -- validates an ``app.bsky.feed.post``
  record against the post lexicon (``$type``, text at most 3000 bytes and
  300 graphemes, ``createdAt``, ``langs`` at most 3, reply strong refs with
  uri and cid, a TID record key). A create on an existing record key fails
  the way the PDS's repository tree does: a plain 500 ``InternalServerError``;
* ``com.atproto.repo.getRecord`` (400 ``RecordNotFound`` when absent);
* ``app.bsky.feed.getPostThread`` (the thread below a post, simplified).

Tokens are real-looking JWTs (HS256, ``exp``: access 2 hours, refresh 90
days). ``createSession`` omits ``didDoc`` (the atproto SDK would switch to
the PDS named there). Every response carries ``RateLimit-Limit``,
``-Remaining``, ``-Reset`` (epoch seconds) and ``-Policy`` headers.

Faults (``self.faults``): ``rate_limit`` answers 429 ``RateLimitExceeded``
with ``Retry-After`` and the RateLimit headers; ``server_errors`` a 5xx burst;
``expire_tokens()`` makes every access token issued so far fail with 400
``ExpiredToken`` (refresh tokens stay good); ``revoke_sessions()`` also
refuses every refresh token.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets as _secrets
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from newsroom.connectors.bluesky import grapheme_count
from newsroom.fakes.base import FakeServer, Request, Response, now, route
from newsroom.timeutil import UTC, parse_instant

ACCESS_TTL = 2 * 3600
REFRESH_TTL = 90 * 24 * 3600
REFRESH_GRACE = 2 * 3600
GLOBAL_LIMIT, GLOBAL_WINDOW = 3000, 300
LOGIN_LIMIT, LOGIN_WINDOW = 30, 300
LOGIN_DAY_LIMIT = 300
POST = "app.bsky.feed.post"
TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
_S32 = "234567abcdefghijklmnopqrstuvwxyz"
REASONS = ("like", "repost", "follow", "mention", "reply", "quote", "starterpack-joined", "verified", "unverified",
           "like-via-repost", "repost-via-repost", "subscribed-post")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode().lower().rstrip("=")


def iso(dt: datetime) -> str:
    """An instant the way the AppView writes it: UTC, milliseconds, 'Z'."""
    return dt.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def make_cid(*parts: Any) -> str:
    """A CIDv1 (dag-cbor, sha-256) look-alike: 'bafyrei' + 52 base32 characters."""
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).digest()
    return "bafyrei" + _b32(digest)[:52]


def make_did(seed: str) -> str:
    return "did:plc:" + _b32(hashlib.sha256(seed.encode()).digest())[:24]


def xrpc_error(status: int, error: str, message: str, headers: dict | None = None) -> Response:
    return Response(status, {"error": error, "message": message}, headers or {})


@dataclass
class Account:
    did: str
    handle: str
    display_name: str
    password: str
    app_passwords: list[str] = field(default_factory=list)
    email: str | None = None


@dataclass
class Token:
    did: str
    scope: str  # com.atproto.access | com.atproto.refresh
    issued: float  # monotonic
    exp: float  # epoch seconds
    rotated_at: float | None = None  # refresh tokens: when a refresh replaced it
    revoked: bool = False


class BlueskyFake(FakeServer):
    platform = "bluesky"

    def __init__(self, port: int = 0, *, handle: str = "gemeente.bsky.social", app_password: str | None = None,
                 display_name: str = "Gemeente"):
        super().__init__(port)
        self._jwt_key = _secrets.token_bytes(32)
        self.accounts: dict[str, Account] = {}
        self.posts: dict[str, dict] = {}  # uri -> {"uri","cid","did","rkey","record","indexedAt"}
        self._post_order: list[str] = []
        self.notifications: list[dict] = []  # {"for": did, "at": indexedAt text, "ms": int, "cid": str, "obj": dict}
        self.tokens: dict[str, Token] = {}
        self.create_session_calls = 0
        self.refresh_session_calls = 0
        self._logins: dict[str, deque] = {}
        self._window_start = time.time()
        self._window_count = 0
        self._tid_clock = 0
        self.seen_at: dict[str, str] = {}
        #: at most this many notifications per page whatever `limit` asks (None: as asked)
        self.page_cap: int | None = None
        self.own = self.add_account(handle, display_name=display_name,
                                    app_password=app_password or "-".join(_secrets.token_hex(2) for _ in range(4)))

    # -- accounts and tokens ---------------------------------------------------------------

    def add_account(self, handle: str, *, display_name: str | None = None, app_password: str | None = None) -> Account:
        with self.lock:
            for account in self.accounts.values():
                if account.handle == handle:
                    return account
            account = Account(make_did(handle), handle, display_name if display_name is not None else handle.split(".")[0].title(),
                              password=_secrets.token_urlsafe(12), app_passwords=[app_password] if app_password else [],
                              email=f"{handle.split('.')[0]}@example.org")
            self.accounts[account.did] = account
            return account

    def account(self, did_or_handle: str) -> Account | None:
        with self.lock:
            found = self.accounts.get(did_or_handle)
            if found is None:
                found = next((a for a in self.accounts.values() if a.handle == did_or_handle.lstrip("@")), None)
            return found

    def _jwt(self, did: str, scope: str, ttl: int) -> str:
        issued = time.time()
        typ = "at+jwt" if scope == "com.atproto.access" else "refresh+jwt"
        header = _b64(json.dumps({"typ": typ, "alg": "HS256"}).encode())
        claims = {"scope": scope, "sub": did, "aud": "did:web:127.0.0.1", "iat": int(issued), "exp": int(issued + ttl)}
        if scope == "com.atproto.refresh":
            claims["jti"] = _b64(_secrets.token_bytes(24))
        else:
            claims["jti"] = _b64(_secrets.token_bytes(12))  # unique per token (the PDS's carry none)
        payload = _b64(json.dumps(claims, separators=(",", ":")).encode())
        signature = _b64(hmac.new(self._jwt_key, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        token = f"{header}.{payload}.{signature}"
        self.tokens[token] = Token(did, scope, time.monotonic(), claims["exp"])
        return token

    def _session_body(self, account: Account) -> dict:
        return {
            "accessJwt": self._jwt(account.did, "com.atproto.access", ACCESS_TTL),
            "refreshJwt": self._jwt(account.did, "com.atproto.refresh", REFRESH_TTL),
            "handle": account.handle,
            "did": account.did,
            "email": account.email,
            "emailConfirmed": True,
            "emailAuthFactor": False,
            "active": True,
        }

    def _verify(self, token: str | None, scope: str) -> tuple[Account | None, Response | None]:
        if not token:
            return None, xrpc_error(401, "AuthenticationRequired", "Authentication Required")
        parts = token.split(".")
        if len(parts) != 3:
            return None, xrpc_error(400, "InvalidToken", "Token could not be verified")
        expected = _b64(hmac.new(self._jwt_key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest())
        known = self.tokens.get(token)
        if not hmac.compare_digest(expected, parts[2]) or known is None:
            return None, xrpc_error(400, "InvalidToken", "Token could not be verified")
        if known.scope != scope:
            return None, xrpc_error(400, "InvalidToken", "Bad token scope")
        if known.revoked:
            return None, xrpc_error(400, "ExpiredToken", "Token has been revoked")
        if known.exp <= time.time():
            return None, xrpc_error(400, "ExpiredToken", "Token has expired")
        if scope == "com.atproto.access" and self.token_expired(known.issued):
            return None, self.expired_token_response(None)  # type: ignore[arg-type]
        if known.rotated_at is not None and time.monotonic() - known.rotated_at > REFRESH_GRACE:
            return None, xrpc_error(400, "ExpiredToken", "Token has been revoked")
        return self.accounts.get(known.did), None

    def revoke_sessions(self) -> None:
        """Every token issued so far is refused (as after `deleteSession` or a password change)."""
        with self.lock:
            for token in self.tokens.values():
                token.revoked = True

    # -- rate limits --------------------------------------------------------------------------

    def _global_headers(self) -> dict[str, str]:
        with self.lock:
            t = time.time()
            if t - self._window_start >= GLOBAL_WINDOW:
                self._window_start, self._window_count = t, 0
            self._window_count += 1
            remaining = max(0, GLOBAL_LIMIT - self._window_count)
            reset = int(self._window_start + GLOBAL_WINDOW)
        return {"RateLimit-Limit": str(GLOBAL_LIMIT), "RateLimit-Remaining": str(remaining),
                "RateLimit-Reset": str(reset), "RateLimit-Policy": f"{GLOBAL_LIMIT};w={GLOBAL_WINDOW}"}

    def _respond(self, request: Request) -> Response:
        response = super()._respond(request)
        if not any(k.lower() == "ratelimit-limit" for k in response.headers):
            response.headers = {**self._global_headers(), **response.headers}
        return response

    def rate_limited_response(self, reset_at: datetime) -> Response:
        seconds = max(1, int((reset_at - now()).total_seconds() + 0.999))
        return xrpc_error(429, "RateLimitExceeded", "Rate Limit Exceeded", {
            "Retry-After": str(seconds), "RateLimit-Limit": str(GLOBAL_LIMIT), "RateLimit-Remaining": "0",
            "RateLimit-Reset": str(int(time.time()) + seconds), "RateLimit-Policy": f"{GLOBAL_LIMIT};w={GLOBAL_WINDOW}",
        })

    def server_error_response(self, status: int) -> Response:
        if status == 500:
            return xrpc_error(500, "InternalServerError", "Internal Server Error")
        if status == 502:
            return xrpc_error(502, "UpstreamFailure", "Upstream Failure")
        return xrpc_error(status, "NotEnoughResources", "Service Unavailable")

    def not_found_response(self, request: Request) -> Response:
        if request.path.startswith("/xrpc/"):
            return xrpc_error(501, "MethodNotImplemented", "Method Not Implemented")
        return Response(404, "Not Found", content_type="text/plain; charset=utf-8")

    def expired_token_response(self, request: Request) -> Response:
        return xrpc_error(400, "ExpiredToken", "Token has expired")

    def credentials(self) -> dict[str, str]:
        return {"handle": self.own.handle, "did": self.own.did, "app_password": self.own.app_passwords[0]}

    # -- XRPC: server -------------------------------------------------------------------------

    @route("POST", r"/xrpc/com\.atproto\.server\.createSession")
    def create_session(self, request: Request) -> Response:
        with self.lock:
            self.create_session_calls += 1
            try:
                body = request.json()
            except ValueError:
                body = None
            if not isinstance(body, dict) or not isinstance(body.get("identifier"), str) or not isinstance(body.get("password"), str):
                return xrpc_error(400, "InvalidRequest", 'Input must have the property "identifier"')
            identifier = body["identifier"].lower().lstrip("@")
            stamps = self._logins.setdefault(identifier, deque())
            t = time.time()
            while stamps and t - stamps[0] > 86400:
                stamps.popleft()
            recent = sum(1 for s in stamps if t - s < LOGIN_WINDOW)
            if recent >= LOGIN_LIMIT or len(stamps) >= LOGIN_DAY_LIMIT:
                first = next(s for s in stamps if t - s < LOGIN_WINDOW) if recent >= LOGIN_LIMIT else stamps[0]
                window = LOGIN_WINDOW if recent >= LOGIN_LIMIT else 86400
                reset = int(first + window) + 1
                return xrpc_error(429, "RateLimitExceeded", "Rate Limit Exceeded", {
                    "Retry-After": str(max(1, reset - int(t))), "RateLimit-Limit": str(LOGIN_LIMIT),
                    "RateLimit-Remaining": "0", "RateLimit-Reset": str(reset), "RateLimit-Policy": f"{LOGIN_LIMIT};w={LOGIN_WINDOW}",
                })
            stamps.append(t)
            remaining = LOGIN_LIMIT - recent - 1
            limit_headers = {"RateLimit-Limit": str(LOGIN_LIMIT), "RateLimit-Remaining": str(remaining),
                             "RateLimit-Reset": str(int(t + LOGIN_WINDOW)), "RateLimit-Policy": f"{LOGIN_LIMIT};w={LOGIN_WINDOW}"}
            account = next((a for a in self.accounts.values()
                            if identifier in (a.handle.lower(), a.did.lower(), (a.email or "").lower())), None)
            if account is None or body["password"] not in [account.password, *account.app_passwords]:
                return xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password", limit_headers)
            return Response(200, self._session_body(account), limit_headers)

    @route("POST", r"/xrpc/com\.atproto\.server\.refreshSession")
    def refresh_session(self, request: Request) -> Response:
        with self.lock:
            self.refresh_session_calls += 1
            account, error = self._verify(request.bearer(), "com.atproto.refresh")
            if error is not None:
                return error
            old = self.tokens[request.bearer()]
            if old.rotated_at is None:
                old.rotated_at = time.monotonic()
            body = self._session_body(account)
            return Response(200, {k: body[k] for k in ("accessJwt", "refreshJwt", "handle", "did", "active")})

    @route("GET", r"/xrpc/com\.atproto\.server\.getSession")
    def get_session(self, request: Request) -> Response:
        with self.lock:
            account, error = self._verify(request.bearer(), "com.atproto.access")
            if error is not None:
                return error
            return Response(200, {"handle": account.handle, "did": account.did, "email": account.email,
                                  "emailConfirmed": True, "emailAuthFactor": False, "active": True})

    # -- XRPC: notifications -------------------------------------------------------------------

    @route("GET", r"/xrpc/app\.bsky\.notification\.listNotifications")
    def list_notifications(self, request: Request) -> Response:
        with self.lock:
            account, error = self._verify(request.bearer(), "com.atproto.access")
            if error is not None:
                return error
            try:
                limit = int(request.arg("limit", "50"))
            except ValueError:
                return xrpc_error(400, "InvalidRequest", "limit must be an integer")
            if not 1 <= limit <= 100:
                return xrpc_error(400, "InvalidRequest", f"limit must be {'greater' if limit < 1 else 'less'} than or equal to {1 if limit < 1 else 100}")
            reasons = set(request.query.get("reasons", []))
            cursor = request.arg("cursor")
            bound = None
            if cursor:
                ms, _, cid = cursor.partition("::")
                if not ms.isdigit() or not cid:
                    return xrpc_error(400, "InvalidRequest", "Malformed cursor")
                bound = (int(ms), cid)
            rows = [n for n in self.notifications if n["for"] == account.did and (not reasons or n["reason"] in reasons)]
            rows.sort(key=lambda n: (n["ms"], n["cid"]), reverse=True)
            if bound is not None:
                rows = [n for n in rows if (n["ms"], n["cid"]) < bound]
            page = rows[: min(limit, self.page_cap or limit)]
            seen = self.seen_at.get(account.did)
            out = []
            for n in page:
                obj = n["obj"]
                if isinstance(obj, dict) and "isRead" in obj and isinstance(obj.get("indexedAt"), str):
                    obj = {**obj, "isRead": bool(seen and obj["indexedAt"] <= seen)}
                out.append(obj)
            body: dict[str, Any] = {"notifications": out, "priority": False}
            if page:
                body["cursor"] = f"{page[-1]['ms']}::{page[-1]['cid']}"
            if seen:
                body["seenAt"] = seen
            # ASCII-escaped: a hostile payload with a lone surrogate still goes out as valid JSON.
            return Response(200, json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode())

    # -- XRPC: repo --------------------------------------------------------------------------------

    @route("POST", r"/xrpc/com\.atproto\.repo\.createRecord")
    def create_record(self, request: Request) -> Response:
        with self.lock:
            account, error = self._verify(request.bearer(), "com.atproto.access")
            if error is not None:
                return error
            try:
                body = request.json()
            except ValueError:
                body = None
            if not isinstance(body, dict):
                return xrpc_error(400, "InvalidRequest", "Request body must be a JSON object")
            for key in ("repo", "collection", "record"):
                if key not in body:
                    return xrpc_error(400, "InvalidRequest", f'Input must have the property "{key}"')
            repo = self.account(str(body["repo"]))
            if repo is None:
                return xrpc_error(400, "InvalidRequest", f"Could not find repo: {body['repo']}")
            if repo.did != account.did:
                return xrpc_error(401, "AuthenticationRequired", "Authentication Required")
            if body.get("validate") is False:
                return xrpc_error(400, "InvalidRequest", "Unvalidated writes are not yet supported.")
            if body["collection"] != POST:
                return xrpc_error(400, "InvalidRequest", f"Lexicon not found: lex:{body['collection']}")
            rkey = body.get("rkey")
            if rkey is None:
                rkey = self._next_tid()
            elif not isinstance(rkey, str) or not TID_RE.match(rkey):
                return xrpc_error(400, "InvalidRequest", "Invalid record key: must be a valid TID")
            problem = validate_post(body["record"])
            if problem:
                return xrpc_error(400, "InvalidRequest", f"Invalid {POST} record: {problem}")
            uri = f"at://{account.did}/{POST}/{rkey}"
            if uri in self.posts:
                # The PDS's repository tree throws "There is already a value at key" and the
                # XRPC server turns that into a plain 500.
                return xrpc_error(500, "InternalServerError", "Internal Server Error")
            post = self._add_post(account, rkey, body["record"])
            return Response(200, {"uri": post["uri"], "cid": post["cid"],
                                  "commit": {"cid": make_cid("commit", post["cid"]), "rev": self._next_tid()},
                                  "validationStatus": "valid"})

    @route("GET", r"/xrpc/com\.atproto\.repo\.getRecord")
    def get_record(self, request: Request) -> Response:
        with self.lock:
            repo, collection, rkey = request.arg("repo"), request.arg("collection"), request.arg("rkey")
            if not repo or not collection or not rkey:
                return xrpc_error(400, "InvalidRequest", "Params must have the properties repo, collection and rkey")
            account = self.account(repo)
            if account is None:
                return xrpc_error(400, "InvalidRequest", f"Could not find repo: {repo}")
            uri = f"at://{account.did}/{collection}/{rkey}"
            post = self.posts.get(uri)
            if post is None:
                return xrpc_error(400, "RecordNotFound", f"Could not locate record: {uri}")
            return Response(200, {"uri": uri, "cid": post["cid"], "value": post["record"]})

    @route("GET", r"/xrpc/app\.bsky\.feed\.getPostThread")
    def get_post_thread(self, request: Request) -> Response:
        with self.lock:
            _account, error = self._verify(request.bearer(), "com.atproto.access")
            if error is not None:
                return error
            uri = request.arg("uri")
            if uri not in self.posts:
                return xrpc_error(400, "NotFound", f"Post not found: {uri}")

            def view(u: str) -> dict:
                post = self.posts[u]
                author = self.accounts[post["did"]]
                replies = [view(c) for c in self._post_order
                           if ((self.posts[c]["record"].get("reply") or {}).get("parent") or {}).get("uri") == u]
                return {"$type": "app.bsky.feed.defs#threadViewPost",
                        "post": {"uri": u, "cid": post["cid"], "author": self._profile(author), "record": post["record"],
                                 "indexedAt": post["indexedAt"], "replyCount": len(replies), "repostCount": 0,
                                 "likeCount": 0, "quoteCount": 0, "labels": []},
                        "replies": replies}

            return Response(200, {"thread": view(uri)})

    # -- state helpers ---------------------------------------------------------------------------

    def _next_tid(self) -> str:
        micros = max(int(time.time() * 1_000_000), self._tid_clock + 1)
        self._tid_clock = micros
        value = (micros << 10) | 0x1F
        out = []
        for _ in range(13):
            out.append(_S32[value & 31])
            value >>= 5
        return "".join(reversed(out))

    def _profile(self, account: Account) -> dict:
        return {"did": account.did, "handle": account.handle, "displayName": account.display_name,
                "avatar": f"https://cdn.bsky.app/img/avatar/plain/{account.did}/bafkreiavatar@jpeg",
                "associated": {"chat": {"allowIncoming": "following"}}, "labels": [],
                "createdAt": "2024-02-01T10:00:00.000Z", "indexedAt": "2024-02-01T10:00:00.000Z"}

    def _add_post(self, account: Account, rkey: str, record: dict, indexed_at: str | None = None) -> dict:
        uri = f"at://{account.did}/{POST}/{rkey}"
        post = {"uri": uri, "cid": make_cid(uri, record), "did": account.did, "rkey": rkey, "record": record,
                "indexedAt": indexed_at or iso(now())}
        self.posts[uri] = post
        self._post_order.append(uri)
        return post

    def _notify(self, for_did: str, post: dict, reason: str, reason_subject: str | None) -> None:
        author = self.accounts[post["did"]]
        obj = {"uri": post["uri"], "cid": post["cid"], "author": self._profile(author), "reason": reason,
               "record": post["record"], "isRead": False, "indexedAt": post["indexedAt"], "labels": []}
        if reason_subject:
            obj["reasonSubject"] = reason_subject
        self.notifications.append(self._entry(for_did, obj, reason, post["indexedAt"], post["cid"]))

    @staticmethod
    def _entry(for_did: str, obj: Any, reason: str, at: str, cid: str) -> dict:
        ms = int(parse_instant(at).timestamp() * 1000)
        return {"for": for_did, "obj": obj, "reason": reason, "at": at, "ms": ms, "cid": cid}

    # -- test hooks --------------------------------------------------------------------------------

    @property
    def last_indexed_at(self) -> str | None:
        with self.lock:
            return max((n["at"] for n in self.notifications), default=None)

    def post_citizen_message(self, text: str, *, handle: str = "burger.bsky.social", reply_to_uri: str | None = None,
                             indexed_at: str | None = None, langs: tuple[str, ...] = ("nl",),
                             display_name: str | None = None) -> str:
        """A citizen posts: a mention of our account, or a reply to `reply_to_uri`; we get a notification. Returns its uri."""
        with self.lock:
            citizen = self.add_account(handle.lstrip("@"), display_name=display_name)
            own = self.own
            mention = "@" + own.handle
            record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": iso(now()), "langs": list(langs)}
            reason, subject = "mention", None
            if reply_to_uri is not None:
                parent = self.posts[reply_to_uri]
                parent_ref = {"uri": parent["uri"], "cid": parent["cid"]}
                root_ref = (parent["record"].get("reply") or {}).get("root") or parent_ref
                record["reply"] = {"root": root_ref, "parent": parent_ref}
                reason, subject = "reply", parent["uri"]
            elif mention not in text:
                text = f"{mention} {text}"
                record["text"] = text
            start = text.encode("utf-8").find(mention.encode("utf-8"))
            if start >= 0:
                record["facets"] = [{"index": {"byteStart": start, "byteEnd": start + len(mention.encode("utf-8"))},
                                     "features": [{"$type": "app.bsky.richtext.facet#mention", "did": own.did}]}]
            at = indexed_at or iso(now())
            if indexed_at is None and self.last_indexed_at and at < self.last_indexed_at:
                at = self.last_indexed_at
            post = self._add_post(citizen, self._next_tid(), record, indexed_at=at)
            self._notify(own.did, post, reason, subject)
            return post["uri"]

    def own_post(self, text: str) -> str:
        """Our account posts (say, an announcement citizens then reply to); returns its uri. No notification."""
        with self.lock:
            record = {"$type": POST, "text": text, "createdAt": iso(now()), "langs": ["nl"]}
            return self._add_post(self.own, self._next_tid(), record)["uri"]

    def seed_backlog(self, n: int, *, seed: int = 0, gap_seconds: float = 60.0) -> list[str]:
        """`n` older citizen posts mentioning us (Dutch texts from the demo generator), oldest first."""
        from newsroom.demo.generator import generate

        texts: list[tuple[str, str, str]] = []
        for item in generate(max(50, n * 20), seed=seed):
            if item["platform"] != "bluesky":
                continue
            text = item["text"].replace("@stadsveen.bsky.social", "@" + self.own.handle)
            if grapheme_count(text) > 300 or len(text.encode()) > 3000:
                continue
            author = item.get("author") or {}
            texts.append((text, str(author.get("handle") or "@burger.bsky.social").lstrip("@"), author.get("name") or None))
            if len(texts) >= n:
                break
        while len(texts) < n:
            texts.append((f"@{self.own.handle} Wanneer wordt de straatverlichting in de Kerkstraat gerepareerd? ({len(texts)})",
                          "burger.bsky.social", None))
        start = now() - timedelta(seconds=gap_seconds * (n + 1))
        uris = []
        for i, (text, handle, name) in enumerate(texts):
            at = iso(start + timedelta(seconds=gap_seconds * i))
            uris.append(self.post_citizen_message(text, handle=handle, indexed_at=at, display_name=name))
        return uris

    def inject_notification(self, obj: Any, *, indexed_at: str | None = None, reason: str = "mention") -> None:
        """Put any payload (malformed, hostile) into our notifications, at `indexed_at` (default now)."""
        with self.lock:
            at = indexed_at or iso(now())
            self.notifications.append(self._entry(self.own.did, obj, reason, at, make_cid("injected", len(self.notifications), at)))

    def posts_by(self, did_or_handle: str) -> list[dict]:
        """Every post by that account, oldest first (records with uri, cid, record, indexedAt)."""
        with self.lock:
            account = self.account(did_or_handle)
            if account is None:
                return []
            return [self.posts[u] for u in self._post_order if self.posts[u]["did"] == account.did]

    def citizen_posts(self) -> list[str]:
        """The uris of every post that notified our account."""
        with self.lock:
            return [n["obj"]["uri"] for n in self.notifications
                    if n["for"] == self.own.did and isinstance(n["obj"], dict) and n["obj"].get("uri") in self.posts]


def validate_post(record: Any) -> str | None:
    """What is wrong with an app.bsky.feed.post record (lexicons/app/bsky/feed/post.json), or None."""
    if not isinstance(record, dict):
        return "Record must be an object"
    if record.get("$type") != POST:
        return f'Record/$type must be "{POST}"'
    text = record.get("text")
    if not isinstance(text, str):
        return 'Record must have the property "text"'
    if len(text.encode("utf-8")) > 3000:
        return "Record/text must not be longer than 3000 characters"
    if grapheme_count(text) > 300:
        return "Record/text must not be longer than 300 graphemes"
    created = record.get("createdAt")
    if not isinstance(created, str):
        return 'Record must have the property "createdAt"'
    try:
        parse_instant(created)
    except (ValueError, TypeError):
        return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
    langs = record.get("langs")
    if langs is not None and (not isinstance(langs, list) or len(langs) > 3 or not all(isinstance(x, str) and x for x in langs)):
        return "Record/langs must not have more than 3 elements"
    reply = record.get("reply")
    if reply is not None:
        if not isinstance(reply, dict):
            return "Record/reply must be an object"
        for part in ("root", "parent"):
            ref = reply.get(part)
            if not isinstance(ref, dict):
                return f'Record/reply must have the property "{part}"'
            if not isinstance(ref.get("uri"), str) or not ref["uri"].startswith("at://"):
                return f"Record/reply/{part}/uri must be a valid at-uri"
            if not isinstance(ref.get("cid"), str) or not ref["cid"]:
                return f"Record/reply/{part}/cid must be a cid string"
    return None


def demo_channel(fake: BlueskyFake) -> dict:
    """The channel `newsroom demo` connects to this fake."""
    return {
        "platform": "bluesky",
        "name": "Bluesky (demo)",
        "options": {"base_url": fake.base_url, "username": fake.own.handle},
        "secret": fake.own.app_passwords[0],
    }

