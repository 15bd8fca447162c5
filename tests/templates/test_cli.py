"""`newsroom template …` run in-process (NEWSROOM_DATA is per test)."""
from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import fails, make_cli, ok, staff, write_jsonl
from tests.core.conftest import item_dict

MAILBOX = "info@gemeente.example"


@pytest.fixture(autouse=True)
def _no_user_from_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSROOM_USER", raising=False)


@pytest.fixture
def cli(capsys, monkeypatch):
    return staff(make_cli(capsys, monkeypatch))


@pytest.fixture
def case_id(cli, tmp_path):
    items = [item_dict("mail1", text="De container is vol.", platform="email", channel=MAILBOX, subject="Container",
                       author={"id": "bea@example.nl", "name": "Bea Burger", "email": "bea@example.nl"}),
             item_dict("sky1", text="Lamp kapot", platform="bluesky", channel="@stad.bsky.social",
                       author={"id": "did:plc:x", "handle": "bo.bsky.social"})]
    ok(cli("import", write_jsonl(tmp_path / "in.jsonl", items), "--json"))
    return ok(cli("inbox", "--json", "--channel", MAILBOX)).json["items"][0]["id"]


def test_add_list_show_update_remove(cli, case_id, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("Beste {naam},\n\nUw zaaknummer is {zaaknummer}. U krijgt uiterlijk {verwachte_datum} antwoord.\n", encoding="utf-8")
    added = ok(cli("template", "add", "Bevestiging", "--kind", "auto_ack", "--body-file", body, "--as", "marieke", "--json")).json
    assert added["action"] == "add_template" and added["created"]["template"] == added["object_id"]
    ok(cli("template", "add", "Kort", "--kind", "answer", "--platform", "bluesky", "--language", "en",
           "--body", "Dear {name}, see {department}.", "--as", "beheer"))

    listed = ok(cli("template", "list", "--json")).json
    assert [(t["name"], t["kind"], t["platform"], t["language"]) for t in listed] == [
        ("Kort", "answer", "bluesky", "en"), ("Bevestiging", "auto_ack", None, "nl")]
    assert ok(cli("template", "list", "--kind", "answer", "--json")).json[0]["name"] == "Kort"
    assert "Bevestiging" in ok(cli("template", "list")).out

    example = ok(cli("template", "show", "Bevestiging", "--json")).json
    assert example["rendered"]["text"].startswith("Beste Bea Burger,")
    assert "woensdag 30 september 2026 om 10:30" in example["rendered"]["text"]
    shown = ok(cli("template", "show", "bevestiging", "--case", case_id, "--expected", "2026-12-01T11:30:00Z", "--json")).json
    rendered = shown["rendered"]
    assert rendered["text"] == (f"Beste Bea Burger,\n\nUw zaaknummer is {case_id}. "
                                "U krijgt uiterlijk dinsdag 1 december 2026 om 12:30 antwoord.\n")
    assert (rendered["limit"], rendered["unit"], rendered["over_limit"], rendered["platform"]) == (None, "characters", False, "email")
    human = ok(cli("template", "show", "Kort", "--platform", "bluesky")).out
    assert "Dear Bea Burger, see Afval." in human and "length: 27 of 300 graphemes" in human

    updated = ok(cli("template", "update", "Kort", "--platform", "any", "--rename", "Kort antwoord", "--as", "beheer", "--json")).json
    assert updated["fields"] == {"name": ["Kort", "Kort antwoord"], "platform": ["bluesky", None]}
    assert "nothing changed" in ok(cli("template", "update", "Kort antwoord", "--language", "en", "--as", "beheer")).out
    ok(cli("template", "remove", "Kort antwoord", "--as", "beheer"))
    assert [t["name"] for t in ok(cli("template", "list", "--json")).json] == ["Bevestiging"]


def test_show_reports_hints_and_length(cli, case_id):
    long = ("Naar aanleiding van uw melding over de container in de Kerkstraat hebben wij contact opgenomen met "
            "de afvalinzamelaar die de container volgens de planning van deze week uiterlijk donderdag leegt. {naam}")
    ok(cli("template", "add", "Lang", "--kind", "answer", "--body", long, "--as", "beheer"))
    shown = ok(cli("template", "show", "Lang", "--case", case_id, "--json")).json
    assert [h["code"] for h in shown["rendered"]["hints"]] == ["average_sentence", "long_sentence", "long_words"]
    out = ok(cli("template", "show", "Lang", "--case", case_id)).out
    assert "hint: Long words: afvalinzamelaar" in out


def test_auto_ack_on_off_default(cli, case_id):
    off = ok(cli("template", "auto-ack", MAILBOX, "off", "--as", "marieke", "--json")).json
    assert off["fields"] == {"auto_ack": [None, False]} and off["info"]["effective"] is False
    assert "on (the platform's default)" in ok(cli("template", "auto-ack", MAILBOX, "default", "--as", "marieke")).out
    assert "on (set for this channel)" in ok(cli("template", "auto-ack", "@stad.bsky.social", "on", "--as", "beheer")).out


def test_bad_input(cli, case_id, tmp_path):
    fails(cli("template", "add", "X", "--kind", "answer", "--body", "Beste {voornaam}", "--as", "beheer"), "voornaam", "naam")
    fails(cli("template", "add", "X", "--kind", "answer", "--body", "a { b", "--as", "beheer"), "character 3")
    fails(cli("template", "add", "X", "--kind", "answer", "--body", "Hallo"), "Say who you are")
    fails(cli("template", "add", "X", "--kind", "answer", "--body", "Hallo", "--as", "sanne"), "may not manage")
    fails(cli("template", "add", "X", "--kind", "answer", "--body-file", tmp_path / "nope.txt", "--as", "beheer"), "cannot read")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    fails(cli("template", "add", "X", "--kind", "answer", "--body-file", tmp_path / "latin1.txt", "--as", "beheer"), "not UTF-8")
    fails(cli("template", "add", "X", "--kind", "answer", "--as", "beheer"), "--body", code=2)
    fails(cli("template", "add", "X", "--kind", "nonsense", "--body", "Hallo", "--as", "beheer"), "invalid choice", code=2)
    fails(cli("template", "show", "Onbekend"), "no template 'Onbekend'")
    fails(cli("template", "remove", "Onbekend", "--as", "beheer"), "no template")
    fails(cli("template", "auto-ack", "nergens", "on", "--as", "beheer"), "no channel 'nergens'")
    fails(cli("template", "auto-ack", MAILBOX, "maybe", "--as", "beheer"), "invalid choice", code=2)

    ok(cli("template", "add", "Datum", "--kind", "answer", "--body", "Uiterlijk {verwachte_datum}.", "--as", "beheer"))
    fails(cli("template", "show", "Datum", "--case", case_id, "--expected", "1 december"), "ISO 8601")
    fails(cli("template", "show", "Datum", "--case", case_id, "--expected", "2026-12-01T12:00"), "offset")
    fails(cli("template", "show", "Datum", "--expected", "2026-12-01T12:00Z"), "--case")
    fails(cli("template", "show", "Datum", "--case", 9999), "no case 9999")
    error = fails(cli("template", "add", "Datum", "--kind", "answer", "--body", "Hallo", "--as", "beheer", "--json"))
    assert json.loads(error.err) == {"error": "There is already a template 'Datum'.", "kind": "conflict"}
