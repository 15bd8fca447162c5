"""MIME decoding and reply building of the e-mail connector, without servers (fast)."""
from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.connectors.base import ChannelSettings, Original, OutboundReply
from newsroom.connectors.email import EmailConnector
from newsroom.inbound import Author, InboundItem
from newsroom.mailparse import (
    MalformedMail,
    decode_bytes,
    html_to_text,
    normalise_msgid,
    parse_message,
    reply_subject,
)
from newsroom.secrets import SecretStore
from newsroom.timeutil import utcnow

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]


def connector(**options) -> EmailConnector:
    opts = {"imap_host": "127.0.0.1", "username": "info@gemeente.test", "smtp_host": "127.0.0.1"}
    opts.update(options)
    return EmailConnector(ChannelSettings(1, "email", "info@gemeente.test", "Gemeente Súdwest-Fryslân", opts), secrets=SecretStore())


def test_encoded_words_charsets_and_threading():
    mail = parse_message((FIXTURES / "utf8_encoded_subject.eml").read_bytes())
    assert mail.subject == "Klacht over afval" and mail.from_name == "José de Vries"
    assert mail.thread_id == mail.external_id == "<20261102091500.4711@mail.example.nl>"
    latin = parse_message((FIXTURES / "latin1.eml").read_bytes())
    assert latin.subject == "Parkeervergunning aanvragen café" and "één jaar" in latin.text
    reply = parse_message(
        b"From: a@example.nl\r\nMessage-ID:  x1@example.nl \r\nIn-Reply-To: <p@example.nl>\r\n"
        b"References: <root@example.nl>\r\n <p@example.nl>\r\n\r\nhoi"
    )
    assert reply.external_id == "<x1@example.nl>" and reply.in_reply_to == "<p@example.nl>"
    assert reply.thread_id == "<root@example.nl>" and reply.references == ["<root@example.nl>", "<p@example.nl>"]
    only_irt = parse_message(b"From: a@example.nl\r\nIn-Reply-To: <p@example.nl>\r\n\r\nhoi")
    assert only_irt.thread_id == "<p@example.nl>" and only_irt.external_id.startswith("sha256:")


def test_missing_message_id_hashes_date_from_and_body():
    base = b"From: a@example.nl\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\nSubject: %s\r\n\r\nzelfde tekst"
    one, two = parse_message(base % b"een"), parse_message(base % b"twee")
    assert one.external_id == two.external_id  # the subject is not part of the key (a resend with a new subject line is rare)
    assert parse_message(base.replace(b"zelfde", b"andere") % b"een").external_id != one.external_id


def test_html_to_text():
    text = html_to_text(
        "<html><head><style>p{x:1}</style><script>evil()</script><title>t</title></head>"
        "<body><h1>Kop</h1><p>Een &amp; twee&nbsp;&euro;&#8364;</p><p>regel<br/>twee</p>"
        "<table><tr><td>a</td><td>b</td></tr></table><pre>  vast\n  formaat</pre><!-- geheim --></body></html>"
    )
    assert text == "Kop\n\nEen & twee €€\n\nregel\ntwee\n\na b\n\nvast\nformaat"
    assert html_to_text("<p>open <b>tag") == "open tag"


def test_charsets_never_crash():
    assert decode_bytes("café".encode(), "x-unknown") == "café"
    assert decode_bytes(b"caf\xe9", "utf-8") == "caf\ufffd"  # the declaration wins; the bad byte is replaced
    assert decode_bytes(b"caf\xe9", None) == "café"  # undeclared: UTF-8 if it fits, else Windows-1252
    assert decode_bytes(b"caf\xe9", "iso-8859-1") == "café"
    assert decode_bytes(b"\x80", "us-ascii") == "€"
    assert "\ufffd" in decode_bytes(b"\x81\xff", "utf-7") or decode_bytes(b"\x81\xff", "utf-7")
    mail = parse_message(b"From: a@example.nl\r\nSubject: =?bogus?q?caf=E9?=\r\nContent-Type: text/plain; charset=\"\"\r\n\r\n\xff")
    assert mail.subject and mail.text


def test_attachments_are_metadata_and_files_named_by_hash(tmp_path):
    tmp_path = tmp_path / "attachments"
    data = (FIXTURES / "multipart_attachment.eml").read_bytes()
    mail = parse_message(data, attachments_dir=tmp_path, max_attachment_bytes=1000)
    assert [a.filename for a in mail.attachments] == ["../../tegel foto.png", "verslag één.pdf"]
    assert all(a.stored for a in mail.attachments)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(a.sha256 + ".bin" for a in mail.attachments)
    assert not (tmp_path.parent / "tegel foto.png").exists()
    nothing = parse_message(data)  # no folder: metadata only
    assert [a.stored for a in nothing.attachments] == [False, False]


def test_malformed_messages_have_reasons():
    with pytest.raises(MalformedMail, match="empty"):
        parse_message(b"")
    with pytest.raises(MalformedMail, match="no usable From"):
        parse_message((FIXTURES / "no_from.eml").read_bytes())
    with pytest.raises(MalformedMail, match="header section is larger"):
        parse_message(b"From: a@b.nl\r\nX: " + b"y" * 300_000 + b"\r\n\r\nbody")


def test_normalise_msgid():
    assert normalise_msgid(" <a@b> (comment)") == "<a@b>"
    assert normalise_msgid("a@b") == "<a@b>"
    assert normalise_msgid("geen id") is None and normalise_msgid(None) is None


# -- replies ---------------------------------------------------------------------------------


def original(**raw_headers) -> Original:
    headers = {"message_id": "<orig@example.nl>", "references": ["<root@example.nl>"], "reply_to": []}
    headers.update(raw_headers)
    return Original("<orig@example.nl>", "<root@example.nl>", None, Author(id="b@example.nl", name="Bea Ö", email="b@example.nl"),
                    "RE: Antw: Klacht", None, utcnow(), {"headers": headers})


def test_reply_headers_are_threaded_encoded_and_stable():
    c = connector(from_address="Info@Gemeente.test")
    reply = OutboundReply(7, "6f0c1c1e-1111-4222-8333-944444444444", "Beste Bea,\n\nHet is geregeld. Groet, Sanne — team €", original())
    one, two = c.build_reply(reply), c.build_reply(reply)
    assert one["Message-ID"] == two["Message-ID"] == "<newsroom.6f0c1c1e-1111-4222-8333-944444444444@gemeente.test>"
    data = one.as_bytes()
    assert data.isascii()  # encoded words and quoted-printable, nothing raw on the wire
    back = message_from_bytes(data, policy=policy.default)
    assert back["From"].addresses[0].display_name == "Gemeente Súdwest-Fryslân"
    assert back["To"] == "b@example.nl" and back["Subject"] == "Re: Klacht"
    assert back["In-Reply-To"] == "<orig@example.nl>" and back["References"] == "<root@example.nl> <orig@example.nl>"
    assert back.get_content() == "Beste Bea,\n\nHet is geregeld. Groet, Sanne — team €\n"
    to_reply_to = c.build_reply(OutboundReply(8, "k", "x", original(reply_to=["r@example.nl", "s@example.nl"])))
    assert to_reply_to["To"] == "r@example.nl, s@example.nl"
    assert reply_subject(None) == "Re:" and reply_subject("Re: Re:Re : x") == "Re: x"


# -- fuzz ------------------------------------------------------------------------------------


def _check(data: bytes) -> None:
    """Parsing never raises anything but MalformedMail; a page never raises: items are valid, the rest set aside."""
    try:
        parse_message(data)
    except MalformedMail as error:
        assert error.reason
    items, aside = connector()._build_page([1], {1: {b"BODY[]": data, b"RFC822.SIZE": len(data)}}, 1)
    assert len(items) + len(aside) == 1
    for item in items:
        assert isinstance(item, InboundItem) and "\x00" not in item.text and len(item.external_id) <= 512
        item.raw_json()
    for entry in aside:
        assert entry.reason.startswith("e-mail UID 1:") and "\x00" not in entry.payload


HEADERS = st.sampled_from([
    b"From: ", b"To: ", b"Subject: ", b"Message-ID: ", b"References: ", b"In-Reply-To: ", b"Reply-To: ", b"Date: ",
    b"Content-Type: multipart/mixed; boundary=", b"Content-Type: text/html; charset=", b"Content-Transfer-Encoding: ",
    b"Content-Disposition: attachment; filename*=", b"=?utf-8?b?", b"=?x?q?", b"\r\n", b"\r\n\r\n", b"--", b"<", b">", b"@",
    b'"', b"\\", b"\x00", b"\xff", b"=\r\n", b"base64", b"quoted-printable",
])
FUZZ = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes(data):
    _check(data)


@FUZZ
@given(st.lists(st.one_of(HEADERS, st.binary(max_size=40)), max_size=60))
def test_fuzz_header_soup(parts):
    _check(b"From: a@example.nl\r\n" + b"".join(parts))
    _check(b"".join(parts))


@FUZZ
@given(st.sampled_from(SAMPLES), st.integers(0, 2000), st.binary(max_size=20), st.integers(0, 2000))
def test_fuzz_truncated_and_damaged_fixtures(sample, cut, junk, where):
    _check(sample[:cut])
    _check(sample[:where] + junk + sample[where:])


# -- the plain-address fast path --------------------------------------------------------

_ADDRESS_PIECES = st.text(alphabet="abcXYZ09._+-'@<> \t,;:\"()\\.", max_size=40)


@settings(max_examples=600, deadline=None, database=None)
@given(st.one_of(
    _ADDRESS_PIECES,
    st.builds(lambda name, local, domain: f"{name} <{local}@{domain}>", _ADDRESS_PIECES, _ADDRESS_PIECES, _ADDRESS_PIECES),
    st.builds(lambda local, domain: f"{local}@{domain}", _ADDRESS_PIECES, _ADDRESS_PIECES),
))
def test_the_plain_address_fast_path_answers_as_getaddresses_does(value):
    from email.utils import getaddresses

    from newsroom.mailparse import plain_address

    fast = plain_address(value)
    if fast is not None:  # it only answers where it is sure; everything else goes the slow way
        assert [fast] == getaddresses([value]), value


def test_plain_senders_and_recipients_read_as_before():
    mail = (b"From: Jan  van 't Hof <jan.hof@example.nl>\r\nTo: info@gemeente.test\r\n"
            b"Cc: J. de Vries <j@x.nl>, Piet <p@x.nl>\r\nSubject: test\r\n"
            b"Message-ID: <a@b>\r\nDate: Fri, 27 Nov 2026 10:00:00 +0100\r\n\r\nTekst\r\n")
    parsed = parse_message(mail)
    assert parsed.from_name == "Jan van 't Hof" and parsed.from_email == "jan.hof@example.nl"
    assert parsed.to == ["info@gemeente.test"] and parsed.cc == ["j@x.nl", "p@x.nl"]
