"""Channels, collecting and replying from the command line, against the Mastodon fake.

The keyring is the in-memory one the root conftest installs (the CLI runs
in-process), so a secret stored by `channel add` is there for `collect`.
"""
from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

from newsroom.fakes.mastodon import MastodonFake
from tests.cli.test_cli import fails, make_cli, ok


@pytest.fixture
def cli(capsys, monkeypatch):
    return make_cli(capsys, monkeypatch)


@pytest.fixture
def fake():
    with MastodonFake() as server:
        yield server


def _setup(cli):
    ok(cli("user", "add", "beheer", "--role", "admin"))
    ok(cli("user", "add", "sanne", "--role", "operator", "--as", "beheer"))


def _add(cli, fake, *extra):
    creds = fake.credentials()
    return cli("channel", "add", "mastodon", "--name", "Mastodon", "--base-url", fake.base_url, "--username", creds["username"],
               "--secret-stdin", "--json", "--as", "beheer", *extra, stdin=(creds["token"] + "\n").encode())


def test_add_collect_reply_and_see_it_leave_once(cli, fake):
    _setup(cli)
    added = ok(_add(cli, fake)).json
    assert added["test"]["ok"] is True and added["platform"] == "mastodon"
    # The secret is in the keyring, not in what the channel stores.
    listed = ok(cli("channel", "list", "--json")).json
    assert listed[0]["health"] == "ok" and fake.credentials()["token"] not in json.dumps(listed)
    assert keyring.get_password("newsroom", f"mastodon:{listed[0]['account']}:secret") == fake.credentials()["token"]

    fake.post_citizen_message("De lantaarnpaal in de Kerkstraat is kapot.", username="anna", display_name="Anna")
    fake.post_citizen_message("Wanneer wordt het gft opgehaald?", username="bram", visibility="direct")
    collected = ok(cli("collect", "--once", "--json")).json
    assert collected["Mastodon"]["imported"] >= 1 and collected["Mastodon"]["health"] == "ok"
    inbox = ok(cli("inbox", "--json", "--order", "newest")).json
    assert inbox["total"] == 2
    direct = next(c for c in inbox["items"] if "gft" in c["snippet"])

    fails(cli("case", "reply", str(direct["id"]), "--text", "Morgen."), "Say who you are")
    queued = ok(cli("case", "reply", str(direct["id"]), "--text", "Donderdag wordt het gft opgehaald.", "--as", "sanne", "--json")).json
    assert queued["fields"]["reply state"] == [None, "queued"]
    fails(cli("case", "reply", str(direct["id"]), "--text", "Donderdag wordt het gft opgehaald.", "--as", "sanne"), "already")
    ok(cli("collect", "--once"))
    ok(cli("collect", "--once"))  # nothing left to send: still one answer
    answers = [s for s in fake.statuses.values() if s.account_id == fake.me.id]
    assert len(answers) == 1 and answers[0].visibility == "direct" and answers[0].text.startswith("@bram")
    shown = ok(cli("case", "show", str(direct["id"]), "--json")).json
    assert [r["state"] for r in shown["replies"]] == ["sent"]


def test_expired_token_shows_and_a_new_secret_recovers(cli, fake):
    _setup(cli)
    ok(_add(cli, fake))
    fake.faults.expire_tokens()
    fake.post_citizen_message("Hallo?", username="anna")
    result = ok(cli("collect", "--once", "--json")).json
    assert result["Mastodon"]["health"] == "needs_attention" and "token" in result["Mastodon"]["reason"]
    listed = ok(cli("channel", "list")).out
    assert "needs_attention" in listed
    new_token = fake.issue_token(fake.credentials()["username"])
    ok(cli("channel", "secret", "Mastodon", "--secret-stdin", "--as", "beheer", stdin=(new_token + "\n").encode()))
    result = ok(cli("collect", "--once", "--json")).json
    assert result["Mastodon"] == {"imported": 1, "duplicates": 0, "set_aside": 0, "health": "ok", "reason": None}


def test_bad_input_is_refused_plainly(cli, fake):
    _setup(cli)
    fails(cli("channel", "add", "mastodon", "--name", "M", "--secret-stdin", stdin=b"x\n"), "--base-url")
    fails(cli("channel", "add", "mastodon", "--name", "M", "--base-url", fake.base_url, "--username", "gemeente",
              "--imap-host", "mail.example.nl", "--secret-stdin", stdin=b"x\n"), "no option --imap-host")
    fails(cli("channel", "add", "mastodon", "--name", "M", "--base-url", fake.base_url, "--username", "gemeente"), "--secret-stdin")
    fails(cli("channel", "add", "fax", "--name", "M"), "invalid choice", code=2)
    fails(cli("channel", "test", "Nope"), "no connected channel")
    fails(cli("collect", "--once"), "no channels connected")
    fails(cli("case", "reply", "999", "--text", "x", "--as", "sanne"), "999")


def test_without_a_secure_keyring_nothing_is_stored(cli, fake):
    _setup(cli)
    keyring.set_keyring(fail.Keyring())
    fails(_add(cli, fake), "will not store them in plain text")
    assert ok(cli("channel", "list", "--json")).json == []


def test_set_aside_payloads_are_listed_shown_and_dismissed(cli, fake):
    _setup(cli)
    ok(_add(cli, fake))
    fake.post_citizen_message("Goed bericht", username="anna")
    with fake.lock:
        broken = fake.notifications[-1]
        fake.notifications.append(type(broken)(str(int(broken.id) + 1), "mention", broken.account_id, broken.from_account_id,
                                               "no-such-status", broken.created_at, False))
        fake.notifications.append(type(broken)(str(int(broken.id) + 2), "mention", broken.account_id, broken.from_account_id,
                                               "also-missing", broken.created_at, False))
    ok(cli("collect", "--once"))
    assert ok(cli("channel", "list", "--json")).json[0]["set_aside"] == 2
    items = ok(cli("channel", "set-aside", "--json")).json
    assert len(items) == 2 and items[0]["channel"] == "Mastodon" and items[0]["reason"]
    shown = ok(cli("channel", "set-aside", "--show", str(items[0]["id"]), "--json")).json
    assert shown[0]["payload"]
    ok(cli("channel", "set-aside", "--dismiss", str(items[0]["id"]), "--as", "beheer"))
    assert len(ok(cli("channel", "set-aside", "--json")).json) == 1
    assert len(ok(cli("channel", "set-aside", "--all", "--json")).json) == 2


def test_remove_keeps_the_messages_and_drops_the_secret(cli, fake):
    _setup(cli)
    ok(_add(cli, fake))
    fake.post_citizen_message("Bericht", username="anna")
    ok(cli("collect", "--once"))
    account = ok(cli("channel", "list", "--json")).json[0]["account"]
    ok(cli("channel", "remove", "Mastodon", "--as", "beheer"))
    assert ok(cli("channel", "list", "--json")).json == []
    assert ok(cli("inbox", "--json")).json["total"] == 1
    assert keyring.get_password("newsroom", f"mastodon:{account}:secret") is None


def test_demo_serve_prints_addresses_and_test_credentials(capsys):
    import httpx

    from newsroom.demo.platforms import serve_forever

    seen = {}

    def probe() -> None:
        info = json.loads(capsys.readouterr().out)
        seen.update(info)
        for platform in ("mastodon", "signalen"):
            response = httpx.get(info[platform]["base_url"] + "/", timeout=5)
            assert response.status_code in (200, 401, 404)

    assert serve_forever(platforms=["mastodon", "signalen"], port=0, rate=0, json_output=True, wait=probe) == 0
    assert seen["mastodon"]["token"] and seen["mastodon"]["base_url"].startswith("http://127.0.0.1:")


def test_targets_due_prints_the_due_instant_in_utc(cli):
    # Friday 16:30 summer time + 60 business minutes: 30 on Friday, 30 on Monday after the clocks went back.
    assert ok(cli("targets", "due", "--start", "2026-10-23T16:30:00+02:00", "--minutes", "60")).out.strip() == "2026-10-26T08:30:00Z"
    data = ok(cli("targets", "due", "--calendar", "24/7", "--start", "2026-03-29T01:30:00+01:00", "--minutes", "60", "--json")).json
    assert data == {"calendar": "24/7", "start": "2026-03-29T00:30:00Z", "minutes": 60.0, "due": "2026-03-29T01:30:00Z"}
    fails(cli("targets", "due", "--start", "2026-10-23T16:30", "--minutes", "60"), "offset")
    fails(cli("targets", "due", "--calendar", "kantoor", "--start", "2026-10-23T16:30:00Z", "--minutes", "60"), "kantoortijden")
    fails(cli("targets", "due", "--start", "2026-10-23T16:30:00Z", "--minutes", "-5"), "zero or more")


def test_demo_storm_proposes_one_incident_with_its_reporters(tmp_path, capsys):
    """The issue's storm, for a newcomer: dozens of reports about one fallen tree on many channels become one incident."""
    import json as _json

    from newsroom.cli.main import main

    assert main(["--data-dir", str(tmp_path), "--demo", "demo", "storm", "--json"]) == 0
    out = _json.loads(capsys.readouterr().out)
    assert out["imported"] == 47
    top = out["incidents"][0]
    assert top["reporters"] >= 35 and "Van Goghstraat" in top["title"]
    assert main(["--data-dir", str(tmp_path), "demo", "storm"]) == 1  # never into a desk's own data
    assert "--demo" in capsys.readouterr().err
