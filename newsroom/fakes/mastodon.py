"""A loopback Mastodon server: the municipality's account, citizens, statuses and mention notifications.

Serves the documented paths, entities, Link pagination, rate-limit headers
and error bodies closely enough that Newsroom's connector *and* the
Mastodon.py library work against it unmodified (see
tests/connectors/test_mastodon.py). What it does not do: federation,
media, timelines, streaming, search.

Faithful details the connector depends on:

* notifications page by id: `max_id` (older than), `since_id` (the newest
  `limit` above), `min_id` (the oldest `limit` above, still returned newest
  first), with `Link: <...max_id=X>; rel="next", <...min_id=Y>; rel="prev"`;
* notification ids are a plain sequence (as in Mastodon) and cross a digit
  boundary early, so an id compared as text shows up as a bug;
* the 4.3 notification policy: private mentions are *filtered* by default
  and only listed with `include_filtered=true`;
* `Idempotency-Key` on POST /api/v1/statuses is kept for an hour per
  account: the same key returns the same status;
* `X-RateLimit-Limit/Remaining/Reset` (ISO-8601 with microseconds) on every
  API response, 300 requests per 5 minutes per token, then 429
  `{"error": "Too many requests"}`.
"""
from __future__ import annotations

import bisect
import html
import itertools
import re
import secrets as token_bytes
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from newsroom.fakes.base import FakeServer, Request, Response, now, route

IDEMPOTENCY_SECONDS = 3600.0
RATE_LIMIT = 300
RATE_PERIOD = 300.0  # seconds
VISIBILITIES = ("public", "unlisted", "private", "direct")
MAX_CHARS = 500
OOB = "urn:ietf:wg:oauth:2.0:oob"
#: `@user` or `@user@host[:port]` (usernames are letters, digits and _)
MENTION = re.compile(r"(?<![\w/@])@\w+(?:@\w[\w.-]*\w(?::\d+)?)?")
DEFAULT_POLICY = {
    "for_not_following": "accept",
    "for_not_followers": "accept",
    "for_new_accounts": "accept",
    "for_private_mentions": "filter",
    "for_limited_accounts": "filter",
}


def iso(dt: datetime) -> str:
    """Mastodon's timestamps: UTC with milliseconds and a Z."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def iso6(dt: datetime) -> str:
    """Rails' `iso8601(6)`, as in X-RateLimit-Reset."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


@dataclass
class FakeAccount:
    id: str
    username: str
    display_name: str
    created_at: datetime
    following: set[str] = field(default_factory=set)  # ids this account follows
    statuses_count: int = 0


@dataclass
class FakeStatus:
    id: str
    account_id: str
    text: str
    content: str
    visibility: str
    created_at: datetime
    in_reply_to_id: str | None
    in_reply_to_account_id: str | None
    mention_ids: list[str]
    language: str | None
    spoiler_text: str = ""


@dataclass
class FakeNotification:
    id: str
    type: str
    account_id: str  # who receives it
    from_account_id: str
    status_id: str | None
    created_at: datetime
    filtered: bool = False


class MastodonFake(FakeServer):
    """A Mastodon 4.3 instance with one municipal account (`gemeente`) and citizens made on demand."""

    platform = "mastodon"

    def __init__(self, port: int = 0, host: str = "127.0.0.1", *, username: str = "gemeente",
                 display_name: str = "Gemeente Stadsveen", first_notification_id: int = 99_999_990,
                 rate_limit: int = RATE_LIMIT):
        super().__init__(port, host)
        self.rate_limit_per_period = rate_limit
        self.accounts: dict[str, FakeAccount] = {}
        self.statuses: dict[str, FakeStatus] = {}
        self.notifications: list[FakeNotification] = []  # ascending id
        self.policy: dict[str, str] = dict(DEFAULT_POLICY)
        self.apps: dict[str, dict[str, Any]] = {}  # client_id -> app
        self.codes: dict[str, tuple[str, str, str]] = {}  # code -> (client_id, account id, scopes)
        self.tokens: dict[str, tuple[str | None, str, float]] = {}  # token -> (account id, scopes, issued monotonic)
        self.idempotency: dict[tuple[str, str], tuple[str, float]] = {}
        self.posted: list[tuple[str, str]] = []  # (idempotency key or "", status id) of every POST that made a status
        self._windows: dict[str, tuple[float, int]] = {}  # token -> (period start, count)
        self._account_ids = itertools.count(109_000_000_000_000_001)
        self._notification_ids = itertools.count(first_notification_id)
        self._last_status = 0
        self.me = self._account(username, display_name)
        self.token = self.issue_token(username)

    # -- ids and accounts ----------------------------------------------------------------------

    def _status_id(self) -> str:
        """Snowflake-like: milliseconds << 16 plus a sequence, always increasing."""
        with self.lock:
            self._last_status = max(self._last_status + 1, int(time.time() * 1000) << 16)
            return str(self._last_status)

    def _account(self, username: str, display_name: str | None = None) -> FakeAccount:
        with self.lock:
            by_name = self.__dict__.setdefault("_accounts_by_name", {})
            found = by_name.get(username.lower())
            if found is not None:
                return found
            account = FakeAccount(str(next(self._account_ids)), username, display_name or username.capitalize(), now())
            self.accounts[account.id] = account
            by_name[username.lower()] = account
            return account

    def follow(self, follower: FakeAccount, followed: FakeAccount) -> None:
        """`follower` follows `followed` (counted once here, so rendering an account stays cheap)."""
        with self.lock:
            if followed.id not in follower.following:
                follower.following.add(followed.id)
                counts = self.__dict__.setdefault("_followers", {})
                counts[followed.id] = counts.get(followed.id, 0) + 1

    def _by_acct(self, acct: str) -> FakeAccount | None:
        user, _, domain = acct.lstrip("@").partition("@")
        if domain and domain.lower() not in (self.host, urlsplit(self.base_url).hostname):
            return None
        for account in self.accounts.values():
            if account.username.lower() == user.lower():
                return account
        return None

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc

    def issue_token(self, username: str | None = None, scopes: str = "read write") -> str:
        """A new access token for `username` (None: an app token without a user)."""
        account_id = self._account(username).id if username else None
        token = token_bytes.token_urlsafe(32)
        with self.lock:
            self.tokens[token] = (account_id, scopes, time.monotonic())
        return token

    def credentials(self) -> dict[str, str]:
        if self.token_expired(self.tokens[self.token][2]):
            self.token = self.issue_token(self.me.username)
        return {"base_url": self.base_url, "username": self.me.username, "token": self.token}

    # -- entities -------------------------------------------------------------------------------

    def account_json(self, account: FakeAccount) -> dict[str, Any]:
        url = f"{self.base_url}/@{account.username}"
        followers = self.__dict__.get("_followers", {}).get(account.id, 0)
        return {
            "id": account.id, "username": account.username, "acct": account.username, "display_name": account.display_name,
            "locked": False, "bot": False, "discoverable": True, "group": False, "created_at": iso(account.created_at),
            "note": "", "url": url, "uri": f"{self.base_url}/users/{account.username}",
            "avatar": f"{self.base_url}/avatars/original/missing.png", "avatar_static": f"{self.base_url}/avatars/original/missing.png",
            "header": f"{self.base_url}/headers/original/missing.png", "header_static": f"{self.base_url}/headers/original/missing.png",
            "followers_count": followers, "following_count": len(account.following), "statuses_count": account.statuses_count,
            "last_status_at": None, "emojis": [], "fields": [],
        }

    def status_json(self, status: FakeStatus) -> dict[str, Any]:
        account = self.accounts[status.account_id]
        mentions = []
        for mention_id in status.mention_ids:
            m = self.accounts[mention_id]
            mentions.append({"id": m.id, "username": m.username, "url": f"{self.base_url}/@{m.username}", "acct": m.username})
        return {
            "id": status.id, "created_at": iso(status.created_at), "in_reply_to_id": status.in_reply_to_id,
            "in_reply_to_account_id": status.in_reply_to_account_id, "sensitive": bool(status.spoiler_text),
            "spoiler_text": status.spoiler_text, "visibility": status.visibility, "language": status.language,
            "uri": f"{self.base_url}/users/{account.username}/statuses/{status.id}",
            "url": f"{self.base_url}/@{account.username}/{status.id}",
            "replies_count": self.__dict__.get("_reply_counts", {}).get(status.id, 0),
            "reblogs_count": 0, "favourites_count": 0, "edited_at": None, "favourited": False, "reblogged": False,
            "muted": False, "bookmarked": False, "pinned": False, "content": status.content, "filtered": [], "reblog": None,
            "application": {"name": "Web", "website": None}, "account": self.account_json(account),
            "media_attachments": [], "mentions": mentions, "tags": [], "emojis": [], "card": None, "poll": None,
        }

    def notification_json(self, notification: FakeNotification) -> dict[str, Any]:
        status = self.statuses.get(notification.status_id or "")
        return {
            "id": notification.id, "type": notification.type, "created_at": iso(notification.created_at),
            "group_key": f"ungrouped-{notification.id}", "account": self.account_json(self.accounts[notification.from_account_id]),
            "status": self.status_json(status) if status else None,
        }

    def _html(self, text: str, mentions: dict[str, FakeAccount]) -> str:
        """Mastodon's HTML for a plain-text status: paragraphs, <br />, linked mentions, escaped text."""

        def paragraph(block: str) -> str:
            escaped = html.escape(block, quote=False)

            def link(match: re.Match) -> str:
                account = mentions.get(match.group(0).lower())
                if account is None:
                    return match.group(0)
                return (f'<span class="h-card" translate="no"><a href="{self.base_url}/@{account.username}" '
                        f'class="u-url mention">@<span>{account.username}</span></a></span>')

            escaped = MENTION.sub(link, escaped)
            return "<p>" + escaped.replace("\n", "<br />") + "</p>"

        return "".join(paragraph(b) for b in re.split(r"\n\s*\n", text.strip()) if b.strip())

    # -- making statuses -------------------------------------------------------------------------

    def create_status(self, account: FakeAccount, text: str, *, visibility: str = "public", in_reply_to: str | None = None,
                      language: str | None = "nl", spoiler_text: str = "", created_at: datetime | None = None) -> FakeStatus:
        """A status as the API would make it, with a mention notification for every local account it names."""
        with self.lock:
            mentions: dict[str, FakeAccount] = {}
            for handle in MENTION.findall(text):
                found = self._by_acct(handle)
                if found is not None:
                    mentions[handle.lower()] = found
            parent = self.statuses.get(in_reply_to) if in_reply_to else None
            status = FakeStatus(
                id=self._status_id(), account_id=account.id, text=text, content=self._html(text, mentions),
                visibility=visibility, created_at=created_at or now(), in_reply_to_id=parent.id if parent else None,
                in_reply_to_account_id=parent.account_id if parent else None,
                mention_ids=list(dict.fromkeys(a.id for a in mentions.values() if a.id != account.id)),
                language=language, spoiler_text=spoiler_text,
            )
            self.statuses[status.id] = status
            if status.in_reply_to_id:
                replies = self.__dict__.setdefault("_reply_counts", {})
                replies[status.in_reply_to_id] = replies.get(status.in_reply_to_id, 0) + 1
            account.statuses_count += 1
            for target_id in status.mention_ids:
                self._notify(target_id, account.id, status)
            return status

    def _notify(self, target_id: str, from_id: str, status: FakeStatus) -> None:
        target = self.accounts[target_id]
        parent = self.statuses.get(status.in_reply_to_id or "")
        private = status.visibility == "direct" and not (parent and parent.account_id == target_id)
        strangers = from_id not in target.following
        decisions = []
        if private:
            decisions.append(self.policy.get("for_private_mentions", "accept"))
        if strangers:
            decisions.append(self.policy.get("for_not_following", "accept"))
        if "drop" in decisions:
            return
        self.notifications.append(FakeNotification(
            str(next(self._notification_ids)), "mention", target_id, from_id, status.id, status.created_at, "filter" in decisions,
        ))

    # -- test hooks -------------------------------------------------------------------------------

    def post_citizen_message(self, text: str, *, username: str = "burger", display_name: str | None = None,
                             visibility: str = "public", in_reply_to: str | None = None, language: str | None = "nl") -> str:
        """A citizen mentions the municipal account; returns the new status id (the item's external id)."""
        citizen = self._account(username, display_name)
        if not re.search(rf"@{re.escape(self.me.username)}\b", text, re.IGNORECASE):
            text = f"@{self.me.username} {text}"
        return self.create_status(citizen, text, visibility=visibility, in_reply_to=in_reply_to, language=language).id

    def seed_backlog(self, n: int, *, seed: int = 0) -> list[str]:
        """`n` mentions from citizens in quick succession, with Dutch texts from the demo generator; their status ids."""
        from newsroom.demo.generator import generate

        social = ("mastodon", "bluesky", "x", "facebook", "instagram")
        out: list[str] = []
        for item in generate(max(n * 3, 10), seed=seed):
            if len(out) == n:
                break
            if item.get("platform") not in social:
                continue
            text = re.sub(r"^@\S+\s*", "", str(item.get("text") or "")).strip() or "Vraagje aan de gemeente."
            author = item.get("author") or {}
            handle = re.sub(r"[^\w]", "", str(author.get("handle") or "burger").lstrip("@").split("@")[0])[:30] or "burger"
            visibility = "direct" if len(out) % 7 == 3 else "public"
            out.append(self.post_citizen_message(text, username=handle, display_name=author.get("name"), visibility=visibility))
        while len(out) < n:  # the generator ran short of social items
            out.append(self.post_citizen_message(f"Bericht {len(out) + 1}: de lantaarnpaal bij ons is kapot.", username="burger"))
        return out

    def statuses_by(self, account: str) -> list[dict[str, Any]]:
        """Every status of `account` (username or acct), oldest first, as the API shows it."""
        found = self._by_acct(account)
        with self.lock:
            return [self.status_json(s) for s in self.statuses.values() if found and s.account_id == found.id]

    def replies_to(self, status_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [self.status_json(s) for s in self.statuses.values() if s.in_reply_to_id == status_id]

    # -- plumbing: auth, rate limits, errors --------------------------------------------------------

    def _error(self, status: int, message: str, description: str | None = None) -> Response:
        body = {"error": message}
        if description:
            body["error_description"] = description
        return Response(status, body)

    def _auth(self, request: Request, *, user: bool = True) -> tuple[FakeAccount | None, Response | None]:
        token = request.bearer()
        if not token:
            return None, self._error(401, "This method requires an authenticated user" if user else "The access token is invalid")
        with self.lock:
            found = self.tokens.get(token)
        if found is None or self.token_expired(found[2]):
            return None, self.expired_token_response(request)
        account_id = found[0]
        if user and account_id is None:
            return None, self._error(422, "This method requires an authenticated user")
        return (self.accounts[account_id] if account_id else None), None

    def _limits(self, request: Request) -> tuple[dict[str, str], datetime]:
        """Count the request in its token's 5-minute window; the headers that describe it."""
        key = request.bearer() or "ip"
        moment = time.monotonic()
        with self.lock:
            start, count = self._windows.get(key, (moment, 0))
            if moment - start >= RATE_PERIOD:
                start, count = moment, 0
            count += 1
            self._windows[key] = (start, count)
        reset = now() + timedelta(seconds=RATE_PERIOD - (moment - start))
        return {
            "X-RateLimit-Limit": str(self.rate_limit_per_period),
            "X-RateLimit-Remaining": str(max(0, self.rate_limit_per_period - count)),
            "X-RateLimit-Reset": iso6(reset),
        }, reset

    def rate_limited_response(self, reset_at: datetime) -> Response:
        return Response(429, {"error": "Too many requests"}, {
            "X-RateLimit-Limit": str(self.rate_limit_per_period), "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso6(reset_at),
        })

    def server_error_response(self, status: int) -> Response:
        return Response(status, {"error": "We're sorry, but something went wrong on our end."})

    def _respond(self, request: Request) -> Response:
        if len(request.path) > 1:
            request.path = request.path.rstrip("/")  # Rails routes ignore a trailing slash; Mastodon.py sends some
        if not request.path.startswith("/api/"):
            return super()._respond(request)
        limits, reset = self._limits(request)
        if int(limits["X-RateLimit-Remaining"]) <= 0 and self.faults.rate_limited == 0:
            response = self.rate_limited_response(reset)
        else:
            response = super()._respond(request)
        for key, value in limits.items():
            response.headers.setdefault(key, value)
        return response

    @staticmethod
    def _params(request: Request) -> dict[str, Any]:
        """The POST parameters, form-encoded or JSON (Mastodon takes both)."""
        if "json" in request.headers.get("content-type", ""):
            body = request.json()
            return body if isinstance(body, dict) else {}
        return request.form()

    # -- OAuth ------------------------------------------------------------------------------------------

    @route("POST", "/api/v1/apps")
    def create_app(self, request: Request) -> Response:
        params = self._params(request)
        name = params.get("client_name")
        redirect = params.get("redirect_uris") or OOB
        if not name:
            return self._error(422, "Validation failed: Application name can't be blank")
        if isinstance(redirect, list):
            redirect = "\n".join(redirect)
        client_id, client_secret = token_bytes.token_urlsafe(32), token_bytes.token_urlsafe(32)
        app = {
            "id": str(len(self.apps) + 1), "name": name, "website": params.get("website"), "scopes": str(params.get("scopes") or "read").split(),
            "redirect_uri": redirect, "redirect_uris": redirect.split(), "client_id": client_id, "client_secret": client_secret,
            "vapid_key": "BFake" + "A" * 60,
        }
        with self.lock:
            self.apps[client_id] = app
        return Response(200, app)

    @route("GET", "/oauth/authorize")
    def authorize(self, request: Request) -> Response:
        """Approves at once as the municipal account (a real server shows a login and a consent page)."""
        app = self.apps.get(request.arg("client_id") or "")
        redirect = request.arg("redirect_uri") or OOB
        if app is None or redirect not in app["redirect_uris"]:
            return Response(400, "<p>The redirect uri included is not valid.</p>", content_type="text/html; charset=utf-8")
        code = token_bytes.token_urlsafe(24)
        with self.lock:
            self.codes[code] = (app["client_id"], self.me.id, request.arg("scope") or "read")
        if redirect == OOB:
            return Response(200, f"<html><body><p>Autorisatiecode:</p><code>{code}</code></body></html>", content_type="text/html; charset=utf-8")
        separator = "&" if "?" in redirect else "?"
        return Response(302, b"", {"Location": f"{redirect}{separator}{urlencode({'code': code})}"})

    @route("POST", "/oauth/token")
    def oauth_token(self, request: Request) -> Response:
        params = self._params(request)
        app = self.apps.get(str(params.get("client_id") or ""))
        if app is None or params.get("client_secret") != app["client_secret"]:
            return self._error(401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.")
        grant = params.get("grant_type")
        if grant == "authorization_code":
            with self.lock:
                found = self.codes.pop(str(params.get("code") or ""), None)
            if found is None or found[0] != app["client_id"]:
                return self._error(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.")
            account_id, scopes = found[1], found[2]
        elif grant == "client_credentials":
            account_id, scopes = None, str(params.get("scope") or "read")
        else:
            return self._error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.")
        token = token_bytes.token_urlsafe(32)
        with self.lock:
            self.tokens[token] = (account_id, scopes, time.monotonic())
        return Response(200, {"access_token": token, "token_type": "Bearer", "scope": scopes, "created_at": int(time.time())})

    # -- the API ------------------------------------------------------------------------------------------

    def _instance_common(self) -> dict[str, Any]:
        return {"title": "Stadsveen Sociaal (nep)", "version": "4.3.0", "languages": ["nl"], "source_url": "https://github.com/mastodon/mastodon"}

    @route("GET", "/api/v1/instance")
    def instance_v1(self, request: Request) -> Response:
        return Response(200, {
            **self._instance_common(), "uri": self.host, "short_description": "Een nep-Mastodon voor Newsroom", "description": "",
            "email": "beheer@stadsveen.example", "urls": {"streaming_api": f"ws://{self.host}"},
            "stats": {"user_count": len(self.accounts), "status_count": len(self.statuses), "domain_count": 1},
            "thumbnail": None, "registrations": False, "approval_required": False, "invites_enabled": False,
            "configuration": {"statuses": {"max_characters": MAX_CHARS, "max_media_attachments": 4, "characters_reserved_per_url": 23}},
            "contact_account": self.account_json(self.me), "rules": [],
        })

    @route("GET", "/api/v2/instance")
    def instance_v2(self, request: Request) -> Response:
        return Response(200, {
            **self._instance_common(), "domain": self.host, "description": "Een nep-Mastodon voor Newsroom",
            "usage": {"users": {"active_month": len(self.accounts)}}, "thumbnail": {"url": f"{self.base_url}/thumbnail.png"},
            "icon": [], "api_versions": {"mastodon": 2},
            "configuration": {
                "urls": {"streaming": f"ws://{self.host}"},
                "statuses": {"max_characters": MAX_CHARS, "max_media_attachments": 4, "characters_reserved_per_url": 23},
            },
            "registrations": {"enabled": False, "approval_required": False, "message": None},
            "contact": {"email": "beheer@stadsveen.example", "account": self.account_json(self.me)}, "rules": [],
        })

    @route("GET", "/api/v1/accounts/verify_credentials")
    def verify_credentials(self, request: Request) -> Response:
        account, error = self._auth(request)
        if error:
            return error
        return Response(200, {**self.account_json(account), "source": {"privacy": "public", "sensitive": False, "language": "nl", "note": "", "fields": []}})

    @route("GET", "/api/v1/accounts/(?P<id>[^/]+)/statuses")
    def account_statuses(self, request: Request) -> Response:
        _viewer, error = self._auth(request, user=False)
        if error:
            return error
        with self.lock:
            statuses = [s for s in self.statuses.values() if s.account_id == request.params["id"]]
            page, link = self._page(request, statuses, "/api/v1/accounts/{}/statuses".format(request.params["id"]), default=20, cap=40)
            return Response(200, [self.status_json(s) for s in page], link)

    @route("GET", "/api/v2/notifications/policy")
    def notification_policy(self, request: Request) -> Response:
        account, error = self._auth(request)
        if error:
            return error
        with self.lock:
            pending = [n for n in self.notifications if n.account_id == account.id and n.filtered]
            return Response(200, {**self.policy, "summary": {
                "pending_requests_count": len({n.from_account_id for n in pending}), "pending_notifications_count": len(pending),
            }})

    @route("GET", "/api/v1/notifications")
    def list_notifications(self, request: Request) -> Response:
        account, error = self._auth(request)
        if error:
            return error
        types = set(request.args("types"))
        excluded = set(request.args("exclude_types"))
        include_filtered = (request.arg("include_filtered") or "").lower() in ("true", "1")
        with self.lock:
            rows = self.notifications
            min_id = request.arg("min_id")
            if min_id and min_id.isdigit() and not request.arg("max_id") and not request.arg("since_id"):
                # Resuming: only what lies above the cursor can be on the page (ids ascend).
                rows = rows[bisect.bisect_right(rows, int(min_id), key=lambda n: int(n.id)):]
            chosen = [
                n for n in rows
                if n.account_id == account.id and (not types or n.type in types) and n.type not in excluded
                and (include_filtered or not n.filtered)
            ]
            page, link = self._page(request, chosen, "/api/v1/notifications", default=40, cap=80,
                                    keep=("limit", "types[]", "exclude_types[]", "include_filtered"))
            return Response(200, [self.notification_json(n) for n in page], link)

    def _page(self, request: Request, rows: list, path: str, *, default: int, cap: int, keep: tuple[str, ...] = ("limit",)):
        """Mastodon's id pagination over `rows` (ascending ids) and its Link header."""
        try:
            limit = int(request.arg("limit") or default)
        except ValueError:
            limit = default
        limit = max(1, min(cap, limit))

        def number(name: str) -> int | None:
            value = request.arg(name)
            return int(value) if value and value.isdigit() else None

        max_id, since_id, min_id = number("max_id"), number("since_id"), number("min_id")
        if max_id is not None:
            rows = [r for r in rows if int(r.id) < max_id]
        if min_id is not None:  # the oldest `limit` above min_id, shown newest first
            page = [r for r in rows if int(r.id) > min_id][:limit][::-1]
        else:
            if since_id is not None:
                rows = [r for r in rows if int(r.id) > since_id]
            page = rows[::-1][:limit]
        headers: dict[str, str] = {}
        if page:
            kept = []
            for key, values in sorted(request.query.items()):
                if key in keep:
                    kept.extend((key, v) for v in values)

            def url(extra: tuple[str, str]) -> str:
                query = sorted(kept + [extra], key=lambda kv: kv[0])
                return f"{self.base_url}{path}?{urlencode(query)}"

            headers["Link"] = f'<{url(("max_id", page[-1].id))}>; rel="next", <{url(("min_id", page[0].id))}>; rel="prev"'
        return page, headers

    @route("POST", "/api/v1/statuses")
    def post_status(self, request: Request) -> Response:
        account, error = self._auth(request)
        if error:
            return error
        key = request.headers.get("idempotency-key") or ""
        moment = time.monotonic()
        with self.lock:
            if key:
                kept = self.idempotency.get((account.id, key))
                if kept is not None and moment - kept[1] < IDEMPOTENCY_SECONDS and kept[0] in self.statuses:
                    return Response(200, self.status_json(self.statuses[kept[0]]))
            params = self._params(request)
            text = params.get("status")
            text = text if isinstance(text, str) else ""
            visibility = params.get("visibility") or "public"
            if not text.strip():
                return self._error(422, "Validation failed: Text can't be blank")
            if visibility not in VISIBILITIES:
                return self._error(422, "Validation failed: Visibility is not included in the list")
            if _length(text) > MAX_CHARS:
                return self._error(422, f"Validation failed: Text character limit of {MAX_CHARS} exceeded")
            in_reply_to = params.get("in_reply_to_id") or None
            if in_reply_to is not None and str(in_reply_to) not in self.statuses:
                return self._error(404, "Record not found")
            language = params.get("language") or None
            status = self.create_status(account, text, visibility=visibility, in_reply_to=str(in_reply_to) if in_reply_to else None,
                                        language=language, spoiler_text=str(params.get("spoiler_text") or ""))
            if key:
                self.idempotency[(account.id, key)] = (status.id, moment)
            self.posted.append((key, status.id))
            return Response(200, self.status_json(status))

    @route("GET", "/api/v1/statuses/(?P<id>[^/]+)")
    def get_status(self, request: Request) -> Response:
        viewer, error = self._auth(request, user=False)
        if error:
            return error
        with self.lock:
            status = self.statuses.get(request.params["id"])
            if status is None or not self._may_see(viewer, status):
                return self._error(404, "Record not found")
            return Response(200, self.status_json(status))

    @route("GET", "/api/v1/statuses/(?P<id>[^/]+)/context")
    def status_context(self, request: Request) -> Response:
        viewer, error = self._auth(request, user=False)
        if error:
            return error
        with self.lock:
            status = self.statuses.get(request.params["id"])
            if status is None or not self._may_see(viewer, status):
                return self._error(404, "Record not found")
            ancestors, parent = [], self.statuses.get(status.in_reply_to_id or "")
            while parent is not None:
                ancestors.insert(0, parent)
                parent = self.statuses.get(parent.in_reply_to_id or "")
            descendants, frontier = [], [status.id]
            while frontier:
                children = [s for s in self.statuses.values() if s.in_reply_to_id in frontier]
                descendants.extend(children)
                frontier = [c.id for c in children]
            return Response(200, {
                "ancestors": [self.status_json(s) for s in ancestors if self._may_see(viewer, s)],
                "descendants": [self.status_json(s) for s in sorted(descendants, key=lambda s: int(s.id)) if self._may_see(viewer, s)],
            })

    @staticmethod
    def _may_see(viewer: FakeAccount | None, status: FakeStatus) -> bool:
        if status.visibility in ("public", "unlisted"):
            return True
        return viewer is not None and (viewer.id == status.account_id or viewer.id in status.mention_ids)


def _length(text: str) -> int:
    """Mastodon's count: a link is 23 characters, `@user@domain` counts as `@user`."""
    text = re.sub(r"https?://\S+", "x" * 23, text)
    return len(re.sub(r"(@[\w.-]+)@[\w.-]+\.\w+", r"\1", text))


def demo_channel(fake: MastodonFake) -> dict[str, Any]:
    """How `newsroom demo` connects a channel to this fake."""
    creds = fake.credentials()
    return {
        "platform": "mastodon",
        "name": "Mastodon (demo)",
        "options": {"base_url": creds["base_url"], "username": creds["username"]},
        "secret": creds["token"],
    }
