"""Mastodon: mentions and direct messages of one account in, replies out.

Inbound is `GET /api/v1/notifications?types[]=mention`, resumed with
`min_id` (the items immediately newer than the cursor, oldest first) and
never with `since_id` (which returns the *newest* page above the cursor and
so leaves a gap when more than a page has piled up). The cursor is the
highest notification id stored so far. A channel's first run takes only the
newest page: what came before Newsroom was connected is not backfilled.

Direct messages arrive as mentions with `status.visibility == "direct"`.
Since Mastodon 4.3 a notification policy may *filter* mentions from
strangers and private mentions, so every request asks for
`include_filtered=true`; `check()` reports the policy.

A reply is `POST /api/v1/statuses` in reply to the citizen's status, with
the original's visibility, `@acct` of every addressee in front (a direct
reply without them reaches nobody) and the reply's client key as
`Idempotency-Key`, so a retry after a crash or a timeout lands once.

See docs/connectors/mastodon.md and ../shared/CONNECTORS.md section 1.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from html.parser import HTMLParser
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx

from newsroom.connectors import REPLY_LIMITS
from newsroom.connectors.base import (
    ConfigError,
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
    parse_reset,
)
from newsroom.inbound import InvalidItem, dumps, parse_item
from newsroom.timeutil import utcnow

PAGE_LIMIT = 80  # Mastodon's maximum for notifications
MAX_REPLY_CHARS = REPLY_LIMITS["mastodon"]  # Mastodon's default; an instance may allow more
URL_CHARS = 23  # every link counts as 23 characters, whatever its length
VISIBILITIES = ("public", "unlisted", "private", "direct")
TOKEN_INVALID = (
    "The access token is invalid: it expired or was revoked. "
    "Enter a new access token in the channel settings."
)


# -- HTML to plain text -----------------------------------------------------------------


class _TextOf(HTMLParser):
    """Collects the text of a status's HTML: tags dropped, <p>/<br> as line breaks, entities decoded.

    Nothing is interpreted: scripts and styles are skipped, and the result is
    plain text that the app shows as text.
    """

    _SKIP = frozenset({"script", "style", "template", "iframe", "object", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "div", "li", "blockquote") and self.parts and not self.parts[-1].endswith("\n\n"):
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "p":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of Mastodon's status HTML (`content`)."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\r\n", "\n").replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# -- ids, lengths, links ---------------------------------------------------------------


def id_key(value: str) -> tuple[int, int | str]:
    """Order of two ids: as numbers when both are digits (Mastodon's are), else as text."""
    return (0, int(value)) if _numeric(value) else (1, value)


def _numeric(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) < 40


_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_REMOTE_MENTION = re.compile(r"(?<![\w@])(@[\w.-]+)@[\w.-]+\.[a-z]{2,}", re.IGNORECASE)


def status_length(text: str) -> int:
    """Characters as Mastodon counts them: a link is 23, `@user@domain` counts as `@user`."""
    text = _URL.sub("x" * URL_CHARS, text)
    text = _REMOTE_MENTION.sub(lambda m: m.group(1), text)
    return len(text)


def next_cursor(cursor: str | None, link_min_id: str | None, ids: list[str]) -> str:
    """The highest id seen: the Link's rel="prev" min_id when there is one, else the page's ids.

    Mastodon's ids are numbers in strings and compare as numbers ("100" > "99");
    other servers use sortable opaque strings (ULIDs) that compare as text. A
    stray non-numeric id among numeric ones is a malformed notification and
    never becomes the cursor. Nothing seen on a first run gives "0": the next
    run then reads everything from the beginning, not just the newest page.
    """
    candidates = [link_min_id] if link_min_id else list(ids)
    if cursor is not None:
        candidates.append(cursor)
    if not candidates:
        return "0"
    numeric = [c for c in candidates if _numeric(c)]
    if numeric and (cursor is None or _numeric(cursor)):
        return max(numeric, key=int)
    return max(candidates)


def _link_min_id(link: str | None) -> str | None:
    """The `min_id` of the Link header's rel="prev" URL: the newest id of the page."""
    for part in (link or "").split(","):
        if 'rel="prev"' not in part and "rel=prev" not in part:
            continue
        match = re.search(r"<([^>]*)>", part)
        if match:
            values = parse_qs(urlsplit(match.group(1)).query).get("min_id")
            if values and values[0]:
                return values[0]
    return None


def _str_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and value else None


# -- the connector ------------------------------------------------------------------------


class MastodonConnector(Connector):
    platform = "mastodon"
    OPTIONS = (
        Option("base_url", "Server address", required=True, help="e.g. https://social.overheid.nl"),
        Option("username", "Account name", required=True, help="the account's name without the server, e.g. gemeente"),
    )
    # 200 requests per 5 min when idle: two thirds of the per-token limit. Real
    # servers also cap paging requests (300 per 15 min); the pacing in
    # wait_for_new then stretches the interval to what the headers allow.
    poll_interval = 1.5
    max_reply_chars = MAX_REPLY_CHARS
    #: notifications asked for per request (tests lower it to make many pages)
    page_limit: ClassVar[int] = PAGE_LIMIT

    def __init__(self, channel, *, secrets, http=None):
        super().__init__(channel, secrets=secrets, http=http)
        self._remaining: int | None = None
        self._reset: datetime | None = None

    # -- options ------------------------------------------------------------------------

    @staticmethod
    def _username(options: Mapping[str, Any]) -> str:
        return str(options.get("username") or "").strip().lstrip("@").split("@")[0].lower()

    @staticmethod
    def _host(options: Mapping[str, Any]) -> str:
        return urlsplit(str(options.get("base_url") or "").strip()).netloc.lower()

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        """`@username@host`, the way people write the account."""
        user, host = cls._username(options), cls._host(options)
        return f"@{user}@{host}" if user and host else ""

    @property
    def base_url(self) -> str:
        url = str(self.channel.option("base_url", "")).strip().rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"the server address {url!r} is not an http(s) URL such as https://social.overheid.nl")
        return url

    @property
    def username(self) -> str:
        return self._username(self.channel.options)

    # -- HTTP ---------------------------------------------------------------------------------

    def _client(self) -> httpx.AsyncClient:
        if self.http is None:
            raise ConfigError("the Mastodon connector needs an HTTP client")
        return self.http

    async def _request(self, method: str, path: str, *, params: Any = None, json_body: Any = None,
                       headers: Mapping[str, str] | None = None) -> httpx.Response:
        """One API call with the token; errors become `ConnectorError`s the collector understands."""
        all_headers = {"Authorization": f"Bearer {self.secret()}", "Accept": "application/json", **(headers or {})}
        try:
            response = await self._client().request(
                method, self.base_url + path, params=params, json=json_body, headers=all_headers
            )
        except httpx.TimeoutException as error:
            raise TransientError(f"Mastodon did not answer in time ({type(error).__name__})") from error
        except httpx.TransportError as error:
            raise TransientError(f"cannot reach {self._host(self.channel.options)}: {error or type(error).__name__}") from error
        self._note_limits(response)
        if response.status_code >= 400:
            raise self._error(response)
        return response

    def _note_limits(self, response: httpx.Response) -> None:
        try:
            self._remaining = int(response.headers["x-ratelimit-remaining"])
        except (KeyError, ValueError):
            self._remaining = None
        self._reset = parse_reset(response.headers.get("x-ratelimit-reset"), server_date=response.headers.get("date"))

    def _error(self, response: httpx.Response):
        status = response.status_code
        if status == 401:
            return CredentialError(TOKEN_INVALID)
        if status == 403:
            return CredentialError(
                f"{_platform_text(response)}: the access token lacks a permission; it needs the scopes "
                "read:notifications read:statuses write:statuses"
            )
        if status == 429:
            headers = response.headers
            until = (
                parse_reset(headers.get("x-ratelimit-reset"), server_date=headers.get("date"))
                or parse_reset(headers.get("retry-after"), server_date=headers.get("date"))
                or utcnow() + timedelta(minutes=5)
            )
            return RateLimited(f"Mastodon's rate limit was reached; waiting until {until:%H:%M:%S} UTC", until)
        if status >= 500 or status in (408, 425):
            return TransientError(f"Mastodon had a problem ({_platform_text(response)})")
        return http_error(response, reason=_platform_text(response))

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        return decode_json(response, "Mastodon")

    # -- checking -------------------------------------------------------------------------------

    async def check(self) -> Health:
        """The token's account, and whether a notification policy hides or drops citizens' messages."""
        me = self._json(await self._request("GET", "/api/v1/accounts/verify_credentials"))
        acct = str(me.get("acct") or me.get("username") or "") if isinstance(me, dict) else ""
        if acct.split("@")[0].lower() != self.username:
            return Health(False, f"the token belongs to @{acct}, not to @{self.username}; enter the token of @{self.username}")
        detail = f"@{acct} on {self._host(self.channel.options)}"
        policy = await self._policy()
        return Health(policy[0], f"{detail}; {policy[1]}" if policy[1] else detail)

    async def _policy(self) -> tuple[bool, str]:
        try:
            response = await self._request("GET", "/api/v2/notifications/policy")
        except PermanentError:  # a server older than 4.3 has no policy
            return True, ""
        except CredentialError:
            return True, "cannot read the notification policy (the token lacks read:notifications)"
        policy = self._json(response)
        if not isinstance(policy, dict):
            return True, ""
        labels = {
            "for_not_following": "mentions from accounts it does not follow",
            "for_not_followers": "mentions from accounts that do not follow it",
            "for_new_accounts": "mentions from new accounts",
            "for_private_mentions": "private mentions (direct messages)",
            "for_limited_accounts": "mentions from moderated accounts",
        }
        dropped = [label for key, label in labels.items() if policy.get(key) == "drop"]
        filtered = [label for key, label in labels.items() if policy.get(key) == "filter"]
        notes = []
        if filtered:
            notes.append("the notification policy filters " + ", ".join(filtered) + "; Newsroom collects them anyway")
        if dropped:
            notes.append(
                "the notification policy DROPS " + ", ".join(dropped)
                + ": citizens' messages are lost; set them to 'filter' or 'accept' in Mastodon's notification settings"
            )
        return not dropped, "; ".join(notes)

    # -- reading ------------------------------------------------------------------------------

    async def fetch(self, cursor: Any) -> Page:
        params: list[tuple[str, str | int]] = [("types[]", "mention"), ("limit", self.page_limit), ("include_filtered", "true")]
        cursor_id = _str_id(cursor)
        if cursor_id is not None:
            params.append(("min_id", cursor_id))
        response = await self._request("GET", "/api/v1/notifications", params=params)
        body = self._json(response)
        if not isinstance(body, list):
            raise TransientError("Mastodon's notifications were not a list")
        items, set_aside, ids = [], [], []
        for entry in body:
            notification_id = _str_id(entry.get("id")) if isinstance(entry, dict) else None
            if notification_id is not None:
                ids.append(notification_id)
            try:
                items.append(self.to_item(entry))
            except InvalidItem as problem:
                set_aside.append(SetAside(problem.reason, _payload(entry), _external_id(entry)))
            except Exception as error:  # noqa: BLE001 - one unreadable payload must not stop the channel
                reason = f"the notification cannot be read ({type(error).__name__}: {error})"
                set_aside.append(SetAside(reason[:500], _payload(entry), _external_id(entry)))
        new_cursor = next_cursor(cursor_id, _link_min_id(response.headers.get("link")), ids)
        items.sort(key=lambda item: id_key(_str_id(item.raw["id"]) or ""))
        # The first run takes the newest page only; after that, a full page means more wait.
        more = cursor_id is not None and len(body) >= self.page_limit and new_cursor != cursor_id
        return Page(items, new_cursor, set_aside, more)

    def to_item(self, notification: Any):
        """One mention notification as an `InboundItem`; `InvalidItem` says why it cannot be."""
        if not isinstance(notification, dict):
            raise InvalidItem("the notification is not a JSON object")
        if _str_id(notification.get("id")) is None:
            raise InvalidItem("the notification has no id")
        if notification.get("type") != "mention":
            raise InvalidItem(f"the notification is a {str(notification.get('type'))[:40]!r}, not a mention")
        status = notification.get("status")
        if not isinstance(status, dict):
            raise InvalidItem("the mention has no status")
        status_id = _str_id(status.get("id"))
        if status_id is None:
            raise InvalidItem("the mention's status has no id")
        account = status.get("account")
        if not isinstance(account, dict):
            account = notification.get("account")
        if not isinstance(account, dict):
            raise InvalidItem("the mention's status has no account")
        content = status.get("content")
        if not isinstance(content, str):
            raise InvalidItem("the status's content is not text")
        acct = account.get("acct") or account.get("username")
        text = self._strip_own_mention(html_to_text(content))
        spoiler = status.get("spoiler_text")
        if isinstance(spoiler, str) and spoiler.strip():
            text = f"[{spoiler.strip()}]\n{text}"
        language = status.get("language")
        obj = {
            "platform": self.platform,
            "channel": self.channel.account,
            "external_id": status_id,
            "in_reply_to": _str_id(status.get("in_reply_to_id")),
            "author": {
                "id": _str_id(account.get("id")),
                "handle": f"@{acct}" if isinstance(acct, str) and acct else None,
                "name": account.get("display_name") or None,
            },
            "text": text,
            "received_at": status.get("created_at"),
            "url": status.get("url") or status.get("uri"),
            "language": language if isinstance(language, str) and language else None,
            "raw": notification,
        }
        try:
            return parse_item(obj)
        except (TypeError, ValueError, OverflowError) as error:
            if isinstance(error, InvalidItem):
                raise
            raise InvalidItem(f"the notification cannot be read: {error}") from None

    def _strip_own_mention(self, text: str) -> str:
        """Drop our own @name from the start: every mention begins with it and it says nothing."""
        pattern = rf"^@{re.escape(self.username)}(@{re.escape(self._host(self.channel.options))})?(?![\w@.-])\s*"
        stripped = re.sub(pattern, "", text, count=1, flags=re.IGNORECASE)
        return stripped if stripped.strip() else text

    async def wait_for_new(self, timeout: float) -> None:
        """Sleep the poll interval, longer when the rate-limit budget would not last until its reset."""
        import asyncio

        delay = timeout
        if self._remaining is not None and self._reset is not None:
            left = (self._reset - utcnow()).total_seconds()
            if left > 0:
                delay = max(delay, min(300.0, left / max(1, self._remaining)))
        await asyncio.sleep(delay)

    async def _already_posted(self, body: dict[str, Any]) -> SendResult | None:
        """On a retry: our answer already in the thread (the Idempotency-Key is kept only one hour)."""
        try:
            response = await self._request("GET", f"/api/v1/statuses/{body['in_reply_to_id']}/context")
        except PermanentError:
            return None  # the POST will say what is wrong
        context = self._json(response)
        descendants = context.get("descendants") if isinstance(context, dict) else None
        for status in descendants if isinstance(descendants, list) else []:
            if not isinstance(status, dict) or _str_id(status.get("in_reply_to_id")) != body["in_reply_to_id"]:
                continue
            account = status.get("account")
            acct = account.get("acct") if isinstance(account, dict) else None
            content = status.get("content")
            if isinstance(acct, str) and self._is_me(acct) and isinstance(content, str) and _same_text(html_to_text(content), body["status"]):
                url = status.get("url") or status.get("uri")
                return SendResult(str(status["id"]), url if isinstance(url, str) else None, raw=status, already_sent=True)
        return None

    # -- replying -----------------------------------------------------------------------------

    def _is_me(self, acct: str) -> bool:
        user, _, domain = acct.lower().partition("@")
        return user == self.username and domain in ("", self._host(self.channel.options))

    def addressees(self, raw: Any, fallback_handle: str | None) -> list[str]:
        """`acct` of the original's author, then of everyone it mentions, without us (as Mastodon.py's status_reply)."""
        out: list[str] = []
        status = raw.get("status") if isinstance(raw, dict) else None
        if isinstance(status, dict):
            account = status.get("account")
            if isinstance(account, dict) and isinstance(account.get("acct"), str):
                out.append(account["acct"])
            for mention in status.get("mentions") or []:
                if isinstance(mention, dict) and isinstance(mention.get("acct"), str):
                    out.append(mention["acct"])
        if not out and fallback_handle:
            out.append(fallback_handle.lstrip("@"))
        seen: set[str] = set()
        result = []
        for acct in out:
            acct = acct.strip().lstrip("@")
            if acct and not self._is_me(acct) and acct.lower() not in seen:
                seen.add(acct.lower())
                result.append(acct)
        return result

    @staticmethod
    def visibility_of(raw: Any) -> str:
        """The original's visibility; `direct` when unknown, so an answer never goes wider than the question."""
        status = raw.get("status") if isinstance(raw, dict) else None
        value = status.get("visibility") if isinstance(status, dict) else None
        return value if value in VISIBILITIES else "direct"

    def compose(self, reply: OutboundReply) -> dict[str, Any]:
        """The POST /api/v1/statuses body for `reply`; `PermanentError` when it cannot be sent as it is."""
        if reply.original is None:
            raise PermanentError("a Mastodon reply must answer a citizen's status; this reply answers none")
        text = reply.text.strip()
        if not text:
            raise PermanentError("the reply is empty")
        raw = reply.original.raw
        names = self.addressees(raw, reply.original.author.handle)
        prefix = " ".join(f"@{acct}" for acct in names)
        status = f"{prefix} {text}" if prefix else text
        length = status_length(status)
        if length > self.max_reply_chars:
            raise PermanentError(
                f"the reply is {length} characters with the addressees ({prefix or 'none'}); "
                f"Mastodon allows {self.max_reply_chars}. Shorten it by {length - self.max_reply_chars}."
            )
        return {
            "status": status,
            "in_reply_to_id": reply.original.external_id,
            "visibility": self.visibility_of(raw),
            "language": "nl",
        }

    async def send(self, reply: OutboundReply) -> SendResult:
        body = self.compose(reply)
        if reply.attempt > 1:
            found = await self._already_posted(body)
            if found is not None:
                return found
        response = await self._request("POST", "/api/v1/statuses", json_body=body, headers={"Idempotency-Key": reply.key})
        status = self._json(response)
        status_id = _str_id(status.get("id")) if isinstance(status, dict) else None
        if status_id is None:
            raise TransientError("Mastodon accepted the reply but did not say its id")
        url = status.get("url") or status.get("uri")
        return SendResult(external_id=status_id, url=url if isinstance(url, str) else None, raw=status)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _platform_text(response: httpx.Response) -> str:
    """`HTTP 422: Validation failed: ...` from Mastodon's {"error": ..., "error_description"?: ...}."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        parts = [body.get(k) for k in ("error", "error_description")]
        text = ": ".join(p for p in parts if isinstance(p, str) and p)
        if text:
            return f"HTTP {response.status_code}: {text[:500]}"
    return f"HTTP {response.status_code}: {response.reason_phrase}"


def _payload(entry: Any) -> str:
    try:
        return dumps(entry)
    except (TypeError, ValueError):
        return json.dumps(entry, ensure_ascii=True, default=repr)


def _external_id(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return None
    status = entry.get("status")
    found = _str_id(status.get("id")) if isinstance(status, dict) else None
    return found or _str_id(entry.get("id"))
