"""The e-mail connector against a real Dovecot (IMAP) and a real aiosmtpd receiver (SMTP).

Each test gets its own Dovecot user (and so its own mailboxes) on one
private Dovecot per session; see tests/support/dovecot.py.
"""
from __future__ import annotations

import asyncio
import itertools
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsroom.actions import SYSTEM, perform
from newsroom.channels import connect
from newsroom.connectors.base import CredentialError, OutboundReply, TransientError
from newsroom.connectors.email import EmailConnector
from newsroom.connectors.runner import Collector, load_channels
from newsroom.inbound import loads
from newsroom.model import Case, Channel, Message, MessageRaw, Reply
from newsroom.model import SetAside as SetAsideRow
from tests.core import conftest as core_fixtures
from tests.support.dovecot import append_many, dovecot_or_skip
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.imap

FIXTURES = Path(__file__).parent / "fixtures"
PASSWORD = "geheim-wachtwoord"
MESSAGES = Message.__table__
RAW = MessageRaw.__table__
REPLIES = Reply.__table__
CHANNELS = Channel.__table__
SET_ASIDE = SetAsideRow.__table__
_users = itertools.count(1)
people_fixture = core_fixtures.people  # registers the `people` fixture here (it is in tests/core/conftest.py)


def eml(name: str) -> bytes:
    """A fixture message with CRLF line ends, as IMAP wants them."""
    return (FIXTURES / name).read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def simple(n: int, *, prefix: str = "m", extra: str = "") -> bytes:
    return (
        f"From: Burger {n} <burger{n}@example.nl>\r\nTo: info@gemeente.test\r\n"
        f"Subject: Melding {n}\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n"
        f"Message-ID: <{prefix}{n}@example.nl>\r\n{extra}\r\nBericht nummer {n}.\r\n"
    ).encode()


@pytest.fixture(scope="session")
def dovecot():
    server = dovecot_or_skip()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sink():
    with SmtpSink() as server:
        yield server


@pytest.fixture
def user(dovecot) -> str:
    name = f"info{next(_users)}@gemeente.test"
    dovecot.add_user(name, PASSWORD)
    dovecot.append(name, [], mailbox="INBOX")  # log in once: Dovecot creates the maildir
    return name


def options(dovecot, user, sink=None, **extra) -> dict:
    out = {
        "imap_host": dovecot.host, "imap_port": dovecot.port, "imap_security": "none", "username": user,
        "smtp_host": "127.0.0.1", "smtp_port": sink.port if sink else 1, "smtp_security": "none",
    }
    out.update(extra)
    return out


def add_channel(db, secrets, dovecot, user, sink=None, **extra):
    connect(db, SYSTEM, platform="email", name=f"Gemeente {user.split('@')[0]}", options=options(dovecot, user, sink, **extra),
            secret=PASSWORD, secrets=secrets)
    (channel,) = [c for c in load_channels(db) if c.account == user]
    return channel


def stored(db) -> list:
    with db.read() as conn:
        return conn.execute(select(MESSAGES).order_by(MESSAGES.c.id)).all()


def raw_of(db, message_id: int):
    with db.read() as conn:
        return loads(conn.execute(select(RAW.c.payload).where(RAW.c.message_id == message_id)).scalar())


# -- inbound ----------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_poll_decodes_real_messages_and_leaves_seen_alone(db, secrets, dovecot, user, tmp_path):
    names = ["utf8_encoded_subject.eml", "html_only.eml", "multipart_attachment.eml", "latin1.eml",
             "no_message_id.eml", "wrong_charset.eml", "no_from.eml"]
    dovecot.append(user, [eml(n) for n in names])
    dovecot.append(user, simple(1), flags=[b"\\Seen"])  # a colleague read this one already
    folder = tmp_path / "attachments"
    channel = add_channel(db, secrets, dovecot, user, attachments_dir=str(folder), max_attachment_bytes=100)
    async with Collector(db, secrets=secrets) as collector:
        health = await collector.check(channel)
        result = await collector.poll(channel)
        again = await collector.poll(channel)
    assert health.ok and "8 messages" in health.detail and "IDLE supported" in health.detail
    assert (result.imported, result.set_aside) == (7, 1)
    assert again.imported == 0 and again.pages == 1

    rows = {r.subject: r for r in stored(db)}
    klacht = rows["Klacht over afval"]
    assert klacht.author_name == "José de Vries" and klacht.author_email == "Jose.deVries@Example.NL"
    assert klacht.external_id == "<20261102091500.4711@mail.example.nl>" == klacht.thread_id
    assert "José de Vries — Kerkstraat 12" in klacht.text

    lamp = rows["Lantaarnpaal kapot"]
    assert "<" not in lamp.text and "alert" not in lamp.text and "color" not in lamp.text
    assert "niet & het is erg donker.\nKunt u dit ‘snel’ oplossen?" in lamp.text
    assert "- Straat: Dorpsweg" in lamp.text
    assert raw_of(db, lamp.id)["headers"]["reply_to"] == ["f.elamrani@work.example.org"]

    assert "één jaar" in rows["Parkeervergunning aanvragen café"].text  # ISO-8859-1
    assert "Zeeland" in rows["Verkeerde tekenset"].text  # unknown charset: decoded, not crashed
    assert rows["Geen message-id"].external_id.startswith("sha256:")

    photo = rows["Foto van de losse stoeptegel"]
    assert photo.text == "Zie de foto in de bijlage. De tegel ligt bij de school."
    raw = raw_of(db, photo.id)
    attachments = {a["filename"]: a for a in raw["attachments"]}
    assert set(attachments) == {"../../tegel foto.png", "verslag één.pdf"}
    png, pdf = attachments["../../tegel foto.png"], attachments["verslag één.pdf"]
    assert png["content_type"] == "image/png" and png["size"] == 70 and png["stored"] is True
    assert pdf["stored"] is False and pdf["size"] > 100 and "not kept" in pdf["note"]  # over max_attachment_bytes
    assert sorted(p.name for p in folder.iterdir()) == [png["sha256"] + ".bin"]  # app-chosen name only
    assert raw["uid"] == 3 and raw["source"].startswith("From: Piet Jansen") and raw["source_truncated"] is False

    with db.read() as conn:
        aside = conn.execute(select(SET_ASIDE)).all()
    assert len(aside) == 1 and "no usable From" in aside[0].reason and "Wie ben ik?" in aside[0].payload

    flags = {uid: entry[b"FLAGS"] for uid, entry in dovecot.fetch_all(user).items()}
    assert [uid for uid, f in flags.items() if b"\\Seen" in f] == [8]  # PEEK: nothing marked read


@pytest.mark.asyncio
async def test_resume_after_random_crashes_and_faults_gives_exactly_the_mailbox(db, dialect, secrets, dovecot, user):
    seed = f"{dialect}-{random.randrange(1_000_000)}"
    print("seed", seed)  # shown when the test fails: rerun with this seed
    rng = random.Random(seed)
    channel = add_channel(db, secrets, dovecot, user)
    total = 0
    seen: set[str] = set()

    class Crash(Exception):
        pass

    for _round in range(30):
        if total < 120 and rng.random() < 0.6:  # mail keeps arriving, some without Message-ID
            batch = [simple(total + i) if rng.random() < 0.8 else simple(total + i).replace(b"Message-ID", b"X-No-Id")
                     for i in range(rng.randint(1, 15))]
            total += len(batch)
            dovecot.append(user, batch)
        fault = rng.choice(["none", "kill", "crash_before_store", "crash_after_store"])
        async with Collector(db, secrets=secrets) as collector:
            connector = collector.connector(channel)
            connector.page_size = rng.randint(1, 9)
            at_page = rng.randint(1, 3)
            pages = itertools.count(1)
            if fault == "kill":  # the IMAP connection dies in the middle of a fetch, twice (reconnect fails too)
                real_use = connector._use_imap
                kills = {"left": 2}

                def use_imap(fn, _real=real_use, _kills=kills, _pages=pages, _at=at_page):
                    def wrapped(client):
                        if _kills["left"] and next(_pages) >= _at:
                            _kills["left"] -= 1
                            client.socket().shutdown(2)
                        return fn(client)
                    return _real(wrapped)

                connector._use_imap = use_imap
            elif fault.startswith("crash"):
                real_perform = collector._perform

                async def perform_(name, _real=real_perform, _fault=fault, _pages=pages, _at=at_page, **args):
                    if name == "collect_page" and next(_pages) >= _at:
                        if _fault == "crash_after_store":
                            await _real(name, **args)
                        raise Crash(_fault)
                    return await _real(name, **args)

                collector._perform = perform_
            try:
                await collector.poll(channel)
            except Crash as crash:
                seen.add(str(crash))
            except TransientError:
                seen.add("kill")
    assert seen == {"kill", "crash_before_store", "crash_after_store"}, seed  # every fault really happened
    async with Collector(db, secrets=secrets) as collector:  # the last, quiet run catches up
        await collector.poll(channel)

    rows = stored(db)
    ids = [r.external_id for r in rows]
    assert len(ids) == len(set(ids)) == total  # no duplicates, no gaps
    assert sorted(int(r.text.split()[-1].rstrip(".")) for r in rows) == list(range(total))


@pytest.mark.asyncio
async def test_uidvalidity_change_resyncs_without_duplicates(db, secrets, dovecot, user):
    first = [simple(n, prefix="v") for n in range(5)]
    validity = dovecot.recreate_mailbox(user, "Klachten", first)
    channel = add_channel(db, secrets, dovecot, user, mailbox="Klachten")
    async with Collector(db, secrets=secrets) as collector:
        assert (await collector.poll(channel)).imported == 5
        new_validity = dovecot.recreate_mailbox(user, "Klachten", first + [simple(n, prefix="v") for n in (5, 6)])
        assert new_validity != validity
        again = await collector.poll(channel)
    assert (again.imported, again.duplicates) == (2, 5)
    with db.read() as conn:
        cursor = loads(conn.execute(select(CHANNELS.c.cursor).where(CHANNELS.c.id == channel.id)).scalar())
    assert cursor == {"uidvalidity": new_validity, "last_uid": 7}
    assert sorted(r.external_id for r in stored(db)) == sorted(f"<v{n}@example.nl>" for n in range(7))


@pytest.mark.asyncio
async def test_a_mailbox_of_5000_messages(sqlite_db, secrets, dovecot, user):
    db = sqlite_db
    started = time.monotonic()
    append_many(dovecot, user, (simple(n, prefix="big") for n in range(5000)))
    appended = time.monotonic() - started
    channel = add_channel(db, secrets, dovecot, user)
    async with Collector(db, secrets=secrets) as collector:
        collector.connector(channel).page_size = 500
        started = time.monotonic()
        result = await collector.poll(channel)
        polled = time.monotonic() - started
    assert result.imported == 5000 and result.pages == 10
    with db.read() as conn:
        assert conn.execute(select(func.count(func.distinct(MESSAGES.c.external_id)))).scalar() == 5000
    print(f"5000 messages: APPEND {appended:.1f} s, poll {polled:.1f} s ({5000 / polled:.0f} messages/s)")
    assert appended + polled < 45


@pytest.mark.asyncio
async def test_non_ascii_headers_and_hostile_message_go_through_the_collector(db, secrets, dovecot, user):
    hostile = [
        b"From: \xff\xfe\r\nSubject: =?utf-8?b?////?=\r\n\r\n\x00\x01",
        (b"From: =?x-unknown?q?Gr=FC=DFe?= <gruss@example.de>\r\nSubject: =?utf-8?q?=E2=82=AC_100_boete=3F?=\r\n"
         b"Message-ID: <euro@example.de>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWaarom \xe2\x82\xac 100?\x00\r\n"),
        b"From: a@example.nl\r\nX-Big: " + b"x" * 300_000 + b"\r\n\r\nhuge header",
    ]
    dovecot.append(user, hostile)
    channel = add_channel(db, secrets, dovecot, user)
    async with Collector(db, secrets=secrets) as collector:
        result = await collector.poll(channel)
    assert (result.imported, result.set_aside) == (1, 2)
    (row,) = stored(db)
    assert row.subject == "€ 100 boete?" and row.author_name == "Grüße"
    assert row.text == "Waarom € 100?\ufffd"  # Dovecot stores the NUL as 0x80; that byte is not UTF-8
    with db.read() as conn:
        reasons = sorted(r.reason for r in conn.execute(select(SET_ASIDE)).all())
    assert "no usable From" in reasons[0] and "header section is larger" in reasons[1]


_source_ips = itertools.count(2)


@pytest.fixture
def fresh_client_ips(monkeypatch):
    """Connect from 127.0.0.N, a new N each time: Dovecot slows down logins after failed ones from the
    same address (its auth penalty, 2 s doubling to 15 s), which would slow every later test."""
    import socket

    real = socket.create_connection

    def create_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kw):
        if address[0] == "127.0.0.1" and source_address is None:
            source_address = (f"127.0.0.{2 + next(_source_ips) % 250}", 0)
        return real(address, timeout, source_address, **kw)

    monkeypatch.setattr(socket, "create_connection", create_connection)


@pytest.mark.asyncio
async def test_wrong_password_and_refused_connection(db, secrets, dovecot, user, fresh_client_ips):
    channel = add_channel(db, secrets, dovecot, user)
    secrets.set(channel, "fout")
    async with Collector(db, secrets=secrets) as collector:
        with pytest.raises(CredentialError, match="refused the login"):
            await collector.poll(channel)
        await collector.cycle(channel)
    with db.read() as conn:
        assert conn.execute(select(CHANNELS.c.health).where(CHANNELS.c.id == channel.id)).scalar() == "needs_attention"

    from tests.support.dovecot import free_port

    other = add_channel(db, secrets, dovecot, "x" + user, imap_port=free_port())
    async with Collector(db, secrets=secrets) as collector:
        with pytest.raises(TransientError, match="cannot reach"):
            await collector.poll(other)


# -- IDLE ------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_idle_wakes_within_a_second_and_closes_cleanly(sqlite_db, secrets, dovecot, user):
    channel = add_channel(sqlite_db, secrets, dovecot, user)
    connector = EmailConnector(channel, secrets=secrets)
    try:
        await connector.fetch(None)
        waiter = asyncio.ensure_future(connector.wait_for_new(20))
        await asyncio.sleep(0.5)
        assert not waiter.done()
        started = time.monotonic()
        await asyncio.to_thread(dovecot.append, user, simple(1))
        await asyncio.wait_for(waiter, 5)
        assert time.monotonic() - started < 1.5
        page = await connector.fetch({"uidvalidity": connector._uidvalidity, "last_uid": 0})
        assert len(page.items) == 1
        # a wait that is cancelled (the collector stopping) and then closed leaves no thread behind
        waiter = asyncio.ensure_future(connector.wait_for_new(20))
        await asyncio.sleep(0.3)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
    finally:
        started = time.monotonic()
        await connector.aclose()
        assert time.monotonic() - started < 3
    assert connector._idle is None and connector._imap is None


# -- outbound --------------------------------------------------------------------------------


async def _case_with_mail(db, secrets, dovecot, user, sink, people, message: bytes, *, auto_ack: bool = False):
    dovecot.append(user, message)
    channel = add_channel(db, secrets, dovecot, user, sink)
    if not auto_ack:  # these tests follow a person's answer; the acknowledgement has its own test
        perform(db, "set_auto_ack", people.admin, channel=channel.name, value=False)
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(channel)
    (row,) = stored(db)
    return channel, row


def reply_rows(db):
    with db.read() as conn:
        return conn.execute(select(REPLIES).order_by(REPLIES.c.id)).all()


@pytest.mark.asyncio
async def test_reply_goes_out_threaded_with_a_copy_in_sent_and_the_answer_joins_the_case(db, secrets, dovecot, user, sink, people):
    citizen = eml("html_only.eml").replace(
        b"Reply-To:", b"References: <root@example.org> <mid@example.org>\r\nIn-Reply-To: <mid@example.org>\r\nReply-To:"
    )
    channel, row = await _case_with_mail(db, secrets, dovecot, user, sink, people, citizen)
    assert row.thread_id == "<root@example.org>"
    perform(db, "queue_reply", people.operator, case_id=row.case_id, text="Beste Fatima,\n\nWe sturen een monteur. Groet, Sanne")
    async with Collector(db, secrets=secrets) as collector:
        outcomes = await collector.send_pending(channel)
    assert [o.state for o in outcomes] == ["sent"]
    (got,) = sink.messages
    msg = got.message
    assert got.rcpt_tos == ("f.elamrani@work.example.org",)  # Reply-To wins over From
    assert msg["To"] == "f.elamrani@work.example.org"
    assert msg["From"].addresses[0].addr_spec == user and msg["From"].addresses[0].display_name == channel.name
    assert msg["Subject"] == "Re: Lantaarnpaal kapot"
    assert msg["In-Reply-To"] == "<CAF=html.only.1@mail.example.org>"
    assert msg["References"].split() == ["<root@example.org>", "<mid@example.org>", "<CAF=html.only.1@mail.example.org>"]
    assert msg.get_content().strip().startswith("Beste Fatima,")
    (reply,) = reply_rows(db)
    assert reply.state == "sent" and reply.external_id == msg["Message-ID"] and reply.client_key in msg["Message-ID"]

    sent = dovecot.fetch_all(user, "Sent")
    assert len(sent) == 1
    (copy,) = sent.values()
    assert b"\\Seen" in copy[b"FLAGS"] and msg["Message-ID"].encode() in copy[b"BODY[]"]

    # the citizen answers our reply: it joins the case
    answer = (
        f"From: Fatima <fatima@example.org>\r\nTo: {user}\r\nSubject: Re: Re: Lantaarnpaal kapot\r\n"
        f"Message-ID: <answer@example.org>\r\nIn-Reply-To: {msg['Message-ID']}\r\n"
        f"References: {msg['References']} {msg['Message-ID']}\r\n\r\nDank u!\r\n"
    ).encode()
    dovecot.append(user, answer)
    async with Collector(db, secrets=secrets) as collector:
        await collector.poll(channel)
    rows = {r.external_id: r for r in stored(db)}
    assert rows["<answer@example.org>"].case_id == row.case_id
    assert rows[msg["Message-ID"]].direction == "out" and rows[msg["Message-ID"]].case_id == row.case_id


@pytest.mark.asyncio
async def test_a_new_mail_is_acknowledged_with_its_case_number_and_expected_date(db, secrets, dovecot, user, sink, people):
    channel, row = await _case_with_mail(db, secrets, dovecot, user, sink, people, eml("utf8_encoded_subject.eml"), auto_ack=True)
    (ack,) = reply_rows(db)
    assert ack.kind == "auto_ack" and ack.state == "queued" and ack.author_user_id is None
    async with Collector(db, secrets=secrets) as collector:
        outcomes = await collector.send_pending(channel)
    assert [o.state for o in outcomes] == ["sent"]
    (got,) = sink.messages
    body = got.message.get_content()
    assert str(row.case_id) in body and "uiterlijk" in body
    with db.read() as conn:
        case = conn.execute(select(Case.__table__).where(Case.__table__.c.id == row.case_id)).one()
    # an acknowledgement is not an answer: the first-response clock still runs
    assert case.first_responded_at is None
    assert '"clock":"first_response"' in case.clocks and '"state":"running"' in case.clocks


class Crash(Exception):
    """The process dies here."""


@pytest.mark.asyncio
@pytest.mark.parametrize("step", ["before_smtp", "after_smtp", "after_append", "before_recorded"])
async def test_reply_interrupted_at_every_step_and_retried(db, secrets, dovecot, user, sink, people, step):
    channel, row = await _case_with_mail(db, secrets, dovecot, user, sink, people, eml("utf8_encoded_subject.eml"))
    perform(db, "queue_reply", people.operator, case_id=row.case_id, text="We komen de container legen.")

    async with Collector(db, secrets=secrets) as collector:
        connector = collector.connector(channel)
        real_smtp, real_append = connector._smtp_send, connector._append_sent

        async def smtp(*args):
            if step == "before_smtp":
                raise Crash(step)
            response = await real_smtp(*args)
            if step == "after_smtp":
                raise Crash(step)
            return response

        async def append(*args):
            await real_append(*args)
            if step == "after_append":
                raise Crash(step)

        connector._smtp_send, connector._append_sent = smtp, append
        if step == "before_recorded":
            real_perform = collector._perform

            async def perform_(name, **args):
                if name == "reply_sent":
                    raise Crash(step)
                return await real_perform(name, **args)

            collector._perform = perform_
        with pytest.raises(Crash):
            await collector.send_pending(channel)
    (reply,) = reply_rows(db)
    assert reply.state == "sending"  # what a crash leaves behind

    async with Collector(db, secrets=secrets) as collector:  # the restart retries it
        outcomes = await collector.send_pending(channel)
    assert [o.state for o in outcomes] == ["sent"]
    (reply,) = reply_rows(db)
    assert reply.state == "sent" and reply.attempts == 2
    message_ids = [m.message["Message-ID"] for m in sink.messages]
    assert set(message_ids) == {reply.external_id}  # never two different messages
    if step == "after_smtp":
        # The one window no order can close: the SMTP server took it, we died before the Sent copy
        # recorded that. The retry sends the same Message-ID again; receivers drop the repeat by it.
        assert len(message_ids) == 2
    else:
        assert len(message_ids) == 1
    sent = dovecot.fetch_all(user, "Sent")
    assert len(sent) == 1  # one copy in Sent in every case


@pytest.mark.asyncio
async def test_smtp_5xx_fails_the_reply_and_4xx_retries_it(db, secrets, dovecot, user, sink, people):
    channel, row = await _case_with_mail(db, secrets, dovecot, user, sink, people, eml("latin1.eml"))
    perform(db, "queue_reply", people.operator, case_id=row.case_id, text="Eerste antwoord")
    sink.fail_next("451 4.3.0 Mailbox temporarily full")
    async with Collector(db, secrets=secrets) as collector:
        with pytest.raises(TransientError, match="451"):
            await collector.send_pending(channel)
    (reply,) = reply_rows(db)
    assert reply.state == "queued" and reply.next_attempt_at is not None and "451" in reply.failure_reason
    with db.transaction() as conn:  # time passes
        conn.execute(REPLIES.update().values(next_attempt_at=None))
    async with Collector(db, secrets=secrets) as collector:
        assert [o.state for o in await collector.send_pending(channel)] == ["sent"]
    assert len(sink.messages) == 1

    perform(db, "queue_reply", people.operator, case_id=row.case_id, text="Tweede antwoord")
    sink.fail_next("550 5.1.1 <henk@example.nl>: Recipient address rejected: User unknown")
    async with Collector(db, secrets=secrets) as collector:
        (outcome,) = await collector.send_pending(channel)
    assert outcome.state == "failed"
    second = reply_rows(db)[1]
    assert second.state == "failed" and "550 5.1.1" in second.failure_reason and "User unknown" in second.failure_reason
    assert len(sink.messages) == 1


@pytest.mark.asyncio
async def test_smtp_login_refused_is_a_credential_problem(sqlite_db, secrets, dovecot, user):
    with SmtpSink(users={user: "other"}) as sink:
        channel = add_channel(sqlite_db, secrets, dovecot, user, sink)
        connector = EmailConnector(channel, secrets=secrets)
        from newsroom.connectors.base import Original
        from newsroom.inbound import Author
        from newsroom.timeutil import utcnow

        original = Original("<x@example.nl>", "<x@example.nl>", None, Author(email="a@example.nl"), "Hoi", None, utcnow(), {})
        try:
            with pytest.raises(CredentialError, match="SMTP server refused the login"):
                await connector.send(OutboundReply(1, "k1", "tekst", original))
            sink.users[user] = PASSWORD
            result = await connector.send(OutboundReply(1, "k1", "tekst", original))
        finally:
            await connector.aclose()
    assert result.external_id == "<newsroom.k1@gemeente.test>" and len(sink.messages) == 1


@pytest.mark.asyncio
async def test_smtp_xoauth2(sqlite_db, secrets, dovecot, user):
    from newsroom.connectors.base import Original
    from newsroom.inbound import Author
    from newsroom.timeutil import utcnow

    with SmtpSink(tokens={user: "ya29.token"}) as sink:
        channel = add_channel(sqlite_db, secrets, dovecot, user, sink, auth="xoauth2")
        connector = EmailConnector(channel, secrets=secrets)
        original = Original("<x@example.nl>", "<x@example.nl>", None, Author(email="a@example.nl"), "Hoi", None, utcnow(), {})
        try:
            with pytest.raises(CredentialError, match="SMTP server refused the login"):
                await connector._smtp_send(connector.build_reply(OutboundReply(1, "k2", "tekst", original)), ["a@example.nl"])
            secrets.set(channel, "ya29.token")
            await connector._smtp_send(connector.build_reply(OutboundReply(1, "k2", "tekst", original)), ["a@example.nl"])
        finally:
            await connector.aclose()
    assert len(sink.messages) == 1
