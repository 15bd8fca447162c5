"""A real SMTP receiver (aiosmtpd) on 127.0.0.1 that keeps what it is given.

    sink = SmtpSink().start()
    ... send to sink.host, sink.port (no TLS) ...
    sink.messages  # [Received(mail_from, rcpt_tos, data), ...]
    sink.fail_next("451 4.3.0 Try again later")  # the next DATA gets this answer
    sink.stop()

With `users={"name": "password"}` it offers AUTH PLAIN/LOGIN (not required; no TLS,
for tests) and refuses wrong passwords with 535; with `tokens={"name": "token"}`
it also takes AUTH XOAUTH2 (OAuth2 bearer tokens, as Microsoft 365 and Gmail want).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.dovecot import free_port

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    @property
    def message(self):
        return message_from_bytes(self.data, policy=policy.default)


class _Handler:
    def __init__(self, sink: SmtpSink):
        self.sink = sink

    async def auth_XOAUTH2(self, server, args):
        """SASL XOAUTH2: base64 of "user=U\\x01auth=Bearer T\\x01\\x01"; tokens from `SmtpSink(tokens=...)`."""
        import base64

        try:
            fields = dict(
                part.split("=", 1) for part in base64.b64decode(args[1]).decode().split("\x01") if "=" in part
            )
        except (IndexError, ValueError):
            return AuthResult(success=False, handled=False)
        user, token = fields.get("user"), fields.get("auth", "").removeprefix("Bearer ")
        ok = user is not None and self.sink.tokens.get(user) == token
        return AuthResult(success=ok, handled=False)

    async def handle_DATA(self, server, session, envelope):
        with self.sink._lock:
            if self.sink._failures:
                return self.sink._failures.pop(0)
            self.sink.messages.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 2.0.0 Message accepted for delivery"


class SmtpSink:
    def __init__(self, users: dict[str, str] | None = None, tokens: dict[str, str] | None = None):
        self.host = HOST
        self.tokens = dict(tokens or {})
        self.port = 0
        self.users = dict(users or {})
        self.messages: list[Received] = []
        self._failures: list[str] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode("utf-8", errors="replace")
            password = auth_data.password.decode("utf-8", errors="replace")
            if self.users.get(user) == password:
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> SmtpSink:
        self.port = free_port()
        kwargs: dict = {}
        if self.users or self.tokens:
            kwargs = {"authenticator": self._authenticate, "auth_required": False, "auth_require_tls": False}
        self._controller = Controller(_Handler(self), hostname=HOST, port=self.port, **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def fail_next(self, answer: str, times: int = 1) -> None:
        """Answer the next `times` DATA commands with `answer` (e.g. "550 5.7.1 Relaying denied")."""
        with self._lock:
            self._failures.extend([answer] * times)

    def __enter__(self) -> SmtpSink:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
