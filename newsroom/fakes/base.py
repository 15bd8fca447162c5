"""The loopback HTTP server every platform fake is built on.

`FakeServer` runs a `ThreadingHTTPServer` on 127.0.0.1 in a daemon thread.
A subclass registers routes with `@route(method, pattern)`; a handler gets a
`Request` and returns a `Response`. State is guarded by `self.lock` (the
server answers on several threads).

Fault hooks (`self.faults`), checked before every routed request:

* `rate_limit(count=1, reset_in=30)`: the next `count` requests get the
  platform's own 429 (`rate_limited_response`);
* `server_errors(count=3, status=503)`: a burst of 5xx;
* `latency(seconds)`: every response is delayed;
* `expire_tokens()`: every token issued so far is refused as expired
  (`expired_token_response`), until the client gets a new one.

`requests` records (method, path) of everything served, for tests.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newsroom.timeutil import UTC


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # named groups from the route pattern

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name) or self.query.get(name + "[]")
        return values[-1] if values else default

    def args(self, name: str) -> list[str]:
        out: list[str] = []
        for key in (name, name + "[]"):
            for value in self.query.get(key, []):
                out.extend(v for v in value.split(",") if v)
        return out

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def form(self) -> dict[str, str]:
        parsed = parse_qs(self.body.decode("utf-8"), keep_blank_values=True)
        return {k: v[-1] for k, v in parsed.items()}

    def bearer(self) -> str | None:
        value = self.headers.get("authorization", "")
        return value[7:].strip() if value.lower().startswith("bearer ") else None


@dataclass
class Response:
    status: int = 200
    body: Any = None  # dict/list -> JSON, bytes/str sent as is
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"

    def encoded(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


Handler = Callable[..., Response]


def route(method: str, pattern: str) -> Callable[[Handler], Handler]:
    """Mark a method of a `FakeServer` subclass as the handler of `method pattern` (a regex on the path)."""

    def mark(fn: Handler) -> Handler:
        fn._route = (method.upper(), re.compile("^" + pattern + "$"))  # type: ignore[attr-defined]
        return fn

    return mark


class Faults:
    """Injected trouble, consumed request by request."""

    def __init__(self) -> None:
        self.rate_limited = 0
        self.rate_reset_in = 30.0
        self.errors = 0
        self.error_status = 503
        self.delay = 0.0
        self.tokens_expired_before = 0.0  # tokens issued before this monotonic time are expired

    def rate_limit(self, count: int = 1, reset_in: float = 30.0) -> None:
        self.rate_limited, self.rate_reset_in = count, reset_in

    def server_errors(self, count: int = 3, status: int = 503) -> None:
        self.errors, self.error_status = count, status

    def latency(self, seconds: float) -> None:
        self.delay = seconds

    def expire_tokens(self) -> None:
        self.tokens_expired_before = time.monotonic()

    def clear(self) -> None:
        self.__init__()


class FakeServer:
    """A platform fake on 127.0.0.1. Use as a context manager or call start()/stop()."""

    platform = "fake"

    def __init__(self, port: int = 0, host: str = "127.0.0.1"):
        self.lock = threading.RLock()
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []
        self._routes = [
            getattr(self, name)._route + (getattr(self, name),)
            for name in dir(type(self))
            if hasattr(getattr(type(self), name), "_route")
        ]
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle on, every
            # keep-alive request waits ~40 ms for a delayed ACK.
            disable_nagle_algorithm = True

            def log_message(self, *args) -> None:  # quiet
                pass

            def _serve(self) -> None:
                server._dispatch(self)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name=f"fake-{self.platform}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- what subclasses override ------------------------------------------------------------

    def rate_limited_response(self, reset_at: datetime) -> Response:
        return Response(429, {"error": "Too many requests"}, {"Retry-After": str(max(1, int((reset_at - now()).total_seconds())))})

    def server_error_response(self, status: int) -> Response:
        return Response(status, {"error": "Service unavailable"})

    def not_found_response(self, request: Request) -> Response:
        return Response(404, {"error": "Record not found"})

    def expired_token_response(self, request: Request) -> Response:
        return Response(401, {"error": "The access token is invalid"})

    def token_expired(self, issued_at: float) -> bool:
        """Whether a token issued at monotonic time `issued_at` has been expired by the hook."""
        return issued_at < self.faults.tokens_expired_before

    def credentials(self) -> dict[str, str]:
        """What `newsroom demo serve` prints: the test account and its secret."""
        return {}

    # -- dispatch ------------------------------------------------------------------------------

    def _dispatch(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        request = Request(
            method=handler.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in handler.headers.items()},
            body=body,
        )
        with self.lock:
            self.requests.append((request.method, parts.path))
        response = self._respond(request)
        if self.faults.delay:
            time.sleep(self.faults.delay)
        payload = response.encoded()
        # send_response would add a Date of its own; clients would see two
        # ("date1, date2"), which Mastodon.py and skew correction cannot read.
        handler.log_request(response.status)
        handler.send_response_only(response.status)
        headers = {"Server": handler.version_string(), "Date": format_datetime(now(), usegmt=True), **response.headers}
        if payload or response.status not in (204, 304):
            headers.setdefault("Content-Type", response.content_type)
        headers["Content-Length"] = str(len(payload))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        if payload and request.method != "HEAD":
            handler.wfile.write(payload)

    def _respond(self, request: Request) -> Response:
        with self.lock:
            if self.faults.rate_limited > 0:
                self.faults.rate_limited -= 1
                return self.rate_limited_response(now() + timedelta(seconds=self.faults.rate_reset_in))
            if self.faults.errors > 0:
                self.faults.errors -= 1
                return self.server_error_response(self.faults.error_status)
        for method, pattern, fn in self._routes:
            if method != request.method:
                continue
            match = pattern.match(request.path)
            if match:
                request.params = match.groupdict()
                try:
                    return fn(request)
                except Exception as error:  # a fake bug must show as a 500, not a hung client
                    return Response(500, {"error": f"fake server error: {type(error).__name__}: {error}"})
        return self.not_found_response(request)


def now() -> datetime:
    return datetime.now(UTC)
