"""`newsroom incident …` in-process: list, show, scan, accept, decline, answer, and bad input."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsroom.actions import SYSTEM, perform
from newsroom.config import data_location, open_location
from tests.cli.test_cli import fails, make_cli, ok, staff, write_jsonl
from tests.incidents.test_incident_actions import CHANNELS, noise_items, storm_items


@pytest.fixture
def cli(capsys, monkeypatch):
    return make_cli(capsys, monkeypatch)


def _recent(items: list[dict]) -> list[dict]:
    """The same items, received in the last hour (the scan looks at the last 6 hours from now)."""
    start = datetime.now(UTC) - timedelta(hours=1)
    out = []
    for n, item in enumerate(items):
        out.append({**item, "received_at": (start + timedelta(seconds=20 * n)).isoformat()})
    return out


@pytest.fixture
def desk(cli, tmp_path):
    staff(cli)
    ok(cli("import", write_jsonl(tmp_path / "storm.jsonl", _recent(noise_items(8) + storm_items()))))
    db = open_location(data_location(None))
    try:
        for platform, (account, options) in CHANNELS.items():
            perform(db, "add_channel", SYSTEM, origin="test", platform=platform, account=account, name=platform, options=options)
    finally:
        db.close()
    return cli


def test_scan_list_show_accept_answer(desk):
    cli = desk
    assert ok(cli("incident", "list")).out.strip() == "no incidents"
    scanned = ok(cli("incident", "scan", "--json")).json
    assert len(scanned["new"]) == 1
    iid = scanned["new"][0]
    assert ok(cli("incident", "scan", "--json")).json["new"] == []
    listed = ok(cli("incident", "list", "--status", "proposed", "--json")).json
    assert [i["id"] for i in listed] == [iid] and listed[0]["reporters"] == 40
    human = ok(cli("incident", "list")).out
    assert "40 reporters" in human and "Kerkstraat" in human
    shown = ok(cli("incident", "show", str(iid), "--json")).json
    assert len(shown["members"]) == 40
    assert "case" in ok(cli("incident", "show", str(iid))).out

    fails(cli("incident", "accept", str(iid)), "Say who you are")
    fails(cli("incident", "accept", str(iid), "--as", "joost"), "may not decide")
    accepted = ok(cli("incident", "accept", str(iid), "--as", "sanne", "--json")).json
    assert accepted["fields"]["status"] == ["proposed", "accepted"]
    fails(cli("incident", "accept", str(iid), "--as", "ahmed"), "already accepted")
    fails(cli("incident", "decline", str(iid), "--as", "ahmed"), "can no longer be declined")

    answered = ok(cli("incident", "answer", str(iid), "--text", "De boom wordt vandaag weggehaald.", "--as", "sanne",
                      "--json")).json
    assert len(answered["info"]["queued"]) == 40 and answered["fields"]["answered_at"][1]
    again = ok(cli("incident", "answer", str(iid), "--text", "De boom wordt vandaag weggehaald.", "--as", "sanne"))
    assert "0 replies queued" in again.out and "already answered" in again.out
    assert ok(cli("incident", "list", "--status", "accepted", "--json")).json[0]["answered_at"]


def test_decline_and_answer_from_a_file(desk, tmp_path):
    cli = desk
    iid = ok(cli("incident", "scan", "--hours", "2", "--json")).json["new"][0]
    ok(cli("incident", "decline", str(iid), "--as", "marieke"))
    fails(cli("incident", "decline", str(iid), "--as", "marieke"), "already declined")
    assert ok(cli("incident", "scan", "--json")).json["new"] == []
    assert ok(cli("incident", "list", "--status", "declined", "--json")).json[0]["id"] == iid
    fails(cli("incident", "answer", str(iid), "--text", "x", "--as", "sanne"), "declined")
    ok(cli("incident", "accept", str(iid), "--as", "sanne"))
    answer = tmp_path / "antwoord.txt"
    answer.write_text("Dank voor uw melding; de boom is weg.\n", encoding="utf-8")
    done = ok(cli("incident", "answer", str(iid), "--text-file", answer, "--as", "sanne", "--json")).json
    assert len(done["info"]["queued"]) == 40


def test_bad_input(desk, tmp_path):
    cli = desk
    fails(cli("incident", "show", "999"), "no incident 999")
    err = fails(cli("incident", "show", "999", "--json")).err
    assert '"kind": "not_found"' in err
    fails(cli("incident", "accept", "999", "--as", "sanne"), "no incident 999")
    fails(cli("incident", "decline", "abc", "--as", "sanne"), code=2)
    fails(cli("incident", "answer", "1", "--as", "sanne"), code=2)  # neither --text nor --text-file
    fails(cli("incident", "answer", "1", "--text", "a", "--text-file", "f", "--as", "sanne"), code=2)
    fails(cli("incident", "answer", "1", "--text-file", tmp_path / "missing.txt", "--as", "sanne"))
    fails(cli("incident", "list", "--status", "open"), code=2)
    fails(cli("incident", "list", "--limit", "0"), "limit")
    fails(cli("incident", "scan", "--hours", "0"), "--hours")
    fails(cli("incident", "accept", "1", "--as", "nobody"), "no user")
    iid = ok(cli("incident", "scan", "--json")).json["new"][0]
    fails(cli("incident", "answer", str(iid), "--text", "Te vroeg", "--as", "sanne"), "accept it before")
    fails(cli("incident", "remove", str(iid), "999999", "--as", "sanne"), "not in incident")
