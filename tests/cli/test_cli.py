"""The command line, run in-process: `newsroom.cli.main.main([...])` (NEWSROOM_DATA is per test)."""
from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom.cli.main import main
from tests.core.conftest import item_dict


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)

    @property
    def lines(self) -> list:
        return [json.loads(x) for x in self.out.splitlines() if x.strip()]


@pytest.fixture(autouse=True)
def _no_user_from_the_environment(monkeypatch):
    monkeypatch.delenv("NEWSROOM_USER", raising=False)


def make_cli(capsys, monkeypatch):
    """A function cli(*argv, stdin=bytes|None) -> Result that runs main() in-process; never a traceback on stderr."""

    def run(*argv: str, stdin: bytes | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err, captured.err
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli(capsys, monkeypatch):
    return make_cli(capsys, monkeypatch)


def ok(result: Result) -> Result:
    assert result.code == 0, result.err
    return result


def fails(result: Result, *words: str, code: int = 1) -> Result:
    assert result.code == code, (result.code, result.out, result.err)
    assert result.err.strip(), "no message on stderr"
    for word in words:
        assert word in result.err, (word, result.err)
    return result


def write_jsonl(path: Path, objs) -> Path:
    path.write_bytes(b"".join(
        (o if isinstance(o, bytes) else json.dumps(o, ensure_ascii=False).encode()) + b"\n" for o in objs
    ))
    return path


def staff(cli):
    """Departments Afval and Parkeren; admin beheer, operators sanne and ahmed, supervisor marieke,
    department agent joost (Afval)."""
    ok(cli("department", "add", "Afval", "--description", "containers"))
    ok(cli("department", "add", "Parkeren"))
    ok(cli("user", "add", "beheer", "--role", "admin", "--display-name", "Beheerder"))
    for name, role, extra in (("sanne", "operator", []), ("ahmed", "operator", []), ("marieke", "supervisor", []),
                              ("joost", "department_agent", ["--department", "Afval"])):
        ok(cli("user", "add", name, "--role", role, *extra, "--as", "beheer"))
    return cli


@pytest.fixture
def staffed(cli):
    return staff(cli)


THREAD = [
    item_dict("p1", text="De container in de Kerkstraat is vol", minutes=0),
    item_dict("p2", text="Lantaarnpaal kapot bij het station", minutes=5, platform="bluesky", channel="@stad.bsky.social"),
    item_dict("r1", text="Nog steeds vol, graag legen", minutes=30, in_reply_to="p1"),
    item_dict("p3", text="Parkeervergunning aanvragen?", minutes=10),
    item_dict("p4", text="Paspoort afspraak maken", minutes=20, platform="email", channel="info@gemeente.example",
              subject="Afspraak"),
]


@pytest.fixture
def loaded(staffed, tmp_path):
    """`staffed` plus the items of THREAD imported: cases 1..4 (p1+r1, p2, p3, p4)."""
    ok(staffed("import", write_jsonl(tmp_path / "in.jsonl", THREAD), "--json"))
    return staffed


def case_ids_by_external_id(cli) -> dict[str, int]:
    out = {}
    for case in ok(cli("export", "--jsonl")).lines:
        for m in case["messages"]:
            out[m["external_id"]] = case["id"]
    return out


# -- departments and users -----------------------------------------------------------


def test_department_add_and_list(cli):
    added = ok(cli("department", "add", "Afval en Reiniging", "--description", "containers", "--json")).json
    assert added == {"id": added["id"], "name": "Afval en Reiniging"}
    ok(cli("department", "add", "Burgerzaken"))
    listed = ok(cli("department", "list", "--json")).json
    assert [d["name"] for d in listed] == ["Afval en Reiniging", "Burgerzaken"]
    assert listed[0]["description"] == "containers"
    human = ok(cli("department", "list")).out
    assert "Afval en Reiniging" in human and "Burgerzaken" in human
    fails(cli("department", "add", "burgerzaken"), "already")


def test_user_add_and_list_and_the_admin_rule(cli):
    ok(cli("department", "add", "Afval"))
    ok(cli("user", "add", "sanne", "--role", "operator"))  # no admin yet: setup is open
    ok(cli("user", "add", "beheer", "--role", "admin"))
    fails(cli("user", "add", "ahmed", "--role", "operator"), "admin", "--as")
    fails(cli("user", "add", "ahmed", "--role", "operator", "--as", "sanne"), "sanne")
    err = fails(cli("user", "add", "ahmed", "--role", "operator", "--as", "sanne", "--json"))
    assert json.loads(err.err) == {"error": json.loads(err.err)["error"], "kind": "denied"}
    added = ok(cli("user", "add", "joost", "--role", "department_agent", "--department", "Afval",
                   "--display-name", "Joost Bakker", "--as", "beheer", "--json")).json
    assert added["name"] == "joost" and added["role"] == "department_agent" and added["department"] == "Afval"
    users = {u["name"]: u for u in ok(cli("user", "list", "--json")).json}
    assert set(users) == {"beheer", "joost", "sanne"}
    assert users["joost"] == {"id": users["joost"]["id"], "name": "joost", "display_name": "Joost Bakker",
                              "role": "department_agent", "department": "Afval", "active": True}
    assert users["sanne"]["department"] is None
    assert "joost" in ok(cli("user", "list")).out


def test_user_add_refusals(staffed):
    fails(staffed("user", "add", "kees", "--role", "department_agent", "--as", "beheer"), "department")
    fails(staffed("user", "add", "kees", "--role", "department_agent", "--department", "Nergens", "--as", "beheer"),
          "Nergens")
    fails(staffed("user", "add", "Kees Hoofdletter", "--role", "operator", "--as", "beheer"))
    fails(staffed("user", "add", "kees", "--role", "baas", "--as", "beheer"), code=2)
    fails(staffed("user", "add", "kees", "--role", "operator", "--as", "nobody"), "nobody")


# -- import ----------------------------------------------------------------------------------


def test_import_counts_rejects_and_twice_adds_nothing(cli, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        *THREAD,
        b'{"platform": "mastodon", "channel": "@x"',  # truncated
        item_dict("bad", received_at="gisteren"),
        b"\xff\xfe",
    ])
    report = ok(cli("import", path, "--json")).json
    assert {k: report[k] for k in ("imported", "duplicates", "rejected", "new_cases", "lines")} == {
        "imported": 5, "duplicates": 0, "rejected": 3, "new_cases": 4, "lines": 8}
    assert [r["line"] for r in report["rejects"]] == [6, 7, 8]
    assert "received_at" in report["rejects"][1]["reason"]
    rejects = Path(report["rejects_file"])
    assert rejects.is_relative_to(Path(os.environ["NEWSROOM_DATA"]))
    written = rejects.read_bytes().splitlines()
    assert [json.loads(written[i])["line"] for i in (0, 2, 4)] == [6, 7, 8]
    assert written[5] == b"\xff\xfe"
    again = ok(cli("import", path, "--json")).json
    assert (again["imported"], again["duplicates"], again["rejected"]) == (0, 5, 3)
    assert ok(cli("inbox", "--json")).json["total"] == 4


def test_import_human_output_and_rejects_on_stderr(cli, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [item_dict("a"), b"not json"])
    result = ok(cli("import", path, "--rejects", tmp_path / "my-rejects.jsonl"))
    assert "imported 1" in result.out and "rejected 1" in result.out
    assert "line 2" in result.err and "my-rejects.jsonl" in result.err
    assert (tmp_path / "my-rejects.jsonl").exists()


def test_import_reads_stdin(cli):
    data = b"".join(json.dumps(o).encode() + b"\n" for o in THREAD)
    report = ok(cli("import", "-", "--json", stdin=data)).json
    assert report["imported"] == 5
    assert ok(cli("inbox", "--json")).json["total"] == 4


def test_import_of_a_missing_file(cli, tmp_path):
    fails(cli("import", tmp_path / "nope.jsonl"), "cannot read", "nope.jsonl")


# -- inbox -------------------------------------------------------------------------------------


def test_inbox_json_shape(loaded):
    page = ok(loaded("inbox", "--json")).json
    assert set(page) == {"total", "items", "next"}
    assert page["total"] == 4 and len(page["items"]) == 4 and page["next"] is None
    first = page["items"][0]
    assert set(first) >= {"id", "status", "priority", "department", "assignee", "platform", "channel", "author",
                          "subject", "snippet", "message_count", "created_at", "last_message_at", "due_at", "tags"}
    # Due order without due times: the oldest first.
    assert [i["created_at"] for i in page["items"]] == sorted(i["created_at"] for i in page["items"])
    human = ok(loaded("inbox")).out
    assert "4 cases" in human


def test_inbox_filters(loaded):
    ids = case_ids_by_external_id(loaded)
    p1, p2, p3, p4 = ids["p1"], ids["p2"], ids["p3"], ids["p4"]
    ok(loaded("case", "claim", p1, "--as", "sanne"))
    ok(loaded("case", "route", p2, "Afval", "--as", "sanne"))
    ok(loaded("case", "tag", p3, "Grof Vuil", "--as", "sanne"))
    ok(loaded("case", "priority", p4, "urgent", "--as", "sanne"))
    ok(loaded("case", "status", p4, "waiting_on_citizen", "--as", "sanne"))

    def listed(*args):
        page = ok(loaded("inbox", "--json", *args)).json
        assert page["total"] == len(page["items"])
        return {i["id"] for i in page["items"]}

    assert listed("--status", "open") == {p1}
    assert listed("--status", "new,waiting_on_citizen") == {p2, p3, p4}
    assert listed("--department", "afval") == {p2}
    assert listed("--assignee", "sanne") == {p1}
    assert listed("--mine", "--as", "sanne") == {p1}
    assert listed("--unassigned") == {p2, p3, p4}
    assert listed("--channel", "@stad.bsky.social") == {p2}
    assert listed("--tag", "grof-vuil") == {p3}
    assert listed("--tag", "nog-nooit") == set()
    assert listed("--priority", "urgent") == {p4}
    assert listed("--search", "container") == {p1}
    assert listed("--search", "paspo*", "--order", "newest") == {p4}
    items = ok(loaded("inbox", "--json", "--order", "newest")).json["items"]
    assert [i["id"] for i in items][0] == p1  # its reply is the newest message
    assert items[0]["assignee"] == "sanne" and items[0]["message_count"] == 2


def test_inbox_paging_with_after(loaded):
    seen, after = [], None
    for _ in range(10):
        args = ["inbox", "--json", "--limit", "3"] + (["--after", after] if after else [])
        page = ok(loaded(*args)).json
        assert page["total"] == 4
        seen += [i["id"] for i in page["items"]]
        after = page["next"]
        if after is None:
            break
    everything = [i["id"] for i in ok(loaded("inbox", "--json")).json["items"]]
    assert seen == everything and len(set(seen)) == 4
    human = ok(loaded("inbox", "--limit", "2")).out
    assert "--after" in human


def test_inbox_errors(loaded):
    fails(loaded("inbox", "--department", "Nergens"), "Nergens")
    fails(loaded("inbox", "--assignee", "nobody"), "nobody")
    fails(loaded("inbox", "--status", "klaar"), "klaar")
    fails(loaded("inbox", "--after", "not-a-cursor"), "cursor")
    fails(loaded("inbox", "--limit", "0"), "limit")
    fails(loaded("inbox", "--mine"), "--as")
    fails(loaded("inbox", "--search=-alleen-uitsluiten"), "word")
    fails(loaded("inbox", "--order", "relevance"), "search")
    fails(loaded("inbox", "--order", "oldest"), code=2)


# -- cases -------------------------------------------------------------------------------------


def test_case_show_json_is_the_export_shape_with_names(loaded):
    ids = case_ids_by_external_id(loaded)
    p1 = ids["p1"]
    ok(loaded("case", "claim", p1, "--as", "sanne"))
    ok(loaded("case", "note", p1, "Melder belt terug", "--as", "sanne"))
    shown = ok(loaded("case", "show", p1, "--json")).json
    exported = {c["id"]: c for c in ok(loaded("export", "--jsonl")).lines}[p1]
    assert shown == exported
    assert shown["assignee"] == "sanne"
    assert shown["status"] == "open"
    assert [m["external_id"] for m in shown["messages"]] == ["p1", "r1"]
    assert shown["messages"][1]["in_reply_to"] == "p1"
    assert shown["notes"][0]["author"] == "sanne" and shown["notes"][0]["text"] == "Melder belt terug"
    human = ok(loaded("case", "show", p1)).out
    assert "Nog steeds vol, graag legen" in human and "Melder belt terug" in human
    fails(loaded("case", "show", 999), "999")


def test_every_case_subcommand(loaded, tmp_path):
    ids = case_ids_by_external_id(loaded)
    p1, p2, p3 = ids["p1"], ids["p2"], ids["p3"]

    def act(*args):
        change = ok(loaded("case", *map(str, args), "--json")).json
        assert {"action", "object_type", "object_id", "case_ids", "fields", "created"} <= set(change)
        return change

    def show(case_id):
        return ok(loaded("case", "show", case_id, "--json")).json

    assert act("claim", p1, "--as", "sanne")["fields"]["assignee"] == [None, "sanne"]
    fails(loaded("case", "claim", p1, "--as", "ahmed"), "sanne")
    act("release", p1, "--as", "sanne")
    assert show(p1)["assignee"] is None
    act("route", p1, "Afval", "--as", "sanne")
    assert show(p1)["department"] == "Afval"
    act("assign", p1, "joost", "--as", "sanne")
    assert show(p1)["assignee"] == "joost"
    assert act("tag", p1, "Grof Vuil", "--as", "sanne")["fields"] == {"tags": [None, "grof-vuil"]}
    act("tag", p1, "spoed", "--as", "sanne")
    act("untag", p1, "SPOED", "--as", "sanne")
    assert show(p1)["tags"] == ["grof-vuil"]
    fails(loaded("case", "untag", p1, "spoed", "--as", "sanne"), "spoed")
    act("note", p1, "eerste notitie", "--as", "sanne")
    act("note", p1, "--text", "tweede notitie", "--as", "sanne")
    ok(loaded("case", "note", p1, "-", "--as", "sanne", stdin=b"derde notitie\nover twee regels"))
    assert [n["text"] for n in show(p1)["notes"]] == ["eerste notitie", "tweede notitie", "derde notitie\nover twee regels"]
    act("status", p1, "waiting_on_citizen", "--as", "sanne")
    act("priority", p1, "high", "--as", "sanne")
    act("draft", p1, "Beste melder,", "--as", "sanne")
    act("draft", p1, "Beste melder, we legen hem morgen.", "--as", "sanne")
    case = show(p1)
    assert case["status"] == "waiting_on_citizen" and case["priority"] == "high"
    assert [(r["author"], r["state"], r["text"]) for r in case["replies"]] == [
        ("sanne", "draft", "Beste melder, we legen hem morgen.")]
    merged = act("merge", p3, "--into", p1, "--as", "sanne")
    assert merged["case_ids"] == [p1, p3]
    case = show(p1)
    assert [m["external_id"] for m in case["messages"]] == ["p1", "p3", "r1"]
    assert show(p3)["merged_into"] == p1
    r1 = next(m["id"] for m in case["messages"] if m["external_id"] == "r1")
    split = act("split", r1, "--as", "sanne")
    new_case = split["created"]["case"]
    assert [m["external_id"] for m in show(new_case)["messages"]] == ["r1"]
    assert [m["external_id"] for m in show(p1)["messages"]] == ["p1", "p3"]
    history = [h["action"] for h in show(p1)["history"]]
    for action in ("claim", "release", "route", "assign", "tag", "untag", "note", "set_status", "set_priority",
                   "draft_reply", "merge"):
        assert action in history
    human = ok(loaded("case", "priority", p2, "low", "--as", "sanne")).out
    assert "priority" in human and "normal -> low" in human


def test_case_actions_need_known_people_and_things(loaded):
    ids = case_ids_by_external_id(loaded)
    p1 = ids["p1"]
    fails(loaded("case", "claim", p1, "--as", "nobody"), "nobody")
    fails(loaded("case", "claim", p1), "--as")
    fails(loaded("case", "route", p1, "Riolering", "--as", "sanne"), "Riolering")
    fails(loaded("case", "assign", p1, "nobody", "--as", "sanne"), "nobody")
    fails(loaded("case", "claim", 999, "--as", "sanne"), "999")
    fails(loaded("case", "merge", p1, "--into", p1, "--as", "sanne"))
    fails(loaded("case", "note", p1, "--as", "sanne"), "text")
    fails(loaded("case", "note", p1, "   ", "--as", "sanne"))
    err = fails(loaded("case", "route", p1, "Riolering", "--as", "sanne", "--json")).err
    assert json.loads(err)["kind"] == "not_found"


def test_newsroom_user_from_the_environment(loaded, monkeypatch):
    ids = case_ids_by_external_id(loaded)
    monkeypatch.setenv("NEWSROOM_USER", "ahmed")
    change = ok(loaded("case", "claim", ids["p2"], "--json")).json
    assert change["fields"]["assignee"] == [None, "ahmed"]


# -- export --------------------------------------------------------------------------------


def test_export_jsonl(loaded, tmp_path):
    ids = case_ids_by_external_id(loaded)
    ok(loaded("case", "claim", ids["p1"], "--as", "sanne"))
    ok(loaded("case", "note", ids["p1"], "notitie", "--as", "sanne"))
    ok(loaded("case", "merge", ids["p3"], "--into", ids["p1"], "--as", "sanne"))
    cases = ok(loaded("export", "--jsonl")).lines
    assert len(cases) == 4  # the merged case is exported too, as a pointer
    by_id = {c["id"]: c for c in cases}
    p1 = by_id[ids["p1"]]
    for key in ("id", "status", "priority", "department", "assignee", "messages", "notes", "history", "tags",
                "replies", "created_at", "merged_into"):
        assert key in p1
    assert p1["assignee"] == "sanne"
    for m in p1["messages"]:
        assert {"external_id", "channel", "platform", "direction", "text", "received_at", "author"} <= set(m)
        assert m["direction"] == "in"
    assert p1["messages"][0]["channel"] == "@gemeente@social.example"
    assert p1["notes"][0]["text"] == "notitie"
    assert [h["action"] for h in p1["history"]][-3:] == ["claim", "note", "merge"]
    assert all({"at", "actor", "action", "result", "origin"} <= set(h) for h in p1["history"])
    assert by_id[ids["p3"]]["merged_into"] == ids["p1"] and by_id[ids["p3"]]["messages"] == []
    out = tmp_path / "alles.jsonl"
    summary = ok(loaded("export", "--jsonl", "-o", out, "--json")).json
    assert summary == {"cases": 4, "output": str(out)}
    assert [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] == cases
    fails(loaded("export", "-o", tmp_path / "missing" / "x.jsonl"), "cannot write")


# -- demo ----------------------------------------------------------------------------------


def test_demo_feed(cli):
    result = ok(cli("demo", "feed", "--count", "40", "--seed", "3", "--json")).json
    assert result == {"imported": 40, "duplicates": 0}
    page = ok(cli("inbox", "--json", "--limit", "1000")).json
    assert 1 <= page["total"] <= 40
    assert sum(i["message_count"] for i in page["items"]) == 40
    again = ok(cli("demo", "feed", "--count", "40", "--seed", "3", "--json")).json
    assert again["imported"] + again["duplicates"] == 40
    fails(cli("demo", "feed", "--count", "-1"), "--count")


def test_demo_feed_late_at_night_brings_no_message_from_the_future(cli, monkeypatch):
    import newsroom.timeutil

    now = datetime(2026, 11, 28, 1, 10, tzinfo=UTC)  # 02:10 on a Saturday in Amsterdam: long night gaps
    monkeypatch.setattr(newsroom.timeutil, "utcnow", lambda: now)
    ok(cli("demo", "feed", "--count", "200", "--seed", "3", "--json"))
    newest = ok(cli("inbox", "--json", "--order", "newest", "--limit", "1")).json["items"][0]
    assert datetime.fromisoformat(newest["last_message_at"]) <= now


def test_demo_uses_its_own_seeded_folder(cli):
    data = Path(os.environ["NEWSROOM_DATA"])
    page = ok(cli("--demo", "inbox", "--json", "--limit", "5")).json
    assert page["total"] > 0 and len(page["items"]) == 5
    assert (data / "demo").is_dir()
    assert any(p.name.endswith(".sqlite3") for p in (data / "demo").iterdir())
    assert not any(p.name.endswith(".sqlite3") for p in data.iterdir() if p.is_file())
    users = {u["name"] for u in ok(cli("--demo", "user", "list", "--json")).json}
    assert "sanne" in users
    # The demo data is seeded once, and never shows in the real data.
    assert ok(cli("--demo", "inbox", "--json")).json["total"] == page["total"]
    assert ok(cli("inbox", "--json")).json["total"] == 0
    assert ok(cli("user", "list", "--json")).json == []
    # Subcommand position of --demo works too.
    assert ok(cli("inbox", "--demo", "--json")).json["total"] == page["total"]


def test_newsroom_data_selects_the_folder(cli, tmp_path, monkeypatch):
    other = tmp_path / "other-data"
    monkeypatch.setenv("NEWSROOM_DATA", str(other))
    ok(cli("department", "add", "Elders"))
    assert (other / "newsroom.sqlite3").exists()


def test_demo_feed_at_a_rate_and_demo_reset(cli):
    seeded = ok(cli("--demo", "inbox", "--json")).json["total"]
    fed = ok(cli("--demo", "demo", "feed", "--count", "3", "--rate", "500", "--seed", "5", "--json")).json
    assert fed["imported"] + fed["duplicates"] == 3
    assert ok(cli("--demo", "export", "--jsonl")).out.count("\n") >= seeded
    assert ok(cli("--demo", "--reset", "inbox", "--json")).json["total"] == seeded
    assert ok(cli("inbox", "--json")).json["total"] == 0  # never the real data


def test_data_dir_overrides_newsroom_data(cli, tmp_path):
    other = tmp_path / "elsewhere"
    ok(cli("department", "add", "Afval", "--data-dir", other))
    assert [d["name"] for d in ok(cli("department", "list", "--json", "--data-dir", other)).json] == ["Afval"]
    assert ok(cli("department", "list", "--json")).json == []


# -- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["case", "claim", "abc"],
    ["case"],
    ["frobnicate"],
    ["case", "status", "1", "new"],
    ["inbox", "--limit", "many"],
    ["case", "merge", "1"],
])
def test_usage_errors_exit_2(cli, argv):
    result = cli(*argv)
    assert result.code == 2
    assert "usage" in result.err.lower()


def test_version_and_help(cli):
    assert cli("--version").code == 0
    assert ok(cli("inbox", "--help")).out.count("--search") >= 1
