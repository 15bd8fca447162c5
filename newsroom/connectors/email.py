"""E-mail: IMAP in, SMTP out (one mailbox such as info@gemeente.nl).

Inbound. The cursor is ``{"uidvalidity": int, "last_uid": int}``. Each fetch
SELECTs the mailbox read-only (EXAMINE), searches ``UID last_uid+1:*``, keeps
the UIDs above last_uid (``n:*`` always includes the highest UID), takes a
page of `page_size` (and at most `page_bytes` by RFC822.SIZE) and fetches
``UID INTERNALDATE RFC822.SIZE BODY.PEEK[]`` — PEEK leaves \\Seen alone for
the colleagues who read the shared box. When UIDVALIDITY changed the UID
state is dropped and the mailbox is read again from the start; the
duplicates are absorbed because an item's external_id is its Message-ID (or,
without one, ``sha256:`` of Date, From and body). A message that cannot be
read (no From, huge headers, garbage) is set aside with the reason and its
source; the poll goes on. One IMAP connection per mailbox is kept and reused.

Push: `wait_for_new` IDLEs on a second connection and returns on EXISTS; the
thread waits in short `idle_check` slices so `aclose()` stops it within about
half a second.

Outbound. A reply is built with `EmailMessage` (From: channel name
<from_address>, To: the original's Reply-To else From, ``Re:`` not
stacked, In-Reply-To and References), with a Message-ID derived from the
reply's client key, so every retry carries the same Message-ID. Order:

1. on a retry (attempt > 1) look for that Message-ID in the Sent folder;
   found means an earlier attempt finished: ``already_sent``;
2. hand the message to the SMTP server;
3. APPEND a copy to Sent with \\Seen.

The one window left: a crash after the SMTP server accepted the message and
before the APPEND. The retry then sends it again — with the same Message-ID,
which mail clients and most servers use to drop the second copy. If only the
APPEND fails (the IMAP server is down) the reply still counts as sent (it
was delivered; sending again would be worse) and the result's raw says that
the Sent copy is missing.

Measuring the backlog rate (the bench): start `tests.support.dovecot.Dovecot`,
APPEND 10,000 messages with `tests.support.dovecot.append_many`, connect an email channel
and time ``Collector.poll(channel)`` (it pages through the backlog until
``Page.more`` is False); messages per second = imported / elapsed.
"""
from __future__ import annotations

import asyncio
import imaplib
import logging
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any, TypeVar

import aiosmtplib

from newsroom.connectors.base import (
    ConfigError,
    Connector,
    CredentialError,
    Health,
    Option,
    OutboundReply,
    Page,
    PermanentError,
    SendResult,
    SetAside,
    TransientError,
)
from newsroom.inbound import InboundItem, InvalidItem, parse_item
from newsroom.mailparse import (
    MalformedMail,
    clean_field,
    normalise_msgid,
    parse_message,
    reply_subject,
    source_text,
)
from newsroom.timeutil import UTC, utcnow

log = logging.getLogger(__name__)

T = TypeVar("T")

PAGE_SIZE = 500  # a backlog drains at ~1,500 msg/s with 500, ~1,100 with 200; PAGE_BYTES bounds memory
PAGE_BYTES = 25 * 1024 * 1024
IMAP_TIMEOUT = 60.0
IDLE_SLICE = 0.5  # seconds per idle_check: how fast aclose() stops a waiting IDLE
IDLE_RENEW = 25 * 60  # re-issue IDLE well within the 29 minutes of RFC 2177


def _imap_errors():
    import imapclient.exceptions as exc

    return exc


class EmailConnector(Connector):
    platform = "email"
    poll_interval = 60.0  # IDLE wakes us earlier
    OPTIONS = (
        Option("imap_host", "IMAP server", required=True),
        Option("imap_port", "IMAP port", default=993, kind="int"),
        Option("imap_security", "IMAP security (tls, starttls or none)", default="tls"),
        Option("username", "User name (usually the mailbox address)", required=True),
        Option("mailbox", "Mailbox to read", default="INBOX"),
        Option("smtp_host", "SMTP server", required=True),
        Option("smtp_port", "SMTP port", default=587, kind="int"),
        Option("smtp_security", "SMTP security (starttls, tls or none)", default="starttls"),
        Option("from_address", "Address replies are sent from (default: the user name)"),
        Option("sent_folder", "Folder for copies of sent replies", default="Sent"),
        Option("max_attachment_bytes", "Largest attachment kept (bytes)", default=10 * 1024 * 1024, kind="int"),
        Option("attachments_dir", "Folder for attachment files (optional; named by their SHA-256)"),
        Option("auth", "Login method: password, or xoauth2 (the secret is then an OAuth2 access token)", default="password"),
    )

    @classmethod
    def account_for(cls, options: Mapping[str, Any]) -> str:
        return str(options.get("from_address") or options.get("username") or "").strip().lower()

    def __init__(self, channel, *, secrets, http=None):
        super().__init__(channel, secrets=secrets, http=http)
        self.page_size = PAGE_SIZE
        self.page_bytes = PAGE_BYTES
        self._imap = None  # the connection for fetch, Sent look-ups and APPEND
        self._lock = asyncio.Lock()
        self._idle = None  # the second connection, for IDLE
        self._idle_future: asyncio.Future | None = None
        self._idle_stop = threading.Event()
        self._closed = False
        self._highest_seen_uid = 0
        self._uidvalidity: int | None = None

    # -- options --------------------------------------------------------------------------

    @property
    def mailbox(self) -> str:
        return str(self.channel.option("mailbox", "INBOX"))

    @property
    def from_address(self) -> str:
        return str(self.channel.option("from_address") or self.channel.option("username"))

    def _auth(self) -> str:
        return self._security("auth", "password", ("password", "xoauth2"))

    def _security(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = str(self.channel.option(key, default)).lower()
        if value not in allowed:
            raise ConfigError(f"{key} must be one of {', '.join(allowed)} (not {value!r})")
        return value

    # -- IMAP plumbing (runs in worker threads) --------------------------------------------------

    def _connect_imap(self):
        import imapclient

        host = self.channel.option("imap_host")
        if not host:
            raise ConfigError("the channel has no imap_host")
        port = int(self.channel.option("imap_port", 993))
        security = self._security("imap_security", "tls", ("tls", "starttls", "none"))
        password = self.secret()
        exc = _imap_errors()
        try:
            client = imapclient.IMAPClient(
                host, port=port, ssl=security == "tls", ssl_context=ssl.create_default_context(), timeout=IMAP_TIMEOUT
            )
        except (OSError, EOFError, imaplib.IMAP4.error) as error:
            raise TransientError(f"cannot reach the IMAP server {host}:{port}: {error}") from None
        try:
            client.normalise_times = False
            if security == "starttls":
                client.starttls(ssl.create_default_context())
            if self._auth() == "xoauth2":
                client.oauth2_login(self.channel.option("username"), password)
            else:
                client.login(self.channel.option("username"), password)
        except exc.LoginError as error:
            _close(client)
            text = _text(error)
            if "UNAVAILABLE" in text.upper() or "INUSE" in text.upper():
                raise TransientError(f"the IMAP server cannot log in now: {text}") from None
            raise CredentialError(f"the IMAP server refused the login: {text}") from None
        except BaseException as error:
            _close(client)
            if isinstance(error, (OSError, EOFError, imaplib.IMAP4.error)):
                raise TransientError(f"IMAP connection failed: {_text(error)}") from None
            raise
        return client

    def _use_imap(self, fn: Callable[[Any], T]) -> T:
        """Run `fn(client)` on the kept connection; on a dropped connection that was reused, try once more."""
        exc = _imap_errors()
        for attempt in (1, 2):
            reused = self._imap is not None
            if self._imap is None:
                self._imap = self._connect_imap()
            client = self._imap
            try:
                return fn(client)
            except (imaplib.IMAP4.abort, OSError, EOFError, ssl.SSLError) as error:
                self._drop_imap()
                if reused and attempt == 1:
                    continue  # the server closed an idle connection: reconnect once
                raise TransientError(f"IMAP connection lost: {_text(error)}") from None
            except exc.IMAPClientError as error:
                self._drop_imap()
                text = _text(error)
                if "NONEXISTENT" in text.upper() or "doesn't exist" in text or "does not exist" in text:
                    raise ConfigError(f"the IMAP server has no mailbox: {text}") from None
                raise TransientError(f"the IMAP server said: {text}") from None
        raise AssertionError("unreachable")

    def _drop_imap(self) -> None:
        client, self._imap = self._imap, None
        if client is not None:
            _close(client)

    async def _imap_call(self, fn: Callable[[Any], T]) -> T:
        if self._closed:
            raise TransientError("the e-mail connector is closed")
        async with self._lock:
            return await asyncio.to_thread(self._use_imap, fn)

    # -- check ----------------------------------------------------------------------------

    async def check(self) -> Health:
        mailbox = self.mailbox

        def run(client):
            info = client.select_folder(mailbox, readonly=True)
            idle = client.has_capability("IDLE")
            return int(info.get(b"EXISTS", 0)), idle

        count, idle = await self._imap_call(run)
        return Health(True, f"{count} messages in {mailbox}, IDLE {'supported' if idle else 'not supported (polling)'}")

    # -- fetch ----------------------------------------------------------------------------

    async def fetch(self, cursor: Any) -> Page:
        uidvalidity, last_uid = _read_cursor(cursor)
        mailbox = self.mailbox
        page_size = max(1, int(self.page_size))
        page_bytes = max(1, int(self.page_bytes))

        def run(client):
            info = client.select_folder(mailbox, readonly=True)
            server_validity = int(info[b"UIDVALIDITY"])
            start = last_uid if uidvalidity == server_validity else 0
            if uidvalidity is not None and uidvalidity != server_validity:
                log.info("UIDVALIDITY of %s changed (%s -> %s): reading it again", mailbox, uidvalidity, server_validity)
            uids = sorted(u for u in client.search(["UID", f"{start + 1}:*"]) if u > start)
            chosen = uids[:page_size]
            sizes = client.fetch(chosen, ["RFC822.SIZE"]) if chosen else {}
            total, page = 0, []
            for uid in chosen:
                size = int(sizes.get(uid, {}).get(b"RFC822.SIZE", 0))
                if page and total + size > page_bytes:
                    break
                page.append(uid)
                total += size
            data = client.fetch(page, ["UID", "INTERNALDATE", "RFC822.SIZE", "BODY.PEEK[]"]) if page else {}
            return server_validity, start, uids, page, data

        server_validity, start, uids, page, data = await self._imap_call(run)
        self._uidvalidity = server_validity
        self._highest_seen_uid = uids[-1] if uids else start  # the newest UID the server had
        items, aside = await asyncio.to_thread(self._build_page, page, data, server_validity)
        new_last = page[-1] if page else start
        return Page(items=items, cursor={"uidvalidity": server_validity, "last_uid": new_last}, set_aside=aside,
                    more=len(uids) > len(page))

    def _build_page(self, page: list[int], data: dict, uidvalidity: int) -> tuple[list[InboundItem], list[SetAside]]:
        items: list[InboundItem] = []
        aside: list[SetAside] = []
        for uid in page:
            entry = data.get(uid)
            if entry is None:
                continue  # expunged between SEARCH and FETCH
            body = entry.get(b"BODY[]") or b""
            try:
                items.append(self._item(uid, uidvalidity, entry, body))
            except Exception as error:  # noqa: BLE001 - one bad message must not stop the mailbox
                reason = error.reason if isinstance(error, MalformedMail) else f"could not be read ({type(error).__name__}: {error})"
                text, _ = source_text(body if isinstance(body, bytes) else b"")
                aside.append(SetAside(reason=f"e-mail UID {uid}: {reason}"[:2000], payload=text,
                                      external_id=f"uid:{uidvalidity}:{uid}"))
        return items, aside

    def _item(self, uid: int, uidvalidity: int, entry: dict, body: bytes) -> InboundItem:
        if not isinstance(body, bytes):
            raise MalformedMail("the server sent no message body")
        mail = parse_message(
            body,
            max_attachment_bytes=int(self.channel.option("max_attachment_bytes", 10 * 1024 * 1024)),
            attachments_dir=self.channel.option("attachments_dir"),
        )
        received = entry.get(b"INTERNALDATE")
        if isinstance(received, datetime) and received.tzinfo is not None:
            received_at = received.astimezone(UTC)
        else:
            received_at = mail.sent_at.astimezone(UTC) if mail.sent_at is not None else utcnow()
        source, truncated = source_text(body)
        raw = {
            "uid": uid,
            "uidvalidity": uidvalidity,
            "mailbox": self.mailbox,
            "size": entry.get(b"RFC822.SIZE"),
            "internaldate": received_at.isoformat(),
            "headers": mail.headers_json(),
            "html_only": mail.html_only,
            "attachments": [a.as_json() for a in mail.attachments],
            "defects": mail.defects,
            "source": source,
            "source_truncated": truncated,
        }
        obj = {
            "platform": "email",
            "channel": self.channel.account,
            "external_id": mail.external_id,
            "author": {"id": (mail.from_email or "").lower() or None, "name": clean_field(mail.from_name), "email": mail.from_email},
            "text": mail.text,
            "received_at": received_at.isoformat(),
            "in_reply_to": mail.in_reply_to,
            "thread_id": mail.thread_id,
            "subject": mail.subject,
            "raw": raw,
        }
        try:
            return parse_item(obj)
        except InvalidItem as error:
            raise MalformedMail(error.reason) from None

    # -- IDLE -----------------------------------------------------------------------------

    async def wait_for_new(self, timeout: float) -> None:
        if self._closed or timeout <= 0:
            await asyncio.sleep(max(0.0, timeout))
            return
        if self._idle_future is not None and not self._idle_future.done():
            await asyncio.wait({self._idle_future}, timeout=timeout)
            return
        loop = asyncio.get_running_loop()
        self._idle_stop.clear()
        deadline = time.monotonic() + timeout
        self._idle_future = loop.run_in_executor(None, self._idle_wait, deadline)
        try:
            supported = await asyncio.shield(self._idle_future)
        except asyncio.CancelledError:
            self._idle_stop.set()  # the thread ends within IDLE_SLICE
            raise
        except Exception as error:  # noqa: BLE001 - IDLE is an optimisation: fall back to sleeping
            log.debug("IMAP IDLE failed: %s", error)
            supported = False
        if not supported:
            remaining = deadline - time.monotonic()
            if remaining > 0:
                await asyncio.sleep(remaining)

    def _idle_wait(self, deadline: float) -> bool:
        """IDLE until EXISTS, the deadline or a stop; False when the server cannot IDLE."""
        if self._idle is None:
            client = self._connect_imap()
            try:
                info = client.select_folder(self.mailbox, readonly=True)
                if not client.has_capability("IDLE"):
                    _close(client)
                    return False
            except BaseException:
                _close(client)
                raise
            self._idle = client
            uidnext = int(info.get(b"UIDNEXT", 0) or 0)
            validity = int(info.get(b"UIDVALIDITY", 0) or 0)
            if self._uidvalidity is not None and (validity != self._uidvalidity or uidnext - 1 > self._highest_seen_uid):
                return True  # mail came in before this connection was watching
        client = self._idle
        try:
            while not self._idle_stop.is_set() and time.monotonic() < deadline:
                client.idle()
                renew = time.monotonic() + IDLE_RENEW
                found = False
                try:
                    while not self._idle_stop.is_set():
                        now = time.monotonic()
                        if now >= deadline or now >= renew:
                            break
                        responses = client.idle_check(timeout=min(IDLE_SLICE, deadline - now))
                        if any(len(r) >= 2 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                            found = True
                            break
                finally:
                    client.idle_done()
                if found:
                    return True
            return True
        except BaseException:
            self._idle = None
            _close(client)
            raise

    # -- send -----------------------------------------------------------------------------

    def build_reply(self, reply: OutboundReply) -> EmailMessage:
        original = reply.original
        if original is None:
            raise PermanentError("an e-mail reply needs the message it answers")
        raw = original.raw if isinstance(original.raw, dict) else {}
        headers = raw.get("headers") if isinstance(raw.get("headers"), dict) else {}
        recipients = [a for a in (headers.get("reply_to") or []) if isinstance(a, str) and "@" in a]
        if not recipients and original.author.email:
            recipients = [original.author.email]
        if not recipients:
            raise PermanentError("the original message has no address to answer (no Reply-To or From)")
        original_id = normalise_msgid(headers.get("message_id")) or (
            original.external_id if original.external_id.startswith("<") else None
        )
        references = [r for r in (headers.get("references") or []) if isinstance(r, str)]
        msg = EmailMessage()
        from_address = self.from_address
        try:
            msg["From"] = Address(display_name=self.channel.name, addr_spec=from_address)
        except Exception:  # noqa: BLE001 - e.g. an address the registry refuses
            raise ConfigError(f"from_address {from_address!r} is not a valid e-mail address") from None
        try:
            msg["To"] = ", ".join(recipients)
        except Exception:  # noqa: BLE001
            raise PermanentError(f"cannot address the reply to {recipients!r}") from None
        msg["Subject"] = reply_subject(original.subject)
        msg["Date"] = format_datetime(utcnow())
        msg["Message-ID"] = self.message_id_for(reply.key)
        if original_id:
            msg["In-Reply-To"] = original_id
            refs = [r for r in references if r != original_id][-20:] + [original_id]
            msg["References"] = " ".join(refs)
        msg["Auto-Submitted"] = "no"
        msg.set_content(reply.text, charset="utf-8", cte="quoted-printable")
        return msg

    def message_id_for(self, key: str) -> str:
        domain = self.from_address.rpartition("@")[2].strip().lower() or "newsroom.invalid"
        local = "".join(c for c in str(key) if c.isalnum() or c in "-._") or "reply"
        return f"<newsroom.{local}@{domain}>"

    async def send(self, reply: OutboundReply) -> SendResult:
        msg = self.build_reply(reply)
        message_id = msg["Message-ID"]
        thread_id = reply.original.thread_id if reply.original else None
        recipients = [a.addr_spec for a in msg["To"].addresses]
        result_raw = {"message_id": message_id, "to": recipients, "subject": str(msg["Subject"])}
        if reply.attempt > 1 and await self._in_sent(message_id):
            return SendResult(external_id=message_id, thread_id=thread_id, raw=result_raw, already_sent=True)
        data = msg.as_bytes()
        result_raw["smtp"] = await self._smtp_send(msg, recipients)
        try:
            await self._append_sent(data)
            result_raw["sent_copy"] = self.channel.option("sent_folder", "Sent")
        except (TransientError, ConfigError) as error:
            # delivered already: report it sent; a retry would deliver a second copy
            log.warning("reply %s was sent but not copied to the Sent folder: %s", message_id, error.reason)
            result_raw["sent_copy"] = None
            result_raw["sent_copy_error"] = error.reason
        return SendResult(external_id=message_id, thread_id=thread_id, raw=result_raw)

    async def _in_sent(self, message_id: str) -> bool:
        folder = str(self.channel.option("sent_folder", "Sent"))

        def run(client):
            if not client.folder_exists(folder):
                return False
            client.select_folder(folder, readonly=True)
            return bool(client.search(["HEADER", "Message-ID", message_id]))

        return await self._imap_call(run)

    async def _append_sent(self, data: bytes) -> None:
        folder = str(self.channel.option("sent_folder", "Sent"))

        def run(client):
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, data, flags=[b"\\Seen"])

        await self._imap_call(run)

    async def _smtp_send(self, msg: EmailMessage, recipients: list[str]) -> str:
        host = self.channel.option("smtp_host")
        if not host:
            raise ConfigError("the channel has no smtp_host")
        port = int(self.channel.option("smtp_port", 587))
        security = self._security("smtp_security", "starttls", ("starttls", "tls", "none"))
        password = self.secret()
        self._auth()  # a wrong value is a ConfigError before connecting
        smtp = aiosmtplib.SMTP(
            hostname=host, port=port, use_tls=security == "tls",
            start_tls=security == "starttls", timeout=60,
        )
        try:
            try:
                await smtp.connect()
                if not smtp.esmtp_extensions:
                    await smtp.ehlo()
                if self._auth() == "xoauth2":
                    await smtp.auth_xoauth2(str(self.channel.option("username")), password)
                elif smtp.supports_extension("auth"):
                    await smtp.login(str(self.channel.option("username")), password)
                _refused, response = await smtp.send_message(msg, sender=self.from_address, recipients=recipients)
            finally:
                if smtp.is_connected:
                    try:
                        await smtp.quit()
                    except (aiosmtplib.SMTPException, OSError):
                        smtp.close()
        except aiosmtplib.SMTPAuthenticationError as error:
            raise CredentialError(f"the SMTP server refused the login: {error.code} {error.message}") from None
        except aiosmtplib.SMTPRecipientsRefused as error:
            refusals = error.recipients
            text = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in refusals)
            if refusals and all(500 <= r.code < 600 for r in refusals):
                raise PermanentError(f"the mail server refused the recipient: {text}") from None
            raise TransientError(f"the mail server cannot take the message now: {text}") from None
        except aiosmtplib.SMTPResponseException as error:
            text = f"{error.code} {error.message}"
            if 500 <= error.code < 600:
                raise PermanentError(f"the mail server refused the message: {text}") from None
            raise TransientError(f"the mail server cannot take the message now: {text}") from None
        except (TimeoutError, aiosmtplib.SMTPException, OSError) as error:
            raise TransientError(f"cannot send through {host}:{port}: {error}") from None
        return response

    # -- closing --------------------------------------------------------------------------

    async def aclose(self) -> None:
        self._closed = True
        self._idle_stop.set()
        future = self._idle_future
        if future is not None and not future.done():
            try:
                await asyncio.wait({future}, timeout=IDLE_SLICE * 10)
            except Exception:  # noqa: BLE001, S110 - closing goes on regardless
                pass
        if future is not None and future.done() and not future.cancelled():
            future.exception()  # retrieved: no "never retrieved" warning
        async with self._lock:
            idle, self._idle = self._idle, None
            if idle is not None:
                await asyncio.to_thread(_close, idle)
            client, self._imap = self._imap, None
            if client is not None:
                await asyncio.to_thread(_close, client)


def _read_cursor(cursor: Any) -> tuple[int | None, int]:
    if isinstance(cursor, dict):
        try:
            validity = cursor.get("uidvalidity")
            return (int(validity) if validity is not None else None), max(0, int(cursor.get("last_uid") or 0))
        except (TypeError, ValueError):
            pass
    return None, 0


def _text(error: BaseException) -> str:
    args = getattr(error, "args", ())
    parts = []
    for arg in args or (str(error),):
        if isinstance(arg, bytes):
            arg = arg.decode("utf-8", errors="replace")
        parts.append(str(arg))
    return " ".join(parts) or type(error).__name__


def _close(client) -> None:
    """Log out, or at least close the socket; never raise."""
    try:
        client.logout()
        return
    except Exception:  # noqa: BLE001, S110 - the server may be gone: close our end below
        pass
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001, S110
        pass
    try:
        client.socket().close()
    except Exception:  # noqa: BLE001, S110
        pass


__all__ = ["EmailConnector"]
