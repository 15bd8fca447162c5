"""Bad input gets a clear message and loses nothing (part 9), at the core's level.

The same problems met through the command line are in tests/cli/.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from newsroom.casefile import case_detail
from newsroom.db import engine as engine_module
from newsroom.db.engine import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    open_database,
    sqlite_url,
)
from newsroom.export import export_jsonl
from newsroom.importer import import_lines
from newsroom.inbound import InvalidItem, parse_item
from newsroom.model import Message, MessageRaw
from tests.core.conftest import ingest, item_dict, make_item


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


# -- damaged, locked, unwritable ---------------------------------------------------------


def test_a_file_of_random_bytes_is_refused_unchanged(tmp_path):
    path = tmp_path / "newsroom.sqlite3"
    path.write_bytes(os.urandom(64 * 1024))
    before = digest(path)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(sqlite_url(path))
    message = str(caught.value)
    assert str(path) in message and "not been changed" in message
    assert digest(path) == before


@pytest.fixture(scope="module")
def real_database(tmp_path_factory) -> bytes:
    """The bytes of a real Newsroom database with a few hundred messages."""
    path = tmp_path_factory.mktemp("real") / "newsroom.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        ingest(db, *[make_item(f"m{i}", text=f"bericht {i} " + "over de container " * 50) for i in range(200)])
    finally:
        db.close()
    return path.read_bytes()


@pytest.mark.parametrize("keep", [100, 5000, 0.5, 0.9])
def test_a_truncated_database_is_refused_unchanged(tmp_path, real_database, keep):
    size = keep if isinstance(keep, int) else int(len(real_database) * keep)
    path = tmp_path / "newsroom.sqlite3"
    path.write_bytes(real_database[:size])
    before = digest(path)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(sqlite_url(path))
    message = str(caught.value)
    assert str(path) in message
    assert "damaged" in message or "not an SQLite file" in message or "not a Newsroom database" in message
    assert digest(path) == before


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "newsroom.sqlite3"
    path.write_bytes(b"")
    open_database(sqlite_url(path)).close()
    assert path.stat().st_size > 0


@pytest.fixture
def short_busy_timeout(monkeypatch):
    # Five seconds of waiting for a lock is right for a person, slow for a test.
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)


def _hold_lock(path: Path, mode: str = "EXCLUSIVE") -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute(f"BEGIN {mode}")
    other.execute("INSERT INTO tags (name) VALUES ('held-by-another-program')")
    return other


def test_a_locked_database_gives_a_clear_message(tmp_path, short_busy_timeout):
    path = tmp_path / "newsroom.sqlite3"
    db = open_database(sqlite_url(path))
    ingest(db, make_item("m1"))
    other = _hold_lock(path)
    try:
        with pytest.raises(DatabaseLocked) as caught:
            ingest(db, make_item("m2"))
        assert "locked" in str(caught.value)
        # Opening only reads (WAL), so the desk still opens and shows its cases.
        reader = open_database(sqlite_url(path))
        with reader.read() as conn:
            assert conn.execute(select(Message.external_id)).scalars().all() == ["m1"]
        reader.close()
    finally:
        other.rollback()
        other.close()
        db.close()
    # Nothing was lost: the first message is there, and work goes on once the lock is gone.
    db = open_database(sqlite_url(path))
    try:
        ingest(db, make_item("m2"))
        with db.read() as conn:
            assert sorted(conn.execute(select(Message.external_id)).scalars()) == ["m1", "m2"]
    finally:
        db.close()


def test_reading_while_another_program_writes(tmp_path, short_busy_timeout):
    """WAL lets the desktop read while a collector writes (engine.py); opening must not need the write lock."""
    path = tmp_path / "newsroom.sqlite3"
    open_database(sqlite_url(path)).close()
    other = _hold_lock(path, "IMMEDIATE")
    try:
        db = open_database(sqlite_url(path))
        try:
            with db.read() as conn:
                assert conn.execute(select(Message.id)).all() == []
        finally:
            db.close()
    finally:
        other.rollback()
        other.close()


def test_a_data_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    path = blocker / "sub" / "newsroom.sqlite3"
    with pytest.raises(DatabaseError) as caught:
        open_database(sqlite_url(path))
    message = str(caught.value)
    assert "data folder" in message and "--data-dir" in message
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a 0500 folder anyway")
def test_a_data_folder_that_cannot_be_written(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(sqlite_url(folder / "newsroom.sqlite3"))
        assert "cannot be written" in str(caught.value)
    finally:
        folder.chmod(0o700)


# -- content that must survive byte for byte -------------------------------------------------

NASTY = [
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "<b>vet</b> &amp; &lt;geen&gt; <!-- commentaar -->",
    "abc\u202edcba\u202c RTL-override",
    "zero\u200bwidth\u200c\u200d\ufeffjoiners",
    "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed",
    "combining e\u0301 vs \u00e9, NFC and NFD stay as typed",
    "emoji 👩🏽‍🚒🇳🇱 and a lone \r carriage return\r\n and tabs\t",
    "'; DROP TABLE messages; --",
    "back\\slash \"quotes\" and %s %(name)s {0} ? :param",
]


def test_html_script_rtl_and_zero_width_text_is_kept_byte_for_byte(db, tmp_path):
    objs = [item_dict(f"n{i}", text=text, subject=text[:50], author={"name": text[:40], "handle": "@x"})
            for i, text in enumerate(NASTY)]
    report = import_lines(db, [line(o) for o in objs], source="nasty.jsonl")
    assert (report.imported, report.rejected) == (len(NASTY), 0)
    with db.read() as conn:
        rows = {r.external_id: r for r in conn.execute(select(Message))}
        raws = dict(conn.execute(select(MessageRaw.message_id, MessageRaw.payload)).all())
        details = {i: case_detail(conn, rows[f"n{i}"].case_id) for i in range(len(NASTY))}
    for i, text in enumerate(NASTY):
        row = rows[f"n{i}"]
        assert row.text.encode() == text.encode()
        assert row.subject == text[:50]
        assert row.author_name == text[:40]
        assert json.loads(raws[row.id]) == objs[i]
        assert details[i]["messages"][0]["text"] == text
    out = tmp_path / "export.jsonl"
    with open(out, "w", encoding="utf-8") as handle:
        export_jsonl(db, handle)
    exported = {}
    for raw_line in out.read_bytes().splitlines():
        case = json.loads(raw_line)
        for m in case["messages"]:
            exported[m["external_id"]] = m["text"]
    for i, text in enumerate(NASTY):
        assert exported[f"n{i}"] == text


def test_a_one_megabyte_message_imports_and_shows(db):
    text = ("Geachte gemeente, " + "bla " * 262_144)[: 1024 * 1024]
    report = import_lines(db, [line(item_dict("big", text=text, platform="email", channel="info@gemeente.example"))],
                          source="big.jsonl")
    assert report.imported == 1 and report.rejected == 0
    with db.read() as conn:
        case_id = conn.execute(select(Message.case_id)).scalar_one()
        detail = case_detail(conn, case_id)
    assert detail["messages"][0]["text"] == text
    assert len(detail["messages"][0]["text"]) == 1024 * 1024


def test_a_nul_character_in_text_is_replaced_not_lost(db):
    ingest(db, item_dict("nul", text="voor\x00na"))
    with db.read() as conn:
        assert conn.execute(select(Message.text)).scalar_one() == "voor\ufffdna"


# -- malformed lines ---------------------------------------------------------------


def test_malformed_and_truncated_lines_are_rejected_and_the_rest_imported(db, tmp_path):
    good1 = line(item_dict("g1"))
    good2 = line(item_dict("g2"))
    lines = [
        good1,
        b"\n",
        good1[: len(good1) // 2] + b"\n",  # truncated in the middle
        b"\xff\xfe not utf-8 \xc3\x28\n",
        b"[1, 2, 3]\n",
        b"{\"platform\": \"mastodon\"}\n",
        line(item_dict("bad-date", received_at="2026-11-02 08:00")),
        b"   \n",
        good2[:-1],  # the last line without its newline
    ]
    rejects = tmp_path / "rejects.jsonl"
    report = import_lines(db, lines, source="mixed.jsonl", rejects_path=rejects)
    assert report.imported == 2
    assert report.rejected == 5
    assert [r.line for r in report.rejects] == [3, 4, 5, 6, 7]
    assert all(r.reason for r in report.rejects)
    assert "UTF-8" in report.rejects[1].reason
    assert report.rejects_file == str(rejects)
    written = rejects.read_bytes().splitlines()
    assert len(written) == 10  # a record and the verbatim line for each
    first = json.loads(written[0])
    assert first["line"] == 3 and first["reason"] and first["source"] == "mixed.jsonl"
    assert written[1] == good1[: len(good1) // 2].strip()
    assert written[3] == b"\xff\xfe not utf-8 \xc3\x28"
    with db.read() as conn:
        assert sorted(conn.execute(select(Message.external_id)).scalars()) == ["g1", "g2"]
    again = import_lines(db, lines, source="mixed.jsonl")
    assert (again.imported, again.duplicates, again.rejected) == (0, 2, 5)


def test_deeply_nested_json_is_rejected(db):
    report = import_lines(db, [b"[" * 100_000 + b"]" * 100_000 + b"\n", line(item_dict("ok"))], source="deep")
    assert (report.imported, report.rejected) == (1, 1)


INVALID_DATES = [
    "2026-13-01T08:00:00+01:00",
    "2026-02-30T08:00:00+01:00",
    "2026-11-02T25:00:00+01:00",
    "2026-11-02T08:00:00",  # no offset
    "2026-11-02",
    "gisteren",
    "",
    "2026-11-02T08:00:00+25:00",
    1764059400,
    None,
    ["2026-11-02T08:00:00Z"],
]


@pytest.mark.parametrize("value", INVALID_DATES, ids=repr)
def test_invalid_dates_are_rejected_with_a_reason(value):
    obj = item_dict("d")
    obj["received_at"] = value
    with pytest.raises(InvalidItem) as caught:
        parse_item(obj)
    assert "received_at" in caught.value.reason


def test_valid_dates_in_any_offset_become_utc():
    assert parse_item(item_dict("d", received_at="2026-11-02T08:00:00Z")).received_at.isoformat() == "2026-11-02T08:00:00+00:00"
    assert parse_item(item_dict("d", received_at="2026-11-02T09:00:00+01:00")).received_at.isoformat() == "2026-11-02T08:00:00+00:00"
    assert parse_item(item_dict("d", received_at="2026-11-02T08:00:00.123456-05:30")).received_at.hour == 13


# -- lines that crash instead of being rejected -------------------------------------------------

CRASHING = {
    "year-1-with-offset": lambda: item_dict("c", received_at="0001-01-01T00:00:00+01:00"),
    "year-9999-negative-offset": lambda: item_dict("c", received_at="9999-12-31T23:59:59-01:00"),
    "platform-is-a-list": lambda: {**item_dict("c"), "platform": ["mastodon"]},
    "platform-is-an-object": lambda: {**item_dict("c"), "platform": {"name": "x"}},
    "huge-latitude": lambda: item_dict("c", location={"lat": 10**400, "lon": 5}),
}


@pytest.mark.parametrize("make", CRASHING.values(), ids=CRASHING.keys())
def test_odd_values_are_rejected_not_crashed_on(make):
    with pytest.raises(InvalidItem) as caught:
        parse_item(make())
    assert caught.value.reason


CRASHING_LINES = {
    "integer-with-5000-digits": b'{"platform": "mastodon", "external_id": ' + b"1" * 5000 + b"}\n",
    "lone-surrogate-in-text": line(item_dict("s", text="SURROGATE kapot")).replace(b"SURROGATE", b"\\ud800"),
    "year-1-with-offset": line(item_dict("c", received_at="0001-01-01T00:00:00+01:00")),
    "platform-is-a-list": line({**item_dict("c"), "platform": ["mastodon"]}),
}


@pytest.mark.parametrize("bad", CRASHING_LINES.values(), ids=CRASHING_LINES.keys())
def test_the_importer_keeps_going_after_any_bad_line(db, bad):
    lines = [line(item_dict("before")), bad, line(item_dict("after"))]
    report = import_lines(db, lines, source="odd.jsonl")
    assert report.imported + report.rejected == 3
    with db.read() as conn:
        stored = set(conn.execute(select(Message.external_id)).scalars())
    assert {"before", "after"} <= stored


def test_nul_characters_inside_the_raw_payload_and_address_are_kept(db):
    obj = item_dict("nul2", raw={"body": "a\x00b", "nested": ["\x00"]}, location={"address": "Straat\x001"})
    report = import_lines(db, [line(obj)], source="nul.jsonl")
    assert report.imported == 1, report.rejects
    with db.read() as conn:
        raw = conn.execute(select(MessageRaw.payload)).scalar_one()
        case_id = conn.execute(select(Message.case_id)).scalar_one()
        detail = case_detail(conn, case_id)
    assert json.loads(raw) == {"body": "a\x00b", "nested": ["\x00"]}
    assert detail["messages"][0]["location"] == {"address": "Straat\x001"}
