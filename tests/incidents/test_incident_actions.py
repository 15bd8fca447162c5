"""Incidents end to end on both databases: the storm (40 posts, four platforms) becomes one
incident, is accepted and answered once, and every reporter gets the answer on their own channel."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from newsroom.actions import SYSTEM, perform
from newsroom.actions.incidents import (
    IncidentScanner,
    bench_incidents,
    incident_detail,
    list_incidents,
    scan_incidents,
)
from newsroom.model import Incident, IncidentMember, Reply
from tests.core.conftest import T0, audit_count, ingest, item_dict, refused

REPLIES = Reply.__table__
MEMBERS = IncidentMember.__table__
INCIDENTS = Incident.__table__

TREE = (
    "Er ligt een enorme boom over de Kerkstraat! Niemand kan erlangs.",
    "Boom omgewaaid op de Kerkstraat, ligt dwars over de weg.",
    "Storm heeft een boom geveld op de Kerkstraat. Brandweer is er net.",
    "Omgevallen boom blokkeert de Kerkstraat.",
    "Pas op: de Kerkstraat is dicht, grote boom op de rijbaan bij nummer 12.",
    "Er is een boom omgevallen op de Kerkstraat, ter hoogte van nummer 14. Hij ligt over de hele weg.",
    "Boom omgewaaid, ligt over de rijbaan bij Kerkstraat 12.",
    "Takken en een halve boom over het fietspad langs de Kerkstraat!",
)
OTHER = (
    "Wanneer wordt het gft opgehaald in de Vogelwijk?",
    "Mijn parkeervergunning is verlopen, hoe verleng ik die?",
    "De container op de Merelstraat is al vijf dagen niet geleegd.",
    "Hoe laat is het gemeentehuis open op zaterdag?",
    "Lantaarnpaal kapot op de Dorpsweg 3.",
    "Ik wil bezwaar maken tegen mijn aanslag.",
)
# platform -> (channel account, options that make it connected)
CHANNELS = {
    "mastodon": ("@stadsveen@social.example", {"base_url": "http://127.0.0.1:9"}),
    "bluesky": ("stadsveen.bsky.social", {"base_url": "http://127.0.0.1:9"}),
    "email": ("info@stadsveen.example", {"imap_host": "127.0.0.1", "smtp_host": "127.0.0.1"}),
    "signalen": ("signalen.stadsveen.example", {"base_url": "http://127.0.0.1:9"}),
}
PLATFORMS = tuple(CHANNELS)
NOW = T0 + timedelta(hours=2)


def _author(platform: str, i: int) -> dict:
    if platform == "email":
        return {"name": f"Burger {i}", "email": f"burger{i}@example.nl"}
    return {"id": f"{platform}-{i}", "handle": f"@burger{i}", "name": f"Burger {i}"}


def storm_items(n: int = 40, start: int = 0, minutes: float = 10.0) -> list[dict]:
    """n posts about the fallen tree on the Kerkstraat, round-robin over the four platforms."""
    out = []
    for i in range(start, start + n):
        platform = PLATFORMS[i % 4]
        extra = {"category": "groen", "location": {"lat": 52.14, "lon": 5.30, "address": "Kerkstraat 12"}} \
            if platform == "signalen" else {}
        extra["subject"] = "Boom" if platform == "email" else None
        out.append(item_dict(f"storm-{i}", text=TREE[i % len(TREE)], platform=platform, channel=CHANNELS[platform][0],
                             minutes=minutes + i * 0.5, author=_author(platform, i), **extra))
    return out


def noise_items(n: int = 24) -> list[dict]:
    return [item_dict(f"noise-{i}", text=OTHER[i % len(OTHER)], platform=PLATFORMS[i % 4], channel=CHANNELS[PLATFORMS[i % 4]][0],
                      minutes=i * 4.0, author=_author(PLATFORMS[i % 4], 1000 + i)) for i in range(n)]


def connect_channels(db, platforms=PLATFORMS) -> None:
    for platform in platforms:
        account, options = CHANNELS[platform]
        perform(db, "add_channel", SYSTEM, origin="test", platform=platform, account=account, name=platform.title(),
                options=options)


def storm(db, connect=PLATFORMS) -> int:
    """Ingest the storm and the noise, connect channels, scan; return the one incident's id."""
    ingest(db, *noise_items(), *storm_items())
    connect_channels(db, connect)
    report = scan_incidents(db, now=NOW)
    assert len(report["new"]) == 1, report
    return report["new"][0]


def _count(db, table, *where) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_the_storm_is_one_incident_answered_once_to_every_reporter(db, people):
    iid = storm(db)
    [listed] = list_incidents(db)
    assert listed["id"] == iid and listed["status"] == "proposed"
    assert listed["reporters"] == 40 and listed["messages"] == 40 and listed["cases"] == 40
    assert set(listed["platforms"]) == set(PLATFORMS) and all(n == 10 for n in listed["platforms"].values())
    assert listed["title"].startswith("Kerkstraat: boom")
    assert listed["category"] == "groen" and listed["location"]["address"] == "Kerkstraat 12"
    assert listed["street"] == "kerkstraat" and listed["kind"] == "boom" and listed["score"] > 0.55
    detail = incident_detail(db, iid)
    assert len(detail["members"]) == 40 and {m["platform"] for m in detail["members"]} == set(PLATFORMS)
    assert all("boom" in m["snippet"].lower() or "Boom" in m["snippet"] for m in detail["members"])

    # scanning again adds nothing and writes no audit entry
    audits = audit_count(db)
    again = scan_incidents(db, now=NOW)
    assert again["new"] == [] and again["added"] == {} and audit_count(db) == audits
    assert _count(db, INCIDENTS) == 1 and _count(db, MEMBERS) == 40

    refused(db, "answer_incident", people.operator, incident_id=iid, text="We ruimen de boom vandaag op.")
    change = perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)
    assert change.fields == {"status": ["proposed", "accepted"]} and len(change.case_ids) == 40

    text = "Dank voor uw melding. De boom op de Kerkstraat wordt vandaag weggehaald."
    change = perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text=text)
    queued = change.info["queued"]
    assert len(queued) == 40 and change.info["skipped"] == []
    with db.read() as conn:
        replies = conn.execute(select(REPLIES).where(REPLIES.c.kind == "incident")).all()
        from newsroom.model import Channel, Message
        msgs = {r.id: r for r in conn.execute(select(Message.__table__))}
        channels = {r.id: r for r in conn.execute(select(Channel.__table__))}
    assert len(replies) == 40
    assert len({r.case_id for r in replies}) == 40  # one per case
    assert len({r.client_key for r in replies}) == 40  # each its own key
    for r in replies:
        answered = msgs[r.in_reply_to_message_id]
        assert answered.case_id == r.case_id and answered.direction == "in"
        assert r.channel_id == answered.channel_id  # the reporter's own channel
        assert r.state == "queued" and r.text == text and r.author_user_id == people.operator.user_id
    assert {channels[r.channel_id].platform for r in replies} == set(PLATFORMS)
    assert incident_detail(db, iid)["answered_at"] is not None

    # answering again queues nothing: every case already has this answer on its way
    again = perform(db, "answer_incident", people.operator2, origin="test", incident_id=iid, text=text)
    assert again.info["queued"] == [] and len(again.info["skipped"]) == 40
    assert {s["reason"] for s in again.info["skipped"]} == {"already_answered"}
    assert _count(db, REPLIES, REPLIES.c.kind == "incident") == 40


def test_later_reports_join_the_accepted_incident_and_only_they_get_the_answer(db, people):
    iid = storm(db)
    perform(db, "accept_incident", people.supervisor, origin="test", incident_id=iid)
    text = "De boom wordt vandaag weggehaald."
    perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text=text)
    ingest(db, *storm_items(6, start=40, minutes=40))
    report = scan_incidents(db, now=NOW + timedelta(minutes=30))
    assert report["new"] == [] and report["added"] == {str(iid): 6}
    assert list_incidents(db)[0]["reporters"] == 46 and list_incidents(db)[0]["status"] == "accepted"
    change = perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text=text)
    assert len(change.info["queued"]) == 6 and len(change.info["skipped"]) == 40


def test_decline_stays_declined_after_another_scan(db, people):
    iid = storm(db)
    perform(db, "decline_incident", people.operator, origin="test", incident_id=iid)
    ingest(db, *storm_items(5, start=40, minutes=35))
    report = scan_incidents(db, now=NOW + timedelta(minutes=30))
    assert report["new"] == []  # not proposed again
    [only] = list_incidents(db)
    assert only["id"] == iid and only["status"] == "declined"
    assert only["messages"] == 45  # the burst it absorbs stays with the declined one, silently
    assert list_incidents(db, status="proposed") == []
    refused(db, "answer_incident", people.operator, incident_id=iid, text="Antwoord")
    # a change of mind: a declined incident can still be accepted
    perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)


def test_deciding_twice_and_bad_input_are_refused(db, people):
    iid = storm(db)
    assert refused(db, "accept_incident", SYSTEM, incident_id=iid).kind == "denied"
    assert refused(db, "accept_incident", people.agent_afval, incident_id=iid).kind == "denied"
    assert refused(db, "accept_incident", people.operator, incident_id=iid + 99).kind == "not_found"
    assert refused(db, "accept_incident", people.operator, incident_id="1").kind == "invalid"
    perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)
    error = refused(db, "accept_incident", people.operator2, incident_id=iid)
    assert error.kind == "conflict" and "already accepted" in error.message
    assert refused(db, "decline_incident", people.operator, incident_id=iid).kind == "conflict"
    assert refused(db, "answer_incident", people.operator, incident_id=iid, text="   ").kind == "invalid"
    with pytest.raises(Exception, match="no incident"):
        incident_detail(db, 12345)
    with pytest.raises(Exception, match="proposed, accepted or declined"):
        list_incidents(db, status="open")


def test_an_answer_too_long_for_bluesky_is_refused_naming_the_platform(db, people):
    iid = storm(db)
    perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)
    error = refused(db, "answer_incident", people.operator, incident_id=iid, text="🌳" * 301)
    assert "Bluesky" in error.message and "300" in error.message and "301" in error.message
    error = refused(db, "answer_incident", people.operator, incident_id=iid, text="x" * 501)
    assert "Bluesky" in error.message  # the strictest platform is named first
    # a family emoji is one grapheme of five code points: 100 of them fit Bluesky (and Mastodon's 500)
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert len(family * 100) == 500
    change = perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text=family * 100)
    assert len(change.info["queued"]) == 40


def test_an_answer_too_long_for_mastodon_is_refused_naming_the_platform(db, people):
    iid = storm(db, connect=("mastodon", "email"))
    perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)
    error = refused(db, "answer_incident", people.operator, incident_id=iid, text="x" * 501)
    assert "Mastodon" in error.message and "500" in error.message and "501" in error.message
    change = perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text="x" * 400)
    assert len(change.info["queued"]) == 20


def test_unconnected_channels_are_skipped_and_reported(db, people):
    iid = storm(db, connect=("mastodon", "email"))
    perform(db, "accept_incident", people.operator, origin="test", incident_id=iid)
    change = perform(db, "answer_incident", people.operator, origin="test", incident_id=iid, text="De boom is weg.")
    assert len(change.info["queued"]) == 20
    skipped = change.info["skipped"]
    assert len(skipped) == 20 and {s["reason"] for s in skipped} == {"not_connected"}
    assert {s["platform"] for s in skipped} == {"bluesky", "signalen"}


def test_add_and_remove_a_case_and_a_removed_case_stays_out(db, people):
    iid = storm(db)
    detail = incident_detail(db, iid)
    gone = detail["members"][0]["case"]
    perform(db, "remove_from_incident", people.operator, origin="test", incident_id=iid, case_id=gone)
    assert incident_detail(db, iid)["messages"] == 39
    scan_incidents(db, now=NOW)
    assert gone not in {m["case"] for m in incident_detail(db, iid)["members"]}
    assert refused(db, "remove_from_incident", people.operator, incident_id=iid, case_id=gone).kind == "not_found"
    perform(db, "add_to_incident", people.operator, origin="test", incident_id=iid, case_id=gone)
    assert incident_detail(db, iid)["messages"] == 40
    assert refused(db, "add_to_incident", people.operator, incident_id=iid, case_id=gone).kind == "conflict"
    assert refused(db, "add_to_incident", people.operator, incident_id=iid, case_id=999_999).kind == "not_found"


def test_the_warm_scanner_follows_ingest_and_decisions(db, people):
    ingest(db, *noise_items())
    connect_channels(db)
    scanner = IncidentScanner(db, now=NOW)
    assert scanner.last["new"] == []
    ingest(db, *storm_items(20))
    first = scanner.feed()
    assert len(first["new"]) == 1 and first["messages"] == 20
    iid = first["new"][0]
    perform(db, "decline_incident", people.operator, origin="test", incident_id=iid)
    ingest(db, *storm_items(20, start=20))
    second = scanner.feed()
    assert second["new"] == [] and second["added"] == {str(iid): 20}
    assert scanner.feed() == {**scanner.last, "messages": 0, "proposals": 0, "new": [], "added": {}, "absorbed": []}
    # after a restart: rebuilt from the last 6 hours, nothing new, still declined
    audits = audit_count(db)
    fresh = IncidentScanner(db, now=NOW)
    assert fresh.last["new"] == [] and audit_count(db) == audits
    assert list_incidents(db)[0]["status"] == "declined" and list_incidents(db)[0]["messages"] == 40


def test_record_incidents_is_audited_as_the_system(db):
    ingest(db, *storm_items())
    scan_incidents(db, now=NOW)
    from newsroom.model import AuditEntry

    with db.read() as conn:
        row = conn.execute(select(AuditEntry.__table__).where(AuditEntry.__table__.c.action == "record_incidents")).one()
    assert row.actor_name == "system" and row.result == "ok"
    assert json.loads(row.detail)["info"]["new"]


def test_messages_outside_the_window_are_not_looked_at(db):
    ingest(db, *storm_items())
    report = scan_incidents(db, now=NOW + timedelta(hours=8))
    assert report["messages"] == 0 and report["new"] == []


def test_bench_incidents_reports_quality_and_speed():
    result = bench_incidents(3_000, seeds=(1,))
    assert set(result) >= {"precision", "recall", "messages_per_second"}
    assert 0 <= result["precision"] <= 1 and result["messages_per_second"] > 0
