"""Bad input through the command line: a clear message on stderr, exit code 1, no traceback, nothing lost."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from newsroom.db import engine as engine_module
from tests.cli.test_cli import fails, make_cli, ok, staff, write_jsonl
from tests.core.conftest import item_dict


@pytest.fixture(autouse=True)
def _no_user_from_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSROOM_USER", raising=False)


@pytest.fixture
def cli(capsys, monkeypatch):
    return make_cli(capsys, monkeypatch)


@pytest.fixture
def staffed(cli):
    return staff(cli)


def data_dir() -> Path:
    return Path(os.environ["NEWSROOM_DATA"])


def database_file() -> Path:
    return data_dir() / "newsroom.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_corrupt_database_file(cli):
    data_dir().mkdir(parents=True)
    database_file().write_bytes(os.urandom(20_000))
    before = digest(database_file())
    for argv in (["inbox"], ["inbox", "--json"], ["department", "add", "Afval"]):
        result = fails(cli(*argv))
        assert "newsroom.sqlite3" in result.err
        assert "not been changed" in result.err or '"kind"' in result.err
    assert digest(database_file()) == before


def test_a_truncated_database_file(cli):
    # Made and closed here rather than by an earlier in-process command, whose
    # connection would still hold the file (as a separate process would not).
    from newsroom.db.engine import open_database, sqlite_url
    from tests.core.conftest import ingest

    db = open_database(sqlite_url(database_file()))
    ingest(db, *[item_dict(f"m{i}", text="tekst " * 300) for i in range(100)])
    db.close()
    data = database_file().read_bytes()
    database_file().write_bytes(data[: len(data) // 2])
    before = digest(database_file())
    result = fails(cli("inbox"))
    assert "damaged" in result.err
    assert digest(database_file()) == before


def test_a_locked_database(cli, monkeypatch):
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    ok(cli("department", "add", "Afval"))
    other = sqlite3.connect(database_file(), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO tags (name) VALUES ('held')")
    try:
        result = fails(cli("department", "add", "Parkeren"), "locked")
        assert "try again" in result.err
        err = fails(cli("department", "add", "Parkeren", "--json")).err
        assert "locked" in json.loads(err)["error"]
    finally:
        other.rollback()
        other.close()
    ok(cli("department", "add", "Parkeren"))
    assert [d["name"] for d in ok(cli("department", "list", "--json")).json] == ["Afval", "Parkeren"]


def test_a_data_folder_that_cannot_be_created(cli, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    fails(cli("inbox", "--data-dir", blocker / "sub"), "Cannot create the data folder", "--data-dir")
    fails(cli("import", "-", "--data-dir", blocker / "sub", stdin=b""), "data folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a 0500 folder anyway")
def test_a_data_folder_that_cannot_be_written(cli, tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        fails(cli("inbox", "--data-dir", folder), "cannot be written")
    finally:
        folder.chmod(0o700)


def test_a_database_from_a_newer_version(cli):
    ok(cli("department", "add", "Afval"))
    # The in-process command leaves its (unreferenced) connections to the
    # garbage collector; close them now, or one closing later would
    # checkpoint the WAL into the file in the middle of the comparison.
    gc.collect()
    with sqlite3.connect(database_file()) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    conn.close()  # the last connection: checkpoints into the file
    before = digest(database_file())
    fails(cli("inbox"), "newer version", "Update Newsroom")
    fails(cli("department", "add", "Parkeren"), "newer version")
    assert digest(database_file()) == before


def test_malformed_truncated_and_invalid_lines(cli, tmp_path):
    good = json.dumps(item_dict("good")).encode()
    path = write_jsonl(tmp_path / "in.jsonl", [
        good,
        good[:40],
        b"\xc3\x28 invalid utf-8",
        json.dumps(item_dict("when", received_at="2026-02-30T10:00:00+01:00")).encode(),
        json.dumps(item_dict("naive", received_at="2026-11-02T10:00:00")).encode(),
        json.dumps({**item_dict("who"), "author": {}}).encode(),
        json.dumps({**item_dict("where"), "platform": "myspace"}).encode(),
    ])
    result = ok(cli("import", path))
    assert "imported 1" in result.out and "rejected 6" in result.out
    for number in range(2, 8):
        assert f"line {number}:" in result.err
    assert "UTF-8" in result.err and "received_at" in result.err and "platform" in result.err


def test_a_one_megabyte_message_imports_and_shows(cli):
    text = "Geachte heer, mevrouw,\n" + ("x" * 1023 + "\n") * 1024
    report = ok(cli("import", "-", "--json", stdin=json.dumps(item_dict("big", text=text)).encode() + b"\n")).json
    assert report["imported"] == 1
    case_id = ok(cli("inbox", "--json")).json["items"][0]["id"]
    shown = ok(cli("case", "show", case_id, "--json")).json
    assert shown["messages"][0]["text"] == text
    human = ok(cli("case", "show", case_id)).out
    assert human.count("x" * 1023) == 1024


def test_html_script_rtl_and_zero_width_round_trip(cli):
    texts = ["<script>alert(1)</script>", "a\u202egnp.exe", "zero\u200bwidth\ufeff", "<img src=x onerror=alert(1)>"]
    stdin = b"".join(json.dumps(item_dict(f"n{i}", text=t), ensure_ascii=False).encode() + b"\n" for i, t in enumerate(texts))
    ok(cli("import", "-", stdin=stdin))
    got = {}
    for case in ok(cli("export", "--jsonl")).lines:
        for m in case["messages"]:
            got[m["external_id"]] = m["text"]
        shown = ok(cli("case", "show", case["id"], "--json")).json
        assert shown["messages"] == case["messages"]
    assert got == {f"n{i}": t for i, t in enumerate(texts)}
    page = ok(cli("inbox", "--json", "--search", "script")).json
    assert page["total"] == 1


def test_unknown_users_and_departments(staffed):
    cli = staffed
    ok(cli("import", "-", stdin=json.dumps(item_dict("a")).encode() + b"\n"))
    case_id = ok(cli("inbox", "--json")).json["items"][0]["id"]
    fails(cli("case", "claim", case_id, "--as", "onbekend"), "onbekend", "user list")
    fails(cli("case", "route", case_id, "Onbekend", "--as", "sanne"), "Onbekend", "department list")
    fails(cli("case", "assign", case_id, "onbekend", "--as", "sanne"), "onbekend")
    fails(cli("inbox", "--department", "Onbekend"), "Onbekend")
    fails(cli("inbox", "--assignee", "onbekend"), "onbekend")
    fails(cli("inbox", "--channel", "@onbekend"), "@onbekend")
    fails(cli("import", "-", "--as", "onbekend", stdin=b""), "onbekend")
    fails(cli("user", "add", "kees", "--role", "department_agent", "--department", "Onbekend", "--as", "beheer"),
          "Onbekend")
    fails(cli("case", "show", "123456"), "123456")


@pytest.mark.parametrize("bad", [
    b'{"platform": ["mastodon"]}',
    b'{"n": ' + b"9" * 5000 + b"}",
    json.dumps(item_dict("s", text="SURROGATE")).encode().replace(b"SURROGATE", b"\\ud800"),
], ids=["platform-list", "huge-number", "lone-surrogate"])
def test_a_line_the_parser_chokes_on_is_rejected(cli, bad):
    good = json.dumps(item_dict("good")).encode()
    result = cli("import", "-", "--json", stdin=good + b"\n" + bad + b"\n")
    assert result.code == 0, result.err
    assert (result.json["imported"], result.json["rejected"]) == (1, 1)
