"""Template actions, rendering for a case, and the automatic acknowledgement (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from newsroom.actions import SYSTEM, ActionError, perform
from newsroom.actions.base import Tx
from newsroom.actions.templates import (
    TEMPLATES,
    acknowledge_new_cases,
    automatic_mail_reason,
    automatic_text,
    queue_automatic_reply,
    render_for_case,
)
from newsroom.model import Case, Channel, Message, MessageRaw, Reply
from newsroom.timeutil import UTC, utcnow
from tests.core.conftest import T0, ingest, make_item, refused

CASES = Case.__table__
CHANNELS = Channel.__table__
MESSAGES = Message.__table__
RAW = MessageRaw.__table__
REPLIES = Reply.__table__
DUE = datetime(2026, 12, 1, 11, 30, tzinfo=UTC)
MAILBOX = "info@gemeente.example"


# -- helpers ---------------------------------------------------------------------------


def run(db, fn, *args, **kwargs):
    """Call `fn(tx, ...)` in one write transaction, as ingest would."""
    with db.transaction() as conn:
        return fn(Tx(conn=conn, actor=SYSTEM, now=utcnow(), origin="test", dialect=db.dialect, cache=db.cache), *args, **kwargs)


def connect(db, account: str, *, enabled: bool = True) -> int:
    """Mark the channel `account` connected (options set), as `channel add` would."""
    with db.transaction() as conn:
        conn.execute(update(CHANNELS).where(CHANNELS.c.account == account).values(options="{}", enabled=enabled))
        return conn.execute(select(CHANNELS.c.id).where(CHANNELS.c.account == account)).scalar_one()


def email(external_id=None, *, raw=None, name="Bea Burger", address="bea@example.nl", **kwargs):
    return make_item(external_id, platform="email", channel=MAILBOX, subject="Container",
                     author={"id": address, "name": name, "email": address}, raw=raw, **kwargs)


def mail_raw(*header_lines: str, sender: str = "bea@example.nl") -> dict:
    source = "\r\n".join([f"From: Bea <{sender}>", "Subject: Container", *header_lines, "", "De container is vol."])
    return {"headers": {"from": {"name": "Bea", "email": sender}, "subject": "Container"}, "source": source}


def new_cases(db, change, *, expected=None) -> list[dict]:
    """The dicts ingest hands `acknowledge_new_cases` for the new cases of an ingest `change`."""
    out = []
    with db.read() as conn:
        for case_id in change.info["new_case_ids"]:
            m = conn.execute(
                select(MESSAGES, CHANNELS.c.platform).join(CHANNELS, CHANNELS.c.id == MESSAGES.c.channel_id)
                .where(MESSAGES.c.case_id == case_id).order_by(MESSAGES.c.id).limit(1)
            ).first()
            raw = conn.execute(select(RAW.c.payload).where(RAW.c.message_id == m.id)).scalar()
            out.append({"case_id": case_id, "channel_id": m.channel_id, "platform": m.platform, "message_id": m.id,
                            "author_name": m.author_name, "expected": expected, "raw": json.loads(raw) if raw else None})
    return out


def replies(db) -> list:
    with db.read() as conn:
        return conn.execute(select(REPLIES).order_by(REPLIES.c.id)).all()


# -- managing templates -------------------------------------------------------------------


def test_supervisor_adds_updates_and_removes_a_template(db, people):
    added = perform(db, "add_template", people.supervisor, origin="test", name="Container vol", kind="answer",
                    body="Beste {naam}, wij legen de container morgen.", platform="mastodon")
    template_id = added.created["template"]
    changed = perform(db, "update_template", people.admin, origin="test", name="container VOL", platform="any",
                      body="Beste {name}, wij legen de container vandaag.", new_name="Container leeg")
    assert changed.fields["platform"] == ["mastodon", None]
    assert changed.fields["name"] == ["Container vol", "Container leeg"]
    assert changed.fields["body"][1] == "Beste {name}, wij legen de container vandaag."
    same = perform(db, "update_template", people.admin, origin="test", name="Container leeg", kind="answer")
    assert same.fields == {}
    with db.read() as conn:
        row = conn.execute(select(TEMPLATES)).one()
    assert (row.id, row.name, row.platform, row.language) == (template_id, "Container leeg", None, "nl")
    removed = perform(db, "remove_template", people.supervisor, origin="test", name="Container leeg")
    assert removed.object_id == template_id
    with db.read() as conn:
        assert conn.execute(select(TEMPLATES)).all() == []


@pytest.mark.parametrize(
    ("args", "kind", "words"),
    [
        ({"name": "x", "kind": "answer", "body": "Beste {voornaam}"}, "invalid", "voornaam"),
        ({"name": "x", "kind": "answer", "body": "prijs } 5"}, "invalid", "character 7"),
        ({"name": "x", "kind": "answer", "body": "  "}, "invalid", "some text"),
        ({"name": "", "kind": "answer", "body": "Hallo"}, "invalid", "name"),
        ({"name": "x", "kind": "reply", "body": "Hallo"}, "invalid", "kind"),
        ({"name": "x", "kind": "answer", "body": "Hallo", "platform": "myspace"}, "invalid", "platform"),
        ({"name": "x", "kind": "answer", "body": "Hallo", "language": "de"}, "invalid", "nl or en"),
    ],
)
def test_bad_templates_are_refused(db, people, args, kind, words):
    error = refused(db, "add_template", people.admin, **args)
    assert error.kind == kind and words in error.message


def test_only_supervisors_and_admins_manage_templates(db, people):
    error = refused(db, "add_template", people.operator, name="x", kind="answer", body="Hallo")
    assert error.kind == "denied" and "sanne (operator)" in error.message
    error = refused(db, "add_template", SYSTEM, name="x", kind="answer", body="Hallo")
    assert error.kind == "denied" and "--as" in error.message
    error = refused(db, "set_auto_ack", people.agent_afval, channel=MAILBOX, value=True)
    assert error.kind == "denied"


def test_names_are_unique_and_must_exist(db, people):
    perform(db, "add_template", people.admin, origin="test", name="Bevestiging", kind="auto_ack", body="Zaak {zaaknummer}.")
    assert refused(db, "add_template", people.admin, name="bevestiging", kind="answer", body="Hallo").kind == "conflict"
    assert refused(db, "update_template", people.admin, name="Onbekend", body="Hallo").kind == "not_found"
    assert refused(db, "remove_template", people.admin, name="Onbekend").kind == "not_found"
    assert refused(db, "update_template", people.admin, name="Bevestiging", body="{zaak}").kind == "invalid"


# -- rendering for a case -------------------------------------------------------------------


def test_render_for_case_fills_in_every_variable(db, people):
    change = ingest(db, make_item(author={"id": "u1", "handle": "@bea@x.social", "name": "Bea Burger"}))
    (case_id,) = change.info["new_case_ids"]
    perform(db, "route", people.operator, origin="test", case_id=case_id, department="Afval")
    perform(db, "add_template", people.admin, origin="test", name="Doorgestuurd", kind="holding",
            body="Beste {naam}, zaak {zaaknummer} ligt bij {afdeling}. Antwoord uiterlijk {verwachte_datum}.")
    with db.read() as conn:
        report = render_for_case(conn, "doorgestuurd", case_id, expected=DUE)
    assert report["text"] == (f"Beste Bea Burger, zaak {case_id} ligt bij Afval. "
                              "Antwoord uiterlijk dinsdag 1 december 2026 om 12:30.")
    assert report["unit"] == "characters" and report["limit"] == 500 and report["platform"] == "mastodon"
    assert report["length"] == len(report["text"]) and report["over_limit"] is False
    assert report["hints"] == []


def test_render_for_case_uses_the_due_time_and_refuses_without_a_date(db, people):
    change = ingest(db, make_item(author={"id": "u2", "name": None, "handle": "@anon@x.social"}))
    (case_id,) = change.info["new_case_ids"]
    perform(db, "add_template", people.admin, origin="test", name="Datum", kind="answer", body="Beste {naam}, {verwachte_datum}.")
    with db.transaction() as conn:  # whatever the response-target clocks made of it: no due time
        conn.execute(update(CASES).values(due_at=None))
    with db.read() as conn, pytest.raises(ActionError) as caught:
        render_for_case(conn, "Datum", case_id)
    assert caught.value.kind == "invalid" and "verwachte_datum" in caught.value.message
    with db.transaction() as conn:
        conn.execute(update(CASES).values(due_at=DUE))
    with db.read() as conn:
        assert render_for_case(conn, "Datum", case_id)["text"] == "Beste inwoner, dinsdag 1 december 2026 om 12:30."
    with db.read() as conn, pytest.raises(ActionError) as caught:
        render_for_case(conn, "Datum", case_id + 100)
    assert caught.value.kind == "not_found"


def test_render_for_case_measures_bluesky_in_graphemes(db, people):
    change = ingest(db, make_item(platform="bluesky", channel="@stad.bsky.social", author={"id": "d", "name": "Bo"}))
    (case_id,) = change.info["new_case_ids"]
    family = "\U0001F469\u200D\U0001F469\u200D\U0001F467"
    perform(db, "add_template", people.admin, origin="test", name="Lang", kind="answer", body=family * 300 + " {naam}")
    with db.read() as conn:
        report = render_for_case(conn, "Lang", case_id)
    assert (report["length"], report["limit"], report["unit"], report["over_limit"]) == (303, 300, "graphemes", True)


# -- set_auto_ack ---------------------------------------------------------------------------


def test_set_auto_ack_on_off_default(db, people):
    ingest(db, email())
    channel_id = connect(db, MAILBOX)
    off = perform(db, "set_auto_ack", people.supervisor, origin="test", channel=MAILBOX, value=False)
    assert off.fields == {"auto_ack": [None, False]} and off.info["effective"] is False
    default = perform(db, "set_auto_ack", people.admin, origin="test", channel=str(channel_id), value=None)
    assert default.fields == {"auto_ack": [False, None]} and default.info["effective"] is True
    assert refused(db, "set_auto_ack", people.admin, channel="nergens", value=True).kind == "not_found"
    assert refused(db, "set_auto_ack", people.admin, channel=MAILBOX, value="ja").kind == "invalid"


# -- the automatic acknowledgement ------------------------------------------------------------


def test_auto_ack_is_on_by_default_for_email_and_off_for_others(db):
    first = ingest(db, email(), make_item(), make_item(platform="bluesky", channel="@stad.bsky.social"))
    for account in (MAILBOX, "@gemeente@social.example", "@stad.bsky.social"):
        connect(db, account)
    cases = new_cases(db, first, expected=DUE)
    ids = run(db, acknowledge_new_cases, cases)
    assert len(ids) == 1
    (reply,) = replies(db)
    mail = next(c for c in cases if c["platform"] == "email")
    assert (reply.id, reply.case_id, reply.in_reply_to_message_id) == (ids[0], mail["case_id"], mail["message_id"])
    assert reply.kind == "auto_ack" and reply.state == "queued" and reply.author_user_id is None
    assert reply.channel_id == mail["channel_id"] and reply.queued_at is not None
    assert str(uuid.UUID(reply.client_key)) == reply.client_key
    assert reply.text.startswith("Beste Bea Burger,\n\nBedankt voor uw bericht.")
    assert f"Uw zaaknummer is {mail['case_id']}." in reply.text
    assert "U krijgt uiterlijk dinsdag 1 december 2026 om 12:30 een antwoord." in reply.text


def test_auto_ack_switched_per_channel(db, people):
    first = ingest(db, email(), make_item(), make_item(platform="bluesky", channel="@stad.bsky.social"))
    for account in (MAILBOX, "@gemeente@social.example", "@stad.bsky.social"):
        connect(db, account)
    perform(db, "set_auto_ack", people.admin, origin="test", channel=MAILBOX, value=False)
    perform(db, "set_auto_ack", people.admin, origin="test", channel="@stad.bsky.social", value=True)
    cases = new_cases(db, first, expected=DUE)
    ids = run(db, acknowledge_new_cases, cases)
    (reply,) = replies(db)
    assert ids == [reply.id]
    bluesky = next(c for c in cases if c["platform"] == "bluesky")
    assert reply.case_id == bluesky["case_id"]
    # The short built-in text: no salutation, within Bluesky's limit.
    assert reply.text == (f"Bedankt voor uw bericht. Uw zaaknummer is {bluesky['case_id']}. "
                          "U krijgt uiterlijk dinsdag 1 december 2026 om 12:30 een antwoord.")


def test_a_stored_template_is_used_and_one_too_long_falls_back(db, people):
    first = ingest(db, email(), make_item(platform="bluesky", channel="@stad.bsky.social", author={"id": "d", "name": "Bo"}))
    connect(db, MAILBOX)
    connect(db, "@stad.bsky.social")
    perform(db, "set_auto_ack", people.admin, origin="test", channel="@stad.bsky.social", value=True)
    perform(db, "add_template", people.admin, origin="test", name="Ontvangst", kind="auto_ack",
            body="Hallo {naam}, zaak {zaaknummer} is binnen. Antwoord uiterlijk {verwachte_datum}.")
    perform(db, "add_template", people.admin, origin="test", name="Ontvangst Bluesky", kind="auto_ack", platform="bluesky",
            body="Hallo {naam}! " + "Heel erg bedankt. " * 20 + "{zaaknummer}")
    cases = new_cases(db, first, expected=DUE)
    run(db, acknowledge_new_cases, cases)
    by_case = {r.case_id: r.text for r in replies(db)}
    mail, sky = (next(c for c in cases if c["platform"] == p) for p in ("email", "bluesky"))
    assert by_case[mail["case_id"]] == f"Hallo Bea Burger, zaak {mail['case_id']} is binnen. Antwoord uiterlijk dinsdag 1 december 2026 om 12:30."
    assert by_case[sky["case_id"]].startswith("Bedankt voor uw bericht. Uw zaaknummer is")


def test_without_a_date_the_case_due_time_or_the_undated_text(db):
    first = ingest(db, email("a"), email("b", address="bram@example.nl", name=None))
    connect(db, MAILBOX)
    cases = new_cases(db, first)
    with db.transaction() as conn:
        conn.execute(update(CASES).where(CASES.c.id == cases[0]["case_id"]).values(due_at=DUE))
        conn.execute(update(CASES).where(CASES.c.id == cases[1]["case_id"]).values(due_at=None))
    run(db, acknowledge_new_cases, cases)
    dated, undated = replies(db)
    assert "dinsdag 1 december 2026 om 12:30" in dated.text
    assert undated.text == f"Bedankt voor uw bericht. Uw zaaknummer is {cases[1]['case_id']}. Wij antwoorden zo snel mogelijk."


@pytest.mark.parametrize(
    "raw",
    [
        mail_raw("Auto-Submitted: auto-replied"),
        mail_raw("Auto-Submitted: auto-generated; owner-email=x@y"),
        mail_raw("Precedence: bulk"),
        mail_raw("Precedence: list"),
        mail_raw("Precedence: junk"),
        mail_raw("List-Id: <nieuws.example.nl>"),
        mail_raw("X-Auto-Response-Suppress: All"),
        mail_raw("Return-Path: <>"),
        mail_raw(sender="MAILER-DAEMON@mx.example.nl"),
        mail_raw(sender="postmaster@example.nl"),
        mail_raw(sender="noreply@bank.example"),
        mail_raw(sender="no-reply@bank.example"),
        {"headers": {"from": {"email": "bea@example.nl"}, "auto_submitted": "auto-replied"}},
    ],
)
def test_automatic_mail_is_not_acknowledged(db, raw):
    sender = raw["headers"]["from"]["email"]
    assert automatic_mail_reason(raw) is not None
    first = ingest(db, email(raw=raw, address=sender))
    connect(db, MAILBOX)
    assert run(db, acknowledge_new_cases, new_cases(db, first, expected=DUE)) == []
    assert replies(db) == []


@pytest.mark.parametrize("raw", [None, mail_raw(), mail_raw("Auto-Submitted: no"), mail_raw("Precedence: first-class"), "text"])
def test_ordinary_mail_is_acknowledged(raw):
    assert automatic_mail_reason(raw) is None


def test_never_twice_and_never_on_an_unconnected_channel(db):
    first = ingest(db, email())
    cases = new_cases(db, first, expected=DUE)
    assert run(db, acknowledge_new_cases, cases) == []  # imported, not connected: nothing to send with
    connect(db, MAILBOX, enabled=False)
    assert run(db, acknowledge_new_cases, cases) == []
    connect(db, MAILBOX)
    assert len(run(db, acknowledge_new_cases, cases + cases)) == 1  # the same case twice in a batch
    assert run(db, acknowledge_new_cases, cases) == []  # and in a later batch
    assert len(replies(db)) == 1


def test_queue_automatic_reply(db):
    first = ingest(db, email())
    (case,) = new_cases(db, first)
    args = {"channel_id": case["channel_id"], "in_reply_to_message_id": case["message_id"]}
    assert run(db, queue_automatic_reply, case["case_id"], "holding", "Doorgestuurd.", **args) is None  # not connected
    connect(db, MAILBOX)
    reply_id = run(db, queue_automatic_reply, case["case_id"], "holding", "Doorgestuurd.", **args)
    assert reply_id is not None
    assert run(db, queue_automatic_reply, case["case_id"], "holding", "Nog eens.", **args) is None
    other = run(db, queue_automatic_reply, case["case_id"], "incident", "Storing verholpen.", **args)
    assert other not in (None, reply_id)
    rows = replies(db)
    assert [(r.kind, r.author_user_id, r.state, r.text) for r in rows] == [
        ("holding", None, "queued", "Doorgestuurd."), ("incident", None, "queued", "Storing verholpen.")]
    assert rows[0].client_key != rows[1].client_key
    with pytest.raises(ActionError):
        run(db, queue_automatic_reply, case["case_id"], "answer", "Hallo", **args)


def test_the_collector_sees_an_automatic_reply_like_any_other(db):
    first = ingest(db, email())
    connect(db, MAILBOX)
    (reply_id,) = run(db, acknowledge_new_cases, new_cases(db, first, expected=T0 + timedelta(days=3)))
    perform(db, "reply_sending", SYSTEM, origin="test", reply_id=reply_id)
    perform(db, "reply_sent", SYSTEM, origin="test", reply_id=reply_id, external_id="<ack@gemeente.example>")
    (row,) = replies(db)
    assert row.state == "sent" and row.sent_message_id is not None


def test_automatic_text_for_a_holding_answer(db, people):
    change = ingest(db, make_item(platform="bluesky", channel="@stad.bsky.social", author={"id": "d", "name": "Bo"}))
    (case_id,) = change.info["new_case_ids"]
    perform(db, "route", people.operator, origin="test", case_id=case_id, department="Parkeren")
    with db.read() as conn:
        assert automatic_text(conn, case_id, "holding", expected=DUE) == (
            "Wij hebben uw vraag doorgestuurd naar Parkeren. U krijgt uiterlijk dinsdag 1 december 2026 om 12:30 een antwoord. "
            f"Zaaknummer: {case_id}.")
        assert automatic_text(conn, case_id, "crisis") is None
    perform(db, "add_template", people.admin, origin="test", name="Storing", kind="crisis",
            body="Er is een storing. Wij werken eraan. Uw zaak: {zaaknummer}.")
    perform(db, "add_template", people.admin, origin="test", name="Doorgestuurd", kind="holding", language="en",
            body="Dear {name}, {department} has it. By {expected_date}.")
    with db.transaction() as conn:
        conn.execute(update(CASES).values(due_at=None))
    with db.read() as conn:
        assert automatic_text(conn, case_id, "crisis") == f"Er is een storing. Wij werken eraan. Uw zaak: {case_id}."
        assert automatic_text(conn, case_id, "holding", language="en", expected=DUE) == \
            "Dear Bo, Parkeren has it. By Tuesday 1 December 2026 at 12:30."
        assert automatic_text(conn, case_id, "holding", language="en") == (
            "We have passed your question on to Parkeren. They will answer as soon as they can. "
            f"Case number: {case_id}.")
