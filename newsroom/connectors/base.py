"""The connector interface: what every platform connector implements.

A connector turns one platform account (a `ChannelSettings`) into pages of
the core's `InboundItem`s and sends replies back. It never touches the
database: the collector (`newsroom.connectors.runner`) stores each page's
items, set-aside payloads and the new cursor in one transaction through the
`collect_page` action, so a restart re-reads at most one page and never
skips one.

Errors a connector raises tell the collector what to do next:

* `TransientError`  network trouble or a 5xx: retry with backoff and jitter
  (2 s doubling to 5 min);
* `RateLimited`     the platform said "slow down": sleep until `until`;
* `CredentialError` the token expired or was revoked, or the password is
  wrong: the channel "needs attention" until an admin enters a new secret;
  the other channels go on;
* `PermanentError`  this request can never succeed (a reply refused with
  422, a state change Signalen does not allow): a reply is marked failed
  with the platform's reason.

Cursors are plain JSON values chosen by the connector (e.g. Mastodon's
highest notification id, IMAP's {uidvalidity, last_uid}); the collector
stores them verbatim and hands them back.
"""
from __future__ import annotations

import abc
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, ClassVar

from newsroom.inbound import Author, InboundItem
from newsroom.timeutil import UTC, parse_instant, utcnow

if TYPE_CHECKING:  # pragma: no cover
    import httpx

    from newsroom.secrets import SecretStore

BACKOFF_FIRST = 2.0  # seconds
BACKOFF_MAX = 300.0


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """One configured channel: platform account plus its non-secret options.

    `options` holds what `Connector.OPTIONS` declares (base_url, imap_host,
    mailbox, ...). The secret (token, password, app password) is never here:
    the connector reads it from `SecretStore`.
    """

    id: int
    platform: str
    account: str
    name: str
    options: Mapping[str, Any] = field(default_factory=dict)

    def option(self, key: str, default: Any = None) -> Any:
        value = self.options.get(key)
        return default if value in (None, "") else value


@dataclass(frozen=True, slots=True)
class Option:
    """A channel option a user fills in (CLI flag `--<name with dashes>`, a field in the app)."""

    name: str
    label: str
    required: bool = False
    default: Any = None
    kind: str = "str"  # str | int | bool
    help: str = ""


@dataclass(frozen=True, slots=True)
class SetAside:
    """A payload the connector could not turn into an item: kept with the reason for an admin."""

    reason: str
    payload: str  # the raw text as received (JSON, RFC 5322 source, ...)
    external_id: str | None = None


@dataclass(slots=True)
class Page:
    """One fetch: items, payloads set aside, the cursor after them, and whether more wait right now."""

    items: list[InboundItem]
    cursor: Any
    set_aside: list[SetAside] = field(default_factory=list)
    more: bool = False


@dataclass(frozen=True, slots=True)
class Original:
    """The inbound message a reply answers, as the connector needs it."""

    external_id: str
    thread_id: str | None
    in_reply_to: str | None
    author: Author
    subject: str | None
    url: str | None
    received_at: datetime
    raw: Any  # the decoded platform payload stored with the message


@dataclass(frozen=True, slots=True)
class OutboundReply:
    """A reply to send. `key` is the client UUID stored before the first attempt, the same on every retry."""

    reply_id: int
    key: str
    text: str
    original: Original | None
    attempt: int = 1
    sender_name: str | None = None


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the platform made of a sent reply: its id there (the outbound message's external id)."""

    external_id: str
    url: str | None = None
    thread_id: str | None = None
    raw: Any = None
    already_sent: bool = False  # the retry found the reply already on the platform


@dataclass(frozen=True, slots=True)
class Health:
    ok: bool
    detail: str = ""


class ConnectorError(Exception):
    """Base of what a connector raises; `reason` is for the person looking at the channel."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TransientError(ConnectorError):
    """Try again later (network error, timeout, 5xx, SMTP 4xx)."""

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.retry_after = retry_after


class RateLimited(ConnectorError):
    """The platform asks us to wait until `until` (an aware UTC instant)."""

    def __init__(self, reason: str, until: datetime):
        super().__init__(reason)
        self.until = until


class CredentialError(ConnectorError):
    """The secret is missing, wrong, expired or revoked: an admin must act."""


class PermanentError(ConnectorError):
    """This request will never succeed as it is (validation error, forbidden transition, SMTP 5xx)."""


class ConfigError(ConnectorError):
    """The channel's options are wrong or incomplete."""


class Connector(abc.ABC):
    """One platform account. Subclasses set the class attributes and implement the three calls."""

    platform: ClassVar[str]
    OPTIONS: ClassVar[tuple[Option, ...]] = ()
    #: whether the channel needs a secret in the keyring (Open311 reading does not)
    needs_secret: ClassVar[bool] = True
    #: whether replies can be sent through this platform (Open311 cannot)
    can_reply: ClassVar[bool] = True
    #: seconds between polls when the platform has nothing new
    poll_interval: ClassVar[float] = 1.0
    #: the platform's limit on a reply's length in characters (None: no limit we enforce)
    max_reply_chars: ClassVar[int | None] = None

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        """The platform account this channel listens on, from its options (unique per platform).

        The default is ``username@host`` of ``base_url`` (or just one of the two).
        """
        from urllib.parse import urlsplit

        host = urlsplit(str(options.get("base_url") or "")).netloc
        user = str(options.get("username") or "")
        return f"{user}@{host}" if user and host else (user or host)

    def __init__(self, channel: ChannelSettings, *, secrets: SecretStore, http: httpx.AsyncClient | None = None):
        self.channel = channel
        self.secrets = secrets
        self.http = http

    @abc.abstractmethod
    async def check(self) -> Health:
        """Test the connection and the credentials ("test connection" in the app)."""

    @abc.abstractmethod
    async def fetch(self, cursor: Any) -> Page:
        """The next page of items after `cursor` (None on a channel's first run)."""

    async def send(self, reply: OutboundReply) -> SendResult:
        """Post `reply`; safe to call again with the same `reply.key` after a crash."""
        raise PermanentError(f"{self.platform} channels cannot send replies")

    async def wait_for_new(self, timeout: float) -> None:
        """Return when new items may be waiting, at the latest after `timeout` seconds.

        Polling connectors just sleep; a push-capable one (IMAP IDLE) returns early.
        """
        import asyncio

        await asyncio.sleep(timeout)

    async def aclose(self) -> None:
        """Release connections (an IMAP session, ...)."""

    def http_base(self, label: str) -> str:
        """The channel's `base_url` without a trailing slash; `ConfigError` unless it is http(s)."""
        base = str(self.channel.option("base_url") or "").rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise ConfigError(f"the {label} base_url must start with https://")
        return base

    async def request(self, method: str, url: str, *, label: str, **kwargs) -> httpx.Response:
        """One HTTP request on the shared client; a network failure is a `TransientError` naming `label`."""
        if self.http is None:  # pragma: no cover - the collector always passes its client
            raise ConfigError("no HTTP client")
        import httpx

        try:
            return await self.http.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            raise TransientError(f"cannot reach {label}: {type(error).__name__}: {error}") from error

    def secret(self, name: str = "secret") -> str:
        """The channel's secret from the keyring, or `CredentialError` when there is none."""
        value = self.secrets.get(self.channel, name)
        if not value:
            raise CredentialError("no credentials stored for this channel; enter them in the channel settings")
        return value


# -- helpers shared by the HTTP connectors ------------------------------------------------


def backoff_delay(attempt: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait before retry `attempt` (1-based): 2 s doubling to 5 min, with full jitter on the top half."""
    base = min(BACKOFF_MAX, BACKOFF_FIRST * (2 ** max(0, attempt - 1)))
    r = (rng or random).random()
    return base / 2 + r * base / 2


def parse_reset(value: str | None, *, now: datetime | None = None, server_date: str | None = None) -> datetime | None:
    """A rate-limit reset header as an aware UTC instant.

    Accepts ISO-8601 (Mastodon), epoch seconds (Bluesky, X) or, for
    Retry-After, a number of seconds or an HTTP date. With the response's
    `Date` header the reset is corrected for clock skew between us and the
    server, as Mastodon.py does.
    """
    if not value:
        return None
    now = now or utcnow()
    value = value.strip()
    reset: datetime | None = None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None:
        if number > 1_000_000_000:  # epoch seconds
            reset = datetime.fromtimestamp(number, UTC)
        else:  # delta seconds (Retry-After)
            return now + timedelta(seconds=max(0.0, number))
    else:
        try:
            reset = parse_instant(value)
        except ValueError:
            try:
                reset = parsedate_to_datetime(value).astimezone(UTC)
            except (TypeError, ValueError):
                return None
    if server_date:
        try:
            server_now = parsedate_to_datetime(server_date).astimezone(UTC)
            reset = reset + (now - server_now)
        except (TypeError, ValueError):
            pass
    return reset


def http_error(response: httpx.Response, *, reason: str | None = None) -> ConnectorError:
    """The `ConnectorError` for an HTTP error response that no platform-specific rule caught."""
    status = response.status_code
    text = reason or _error_text(response)
    if status in (401, 403):
        return CredentialError(text)
    if status == 429:
        until = parse_reset(response.headers.get("retry-after"), server_date=response.headers.get("date"))
        return RateLimited(text, until or utcnow() + timedelta(seconds=60))
    if status >= 500 or status in (408, 425):
        return TransientError(text)
    return PermanentError(text)


def json_body(response: httpx.Response) -> Any:
    """The response's JSON, or None when the body is not JSON (too deeply nested counts as not JSON)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def decode_json(response: httpx.Response, label: str) -> Any:
    """The response's JSON; a body that is not JSON is a `TransientError` naming `label` (the next poll tries again)."""
    try:
        return response.json()
    except (ValueError, RecursionError):
        raise TransientError(f"{label} sent a response that is not JSON (HTTP {response.status_code})") from None


def _error_text(response: httpx.Response) -> str:
    body = json_body(response)
    if isinstance(body, list) and body and isinstance(body[0], dict) and isinstance(body[0].get("description"), str):
        return f"HTTP {response.status_code}: {body[0]['description']}"  # GeoReport v2's error list
    if isinstance(body, dict):
        for key in ("error_description", "message", "error", "detail"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return f"HTTP {response.status_code}: {value}"
    return f"HTTP {response.status_code}: {response.reason_phrase}"
