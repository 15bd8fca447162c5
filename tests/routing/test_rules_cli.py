"""`newsroom rules …` and the policy/availability handlers, run in-process."""
from __future__ import annotations

import argparse
import ast
import json
from pathlib import Path

import pytest

from newsroom.cli import rules as rule_commands
from newsroom.cli.commands import run
from tests.cli.test_cli import (  # noqa: F401
    _no_user_from_the_environment,
    fails,
    make_cli,
    ok,
    staff,
    write_jsonl,
)
from tests.core.conftest import item_dict

RULE = {"when": {"words_any": ["container"]}, "then": {"department": "Afval", "tags": ["afval"]}}


@pytest.fixture
def cli(capsys, monkeypatch):
    return staff(make_cli(capsys, monkeypatch))


def test_add_list_show_move_disable_remove(cli, tmp_path):
    rule_file = tmp_path / "rule.json"
    rule_file.write_text(json.dumps(RULE))
    added = ok(cli("rules", "add", "--name", "containers", "--file", rule_file, "--as", "beheer", "--json")).json
    first = added["object_id"]
    ok(cli("rules", "add", "--name", "spoed", "--json-definition", '{"when": {"words_any": ["spoed"]}, "then": {"priority": "urgent"}}',
           "--position", "1", "--as", "beheer"))
    listed = ok(cli("rules", "list", "--json")).json
    assert [r["name"] for r in listed] == ["spoed", "containers"] and listed[1]["definition"] == RULE
    human = ok(cli("rules", "list")).out
    assert "1. [" in human and "containers" in human and "words_any" in human
    shown = ok(cli("rules", "show", first, "--json")).json
    assert shown["id"] == first and shown["position"] == 2
    ok(cli("rules", "move", first, "--position", "1", "--as", "beheer"))
    assert ok(cli("rules", "list", "--json")).json[0]["id"] == first
    ok(cli("rules", "disable", first, "--as", "beheer"))
    assert ok(cli("rules", "show", first, "--json")).json["enabled"] is False
    ok(cli("rules", "enable", first, "--as", "beheer"))
    ok(cli("rules", "update", first, "--name", "afval", "--as", "beheer"))
    assert ok(cli("rules", "show", first, "--json")).json["name"] == "afval"
    ok(cli("rules", "remove", first, "--as", "beheer"))
    assert [r["name"] for r in ok(cli("rules", "list", "--json")).json] == ["spoed"]


def test_bad_input_gives_a_message_and_exit_code_1(cli, tmp_path):
    fails(cli("rules", "add", "--name", "x", "--json-definition", RULE and json.dumps(RULE)), "admin", "--as")
    fails(cli("rules", "add", "--name", "x", "--json-definition", json.dumps(RULE), "--as", "sanne"), "may not change routing rules")
    fails(cli("rules", "add", "--name", "x", "--json-definition", "{nope", "--as", "beheer"), "not valid JSON")
    fails(cli("rules", "add", "--name", "x", "--json-definition", "[1]", "--as", "beheer"), "one JSON object")
    fails(cli("rules", "add", "--name", "x", "--json-definition", '{"when": {"kleur": "rood"}, "then": {"tags": ["x"]}}',
              "--as", "beheer"), "Unknown condition 'kleur'")
    fails(cli("rules", "add", "--name", "x", "--json-definition", '{"when": {}, "then": {"department": "Groen"}}',
              "--as", "beheer"), "no department 'Groen'")
    fails(cli("rules", "add", "--name", "x", "--file", tmp_path / "missing.json", "--as", "beheer"), "cannot read")
    fails(cli("rules", "remove", "9", "--as", "beheer"), "no routing rule 9")
    fails(cli("rules", "show", "9"), "no routing rule 9")
    fails(cli("rules", "move", "9", "--position", "x", "--as", "beheer"), code=2)
    fails(cli("rules", "add", "--name", "x"), "--file", code=2)  # neither --file nor --json-definition
    fails(cli("rules", "preview"), "one of the two")
    fails(cli("rules", "test", tmp_path / "missing.jsonl"), "cannot read")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"platform": "mastodon"}\n')
    fails(cli("rules", "test", bad), "line 1", "channel")
    result = fails(cli("rules", "remove", "9", "--as", "beheer", "--json"))
    assert json.loads(result.err)["kind"] == "not_found"


def test_preview_a_definition_and_a_saved_rule(cli, tmp_path):
    ok(cli("import", write_jsonl(tmp_path / "in.jsonl", [
        item_dict("a", text="De container is vol", minutes=0),
        item_dict("b", text="Lantaarnpaal kapot", minutes=1),
    ])))
    preview = ok(cli("rules", "preview", "--json-definition", json.dumps(RULE), "--json")).json
    assert preview["scanned"] == 2 and preview["matched"] == 1 and preview["matches"][0]["snippet"] == "De container is vol"
    human = ok(cli("rules", "preview", "--json-definition", json.dumps(RULE))).out
    assert "1 of the last 2 messages" in human and "De container is vol" in human
    rule_id = ok(cli("rules", "add", "--name", "c", "--json-definition", json.dumps(RULE), "--as", "beheer", "--json")).json["object_id"]
    assert ok(cli("rules", "preview", rule_id, "--limit", "1", "--json")).json["scanned"] == 1
    fails(cli("rules", "preview", rule_id, "--limit", "0"), "1 to 10000")


def test_test_a_jsonl_file_under_the_saved_rules(cli, tmp_path):
    ok(cli("rules", "add", "--name", "containers", "--json-definition", json.dumps(RULE), "--as", "beheer"))
    lines = write_jsonl(tmp_path / "t.jsonl", [item_dict("a", text="container vol"), item_dict("b", text="hallo")])
    results = ok(cli("rules", "test", lines, "--json")).json
    assert [r["department"] for r in results] == ["Afval", None] and [r["line"] for r in results] == [1, 2]
    human = ok(cli("rules", "test", lines)).out
    assert "line 1: Afval, normal, tags afval (rule" in human and "line 2: newsroom queue" in human
    assert ok(cli("inbox", "--json")).json["total"] == 0  # nothing was imported


def _args(cli_data: Path, **values) -> argparse.Namespace:
    return argparse.Namespace(json=True, user=values.pop("user", "beheer"), data_dir=str(cli_data), demo=False, **values)


def test_department_policy_and_user_availability_handlers(cli, tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"  # NEWSROOM_DATA of the test (see tests/conftest.py)
    code = run(_args(data, handler=rule_commands.cmd_department_policy, name="Afval", policy="round_robin"))
    assert code == 0 and json.loads(capsys.readouterr().out)["fields"] == {"assignment_policy": ["manual", "round_robin"]}
    code = run(_args(data, handler=rule_commands.cmd_user_availability, name="joost", absent=True, capacity=3))
    assert code == 0 and json.loads(capsys.readouterr().out)["fields"] == {"absent": [False, True], "capacity": [None, 3]}
    code = run(_args(data, handler=rule_commands.cmd_user_availability, name="joost", absent=None, capacity=None, no_capacity=True))
    assert code == 0 and json.loads(capsys.readouterr().out)["fields"] == {"capacity": [3, None]}
    code = run(_args(data, user="sanne", handler=rule_commands.cmd_department_policy, name="Afval", policy="manual"))
    assert code == 1 and "may not change how" in capsys.readouterr().err
    code = run(_args(data, handler=rule_commands.cmd_department_policy, name="Afval", policy="random"))
    assert code == 1 and "not an assignment policy" in capsys.readouterr().err


# -- every reason has its Dutch text ------------------------------------------------------------------

ROUTING_FILES = ["newsroom/routing/rules.py", "newsroom/actions/routing.py"]


def test_every_routing_reason_has_a_dutch_text():
    from ui.core_text import CORE_TEMPLATES

    root = Path(__file__).resolve().parents[2]
    found = set()
    for name in ROUTING_FILES:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        constants = {
            node.targets[0].id: node.value.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            position = {"ActionError": 0, "RuleInvalid": 0, "require_role": 2, "_whole": 2}.get(func)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant):
                found.add(arg.value)
            elif isinstance(arg, ast.Name) and arg.id in constants:
                found.add(constants[arg.id])
    assert len(found) > 30
    missing = sorted(found - set(CORE_TEMPLATES))
    assert not missing, f"add these to ui/texts/routing.py: {missing}"
