"""Turning an RFC 5322 message (bytes as the IMAP server hands them over) into the parts Newsroom keeps.

`parse_message` never raises for bad input other than `MalformedMail`, whose
`reason` says why the message cannot become an inbound item (no From, headers
too large, bytes the parser cannot make sense of). Everything else is decoded
leniently: an unknown or wrong charset is decoded with replacement characters,
an HTML-only message becomes plain text, attachments become metadata (name as
sent, content type, size, SHA-256) and, when a folder is given, a file named
`<sha256>.bin` there — never the sender's file name, never opened.

The standard library's `email` package does the MIME work (policy compat32, headers decoded here).
"""
from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
import tempfile
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

MAX_HEADER_BYTES = 256 * 1024
MAX_TEXT_CHARS = 1_000_000
MAX_SOURCE_CHARS = 2_000_000
MAX_ATTACHMENTS = 200
MAX_BOUNDARY_LINES = 1000  # a message with more MIME boundaries is set aside (parsing it costs seconds)
MAX_PARTS = 500  # parts looked at for attachments
FIELD_CHARS = 320
ID_CHARS = 512
SUBJECT_CHARS = 2000

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MSGID = re.compile(r"<([^<>\s]+)>")
_ADDR_SPEC = r"[\w+\-]+(?:\.[\w+\-]+)*@[\w\-]+(?:\.[\w\-]+)*"
_PLAIN_ADDRESS = re.compile(rf"[ \t]*(?:([\w'\- \t]*?)[ \t]*<({_ADDR_SPEC})>|({_ADDR_SPEC}))[ \t]*", re.ASCII)
_RE_PREFIX = re.compile(r"^\s*((re|antw|aw|sv|vs|ref)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


class MalformedMail(ValueError):
    """A message that cannot become an inbound item; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Attachment:
    filename: str | None
    content_type: str
    size: int
    sha256: str
    stored: bool = False
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"filename": self.filename, "content_type": self.content_type, "size": self.size,
                               "sha256": self.sha256, "stored": self.stored}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class ParsedMail:
    message_id: str | None  # "<local@domain>", None when the message has none
    external_id: str  # the Message-ID, or "sha256:..." of Date, From and body
    in_reply_to: str | None
    references: list[str]
    thread_id: str
    from_name: str | None
    from_email: str | None
    reply_to: list[str]
    to: list[str]
    cc: list[str]
    subject: str | None
    date: str | None  # the Date header as sent
    sent_at: Any  # aware datetime from Date, or None
    text: str
    html_only: bool
    attachments: list[Attachment] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)

    def headers_json(self) -> dict[str, Any]:
        return {
            "message_id": self.message_id, "in_reply_to": self.in_reply_to, "references": self.references,
            "from": {"name": self.from_name, "email": self.from_email}, "reply_to": self.reply_to,
            "to": self.to, "cc": self.cc, "subject": self.subject, "date": self.date,
        }


# -- small cleaners ------------------------------------------------------------------------


def clean_text(value: str | None, limit: int | None = None) -> str | None:
    """Text safe for both databases: no lone surrogates, no NUL; cut at `limit` characters."""
    if value is None:
        return None
    value = _SURROGATES.sub("\ufffd", value).replace("\x00", "\ufffd")
    if limit is not None and len(value) > limit:
        value = value[:limit]
    return value


def clean_field(value: str | None, limit: int = FIELD_CHARS) -> str | None:
    value = clean_text(value, None)
    if value is None:
        return None
    value = _CONTROL.sub(" ", value).replace("\r", " ").replace("\n", " ").strip()
    value = re.sub(r"\s+", " ", value)
    return value[:limit] or None


def source_text(data: bytes, limit: int = MAX_SOURCE_CHARS) -> tuple[str, bool]:
    """The message source as text (UTF-8, bad bytes replaced), cut at `limit` characters; and whether it was cut."""
    truncated = len(data) > limit * 4
    text = data[: limit * 4].decode("utf-8", errors="replace")
    if len(text) > limit:
        text, truncated = text[:limit], True
    return clean_text(text) or "", truncated


def normalise_msgid(value: Any) -> str | None:
    """'<local@domain>' from a Message-ID/In-Reply-To header value; None when there is none."""
    if value is None:
        return None
    text = clean_field(str(value), 100_000) or ""
    found = _MSGID.search(text)
    if found:
        return f"<{found.group(1)}>"[:ID_CHARS]
    token = text.split()[0] if text.split() else ""
    token = token.strip("<>")
    return f"<{token}>"[:ID_CHARS] if token and "@" in token else None


def msgid_list(value: Any) -> list[str]:
    if value is None:
        return []
    text = clean_field(str(value), 1_000_000) or ""
    return [f"<{m}>"[:ID_CHARS] for m in _MSGID.findall(text)][:500]


def reply_subject(subject: str | None) -> str:
    """'Re: <subject>' without stacking Re:/Antw:/AW: prefixes."""
    base = _RE_PREFIX.sub("", clean_field(subject, SUBJECT_CHARS) or "")
    return f"Re: {base}".strip() if base else "Re:"


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes to text by the declared charset; a wrong or unknown one falls back to UTF-8, then Windows-1252.

    A charset that cannot decode the bytes never raises: bad bytes become U+FFFD.
    """
    name = (charset or "").strip().strip('"').lower() or "us-ascii"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = None
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # what "ISO-8859-1" and "US-ASCII" mail really is (as in browsers)
    if codec is not None and codec != "cp1252":
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError, ValueError):
            pass
    if codec == "utf-8":  # declared UTF-8 with a bad byte or two (Dovecot stores NUL as 0x80): keep the rest
        return data.decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if codec is not None and codec != "cp1252":
        try:
            return data.decode(codec, errors="replace")
        except (LookupError, ValueError):
            pass
    return data.decode("cp1252", errors="replace")


# -- HTML to text --------------------------------------------------------------------------

_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table", "tr", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "form", "fieldset", "dl", "dt", "dd", "center",
}
_SKIP = {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg", "math"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag in _BLOCK:
            self.out.append("\n\n")
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.out.append("\n")
        elif tag == "hr":
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.out.append("\n\n")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.out.append(data if self.pre else re.sub(r"[ \t\r\n\f\v]+", " ", data))


def html_to_text(markup: str) -> str:
    """Readable plain text from HTML: no tags, scripts or styles; paragraphs and line breaks kept; entities decoded."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
        text = "".join(parser.out)
    except Exception:  # noqa: BLE001 - HTMLParser is lenient, but hostile input must not escape
        text = html.unescape(re.sub(r"<[^>]*>", " ", markup))
    lines = [line.strip(" \t") for line in text.replace("\xa0", " ").split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# -- the message ---------------------------------------------------------------------------

# compat32: headers stay raw strings until asked for; `policy.default` builds a header
# object on every access, which made parsing three times slower (1,000+ messages/s matters).
_PARSER = BytesParser(policy=policy.compat32)


def _raw_value(value: str) -> str:
    """A raw header value as text: 8-bit bytes (RFC 6532 UTF-8, or legacy charsets) decoded, folding removed."""
    if value.isascii():
        return value if "\n" not in value else re.sub(r"\r?\n[ \t]", " ", value)
    if _SURROGATES.search(value):
        value = decode_bytes(value.encode("utf-8", errors="surrogateescape"), "utf-8")
    return re.sub(r"\r?\n[ \t]", " ", value)


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words (=?charset?q?...?=); unknown charsets with replacement."""
    if "=?" not in value:
        return value
    try:
        chunks = decode_header(value)
    except Exception:  # noqa: BLE001 - a broken encoded word: keep the text as it stands
        return value
    out = []
    for chunk, charset in chunks:
        out.append(decode_bytes(chunk, charset or "utf-8") if isinstance(chunk, bytes) else chunk)
    return "".join(out)


def _header(msg: Message, name: str) -> str | None:
    """The first `name` header, decoded to text."""
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001
        return None
    if value is None:
        return None
    if not isinstance(value, str):  # a Header object (compat32 may hand one over)
        value = str(value)
    return decode_words(_raw_value(value))


def plain_address(value: str) -> tuple[str, str] | None:
    """The one address of a plain header value ("Name <local@domain>" or "local@domain", the
    name in words of letters, digits, spaces, ' - _), as `getaddresses` gives it; None otherwise.

    Nearly every mail's From and To look like that, and the standard library's general parser
    takes ~45 µs a header: a tenth of reading a mail.
    """
    plain = _PLAIN_ADDRESS.fullmatch(value)
    if plain is None:
        return None
    display, bracketed, bare = plain.groups()
    return (" ".join(display.split()), bracketed) if bracketed is not None else ("", bare)


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of an address header; names decoded after splitting (commas in encoded words)."""
    try:
        values = [_raw_value(str(v)) for v in (msg.get_all(name) or [])]
        plain = plain_address(values[0]) if len(values) == 1 else None
        pairs = [plain] if plain is not None else getaddresses(values)
    except Exception:  # noqa: BLE001
        return []
    out = []
    for display, address in pairs:
        if not (display or address):
            continue
        out.append((clean_field(decode_words(display)) or "", (clean_field(address) or "").strip("<>")))
    return out


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken base64 and friends
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", errors="replace")
    return b""


def _part_text(part: Message) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        charset = None
    return decode_bytes(_payload(part), charset)


def _is_attachment(part: Message) -> bool:
    try:
        if part.get_content_disposition() == "attachment":
            return True
        filename = part.get_filename()
    except Exception:  # noqa: BLE001
        return True
    return bool(filename) or part.get_content_maintype() not in ("text", "multipart", "message")


def _body(msg: Message) -> Message | None:
    """The first inline text/plain part, else the first inline text/html part (like EmailMessage.get_body)."""
    html_part = None
    for number, part in enumerate(msg.walk()):
        if number > MAX_PARTS:
            break
        if part.is_multipart() or _is_attachment(part):
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            return part
        if kind == "text/html" and html_part is None:
            html_part = part
    return html_part


def _store(data: bytes, digest: str, folder: Path) -> None:
    target = folder / f"{digest}.bin"
    if target.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def parse_message(
    data: bytes, *, max_attachment_bytes: int = 10 * 1024 * 1024, attachments_dir: str | os.PathLike | None = None
) -> ParsedMail:
    """Decode one message; `MalformedMail` when it cannot be an inbound item."""
    if not isinstance(data, (bytes, bytearray)) or not data.strip():
        raise MalformedMail("the message is empty")
    data = bytes(data)
    end = min((i for i in (data.find(b"\r\n\r\n"), data.find(b"\n\n")) if i >= 0), default=len(data))
    if end > MAX_HEADER_BYTES:
        raise MalformedMail(f"the header section is larger than {MAX_HEADER_BYTES // 1024} KB")
    if data.count(b"\n--") > MAX_BOUNDARY_LINES:
        raise MalformedMail(f"the message has more than {MAX_BOUNDARY_LINES} MIME boundaries")
    try:
        msg = _PARSER.parsebytes(data)
    except Exception as error:  # noqa: BLE001 - the parser should not raise, but hostile bytes may find a way
        raise MalformedMail(f"the message could not be parsed ({type(error).__name__})") from None
    try:
        return _parse(msg, data, max_attachment_bytes, attachments_dir)
    except MalformedMail:
        raise
    except RecursionError:
        raise MalformedMail("the message is nested too deeply") from None
    except Exception as error:  # noqa: BLE001 - any other surprise in decoding: set aside, never crash the poll
        raise MalformedMail(f"the message could not be decoded ({type(error).__name__}: {str(error)[:200]})") from None


def _parse(msg: Message, data: bytes, max_attachment_bytes: int, attachments_dir) -> ParsedMail:
    senders = [(n, a) for n, a in _addresses(msg, "From") if a and "@" in a]
    if not senders:
        raise MalformedMail("the message has no usable From address")
    from_name, from_email = senders[0]
    message_id = normalise_msgid(_header(msg, "Message-ID"))
    in_reply_to = normalise_msgid(_header(msg, "In-Reply-To"))
    references = msgid_list(_header(msg, "References"))
    date = clean_field(_header(msg, "Date"), 200)
    sent_at = None
    if date:
        try:
            sent_at = parsedate_to_datetime(date)
            if sent_at.tzinfo is None:
                sent_at = None
        except (TypeError, ValueError, IndexError, OverflowError):
            sent_at = None
    subject = clean_field(_header(msg, "Subject"), SUBJECT_CHARS)

    # body: text/plain preferred, else HTML made plain
    text, html_only = "", False
    body = None
    body = _body(msg)
    if body is not None:
        raw_text = _part_text(body)
        if body.get_content_subtype() == "html":
            text, html_only = html_to_text(raw_text), True
        else:
            text = raw_text.replace("\r\n", "\n").replace("\r", "\n")
    text = clean_text(text.strip("\n"), MAX_TEXT_CHARS) or ""

    attachments: list[Attachment] = []
    folder = Path(attachments_dir) if attachments_dir else None
    for number, part in enumerate(msg.walk()):
        if number > MAX_PARTS:
            break
        if part is body or part.is_multipart():
            continue
        if part.get_content_maintype() == "message":
            continue  # its leaves come by in the walk
        if not _is_attachment(part) and part.get_content_type() in ("text/plain", "text/html"):
            continue  # the alternative we did not choose
        if len(attachments) >= MAX_ATTACHMENTS:
            break
        content = _payload(part)
        digest = hashlib.sha256(content).hexdigest()
        try:
            filename = part.get_filename()
            filename = decode_words(_raw_value(str(filename))) if filename is not None else None
        except Exception:  # noqa: BLE001
            filename = None
        att = Attachment(clean_field(filename, 255), clean_field(part.get_content_type(), 255) or "application/octet-stream",
                         len(content), digest)
        if folder is not None:
            if len(content) > max_attachment_bytes:
                att.note = f"larger than {max_attachment_bytes} bytes: not kept"
            else:
                _store(content, digest, folder)
                att.stored = True
        attachments.append(att)

    if message_id is None:
        _head, _, rest = data.partition(b"\r\n\r\n") if b"\r\n\r\n" in data else data.partition(b"\n\n")
        basis = "\n".join([date or "", from_email or ""]).encode("utf-8", errors="replace") + b"\n" + rest
        external_id = "sha256:" + hashlib.sha256(basis).hexdigest()
    else:
        external_id = message_id
    thread_id = (references[0] if references else None) or in_reply_to or external_id
    defects = []
    try:
        defects = sorted({type(d).__name__ for _, p in zip(range(MAX_PARTS), msg.walk()) for d in getattr(p, "defects", ())})[:20]
    except Exception:  # noqa: BLE001
        defects = []
    return ParsedMail(
        message_id=message_id, external_id=external_id, in_reply_to=in_reply_to, references=references,
        thread_id=thread_id, from_name=from_name or None, from_email=from_email or None,
        reply_to=[a for _, a in _addresses(msg, "Reply-To") if a and "@" in a][:20],
        to=[a for _, a in _addresses(msg, "To") if a][:50], cc=[a for _, a in _addresses(msg, "Cc") if a][:50],
        subject=subject, date=date, sent_at=sent_at, text=text, html_only=html_only, attachments=attachments,
        defects=defects,
    )
